//! Where a block of a region's lines, below a blank line, belongs to no
//! row of its table: a heading or a card's label and value, set where the
//! table's columns are not.

use crate::gutters::{EDGE_TOLERANCE, Gutter};
use crate::lines::{Line, Segment};

/// Whether no piece of `line` but its first starts where a part of a
/// gutter ends (a line of one piece starts none): the line shows none of
/// the region's columns.
pub(super) fn starts_no_column(line: &Line, gutters: &[Gutter]) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    !later_starts(line, gutters).any(|(x0, (_, b))| (x0 - b).abs() <= tolerance)
}

/// Whether a piece of `line` but its first starts inside a part of a gutter
/// (clear of both its ends): text where the region's lines left a gap.
pub(super) fn starts_in_a_gutter(line: &Line, gutters: &[Gutter]) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    later_starts(line, gutters).any(|(x0, (a, b))| x0 > a + tolerance && x0 < b - tolerance)
}

/// Where each piece of `line` but its first starts, beside each open part
/// of `gutters`: what the two tests above weigh.
fn later_starts<'a>(
    line: &'a Line,
    gutters: &'a [Gutter],
) -> impl Iterator<Item = (f32, (f32, f32))> + 'a {
    line.segments.iter().skip(1).flat_map(move |piece| {
        gutters
            .iter()
            .flat_map(Gutter::parts)
            .map(move |&part| (piece.x0, part))
    })
}

/// Whether `piece` runs across every open part of `gutter`.
pub(super) fn runs_across(piece: &Segment, gutter: &Gutter) -> bool {
    let parts = gutter.parts();
    matches!(
        (parts.first(), parts.last()),
        (Some(first), Some(last)) if piece.x0 < first.0 && piece.x1 > last.1
    )
}

/// Whether a line of several pieces set below a blank line starts another
/// block (a heading, a label and its value) rather than going on with the
/// region's table: its first piece runs across the whole first gutter with
/// no digit before it (a row's number or code).
pub(super) fn starts_another_block(region: &[Line], gutters: &[Gutter], line: &Line) -> bool {
    if line.segments.len() < 2 {
        return false;
    }
    let first_gutter = gutters.first().map(|gutter| gutter.span(region));
    match (line.segments.first(), first_gutter) {
        (Some(first), Some((a, b))) => {
            let first_word = first.text.split(' ').next().unwrap_or("");
            first.x0 < a && first.x1 > b && !first_word.chars().any(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}
