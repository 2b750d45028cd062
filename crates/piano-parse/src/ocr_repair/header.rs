//! A table header's word OCR could not read, told by the header's other
//! words. Header cells are often shaded, and OCR reads a shaded word as
//! noise ("esrtore" for "Indicatore"): every row then has a cell under a
//! column piano does not know, and the whole column is lost.
//!
//! The header proves the word when it names every other column of a
//! profile's table but one of the two columns of prose values (indicators,
//! expected values), and the cells under the word, on the lines below,
//! hold neither a weight, nor a date, nor a titled name: the one column
//! left is the word's. Only a cell recognised with low confidence is read
//! again; a word the document really printed stays unknown.

use piano_model::{Code, Diagnostic, TextLine};

use crate::line::table_header_columns;
use crate::token::due::looks_like_due;
use crate::token::weight::is_weight;
use crate::vocabulary::{Column, Vocabulary};

/// The columns of prose values a plan's table has: a header naming one of
/// them and not the other, with one word unread, has the other there.
const PROSE_VALUES: [Column; 2] = [Column::Indicators, Column::Expected];

/// How many lines below a header are looked at to see what the unread
/// word's column holds.
const LINES_BELOW: usize = 6;

/// Reads each doubtful header cell that names no column as the column of
/// prose values the rest of its header leaves unnamed, for every profile
/// that reads the line as a header and agrees on that column; one
/// `ocr-repaired` diagnostic each.
pub fn repair_header_words(lines: &mut [TextLine], profiles: &[Vocabulary]) -> Vec<Diagnostic> {
    let mut repaired = Vec::new();
    for at in 0..lines.len() {
        let line = &lines[at];
        if !line.cells.iter().any(piano_model::Cell::is_doubtful) {
            continue;
        }
        let Some((index, label, column)) = unread_word(line, profiles) else {
            continue;
        };
        let below = &lines[at + 1..(at + 1 + LINES_BELOW).min(lines.len())];
        if !holds_prose(below, index, profiles) {
            continue;
        }
        let line = &mut lines[at];
        let read = line.cells[index].text.trim().to_owned();
        let mut diagnostic = Diagnostic::new(
            Code::OcrRepaired,
            format!(
                "table header cell {read:?}, recognised with low confidence, read as {label:?}: \
                 the header names every other column but the {}, and the cells below it hold text",
                if column == Column::Indicators {
                    "indicators"
                } else {
                    "expected values"
                }
            ),
        )
        .at_line(line.number, line.page);
        diagnostic.excerpt = Some(read);
        line.cells[index].text = label.to_owned();
        repaired.push(diagnostic);
    }
    repaired
}

/// The one doubtful cell of `line` that names no column, with the label and
/// the column of prose values it then names, where every profile reading
/// the line as a header names all but that one of [`PROSE_VALUES`] and
/// they agree.
fn unread_word<'p>(
    line: &TextLine,
    profiles: &'p [Vocabulary],
) -> Option<(usize, &'p str, Column)> {
    let mut found: Option<(usize, &'p str, Column)> = None;
    for words in profiles {
        let Some(columns) = table_header_columns(line, words) else {
            continue;
        };
        let mut unread = line.cells.iter().enumerate().filter(|(index, cell)| {
            cell.is_doubtful() && columns.get(*index).copied().flatten().is_none()
        });
        let (Some((index, _)), None) = (unread.next(), unread.next()) else {
            continue;
        };
        let mut left = PROSE_VALUES
            .into_iter()
            .filter(|column| !columns.contains(&Some(*column)));
        let (Some(column), None) = (left.next(), left.next()) else {
            continue;
        };
        let Some(label) = words.column_label(column) else {
            continue;
        };
        match found {
            Some((seen, _, named)) if seen != index || named != column => return None,
            Some(_) => {}
            None => found = Some((index, label, column)),
        }
    }
    found
}

/// Whether the cells at `index` of the lines `below` hold text and none of
/// them a weight, a date or a titled name (which would say their column is
/// another).
fn holds_prose(below: &[TextLine], index: usize, profiles: &[Vocabulary]) -> bool {
    let mut cells = below
        .iter()
        .filter_map(|line| line.cells.get(index))
        .map(|cell| cell.text.trim())
        .filter(|text| !text.is_empty())
        .peekable();
    cells.peek().is_some()
        && cells.all(|text| {
            !is_weight(text)
                && !looks_like_due(text)
                && !profiles.iter().any(|words| words.names_a_person(text))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of `cells`, the cell at `doubtful` recognised with confidence 0.1.
    fn line(number: u32, cells: &[&str], doubtful: Option<usize>) -> TextLine {
        let mut line = TextLine::from_texts(number, Some(1), cells.iter().copied());
        for (index, cell) in line.cells.iter_mut().enumerate() {
            cell.confidence = Some(if Some(index) == doubtful { 0.1 } else { 0.95 });
        }
        line
    }

    fn table(header: &[&str], doubtful: Option<usize>, row: &[&str]) -> Vec<TextLine> {
        vec![line(1, header, doubtful), line(2, row, None)]
    }

    const HEADER: [&str; 6] = [
        "N.",
        "Obiettivo",
        "Peso",
        "xqwrtore",
        "Valore atteso",
        "Scadenza",
    ];
    const ROW: [&str; 6] = ["1", "Primo", "40%", "Pratiche evase", "100%", "31.12.2024"];

    #[test]
    fn an_unread_header_word_is_the_one_column_of_prose_values_left() {
        let mut lines = table(&HEADER, Some(3), &ROW);
        let repaired = repair_header_words(&mut lines, Vocabulary::bundled());
        assert_eq!(repaired.len(), 1, "{repaired:?}");
        assert_eq!(repaired[0].code, Code::OcrRepaired);
        let words = Vocabulary::default_profile();
        let columns = table_header_columns(&lines[0], words).expect("a header");
        assert_eq!(columns[3], Some(Column::Indicators));
    }

    #[test]
    fn a_word_read_with_confidence_or_under_values_stays_unknown() {
        // Read with confidence: the document printed it.
        let mut lines = table(&HEADER, None, &ROW);
        assert!(repair_header_words(&mut lines, Vocabulary::bundled()).is_empty());
        // The cells below hold dates: the column is no column of prose.
        let mut row = ROW;
        row[3] = "30.06.2024";
        let mut lines = table(&HEADER, Some(3), &row);
        assert!(repair_header_words(&mut lines, Vocabulary::bundled()).is_empty());
        // The header names both columns of prose: the word is another column.
        let mut header = HEADER;
        header[2] = "Indicatore";
        let mut lines = table(&header, Some(3), &ROW);
        assert!(repair_header_words(&mut lines, Vocabulary::bundled()).is_empty());
    }
}
