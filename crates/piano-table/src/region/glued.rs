//! A column of values glued to the next column's text: in a small table
//! pdftotext sets a row's value one space before the next cell's text, so no
//! gap, on any line, shows the edge between the two columns. A column is two
//! where
//!
//! - every row's piece that starts in it opens with a formatted value
//!   followed by text that starts as a cell does (a capital), and the
//!   header's piece there has two words or more ("50% Dossier presentato",
//!   under "Peso Indicatore"); or
//! - rows glue two formatted values ("40% 30.06.2022" under "Peso Scadenza",
//!   "31/12/2022 75,5%" under "Termine" beside a centred "Grado di
//!   raggiungimento": a weight, a date and an achievement are never one
//!   cell), a header word starts over the second values, and no other piece
//!   of the column runs across where they start.
//!
//! The edge falls between the values' ends and the text's starts.

use crate::gutters::{EDGE_TOLERANCE, is_formatted_value};
use crate::lines::{Line, Segment};
use crate::region::column_of;

/// Rows of a column that must glue a value to a capital for it to be split.
const MIN_ROWS: usize = 2;

/// How far, in characters, a header word may start from the second values
/// it stands over (a centred header, a producer's rounding).
const HEADER_OVER: f32 = 3.0;

/// One row's piece that glues a value to what follows it.
#[derive(Debug, Clone, Copy)]
struct Glued {
    /// Where the value ends.
    value_end: f32,
    /// Where what follows starts.
    next_start: f32,
    /// Whether what follows is a formatted value too.
    two_values: bool,
}

impl Glued {
    /// The piece read as a value glued to a capital or to another value.
    /// A percent sign set apart from its figure ("30,00 %") is the value's.
    fn of(piece: &Segment) -> Option<Glued> {
        if !may_open_with_value(piece) || piece.breaks.is_empty() {
            return None;
        }
        let words = piece.words();
        let (value_end, next_index) = leading_value(&words)?;
        let (next, _) = *words.get(next_index)?;
        let capital = next.chars().next().is_some_and(char::is_uppercase);
        let two_values = is_formatted_value(next);
        (capital || two_values).then(|| Glued {
            value_end,
            next_start: piece.breaks[next_index - 1].x1,
            two_values,
        })
    }
}

/// The formatted value `words` open with: where it ends, and the index of
/// the word after it. A percent sign set apart from its figure ("30,00 %")
/// is the value's.
fn leading_value(words: &[(&str, f32)]) -> Option<(f32, usize)> {
    let &(figure, figure_end) = words.first()?;
    match words.get(1) {
        Some(&("%", sign_end)) => {
            is_formatted_value(&format!("{figure}%")).then_some((sign_end, 2))
        }
        _ => is_formatted_value(figure).then_some((figure_end, 1)),
    }
}

/// Whether a row's piece may stand beside pieces that glue a value to what
/// follows, with the column cut at `edge`: it glues one itself, is a value
/// alone ending before the edge (a row without the next cell's text), or
/// starts past the edge (the next cell's text alone, or wrapped).
fn fits_the_cut(piece: &Segment, edge: f32) -> bool {
    let alone = || {
        let words = piece.words();
        leading_value(&words).is_some_and(|(end, next)| next == words.len() && end <= edge)
    };
    piece.x0 >= edge || (may_open_with_value(piece) && (Glued::of(piece).is_some() || alone()))
}

/// Whether a piece may open with a formatted value: not with a letter,
/// which no value holds. Asked first, before a piece is parted into words.
fn may_open_with_value(piece: &Segment) -> bool {
    !piece.text.starts_with(char::is_alphabetic)
}

/// `columns` (a region's edges, its header first in `region`) with an edge
/// added inside each column whose rows glue a value to the next cell's text.
pub(super) fn split_glued_values(region: &[Line], mut columns: Vec<f32>) -> Vec<f32> {
    let Some(header) = region.first() else {
        return columns;
    };
    let Some(pitch) = header.pitch else {
        return columns;
    };
    if columns.len() < 2 {
        return columns;
    }
    let tolerance = EDGE_TOLERANCE * header.size;
    let count = columns.len() - 1;
    let inner = &columns[1..count];
    // Each column's pieces, the header's and the rows', by where they start.
    let mut starting: Vec<(Vec<&Segment>, Vec<&Segment>)> = vec![(Vec::new(), Vec::new()); count];
    for (at, line) in region.iter().enumerate() {
        for piece in &line.segments {
            let (in_header, in_rows) = &mut starting[column_of(piece.x0 + tolerance, inner)];
            if at == 0 { in_header } else { in_rows }.push(piece);
        }
    }
    let mut added = Vec::new();
    for (header_pieces, rows) in &starting {
        let header_piece = header_pieces.first().copied();
        let header_words = header_piece.map_or(0, |piece| piece.words().len());
        let glued: Vec<Glued> = rows.iter().filter_map(|piece| Glued::of(piece)).collect();
        // One row is enough where a header word starts over its text.
        let named_over = |glued: &[Glued]| {
            let start = first_next_start(glued);
            header_piece.is_some_and(|piece| {
                piece.breaks.iter().any(|space| {
                    space.x1 >= start - tolerance && space.x1 <= start + HEADER_OVER * pitch
                })
            })
        };
        let to_capitals = Some(glued)
            .filter(|glued| header_words >= 2 && (glued.len() >= MIN_ROWS || named_over(glued)))
            .and_then(|glued| edge_between(&glued))
            .filter(|&edge| rows.iter().all(|piece| fits_the_cut(piece, edge)));
        let edge = to_capitals.or_else(|| {
            let pieces: Vec<&Segment> = header_pieces.iter().chain(rows).copied().collect();
            two_values_edge(&pieces, pitch, tolerance)
        });
        added.extend(edge);
    }
    columns.extend(added);
    columns.sort_by(f32::total_cmp);
    columns
}

/// The edge between the glued values' ends and the starts of what follows
/// them, if every value ends before anything follows.
fn edge_between(glued: &[Glued]) -> Option<f32> {
    let last_value_end = glued
        .iter()
        .map(|g| g.value_end)
        .fold(f32::NEG_INFINITY, f32::max);
    let first_next_start = first_next_start(glued);
    (!glued.is_empty() && last_value_end <= first_next_start)
        .then_some((last_value_end + first_next_start) / 2.0)
}

/// Where the first of what follows the glued values starts.
fn first_next_start(glued: &[Glued]) -> f32 {
    glued
        .iter()
        .map(|g| g.next_start)
        .fold(f32::INFINITY, f32::min)
}

/// The edge inside a column (its `pieces`, header lines included) between
/// two formatted values its rows glue, where a header word starts over the
/// second values and no other piece runs across the edge.
fn two_values_edge(pieces: &[&Segment], pitch: f32, tolerance: f32) -> Option<f32> {
    let glued: Vec<Glued> = pieces
        .iter()
        .filter_map(|piece| Glued::of(piece))
        .filter(|glued| glued.two_values)
        .collect();
    let edge = edge_between(&glued)?;
    let second_start = first_next_start(&glued);
    let others = pieces
        .iter()
        .filter(|piece| Glued::of(piece).is_none_or(|glued| !glued.two_values));
    let over = |x: f32| x >= second_start - tolerance && x <= second_start + HEADER_OVER * pitch;
    let mut header_over = false;
    for piece in others {
        // A header's piece is names, no figures ("Peso Scadenza").
        let names = !piece.text.chars().any(|c| c.is_ascii_digit());
        let starts = std::iter::once(piece.x0).chain(piece.breaks.iter().map(|b| b.x1));
        header_over |= names && starts.into_iter().any(over);
        // Only a header's piece may run across the edge, where its word over
        // the values starts.
        let across = piece.x0 < edge && piece.x1 > edge;
        let at_its_word = names
            && piece
                .breaks
                .iter()
                .any(|b| b.x0 <= edge && b.x1 >= edge && over(b.x1));
        if across && !at_its_word {
            return None;
        }
    }
    header_over.then_some(edge)
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
    fn weights_first_glued_to_the_labels_after_them_make_a_column_of_their_own() {
        // Weights right-aligned, their percent sign apart, one space before
        // the rows' labels.
        let rows = [
            "    Peso Rif.      Obiettivo                Scadenza",
            "30,00 % Ob. 1      Riordino archivio        30/06/2024",
            "   (40%) Fase 1    Scarto atti              31/03/2024",
            "70,00 % Ob. 2      Nuovo sportello          31/12/2024",
        ];
        let text = rows.join("\n");
        let lines = dump_lines(&text);
        let columns = vec![0.0, 19.0, 44.0, 60.0];
        let split = split_glued_values(&lines, columns.clone());
        assert_eq!(split.len(), columns.len() + 1, "{split:?}");
        assert!(split[1] > 7.0 && split[1] < 8.5, "{split:?}");
        // One row is enough under a header word over its label, not under
        // a header whose words lie elsewhere.
        let one_row = rows[..2].join("\n");
        let split = split_glued_values(&dump_lines(&one_row), columns.clone());
        assert_eq!(split.len(), columns.len() + 1, "{split:?}");
        let elsewhere = one_row.replace("    Peso Rif.  ", "Peso  Rif.     ");
        assert_eq!(
            split_glued_values(&dump_lines(&elsewhere), columns.clone()),
            columns
        );
    }

    #[test]
    fn values_glued_to_notes_split_though_some_rows_have_a_value_or_a_note_alone() {
        let rows = [
            "N.  Obiettivo          Raggiungimento Note",
            "1   Archivio           100,0 %",
            "2   Censimento           92,0 % Rilevatori assenti",
            "                                  nel mese di maggio",
            "3   Stradario                     In attesa del parere",
            "4   Cantiere             75,0 % Lavori sospesi",
        ];
        let columns = vec![0.0, 3.5, 22.5, 60.0];
        let split = split_glued_values(&dump_lines(&rows.join("\n")), columns.clone());
        assert_eq!(split.len(), columns.len() + 1, "{split:?}");
        assert!(split[3] > 31.0 && split[3] < 34.0, "{split:?}");
        // Not where a row's text starts in the column before the cut.
        let text = rows.join("\n").replace(
            "Stradario                     In attesa",
            "Stradario            in attesa",
        );
        assert_eq!(
            split_glued_values(&dump_lines(&text), columns.clone()),
            columns
        );
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

    #[test]
    fn an_achievement_glued_to_a_date_goes_under_its_centred_header() {
        let text = "\
N.   Obiettivo           Peso                 Grado di
N.   Obiettivo           %      Termine                     Note
                                              raggiungimento
1    Archivio digitale   40%    31/12/2022 75,5%            Registri dal 1968
2    Carta dei servizi   30%    30/06/2022                  Rinviato
3    Questionario        30%    30/11/2022 100%
";
        let lines = dump_lines(text);
        let columns = vec![0.0, 5.0, 25.0, 32.0, 60.0, 80.0];
        let split = split_glued_values(&lines, columns.clone());
        assert_eq!(split.len(), columns.len() + 1, "{split:?}");
        assert!(split[4] > 42.0 && split[4] < 43.0, "{split:?}");
        // Without a header over the second values, nothing says they are
        // another column's.
        let lines = dump_lines(
            &text
                .replace("Grado di", "        ")
                .replace("raggiungimento", "              "),
        );
        assert_eq!(split_glued_values(&lines, columns.clone()), columns);
        // Nor figures over them (a row, not a header).
        let figures = text
            .replace("Grado di", "        ")
            .replace("raggiungimento", "45 45 47,5    ");
        let lines = dump_lines(&figures);
        assert_eq!(split_glued_values(&lines, columns.clone()), columns);
        // Nor where a row's text runs across where they start.
        let lines = dump_lines(&text.replace("30/06/2022      ", "30/06/2022-rinvio"));
        assert_eq!(split_glued_values(&lines, columns.clone()), columns);
    }
}
