//! Pages to numbered lines, holding one page back so that its last row can
//! take in the part of the row that continues at the top of the next page.
//!
//! Only two pages of blocks are held at any time: memory stays flat in the
//! page count.

use piano_model::{Code, Diagnostic, TextLine, counts_pages, same_running_line};

use std::collections::BTreeMap;

use crate::furniture::{candidates, is_page_number, numbers, printed_page_number, signature};
use crate::page::{Block, PageBlocks};
use emit::Emitter;

mod emit;
mod held_header;
mod page_break;

use held_header::HeldHeader;
use page_break::OpenTable;

/// How much of a text set apart its diagnostic quotes.
const SHOWN_CHARS: usize = 60;

/// The texts of a page's edge lines, each with the page's number.
fn edge_texts(pending: &Pending) -> Vec<(String, u32)> {
    let number = pending.page.number;
    let texts = pending
        .candidates
        .iter()
        .map(|&i| pending.page.blocks[i].text());
    texts.map(|text| (text, number)).collect()
}

/// The texts of a page's edge lines (as [`edge_texts`]) that stand at its
/// edge once its furniture is set apart: only lines set apart come between
/// them and the top or the foot of the page. A line counting with the pages
/// on two neighbours needs a third page's to stand so: a card opener under a
/// structure's heading at a page's top ("Struttura: …" over "Scheda n. 1")
/// is content, and does not make the openers heading the next two pages
/// ("Scheda n. 2", "Scheda n. 3") a running head.
fn edge_texts_at_the_edge(pending: &Pending) -> Vec<(String, u32)> {
    let removed = &pending.removed;
    let at_the_edge = |index: usize| {
        removed[..index].iter().all(|&gone| gone) || removed[index + 1..].iter().all(|&gone| gone)
    };
    let number = pending.page.number;
    pending
        .candidates
        .iter()
        .filter(|&&index| at_the_edge(index))
        .map(|&index| (pending.page.blocks[index].text(), number))
        .collect()
}

/// Whether `text`, an edge line of page `page`, repeats an edge line of the
/// neighbouring page (`neighbour`) as a running line does: with the same
/// numbers, or with numbers moving with the page, which a line counting
/// something else does on two pages ("Obiettivo n. 7" heading page 4, "n.
/// 8" page 5) but seldom on three: then `other`, a third page's, must
/// repeat it too, unless another of its numbers stays (a page count,
/// "2/21"). A line moving with the pages of a page that prints its own
/// number elsewhere (`printed`, "16" at its foot) counts the pages only if
/// it holds that number: cards filling a page each, "Obiettivo n. 7", "n.
/// 8", "n. 9" heading pages printed 16, 17, 18, count the cards.
fn repeats(
    text: &str,
    page: u32,
    printed: Option<u32>,
    neighbour: &[(String, u32)],
    other: &[(String, u32)],
) -> bool {
    let moving = |seen: &[(String, u32)]| {
        seen.iter()
            .any(|(line, at)| same_running_line(line, *at, text, page))
    };
    let same = neighbour
        .iter()
        .any(|(line, _)| same_running_line(line, 0, text, 0));
    let counts = neighbour
        .iter()
        .any(|(line, at)| counts_pages(line, *at, text, page));
    let with_the_printed_number =
        printed.is_none_or(|printed| numbers(text).any(|number| number == printed));
    same || counts || (with_the_printed_number && moving(neighbour) && moving(other))
}

/// The number a page prints as its own at its edge, among its edge lines'
/// texts (as [`edge_texts`]).
fn printed_number(texts: &[(String, u32)]) -> Option<u32> {
    texts.iter().find_map(|(text, _)| printed_page_number(text))
}

/// A page waiting for the next one.
struct Pending {
    page: PageBlocks,
    /// Furniture candidates: the indices of its edge lines.
    candidates: Vec<usize>,
    /// Blocks set apart (furniture, repeated headers, joined continuations).
    removed: Vec<bool>,
    /// Edge lines that are page numbers or repeat on a neighbouring page:
    /// furniture where they stand at the page's edge.
    running: Vec<bool>,
    /// Rows that took in a continuation from the next page.
    joined: Vec<bool>,
    /// The last input line of the continuation each such row took in, where
    /// the next page is lines of a text file.
    continued_to: Vec<Option<u32>>,
}

/// Builds the lines of a document page by page.
#[derive(Default)]
pub(crate) struct Assembler {
    pending: Option<Pending>,
    /// The table open at the end of the pages emitted.
    open_table: Option<OpenTable>,
    /// What was set apart, by kind and signature: the first text and the pages.
    set_apart: BTreeMap<(&'static str, String), (String, Vec<u32>)>,
    /// The edge lines of the page before the one held back, with its number.
    earlier: Vec<(String, u32)>,
    /// The header printed once that holds for the tables below it.
    held: HeldHeader,
    emitter: Emitter,
}

impl Assembler {
    /// Takes the next page.
    pub fn push(&mut self, page: PageBlocks) {
        let found = candidates(&page);
        let mut next = Pending {
            removed: vec![false; page.blocks.len()],
            running: vec![false; page.blocks.len()],
            joined: vec![false; page.blocks.len()],
            continued_to: vec![None; page.blocks.len()],
            candidates: found,
            page,
        };
        // An edge line that a neighbouring page's edge line repeats (digits
        // aside, or moving with the page: then on a third page too) is
        // furniture.
        let previous: Vec<(String, u32)> =
            self.pending.as_ref().map(edge_texts).unwrap_or_default();
        let later = edge_texts(&next);
        let number = next.page.number;
        let printed = printed_number(&later);
        for (&index, (text, _)) in next.candidates.iter().zip(&later) {
            next.running[index] =
                is_page_number(text) || repeats(text, number, printed, &previous, &self.earlier);
        }
        self.set_apart_furniture(&mut next);
        if let Some(mut current) = self.pending.take() {
            let printed = printed_number(&previous);
            for (&index, (text, page)) in current.candidates.iter().zip(&previous) {
                current.running[index] |= repeats(text, *page, printed, &later, &self.earlier);
            }
            self.set_apart_furniture(&mut current);
            self.earlier = edge_texts_at_the_edge(&current);
            self.scan_tables(&current);
            let repeated = self.continue_table(&mut current, &mut next);
            self.emit(current);
            if repeated {
                self.emitter.note_repeated_header();
            }
        }
        self.pending = Some(next);
    }

    /// The column edges of the borderless table the page held back ends
    /// with, if it ends with one (only edge lines, perhaps furniture, or a
    /// page number after it).
    pub fn open_columns(&self) -> Option<Vec<f32>> {
        let pending = self.pending.as_ref()?;
        let edge_lines = &pending.candidates;
        let (index, block) = pending
            .page
            .blocks
            .iter()
            .enumerate()
            .rev()
            .find(|(i, block)| {
                !edge_lines.contains(i)
                    && !matches!(block, Block::Text { .. } if is_page_number(&block.text()))
            })?;
        match block {
            Block::Row {
                columns,
                ruled: false,
                ..
            } if !pending.removed[index] => Some(columns.clone()),
            _ => None,
        }
    }

    /// Emits the last page; returns the lines and diagnostics.
    pub fn finish(mut self) -> (Vec<TextLine>, Vec<Diagnostic>) {
        if let Some(last) = self.pending.take() {
            self.emit(last);
        }
        self.emitter.close_table();
        for ((what, _), (text, mut pages)) in std::mem::take(&mut self.set_apart) {
            pages.sort_unstable();
            let first = pages.first().copied().unwrap_or(1);
            let last = pages.last().copied().unwrap_or(first);
            let on = if pages.len() == 1 {
                format!("on page {first}")
            } else {
                format!("on {} pages ({first}–{last})", pages.len())
            };
            // Each text is named: running heads of several kinds (a header,
            // a footer, the page number) are told apart in `piano check`.
            let shown: String = text.replace('\t', " ").chars().take(SHOWN_CHARS).collect();
            let ellipsis = if text.chars().count() > SHOWN_CHARS {
                "…"
            } else {
                ""
            };
            let mut diagnostic = Diagnostic::new(
                Code::PageFurniture,
                format!("{what} \"{shown}{ellipsis}\" set apart {on}"),
            )
            .with_excerpt(&text);
            diagnostic.page = Some(first);
            self.emitter.diagnostics.push(diagnostic);
        }
        (self.emitter.lines, self.emitter.diagnostics)
    }

    /// Sets apart the page's running lines that stand at its edge: a line
    /// between the page's edge and a running line is furniture too, for a
    /// page's content never comes before its running head (a card opener
    /// that each structure's page opens with under its own heading,
    /// "Obiettivo n. 1", repeats but is content).
    fn set_apart_furniture(&mut self, pending: &mut Pending) {
        for index in pending.candidates.clone() {
            let above = pending.removed[..index].iter().all(|&removed| removed);
            let below = pending.removed[index + 1..].iter().all(|&removed| removed);
            if pending.running[index] && !pending.removed[index] && (above || below) {
                self.set_apart(pending, index, "page furniture");
            }
        }
    }

    /// Sets a block apart; one diagnostic per kind and text (digits aside)
    /// lists the pages, so running heads do not flood the report.
    fn set_apart(&mut self, pending: &mut Pending, index: usize, what: &'static str) {
        pending.removed[index] = true;
        let text = pending.page.blocks[index].text();
        self.note_set_apart(what, text, pending.page.number);
    }

    /// Records that `text` was set apart as `what` on `page`.
    fn note_set_apart(&mut self, what: &'static str, text: String, page: u32) {
        let (_, pages) = self
            .set_apart
            .entry((what, signature(&text)))
            .or_insert_with(|| (text, Vec::new()));
        pages.push(page);
    }

    fn emit(&mut self, pending: Pending) {
        let number = pending.page.number;
        let input = pending.page.input_lines.as_ref();
        for (block, index) in kept(&pending) {
            // On lines of a text file, the block's own lines of the file.
            let lines = input
                .and_then(|input| {
                    let (first, last) = block.baselines();
                    input.lines_of(first, last)
                })
                .map(|(first, last)| {
                    let last = pending.continued_to[index].map_or(last, |to| to.max(last));
                    (first, last)
                });
            let widened = self.held.widen(block);
            let block = widened.as_ref().unwrap_or(block);
            self.emitter
                .emit(number, block, pending.joined[index], lines);
        }
    }
}

/// The blocks of a page that were not set apart, with their indices.
fn kept(pending: &Pending) -> impl Iterator<Item = (&Block, usize)> {
    pending
        .page
        .blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| !pending.removed[*i])
        .map(|(i, b)| (b, i))
}

#[cfg(test)]
mod tests {
    use crate::{Page, Rebuild, Word};

    /// A page of lines of one word each, at heights `y`.
    fn page(number: u32, lines: &[(&str, f32)]) -> Page {
        let words = lines
            .iter()
            .map(|&(text, y)| Word {
                text: text.into(),
                x0: 50.0,
                x1: 50.0 + 5.0 * text.chars().count() as f32,
                y,
                size: 10.0,
                confidence: None,
            })
            .collect();
        Page {
            number,
            height: 200.0,
            words,
            ..Page::default()
        }
    }

    fn texts(pages: &[Page]) -> Vec<String> {
        let mut rebuild = Rebuild::new();
        for page in pages {
            rebuild.push(page);
        }
        let (lines, _) = rebuild.finish();
        lines.iter().map(|line| line.to_tab_separated()).collect()
    }

    #[test]
    fn openers_counting_with_two_pages_under_one_below_a_heading_are_content() {
        let body = [
            ("Descrizione", 60.0),
            ("Responsabile", 100.0),
            ("Peso", 140.0),
        ];
        let with =
            |number: u32, top: &[(&str, f32)]| page(number, &[top, body.as_slice()].concat());
        let pages = [
            with(1, &[("Premessa", 10.0)]),
            with(
                2,
                &[("Struttura: Area Tecnica", 10.0), ("Scheda n. 1", 20.0)],
            ),
            with(3, &[("Scheda n. 2", 10.0)]),
            with(4, &[("Scheda n. 3", 10.0)]),
        ];
        let read = texts(&pages);
        for opener in ["Scheda n. 1", "Scheda n. 2", "Scheda n. 3"] {
            assert!(read.iter().any(|text| text == opener), "{opener}: {read:?}");
        }
        // A head counting with the pages at each page's top is furniture
        // (from the second page, with a page on either side to say so).
        let pages = [
            with(1, &[("Piano pagina 1", 10.0)]),
            with(2, &[("Piano pagina 2", 10.0)]),
            with(3, &[("Piano pagina 3", 10.0)]),
            with(4, &[("Piano pagina 4", 10.0)]),
        ];
        let read = texts(&pages);
        for head in ["Piano pagina 2", "Piano pagina 3", "Piano pagina 4"] {
            assert!(!read.iter().any(|text| text == head), "{head}: {read:?}");
        }
    }

    #[test]
    fn openers_counting_with_pages_printed_otherwise_are_content() {
        // Cards filling a page each, their pages numbered at the foot: the
        // openers count with the pages, but never show the page's number.
        let with = |number: u32, opener: &str, printed: &str| {
            page(
                number,
                &[
                    (opener, 10.0),
                    ("Descrizione", 60.0),
                    ("Peso", 100.0),
                    (printed, 190.0),
                ],
            )
        };
        let pages = [
            with(1, "Premessa", "2"),
            with(2, "Obiettivo n. 7", "3"),
            with(3, "Obiettivo n. 8", "4"),
            with(4, "Obiettivo n. 9", "5"),
        ];
        let read = texts(&pages);
        for opener in ["Obiettivo n. 7", "Obiettivo n. 8", "Obiettivo n. 9"] {
            assert!(read.iter().any(|text| text == opener), "{opener}: {read:?}");
        }
        // A head holding the number printed at the foot counts the pages.
        let pages = [
            with(1, "Piano pagina 2", "2"),
            with(2, "Piano pagina 3", "3"),
            with(3, "Piano pagina 4", "4"),
            with(4, "Piano pagina 5", "5"),
        ];
        let read = texts(&pages);
        for head in ["Piano pagina 3", "Piano pagina 4", "Piano pagina 5"] {
            assert!(!read.iter().any(|text| text == head), "{head}: {read:?}");
        }
    }
}
