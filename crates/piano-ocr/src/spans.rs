//! Touching ink grouped by its runs along rows, not pixel by pixel: the
//! boxes of the groups (pixels touching by a side or a corner), as
//! `speckle.rs` groups them, at a fraction of the cost. A page is read once,
//! row by row; each run of ink joins the runs of the row above that it
//! touches (a union-find over runs, not over pixels), so a clean page, with
//! no speck strewn over it, is told so without a map of its pixels.

use image::GrayImage;

/// A run of ink along a row.
#[derive(Debug, Clone, Copy)]
struct Span {
    /// The row.
    y: u32,
    /// The first pixel.
    start: u32,
    /// Past the last pixel.
    end: u32,
}

/// The box of a group of touching ink: its first and last columns and rows
/// (inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// The leftmost column.
    pub left: u32,
    /// The top row.
    pub top: u32,
    /// The rightmost column.
    pub right: u32,
    /// The bottom row.
    pub bottom: u32,
}

/// The boxes of the groups of touching pixels of `image` darker than `ink`,
/// in no particular order.
pub fn groups(image: &GrayImage, ink: u8) -> Vec<Bounds> {
    let width = image.width() as usize;
    let mut spans: Vec<Span> = Vec::new();
    let mut parent: Vec<u32> = Vec::new();
    // The spans of the row above: a range of `spans`.
    let mut above = 0..0;
    for (y, row) in (0..).zip(image.as_raw().chunks_exact(width.max(1))) {
        let first = spans.len();
        push_runs(row, y, ink, &mut spans);
        parent.extend((first..spans.len()).map(|index| index as u32));
        join(&spans, above.clone(), first..spans.len(), &mut parent);
        above = first..spans.len();
    }
    let mut boxes: Vec<Option<Bounds>> = vec![None; spans.len()];
    for (index, span) in (0..).zip(&spans) {
        let root = root(&mut parent, index) as usize;
        let grown = match boxes[root] {
            None => Bounds {
                left: span.start,
                top: span.y,
                right: span.end - 1,
                bottom: span.y,
            },
            Some(bounds) => Bounds {
                left: bounds.left.min(span.start),
                top: bounds.top.min(span.y),
                right: bounds.right.max(span.end - 1),
                bottom: bounds.bottom.max(span.y),
            },
        };
        boxes[root] = Some(grown);
    }
    boxes.into_iter().flatten().collect()
}

/// Pushes the runs of pixels of `row` (row `y`) darker than `ink`.
fn push_runs(row: &[u8], y: u32, ink: u8, spans: &mut Vec<Span>) {
    let mut at = 0;
    while let Some(offset) = row[at..].iter().position(|&pixel| pixel < ink) {
        let start = at + offset;
        let length = row[start..]
            .iter()
            .position(|&pixel| pixel >= ink)
            .unwrap_or(row.len() - start);
        at = start + length;
        spans.push(Span {
            y,
            start: start as u32,
            end: at as u32,
        });
    }
}

/// Joins each span of `below` with the spans of `above` (the row over it)
/// that touch it, by a side or a corner. Both are in order along the row.
fn join(
    spans: &[Span],
    above: std::ops::Range<usize>,
    below: std::ops::Range<usize>,
    parent: &mut [u32],
) {
    let mut over = above.start;
    for index in below {
        let span = spans[index];
        // Spans above ending more than a pixel before this one touch no
        // later span either.
        while over < above.end && spans[over].end < span.start {
            over += 1;
        }
        let mut touching = over;
        while touching < above.end && spans[touching].start <= span.end {
            union(parent, touching as u32, index as u32);
            touching += 1;
        }
    }
}

/// The group `index` is in, its path shortened on the way.
fn root(parent: &mut [u32], mut index: u32) -> u32 {
    while parent[index as usize] != index {
        let up = parent[parent[index as usize] as usize];
        parent[index as usize] = up;
        index = up;
    }
    index
}

/// Puts the groups of `a` and `b` together.
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (a, b) = (root(parent, a), root(parent, b));
    if a != b {
        parent[a.max(b) as usize] = a.min(b);
    }
}

#[cfg(test)]
mod tests {
    use image::Luma;

    use super::*;

    /// The boxes of `image`'s groups, sorted, as (left, top, right, bottom).
    fn sorted(image: &GrayImage) -> Vec<(u32, u32, u32, u32)> {
        let mut boxes: Vec<_> = groups(image, 128)
            .into_iter()
            .map(|b| (b.left, b.top, b.right, b.bottom))
            .collect();
        boxes.sort_unstable();
        boxes
    }

    #[test]
    fn pixels_touching_by_a_corner_are_one_group() {
        let mut image = GrayImage::from_pixel(8, 6, Luma([255]));
        // A diagonal stroke, a U whose arms meet only at its foot, a dot.
        for (x, y) in [(0, 0), (1, 1), (2, 2), (3, 1)] {
            image.put_pixel(x, y, Luma([0]));
        }
        for (x, y) in [(5, 2), (5, 3), (6, 4), (7, 3), (7, 2)] {
            image.put_pixel(x, y, Luma([0]));
        }
        image.put_pixel(0, 5, Luma([100]));
        // Light grey is paper.
        image.put_pixel(2, 5, Luma([128]));
        assert_eq!(sorted(&image), [(0, 0, 3, 2), (0, 5, 0, 5), (5, 2, 7, 4)]);
    }

    #[test]
    fn runs_two_pixels_apart_stay_apart() {
        let mut image = GrayImage::from_pixel(6, 2, Luma([255]));
        image.put_pixel(0, 0, Luma([0]));
        image.put_pixel(2, 1, Luma([0]));
        image.put_pixel(5, 0, Luma([0]));
        image.put_pixel(5, 1, Luma([0]));
        assert_eq!(sorted(&image), [(0, 0, 0, 0), (2, 1, 2, 1), (5, 0, 5, 1)]);
        assert!(groups(&GrayImage::new(0, 0), 128).is_empty());
    }
}
