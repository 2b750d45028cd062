//! Where the picture lies: the page's extent in the reader's units, the
//! margins around it (line labels on the left, the legend on the right),
//! and the size it is shown at.

use piano_table::{PageTrace, Rule};

use crate::PageView;

/// Pixels a font size is shown at, whatever the reader's units (points,
/// pixels of a scan, characters of a dump).
const SHOWN_FONT: f32 = 14.0;
/// The left margin, in font sizes: room for "12–14 structure-field".
const LABELS: f32 = 9.0;
/// The top margin, in font sizes: the title, and a dump's column numbers.
const HEADING: f32 = 3.0;
/// The legend's width, in font sizes.
pub const LEGEND: f32 = 12.0;

/// The picture's frame, in the reader's units (origin the page's top left,
/// y growing down, as in [`piano_model::BBox`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// The page's right edge: the rightmost thing drawn, or its image's.
    pub page_right: f32,
    /// The page's bottom edge.
    pub page_bottom: f32,
    /// The body text's font size: what margins and labels are measured in.
    pub unit: f32,
}

impl Frame {
    /// The frame of `view`.
    pub fn of(view: &PageView<'_>) -> Frame {
        let trace = view.trace;
        let unit = body_size(trace);
        let image = view.image.map_or((0.0, 0.0), |i| (i.width, i.height));
        let cells = view.lines().flat_map(|line| &line.cells);
        let rights = trace
            .words
            .iter()
            .map(|word| word.x1)
            .chain(trace.rules.iter().map(|rule| rule_right(*rule)))
            .chain(
                trace
                    .tables
                    .iter()
                    .filter_map(|t| t.columns.last().copied()),
            )
            .chain(cells.filter_map(|cell| cell.bbox.map(|b| b.right)))
            .chain([image.0]);
        let bottoms = view
            .lines()
            .filter_map(|line| line.bbox.map(|b| b.bottom))
            .chain([trace.height, image.1]);
        Frame {
            page_right: finite_max(rights),
            page_bottom: finite_max(bottoms),
            unit,
        }
    }

    /// The `viewBox`: the page with its margins.
    pub fn view_box(&self) -> (f32, f32, f32, f32) {
        let left = -LABELS * self.unit;
        let top = -HEADING * self.unit;
        let width = self.page_right + (1.0 + LEGEND + LABELS) * self.unit;
        let height = self.page_bottom + (1.0 + HEADING) * self.unit;
        (left, top, width, height)
    }

    /// The picture's width and height as shown, in pixels.
    pub fn shown_size(&self) -> (f32, f32) {
        let (_, _, width, height) = self.view_box();
        let scale = SHOWN_FONT / self.unit;
        ((width * scale).ceil(), (height * scale).ceil())
    }

    /// Where the legend starts, right of the page.
    pub fn legend_left(&self) -> f32 {
        self.page_right + self.unit
    }

    /// Where line labels start, left of the page.
    pub fn labels_left(&self) -> f32 {
        -LABELS * self.unit
    }
}

/// The median font size of the page's words; without words, a sixtieth of
/// the page's height (a body size on a printed page), or 1.
fn body_size(trace: &PageTrace) -> f32 {
    let mut sizes: Vec<f32> = trace
        .words
        .iter()
        .map(|word| word.size)
        .filter(|size| size.is_finite() && *size > 0.0)
        .collect();
    sizes.sort_by(f32::total_cmp);
    match sizes.get(sizes.len() / 2) {
        Some(size) => *size,
        None if trace.height.is_finite() && trace.height > 0.0 => trace.height / 60.0,
        None => 1.0,
    }
}

/// The right end of a rule.
fn rule_right(rule: Rule) -> f32 {
    match rule {
        Rule::Horizontal { x0, x1, .. } => x0.max(x1),
        Rule::Vertical { x, .. } => x,
    }
}

/// The largest finite value, or 0.
fn finite_max(values: impl Iterator<Item = f32>) -> f32 {
    values.filter(|v| v.is_finite()).fold(0.0, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::Roles;
    use piano_table::Word;

    fn word(x1: f32, size: f32) -> Word {
        Word {
            text: "a".into(),
            x0: x1 - 1.0,
            x1,
            y: 20.0,
            size,
            confidence: None,
        }
    }

    #[test]
    fn the_frame_holds_every_word_and_rule_and_is_shown_at_a_readable_size() {
        let trace = PageTrace {
            number: 1,
            height: 100.0,
            pitch: None,
            words: vec![word(50.0, 10.0), word(80.0, 12.0), word(30.0, 10.0)],
            rules: vec![Rule::Horizontal {
                y: 90.0,
                x0: 10.0,
                x1: 120.0,
            }],
            tables: Vec::new(),
        };
        let roles = Roles::new();
        let view = PageView {
            trace: &trace,
            lines: &[],
            roles: &roles,
            image: None,
        };
        let frame = Frame::of(&view);
        assert_eq!(frame.unit, 10.0);
        assert_eq!(frame.page_right, 120.0);
        assert_eq!(frame.page_bottom, 100.0);
        assert_eq!(frame.view_box(), (-90.0, -30.0, 340.0, 140.0));
        assert_eq!(frame.shown_size(), (476.0, 196.0));
    }
}
