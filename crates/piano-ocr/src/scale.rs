//! A page's resolution, told from its size as an A4 page, and a coarse
//! page scaled up before recognition.
//!
//! Tesseract reads best at about 300 dpi: at 100 dpi a letter of a table's
//! 9-point type is a few pixels tall, and it reads digits and dots wrong
//! ("31/12/2022" read "3112/2022"). A page coarser than [`FINE`] is
//! scaled up (smoothly) by a whole factor to about [`TARGET`] once it is
//! cleaned, set straight and its rules found and wiped at its own
//! resolution (the rules are crisp there; scaled, their edges are grey),
//! and the rules scaled with it. Its second look (`reread.rs`) is still
//! judged by the resolution it was scanned at.

use image::{GrayImage, imageops};
use piano_table::Rule;

/// The long side of an A4 page, in millimetres, which a page's resolution
/// is told from (a larger page, read as A4, is judged finer than it is).
const A4_LONG: f32 = 297.0;
/// The fewest pixels a millimetre (150 dpi, less a tenth) a page is read at
/// as it comes; a coarser one is scaled up.
pub(crate) const FINE: f32 = 150.0 / 25.4 * 0.9;
/// The pixels a millimetre (300 dpi) a coarse page is scaled up towards.
const TARGET: f32 = 300.0 / 25.4;
/// Under this many pixels a millimetre (75 dpi, less a tenth) an image is
/// no page scanned coarsely but a picture of part of one (a table cut out,
/// a stamp), whose resolution its size does not tell: read as it is.
const COARSEST: f32 = 75.0 / 25.4 * 0.9;

/// The pixels a millimetre of a page `width` by `height` pixels, read as an
/// A4 page (portrait or landscape).
pub(crate) fn per_mm(width: u32, height: u32) -> f32 {
    width.max(height) as f32 / A4_LONG
}

/// How many times a page `width` by `height` pixels is scaled up before it
/// is read: 1 for a page of [`FINE`] or finer, or an image coarser than
/// [`COARSEST`]; else the whole factor nearest to bringing it to
/// [`TARGET`] (3 for 100 dpi), 2 at least.
pub(crate) fn factor(width: u32, height: u32) -> u32 {
    let per_mm = per_mm(width, height);
    if !(COARSEST..FINE).contains(&per_mm) {
        return 1;
    }
    ((TARGET / per_mm).round() as u32).max(2)
}

/// `image` scaled up `factor` times (Catmull-Rom, so that strokes keep
/// smooth edges tesseract thresholds as it would a finer scan).
pub(crate) fn up(image: GrayImage, factor: u32) -> GrayImage {
    if factor <= 1 {
        return image;
    }
    let (width, height) = image.dimensions();
    imageops::resize(
        &image,
        width.saturating_mul(factor),
        height.saturating_mul(factor),
        imageops::FilterType::CatmullRom,
    )
}

/// `rules`, found in a page's image, placed in the image scaled up `factor`
/// times.
pub(crate) fn rules_up(rules: Vec<Rule>, factor: u32) -> Vec<Rule> {
    if factor <= 1 {
        return rules;
    }
    let by = factor as f32;
    rules
        .into_iter()
        .map(|rule| match rule {
            Rule::Horizontal { y, x0, x1 } => Rule::Horizontal {
                y: y * by,
                x0: x0 * by,
                x1: x1 * by,
            },
            Rule::Vertical { x, y0, y1 } => Rule::Vertical {
                x: x * by,
                y0: y0 * by,
                y1: y1 * by,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use image::Luma;

    use super::*;

    #[test]
    fn only_a_page_coarser_than_150_dpi_is_scaled_up() {
        // A4 at 75, 100, 128, 150, 200 and 300 dpi, landscape at 100,
        // and a picture far smaller than a page.
        assert_eq!(factor(620, 877), 4);
        assert_eq!(factor(827, 1169), 3);
        assert_eq!(factor(1063, 1503), 2);
        assert_eq!(factor(1240, 1754), 1);
        assert_eq!(factor(1654, 2339), 1);
        assert_eq!(factor(2480, 3508), 1);
        assert_eq!(factor(1169, 827), 3);
        assert_eq!(factor(400, 300), 1);
        assert_eq!(factor(0, 0), 1);
    }

    #[test]
    fn a_page_and_its_rules_are_scaled_alike() {
        let mut image = GrayImage::from_pixel(10, 20, Luma([255]));
        image.put_pixel(4, 10, Luma([0]));
        let scaled = up(image, 3);
        assert_eq!(scaled.dimensions(), (30, 60));
        // The dark pixel's middle lands where the rule through it does.
        assert!(scaled.get_pixel(13, 31)[0] < 64);
        let rules = vec![Rule::Horizontal {
            y: 10.5,
            x0: 4.0,
            x1: 5.0,
        }];
        assert_eq!(
            rules_up(rules, 3),
            [Rule::Horizontal {
                y: 31.5,
                x0: 12.0,
                x1: 15.0,
            }]
        );
        let same = GrayImage::from_pixel(10, 20, Luma([255]));
        assert_eq!(up(same.clone(), 1), same);
    }
}
