//! Lays a draft out as a PDF, the way office software prints plans: A4
//! landscape, Helvetica, bordered tables whose cells wrap, rows that do not
//! fit moved to the next page, a page number at the foot of every page, and
//! each structure starting on a new page.

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};
use piano_model::PreambleSection;

use crate::draft::Draft;
use crate::expect::{LaidOut, Placement};
use crate::helvetica::{BOLD_FACTOR, encode, width, wrap};

const PAGE_WIDTH: f32 = 842.0;
const PAGE_HEIGHT: f32 = 595.0;
const MARGIN: f32 = 36.0;
const BOTTOM: f32 = 48.0;
/// The width between the margins, in points.
pub const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The font size of table cells.
pub const TABLE_SIZE: f32 = 8.0;
const LEADING: f32 = 10.0;
const PADDING: f32 = 3.0;
const OBJECTIVE_COLUMNS: [f32; 6] = [30.0, 262.0, 50.0, 160.0, 160.0, 108.0];
const KEY_COLUMNS: [f32; 2] = [140.0, CONTENT_WIDTH - 140.0];
const STAFF_COLUMNS: [f32; 4] = [40.0, 250.0, 250.0, 80.0];

/// The PDF of `draft`, with each row's page filled into it.
pub fn render(draft: &mut Draft) -> Result<LaidOut, lopdf::Error> {
    let mut pdf = Writer::new();
    for line in &draft.ente_lines {
        pdf.centered(line, 12.0);
    }
    pdf.gap(8.0);
    pdf.centered(&draft.title, 11.0);
    pdf.gap(12.0);
    let mut preamble = Vec::new();
    for section in &draft.preamble {
        if let Some(heading) = &section.heading {
            pdf.need(30.0);
            pdf.line(heading, 10.0, true);
            pdf.gap(6.0);
        }
        let mut paragraphs = Vec::new();
        for paragraph in &section.paragraphs {
            let mut shown = Vec::new();
            for line in paragraph {
                for wrapped in wrap(line, 9.0, CONTENT_WIDTH) {
                    pdf.line(&wrapped, 9.0, false);
                    shown.push(wrapped);
                }
            }
            paragraphs.push(shown.join("\n"));
            pdf.gap(9.0);
        }
        preamble.push(PreambleSection {
            heading: section.heading.clone(),
            text: paragraphs.join("\n\n"),
        });
    }
    let mut placements = Vec::new();
    for structure in &mut draft.structures {
        pdf.new_page();
        placements.push(Placement {
            lines: piano_model::LineSpan(0, 0),
            page: Some(pdf.page_number),
        });
        pdf.fitted(&structure.header, 10.0);
        pdf.gap(6.0);
        for (label, value) in &structure.keys {
            pdf.row(&KEY_COLUMNS, &[label.as_str(), value.as_str()], false);
        }
        pdf.gap(10.0);
        let header = [
            "N°",
            structure.description_header.as_str(),
            "Peso %",
            "Indicatori di Misurazione",
            "Valori Attesi",
            "Data Fine Attesa",
        ];
        pdf.row(&OBJECTIVE_COLUMNS, &header, true);
        for objective in &mut structure.objectives {
            let rows = std::iter::once(&mut objective.row).chain(objective.phases.iter_mut());
            for row in rows {
                let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
                row.entry.page = Some(pdf.row(&OBJECTIVE_COLUMNS, &cells, false));
            }
        }
        if let Some(staff) = &structure.staff {
            pdf.gap(10.0);
            pdf.need(40.0);
            pdf.line("Dipendenti coinvolti sugli obiettivi:", 9.0, false);
            pdf.gap(4.0);
            pdf.row(
                &STAFF_COLUMNS,
                &["N.", "Dipendenti", "Obiettivo", "Peso %"],
                true,
            );
            for row in staff {
                let cells: Vec<&str> = row.cells.iter().map(String::as_str).collect();
                pdf.row(&STAFF_COLUMNS, &cells, false);
            }
        }
    }
    let (bytes, pages) = pdf.finish()?;
    Ok(LaidOut {
        bytes,
        pages: Some(pages),
        placements,
        preamble,
    })
}

/// A PDF being written page by page.
pub struct Writer {
    doc: Document,
    pages_id: ObjectId,
    page_ids: Vec<ObjectId>,
    operations: Vec<Operation>,
    y: f32,
    /// The page being written (1-based).
    pub page_number: u32,
}

impl Writer {
    /// An empty document.
    pub fn new() -> Writer {
        let mut doc = Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        Writer {
            doc,
            pages_id,
            page_ids: Vec::new(),
            operations: Vec::new(),
            y: PAGE_HEIGHT - MARGIN,
            page_number: 1,
        }
    }

    /// Moves down by `height` points.
    pub fn gap(&mut self, height: f32) {
        self.y -= height;
    }

    /// Starts a new page unless `height` points still fit on this one.
    fn need(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.new_page();
        }
    }

    /// Closes the current page (unless it is still empty) and starts the next.
    pub fn new_page(&mut self) {
        if self.operations.is_empty() {
            return;
        }
        self.close_page();
        self.page_number += 1;
        self.y = PAGE_HEIGHT - MARGIN;
    }

    fn close_page(&mut self) {
        let number = self.page_number.to_string();
        let x = (PAGE_WIDTH - width(&number, 9.0)) / 2.0;
        self.text(&number, x, 24.0, 9.0, false);
        let content = Content {
            operations: std::mem::take(&mut self.operations),
        };
        let bytes = content.encode().unwrap_or_default();
        let content_id = self.doc.add_object(Stream::new(dictionary! {}, bytes));
        let page_id = self.doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "Contents" => content_id,
        });
        self.page_ids.push(page_id);
    }

    fn text(&mut self, text: &str, x: f32, y: f32, size: f32, bold: bool) {
        let font = if bold { "F2" } else { "F1" };
        self.operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec![font.into(), size.into()]),
            Operation::new("Td", vec![x.into(), y.into()]),
            Operation::new(
                "Tj",
                vec![Object::String(encode(text), StringFormat::Literal)],
            ),
            Operation::new("ET", vec![]),
        ]);
    }

    /// One line of running text at the left margin.
    pub fn line(&mut self, text: &str, size: f32, bold: bool) {
        self.need(size * 1.4);
        self.y -= size * 1.3;
        self.text(text, MARGIN, self.y, size, bold);
    }

    /// One bold line, centred, its size reduced until it fits the page.
    pub fn centered(&mut self, text: &str, size: f32) {
        let size = fitting_size(text, size);
        self.need(size * 1.6);
        self.y -= size * 1.5;
        let x = (PAGE_WIDTH - width(text, size) * BOLD_FACTOR) / 2.0;
        self.text(text, x.max(MARGIN), self.y, size, true);
    }

    /// One bold line at the left margin, its size reduced until it fits.
    pub fn fitted(&mut self, text: &str, size: f32) {
        let size = fitting_size(text, size);
        self.line(text, size, true);
    }

    /// A bordered table row; returns the page it landed on.
    pub fn row(&mut self, columns: &[f32], cells: &[&str], bold: bool) -> u32 {
        let wrapped = wrap_cells(columns, cells, bold);
        self.row_lines(columns, &wrapped, bold)
    }

    /// A bordered table row of cells already wrapped into lines; returns
    /// the page it landed on.
    pub fn row_lines(&mut self, columns: &[f32], wrapped: &[Vec<String>], bold: bool) -> u32 {
        let line_count = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let height = line_count as f32 * LEADING + 2.0 * PADDING;
        self.need(height);
        let top = self.y;
        let mut x = MARGIN;
        self.operations.push(Operation::new("w", vec![0.5.into()]));
        for (&column, lines) in columns.iter().zip(wrapped) {
            self.operations.extend([
                Operation::new(
                    "re",
                    vec![
                        x.into(),
                        (top - height).into(),
                        column.into(),
                        height.into(),
                    ],
                ),
                Operation::new("S", vec![]),
            ]);
            for (index, line) in lines.iter().enumerate() {
                let baseline = top - PADDING - TABLE_SIZE - index as f32 * LEADING;
                self.text(line, x + PADDING, baseline, TABLE_SIZE, bold);
            }
            x += column;
        }
        self.y = top - height;
        self.page_number
    }

    /// Closes the last page and writes the document; returns it and its page count.
    pub fn finish(mut self) -> Result<(Vec<u8>, u32), lopdf::Error> {
        self.close_page();
        let regular = self.doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let bold = self.doc.add_object(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica-Bold",
            "Encoding" => "WinAnsiEncoding",
        });
        let resources = self.doc.add_object(dictionary! {
            "Font" => dictionary! { "F1" => regular, "F2" => bold },
        });
        let count = self.page_ids.len();
        let kids: Vec<Object> = self.page_ids.iter().map(|&id| id.into()).collect();
        let pages = dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => i64::try_from(count).unwrap_or(i64::MAX),
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), PAGE_WIDTH.into(), PAGE_HEIGHT.into()],
        };
        self.doc
            .objects
            .insert(self.pages_id, Object::Dictionary(pages));
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => self.pages_id,
        });
        self.doc.trailer.set("Root", catalog);
        self.doc.compress();
        let mut bytes = Vec::new();
        self.doc.save_to(&mut bytes)?;
        Ok((bytes, u32::try_from(count).unwrap_or(u32::MAX)))
    }
}

/// Each cell of a row wrapped to its column (less the padding), in bold for headers.
pub fn wrap_cells(columns: &[f32], cells: &[&str], bold: bool) -> Vec<Vec<String>> {
    let factor = if bold { BOLD_FACTOR } else { 1.0 };
    columns
        .iter()
        .zip(cells)
        .map(|(&column, cell)| wrap(cell, TABLE_SIZE * factor, column - 2.0 * PADDING))
        .collect()
}

/// The narrowest column that holds `cell` without a word running out of it:
/// its longest word and the padding on both sides.
pub fn least_width(cell: &str, bold: bool) -> f32 {
    let factor = if bold { BOLD_FACTOR } else { 1.0 };
    let widest = cell
        .split(' ')
        .map(|word| width(word, TABLE_SIZE * factor))
        .fold(0.0, f32::max);
    widest + 2.0 * PADDING
}

/// The largest size up to `size` at which bold `text` fits the content width.
fn fitting_size(text: &str, size: f32) -> f32 {
    let natural = width(text, size) * BOLD_FACTOR;
    if natural <= CONTENT_WIDTH {
        size
    } else {
        (size * CONTENT_WIDTH / natural).max(5.0)
    }
}
