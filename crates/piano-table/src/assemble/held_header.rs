//! A header printed once holds for the tables below it, on later pages and
//! under headings, whose columns the rebuild found again from their rows.
//! A column no row of such a table fills (a note left empty on a page, an
//! expected result no phase has) shows no gutter there, so the table comes
//! out a column or more short and every cell after the gap stands one place
//! left of the header's cell it belongs under. The producer lays each page
//! (or each table) out on its own, so the edges may have moved, the columns
//! after a narrower one a column's width along; their order has not, nor
//! the widths of the columns rows fill. The columns left out are those
//! whose removal leaves the gaps between the table's column starts nearest
//! the header's, taken in order; the rows get empty cells there.
//! A document whose tables print no header holds, likewise, the widest
//! table of numbered rows seen so far over the later ones. A header with no
//! row under it holds for the next table of three columns or more when that
//! table has as many columns or fewer (a header printed once, above the heading of its first
//! rows); one of fewer columns than the next table (an empty staff table's
//! "N. | Dipendenti | Peso %") heads nothing, and the header held before it
//! goes on holding.

use crate::grid::same_columns;
use crate::lines::row_number;
use crate::page::{Block, Cell};

/// Fewest columns of a table a header may head (fewer are a label and its
/// value).
const MIN_COLUMNS: usize = 3;

/// The held header and the table being emitted.
#[derive(Default)]
pub(super) struct HeldHeader {
    /// The column edges of the last borderless table headed by a header
    /// with a row under it.
    header: Option<Vec<f32>>,
    /// The column edges of a header whose table has shown no row yet: it
    /// is held once a row under it is, or a table it may head.
    pending: Option<Vec<f32>>,
    /// The column edges of the widest borderless table without a header
    /// seen while no header is held.
    widest: Option<Vec<f32>>,
    /// The column edges of the table being emitted, and the header's
    /// columns its rows leave out (indices in the header's columns).
    table: Option<(Vec<f32>, Vec<usize>)>,
}

impl HeldHeader {
    /// `block` with empty cells put back where its table leaves out columns
    /// of the header held over it; `None` when it leaves out none.
    pub(super) fn widen(&mut self, block: &Block) -> Option<Block> {
        let Block::Row {
            cells,
            columns,
            ruled: false,
            numbers,
            ..
        } = block
        else {
            return None;
        };
        let new_table = self
            .table
            .as_ref()
            .is_none_or(|(seen, _)| !same_columns(seen, columns));
        if new_table {
            let left_out = if reads_as_header(cells) {
                self.pending = Some(columns.clone());
                Vec::new()
            } else {
                // Fields of two columns ("Missione | …") are no table it
                // heads.
                if columns.len() > MIN_COLUMNS
                    && let Some(pending) = self.pending.take()
                    && columns.len() <= pending.len()
                {
                    self.header = Some(pending);
                }
                // Without a header, only numbered rows (in the column that
                // numbers them): a card's phases or fields are no rows of
                // the objectives' table.
                let numbered = cells
                    .get(*numbers)
                    .is_some_and(|cell| row_number(cell.text.trim()).is_some());
                let widest = self.widest.as_deref().filter(|_| numbered);
                let left_out = self
                    .header
                    .as_deref()
                    .or(widest)
                    .and_then(|template| left_out(template, columns))
                    .unwrap_or_default();
                if self.header.is_none()
                    && numbered
                    && self
                        .widest
                        .as_ref()
                        .is_none_or(|widest| columns.len() > widest.len())
                {
                    self.widest = Some(columns.clone());
                }
                left_out
            };
            self.table = Some((columns.clone(), left_out));
        } else if self
            .pending
            .as_ref()
            .is_some_and(|pending| same_columns(pending, columns))
        {
            // A row under the header.
            self.header = self.pending.take();
        }
        let (_, left_out) = self.table.as_ref()?;
        if left_out.is_empty() {
            return None;
        }
        let mut widened = block.clone();
        if let Block::Row { cells, numbers, .. } = &mut widened {
            for &at in left_out {
                let edge = cells
                    .get(at)
                    .map(|cell| cell.x0)
                    .or_else(|| cells.last().map(|cell| cell.x1))?;
                let (top, bottom) = cells.first().map_or((0.0, 0.0), |c| (c.top, c.bottom));
                cells.insert(at.min(cells.len()), empty_cell(edge, top, bottom));
                if *numbers >= at {
                    *numbers += 1;
                }
            }
        }
        Some(widened)
    }
}

/// An empty cell of no width at `x`.
fn empty_cell(x: f32, top: f32, bottom: f32) -> Cell {
    Cell {
        text: String::new(),
        x0: x,
        x1: x,
        top,
        bottom,
        confidence: None,
        trailing_space: false,
    }
}

/// Whether a row reads as a table's header: three or more cells of text,
/// none opening with a figure or a bracket (a date, a weight), the first not
/// a row number.
fn reads_as_header(cells: &[Cell]) -> bool {
    let texts: Vec<&str> = cells
        .iter()
        .map(|cell| cell.text.trim())
        .filter(|text| !text.is_empty())
        .collect();
    texts.len() >= 3
        && texts
            .iter()
            .all(|text| !text.starts_with(|c: char| c.is_ascii_digit() || "([+-".contains(c)))
        && texts
            .first()
            .is_some_and(|first| row_number(first).is_none())
}

/// The header's columns (indices) a table of column edges `own` leaves
/// out, for a header of column edges `header`: those whose removal leaves
/// the gaps between the table's column starts nearest the header's between
/// the columns they fall under, in sum (the table's absolute starts nearest
/// the header's break a tie). Gaps, not starts: the producer lays each page
/// or each table out on its own, so a table's columns may stand a column's
/// width right or left of its header's (a column before them narrower or
/// wider, an empty one dropped) while they keep their widths. The table's
/// first start must be within its header column's width of it, its
/// distance from it counting as a gap's (a table is set from its left
/// edge), and so each other start, or its gap from the
/// one before within half that width of the header's (a start moved
/// further along with its gap is nearer another column's).
/// `None` when the table has as many columns or more, fewer than three or
/// than half the header's, or fits no way.
fn left_out(header: &[f32], own: &[f32]) -> Option<Vec<usize>> {
    let starts = &header[..header.len().checked_sub(1)?];
    let own = &own[..own.len().checked_sub(1)?];
    let (n, m) = (starts.len(), own.len());
    if m >= n || m < MIN_COLUMNS || 2 * m < n {
        return None;
    }
    let width = |i: usize| header[i + 1] - header[i];
    // fit[j][i]: the least (sum of gap differences, sum of distances) that
    // matches the table's first j + 1 starts in order with header starts,
    // the last with the header's start i; from[j][i] the header start the
    // one before it is matched with.
    let mut fit = vec![vec![None::<(f32, f32)>; n]; m];
    let mut from = vec![vec![0; n]; m];
    for i in 0..n {
        let distance = (starts[i] - own[0]).abs();
        if distance < width(i) {
            fit[0][i] = Some((distance, distance));
        }
    }
    for j in 1..m {
        for i in j..n {
            let distance = (starts[i] - own[j]).abs();
            for before in j - 1..i {
                let Some((gaps, distances)) = fit[j - 1][before] else {
                    continue;
                };
                let off = ((starts[i] - starts[before]) - (own[j] - own[j - 1])).abs();
                if off >= width(i) / 2.0 && distance >= width(i) {
                    continue;
                }
                let candidate = (gaps + off, distances + distance);
                if fit[j][i].is_none_or(|best| candidate < best) {
                    fit[j][i] = Some(candidate);
                    from[j][i] = before;
                }
            }
        }
    }
    let mut last = None::<(usize, (f32, f32))>;
    for (i, candidate) in fit[m - 1].iter().enumerate() {
        if let Some(candidate) = *candidate
            && last.is_none_or(|(_, best)| candidate < best)
        {
            last = Some((i, candidate));
        }
    }
    let (mut i, _) = last?;
    let mut matched = vec![false; n];
    for j in (0..m).rev() {
        matched[i] = true;
        i = from[j][i];
    }
    Some((0..n).filter(|&i| !matched[i]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, x0: f32, x1: f32) -> Cell {
        Cell {
            text: text.to_string(),
            x0,
            x1,
            top: 0.0,
            bottom: 3.0,
            confidence: None,
            trailing_space: false,
        }
    }

    fn row(cells: Vec<Cell>, columns: &[f32]) -> Block {
        Block::Row {
            cells,
            columns: columns.to_vec(),
            top: 0.0,
            baselines: (3.0, 3.0),
            by_content: 0,
            ruled: false,
            ambiguity: None,
            numbers: 0,
        }
    }

    fn texts(block: &Block) -> Vec<&str> {
        block
            .cells()
            .iter()
            .map(|cell| cell.text.as_str())
            .collect()
    }

    #[test]
    fn a_table_short_of_an_empty_column_gets_it_back_under_the_header() {
        let header_columns = [0.0, 26.0, 59.0, 76.0, 123.0, 165.0, 200.0];
        let header = row(
            vec![
                cell("Scadenza", 0.0, 26.0),
                cell("Note", 26.0, 59.0),
                cell("Stato %", 59.0, 76.0),
                cell("Obiettivo", 76.0, 123.0),
                cell("Num.", 123.0, 165.0),
                cell("Peso", 165.0, 200.0),
            ],
            &header_columns,
        );
        // A later page: no note, every edge after it a few characters left.
        let own = [0.0, 59.0, 70.0, 117.0, 159.0, 195.0];
        let later = row(
            vec![
                cell("31.12.2030", 0.0, 59.0),
                cell("(80%)", 59.0, 70.0),
                cell("Revisione del regolamento", 70.0, 117.0),
                cell("B.1", 117.0, 159.0),
                cell("(20%)", 159.0, 195.0),
            ],
            &own,
        );
        let mut held = HeldHeader::default();
        assert_eq!(held.widen(&header), None);
        let widened = held.widen(&later).expect("widened");
        assert_eq!(
            texts(&widened),
            [
                "31.12.2030",
                "",
                "(80%)",
                "Revisione del regolamento",
                "B.1",
                "(20%)"
            ]
        );
    }

    #[test]
    fn a_header_with_no_row_under_it_leaves_the_held_header_holding() {
        let header = row(
            vec![
                cell("Peso", 0.0, 20.0),
                cell("Indicatore", 20.0, 50.0),
                cell("Obiettivo", 50.0, 90.0),
                cell("Cod.", 90.0, 100.0),
                cell("Scadenza", 100.0, 120.0),
                cell("Note", 120.0, 140.0),
            ],
            &[0.0, 20.0, 50.0, 90.0, 100.0, 120.0, 140.0],
        );
        // An empty staff table: its header alone.
        let staff = row(
            vec![
                cell("N.", 0.0, 4.0),
                cell("Dipendenti", 4.0, 17.0),
                cell("Obiettivo", 17.0, 29.0),
                cell("Peso %", 29.0, 36.0),
            ],
            &[0.0, 4.0, 17.0, 29.0, 36.0],
        );
        // The next page's rows, their indicators left empty.
        let later = row(
            vec![
                cell("30%", 0.0, 48.0),
                cell("Revisione del regolamento", 48.0, 88.0),
                cell("01.02", 88.0, 98.0),
                cell("31.12.2030", 98.0, 120.0),
                cell("In corso", 120.0, 140.0),
            ],
            &[0.0, 48.0, 88.0, 98.0, 120.0, 140.0],
        );
        // The header, and a row under it (the same columns).
        let mut held = HeldHeader::default();
        assert_eq!(held.widen(&header), None);
        assert_eq!(held.widen(&header), None);
        assert_eq!(held.widen(&staff), None);
        // The next structure's field, a label and its value.
        let field = row(
            vec![cell("Missione", 0.0, 20.0), cell("Servizi", 20.0, 90.0)],
            &[0.0, 20.0, 90.0],
        );
        assert_eq!(held.widen(&field), None);
        assert_eq!(held.widen(&field), None);
        let widened = held.widen(&later).expect("widened");
        assert_eq!(
            texts(&widened),
            [
                "30%",
                "",
                "Revisione del regolamento",
                "01.02",
                "31.12.2030",
                "In corso"
            ]
        );
    }

    #[test]
    fn without_a_header_the_widest_table_of_numbered_rows_holds() {
        let wide = row(
            vec![
                cell("1", 0.0, 10.0),
                cell("Revisione del regolamento", 10.0, 50.0),
                cell("In attesa", 50.0, 70.0),
                cell("(20%)", 70.0, 80.0),
                cell("(100%)", 80.0, 95.0),
            ],
            &[0.0, 10.0, 50.0, 70.0, 80.0, 95.0],
        );
        // A later table whose rows leave the note empty, its edges a
        // character off.
        let own = [0.0, 10.0, 69.0, 79.0, 94.0];
        let narrow = |first: &str| {
            row(
                vec![
                    cell(first, 0.0, 10.0),
                    cell("Riordino dell'archivio", 10.0, 69.0),
                    cell("(30%)", 69.0, 79.0),
                    cell("(90%)", 79.0, 94.0),
                ],
                &own,
            )
        };
        let mut held = HeldHeader::default();
        assert_eq!(held.widen(&wide), None);
        let widened = held.widen(&narrow("2")).expect("widened");
        assert_eq!(
            texts(&widened),
            ["2", "Riordino dell'archivio", "", "(30%)", "(90%)"]
        );
        // Numbered in a column further in: that column tells.
        let further_in = |block: Block| match block {
            Block::Row {
                mut cells, columns, ..
            } => {
                cells.rotate_left(1);
                let last = cells.len() - 1;
                let mut block = row(cells, &columns);
                if let Block::Row { numbers, .. } = &mut block {
                    *numbers = last;
                }
                block
            }
            text => text,
        };
        let mut held = HeldHeader::default();
        assert_eq!(held.widen(&further_in(wide.clone())), None);
        let widened = held.widen(&further_in(narrow("2"))).expect("widened");
        assert_eq!(
            texts(&widened),
            ["Riordino dell'archivio", "(30%)", "", "(90%)", "2"]
        );
        // A table whose rows are not numbered (a card's phases) is left as
        // it is.
        let mut held = HeldHeader::default();
        assert_eq!(held.widen(&wide), None);
        assert_eq!(held.widen(&narrow("Fase")), None);
    }

    #[test]
    fn columns_left_out_are_those_the_starts_fit_without() {
        let header = [0.0, 26.0, 59.0, 76.0, 123.0, 131.0, 164.0, 175.0, 202.0];
        // Note and indicators left out, the rest moved left.
        let own = [0.0, 59.0, 70.0, 117.0, 126.0, 159.0, 165.0];
        assert_eq!(left_out(&header, &own), Some(vec![1, 7]));
        // Nothing left out, or too few columns to tell.
        assert_eq!(left_out(&header, &header), None);
        assert_eq!(left_out(&header, &[0.0, 26.0, 100.0]), None);
    }

    #[test]
    fn a_table_laid_out_along_from_its_header_is_fitted_by_its_gaps() {
        // A later structure's table: its comment column empty, so its
        // achievement column takes the room and every column after it
        // stands 25 characters left of the header's; the last (an
        // incidence) is narrower than that.
        let header = [
            0.0, 9.0, 26.0, 59.0, 86.0, 119.0, 152.0, 199.0, 211.0, 230.0,
        ];
        let own = [0.0, 9.0, 48.0, 61.0, 94.0, 127.0, 174.0, 186.0];
        assert_eq!(left_out(&header, &own), Some(vec![2, 8]));
        // A page whose first column is wider, its others 12 characters
        // right of the header's, a column short.
        let header = [0.0, 10.0, 40.0, 70.0, 100.0, 130.0, 150.0];
        let own = [3.0, 22.0, 52.0, 112.0, 142.0, 162.0];
        assert_eq!(left_out(&header, &own), Some(vec![3]));
        // A start moved right within its column's width: it fits by its
        // start, though its gap moved more than half that.
        let own = [0.0, 10.0, 40.0, 100.0, 146.0, 160.0];
        assert_eq!(left_out(&header, &own), Some(vec![3]));
        // A first column that takes in an empty one after it stands under
        // the header's first, not under the one it took in.
        let header = [0.0, 9.0, 26.0, 53.0, 66.0, 99.0, 132.0];
        let own = [0.0, 18.0, 43.0, 56.0, 89.0, 122.0];
        assert_eq!(left_out(&header, &own), Some(vec![1]));
        // A narrow table whose gaps fit the header's last columns but whose
        // first column stands nowhere near theirs, or whose gaps are half a
        // column off the header's: no fit.
        let header = [0.0, 13.0, 102.0, 122.0, 177.0, 229.0, 245.0];
        let own = [0.0, 6.0, 66.0, 124.0, 135.0];
        assert_eq!(left_out(&header, &own), None);
        // Evenly spaced columns fit anywhere by their gaps: the nearest
        // starts tell.
        let header = [0.0, 10.0, 20.0, 30.0, 40.0, 50.0];
        let own = [0.0, 10.0, 20.0, 30.0, 40.0];
        assert_eq!(left_out(&header, &own), Some(vec![4]));
    }

    #[test]
    fn a_table_headed_by_its_own_header_keeps_its_columns() {
        let first = [0.0, 20.0, 40.0, 60.0, 80.0];
        let header = |columns: &[f32]| {
            row(
                vec![
                    cell("Numero", 0.0, 20.0),
                    cell("Obiettivo", 20.0, 40.0),
                    cell("Peso", 40.0, 60.0),
                    cell("Scadenza", 60.0, 80.0),
                ],
                columns,
            )
        };
        let mut held = HeldHeader::default();
        assert_eq!(held.widen(&header(&first)), None);
        let second = [0.0, 30.0, 60.0, 80.0];
        let own_header = row(
            vec![
                cell("Fase", 0.0, 30.0),
                cell("Responsabile", 30.0, 60.0),
                cell("Termine", 60.0, 80.0),
            ],
            &second,
        );
        assert_eq!(held.widen(&own_header), None);
    }
}
