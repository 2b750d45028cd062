//! A card's field label wrapped onto the line below it ("Centro di" /
//! "responsabilità:"): which line ends the label another began, as a
//! writer wrapping the label column at its width would have set it.

use super::{Row, TableLine};
use crate::lines::Line;
use crate::region::LINE_SPACING;

/// Where the text of a line's first column ends, and how wide the first
/// word of that text is with the space before it: what tells whether the
/// word would have fitted at the end of the line above.
#[derive(Debug, Clone, Copy)]
pub(super) struct LabelText {
    end: f32,
    first_word: f32,
    char_width: f32,
}

impl LabelText {
    /// The text in the first column of `line`, whose pieces go to
    /// `columns`, if it has any. A word's width is its share of its piece's
    /// characters (a dump's grid of characters, or a proportional font read
    /// as an even one).
    pub(super) fn of(line: &Line, columns: &[usize]) -> Option<LabelText> {
        let mut pieces = line
            .segments
            .iter()
            .zip(columns)
            .filter(|(_, column)| **column == 0)
            .map(|(segment, _)| segment);
        let first = pieces.next()?;
        let end = pieces.next_back().unwrap_or(first).x1;
        let chars = first.text.chars().count().max(1) as f32;
        let char_width = (first.x1 - first.x0) / chars;
        let word = first.text.split_whitespace().next()?.chars().count() as f32;
        Some(LabelText {
            end,
            first_word: (word + 1.0) * char_width,
            char_width,
        })
    }
}

/// Where the widest text of the lines' first column ends: the label
/// column is at least that wide.
pub(super) fn widest_label(lines: &[TableLine]) -> Option<f32> {
    lines
        .iter()
        .filter_map(|line| line.label)
        .map(|label| label.end)
        .reduce(f32::max)
}

impl TableLine {
    /// Whether the line ends a label that `row` (a label and its value)
    /// began: its first cell going on as the label does (in small letters,
    /// or in capitals under capitals) and ending with a colon, right under
    /// the row's first and only line, whose label ends with none ("Centro
    /// di" / "responsabilità:", "OBIETTIVI DI" / "PERFORMANCE:"). Its other
    /// cells, if any, go on with values the row's line began ("DESCRIZIONE
    /// OBIETTIVI   Riordino del" / "OPERATIVI:   l'archivio.").
    ///
    /// A first cell that holds a colon already (a label and its value,
    /// "TEMPI: 31/10/2021") or no letter (a value wrapped on its own line,
    /// "2022") begins no label: a card's next field is its own. Nor does
    /// one whose line had room for the next line's first word in a label
    /// column `widest` wide: a writer wrapping the label would have set the
    /// word there ("STANDARD" over "DATA DI COMPLETAMENTO:", two fields).
    pub(super) fn ends_the_label_of(&self, row: &Row, widest: Option<f32>) -> bool {
        let [above] = &row.lines[..] else {
            return false;
        };
        let label = self.texts[0].trim();
        let begun = above.texts[0].trim();
        let values_go_on = self
            .texts
            .iter()
            .zip(&above.texts)
            .skip(1)
            .all(|(mine, theirs)| mine.is_empty() || !theirs.is_empty());
        let capitals = |text: &str| !text.chars().any(char::is_lowercase);
        let goes_on = label.chars().next().is_some_and(char::is_lowercase)
            || (capitals(label) && capitals(begun));
        let close = self.y - above.y <= LINE_SPACING * self.size.max(above.size);
        let open = begun.chars().any(char::is_alphabetic) && !begun.contains(':');
        let had_room = match (above.label, self.label, widest) {
            (Some(above), Some(mine), Some(widest)) => {
                above.end + mine.first_word <= widest + mine.char_width / 2.0
            }
            _ => false,
        };
        values_go_on && goes_on && label.ends_with(':') && close && open && !had_room
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::grid_line as line;
    use super::super::{Start, rows_of};
    use crate::lines::Line;

    fn rows(lines: &[Line]) -> Vec<String> {
        rows_of(lines, &[0.0, 26.0, 100.0], Start::Top)
            .iter()
            .map(crate::page::Block::text)
            .collect()
    }

    #[test]
    fn a_label_wrapped_beside_its_wrapped_value_ends_with_it() {
        let lines = [
            line(
                1.0,
                &[("DESCRIZIONE OBIETTIVI", 0.0), ("Riordino del", 27.0)],
            ),
            line(2.0, &[("OPERATIVI:", 0.0), ("l'archivio.", 27.0)]),
            line(3.0, &[("RESP.:", 0.0), ("Dott. Neri", 27.0)]),
        ];
        assert_eq!(
            rows(&lines),
            [
                "DESCRIZIONE OBIETTIVI OPERATIVI:\tRiordino del l'archivio.",
                "RESP.:\tDott. Neri"
            ]
        );
    }

    #[test]
    fn a_label_with_room_for_the_next_lines_first_word_ends_on_its_line() {
        // "DATA" would have fitted after "STANDARD" in a column as wide as
        // "DATA DI COMPLETAMENTO:": the label below is a field of its own.
        let lines = [
            line(1.0, &[("STANDARD", 0.0), ("Un report annuale.", 27.0)]),
            line(2.0, &[("DATA DI COMPLETAMENTO:", 0.0)]),
        ];
        assert_eq!(rows(&lines).len(), 2);
        // "MISURAZIONE:" would not have fitted after "INDICATORI DI".
        let lines = [
            line(1.0, &[("INDICATORI DI", 0.0), ("Pratiche evase.", 27.0)]),
            line(2.0, &[("MISURAZIONE:", 0.0)]),
            line(3.0, &[("DATA DI COMPLETAMENTO:", 0.0)]),
        ];
        assert_eq!(
            rows(&lines),
            [
                "INDICATORI DI MISURAZIONE:\tPratiche evase.",
                "DATA DI COMPLETAMENTO:\t"
            ]
        );
    }
}
