//! Lays a draft out as a text dump in the template of real plan dumps: ente
//! lines, title, preamble, then per structure its header line, key rows,
//! tab-separated objectives table and staff table, with blank lines and page
//! numbers between rows.

use piano_model::{LineSpan, PreambleSection};

use crate::draft::Draft;
use crate::expect::{LaidOut, Placement};

/// The header of the objectives table after its description column.
const TABLE_TAIL: &str = "Peso %\tIndicatori di Misurazione\tValori Attesi\tData Fine Attesa";

/// The text dump of `draft` (UTF-8, LF line ends), with each row's line span
/// filled into it.
pub fn render(draft: &mut Draft) -> LaidOut {
    let mut out = Lines::default();
    for line in &draft.ente_lines {
        out.push(line);
        out.blank();
    }
    out.push(&draft.title);
    out.blank();
    let mut preamble = Vec::new();
    for section in &draft.preamble {
        if let Some(heading) = &section.heading {
            out.push(heading);
            out.blank();
        }
        for paragraph in &section.paragraphs {
            for line in paragraph {
                out.push(line);
            }
            out.blank();
        }
        let paragraphs: Vec<String> = section.paragraphs.iter().map(|p| p.join("\n")).collect();
        preamble.push(PreambleSection {
            heading: section.heading.clone(),
            text: paragraphs.join("\n\n"),
        });
    }
    let mut page = 2u32;
    let mut starts = Vec::new();
    for structure in &mut draft.structures {
        starts.push(out.push(&structure.header));
        out.blank();
        for (label, value) in &structure.keys {
            out.push(&format!("{label}\t{value}"));
        }
        out.blank();
        out.push(&format!(
            "N°\t{}\t{TABLE_TAIL}",
            structure.description_header
        ));
        for objective in &mut structure.objectives {
            let rows = std::iter::once(&mut objective.row).chain(objective.phases.iter_mut());
            for row in rows {
                if row.page_break_before {
                    out.blank();
                    out.push(&page.to_string());
                    page += 1;
                    out.blank();
                }
                let number = out.push(&row.cells.join("\t"));
                row.entry.lines = LineSpan::line(number);
            }
        }
        if let Some(staff) = &structure.staff {
            out.blank();
            out.push("Dipendenti coinvolti sugli obiettivi:");
            out.blank();
            out.push("N.\tDipendenti\tObiettivo\tPeso %");
            for row in staff {
                out.push(&row.cells.join("\t"));
            }
        }
        out.blank();
        out.push(&page.to_string());
        page += 1;
        out.blank();
    }
    while out.lines.last().is_some_and(String::is_empty) {
        out.lines.pop();
    }
    let last = u32::try_from(out.lines.len()).unwrap_or(u32::MAX);
    let placements = starts
        .iter()
        .enumerate()
        .map(|(index, &start)| {
            let end = starts.get(index + 1).map_or(last, |next| next - 1);
            Placement {
                lines: LineSpan(start, end),
                page: None,
            }
        })
        .collect();
    let mut text = out.lines.join("\n");
    text.push('\n');
    LaidOut {
        bytes: text.into_bytes(),
        pages: None,
        placements,
        preamble,
    }
}

/// The dump being written, one entry per line.
#[derive(Default)]
struct Lines {
    lines: Vec<String>,
}

impl Lines {
    /// Appends a line and returns its 1-based number.
    fn push(&mut self, line: &str) -> u32 {
        self.lines.push(line.to_owned());
        u32::try_from(self.lines.len()).unwrap_or(u32::MAX)
    }

    /// Appends a blank line unless the last one is blank already.
    fn blank(&mut self) {
        if self.lines.last().is_some_and(|line| !line.is_empty()) {
            self.lines.push(String::new());
        }
    }
}
