//! A sheet as a tab-separated text dump: one line per row, cells joined by
//! tabs; a row split by a page break has its longest cell cut at a word, the
//! rest on a continuation line (every other cell empty) on the next page.

use piano_model::LineSpan;

use super::lines::Lines;
use super::{Item, Row, Sheet, Written};

/// The tab-separated dump of `sheet`.
pub fn write(sheet: &Sheet) -> Written {
    let mut out = Lines::new(false);
    let mut page = 2u32;
    let mut spans = Vec::with_capacity(sheet.items.len());
    for item in &sheet.items {
        let span = match item {
            Item::Text(line) | Item::Heading(_, line) => {
                let number = out.push(line);
                Some((LineSpan::line(number), None))
            }
            Item::Blank => {
                out.blank();
                None
            }
            Item::PageEnd => {
                out.page_end(page, 0);
                page += 1;
                None
            }
            Item::Row(row) => Some((write_row(row, &mut out, &mut page), None)),
        };
        spans.push(span);
    }
    let (text, last) = out.finish();
    Written {
        bytes: text.into_bytes(),
        spans,
        last,
        pages: None,
    }
}

/// Writes one row (split across a page end when it is split); returns its lines.
fn write_row(row: &Row, out: &mut Lines, page: &mut u32) -> LineSpan {
    let Some(repeated) = &row.split else {
        return LineSpan::line(out.push(&row.cells.join("\t")));
    };
    let (head, rest) = cut_longest(&row.cells);
    let first = out.push(&head.join("\t"));
    out.page_end(*page, 0);
    *page += 1;
    for header in repeated {
        out.push(&header.cells.join("\t"));
    }
    let last = out.push(&rest.join("\t"));
    LineSpan(first, last)
}

/// The cells with the longest one cut in two at a word, and a continuation
/// row holding only its second half.
fn cut_longest(cells: &[String]) -> (Vec<String>, Vec<String>) {
    let longest = (0..cells.len())
        .max_by_key(|&i| (cells[i].split(' ').count(), std::cmp::Reverse(i)))
        .unwrap_or(0);
    let words: Vec<&str> = cells[longest].split(' ').collect();
    let cut = words.len().div_ceil(2);
    let mut head = cells.to_vec();
    head[longest] = words[..cut].join(" ");
    let mut rest = vec![String::new(); cells.len()];
    rest[longest] = words[cut..].join(" ");
    (head, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_split_row_goes_on_under_its_column() {
        let cells = ["1", "Gestione del servizio mensa", "20%"].map(String::from);
        let (head, rest) = cut_longest(&cells);
        assert_eq!(head, ["1", "Gestione del", "20%"]);
        assert_eq!(rest, ["", "servizio mensa", ""]);
    }
}
