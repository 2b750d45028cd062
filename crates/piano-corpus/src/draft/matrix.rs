//! A weight matrix: one structure named by the caption above the table,
//! every objective's weight shared among the heads who answer for it (one
//! column per head, zeros written out, decimal commas), no weight of its own.

use fastrand::Rng;
use piano_model::{Head, HeadWeight};

use super::rows::{drop_category, random_objectives};
use super::{DraftStructure, decimal_comma, distinct, pick, weighted_count};

/// Captions above a weight matrix.
const CAPTIONS: &[&str] = &[
    "Pesatura degli obiettivi di performance per Area",
    "Tabella 2 - Ripartizione del peso degli obiettivi tra i Settori",
    "Matrice di pesatura degli obiettivi",
    "Ripartizione dei pesi degli obiettivi trasversali",
    "Quadro di pesatura degli obiettivi per responsabile",
];

/// Heads a matrix shares weights among: units and roles.
const HEADS: &[&str] = &[
    "Area Amministrativa",
    "Area Finanziaria",
    "Area Tecnica",
    "Polizia Locale",
    "Segretario Generale",
    "Settore Affari Generali",
    "Settore Servizi alla Persona",
    "Settore Gestione del Territorio",
    "Servizio Tributi",
    "Servizi Demografici",
    "Ufficio Tecnico",
];

/// The weights a head gets in one row, zeros the most common.
const SHARES: &[f64] = &[0.0, 0.0, 0.0, 2.5, 5.0, 5.0, 7.5, 10.0, 12.5, 15.0];

/// The matrix: a caption, 2–6 heads, objectives weighted per head (every
/// head with some weight, so that its column totals more than zero).
pub(crate) fn random_matrix(rng: &mut Rng) -> DraftStructure {
    let heads: Vec<String> = distinct(rng, HEADS, 6)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let heads = if heads.len() < 2 {
        vec![HEADS[0].to_owned(), HEADS[4].to_owned()]
    } else {
        heads
    };
    let mut objectives = random_objectives(rng, 2025);
    objectives.truncate(weighted_count(rng, 3, 15));
    let count = objectives.len();
    for (o, objective) in objectives.iter_mut().enumerate() {
        objective.phases.clear();
        objective.category = None;
        let row = &mut objective.row;
        drop_category(row);
        for cell in [2, 3, 4, 5] {
            row.cells[cell].clear();
        }
        row.entry.weight = None;
        row.entry.indicators = None;
        row.entry.expected = None;
        row.entry.due = None;
        for (h, head) in heads.iter().enumerate() {
            let weight = if o == h % count {
                10.0
            } else {
                *pick(rng, SHARES)
            };
            row.cells.push(decimal_comma(weight));
            row.entry.weights_by_head.push(HeadWeight {
                head: head.clone(),
                weight,
            });
        }
    }
    let caption = pick(rng, CAPTIONS).to_string();
    DraftStructure {
        header: caption.clone(),
        name: caption,
        kind: String::new(),
        head: Head::default(),
        keys: Vec::new(),
        strategic_line: None,
        strategic_objectives: Vec::new(),
        missions: Vec::new(),
        operational_objective: None,
        budget: None,
        head_line: None,
        description_header: "Descrizione".to_owned(),
        objectives_label: None,
        objectives,
        staff: None,
        heads,
    }
}
