"""The fixture of no known family: Orbetello's rules on remote work, articles
of prose and one annex table with the headers "N. | Descrizione | Peso |
Scadenza", without any section heading."""

from families import PAGE


def row(number, description, weight, due):
    return {"number": number, "description": description, "weight": weight, "due": due}


ORBETELLO = {
    "name": "orbetello-2023", "family": None, "document_kind": None,
    "builder": "none", "folder": "none",
    "ente": {"kind": "comune", "name": "Orbetello", "provincia": "Grosseto",
             "istat": "053018"},
    "ente_lines": ["COMUNE DI ORBETELLO", "Provincia di GROSSETO"],
    "title": "DISCIPLINARE DEL LAVORO AGILE 2023",
    "year": 2023,
    "intro": [["Approvato con deliberazione della Giunta comunale n. 112 del 14 aprile 2023."]],
    "label": None,
    "parts": [
        ("prose", ["Art. 1 – Oggetto",
                   "Il presente disciplinare regola lo svolgimento della prestazione lavorativa",
                   "in modalità agile da parte dei dipendenti del Comune."]),
        ("prose", ["Art. 2 – Accesso al lavoro agile",
                   "Il lavoro agile è consentito per le attività che possono essere svolte a",
                   "distanza senza pregiudizio per i servizi resi ai cittadini. L'accesso avviene",
                   "con un accordo individuale tra il dipendente e il proprio dirigente."]),
        ("prose", ["Art. 3 – Giornate e fasce di contattabilità",
                   "Il dipendente può svolgere in modalità agile fino a due giornate alla",
                   "settimana ed è contattabile dalle ore 9.00 alle ore 13.00."]),
        PAGE,
        ("prose", ["Art. 4 – Strumenti e sicurezza",
                   "L'amministrazione fornisce il computer portatile e l'accesso alla rete",
                   "privata virtuale; il dipendente rispetta le misure di sicurezza informatica."]),
        ("table", "Allegato 1 – Cronoprogramma di attuazione del disciplinare",
         ["N.", "Descrizione", "Peso", "Scadenza"],
         ["number", "description", "weight", "due"],
         [row("1", "Mappatura delle attività che si possono svolgere a distanza", "15%",
              "31.05.2023"),
          row("2", "Acquisto dei computer portatili per i dipendenti in lavoro agile", "20%",
              "30.06.2023"),
          row("3", ["Configurazione della rete privata virtuale e dell'autenticazione",
                    "a due fattori"], "15%", "30.06.2023"),
          row("4", "Sottoscrizione degli accordi individuali", "15%", "31.07.2023"),
          row("5", "Formazione dei dipendenti sulla sicurezza informatica", "10%",
              "30.09.2023"),
          row("6", "Formazione dei dirigenti sulla gestione per obiettivi", "10%",
              "30.09.2023"),
          row("7", "Indagine sul benessere organizzativo dei dipendenti in lavoro agile",
              "10%", "30.11.2023"),
          row("8", "Relazione annuale alla Giunta sugli esiti della sperimentazione", "5%",
              "31.12.2023")]),
        ("prose", ["Art. 5 – Entrata in vigore",
                   "Il presente disciplinare entra in vigore il giorno successivo alla",
                   "pubblicazione all'albo pretorio on line."]),
    ],
}

DOCUMENTS = [ORBETELLO]
