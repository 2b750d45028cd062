//! Tesseract's TSV output to word boxes.
//!
//! The TSV has one row per page, block, paragraph, line and word (`level` 1
//! to 5), each with its box in pixels (`left`, `top`, `width`, `height`) and,
//! for words, the confidence (`conf`, 0 to 100; -1 on the other levels) and
//! the text. Only words with text are kept. Tesseract gives no baseline nor
//! font size: a word's box runs from its ascenders to its descenders. So
//! each word takes its line's baseline, the median bottom of the line's
//! words (most have no descender), and a size for the rebuild to measure
//! gaps against: the median of its words' font sizes (`size.rs`), or the
//! body text's (the median over the page's lines) when within
//! [`BODY_TOLERANCE`] of it, so that small errors of the estimate make no
//! size change, which the rebuild reads as a new paragraph.
//!
//! Tesseract reads specks as text (what is left of a wiped rule, a stain):
//! words far smaller than the body text's letters, or marks without a letter
//! or digit read with next to no confidence, are left out ([`is_speck`]),
//! but for a dash set between two words, however doubtfully read
//! ([`is_dash_between_words`]); and so is a doubtful ghost of another
//! line's word, read from the same ink ([`read_twice`]), and a vertical bar
//! standing alone, a rule too short to be found and wiped as one
//! ([`is_rule_read_as_text`]); such a bar at a word's edge is left out of
//! its text. A word that
//! follows another of its line is `spaced`: tesseract parts words by the
//! spaces it sees.

use std::collections::BTreeMap;

use serde::Deserialize;

use piano_table::is_rule_bar;

use crate::size::font_size;

/// One word tesseract recognised, placed in the page image's pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrWord {
    /// The text, as recognised.
    pub text: String,
    /// Left edge.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Its line's baseline.
    pub y: f32,
    /// Its line's height.
    pub size: f32,
    /// How sure tesseract is of the word, 0 to 1.
    pub confidence: f32,
    /// Whether it follows another word of its line: tesseract parts its
    /// words by the spaces it sees, so a space stands before it however
    /// narrow the gap (at 150 dpi a font's space is a few pixels, which the
    /// rebuild's gap measure alone takes for letters of one word).
    pub spaced: bool,
}

/// Why tesseract's output could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("tesseract's TSV output, line {line}: {reason}")]
pub struct TsvError {
    /// The 1-based line of the output.
    pub line: u64,
    /// What was wrong with it.
    pub reason: String,
}

/// One row of the TSV, as tesseract names its columns.
#[derive(Debug, Deserialize)]
struct Row {
    level: u8,
    page_num: u32,
    block_num: u32,
    par_num: u32,
    line_num: u32,
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    conf: f32,
    /// Empty on rows that are not words.
    text: String,
}

/// The `level` of a word's row.
const WORD_LEVEL: u8 = 5;

/// A line of text: page, block, paragraph and line numbers.
type LineKey = (u32, u32, u32, u32);

/// The words of tesseract's TSV output `tsv`, each at its line's baseline
/// and size.
pub fn words(tsv: &str) -> Result<Vec<OcrWord>, TsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .quoting(false)
        .flexible(true)
        .from_reader(tsv.as_bytes());
    let mut lines: BTreeMap<LineKey, Vec<Row>> = BTreeMap::new();
    for row in reader.deserialize::<Row>() {
        let row = row.map_err(|error| TsvError {
            line: error.position().map_or(0, |position| position.line()),
            reason: error.to_string(),
        })?;
        if row.level != WORD_LEVEL || row.conf < 0.0 || row.text.trim().is_empty() {
            continue;
        }
        let key = (row.page_num, row.block_num, row.par_num, row.line_num);
        lines.entry(key).or_default().push(row);
    }
    let body = median(lines.values().map(|rows| line_size(rows)));
    let boxes: Vec<(LineKey, Bounds, f32)> = lines
        .iter()
        .flat_map(|(key, rows)| rows.iter().map(move |row| (*key, bounds(row), row.conf)))
        .collect();
    Ok(lines
        .into_iter()
        .map(|(key, rows)| {
            let specks: Vec<bool> = (0..rows.len())
                .map(|index| {
                    let row = &rows[index];
                    (is_speck(row, body) && !is_dash_between_words(&rows, index))
                        || is_rule_read_as_text(row)
                        || read_twice(key, row, &boxes)
                })
                .collect();
            let kept: Vec<Row> = rows
                .into_iter()
                .zip(specks)
                .filter_map(|(row, speck)| (!speck).then_some(row))
                .collect();
            kept
        })
        .filter(|rows| !rows.is_empty())
        .flat_map(|rows| line_words(rows, body))
        .collect())
}

/// Confidence (0 to 100) under which a mark without letters or digits is a speck.
const SPECK_CONFIDENCE: f32 = 10.0;
/// Confidence (0 to 100) a punctuation mark far smaller than the letters
/// (a dash, a full stop) needs to be kept.
const SMALL_MARK_CONFIDENCE: f32 = 50.0;

/// Whether a word is a speck tesseract read as text: under a third of the
/// `body` size and more than one character (no word's letters are that
/// small) or a mark read with little confidence; or a mark without letters
/// or digits read with next to no confidence.
fn is_speck(row: &Row, body: f32) -> bool {
    let text = row.text.trim();
    let mark = !text.chars().any(char::is_alphanumeric);
    if 3.0 * row.height < body {
        let small_mark = mark && text.chars().count() == 1 && row.conf >= SMALL_MARK_CONFIDENCE;
        return !small_mark;
    }
    mark && row.conf < SPECK_CONFIDENCE
}

/// Whether a word is vertical bars alone: a table rule tesseract read as
/// text, however confidently (the short side of a box one line tall, under
/// the length `rules.rs` finds a rule by).
fn is_rule_read_as_text(row: &Row) -> bool {
    text_of(row).is_empty()
}

/// The text of a word's row, without the rule's bars at its edges.
fn text_of(row: &Row) -> &str {
    row.text.trim().trim_matches(is_rule_bar)
}

/// A word's box: left, top, right, bottom.
type Bounds = (f32, f32, f32, f32);

/// The box of `row`.
fn bounds(row: &Row) -> Bounds {
    (
        row.left,
        row.top,
        row.left + row.width,
        row.top + row.height,
    )
}

/// Whether `row`, of the line `key`, is ink another line's word was read
/// from, read again: a doubtful word whose box lies more than half within
/// the box of a word of another line read more confidently (tesseract
/// gives such a ghost where lines of cells of one and of two lines meet,
/// "i," over "Indicatori").
fn read_twice(key: LineKey, row: &Row, boxes: &[(LineKey, Bounds, f32)]) -> bool {
    if row.conf >= GHOST_CONFIDENCE {
        return false;
    }
    let (x0, y0, x1, y1) = bounds(row);
    let area = (x1 - x0) * (y1 - y0);
    if area <= 0.0 {
        return false;
    }
    boxes.iter().any(|&(other, (a0, b0, a1, b1), confidence)| {
        let across = (x1.min(a1) - x0.max(a0)).max(0.0);
        let down = (y1.min(b1) - y0.max(b0)).max(0.0);
        other != key && confidence > row.conf && across * down > area / 2.0
    })
}

/// Confidence (0 to 100) under which a word may be a ghost ([`read_twice`]).
const GHOST_CONFIDENCE: f32 = 60.0;

/// Whether the word at `index` of its line's `rows` is a dash set between
/// two words of letters or digits ("Missione 01 – Servizi"): a dash is
/// thin, and tesseract reads one doubtfully, yet a speck is not read
/// within a line of words as a dash.
fn is_dash_between_words(rows: &[Row], index: usize) -> bool {
    let is_word = |row: &Row| row.text.chars().any(char::is_alphanumeric);
    let dash = matches!(row_text(rows, index), Some("-" | "–" | "—"));
    let before = index
        .checked_sub(1)
        .and_then(|i| rows.get(i))
        .is_some_and(is_word);
    let after = rows.get(index + 1).is_some_and(is_word);
    dash && before && after
}

/// The text of the word at `index` of `rows`, trimmed.
fn row_text(rows: &[Row], index: usize) -> Option<&str> {
    rows.get(index).map(|row| row.text.trim())
}

/// The blank a font leaves on either side of a word's ink, as a share of the
/// font size. Tesseract's boxes hold the ink only, a PDF's glyph boxes their
/// advance: widened by it, the gaps between words are a font's spaces, which
/// the rebuild measures against the size (a bold caption's ink gaps would
/// look like a table's gutters).
const SIDE_BEARING: f32 = 0.06;

/// How far a line's font size may be from the body text's, as a share of
/// it, for the line to be set in the body's size.
const BODY_TOLERANCE: f32 = 0.2;

/// The font size of a line: the median of its words', else (a line of
/// punctuation) its tallest word's height.
fn line_size(rows: &[Row]) -> f32 {
    let sizes: Vec<f32> = rows
        .iter()
        .filter_map(|row| font_size(row.text.trim(), row.height))
        .collect();
    if sizes.is_empty() {
        rows.iter().map(|row| row.height).fold(0.0, f32::max)
    } else {
        median(sizes.into_iter())
    }
}

/// The words of one line, at the line's baseline, in the `body` size unless
/// the line's is far from it.
fn line_words(rows: Vec<Row>, body: f32) -> impl Iterator<Item = OcrWord> {
    let y = median(rows.iter().map(|row| row.top + row.height));
    let own = line_size(&rows);
    let size = if (own - body).abs() <= BODY_TOLERANCE * body {
        body
    } else {
        own
    };
    let bearing = SIDE_BEARING * size;
    rows.into_iter()
        .enumerate()
        .map(move |(index, row)| OcrWord {
            text: text_of(&row).to_owned(),
            x0: row.left - bearing,
            x1: row.left + row.width + bearing,
            y,
            size,
            confidence: (row.conf / 100.0).clamp(0.0, 1.0),
            spaced: index > 0,
        })
}

/// The median of `values` (the upper one of an even count); 0 for none.
fn median(values: impl Iterator<Item = f32>) -> f32 {
    let mut values: Vec<f32> = values.collect();
    values.sort_by(f32::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    fn tsv(rows: &[&str]) -> String {
        let mut text = HEADER.to_owned();
        for row in rows {
            text.push_str(row);
            text.push('\n');
        }
        text
    }

    #[test]
    fn words_take_their_lines_baseline_and_size() {
        let text = tsv(&[
            "1\t1\t0\t0\t0\t0\t0\t0\t2339\t1654\t-1\t",
            "4\t1\t1\t1\t1\t0\t111\t337\t1024\t61\t-1\t",
            "5\t1\t1\t1\t1\t1\t111\t337\t471\t47\t92.38\tRendicontazione",
            "5\t1\t1\t1\t1\t2\t603\t337\t134\t61\t96.18\tdegli",
            "5\t1\t1\t1\t1\t3\t756\t337\t230\t47\t96.19\tobiettivi",
        ]);
        let words = words(&text).expect("the TSV is read");
        assert_eq!(words.len(), 3);
        let degli = &words[1];
        assert_eq!(degli.text, "degli");
        // Its ink box widened by the font's side bearings.
        let bearing = SIDE_BEARING * degli.size;
        assert_eq!((degli.x0 + bearing, degli.x1 - bearing), (603.0, 737.0));
        // The descender of "g" does not move the baseline; the line is the
        // body text, its size its words' font size.
        assert_eq!((degli.y, degli.size.round()), (384.0, 65.0));
        assert!((degli.confidence - 0.9618).abs() < 1e-4);
    }

    #[test]
    fn lines_near_the_body_size_take_it_and_titles_keep_their_own() {
        // Body text at 40 pixels, a title at 80.
        let text = tsv(&[
            "5\t1\t1\t1\t1\t1\t10\t10\t50\t37.2\t90\tprima",
            "5\t1\t2\t1\t1\t1\t10\t60\t50\t28.8\t90\tseconda",
            "5\t1\t3\t1\t1\t1\t10\t110\t50\t27\t90\tCODICE",
            "5\t1\t4\t1\t1\t1\t10\t160\t50\t57.6\t90\tTITOLO",
        ]);
        let sizes: Vec<f32> = words(&text)
            .expect("the TSV is read")
            .iter()
            .map(|word| word.size.round())
            .collect();
        assert_eq!(sizes, [40.0, 40.0, 40.0, 80.0]);
    }

    #[test]
    fn specks_are_left_out_and_dashes_kept() {
        let text = tsv(&[
            "5\t1\t1\t1\t1\t1\t10\t10\t50\t30\t90\tMissione",
            "5\t1\t1\t1\t1\t2\t70\t20\t8\t4\t91\t-",
            "5\t1\t1\t1\t1\t3\t90\t10\t50\t30\t90\tServizi",
            "5\t1\t2\t1\t1\t1\t10\t60\t30\t4\t60\tebiui",
            "5\t1\t2\t1\t1\t2\t50\t60\t4\t4\t24\t>",
            "5\t1\t3\t1\t1\t1\t10\t110\t10\t10\t0\t.",
            "5\t1\t4\t1\t1\t1\t10\t160\t50\t30\t90\tgenerali",
            "5\t1\t5\t1\t1\t1\t10\t210\t50\t30\t90\tgestione",
        ]);
        let words = words(&text).expect("the TSV is read");
        let texts: Vec<&str> = words.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(texts, ["Missione", "-", "Servizi", "generali", "gestione"]);
    }

    #[test]
    fn a_bar_alone_or_at_a_word_edge_is_a_rule_not_text() {
        let text = tsv(&[
            "5\t1\t1\t1\t1\t1\t10\t10\t8\t30\t93\t|",
            "5\t1\t1\t1\t1\t2\t30\t10\t50\t30\t90\tMissione",
            "5\t1\t1\t1\t1\t3\t90\t10\t8\t30\t89\t|",
            "5\t1\t1\t1\t1\t4\t110\t10\t50\t30\t90\tTurismo",
            "5\t1\t1\t1\t1\t5\t170\t10\t50\t30\t90\t|%",
        ]);
        let words = words(&text).expect("the TSV is read");
        let texts: Vec<&str> = words.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(texts, ["Missione", "Turismo", "%"]);
    }

    #[test]
    fn a_dash_between_words_is_kept_however_doubtfully_read() {
        let text = tsv(&[
            "5\t1\t1\t1\t1\t1\t10\t10\t50\t30\t90\tMissione",
            "5\t1\t1\t1\t1\t2\t70\t20\t8\t4\t9\t–",
            "5\t1\t1\t1\t1\t3\t90\t10\t50\t30\t90\tServizi",
            "5\t1\t2\t1\t1\t1\t10\t60\t50\t30\t90\tgenerali",
            "5\t1\t2\t1\t1\t2\t70\t70\t8\t4\t9\t–",
        ]);
        let words = words(&text).expect("the TSV is read");
        let texts: Vec<&str> = words.iter().map(|word| word.text.as_str()).collect();
        // The dash that ends a line is no dash between words: a speck.
        assert_eq!(texts, ["Missione", "–", "Servizi", "generali"]);
    }

    #[test]
    fn a_doubtful_ghost_of_a_word_of_another_line_is_left_out() {
        let text = tsv(&[
            "5\t1\t1\t1\t1\t1\t580\t396\t48\t14\t96\tAlfa",
            "5\t1\t1\t1\t1\t2\t695\t392\t8\t28\t28\ti,",
            "5\t1\t1\t1\t2\t1\t662\t403\t98\t26\t96\tBetagamma",
            // Within its box too, but read confidently: a word of its own.
            "5\t1\t1\t1\t1\t3\t740\t396\t18\t20\t90\tdi",
        ]);
        let words = words(&text).expect("the TSV is read");
        let texts: Vec<&str> = words.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(texts, ["Alfa", "di", "Betagamma"]);
    }

    #[test]
    fn a_word_after_another_of_its_line_is_spaced() {
        let text = tsv(&[
            "5\t1\t1\t1\t1\t1\t10\t10\t50\t30\t90\tprima",
            "5\t1\t1\t1\t1\t2\t62\t10\t50\t30\t90\tseconda",
            "5\t1\t2\t1\t1\t1\t10\t60\t50\t30\t90\tterza",
        ]);
        let spaced: Vec<bool> = words(&text)
            .expect("the TSV is read")
            .iter()
            .map(|word| word.spaced)
            .collect();
        assert_eq!(spaced, [false, true, false]);
    }

    #[test]
    fn rows_without_text_or_confidence_are_left_out() {
        let text = tsv(&[
            "2\t1\t1\t0\t0\t0\t112\t155\t528\t26\t-1\t",
            "5\t1\t1\t1\t1\t1\t112\t155\t174\t26\t-1\tCOMUNE",
            "5\t1\t1\t1\t1\t2\t298\t155\t41\t26\t0\t ",
            "5\t1\t1\t1\t1\t3\t352\t155\t288\t26\t90.5\tSANSEPOLCRO",
        ]);
        let words = words(&text).expect("the TSV is read");
        let texts: Vec<&str> = words.iter().map(|word| word.text.as_str()).collect();
        assert_eq!(texts, ["SANSEPOLCRO"]);
    }

    #[test]
    fn quotes_are_text() {
        let text = tsv(&["5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t80\t\"Dell'ente\""]);
        let words = words(&text).expect("the TSV is read");
        assert_eq!(words[0].text, "\"Dell'ente\"");
    }

    #[test]
    fn a_damaged_row_names_its_line() {
        let text = tsv(&[
            "5\t1\t1\t1\t1\t1\t10\t10\t50\t20\t80\tbene",
            "5\t1\t1\t1\t1\t2\tleft\t10\t50\t20\t80\tmale",
        ]);
        let error = words(&text).expect_err("a box that is no number is refused");
        assert_eq!(error.line, 3);
    }

    #[test]
    fn no_output_is_no_words() {
        assert_eq!(words(""), Ok(Vec::new()));
        assert_eq!(words(HEADER), Ok(Vec::new()));
    }
}
