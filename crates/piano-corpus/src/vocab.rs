//! The words synthetic plans are made of: phrases of the kind Italian
//! performance plans use, combined at random by [`crate::draft`].
//!
//! Every phrase is whitespace-normalised, holds no tab, and uses only
//! characters Helvetica's WinAnsiEncoding can show, so the PDF and the text
//! dump of a plan say exactly the same thing.

/// Words a structure line opens with ("STRUTTURA: …").
pub const SECTION_WORDS: &[&str] = &["STRUTTURA", "SETTORE", "AREA", "SERVIZIO"];

/// Names of organisational units.
pub const STRUCTURE_NAMES: &[&str] = &[
    "SEGRETERIA GENERALE",
    "AFFARI GENERALI ED AL CITTADINO",
    "SERVIZI FINANZIARI E TRIBUTI",
    "SERVIZI FINANZIARI ED ALLA PERSONA",
    "POLIZIA LOCALE E PROTEZIONE CIVILE",
    "LAVORI PUBBLICI E MANUTENZIONI",
    "URBANISTICA ED EDILIZIA PRIVATA",
    "SERVIZI SOCIALI E POLITICHE PER LA FAMIGLIA",
    "CULTURA, TURISMO E SPORT",
    "AMBIENTE, VERDE PUBBLICO E TRASPORTI",
    "PERSONALE E ORGANIZZAZIONE",
    "SERVIZI DEMOGRAFICI ED ELETTORALI",
    "SUAP E ATTIVITÀ PRODUTTIVE",
    "PATRIMONIO, DEMANIO E BENI CULTURALI",
    "ISTRUZIONE E SERVIZI SCOLASTICI",
    "INFORMATICA E TRANSIZIONE DIGITALE",
    "AREA TECNICA, LAVORI PUBBLICI, URBANISTICA, EDILIZIA, MANUTENZIONI, BENI DEMANIALI, AMBIENTE E TRASPORTI",
    "CONTRATTI, APPALTI E CENTRALE UNICA DI COMMITTENZA",
];

/// Roles written before the head's name.
pub const ROLES: &[&str] = &[
    "DIRIGENTE/RESPONSABILE",
    "RESPONSABILE",
    "DIRIGENTE",
    "SEGRETARIO GENERALE",
    "RESPONSABILE P.O.",
    "FUNZIONARIO RESPONSABILE",
];

/// Honorifics written before a head's name.
pub const HONORIFICS: &[&str] = &[
    "DOTT.", "Dott.", "Dott.ssa", "DOTT.SSA", "ARCH.", "Arch.", "Ing.", "Geom.", "Rag.", "Avv.",
];

/// First names.
pub const FIRST_NAMES: &[&str] = &[
    "Mario",
    "Giuseppe",
    "Carlo",
    "Luca",
    "Paolo",
    "Francesca",
    "Maria",
    "Giulia",
    "Anna",
    "Roberto",
    "Elena",
    "Stefano",
    "Chiara",
    "Niccolò",
    "Lucia",
    "Andrea",
    "Simona",
    "Fabrizio",
];

/// Surnames.
pub const SURNAMES: &[&str] = &[
    "Rossi", "Bianchi", "Martini", "Cattani", "Esposito", "Russo", "Ferrari", "Romano", "Gallo",
    "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti", "D'Angelo",
];

/// Titles of plans that carry no year of their own.
pub const TITLES_WITHOUT_YEAR: &[&str] = &[
    "PIANO DEGLI OBIETTIVI, DELLE ATTIVITA' E DELLA PERFORMANCE AI SENSI DELL'ART. 169 C. 3-BIS DEL DLGS 267/2000 E ART. 10 DEL DLGS 150/2009",
    "PIANO DETTAGLIATO DEGLI OBIETTIVI E DELLA PERFORMANCE",
    "PIANO ESECUTIVO DI GESTIONE - PIANO DEGLI OBIETTIVI",
];

/// Headings of preamble sections.
pub const HEADINGS: &[&str] = &[
    "I RIFERIMENTI NORMATIVI",
    "LA PROGRAMMAZIONE STRATEGICA E GLI OBIETTIVI",
    "IL CICLO DELLA PERFORMANCE",
    "LA STRUTTURA ORGANIZZATIVA DELL'ENTE",
    "PREMESSA",
];

/// Sentences of preamble prose.
pub const PREAMBLE_SENTENCES: &[&str] = &[
    "Il Ciclo della Performance risulta disciplinato dal D. Lgs. 27 ottobre 2009 n. 150.",
    "Gli Enti Locali adeguano i propri ordinamenti ai principi contenuti nel decreto.",
    "Il piano dettagliato degli obiettivi e il piano della performance sono unificati organicamente nel PEG.",
    "La misurazione e la valutazione della performance sono finalizzate ad ottimizzare la produttività del lavoro.",
    "Il Regolamento per la misurazione e valutazione della performance è approvato con deliberazione di Giunta.",
    "Gli obiettivi assegnati devono essere appropriati, sfidanti e misurabili.",
    "Il piano deve essere ispirato ai principi di trasparenza, immediata intelligibilità e veridicità dei contenuti.",
    "Le priorità strategiche coincidono con le Missioni e i Programmi del DUP.",
    "Di seguito viene illustrato uno schema logico con il quale le linee di indirizzo vengono trasformate in obiettivi.",
    "La normativa prevede che siano riportati specifici obiettivi di trasparenza e anticorruzione.",
    "Il Nucleo di Valutazione verifica la corretta attuazione del sistema di misurazione.",
    "Ogni struttura organizzativa concorre al raggiungimento degli obiettivi dell'amministrazione.",
];

/// Items of bulleted preamble lists (written after "- ").
pub const PREAMBLE_BULLETS: &[&str] = &[
    "riformulare e comunicare gli obiettivi strategici e operativi;",
    "verificare che gli obiettivi strategici e operativi siano stati conseguiti;",
    "informare e guidare i processi decisionali;",
    "gestire più efficacemente le risorse ed i processi organizzativi;",
    "rafforzare l'accountability e la responsabilità a diversi livelli gerarchici;",
    "incoraggiare il miglioramento continuo e l'apprendimento organizzativo.",
];

/// "Linea Strategica" values.
pub const STRATEGIC_LINES: &[&str] = &[
    "Promuovere la crescita della Città valorizzando le risorse presenti e creando nuove opportunità per lo sviluppo sostenibile del territorio",
    "Una amministrazione trasparente, efficiente e vicina ai cittadini",
    "Sicurezza, legalità e qualità della vita urbana",
    "Sostenibilità ambientale e cura del territorio",
    "Welfare di comunità e servizi alla persona",
];

/// "Obiettivo Strategico" values (several may be joined with ";").
pub const STRATEGIC_OBJECTIVES: &[&str] = &[
    "Gestire e migliorare l'Amministrazione e il funzionamento dei servizi generali e dei servizi di supporto interni",
    "Gestire e migliorare l'Amministrazione, il funzionamento ed erogazione dell'istruzione e dei servizi sociali",
    "Gestire e migliorare l'Amministrazione e il funzionamento della cultura, dello sport e del turismo",
    "Gestire e migliorare l'Amministrazione e il funzionamento dei servizi tecnici e dell'ambiente",
    "Garantire l'ordine pubblico, la sicurezza urbana e la protezione civile",
    "Digitalizzare i servizi e i procedimenti dell'Ente",
];

/// "Obiettivo Operativo" values.
pub const OPERATIONAL_OBJECTIVES: &[&str] = &[
    "Mantenere e sviluppare gli standard qualitativi e quantitativi dei servizi erogati",
    "Migliorare l'efficienza dei processi interni",
    "Garantire il rispetto dei tempi dei procedimenti amministrativi",
];

/// Headers of the description column ("Descrizione …").
pub const DESCRIPTION_HEADERS: &[&str] = &[
    "Descrizione Obiettivi Operativi",
    "Descrizione Obiettivi Operativi",
    "Descrizione Obiettivi Gestionali",
    "Descrizione Obiettivi",
];

/// How objective descriptions start.
pub const OBJECTIVE_ACTIONS: &[&str] = &[
    "Rispetto degli obblighi e adempimenti relativi a",
    "Gestione e coordinamento di",
    "Monitoraggio del rispetto di",
    "Aggiornamento e revisione di",
    "Predisposizione di",
    "Digitalizzazione e informatizzazione di",
    "Riorganizzazione di",
    "Attuazione e verifica di",
    "Implementazione di",
];

/// What objectives and phases are about.
pub const OBJECTS: &[&str] = &[
    "trasparenza e pubblicazione degli atti sulla sezione Amministrazione Trasparente",
    "piano triennale di prevenzione della corruzione",
    "tempi medi di pagamento dei fornitori",
    "contrattazione decentrata integrativa dell'anno di riferimento",
    "lavoro agile e organizzazione degli uffici",
    "modulistica on line per l'accesso ai servizi",
    "riscossione delle entrate tramite PagoPA",
    "regolamento per l'emergenza abitativa",
    "atti di gara per la mensa scolastica",
    "manutenzione degli edifici scolastici",
    "progetto esecutivo di messa in sicurezza della copertura",
    "piano delle alienazioni immobiliari",
    "archivio storico comunale",
    "anagrafe nazionale della popolazione residente",
    "servizio di trasporto scolastico",
    "regolamento della zona a traffico limitato",
    "stagione teatrale 2021/2022",
    "programma triennale del fabbisogno di personale",
];

/// How objective descriptions may end.
pub const QUALIFIERS: &[&str] = &[
    "",
    "",
    ", in conformità alla normativa vigente",
    " entro i termini di legge",
    ", anche mediante il ricorso a strumenti informatici e telematici",
    ", con particolare riferimento al conferimento degli incarichi a qualsiasi titolo",
    " (D.Lgs. n. 33/2013 e s.m.i.)",
];

/// Phase descriptions after "Fase:".
pub const PHASE_ACTIONS: &[&str] = &[
    "approvazione del progetto esecutivo",
    "predisposizione determina a contrattare",
    "aggiudicazione dei lavori",
    "avvio del procedimento",
    "pubblicazione dei documenti previsti su amministrazione trasparente",
    "redazione della relazione annuale",
    "monitoraggio trimestrale dei dati",
    "verifica della corretta pubblicazione",
    "predisporre proposta di deliberazione di Giunta",
    "conclusione dei lavori",
];

/// "Indicatori di Misurazione" values.
pub const INDICATORS: &[&str] = &[
    "Sezioni di Amministrazione Trasparente di competenza.",
    "Tempi medi di pagamento dell'ente.",
    "Redazione dell'aggiornamento del piano annuale.",
    "N. determine anno corrente e anno precedente. N. pratiche elaborate.",
    "Informatizzazione della procedura di accesso ai servizi dell'ente da parte degli utenti.",
    "Rispetto delle previsioni normative e regolamentari interne.",
    "Numero di questionari raccolti.",
];

/// "Valori Attesi" values.
pub const EXPECTED_VALUES: &[&str] = &[
    "Produzione di specifico report.",
    "Tempi medi di pagamento entro i 30 gg.",
    "100% degli atti rilasciati in formato digitale.",
    "Corretto caricamento di tutti i documenti previsti dalla normativa.",
    "Realizzazione di almeno un report annuale.",
    "Approvazione entro la scadenza.",
    "Mantenimento dello stesso standard dell'anno precedente o miglioramento degli indicatori.",
];

/// Metropolitan cities, whose comuni a plan may place in a "Città Metropolitana di …".
pub const METROPOLITAN_CITIES: &[&str] = &[
    "Torino",
    "Genova",
    "Milano",
    "Venezia",
    "Bologna",
    "Firenze",
    "Roma",
    "Napoli",
    "Bari",
    "Reggio di Calabria",
    "Palermo",
    "Messina",
    "Catania",
    "Cagliari",
];

/// Programmes of the harmonised budget (D.Lgs. 118/2011) plans are laid
/// out by: mission code, programme code, programme name.
pub const PROGRAMMES: &[(&str, &str, &str)] = &[
    ("01", "01", "Organi istituzionali"),
    ("01", "02", "Segreteria generale"),
    (
        "01",
        "03",
        "Gestione economica, finanziaria, programmazione e provveditorato",
    ),
    (
        "01",
        "04",
        "Gestione delle entrate tributarie e servizi fiscali",
    ),
    ("01", "05", "Gestione dei beni demaniali e patrimoniali"),
    ("01", "06", "Ufficio tecnico"),
    (
        "01",
        "07",
        "Elezioni e consultazioni popolari - Anagrafe e stato civile",
    ),
    ("01", "08", "Statistica e sistemi informativi"),
    ("01", "10", "Risorse umane"),
    ("01", "11", "Altri servizi generali"),
    ("03", "01", "Polizia locale e amministrativa"),
    ("03", "02", "Sistema integrato di sicurezza urbana"),
    ("04", "01", "Istruzione prescolastica"),
    ("04", "02", "Altri ordini di istruzione non universitaria"),
    ("04", "06", "Servizi ausiliari all'istruzione"),
    (
        "05",
        "02",
        "Attività culturali e interventi diversi nel settore culturale",
    ),
    ("06", "01", "Sport e tempo libero"),
    ("08", "01", "Urbanistica e assetto del territorio"),
    ("09", "02", "Tutela, valorizzazione e recupero ambientale"),
    ("09", "03", "Rifiuti"),
    ("10", "05", "Viabilità e infrastrutture stradali"),
    ("11", "01", "Sistema di protezione civile"),
    (
        "12",
        "01",
        "Interventi per l'infanzia e i minori e per asili nido",
    ),
    ("12", "03", "Interventi per gli anziani"),
    (
        "12",
        "04",
        "Interventi per i soggetti a rischio di esclusione sociale",
    ),
    ("12", "09", "Servizio necroscopico e cimiteriale"),
    (
        "14",
        "02",
        "Commercio - reti distributive - tutela dei consumatori",
    ),
];
