//! What lies on the page before any line is read: a scan's image, a dump's
//! grid of characters, the ruling lines, and the column edges the rebuild
//! found for each table.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use piano_table::{Rule, TableTrace};
use svg::node::element::{Group, Image, Line, Text as Label};

use crate::Background;
use crate::frame::Frame;
use crate::text::title;

/// Every how many characters a dump's grid line is drawn darker and numbered.
const NUMBERED_EVERY: u32 = 10;

/// The page's image at the page's origin, in its words' units.
pub fn image(background: Background<'_>) -> Image {
    let data = format!("data:image/png;base64,{}", STANDARD.encode(background.png));
    Image::new()
        .set("class", "page-image")
        .set("href", data)
        .set("x", 0)
        .set("y", 0)
        .set("width", background.width)
        .set("height", background.height)
        .set("preserveAspectRatio", "none")
}

/// A dump's character columns: a faint line at every character's left edge
/// (where the rebuild places it), every tenth darker and numbered above the
/// page (0-based, as an editor's column).
pub fn character_grid(frame: &Frame, pitch: f32) -> Group {
    let mut grid = Group::new().set("class", "character-grid");
    if !(pitch.is_finite() && pitch > 0.0) {
        return grid;
    }
    let columns = (frame.page_right / pitch).ceil() as u32;
    for column in 0..=columns {
        let x = column as f32 * pitch;
        let tenth = column % NUMBERED_EVERY == 0;
        let class = if tenth { "grid tenth" } else { "grid" };
        grid = grid.add(
            Line::new()
                .set("class", class)
                .set("x1", x)
                .set("y1", 0)
                .set("x2", x)
                .set("y2", frame.page_bottom),
        );
        if tenth {
            grid = grid.add(
                Label::new(column.to_string())
                    .set("class", "label")
                    .set("x", x)
                    .set("y", -0.5 * frame.unit)
                    .set("font-size", 0.7 * frame.unit)
                    .set("text-anchor", "middle"),
            );
        }
    }
    grid
}

/// The ruling lines the reader found.
pub fn rules(rules: &[Rule]) -> Group {
    rules
        .iter()
        .fold(Group::new().set("class", "rules"), |group, rule| {
            let (x1, y1, x2, y2) = match *rule {
                Rule::Horizontal { y, x0, x1 } => (x0, y, x1, y),
                Rule::Vertical { x, y0, y1 } => (x, y0, x, y1),
            };
            group.add(
                Line::new()
                    .set("class", "rule")
                    .set("x1", x1)
                    .set("y1", y1)
                    .set("x2", x2)
                    .set("y2", y2),
            )
        })
}

/// Each table's column edges, dashed, from its first row's top to its last
/// row's bottom: orange where the table is ruled, red where its columns were
/// inferred from aligned gaps.
pub fn columns(tables: &[TableTrace]) -> Group {
    let mut group = Group::new().set("class", "columns");
    for (index, table) in (1..).zip(tables) {
        let (class, kind) = if table.ruled {
            ("column ruled", "ruled")
        } else {
            ("column", "inferred from aligned gaps")
        };
        let count = table.columns.len().saturating_sub(1);
        for &edge in &table.columns {
            group = group.add(
                Line::new()
                    .set("class", class)
                    .set("data-table", index)
                    .set("x1", edge)
                    .set("y1", table.top)
                    .set("x2", edge)
                    .set("y2", table.bottom)
                    .add(title(&format!(
                        "table {index} ({count} columns, {kind}): column edge at {edge}"
                    ))),
            );
        }
    }
    group
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_edges_are_drawn_down_their_table() {
        let table = TableTrace {
            columns: vec![10.0, 40.0, 90.0],
            top: 100.0,
            bottom: 180.0,
            ruled: false,
        };
        let drawn = columns(&[table]).to_string();
        assert_eq!(drawn.matches("<line").count(), 3, "{drawn}");
        assert!(
            drawn.contains(r#"x1="40" x2="40" y1="100" y2="180""#),
            "{drawn}"
        );
        assert!(drawn.contains("2 columns, inferred"), "{drawn}");
    }

    #[test]
    fn a_dump_grid_numbers_every_tenth_character() {
        let frame = Frame {
            page_right: 25.0,
            page_bottom: 36.0,
            unit: 3.0,
        };
        let grid = character_grid(&frame, 1.0).to_string();
        assert_eq!(grid.matches("<line").count(), 26, "{grid}");
        assert_eq!(grid.matches("grid tenth").count(), 3, "{grid}");
        assert!(grid.contains("\n20\n"), "{grid}");
    }
}
