//! A sheet as a PDF, the way office software prints a plan: A4 landscape,
//! Helvetica, bordered tables whose columns share the width in proportion to
//! the sheet's wrap widths, each structure on a new page, and a row split by
//! a page break drawn in two parts (the header drawn again above the second
//! when the layout repeats it).

use piano_model::{LineSpan, PreambleSection};

use super::{Item, Row, Sheet, Written};
use crate::helvetica::wrap;
use crate::pdf::{CONTENT_WIDTH, Writer, wrap_cells};

/// The size of running text.
const TEXT_SIZE: f32 = 9.0;

/// The PDF of `sheet`.
pub fn write(sheet: &Sheet) -> Result<Written, lopdf::Error> {
    let columns: Vec<Vec<f32>> = sheet.tables.iter().map(|t| widths(t)).collect();
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

/// Column widths in points: the wrap widths shared out over the page.
fn widths(wrap_widths: &[usize]) -> Vec<f32> {
    let total: usize = wrap_widths.iter().sum();
    wrap_widths
        .iter()
        .map(|&w| CONTENT_WIDTH * w as f32 / total.max(1) as f32)
        .collect()
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
