//! Space-aligned dumps (`pdftotext -layout`, `w3m -dump`, `lynx -dump`,
//! fixed-width reports): each character is placed at its column, each line
//! at its row, box-drawing borders become ruling lines, and the shared table
//! rebuild finds the tables as it does on a PDF page: a character column is
//! an x position.

use std::rc::Rc;

use piano_model::{Diagnostic, TextLine, text_lines};
use piano_table::{InputLines, Page, PageTrace, Rebuild, Rule, Word};

/// The width of a character: one unit, so that a character column is an x.
const CHARACTER: f32 = 1.0;
/// The font size every character is given, a character being one unit wide:
/// the rebuild measures gaps in font sizes, and at this size one space is a
/// gap between words and two are a gap between cells, as on a printed page.
pub(crate) const SIZE: f32 = 3.0;
/// The distance between two lines, in the same units: one blank line is a
/// paragraph break, two end a table, as they do on a printed page.
const LINE_PITCH: f32 = 1.2 * SIZE;
/// Where the middle of a character lies above its baseline, as the rebuild
/// places text in bordered rows.
const MIDDLE: f32 = 0.3 * SIZE;
/// Tab stops, for the tabs of a dump that mixes them with spaces.
const TAB_STOP: usize = 8;

/// A space-aligned dump read: its lines of cells, its page count when it
/// has form feeds, what the rebuild noticed, and the trace it kept.
pub(crate) struct Aligned {
    /// The lines of cells.
    pub lines: Vec<TextLine>,
    /// The page count, when the dump has form feeds.
    pub pages: Option<u32>,
    /// What the rebuild noticed.
    pub diagnostics: Vec<Diagnostic>,
    /// The page `rebuild` was asked to trace, if it was.
    pub trace: Option<PageTrace>,
}

/// Reads a space-aligned dump through `rebuild`.
pub(crate) fn read(text: &str, mut rebuild: Rebuild) -> Aligned {
    let mut page = dump_page(1);
    let mut rows = 0u32;
    let mut paged = false;
    for piece in text_lines(text) {
        let number = piece.page.unwrap_or(1);
        paged |= piece.page.is_some();
        if number != page.number {
            page.height = (rows + 1) as f32 * LINE_PITCH;
            rebuild.push(&std::mem::replace(&mut page, dump_page(number)));
            rows = 0;
        }
        rows += 1;
        if let Some(input) = &mut page.input_lines {
            input.numbers.push(piece.number);
        }
        place_line(&mut page, rows, piece.text);
    }
    page.height = (rows + 1) as f32 * LINE_PITCH;
    let pages = paged.then_some(page.number);
    rebuild.push(&page);
    let trace = rebuild.take_trace();
    let (lines, diagnostics) = rebuild.finish();
    Aligned {
        lines,
        pages,
        diagnostics,
        trace,
    }
}

/// An empty page of the dump, a grid of characters whose rows are lines of
/// the file (numbered as the file's lines).
fn dump_page(number: u32) -> Page {
    Page {
        number,
        pitch: Some(CHARACTER),
        input_lines: Some(InputLines {
            numbers: Vec::new(),
            pitch: LINE_PITCH,
        }),
        ..Page::default()
    }
}

/// Places the characters of one line (the `row`th of its page) on the page:
/// runs of letters as words, box-drawing characters as rules. A word is a
/// slice of the line: whitespace, control characters and vertical rules end
/// it, and a tab moves the column to the next tab stop.
fn place_line(page: &mut Page, row: u32, text: &str) {
    let baseline = row as f32 * LINE_PITCH;
    let middle = baseline - MIDDLE;
    if may_be_border(text) {
        let columns = expand_tabs(text);
        if is_border(&columns) {
            place_border(page, &columns, middle);
            return;
        }
    }
    // Most dumps are ASCII without tabs, whose characters are their bytes
    // and whose columns are their offsets: no decoding, no tab stops.
    if text.is_ascii() && !text.contains('\t') {
        place_ascii_words(page, baseline, text);
    } else {
        place_words(page, baseline, text, text.char_indices());
    }
}

/// Places the words and vertical rules of an ASCII line without tabs, as
/// [`place_words`] does, each byte a column: the runs of bytes that are
/// neither whitespace, control characters nor vertical rules are its
/// words (every line of most dumps comes here, byte by byte).
fn place_ascii_words(page: &mut Page, baseline: f32, text: &str) {
    let middle = baseline - MIDDLE;
    // The column (and byte) where the word being read starts.
    let mut word: Option<usize> = None;
    for (column, byte) in text.bytes().enumerate() {
        let vertical = byte == b'|';
        if !(vertical || byte <= b' ' || byte == 0x7f) {
            word.get_or_insert(column);
            continue;
        }
        if let Some(start) = word.take() {
            page.words
                .push(word_at(start, column, baseline, &text[start..column]));
        }
        if vertical {
            page.rules.push(vertical_at(column, middle));
        }
    }
    if let Some(start) = word {
        page.words
            .push(word_at(start, text.len(), baseline, &text[start..]));
    }
}

/// Places the words of `text`, whose characters `characters` gives with
/// the byte each starts at, and its vertical rules.
fn place_words(
    page: &mut Page,
    baseline: f32,
    text: &str,
    characters: impl Iterator<Item = (usize, char)>,
) {
    let middle = baseline - MIDDLE;
    let mut column = 0;
    // The column and byte where the word being read starts.
    let mut word: Option<(usize, usize)> = None;
    for (at, c) in characters {
        let vertical = is_vertical_rule(c);
        if vertical || c.is_whitespace() || c.is_control() {
            if let Some((start, from)) = word.take() {
                page.words
                    .push(word_at(start, column, baseline, &text[from..at]));
            }
            if vertical {
                page.rules.push(vertical_at(column, middle));
            }
            column = if c == '\t' {
                tab_stop_after(column)
            } else {
                column + 1
            };
            continue;
        }
        if word.is_none() {
            word = Some((column, at));
        }
        column += 1;
    }
    if let Some((start, from)) = word {
        page.words
            .push(word_at(start, column, baseline, &text[from..]));
    }
}

fn word_at(start: usize, end: usize, baseline: f32, text: &str) -> Word {
    Word {
        text: Rc::from(text),
        x0: start as f32 * CHARACTER,
        x1: end as f32 * CHARACTER,
        y: baseline,
        size: SIZE,
        confidence: None,
    }
}

/// A vertical rule through the middle of a character cell, one line tall,
/// so that the rules of consecutive lines meet.
fn vertical_at(column: usize, middle: f32) -> Rule {
    Rule::Vertical {
        x: column as f32 + 0.5,
        y0: middle - LINE_PITCH / 2.0,
        y1: middle + LINE_PITCH / 2.0,
    }
}

/// The line's characters, one per column: tabs (in a dump that mixes them
/// with spaces) expanded to the next tab stop.
fn expand_tabs(text: &str) -> Vec<char> {
    let mut columns: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => columns.resize(tab_stop_after(columns.len()), ' '),
            c if c.is_whitespace() || c.is_control() => columns.push(' '),
            c => columns.push(c),
        }
    }
    columns
}

/// The column a tab at `column` moves to: the next tab stop, and always two
/// columns on at least, since a tab always separates cells.
fn tab_stop_after(column: usize) -> usize {
    let next = (column / TAB_STOP + 1) * TAB_STOP;
    if next - column < 2 {
        next + TAB_STOP
    } else {
        next
    }
}

/// Characters that draw a table's horizontal borders.
fn is_horizontal_rule(c: char) -> bool {
    matches!(c, '-' | '=' | '─' | '━' | '═' | '┄' | '╌')
}

/// Characters that draw a table's vertical borders inside lines of text.
fn is_vertical_rule(c: char) -> bool {
    matches!(c, '|' | '│' | '┃' | '║' | '¦')
}

/// Characters where borders meet.
fn is_junction(c: char) -> bool {
    matches!(
        c,
        '+' | '┼'
            | '┬'
            | '┴'
            | '├'
            | '┤'
            | '┌'
            | '┐'
            | '└'
            | '┘'
            | '╋'
            | '╬'
            | '╦'
            | '╩'
            | '╠'
            | '╣'
            | '╔'
            | '╗'
            | '╚'
            | '╝'
    )
}

/// Whether a line may only draw borders: its first character that is not
/// a space draws one. Most lines are text and are told so by this alone.
fn may_be_border(text: &str) -> bool {
    text.chars()
        .find(|c| !c.is_whitespace())
        .is_some_and(|c| is_horizontal_rule(c) || is_vertical_rule(c) || is_junction(c))
}

/// A line that only draws borders: box-drawing characters and spaces, with
/// a run of at least three horizontal ones (`+---+`, `├──┼──┤`, `-----`).
fn is_border(columns: &[char]) -> bool {
    let drawn = || {
        columns
            .iter()
            .all(|&c| c == ' ' || is_horizontal_rule(c) || is_vertical_rule(c) || is_junction(c))
    };
    let longest_run = || {
        columns
            .split(|&c| !is_horizontal_rule(c))
            .map(<[char]>::len)
            .max()
            .unwrap_or(0)
    };
    drawn() && longest_run() >= 3
}

/// A border line's rules: its horizontal runs, and a short vertical at each
/// junction so that the verticals above and below meet it.
fn place_border(page: &mut Page, columns: &[char], middle: f32) {
    let mut start: Option<usize> = None;
    for (column, &c) in columns.iter().enumerate() {
        let drawn = c != ' ';
        if drawn && start.is_none() {
            start = Some(column);
        }
        if !drawn && let Some(from) = start.take() {
            page.rules.push(horizontal(from, column, middle));
        }
        if is_junction(c) || is_vertical_rule(c) {
            page.rules.push(vertical_at(column, middle));
        }
    }
    if let Some(from) = start {
        page.rules.push(horizontal(from, columns.len(), middle));
    }
}

fn horizontal(from: usize, to: usize, y: f32) -> Rule {
    Rule::Horizontal {
        y,
        x0: from as f32 + 0.5,
        x1: to as f32 - 0.5,
    }
}

#[cfg(test)]
mod tests;
