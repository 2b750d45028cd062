//! Words a dump left at the end of a cell that open the next column's
//! cells on other rows of the table ("… report annuale. entro" and
//! "il 15.02.2025"): the openers are learnt from the table, no word list.

use super::placed::PlacedLine;
use std::collections::HashMap;

impl PlacedLine {
    /// The line with the words that end a piece moved to the piece right
    /// after it, one space away in the next column, where the first of them
    /// (of the last two) opens
    /// the next column's cells on other rows of the table (`openers`, per
    /// column) more often than it opens its own column's: a dump cut the
    /// line at the word nearest the edge ("… report annuale. entro" and
    /// "il 15.02.2025", under dues that read "entro il …" elsewhere). Only
    /// on a grid of characters.
    pub(super) fn with_openers_moved(mut self, openers: &[Openers]) -> PlacedLine {
        let Some(pitch) = self.line.pitch else {
            return self;
        };
        for index in 0..self.line.segments.len().saturating_sub(1) {
            let column = self.columns[index];
            let (piece, next) = (&self.line.segments[index], &self.line.segments[index + 1]);
            if self.columns[index + 1] != column + 1 || next.x0 - piece.x1 > 1.5 * pitch {
                continue;
            }
            // The last words that may open the next cell ("entro",
            // "entro il"): the first of them, keeping a word before.
            let words = piece.words();
            let opens = |&(word, _): &(&str, f32)| {
                let opens_next = openers[column + 1].count(word);
                opens_next >= MIN_OPENERS && opens_next > openers[column].count(word)
            };
            let first_moved = (1..words.len())
                .rev()
                .take(MOVED_WORDS)
                .find(|&index| opens(&words[index]));
            if let Some(first_moved) = first_moved {
                let (kept, moved) = piece.split(first_moved - 1);
                let joined = moved.joined(next);
                self.line.segments[index] = kept;
                self.line.segments[index + 1] = joined;
            }
        }
        self
    }
}

/// A word opens a column's cells on at least this many other rows before
/// it is taken to open one here.
const MIN_OPENERS: usize = 2;
/// How many words ending a piece may go to the next cell ("entro il").
const MOVED_WORDS: usize = 2;

/// The first words of a column's pieces over a table's lines, and how many
/// pieces each opens.
#[derive(Default)]
pub(super) struct Openers(HashMap<String, usize>);

impl Openers {
    /// How many pieces of the column `word` opens.
    fn count(&self, word: &str) -> usize {
        self.0.get(word).copied().unwrap_or(0)
    }
}

/// Each column's openers (of those inner edges `inner` leave) over the
/// lines of `lines` that start a row (text in the first column): a wrapped
/// cell's next line opens with any word.
pub(super) fn column_openers(lines: &[PlacedLine], inner: &[f32]) -> Vec<Openers> {
    let mut openers: Vec<Openers> = (0..=inner.len()).map(|_| Openers::default()).collect();
    for placed in lines
        .iter()
        .filter(|placed| placed.columns.first() == Some(&0))
    {
        for (segment, &column) in placed.line.segments.iter().zip(&placed.columns) {
            if let Some(&(word, _)) = segment.words().first() {
                *openers[column].0.entry(word.to_owned()).or_default() += 1;
            }
        }
    }
    openers
}

#[cfg(test)]
mod tests {
    use crate::page::Block;
    use crate::rows::{Start, rows_of};

    /// The rows of a text dump's lines, as tab-separated texts, in the
    /// columns with edges `columns`.
    fn dump_rows(text: &str, columns: &[f32]) -> Vec<String> {
        rows_of(&crate::lines::dump_lines(text), columns, Start::Top)
            .iter()
            .map(Block::text)
            .collect()
    }

    #[test]
    fn words_that_open_the_next_columns_cells_on_other_rows_go_with_it() {
        // Dues open with "entro il" on other rows; the dump cut row 3 at
        // the word nearest the edge, leaving "entro" with the target.
        let text = "\
N.  Valori attesi                  Scadenza
1   Report annuale.                entro il 31.12.2024
2   Delibera approvata.            entro il 30.06.2024
3   Realizzazione di un report annuale. entro il 15.02.2025
4   Verifica svolta entro           il 30.09.2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 34.4, 60.0]);
        assert_eq!(
            texts[3],
            "3\tRealizzazione di un report annuale.\tentro il 15.02.2025"
        );
        // Set apart by a gap, the word is the cell's own.
        assert_eq!(texts[4], "4\tVerifica svolta entro\til 30.09.2024");
    }
}
