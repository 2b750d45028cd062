//! The seam between readers and the parser: lines of cells.
//!
//! A text dump and a PDF look nothing alike inside, but both can be seen as a
//! sequence of lines, each a row of cells. Tab-separated dumps are split on
//! tabs and know no positions; readers with positions (PDFs, space-aligned
//! dumps, OCR) go through the table rebuild, which keeps each row's and each
//! cell's box and the lowest confidence of a cell's words, for the views and
//! checks that need them. The parser reads one [`Layout`] either way.

use crate::{Diagnostic, LineSpan};

/// One document as lines of cells, ready for the parser.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// The non-blank lines in document order. Blank lines are left out; a gap in
    /// [`TextLine::number`] shows where they were (paragraph breaks).
    pub lines: Vec<TextLine>,
    /// Page count, when the input has pages (a PDF, or a dump with form feeds).
    pub pages: Option<u32>,
    /// What the reader noticed: encodings guessed, content skipped, table quality.
    pub diagnostics: Vec<Diagnostic>,
}

/// One line of the intermediate text, split into cells.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    /// 1-based line number in the intermediate text (the dump itself, or the
    /// output of `piano text` for a PDF): the first line it comes from.
    /// Diagnostics and `lines` refer to it.
    pub number: u32,
    /// The last line of the input the line comes from: a row a text dump
    /// wraps over several of its lines spans them, from `number` to `last`.
    /// Equal to `number` for a line read whole.
    pub last: u32,
    /// 1-based page the line is on, when the input has pages.
    pub page: Option<u32>,
    /// Where the line (a whole table row, wrapped lines included) lies on its
    /// page; `None` for tab-separated text.
    pub bbox: Option<BBox>,
    /// The cells, left to right. A cell may be empty: it still holds its column.
    pub cells: Vec<Cell>,
}

/// One cell of a line.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The cell's text as read, not yet normalised.
    pub text: String,
    /// The cell's box on the page (a table cell: its column's edges and its
    /// row's); `None` for tab-separated text.
    pub bbox: Option<BBox>,
    /// The lowest recognition confidence of the cell's words (0 to 1), when
    /// the reader knows one (OCR); `None` for text read as drawn.
    pub confidence: Option<f32>,
}

/// Below this recognition confidence a cell is doubtful: reported for a
/// person to check, and the only kind of cell the parser may repair where
/// the plan's structure proves another reading.
pub const LOW_CONFIDENCE: f32 = 0.6;

impl Cell {
    /// Whether the cell holds text recognised by OCR with a confidence under
    /// [`LOW_CONFIDENCE`]; never for text read as drawn (no confidence).
    pub fn is_doubtful(&self) -> bool {
        self.confidence
            .is_some_and(|confidence| confidence < LOW_CONFIDENCE)
            && !self.text.trim().is_empty()
    }
}

/// A box on a page, origin at the top left, y growing down. Units are the
/// reader's: PDF points for PDFs, pixels for scans, character columns and
/// lines for space-aligned dumps.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Left edge.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Right edge.
    pub right: f32,
    /// Bottom edge.
    pub bottom: f32,
}

impl TextLine {
    /// A line of position-less cells, as a text dump gives them.
    pub fn from_texts<I, S>(number: u32, page: Option<u32>, texts: I) -> TextLine
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let cells = texts
            .into_iter()
            .map(|text| Cell {
                text: text.into(),
                bbox: None,
                confidence: None,
            })
            .collect();
        TextLine {
            number,
            last: number,
            page,
            bbox: None,
            cells,
        }
    }

    /// Whether a cell of the line is doubtful ([`Cell::is_doubtful`]): what
    /// a repair of text read across the line (the ente's name, a heading)
    /// asks before it may change it.
    pub fn is_doubtful(&self) -> bool {
        self.cells.iter().any(Cell::is_doubtful)
    }

    /// The lines of the input it comes from, first and last.
    pub fn span(&self) -> LineSpan {
        LineSpan(self.number, self.last)
    }

    /// The text of the line's one filled cell, trimmed: a heading, a
    /// caption or a label stands alone on its line. `None` for a line of
    /// none or several.
    pub fn only_cell(&self) -> Option<&str> {
        let mut filled = self
            .cells
            .iter()
            .map(|cell| cell.text.trim())
            .filter(|text| !text.is_empty());
        let text = filled.next()?;
        filled.next().is_none().then_some(text)
    }

    /// The line as the dump would show it: cells joined by tabs.
    pub fn to_tab_separated(&self) -> String {
        let texts: Vec<&str> = self.cells.iter().map(|cell| cell.text.as_str()).collect();
        texts.join("\t")
    }
}

impl Layout {
    /// A tab-separated dump's lines of cells: each physical line (LF, CRLF or
    /// CR) split on tabs, pages from form feeds, blank lines left out.
    pub fn from_tab_separated(text: &str) -> Layout {
        let mut lines = Vec::new();
        for piece in text_lines(text) {
            if !piece.text.trim().is_empty() {
                lines.push(TextLine::from_texts(
                    piece.number,
                    piece.page,
                    piece.text.split('\t'),
                ));
            }
        }
        let pages = lines.last().and_then(|line| line.page);
        Layout {
            lines,
            pages,
            diagnostics: Vec::new(),
        }
    }
}

/// One line of a text, or the part of it on one page where a form feed
/// cuts it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextPiece<'a> {
    /// 1-based number of the physical line.
    pub number: u32,
    /// 1-based page, when the text has form feeds.
    pub page: Option<u32>,
    /// The text, without its line end, form feed or byte order mark.
    pub text: &'a str,
}

/// The lines of a text (ended by LF, CRLF or CR), each cut where a form feed
/// starts a new page: the numbering every reader of text dumps shares.
pub fn text_lines(text: &str) -> impl Iterator<Item = TextPiece<'_>> {
    let paged = text.contains('\u{c}');
    let mut page = 1u32;
    let mut lines = physical_lines(text).enumerate();
    // The rest of the current line after a form feed, with its number.
    let mut rest: Option<(u32, &str)> = None;
    std::iter::from_fn(move || {
        let (number, content) = match rest.take() {
            Some(rest) => rest,
            None => {
                let (index, raw) = lines.next()?;
                (u32::try_from(index + 1).unwrap_or(u32::MAX), raw)
            }
        };
        let on = paged.then_some(page);
        // Only a paged text has form feeds to look for.
        let text = match paged.then(|| content.split_once('\u{c}')).flatten() {
            Some((before, after)) => {
                page += 1;
                rest = Some((number, after));
                before
            }
            None => content,
        };
        Some(TextPiece {
            number,
            page: on,
            text: text.strip_prefix('\u{feff}').unwrap_or(text),
        })
    })
}

/// Lines ended by LF, CRLF or CR (found with `memchr`: every byte of every
/// text input is looked at here).
fn physical_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match memchr::memchr2(b'\n', b'\r', current.as_bytes()) {
            Some(end) => {
                let skip = if current[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[end + skip..]);
                Some(&current[..end])
            }
            None => {
                rest = None;
                (!current.is_empty()).then_some(current)
            }
        }
    })
}

/// The text with each run of digits replaced by `#`, lowercased, spaces
/// collapsed: what a running page header or footer keeps from page to page
/// ("Pagina 3 di 12" and "Pagina 4 di 12" alike), so that readers of PDFs and
/// of text dumps tell furniture the same way.
pub fn running_signature(text: &str) -> String {
    signature_chars(text).collect()
}

/// The characters of [`running_signature`] one by one, so that two lines
/// are compared without building either signature: most pairs differ in
/// their first characters.
fn signature_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut in_digits = false;
    let mut in_space = false;
    text.trim()
        .chars()
        .filter_map(move |c| {
            if c.is_ascii_digit() {
                let opens = !in_digits;
                (in_digits, in_space) = (true, false);
                return opens.then_some('#');
            }
            in_digits = false;
            if c.is_whitespace() {
                let opens = !in_space;
                in_space = true;
                return opens.then_some(' ');
            }
            in_space = false;
            Some(c)
        })
        .flat_map(char::to_lowercase)
}

/// Whether `a`, on page `page_a`, and `b`, on page `page_b`, are one running
/// header or footer: the same [`running_signature`], and each number either
/// the same on both or moving with the page ("Pagina 3 di 12" on page 3 and
/// "Pagina 4 di 12" on page 4), not counting something else ("Obiettivo n. 2"
/// on page 2 and "Obiettivo n. 4" on page 3 are two objectives).
pub fn same_running_line(a: &str, page_a: u32, b: &str, page_b: u32) -> bool {
    if !signature_chars(a).eq(signature_chars(b)) {
        return false;
    }
    let step = i128::from(page_b) - i128::from(page_a);
    numbers_in(a)
        .zip(numbers_in(b))
        .all(|(x, y)| match (x.parse::<i128>(), y.parse::<i128>()) {
            (Ok(x), Ok(y)) => x == y || y - x == step,
            _ => x == y,
        })
}

/// Whether `a`, on page `page_a`, and `b`, on page `page_b`, are one running
/// line that counts the pages: some of its numbers move with the page while
/// another stays ("2/21" and "3/21", "pagina 2 di 21" and "pagina 3 di
/// 21"), where a line counting something else ("Obiettivo n. 7" and "n. 8")
/// keeps no number.
pub fn counts_pages(a: &str, page_a: u32, b: &str, page_b: u32) -> bool {
    let pairs = || numbers_in(a).zip(numbers_in(b));
    page_a != page_b
        && same_running_line(a, page_a, b, page_b)
        && pairs().any(|(x, y)| x == y)
        && pairs().any(|(x, y)| x != y)
}

/// The runs of digits of a text, left to right.
fn numbers_in(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|run| !run.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_is_doubtful_when_one_of_its_cells_is() {
        let mut line = TextLine::from_texts(1, None, ["COMUNE DI", "CORTOMA", ""]);
        assert!(!line.is_doubtful());
        line.cells[0].confidence = Some(0.9);
        line.cells[2].confidence = Some(0.1);
        assert!(!line.is_doubtful(), "an empty cell holds nothing doubtful");
        line.cells[1].confidence = Some(0.5);
        assert!(line.is_doubtful());
    }

    #[test]
    fn only_cell_is_the_text_of_a_lines_one_filled_cell() {
        let line = |texts: &[&str]| TextLine::from_texts(1, None, texts.iter().copied());
        assert_eq!(line(&["", " Titolo ", ""]).only_cell(), Some("Titolo"));
        assert_eq!(line(&["Peso", "30%"]).only_cell(), None);
        assert_eq!(line(&["", " "]).only_cell(), None);
    }

    #[test]
    fn a_page_count_keeps_its_total() {
        assert!(counts_pages("2/21", 2, "3/21", 3));
        assert!(counts_pages("Pagina 2 di 21", 2, "Pagina 3 di 21", 3));
        assert!(!counts_pages("Obiettivo n. 7", 4, "Obiettivo n. 8", 5));
        assert!(!counts_pages("PIAO 2023", 4, "PIAO 2023", 5));
    }

    #[test]
    fn a_running_signature_folds_digits_case_and_spaces() {
        assert_eq!(running_signature("  Pagina 3 di   12 "), "pagina # di #");
        assert_eq!(running_signature("PIAO\t2023-2025"), "piao #-#");
        assert_eq!(running_signature("12 34"), "# #");
        assert_eq!(running_signature(" \t "), "");
        assert!(same_running_line("PAGINA  3", 3, "pagina 4", 4));
        assert!(!same_running_line("Pagina 3", 3, "Pagine 4", 4));
    }

    #[test]
    fn a_running_line_keeps_its_numbers_or_moves_them_with_the_page() {
        assert!(same_running_line("Pagina 3 di 12", 3, "Pagina 4 di 12", 4));
        assert!(same_running_line(
            "Comune di X – PIAO 2023-2025",
            1,
            "Comune di X – PIAO 2023-2025",
            5
        ));
        assert!(!same_running_line("Obiettivo n. 2", 2, "Obiettivo n. 4", 3));
        assert!(!same_running_line(
            "Pagina 3 di 12",
            3,
            "Pagina 3 di 12 bis",
            4
        ));
    }

    fn texts(layout: &Layout) -> Vec<(u32, Option<u32>, String)> {
        layout
            .lines
            .iter()
            .map(|line| (line.number, line.page, line.to_tab_separated()))
            .collect()
    }

    #[test]
    fn reads_every_line_end_and_skips_blank_lines() {
        let layout = Layout::from_tab_separated("a\tb\r\n\r\nc\rd\n  \ne");
        let expected = [
            (1, None, "a\tb"),
            (3, None, "c"),
            (4, None, "d"),
            (6, None, "e"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|&(n, p, t)| (n, p, t.to_owned()))
            .collect();
        assert_eq!(texts(&layout), expected);
    }

    #[test]
    fn form_feeds_give_pages() {
        let layout = Layout::from_tab_separated("uno\n\u{c}due\ntre\u{c}quattro\n\u{c}");
        let pages: Vec<_> = texts(&layout).into_iter().map(|(n, p, _)| (n, p)).collect();
        assert_eq!(
            pages,
            [(1, Some(1)), (2, Some(2)), (3, Some(2)), (3, Some(3))]
        );
        assert_eq!(layout.pages, Some(3));
    }
}
