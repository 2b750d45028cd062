//! Small skew (a page fed in at a slant, up to [`MAX_SKEW`] degrees) set
//! straight before recognition: the rebuild reads a table row by its words'
//! baselines, and one degree over a page's width moves a row's last cell a
//! whole line down.
//!
//! The angle is found by projection profiles: the dark pixels are counted
//! along lines at each candidate slant; lines of text make the counts most
//! uneven (full on a line of text, empty between lines) when they run along
//! them. The page is then turned back by that angle.

use image::{GrayImage, Luma, imageops};

/// The largest skew looked for, in degrees either way.
const MAX_SKEW: f32 = 2.0;
/// The step between candidate angles, in degrees.
const STEP: f32 = 0.1;
/// The least skew set straight, in degrees: less moves a row's end by under
/// a third of a line across a page, and is within the estimate's noise.
const MIN_SKEW: f32 = 0.25;
/// Darker than this is ink.
const INK: u8 = 128;
/// Pixels sampled along each direction for the estimate: about this many
/// columns of the page (a page of 2,500 pixels is sampled one in three).
const SAMPLED_COLUMNS: u32 = 800;

/// `image` turned straight, when it is skewed by [`MIN_SKEW`] or more.
pub fn straighten(image: GrayImage) -> GrayImage {
    let angle = skew(&image);
    if angle.abs() < MIN_SKEW {
        return image;
    }
    rotate(&image, -angle)
}

/// The skew of `image`'s lines of text, in degrees (positive when they
/// run down to the right), to the nearest [`STEP`].
fn skew(image: &GrayImage) -> f32 {
    let (width, height) = image.dimensions();
    let stride = (width / SAMPLED_COLUMNS).max(1);
    let ink: Vec<(f32, f32)> = (0..height)
        .step_by(stride as usize)
        .flat_map(|y| (0..width).step_by(stride as usize).map(move |x| (x, y)))
        .filter(|&(x, y)| image.get_pixel(x, y).0[0] < INK)
        .map(|(x, y)| (x as f32, y as f32))
        .collect();
    let steps = (MAX_SKEW / STEP).round() as i32;
    let bins = height as usize / stride as usize + 2 * width as usize / stride as usize + 1;
    let mut counts = vec![0u32; bins];
    let mut best = (0.0f32, 0u64);
    for index in -steps..=steps {
        let angle = index as f32 * STEP;
        let slope = angle.to_radians().tan();
        counts.iter_mut().for_each(|count| *count = 0);
        for &(x, y) in &ink {
            // The line through the point at this slant, by where it meets x = 0.
            let line = ((y - x * slope) / stride as f32) as isize + (width / stride) as isize;
            if let Some(count) = usize::try_from(line)
                .ok()
                .and_then(|line| counts.get_mut(line))
            {
                *count += 1;
            }
        }
        let unevenness = counts
            .iter()
            .map(|&c| u64::from(c) * u64::from(c))
            .sum::<u64>();
        // Ties go to the smaller angle: a page with no lines stays as it is.
        if unevenness > best.1 || (unevenness == best.1 && angle.abs() < best.0.abs()) {
            best = (angle, unevenness);
        }
    }
    best.0
}

/// `image` turned by `degrees` (positive: clockwise, as y runs down) about
/// its centre, corners filled white.
fn rotate(image: &GrayImage, degrees: f32) -> GrayImage {
    let (width, height) = image.dimensions();
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (width as f32 / 2.0, height as f32 / 2.0);
    GrayImage::from_fn(width, height, |x, y| {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        // The source of this pixel: turned back by the angle.
        let (sx, sy) = (cx + dx * cos + dy * sin, cy - dx * sin + dy * cos);
        imageops::interpolate_bilinear(image, sx, sy).unwrap_or(Luma([255]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white page with dark bars like lines of text, slanting `degrees`.
    fn lines(degrees: f32) -> GrayImage {
        let slope = degrees.to_radians().tan();
        GrayImage::from_fn(600, 400, |x, y| {
            let along = y as f32 - x as f32 * slope;
            let on_line = along.rem_euclid(24.0) < 8.0 && x % 10 < 7;
            Luma([if on_line { 0 } else { 255 }])
        })
    }

    #[test]
    fn the_skew_of_lines_of_text_is_found() {
        for degrees in [0.0, 0.5, -0.8, 1.5] {
            let found = skew(&lines(degrees));
            assert!((found - degrees).abs() <= STEP, "{degrees}: {found}");
        }
    }

    #[test]
    fn a_skewed_page_is_set_straight() {
        let straight = straighten(lines(1.0));
        assert!(skew(&straight).abs() <= STEP, "{}", skew(&straight));
        assert_eq!(straight.dimensions(), (600, 400));
    }

    #[test]
    fn a_blank_or_straight_page_is_left_as_it_is() {
        let blank = GrayImage::from_pixel(50, 40, Luma([255]));
        assert!(straighten(blank.clone()) == blank, "a blank page is turned");
        let page = lines(0.0);
        assert!(
            straighten(page.clone()) == page,
            "a straight page is turned"
        );
    }
}
