//! A sheet as a space-aligned dump, the way `pdftotext -layout` writes a
//! PDF: each table's columns padded with spaces to a common width (three
//! spaces between them), a cell wider than its column wrapped at a word and
//! continued on the next lines under its column, page numbers centred at the
//! foot of each page and a form feed opening the next.

use piano_model::LineSpan;

use super::lines::Lines;
use super::{Item, Row, Sheet, Written};

/// The spaces between two columns.
const GUTTER: &str = "   ";
/// Where a page number stands.
const PAGE_NUMBER_INDENT: usize = 70;

/// The space-aligned dump of `sheet`.
pub fn write(sheet: &Sheet) -> Written {
    let widths = column_widths(sheet);
    let mut out = Lines::new(true);
    let mut page = 2u32;
    let mut spans = Vec::with_capacity(sheet.items.len());
    for item in &sheet.items {
        let span = match item {
            Item::Text(line) | Item::Heading(_, line) => {
                let at = out.page();
                let number = out.push(line);
                Some((LineSpan::line(number), at))
            }
            Item::Blank => {
                out.blank();
                None
            }
            Item::PageEnd => {
                out.page_end(page, PAGE_NUMBER_INDENT);
                page += 1;
                None
            }
            Item::Row(row) => Some(write_row(row, &widths[row.table], &mut out, &mut page)),
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

/// Each table's column widths: its cells' widest text up to the table's
/// wrap width, and never narrower than its longest word.
fn column_widths(sheet: &Sheet) -> Vec<Vec<usize>> {
    let mut widths: Vec<Vec<usize>> = sheet.tables.iter().map(|t| vec![0; t.len()]).collect();
    let rows = sheet.items.iter().filter_map(|item| match item {
        Item::Row(row) => Some(row),
        _ => None,
    });
    for row in rows.flat_map(|r| std::iter::once(r).chain(r.split.iter().flatten())) {
        let cap = &sheet.tables[row.table];
        for (c, cell) in row.cells.iter().enumerate() {
            let longest_word = cell.split(' ').map(|w| w.chars().count()).max();
            let own = cell
                .chars()
                .count()
                .min(cap[c])
                .max(longest_word.unwrap_or(0));
            widths[row.table][c] = widths[row.table][c].max(own);
        }
    }
    for (table, cap) in widths.iter_mut().zip(&sheet.tables) {
        for (width, &cap) in table.iter_mut().zip(cap) {
            if *width == 0 {
                *width = cap;
            }
        }
    }
    widths
}

/// Writes one row (split across a page end when it is split); returns its
/// lines and the page of its first.
fn write_row(
    row: &Row,
    widths: &[usize],
    out: &mut Lines,
    page: &mut u32,
) -> (LineSpan, Option<u32>) {
    let lines = row_lines(row, widths);
    let cut = match &row.split {
        Some(_) if lines.len() >= 2 => lines.len().div_ceil(2),
        Some(_) => 0,
        None => lines.len(),
    };
    if cut == 0 {
        break_page(row, widths, out, page);
    }
    let at = out.page();
    let mut numbers = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if index == cut && cut > 0 {
            break_page(row, widths, out, page);
        }
        numbers.push(out.push(line));
    }
    let first = numbers.first().copied().unwrap_or(0);
    let last = numbers.last().copied().unwrap_or(first);
    (LineSpan(first, last), at)
}

/// The page end inside a split row, and the header rows drawn again below it.
fn break_page(row: &Row, widths: &[usize], out: &mut Lines, page: &mut u32) {
    out.page_end(*page, PAGE_NUMBER_INDENT);
    *page += 1;
    for header in row.split.iter().flatten() {
        for line in row_lines(header, widths) {
            out.push(&line);
        }
    }
}

/// The text lines of a row: each cell wrapped to its column's width, padded,
/// lines holding no text left out.
fn row_lines(row: &Row, widths: &[usize]) -> Vec<String> {
    let wrapped: Vec<Vec<String>> = row
        .cells
        .iter()
        .zip(widths)
        .map(|(cell, &width)| wrap(cell, width))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    (0..height)
        .map(|index| {
            let cells: Vec<String> = wrapped
                .iter()
                .zip(widths)
                .map(|(lines, &width)| {
                    let text = lines.get(index).map_or("", String::as_str);
                    let pad = width.saturating_sub(text.chars().count());
                    format!("{text}{}", " ".repeat(pad))
                })
                .collect();
            cells.join(GUTTER).trim_end().to_owned()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

/// `text` wrapped at words to lines of at most `width` characters (a longer
/// word on a line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrapped_cell_continues_under_its_column() {
        let row = Row {
            table: 0,
            cells: ["1", "Gestione del servizio mensa", "20%"]
                .map(String::from)
                .to_vec(),
            header: false,
            entry: None,
            split: None,
        };
        let lines = row_lines(&row, &[2, 12, 4]);
        assert_eq!(
            lines,
            ["1    Gestione del   20%", "     servizio", "     mensa"]
        );
    }
}
