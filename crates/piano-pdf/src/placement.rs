//! Where an image is drawn on a page. Its matrix maps the unit square (the
//! image's pixels, first row at the top) onto the page as read (origin
//! top-left, y down, after `/Rotate`); a scan is drawn upright, turned by a
//! quarter or half turn, or mirrored, so the matrix says two things: the turn
//! that sets the pixels upright on the page, and the box they fill.

use image::GrayImage;
use image::imageops;

use crate::geometry::Matrix;

/// How an image's pixels are turned to stand as they are seen on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Turn {
    /// Drawn as stored.
    Upright,
    /// Mirrored left to right.
    MirrorX,
    /// Mirrored top to bottom.
    MirrorY,
    /// A half turn.
    Half,
    /// A quarter turn clockwise.
    Clockwise,
    /// A quarter turn anticlockwise.
    Anticlockwise,
    /// Rows drawn as columns (mirrored over the main diagonal).
    Transpose,
    /// Rows drawn as columns the other way (mirrored over the other diagonal).
    AntiTranspose,
}

/// An image's place on a page, in the page's coordinates (points).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placement {
    turn: Turn,
    /// Left edge of the box the image fills.
    pub left: f32,
    /// Top edge.
    pub top: f32,
    /// Width of the box.
    pub width: f32,
    /// Height of the box.
    pub height: f32,
}

/// Which way a direction on the page mostly goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Axis {
    Right,
    Left,
    Down,
    Up,
}

fn axis(dx: f32, dy: f32) -> Axis {
    if dx.abs() >= dy.abs() {
        if dx >= 0.0 { Axis::Right } else { Axis::Left }
    } else if dy >= 0.0 {
        Axis::Down
    } else {
        Axis::Up
    }
}

impl Placement {
    /// The placement of an image drawn with `matrix` (unit square to the
    /// page as read). A slanted matrix is taken at its nearest quarter turn.
    pub fn of(matrix: &Matrix) -> Placement {
        // Along a row the column grows with u; down the image the row grows
        // as v falls.
        let along_row = axis(matrix.a, matrix.b);
        let down_column = axis(-matrix.c, -matrix.d);
        let turn = match (along_row, down_column) {
            (Axis::Left, Axis::Down) => Turn::MirrorX,
            (Axis::Right, Axis::Up) => Turn::MirrorY,
            (Axis::Left, Axis::Up) => Turn::Half,
            (Axis::Down, Axis::Left) => Turn::Clockwise,
            (Axis::Up, Axis::Right) => Turn::Anticlockwise,
            (Axis::Down, Axis::Right) => Turn::Transpose,
            (Axis::Up, Axis::Left) => Turn::AntiTranspose,
            _ => Turn::Upright,
        };
        let corners =
            [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)].map(|(u, v)| matrix.apply(u, v));
        let xs = corners.map(|(x, _)| x);
        let ys = corners.map(|(_, y)| y);
        let (left, right) = (min(xs), max(xs));
        let (top, bottom) = (min(ys), max(ys));
        Placement {
            turn,
            left,
            top,
            width: right - left,
            height: bottom - top,
        }
    }

    /// The upright box covering every one of `placements` (pictures drawn
    /// together make one page bitmap), clipped to a `width` × `height` page
    /// unless none of them is on it; `None` when there are none.
    pub fn covering(placements: &[Placement], width: f32, height: f32) -> Option<Placement> {
        if placements.is_empty() {
            return None;
        }
        let edges = |edge: fn(&Placement) -> f32| placements.iter().map(edge);
        let left = edges(|p| p.left).fold(f32::INFINITY, f32::min);
        let top = edges(|p| p.top).fold(f32::INFINITY, f32::min);
        let right = edges(|p| p.left + p.width).fold(f32::NEG_INFINITY, f32::max);
        let bottom = edges(|p| p.top + p.height).fold(f32::NEG_INFINITY, f32::max);
        let whole = Placement {
            turn: Turn::Upright,
            left,
            top,
            width: right - left,
            height: bottom - top,
        };
        let (left, top) = (left.max(0.0), top.max(0.0));
        let (right, bottom) = (right.min(width), bottom.min(height));
        if right <= left || bottom <= top {
            return Some(whole);
        }
        Some(Placement {
            turn: Turn::Upright,
            left,
            top,
            width: right - left,
            height: bottom - top,
        })
    }

    /// The area of the box, clipped to a `width` × `height` page.
    pub fn area_within(&self, width: f32, height: f32) -> f32 {
        let across = (self.left + self.width).min(width) - self.left.max(0.0);
        let down = (self.top + self.height).min(height) - self.top.max(0.0);
        across.max(0.0) * down.max(0.0)
    }

    /// `image` turned as it stands on the page.
    pub fn upright(&self, image: GrayImage) -> GrayImage {
        match self.turn {
            Turn::Upright => image,
            Turn::MirrorX => imageops::flip_horizontal(&image),
            Turn::MirrorY => imageops::flip_vertical(&image),
            Turn::Half => imageops::rotate180(&image),
            Turn::Clockwise => imageops::rotate90(&image),
            Turn::Anticlockwise => imageops::rotate270(&image),
            Turn::Transpose => imageops::flip_horizontal(&imageops::rotate90(&image)),
            Turn::AntiTranspose => imageops::flip_horizontal(&imageops::rotate270(&image)),
        }
    }

    /// Maps a point of the upright image, `columns` × `rows` pixels, to the
    /// page. One scale serves both directions (a scan's pixels are square),
    /// so that a picture recognition read turned a quarter (a page scanned
    /// sideways) keeps its words' proportions.
    pub fn page_point(&self, columns: u32, rows: u32) -> impl Fn(f32, f32) -> (f32, f32) + use<> {
        let scale = self.scale(columns, rows);
        let (left, top) = (self.left, self.top);
        move |x, y| (left + x * scale, top + y * scale)
    }

    /// How many points of the page one pixel of a `columns` × `rows` image
    /// drawn here spans: the box's area over the image's, as a length.
    pub fn scale(&self, columns: u32, rows: u32) -> f32 {
        let pixels = columns.max(1) as f32 * rows.max(1) as f32;
        (self.width * self.height / pixels).sqrt()
    }
}

fn min(values: [f32; 4]) -> f32 {
    values.into_iter().fold(f32::INFINITY, f32::min)
}

fn max(values: [f32; 4]) -> f32 {
    values.into_iter().fold(f32::NEG_INFINITY, f32::max)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geometry::page_matrix;

    /// A 3 × 2 image whose top-left pixel is black, the rest white.
    fn marked() -> GrayImage {
        let mut image = GrayImage::from_pixel(3, 2, image::Luma([255]));
        image.put_pixel(0, 0, image::Luma([0]));
        image
    }

    /// Where the black pixel of `marked` stands once set upright.
    fn black_at(image: &GrayImage) -> (u32, u32) {
        image
            .enumerate_pixels()
            .find(|(_, _, pixel)| pixel.0 == [0])
            .map(|(x, y, _)| (x, y))
            .expect("one black pixel")
    }

    /// The placement of an image drawn by `cm` on an upright A4 page.
    fn drawn(cm: [f32; 6], rotate: i64) -> Placement {
        let (page, _, _) = page_matrix([0.0, 0.0, 595.0, 842.0], rotate);
        Placement::of(&Matrix::new(cm).then(&page))
    }

    #[test]
    fn an_image_drawn_over_the_page_fills_it_upright() {
        let placement = drawn([595.0, 0.0, 0.0, 842.0, 0.0, 0.0], 0);
        assert_eq!(placement.turn, Turn::Upright);
        assert_eq!((placement.left, placement.top), (0.0, 0.0));
        assert_eq!((placement.width, placement.height), (595.0, 842.0));
        assert_eq!(black_at(&placement.upright(marked())), (0, 0));
        // A scan of 1190 × 1684 pixels: two a point.
        let to_page = placement.page_point(1190, 1684);
        assert_eq!(to_page(1190.0, 1684.0), (595.0, 842.0));
        // Read turned a quarter, its words keep their proportions.
        let turned = placement.page_point(1684, 1190);
        assert_eq!(turned(100.0, 100.0), (50.0, 50.0));
    }

    #[test]
    fn a_page_rotated_by_90_turns_its_image_clockwise() {
        // A portrait image on a portrait page shown turned a quarter clockwise.
        let placement = drawn([595.0, 0.0, 0.0, 842.0, 0.0, 0.0], 90);
        assert_eq!(placement.turn, Turn::Clockwise);
        assert_eq!((placement.width, placement.height), (842.0, 595.0));
        let upright = placement.upright(marked());
        assert_eq!(upright.dimensions(), (2, 3));
        // The image's top-left corner is the page's top-right once turned.
        assert_eq!(black_at(&upright), (1, 0));
    }

    #[test]
    fn a_matrix_turning_the_image_is_undone() {
        // Drawn a quarter turn anticlockwise: its top row runs up the page's left edge.
        let placement = drawn([0.0, 500.0, -300.0, 0.0, 400.0, 100.0], 0);
        assert_eq!(placement.turn, Turn::Anticlockwise);
        assert_eq!((placement.left, placement.width), (100.0, 300.0));
        let upright = placement.upright(marked());
        assert_eq!(upright.dimensions(), (2, 3));
        assert_eq!(black_at(&upright), (0, 2));
        // Mirrored top to bottom (a negative height).
        let mirrored = drawn([595.0, 0.0, 0.0, -842.0, 0.0, 842.0], 0);
        assert_eq!(mirrored.turn, Turn::MirrorY);
        assert_eq!(black_at(&mirrored.upright(marked())), (0, 1));
    }

    #[test]
    fn pictures_drawn_together_are_covered_by_one_upright_box() {
        let top = drawn([595.0, 0.0, 0.0, 421.0, 0.0, 421.0], 0);
        let bottom = drawn([595.0, 0.0, 0.0, 421.0, 0.0, 0.0], 0);
        let both = Placement::covering(&[top, bottom], 595.0, 842.0).expect("a box");
        assert_eq!(both.turn, Turn::Upright);
        assert_eq!(
            (both.left, both.top, both.width, both.height),
            (0.0, 0.0, 595.0, 842.0)
        );
        // Clipped to the page, unless nothing is on it.
        let wide = drawn([700.0, 0.0, 0.0, 842.0, -105.0, 0.0], 0);
        let clipped = Placement::covering(&[wide], 595.0, 842.0).expect("a box");
        assert_eq!((clipped.left, clipped.width), (0.0, 595.0));
        let off = drawn([100.0, 0.0, 0.0, 100.0, 1000.0, 0.0], 0);
        let kept = Placement::covering(&[off], 595.0, 842.0).expect("a box");
        assert_eq!((kept.left, kept.width), (1000.0, 100.0));
        assert_eq!(Placement::covering(&[], 595.0, 842.0), None);
    }

    #[test]
    fn the_area_is_clipped_to_the_page() {
        let placement = drawn([700.0, 0.0, 0.0, 842.0, -105.0, 0.0], 0);
        assert_eq!(placement.area_within(595.0, 842.0), 595.0 * 842.0);
        let small = drawn([100.0, 0.0, 0.0, 50.0, 10.0, 10.0], 0);
        assert_eq!(small.area_within(595.0, 842.0), 5000.0);
    }
}
