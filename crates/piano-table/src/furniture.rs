//! Running page headers, footers and page numbers: lines at the top or
//! bottom edge of a page that are page numbers ("3", "Pagina 3 di 29",
//! "- 3 -", "3/29") or that repeat, digits aside, on the neighbouring page.

pub(crate) use piano_model::running_signature as signature;

use crate::page::{Block, PageBlocks};

/// Share of the page height, from either edge, where furniture lives.
const MARGIN: f32 = 0.12;

/// Indices of the edge lines of a page that may be furniture. A dump's page
/// has no margins: its edges are its first and last lines of text, whatever
/// blank lines the dump left around them (a short page closing a section
/// ends with its number, then blank lines to the form feed).
pub(crate) fn candidates(page: &PageBlocks) -> Vec<usize> {
    let mut out = Vec::new();
    let edge = MARGIN * page.height;
    let (top, bottom) = match page.input_lines {
        Some(_) => page
            .blocks
            .iter()
            .fold((f32::INFINITY, 0.0), |(top, bottom), block| {
                let (first, last) = block.baselines();
                (f32::min(top, first), f32::max(bottom, last))
            }),
        None => (0.0, page.height),
    };
    for (i, block) in page.blocks.iter().enumerate() {
        match block {
            Block::Text { first_y, .. } if *first_y <= top + edge => out.push(i),
            _ => break,
        }
    }
    for (i, block) in page.blocks.iter().enumerate().rev() {
        match block {
            Block::Text { y, .. } if *y >= bottom - edge => {
                if !out.contains(&i) {
                    out.push(i);
                }
            }
            _ => break,
        }
    }
    // Running heads go with a page's content; they are never all of it.
    if out.len() == page.blocks.len() {
        out.clear();
    }
    out
}

/// Whether a line is only a page number, in the usual wordings. A year
/// standing alone ("2020": a due's year wrapped onto a line of its own at a
/// page's foot or top) is none, as in the parser's reading of dumps.
pub(crate) fn is_page_number(text: &str) -> bool {
    if piano_model::is_bare_year(text) {
        return false;
    }
    let cleaned: String = text
        .chars()
        .map(|c| {
            if "/-–—|.,()[]".contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut digits = 0;
    for token in cleaned.split_whitespace() {
        if token.len() <= 4 && token.chars().all(|c| c.is_ascii_digit()) {
            digits += 1;
        } else if !matches!(
            token.to_lowercase().as_str(),
            "pagina" | "pag" | "page" | "p" | "di" | "of" | "de"
        ) {
            return false;
        }
    }
    (1..=2).contains(&digits)
}

/// The number a page prints as its own, where `text`, one of its edge
/// lines, is a page number: its first number ("15", "Pagina 15 di 40",
/// "15/40").
pub(crate) fn printed_page_number(text: &str) -> Option<u32> {
    if !is_page_number(text) {
        return None;
    }
    numbers(text).next()
}

/// The numbers a text holds, left to right.
pub(crate) fn numbers(text: &str) -> impl Iterator<Item = u32> + '_ {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|run| run.parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_in_usual_wordings() {
        for text in [
            "3",
            "Pagina 3 di 29",
            "- 3 -",
            "3/29",
            "Pag. 12",
            "Page 2 of 9",
        ] {
            assert!(is_page_number(text), "{text}");
        }
        for text in ["31.12.2021 pagina", "Obiettivo 3", "", "Pagina", "2020"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn a_page_number_prints_its_first_number() {
        assert_eq!(printed_page_number("15"), Some(15));
        assert_eq!(printed_page_number("Pagina 15 di 40"), Some(15));
        assert_eq!(printed_page_number("15/40"), Some(15));
        assert_eq!(printed_page_number("Obiettivo n. 15"), None);
    }

    fn text(text: &str, y: f32) -> Block {
        Block::Text {
            cells: vec![crate::page::Cell {
                text: text.to_string(),
                x0: 0.0,
                x1: 3.0,
                top: y - 3.0,
                bottom: y,
                confidence: None,
                trailing_space: false,
            }],
            y,
            first_y: y,
            size: 3.0,
        }
    }

    #[test]
    fn a_dump_page_ends_at_its_last_line_of_text() {
        // Paragraphs on lines 1, 6 and 11, its number on line 16, then
        // fourteen blank lines to the form feed: outside the page's bottom
        // share.
        let blocks: Vec<Block> = [1.0, 6.0, 11.0]
            .iter()
            .map(|row| text("Testo della sezione", row * 3.6))
            .chain([text("10", 16.0 * 3.6)])
            .collect();
        let page = |input_lines| PageBlocks {
            number: 9,
            height: 30.0 * 3.6,
            blocks: blocks.clone(),
            input_lines,
        };
        let dump = page(Some(crate::InputLines::default()));
        assert_eq!(candidates(&dump), vec![0, 3]);
        // A PDF's page has margins: the line stands above its bottom one.
        assert_eq!(candidates(&page(None)), vec![0]);
    }

    #[test]
    fn signatures_ignore_numbers_and_case() {
        assert_eq!(
            signature("Piano 2021   Pagina 3"),
            signature("PIANO 2022 pagina 14")
        );
    }
}
