//! Which column each piece of a table's line goes to: where its centre
//! falls, cut first at the columns' edges, with what a dump displaced set
//! back (a value pushed left against the text before it, a cell set left of
//! its column on a crowded line, a value pushed into the gutter).

use crate::gutters::{
    EDGE_TOLERANCE, cut_at_column_starts, cut_at_edges, is_value, value_pushed_left,
};
use crate::lines::Line;
use crate::region::{NARROW_GAP, column_of};

/// A column's text is known to end where it does when this many of its
/// pieces, staying within it, say so.
const MIN_TEXT_ENDS: usize = 3;

/// A line of a table cut at its columns, each piece with its column.
pub(super) struct PlacedLine {
    /// The line, its pieces cut where they cross into another column.
    pub(super) line: Line,
    /// Each piece's column.
    pub(super) columns: Vec<usize>,
}

impl PlacedLine {
    /// The line placed in the columns with edges `columns`.
    pub(super) fn of(line: &Line, columns: &[f32]) -> PlacedLine {
        let count = columns.len() - 1;
        let inner = &columns[1..count];
        // A column starts a tolerance right of its edge (`region.rs`); a
        // cell as long as its column may have the next one space after it.
        let tolerance = EDGE_TOLERANCE * line.size;
        let starts: Vec<f32> = inner.iter().map(|edge| edge + tolerance).collect();
        let line = cut_at_column_starts(line, &starts).unwrap_or_else(|| cut_at_edges(line, inner));
        let line = value_pushed_left(&line, inner);
        let mut placed: Vec<usize> = line
            .segments
            .iter()
            .map(|segment| column_of((segment.x0 + segment.x1) / 2.0, inner))
            .collect();
        set_pushed_blocks_right(&line, &mut placed, count);
        PlacedLine {
            line,
            columns: placed,
        }
    }

    /// The line with the words that end a piece but start in the gutter
    /// after its column (right of where the column's text ends on every line
    /// whose text stays in it) moved to the next column, when that holds
    /// nothing else on the line: a dump pushed them left against the text
    /// before them. They are when the piece runs across the next column's
    /// edge, or was cut there ("… report annuale. 31.12 di ogni anno"), or
    /// when they are values ending a column of text, before a column of
    /// values ("… della zona a 11,11%"). Only on a grid of characters;
    /// `inner` are the column edges.
    pub(super) fn with_gutter_text_moved(
        mut self,
        contents: &[ColumnContent],
        inner: &[f32],
    ) -> PlacedLine {
        let Some(pitch) = self.line.pitch else {
            return self;
        };
        let tolerance = EDGE_TOLERANCE * self.line.size;
        let mut pieces_in = vec![0usize; contents.len()];
        for &column in &self.columns {
            pieces_in[column] += 1;
        }
        let mut segments = Vec::with_capacity(self.line.segments.len());
        let mut columns = Vec::with_capacity(self.columns.len());
        for (index, segment) in self.line.segments.iter().enumerate() {
            let column = self.columns[index];
            // A piece cut at the column's edge (`cut_at_edges`) goes on one
            // space away in the next column, with words that need a head:
            // not a cell of their own, which starts with a capital or a
            // digit ("31/12/2022", "Ing. Stefano Rossi"), but "di ogni anno",
            // "(salvo diverso termine".
            let continued = self.line.segments.get(index + 1).is_some_and(|next| {
                let headless = next
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_uppercase() && !c.is_ascii_digit());
                self.columns[index + 1] == column + 1
                    && next.x0 - segment.x1 <= 1.5 * pitch
                    && headless
            });
            let next_is_free =
                column + 1 < contents.len() && (continued || pieces_in[column + 1] == 0);
            let in_gutter = |cut: usize| {
                let content = &contents[column];
                content.ends >= MIN_TEXT_ENDS && segment.breaks[cut].x1 >= content.text_end + pitch
            };
            let across = continued
                || inner
                    .get(column)
                    .is_some_and(|&edge| segment.x1 > edge + tolerance);
            let words = segment.words();
            let values = words
                .iter()
                .rev()
                .take_while(|(word, _)| is_value(word))
                .count();
            // The break before the values that end the piece.
            let before_values = (words.len() - values).checked_sub(1).filter(|_| values > 0);
            let cut = if across {
                // The break before the first word that starts in the gutter,
                // or, where the piece was cut at the edge and goes on with
                // words that need a head, before the values that end it
                // ("… annuale. 30.06.2021" and "(salvo diverso termine").
                (0..segment.breaks.len())
                    .find(|&cut| in_gutter(cut))
                    .or(before_values.filter(|_| continued))
            } else {
                let values_after_text = contents[column].is_text()
                    && contents
                        .get(column + 1)
                        .is_some_and(ColumnContent::is_values);
                before_values.filter(|&cut| values_after_text && in_gutter(cut))
            };
            match (next_is_free, cut) {
                (true, Some(cut)) => {
                    let (before, moved) = segment.split(cut);
                    segments.extend([before, moved]);
                    columns.extend([column, column + 1]);
                    pieces_in[column + 1] += 1;
                }
                _ => {
                    segments.push(segment.clone());
                    columns.push(column);
                }
            }
        }
        self.line.segments = segments;
        self.columns = columns;
        self
    }
}

/// What the pieces of one column of a table hold, over all its lines.
#[derive(Clone, Copy)]
pub(super) struct ColumnContent {
    /// Where its text ends: the right end of its pieces, but those that end
    /// with a value or run across the next column's edge (which a dump may
    /// have pushed into the gutter).
    text_end: f32,
    /// How many pieces tell where its text ends.
    ends: usize,
    /// How many of its pieces end with a word of text.
    texts: usize,
    /// How many of its pieces are values (numbers, weights, dates).
    values: usize,
}

impl ColumnContent {
    /// Whether most of its pieces end with text.
    fn is_text(&self) -> bool {
        self.texts > self.values
    }

    /// Whether most of its pieces are values.
    fn is_values(&self) -> bool {
        self.values > self.texts
    }
}

/// What each column (of those inner edges `inner` leave) holds on the lines
/// of a table.
pub(super) fn column_contents(lines: &[PlacedLine], inner: &[f32]) -> Vec<ColumnContent> {
    let count = inner.len() + 1;
    let empty = ColumnContent {
        text_end: f32::NEG_INFINITY,
        ends: 0,
        texts: 0,
        values: 0,
    };
    let mut contents = vec![empty; count];
    for placed in lines {
        for (segment, &column) in placed.line.segments.iter().zip(&placed.columns) {
            let content = &mut contents[column];
            let tolerance = EDGE_TOLERANCE * placed.line.size;
            let stays = inner
                .get(column)
                .is_none_or(|&edge| segment.x1 <= edge + tolerance);
            let ends_with_value = segment
                .words()
                .last()
                .is_some_and(|(word, _)| is_value(word));
            if is_value(&segment.text.replace(' ', "")) {
                content.values += 1;
            } else if !ends_with_value {
                content.texts += 1;
                if stays {
                    content.text_end = content.text_end.max(segment.x1);
                    content.ends += 1;
                }
            }
        }
    }
    contents
}

/// Moves to the next column, of `count`, each piece of a line on a grid of
/// characters that `columns` (one per piece) put in the column of the piece
/// before it though set wide apart from it, when that next column holds no
/// other piece: a dump sets a cell left of its column when the line is
/// crowded (pdftotext gives each block of text its own start).
fn set_pushed_blocks_right(line: &Line, columns: &mut [usize], count: usize) {
    if line.pitch.is_none() {
        return;
    }
    let mut pieces_in = vec![0usize; count];
    for &column in columns.iter() {
        pieces_in[column] += 1;
    }
    for index in 1..columns.len() {
        let (before, piece) = (&line.segments[index - 1], &line.segments[index]);
        let (column, next) = (columns[index], columns[index] + 1);
        let wide = piece.x0 - before.x1 >= NARROW_GAP * line.size;
        if wide && column == columns[index - 1] && next < count && pieces_in[next] == 0 {
            columns[index] = next;
            pieces_in[column] -= 1;
            pieces_in[next] += 1;
        }
    }
}
