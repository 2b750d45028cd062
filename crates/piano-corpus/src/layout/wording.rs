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

/// Headers of the achievement column (results reports).
pub const ACHIEVEMENT: &[&str] = &[
    "% di raggiungimento",
    "Grado di raggiungimento",
    "Percentuale di raggiungimento",
    "% raggiungimento",
    "Risultato raggiunto %",
    "Livello di conseguimento",
    "Valore consuntivo",
    "Stato di attuazione %",
];

/// Headers of the note column (results reports).
pub const NOTE: &[&str] = &[
    "Note",
    "Osservazioni",
    "Motivazioni",
    "Note e scostamenti",
    "Commento",
];

/// Headers of the description column of a card's phase table.
pub const PHASE: &[&str] = &[
    "Fase",
    "Fasi di attuazione",
    "Fasi",
    "Attività",
    "Azioni",
    "Descrizione fase",
    "Cronoprogramma delle fasi",
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
    /// The responsible column's header (code tables, cards).
    pub responsible: &'static str,
    /// The achievement column's header (results reports).
    pub achievement: &'static str,
    /// The note column's header (results reports).
    pub note: &'static str,
    /// The description header of a card's phase table.
    pub phase: &'static str,
}

impl Wording {
    /// The words of `family`'s template.
    pub fn canonical(family: Family) -> Wording {
        let template = Wording {
            number: NUMBER[0],
            description: None,
            weight: WEIGHT[0],
            indicators: INDICATORS[0],
            expected: EXPECTED[0],
            due: DUE[0],
            responsible: RESPONSIBLE[0],
            achievement: ACHIEVEMENT[0],
            note: NOTE[0],
            phase: PHASE[0],
        };
        match family {
            Family::StrutturaTable | Family::ResultsReport => template,
            Family::CodeTable => Wording {
                number: "Cod.",
                weight: "Peso",
                indicators: "Indicatore",
                expected: "Target",
                due: "Scadenza",
                ..template
            },
            Family::ObjectiveCards => Wording {
                number: "N.",
                weight: "Peso",
                indicators: "Indicatore",
                expected: "Valore atteso",
                due: "Scadenza",
                ..template
            },
            Family::WeightMatrix => Wording {
                number: "Obiettivo n.",
                ..template
            },
        }
    }

    /// Each column's word drawn on its own; the description header is the
    /// draft's own a quarter of the time. The words of the columns the
    /// card and report families added are the template's until
    /// [`Wording::draw_added`] draws them.
    pub fn random(rng: &mut Rng) -> Wording {
        Wording {
            number: one(rng, NUMBER),
            description: (rng.u32(0..4) != 0).then(|| one(rng, DESCRIPTION)),
            weight: one(rng, WEIGHT),
            indicators: one(rng, INDICATORS),
            expected: one(rng, EXPECTED),
            due: one(rng, DUE),
            responsible: one(rng, RESPONSIBLE),
            ..Wording::canonical(Family::StrutturaTable)
        }
    }

    /// Draws the achievement, note and phase table words (after every
    /// older axis, so that a seed draws the layouts it drew before them).
    pub fn draw_added(&mut self, rng: &mut Rng) {
        self.achievement = one(rng, ACHIEVEMENT);
        self.note = one(rng, NOTE);
        self.phase = one(rng, PHASE);
    }

    /// The header of `column` (the description's: the structure's own, see
    /// [`Wording::apply`]; a head's: its name, see
    /// [`header_lines`](super::header::header_lines)).
    pub fn word(&self, column: Column) -> &'static str {
        match column {
            Column::Achievement => self.achievement,
            Column::Note => self.note,
            Column::Heads | Column::Head(_) => "",
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
    /// "as-drafted" when each structure keeps its own), the heads aside.
    pub fn words(&self, family: Family) -> Vec<(Column, &'static str)> {
        Column::of(family)
            .iter()
            .filter(|&&column| column != Column::Heads)
            .map(|&column| match (column, self.description) {
                (Column::Description, None) => (column, "as-drafted"),
                _ => (column, self.word(column)),
            })
            .collect()
    }

    /// Gives the structure this wording's description header, and the
    /// `objectives_label` it means (none for a card's field label).
    pub fn apply(&self, family: Family, structure: &mut DraftStructure) {
        if let Some(header) = self.description {
            header.clone_into(&mut structure.description_header);
            if family != Family::ObjectiveCards {
                structure.objectives_label = Some(label_of(header));
            }
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
