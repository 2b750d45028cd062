//! The legend, right of the page: the page's number, the roles its lines
//! have (in the order of a plan, [`LineRole::ALL`]), and what each mark is.

use std::collections::BTreeSet;

use piano_model::LineRole;
use svg::node::element::{Group, Line, Rectangle, Text as Label};

use crate::PageView;
use crate::frame::Frame;
use crate::text::xml_safe;

/// The marks drawn besides role bands: a class of the style sheet, and what
/// it shows.
const MARKS: [(&str, &str); 6] = [
    ("word", "word"),
    ("word set-apart", "word in no cell (set apart)"),
    ("cell", "cell"),
    ("rule", "ruling line"),
    ("column ruled", "column edge, ruled table"),
    ("column", "column edge, inferred"),
];

/// The legend of `view`'s page.
pub fn legend(view: &PageView<'_>, frame: &Frame) -> Group {
    let unit = frame.unit;
    let left = frame.legend_left();
    let roles: BTreeSet<LineRole> = view.lines().filter_map(|l| view.roles.of(l)).collect();
    let mut legend = Group::new().set("class", "legend").add(label(
        left,
        0.0,
        unit,
        &format!("page {}", view.trace.number),
    ));
    let mut y = 1.5 * unit;
    for role in LineRole::ALL.into_iter().filter(|r| roles.contains(r)) {
        legend = legend
            .add(
                Rectangle::new()
                    .set("class", format!("band role-{role}"))
                    .set("data-legend", role.as_str())
                    .set("x", left)
                    .set("y", y - 0.8 * unit)
                    .set("width", 1.5 * unit)
                    .set("height", unit),
            )
            .add(label(left + 2.0 * unit, y, unit, role.as_str()));
        y += 1.3 * unit;
    }
    y += 0.5 * unit;
    for (class, meaning) in MARKS {
        let mark: Box<dyn svg::Node> = if class.starts_with("word") || class == "cell" {
            let rectangle = Rectangle::new()
                .set("x", left)
                .set("y", y - 0.8 * unit)
                .set("width", 1.5 * unit)
                .set("height", unit);
            if class == "cell" {
                Box::new(rectangle.set("class", "cell"))
            } else {
                Box::new(Group::new().set("class", class).add(rectangle))
            }
        } else {
            let middle = y - 0.3 * unit;
            let line = Line::new().set("class", class);
            Box::new(if class == "rule" {
                line.set("x1", left)
                    .set("y1", middle)
                    .set("x2", left + 1.5 * unit)
                    .set("y2", middle)
            } else {
                line.set("x1", left + 0.75 * unit)
                    .set("y1", y - 0.9 * unit)
                    .set("x2", left + 0.75 * unit)
                    .set("y2", y + 0.3 * unit)
            })
        };
        legend = legend
            .add(mark)
            .add(label(left + 2.0 * unit, y, unit, meaning));
        y += 1.3 * unit;
    }
    legend
}

/// A line of the legend's text, its baseline at `y`.
fn label(x: f32, y: f32, unit: f32, text: &str) -> Label {
    Label::new(xml_safe(text))
        .set("x", x)
        .set("y", y)
        .set("font-size", 0.8 * unit)
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::{BBox, Roles, TextLine};
    use piano_table::PageTrace;

    #[test]
    fn the_legend_lists_the_roles_of_the_page_in_a_plans_order() {
        let mut line = TextLine::from_texts(3, Some(1), ["1", "Digitalizzare"]);
        line.bbox = Some(BBox {
            left: 0.0,
            top: 0.0,
            right: 10.0,
            bottom: 10.0,
        });
        let mut header = TextLine::from_texts(2, Some(1), ["N.", "Obiettivo"]);
        header.bbox = line.bbox;
        let mut roles = Roles::new();
        roles.set_line(&header, LineRole::TableHeader);
        roles.set_line(&line, LineRole::Objective);
        let trace = PageTrace {
            number: 1,
            height: 100.0,
            pitch: None,
            words: Vec::new(),
            rules: Vec::new(),
            tables: Vec::new(),
        };
        let lines = [line, header];
        let view = PageView {
            trace: &trace,
            lines: &lines,
            roles: &roles,
            image: None,
        };
        let drawn = legend(&view, &Frame::of(&view)).to_string();
        let header_at = drawn.find(r#"data-legend="table-header""#);
        let objective_at = drawn.find(r#"data-legend="objective""#);
        assert!(header_at.is_some() && header_at < objective_at, "{drawn}");
        assert!(!drawn.contains(r#"data-legend="phase""#), "{drawn}");
        assert!(drawn.contains("column edge, inferred"), "{drawn}");
    }
}
