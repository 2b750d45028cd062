//! Pages whose text runs up or down (a table printed sideways without a
//! `/Rotate` to set it upright) are turned so that most text reads left to
//! right before the rebuild, rules included.

use crate::interpret::{Glyph, Marks, Rule};

/// The ways text can run on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Right,
    Down,
    Up,
    Left,
}

fn run_of(glyph: &Glyph) -> Run {
    let [(ax, ay), (bx, by)] = glyph.run;
    let (dx, dy) = (bx - ax, by - ay);
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 { Run::Right } else { Run::Left }
    } else if dy > 0.0 {
        Run::Down
    } else {
        Run::Up
    }
}

/// Maps a point `(x, y)` of a `width` × `height` page into the turned page.
type Turn = fn(f32, f32, f32, f32) -> (f32, f32);

/// Turns the page so that its dominant text direction reads left to right;
/// returns the page's width and height as turned.
pub(crate) fn upright(marks: &mut Marks, width: f32, height: f32) -> (f32, f32) {
    let mut counts = [0usize; 4];
    for glyph in &marks.glyphs {
        counts[run_of(glyph) as usize] += 1;
    }
    let dominant = [Run::Right, Run::Down, Run::Up, Run::Left]
        .into_iter()
        .max_by_key(|run| (counts[*run as usize], *run == Run::Right))
        .unwrap_or(Run::Right);
    let (turn, size): (Turn, (f32, f32)) = match dominant {
        Run::Right => return (width, height),
        Run::Down => (|x, y, w, _| (y, w - x), (height, width)),
        Run::Up => (|x, y, _, h| (h - y, x), (height, width)),
        Run::Left => (|x, y, w, h| (w - x, h - y), (width, height)),
    };
    let point = |(x, y): (f32, f32)| turn(x, y, width, height);
    for glyph in &mut marks.glyphs {
        let [a, b] = glyph.run.map(point);
        glyph.run = [a, b];
        glyph.x0 = a.0.min(b.0);
        glyph.x1 = a.0.max(b.0);
        glyph.y = (a.1 + b.1) / 2.0;
    }
    for rule in &mut marks.rules {
        let (a, b) = match *rule {
            Rule::Horizontal { y, x0, x1 } => (point((x0, y)), point((x1, y))),
            Rule::Vertical { x, y0, y1 } => (point((x, y0)), point((x, y1))),
        };
        *rule = if (a.1 - b.1).abs() < (a.0 - b.0).abs() {
            Rule::Horizontal {
                y: (a.1 + b.1) / 2.0,
                x0: a.0.min(b.0),
                x1: a.0.max(b.0),
            }
        } else {
            Rule::Vertical {
                x: (a.0 + b.0) / 2.0,
                y0: a.1.min(b.1),
                y1: a.1.max(b.1),
            }
        };
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(a: (f32, f32), b: (f32, f32)) -> Glyph {
        Glyph {
            text: "a".into(),
            x0: a.0.min(b.0),
            x1: a.0.max(b.0),
            y: (a.1 + b.1) / 2.0,
            size: 10.0,
            run: [a, b],
            invisible: false,
        }
    }

    #[test]
    fn text_running_up_is_turned_to_read_left_to_right() {
        // On a 600 × 800 page, a line running up from (100, 500) to (100, 480).
        let mut marks = Marks::default();
        marks.glyphs.push(glyph((100.0, 500.0), (100.0, 490.0)));
        marks.glyphs.push(glyph((100.0, 490.0), (100.0, 480.0)));
        marks.rules.push(Rule::Vertical {
            x: 90.0,
            y0: 400.0,
            y1: 600.0,
        });
        let size = upright(&mut marks, 600.0, 800.0);
        assert_eq!(size, (800.0, 600.0));
        let first = &marks.glyphs[0];
        assert!(
            first.x0 < marks.glyphs[1].x0,
            "reading order is left to right"
        );
        assert_eq!((first.x0, first.x1, first.y), (300.0, 310.0, 100.0));
        assert!(matches!(marks.rules[0], Rule::Horizontal { y, .. } if y == 90.0));
    }

    #[test]
    fn upright_pages_are_left_alone() {
        let mut marks = Marks::default();
        marks.glyphs.push(glyph((10.0, 50.0), (20.0, 50.0)));
        assert_eq!(upright(&mut marks, 600.0, 800.0), (600.0, 800.0));
        assert_eq!(marks.glyphs[0].x0, 10.0);
    }
}
