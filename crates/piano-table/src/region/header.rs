//! The top of a table: a header's first lines of one cell, a header left
//! alone at a page's foot or printed once above the headings that part its
//! rows (its columns named over all its lines), and the lines set above a
//! table's first full line that head it.

use super::{
    LINE_SPACING, MAX_PIECES, column_of, columns_of, fits, gaps_through, is_spaced_prose, region,
    split_glued_values,
};
use crate::furniture::is_page_number;
use crate::gutters::{EDGE_TOLERANCE, Gutter};
use crate::lines::{Line, Segment};

/// Lines below a header alone at a page's foot: a page number, a footer.
const FOOT_LINES: usize = 2;

/// Lines of one piece a header may have above its first line of several.
pub(super) const HEADER_TOP_LINES: usize = 2;

/// The gaps no piece of `lines` covers, left to right, between the first
/// piece's start and the last's end: the column gaps of a header whose
/// lines name columns the others do not (a group's label over two).
fn uncovered(lines: &[Line]) -> Vec<(f32, f32)> {
    let mut pieces: Vec<(f32, f32)> = lines
        .iter()
        .flat_map(|line| line.segments.iter().map(|piece| (piece.x0, piece.x1)))
        .collect();
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut gaps = Vec::new();
    let mut reach = pieces.first().map_or(0.0, |piece| piece.1);
    for &(x0, x1) in pieces.iter().skip(1) {
        if x0 > reach {
            gaps.push((reach, x0));
        }
        reach = reach.max(x1);
    }
    gaps
}

/// A region whose header's first lines name one column each ("Descrizione"
/// over "Obiettivi" / "Operativi", a tall header's cell wrapped onto more
/// lines than its neighbours'): the region of the first line of several
/// pieces below the line at `start`, taken from `start` when up to
/// [`HEADER_TOP_LINES`] lines of one piece, without figures, set as one
/// block with it, each lie within one of its columns other than the first
/// (a header's cell over a row's number has one line of its own) that line
/// leaves empty (a group's label stands over a line that names its column),
/// and that line is no numbered row and has three pieces or more (a label and its
/// value, set below a value's first line, make no header). In a PDF, the
/// top's cells must also go on right under that line (a cell centred in a
/// tall header).
pub(super) fn region_under_a_header_top(lines: &[Line], start: usize) -> Option<(usize, Vec<f32>)> {
    let below = (start + 1..lines.len())
        .take(HEADER_TOP_LINES)
        .take_while(|&index| !lines[index].is_set_apart_from(&lines[index - 1]))
        .find(|&index| lines[index].segments.len() > 1)?;
    let top = &lines[start..below];
    if top
        .iter()
        .any(|line| line.segments.len() != 1 || line.has_a_figure())
        || lines[below].segments.len() < 3
        || lines[below].is_numbered()
    {
        return None;
    }
    let (end, columns) = region(lines, below)?;
    let inner = &columns[1..columns.len().saturating_sub(1)];
    let tolerance = EDGE_TOLERANCE * lines[below].size;
    let column_of_piece = |piece: &Segment| {
        let column = column_of(piece.x0 + tolerance, inner);
        (column == column_of(piece.x1 - tolerance, inner)).then_some(column)
    };
    let taken: Vec<Option<usize>> = lines[below].segments.iter().map(column_of_piece).collect();
    let top_columns: Vec<Option<usize>> = top
        .iter()
        .flat_map(|line| &line.segments)
        .map(column_of_piece)
        .collect();
    let over_its_own_cell = top_columns
        .iter()
        .all(|column| column.is_some_and(|column| column > 0 && !taken.contains(&Some(column))));
    // In a PDF, where a caption or a group's label may stand as close above
    // a header, only a cell centred in a tall header: its rest wrapped onto
    // the line right under the header's, in the same column ("Indicatori
    // di" / "risultato" around "Nr. Descrizione … Target").
    let centred = || {
        lines.get(below + 1).is_some_and(|under| {
            !under.is_set_apart_from(&lines[below])
                && under
                    .segments
                    .iter()
                    .all(|piece| top_columns.contains(&column_of_piece(piece)))
        })
    };
    (over_its_own_cell && (lines[below].pitch.is_some() || centred())).then_some((end, columns))
}

/// The end (exclusive) and column edges of the line at `index` taken as a
/// table's header (or a row) left alone at the foot of a page, its rows on
/// the next (a page break between a header and its first row): a line of
/// three or more pieces, not justified prose, with the lines set right under
/// it whose pieces each start under one of its own (its cells wrapped, "% di"
/// / "raggiungimento", or a row under it; not a page number), and below
/// those at most [`FOOT_LINES`] lines of one piece each narrower than it (a
/// page number, a footer).
pub(crate) fn header_alone(lines: &[Line], index: usize) -> Option<(usize, Vec<f32>)> {
    let (end, columns) = header_block(lines, index)?;
    let line = &lines[index];
    let width = line.segments.last()?.x1 - line.segments.first()?.x0;
    let below = &lines[end..];
    let foot = below.len() <= FOOT_LINES
        && below.iter().all(|below| {
            below.segments.len() < 2
                && below
                    .segments
                    .first()
                    .is_none_or(|piece| piece.x1 - piece.x0 < width)
        });
    foot.then_some((end, columns))
}

/// The end (exclusive) and column edges of the line at `index` taken as the
/// header of a table printed once above headings that part its rows
/// ("Missione 01 – …" over the rows of its programmes): a header as
/// [`header_alone`] reads it, then at most [`MAX_HEADINGS_BELOW`] lines of
/// one piece, then a line of several pieces, no figure among the header's,
/// that stays within its columns.
pub(crate) fn header_over_headings(lines: &[Line], index: usize) -> Option<(usize, Vec<f32>)> {
    let (end, columns) = header_block(lines, index)?;
    let header = &lines[index];
    if header.segments.len() < 3 || header.has_a_figure() || header.is_numbered() {
        return None;
    }
    let headings = lines[end..]
        .iter()
        .take_while(|line| line.segments.len() == 1)
        .count();
    let first_row = lines.get(end + headings)?;
    let inner = &columns[1..columns.len() - 1];
    let holds = (1..=MAX_HEADINGS_BELOW).contains(&headings)
        && first_row.segments.len() > 1
        && fits(first_row, inner);
    holds.then_some((end, columns))
}

/// Most lines of one piece (headings) between a header printed once and
/// the first row it holds for.
const MAX_HEADINGS_BELOW: usize = 4;

/// The end (exclusive) and column edges of the line at `index` taken as a
/// table's header with the lines that wrap its cells: a line of three or
/// more pieces, not justified prose, with the lines set right under it
/// whose pieces each start under one of its own.
fn header_block(lines: &[Line], index: usize) -> Option<(usize, Vec<f32>)> {
    let line = &lines[index];
    if line.segments.len() > MAX_PIECES || line.segments.len() < 3 || is_spaced_prose(line) {
        return None;
    }
    let left = line.segments.first()?.x0;
    let right = line.segments.last()?.x1;
    let tolerance = EDGE_TOLERANCE * line.size;
    // A piece that starts under a header cell, or after it (a column named
    // under a group's label: "Dati di monitoraggio" over "Osservazioni" and
    // "Valore"), and ends before the next.
    let under_the_header = |piece: &Segment| {
        line.segments.iter().enumerate().any(|(at, cell)| {
            let next = line.segments.get(at + 1).map_or(f32::INFINITY, |n| n.x0);
            piece.x0 >= cell.x0 - tolerance && piece.x1 < next
        })
    };
    let wrapped = lines[index + 1..]
        .iter()
        .zip(&lines[index..])
        .take_while(|(below, above)| {
            below.y - above.y <= LINE_SPACING * below.size
                && below.segments.iter().all(under_the_header)
                && !below
                    .segments
                    .iter()
                    .any(|piece| is_page_number(&piece.text))
        })
        .count();
    let end = index + 1 + wrapped;
    let columns = columns_of(left, right, &uncovered(&lines[index..end]), tolerance);
    Some((end, split_glued_values(&lines[index..end], columns)))
}

/// The gaps of the last of `lines` as the lines above it leave them, if
/// they are the top of its table: header cells and text centred in a tall
/// row above the first line that shows every column. They are when they are
/// set as one block with it, at the spacing of lines, leave its gaps open,
/// and either it is a numbered row (they are its header) or they leave its
/// first column empty (they are header cells over its others, not a label
/// and its value set above it).
pub(super) fn top_of_its_table(lines: &[Line]) -> Option<Vec<Gutter>> {
    let (line, above) = lines.split_last()?;
    let block = lines
        .windows(2)
        .all(|pair| pair[1].y - pair[0].y <= LINE_SPACING * pair[1].size);
    let numbered = line.is_numbered();
    let second = line.segments[1].x0;
    let over_the_others = above
        .iter()
        .all(|l| l.segments.first().is_none_or(|piece| piece.x1 > second));
    if !(block && (numbered || over_the_others)) {
        return None;
    }
    gaps_through(above, line)
}
