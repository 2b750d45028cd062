//! The words of the header cells, drawn from the wording of real Italian
//! plan templates (PEG, PDO, Piano della Performance, PIAO schede), well
//! beyond the words piano's bundled profiles list.

use fastrand::Rng;

use super::columns::Column;
use crate::draft::DraftStructure;
use crate::family::Family;

/// Headers of the number column.
pub const NUMBER: &[&str] = &[
    "N°", "N.", "Nr.", "Num.", "Numero", "n.", "Cod.", "Codice", "ID", "Rif.", "Progr.", "#",
];

/// Headers of the description column (the plan's `objectives_label`, a
/// leading "Descrizione" dropped).
pub const DESCRIPTION: &[&str] = &[
    "Descrizione Obiettivi Operativi",
    "Descrizione obiettivo",
    "Obiettivo",
    "Obiettivi gestionali",
    "Obiettivo operativo",
    "Attività",
    "Azioni",
    "Descrizione attività",
    "Obiettivi di performance",
    "Denominazione obiettivo",
    "Titolo obiettivo",
    "Obiettivi e fasi",
    "Azioni / Fasi",
];

/// Headers of the weight column.
pub const WEIGHT: &[&str] = &[
    "Peso %",
    "Peso",
    "Peso (%)",
    "Peso %.",
    "PESO",
    "Incidenza",
    "Incidenza %",
    "Ponderazione",
    "Punti",
    "Punteggio",
    "Peso ponderale",
    "Pesatura",
    "% peso",
    "Valore ponderale",
    "Rilevanza",
];

/// Headers of the indicators column.
pub const INDICATORS: &[&str] = &[
    "Indicatori di Misurazione",
    "Indicatore",
    "Indicatori",
    "Misuratore",
    "KPI",
    "Indicatori di risultato",
    "Indicatore di performance",
    "Parametri di misurazione",
    "Modalità di verifica",
    "Indicatori di output",
    "Misuratori",
];

/// Headers of the expected values column.
pub const EXPECTED: &[&str] = &[
    "Valori Attesi",
    "Target",
    "Valore atteso",
    "Risultato atteso",
    "Risultati attesi",
    "Standard",
    "Valore obiettivo",
    "Target atteso",
    "Output atteso",
    "Livello atteso",
    "Valore target",
];

/// Headers of the due column.
pub const DUE: &[&str] = &[
    "Data Fine Attesa",
    "Scadenza",
    "Termine",
    "Tempistica",
    "Entro il",
    "Data di completamento",
    "Tempi di realizzazione",
    "Data conclusione",
    "Cronoprogramma",
    "Tempi",
    "Termine previsto",
    "Data scadenza",
];

/// Headers of the responsible column (code tables).
pub const RESPONSIBLE: &[&str] = &[
    "Responsabile",
    "Referente",
    "Responsabile del procedimento",
    "Dirigente responsabile",
    "Resp.",
    "Centro di responsabilità",
    "Ufficio responsabile",
];

/// One word per column header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wording {
    /// The number column's header.
    pub number: &'static str,
    /// The description column's header; `None` keeps each structure's own
    /// (the draft's, as the canonical template writes it).
    pub description: Option<&'static str>,
    /// The weight column's header.
    pub weight: &'static str,
    /// The indicators column's header.
    pub indicators: &'static str,
    /// The expected values column's header.
    pub expected: &'static str,
    /// The due column's header.
    pub due: &'static str,
    /// The responsible column's header (code tables).
    pub responsible: &'static str,
}

impl Wording {
    /// The words of `family`'s template.
    pub fn canonical(family: Family) -> Wording {
        match family {
            Family::StrutturaTable => Wording {
                number: NUMBER[0],
                description: None,
                weight: WEIGHT[0],
                indicators: INDICATORS[0],
                expected: EXPECTED[0],
                due: DUE[0],
                responsible: RESPONSIBLE[0],
            },
            Family::CodeTable => Wording {
                number: "Cod.",
                description: None,
                weight: "Peso",
                indicators: "Indicatore",
                expected: "Target",
                due: "Scadenza",
                responsible: RESPONSIBLE[0],
            },
        }
    }

    /// Each column's word drawn on its own; the description header is the
    /// draft's own a quarter of the time.
    pub fn random(rng: &mut Rng) -> Wording {
        Wording {
            number: one(rng, NUMBER),
            description: (rng.u32(0..4) != 0).then(|| one(rng, DESCRIPTION)),
            weight: one(rng, WEIGHT),
            indicators: one(rng, INDICATORS),
            expected: one(rng, EXPECTED),
            due: one(rng, DUE),
            responsible: one(rng, RESPONSIBLE),
        }
    }

    /// The header of `column` (the description's: the structure's own, see
    /// [`Wording::apply`]).
    pub fn word(&self, column: Column) -> &'static str {
        match column {
            Column::Number => self.number,
            Column::Description => self.description.unwrap_or(DESCRIPTION[0]),
            Column::Weight => self.weight,
            Column::Indicators => self.indicators,
            Column::Expected => self.expected,
            Column::Due => self.due,
            Column::Responsible => self.responsible,
        }
    }

    /// Every column of `family` with its word (the description's
    /// "as-drafted" when each structure keeps its own).
    pub fn words(&self, family: Family) -> Vec<(Column, &'static str)> {
        Column::of(family)
            .iter()
            .map(|&column| match (column, self.description) {
                (Column::Description, None) => (column, "as-drafted"),
                _ => (column, self.word(column)),
            })
            .collect()
    }

    /// Gives the structure this wording's description header, and the
    /// `objectives_label` it means.
    pub fn apply(&self, structure: &mut DraftStructure) {
        if let Some(header) = self.description {
            header.clone_into(&mut structure.description_header);
            structure.objectives_label = Some(label_of(header));
        }
    }
}

/// One word of `words`, at random.
fn one(rng: &mut Rng, words: &[&'static str]) -> &'static str {
    words[rng.usize(..words.len())]
}

/// The `objectives_label` a description header means: the header, a
/// leading "Descrizione" dropped.
pub fn label_of(header: &str) -> String {
    header
        .strip_prefix("Descrizione ")
        .unwrap_or(header)
        .to_owned()
}
