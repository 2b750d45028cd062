//! Objective and phase rows: their cells as written, with the weights and
//! dues plans use, and the entries they mean.

use fastrand::Rng;
use piano_model::{Category, Due, Entry, LineSpan};

use super::{DraftObjective, DraftRow, pick, weighted_count};
use crate::dues::random_due;
use crate::vocab;

pub(crate) fn random_objectives(rng: &mut Rng, year: u16) -> Vec<DraftObjective> {
    let count = weighted_count(rng, 1, 20);
    let weights = objective_weights(rng, count);
    weights
        .into_iter()
        .enumerate()
        .map(|(index, (written_weight, weight))| {
            let number = (index + 1).to_string();
            let (prefix, category) = match rng.u32(0..6) {
                0 => ("Obiettivo di mantenimento: ", Some(Category::Mantenimento)),
                1 => ("Obiettivo di sviluppo: ", Some(Category::Sviluppo)),
                2 => (
                    "Obiettivo di sviluppo specifico dell'area: ",
                    Some(Category::Sviluppo),
                ),
                _ => ("", None),
            };
            let description = format!(
                "{prefix}{} {}{}.",
                pick(rng, vocab::OBJECTIVE_ACTIONS),
                pick(rng, vocab::OBJECTS),
                pick(rng, vocab::QUALIFIERS)
            );
            let row = random_row(
                rng,
                number.clone(),
                description,
                written_weight,
                weight,
                year,
            );
            let phase_count = weighted_count(rng, 0, 5);
            let phase_weights = phase_weights(rng, phase_count);
            let phases = phase_weights
                .into_iter()
                .enumerate()
                .map(|(p, (written_weight, weight))| {
                    let suffix = if rng.u32(0..5) == 0 { "." } else { "" };
                    let written_number = format!("{number}.{}{suffix}", p + 1);
                    let separator = if rng.u32(0..8) == 0 {
                        "Fase:"
                    } else {
                        "Fase: "
                    };
                    let description = format!("{separator}{}", pick(rng, vocab::PHASE_ACTIONS));
                    let mut row = random_row(
                        rng,
                        written_number,
                        description,
                        written_weight,
                        weight,
                        year,
                    );
                    row.entry.number = format!("{number}.{}", p + 1);
                    row
                })
                .collect();
            DraftObjective {
                row,
                category,
                phases,
            }
        })
        .collect()
}

fn random_row(
    rng: &mut Rng,
    number: String,
    description: String,
    written_weight: String,
    weight: Option<f64>,
    year: u16,
) -> DraftRow {
    let indicators = (rng.u32(0..4) != 0).then(|| pick(rng, vocab::INDICATORS).to_string());
    let expected = (rng.u32(0..4) != 0).then(|| pick(rng, vocab::EXPECTED_VALUES).to_string());
    let due: Option<Due> = (rng.u32(0..20) != 0).then(|| random_due(rng, year));
    let mut cells = vec![
        number.clone(),
        description.clone(),
        written_weight,
        indicators.clone().unwrap_or_default(),
        expected.clone().unwrap_or_default(),
        due.as_ref().map(|d| d.raw.clone()).unwrap_or_default(),
    ];
    // Responsible, achievement and note: filled by the families that have them.
    cells.resize(9, String::new());
    DraftRow {
        cells,
        entry: Entry {
            number,
            description,
            weight,
            indicators,
            expected,
            due,
            lines: LineSpan(0, 0),
            page: None,
            ..Entry::default()
        },
        page_break_before: rng.u32(0..12) == 0,
    }
}

/// Drops a description's category prefix ("Obiettivo di sviluppo: "), for
/// families that do not write one.
pub(crate) fn drop_category(row: &mut DraftRow) {
    let plain = row
        .entry
        .description
        .strip_prefix("Obiettivo di ")
        .and_then(|rest| rest.split_once(": "))
        .map(|(_, rest)| rest.to_owned());
    if let Some(plain) = plain {
        row.cells[1].clone_from(&plain);
        row.entry.description = plain;
    }
}

/// Objective weights as written and meant: integers or an equal split with a
/// decimal comma; now and then one cell left empty.
fn objective_weights(rng: &mut Rng, count: usize) -> Vec<(String, Option<f64>)> {
    let mut weights: Vec<(String, Option<f64>)> = if rng.bool() && 100 % count != 0 {
        let share = (10000 / count) as f64 / 100.0;
        let written = format!("{share:.2}").replace('.', ",");
        let space = if rng.bool() { " " } else { "" };
        vec![(format!("{written}{space}%"), Some(share)); count]
    } else {
        integer_split(rng, count)
            .into_iter()
            .map(|w| (format!("{w}%"), Some(f64::from(w))))
            .collect()
    };
    if count > 1 && rng.u32(0..10) == 0 {
        let index = rng.usize(..count);
        weights[index] = (String::new(), None);
    }
    weights
}

/// 100 split into `count` positive integers, multiples of 5 when they can be.
fn integer_split(rng: &mut Rng, count: usize) -> Vec<u32> {
    let count32 = u32::try_from(count).unwrap_or(1).max(1);
    let unit = if count32 <= 20 && 100 / count32 >= 5 {
        5
    } else {
        1
    };
    let units = 100 / unit;
    let mut parts = vec![1u32; count];
    for _ in 0..(units - count32) {
        let index = rng.usize(..count);
        parts[index] += 1;
    }
    parts.into_iter().map(|p| p * unit).collect()
}

/// Phase weights as written ("(50%)", "50%") and meant: an equal split, floored.
fn phase_weights(rng: &mut Rng, count: usize) -> Vec<(String, Option<f64>)> {
    if count == 0 {
        return Vec::new();
    }
    let share = 100 / u32::try_from(count).unwrap_or(1);
    let bracketed = rng.u32(0..4) != 0;
    (0..count)
        .map(|_| {
            let written = if bracketed {
                format!("({share}%)")
            } else {
                format!("{share}%")
            };
            (written, Some(f64::from(share)))
        })
        .collect()
}
