//! Reasons read in the text left out of the plan (`text-unplaced`): cells of
//! rows under no known column, lines that hold values (rows most likely
//! lost, with the objective cards read into the preamble) and lines of
//! prose. Lines set aside as page furniture, page numbers, totals or outside
//! a PIAO's performance section are not text left out: they were recognised.

use std::collections::{BTreeMap, BTreeSet};

use piano_model::{Code, Diagnostic, LineRole, Plan, ReasonCode, Roles};

use super::{Finding, count, labels, preamble};
use crate::token::due::looks_like_due;
use crate::token::number::parse_row_number;
use crate::token::weight::{is_weight, parse_weight};
use crate::vocabulary::Vocabulary;

/// A line of the document: its number and page.
pub(super) type LineKey = (Option<u32>, Option<u32>);

/// Cells left out of rows, and lines left out of the plan by what they hold
/// (the family's cards read into the preamble among the rows lost); `words`
/// are the plan's family's.
pub fn findings(plan: &Plan, roles: &Roles, words: &Vocabulary) -> Vec<Finding> {
    let left_out = left_out_lines(plan, roles);
    let mut totals = wrapped_totals(&left_out, words);
    totals.extend(labels::recognised(&left_out, roles, words));
    let unplaced = plan
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TextUnplaced)
        .filter(|d| !totals.contains(&(d.line, d.page)));
    let mut cells = BTreeSet::new();
    let mut value_lines = BTreeSet::new();
    let mut text_lines = BTreeSet::new();
    for diagnostic in unplaced {
        let line = (diagnostic.line, diagnostic.page);
        let role = diagnostic
            .line
            .and_then(|number| roles.get(number, diagnostic.page));
        let line_left_out = diagnostic.number.is_none() && role == Some(LineRole::Unplaced);
        if diagnostic.number.is_none() && role == Some(LineRole::StaffRow) {
            // A staff row's cell under a column the model has no field for
            // (an employee's grade): staff are personal data, left out of
            // exports by default, and the objectives are whole without it.
            continue;
        } else if !line_left_out {
            // A cell of a row that fits no column.
            cells.insert((diagnostic.structure, diagnostic.number.as_deref(), line));
        } else if holds_values(diagnostic) {
            value_lines.insert(line);
        } else {
            text_lines.insert(line);
        }
    }
    // A line left out with no diagnostic at it (a run reported at its first
    // line) is text too.
    let reported: BTreeSet<_> = value_lines.union(&text_lines).copied().collect();
    let silent = roles
        .iter()
        .filter(|&(number, page, role)| {
            let line = (Some(number), page);
            role == LineRole::Unplaced && !reported.contains(&line) && !totals.contains(&line)
        })
        .count();
    vec![
        Finding::new(ReasonCode::CellsUnplaced, count(cells.len())),
        Finding::new(
            ReasonCode::RowsUnplaced,
            count(value_lines.len()).saturating_add(preamble::cards_in_preamble(plan, words)),
        ),
        Finding::new(ReasonCode::TextUnplaced, count(text_lines.len() + silent)),
    ]
}

/// Lines left out that are a totals row under a table whose label wrapped
/// over the lines below it, as a space-aligned dump prints a tall row: "Peso
/// | 10 | 10" then "ponderale", "calcolato", each with only its first cell.
/// The reader sets a totals row aside when its label is whole on one line
/// ("Peso ponderale calcolato", a label of the family's); wrapped, its lines
/// are left out, but they hold no value of the plan: they are recognised, not
/// lost.
fn wrapped_totals(left_out: &LeftOut<'_>, words: &Vocabulary) -> BTreeSet<LineKey> {
    let mut totals = BTreeSet::new();
    for (&(line, page), cells) in left_out {
        let Some((&label, rest)) = cells.split_first() else {
            continue;
        };
        let figures: Vec<&&str> = rest.iter().filter(|cell| !cell.is_empty()).collect();
        if !is_label_piece(label) || figures.is_empty() || !figures.iter().all(|c| is_weight(c)) {
            continue;
        }
        let mut run = vec![(line, page)];
        let mut words_of_label = vec![label];
        let mut next = line.map(|n| n + 1);
        while let Some(piece) = left_out
            .get(&(next, page))
            .and_then(|cells| label_only(cells))
        {
            run.push((next, page));
            words_of_label.push(piece);
            next = next.map(|n| n + 1);
        }
        if words.is_total_label(&words_of_label.join(" ")) {
            totals.extend(run);
        }
    }
    totals
}

/// The lines left out of the plan whole (no cell of a row), with their
/// cells as the diagnostic at each quotes them.
pub(super) type LeftOut<'p> = BTreeMap<LineKey, Vec<&'p str>>;

/// The lines of `plan` left out whole, by `roles`, with their cells.
fn left_out_lines<'p>(plan: &'p Plan, roles: &Roles) -> LeftOut<'p> {
    plan.diagnostics
        .iter()
        .filter(|d| d.code == Code::TextUnplaced && d.number.is_none())
        .filter(|d| {
            d.line
                .and_then(|number| roles.get(number, d.page))
                .is_some_and(|role| role == LineRole::Unplaced)
        })
        .filter_map(|d| {
            let cells = d.excerpt.as_deref()?.split('\t').map(str::trim).collect();
            Some(((d.line, d.page), cells))
        })
        .collect()
}

/// A line's only filled cell, its first, when it can be a piece of a label.
pub(super) fn label_only<'c>(cells: &[&'c str]) -> Option<&'c str> {
    let (&first, rest) = cells.split_first()?;
    (is_label_piece(first) && rest.iter().all(|cell| cell.is_empty())).then_some(first)
}

/// Words without figures: a piece of a totals label ("Peso", "ponderale").
pub(super) fn is_label_piece(cell: &str) -> bool {
    !cell.is_empty() && !cell.chars().any(|c| c.is_ascii_digit())
}

/// Whether the line a diagnostic quotes holds values a row would: it opens
/// with a row number and goes on, or holds a percentage or a date.
pub(super) fn holds_values(diagnostic: &Diagnostic) -> bool {
    let text = diagnostic.excerpt.as_deref().unwrap_or_default();
    let mut words = text.split_whitespace();
    let numbered = words
        .next()
        .is_some_and(|first| parse_row_number(first).is_some())
        && words.next().is_some();
    let cells = text.split('\t').map(str::trim);
    numbered || text.split_whitespace().chain(cells).any(is_value)
}

/// A percentage ("20%", "(5,5 %)") or a full date ("31.12.2022"), as a
/// word or a cell.
pub(super) fn is_value(word: &str) -> bool {
    let percentage = word.contains('%') && parse_weight(word).is_some();
    percentage || is_date(word)
}

/// A cell or word that is a due date with a day, month and year, so that a
/// year in prose ("2021/2022") is no value.
fn is_date(text: &str) -> bool {
    let separators = text
        .chars()
        .filter(|c| matches!(c, '.' | '/' | '-'))
        .count();
    text.len() <= DATE_MAX_BYTES && separators >= 2 && looks_like_due(text)
}

/// Longest cell read as a date: a date with a short note ("31.12.2022
/// (salvo proroga)"), not a sentence that mentions one.
const DATE_MAX_BYTES: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quality::tests::{finding_of, read};

    const TABLE: &str = "STRUTTURA: A\nN.\tDescrizione\tPeso\tScadenza\n\
        1\tPrimo\t100%\t31.12.2022\n";

    #[test]
    fn a_line_of_prose_left_out_is_text() {
        let plan = read(&format!("{TABLE}Nota\tsul calcolo\tdei pesi\n"));
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 1);
        assert_eq!(finding_of(&plan, ReasonCode::RowsUnplaced), 0);
    }

    #[test]
    fn a_line_left_out_with_a_date_is_a_row_lost() {
        let plan = read(&format!(
            "{TABLE}Processo\tRischio\tMisura\n\tsecondo\t30.06.2022\n"
        ));
        assert_eq!(finding_of(&plan, ReasonCode::RowsUnplaced), 1);
    }

    #[test]
    fn a_cell_under_no_known_column_is_a_cell_unplaced() {
        let plan = read("STRUTTURA: A\nN.\tDescrizione\tPeso\tColore\n1\tPrimo\t100%\tverde\n");
        assert_eq!(finding_of(&plan, ReasonCode::CellsUnplaced), 1);
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 0);
    }

    #[test]
    fn a_staff_cell_without_a_column_counts_for_nothing() {
        let plan = read(&format!(
            "{TABLE}Dipendenti coinvolti sugli obiettivi\nDipendente\tObiettivo\tPeso\n\
             Rossi\t1\t100%\tIstruttore contabile\n"
        ));
        assert!(
            plan.plan
                .diagnostics
                .iter()
                .any(|d| d.code == Code::TextUnplaced),
            "{:#?}",
            plan.plan.diagnostics
        );
        assert_eq!(finding_of(&plan, ReasonCode::CellsUnplaced), 0);
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 0);
    }

    const MATRIX: &str = "Tabella 2 - Ripartizione del peso degli obiettivi tra i Settori\n\
        Obiettivo n.\tDescrizione\tArea Tecnica\tArea Finanziaria\n\
        1\tGestione della stagione teatrale\t10\t10\n\
        2\tRevisione del regolamento\t10\t10\n";

    #[test]
    fn a_totals_row_whose_label_wrapped_is_recognised() {
        let plan = read(&format!(
            "{MATRIX}Peso\t\t10\t10\nponderale\t\t\t\ncalcolato\t\t\t\n\
             Fattore di\t\t2,5\t2,5\nconversione\t\t\t\n"
        ));
        assert_eq!(plan.plan.family.as_deref(), Some("weight-matrix"));
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 0);
        assert_eq!(finding_of(&plan, ReasonCode::RowsUnplaced), 0);
    }

    #[test]
    fn a_label_over_figures_that_is_no_totals_label_is_text() {
        let plan = read(&format!("{MATRIX}Nota\t\t10\t10\nsul calcolo\t\t\t\n"));
        assert_eq!(plan.plan.family.as_deref(), Some("weight-matrix"));
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 2);
    }

    #[test]
    fn values_are_told_from_prose() {
        let quoted = |text: &str| Diagnostic::new(Code::TextUnplaced, "x").with_excerpt(text);
        for text in [
            "3\tManutenzione delle strade\t20%",
            "05020101 Rassegna estiva Almeno 12 serate 100 30/09/2024",
            "Fattore\t(12,5 %)",
        ] {
            assert!(holds_values(&quoted(text)), "{text}");
        }
        for text in [
            "Il fattore di conversione è arrotondato alla seconda cifra decimale.",
            "stagione teatrale 2021/2022, con particolare riferimento",
            "2022",
        ] {
            assert!(!holds_values(&quoted(text)), "{text}");
        }
    }
}
