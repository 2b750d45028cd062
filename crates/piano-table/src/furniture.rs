//! Running page headers, footers and page numbers: lines at the top or
//! bottom edge of a page that are page numbers ("3", "Pagina 3 di 29",
//! "- 3 -", "3/29") or that repeat, digits aside, on the neighbouring page.

pub(crate) use piano_model::running_signature as signature;

use crate::page::{Block, PageBlocks};

/// Share of the page height, from either edge, where furniture lives.
const MARGIN: f32 = 0.12;

/// Indices of the edge lines of a page that may be furniture.
pub(crate) fn candidates(page: &PageBlocks) -> Vec<usize> {
    let mut out = Vec::new();
    let edge = MARGIN * page.height;
    for (i, block) in page.blocks.iter().enumerate() {
        match block {
            Block::Text { y, .. } if *y <= edge => out.push(i),
            _ => break,
        }
    }
    for (i, block) in page.blocks.iter().enumerate().rev() {
        match block {
            Block::Text { y, .. } if *y >= page.height - edge => {
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

/// Whether a line is only a page number, in the usual wordings.
pub(crate) fn is_page_number(text: &str) -> bool {
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
        for text in ["31.12.2021 pagina", "Obiettivo 3", "", "Pagina"] {
            assert!(!is_page_number(text), "{text}");
        }
    }

    #[test]
    fn signatures_ignore_numbers_and_case() {
        assert_eq!(
            signature("Piano 2021   Pagina 3"),
            signature("PIANO 2022 pagina 14")
        );
    }
}
