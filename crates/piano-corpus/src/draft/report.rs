//! A results report: struttura-table structures whose rows also say how much
//! was reached ("100%", "85,5%", empty) with a note now and then, under a
//! report's title.

use fastrand::Rng;

use super::{DraftRow, DraftStructure, decimal_comma, pick, random_structures};

/// Notes on what was reached, as reports write them.
const NOTES: &[&str] = &[
    "Obiettivo rinviato all'anno successivo",
    "Ritardo dovuto alla carenza di personale",
    "Attività conclusa nei termini",
    "Raggiunto parzialmente per cause esterne all'ente",
    "In attesa del parere della Regione",
    "Completato con anticipo rispetto alla scadenza",
];

/// Shares reached other than 100, in tenths of a percent where they have them.
const PARTIAL: &[f64] = &[0.0, 50.0, 60.0, 75.0, 80.0, 83.3, 85.5, 90.0, 95.0];

/// `count` structures of a results report, each row with its achievement
/// and note; a report has no staff tables.
pub(crate) fn random_report(rng: &mut Rng, count: usize, year: u16) -> Vec<DraftStructure> {
    let mut structures = random_structures(rng, count, year);
    for structure in &mut structures {
        structure.staff = None;
        for row in structure.rows_mut() {
            achieve(rng, row);
        }
    }
    structures
}

/// The report's title, with its year.
pub(crate) fn report_title(rng: &mut Rng, year: u16) -> String {
    match rng.u32(0..3) {
        0 => format!("RELAZIONE SULLA PERFORMANCE {year}"),
        1 => format!("Rendicontazione degli obiettivi {year}"),
        _ => format!("RELAZIONE SULLA PERFORMANCE - ANNO {year}"),
    }
}

/// Gives a row an achievement (mostly 100%, now and then less or none) and,
/// now and then, a note.
fn achieve(rng: &mut Rng, row: &mut DraftRow) {
    let achievement = match rng.u32(0..10) {
        0 => None,
        1..=3 => Some(*pick(rng, PARTIAL)),
        _ => Some(100.0),
    };
    let note = (rng.u32(0..4) == 0).then(|| pick(rng, NOTES).to_string());
    row.cells[7] = achievement.map(percent).unwrap_or_default();
    row.cells[8] = note.clone().unwrap_or_default();
    row.entry.achievement = achievement;
    row.entry.achievement_note = note;
}

/// A share as drafts write it: "100%", "85,5%".
fn percent(share: f64) -> String {
    format!("{}%", decimal_comma(share))
}
