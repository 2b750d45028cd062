//! Where a borderless table the page above ended with goes on at the top of
//! this page: from the first line that starts at one of its columns (a
//! running head left above it), while its lines fit the columns and end
//! whole rows, unless its header drawn again heads a table of the page's own
//! columns; on a page of a dump that pdftotext set to a scale of its own, at
//! the columns a row's full line shows.

use super::{fitting_lines, heads_its_own_table};
use crate::gutters::{EDGE_TOLERANCE, break_before_values};
use crate::lines::{Line, Segment};
use crate::page::same_table;
use crate::region::{MAX_ROW_GAP, region};

/// The lines of a header drawn again that are looked through for its line
/// at the table's left edge.
const HEADER_LINES: usize = 4;

/// The lines of a page that go on with a carried table, and the columns
/// they are read in.
pub(super) struct Carried {
    /// The first line (those above are the page's running head).
    pub(super) start: usize,
    /// The end (exclusive).
    pub(super) end: usize,
    /// The column edges: the carried ones, or those the page shows.
    pub(super) columns: Vec<f32>,
}

/// The lines of `lines` (a page) that go on with the table of column edges
/// `carried`, from the first line below `top_margin` (on a dump's page, which
/// has no margins, from the first line that starts at a column); `None` when
/// none do.
pub(super) fn carried_lines(lines: &[Line], carried: &[f32], top_margin: f32) -> Option<Carried> {
    // A dump's page starts at its first line of text: the table goes on
    // from the first line whose text starts at a column, a running head
    // left above it (centred, or a line of one piece set apart by a
    // blank line from what follows).
    let running_head = |index: usize| {
        let line = &lines[index];
        line.segments.len() == 1
            && lines
                .get(index + 1)
                .is_none_or(|below| below.is_set_apart_from(line))
    };
    let start = (0..lines.len())
        .find(|&index| match lines[index].pitch {
            Some(_) => starts_at_a_column(&lines[index], carried) && !running_head(index),
            None => lines[index].y > top_margin,
        })
        .unwrap_or(lines.len());
    // Its header drawn again heads a table of the page's own columns
    // (a dump's page may set them a character or two apart). A line with a
    // figure (a weight, a date) is no header: it is a row going on unless
    // its own block (down to a blank line: a card's fields may follow)
    // shows more columns than the table had, each between two of its
    // pieces (a gutter that cuts one of its cells is two lines' words
    // spaced alike by chance).
    let header_again = lines.get(start).is_some_and(|line| {
        if line.has_a_figure() {
            let block = &lines[..block_end(lines, start)];
            region(block, start)
                .is_some_and(|(_, own)| own.len() > carried.len() && !cuts_a_piece(line, &own))
        } else {
            // A header's first lines may name one column each: its line at
            // the table's left edge (without figures: a row's has some) tells.
            let left = carried.first().copied().unwrap_or_default();
            let full = lines[start..]
                .iter()
                .take(HEADER_LINES)
                .find(|line| {
                    line.segments.len() > 1
                        && !line.has_a_figure()
                        && line
                            .segments
                            .first()
                            .is_some_and(|piece| (piece.x0 - left).abs() <= line.size)
                })
                .unwrap_or(line);
            region(lines, start).is_some_and(|(_, own)| heads_its_own_table(full, &own, carried))
        }
    });

    let mut columns = carried.to_vec();
    let mut end = if header_again {
        start
    } else {
        fitting_whole_rows(lines, start, &columns)
    };
    // A page of a dump that pdftotext set to a scale of its own (a row
    // or two on a page of their own) fits the carried columns nowhere:
    // a row's line with a piece for every column shows where they are.
    if end == start
        && !header_again
        && let Some(own) = lines
            .get(start)
            .and_then(|line| columns_of_a_full_row(line, carried))
        && region(lines, start).is_none()
    {
        end = fitting_whole_rows(lines, start, &own);
        columns = own;
    }
    // A cut row's rest on such a page shows fewer columns (the cells its
    // first line held are done): the region it makes has the carried
    // columns it shows, each moved a few characters, in their order.
    if end == start
        && !header_again
        && lines
            .get(start)
            .is_some_and(|line| continues_a_row(line, carried))
        && let Some((_, own)) = region(lines, start)
        && let Some(moved) = carried_columns_moved(&own, carried)
    {
        end = fitting_whole_rows(lines, start, &moved);
        if end > start {
            columns = moved;
        }
    }
    (end > start).then_some(Carried {
        start,
        end,
        columns,
    })
}

/// The end (exclusive) of the block of lines from `start`: the first line
/// set apart from the one above by a blank line.
fn block_end(lines: &[Line], start: usize) -> usize {
    (start + 1..lines.len())
        .find(|&index| lines[index].is_set_apart_from(&lines[index - 1]))
        .unwrap_or(lines.len())
}

/// Whether an inner column edge of `columns` falls inside one of `line`'s
/// pieces.
fn cuts_a_piece(line: &Line, columns: &[f32]) -> bool {
    let inner = &columns[1..columns.len().saturating_sub(1)];
    let tolerance = EDGE_TOLERANCE * line.size;
    inner.iter().any(|&edge| {
        line.segments
            .iter()
            .any(|piece| piece.x0 + tolerance < edge && edge < piece.x1)
    })
}

/// The column edges a dump's line shows when it has a piece for each of the
/// columns `carried` (edges included) and starts in the first: each column
/// starting a tolerance left of its piece, as a region's do. A line one
/// piece short counts when its last piece that ends with a value after text
/// gives the value to a column of its own (pdftotext set it one space after
/// the text: "… report annuale. 31.12.2022").
fn columns_of_a_full_row(line: &Line, carried: &[f32]) -> Option<Vec<f32>> {
    line.pitch?;
    let count = carried.len().checked_sub(1)?;
    let (first, last) = (line.segments.first()?, line.segments.last()?);
    if count < 2 || first.x0 > carried[1] {
        return None;
    }
    let pieces: Vec<f32> = line.segments.iter().map(|piece| piece.x0).collect();
    let starts = if pieces.len() + 1 == count {
        // Of the pieces that end with a value after text, the one whose
        // value set apart puts the columns most nearly where the carried
        // ones stand, scaled.
        line.segments
            .iter()
            .enumerate()
            .filter_map(|(index, piece)| {
                let mut starts = pieces.clone();
                starts.insert(index + 1, value_after_text(piece)?);
                Some(starts)
            })
            .min_by(|a, b| scaled_misfit(a, carried).total_cmp(&scaled_misfit(b, carried)))?
    } else {
        pieces
    };
    if starts.len() != count {
        return None;
    }
    let tolerance = EDGE_TOLERANCE * line.size;
    let inner = starts[1..].iter().map(|start| start - tolerance);
    let left = first.x0.min(carried[0]);
    Some(
        std::iter::once(left)
            .chain(inner)
            .chain(std::iter::once(last.x1.max(carried[count])))
            .collect(),
    )
}

/// How far column starts `starts` lie from the edges `carried` scaled to
/// fit them best (least squares through the page's left edge).
fn scaled_misfit(starts: &[f32], carried: &[f32]) -> f32 {
    let pairs = || starts.iter().zip(carried).skip(1);
    let scale = pairs().map(|(x, c)| x * c).sum::<f32>() / pairs().map(|(_, c)| c * c).sum::<f32>();
    pairs().map(|(x, c)| (x - scale * c).powi(2)).sum()
}

/// Where the values that end a piece after its text start, if they do.
fn value_after_text(piece: &Segment) -> Option<f32> {
    Some(piece.breaks[break_before_values(piece)?].x1)
}

/// Whether a dump's line goes on with a row of the table of `columns`
/// (edges included): its first piece starts right of the first column,
/// which opens rows.
fn continues_a_row(line: &Line, columns: &[f32]) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    line.pitch.is_some()
        && line
            .segments
            .first()
            .zip(columns.get(1))
            .is_some_and(|(first, &edge)| first.x0 + tolerance >= edge)
}

/// The carried column edges `carried` with those the page's own region
/// shows (`own`, edges included, fewer of them) set where it shows them:
/// each of `own`'s inner edges stands for one of `carried`'s, in order, the
/// pairing that moves them least; `None` when the moved edges are not the
/// same table's ([`same_table`]: a few characters apart) or fall out of
/// order. pdftotext lays each page out anew, a column a few characters from
/// where it stood on the page above.
pub(super) fn carried_columns_moved(own: &[f32], carried: &[f32]) -> Option<Vec<f32>> {
    let own_inner = own.get(1..own.len().checked_sub(1)?)?;
    let inner = carried.get(1..carried.len().checked_sub(1)?)?;
    if own_inner.is_empty() || own_inner.len() >= inner.len() {
        return None;
    }
    // cost[i][j]: the least distance pairing the first i own edges with
    // some of the first j carried ones, in order.
    let (n, m) = (own_inner.len(), inner.len());
    let mut cost = vec![vec![f32::INFINITY; m + 1]; n + 1];
    cost[0].fill(0.0);
    for i in 1..=n {
        for j in i..=m {
            let paired = cost[i - 1][j - 1] + (own_inner[i - 1] - inner[j - 1]).abs();
            cost[i][j] = cost[i][j - 1].min(paired);
        }
    }
    let mut moved = carried.to_vec();
    let (mut i, mut j) = (n, m);
    while i > 0 {
        if cost[i][j] < cost[i][j - 1] {
            moved[j] = own_inner[i - 1];
            i -= 1;
        }
        j -= 1;
    }
    moved[0] = moved[0].min(own[0]);
    moved[m + 1] = moved[m + 1].max(own[n + 1]);
    let ordered = moved.windows(2).all(|pair| pair[0] < pair[1]);
    (ordered && same_table(&moved, carried)).then_some(moved)
}

/// Whether a line's first piece starts at one of the column edges, within a
/// font size, as a cell's left-aligned text does.
fn starts_at_a_column(line: &Line, columns: &[f32]) -> bool {
    line.segments.first().is_some_and(|first| {
        columns[..columns.len().saturating_sub(1)]
            .iter()
            .any(|edge| (first.x0 - edge).abs() <= line.size)
    })
}

/// The end (exclusive) of the lines from `start` whose pieces each stay
/// within a column, and that end whole rows: where a line that continues a
/// row (its first column empty) does not fit, the row goes with the lines
/// below it, which make a table of their own (a page whose lines a dump set
/// a character or two apart fits the columns carried from the page above
/// only in part).
pub(super) fn fitting_whole_rows(lines: &[Line], start: usize, columns: &[f32]) -> usize {
    let end = fitting_lines(lines, start, columns);
    let first_edge = columns.get(1).copied().unwrap_or(f32::INFINITY);
    let starts_a_row = |line: &Line| {
        let tolerance = EDGE_TOLERANCE * line.size;
        line.segments
            .first()
            .is_some_and(|first| first.x0 + tolerance < first_edge)
    };
    // A line set apart below (a page number at the foot) continues no row.
    let continues_a_row = |cut: &Line| {
        let above = &lines[end - 1];
        !starts_a_row(cut) && cut.y - above.y <= MAX_ROW_GAP * cut.size.max(above.size)
    };
    match lines.get(end) {
        Some(cut) if end > start && continues_a_row(cut) => (start..end)
            .rev()
            .find(|&index| starts_a_row(&lines[index]))
            .unwrap_or(end),
        _ => end,
    }
}
