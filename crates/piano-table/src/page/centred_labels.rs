//! Outside tables, labels a producer centred beside their values' lines
//! (LibreOffice's structure and card fields, as `pdftotext -layout` sets
//! them): "Linea Strategica" on the middle one of its value's three lines,
//! "Obiettivo" / "Strategico" with a value line between the label's two.
//! Read line by line, a label then stands apart from its value, and the
//! value's lines above it look like the end of the field before. Each label
//! is joined with its value's lines into one line of two cells, as a
//! producer that sets labels at the top of their cells writes them.
//!
//! Which value lines are whose is read as the centring says: each label's
//! lines as far from the top of its value as from its bottom, a value
//! starting with a capital, a label wrapped over as few lines as can be.

use crate::gutters::EDGE_TOLERANCE;
use crate::lines::join_wrapped;
use crate::page::{Block, Cell};
use crate::region::LINE_SPACING;

/// Longest label, in characters.
const LABEL_MAX_CHARS: usize = 40;
/// Most words a label has.
const LABEL_MAX_WORDS: usize = 4;
/// Longest run of label and value lines read (longer ones are left as they
/// are: the share-out is cubic in the run's lines).
const MAX_RUN: usize = 64;
/// Cost of a label wrapped over one more line (less than a label one line
/// off its value's centre).
const WRAPPED_LABEL: f32 = 0.5;
/// Cost of a label or a value that would start with a small letter (the
/// end of another one).
const SMALL_LETTER: f32 = 2.0;

/// Whether `text` may be a field's label: short, a few words, not ending a
/// sentence or a clause.
pub(crate) fn is_short_label(text: &str) -> bool {
    text.chars().count() <= LABEL_MAX_CHARS
        && text.split_whitespace().count() <= LABEL_MAX_WORDS
        && !text.trim_end().ends_with(['.', ',', ';'])
}

/// Whether a label's piece holds its value after a colon ("TERMINE: entro
/// il 1", a card's field): it is no label alone beside its value.
fn holds_its_value(text: &str) -> bool {
    text.trim_end().trim_end_matches(':').contains(':')
}

/// What a line of a run of label and value lines holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// A label (or a piece of one) alone.
    Label,
    /// A value's line alone, in the value column.
    Value,
    /// A label and a value's line.
    Both,
}

impl Kind {
    fn has_label(self) -> bool {
        self != Kind::Value
    }

    fn has_value(self) -> bool {
        self != Kind::Label
    }
}

/// Where a run's labels and values start, once its lines have shown it.
#[derive(Debug, Clone, Copy, Default)]
struct Columns {
    label: Option<f32>,
    value: Option<f32>,
    tolerance: f32,
}

impl Columns {
    fn new(tolerance: f32) -> Columns {
        Columns {
            label: None,
            value: None,
            tolerance,
        }
    }

    /// Whether `x` is at `edge`, or `edge` is not known yet.
    fn at(&self, edge: Option<f32>, x: f32) -> bool {
        edge.is_none_or(|edge| (edge - x).abs() <= self.tolerance)
    }

    /// What a line of `cells` is in a run of these columns, and the
    /// columns with it; `None` when it is none of a run's lines. Empty
    /// cells are no pieces (a value's line set under the cell it wraps
    /// keeps the cells before it empty).
    fn read(self, cells: &[Cell]) -> Option<(Kind, Columns)> {
        let pieces: Vec<&Cell> = cells.iter().filter(|cell| !cell.text.is_empty()).collect();
        match pieces.as_slice() {
            [label, value] => {
                let fits = is_short_label(&label.text)
                    && label.x1 < value.x0
                    && self.at(self.label, label.x0)
                    && self.at(self.value, value.x0);
                fits.then_some((
                    Kind::Both,
                    Columns {
                        label: Some(label.x0),
                        value: Some(value.x0),
                        ..self
                    },
                ))
            }
            [piece] => {
                if self.value.is_some() && self.at(self.value, piece.x0) {
                    return Some((Kind::Value, self));
                }
                let before_values = self.value.is_none_or(|value| piece.x1 < value);
                let lone_label = is_short_label(&piece.text) && !holds_its_value(&piece.text);
                if self.at(self.label, piece.x0) && before_values && lone_label {
                    let label = Some(piece.x0);
                    return Some((Kind::Label, Columns { label, ..self }));
                }
                let right_of_labels = self
                    .label
                    .is_none_or(|label| piece.x0 > label + self.tolerance);
                (self.value.is_none() && right_of_labels).then_some((
                    Kind::Value,
                    Columns {
                        value: Some(piece.x0),
                        ..self
                    },
                ))
            }
            _ => None,
        }
    }
}

/// The free lines of a page (text blocks, top to bottom) with each run of
/// centred labels and their values' lines joined into lines of a label and
/// its value.
pub(super) fn join_centred_labels(lines: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(lines.len());
    let mut run: Vec<(Block, Kind)> = Vec::new();
    let mut columns = Columns::default();
    for line in lines {
        let Block::Text { cells, y, size, .. } = &line else {
            flush(&mut run, &mut out);
            out.push(line);
            continue;
        };
        let next_to_run = run.last().is_some_and(|(last, _)| {
            let Block::Text {
                y: last_y,
                size: last_size,
                ..
            } = last
            else {
                return false;
            };
            y - last_y <= LINE_SPACING * size.max(*last_size) && (size - last_size).abs() < 1e-3
        });
        let read = if next_to_run {
            columns
                .read(cells)
                .or_else(|| reread_as_values(&mut run, columns).read(cells))
        } else {
            None
        };
        let read = read.or_else(|| {
            flush(&mut run, &mut out);
            Columns::new(EDGE_TOLERANCE * size).read(cells)
        });
        match read {
            Some((kind, with_it)) => {
                columns = with_it;
                run.push((line, kind));
            }
            None => out.push(line),
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The columns of a run whose lines so far are all short pieces at one
/// place, read as labels, when they may be a value's lines instead (the
/// line after them starting left of them): those lines become values;
/// other runs keep their `columns`, and can take no line they refused.
fn reread_as_values(run: &mut [(Block, Kind)], columns: Columns) -> Columns {
    let all_labels = run.iter().all(|(_, kind)| *kind == Kind::Label);
    match (all_labels, columns.label) {
        (true, Some(label)) => {
            for (_, kind) in run.iter_mut() {
                *kind = Kind::Value;
            }
            Columns {
                label: None,
                value: Some(label),
                ..columns
            }
        }
        _ => columns,
    }
}

/// Writes a run's lines to `out`, joined label by label where the run sets
/// a label below a value's line (as no producer that sets labels at the
/// top of their cells does).
fn flush(run: &mut Vec<(Block, Kind)>, out: &mut Vec<Block>) {
    let lines = std::mem::take(run);
    let kinds: Vec<Kind> = lines.iter().map(|(_, kind)| *kind).collect();
    let starts: Vec<Starts> = lines
        .iter()
        .map(|(line, kind)| {
            let cells = line.cells();
            let label = kind.has_label().then(|| cells.first()).flatten();
            let value = kind.has_value().then(|| cells.last()).flatten();
            (
                label.map(|c| c.text.as_str()),
                value.map(|c| c.text.as_str()),
            )
        })
        .collect();
    let centred = kinds
        .windows(2)
        .any(|pair| pair == [Kind::Value, Kind::Label])
        || begins_a_value_unlabelled(&kinds, &starts);
    if !centred || lines.len() > MAX_RUN {
        out.extend(lines.into_iter().map(|(line, _)| line));
        return;
    }
    let fields = share_out(&kinds, &starts);
    let mut lines = lines.into_iter();
    for field in fields {
        let mut field_lines: Vec<(Block, Kind)> = lines.by_ref().take(field).collect();
        match field_lines.len() {
            1 => out.extend(field_lines.pop().map(|(line, _)| line)),
            _ => out.push(joined(&field_lines)),
        }
    }
}

/// A line's label text and value text, where it has them.
type Starts<'a> = (Option<&'a str>, Option<&'a str>);

/// Whether a value begins on a line of no label with a label below it
/// (each label then shares a line with its value's middle: "Obiettivo" /
/// "Strategico" beside the second and third of four lines): a value's line
/// alone starting with a capital under a value's line that ends a
/// sentence. Labels set at the top of their cells begin every value on
/// their own line.
fn begins_a_value_unlabelled(kinds: &[Kind], starts: &[Starts]) -> bool {
    (1..kinds.len()).any(|at| {
        let ends_a_sentence = starts[at - 1]
            .1
            .is_some_and(|text| text.trim_end().ends_with('.'));
        let begins = starts[at]
            .1
            .and_then(|text| text.chars().next())
            .is_some_and(char::is_uppercase);
        let labelled_below = kinds[at + 1..].iter().any(|kind| kind.has_label());
        kinds[at] == Kind::Value && ends_a_sentence && begins && labelled_below
    })
}

/// How many lines each field of a run takes, top to bottom: the share-out
/// of least cost (see [`field_cost`]).
fn share_out(kinds: &[Kind], starts: &[Starts]) -> Vec<usize> {
    let n = kinds.len();
    // best[j]: the least cost of the first j lines, and where its last field starts.
    let mut best: Vec<Option<(f32, usize)>> = vec![None; n + 1];
    best[0] = Some((0.0, 0));
    for end in 1..=n {
        for start in 0..end {
            let (Some((before, _)), Some(cost)) =
                (best[start], field_cost(kinds, starts, start, end))
            else {
                continue;
            };
            let total = before + cost;
            if best[end].is_none_or(|(least, _)| total < least) {
                best[end] = Some((total, start));
            }
        }
    }
    let mut fields = Vec::new();
    let mut end = n;
    while end > 0 {
        let Some((_, start)) = best[end] else {
            // Every run's lines can be shared out: a line of its own each
            // (a value's line alone costs nothing more than being kept).
            return vec![1; n];
        };
        fields.push(end - start);
        end = start;
    }
    fields.reverse();
    fields
}

/// The cost of lines `start..end` as one field, `None` where they hold no
/// label: how far its label's lines are from the centre of its value's,
/// each line its label wraps onto, and a label or value that would start
/// with a small letter.
fn field_cost(kinds: &[Kind], starts: &[Starts], start: usize, end: usize) -> Option<f32> {
    let centre = |wanted: fn(Kind) -> bool| {
        let lines: Vec<usize> = (start..end).filter(|&i| wanted(kinds[i])).collect();
        let count = lines.len();
        (count > 0).then(|| (lines.iter().sum::<usize>() as f32 / count as f32, count))
    };
    let (label_centre, label_lines) = centre(Kind::has_label)?;
    let off = centre(Kind::has_value)
        .map_or(0.0, |(value_centre, _)| (label_centre - value_centre).abs());
    let small = |text: Option<&str>| {
        text.and_then(|text| text.chars().next())
            .is_some_and(char::is_lowercase)
    };
    let first_label = (start..end).find_map(|i| starts[i].0);
    let first_value = (start..end).find_map(|i| starts[i].1);
    let small_starts = [first_label, first_value]
        .into_iter()
        .filter(|text| small(*text))
        .count();
    Some(off + WRAPPED_LABEL * (label_lines - 1) as f32 + SMALL_LETTER * small_starts as f32)
}

/// One field's lines as one line: its label's pieces joined in one cell,
/// its value's in the next.
fn joined(lines: &[(Block, Kind)]) -> Block {
    let mut label: Option<Cell> = None;
    let mut value: Option<Cell> = None;
    let (mut first_y, mut last_y, mut size) = (f32::INFINITY, f32::NEG_INFINITY, 0.0_f32);
    for (line, kind) in lines {
        let (line_first, line_last) = line.baselines();
        first_y = first_y.min(line_first);
        last_y = last_y.max(line_last);
        if let Block::Text {
            size: line_size, ..
        } = line
        {
            size = size.max(*line_size);
        }
        let cells = line.cells();
        let label_piece = kind.has_label().then(|| cells.first()).flatten();
        let value_piece = kind.has_value().then(|| cells.last()).flatten();
        for (cell, piece) in [(&mut label, label_piece), (&mut value, value_piece)] {
            let Some(piece) = piece else { continue };
            match cell {
                Some(cell) => extend(cell, piece),
                None => *cell = Some(piece.clone()),
            }
        }
    }
    Block::Text {
        cells: label.into_iter().chain(value).collect(),
        y: last_y,
        first_y,
        size,
    }
}

/// `cell` with the next line's `piece` wrapped onto it.
fn extend(cell: &mut Cell, piece: &Cell) {
    join_wrapped(&mut cell.text, cell.trailing_space, &piece.text);
    cell.trailing_space = piece.trailing_space;
    cell.x0 = cell.x0.min(piece.x0);
    cell.x1 = cell.x1.max(piece.x1);
    cell.top = cell.top.min(piece.top);
    cell.bottom = cell.bottom.max(piece.bottom);
    cell.confidence = crate::lines::lowest(cell.confidence, piece.confidence);
}

#[cfg(test)]
mod tests;
