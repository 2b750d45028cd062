//! A column of figures a dump split in two. `pdftotext -layout` sets each
//! cell on its own, a character or two from where the rows around it set
//! theirs: a right-aligned column of figures may then leave a gap between
//! its own cells ("20" ending two characters before a lone "5" below it),
//! and a header set beside the figures it heads ("Lavori Pubblici" ending
//! where "30" starts) a gap between the header and its body, each of which
//! reads as a column gap. Two neighbouring columns are one where
//!
//! - no line of the region fills both;
//! - below the header (the lines above the first with a figure), every
//!   piece in either is a figure, and there is at least one;
//! - at most one of them has header text: right-aligned figures drift right
//!   of the header set over them, and a dump may set some rows' figures a
//!   few characters left of the header over the others ("6,66%" ending two
//!   characters before "Peso %", the phases' "(33%)" under it), each side
//!   of such a figure then reading as a column gap;
//! - and their pieces stand within [`JOIN_GAP`] characters of each other.
//!
//! Only on a grid of characters: a PDF places every cell where its producer
//! drew it.

use crate::gutters::{EDGE_TOLERANCE, cut_at_edges, is_value};
use crate::lines::{Line, Segment};
use crate::region::column_of;
use std::borrow::Cow;

/// How many characters apart the pieces of two columns may stand and still
/// be one column a dump set unevenly: as wide as a short figure ("5%"
/// ending four characters before where other rows' "(33%)" start).
const JOIN_GAP: f32 = 4.0;

/// What one column of a region holds.
#[derive(Debug, Default)]
struct Held<'a> {
    /// The region's lines (indices) with a piece in the column.
    lines: Vec<usize>,
    /// Whether a header line has a piece in it.
    headed: bool,
    /// The pieces below the header.
    body: Vec<&'a Segment>,
    /// The leftmost and rightmost x of all its pieces.
    span: Option<(f32, f32)>,
}

impl<'a> Held<'a> {
    /// Adds a piece of the region's `line`th line.
    fn add(&mut self, line: usize, piece: &'a Segment, in_header: bool) {
        if self.lines.last() != Some(&line) {
            self.lines.push(line);
        }
        if in_header {
            self.headed = true;
        } else {
            self.body.push(piece);
        }
        self.span = Some(match self.span {
            Some((x0, x1)) => (x0.min(piece.x0), x1.max(piece.x1)),
            None => (piece.x0, piece.x1),
        });
    }

    /// What two neighbouring columns hold together.
    fn joined(mut self, right: Held<'a>) -> Held<'a> {
        self.lines.extend(right.lines);
        self.lines.sort_unstable();
        self.headed |= right.headed;
        self.body.extend(right.body);
        self.span = match (self.span, right.span) {
            (Some((a0, a1)), Some((b0, b1))) => Some((a0.min(b0), a1.max(b1))),
            (span, None) | (None, span) => span,
        };
        self
    }

    /// Whether this column and `right`, the one after it, are one column a
    /// dump split (see the module's doc).
    fn is_one_with(&self, right: &Held, pitch: f32) -> bool {
        let apart = self
            .lines
            .iter()
            .all(|line| right.lines.binary_search(line).is_err());
        let figures = self
            .body
            .iter()
            .chain(&right.body)
            .all(|piece| is_value(&piece.text));
        let some_figure = !self.body.is_empty() || !right.body.is_empty();
        let near = match (self.span, right.span) {
            (Some((_, left_end)), Some((right_start, _))) => {
                right_start - left_end <= JOIN_GAP * pitch
            }
            _ => false,
        };
        apart && figures && some_figure && !(self.headed && right.headed) && near
    }
}

/// `columns` (a region's edges) without the edges inside a column of figures
/// a dump split in two (see the module's doc).
pub(super) fn join_split_figures(region: &[Line], columns: Vec<f32>) -> Vec<f32> {
    let Some(pitch) = region.first().and_then(|line| line.pitch) else {
        return columns;
    };
    if columns.len() < 3 {
        return columns;
    }
    let inner = &columns[1..columns.len() - 1];
    let header_end = region
        .iter()
        .position(|line| line.segments.iter().any(|piece| is_value(&piece.text)))
        .unwrap_or(region.len());
    let cut: Vec<Cow<Line>> = region
        .iter()
        .map(|line| cut_at_edges(line, inner))
        .collect();
    let mut held: Vec<Held> = (0..=inner.len()).map(|_| Held::default()).collect();
    for (index, line) in cut.iter().enumerate() {
        let tolerance = EDGE_TOLERANCE * line.size;
        for piece in &line.segments {
            let column = column_of(piece.x0 + tolerance, inner);
            held[column].add(index, piece, index < header_end);
        }
    }
    let mut kept = vec![columns[0]];
    let mut held = held.into_iter();
    let Some(mut current) = held.next() else {
        return columns;
    };
    for (right, &edge) in held.zip(inner) {
        if current.is_one_with(&right, pitch) {
            current = current.joined(right);
        } else {
            kept.push(edge);
            current = right;
        }
    }
    kept.extend(columns.last());
    kept
}

#[cfg(test)]
mod tests {
    use crate::lines::dump_lines;
    use crate::region::region;

    /// A weight matrix as `pdftotext -layout` dumps it: right-aligned
    /// figures, each cell set on its own, header lines centred to the left.
    const MATRIX: &str = "\
Cod.   Obiettivo di ente              Settore      Settore   Lavori
                                      Primo        Secondo  Pubblici
I      Digitalizzazione dei servizi        20          15             10
II     Tempi di pagamento                      5       25                 5
III    Trasparenza amministrativa          10          30             20
Totale                                    100         100            100
";

    fn columns_of(text: &str) -> Vec<f32> {
        let (_, columns) = region(&dump_lines(text), 0).expect("a table");
        columns
    }

    #[test]
    fn a_column_of_figures_set_unevenly_stays_one() {
        let columns = columns_of(MATRIX);
        assert_eq!(columns.len(), 6, "five columns: {columns:?}");
    }

    #[test]
    fn columns_a_line_fills_both_stay_apart() {
        // The first column's "5" shares its line with a figure beside it.
        let both = MATRIX.replace(
            "Tempi di pagamento                      5",
            "Tempi di pagamento                  15  5",
        );
        let columns = columns_of(&both);
        assert_eq!(columns.len(), 7, "the lone figure is a column: {columns:?}");
    }

    #[test]
    fn columns_of_words_stay_apart() {
        let words = MATRIX.replace("25                 5", "25                 X");
        let columns = columns_of(&words);
        assert_eq!(
            columns.len(),
            7,
            "a column of words is a column: {columns:?}"
        );
    }

    #[test]
    fn figures_set_left_of_their_headed_column_join_it() {
        // Objectives' weights set a few characters left of the header that
        // heads them (a wrapped line of text ends right before them: the
        // gap between the weight and the header reads as a column gap),
        // phases' weights under it: one column of weights.
        let table = "\
N°     Descrizione                         Peso %   Indicatori
1      Primo obiettivo della prova   6,66%          Numero di atti
       con il ricorso agli strumenti
1.1    Fase di avvio                       (33%)    Report annuale
1.2    Fase di chiusura                    (33%)    Report annuale
2      Secondo obiettivo             6,66%          Numero di atti
2.1    Fase di verifica                    (50%)    Report annuale
";
        let columns = columns_of(table);
        assert_eq!(columns.len(), 5, "four columns: {columns:?}");
    }

    #[test]
    fn a_short_figure_set_left_of_its_headed_column_joins_it() {
        // "5%" ends four characters before where "(33%)" and the header
        // start: a figure shorter than the others, set as far left.
        let table = "\
N°     Descrizione                         Peso %   Indicatori
1      Primo obiettivo della prova   5%             Numero di atti
       con il ricorso agli strumenti
1.1    Fase di avvio                       (33%)    Report annuale
1.2    Fase di chiusura                    (33%)    Report annuale
2      Secondo obiettivo             5%             Numero di atti
2.1    Fase di verifica                    (50%)    Report annuale
";
        let columns = columns_of(table);
        assert_eq!(columns.len(), 5, "four columns: {columns:?}");
    }
}
