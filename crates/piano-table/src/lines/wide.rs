//! Fonts whose spaces are wider than the gap that parts a line's pieces: a
//! monospaced font's space is 0.6 of its size, where a proportional font's
//! is about a quarter. On such a line every word would be a piece of its
//! own; its pieces are parted instead at the gaps that are no space of the
//! font: wider than a space by a tenth, or narrower than a space (cells
//! set one padding apart).
//!
//! A line tells its font's space by the width most of its gaps share; a
//! line of few words (a header, a short row) takes the page's, when no gap
//! of it is as narrow as a proportional font's space.

use super::WORD_GAP;
use crate::Word;

/// How many of a line's wide spaces part two pieces.
const SPLIT_OVER_SPACE: f32 = 1.1;
/// How much wider than the narrowest a space of the same width may be
/// (the rounding of the producer's positions).
const SPREAD: f32 = 0.05;
/// Spaces of one width a line needs for them to be its word spaces.
const MIN_SPACES: usize = 3;
/// The widest space a font has, in font sizes: wider gaps part cells.
const MAX_SPACE: f32 = 0.7;

/// The gaps between a line's words, in font sizes: those wider than the
/// gap that parts pieces, and how many narrower ones (a word gap or wider)
/// there are.
pub(super) struct LineGaps {
    wide: Vec<f32>,
    narrow: usize,
}

impl LineGaps {
    /// The gaps of the line of `words` (left to right), `split_gap` the gap
    /// that parts pieces; drawn spaces are no words.
    pub(super) fn of(words: &[&Word], split_gap: f32) -> LineGaps {
        let inked: Vec<&Word> = words
            .iter()
            .copied()
            .filter(|word| !word.text.trim().is_empty())
            .collect();
        let (mut wide, narrow): (Vec<f32>, Vec<f32>) = inked
            .windows(2)
            .map(|pair| (pair[1].x0 - pair[0].x1) / pair[0].size.max(pair[1].size))
            .filter(|&gap| gap > WORD_GAP)
            .partition(|&gap| gap > split_gap);
        wide.sort_by(f32::total_cmp);
        LineGaps {
            wide,
            narrow: narrow.len(),
        }
    }

    /// The width of the line's spaces where they are wide: its own, else the
    /// page's (`page`) when none of its gaps is a narrow space.
    pub(super) fn space(&self, page: Option<f32>) -> Option<f32> {
        common_space(&self.wide, |_| self.narrow).or(page.filter(|_| self.narrow == 0))
    }
}

/// The width of the wide spaces of a page's lines, from those lines with no
/// narrow space: the width most of their gaps share, when more than half of
/// them do.
pub(super) fn page_space(lines: &[LineGaps]) -> Option<f32> {
    let mut gaps: Vec<f32> = lines
        .iter()
        .filter(|line| line.narrow == 0)
        .flat_map(|line| line.wide.iter().copied())
        .collect();
    gaps.sort_by(f32::total_cmp);
    common_space(&gaps, |alike| gaps.len() - alike)
}

/// The width most of sorted `gaps` share, when at least [`MIN_SPACES`] do,
/// more than the gaps `others` counts beside those `alike`, and it is no
/// wider than a font's space can be.
fn common_space(gaps: &[f32], others: impl FnOnce(usize) -> usize) -> Option<f32> {
    let (alike, space) = most_alike(gaps)?;
    (alike >= MIN_SPACES && alike > others(alike) && space <= MAX_SPACE).then_some(space)
}

/// The narrowest of sorted `gaps` with the most gaps as wide as it or a
/// little wider, and how many.
fn most_alike(gaps: &[f32]) -> Option<(usize, f32)> {
    (0..gaps.len())
        .map(|at| {
            let upto = gaps[at] * (1.0 + SPREAD);
            (
                gaps[at..].partition_point(|&gap| gap <= upto),
                std::cmp::Reverse(at),
            )
        })
        .max()
        .map(|(alike, std::cmp::Reverse(at))| (alike, gaps[at]))
}

/// The gap, in font sizes, that parts pieces on a line of wide spaces
/// `space` wide.
pub(super) fn split_over(space: f32) -> f32 {
    SPLIT_OVER_SPACE * space
}

/// Whether a gap between words (in font sizes) is narrower than a wide
/// space `space` wide: cells set one padding apart.
pub(super) fn narrower_than(gap: f32, space: f32) -> bool {
    gap > WORD_GAP && gap < space * (1.0 - SPREAD)
}
