"""The two weight-matrix fixtures: Codogno (five heads, footer labels in the
first column) and Poggibonsi (head cells wrapped over two lines, footer labels
in the Descrizione column under an empty first cell, the header repeated after
the page break)."""

from families import PAGE, PAGE_HEADER

CODOGNO = {
    "name": "codogno-2023", "family": "weight-matrix", "document_kind": "plan",
    "builder": "weight-matrix",
    "ente": {"kind": "comune", "name": "Codogno", "provincia": "Lodi", "istat": "098019"},
    "ente_lines": ["COMUNE DI CODOGNO", "Provincia di LODI"],
    "title": "PIANO DELLA PERFORMANCE 2023 – PESATURA DEGLI OBIETTIVI",
    "year": 2023,
    "intro": [["Il peso di ciascun obiettivo è ripartito tra le Aree che concorrono al suo",
               "raggiungimento. Il peso ponderale di ogni Area è ricondotto a 100 con il",
               "fattore di conversione."]],
    "caption": "Pesatura degli obiettivi di performance per Area",
    "header": ["Obiettivo n.", "Descrizione", "Area Amministrativa",
               "Area Finanziaria", "Area Tecnica", "Polizia Locale",
               "Segretario Generale"],
    "rows": [
        ("1", "Attuazione del piano triennale per la transizione digitale",
         ["10", "5", "5", "2,5", "5"]),
        ("2", ["Riduzione dei tempi di conclusione dei procedimenti", "su istanza di parte"],
         ["10", "5", "10", "5", "0"]),
        ("3", "Aggiornamento della sezione Amministrazione trasparente",
         ["5", "5", "5", "2,5", "10"]),
        ("4", "Recupero dell'evasione dei tributi locali", ["0", "15", "0", "0", "0"]),
        ("5", "Rispetto dei tempi di pagamento delle fatture",
         ["2,5", "10", "7,5", "2,5", "0"]),
        ("6", "Manutenzione programmata degli edifici scolastici", ["0", "0", "15", "0", "0"]),
        PAGE,
        ("7", ["Sicurezza urbana e presidio del territorio nelle ore", "serali"],
         ["0", "0", "0", "15", "0"]),
        ("8", "Prevenzione della corruzione: attuazione delle misure del PTPCT",
         ["5", "5", "5", "5", "10"]),
        ("9", "Qualità dei servizi demografici e di stato civile", ["12,5", "0", "0", "0", "0"]),
        ("10", "Controllo successivo di regolarità amministrativa",
         ["0", "0", "0", "0", "7,5"]),
    ],
    "footer": [
        ["Peso ponderale calcolato", "", "45", "45", "47,5", "32,5", "32,5"],
        ["Fattore di conversione", "", "2,22", "2,22", "2,11", "3,08", "3,08"],
        ["Totale", "", "100", "100", "100", "100", "100"],
    ],
    "closing": [["Il fattore di conversione è arrotondato alla seconda cifra decimale."]],
}

POGGIBONSI = {
    "name": "poggibonsi-2022", "family": "weight-matrix", "document_kind": "plan",
    "builder": "weight-matrix",
    "ente": {"kind": "comune", "name": "Poggibonsi", "provincia": "Siena", "istat": "052022"},
    "ente_lines": ["COMUNE DI POGGIBONSI", "Provincia di SIENA"],
    "title": "PIANO ESECUTIVO DI GESTIONE E DELLA PERFORMANCE 2022",
    "year": 2022,
    "caption": "Tabella 2 – Ripartizione del peso degli obiettivi tra i Settori",
    "header": ["Obiettivo n.", "Descrizione", ["Settore Affari", "Generali"],
               ["Settore Servizi", "alla Persona"], ["Settore Gestione", "del Territorio"],
               "Segretario Generale"],
    "rows": [
        ("1", "Revisione della macrostruttura e del funzionigramma", ["10", "2,5", "2,5", "15"]),
        ("2", "Sportello digitale per le pratiche edilizie", ["0", "0", "20", "0"]),
        ("3", ["Nuovo sistema di prenotazione online delle mense", "scolastiche"],
         ["2,5", "15", "0", "0"]),
        ("4", "Piano delle alienazioni e valorizzazioni immobiliari", ["5", "0", "10", "0"]),
        ("5", "Coprogettazione con il Terzo settore dei servizi per i minori",
         ["0", "12,5", "0", "2,5"]),
        PAGE_HEADER,
        ("6", "Regolamento dei contributi alle associazioni culturali e sportive",
         ["7,5", "7,5", "0", "2,5"]),
        ("7", "Efficientamento energetico dell'illuminazione pubblica", ["0", "0", "15", "0"]),
        ("8", ["Gestione documentale e conservazione digitale", "dei fascicoli"],
         ["10", "2,5", "2,5", "5"]),
        ("9", "Controllo di gestione e reportistica infrannuale", ["5", "0", "0", "10"]),
    ],
    "footer": [
        ["", "Peso ponderale calcolato", "40", "40", "50", "35"],
        ["", "Fattore di conversione", "2,5", "2,5", "2", "2,86"],
        ["", "Totale", "100", "100", "100", "100"],
    ],
}

DOCUMENTS = [CODOGNO, POGGIBONSI]
