//! A region's columns: the gaps its lines leave open, chosen where a line
//! leaves one in parts, and the gaps only rows, or only the header, show.

use super::{HEADER_TOP_LINES, fits};
use crate::gutters::{EDGE_TOLERANCE, Gutter, channels, is_column_gap, is_value};
use crate::lines::Line;

/// Lines that must start at a column, beside a row whose first column only
/// it fills, for that column to be one.
const MIN_LEADING_STARTS: usize = 2;

/// The column edges of the lines of a region, from the gutters they left
/// open (see the module's documentation).
pub(super) fn columns(region: &[Line], gutters: &[Gutter]) -> Vec<f32> {
    let tolerance = region
        .first()
        .map_or(0.0, |line| EDGE_TOLERANCE * line.size);
    let left = region
        .iter()
        .filter_map(|l| l.segments.first().map(|s| s.x0))
        .fold(f32::INFINITY, f32::min);
    let right = region
        .iter()
        .filter_map(|l| l.segments.last().map(|s| s.x1))
        .fold(f32::NEG_INFINITY, f32::max);
    let misfits = |gaps: &[(f32, f32)]| {
        let mut gaps = gaps.to_vec();
        gaps.sort_by(|a, b| a.0.total_cmp(&b.0));
        let columns = columns_of(left, right, &gaps, tolerance);
        let inner = &columns[1..columns.len() - 1];
        region.iter().filter(|line| !fits(line, inner)).count()
    };
    let mut spans: Vec<(f32, f32)> = gutters.iter().map(|g| g.span(region)).collect();
    // Where a line left a gutter open in more than one part, the column gap
    // is the part that leaves the fewest lines not fitting the columns.
    for (index, gutter) in gutters.iter().enumerate() {
        if gutter.parts().len() < 2 {
            continue;
        }
        let mut trial = spans.clone();
        let mut best = (misfits(&trial), spans[index]);
        for &part in gutter.parts() {
            trial[index] = part;
            let count = misfits(&trial);
            if count < best.0 {
                best = (count, part);
            }
        }
        spans[index] = best.1;
    }
    // Another part is a column the header did not show where the lines say
    // so, and more of them fit with it; or where the header shows it after
    // all, a cell of one of its lines ending where the part starts and a
    // cell of another starting where it ends ("Indicatori di output" under
    // a group's label, beside "Data di completamento" above): columns no
    // row fills leave the lines fitting either way.
    let others: Vec<(f32, f32)> = gutters
        .iter()
        .zip(spans.clone())
        .flat_map(|(gutter, span)| {
            gutter
                .parts()
                .iter()
                .copied()
                .filter(move |&part| part != span)
        })
        .filter(|&part| is_column_gap(part, region))
        .collect();
    for part in others {
        let before = misfits(&spans);
        spans.push(part);
        let after = misfits(&spans);
        if after > before || (after == before && !between_header_cells(region, part, tolerance)) {
            spans.pop();
        }
    }
    spans.extend(channels(region, &spans));
    spans.extend(leading_gap(region, &spans, tolerance));
    spans.extend(trailing_gap(region, &spans, tolerance));
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    columns_of(left, right, &spans, tolerance)
}

/// Whether the header of `region` (its lines above its first numbered one,
/// [`HEADER_TOP_LINES`] and one more at most) sets cells of two of its lines
/// side by side across the gap `(a, b)`: one ending at `a`, another, on
/// another line, starting at `b`.
fn between_header_cells(region: &[Line], (a, b): (f32, f32), tolerance: f32) -> bool {
    let header: Vec<&Line> = region
        .iter()
        .take(HEADER_TOP_LINES + 1)
        .take_while(|line| !line.is_numbered())
        .collect();
    header.iter().enumerate().any(|(at, line)| {
        line.segments
            .iter()
            .any(|piece| (piece.x1 - a).abs() <= tolerance)
            && header.iter().enumerate().any(|(other, below)| {
                other != at
                    && below
                        .segments
                        .iter()
                        .any(|piece| (piece.x0 - b).abs() <= tolerance)
            })
    })
}

/// The gap after a first column that few rows fill (a report's reasons for
/// a shortfall, left of the objective's text: "Ritardo dovuto a…"), which
/// no pair of lines shows as a channel: a line's first piece ends before
/// the start where at least [`MIN_LEADING_STARTS`] other lines' first
/// pieces start, with its next piece there, no line covers the gap, and
/// fewer lines have text left of it than start there. Only on a grid of
/// characters (a dump), where the producer put no gap of its own.
fn leading_gap(region: &[Line], spans: &[(f32, f32)], tolerance: f32) -> Option<(f32, f32)> {
    let starts_at = |line: &Line, x: f32| {
        line.segments
            .first()
            .is_some_and(|piece| (piece.x0 - x).abs() <= tolerance)
    };
    if region.first().is_none_or(|line| line.pitch.is_none()) {
        return None;
    }
    region.iter().find_map(|line| {
        let [first, second, ..] = &line.segments[..] else {
            return None;
        };
        let (a, b) = (first.x1, second.x0);
        let known = spans.iter().any(|&(l, r)| a < r && b > l);
        let starting_there = region.iter().filter(|l| starts_at(l, b)).count();
        // It leads: fewer lines have text left of it than start there.
        let left_of_it = region
            .iter()
            .filter(|l| {
                l.segments
                    .first()
                    .is_some_and(|piece| piece.x1 <= a + tolerance)
            })
            .count();
        let open = region.iter().all(|l| {
            l.segments
                .iter()
                .all(|piece| piece.x1 <= a + tolerance || piece.x0 >= b - tolerance)
        });
        let leading = left_of_it < starting_there;
        (!known && starting_there >= MIN_LEADING_STARTS && open && leading).then_some((a, b))
    })
}

/// The gap before a last column only the header names (a report's "Note",
/// left empty in every row), which no pair of lines shows as a channel: one
/// line's last piece starts right of every other piece of the region, at
/// least two characters clear of them, while a piece that is not a value
/// starts the column left of the gap on another line (that column's own
/// header, as "Grado di" over "100%"): else the piece is its column's
/// header set to the right, not a column of its own. Only on a grid of
/// characters (a dump), where the producer put no gap of its own.
fn trailing_gap(region: &[Line], spans: &[(f32, f32)], tolerance: f32) -> Option<(f32, f32)> {
    let pitch = region.first()?.pitch?;
    let (trailing, line) = region
        .iter()
        .enumerate()
        .filter(|(_, line)| line.segments.len() > 1)
        .filter_map(|(index, line)| line.segments.last().map(|piece| (piece, index)))
        .max_by(|x, y| x.0.x0.total_cmp(&y.0.x0))?;
    let b = trailing.x0;
    let mut before = region
        .iter()
        .enumerate()
        .flat_map(|(index, l)| l.segments.iter().map(move |piece| (index, piece)))
        .filter(|&(index, piece)| index != line || piece.x0 < b);
    if before.clone().any(|(_, piece)| piece.x1 > b - 2.0 * pitch) {
        return None;
    }
    let a = before
        .clone()
        .map(|(_, piece)| piece.x1)
        .fold(f32::MIN, f32::max);
    let last_start = spans.iter().map(|&(_, r)| r).fold(f32::MIN, f32::max);
    let named = before.any(|(index, piece)| {
        index != line && (piece.x0 - last_start).abs() <= tolerance && !is_value(&piece.text)
    });
    let known = spans.iter().any(|&(l, r)| a < r && b > l);
    (named && !known).then_some((a, b))
}

/// The column edges of a table from `left` to `right` with column gaps
/// `gaps` (left to right), each column starting as [`column_start`] says.
pub(crate) fn columns_of(left: f32, right: f32, gaps: &[(f32, f32)], tolerance: f32) -> Vec<f32> {
    let mut columns = Vec::with_capacity(gaps.len() + 2);
    columns.push(left);
    columns.extend(gaps.iter().map(|&gap| column_start(gap, tolerance)));
    columns.push(right);
    columns
}

/// Where the column right of a gap starts: text is left-aligned, so where
/// its text starts, `tolerance` left of the gap's end.
pub(super) fn column_start((a, b): (f32, f32), tolerance: f32) -> f32 {
    (b - tolerance).max(a)
}
