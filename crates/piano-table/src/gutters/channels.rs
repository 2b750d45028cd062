//! Gutters the header does not show, found in the rows: a channel every
//! line of a region leaves open, which some lines show as a gap between
//! their pieces.

use super::{MIN_CHANNEL_LINES, MIN_GUTTER, is_value, starting_at};
use crate::lines::Line;

/// Gutters the header does not show: a column whose header cell sits on
/// another line of a wrapped header, or runs into its neighbour. A channel
/// is a gap between pieces of some lines that every line of the region
/// leaves open (a space between words counts as open): it is a column gap
/// when it is a gap between pieces on at least [`MIN_CHANNEL_LINES`] lines,
/// so that spaces between words that happen to line up make none.
pub(crate) fn channels(lines: &[Line], gutters: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let Some(size) = lines.first().map(|l| l.size) else {
        return Vec::new();
    };
    let min = MIN_GUTTER * size;
    // A gap that runs into a gutter (a row's number, then nothing until a
    // later column) is a candidate up to that gutter; a channel found in it
    // must be where lines start a column, since the header's words there
    // may only happen to leave a space.
    let mut candidates: Vec<((f32, f32), bool)> = lines
        .iter()
        .flat_map(|line| line.segments.windows(2).map(|w| (w[0].x1, w[1].x0)))
        .filter_map(|(a, b)| {
            let mut crossed = gutters
                .iter()
                .filter(|&&(left, right)| a < right && b > left)
                .peekable();
            if crossed.peek().is_none() {
                return Some(((a, b), false));
            }
            let right = crossed
                .map(|&(left, _)| left)
                .try_fold(b, |right, left| (left > a).then_some(right.min(left)))?;
            (right - a >= min).then_some(((a, right), true))
        })
        .collect();
    candidates.sort_by(|a, b| a.0.0.total_cmp(&b.0.0));
    // The same gap on many lines (a column's, on every row) is one
    // candidate: it would find the same channel again.
    candidates.dedup();
    let mut found: Vec<(f32, f32)> = Vec::new();
    // What is open of a candidate after each line, and through the next.
    let (mut open, mut through) = (Vec::new(), Vec::new());
    for (candidate, cut_short) in candidates {
        if found
            .iter()
            .any(|&(left, right)| candidate.0 < right && candidate.1 > left)
        {
            continue;
        }
        open.clear();
        open.push(candidate);
        for line in lines {
            through.clear();
            for &part in &open {
                open_through(part, line, min, &mut through);
            }
            std::mem::swap(&mut open, &mut through);
            if open.is_empty() {
                break;
            }
        }
        let channel = open
            .iter()
            .copied()
            .filter(|&part| is_column_gap(part, lines) && !touches(part, gutters, min))
            .filter(|&part| !cut_short || starts_a_column(part.1, lines))
            .max_by(|x, y| {
                (x.1 - x.0)
                    .total_cmp(&(y.1 - y.0))
                    .then(aligned_beside(*x, lines).cmp(&aligned_beside(*y, lines)))
            });
        if let Some(channel) = channel {
            found.push(channel);
        }
    }
    found
}

/// How many of `lines` set a piece flush against the gap `(a, b)` where a
/// column keeps its alignment: a piece ending at `a` (text or right-aligned
/// figures end there), or words starting at `b` (a column of text; figures
/// set right start wherever their width puts them). Of two gaps as wide,
/// the column edge is the one its columns line up on ("Servizi Sociali
/// Polizia Locale" over right-aligned figures parts after "Sociali", where
/// the figures on its left end, not before "Locale", near where the ones on
/// its right start).
fn aligned_beside((a, b): (f32, f32), lines: &[Line]) -> usize {
    lines
        .iter()
        .filter(|line| {
            let near = MIN_GUTTER * line.size;
            // On a grid, the gap may open a character after the piece ends.
            let slack = near + line.pitch.unwrap_or(0.0);
            line.segments.iter().any(|piece| {
                (piece.x1 >= a - slack && piece.x1 <= a + near)
                    || ((piece.x0 - b).abs() <= near && !is_value(&piece.text))
            })
        })
        .count()
}

/// Whether the x range `(a, b)` touches one of `gutters`, or comes within
/// `near` of it: a part of that gutter the header narrowed, not another.
fn touches((a, b): (f32, f32), gutters: &[(f32, f32)], near: f32) -> bool {
    gutters
        .iter()
        .any(|&(left, right)| a <= right + near && b >= left - near)
}

/// Whether an x range every line leaves open is a column gap: a gap between
/// pieces on at least [`MIN_CHANNEL_LINES`] lines.
pub(crate) fn is_column_gap((a, b): (f32, f32), lines: &[Line]) -> bool {
    let gaps = lines
        .iter()
        .filter(|line| {
            let near = MIN_GUTTER * line.size;
            line.segments
                .windows(2)
                .any(|w| w[0].x1 <= a + near && w[1].x0 >= b - near)
        })
        .count();
    gaps >= MIN_CHANNEL_LINES
}

/// Whether lines start a column at `x`, the right edge of a gap only rows
/// show: at least [`MIN_CHANNEL_LINES`] start a piece there (or a little
/// right of it), and no line's word that starts at `x` ends before the
/// first of those pieces starts: such a word sits in the gap, the end of
/// the header cell on its left ("Obiettivo n." over "1   Descrizione").
fn starts_a_column(x: f32, lines: &[Line]) -> bool {
    if starting_at(x, lines) < MIN_CHANNEL_LINES {
        return false;
    }
    let near = |line: &Line| MIN_GUTTER * line.size;
    let column = lines
        .iter()
        .flat_map(|line| {
            line.segments
                .iter()
                .map(|segment| segment.x0)
                .filter(move |&x0| x0 >= x - near(line) && x0 <= x + line.size)
        })
        .fold(f32::INFINITY, f32::min);
    !lines.iter().any(|line| {
        line.segments
            .iter()
            .flat_map(|segment| segment.word_extents())
            .any(|(x0, x1)| (x0 - x).abs() <= near(line) && x1 <= column)
    })
}

/// What a line leaves open of a channel: the parts that no word of the line
/// covers, each at least `min` wide, pushed onto `open` from left to right.
fn open_through((a, b): (f32, f32), line: &Line, min: f32, open: &mut Vec<(f32, f32)>) {
    let first = open.len();
    open.push((a, b));
    // Only a piece across the gap narrows it: most of a line's pieces lie
    // beside it, and are not parted into words.
    for segment in line.segments.iter().filter(|s| s.x1 > a && s.x0 < b) {
        for (x0, x1) in segment.word_extents() {
            if x1 <= a || x0 >= b {
                continue;
            }
            let mut at = first;
            while at < open.len() {
                let (left, right) = open[at];
                // A word's last character may overrun a column's first, as
                // in `narrowed`.
                let x1 = match line.pitch {
                    Some(pitch) if x0 < left && x1 >= right && x1 <= right + pitch => right - pitch,
                    _ => x1,
                };
                if x1 <= left || x0 >= right {
                    at += 1;
                    continue;
                }
                // The parts either side of the word, in its stead; the
                // next word meets them, this one has done with them.
                let right_part = (x1 < right).then_some((x1, right));
                if x0 > left {
                    open[at] = (left, x0);
                    at += 1;
                    if let Some(part) = right_part {
                        open.insert(at, part);
                        at += 1;
                    }
                } else if let Some(part) = right_part {
                    open[at] = part;
                    at += 1;
                } else {
                    open.remove(at);
                }
            }
        }
    }
    let mut kept = first;
    for at in first..open.len() {
        if open[at].1 - open[at].0 >= min {
            open[kept] = open[at];
            kept += 1;
        }
    }
    open.truncate(kept);
}

#[cfg(test)]
mod tests;
