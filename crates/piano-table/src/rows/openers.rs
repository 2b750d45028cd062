//! Words a dump left at the end of a cell that open the next column's
//! cells on other rows of the table ("… report annuale. entro" and
//! "il 15.02.2025"): the openers are learnt from the table, no word list.

use super::placed::PlacedLine;
use crate::lines::Segment;
use std::borrow::Cow;
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
            // Of two that open, the first: a date is one value ("1" of
            // "… annuale. 1 dicembre" and "2023" as much as "dicembre").
            let first_moved = (words.len().saturating_sub(MOVED_WORDS).max(1)..words.len())
                .find(|&index| opens(&words[index]))
                .or_else(|| date_cut_from_its_year(&words, next, &openers[column..]));
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

/// Where the words ending a piece begin that a dump cut from the year
/// opening `next`, the piece after it in the next column: the last word, a
/// word the next column sets right before a year on other lines more often
/// than the piece's column does ("dicembre" of "… annuale. dicembre" |
/// "2022" under dues such as "31 dicembre 2022"), with a day before it
/// ("1 dicembre"). `openers` are those of the piece's column and the next.
fn date_cut_from_its_year(
    words: &[(&str, f32)],
    next: &Segment,
    openers: &[Openers],
) -> Option<usize> {
    let [own, next_column, ..] = openers else {
        return None;
    };
    let opens_with_year = next
        .words()
        .first()
        .is_some_and(|&(word, _)| shape(word) == YEAR);
    let month = words
        .len()
        .checked_sub(1)
        .filter(|&last| last >= 1 && opens_with_year)?;
    let (word, _) = words[month];
    let before_year = next_column.before_year(word);
    if before_year == 0 || before_year <= own.before_year(word) {
        return None;
    }
    let day = month - 1;
    let is_day = matches!(shape(words[day].0).as_ref(), DAY | "9°");
    Some(if is_day && day >= 1 { day } else { month })
}

/// The shape of a year.
const YEAR: &str = "9999";
/// The shape of a day (or month) in figures.
const DAY: &str = "9";

/// A word opens a column's cells on at least this many other rows before
/// it is taken to open one here.
const MIN_OPENERS: usize = 2;
/// How many words ending a piece may go to the next cell ("entro il").
const MOVED_WORDS: usize = 2;

/// The first words of a column's pieces over a table's lines, each by its
/// [`shape`], and how many pieces each opens; and the words its pieces set
/// right before a year.
#[derive(Default)]
pub(super) struct Openers {
    /// Pieces opened, by the shape of their first word.
    first: HashMap<String, usize>,
    /// Words of letters followed by a year, and how often.
    before_year: HashMap<String, usize>,
}

impl Openers {
    /// How many pieces of the column a word of `word`'s shape opens.
    fn count(&self, word: &str) -> usize {
        self.first.get(shape(word).as_ref()).copied().unwrap_or(0)
    }

    /// How many times the column's pieces set `word` right before a year.
    fn before_year(&self, word: &str) -> usize {
        self.before_year.get(word).copied().unwrap_or(0)
    }
}

/// A word as an opener: a word of letters as written ("entro"); in a word
/// with digits each run of digits by its kind (a day or month of one or
/// two digits, a year of four, another number), so that dates of one form
/// open alike: "15.12.2022" and "31.03.2023" are "9.9.9999", "1" and "31"
/// are "9", "2022" is "9999", "100%" is "999%".
fn shape(word: &str) -> Cow<'_, str> {
    if !word.chars().any(|c| c.is_ascii_digit()) {
        return Cow::Borrowed(word);
    }
    let mut shape = String::with_capacity(word.len());
    let mut digits = 0;
    let close = |shape: &mut String, digits: &mut usize| {
        match *digits {
            0 => {}
            1 | 2 => shape.push('9'),
            4 => shape.push_str("9999"),
            _ => shape.push_str("999"),
        }
        *digits = 0;
    };
    for c in word.chars() {
        if c.is_ascii_digit() {
            digits += 1;
        } else {
            close(&mut shape, &mut digits);
            shape.push(c);
        }
    }
    close(&mut shape, &mut digits);
    Cow::Owned(shape)
}

/// Each column's openers (of those inner edges `inner` leave) over the
/// lines of `lines` that start a row (text in the first column): a wrapped
/// cell's next line opens with any word; the words before a year over all
/// the lines.
pub(super) fn column_openers(lines: &[PlacedLine], inner: &[f32]) -> Vec<Openers> {
    let mut openers: Vec<Openers> = (0..=inner.len()).map(|_| Openers::default()).collect();
    for placed in lines {
        let starts_a_row = placed.columns.first() == Some(&0);
        for (segment, &column) in placed.line.segments.iter().zip(&placed.columns) {
            let words = segment.words();
            let openers = &mut openers[column];
            if starts_a_row && let Some(&(word, _)) = words.first() {
                *openers.first.entry(shape(word).into_owned()).or_default() += 1;
            }
            for pair in words.windows(2) {
                let (word, year) = (pair[0].0, pair[1].0);
                if shape(year) == YEAR && shape(word) == word {
                    *openers.before_year.entry(word.to_owned()).or_default() += 1;
                }
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

    #[test]
    fn a_date_left_with_the_text_before_goes_whole_to_a_column_dates_open() {
        // Dues open with dates on other rows; the dump set rows 3 and 5
        // one space after a long target, the edge cutting after the date
        // (3) or inside it (5).
        let text = "\
N.  Valori attesi                                  Scadenza
1   Report annuale.                                31.12.2024
2   Delibera approvata.                            30.06.2024
3   Realizzazione di un report annuale. 15.02.2025 pluriennale
4   Piano approvato.                               1 dicembre 2024
5   Realizzazione di un report annuale. 1 dicembre 2024
6   Regolamento adottato.                          15 marzo 2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 50.4, 70.0]);
        assert_eq!(
            texts[3],
            "3\tRealizzazione di un report annuale.\t15.02.2025 pluriennale"
        );
        assert_eq!(
            texts[5],
            "5\tRealizzazione di un report annuale.\t1 dicembre 2024"
        );
    }

    #[test]
    fn dates_of_one_form_open_alike() {
        let cases = [
            ("15.12.2022", "9.9.9999"),
            ("31/03/2023", "9/9/9999"),
            ("1", "9"),
            ("31", "9"),
            ("2022", "9999"),
            ("100%", "999%"),
            ("(50%)", "(9%)"),
            ("entro", "entro"),
        ];
        for (word, shape) in cases {
            assert_eq!(super::shape(word), shape, "{word}");
        }
    }

    #[test]
    fn a_month_cut_from_its_year_goes_with_it() {
        // Dues set "dicembre" and "marzo" before a year on other lines; the
        // edge cut rows 3 and 4 between the month and the year.
        let text = "\
N.  Valori attesi                                       Scadenza
1   Report annuale.                                     dicembre 2024
2   Delibera approvata.                                 31 marzo 2024
3   Realizzazione di un report annuale finale. dicembre 2024
4   Realizzazione di un report annuale finale. 31 marzo 2024
5   Piano di lavoro 2024                                30.06.2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 55.4, 75.0]);
        assert_eq!(
            texts[3..5],
            [
                "3\tRealizzazione di un report annuale finale.\tdicembre 2024",
                "4\tRealizzazione di un report annuale finale.\t31 marzo 2024",
            ]
        );
        // A word the next column sets before no year stays.
        assert_eq!(texts[5], "5\tPiano di lavoro 2024\t30.06.2024");
    }
}
