//! Which column each piece of a table's line goes to: where its centre
//! falls, cut first at the columns' edges, with what a dump displaced set
//! back (a value pushed left against the text before it, a cell set left of
//! its column on a crowded line, a value pushed into the gutter).

use crate::gutters::{
    EDGE_TOLERANCE, cut_at_column_starts, cut_at_edges, is_value, value_pushed_left,
};
use crate::lines::Line;
use crate::region::{NARROW_GAP, column_of};

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

    /// The line with the values that end a piece of a column of text but
    /// start right of where its text ends on every line, in the gutter,
    /// moved to the next column when that is a column of values holding
    /// nothing else on the line: a dump pushed them left against the text
    /// before them ("… della zona a 11,11%"). Only on a grid of characters.
    pub(super) fn with_values_in_gutters_moved(mut self, contents: &[ColumnContent]) -> PlacedLine {
        let Some(pitch) = self.line.pitch else {
            return self;
        };
        let mut index = 0;
        while index < self.line.segments.len() {
            let column = self.columns[index];
            // A column of text, and a column of values after it that holds
            // nothing on this line.
            let next_is_free = contents[column].is_text()
                && contents
                    .get(column + 1)
                    .is_some_and(ColumnContent::is_values)
                && !self.columns.contains(&(column + 1));
            let segment = &self.line.segments[index];
            let words = segment.words();
            let values = words
                .iter()
                .rev()
                .take_while(|(word, _)| is_value(word))
                .count();
            // The break before the first of the values, which start in the
            // gutter.
            let cut = (words.len() - values).checked_sub(1).filter(|&cut| {
                values > 0 && segment.breaks[cut].x1 >= contents[column].text_end + pitch
            });
            if let (true, Some(cut)) = (next_is_free, cut) {
                let (before, value) = segment.split(cut);
                self.line.segments.splice(index..=index, [before, value]);
                self.columns.insert(index + 1, column + 1);
                index += 1;
            }
            index += 1;
        }
        self
    }
}

/// What the pieces of one column of a table hold, over all its lines.
#[derive(Clone, Copy)]
pub(super) struct ColumnContent {
    /// Where its text ends: the right end of its pieces, but those that end
    /// with a value (which a dump may have pushed into the gutter).
    text_end: f32,
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

/// What each column (of `count`) holds on the lines of a table.
pub(super) fn column_contents(lines: &[PlacedLine], count: usize) -> Vec<ColumnContent> {
    let empty = ColumnContent {
        text_end: f32::NEG_INFINITY,
        texts: 0,
        values: 0,
    };
    let mut contents = vec![empty; count];
    for placed in lines {
        for (segment, &column) in placed.line.segments.iter().zip(&placed.columns) {
            let content = &mut contents[column];
            let ends_with_value = segment
                .words()
                .last()
                .is_some_and(|(word, _)| is_value(word));
            if is_value(&segment.text.replace(' ', "")) {
                content.values += 1;
            } else if !ends_with_value {
                content.texts += 1;
                content.text_end = content.text_end.max(segment.x1);
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
    for index in 1..columns.len() {
        let (before, piece) = (&line.segments[index - 1], &line.segments[index]);
        let next = columns[index] + 1;
        let wide = piece.x0 - before.x1 >= NARROW_GAP * line.size;
        if wide
            && columns[index] == columns[index - 1]
            && next < count
            && !columns[index + 1..].contains(&next)
        {
            columns[index] = next;
        }
    }
}
