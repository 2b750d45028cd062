//! Words a dump left at the end of a cell that open the next column's
//! cells on other rows of the table ("… report annuale. entro" and
//! "il 15.02.2025"): the openers are learnt from the table, no word list.

use super::placed::PlacedLine;
use crate::gutters::EDGE_TOLERANCE;
use crate::lines::Segment;
use rustc_hash::{FxHashMap, FxHasher};
use std::borrow::Cow;
use std::hash::Hasher;

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
                .or_else(|| words_run_on(&words, next, &openers[column..]));
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

/// Where the words ending a piece begin that a dump cut from `next`, the
/// piece after it in the next column: the last words (at most
/// [`MOVED_WORDS`], keeping one) each of which the next column sets right
/// before the word after it on other lines more often than the piece's
/// column does ("… annuale. dicembre" | "2022" under dues such as "31
/// dicembre 2022", "… annuale. entro" | "il 31.12.2022" under "entro il
/// 30.06.2022"), with a day in figures before them. `openers` are those
/// of the piece's column and the next.
fn words_run_on(words: &[(&str, f32)], next: &Segment, openers: &[Openers]) -> Option<usize> {
    let [own, next_column, ..] = openers else {
        return None;
    };
    let next_words = next.words();
    let mut after = next_words.first()?.0;
    let mut first = None;
    for index in (words.len().saturating_sub(MOVED_WORDS).max(1)..words.len()).rev() {
        let word = words[index].0;
        // On other lines: not the pairs of the next piece itself.
        let key = pair_key(word, after);
        let in_itself = next_words
            .windows(2)
            .filter(|pair| pair_key(pair[0].0, pair[1].0) == key)
            .count();
        let in_next = next_column.pairs(word, after).saturating_sub(in_itself);
        if in_next == 0 || in_next <= own.pairs(word, after) {
            break;
        }
        first = Some(index);
        after = word;
    }
    // A day in figures before a moved word goes too: a date is one value
    // ("1 dicembre" | "2020" where no other due reads "1 dicembre").
    match first {
        Some(index) if index >= 2 && index + MOVED_WORDS > words.len() => {
            let day = matches!(shape(words[index - 1].0).as_ref(), "9" | "9°");
            Some(if day { index - 1 } else { index })
        }
        first => first,
    }
}

/// A word opens a column's cells on at least this many other rows before
/// it is taken to open one here.
const MIN_OPENERS: usize = 2;
/// How many words ending a piece may go to the next cell ("entro il").
const MOVED_WORDS: usize = 2;

/// The first words of a column's pieces over a table's lines, each by its
/// [`shape`], and how many pieces each opens; and the pairs of words its
/// pieces set one after the other.
#[derive(Default)]
pub(super) struct Openers {
    /// Pieces opened, by the [`shape_key`] of their first word.
    first: FxHashMap<u64, usize>,
    /// Pairs of words one after the other, by [`pair_key`], and how often.
    pairs: FxHashMap<u64, usize>,
}

impl Openers {
    /// How many pieces of the column a word of `word`'s shape opens.
    fn count(&self, word: &str) -> usize {
        self.first.get(&shape_key(word)).copied().unwrap_or(0)
    }

    /// How many times the column's pieces set `word` right before `after`
    /// (words of their shapes).
    fn pairs(&self, word: &str, after: &str) -> usize {
        self.pairs.get(&pair_key(word, after)).copied().unwrap_or(0)
    }
}

/// Two words one after the other, by their shapes, as one hash: no text is
/// kept for each pair of words of a table. Every pair of words of a table
/// is hashed, so with a fast hash (no input here is chosen to collide).
fn pair_key(word: &str, after: &str) -> u64 {
    pair_of(shape_key(word), shape_key(after))
}

/// [`pair_key`] of two words by their [`shape_key`]s: a column's words are
/// each hashed once, though each is in two pairs.
fn pair_of(word: u64, after: u64) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write_u64(word);
    hasher.write_u64(after);
    hasher.finish()
}

/// A word by its [`shape`], as a hash (the first words of a column's
/// pieces are counted by it).
fn shape_key(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hash_shape(word, &mut hasher);
    hasher.finish()
}

/// Feeds `word`'s [`shape`] to `hasher` piece by piece, building no text:
/// every word of a table is hashed.
fn hash_shape(word: &str, hasher: &mut FxHasher) {
    for piece in shape_pieces(word) {
        hasher.write(piece.as_bytes());
    }
    hasher.write_u8(0xff);
}

/// A word as an opener: a word of letters as written ("entro"); in a word
/// with digits each run of digits by its kind (a day or month of one or
/// two digits, a year of four, another number), so that dates of one form
/// open alike: "15.12.2022" and "31.03.2023" are "9.9.9999", "1" and "31"
/// are "9", "2022" is "9999", "100%" is "999%".
fn shape(word: &str) -> Cow<'_, str> {
    if !word.bytes().any(|b| b.is_ascii_digit()) {
        return Cow::Borrowed(word);
    }
    Cow::Owned(shape_pieces(word).collect())
}

/// The pieces of a word's [`shape`] left to right: each run of digits as
/// its kind, the text between as written.
fn shape_pieces(word: &str) -> impl Iterator<Item = &str> + '_ {
    let mut rest = word;
    std::iter::from_fn(move || {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let (piece, after) = match digits {
            0 if rest.is_empty() => return None,
            0 => rest.split_at(
                rest.find(|c: char| c.is_ascii_digit())
                    .unwrap_or(rest.len()),
            ),
            1 | 2 => ("9", &rest[digits..]),
            4 => ("9999", &rest[digits..]),
            _ => ("999", &rest[digits..]),
        };
        rest = after;
        Some(piece)
    })
}

/// Each column's openers (of those inner edges `inner` leave) over the
/// lines of `lines` that start a row (text in the first column): a wrapped
/// cell's next line opens with any word; the pairs of words over all the
/// lines, in pieces that stay within their column.
pub(super) fn column_openers(lines: &[PlacedLine], inner: &[f32]) -> Vec<Openers> {
    let mut openers: Vec<Openers> = (0..=inner.len()).map(|_| Openers::default()).collect();
    for placed in lines {
        let starts_a_row = placed.columns.first() == Some(&0);
        for (segment, &column) in placed.line.segments.iter().zip(&placed.columns) {
            let words = segment.words();
            let openers = &mut openers[column];
            // A piece run across the next column's edge holds words of both.
            let tolerance = EDGE_TOLERANCE * placed.line.size;
            let stays = inner
                .get(column)
                .is_none_or(|&edge| segment.x1 <= edge + tolerance);
            // The key of the word before, each word's key reckoned once.
            let mut before: Option<u64> = None;
            for (index, &(word, _)) in words.iter().enumerate() {
                let opens = starts_a_row && index == 0;
                if !(stays || opens) {
                    break;
                }
                let key = shape_key(word);
                if opens {
                    *openers.first.entry(key).or_default() += 1;
                }
                if stays && let Some(before) = before {
                    *openers.pairs.entry(pair_of(before, key)).or_default() += 1;
                }
                before = Some(key);
            }
        }
    }
    openers
}

#[cfg(test)]
mod tests {
    use crate::rows::dump_rows;

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
        // Counted by their shapes' hashes, built with no text.
        use super::{pair_key, shape_key};
        assert_eq!(shape_key("15.12.2022"), shape_key("31.03.2023"));
        assert_ne!(shape_key("15.12.2022"), shape_key("31/03/2023"));
        assert_eq!(
            pair_key("entro", "15.12.2022"),
            pair_key("entro", "1.1.2023")
        );
        assert_ne!(pair_key("entro", "il"), pair_key("entroil", ""));
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

    #[test]
    fn a_word_the_next_column_sets_before_the_next_cells_first_goes_with_it() {
        // One due reads "entro il …": too few to open the column, but the
        // pair says where row 2 was cut ("entro" | "il 30.06.2024").
        let text = "\
N.  Valori attesi                                  Scadenza
1   Report annuale.                                entro il 31.12.2024
2   Realizzazione di un report annuale finale. entro il 30.06.2024
3   Delibera approvata.                            30.09.2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 50.4, 70.0]);
        assert_eq!(
            texts[2],
            "2\tRealizzazione di un report annuale finale.\tentro il 30.06.2024"
        );
        // The pair a cut piece holds itself says nothing ("Area" |
        // "1 Dirigente Area 2" stays).
        let text = "\
N.  Obiettivo        Dirigente Area 1 Dirigente Area 2
1   Bilancio         10             20
";
        let texts = dump_rows(text, &[0.0, 3.4, 20.4, 35.4, 60.0]);
        assert_eq!(
            texts[0],
            "N.\tObiettivo\tDirigente Area\t1 Dirigente Area 2"
        );
    }
}
