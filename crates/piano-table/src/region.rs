//! Where a borderless table starts and ends, and its columns.
//!
//! A region starts at a line of two or more pieces (a header row) and goes
//! on while every following line leaves each gutter (the x range between two
//! header pieces, narrowed by every line's text) at least a little open, up to
//! a line of three or more pieces that has more pieces than the region has
//! columns and two or more gaps outside its gutters (one below a blank line):
//! the header of the next table, unless the lines so far are the top of its
//! own (header cells set above the first line that shows every column, as a
//! centred header is), or, below its last blank line, the lines there are.
//! Below a blank line, a heading across the first column starts another
//! block, as does a heading of one piece between blank lines that stands
//! left of every line of the region (an indented table's structure heading
//! at the margin), and a line none of whose gaps is in a gutter heads
//! another table.
//! On a grid of characters, a line of one piece within a block is cut where
//! a word starts a column (a label as long as its column, its value one space
//! after it), a value pushed against the text before it across a gutter is
//! its column's, and a row that closes a gutter but leaves open every gap of
//! its table's header (a dump sets a row's cells a few characters from where
//! other rows set them) goes on with the region, narrowing nothing and
//! counting for no column. A header with a single row under it is a table
//! when the header has three or more pieces and the row three, or two
//! starting where the header does (a phase without a due); a header of two pieces less than a
//! font size apart is justified prose; a header alone at a page's foot is a
//! table of one row ([`header_alone`]). Where a line leaves a gutter open in
//! two parts, the column gap is the part that leaves the fewest lines not
//! fitting the columns, and another part is a column of its own when more
//! lines fit.

use crate::furniture::is_page_number;
use crate::gutters::{
    EDGE_TOLERANCE, Gutter, cut_at_column_starts, cut_at_edges, edges_crossed, gaps_of,
    is_formatted_value, narrowed, new_gaps, value_pushed_left,
};
use crate::lines::Line;
use blocks::{
    is_outdented_heading, opens_a_wider_table, repeats_the_header_elsewhere, starts_another_block,
    starts_in_a_gutter, starts_no_column,
};
pub(crate) use columns::columns_of;
use columns::{column_start, columns};
use glued::split_glued_values;
use header::{HEADER_TOP_LINES, region_under_a_header_top, top_of_its_table};
pub(crate) use header::{header_alone, header_over_headings};
use joined::join_split_figures;

mod blocks;
mod columns;
mod glued;
mod header;
mod joined;

/// Lines further apart than this many font sizes end a region.
pub(crate) const MAX_ROW_GAP: f32 = 3.0;
/// Rows of a table padded apart by up to two blank lines are at most this
/// many font sizes apart (see [`is_padded_row`]).
const MAX_PADDED_ROW_GAP: f32 = 4.0;
/// Lines of one block are at most this many font sizes apart (a blank line
/// between them is more).
pub(crate) const LINE_SPACING: f32 = 1.6;
/// Two pieces closer than this many font sizes make no header.
pub(crate) const NARROW_GAP: f32 = 1.0;
/// A region needs the header and at least this many lines below it.
pub(crate) const MIN_BODY_LINES: usize = 2;
/// Most pieces a table's line has: a line of more (a run of words with
/// double spaces over a whole page width, or a corrupt line of a million
/// characters) is text, and would cost each column a pass over its pieces.
pub(crate) const MAX_PIECES: usize = 256;

/// The end (exclusive) and column edges of a region starting at `start`.
pub(crate) fn region(lines: &[Line], start: usize) -> Option<(usize, Vec<f32>)> {
    let header = &lines[start];
    if header.segments.len() == 1 {
        return region_under_a_header_top(lines, start);
    }
    if !(2..=MAX_PIECES).contains(&header.segments.len()) || is_spaced_prose(header) {
        return None;
    }
    let mut gutters = gaps_of(header);
    // The gaps of the table's header, as its top left them.
    let mut headed = gutters.clone();
    // The lines that went on with the region without narrowing it, in order.
    let mut displaced = Vec::new();
    // The first line below the region's last blank line.
    let mut block_start = start;
    let mut end = start + 1;
    while end < lines.len() {
        let (line, above) = (&lines[end], &lines[end - 1]);
        let gap = (line.y - above.y) / line.size.max(above.size);
        // A page number in words ("Pagina 1 di 3") under the last row is the
        // page's, though it stand within a column (a bare number there may
        // be a wrapped cell's: "31 ottobre" / "2022").
        let page_number = matches!(line.segments.as_slice(),
            [only] if is_page_number(&only.text) && only.text.contains(char::is_alphabetic));
        if (gap > MAX_ROW_GAP && !is_padded_row(line, gap, &gutters))
            || line.segments.len() > MAX_PIECES
            || page_number
        {
            break;
        }
        // Below a blank line one gap outside the gutters is enough, or a
        // line none of whose gaps is in a gutter: another table's header.
        let spaced = line.is_set_apart_from(above);
        let gaps = line.segments.len().saturating_sub(1);
        let outside = new_gaps(line, &gutters);
        let opens_a_table = (line.segments.len() >= 3
            && line.segments.len() > gutters.len() + 1
            && outside >= if spaced { 1 } else { 2 })
            || (spaced && gaps > 0 && outside == gaps);
        // Below a blank line and lines of one piece (the next card's
        // opener, the line right above or a block of its own above a blank
        // line), a line none of whose gaps is in a gutter (its label and
        // value; a numbered row set one space apart is the table's), or,
        // itself below a blank line, one that starts a piece inside a
        // gutter's open part (a card's value set left of where the phase
        // table above starts its weights; the wrapped lines of cells
        // centred in tall rows are set one under another) starts another
        // block: the region ends at the blank line. Only on
        // a grid of characters: in a PDF, cells centred in tall rows leave
        // gaps as tall as a blank line between a row's lines.
        let block_top = block_start;
        let under_one_piece_lines = line.pitch.is_some()
            && block_top > start
            && block_top < end
            && lines[block_top..end]
                .iter()
                .all(|above| above.segments.len() < 2);
        let elsewhere = outside == gaps || (spaced && starts_in_a_gutter(line, &gutters));
        if under_one_piece_lines && gaps > 0 && elsewhere && !line.is_numbered() {
            end = block_top;
            break;
        }
        // Likewise a line of more pieces than the region has columns, one
        // of its gaps in no gutter: a table's header under its group label
        // ("Programmazione" over a card's phase table), or under a header of
        // two levels whose pieces start at none of the region's columns
        // ("Programmazione" | "Tempi" over "Fase" | "Peso", under a card's
        // labels and values: the phase descriptions, shorter than the
        // labels, would leave the card's gutter open).
        let under_lines_of_no_column = line.pitch.is_some()
            && block_top > start
            && block_top < end
            && lines[block_top..end]
                .iter()
                .all(|above| starts_no_column(above, &gutters));
        if under_lines_of_no_column
            && line.segments.len() >= 3
            && line.segments.len() > gutters.len() + 1
            && outside >= 1
            && !line.is_numbered()
        {
            end = block_top;
            break;
        }
        // On a grid of characters, a line right under the region's lines
        // (no blank line between) that sets two of its pieces in one of the
        // region's columns as far apart as a gutter, with a piece in another
        // column too, heads a table of more columns (a card's phase table,
        // "Azioni   Peso   Termine", under its labels and values): the
        // region ends above it.
        if !spaced && !line.is_numbered() && opens_a_wider_table(&lines[start..end], &gutters, line)
        {
            break;
        }
        // A line of more than twice the region's columns, under the lines
        // set below a blank line that are its own table's top ("Centro di
        // … Data di" over "Codice  Obiettivo operativo  …"), heads another
        // table though its gaps but one fall in the region's gutters: the
        // region above (a heading of two pieces, "Missione …  Programma
        // …", whose one wide gap every line leaves open) ends at the blank
        // line.
        let many_more = line.segments.len() > 2 * (gutters.len() + 1);
        if !opens_a_table
            && many_more
            && outside >= 1
            && block_top > start
            && block_top < end
            && top_of_its_table(&lines[block_top..=end]).is_some()
        {
            end = block_top;
            break;
        }
        if opens_a_table {
            match top_of_its_table(&lines[start..=end]) {
                Some(next) => {
                    headed = next.clone();
                    gutters = next;
                }
                None => {
                    // The lines below the region's last blank line may be
                    // the new table's top: the region ends above them.
                    let block = (start + 1..end)
                        .rev()
                        .find(|&j| lines[j].y - lines[j - 1].y > LINE_SPACING * lines[j].size);
                    if let Some(block) =
                        block.filter(|&j| top_of_its_table(&lines[j..=end]).is_some())
                    {
                        end = block;
                    } else if let Some(top) = (end.saturating_sub(HEADER_TOP_LINES)..end)
                        .filter(|&j| j > start)
                        .find(|&j| region_under_a_header_top(lines, j).is_some())
                    {
                        // The new table's header's first lines, one column each.
                        end = top;
                    }
                    break;
                }
            }
            end += 1;
            continue;
        }
        if spaced
            && (starts_another_block(&lines[start..end], &gutters, line)
                || repeats_the_header_elsewhere(header, line, lines.get(end + 1))
                || is_outdented_heading(&lines[start..end], line, lines.get(end + 1)))
        {
            break;
        }
        // Within a block, a line of one piece on a grid of characters may be
        // a label as long as its column and its value one space after it:
        // cut where a word starts a column, each piece then within one.
        // On a grid of characters a value pushed left against the text
        // before it runs across a gutter: it is its column's, even where
        // the spaces between the text's words would keep the gutter open
        // when it starts with a formatted value (a weight, a date:
        // "15.03.2025", "10%"); a bare number may end a text ("dal 1950"),
        // and is only split off when nothing else keeps the line in the
        // region.
        // Only a piece across where a gutter's open part ends (a column
        // edge is one of those) can hold one: the edges cost the region's
        // lines to find, so only then.
        let tolerance = EDGE_TOLERANCE * line.size;
        let across_a_gutter = line.segments.iter().any(|piece| {
            gutters.iter().any(|gutter| {
                gutter
                    .parts()
                    .iter()
                    .any(|&(_, b)| piece.x0 < b - tolerance && piece.x1 > b + tolerance)
            })
        });
        let pushed_line = |formatted: bool| {
            line.pitch?;
            if !across_a_gutter {
                return None;
            }
            let inner = inner_edges(&lines[start..end], &gutters);
            let pushed = value_pushed_left(line, &inner);
            // Each cut adds one piece: every value cut off must start with a
            // formatted value ("dal 1990 30%" is not cut off whole because a
            // date was cut off further on).
            let cuts = pushed.segments.len().saturating_sub(line.segments.len());
            let formatted_cuts = pushed
                .segments
                .iter()
                .filter(|piece| {
                    !line.segments.contains(piece)
                        && piece
                            .words()
                            .first()
                            .is_some_and(|(word, _)| is_formatted_value(word))
                })
                .count();
            (cuts > 0 && (formatted_cuts >= cuts || !formatted)).then(|| pushed.into_owned())
        };
        let pushed_off =
            |formatted: bool| pushed_line(formatted).and_then(|pushed| narrowed(&gutters, &pushed));
        // Below a blank line, before any line of the block shows columns,
        // prose that runs across two or more whole gutters, leaving them
        // open only at the spaces between its words, is another block's
        // text (a card's field below a phase table, under the next card's
        // opener), not a row: only a value pushed against it keeps it in
        // the region, and only where the text left once the value is cut
        // off runs across fewer gutters (a row's text squeezed over the
        // column its value was pushed out of; a field's text ending in a
        // reference, "… (D.Lgs. n. 33/2013", still runs across the
        // columns). (Rows of a crowded table, set one space apart, are
        // numbered, or not below a blank line before their block's first
        // row.)
        if spaced {
            block_start = end;
        }
        let in_a_new_block = block_start > start
            && lines[block_start..end]
                .iter()
                .all(|above| above.segments.len() < 2);
        let prose_across =
            in_a_new_block && !line.is_numbered() && runs_across_two_gutters(line, &gutters);
        if prose_across {
            let pushed =
                pushed_line(true).filter(|pushed| !runs_across_two_gutters(pushed, &gutters));
            match pushed.and_then(|pushed| narrowed(&gutters, &pushed)) {
                Some(next) => {
                    gutters = next;
                    end += 1;
                    continue;
                }
                None => break,
            }
        }
        let narrowing = pushed_off(true)
            .or_else(|| narrowed(&gutters, line))
            .or_else(|| {
                let starts: Vec<f32> = gutters
                    .iter()
                    .flat_map(|gutter| gutter.parts().iter().map(|part| part.1))
                    .collect();
                let cut = cut_at_column_starts(line, &starts).filter(|cut| {
                    !spaced
                        && cut.segments.iter().all(|piece| {
                            gutters.iter().all(|gutter| {
                                let (a, b) = gutter.span(&lines[start..end]);
                                !(piece.x0 < a && piece.x1 > b)
                            })
                        })
                })?;
                narrowed(&gutters, &cut)
            });
        // A dump may set a row's cells a few characters from where other
        // rows set them (pdftotext places each block of text on its own): a
        // row that leaves open every gap its table's header showed goes on
        // with the table, and says nothing of its gutters or columns.
        let narrowing = narrowing.or_else(|| pushed_off(false));
        let narrowing = narrowing.or_else(|| {
            let under_one = displaced.last() == Some(&(end - 1));
            let kept = is_displaced_row(&lines[start..end], &headed, line, under_one)
                .then(|| gutters.clone());
            displaced.extend(kept.as_ref().map(|_| end));
            kept
        });
        match narrowing {
            Some(next) => gutters = next,
            None => break,
        }
        end += 1;
    }
    let wide = |index: usize| lines[index].segments.len() >= 3;
    // A row under a header starts in its first column (a line set further
    // in is a row's wrapped cells).
    let row_under = |index: usize| {
        let (header, row) = (&lines[index - 1], &lines[index]);
        let tolerance = EDGE_TOLERANCE * row.size;
        row.segments.len() >= 2
            && matches!(
                (header.segments.first(), row.segments.first()),
                (Some(a), Some(b)) if (a.x0 - b.x0).abs() <= tolerance
            )
    };
    let header_and_row =
        end - start == 2 && wide(start) && (wide(start + 1) || row_under(start + 1));
    if end - start <= MIN_BODY_LINES && !header_and_row {
        return None;
    }
    let placed: Vec<Line> = (start..end)
        .filter(|index| displaced.binary_search(index).is_err())
        .map(|index| lines[index].clone())
        .collect();
    let columns = join_split_figures(&placed, columns(&placed, &gutters));
    Some((end, split_glued_values(&placed, columns)))
}

/// Whether a piece of `line` runs across two or more whole gutters, or
/// open parts of gutters (a gutter left open in two parts holds a column
/// between them: "Programmazione … Cronoprogramma" over "Valore"): prose,
/// open only at the spaces between its words where the gutters fall.
fn runs_across_two_gutters(line: &Line, gutters: &[Gutter]) -> bool {
    line.segments.iter().any(|piece| {
        gutters
            .iter()
            .flat_map(Gutter::parts)
            .filter(|&&(a, b)| piece.x0 < a && piece.x1 > b)
            .count()
            >= 2
    })
}

/// Whether a line further below the one above than rows are is still the
/// region's next row: a numbered line of several pieces, within two blank
/// lines, that leaves the region's gutters open. A table whose cells have
/// padding (a word processor's, borderless or dumped by `pdftotext
/// -layout`) sets its rows that far apart.
fn is_padded_row(line: &Line, gap: f32, gutters: &[Gutter]) -> bool {
    gap <= MAX_PADDED_ROW_GAP
        && line.segments.len() >= 2
        && line.is_numbered()
        && narrowed(gutters, line).is_some()
}

/// Whether `line`, below the lines of `region` whose header left the gaps
/// `headed`, is a row a dump set a few characters from the others: on a grid
/// of characters, a row (numbered, or going on under one with its first
/// column empty; not another header), of several pieces or of one right
/// under such a row (`under_one`), that leaves open every gap of the header.
fn is_displaced_row(region: &[Line], headed: &[Gutter], line: &Line, under_one: bool) -> bool {
    let Some(first) = line.segments.first() else {
        return false;
    };
    let first_gap = headed
        .first()
        .map_or(f32::INFINITY, |gap| gap.span(region).0);
    let goes_on = first.x0 > first_gap;
    let pieces = line.segments.len() > 1 || under_one;
    line.pitch.is_some()
        && pieces
        && (goes_on || line.is_numbered())
        && narrowed(headed, line).is_some()
}

/// The edges between the columns the gutters leave so far in `region`.
pub(crate) fn inner_edges(region: &[Line], gutters: &[Gutter]) -> Vec<f32> {
    let tolerance = region
        .first()
        .map_or(0.0, |line| EDGE_TOLERANCE * line.size);
    gutters
        .iter()
        .map(|gutter| column_start(gutter.span(region), tolerance))
        .collect()
}

/// The gaps between `line`'s pieces as `lines` (set above it) leave them, or
/// `None` if one of those lines closes one.
fn gaps_through(lines: &[Line], line: &Line) -> Option<Vec<Gutter>> {
    lines
        .iter()
        .try_fold(gaps_of(line), |gutters, above| narrowed(&gutters, above))
}

/// A line of two pieces set less than [`NARROW_GAP`] apart: justified prose
/// (a dump spreads a justified line's spaces), not the header of a table.
fn is_spaced_prose(line: &Line) -> bool {
    match line.segments.as_slice() {
        [first, second] => second.x0 - first.x1 < NARROW_GAP * line.size,
        _ => false,
    }
}

/// Whether each piece of a line stays within a column (cut at spaces on a
/// dump's page), and no two set wide apart share one: those are another
/// layout's columns (a label and its value under a table's wide first column).
pub(crate) fn fits(line: &Line, inner: &[f32]) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    let cut = cut_at_edges(line, inner);
    let line = value_pushed_left(&cut, inner);
    let within = line
        .segments
        .iter()
        .all(|s| edges_crossed(inner, s.x0, s.x1, tolerance).is_empty());
    within && !shares_a_column(&line, inner)
}

/// Whether two pieces of a line, set wide apart, fall in one column.
/// A piece starts in the column it starts within the edge tolerance of.
fn shares_a_column(line: &Line, inner: &[f32]) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    line.segments.windows(2).any(|pair| {
        pair[1].x0 - pair[0].x1 >= NARROW_GAP * line.size
            && column_of(pair[0].x0 + tolerance, inner) == column_of(pair[1].x0 + tolerance, inner)
    })
}

/// The column, of those inner edges `inner` leave, that x falls in.
pub(crate) fn column_of(x: f32, inner: &[f32]) -> usize {
    inner.partition_point(|&edge| edge < x)
}

#[cfg(test)]
mod tests;
