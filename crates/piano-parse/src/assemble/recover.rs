//! Recovery rules: one function per kind of damage a text extraction does to
//! plan tables, each reporting what it did.

use piano_model::{Code, Diagnostic, Entry, LineSpan};

use crate::text::{clean, join_wrapped};
use crate::token::due::looks_like_due;
use crate::token::number::{RowNumber, parse_row_number};
use crate::token::weight::{is_closing_stop, is_weight, parse_weight};
use crate::vocabulary::{Column, Vocabulary};

/// What splitting a glued cell found.
#[derive(Debug, Default, PartialEq)]
pub struct Unglued {
    /// Closing brackets that belong to the row above (its due's open bracket).
    pub stray_closing: Option<String>,
    /// Whether any cell was split.
    pub repaired: bool,
}

/// Splits a weight cell glued to what follows it: "(50%)) 1 dicembre di ogni
/// anno" is the weight "(50%)", a ")" that closes the row above, and the due
/// "1 dicembre di ogni anno" in a cell of its own. Only the weight cell (see
/// [`weight_cell_index`]) is split; a percent opening another cell ("100% degli
/// atti …") is prose; a full stop ending the weight ("20%.") is no cell.
pub fn unglue_weight_cell(cells: &mut Vec<String>, weight_cell: Option<usize>) -> Unglued {
    let mut unglued = Unglued::default();
    let Some(index) = weight_cell.filter(|&index| index < cells.len()) else {
        return unglued;
    };
    let Some(token) = parse_weight(&cells[index]) else {
        return unglued;
    };
    let rest = token.rest.trim();
    if is_closing_stop(rest) {
        return unglued;
    }
    let closing_length = rest.len() - rest.trim_start_matches(')').len();
    let (closing, remainder) = rest.split_at(closing_length);
    let remainder = remainder.trim().to_owned();
    let weight_text = token.written.to_owned();
    unglued.stray_closing = (!closing.is_empty()).then(|| closing.to_owned());
    cells[index] = weight_text;
    if !remainder.is_empty() {
        cells.insert(index + 1, remainder);
    }
    unglued.repaired = true;
    unglued
}

/// Where a row's weight cell is: in a row with all its cells, the weight
/// column; in a row short of cells (positions not to be trusted), the first
/// filled cell after the description.
pub fn weight_cell_index(
    cells: &[String],
    columns: &[Option<Column>],
    description_index: usize,
) -> Option<usize> {
    if cells.len() >= columns.len() {
        return columns
            .iter()
            .position(|column| *column == Some(Column::Weight));
    }
    (description_index + 1..cells.len()).find(|&index| !cells[index].trim().is_empty())
}

/// The cells a row really has: trailing empty cells (a tab at the end of a
/// line) do not count.
fn filled_length(cells: &[String]) -> usize {
    cells
        .iter()
        .rposition(|cell| !cell.trim().is_empty())
        .map_or(0, |last| last + 1)
}

fn is_weight_cell(cell: &str) -> bool {
    is_weight(cell) && (cell.contains('%') || cell.trim_start().starts_with('('))
}

/// "1 Coordinamento …" in the number cell: the number column was merged with
/// the description (a narrow N° column often comes out so). Splits it off.
pub fn split_merged_number(cells: &mut Vec<String>, number: &RowNumber) -> bool {
    let Some(first) = cells.first() else {
        return false;
    };
    let first = first.trim();
    if first == number.text || parse_row_number(first).is_some() {
        return false;
    }
    let Some((written, rest)) = first.split_once(' ') else {
        return false;
    };
    let rest = rest.trim().to_owned();
    let written = written.to_owned();
    cells[0] = written;
    cells.insert(1, rest);
    true
}

/// "a) Verifica …" in the code cell: a row code of another scheme merged
/// with the description, as [`split_merged_number`] for numbers. Splits
/// `code` (as written) off.
pub fn split_merged_code(cells: &mut Vec<String>, code: &str) -> bool {
    let Some(first) = cells.first() else {
        return false;
    };
    let Some(rest) = first.trim().strip_prefix(code) else {
        return false;
    };
    if !rest.starts_with(char::is_whitespace) {
        return false;
    }
    let rest = rest.trim().to_owned();
    cells[0] = code.to_owned();
    cells.insert(1, rest);
    true
}

/// A description split in two cells by a stray tab: the row has more cells
/// than its header, and its weight stands as many cells right of the weight
/// column. Joins the pieces back into the description.
pub fn join_split_description(
    cells: &mut Vec<String>,
    columns: &[Option<Column>],
    description_index: usize,
) -> bool {
    let extra = filled_length(cells).saturating_sub(columns.len());
    let Some(weight_column) = columns.iter().position(|c| *c == Some(Column::Weight)) else {
        return false;
    };
    let shifted = weight_column + extra;
    let fits = extra > 0
        && weight_column > description_index
        && !cells
            .get(weight_column)
            .is_some_and(|cell| is_weight_cell(cell))
        && cells.get(shifted).is_some_and(|cell| is_weight_cell(cell));
    if !fits {
        return false;
    }
    let pieces: Vec<String> = cells
        .drain(description_index..=description_index + extra)
        .collect();
    let joined = pieces
        .iter()
        .fold(String::new(), |joined, piece| join_wrapped(&joined, piece));
    cells.insert(description_index, joined);
    true
}

/// A weight glued to the end of the description ("… pinacoteca. 60%") in a
/// row short of a cell, with no weight elsewhere: splits it into its cell.
pub fn split_trailing_weight(
    cells: &mut Vec<String>,
    columns: &[Option<Column>],
    description_index: usize,
) -> bool {
    let short = filled_length(cells) < columns.len();
    let weight_elsewhere = cells
        .iter()
        .skip(description_index + 1)
        .any(|cell| is_weight_cell(cell));
    let Some(description) = cells.get(description_index) else {
        return false;
    };
    let description = description.trim_end();
    let Some((before, token)) = description.rsplit_once(' ') else {
        return false;
    };
    if !short || weight_elsewhere || !is_weight_cell(token) || before.trim().is_empty() {
        return false;
    }
    let (before, token) = (before.trim_end().to_owned(), token.to_owned());
    cells[description_index] = before;
    cells.insert(description_index + 1, token);
    true
}

/// A due glued to the end of the row's last cell ("Tutti i banchi
/// 31.12.2022") in a row short of a cell, with no due elsewhere: splits it
/// into its cell.
pub fn split_trailing_due(
    cells: &mut Vec<String>,
    columns: &[Option<Column>],
    description_index: usize,
) -> bool {
    let length = filled_length(cells);
    if length >= columns.len() || length <= description_index + 1 {
        return false;
    }
    let values = &cells[description_index + 1..length];
    if values.iter().any(|cell| looks_like_due(cell)) {
        return false;
    }
    let last = &cells[length - 1];
    let Some(at) = word_starts(last)
        .skip(1)
        .find(|&at| looks_like_due(&last[at..]))
    else {
        return false;
    };
    let (before, due) = (
        last[..at].trim_end().to_owned(),
        last[at..].trim().to_owned(),
    );
    cells[length - 1] = before;
    cells.insert(length, due);
    true
}

/// Byte offsets where the words of `text` start.
fn word_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let mut previous_is_space = true;
    text.char_indices().filter_map(move |(at, c)| {
        let starts = previous_is_space && !c.is_whitespace();
        previous_is_space = c.is_whitespace();
        starts.then_some(at)
    })
}

/// A totals row under a table: nothing but weights and the profile's totals
/// labels ("TOTALE"). A row that does not open with an empty cell must carry
/// the label, since a lone weight there can be a fragment of a torn table.
pub fn is_total_row(cells: &[String], words: &Vocabulary) -> bool {
    let filled: Vec<&str> = cells
        .iter()
        .map(|cell| cell.trim())
        .filter(|cell| !cell.is_empty())
        .collect();
    let is_label = |cell: &&str| words.is_total_label(cell);
    let continues = cells.first().is_some_and(|cell| cell.trim().is_empty());
    let labelled = filled.iter().any(is_label);
    // Under a label, bare numbers are totals too ("Peso ponderale | 10 | 2,5").
    let is_total = |cell: &&str| is_weight_cell(cell) || (labelled && is_weight(cell));
    filled.iter().any(is_total)
        && filled.iter().all(|cell| is_total(cell) || is_label(cell))
        && (continues || labelled)
}

/// Similarity at which a row that breaks the numbering is taken for a garbled
/// copy of its neighbour. Distinct objectives of one plan often share a long
/// prefix ("Obiettivo di sviluppo specifico dell'area: …") and score up to about
/// 0.6; OCR ghosts of a row score well above.
const GHOST_SIMILARITY: f64 = 0.7;

/// Longest description compared for ghosts: the edit distance is quadratic in
/// the length, and table cells are far shorter than this.
const GHOST_MAX_CHARS: usize = 2_000;

/// Whether `description` is a garbled near-copy of one of its neighbours.
pub fn is_ghost_of(description: &str, neighbours: &[&str]) -> bool {
    let comparable = |text: &str| {
        Some(clean(text).to_lowercase()).filter(|t| !t.is_empty() && t.len() <= GHOST_MAX_CHARS)
    };
    let Some(description) = comparable(description) else {
        return false;
    };
    neighbours
        .iter()
        .filter_map(|neighbour| comparable(neighbour))
        .any(|neighbour| {
            strsim::normalized_levenshtein(&description, &neighbour) >= GHOST_SIMILARITY
        })
}

/// A line that fits nowhere by itself, kept until its structure ends.
#[derive(Debug, Clone)]
pub struct Fragment {
    /// Its line.
    pub line: u32,
    /// Its page.
    pub page: Option<u32>,
    /// Its text, cells joined by tabs.
    pub text: String,
}

/// The pieces of a phase taken apart by the extraction.
#[derive(Debug, Default)]
struct Pieces {
    description: Option<String>,
    weight: Option<f64>,
    due: Option<String>,
    lines: Option<LineSpan>,
    page: Option<u32>,
}

impl Pieces {
    fn take_line(&mut self, fragment: &Fragment) {
        let span = LineSpan::line(fragment.line);
        self.lines = Some(self.lines.map_or(span, |lines| lines.cover(span)));
        self.page = self.page.or(fragment.page);
    }
}

/// Phases rebuilt from fragments, as raw pieces for the caller to finish.
#[derive(Debug)]
pub struct RebuiltPhase {
    /// The phase as far as the fragments tell (due still raw in `due_raw`).
    pub entry: Entry,
    /// The due cell's text, when one was found.
    pub due_raw: Option<String>,
}

/// Rebuilds phases of the objective numbered `parent` from fragments a
/// column-by-column extraction tore apart: weights, numbers, descriptions and
/// dues, each in document order. A description is one that opens with a phase
/// marker ("Fase: …"); a fragment starting in lower case continues the one
/// before. The rebuild happens only when it is unambiguous: as many weights and
/// as many dues as descriptions (or none), and every number found fits its
/// place. Otherwise `None`, and the caller keeps the fragments in diagnostics.
pub fn rebuild_phases(
    fragments: &[Fragment],
    parent: &str,
    phases_before: usize,
    words: &Vocabulary,
) -> Option<Vec<RebuiltPhase>> {
    let mut descriptions: Vec<(String, Vec<&Fragment>)> = Vec::new();
    let mut weights = Vec::new();
    let mut dues = Vec::new();
    let mut numbers = Vec::new();
    for fragment in fragments {
        let text = clean(&fragment.text);
        if is_weight(&text) {
            weights.push((parse_weight(&text)?.value, fragment));
        } else if let Some(number) = parse_row_number(&text) {
            numbers.push((number, fragment));
        } else if looks_like_due(&text) {
            dues.push((text, fragment));
        } else if words.is_phase_text(&text) {
            descriptions.push((text, vec![fragment]));
        } else if text.chars().next().is_some_and(char::is_lowercase) && !descriptions.is_empty() {
            let (description, pieces) = descriptions.last_mut()?;
            *description = format!("{description} {text}");
            pieces.push(fragment);
        } else {
            return None;
        }
    }
    let count = descriptions.len();
    let fits = |found: usize| found == 0 || found == count;
    if count == 0 || !fits(weights.len()) || !fits(dues.len()) || numbers.len() > count {
        return None;
    }
    let mut pieces: Vec<Pieces> = descriptions
        .into_iter()
        .map(|(description, fragments)| {
            let mut piece = Pieces {
                description: Some(description),
                ..Pieces::default()
            };
            fragments
                .iter()
                .for_each(|fragment| piece.take_line(fragment));
            piece
        })
        .collect();
    for (piece, (weight, fragment)) in pieces.iter_mut().zip(weights) {
        piece.weight = Some(weight);
        piece.take_line(fragment);
    }
    for (piece, (due, fragment)) in pieces.iter_mut().zip(dues) {
        piece.due = Some(due);
        piece.take_line(fragment);
    }
    for (number, fragment) in numbers {
        let place = number_place(&number.parts, parent, phases_before, count)?;
        pieces[place].take_line(fragment);
    }
    Some(
        pieces
            .into_iter()
            .enumerate()
            .map(|(index, piece)| RebuiltPhase {
                entry: Entry {
                    number: format!("{parent}.{}", phases_before + index + 1),
                    description: piece.description.unwrap_or_default(),
                    weight: piece.weight,
                    indicators: None,
                    expected: None,
                    due: None,
                    lines: piece.lines.unwrap_or(LineSpan(0, 0)),
                    page: piece.page,
                    ..Entry::default()
                },
                due_raw: piece.due,
            })
            .collect(),
    )
}

/// The index among the rebuilt phases that a found phase number designates.
fn number_place(parts: &[u32], parent: &str, phases_before: usize, count: usize) -> Option<usize> {
    let [objective, phase] = parts else {
        return None;
    };
    let ordinal = usize::try_from(*phase).ok()?;
    (objective.to_string() == parent && ordinal > phases_before && ordinal <= phases_before + count)
        .then(|| ordinal - phases_before - 1)
}

/// Diagnostics that keep fragments no rule could place, whole.
pub fn unplaced(fragments: &[Fragment], structure: u32, why: &str) -> Vec<Diagnostic> {
    fragments
        .iter()
        .map(|fragment| {
            Diagnostic::new(Code::TextUnplaced, format!("{why}: {}", fragment.text))
                .at_line(fragment.line, fragment.page)
                .in_structure(structure)
                .with_excerpt(&fragment.text)
        })
        .collect()
}

#[cfg(test)]
mod tests;
