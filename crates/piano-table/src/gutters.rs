//! The gaps between columns of a borderless table: how each line narrows
//! them, the gaps a header does not show, and pieces cut at a column edge.
//!
//! On a page of fixed pitch (a text dump) a single space may be all that
//! separates two columns: the spaces between a piece's words (its breaks)
//! then count as open where the other lines show a gap.

use crate::lines::{Line, Segment};
pub(crate) use channels::{channels, is_column_gap};
use squeezed::squeezed_cells;
use std::borrow::Cow;

mod channels;
mod squeezed;

/// A gutter narrower than this many font sizes is closed.
pub(crate) const MIN_GUTTER: f32 = 0.3;
/// A piece may cross a column edge by this many font sizes and still fit.
pub(crate) const EDGE_TOLERANCE: f32 = 0.2;
/// Positions that differ by less than this are the same (float rounding).
const ROUNDING: f32 = 1e-3;
/// A gap the header does not show is a column gap when at least this many
/// lines of the region have a gap between pieces there.
const MIN_CHANNEL_LINES: usize = 2;

/// The gap between two columns as the lines so far leave it open. A line
/// may leave more than one part of it open (both sides of a piece set inside
/// it, or the space between two words of a piece across it beside the room
/// its last character overruns): every part is kept, since only the lines
/// below tell which is the column gap.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Gutter {
    open: Vec<(f32, f32)>,
}

impl Gutter {
    /// The gap between two pieces of a line.
    pub(crate) fn between(x0: f32, x1: f32) -> Gutter {
        Gutter {
            open: vec![(x0, x1)],
        }
    }

    /// The column gap where a line left more than one part open: the part
    /// every line running across it has only values before (a column of
    /// codes or numbers set one space from the text after them, its header
    /// centred far from where its cells start), else the part at whose
    /// right edge most lines of `lines` start a piece, text being set from
    /// a column's left edge; the widest of equals, then the one more lines
    /// start right at (two spaces between words a character apart both lie
    /// near where the next column starts), then the one those lines start
    /// nearest to (a row's code of a word and a number, "Fase 1", set one
    /// space from its text, which the dump put a character left of where
    /// the other rows start theirs: the space after the number is the gap).
    pub(crate) fn span(&self, lines: &[Line]) -> (f32, f32) {
        // Most gutters are one part: nothing to weigh.
        if let [part] = self.open[..] {
            return part;
        }
        let evidence = |part: &(f32, f32)| {
            (
                after_values(*part, lines),
                starting_at(part.1, lines),
                part.1 - part.0,
                starting_right_at(part.1, lines),
                distance_to_starts(part.1, lines),
            )
        };
        self.open
            .iter()
            .copied()
            .map(|part| (evidence(&part), part))
            .reduce(|best, next| {
                let (
                    (values, gaps, width, right_at, distance),
                    (best_values, best_gaps, best_width, best_right_at, best_distance),
                ) = (next.0, best.0);
                let better = values
                    .cmp(&best_values)
                    .then(gaps.cmp(&best_gaps))
                    .then(width.total_cmp(&best_width))
                    .then(right_at.cmp(&best_right_at))
                    .then(best_distance.total_cmp(&distance));
                if better.is_gt() { next } else { best }
            })
            .map_or((0.0, 0.0), |(_, part)| part)
    }

    /// The parts still open, left to right.
    pub(crate) fn parts(&self) -> &[(f32, f32)] {
        &self.open
    }

    /// Whether some open part overlaps the x range `(x0, x1)`.
    pub(crate) fn overlaps(&self, x0: f32, x1: f32) -> bool {
        self.open.iter().any(|&(a, b)| x0 < b && x1 > a)
    }
}

/// The gaps between a line's pieces, as gutters.
pub(crate) fn gaps_of(line: &Line) -> Vec<Gutter> {
    line.segments
        .windows(2)
        .map(|w| Gutter::between(w[0].x1, w[1].x0))
        .collect()
}

/// The gutters as a line's pieces leave them open, or `None` if one closes.
/// A piece that runs across a gutter, on a line of several pieces, keeps it
/// open where a space between two of its words lies in it (columns set one
/// space apart in a text dump); on a grid of characters a piece may overrun
/// a gutter by one character.
pub(crate) fn narrowed(gutters: &[Gutter], line: &Line) -> Option<Vec<Gutter>> {
    let min = MIN_GUTTER * line.size;
    let mut out = Vec::with_capacity(gutters.len());
    for gutter in gutters {
        let mut open = gutter.open.clone();
        for segment in &line.segments {
            if !open.iter().any(|&(a, b)| segment.x0 < b && segment.x1 > a) {
                continue;
            }
            open = open
                .into_iter()
                .flat_map(|part| left_open(part, segment, line))
                .filter(|(a, b)| b - a >= min)
                .collect();
        }
        if open.is_empty() {
            return None;
        }
        out.push(Gutter { open });
    }
    Some(out)
}

/// The parts of the gutter part `(a, b)` that a piece of `line` leaves open.
fn left_open((a, b): (f32, f32), segment: &Segment, line: &Line) -> Vec<(f32, f32)> {
    if segment.x1 <= a || segment.x0 >= b {
        return vec![(a, b)];
    }
    let mut parts = Vec::new();
    // On a grid of characters a cell's last character may stand where the
    // next column starts: a piece from the left that ends there leaves the
    // gutter open one character wide.
    let x1 = match line.pitch {
        Some(pitch) if segment.x0 < a && segment.x1 >= b && segment.x1 <= b + pitch => b - pitch,
        _ => segment.x1,
    };
    // Only a line of several pieces is a row: prose has spaces between
    // words everywhere. On a grid of characters, in a numbered row's line
    // a cell's first word (a capital) after a space may start one
    // character before its column does (`pdftotext` squeezing the row's
    // cells together), as a piece's last character may stand where it
    // starts.
    if segment.x0 < a && segment.x1 >= b && line.segments.len() > 1 {
        let squeezed = line.is_numbered();
        let capital_after = |gap: &crate::lines::Break| {
            segment
                .text
                .get(gap.at..)
                .is_some_and(|rest| rest.trim_start().starts_with(char::is_uppercase))
        };
        parts.extend(
            segment
                .breaks
                .iter()
                .map(|gap| match line.pitch {
                    Some(pitch)
                        if squeezed && capital_after(gap) && gap.x1 <= a && gap.x1 >= b - pitch =>
                    {
                        (a, b)
                    }
                    _ => (gap.x0.max(a), gap.x1.min(b)),
                })
                .filter(|(left, right)| right > left),
        );
    }
    if segment.x0 > a {
        parts.push((a, segment.x0));
    }
    if x1 < b {
        parts.push((x1.max(a), b));
    }
    parts
}

/// The edges of `inner` (left to right) that a piece from `x0` to `x1` runs
/// across by more than `tolerance` on both sides, found by halving: a line
/// of a table of thousands of columns costs no more per piece.
pub(crate) fn edges_crossed(inner: &[f32], x0: f32, x1: f32, tolerance: f32) -> &[f32] {
    let from = inner.partition_point(|&edge| edge <= x0 + tolerance);
    let to = inner.partition_point(|&edge| edge < x1 - tolerance);
    &inner[from..to.max(from)]
}

/// The line with each piece that runs across a column edge cut at the space
/// between its words that the edge falls in, where there is one, or, on a
/// grid of characters, where its cells start (a row squeezed left,
/// [`squeezed`]). A line of one piece is left whole: it is prose, or a
/// row's wrapped text.
pub(crate) fn cut_at_edges<'a>(line: &'a Line, inner: &[f32]) -> Cow<'a, Line> {
    let tolerance = EDGE_TOLERANCE * line.size;
    let crosses =
        |segment: &Segment| !edges_crossed(inner, segment.x0, segment.x1, tolerance).is_empty();
    if line.segments.len() < 2 || !line.segments.iter().any(crosses) {
        return Cow::Borrowed(line);
    }
    // As wide as a gutter: a dump's space (a third of the size),
    // not the narrower space of a proportional font.
    let min = MIN_GUTTER * line.size;
    let mut segments = Vec::with_capacity(line.segments.len());
    for segment in &line.segments {
        let crossed = edges_crossed(inner, segment.x0, segment.x1, tolerance);
        if crossed.is_empty() {
            segments.push(segment.clone());
            continue;
        }
        let mut pieces = Vec::new();
        let mut rest = segment.clone();
        for &edge in crossed {
            if !(rest.x0 < edge - tolerance && rest.x1 > edge + tolerance) {
                continue;
            }
            let cut = rest.breaks.iter().position(|gap| {
                gap.x1 - gap.x0 >= min && gap.x0 - tolerance <= edge && edge <= gap.x1 + tolerance
            });
            if let Some(cut) = cut {
                let (before, after) = rest.split(cut);
                pieces.push(before);
                rest = after;
            }
        }
        pieces.push(rest);
        // Cuts that start a cell with a small letter, or none where the
        // piece crosses an edge: on a grid of characters, a row (a numbered
        // line) squeezed left may say where its cells start by their
        // capitals.
        let doubtful = pieces
            .iter()
            .skip(1)
            .any(|piece| piece.text.starts_with(char::is_lowercase))
            || pieces
                .last()
                .is_some_and(|last| !edges_crossed(inner, last.x0, last.x1, tolerance).is_empty());
        if line.pitch.is_some() && line.is_numbered() && doubtful {
            let squeezed = squeezed_cells(segment.clone(), inner, tolerance);
            if squeezed.len() > 1 {
                pieces = squeezed;
            }
        }
        segments.extend(pieces);
    }
    Cow::Owned(line.with_segments(segments))
}

/// A line of one piece on a grid of characters cut where a word starts
/// right at one of `starts` (columns' left edges): a label as long as its
/// column, its value one space after it ("Indicatori di risultato Piano
/// approvato"). `None` when no word does, or the line is not such a line.
pub(crate) fn cut_at_column_starts(line: &Line, starts: &[f32]) -> Option<Line> {
    let [segment] = line.segments.as_slice() else {
        return None;
    };
    line.pitch?;
    let min = MIN_GUTTER * line.size;
    let mut segments = Vec::new();
    let mut rest = segment.clone();
    while let Some(cut) = rest.breaks.iter().position(|gap| {
        gap.x1 - gap.x0 >= min
            && starts
                .iter()
                .any(|start| (gap.x1 - start).abs() <= ROUNDING)
    }) {
        let (before, after) = rest.split(cut);
        segments.push(before);
        rest = after;
    }
    if segments.is_empty() {
        return None;
    }
    segments.push(rest);
    Some(line.with_segments(segments))
}

/// The line with a value the producer pushed left, one space after the text
/// of the cell before it (`pdftotext` squeezes a line: "… esecutivo di 20%"),
/// cut off into the column whose edge (of `inner`) the piece runs across,
/// when that column holds nothing else on the line, and set where that
/// column's text starts, as the producer would have set it given room. Only
/// on a grid of characters.
pub(crate) fn value_pushed_left<'a>(line: &'a Line, inner: &[f32]) -> Cow<'a, Line> {
    if line.pitch.is_none() {
        return Cow::Borrowed(line);
    }
    let tolerance = EDGE_TOLERANCE * line.size;
    let cut_of = |index| pushed_value(line, index, inner, tolerance);
    let Some(first) = (0..line.segments.len()).find(|&index| cut_of(index).is_some()) else {
        return Cow::Borrowed(line);
    };
    let mut segments: Vec<Segment> = Vec::with_capacity(line.segments.len() + 1);
    segments.extend_from_slice(&line.segments[..first]);
    for (index, segment) in line.segments.iter().enumerate().skip(first) {
        match cut_of(index) {
            Some((cut, edge)) => {
                let (before, value) = segment.split(cut);
                let shift = (edge + tolerance - value.x0).max(0.0);
                segments.push(before);
                segments.push(value.shifted(shift));
            }
            None => segments.push(segment.clone()),
        }
    }
    Cow::Owned(line.with_segments(segments))
}

/// Where the `index`th piece of `line` is cut before a value pushed left
/// across the edge of `inner` it runs over (the break, and the edge), as
/// [`value_pushed_left`] says.
fn pushed_value(line: &Line, index: usize, inner: &[f32], tolerance: f32) -> Option<(usize, f32)> {
    let segment = &line.segments[index];
    edges_crossed(inner, segment.x0, segment.x1, tolerance).first()?;
    let column = inner.partition_point(|&edge| edge <= segment.x0 + tolerance);
    let next_start = line
        .segments
        .get(index + 1)
        .map_or(f32::INFINITY, |next| next.x0);
    let edge = inner[column];
    // The last words that are values and end across the edge: the value,
    // perhaps cut by a space ("31.10.202 1").
    let words = segment.words();
    let first = words
        .iter()
        .rposition(|&(word, end)| !is_value(word) || end <= edge + tolerance)?
        + 1;
    let cut = first.checked_sub(1).filter(|_| first < words.len())?;
    let after = inner.get(column + 1).copied().unwrap_or(f32::INFINITY);
    (next_start >= after).then_some((cut, edge))
}

/// A number, weight or date: digits and no letters ("16,67", "(50%)",
/// "31.12.2023"), which a cell does not wrap into.
pub(crate) fn is_value(text: &str) -> bool {
    text.chars().any(|c| c.is_ascii_digit()) && !text.chars().any(char::is_alphabetic)
}

/// The break before the values (numbers, weights, dates) that end a piece
/// after text: where a value a dump pushed against the text may be cut off.
pub(crate) fn break_before_values(piece: &Segment) -> Option<usize> {
    let values = piece
        .words_from_end()
        .take_while(|word| is_value(word))
        .count();
    (piece.word_count() - values)
        .checked_sub(1)
        .filter(|_| values > 0)
}

/// A value written in a form text does not end with: a percent, or digits
/// separated by a point, comma or slash ("10%", "(50%)", "16,67",
/// "15.03.2025", "31/12"), not a bare number ("1950", "1950.").
pub(crate) fn is_formatted_value(text: &str) -> bool {
    // The separators and digits are ASCII, which no byte of a character
    // written in more than one byte can be taken for.
    let separated = || {
        text.as_bytes()
            .windows(2)
            .any(|pair| matches!(pair[0], b'.' | b',' | b'/') && pair[1].is_ascii_digit())
    };
    is_value(text) && (text.contains('%') || separated())
}

/// The gaps between a line's pieces that overlap none of the gutters: the
/// columns of another table.
pub(crate) fn new_gaps(line: &Line, gutters: &[Gutter]) -> usize {
    line.segments
        .windows(2)
        .filter(|w| {
            !gutters
                .iter()
                .any(|gutter| gutter.overlaps(w[0].x1, w[1].x0))
        })
        .count()
}

/// How many of `lines` start a piece at `x` (a column's left edge), or a
/// little right of it, as a column of numbers set to the right does.
fn starting_at(x: f32, lines: &[Line]) -> usize {
    starting_within(lines, |line| (x - MIN_GUTTER * line.size, x + line.size))
}

/// How far, in all, the lines that [`starting_at`] counts for `x` start
/// their nearest piece from it.
fn distance_to_starts(x: f32, lines: &[Line]) -> f32 {
    lines
        .iter()
        .filter_map(|line| {
            let (from, to) = (x - MIN_GUTTER * line.size, x + line.size);
            line.segments
                .iter()
                .filter(|segment| segment.x0 >= from && segment.x0 <= to)
                .map(|segment| (segment.x0 - x).abs())
                .reduce(f32::min)
        })
        .sum()
}

/// How many of `lines` start a piece within the span `window` gives for
/// the line (from, to).
fn starting_within(lines: &[Line], window: impl Fn(&Line) -> (f32, f32)) -> usize {
    lines
        .iter()
        .filter(|line| {
            let (from, to) = window(line);
            line.segments
                .iter()
                .any(|segment| segment.x0 >= from && segment.x0 <= to)
        })
        .count()
}

/// Whether at least [`MIN_CHANNEL_LINES`] of `lines` run a piece across
/// `part` at a space between its words, and every one that does has only
/// values (codes, numbers, weights) before that space.
fn after_values((a, b): (f32, f32), lines: &[Line]) -> bool {
    let mut across = 0;
    for line in lines {
        for piece in &line.segments {
            if !(piece.x0 < a && piece.x1 > b) {
                continue;
            }
            let Some(space) = piece
                .breaks
                .iter()
                .find(|space| space.x0 <= a + ROUNDING && space.x1 >= b - ROUNDING)
            else {
                continue;
            };
            if !piece.text[..space.at].split(' ').all(is_value) {
                return false;
            }
            across += 1;
        }
    }
    across >= MIN_CHANNEL_LINES
}

/// How many of `lines` start a piece right at `x` (within a gutter's
/// narrowest width).
fn starting_right_at(x: f32, lines: &[Line]) -> usize {
    starting_within(lines, |line| {
        let near = MIN_GUTTER * line.size;
        (x - near, x + near)
    })
}

#[cfg(test)]
mod tests;
