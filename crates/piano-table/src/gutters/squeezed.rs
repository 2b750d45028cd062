//! A row a dump squeezed left: on a page too narrow for a long row,
//! pdftotext sets its cells one space apart, so a piece runs across column
//! edges where no space between its words falls ("Censimento della
//! popolazione 2023 Questionari completati Almeno il 95%" across the
//! description, indicator and target columns). Cells start with a capital
//! where prose does not: when as many of the piece's words after its first
//! do as the edges it runs across, it is cut before each of them, and each
//! cut piece is set where its column starts, as the dump would have set it
//! given room.

use super::edges_crossed;
use crate::lines::Segment;

/// Fewest edges a squeezed piece runs across: one edge and one capital
/// after it say too little (a name, a sentence's second clause).
const MIN_EDGES: usize = 2;

/// The cells of a piece on a grid of characters that runs across the edges
/// `inner` (by more than `tolerance`) with no space at any of them; the
/// piece alone where its capitals do not tell them.
pub(super) fn squeezed_cells(piece: Segment, inner: &[f32], tolerance: f32) -> Vec<Segment> {
    let crossed = edges_crossed(inner, piece.x0, piece.x1, tolerance);
    let words = piece.words();
    let capitals: Vec<usize> = (0..piece.breaks.len())
        .filter(|&space| {
            words
                .get(space + 1)
                .is_some_and(|(word, _)| word.starts_with(char::is_uppercase))
        })
        .collect();
    if crossed.len() < MIN_EDGES || capitals.len() != crossed.len() {
        return vec![piece];
    }
    let mut cells = Vec::with_capacity(capitals.len() + 1);
    let mut rest = piece.clone();
    let mut taken = 0;
    for (&space, &edge) in capitals.iter().zip(crossed) {
        let (before, after) = rest.split(space - taken);
        taken = space + 1;
        cells.push(before);
        rest = after.shifted((edge + tolerance - after.x0).max(0.0));
    }
    cells.push(rest);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::dump_lines;

    #[test]
    fn a_squeezed_piece_is_cut_before_its_capitals_into_the_columns_it_crosses() {
        let line =
            &dump_lines("A.2  Censimento 2023 Questionari svolti Almeno il 95%  dicembre")[0];
        let piece = line.segments[1].clone();
        let cells = squeezed_cells(piece, &[5.0, 24.0, 40.0, 56.0], 0.6);
        let texts: Vec<&str> = cells.iter().map(|cell| cell.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Censimento 2023", "Questionari svolti", "Almeno il 95%"]
        );
        assert!(cells[1].x0 >= 24.0 && cells[2].x0 >= 40.0);
        // A capital more or less than the edges crossed: left whole.
        let line = &dump_lines("A.2  Censimento Istat 2023 Questionari Almeno il 95%  dicembre")[0];
        let piece = line.segments[1].clone();
        assert_eq!(
            squeezed_cells(piece, &[5.0, 24.0, 40.0, 56.0], 0.6).len(),
            1
        );
    }
}
