//! The column whose text starts a row. A line starts a row when its first
//! column holds text; but a table may be numbered in a column further in
//! ("number-inside": the objectives' number last, after the text columns),
//! whose first column then wraps like any text column and is empty on a
//! phase's line. Such a table's rows start where its number column holds
//! text: the rows are built with that column put first, and it is put back
//! when the row's cells are written.

use super::{Row, TableLine};
use crate::gutters::is_value;
use crate::lines::row_number;
use crate::region::LINE_SPACING;

/// The column that numbers the rows of `lines`: the first, unless the first
/// holds no row numbers and a column further in does.
pub(super) fn number_column(lines: &[TableLine]) -> usize {
    let columns = lines.first().map_or(0, |line| line.texts.len());
    if columns < 2 || numbers_rows(lines, 0) {
        return 0;
    }
    (1..columns)
        .find(|&column| numbers_rows(lines, column))
        .unwrap_or(0)
}

/// Whether the texts of `column` number rows: one row number
/// ([`row_number`]) or more, each other than the one before, its leading
/// number at most one more than that one's and never less (1, 1.1, 2, 2.1,
/// 2.2, 3), and no more than two other texts there (the header's lines)
/// above the table's foot (see [`body`]).
/// Two rows at least say so: two row numbers, or one and a sub-row's label
/// ("1" over "a)", a table under a heading that holds one objective and its
/// phases), or two sub-rows' labels and fewer other texts (a page holding
/// phases alone, their objective's row on the page before); or one row
/// number alone, where every other line with text in the first column holds
/// none elsewhere (a table of one row, its first column wrapped).
fn numbers_rows(lines: &[TableLine], column: usize) -> bool {
    let lines = body(lines, column);
    let texts: Vec<&str> = lines
        .iter()
        .map(|line| line.texts[column].trim())
        .filter(|text| !text.is_empty())
        .collect();
    let leads: Vec<(u32, &str)> = texts
        .iter()
        .filter_map(|text| row_number(text).map(|lead| (lead, *text)))
        .collect();
    let labelled = texts.iter().filter(|text| is_sub_row_label(text)).count();
    let others = texts.len() - leads.len() - labelled;
    let in_sequence = leads
        .windows(2)
        .all(|pair| pair[0].0 <= pair[1].0 && pair[1].0 <= pair[0].0 + 1 && pair[0].1 != pair[1].1);
    let first_column_wraps = || {
        lines.iter().all(|line| {
            let filled = |at: usize| !line.texts[at].trim().is_empty();
            !filled(0) || filled(column) || (1..line.texts.len()).all(|at| !filled(at))
        })
    };
    let rows = match leads.len() {
        // A page of phases alone, a table's rows cut over a page break
        // ("Fase 1", "Fase 2"): their labels number the rows.
        0 => labelled >= 2 && labelled > others && sub_rows_counted(&texts),
        1 => labelled > 0 || first_column_wraps(),
        _ => true,
    };
    rows && others <= 2 && in_sequence
}

/// The lines of a table above its foot: the lines below the last row
/// number in `column`, from one that holds a label there and values in
/// other columns (a totals row, "Peso ponderale calcolato" over each
/// column's total, its label wrapped in that column), total the rows
/// and number none.
fn body(lines: &[TableLine], column: usize) -> &[TableLine] {
    let text = |line: &TableLine| line.texts[column].trim().to_owned();
    let Some(last) = lines
        .iter()
        .rposition(|line| row_number(&text(line)).is_some())
    else {
        return lines;
    };
    let foot = (last + 1..lines.len()).find(|&index| !text(&lines[index]).is_empty());
    match foot {
        Some(foot) if lines[foot].totals_a_row(column) => &lines[..foot],
        _ => lines,
    }
}

impl TableLine {
    /// Whether the line holds a label in `column` and values in the other
    /// columns that hold text: a totals row's line.
    fn totals_a_row(&self, column: usize) -> bool {
        let label = self.texts[column].trim();
        let others = || {
            self.texts
                .iter()
                .enumerate()
                .filter(|(at, text)| *at != column && !text.trim().is_empty())
        };
        label.chars().any(char::is_alphabetic)
            && others().count() >= 2
            && others().all(|(_, text)| is_value(text.trim()))
    }

    /// Whether the line goes on with the label of `row`, a totals row in a
    /// table numbered in a column further in (that column put first): text
    /// in that column only, without a figure, right under a row whose label
    /// there is no row number ("Peso" / "ponderale" / "calcolato").
    pub(super) fn wraps_a_foot_label(&self, row: &Row) -> bool {
        let Some(above) = row.lines.last() else {
            return false;
        };
        let label = self.texts[0].trim();
        let only_label = self.texts[1..].iter().all(|text| text.trim().is_empty());
        let close = self.y - above.y <= LINE_SPACING * self.size.max(above.size);
        let totals = row.first_line().totals_a_row(0)
            && row_number(row.first_line().texts[0].trim()).is_none();
        !label.is_empty()
            && !label.contains(|c: char| c.is_ascii_digit())
            && only_label
            && close
            && totals
    }
}

/// A sub-row's label in the column that numbers the rows, as some plans
/// number their phases: a capitalised word and a row number ("Fase 2",
/// "Azione 1.3"; a small word and a number, "entro 2", is text), or a
/// letter closed by a bracket or a point ("a)", "b.").
fn is_sub_row_label(text: &str) -> bool {
    sub_row_count(text).is_some()
}

/// Whether the sub-rows' labels among `texts` count their rows: each after
/// the first is the next of the one before ("Fase 1" then "Fase 2", "a)"
/// then "b)") or starts counting again (the next objective's "Fase 1"),
/// with the same word, and one at least is the next. A column that repeats
/// one label ("Settore II" on every row, a responsible's office) numbers
/// nothing, nor one of quantities ("Almeno 40", "Almeno 1.500").
fn sub_rows_counted(texts: &[&str]) -> bool {
    let counts: Vec<(&str, u32)> = texts
        .iter()
        .filter_map(|text| sub_row_count(text))
        .collect();
    let next = |pair: &[(&str, u32)]| pair[0].0 == pair[1].0 && pair[1].1 == pair[0].1 + 1;
    let again = |pair: &[(&str, u32)]| pair[0].0 == pair[1].0 && pair[1].1 == 1;
    counts.windows(2).all(|pair| next(pair) || again(pair)) && counts.windows(2).any(next)
}

/// A sub-row's label (see [`is_sub_row_label`]) as its word and its count:
/// "Fase 2" is ("Fase", 2), "b)" is ("", 2); `None` for any other text.
fn sub_row_count(text: &str) -> Option<(&str, u32)> {
    if let [letter, b')' | b'.'] = text.as_bytes()
        && letter.is_ascii_alphabetic()
    {
        return Some(("", u32::from(letter.to_ascii_lowercase() - b'a') + 1));
    }
    let (word, number) = text.split_once(' ')?;
    let word_ok = word.starts_with(char::is_uppercase) && word.chars().all(char::is_alphabetic);
    word_ok.then(|| Some((word, row_number(number)?))).flatten()
}

/// Puts `column` of the line first, the columns before it one further on.
pub(super) fn put_first(line: &mut TableLine, column: usize) {
    line.texts[..=column].rotate_right(1);
    line.confidences[..=column].rotate_right(1);
}

/// Puts the line's first column back at `column` ([`put_first`] undone).
pub(super) fn put_back(line: &mut TableLine, column: usize) {
    line.texts[..=column].rotate_left(1);
    line.confidences[..=column].rotate_left(1);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_row_labels_and_what_is_not_one() {
        assert!(is_sub_row_label("Fase 2"));
        assert!(is_sub_row_label("b)"));
        assert!(!is_sub_row_label("entro 2"));
        assert!(!is_sub_row_label("Peso"));
    }

    #[test]
    fn sub_row_labels_count_their_rows_or_repeat_one() {
        assert!(sub_rows_counted(&["Fase 1", "Fase 2", "Fase 1", "testo"]));
        assert!(sub_rows_counted(&["a)", "b)", "c)"]));
        assert!(!sub_rows_counted(&["Settore II", "Settore II"]));
        assert!(!sub_rows_counted(&["Fase 1", "Azione 2"]));
        assert!(!sub_rows_counted(&["Almeno 40", "Almeno 1.500"]));
    }
}
