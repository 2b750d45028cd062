//! Table rules OCR read as marks glued to a cell's text ("|40%", "(60%) |",
//! "[Missione"), set apart where the cell is then read
//! whole, as it is not with them: a weight in percent, a row number, or a
//! label of a profile (a header field's, a column's, a card field's). No character of
//! the text itself changes.

use piano_model::{Code, Diagnostic, TextLine};

use crate::token::number::parse_row_number;
use crate::token::weight::is_weight;
use crate::vocabulary::Vocabulary;

/// What OCR gives for a table's rule beside a cell's text: bars, brackets,
/// braces, a backslash, an opening quote, an underscore, dashes.
const RULE_MARKS: &[char] = &['|', '[', ']', '{', '}', '\\', '‘', '’', '_', '—', '–', '-'];

/// `text` without the rule marks (and spaces) at its edges.
pub fn without_rule_marks(text: &str) -> &str {
    text.trim_matches(|c: char| RULE_MARKS.contains(&c) || c.is_whitespace())
}

/// Sets apart the rule marks at the edges of each doubtful cell of `lines`
/// that leave a cell read whole by `profiles`; one `ocr-repaired`
/// diagnostic each.
pub fn strip_rule_marks(lines: &mut [TextLine], profiles: &[Vocabulary]) -> Vec<Diagnostic> {
    let mut repaired = Vec::new();
    for line in lines {
        let (number, page) = (line.number, line.page);
        for (index, cell) in line.cells.iter_mut().enumerate() {
            if !cell.is_doubtful() {
                continue;
            }
            let read = cell.text.trim();
            let kept = without_rule_marks(read);
            let first = index == 0;
            if kept == read || kept.is_empty() || read_whole(read, first, profiles).is_some() {
                continue;
            }
            let Some(what) = read_whole(kept, first, profiles) else {
                continue;
            };
            let mut diagnostic = Diagnostic::new(
                Code::OcrRepaired,
                format!(
                    "cell {read:?}, recognised with low confidence, read as {kept:?}: the marks beside it are a table's rules, and without them the cell is {what}"
                ),
            )
            .at_line(number, page);
            diagnostic.excerpt = Some(read.to_owned());
            cell.text = kept.to_owned();
            repaired.push(diagnostic);
        }
    }
    repaired
}

/// What `text` is, read whole: a weight in percent, a row number (in a
/// line's `first` cell), or a label one of `profiles` knows; `None` for
/// anything else (a bare number is too many things to tell).
fn read_whole(text: &str, first: bool, profiles: &[Vocabulary]) -> Option<&'static str> {
    if is_weight(text) && text.contains('%') {
        return Some("a weight");
    }
    if first && parse_row_number(text).is_some() {
        return Some("a row number");
    }
    profiles
        .iter()
        .any(|words| {
            words.field(text).is_some()
                || words.is_column_name(text)
                || words.card_label(text).is_some()
        })
        .then_some("a label")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of `cells`, each read with `confidence`.
    fn line(cells: &[&str], confidence: Option<f32>) -> TextLine {
        let mut line = TextLine::from_texts(9, Some(1), cells.iter().copied());
        for cell in &mut line.cells {
            cell.confidence = confidence;
        }
        line
    }

    fn texts(lines: &[TextLine]) -> Vec<&str> {
        lines[0]
            .cells
            .iter()
            .map(|cell| cell.text.as_str())
            .collect()
    }

    #[test]
    fn rules_beside_a_weight_or_a_label_are_set_apart() {
        let mut lines = vec![line(
            &[
                "|Missione",
                "|Turismo",
                "(60%) |",
                "—20%",
                "Referente |",
                "40%|",
            ],
            Some(0.4),
        )];
        let found = strip_rule_marks(&mut lines, Vocabulary::bundled());
        assert_eq!(
            texts(&lines),
            ["Missione", "|Turismo", "(60%)", "20%", "Referente |", "40%"]
        );
        // A column's name is read with marks beside it as it is without.
        assert_eq!(found.len(), 4);
        assert_eq!((found[0].line, found[0].page), (Some(9), Some(1)));
        assert_eq!(
            found[1].message,
            "cell \"(60%) |\", recognised with low confidence, read as \"(60%)\": the marks beside it are a table's rules, and without them the cell is a weight"
        );
    }

    #[test]
    fn a_rule_beside_a_row_number_is_set_apart_in_the_first_cell_only() {
        let mut lines = vec![line(&["|3", "Obiettivo", "|3"], Some(0.4))];
        let found = strip_rule_marks(&mut lines, Vocabulary::bundled());
        assert_eq!(texts(&lines), ["3", "Obiettivo", "|3"]);
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn a_cell_read_whole_or_read_confidently_is_left_as_read() {
        let mut whole = vec![line(&["40%", "1.2", "|x|", "{5", "|3"], Some(0.4))];
        assert!(strip_rule_marks(&mut whole, Vocabulary::bundled()).is_empty());
        for confidence in [Some(0.9), None] {
            let mut lines = vec![line(&["|Missione", "40%|"], confidence)];
            assert!(strip_rule_marks(&mut lines, Vocabulary::bundled()).is_empty());
            assert_eq!(texts(&lines), ["|Missione", "40%|"]);
        }
    }
}
