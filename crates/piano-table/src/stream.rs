//! Tables without borders (Camelot's "stream" tables): columns inferred from
//! the header row's gaps, kept while the rows below leave those gaps empty.
//!
//! Where a table starts and ends, and its columns, are `region.rs`'s; which
//! line starts a row is `rows.rs`'s; how lines narrow gutters, and the
//! gutters a header does not show, are `gutters.rs`'s; where a table goes on
//! at the top of the next page is `carry.rs`'s. Here: a table's columns go
//! on further down the page while lines fit them, unless a table of its own
//! starts there (more columns, or the header drawn again); a header left
//! alone at a page's foot is a table of one row.

use crate::gutters::{EDGE_TOLERANCE, edges_crossed, value_pushed_left};
use crate::lines::Line;
use crate::page::{Block, is_short_label};
use crate::region::{
    MAX_ROW_GAP, MIN_BODY_LINES, column_of, fits, header_alone, header_over_headings, region,
};
use crate::rows::{Start, header_rows, rows_of};
use carry::{Carried, carried_lines};

mod carry;
#[cfg(test)]
mod tests;

/// Splits free lines into borderless table rows and the lines left as text.
/// `carry` holds the columns of a borderless table the previous page ended
/// with: the lines that fit them go on with it, from the first line below
/// `top_margin` (on a dump's page, which has no margins, from the first line
/// that starts at a column).
pub(crate) fn infer_rows(
    lines: &[Line],
    carry: Option<&[f32]>,
    top_margin: f32,
) -> (Vec<Block>, Vec<Line>) {
    let mut rows = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    let mut known: Option<Vec<f32>> = carry.map(<[f32]>::to_vec);
    if let Some(carried) = carry
        && let Some(Carried {
            start,
            end,
            columns,
        }) = carried_lines(lines, carried, top_margin)
    {
        rest.extend_from_slice(&lines[..start]);
        rows.extend(rows_of(&lines[start..end], &columns, Start::Carried));
        known = Some(columns);
        i = end;
    }
    while i < lines.len() {
        // A table seen before (on this page or the last) goes on where its
        // columns still fit (its header may have had more columns than any
        // row below can show), unless another table starts here, or the
        // rows here make the same columns moved a little and fit them
        // further down (a header printed once, its columns set again under
        // a heading).
        let found = region(lines, i);
        // Fields set beside their labels outside a table go on below the
        // value's line above: their lines are free text, not a table's.
        if let Some((end, columns)) = &found
            && goes_on_with_the_fields_above(lines, i, *end, columns)
        {
            rest.extend_from_slice(&lines[i..*end]);
            i = *end;
            continue;
        }
        if lines[i].segments.len() > 1
            && let Some(columns) = &known
            && found
                .as_ref()
                .is_none_or(|(_, own)| !heads_its_own_table(&lines[i], own, columns))
            && !prose_of_a_new_block(lines, i, columns)
        {
            let end = fitting_lines(lines, i, columns);
            let moved = found.as_ref().is_some_and(|(own_end, own)| {
                *own_end > end
                    && wraps_a_row(&lines[end], columns)
                    && same_columns_moved(own, columns)
            });
            if end - i > MIN_BODY_LINES && !moved {
                rows.extend(rows_of(&lines[i..end], columns, Start::Top));
                i = end;
                continue;
            }
        }
        // A table's top alone at a page's foot: a header whose cells wrap
        // onto the lines under it (fewer pieces, no figures) is one row,
        // though its lines make a region; else its lines are read as any
        // table's.
        if let Some((end, columns)) = header_alone(lines, i) {
            let header = &lines[i];
            let wrapped_header = !header.is_numbered()
                && lines[i + 1..end].iter().all(|below| {
                    below.segments.len() < header.segments.len() && !below.has_a_figure()
                });
            if !wrapped_header {
                rows.extend(rows_of(&lines[i..end], &columns, Start::Top));
            } else {
                rows.extend(header_rows(&lines[i..end], &columns));
            }
            i = end;
            continue;
        }
        // A header printed once above the headings that part its rows:
        // its columns hold for the rows below them.
        if found.is_none()
            && let Some((end, columns)) = header_over_headings(lines, i)
        {
            rows.extend(header_rows(&lines[i..end], &columns));
            known = Some(columns);
            i = end;
            continue;
        }
        // A numbered row alone above the rows of its table, or a region of
        // its own whose columns are some of that table's.
        if found
            .as_ref()
            .is_none_or(|(end, own)| is_row_of_the_table_below(lines, i, *end, own))
            && let Some((end, columns)) =
                row_above_its_table(lines, i, found.as_ref().map(|(end, _)| *end))
        {
            rows.extend(rows_of(&lines[i..end], &columns, Start::Top));
            known = Some(columns);
            i = end;
            continue;
        }
        match found {
            Some((end, columns)) => {
                rows.extend(rows_of(&lines[i..end], &columns, Start::Top));
                known = Some(columns);
                i = end;
            }
            None => {
                rest.push(lines[i].clone());
                i += 1;
            }
        }
    }
    (rows, rest)
}

/// The end (exclusive) and column edges of the table a numbered row at
/// `start` opens though no region starts there: its cells leave a column
/// empty that the next row fills, which so shows a gap more and reads, to
/// the region the row starts, as the next table's header. The row's lines
/// go with the region the next row starts when that row is numbered too,
/// set below them as rows are (a blank line, no wider), and the row's
/// lines fit its columns. `own_region`: the end of the region the row's
/// lines make of their own, of some of those columns
/// ([`is_row_of_the_table_below`]): the next row starts there, and only
/// the row's first line, which holds its values, must fit (the lines below,
/// whose wrapped cells `pdftotext` may set across a column's edge, fit the
/// row's own region already).
fn row_above_its_table(
    lines: &[Line],
    start: usize,
    own_region: Option<usize>,
) -> Option<(usize, Vec<f32>)> {
    if !lines[start].is_numbered() || lines[start].segments.len() < 3 {
        return None;
    }
    let next = match own_region {
        Some(end) => end,
        None => (start + 1..lines.len()).find(|&j| lines[j].is_set_apart_from(&lines[j - 1]))?,
    };
    let (line, above) = (&lines[next], &lines[next - 1]);
    if !line.is_numbered() || line.y - above.y > MAX_ROW_GAP * line.size.max(above.size) {
        return None;
    }
    let (end, columns) = region(lines, next)?;
    let inner = &columns[1..columns.len().saturating_sub(1)];
    let checked = if own_region.is_some() {
        start + 1
    } else {
        next
    };
    lines[start..checked]
        .iter()
        .all(|line| fits(line, inner))
        .then_some((end, columns))
}

/// Whether the region from `start` to `end`, of columns `own`, is one
/// numbered row above the rows of its table that `pdftotext` set with its
/// cells run together (its first line "… 25%", "… cittadini Efficienza …
/// 30.09.2023"): its lines show only some of the table's gutters, and the
/// next line, which ends the region, opens a numbered row showing more of
/// them, among them every one the row shows.
fn is_row_of_the_table_below(lines: &[Line], start: usize, end: usize, own: &[f32]) -> bool {
    let Some(below) = lines.get(end) else {
        return false;
    };
    if !lines[start].is_numbered() || !below.is_numbered() || lines[start].pitch.is_none() {
        return false;
    }
    let Some((_, table)) = region(lines, end) else {
        return false;
    };
    let tolerance = EDGE_TOLERANCE * below.size;
    let own_inner = &own[1..own.len().saturating_sub(1)];
    let table_inner = &table[1..table.len().saturating_sub(1)];
    table_inner.len() > own_inner.len()
        && own_inner.iter().all(|edge| {
            table_inner
                .iter()
                .any(|other| (edge - other).abs() <= tolerance)
        })
}

/// Whether the region from `start` to `end`, of two columns, goes on with
/// the fields of a run of labels and values above it rather than being a
/// table (LibreOffice's structure fields as `pdftotext` sets them, each
/// label centred beside its value's lines): on a grid of characters, right
/// under a value's line alone that starts where the region's values start,
/// every line of the region is an unnumbered short label and its value's
/// line, or a value's line alone. A table's rows set no value's line above
/// their first label; the run's lines are shared out as fields by
/// `page/centred_labels.rs`.
fn goes_on_with_the_fields_above(
    lines: &[Line],
    start: usize,
    end: usize,
    columns: &[f32],
) -> bool {
    let first = &lines[start];
    let ([_, first_value], Some(above)) = (
        first.segments.as_slice(),
        start.checked_sub(1).map(|at| &lines[at]),
    ) else {
        return false;
    };
    let tolerance = EDGE_TOLERANCE * first.size;
    let at_values = |line: &Line| {
        matches!(line.segments.as_slice(),
            [value] if (value.x0 - first_value.x0).abs() <= tolerance)
    };
    let field = |line: &Line| match line.segments.as_slice() {
        [label, value] => {
            is_short_label(&label.text) && (value.x0 - first_value.x0).abs() <= tolerance
        }
        _ => at_values(line),
    };
    columns.len() == 3
        && first.pitch.is_some()
        && !first.is_set_apart_from(above)
        && at_values(above)
        && lines[start..end]
            .iter()
            .all(|line| !line.is_numbered() && field(line))
}

/// Whether `line`, the first of a region of columns `own`, heads a table of
/// its own rather than going on with a table of columns `known`: it shows
/// more columns, or as many and is that table's header drawn again (text at
/// its first column, no row number), which on a dump's page may stand a
/// character or two from where it stood before.
fn heads_its_own_table(line: &Line, own: &[f32], known: &[f32]) -> bool {
    let header_again = !line.is_numbered()
        && line.segments.first().is_some_and(|piece| {
            known
                .first()
                .is_some_and(|left| (piece.x0 - left).abs() <= line.size)
        });
    own.len() > known.len() || (own.len() == known.len() && header_again)
}

/// Whether column edges `own` are those of `known` moved a little, as a
/// producer that lays out each table on its own sets a header's columns
/// again under a heading (a column wider or narrower by the longest text it
/// holds there): as many columns, each inner edge between the neighbours
/// of the edge it stands for. The rows below a header printed once then
/// take their own columns, which their wrapped lines fit, in the header's
/// order.
fn same_columns_moved(own: &[f32], known: &[f32]) -> bool {
    own.len() == known.len()
        && own != known
        && (1..own.len().saturating_sub(1))
            .all(|at| known[at - 1] < own[at] && own[at] < known[at + 1])
}

/// Whether `line` goes on with a row's cells below its first line: its
/// first column, of the table of `columns`, is empty (a heading or a row
/// of its own opens there).
fn wraps_a_row(line: &Line, columns: &[f32]) -> bool {
    let inner = &columns[1..columns.len().saturating_sub(1)];
    let tolerance = EDGE_TOLERANCE * line.size;
    line.segments
        .first()
        .is_some_and(|piece| column_of(piece.x0 + tolerance, inner) > 0)
}

/// Whether the line at `start` is another block's text, not a row of the
/// table of `columns` going on: below a blank line, under nothing but lines
/// of one piece (a card's opener and weight under its phase table), an
/// unnumbered line a piece of which runs across two or more of the
/// columns' edges, once any value pushed against its text is cut off (a
/// card's field: "Azioni   Attuazione e verifica di servizio di trasporto
/// scolastico, anche …", open only at the spaces between its words, which
/// [`fits`] would cut it at). A region ends at such a line (`region.rs`);
/// the table does not go on there either.
fn prose_of_a_new_block(lines: &[Line], start: usize, columns: &[f32]) -> bool {
    let line = &lines[start];
    let Some(top) = (1..=start)
        .rev()
        .find(|&j| lines[j].is_set_apart_from(&lines[j - 1]))
    else {
        return false;
    };
    if line.pitch.is_none()
        || line.is_numbered()
        || lines[top..start]
            .iter()
            .any(|above| above.segments.len() > 1)
    {
        return false;
    }
    let inner = &columns[1..columns.len().saturating_sub(1)];
    let tolerance = EDGE_TOLERANCE * line.size;
    value_pushed_left(line, inner)
        .segments
        .iter()
        .any(|piece| edges_crossed(inner, piece.x0, piece.x1, tolerance).len() >= 2)
}

/// The end (exclusive) of the lines from `start` whose pieces each stay within a column.
fn fitting_lines(lines: &[Line], start: usize, columns: &[f32]) -> usize {
    let inner = &columns[1..columns.len().saturating_sub(1)];
    let mut end = start;
    while end < lines.len() {
        let line = &lines[end];
        if end > start {
            let above = &lines[end - 1];
            if line.y - above.y > MAX_ROW_GAP * line.size.max(above.size) {
                break;
            }
        }
        if !fits(line, inner) {
            break;
        }
        end += 1;
    }
    end
}
