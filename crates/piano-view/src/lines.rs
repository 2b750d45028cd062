//! The layout's lines of the page: each a translucent band coloured by what
//! it became, labelled in the left margin, and its cells as outlined boxes.

use piano_model::{BBox, TextLine};
use svg::node::element::{Group, Rectangle, Text as Label};

use crate::PageView;
use crate::frame::Frame;
use crate::text::{title, xml_safe};

/// Each line of the page as a band over its box, with its number and role
/// in the left margin (`data-line`, `data-last`, `data-role` on the band).
pub fn bands(view: &PageView<'_>, frame: &Frame) -> Group {
    let mut group = Group::new().set("class", "lines");
    for line in view.lines() {
        let Some(bbox) = line.bbox else {
            continue;
        };
        let role = view.roles.of(line).map_or("none", |role| role.as_str());
        let numbers = line_numbers(line);
        group = group
            .add(
                boxed(bbox)
                    .set("class", format!("band role-{role}"))
                    .set("data-line", line.number)
                    .set("data-last", line.last)
                    .set("data-role", role)
                    .add(title(&format!("line {numbers}: {role}"))),
            )
            .add(
                Label::new(xml_safe(&format!("{numbers} {role}")))
                    .set("class", "label")
                    .set("x", frame.labels_left() + 0.3 * frame.unit)
                    .set("y", (bbox.top + bbox.bottom) / 2.0)
                    .set("font-size", 0.6 * frame.unit)
                    .set("dominant-baseline", "middle"),
            );
    }
    group
}

/// Each cell of the page's lines as an outlined box, its text the tooltip
/// (`data-line`, and `data-column` counted from 1).
pub fn cells(view: &PageView<'_>) -> Group {
    let mut group = Group::new().set("class", "cells");
    for line in view.lines() {
        for (column, cell) in (1..).zip(&line.cells) {
            let Some(bbox) = cell.bbox else {
                continue;
            };
            let mut drawn = boxed(bbox)
                .set("class", "cell")
                .set("data-line", line.number)
                .set("data-column", column);
            if let Some(confidence) = cell.confidence {
                drawn = drawn.set("data-confidence", confidence);
            }
            if !cell.text.is_empty() {
                drawn = drawn.add(title(&cell.text));
            }
            group = group.add(drawn);
        }
    }
    group
}

/// "12", or "12–14" for a row a dump wrapped over several of its lines.
fn line_numbers(line: &TextLine) -> String {
    if line.last > line.number {
        format!("{}–{}", line.number, line.last)
    } else {
        line.number.to_string()
    }
}

/// A rectangle over `bbox`.
fn boxed(bbox: BBox) -> Rectangle {
    Rectangle::new()
        .set("x", bbox.left)
        .set("y", bbox.top)
        .set("width", (bbox.right - bbox.left).max(0.0))
        .set("height", (bbox.bottom - bbox.top).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::{Cell, LineRole, Roles};
    use piano_table::PageTrace;

    fn cell(text: &str, left: f32, right: f32) -> Cell {
        Cell {
            text: text.to_owned(),
            bbox: Some(BBox {
                left,
                top: 100.0,
                right,
                bottom: 112.0,
            }),
            confidence: None,
        }
    }

    #[test]
    fn a_line_is_a_band_of_its_role_and_its_cells_boxes_with_their_text() {
        let line = TextLine {
            number: 7,
            last: 8,
            page: Some(2),
            bbox: Some(BBox {
                left: 10.0,
                top: 100.0,
                right: 90.0,
                bottom: 112.0,
            }),
            cells: vec![
                cell("1", 10.0, 30.0),
                cell("", 30.0, 60.0),
                cell("<30%>", 60.0, 90.0),
            ],
        };
        let elsewhere = TextLine {
            page: Some(1),
            ..line.clone()
        };
        let mut roles = Roles::new();
        roles.set_line(&line, LineRole::Objective);
        let trace = PageTrace {
            number: 2,
            height: 800.0,
            pitch: None,
            words: Vec::new(),
            rules: Vec::new(),
            tables: Vec::new(),
        };
        let lines = [elsewhere, line];
        let view = PageView {
            trace: &trace,
            lines: &lines,
            roles: &roles,
            image: None,
        };
        let frame = Frame::of(&view);
        let bands = bands(&view, &frame).to_string();
        assert_eq!(bands.matches("<rect").count(), 1, "{bands}");
        assert!(bands.contains(r#"class="band role-objective""#), "{bands}");
        assert!(bands.contains("7–8 objective"), "{bands}");
        let cells = cells(&view).to_string();
        assert_eq!(cells.matches("<rect").count(), 3, "{cells}");
        assert_eq!(cells.matches("<title>").count(), 2, "{cells}");
        assert!(cells.contains(r#"data-column="3""#), "{cells}");
        assert!(cells.contains("&lt;30%&gt;"), "{cells}");
    }
}
