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
    /// Nor does a label alone on its line whose value the line `below`
    /// holds alone in the label column ("RISULTATO ATTESO" beside its
    /// value, then "TERMINE PREVISTO:" over "31.1.2024"): a label and its
    /// value written in one cell, wrapped at the colon, are a field of
    /// their own.
    pub(super) fn ends_the_label_of(
        &self,
        row: &Row,
        widest: Option<f32>,
        below: Option<&TableLine>,
    ) -> bool {
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
        let owns_the_value_below = below.is_some_and(|below| self.has_its_value_below(below));
        values_go_on
            && goes_on
            && label.ends_with(':')
            && close
            && open
            && !had_room
            && !owns_the_value_below
    }

    /// Whether `below`, right under this line, is this line's label's value
    /// wrapped onto a line of its own: this line holds its label alone, and
    /// `below` text in the label column only, no label (no colon), that no
    /// label starts as (a figure, or small letters under capitals).
    fn has_its_value_below(&self, below: &TableLine) -> bool {
        let alone = |line: &TableLine| line.texts[1..].iter().all(String::is_empty);
        let label = self.texts[0].trim();
        let value = below.texts[0].trim();
        let capitals = |text: &str| !text.chars().any(char::is_lowercase);
        let no_label = value.starts_with(|c: char| c.is_ascii_digit())
            || (capitals(label) && !capitals(value));
        let close = below.y - self.y <= LINE_SPACING * self.size.max(below.size);
        alone(self)
            && alone(below)
            && !value.is_empty()
            && !value.contains(':')
            && no_label
            && close
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

    #[test]
    fn a_label_over_its_own_value_wrapped_at_the_colon_is_a_field_of_its_own() {
        // "TERMINE PREVISTO: 31.1.2024" written in one cell, wrapped at the
        // colon: the value below is its own, not the next field's.
        let lines = [
            line(1.0, &[("RISULTATO ATTESO", 0.0), ("Un report.", 27.0)]),
            line(2.0, &[("TERMINE PREVISTO:", 0.0)]),
            line(3.0, &[("31.1.2024", 0.0)]),
        ];
        assert_eq!(
            rows(&lines),
            [
                "RISULTATO ATTESO\tUn report.",
                "TERMINE PREVISTO:\t",
                "31.1.2024\t"
            ]
        );
        // A label wrapped over two lines, the next field's label below it,
        // stays one label.
        let lines = [
            line(1.0, &[("RISULTATO ATTESO", 0.0), ("Un report.", 27.0)]),
            line(2.0, &[("DEL PROGETTO:", 0.0)]),
            line(3.0, &[("DATA DI", 0.0)]),
            line(4.0, &[("COMPLETAMENTO:", 0.0)]),
        ];
        assert_eq!(
            rows(&lines)[0],
            "RISULTATO ATTESO DEL PROGETTO:\tUn report."
        );
    }
}
