//! Table rules drawn in a page image: found, handed to the rebuild (which
//! reads a bordered table by them, as on a PDF page) and wiped from the
//! image before OCR (tesseract reads a rule beside text as `|`, `]` or `l`).
//!
//! A rule is a run of dark pixels along a row (or a column) at least
//! [`MIN_LENGTH`] of the page's longer side, far longer than any stroke of
//! text; runs on neighbouring rows that overlap make one rule, as thick as
//! they are together, unless that is thicker than [`MAX_THICKNESS`] of the
//! longer side and than a [`SLENDER`]th of its length (a dark block, not a
//! rule).
//!
//! A speckled scan pierces its rules with specks of paper: found as they
//! are, they come in pieces, and those shorter than a rule stay beside the
//! words, read as marks glued to them. On a page strewn with specks
//! (`speckle.rs` tells it), the rules are mended first: a hole at most
//! [`HOLE`] long between two stretches of ink each at least [`FLANK`] long
//! is filled. Only there: on a clean page such a hole is the gap between two
//! letters set close in a title, whose bars would make a rule.

use image::GrayImage;
use piano_table::Rule;

/// Darker than this is ink of a rule: thin rules are drawn grey, or
/// smoothed grey by the rendering (a light cell shading stays lighter).
const INK: u8 = 192;
/// The shortest rule, as a share of the page's longer side (7 mm on A4).
const MIN_LENGTH: f32 = 1.0 / 40.0;
/// The thickest rule, as a share of the page's longer side (1 mm on A4).
const MAX_THICKNESS: f32 = 1.0 / 300.0;
/// A run of ink this many times longer than it is thick is a rule whatever
/// the image's size (an image of a table alone, not of a page).
const SLENDER: u32 = 100;
/// The longest hole of paper a run of ink goes on across, as a share of the
/// page's longer side (0.3 mm on A4, a speck's size; a pixel at least).
const HOLE: f32 = 1.0 / 1000.0;
/// How long the ink on each side of a hole must be for a run to go on
/// across it, as a share of the page's longer side (1.5 mm on A4): the
/// strokes of letters along a row are shorter, so a line of text does not
/// become a run.
const FLANK: f32 = 1.0 / 200.0;

/// How a run of ink goes on across holes, in pixels.
#[derive(Debug, Clone, Copy)]
struct Piercing {
    /// The longest hole a run goes on across.
    hole: u32,
    /// The ink needed on each side of it.
    flank: u32,
}

impl Piercing {
    /// No hole: a run ends at the first pixel of paper.
    const NONE: Piercing = Piercing { hole: 0, flank: 1 };

    /// The piercing a page `longer` pixels on its longer side is read with.
    fn of(longer: f32) -> Piercing {
        Piercing {
            hole: (longer * HOLE).max(1.0) as u32,
            flank: (longer * FLANK).max(2.0) as u32,
        }
    }

    /// Whether the pixel `at` of line `line` (of `lines`, each `along`
    /// pixels long; `ink` telling a line's pixel's ink) belongs to a run:
    /// ink, or paper in a hole it goes on across. A gap between two
    /// letters' bars set close ("TT") is no hole: it cuts a stroke thicker
    /// than the line, so a neighbouring line has ink on both sides of it and
    /// none across it, where a hole pierces a rule of one line or a thicker
    /// one's line only.
    fn holds(
        self,
        ink: impl Fn(u32, u32) -> bool,
        line: u32,
        at: u32,
        along: u32,
        lines: u32,
    ) -> bool {
        if ink(line, at) {
            return true;
        }
        if self.hole == 0 {
            return false;
        }
        // The paper around `at`: from `left` to `right`, both inclusive.
        let mut left = at;
        while left > 0 && at - left < self.hole && !ink(line, left - 1) {
            left -= 1;
        }
        let mut right = at;
        while right + 1 < along && right - at < self.hole && !ink(line, right + 1) {
            right += 1;
        }
        if right - left + 1 > self.hole || left < self.flank || right + self.flank >= along {
            return false;
        }
        let flanked = |line: u32| {
            (1..=self.flank).all(|step| ink(line, left - step) && ink(line, right + step))
        };
        let cut = |other: u32| {
            ink(other, left - 1)
                && ink(other, right + 1)
                && (left..=right).all(|at| !ink(other, at))
        };
        flanked(line) && !(line > 0 && cut(line - 1)) && !(line + 1 < lines && cut(line + 1))
    }
}

/// A run of ink along one row or column.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// The row (or column).
    line: u32,
    /// Where it starts along it.
    start: u32,
    /// Where it ends (exclusive).
    end: u32,
}

/// Runs on neighbouring lines that overlap: one rule.
#[derive(Debug)]
struct Group {
    runs: Vec<Run>,
}

impl Group {
    fn last_line(&self) -> u32 {
        self.runs.last().map_or(0, |run| run.line)
    }

    fn overlaps(&self, run: &Run) -> bool {
        self.runs
            .iter()
            .filter(|other| other.line + 1 >= run.line)
            .any(|other| other.start < run.end && run.start < other.end)
    }
}

/// The rules of `image`, wiped from it.
pub fn take_rules(image: &mut GrayImage) -> Vec<Rule> {
    let (horizontal, vertical) = find(image, |_| Piercing::NONE);
    let mut rules = Vec::new();
    for group in &horizontal {
        rules.push(rule(group, Direction::Across));
        wipe(image, group, Direction::Across);
    }
    for group in &vertical {
        rules.push(rule(group, Direction::Down));
        wipe(image, group, Direction::Down);
    }
    rules
}

/// Fills the holes specks of paper pierced in the rules of `image`, a
/// page strewn with specks, so that each rule is then found whole.
pub fn mend_rules(image: &mut GrayImage) {
    let (horizontal, vertical) = find(image, Piercing::of);
    for group in &horizontal {
        fill(image, group, Direction::Across);
    }
    for group in &vertical {
        fill(image, group, Direction::Down);
    }
}

/// The groups of runs of `image` that are rules, across and down, each
/// run going on across the holes `piercing` (of the page's longer side)
/// allows.
fn find(image: &GrayImage, piercing: fn(f32) -> Piercing) -> (Vec<Group>, Vec<Group>) {
    let (width, height) = image.dimensions();
    let longer = width.max(height) as f32;
    let min_length = (longer * MIN_LENGTH).max(2.0) as u32;
    let max_thickness = (longer * MAX_THICKNESS).max(1.0) as u32;
    let piercing = piercing(longer);
    let horizontal = groups(
        image,
        Direction::Across,
        min_length,
        max_thickness,
        piercing,
    );
    let vertical = groups(image, Direction::Down, min_length, max_thickness, piercing);
    (horizontal, vertical)
}

/// Along rows (horizontal rules) or columns (vertical ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Across,
    Down,
}

/// The groups of runs at least `min_length` long, each at most
/// `max_thickness` lines thick.
fn groups(
    image: &GrayImage,
    direction: Direction,
    min_length: u32,
    max_thickness: u32,
    piercing: Piercing,
) -> Vec<Group> {
    let mut open: Vec<Group> = Vec::new();
    let mut done = Vec::new();
    for (line, runs) in (0..).zip(runs(image, direction, min_length, piercing)) {
        for run in runs {
            match open.iter_mut().find(|group| group.overlaps(&run)) {
                Some(group) => group.runs.push(run),
                None => open.push(Group { runs: vec![run] }),
            }
        }
        // Groups no run continued on this line are finished.
        let (going, finished): (Vec<Group>, Vec<Group>) = open
            .into_iter()
            .partition(|group| group.last_line() == line);
        open = going;
        done.extend(finished);
    }
    done.extend(open);
    done.retain(|group| thickness(group) <= max_thickness.max(length(group) / SLENDER));
    done
}

/// The runs of ink at least `min_length` long along each line (row or
/// column), line by line, each line's in order, each going on across the
/// holes `piercing` allows.
///
/// Such a run covers `min_length` pixels in a row, so one of them lies at
/// a multiple of `min_length` along its line: only those pixels are looked
/// at, and a run is followed both ways from one that is ink. A page is so
/// read in a few thousandths of its pixels (its columns, read one by one,
/// cost a miss of the memory cache a pixel).
fn runs(
    image: &GrayImage,
    direction: Direction,
    min_length: u32,
    piercing: Piercing,
) -> Vec<Vec<Run>> {
    let (width, height) = image.dimensions();
    let (lines, along) = match direction {
        Direction::Across => (height, width),
        Direction::Down => (width, height),
    };
    let pixels = image.as_raw();
    let ink = |line: u32, at: u32| {
        let (x, y) = match direction {
            Direction::Across => (at, line),
            Direction::Down => (line, at),
        };
        pixels[y as usize * width as usize + x as usize] < INK
    };
    let ink = |line: u32, at: u32| piercing.holds(ink, line, at, along, lines);
    let mut found: Vec<Vec<Run>> = (0..lines).map(|_| Vec::new()).collect();
    // Where the last run followed on each line ends: a run is followed once.
    let mut followed = vec![0; lines as usize];
    for sample in (0..along).step_by(min_length.max(1) as usize) {
        for (line, (runs, end)) in (0..).zip(found.iter_mut().zip(&mut followed)) {
            if sample < *end || !ink(line, sample) {
                continue;
            }
            let mut start = sample;
            while start > 0 && ink(line, start - 1) {
                start -= 1;
            }
            *end = sample + 1;
            while *end < along && ink(line, *end) {
                *end += 1;
            }
            if *end - start >= min_length {
                runs.push(Run {
                    line,
                    start,
                    end: *end,
                });
            }
        }
    }
    found
}

/// How many pixels a group runs along.
fn length(group: &Group) -> u32 {
    let start = group.runs.iter().map(|run| run.start).min().unwrap_or(0);
    let end = group.runs.iter().map(|run| run.end).max().unwrap_or(0);
    end - start
}

/// How many lines a group spans.
fn thickness(group: &Group) -> u32 {
    let first = group.runs.first().map_or(0, |run| run.line);
    group.last_line() - first + 1
}

/// The rule a group draws, in the page's coordinates.
fn rule(group: &Group, direction: Direction) -> Rule {
    let first = group.runs.first().map_or(0, |run| run.line);
    let middle = (first + group.last_line()) as f32 / 2.0 + 0.5;
    let start = group.runs.iter().map(|run| run.start).min().unwrap_or(0) as f32;
    let end = group.runs.iter().map(|run| run.end).max().unwrap_or(0) as f32;
    match direction {
        Direction::Across => Rule::Horizontal {
            y: middle,
            x0: start,
            x1: end,
        },
        Direction::Down => Rule::Vertical {
            x: middle,
            y0: start,
            y1: end,
        },
    }
}

/// Darkens every pixel of a group's runs, its holes with them.
fn fill(image: &mut GrayImage, group: &Group, direction: Direction) {
    for run in &group.runs {
        for at in run.start..run.end {
            let (x, y) = match direction {
                Direction::Across => (at, run.line),
                Direction::Down => (run.line, at),
            };
            image.put_pixel(x, y, image::Luma([0]));
        }
    }
}

/// How many lines beside a rule are whitened with it: its smoothed edges.
const EDGE: u32 = 2;

/// Whitens a group's runs and the grey edge pixels beside them.
fn wipe(image: &mut GrayImage, group: &Group, direction: Direction) {
    let (width, height) = image.dimensions();
    let first = group.runs.first().map_or(0, |run| run.line);
    let lines = first.saturating_sub(EDGE)..(group.last_line() + EDGE + 1);
    for run in &group.runs {
        for line in lines.clone() {
            for at in run.start..run.end {
                let (x, y) = match direction {
                    Direction::Across => (at, line),
                    Direction::Down => (line, at),
                };
                if x < width && y < height {
                    image.put_pixel(x, y, image::Luma([255]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A white 400×400 page.
    fn page() -> GrayImage {
        GrayImage::from_pixel(400, 400, image::Luma([255]))
    }

    fn ink(image: &mut GrayImage, xs: std::ops::Range<u32>, ys: std::ops::Range<u32>) {
        for x in xs {
            for y in ys.clone() {
                image.put_pixel(x, y, image::Luma([0]));
            }
        }
    }

    /// The rules `ink` draws as a cross in the tests: one across at y 100,
    /// one down at x 50.
    fn cross_rules() -> [Rule; 2] {
        [
            Rule::Horizontal {
                y: 100.5,
                x0: 20.0,
                x1: 380.0,
            },
            Rule::Vertical {
                x: 50.5,
                y0: 40.0,
                y1: 300.0,
            },
        ]
    }

    #[test]
    fn long_thin_runs_are_rules_and_are_wiped() {
        let mut image = page();
        ink(&mut image, 20..380, 100..101);
        ink(&mut image, 50..51, 40..300);
        let rules = take_rules(&mut image);
        assert_eq!(rules, cross_rules());
        assert!(image.pixels().all(|pixel| pixel.0[0] == 255));
    }

    /// Every run of ink at least `min_length` long, read pixel by pixel:
    /// the stretches of ink of each line, a stretch joined to the next
    /// across a gap `piercing` allows that no neighbouring line's gap
    /// continues between ink on both sides.
    fn every_run(
        image: &GrayImage,
        direction: Direction,
        min_length: u32,
        piercing: Piercing,
    ) -> Vec<Vec<(u32, u32)>> {
        let (width, height) = image.dimensions();
        let (lines, along) = match direction {
            Direction::Across => (height, width),
            Direction::Down => (width, height),
        };
        let ink = |line: u32, at: u32| match direction {
            Direction::Across => image.get_pixel(at, line).0[0] < INK,
            Direction::Down => image.get_pixel(line, at).0[0] < INK,
        };
        (0..lines)
            .map(|line| {
                let mut stretches: Vec<(u32, u32)> = Vec::new();
                let mut at = 0;
                while at < along {
                    let start = at;
                    while at < along && ink(line, at) {
                        at += 1;
                    }
                    if at > start {
                        stretches.push((start, at));
                    }
                    at += 1;
                }
                let mut joined: Vec<(u32, u32)> = Vec::new();
                let mut previous: Option<(u32, u32)> = None;
                let cut = |other: u32, after: u32, start: u32| {
                    ink(other, after - 1)
                        && ink(other, start)
                        && (after..start).all(|at| !ink(other, at))
                };
                for (start, end) in stretches {
                    let across = previous.is_some_and(|(before, after)| {
                        start - after <= piercing.hole
                            && after - before >= piercing.flank
                            && end - start >= piercing.flank
                            && !(line > 0 && cut(line - 1, after, start))
                            && !(line + 1 < lines && cut(line + 1, after, start))
                    });
                    match joined.last_mut() {
                        Some(last) if across => last.1 = end,
                        _ => joined.push((start, end)),
                    }
                    previous = Some((start, end));
                }
                joined.retain(|(start, end)| end - start >= min_length);
                joined
            })
            .collect()
    }

    #[test]
    fn the_runs_followed_from_a_few_pixels_are_every_long_run() {
        // Streaks of ink of every length, a few touching the page's edges.
        let mut seed = 7u32;
        let image = GrayImage::from_fn(97, 61, |x, y| {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let dark = (seed >> 16) % 16 != 0 && ((x / 9) * 7 + (y / 4) * 3) % 5 != 0;
            image::Luma([if dark { 40 } else { 230 }])
        });
        let whole = Piercing::NONE;
        for direction in [Direction::Across, Direction::Down] {
            let long = every_run(&image, direction, 8, whole);
            assert!(long.iter().any(|line| !line.is_empty()), "{direction:?}");
            let piercings = [
                whole,
                Piercing { hole: 1, flank: 2 },
                Piercing { hole: 2, flank: 3 },
                Piercing { hole: 1, flank: 9 },
            ];
            assert_ne!(long, every_run(&image, direction, 8, piercings[1]));
            for piercing in piercings {
                for min_length in [1, 2, 3, 5, 8, 13] {
                    let found: Vec<Vec<(u32, u32)>> = runs(&image, direction, min_length, piercing)
                        .iter()
                        .map(|line| line.iter().map(|run| (run.start, run.end)).collect())
                        .collect();
                    assert_eq!(
                        found,
                        every_run(&image, direction, min_length, piercing),
                        "{direction:?}, {min_length}, {piercing:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_rule_pierced_by_specks_is_mended_into_one_rule() {
        let mut image = page();
        ink(&mut image, 20..380, 100..101);
        ink(&mut image, 50..51, 40..300);
        // Holes of a pixel, one close to where the rules cross.
        for x in [40, 57, 100, 101 + 30, 300] {
            image.put_pixel(x, 100, image::Luma([255]));
        }
        for y in [60, 200, 250] {
            image.put_pixel(50, y, image::Luma([255]));
        }
        assert_eq!(take_rules(&mut image.clone()).len(), 10, "found in pieces");
        mend_rules(&mut image);
        let rules = take_rules(&mut image);
        assert_eq!(rules, cross_rules());
        assert!(image.pixels().all(|pixel| pixel.0[0] == 255));
    }

    #[test]
    fn bars_of_letters_set_close_are_not_mended_into_a_rule() {
        let mut image = page();
        // The bars of capitals ("TTTT"), each three pixels thick, a pixel
        // apart: long enough and each longer than a hole's flank.
        for x in (20..380).step_by(12) {
            ink(&mut image, x..x + 11, 100..103);
        }
        let before = image.clone();
        mend_rules(&mut image);
        assert!(image == before);
    }

    #[test]
    fn strokes_a_pixel_apart_are_not_mended_into_a_rule() {
        let mut image = page();
        // The feet of letters set tight along a baseline: long, but each
        // shorter than a hole's flank.
        for x in (20..380).step_by(2) {
            ink(&mut image, x..x + 1, 100..101);
        }
        let before = image.clone();
        mend_rules(&mut image);
        assert!(image == before);
    }

    #[test]
    fn strokes_of_text_and_dark_blocks_are_no_rules() {
        let mut image = page();
        // A letter's stem, shorter than a rule.
        ink(&mut image, 10..12, 10..18);
        // A dark block (a logo), too thick for a rule.
        ink(&mut image, 100..300, 200..260);
        assert!(take_rules(&mut image).is_empty());
        assert_eq!(image.get_pixel(11, 12).0, [0]);
    }
}
