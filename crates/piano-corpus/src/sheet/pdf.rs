//! A sheet as a PDF, the way office software prints a plan: A4 landscape,
//! Helvetica, bordered tables whose columns share the width in proportion to
//! the sheet's wrap widths, each structure on a new page, and a row split by
//! a page break drawn in two parts (the header drawn again above the second
//! when the layout repeats it).

use piano_model::{LineSpan, PreambleSection};

use super::{Item, Row, Sheet, Written};
use crate::helvetica::wrap;
use crate::pdf::{CONTENT_WIDTH, Writer, least_width, wrap_cells};

/// The size of running text.
const TEXT_SIZE: f32 = 9.0;

/// The PDF of `sheet`.
pub fn write(sheet: &Sheet) -> Result<Written, lopdf::Error> {
    let columns: Vec<Vec<f32>> = (0..sheet.tables.len())
        .map(|table| widths(sheet, table))
        .collect();
    let mut pdf = Writer::new();
    let mut spans = Vec::with_capacity(sheet.items.len());
    for item in &sheet.items {
        let span = match item {
            Item::Text(text) => {
                let page = pdf.page_number;
                for line in wrap(text, TEXT_SIZE, CONTENT_WIDTH) {
                    pdf.line(&line, TEXT_SIZE, false);
                }
                Some(page)
            }
            Item::Heading(_, text) => {
                pdf.new_page();
                let page = pdf.page_number;
                pdf.fitted(text, 10.0);
                Some(page)
            }
            Item::Blank => {
                pdf.gap(6.0);
                None
            }
            Item::PageEnd => {
                pdf.new_page();
                None
            }
            Item::Row(row) => Some(write_row(&mut pdf, row, &columns[row.table])),
        };
        spans.push(span.map(|page| (LineSpan(0, 0), Some(page))));
    }
    let (bytes, pages) = pdf.finish()?;
    Ok(Written {
        bytes,
        spans,
        last: 0,
        pages: Some(pages),
    })
}

/// The preamble as the PDF shows it: every source line wrapped as
/// [`write()`] wraps running text.
pub fn preamble(sheet: &Sheet) -> Vec<PreambleSection> {
    let wrap_lines = |paragraph: &str| {
        paragraph
            .split('\n')
            .flat_map(|line| wrap(line, TEXT_SIZE, CONTENT_WIDTH))
            .collect::<Vec<String>>()
            .join("\n")
    };
    sheet
        .preamble
        .iter()
        .map(|section| PreambleSection {
            heading: section.heading.clone(),
            text: section
                .text
                .split("\n\n")
                .map(wrap_lines)
                .collect::<Vec<String>>()
                .join("\n\n"),
        })
        .collect()
}

/// Column widths in points: the wrap widths of table `table` shared out
/// over the page, then each column widened to its longest word, taken from
/// the columns with room to spare, as office software never lets a word run
/// out of its cell into the next.
fn widths(sheet: &Sheet, table: usize) -> Vec<f32> {
    let wrap_widths = &sheet.tables[table];
    let total: usize = wrap_widths.iter().sum();
    let mut widths: Vec<f32> = wrap_widths
        .iter()
        .map(|&w| CONTENT_WIDTH * w as f32 / total.max(1) as f32)
        .collect();
    let mut least = vec![0.0_f32; widths.len()];
    let rows = sheet.items.iter().filter_map(|item| match item {
        Item::Row(row) if row.table == table => Some(row),
        _ => None,
    });
    for row in rows.flat_map(|row| std::iter::once(row).chain(row.split.iter().flatten())) {
        for (least, cell) in least.iter_mut().zip(&row.cells) {
            *least = least.max(least_width(cell, row.header));
        }
    }
    let short: f32 = widths
        .iter()
        .zip(&least)
        .map(|(w, l)| (l - w).max(0.0))
        .sum();
    let spare: f32 = widths
        .iter()
        .zip(&least)
        .map(|(w, l)| (w - l).max(0.0))
        .sum();
    if short > 0.0 && spare >= short {
        for (width, &least) in widths.iter_mut().zip(&least) {
            *width = if *width < least {
                least
            } else {
                *width - (*width - least) * short / spare
            };
        }
    }
    widths
}

/// Draws a row (in two parts around a page break when it is split);
/// returns the page of its first line.
fn write_row(pdf: &mut Writer, row: &Row, columns: &[f32]) -> u32 {
    let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
    let wrapped = wrap_cells(columns, &cells, row.header);
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(0);
    let Some(repeated) = row.split.as_ref().filter(|_| height >= 2) else {
        if row.split.is_some() {
            pdf.new_page();
        }
        return pdf.row_lines(columns, &wrapped, row.header);
    };
    let cut = height.div_ceil(2);
    let head: Vec<Vec<String>> = wrapped
        .iter()
        .map(|l| l[..cut.min(l.len())].to_vec())
        .collect();
    let rest: Vec<Vec<String>> = wrapped
        .iter()
        .map(|l| l[cut.min(l.len())..].to_vec())
        .collect();
    let page = pdf.row_lines(columns, &head, row.header);
    pdf.new_page();
    for header in repeated {
        let cells: Vec<&str> = header.cells.iter().map(String::as_str).collect();
        pdf.row(columns, &cells, true);
    }
    pdf.row_lines(columns, &rest, row.header);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(cells: &[&str]) -> Item {
        Item::Row(Row {
            table: 0,
            cells: cells.iter().map(|c| (*c).to_owned()).collect(),
            header: true,
            entry: None,
            split: None,
        })
    }

    #[test]
    fn a_column_is_never_narrower_than_its_longest_word() {
        let sheet = Sheet {
            items: vec![header(&[
                "Descrizione dell'obiettivo",
                "% di raggiungimento",
            ])],
            tables: vec![vec![60, 1]],
            preamble: Vec::new(),
        };
        let columns = widths(&sheet, 0);
        assert!(columns[1] >= least_width("raggiungimento", true));
        let total: f32 = columns.iter().sum();
        assert!(
            (total - CONTENT_WIDTH).abs() < 0.01,
            "the page width is kept: {total}"
        );
    }

    #[test]
    fn columns_with_room_keep_their_shares() {
        let sheet = Sheet {
            items: vec![header(&["Obiettivo", "Peso"])],
            tables: vec![vec![3, 1]],
            preamble: Vec::new(),
        };
        assert_eq!(
            widths(&sheet, 0),
            vec![CONTENT_WIDTH * 0.75, CONTENT_WIDTH * 0.25]
        );
    }
}
