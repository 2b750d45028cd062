//! Where a block of a region's lines, below a blank line, belongs to no
//! row of its table: a heading or a card's label and value, set where the
//! table's columns are not.

use crate::gutters::{EDGE_TOLERANCE, Gutter};
use crate::lines::{Line, Segment};
use crate::region::{column_of, inner_edges};

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

/// Whether `line` holds the very cells of the region's `header`, one of
/// them set elsewhere, over a row (`next`) no piece of which runs across a
/// gap between them: the header of another table of the same columns
/// sized to its own rows (a converter writes each table its own widths, and
/// a table split in two, at a page break of its source, as two), which the
/// region's gutters, narrowed by rows it does not have, would take for a
/// row of theirs. A row crowded across the repeated header's gaps (cells
/// one space apart) says nothing of where its columns are: the region's
/// rows may, and it goes on.
pub(super) fn repeats_the_header_elsewhere(
    header: &Line,
    line: &Line,
    next: Option<&Line>,
) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    let fits_its_gaps = next.is_some_and(|next| {
        line.segments.windows(2).all(|pair| {
            let (a, b) = (pair[0].x1, pair[1].x0);
            !next
                .segments
                .iter()
                .any(|piece| piece.x0 < a && piece.x1 > b)
        })
    });
    fits_its_gaps
        && line.segments.len() == header.segments.len()
        && line
            .segments
            .iter()
            .zip(&header.segments)
            .all(|(piece, cell)| piece.text == cell.text)
        && line
            .segments
            .iter()
            .zip(&header.segments)
            .any(|(piece, cell)| (piece.x0 - cell.x0).abs() > tolerance)
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

/// Whether `line`, of one piece, set below a blank line and above another
/// (`next`), is a heading that stands left of where every line of `region`
/// starts: a table set in from the margin (an empty first column) is
/// parted by its structures' headings at the margin, and a heading short
/// enough to lie within the first column would else carry the region on
/// into the next structure's table, whose widths are its own.
pub(super) fn is_outdented_heading(region: &[Line], line: &Line, next: Option<&Line>) -> bool {
    let [heading] = line.segments.as_slice() else {
        return false;
    };
    let Some(left) = region
        .iter()
        .filter_map(|above| above.segments.first())
        .map(|first| first.x0)
        .reduce(f32::min)
    else {
        return false;
    };
    next.is_some_and(|next| next.is_set_apart_from(line)) && heading.x0 + line.size < left
}

/// Whether `line`, of more pieces than `region` has columns, heads a table
/// of more columns: on a grid of characters, two of its pieces fall in one
/// of the region's columns with a gap between them, in none of the region's
/// gutters, at least half as wide as the narrowest gutter (a dump sets a
/// table's columns apart by about as many spaces as a card's label and
/// value), and the line's first piece falls in a column left of theirs (a
/// card's phase header "Azioni   Peso   Termine" right under its labels and
/// values, whose second column would glue "Peso" and "Termine" into one
/// cell); the line holds no figure (a header) and the region's lines hold
/// one (a body, not a header's top lines).
pub(super) fn opens_a_wider_table(region: &[Line], gutters: &[Gutter], line: &Line) -> bool {
    // A header holds no figure (a row's values split a header's glued
    // names), and a header's top lines hold none: a line under them is the
    // header's own lower level ("Area Servizi" over "alla Persona").
    if line.pitch.is_none()
        || line.has_a_figure()
        || line.segments.len() < 3
        || line.segments.len() <= gutters.len() + 1
        || !region.iter().any(Line::has_a_figure)
    {
        return false;
    }
    let Some(narrowest) = gutters
        .iter()
        .map(|gutter| {
            let (a, b) = gutter.span(region);
            b - a
        })
        .reduce(f32::min)
    else {
        return false;
    };
    let tolerance = EDGE_TOLERANCE * line.size;
    let inner = inner_edges(region, gutters);
    let column = |piece: &Segment| column_of(piece.x0 + tolerance, &inner);
    let first_column = line.segments.first().map_or(0, column);
    line.segments.windows(2).any(|pair| {
        let gap = pair[1].x0 - pair[0].x1;
        2.0 * gap >= narrowest
            && column(&pair[0]) == column(&pair[1])
            && column(&pair[0]) > first_column
            && !gutters
                .iter()
                .any(|gutter| gutter.overlaps(pair[0].x1, pair[1].x0))
    })
}
