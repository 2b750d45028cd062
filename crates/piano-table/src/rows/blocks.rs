//! Blocks of text a dump set apart on a crowded line: a cell that starts
//! left of its column, wide apart from the text before it.

use crate::gutters::{EDGE_TOLERANCE, edges_crossed};
use crate::lines::{Line, Segment};
use crate::region::{NARROW_GAP, column_of};

/// The line with each piece set wide apart from the piece before it, in the
/// column that piece ends in, but running across that column's edge, set
/// whole at the next column's start, when it fits there and that column
/// holds nothing else on the line. `pdftotext` starts each block of text on
/// its own: a due cell pushed left by the cell before it on a crowded line
/// ("… stesso standard" then "1 marzo di ogni anno", its first words left
/// of the column's edge) is one cell, which an edge must not cut ("1 marzo"
/// | "di ogni anno"). Only on a grid of characters; `inner` are the column
/// edges. `None` when no piece is moved.
pub(super) fn blocks_set_in_their_column(line: &Line, inner: &[f32]) -> Option<Line> {
    line.pitch?;
    let tolerance = EDGE_TOLERANCE * line.size;
    let segments = &line.segments;
    let mut moved: Vec<(usize, Segment)> = Vec::new();
    for index in 1..segments.len() {
        let (before, piece) = (&segments[index - 1], &segments[index]);
        let column = column_of(before.x1, inner);
        let wide = piece.x0 - before.x1 >= NARROW_GAP * line.size;
        let Some(&edge) = inner.get(column) else {
            continue;
        };
        let starts_in_it = column_of(piece.x0 + tolerance, inner) == column;
        let crosses = edges_crossed(inner, piece.x0, piece.x1, tolerance).first() == Some(&edge);
        let shift = edge + tolerance - piece.x0;
        let next_edge = inner.get(column + 1).copied().unwrap_or(f32::INFINITY);
        let fits = piece.x1 + shift <= next_edge + tolerance;
        let next_free = segments
            .get(index + 1)
            .is_none_or(|next| next.x0 >= next_edge);
        if wide && starts_in_it && crosses && fits && next_free {
            moved.push((index, piece.shifted(shift)));
        }
    }
    if moved.is_empty() {
        return None;
    }
    let mut line = line.clone();
    for (index, piece) in moved {
        line.segments[index] = piece;
    }
    Some(line)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of a dump line's pieces, after the rule, with their column.
    fn placed(text: &str, inner: &[f32]) -> Vec<(String, usize)> {
        let line = crate::lines::dump_lines(text).remove(0);
        blocks_set_in_their_column(&line, inner)
            .unwrap_or(line)
            .segments
            .iter()
            .map(|s| (s.text.clone(), column_of((s.x0 + s.x1) / 2.0, inner)))
            .collect()
    }

    #[test]
    fn a_block_pushed_left_of_its_column_is_set_whole_in_it() {
        let inner = [4.0, 30.0];
        let line = "1   Mantenimento standard  1 marzo di ogni anno";
        assert_eq!(
            placed(line, &inner),
            [
                ("1".to_owned(), 0),
                ("Mantenimento standard".to_owned(), 1),
                ("1 marzo di ogni anno".to_owned(), 2)
            ]
        );
        // One space after the text, it is no block of its own; a piece
        // that starts in its column stays.
        let kept = [
            "1   Mantenimento standard 1 marzo di ogni anno",
            "1   Mantenimento     standard",
        ];
        for line in kept {
            let before: Vec<String> = crate::lines::dump_lines(line)[0]
                .segments
                .iter()
                .map(|s| s.text.clone())
                .collect();
            let after: Vec<String> = placed(line, &inner).into_iter().map(|p| p.0).collect();
            assert_eq!(before, after, "{line}");
        }
    }

    #[test]
    fn a_block_is_not_moved_onto_a_cell_of_the_next_column_nor_past_it() {
        let lines = [
            (
                "1   Mantenimento standard  1 marzo  Ing. Rossi",
                [4.0, 30.0, 40.0],
            ),
            (
                "1   Mantenimento standard  1 marzo di ogni anno",
                [4.0, 30.0, 36.0],
            ),
        ];
        for (text, inner) in lines {
            let line = crate::lines::dump_lines(text).remove(0);
            assert_eq!(blocks_set_in_their_column(&line, &inner), None, "{text}");
        }
    }
}
