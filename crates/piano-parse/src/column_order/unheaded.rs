//! Rows of a table printed without a header whose labels stand in a column
//! further in: behind an empty first column, or among the values. No header
//! says where the labels are, so two neighbouring rows must agree: labels in
//! the same cell that follow one another ("1" then "2", "1" then "1.1",
//! "01.02.01" then "01.02.02") or that no value could be ("A.1", "a)"). A
//! weight or a date in the same cell of every row never does. A code of
//! three two-digit levels reads as a date too ("01.03.01"): it is taken for
//! a date only when its row holds no other due and it does not open with
//! the code of the programme headed above ("04.01.02" under "Programma
//! 04.01"), and two dates never agree ("31.12.23" then "31.12.24"), though
//! a date-like code agrees with its phase one level down ("01.03.01" then
//! "01.03.01.1").
//!
//! A table may also open with a column of numbers that are no labels, its
//! weights ("15", "33", "100"), the labels standing further in: a first
//! cell whose number follows neither neighbour's first cell, beside a cell
//! further in that agrees with the neighbour's cell in the same place, is
//! no label, and the agreeing cell is.

use std::cell::OnceCell;

use piano_model::TextLine;

use crate::line::programme_heading_code;
use crate::token::due::looks_like_due;
use crate::token::number::{is_page_number, parse_row_number};
use crate::vocabulary::Vocabulary;

/// What a cell holding a row's label says of it.
#[derive(Debug, Clone, PartialEq)]
enum Label {
    /// A number ("2", "1.1", "01.02.01"): its parts, and whether it may be
    /// the row's date instead (three levels that read as a date, and no
    /// other cell of the row does).
    Number { parts: Vec<u32>, dated: bool },
    /// A code: of the budget ("010201"), or of another scheme, written with
    /// more than digits ("A.1", "a)").
    Code,
}

impl Label {
    /// Whether a row labelled `self` and its neighbour labelled `other`
    /// (above or below it) make a sequence.
    fn agrees_with(&self, other: &Label) -> bool {
        match (self, other) {
            (
                Label::Number { parts: a, dated },
                Label::Number {
                    parts: b,
                    dated: other_dated,
                },
            ) => !(*dated && *other_dated) && (follows(a, b) || follows(b, a)),
            // A code says it is a label by itself ("010201", then "010201.1").
            _ => true,
        }
    }
}

/// Whether number `b` can come right after `a`: the next at the same level
/// ("1.1" then "1.2"), one level down ("1" then "1.1"), or the next at a
/// level up ("1.2" then "2").
fn follows(a: &[u32], b: &[u32]) -> bool {
    let next_at = |level: usize| {
        a.len() >= level
            && b.len() == level
            && a[..level - 1] == b[..level - 1]
            && a[level - 1].checked_add(1) == Some(b[level - 1])
    };
    let down = b.len() == a.len() + 1 && b[..a.len()] == *a && b[a.len()] == 1;
    down || (1..=b.len()).any(next_at)
}

/// For each line, the cell its label stands in when it is a row of a table
/// printed without a header whose labels are not in the first cell, and the
/// nearest line above or below holding labels agrees (see the module's
/// documentation); `None` for every other line.
pub(super) fn labels_further_in(lines: &[TextLine], profiles: &[Vocabulary]) -> Vec<Option<usize>> {
    let programmes = programme_codes(lines, profiles);
    let labels: Vec<LineLabels> = lines
        .iter()
        .zip(&programmes)
        .map(|(line, programme)| line_labels(line, profiles, programme.as_deref()))
        .collect();
    let mut found = vec![None; lines.len()];
    // Rows with an unlabelled first cell; then rows whose first cell holds
    // a number, which may be no label.
    let unlabelled = |at: usize| labels[at].first.is_none() && !labels[at].inner().is_empty();
    let numbered = |at: usize| matches!(labels[at].first, Some(Label::Number { .. }));
    for is_row in [&unlabelled as &dyn Fn(usize) -> bool, &numbered] {
        // A row's neighbours: the nearest lines of its kind (a wrapped
        // cell's line between them holds no label).
        let rows: Vec<usize> = (0..lines.len()).filter(|&at| is_row(at)).collect();
        for (position, &row) in rows.iter().enumerate() {
            let neighbours: Vec<&LineLabels> = [
                position.checked_sub(1).map(|p| rows[p]),
                rows.get(position + 1).copied(),
            ]
            .into_iter()
            .flatten()
            .map(|at| &labels[at])
            .collect();
            found[row] = labels[row].further_in(&neighbours);
        }
    }
    found
}

/// For each line, whether the first column of its table is one of the
/// table's columns: some row of the table whose label stands further in
/// (`further_in`, as [`labels_further_in`] finds them) fills its first cell,
/// with a due or a weight. Only a first column no row fills is an empty one,
/// which rows moved label first leave out; a row whose due is merely blank
/// keeps its empty cell, or its cells would land a column off those of the
/// rows that have one. A table's lines run from one heading (a line of one
/// cell, in the first column; a page's number is none) to the next.
pub(super) fn first_column_filled(lines: &[TextLine], further_in: &[Option<usize>]) -> Vec<bool> {
    let is_heading = |line: &TextLine| {
        let page_number = line
            .cells
            .first()
            .is_some_and(|cell| is_page_number(&cell.text));
        super::is_heading(line) && !page_number
    };
    let fills_first = |at: usize| {
        further_in
            .get(at)
            .copied()
            .flatten()
            .is_some_and(|label| label > 0)
            && lines[at]
                .cells
                .first()
                .is_some_and(|cell| !cell.text.trim().is_empty())
    };
    let mut filled = vec![false; lines.len()];
    let mut start = 0;
    for end in 0..=lines.len() {
        if end == lines.len() || is_heading(&lines[end]) {
            let table_fills = (start..end).any(fills_first);
            filled[start..end].fill(table_fills);
            start = end + 1;
        }
    }
    filled
}

/// For each line, the code of the programme whose heading (a line of one
/// cell) stands nearest above it, if any.
fn programme_codes(lines: &[TextLine], profiles: &[Vocabulary]) -> Vec<Option<String>> {
    let mut programme = None;
    lines
        .iter()
        .map(|line| {
            if let [cell] = line.cells.as_slice() {
                let heading = profiles
                    .iter()
                    .find_map(|profile| programme_heading_code(&cell.text, profile));
                if heading.is_some() {
                    programme = heading;
                }
            }
            programme.clone()
        })
        .collect()
}

/// The labels a line of three cells or more holds.
#[derive(Debug, Default)]
struct LineLabels<'l> {
    /// Its first cell's.
    first: Option<Label>,
    /// The line, the profiles and the programme's code its cells after the
    /// first are read with, when they are read (its first cell holds no
    /// code).
    rest: Option<(&'l TextLine, &'l [Vocabulary], Option<&'l str>)>,
    /// Those after its first cell, left to right, with their places: read
    /// when first asked, as a row whose first cell agrees with a neighbour's
    /// never asks (the label grammar is the dear part of this module).
    inner: OnceCell<Vec<(usize, Label)>>,
}

impl LineLabels<'_> {
    /// The labels after its first cell, left to right, with their places.
    fn inner(&self) -> &[(usize, Label)] {
        self.inner.get_or_init(|| {
            let Some((line, profiles, programme)) = self.rest else {
                return Vec::new();
            };
            line.cells
                .iter()
                .enumerate()
                .skip(1)
                .filter_map(|(at, cell)| Some((at, label(&cell.text, line, profiles, programme)?)))
                .collect()
        })
    }

    /// The place of the label further in that agrees with one of
    /// `neighbours` in the same place, when the first cell holds none or a
    /// number following neither neighbour's first cell.
    fn further_in(&self, neighbours: &[&LineLabels<'_>]) -> Option<usize> {
        if let Some(first) = &self.first {
            let agrees = neighbours.iter().any(|other| {
                other
                    .first
                    .as_ref()
                    .is_some_and(|theirs| first.agrees_with(theirs))
            });
            if agrees {
                return None;
            }
        }
        self.inner().iter().find_map(|(at, label)| {
            neighbours
                .iter()
                .any(|other| {
                    other
                        .inner()
                        .iter()
                        .any(|(other_at, theirs)| other_at == at && label.agrees_with(theirs))
                })
                .then_some(*at)
        })
    }
}

/// The labels of a line of three cells or more, under the programme coded
/// `programme`: those after its first cell are read only when the first
/// holds none or a number.
fn line_labels<'l>(
    line: &'l TextLine,
    profiles: &'l [Vocabulary],
    programme: Option<&'l str>,
) -> LineLabels<'l> {
    let Some(first) = line.cells.first() else {
        return LineLabels::default();
    };
    if line.cells.len() < 3 || opens_a_card(&first.text, profiles) {
        return LineLabels::default();
    }
    let first = label(&first.text, line, profiles, programme);
    let rest = (!matches!(first, Some(Label::Code))).then_some((line, profiles, programme));
    LineLabels {
        first,
        rest,
        inner: OnceCell::new(),
    }
}

/// Whether `text`, a line's first cell, is a card's opening words alone
/// ("Obiettivo n." | "3"): a column edge across the opener cut its number
/// into the next cell, which labels the card, not a row of a table.
fn opens_a_card(text: &str, profiles: &[Vocabulary]) -> bool {
    profiles
        .iter()
        .any(|profile| profile.card_opening(text.trim()) == Some(""))
}

/// What a cell of `line` holding `text` says of the row's label, if it is
/// one, under the programme coded `programme` ("0401"): a number opening
/// with the programme's code ("04.01.02") is a code of its rows, no date.
fn label(
    text: &str,
    line: &TextLine,
    profiles: &[Vocabulary],
    programme: Option<&str>,
) -> Option<Label> {
    // How many of the line's cells read as dues: asked only of a number
    // that may be a date, as few are (the date grammar is the dear part).
    let dues = || {
        line.cells
            .iter()
            .filter(|cell| looks_like_due(&cell.text))
            .count()
    };
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Some(number) = parse_row_number(text) {
        // The row's only due is its date, whatever else it could be.
        let under_programme = programme.is_some_and(|code| {
            let [mission, programme_part, ..] = number.parts.as_slice() else {
                return false;
            };
            *code == format!("{mission:02}{programme_part:02}")
        });
        let dated =
            number.parts.len() == 3 && !under_programme && looks_like_due(text) && dues() == 1;
        return Some(Label::Number {
            parts: number.parts,
            dated,
        });
    }
    let more_than_digits = !text.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let coded = profiles.iter().any(|profile| {
        profile
            .row_code(text)
            .is_some_and(|code| code.mission.is_some() || more_than_digits)
    });
    // A code that reads as a date is none.
    (coded && !looks_like_due(text)).then_some(Label::Code)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<TextLine> {
        text.lines()
            .enumerate()
            .map(|(index, line)| {
                let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
                TextLine::from_texts(number, None, line.split('\t'))
            })
            .collect()
    }

    #[test]
    fn a_first_column_is_the_tables_when_one_of_its_rows_fills_it() {
        let table = lines(
            "SETTORE: PRIMO\n\
             31.12.2022\tPrimo\t1\n\
             \tFase: avvio\t1.1\n\
             SETTORE: SECONDO\n\
             \tSecondo\t1\n\
             \tFase: chiusura\t1.1",
        );
        let found = labels_further_in(&table, Vocabulary::bundled());
        assert_eq!(found, [None, Some(2), Some(2), None, Some(2), Some(2)]);
        // The first table dates a row in its first column; the second
        // leaves it empty in every row.
        assert_eq!(
            first_column_filled(&table, &found),
            [false, true, true, false, false, false]
        );
    }

    #[test]
    fn numbers_in_sequence_in_one_cell_of_neighbouring_rows_are_their_labels() {
        let table = lines(
            "\t1\tPrimo\t60%\t31.12.2022\n\
             \t1.1\tFase: avvio\t100%\t30.06.2022\n\
             \t2\tSecondo\t40%\t30.06.2022",
        );
        let found = labels_further_in(&table, Vocabulary::bundled());
        assert_eq!(found, [Some(1), Some(1), Some(1)]);
        // A wrapped cell's line between two rows holds no label.
        let wrapped = lines(
            "\t1\tPrimo\t60%\t31.12.2022\n\
             \t\tdel registro\t\t\n\
             \t2\tSecondo\t40%\t30.06.2022",
        );
        assert_eq!(
            labels_further_in(&wrapped, Vocabulary::bundled()),
            [Some(1), None, Some(1)]
        );
        let inside = lines(
            "60%\tPrimo\t1\t31.12.2022\n\
             40%\tSecondo\t2\t30.06.2022",
        );
        assert_eq!(
            labels_further_in(&inside, Vocabulary::bundled()),
            [Some(2), Some(2)]
        );
    }

    #[test]
    fn weights_and_dates_in_every_row_are_no_labels() {
        let table = lines(
            "Primo\t15\t31.12.2022\n\
             Secondo\t20\t30.06.2022\n\
             Terzo\t12.5\t30.06.2022",
        );
        assert_eq!(
            labels_further_in(&table, Vocabulary::bundled()),
            [None, None, None]
        );
        // Rows labelled in their first cell are left as they are.
        let first = lines("1\tPrimo\t2\n2\tSecondo\t3");
        assert_eq!(
            labels_further_in(&first, Vocabulary::bundled()),
            [None, None]
        );
    }

    #[test]
    fn codes_that_read_as_dates_are_labels_beside_a_due() {
        let table = lines(
            "\t01.02.01\tPrimo\t60%\tentro il 31.12.2022\n\
             \t01.02.02\tSecondo\t40%\t30.06.2022",
        );
        assert_eq!(
            labels_further_in(&table, Vocabulary::bundled()),
            [Some(1), Some(1)]
        );
        // A row's only date-like cell is its due: two of them never agree,
        // though one agrees with a code one level below it.
        let dues = lines(
            "Primo\t60%\t31.12.22\n\
             Secondo\t40%\t31.12.23",
        );
        assert_eq!(
            labels_further_in(&dues, Vocabulary::bundled()),
            [None, None]
        );
        let phase = lines(
            "\t01.02.01\tPrimo\t60%\n\
             \t01.02.01.1\tFase\t100%",
        );
        assert_eq!(
            labels_further_in(&phase, Vocabulary::bundled()),
            [Some(1), Some(1)]
        );
    }

    #[test]
    fn numbers_opening_with_the_programmes_code_are_its_rows_codes() {
        // No due beside them: dates that never agree, but for the heading.
        let rows = "(50%)\tPrimo\t\t04.01.01\t\n\
             (50%)\tSecondo\t\t04.01.02\t";
        assert_eq!(
            labels_further_in(&lines(rows), Vocabulary::bundled()),
            [None, None]
        );
        let headed = lines(&format!(
            "Programma 04.01 - Istruzione prescolastica\n{rows}"
        ));
        assert_eq!(
            labels_further_in(&headed, Vocabulary::bundled()),
            [None, Some(3), Some(3)]
        );
        // Another programme's heading says nothing of them.
        let other = lines(&format!(
            "Programma 04.02 - Altri ordini di istruzione\n{rows}"
        ));
        assert_eq!(
            labels_further_in(&other, Vocabulary::bundled()),
            [None, None, None]
        );
    }

    #[test]
    fn weights_in_the_first_cell_give_way_to_labels_further_in() {
        let table = lines(
            "15\tPrimo\t31.12.2022\t1\n\
             33\tFase: avvio\t30.06.2022\t1.1\n\
             33\tFase: chiusura\t30.09.2022\t1.2\n\
             20\tSecondo\t30.06.2022\t2",
        );
        assert_eq!(
            labels_further_in(&table, Vocabulary::bundled()),
            [Some(3), Some(3), Some(3), Some(3)]
        );
        // Labels in sequence in the first cell stay, whatever follows.
        let first = lines(
            "1\tPrimo\t31.12.2022\t1\n\
             2\tSecondo\t30.06.2022\t2",
        );
        assert_eq!(
            labels_further_in(&first, Vocabulary::bundled()),
            [None, None]
        );
    }

    #[test]
    fn a_card_opener_cut_by_a_column_edge_holds_no_label() {
        // Two cards' openers, their numbers cut into the next cell by the
        // phase table's column edge, follow one another as labels would.
        let openers = lines(
            "Obiettivo n.\t3\t\t\n\
             Obiettivo n.\t4\t\t",
        );
        assert_eq!(
            labels_further_in(&openers, Vocabulary::bundled()),
            [None, None]
        );
        let rows = lines(
            "Primo\t3\t\t\n\
             Secondo\t4\t\t",
        );
        assert_eq!(
            labels_further_in(&rows, Vocabulary::bundled()),
            [Some(1), Some(1)]
        );
    }

    #[test]
    fn a_number_follows_the_one_before_it() {
        assert!(follows(&[1], &[2]));
        assert!(follows(&[1], &[1, 1]));
        assert!(follows(&[1, 2], &[2]));
        assert!(follows(&[1, 2], &[1, 3]));
        assert!(!follows(&[15], &[20]));
        assert!(!follows(&[12, 5], &[37, 5]));
    }
}
