//! What the rebuild saw and inferred on one page, kept for views of it
//! (`piano debug` draws it): the page's words and rules as the reader gave
//! them, and the tables found there with their column edges.
//!
//! Only a rebuild made with [`Rebuild::tracing`](crate::Rebuild::tracing)
//! keeps a trace, and only of the page it names: the rebuild itself is the
//! same, so the lines of cells are those any other rebuild gives.

use crate::lines::{WORD_GAP, build_lines};
use crate::page::{Block, PageBlocks};
use crate::{Page, Rule, Word};

/// One page as the rebuild saw it. Units and axes are the reader's, as in
/// [`Page`]: origin at the top left, y growing down.
#[derive(Debug, Clone, PartialEq)]
pub struct PageTrace {
    /// 1-based page number.
    pub number: u32,
    /// Page height.
    pub height: f32,
    /// The character width, where the page is a grid of fixed-pitch
    /// characters (a text dump).
    pub pitch: Option<f32>,
    /// The page's words, each at its line's baseline and size: a PDF's
    /// glyphs joined where no word gap parts them, a dump's runs of
    /// characters, a scan's recognised words.
    pub words: Vec<Word>,
    /// The ruling lines the reader found.
    pub rules: Vec<Rule>,
    /// The tables the rebuild found, top to bottom.
    pub tables: Vec<TableTrace>,
}

/// A table found on a page: consecutive rows sharing their column edges.
#[derive(Debug, Clone, PartialEq)]
pub struct TableTrace {
    /// The column edges, left to right, the table's outer edges included:
    /// `n` columns have `n + 1` edges.
    pub columns: Vec<f32>,
    /// Top edge of its first row.
    pub top: f32,
    /// Bottom edge of its last row.
    pub bottom: f32,
    /// Drawn with borders (else its columns were inferred from aligned gaps).
    pub ruled: bool,
}

/// A rebuild's wish to keep one page's trace, and the trace once kept.
#[derive(Debug)]
pub(crate) struct Tracer {
    /// The page to trace.
    page: u32,
    /// Its trace, once the page is pushed.
    trace: Option<PageTrace>,
}

impl Tracer {
    /// A tracer of page `page`.
    pub fn of(page: u32) -> Tracer {
        Tracer { page, trace: None }
    }

    /// Keeps `page`'s trace, rebuilt as `blocks`, when it is the page asked for.
    pub fn observe(&mut self, page: &Page, blocks: &PageBlocks) {
        if page.number == self.page && self.trace.is_none() {
            self.trace = Some(trace(page, blocks));
        }
    }

    /// The trace, once its page has been pushed.
    pub fn take(&mut self) -> Option<PageTrace> {
        self.trace.take()
    }
}

/// The trace of `page`, rebuilt as `blocks`.
fn trace(page: &Page, blocks: &PageBlocks) -> PageTrace {
    PageTrace {
        number: page.number,
        height: page.height,
        pitch: page.pitch,
        words: words(page),
        rules: page.rules.clone(),
        tables: tables(&blocks.blocks),
    }
}

/// The page's words: its glyphs grouped into lines, each line cut at word
/// gaps.
fn words(page: &Page) -> Vec<Word> {
    let glyphs: Vec<&Word> = page.words.iter().collect();
    build_lines(&glyphs, WORD_GAP, None)
        .into_iter()
        .flat_map(|line| {
            line.segments.into_iter().map(move |segment| Word {
                text: segment.text.into(),
                x0: segment.x0,
                x1: segment.x1,
                y: line.y,
                size: line.size,
                confidence: segment.confidence,
            })
        })
        .collect()
}

/// The tables of a page's blocks (in reading order): runs of table rows
/// with the same column edges, a line of free text ending a run.
fn tables(blocks: &[Block]) -> Vec<TableTrace> {
    let mut tables: Vec<TableTrace> = Vec::new();
    let mut open = false;
    for block in blocks {
        let Block::Row {
            cells,
            columns,
            top,
            ruled,
            ..
        } = block
        else {
            open = false;
            continue;
        };
        let bottom = cells.iter().map(|cell| cell.bottom).fold(*top, f32::max);
        match tables.last_mut() {
            Some(table) if open && table.columns == *columns && table.ruled == *ruled => {
                table.bottom = table.bottom.max(bottom);
            }
            _ => tables.push(TableTrace {
                columns: columns.clone(),
                top: *top,
                bottom,
                ruled: *ruled,
            }),
        }
        open = true;
    }
    tables
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Rebuild;

    fn glyph(text: &str, x0: f32, y: f32) -> Word {
        Word {
            text: text.into(),
            x0,
            x1: x0 + 5.0 * text.chars().count() as f32,
            y,
            size: 10.0,
            confidence: None,
        }
    }

    /// A borderless table of three columns under a title, one glyph per word
    /// but "Peso", drawn as two glyphs that touch.
    fn page() -> Page {
        let mut words = vec![glyph("Titolo", 50.0, 40.0)];
        for (row, y) in [100.0, 120.0, 140.0, 160.0].into_iter().enumerate() {
            let n = (row + 1).to_string();
            words.push(glyph(&n, 50.0, y));
            words.push(glyph("Obiettivo", 150.0, y));
        }
        words.push(glyph("Pe", 300.0, 100.0));
        words.push(glyph("so", 310.0, 100.0));
        for y in [120.0, 140.0, 160.0] {
            words.push(glyph("30%", 300.0, y));
        }
        Page {
            number: 2,
            height: 800.0,
            words,
            ..Page::default()
        }
    }

    #[test]
    fn only_the_page_asked_for_is_traced() {
        let mut rebuild = Rebuild::tracing(3);
        rebuild.push(&Page {
            number: 1,
            ..page()
        });
        rebuild.push(&page());
        assert_eq!(rebuild.take_trace(), None);
    }

    #[test]
    fn a_trace_holds_the_words_joined_and_the_inferred_columns() {
        let mut rebuild = Rebuild::tracing(2);
        rebuild.push(&page());
        let trace = rebuild.take_trace().expect("page 2 is traced");
        assert_eq!(trace.number, 2);
        let texts: Vec<&str> = trace.words.iter().map(|word| &*word.text).collect();
        assert!(texts.contains(&"Peso"), "{texts:?}");
        assert_eq!(trace.words.len(), page().words.len() - 1);
        let [table] = trace.tables.as_slice() else {
            panic!("one table: {:?}", trace.tables);
        };
        assert!(!table.ruled);
        assert_eq!(table.columns.len(), 4, "{:?}", table.columns);
        assert!(table.top <= 90.0 && table.bottom >= 160.0, "{table:?}");
    }

    #[test]
    fn tracing_changes_nothing_in_the_rebuild() {
        let mut plain = Rebuild::new();
        let mut traced = Rebuild::tracing(2);
        plain.push(&page());
        traced.push(&page());
        assert_eq!(plain.finish(), traced.finish());
    }
}
