//! Where a cell starts on a crowded row, told by the row's wrapped lines: a
//! producer sets each line of a cell at the cell's left edge, so a piece of
//! a later line starting where a word of the first line starts marks that
//! word as the start of the next column's cell, though the column's edge
//! (learnt from the table's other rows) falls after it.

use super::placed::PlacedLine;
use crate::gutters::EDGE_TOLERANCE;
use crate::lines::Line;

/// The lines of a table (placed in columns of inner edges `inner`) with each
/// row's cells set to start where its wrapped lines show: on a row's first
/// line, a piece set one space before the next column's piece holds a word
/// (not its first) that starts, within a character, where a piece of one of
/// the row's later lines starts, left of the next column's edge ("… del
/// fondo Verifica" | "della corretta approvazione della" above "determina."
/// set under "Verifica"): that word and those after it go to the next
/// column, on the first line and on every later line of the row where a
/// word of the piece's column starts there. Likewise where the next
/// column's piece on the first line starts left of its edge ("… annuale." |
/// "15.12.2022 (salvo diverso" above "termine indicato dall'ANAC)" set
/// under the date). Only on a grid of characters.
/// `lines` are the table's lines as read, before placing (which may set a
/// piece at its column's start), one per placed line.
pub(super) fn cells_started_where_wrapped_lines_start(
    placed: &mut [PlacedLine],
    lines: &[Line],
    inner: &[f32],
) {
    let mut start = 0;
    while start < placed.len().min(lines.len()) {
        let end = start
            + 1
            + placed[start + 1..]
                .iter()
                .take_while(|placed| placed.columns.first() != Some(&0))
                .count();
        if end - start > 1 {
            set_row_starts(&mut placed[start..end], &lines[start + 1..end], inner);
        }
        start = end;
    }
}

/// How many of a row's later lines may show where a cell starts: a cell's
/// wrapped lines follow its first, and a row of thousands of lines costs no
/// more than a row of a few.
const EVIDENCE_LINES: usize = 3;

/// The rule for one row's lines, the first one starting the row; `later`
/// are the lines after the first as read.
fn set_row_starts(row: &mut [PlacedLine], later: &[Line], inner: &[f32]) {
    let Some(pitch) = row[0].line.pitch else {
        return;
    };
    let tolerance = EDGE_TOLERANCE * row[0].line.size;
    let first = &row[0];
    let mut starts: Vec<(usize, f32)> = Vec::new();
    for index in 0..first.line.segments.len().saturating_sub(1) {
        let column = first.columns[index];
        let (piece, next) = (&first.line.segments[index], &first.line.segments[index + 1]);
        let Some(&edge) = inner.get(column) else {
            continue;
        };
        if first.columns[index + 1] != column + 1 || next.x0 - piece.x1 > 1.5 * pitch {
            continue;
        }
        // A word of the piece (not its first), or the next piece set left
        // of its column's edge, where a later line's piece starts.
        let words = piece.breaks.iter().map(|space| space.x1);
        let pushed = Some(next.x0).filter(|&x| x < edge);
        let found = words.chain(pushed).find(|&x| {
            x < edge + tolerance
                && later.iter().take(EVIDENCE_LINES).any(|line| {
                    line.segments
                        .iter()
                        .any(|segment| (segment.x0 - x).abs() <= pitch * 1.01)
                })
        });
        if let Some(x) = found {
            starts.push((column, x));
        }
    }
    for (column, x) in starts {
        for placed in row.iter_mut() {
            move_from(placed, column, x, pitch);
        }
    }
}

/// Moves to the next column the words of `placed`'s pieces in `column` from
/// the one that starts within a character of `x`.
fn move_from(placed: &mut PlacedLine, column: usize, x: f32, pitch: f32) {
    let near = |at: f32| (at - x).abs() <= pitch * 1.01;
    let mut segments = Vec::with_capacity(placed.line.segments.len() + 1);
    let mut columns = Vec::with_capacity(placed.columns.len() + 1);
    for (segment, &own) in placed.line.segments.iter().zip(&placed.columns) {
        if own != column {
            segments.push(segment.clone());
            columns.push(own);
        } else if near(segment.x0) {
            segments.push(segment.clone());
            columns.push(column + 1);
        } else if let Some(cut) = segment.breaks.iter().position(|space| near(space.x1)) {
            let (before, after) = segment.split(cut);
            segments.extend([before, after]);
            columns.extend([column, column + 1]);
        } else {
            segments.push(segment.clone());
            columns.push(own);
        }
    }
    placed.line.segments = segments;
    placed.columns = columns;
}

#[cfg(test)]
mod tests {
    use crate::rows::dump_rows;

    #[test]
    fn a_cell_starts_where_its_wrapped_line_starts() {
        // Row 2's target starts at "Verifica", as its second line shows,
        // left of where the column starts on the other rows.
        let text = "\
N.  Indicatore                      Valore atteso
1   Numero di atti                  Report annuale
2   Approvazione del fondo Verifica della corretta
    del salario.           approvazione.
3   Delibera adottata               Atto approvato
";
        let texts = dump_rows(text, &[0.0, 3.4, 35.4, 60.0]);
        assert_eq!(
            texts[2],
            "2\tApprovazione del fondo del salario.\tVerifica della corretta approvazione."
        );
    }

    #[test]
    fn wrapped_lines_at_their_cells_starts_move_nothing() {
        let text = "\
N.  Indicatore                      Valore atteso
1   Numero di atti                  Report annuale
2   Approvazione del fondo annuale. Verifica della
    salario.                        corretta.
";
        let texts = dump_rows(text, &[0.0, 3.4, 35.4, 60.0]);
        assert_eq!(
            texts[2],
            "2\tApprovazione del fondo annuale. salario.\tVerifica della corretta."
        );
    }

    #[test]
    fn a_wrapped_line_set_under_a_cell_pushed_left_goes_with_it() {
        // Row 2's due starts left of its column (its date opens the column
        // on other rows), and so does its second line.
        let text = "\
N.  Valori attesi                           Scadenza
1   Report annuale di tutte le attività ok  31.12.2024
2   Realizzazione di un report annuale. 15.12.2024 (salvo
                                        dal termine ANAC)
3   Delibera approvata dalla Giunta locale  30.06.2024
4   Relazione finale sulle attività svolte  30.09.2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 43.4, 70.0]);
        assert_eq!(
            texts[2],
            "2\tRealizzazione di un report annuale.\t15.12.2024 (salvo dal termine ANAC)"
        );
    }
}
