//! Tables without borders (Camelot's "stream" tables): columns inferred from
//! the header row's gaps, kept while the rows below leave those gaps empty.
//!
//! A region starts at a line of two or more pieces (a header row) and goes
//! on while every following line leaves each gutter (the x range between two
//! header pieces, narrowed by every line's text) at least a little open, up to
//! a line of three or more pieces that has more pieces than the region has
//! columns and two or more gaps outside its gutters: the header of the next
//! table, unless the lines so far are the top of its own (header cells set
//! above the first line that shows every column, as a centred header is),
//! which they are when they are set as one block with it, leave its gaps
//! open, and either it is a numbered row or they leave its first column
//! empty. A header with a single row under it is a table when both have three
//! or more pieces; a header of two pieces less than a font size apart is
//! justified prose. Below a blank line one gap outside the gutters is enough
//! to open the next table, and a line starts another block where its first
//! piece runs across the whole first gutter with no digit before it (a
//! heading) or two of its pieces share a column (a label and its value).
//! Where a line leaves a gutter open in two parts, the
//! column gap is the part that leaves the fewest lines not fitting the
//! columns, and another part is a column of its own when more lines fit.
//! Which line starts a row is `rows.rs`'s; how lines narrow gutters, and the
//! gutters a header does not show, are `gutters.rs`'s.

use crate::gutters::{
    EDGE_TOLERANCE, Gutter, channels, cut_at_edges, gaps_of, is_column_gap, narrowed, new_gaps,
};
use crate::lines::Line;
use crate::page::Block;
use crate::rows::{Start, rows_of};

/// Lines further apart than this many font sizes end a region.
const MAX_ROW_GAP: f32 = 3.0;
/// Lines of one block are at most this many font sizes apart (a blank line
/// between them is more).
const LINE_SPACING: f32 = 1.6;
/// Two pieces closer than this many font sizes make no header.
const NARROW_GAP: f32 = 1.0;
/// A region needs the header and at least this many lines below it.
const MIN_BODY_LINES: usize = 2;

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
    if let Some(columns) = carry {
        // A dump's page starts at its first line of text: the table goes on
        // from the first line whose text starts at a column, a running head
        // (centred) left above it.
        let start = lines
            .iter()
            .position(|l| match l.pitch {
                Some(_) => starts_at_a_column(l, columns),
                None => l.y > top_margin,
            })
            .unwrap_or(lines.len());
        let end = fitting(lines, start, columns);
        if end > start {
            rest.extend_from_slice(&lines[..start]);
            rows.extend(rows_of(&lines[start..end], columns, Start::Carried));
            i = end;
        }
    }
    while i < lines.len() {
        // A table seen before (on this page or the last) goes on where its
        // columns still fit: its header may have had more columns than any
        // row below can show.
        if lines[i].segments.len() > 1
            && let Some(columns) = &known
        {
            let end = fitting(lines, i, columns);
            if end - i > MIN_BODY_LINES {
                rows.extend(rows_of(&lines[i..end], columns, Start::Top));
                i = end;
                continue;
            }
        }
        match region(lines, i) {
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

/// Whether a line's first piece starts at one of the column edges, within a
/// font size, as a cell's left-aligned text does.
fn starts_at_a_column(line: &Line, columns: &[f32]) -> bool {
    line.segments.first().is_some_and(|first| {
        columns[..columns.len().saturating_sub(1)]
            .iter()
            .any(|edge| (first.x0 - edge).abs() <= line.size)
    })
}

/// The end (exclusive) and column edges of a region starting at `start`.
fn region(lines: &[Line], start: usize) -> Option<(usize, Vec<f32>)> {
    let header = &lines[start];
    if header.segments.len() < 2 || is_spaced_prose(header) {
        return None;
    }
    let mut gutters = gaps_of(header);
    let mut end = start + 1;
    while end < lines.len() {
        let (line, above) = (&lines[end], &lines[end - 1]);
        if line.y - above.y > MAX_ROW_GAP * line.size.max(above.size) {
            break;
        }
        // Below a blank line one gap outside the gutters is enough.
        let spaced = line.y - above.y > LINE_SPACING * line.size.max(above.size);
        let opens_a_table = line.segments.len() >= 3
            && line.segments.len() > gutters.len() + 1
            && new_gaps(line, &gutters) >= if spaced { 1 } else { 2 };
        if opens_a_table {
            // The lines so far may be the top of this line's table: header
            // cells and text centred in a tall row above the first line that
            // shows every column. They are when they are set as one block
            // with it, at the spacing of lines, leave its gaps open, and
            // either it is a numbered row (they are its header) or they leave
            // its first column empty (they are header cells over its others,
            // not a label and its value set above it).
            let block = lines[start..=end]
                .windows(2)
                .all(|pair| pair[1].y - pair[0].y <= LINE_SPACING * pair[1].size);
            let numbered = line.segments[0]
                .text
                .starts_with(|c: char| c.is_ascii_digit());
            let second = line.segments[1].x0;
            let over_the_others = lines[start..end]
                .iter()
                .all(|above| above.segments.first().is_none_or(|piece| piece.x1 > second));
            let block = block && (numbered || over_the_others);
            match gaps_through(&lines[start..end], line).filter(|_| block) {
                Some(next) => gutters = next,
                None => break,
            }
            end += 1;
            continue;
        }
        // Below a blank line, a line of several pieces starts another block
        // (a heading, a label and its value) where its first piece runs
        // across the whole first gutter with no digit before it (a row's
        // number or code), or two of its pieces share a column.
        if spaced && line.segments.len() > 1 {
            let region = &lines[start..end];
            let spans: Vec<(f32, f32)> = gutters.iter().map(|g| g.span(region)).collect();
            let heading = match (line.segments.first(), spans.first()) {
                (Some(first), Some(&(a, b))) => {
                    let first_word = first.text.split(' ').next().unwrap_or("");
                    first.x0 < a && first.x1 > b && !first_word.chars().any(|c| c.is_ascii_digit())
                }
                _ => false,
            };
            let tolerance = EDGE_TOLERANCE * header.size;
            let edges: Vec<f32> = spans.iter().map(|(a, b)| (b - tolerance).max(*a)).collect();
            if heading || shares_a_column(&cut_at_edges(line, &edges), &edges) {
                break;
            }
        }
        match narrowed(&gutters, line) {
            Some(next) => gutters = next,
            None => break,
        }
        end += 1;
    }
    let wide = |index: usize| lines[index].segments.len() >= 3;
    let header_and_row = end - start == 2 && wide(start) && wide(start + 1);
    if end - start <= MIN_BODY_LINES && !header_and_row {
        return None;
    }
    let left = lines[start..end]
        .iter()
        .filter_map(|l| l.segments.first().map(|s| s.x0))
        .fold(f32::INFINITY, f32::min);
    let right = lines[start..end]
        .iter()
        .filter_map(|l| l.segments.last().map(|s| s.x1))
        .fold(f32::NEG_INFINITY, f32::max);
    let region = &lines[start..end];
    let tolerance = EDGE_TOLERANCE * header.size;
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
    // so, and more of them fit with it.
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
        if misfits(&spans) >= before {
            spans.pop();
        }
    }
    spans.extend(channels(region, &spans));
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    Some((end, columns_of(left, right, &spans, tolerance)))
}

/// The column edges of a table from `left` to `right` with column gaps
/// `gaps` (left to right): text is left-aligned, so a column starts where
/// its text starts, `tolerance` left of the gap's end.
fn columns_of(left: f32, right: f32, gaps: &[(f32, f32)], tolerance: f32) -> Vec<f32> {
    let mut columns = Vec::with_capacity(gaps.len() + 2);
    columns.push(left);
    columns.extend(gaps.iter().map(|(a, b)| (b - tolerance).max(*a)));
    columns.push(right);
    columns
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

/// The end (exclusive) of the lines from `start` whose pieces each stay within a column.
fn fitting(lines: &[Line], start: usize, columns: &[f32]) -> usize {
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

/// Whether each piece of a line stays within a column (cut at spaces on a
/// dump's page), and no two set wide apart share one: those are another
/// layout's columns (a label and its value under a table's wide first column).
fn fits(line: &Line, inner: &[f32]) -> bool {
    let tolerance = EDGE_TOLERANCE * line.size;
    let line = cut_at_edges(line, inner);
    let within = line.segments.iter().all(|s| {
        !inner
            .iter()
            .any(|edge| s.x0 < edge - tolerance && s.x1 > edge + tolerance)
    });
    within && !shares_a_column(&line, inner)
}

/// Whether two pieces of a line, set wide apart, fall in one column.
fn shares_a_column(line: &Line, inner: &[f32]) -> bool {
    let column_of = |x: f32| inner.iter().filter(|edge| **edge < x).count();
    line.segments.windows(2).any(|pair| {
        pair[1].x0 - pair[0].x1 >= NARROW_GAP * line.size
            && column_of(pair[0].x0) == column_of(pair[1].x0)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::Segment;

    fn line(y: f32, pieces: &[(&str, f32, f32)]) -> Line {
        Line {
            segments: pieces
                .iter()
                .map(|&(text, x0, x1)| Segment {
                    text: text.into(),
                    x0,
                    x1,
                    confidence: None,
                    breaks: Vec::new(),
                })
                .collect(),
            y,
            size: 10.0,
            trailing_space: false,
            pitch: None,
        }
    }

    #[test]
    fn aligned_gaps_make_columns_and_wrapped_lines_join() {
        let lines = [
            line(
                100.0,
                &[
                    ("N°", 10.0, 20.0),
                    ("Descrizione", 40.0, 100.0),
                    ("Peso %", 200.0, 230.0),
                ],
            ),
            line(
                112.0,
                &[
                    ("1", 10.0, 15.0),
                    ("Prima riga del", 40.0, 180.0),
                    ("20%", 200.0, 220.0),
                ],
            ),
            line(124.0, &[("testo", 40.0, 70.0)]),
            line(
                136.0,
                &[
                    ("2", 10.0, 15.0),
                    ("Altro", 40.0, 90.0),
                    ("80%", 200.0, 220.0),
                ],
            ),
            line(
                170.0,
                &[("Un paragrafo che attraversa tutte le colonne", 10.0, 300.0)],
            ),
        ];
        let (rows, rest) = infer_rows(&lines, None, 0.0);
        let texts: Vec<String> = rows.iter().map(Block::text).collect();
        assert_eq!(
            texts,
            [
                "N°\tDescrizione\tPeso %",
                "1\tPrima riga del testo\t20%",
                "2\tAltro\t80%"
            ]
        );
        assert_eq!(rest.len(), 1);
    }

    #[test]
    fn a_table_goes_on_at_the_top_of_the_next_page() {
        let columns = [10.0, 30.0, 190.0, 240.0];
        let lines = [
            line(20.0, &[("Comune di Prova", 10.0, 300.0)]),
            line(100.0, &[("fine della descrizione", 40.0, 180.0)]),
            line(
                112.0,
                &[
                    ("3", 10.0, 15.0),
                    ("Terzo", 40.0, 90.0),
                    ("10%", 200.0, 220.0),
                ],
            ),
        ];
        let (rows, rest) = infer_rows(&lines, Some(&columns), 50.0);
        let texts: Vec<String> = rows.iter().map(Block::text).collect();
        assert_eq!(texts, ["\tfine della descrizione\t", "3\tTerzo\t10%"]);
        assert_eq!(rest.len(), 1, "the running header stays text");
    }

    #[test]
    fn a_wider_header_below_a_label_and_value_block_opens_its_own_table() {
        let lines = [
            line(
                100.0,
                &[("Missione", 10.0, 50.0), ("Servizi generali", 80.0, 160.0)],
            ),
            line(
                112.0,
                &[
                    ("Nr.", 10.0, 20.0),
                    ("Obiettivo", 40.0, 90.0),
                    ("Peso", 200.0, 220.0),
                ],
            ),
            line(
                124.0,
                &[
                    ("1", 10.0, 15.0),
                    ("Primo", 40.0, 70.0),
                    ("60%", 200.0, 220.0),
                ],
            ),
            line(
                136.0,
                &[
                    ("2", 10.0, 15.0),
                    ("Altro", 40.0, 70.0),
                    ("40%", 200.0, 220.0),
                ],
            ),
        ];
        let (rows, rest) = infer_rows(&lines, None, 0.0);
        let texts: Vec<String> = rows.iter().map(Block::text).collect();
        assert_eq!(
            texts,
            ["Nr.\tObiettivo\tPeso", "1\tPrimo\t60%", "2\tAltro\t40%"]
        );
        assert_eq!(rest.len(), 1, "the label and value line stays free text");
    }

    #[test]
    fn header_cells_set_above_the_line_that_shows_every_column_join_its_table() {
        let row = |y: f32, number: &'static str, weight: &'static str| {
            line(
                y,
                &[
                    (number, 10.0, 15.0),
                    ("Bilancio", 40.0, 80.0),
                    (weight, 200.0, 210.0),
                    ("31/12", 300.0, 330.0),
                ],
            )
        };
        let lines = [
            line(100.0, &[("Peso", 200.0, 220.0), ("Data", 300.0, 320.0)]),
            line(
                112.0,
                &[
                    ("N.", 10.0, 20.0),
                    ("Obiettivo", 40.0, 90.0),
                    ("%", 200.0, 205.0),
                    ("fine", 300.0, 320.0),
                ],
            ),
            row(124.0, "1", "40"),
            row(136.0, "2", "60"),
        ];
        let (rows, rest) = infer_rows(&lines, None, 0.0);
        let texts: Vec<String> = rows.iter().map(Block::text).collect();
        assert_eq!(
            texts,
            [
                "N.\tObiettivo\tPeso %\tData fine",
                "1\tBilancio\t40\t31/12",
                "2\tBilancio\t60\t31/12"
            ]
        );
        assert!(rest.is_empty());
    }

    #[test]
    fn a_label_and_value_set_at_a_tables_columns_stay_out_of_its_header() {
        let row = |y: f32, number: &'static str| {
            line(
                y,
                &[
                    (number, 10.0, 15.0),
                    ("Primo", 60.0, 90.0),
                    ("50%", 200.0, 220.0),
                    ("Atti", 300.0, 320.0),
                    ("31/12", 400.0, 430.0),
                ],
            )
        };
        let lines = [
            line(
                100.0,
                &[("Missione", 10.0, 50.0), ("Servizi generali", 200.0, 260.0)],
            ),
            line(
                112.0,
                &[
                    ("Nr.", 10.0, 20.0),
                    ("Obiettivo", 60.0, 100.0),
                    ("Peso", 200.0, 220.0),
                    ("Indicatori", 300.0, 340.0),
                    ("Termine", 400.0, 430.0),
                ],
            ),
            row(124.0, "1"),
            row(136.0, "2"),
        ];
        let (rows, rest) = infer_rows(&lines, None, 0.0);
        assert_eq!(rows[0].text(), "Nr.\tObiettivo\tPeso\tIndicatori\tTermine");
        assert_eq!(rest.len(), 1, "the label and value line stays free text");
    }

    /// The lines of a text dump, as the aligned-text reader places them:
    /// each character one unit wide, size 3, a blank line one more pitch.
    fn dump(text: &str) -> Vec<Line> {
        let mut words = Vec::new();
        for (row, line) in text.lines().enumerate() {
            let mut column = 0;
            for token in line.split(' ') {
                if !token.is_empty() {
                    words.push(crate::Word {
                        text: token.into(),
                        x0: column as f32,
                        x1: (column + token.chars().count()) as f32,
                        y: 3.6 * (row + 1) as f32,
                        size: 3.0,
                        confidence: None,
                    });
                }
                column += token.chars().count() + 1;
            }
        }
        let refs: Vec<&crate::Word> = words.iter().collect();
        crate::lines::build_lines(&refs, 0.45, Some(1.0))
    }

    #[test]
    fn below_a_blank_line_a_heading_or_a_label_and_value_start_another_block() {
        let text = "\
N.   Fase                       Termine
1    Configurazione             31/03/2024
2    Campagna informativa       30/06/2024

Scheda obiettivo n. 2           Protocollo
Descrizione  Aggiornamento del piano
";
        let (rows, rest) = infer_rows(&dump(text), None, 0.0);
        let texts: Vec<String> = rows.iter().map(Block::text).collect();
        assert_eq!(
            texts[..3],
            [
                "N.\tFase\tTermine",
                "1\tConfigurazione\t31/03/2024",
                "2\tCampagna informativa\t30/06/2024"
            ]
        );
        assert!(
            !texts.iter().skip(3).any(|t| t.starts_with("Scheda\t")),
            "the heading is not cut into the table's columns: {texts:?} {rest:?}"
        );
        let text = "\
Fase                          Peso     Scadenza
Progettazione esecutiva       40%      maggio 2023

Obiettivo n. 6      Cimiteri
Descrizione         Censimento delle concessioni
Responsabile        Geom. Laura Sartori
";
        let (rows, _) = infer_rows(&dump(text), None, 0.0);
        let texts: Vec<String> = rows.iter().map(Block::text).collect();
        assert!(
            texts.contains(&"Obiettivo n. 6\tCimiteri".to_string()),
            "the card is a table of its own: {texts:?}"
        );
    }

    #[test]
    fn a_header_with_one_row_is_a_table() {
        let lines = [
            line(
                100.0,
                &[
                    ("N.", 10.0, 20.0),
                    ("Obiettivo", 40.0, 90.0),
                    ("Peso", 200.0, 220.0),
                ],
            ),
            line(
                112.0,
                &[
                    ("1", 10.0, 15.0),
                    ("Unico", 40.0, 70.0),
                    ("100%", 200.0, 220.0),
                ],
            ),
        ];
        let (rows, rest) = infer_rows(&lines, None, 0.0);
        assert_eq!(rows.len(), 2);
        assert!(rest.is_empty());
    }

    #[test]
    fn prose_is_no_table() {
        let lines = [
            line(
                100.0,
                &[("a", 10.0, 20.0), ("b", 40.0, 60.0), ("c", 80.0, 90.0)],
            ),
            line(112.0, &[("a long line of prose", 10.0, 300.0)]),
            line(124.0, &[("another", 10.0, 300.0)]),
        ];
        let (rows, rest) = infer_rows(&lines, None, 0.0);
        assert!(rows.is_empty());
        assert_eq!(rest.len(), 3);
    }
}
