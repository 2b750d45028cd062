//! Rows whose cells are centred vertically: a row's number and values sit on
//! the middle line of its tallest cell, with lines of its wrapped cells
//! above and below them (LibreOffice and HTML centre cells; pdftotext, w3m
//! and lynx keep them so).
//!
//! A table shows it when a line below a row's first line holds text in a
//! column that first line leaves empty, which a cell set at the top of its
//! row never does. Its lines are then shared out between the rows so that
//! each has as many above its first line as below it (one more or less),
//! since centred text spreads evenly, with as few cells as can be starting
//! with a small letter; the header (the rows above the first numbered one)
//! gives the first row only its last lines with an empty first cell, and is
//! not judged, since a header is often centred over a body set at the top.
//! Elsewhere, the lines above a row holding only text of the cells its own
//! line leaves empty go to it when as many of its lines lie below it.

use super::{Ambiguity, Row, Start, TableLine};

/// Shares the lines of a table whose cells are centred vertically between
/// its rows (see the module's documentation), and says whether it did.
pub(super) fn share_out_centred_lines(rows: &mut Vec<Row>, start: Start) -> bool {
    // A table carried from the page above may repeat its header there, over
    // the carried lines of the row the page break cut.
    let header = header_rows(rows);
    // A header's own lines say nothing of how the body sets its cells: a
    // header is often centred over a body set at the top.
    if !rows[header..].iter().any(Row::starts_a_cell_below_its_top) {
        if start == Start::Top && header > 1 && !rows[0].is_anchored() {
            // Lines above the header's first line, centred, are the header's;
            // a header of one row, its first cell empty, is the header itself
            // and no row's lines.
            let lead = rows.remove(0).lines;
            rows[0].first += lead.len();
            rows[0].lines.splice(0..0, lead);
        }
        return false;
    }
    if header > 1 {
        let merged: Vec<TableLine> = rows.drain(..header).flat_map(|row| row.lines).collect();
        rows.insert(
            0,
            Row {
                lines: merged,
                first: 0,
                ambiguity: None,
            },
        );
    }
    let shares: Vec<Share> = rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let below = row.lines.len() - 1;
            let free = header > 0 && index == 0;
            // A header (with the lines a page break carried under it) gives
            // the first row only its last lines with an empty first cell.
            let fewest = if free {
                below - row.trailing_continuations()
            } else {
                0
            };
            Share {
                below,
                fewest,
                judged: !free,
            }
        })
        .collect();
    // A cell's text starts with a capital, or a digit: a row whose cell
    // would start with a small letter takes a wrapped line of another's.
    let small_starts = |index: usize, above: usize, keep: usize| {
        let lines = rows[index].lines[..=keep].iter();
        let tail = match index.checked_sub(1) {
            Some(previous) => {
                let lines = &rows[previous].lines;
                &lines[lines.len() - above..]
            }
            None => &[],
        };
        let lines: Vec<&TableLine> = tail.iter().chain(lines).collect();
        (0..rows[index].lines[0].texts.len())
            .filter(|&column| {
                lines
                    .iter()
                    .map(|line| &line.texts[column])
                    .find(|text| !text.is_empty())
                    .and_then(|text| text.chars().next())
                    .is_some_and(char::is_lowercase)
            })
            .count()
    };
    let Some(kept) = centred_split(&shares, small_starts) else {
        return false;
    };
    let mut taken: Vec<TableLine> = Vec::new();
    for (row, kept) in rows.iter_mut().zip(kept) {
        let mut lines = std::mem::take(&mut row.lines);
        let next = lines.split_off(1 + kept);
        if !taken.is_empty() {
            row.first = taken.len();
            row.ambiguity = row.ambiguity.or(Some(Ambiguity::Centred));
            taken.extend(lines);
            lines = taken;
        }
        row.lines = lines;
        taken = next;
    }
    true
}

/// How many rows at the top of a table make its header: those above the
/// first row numbered in its first cell, by a digit or by a letter and a
/// bracket ("a)", phases lettered), (a header may hold lines with an empty
/// first cell, centred, and a first cell wrapped over several lines, "Ob." /
/// "n."), or the first row alone (with the lines above it) when no such row
/// comes soon.
fn header_rows(rows: &[Row]) -> usize {
    const MOST: usize = 4;
    let numbered = rows.iter().position(|row| {
        let first = &row.first_line().texts[0];
        let lettered =
            matches!(first.trim().as_bytes(), [letter, b')'] if letter.is_ascii_alphabetic());
        lettered || first.chars().any(|c| c.is_ascii_digit())
    });
    match numbered {
        Some(index) if index <= MOST => index,
        _ => {
            let lead = usize::from(rows.first().is_some_and(|row| !row.is_anchored()));
            (1 + lead).min(rows.len())
        }
    }
}

/// How one row's lines may be shared: how many lie below its first line,
/// how many of those it keeps at least, and whether its evenness counts.
struct Share {
    below: usize,
    fewest: usize,
    judged: bool,
}

/// How many of each row's lines below its first line are its own (the rest
/// go above the next row's first line) so that every judged row but the last
/// has as many lines above its first line as below it, within one (the last
/// may have fewer above, for one line's unevenness: a page break may cut
/// it), and the
/// rows are as even as they can be, with as few cells as can be starting
/// with a small letter (`small_starts(row, above, keep)` counts them, each
/// weighing as two lines of unevenness); `None` when no split does that.
/// Ties keep lines with the row above, as a top-aligned reading would.
fn centred_split(
    shares: &[Share],
    small_starts: impl Fn(usize, usize, usize) -> usize,
) -> Option<Vec<usize>> {
    let last = shares.len().checked_sub(1)?;
    // For each count of lines above the current row's first line: the least
    // unevenness so far, and the lines each row before it kept.
    let mut states: Vec<Option<(usize, Vec<usize>)>> = vec![Some((0, Vec::new()))];
    for (index, share) in shares.iter().enumerate() {
        let count = share.below;
        let mut next: Vec<Option<(usize, Vec<usize>)>> = vec![None; count + 1];
        for (above, state) in states.iter().enumerate() {
            let Some((cost, kept)) = state else {
                continue;
            };
            let fewest = if index == last { count } else { share.fewest };
            for keep in (fewest..=count).rev() {
                // The last row may be cut by the page break, its lower
                // lines on the next page: fewer lines above its first line
                // than below cost one line of unevenness however many.
                let uneven = match (share.judged, index == last) {
                    (false, _) => 0,
                    (true, false) => above.abs_diff(keep),
                    (true, true) => above.saturating_sub(keep) + usize::from(keep > above),
                };
                if uneven > 1 && index != last {
                    continue;
                }
                let total = cost + uneven + 2 * small_starts(index, above, keep);
                let slot = &mut next[count - keep];
                if slot.as_ref().is_none_or(|(best, _)| total < *best) {
                    let mut kept = kept.clone();
                    kept.push(keep);
                    *slot = Some((total, kept));
                }
            }
        }
        states = next;
    }
    states.into_iter().flatten().next().map(|(_, kept)| kept)
}

/// Moves to each row the lines above its first line that are its own, its
/// cells being centred in a tall row (see the module's documentation).
pub(super) fn take_in_centred_lines(rows: &mut [Row]) {
    for index in 1..rows.len() {
        let (before, after) = rows.split_at_mut(index);
        let (above, row) = (&mut before[index - 1], &mut after[0]);
        if row.ambiguity.is_some() {
            continue;
        }
        let first = row.first_line();
        let above_count = above.lines[above.first + 1..]
            .iter()
            .rev()
            .take_while(|line| line.fills_only_gaps_of(first))
            .count();
        if above_count == 0 {
            continue;
        }
        let below_count = row.lines[row.first + 1..]
            .iter()
            .take_while(|line| line.fills_only_gaps_of(first))
            .count();
        let even = below_count + 1 >= above_count && below_count <= above_count + 1;
        if even && above_count + below_count >= 2 {
            let taken = above.lines.split_off(above.lines.len() - above_count);
            row.lines.splice(0..0, taken);
            row.first += above_count;
            row.ambiguity = Some(Ambiguity::Centred);
        } else {
            row.ambiguity = Some(Ambiguity::MaybeCentred);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(below: usize) -> Share {
        Share {
            below,
            fewest: 0,
            judged: true,
        }
    }

    #[test]
    fn each_row_gets_as_many_lines_above_its_first_as_below() {
        let none = |_: usize, _: usize, _: usize| 0;
        // Two lines between the rows: one is the first row's, one the
        // second's, which has one more below it.
        assert_eq!(
            centred_split(&[judged(2), judged(1)], none),
            Some(vec![1, 1])
        );
        // A row of one line between two rows four lines apart cannot be even.
        assert_eq!(
            centred_split(&[judged(4), judged(0), judged(0)], none),
            None
        );
    }

    #[test]
    fn the_last_row_may_be_cut_by_the_page_break() {
        // A header's carried lines, a centred row with nine lines below its
        // first, and a last row of twenty-one lines set at the top (the page
        // break cut it): the centred row takes nine lines from the header,
        // rather than giving its own to the last row, whose cell would then
        // start with a small letter.
        let header = Share {
            below: 30,
            fewest: 1,
            judged: false,
        };
        let last_takes_lines =
            |row: usize, above: usize, _: usize| usize::from(row == 2 && above > 0);
        assert_eq!(
            centred_split(&[header, judged(9), judged(21)], last_takes_lines),
            Some(vec![21, 9, 21])
        );
    }

    #[test]
    fn a_free_header_keeps_at_least_its_own_lines() {
        let header = Share {
            below: 3,
            fewest: 2,
            judged: false,
        };
        let none = |_: usize, _: usize, _: usize| 0;
        assert_eq!(centred_split(&[header, judged(1)], none), Some(vec![2, 1]));
    }
}
