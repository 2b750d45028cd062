//! A column of values glued to the next column's text: in a small table
//! pdftotext sets every row's value one space before the next cell's text
//! ("50% Dossier presentato", under "Peso Indicatore"), so no gap, on any
//! line, shows the edge between the two columns. When every row's piece
//! that starts in a column opens with a formatted value followed by text
//! that starts as a cell does (a capital), or by another formatted value
//! ("40% 30.06.2022", under "Peso Scadenza": a weight and a date are never
//! one cell), and the header's piece there has two words or more, the column
//! is two: the edge falls between the values' ends and the text's starts.

use crate::gutters::{EDGE_TOLERANCE, is_formatted_value};
use crate::lines::Line;
use crate::region::column_of;

/// Rows of a column that must show the glued value for it to be split; one
/// is enough where every row glues two formatted values.
const MIN_ROWS: usize = 2;

/// `columns` (a region's edges, its header first in `region`) with an edge
/// added inside each column whose rows glue a value to the next cell's text.
pub(super) fn split_glued_values(region: &[Line], mut columns: Vec<f32>) -> Vec<f32> {
    let Some((header, body)) = region.split_first() else {
        return columns;
    };
    if header.pitch.is_none() || columns.len() < 2 {
        return columns;
    }
    let tolerance = EDGE_TOLERANCE * header.size;
    let count = columns.len() - 1;
    let mut added = Vec::new();
    for column in 0..count {
        let inner = &columns[1..count];
        let starts_here = |x0: f32| column_of(x0 + tolerance, inner) == column;
        let header_words = header
            .segments
            .iter()
            .find(|piece| starts_here(piece.x0))
            .map_or(0, |piece| piece.words().len());
        if header_words < 2 {
            continue;
        }
        // Each row's value end, the start of the text after it, and whether
        // that text is a formatted value too.
        let glued: Option<Vec<(f32, f32, bool)>> = body
            .iter()
            .flat_map(|line| line.segments.iter())
            .filter(|piece| starts_here(piece.x0))
            .map(|piece| {
                let words = piece.words();
                let (value, value_end) = *words.first()?;
                let (text, _) = *words.get(1)?;
                let capital = text.chars().next().is_some_and(char::is_uppercase);
                let two_values = is_formatted_value(text);
                let text_start = piece.breaks.first()?.x1;
                (is_formatted_value(value) && (capital || two_values))
                    .then_some((value_end, text_start, two_values))
            })
            .collect();
        let enough = |rows: &Vec<(f32, f32, bool)>| {
            rows.len() >= MIN_ROWS || (!rows.is_empty() && rows.iter().all(|row| row.2))
        };
        let Some(glued) = glued.filter(enough) else {
            continue;
        };
        let last_value_end = glued.iter().map(|g| g.0).fold(f32::NEG_INFINITY, f32::max);
        let first_text_start = glued.iter().map(|g| g.1).fold(f32::INFINITY, f32::min);
        if last_value_end <= first_text_start {
            added.push((last_value_end + first_text_start) / 2.0);
        }
    }
    columns.extend(added);
    columns.sort_by(f32::total_cmp);
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::dump_lines;

    #[test]
    fn values_glued_to_the_next_cells_text_make_a_column_of_their_own() {
        let text = "\
N. Obiettivo                     Peso Indicatore          Scadenza
1   Candidatura della citta      50% Dossier presentato   30.09.2022
2   Nuovo portale turistico      100% Portale online      31.12.2022
";
        let lines = dump_lines(text);
        let columns = vec![0.0, 3.4, 32.4, 57.4, 70.0];
        let split = split_glued_values(&lines, columns.clone());
        assert_eq!(split.len(), columns.len() + 1, "{split:?}");
        assert!(split[3] > 36.0 && split[3] < 38.0, "{split:?}");
        // Text that opens with a value as prose may ("15% del portale") is
        // no glued column: the word after it starts with a small letter.
        let prose = text
            .replace("50% Dossier presentato", "15% dossier presentato")
            .replace("100% Portale online   ", "20% del portale online");
        let lines = dump_lines(&prose);
        assert_eq!(split_glued_values(&lines, columns.clone()), columns);
    }

    #[test]
    fn a_weight_glued_to_a_date_is_two_columns_even_in_one_row() {
        let text = "\
Cod.  Obiettivo                  Peso Scadenza     Responsabile
01    Servizio a domicilio       100% 31.12.2022   Dott.ssa Chiara Fabbri
";
        let lines = dump_lines(text);
        let columns = vec![0.0, 6.0, 33.0, 51.0, 70.0];
        let split = split_glued_values(&lines, columns.clone());
        assert_eq!(split.len(), columns.len() + 1, "{split:?}");
        assert!(split[3] > 36.0 && split[3] < 39.0, "{split:?}");
        // A value then a word in small letters is one cell ("100% entro").
        let lines = dump_lines(&text.replace("100% 31.12.2022", "100% entro 2022"));
        assert_eq!(split_glued_values(&lines, columns.clone()), columns);
    }
}
