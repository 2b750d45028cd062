//! Sections of objective cards: a struttura-table heading (section word,
//! name, role and head) without labelled fields, each objective a card with
//! its own responsible, its phases a small table of description, weight and
//! due (no indicators or expected values), and no category prefix.

use fastrand::Rng;

use super::rows::drop_category;
use super::{DraftStructure, random_person, random_structures};

/// The field label the card's description carries in the canonical layout.
const DESCRIPTION_LABEL: &str = "Descrizione";

/// `count` sections of cards.
pub(crate) fn random_sections(rng: &mut Rng, count: usize, year: u16) -> Vec<DraftStructure> {
    let mut structures = random_structures(rng, count, year);
    for structure in &mut structures {
        structure.keys.clear();
        structure.strategic_line = None;
        structure.strategic_objectives.clear();
        structure.missions.clear();
        structure.operational_objective = None;
        structure.staff = None;
        DESCRIPTION_LABEL.clone_into(&mut structure.description_header);
        structure.objectives_label = None;
        let head = structure.head.name.clone();
        for objective in &mut structure.objectives {
            objective.category = None;
            drop_category(&mut objective.row);
            let responsible = match &head {
                Some(head) if rng.bool() => head.clone(),
                _ => random_person(rng),
            };
            objective.row.cells[6].clone_from(&responsible);
            objective.row.entry.responsible = Some(responsible);
            for phase in &mut objective.phases {
                card_phase(phase);
            }
        }
    }
    structures
}

/// A phase row of a card's table: no number printed (the layout may print
/// one), its description without the "Fase:" a struttura-table writes (a
/// capital first), no indicators nor expected values.
fn card_phase(phase: &mut super::DraftRow) {
    let plain = phase
        .entry
        .description
        .trim_start_matches("Fase:")
        .trim_start();
    let mut chars = plain.chars();
    let plain: String = chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default();
    phase.cells[1].clone_from(&plain);
    phase.entry.description = plain;
    phase.cells[0].clear();
    for cell in [3, 4] {
        phase.cells[cell].clear();
    }
    phase.entry.indicators = None;
    phase.entry.expected = None;
}
