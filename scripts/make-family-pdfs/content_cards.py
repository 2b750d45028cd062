"""The two objective-cards fixtures: Carpi (SETTORE, cards numbered through the
plan, "Fase | Peso | Scadenza" phase tables) and Pescia (AREA and SERVIZIO,
numbering restarting per section, short titles, "Peso: 30%" in one cell,
"N. | Fasi di attuazione | Tempi" phase tables)."""

from families import PAGE


def fields(*items):
    return list(items)


def fase_peso_scadenza(*rows):
    return {"header": ["Fase", "Peso", "Scadenza"],
            "columns": ["description", "weight", "due"], "rows": [list(r) for r in rows]}


def fasi_tempi(*rows):
    return {"header": ["N.", "Fasi di attuazione", "Tempi"],
            "columns": ["ordinal", "description", "due"],
            "rows": [[str(i), text, due] for i, (text, due) in enumerate(rows, 1)]}


CARPI = {
    "name": "carpi-2022", "family": "objective-cards", "document_kind": "plan",
    "ente": {"kind": "comune", "name": "Carpi", "provincia": "Modena", "istat": "036005"},
    "ente_lines": ["COMUNE DI CARPI", "Provincia di MODENA"],
    "title": "PIANO DETTAGLIATO DEGLI OBIETTIVI 2022 – SCHEDE OBIETTIVO",
    "year": 2022,
    "intro": [["Ogni scheda riporta l'obiettivo assegnato al settore, il responsabile, il peso,",
               "gli indicatori e le fasi di attuazione con i relativi tempi."]],
    "sections": [
        {"heading": "SETTORE: AFFARI GENERALI – RESPONSABILE: Dott.ssa Anna Ferrari",
         "kind": "SETTORE", "name": "AFFARI GENERALI",
         "head": {"role": "RESPONSABILE", "name": "Dott.ssa Anna Ferrari", "ad_interim": False},
         "cards": [
             {"title": "Obiettivo n. 1", "number": "1", "fields": fields(
                 ("Descrizione", ["Riorganizzazione dell'archivio di deposito e scarto della",
                                  "documentazione non più soggetta a conservazione"],
                  "description"),
                 ("Responsabile", "Dott.ssa Anna Ferrari", "responsible"),
                 ("Peso", "40%", "weight"),
                 ("Indicatore", "Metri lineari di documentazione riordinata", "indicators"),
                 ("Valore atteso", "Almeno 200 metri lineari", "expected"),
                 ("Scadenza", "31.12.2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Censimento dei fondi archivistici", "30%", "31.03.2022"),
                  ("Richiesta di nulla osta alla Soprintendenza", "20%", "30.06.2022"),
                  ("Scarto e riordino dei fascicoli", "50%", "31.12.2022"))},
             {"title": "Obiettivo n. 2", "number": "2", "fields": fields(
                 ("Descrizione", "Nuovo regolamento per l'accesso civico generalizzato",
                  "description"),
                 ("Responsabile", "Dott. Luca Malagoli", "responsible"),
                 ("Peso", "30%", "weight"),
                 ("Indicatore", "Regolamento approvato", "indicators"),
                 ("Valore atteso", "Delibera di Consiglio comunale", "expected"),
                 ("Scadenza", "30.09.2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Bozza del regolamento", "50%", "30.04.2022"),
                  ("Approvazione in Consiglio", "50%", "30.09.2022"))},
             {"title": "Obiettivo n. 3", "number": "3", "fields": fields(
                 ("Descrizione", "Formazione del personale sulla protezione dei dati personali",
                  "description"),
                 ("Responsabile", "Dott.ssa Anna Ferrari", "responsible"),
                 ("Peso", "30%", "weight"),
                 ("Indicatore", "Dipendenti formati sul totale", "indicators"),
                 ("Valore atteso", "80%", "expected"),
                 ("Scadenza", "30.11.2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Affidamento del corso", "20%", "28.02.2022"),
                  (["Svolgimento delle sessioni formative in", "presenza e a distanza"],
                   "80%", "30.11.2022"))},
         ]},
        {"heading": "SETTORE: SERVIZI ALLA PERSONA – RESPONSABILE: Dott. Giorgio Lugli",
         "kind": "SETTORE", "name": "SERVIZI ALLA PERSONA",
         "head": {"role": "RESPONSABILE", "name": "Dott. Giorgio Lugli", "ad_interim": False},
         "cards": [
             {"title": "Obiettivo n. 4", "number": "4", "fields": fields(
                 ("Descrizione", "Apertura dello sportello unico per l'accesso ai servizi sociali",
                  "description"),
                 ("Responsabile", "Dott.ssa Marta Borsari", "responsible"),
                 ("Peso", "50%", "weight"),
                 ("Indicatore", "Accessi registrati allo sportello", "indicators"),
                 ("Valore atteso", "Almeno 500 accessi", "expected"),
                 ("Scadenza", "31.10.2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Individuazione dei locali e del personale", "30%", "31.03.2022"),
                  ("Apertura al pubblico", "70%", "31.05.2022"))},
             PAGE,
             {"title": "Obiettivo n. 5", "number": "5", "fields": fields(
                 ("Descrizione", ["Bando per i contributi a sostegno dei canoni di locazione",
                                  "delle famiglie in difficoltà economica"], "description"),
                 ("Responsabile", "Dott. Giorgio Lugli", "responsible"),
                 ("Peso", "50%", "weight"),
                 ("Indicatore", "Domande istruite", "indicators"),
                 ("Valore atteso", ["Tutte le domande pervenute entro", "i termini del bando"],
                  "expected"),
                 ("Scadenza", "31 dicembre 2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Pubblicazione del bando", "20%", "30.06.2022"),
                  ("Istruttoria delle domande", "50%", "30.09.2022"),
                  ("Liquidazione dei contributi", "30%", "31.12.2022"))},
         ]},
        {"heading": "SETTORE: LAVORI PUBBLICI E AMBIENTE – RESPONSABILE: Ing. Paolo Righi",
         "kind": "SETTORE", "name": "LAVORI PUBBLICI E AMBIENTE",
         "head": {"role": "RESPONSABILE", "name": "Ing. Paolo Righi", "ad_interim": False},
         "cards": [
             {"title": "Obiettivo n. 6", "number": "6", "fields": fields(
                 ("Descrizione", "Riqualificazione energetica della scuola primaria Giotto",
                  "description"),
                 ("Responsabile", "Ing. Paolo Righi", "responsible"),
                 ("Peso", "60%", "weight"),
                 ("Indicatore", "Stato di avanzamento dei lavori", "indicators"),
                 ("Valore atteso", "Lavori ultimati", "expected"),
                 ("Scadenza", "31.08.2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Aggiudicazione dei lavori", "30%", "31.03.2022"),
                  ("Esecuzione dei lavori a scuola chiusa", "60%", "31.08.2022"),
                  ("Collaudo", "10%", "30.09.2022"))},
             {"title": "Obiettivo n. 7", "number": "7", "fields": fields(
                 ("Descrizione", "Piano comunale di manutenzione del verde pubblico",
                  "description"),
                 ("Responsabile", "Geom. Sara Pivetti", "responsible"),
                 ("Peso", "30%", "weight"),
                 ("Indicatore", "Aree verdi censite", "indicators"),
                 ("Valore atteso", "100%", "expected"),
                 ("Scadenza", "30.06.2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Censimento delle aree verdi", "60%", "30.04.2022"),
                  ("Approvazione del piano in Giunta", "40%", "30.06.2022"))},
             {"title": "Obiettivo n. 8", "number": "8", "fields": fields(
                 ("Descrizione", "Estensione della rete delle piste ciclabili urbane",
                  "description"),
                 ("Responsabile", "Ing. Paolo Righi", "responsible"),
                 ("Peso", "30%", "weight"),
                 ("Indicatore", "Chilometri di pista realizzati", "indicators"),
                 ("Valore atteso", "3 km", "expected"),
                 ("Scadenza", "31.12.2022", "due")),
              "phases": fase_peso_scadenza(
                  ("Progettazione definitiva", "40%", "31.05.2022"),
                  ("Realizzazione del primo lotto", "60%", "31.12.2022"))},
         ]},
    ],
}

PESCIA = {
    "name": "pescia-2023", "family": "objective-cards", "document_kind": "plan",
    "ente": {"kind": "comune", "name": "Pescia", "provincia": "Pistoia", "istat": "047012"},
    "ente_lines": ["COMUNE DI PESCIA", "Provincia di PISTOIA"],
    "title": "PIANO ESECUTIVO DI GESTIONE 2023 – SCHEDE DEGLI OBIETTIVI",
    "year": 2023,
    "sections": [
        {"heading": "AREA: SERVIZI FINANZIARI – DIRIGENTE: Dott. Massimo Lenzi",
         "kind": "AREA", "name": "SERVIZI FINANZIARI",
         "head": {"role": "DIRIGENTE", "name": "Dott. Massimo Lenzi", "ad_interim": False},
         "cards": [
             {"title": "OBIETTIVO N. 1", "short": "Bilancio partecipato", "number": "1",
              "fields": fields(
                  ("Descrizione", "Bilancio partecipato", "description"),
                  ("Responsabile", "Dott. Massimo Lenzi", "responsible"),
                  ("Peso:", "30%", "weight"),
                  ("Indicatore", "Assemblee pubbliche svolte", "indicators"),
                  ("Target", "Almeno 4 assemblee", "expected"),
                  ("Scadenza:", "30/11/2023", "due")),
              "phases": fasi_tempi(
                  ("Definizione del regolamento del percorso", "31/03/2023"),
                  ("Assemblee nei quartieri", "30/09/2023"),
                  ("Voto dei progetti", "30/11/2023"))},
             {"title": "OBIETTIVO N. 2", "number": "2",
              "fields": fields(
                  ("Descrizione", ["Riscossione coattiva delle entrate patrimoniali non",
                                   "pagate nelle annualità 2019-2021"], "description"),
                  ("Responsabile", "Rag. Cristina Nesti", "responsible"),
                  ("Peso:", "40%", "weight"),
                  ("Indicatore", "Ingiunzioni notificate", "indicators"),
                  ("Target", "Almeno 350", "expected"),
                  ("Scadenza:", "31/12/2023", "due")),
              "phases": fasi_tempi(
                  ("Estrazione delle posizioni insolute", "28/02/2023"),
                  (["Emissione e notifica delle ingiunzioni", "di pagamento"], "31/10/2023"))},
             {"title": "OBIETTIVO N. 3", "short": "Inventario dei beni mobili", "number": "3",
              "fields": fields(
                  ("Descrizione", "Inventario dei beni mobili", "description"),
                  ("Responsabile", "Rag. Cristina Nesti", "responsible"),
                  ("Peso:", "30%", "weight"),
                  ("Indicatore", "Beni etichettati e registrati", "indicators"),
                  ("Target", "100%", "expected"),
                  ("Scadenza:", "31/12/2023", "due")),
              "phases": fasi_tempi(
                  ("Ricognizione negli uffici", "30/06/2023"),
                  ("Aggiornamento del registro", "31/12/2023"))},
         ]},
        PAGE,
        {"heading": "SERVIZIO: POLIZIA MUNICIPALE – COMANDANTE: Comm. Fabio Biagini",
         "kind": "SERVIZIO", "name": "POLIZIA MUNICIPALE",
         "head": {"role": "COMANDANTE", "name": "Comm. Fabio Biagini", "ad_interim": False},
         "cards": [
             {"title": "Obiettivo n° 1", "number": "1",
              "fields": fields(
                  ("Descrizione", "Presidio del mercato dei fiori nelle giornate di apertura",
                   "description"),
                  ("Responsabile", "Comm. Fabio Biagini", "responsible"),
                  ("Peso", "40%", "weight"),
                  ("Indicatore", "Giornate con presidio", "indicators"),
                  ("Target", "100% delle giornate", "expected"),
                  ("Scadenza", "31/12/2023", "due")),
              "phases": fasi_tempi(
                  ("Piano dei turni", "31/01/2023"),
                  ("Servizio di presidio", "31/12/2023"))},
             {"title": "Obiettivo n° 2", "number": "2",
              "fields": fields(
                  ("Descrizione", "Controlli sulla sosta nelle zone a traffico limitato",
                   "description"),
                  ("Responsabile", "Isp. Sonia Bartolini", "responsible"),
                  ("Peso", "30%", "weight"),
                  ("Indicatore", "Controlli svolti", "indicators"),
                  ("Target", "Almeno 200", "expected"),
                  ("Scadenza", "31/12/2023", "due")),
              "phases": fasi_tempi(
                  ("Installazione dei varchi elettronici", "30/04/2023"),
                  ("Controlli programmati", "31/12/2023"))},
             {"title": "Obiettivo n° 3", "number": "3",
              "fields": fields(
                  ("Descrizione", "Educazione alla legalità nelle scuole secondarie",
                   "description"),
                  ("Responsabile", "Isp. Sonia Bartolini", "responsible"),
                  ("Peso", "30%", "weight"),
                  ("Indicatore", "Incontri nelle classi", "indicators"),
                  ("Target", "Almeno 15 incontri", "expected"),
                  ("Scadenza", "31 maggio 2023", "due")),
              "phases": fasi_tempi(
                  ("Accordo con gli istituti scolastici", "31/01/2023"),
                  ("Incontri nelle classi", "31/05/2023"))},
         ]},
        {"heading": "AREA: SERVIZI TECNICI – DIRIGENTE: Arch. Elisa Giuntoli",
         "kind": "AREA", "name": "SERVIZI TECNICI",
         "head": {"role": "DIRIGENTE", "name": "Arch. Elisa Giuntoli", "ad_interim": False},
         "cards": [
             {"title": "OBIETTIVO N. 1", "short": "Piano Operativo comunale", "number": "1",
              "fields": fields(
                  ("Descrizione", "Piano Operativo comunale", "description"),
                  ("Responsabile", "Arch. Elisa Giuntoli", "responsible"),
                  ("Peso:", "60%", "weight"),
                  ("Indicatore", "Fase del procedimento", "indicators"),
                  ("Target", "Adozione in Consiglio", "expected"),
                  ("Scadenza:", "31/12/2023", "due")),
              "phases": fasi_tempi(
                  ("Osservazioni al documento di avvio", "31/03/2023"),
                  ("Conferenza di copianificazione", "30/06/2023"),
                  ("Adozione in Consiglio comunale", "31/12/2023"))},
             {"title": "OBIETTIVO N. 2", "number": "2",
              "fields": fields(
                  ("Descrizione", ["Manutenzione straordinaria dei ponti sul fiume Pescia",
                                   "finanziata con i fondi PNRR"], "description"),
                  ("Responsabile", "Ing. Davide Cecchi", "responsible"),
                  ("Peso:", "40%", "weight"),
                  ("Indicatore", "Interventi conclusi", "indicators"),
                  ("Target", "2 ponti", "expected"),
                  ("Scadenza:", "30/09/2023", "due")),
              "phases": fasi_tempi(
                  ("Progetto esecutivo", "28/02/2023"),
                  ("Esecuzione dei lavori", "30/09/2023"))},
         ]},
    ],
}

DOCUMENTS = [CARPI, PESCIA]
