//! Lines the block reading left out: tesseract, reading a page as one
//! block of lines (`--psm 6`), drops lines set far larger than the rest (a
//! plan's title in large type), ink no word's box covers. Such ink, in
//! bands of rows as tall as a line of text at least and wider than tall,
//! is cut out to be read again.

use super::strip::Bounds;
use image::GrayImage;

/// Darker than this is ink.
const INK: u8 = 128;
/// Fewest pixels of uncovered ink in a row for it to hold text.
const ROW_INK: u32 = 2;
/// Most bands read again on one page: past this the page holds pictures,
/// not lines dropped.
const MOST_BANDS: usize = 20;

/// The bands of `image` whose ink none of `words` (boxes) covers, each as
/// tall as `least_height` at least and wider than tall; none when there are
/// more than [`MOST_BANDS`].
pub(super) fn missed_bands(image: &GrayImage, words: &[Bounds], least_height: u32) -> Vec<Bounds> {
    let (width, height) = image.dimensions();
    let mut bands: Vec<Bounds> = Vec::new();
    // The band being gathered: first row, last row, leftmost and rightmost ink.
    let mut open: Option<(u32, u32, u32, u32)> = None;
    for y in 0..height {
        let covering: Vec<(u32, u32)> = words
            .iter()
            .filter(|&&(_, top, _, h)| top <= y && y < top + h)
            .map(|&(left, _, w, _)| (left, left + w))
            .collect();
        let mut count = 0;
        let (mut first, mut last) = (width, 0);
        for x in 0..width {
            if image.get_pixel(x, y)[0] >= INK || covering.iter().any(|&(a, b)| (a..b).contains(&x))
            {
                continue;
            }
            count += 1;
            first = first.min(x);
            last = last.max(x);
        }
        if count >= ROW_INK {
            open = Some(match open {
                Some((top, _, left, right)) => (top, y, left.min(first), right.max(last)),
                None => (y, y, first, last),
            });
            continue;
        }
        if let Some(band) = open.take() {
            bands.extend(kept(band, least_height));
        }
    }
    if let Some(band) = open {
        bands.extend(kept(band, least_height));
    }
    if bands.len() > MOST_BANDS {
        return Vec::new();
    }
    joined(bands)
}

/// `bands` (top to bottom) with those set closer than their height joined
/// into one: the lines of one title, read better together (a word alone on
/// a line reads worse than in its paragraph).
fn joined(bands: Vec<Bounds>) -> Vec<Bounds> {
    let mut joined: Vec<Bounds> = Vec::with_capacity(bands.len());
    for band in bands {
        let (x, y, w, h) = band;
        match joined.last_mut() {
            Some(last) if y < last.1 + last.3 + h.min(last.3) => {
                let (left, top) = (last.0.min(x), last.1);
                let right = (last.0 + last.2).max(x + w);
                let bottom = (last.1 + last.3).max(y + h);
                *last = (left, top, right - left, bottom - top);
            }
            _ => joined.push(band),
        }
    }
    joined
}

/// The band (top, bottom, left, right) as a box, when it is as tall as
/// `least_height` and wider than tall.
fn kept((top, bottom, left, right): (u32, u32, u32, u32), least_height: u32) -> Option<Bounds> {
    let (width, height) = (right + 1 - left, bottom + 1 - top);
    (height >= least_height && width > height).then_some((left, top, width, height))
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::Luma;

    fn ink(image: &mut GrayImage, xs: std::ops::Range<u32>, ys: std::ops::Range<u32>) {
        for x in xs {
            for y in ys.clone() {
                image.put_pixel(x, y, Luma([0]));
            }
        }
    }

    #[test]
    fn ink_no_word_covers_makes_a_band_of_its_rows() {
        let mut page = GrayImage::from_pixel(200, 100, Luma([255]));
        // A line read (covered), a line dropped, a speck, a rule's stub.
        ink(&mut page, 10..150, 10..20);
        ink(&mut page, 20..180, 40..60);
        ink(&mut page, 5..7, 70..72);
        ink(&mut page, 190..192, 75..99);
        let words = [(8, 8, 150, 14)];
        assert_eq!(missed_bands(&page, &words, 8), [(20, 40, 160, 20)]);
    }

    #[test]
    fn lines_closer_than_their_height_make_one_band() {
        let mut page = GrayImage::from_pixel(200, 120, Luma([255]));
        ink(&mut page, 10..150, 10..30);
        ink(&mut page, 10..60, 40..60);
        ink(&mut page, 10..90, 100..120);
        assert_eq!(
            missed_bands(&page, &[], 8),
            [(10, 10, 140, 50), (10, 100, 80, 20)]
        );
    }

    #[test]
    fn a_page_of_many_bands_is_a_picture_not_lines_dropped() {
        let mut page = GrayImage::from_pixel(200, 400, Luma([255]));
        for band in 0..25 {
            ink(&mut page, 10..100, band * 15..band * 15 + 10);
        }
        assert!(missed_bands(&page, &[], 8).is_empty());
    }
}
