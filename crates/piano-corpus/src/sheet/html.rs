//! A sheet as an HTML document, the source of the PDFs offices make: each
//! table a real `<table>` whose header rows stand in its `<thead>` (so that
//! a browser prints them again on each page, and LibreOffice makes them
//! Word's repeated header rows, `w:tblHeader`), a two-level header drawn
//! with merged cells (`rowspan`, `colspan`; the other cells set at the
//! foot of their merge when the layout sets them below), a header wrapped
//! over two lines as one row whose cells break, ruled cells or none and
//! equal or fitted column widths, cells' text at the top or in the middle
//! as the [`OfficeLook`] says (set both as CSS, which Chromium reads, and
//! as HTML attributes, which LibreOffice reads: its import takes no CSS
//! `vertical-align` and centres cells unless told otherwise).
//!
//! Where the sheet ends a page, the next block starts a new one (a table
//! cut there goes on in a new table, under the header rows the layout
//! repeats); a row the sheet splits over a page break is written whole,
//! the renderer breaking rows where its pages fall. A blank line between
//! two rows of a table is an empty row, as offices space their tables.

use std::fmt::Write as _;

use piano_model::LineSpan;

use super::{Item, Row, Sheet, Written};
use crate::layout::office::{Borders, CellAlign, ColumnWidths, OfficeLook};

/// The style sheet every document shares: A4 landscape, a sans-serif font
/// of running-text size, tables the width of the page, a word wider than
/// its column broken inside its cell (as Word and LibreOffice break it;
/// Chromium would let it run over the next cell's text).
const STYLE: &str = "@page { size: A4 landscape; margin: 1.5cm; }
body { font-family: 'Liberation Sans', Arial, Helvetica, sans-serif; font-size: 9pt; }
p { margin: 0 0 3pt 0; }
h2 { font-size: 11pt; margin: 6pt 0 4pt 0; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0 0 6pt 0; }
th, td { padding: 2pt 3pt; text-align: left; font-size: 9pt; overflow-wrap: break-word; }
th { font-weight: bold; }
.bottom { vertical-align: bottom; }
.break { page-break-before: always; break-before: page; }
";

/// The ruled cells' rule.
const RULES: &str = "th, td { border: 0.5pt solid #000; }\n";

/// Cells' text at the top.
const TOP: &str = "th, td { vertical-align: top; }\n";

/// Cells' text in the middle.
const MIDDLE: &str = "th, td { vertical-align: middle; }\n";

/// The HTML of `sheet`, its tables drawn as `look` says.
pub fn write(sheet: &Sheet, look: OfficeLook) -> Written {
    let mut html = Html {
        out: String::new(),
        look,
        table: None,
        page_break: false,
    };
    html.open_document(sheet);
    let mut spans = Vec::with_capacity(sheet.items.len());
    for (at, item) in sheet.items.iter().enumerate() {
        let placed = match item {
            Item::Text(text) => {
                html.block("p", text);
                true
            }
            Item::Heading(_, text) => {
                html.block("h2", text);
                true
            }
            Item::Blank => {
                let next = sheet.items[at + 1..]
                    .iter()
                    .find(|item| !matches!(item, Item::Blank));
                match next {
                    Some(Item::Row(row)) if html.holds(row.table) => html.empty_row(),
                    _ => html.close_table(),
                }
                false
            }
            Item::PageEnd => {
                html.close_table();
                html.page_break = true;
                false
            }
            Item::Row(row) => {
                html.row(row, &sheet.tables[row.table]);
                true
            }
        };
        spans.push(placed.then_some((LineSpan(0, 0), None)));
    }
    html.close_table();
    html.out.push_str("</body>\n</html>\n");
    Written {
        bytes: html.out.into_bytes(),
        spans,
        last: 0,
        pages: None,
    }
}

/// An HTML document being written.
struct Html {
    /// The text so far.
    out: String,
    /// How tables are drawn.
    look: OfficeLook,
    /// The table open, if any.
    table: Option<OpenTable>,
    /// Whether the next block starts a new page.
    page_break: bool,
}

/// A table being written: its header rows are held until its first body
/// row, so that a two-level header can be merged.
struct OpenTable {
    /// Its index in [`Sheet::tables`].
    index: usize,
    /// Its column count.
    columns: usize,
    /// The header rows that open it, not written yet.
    header: Vec<Vec<String>>,
    /// Whether its body has begun.
    body: bool,
}

impl Html {
    /// The document's head and the opening of its body.
    fn open_document(&mut self, sheet: &Sheet) {
        let title = sheet.items.iter().find_map(|item| match item {
            Item::Text(text) => Some(text.as_str()),
            _ => None,
        });
        let rules = if self.look.borders == Borders::On {
            RULES
        } else {
            ""
        };
        let align = match self.look.cells {
            CellAlign::Top => TOP,
            CellAlign::Middle => MIDDLE,
        };
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"it\">\n<head>\n<meta charset=\"utf-8\">\n\
             <title>{}</title>\n<style>\n{STYLE}{rules}{align}</style>\n</head>\n<body>\n",
            escape(title.unwrap_or_default())
        );
    }

    /// Whether table `index` is open.
    fn holds(&self, index: usize) -> bool {
        self.table.as_ref().is_some_and(|t| t.index == index)
    }

    /// A block of text outside tables (`p`, `h2`).
    fn block(&mut self, tag: &str, text: &str) {
        self.close_table();
        let class = self.break_class();
        let _ = writeln!(self.out, "<{tag}{class}>{}</{tag}>", escape(text));
    }

    /// ` class="break"` once after a page end, else nothing.
    fn break_class(&mut self) -> &'static str {
        if std::mem::take(&mut self.page_break) {
            " class=\"break\""
        } else {
            ""
        }
    }

    /// A row of table `row.table`, whose columns wrap at `wraps`.
    fn row(&mut self, row: &Row, wraps: &[usize]) {
        if !self.holds(row.table) {
            self.open_table(row.table, wraps);
        }
        let Some(table) = self.table.as_mut() else {
            return;
        };
        if row.header && !table.body {
            table.header.push(row.cells.clone());
            return;
        }
        self.begin_body();
        let tag = if row.header { "th" } else { "td" };
        self.out.push_str("<tr>");
        for cell in &row.cells {
            let _ = write!(self.out, "<{tag}>{}</{tag}>", escape(cell));
        }
        self.out.push_str("</tr>\n");
    }

    /// An empty row in the open table (a blank line between two of its rows).
    fn empty_row(&mut self) {
        let Some(columns) = self.table.as_ref().map(|t| t.columns) else {
            return;
        };
        self.begin_body();
        self.out.push_str("<tr>");
        self.out.push_str(&"<td></td>".repeat(columns));
        self.out.push_str("</tr>\n");
    }

    /// Opens table `index`, its columns sized from their wrap widths.
    fn open_table(&mut self, index: usize, wraps: &[usize]) {
        self.close_table();
        if std::mem::take(&mut self.page_break) {
            // LibreOffice's Word export drops a break set on a table, and
            // an empty paragraph: a paragraph holding a space keeps it.
            self.out.push_str("<p class=\"break\">&nbsp;</p>\n");
        }
        let border = u8::from(self.look.borders == Borders::On);
        let _ = writeln!(
            self.out,
            "<table width=\"100%\" border=\"{border}\" cellspacing=\"0\" cellpadding=\"3\">"
        );
        self.out.push_str("<colgroup>");
        for percent in widths(wraps, self.look.widths) {
            let _ = write!(
                self.out,
                "<col width=\"{percent:.1}%\" style=\"width: {percent:.1}%\">"
            );
        }
        self.out.push_str("</colgroup>\n");
        self.table = Some(OpenTable {
            index,
            columns: wraps.len(),
            header: Vec::new(),
            body: false,
        });
    }

    /// Writes the open table's header (its `thead`) and opens its body, once.
    fn begin_body(&mut self) {
        let Some(table) = self.table.as_mut() else {
            return;
        };
        if std::mem::replace(&mut table.body, true) {
            return;
        }
        let header = std::mem::take(&mut table.header);
        let valign = self.look.cells.name();
        if !header.is_empty() {
            let _ = writeln!(self.out, "<thead valign=\"{valign}\">");
            for row in merged(&header) {
                self.out.push_str("<tr>");
                for cell in row {
                    self.out.push_str(&cell.html());
                }
                self.out.push_str("</tr>\n");
            }
            self.out.push_str("</thead>\n");
        }
        let _ = writeln!(self.out, "<tbody valign=\"{valign}\">");
    }

    /// Closes the open table, if any.
    fn close_table(&mut self) {
        if self.table.is_none() {
            return;
        }
        self.begin_body();
        self.out.push_str("</tbody>\n</table>\n");
        self.table = None;
    }
}

/// A header cell, merged over `rows` rows and `columns` columns.
#[derive(Debug, PartialEq, Eq)]
struct HeaderCell {
    /// What it says (a line end where a wrapped label breaks).
    text: String,
    /// The rows it spans.
    rows: usize,
    /// The columns it spans.
    columns: usize,
    /// Whether its text stands at its foot.
    bottom: bool,
}

impl HeaderCell {
    /// A cell over one row and one column.
    fn one(text: &str) -> HeaderCell {
        HeaderCell {
            text: text.to_owned(),
            rows: 1,
            columns: 1,
            bottom: false,
        }
    }

    /// Its `th` element.
    fn html(&self) -> String {
        let mut attributes = String::new();
        if self.rows > 1 {
            let _ = write!(attributes, " rowspan=\"{}\"", self.rows);
        }
        if self.columns > 1 {
            let _ = write!(attributes, " colspan=\"{}\"", self.columns);
        }
        if self.bottom {
            attributes.push_str(" class=\"bottom\" valign=\"bottom\"");
        }
        format!("<th{attributes}>{}</th>", escape(&self.text))
    }
}

/// The header rows of a table as merged cells. Two rows with a group (a
/// label over two columns whose own labels stand below it) are a two-level
/// header: the group's cell spans its columns, every other column's cell
/// both rows (set at the foot when its label is on the second line). Two
/// rows without one are a header wrapped over two lines: one row, each
/// cell's two halves broken in it. One row, or more than two, as they are.
fn merged(rows: &[Vec<String>]) -> Vec<Vec<HeaderCell>> {
    let [top, below] = rows else {
        return rows
            .iter()
            .map(|row| row.iter().map(|cell| HeaderCell::one(cell)).collect())
            .collect();
    };
    let filled = |row: &[String], at: usize| row.get(at).is_some_and(|c| !c.is_empty());
    let group = (0..top.len().saturating_sub(1)).find(|&at| {
        filled(top, at) && !filled(top, at + 1) && filled(below, at) && filled(below, at + 1)
    });
    let Some(group) = group else {
        let joined = top.iter().zip(below).map(|(first, second)| {
            let halves: Vec<&str> = [first, second]
                .into_iter()
                .map(String::as_str)
                .filter(|half| !half.is_empty())
                .collect();
            HeaderCell::one(&halves.join("\n"))
        });
        return vec![joined.collect()];
    };
    let mut first = Vec::new();
    for (at, (label, under)) in top.iter().zip(below).enumerate() {
        if at == group {
            first.push(HeaderCell {
                columns: 2,
                ..HeaderCell::one(label)
            });
        } else if at != group + 1 {
            first.push(HeaderCell {
                rows: 2,
                bottom: label.is_empty() && !under.is_empty(),
                ..HeaderCell::one(if label.is_empty() { under } else { label })
            });
        }
    }
    let second = [group, group + 1]
        .iter()
        .map(|&at| HeaderCell::one(&below[at]))
        .collect();
    vec![first, second]
}

/// Each column's share of the width, in percent.
fn widths(wraps: &[usize], widths: ColumnWidths) -> Vec<f32> {
    let count = wraps.len().max(1) as f32;
    let total = wraps.iter().sum::<usize>().max(1) as f32;
    wraps
        .iter()
        .map(|&wrap| match widths {
            ColumnWidths::Equal => 100.0 / count,
            ColumnWidths::Content => 100.0 * wrap as f32 / total,
        })
        .collect()
}

/// `text` with HTML's special characters escaped and line ends as `<br>`.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|line| line.iter().map(|&c| c.to_owned()).collect())
            .collect()
    }

    #[test]
    fn a_two_level_header_merges_its_group_over_two_columns() {
        let header = rows(&[
            &["N°", "Descrizione", "Misurazione", "", "Scadenza"],
            &["", "", "Indicatori", "Valori attesi", ""],
        ]);
        let merged = merged(&header);
        assert_eq!(merged[0].len(), 4);
        assert_eq!((merged[0][0].rows, merged[0][0].columns), (2, 1));
        assert_eq!(merged[0][2].text, "Misurazione");
        assert_eq!(merged[0][2].columns, 2);
        let second: Vec<&str> = merged[1].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(second, ["Indicatori", "Valori attesi"]);
    }

    #[test]
    fn labels_below_a_group_stand_at_the_foot_of_their_merged_cells() {
        let header = rows(&[
            &["", "Misurazione", "", ""],
            &["N°", "Indicatori", "Valori attesi", "Peso"],
        ]);
        let merged = merged(&header);
        assert_eq!(merged[0][0].text, "N°");
        assert!(merged[0][0].bottom && merged[0][0].rows == 2);
        assert_eq!(merged[0][1].columns, 2);
        assert_eq!(merged[0][2].text, "Peso");
    }

    #[test]
    fn a_wrapped_header_is_one_row_whose_cells_break() {
        let header = rows(&[&["N°", "Indicatori di", "Peso"], &["", "Misurazione", "%"]]);
        let merged = merged(&header);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0][1].text, "Indicatori di\nMisurazione");
        assert_eq!(merged[0][0].text, "N°");
        assert_eq!(merged[0][1].html(), "<th>Indicatori di<br>Misurazione</th>");
    }

    #[test]
    fn equal_widths_ignore_what_the_columns_hold() {
        assert_eq!(widths(&[8, 44, 8], ColumnWidths::Equal)[1], 100.0 / 3.0);
        assert_eq!(
            widths(&[10, 30, 10], ColumnWidths::Content),
            [20.0, 60.0, 20.0]
        );
    }

    #[test]
    fn every_row_of_every_family_stands_in_a_table_under_its_header() {
        for plan in 0..10 {
            let family = crate::Family::ALL[plan % crate::Family::ALL.len()];
            let sample = crate::layout_sample(4, plan, 0, 0, family, &[crate::Format::Html])
                .expect("HTML lays out");
            let document = &sample.documents[0];
            let html = String::from_utf8_lossy(&document.bytes);
            assert!(html.contains("<thead "), "{family:?}: a header");
            assert_eq!(
                html.matches("<table").count(),
                html.matches("</table>").count()
            );
            let entries = document.expected.structures.iter().flat_map(|s| {
                s.objectives
                    .iter()
                    .flat_map(|o| std::iter::once(&o.entry).chain(&o.phases))
            });
            for entry in entries {
                let cell = escape(&entry.description);
                assert!(html.contains(&cell), "{family:?}: {}", entry.description);
            }
        }
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("a < b & \"c\"\nd"),
            "a &lt; b &amp; &quot;c&quot;<br>d"
        );
    }
}
