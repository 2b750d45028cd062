//! Speckle wiped before recognition: a scan of a dusty glass, or a
//! photocopy of a photocopy, strews the page with dark specks that
//! tesseract reads as stray punctuation or as lines of text of their own,
//! breaking the rows the rebuild reads. A speck is a group of dark pixels
//! (touching by a side or a corner) too small to be a letter's stroke, with
//! no larger ink near it and little ink of any kind: a full stop, the dot of
//! an *i* and a decimal point stand beside their letters, and the dots of a
//! dotted rule or of a shaded cell scanned bilevel (dithered) stand close
//! together, so they stay; specks strewn over the paper go. A table's rule
//! is no such larger ink: it is wiped before recognition (`rules.rs`), and
//! the specks it sheltered would be left beside the words of its cells
//! (tesseract reads them into the words, as `i`, `'` or `.`). Specks are so
//! told on the page with its rules wiped; and the rules specks of paper
//! pierced are mended (`rules.rs`), so that each is then found and wiped
//! whole. A speck that fell against a letter touching it by one corner
//! only is a pixel of ink whose one neighbour of ink is diagonal: a
//! letter's strokes meet by their sides, and tesseract reads the letter
//! with such a speck as another ("e" as "hi"), so it goes too.
//!
//! Only a page strewn with specks is cleaned: one whose specks lie in most
//! of its squares of [`TILE`] millimetres. A clean scan is left exactly as
//! it is, so its reading does not change: the dots of a shaded cell
//! scanned bilevel (dithered) fill only the cells, and wiping them was
//! measured to make some clean scans read worse (`scripts/scan-calibration.sh`).
//!
//! Sizes are in millimetres of the page, its resolution told from its size
//! (read as an A4 page, portrait or landscape), so that a 100 dpi scan and
//! a 300 dpi one are cleaned alike.

use image::GrayImage;

use crate::{rules, scale, spans};

/// Darker than this is ink.
const INK: u8 = 128;
/// The longest side of a speck, in millimetres (a full stop of 10-point
/// text is about 0.4).
const SPECK: f32 = 0.3;
/// How far a speck lies from any larger ink, in millimetres, at least.
const CLEAR: f32 = 1.0;
/// The most ink, besides its own, around a speck (within [`CLEAR`]), as a
/// share of that square: random specks are sparser, dotted rules and
/// dithered shades denser.
const SPARSE: f32 = 0.03;
/// The side of the squares a page is cut into to tell whether specks are
/// strewn over it, in millimetres.
const TILE: f32 = 10.0;
/// The share of a page's squares holding a speck for the page to be
/// strewn with them.
const STREWN: f32 = 0.5;

/// What a pixel is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pixel {
    /// Lighter than ink.
    Paper,
    /// Ink not yet grouped.
    Ink,
    /// Ink of a group too large to be a speck.
    Large,
    /// Ink of a speck.
    Speck,
}

/// A speck: its pixels (a range of [`Specks::pixels`]) and the box around them.
#[derive(Debug, Clone, Copy)]
struct Speck {
    pixels: (usize, usize),
    left: usize,
    top: usize,
    right: usize,
    bottom: usize,
}

/// `image` with its specks wiped white, so that tesseract reads no stray
/// marks from them; every page image is cleaned so before it is recognised
/// (a PDF's pictures too: piano-run hands them through it).
pub fn despeckle(mut image: GrayImage) -> GrayImage {
    let (width, height) = (image.width() as usize, image.height() as usize);
    if width == 0 || height == 0 {
        return image;
    }
    // A larger page than A4, read as one, is cleaned more cautiously.
    let per_mm = scale::per_mm(image.width(), image.height());
    let speck = (SPECK * per_mm).ceil().max(1.0) as usize;
    let clear = (CLEAR * per_mm).round().max(1.0) as usize;
    let tile = (TILE * per_mm).round().max(1.0) as usize;
    let (across, down) = (width.div_ceil(tile), height.div_ceil(tile));
    // The lone specks are some of the page's specks: when these are not
    // strewn over it, neither are they. The specks are told first from the
    // boxes of the groups of ink (`spans.rs`, a fraction of the cost of a
    // map of the page's pixels); most pages have none strewn, and are left
    // as they are.
    let specks = spans::groups(&image, INK)
        .into_iter()
        .filter(|group| {
            ((group.right - group.left) as usize) < speck
                && ((group.bottom - group.top) as usize) < speck
        })
        .map(|group| (group.left as usize, group.top as usize));
    if !strewn(specks, across, down, tile) {
        return image;
    }
    let mut unruled = image.clone();
    rules::mend_rules(&mut unruled);
    rules::take_rules(&mut unruled);
    let mut pixels = ink_map(&unruled);
    let specks = group(&mut pixels, width, speck);
    let large = Counts::of(&pixels, width, height, |pixel| pixel == Pixel::Large);
    let all = Counts::of(&pixels, width, height, |pixel| pixel != Pixel::Paper);
    let lone: Vec<Speck> = specks
        .found
        .iter()
        .filter(|found| {
            let left = found.left.saturating_sub(clear);
            let top = found.top.saturating_sub(clear);
            let right = (found.right + clear).min(width - 1);
            let bottom = (found.bottom + clear).min(height - 1);
            let around = ((right - left + 1) * (bottom - top + 1)) as f32;
            let own = (found.pixels.1 - found.pixels.0) as u32;
            let others = all.within(left, top, right, bottom).saturating_sub(own);
            large.within(left, top, right, bottom) == 0 && others as f32 <= SPARSE * around
        })
        .copied()
        .collect();
    if !strewn(
        lone.iter().map(|found| (found.left, found.top)),
        across,
        down,
        tile,
    ) {
        return image;
    }
    let raw = image.as_mut();
    for found in &lone {
        for &index in &specks.pixels[found.pixels.0..found.pixels.1] {
            raw[index] = 255;
        }
    }
    wipe_corner_specks(&mut image);
    rules::mend_rules(&mut image);
    image
}

/// Whitens each pixel of ink of `image` whose one neighbour of ink touches
/// it by a corner (all told on the page as it was, so that a diagonal
/// stroke loses its ends only).
fn wipe_corner_specks(image: &mut GrayImage) {
    let (width, height) = (image.width() as usize, image.height() as usize);
    let pixels = image.as_raw();
    let ink = |x: usize, y: usize| x < width && y < height && pixels[y * width + x] < INK;
    let mut corners = Vec::new();
    for y in 0..height {
        for x in 0..width {
            if !ink(x, y) {
                continue;
            }
            let mut touching = neighbours(x, y).filter(|&(nx, ny)| ink(nx, ny));
            if let (Some((nx, ny)), None) = (touching.next(), touching.next())
                && nx != x
                && ny != y
            {
                corners.push(y * width + x);
            }
        }
    }
    let raw = image.as_mut();
    for index in corners {
        raw[index] = 255;
    }
}

/// Whether specks at the top-left `corners` of their boxes lie in
/// [`STREWN`] of the squares of `tile` pixels a page of `across` × `down` of
/// them is cut into, or more.
fn strewn(
    corners: impl Iterator<Item = (usize, usize)>,
    across: usize,
    down: usize,
    tile: usize,
) -> bool {
    let mut holding = vec![false; across * down];
    for (left, top) in corners {
        holding[top / tile * across + left / tile] = true;
    }
    let held = holding.iter().filter(|&&held| held).count();
    held as f32 >= STREWN * holding.len() as f32
}

/// The specks of a page: every pixel of each, one after another, and each speck.
#[derive(Debug, Default)]
struct Specks {
    pixels: Vec<usize>,
    found: Vec<Speck>,
}

/// Each pixel of `image` as ink (darker than [`INK`]) or paper.
fn ink_map(image: &GrayImage) -> Vec<Pixel> {
    image
        .pixels()
        .map(|p| {
            if p.0[0] < INK {
                Pixel::Ink
            } else {
                Pixel::Paper
            }
        })
        .collect()
}

/// Groups the ink of `pixels` (rows of `width`) into touching groups, each
/// marked [`Pixel::Speck`] when neither side of its box is longer than
/// `speck` pixels, else [`Pixel::Large`]; the specks found.
fn group(pixels: &mut [Pixel], width: usize, speck: usize) -> Specks {
    let mut specks = Specks::default();
    let mut stack = Vec::new();
    let mut members = Vec::new();
    for start in 0..pixels.len() {
        if pixels[start] != Pixel::Ink {
            continue;
        }
        let (x, y) = (start % width, start / width);
        let mut found = Speck {
            pixels: (0, 0),
            left: x,
            top: y,
            right: x,
            bottom: y,
        };
        members.clear();
        pixels[start] = Pixel::Large;
        stack.push(start);
        while let Some(index) = stack.pop() {
            let (x, y) = (index % width, index / width);
            members.push(index);
            found.left = found.left.min(x);
            found.right = found.right.max(x);
            found.top = found.top.min(y);
            found.bottom = found.bottom.max(y);
            for (nx, ny) in neighbours(x, y) {
                let next = ny * width + nx;
                if nx < width && pixels.get(next) == Some(&Pixel::Ink) {
                    pixels[next] = Pixel::Large;
                    stack.push(next);
                }
            }
        }
        if found.right - found.left < speck && found.bottom - found.top < speck {
            let first = specks.pixels.len();
            for &index in &members {
                pixels[index] = Pixel::Speck;
            }
            specks.pixels.extend_from_slice(&members);
            found.pixels = (first, specks.pixels.len());
            specks.found.push(found);
        }
    }
    specks
}

/// The eight pixels around (`x`, `y`), those before the page's top or left
/// edge left out (those past the right or bottom edge are the caller's to
/// leave out).
fn neighbours(x: usize, y: usize) -> impl Iterator<Item = (usize, usize)> {
    [
        (-1, -1),
        (0, -1),
        (1, -1),
        (-1, 0),
        (1, 0),
        (-1, 1),
        (0, 1),
        (1, 1),
    ]
    .into_iter()
    .filter_map(move |(dx, dy): (isize, isize)| {
        Some((x.checked_add_signed(dx)?, y.checked_add_signed(dy)?))
    })
}

/// How many pixels of some kind of ink lie in any box of a page, at once:
/// the counts over every box from the page's top-left corner (a
/// summed-area table).
#[derive(Debug)]
struct Counts {
    /// One row and one column more than the page: `sums[y][x]` counts the
    /// ink above row `y` and left of column `x`.
    sums: Vec<u32>,
    stride: usize,
}

impl Counts {
    /// The counts of the `pixels` (rows of `width`) that are `counted`.
    fn of(pixels: &[Pixel], width: usize, height: usize, counted: fn(Pixel) -> bool) -> Counts {
        let stride = width + 1;
        let mut sums = vec![0u32; stride * (height + 1)];
        for y in 0..height {
            let mut row = 0u32;
            for x in 0..width {
                row += u32::from(counted(pixels[y * width + x]));
                sums[(y + 1) * stride + x + 1] = sums[y * stride + x + 1] + row;
            }
        }
        Counts { sums, stride }
    }

    /// The ink in the box from (`left`, `top`) to (`right`, `bottom`), inclusive.
    fn within(&self, left: usize, top: usize, right: usize, bottom: usize) -> u32 {
        let at = |x: usize, y: usize| self.sums[y * self.stride + x];
        at(right + 1, bottom + 1) + at(left, top) - at(left, bottom + 1) - at(right + 1, top)
    }
}

#[cfg(test)]
mod tests {
    use image::Luma;

    use super::*;

    /// A white A4 page at 100 dpi (about 4 pixels a millimetre).
    fn page() -> GrayImage {
        GrayImage::from_pixel(827, 1169, Luma([255]))
    }

    /// Paints the box from (`x`, `y`), `width` × `height` pixels, black.
    fn ink(image: &mut GrayImage, x: u32, y: u32, width: u32, height: u32) {
        for dy in 0..height {
            for dx in 0..width {
                image.put_pixel(x + dx, y + dy, Luma([0]));
            }
        }
    }

    /// Strews one-pixel specks over `image`, every `step` pixels each way.
    fn strew(image: &mut GrayImage, step: u32) {
        for y in (3..image.height()).step_by(step as usize) {
            for x in (3..image.width()).step_by(step as usize) {
                image.put_pixel(x, y, Luma([0]));
            }
        }
    }

    #[test]
    fn specks_strewn_away_from_text_are_wiped() {
        let mut image = page();
        strew(&mut image, 30);
        // A letter's stem, 2 × 12 pixels, and a full stop beside it.
        ink(&mut image, 100, 100, 2, 12);
        ink(&mut image, 104, 110, 1, 1);
        // The dot of an i above its stem.
        ink(&mut image, 200, 100, 1, 1);
        ink(&mut image, 200, 103, 1, 9);
        // A speck of two pixels, two side by side.
        ink(&mut image, 400, 400, 2, 1);
        ink(&mut image, 600, 600, 1, 1);
        ink(&mut image, 603, 601, 1, 1);
        let clean = despeckle(image.clone());
        for (x, y) in [(104, 110), (200, 100), (100, 100), (200, 105)] {
            assert_eq!(clean.get_pixel(x, y).0, [0], "({x}, {y}) is text, wiped");
        }
        for (x, y) in [(33, 33), (400, 400), (401, 400), (600, 600), (603, 601)] {
            assert_eq!(
                clean.get_pixel(x, y).0,
                [255],
                "({x}, {y}) is a speck, kept"
            );
        }
    }

    #[test]
    fn specks_beside_a_rule_are_wiped_and_the_rule_kept() {
        let mut image = page();
        strew(&mut image, 30);
        // A rule across the page, specks 3 pixels above and below it.
        ink(&mut image, 40, 500, 700, 1);
        ink(&mut image, 300, 497, 1, 1);
        ink(&mut image, 450, 504, 1, 1);
        // A hole a speck of paper pierced in it.
        image.put_pixel(200, 500, Luma([255]));
        let clean = despeckle(image.clone());
        for (x, y) in [(300, 497), (450, 504)] {
            assert_eq!(
                clean.get_pixel(x, y).0,
                [255],
                "({x}, {y}) is a speck, kept"
            );
        }
        assert!(
            (40..740).all(|x| clean.get_pixel(x, 500).0 == [0]),
            "the rule was wiped, or left pierced"
        );
    }

    #[test]
    fn a_speck_touching_a_letter_by_a_corner_is_wiped() {
        let mut image = page();
        strew(&mut image, 30);
        // A letter's bowl, and a speck at its bottom right corner.
        ink(&mut image, 100, 100, 8, 10);
        ink(&mut image, 108, 110, 1, 1);
        // A diagonal stroke a pixel wide: it loses its ends only.
        for step in 0..6 {
            ink(&mut image, 200 + step, 100 + step, 1, 1);
        }
        let clean = despeckle(image.clone());
        assert_eq!(clean.get_pixel(108, 110).0, [255], "the speck was kept");
        assert_eq!(clean.get_pixel(107, 109).0, [0], "the letter lost a pixel");
        for step in 1..5 {
            let (x, y) = (200 + step, 100 + step);
            assert_eq!(clean.get_pixel(x, y).0, [0], "({x}, {y}) was wiped");
        }
    }

    #[test]
    fn a_page_not_strewn_with_specks_stays_as_it_is() {
        let mut image = page();
        ink(&mut image, 50, 50, 700, 2);
        ink(&mut image, 50, 60, 30, 30);
        // A few specks, and a shaded cell scanned bilevel (dots a pixel apart).
        ink(&mut image, 400, 400, 1, 1);
        ink(&mut image, 500, 900, 1, 1);
        for y in (300..340).step_by(2) {
            for x in (100..700).step_by(2) {
                image.put_pixel(x, y, Luma([0]));
            }
        }
        assert!(despeckle(image.clone()) == image);
        let empty = GrayImage::new(0, 0);
        assert!(despeckle(empty.clone()) == empty);
        let dot = GrayImage::from_pixel(1, 1, Luma([0]));
        assert_eq!(despeckle(dot).get_pixel(0, 0).0, [255]);
    }

    #[test]
    fn the_specks_told_from_runs_are_those_of_the_pixel_map() {
        // Ink strewn by a fixed sequence, thick enough to make groups of
        // every size.
        let mut seed = 5u32;
        for (width, height, density) in [(61, 47, 2), (64, 64, 3), (1, 30, 2), (90, 9, 4)] {
            let image = GrayImage::from_fn(width, height, |_, _| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                Luma([if (seed >> 16) % density == 0 { 0 } else { 255 }])
            });
            for speck in [1, 2, 4] {
                let mut told: Vec<_> = spans::groups(&image, INK)
                    .into_iter()
                    .map(|b| [b.left, b.top, b.right, b.bottom].map(|side| side as usize))
                    .filter(|[left, top, right, bottom]| {
                        right - left < speck && bottom - top < speck
                    })
                    .collect();
                let mut pixels = ink_map(&image);
                let mut mapped: Vec<_> = group(&mut pixels, width as usize, speck)
                    .found
                    .iter()
                    .map(|found| [found.left, found.top, found.right, found.bottom])
                    .collect();
                told.sort_unstable();
                mapped.sort_unstable();
                assert_eq!(told, mapped, "{width} × {height}, specks under {speck}");
            }
        }
    }

    #[test]
    fn any_page_is_cleaned_without_a_panic() {
        // Pages of every small size, strewn with ink by a fixed sequence.
        let mut seed = 11u32;
        for (width, height) in [(1, 7), (7, 1), (2, 2), (13, 5), (40, 33)] {
            let image = GrayImage::from_fn(width, height, |_, _| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                Luma([if seed >> 16 & 1 == 0 { 0 } else { 255 }])
            });
            let clean = despeckle(image.clone());
            assert_eq!(clean.dimensions(), image.dimensions());
        }
    }
}
