//! Programmes of the code-table family: one structure per PROGRAMMA under
//! its MISSIONE, each row identified by its budget code ("01.02.03", phases
//! one level more) and naming its responsible.

use fastrand::Rng;
use piano_model::reference::MISSIONS;
use piano_model::{Head, Mission};

use super::rows::drop_category;
use super::rows::random_objectives;
use super::{Budget, DraftRow, DraftStructure, random_person};
use crate::layout::wording::label_of;
use crate::vocab;

/// The section word the contract gives a programme's structure.
const KIND: &str = "MISSIONE/PROGRAMMA";
/// The description column's header of the code-table template.
const DESCRIPTION_HEADER: &str = "Obiettivo operativo";

/// `count` programmes (fewer when the list runs out) in budget order, each
/// with its objectives. A third of the plans break objectives into phases
/// (in about half of their programmes), the others have none, so that a
/// plan's phases can be told from its layout.
pub(crate) fn random_programmes(rng: &mut Rng, count: usize, year: u16) -> Vec<DraftStructure> {
    let mut chosen: Vec<&(&str, &str, &str)> = vocab::PROGRAMMES.iter().collect();
    rng.shuffle(&mut chosen);
    chosen.truncate(count);
    chosen.sort_unstable();
    let phased = rng.u32(0..3) == 0;
    chosen
        .into_iter()
        .map(|&(mission, programme, name)| {
            let with_phases = phased && rng.bool();
            random_programme(rng, (mission, programme, name), with_phases, year)
        })
        .collect()
}

/// One programme (mission code, programme code, name) and its objectives.
fn random_programme(
    rng: &mut Rng,
    (mission_code, programme_code, programme_name): (&str, &str, &str),
    with_phases: bool,
    year: u16,
) -> DraftStructure {
    let mission_name = MISSIONS
        .iter()
        .find(|m| m.code == mission_code)
        .map(|m| m.name.clone())
        .unwrap_or_default();
    let budget = Budget {
        mission_code: mission_code.to_owned(),
        mission_name: mission_name.clone(),
        programme_code: programme_code.to_owned(),
        programme_name: programme_name.to_owned(),
    };
    let mut objectives = random_objectives(rng, year);
    let responsible = random_person(rng);
    for (o, objective) in objectives.iter_mut().enumerate() {
        if !with_phases {
            objective.phases.clear();
        }
        objective.category = None;
        let code = format!("{mission_code}.{programme_code}.{:02}", o + 1);
        budget_row(&mut objective.row, &code, &budget, &responsible);
        for (p, phase) in objective.phases.iter_mut().enumerate() {
            budget_row(phase, &format!("{code}.{}", p + 1), &budget, &responsible);
        }
    }
    DraftStructure {
        header: format!("PROGRAMMA {programme_code} – {programme_name}"),
        name: programme_name.to_owned(),
        kind: KIND.to_owned(),
        head: Head::default(),
        keys: Vec::new(),
        strategic_line: None,
        strategic_objectives: Vec::new(),
        missions: vec![Mission {
            name: mission_name,
            code: Some(mission_code.to_owned()),
        }],
        operational_objective: None,
        budget: Some(budget),
        head_line: None,
        description_header: DESCRIPTION_HEADER.to_owned(),
        objectives_label: Some(label_of(DESCRIPTION_HEADER)),
        objectives,
        staff: None,
        heads: Vec::new(),
    }
}

/// Gives a row its code, budget codes and responsible; a description's
/// category prefix is dropped (code tables do not write one).
fn budget_row(row: &mut DraftRow, code: &str, budget: &Budget, responsible: &str) {
    drop_category(row);
    code.clone_into(&mut row.cells[0]);
    responsible.clone_into(&mut row.cells[6]);
    row.entry.code = Some(code.to_owned());
    row.entry.mission_code = Some(budget.mission_code.clone());
    row.entry.programme_code = Some(budget.programme_code.clone());
    row.entry.responsible = Some(responsible.to_owned());
}
