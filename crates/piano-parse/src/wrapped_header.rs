//! Table headers wrapped over two lines, read as one before any line is
//! classified.
//!
//! A header whose names wrap ("Indicatori di" / "Misurazione", "% di" /
//! "raggiungimento") names on its first line too few columns for its family
//! (a report's achievement) or none at all; its cells then run into the
//! text above it. Where the line under it holds only pieces of names (short,
//! no figures) and the two, joined cell by cell, name more columns for some
//! profile, they are one line spanning both. (A wrapped header whose first
//! line names as many takes its pieces in as the table is assembled.)

use piano_model::{Code, Diagnostic, Layout, LineRole, Roles, TextLine};

use crate::line::{is_header_piece, table_header_columns};
use crate::text::join_wrapped;
use crate::token::due::looks_like_due;
use crate::token::weight::is_weight;
use crate::vocabulary::{Column, Vocabulary};

/// Joins each header wrapped onto the line below it into one line; the line
/// below takes the header's role, and a diagnostic says so.
pub fn join_wrapped_headers(layout: &mut Layout, roles: &mut Roles, profiles: &[Vocabulary]) {
    let mut kept: Vec<TextLine> = Vec::with_capacity(layout.lines.len());
    for line in std::mem::take(&mut layout.lines) {
        if let Some(above) = kept.last_mut()
            && let Some(joined) = joined_header(above, &line, profiles)
        {
            roles.set_line(&line, LineRole::TableHeader);
            layout.diagnostics.push(
                Diagnostic::new(
                    Code::CellWrapped,
                    "the table header wraps onto this line; its pieces join the header's cells",
                )
                .at_line(line.number, line.page)
                .with_excerpt(&line.to_tab_separated()),
            );
            *above = joined;
            continue;
        }
        kept.push(line);
    }
    layout.lines = kept;
}

/// `line` with `below` joined into it cell by cell, if `line` starts a
/// header (two of its cells name columns), `below` is the rest of its names
/// and no header by itself, and a profile reads more columns so.
fn joined_header(line: &TextLine, below: &TextLine, profiles: &[Vocabulary]) -> Option<TextLine> {
    let filled = |line: &TextLine| {
        line.cells
            .iter()
            .filter(|cell| !cell.text.trim().is_empty())
            .count()
    };
    // The cheap tests first: most lines are rows or text, and fail them.
    let shaped = below.page == line.page
        && below.number == line.last + 1
        && below.cells.len() <= line.cells.len()
        && filled(line) >= 3
        && filled(below) >= 2
        && below
            .cells
            .iter()
            .all(|cell| is_header_piece(cell.text.trim()));
    if !shaped {
        return None;
    }
    let names = |text: &str| {
        let text = text.trim();
        !text.is_empty()
            && profiles
                .iter()
                .any(|profile| profile.column(text).is_some())
    };
    // The line itself starts a header: two of its cells name columns, and
    // none holds a row's number or a value (a weight, a date).
    let holds_values = line.cells.iter().any(|cell| {
        let text = cell.text.trim();
        is_weight(text) || looks_like_due(text)
    });
    let numbered = line.cells.first().is_some_and(|cell| {
        cell.text
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
    });
    if holds_values || numbered {
        return None;
    }
    let named_cells = line.cells.iter().filter(|cell| names(&cell.text)).count();
    // A two-level header's upper line may name one column only: its other
    // cells are a group's label and heads merged over both lines ("N." |
    // "Dati di monitoraggio" | "Settore Servizi alla Persona" over "Attività"
    // | "Area Tecnica"); the lower line then names columns by their words.
    if let Some(two_level) = two_level_header(line, below) {
        let by_words = named_cells >= 2
            || most_named_by_words(&two_level, profiles) > most_named_by_words(line, profiles);
        return (by_words && most_named(&two_level, profiles) >= most_named(line, profiles))
            .then_some(two_level);
    }
    if named_cells < 2 {
        return None;
    }
    // A piece that names a column by itself under an empty cell is a
    // two-level header's lower row ("Misurazione" over "Indicatori" and
    // "Valori attesi"), read as such when the table is assembled; a wrapped
    // name goes on under its own start ("% di" over "raggiungimento").
    let names_a_column = below
        .cells
        .iter()
        .zip(&line.cells)
        .any(|(piece, above)| names(&piece.text) && above.text.trim().is_empty());
    if names_a_column {
        return None;
    }
    let mut joined = line.clone();
    for (cell, piece) in joined.cells.iter_mut().zip(&below.cells) {
        cell.text = join_wrapped(&cell.text, &piece.text);
    }
    joined.last = below.last;
    // A line below that is as much a header by itself is no piece of this
    // one; one whose pieces are words of longer names ("Data" /
    // "scadenza", "Valore" / "target") is. A weight matrix reads any
    // cell as a head, so the line alone may name as many columns as joined
    // ("N." | "Fasi" | "%" | "Data", two heads): joined it names more by
    // their words ("% peso", "Data conclusione"), and is the header.
    let named = most_named(&joined, profiles);
    let more = named > most_named(line, profiles)
        || most_named_by_words(&joined, profiles) > most_named_by_words(line, profiles);
    (more && named > most_named(below, profiles)).then_some(joined)
}

/// A two-level header's two lines read as one, where `line` has a group's
/// label over columns that `below` names: a cell whose right neighbours are
/// empty on its line, `below` filling it and them ("Peso per responsabile"
/// over "Segretario Generale" | "Area Tecnica", the other cells merged over
/// both lines). Under a group the columns are named by `below`, the label
/// dropped; elsewhere a name wrapped onto `below` goes on. `None` when
/// `line` has no group.
fn two_level_header(line: &TextLine, below: &TextLine) -> Option<TextLine> {
    let filled = |line: &TextLine, index: usize| {
        line.cells
            .get(index)
            .is_some_and(|cell| !cell.text.trim().is_empty())
    };
    let mut joined = line.clone();
    let mut grouped = false;
    let mut index = 0;
    while index < line.cells.len() {
        let span = (index + 1..line.cells.len())
            .take_while(|&next| !filled(line, next) && filled(below, next))
            .count();
        if filled(line, index) && filled(below, index) && span > 0 {
            for column in index..=index + span {
                joined.cells[column].text = below.cells[column].text.clone();
            }
            grouped = true;
            index += span + 1;
            continue;
        }
        if let Some(piece) = below.cells.get(index) {
            joined.cells[index].text = join_wrapped(&line.cells[index].text, &piece.text);
        }
        index += 1;
    }
    joined.last = below.last;
    grouped.then_some(joined)
}

/// The most columns a profile reads in `line` as a header (0 where none
/// reads it as one).
fn most_named(line: &TextLine, profiles: &[Vocabulary]) -> usize {
    profiles
        .iter()
        .filter_map(|profile| table_header_columns(line, profile))
        .map(|columns| columns.iter().flatten().count())
        .max()
        .unwrap_or(0)
}

/// The most columns a profile reads in `line` as a header by their words,
/// a weight matrix's heads (cells naming no column) left out.
fn most_named_by_words(line: &TextLine, profiles: &[Vocabulary]) -> usize {
    profiles
        .iter()
        .filter_map(|profile| table_header_columns(line, profile))
        .map(|columns| {
            columns
                .iter()
                .flatten()
                .filter(|column| **column != Column::HeadWeight)
                .count()
        })
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(number: u32, text: &str) -> TextLine {
        TextLine::from_texts(number, Some(1), text.split('\t'))
    }

    #[test]
    fn a_header_wrapped_over_two_lines_is_read_as_one() {
        let mut layout = Layout {
            lines: vec![
                line(
                    1,
                    "N°\tDescrizione Obiettivi\tPeso\tIndicatori di\tValori\tData Fine\t% di\tNote",
                ),
                line(
                    2,
                    "\tOperativi\t%\tMisurazione\tAttesi\tAttesa\traggiungimento\t",
                ),
                line(
                    3,
                    "1\tRiordino dell'archivio\t50%\tPratiche\tTutte\t31.12.2024\t100%\t",
                ),
            ],
            ..Layout::default()
        };
        let mut roles = Roles::new();
        join_wrapped_headers(&mut layout, &mut roles, Vocabulary::bundled());
        let lines = &layout.lines;
        assert_eq!(lines.len(), 2);
        assert_eq!(layout.diagnostics[0].line, Some(2));
        assert_eq!(
            lines[0].to_tab_separated(),
            "N°\tDescrizione Obiettivi Operativi\tPeso %\tIndicatori di Misurazione\tValori Attesi\tData Fine Attesa\t% di raggiungimento\tNote"
        );
        assert_eq!((lines[0].number, lines[0].last), (1, 2));
        assert_eq!(roles.get(2, Some(1)), Some(LineRole::TableHeader));
        // A header read whole on its first line is left to the table.
        let mut whole = Layout {
            lines: vec![
                line(1, "N°\tDescrizione\tPeso\tScadenza"),
                line(2, "\tObiettivi\t%\t"),
            ],
            ..Layout::default()
        };
        join_wrapped_headers(&mut whole, &mut Roles::new(), Vocabulary::bundled());
        assert_eq!(whole.lines.len(), 2);
        // Nor is a header joined to the stray line above it.
        let mut stray = Layout {
            lines: vec![
                line(1, "°\t[\ta\t°\ta\tN"),
                line(
                    2,
                    "N°\tDescrizione\tPeso %\tIndicatori\tValori Attesi\tScadenza",
                ),
            ],
            ..Layout::default()
        };
        join_wrapped_headers(&mut stray, &mut Roles::new(), Vocabulary::bundled());
        assert_eq!(stray.lines.len(), 2);
        // Nor a row to the text below it.
        let mut row = Layout {
            lines: vec![
                line(1, "1\t\t0%\tN.\tObiettivo\t01.01.2019"),
                line(2, "Linea Strategica\t(pluriennale"),
            ],
            ..Layout::default()
        };
        join_wrapped_headers(&mut row, &mut Roles::new(), Vocabulary::bundled());
        assert_eq!(row.lines.len(), 2);
    }

    #[test]
    fn a_header_wrapped_onto_words_that_name_columns_too_is_one() {
        // "Data" / "scadenza", "Valore" / "target": the lower line names
        // columns by itself, but fewer than the two joined.
        let mut layout = Layout {
            lines: vec![
                line(
                    1,
                    "\tCod.\tIncidenza\tMisuratori\tCentro di\tDescrizione\tData\tValore",
                ),
                line(2, "\t\t\t\tresponsabilità\tobiettivo\tscadenza\ttarget"),
            ],
            ..Layout::default()
        };
        join_wrapped_headers(&mut layout, &mut Roles::new(), Vocabulary::bundled());
        assert_eq!(layout.lines.len(), 1);
        assert_eq!(
            layout.lines[0].to_tab_separated(),
            "\tCod.\tIncidenza\tMisuratori\tCentro di responsabilità\tDescrizione obiettivo\tData scadenza\tValore target"
        );
    }

    #[test]
    fn a_header_a_weight_matrix_reads_alone_is_joined_when_its_pieces_name_columns() {
        // "%" and "Data" are two heads of a weight matrix by themselves;
        // joined to "peso" and "conclusione" they name the weight and the
        // due date, a phase table's header.
        let mut layout = Layout {
            lines: vec![
                line(1, "\tN.\tFasi\t%\tData"),
                line(2, "\t\t\tpeso\tconclusione"),
                line(3, "\t1.1\tAvvio della gara\t33%\t31 dicembre 2024"),
            ],
            ..Layout::default()
        };
        join_wrapped_headers(&mut layout, &mut Roles::new(), Vocabulary::bundled());
        assert_eq!(layout.lines.len(), 2);
        assert_eq!(
            layout.lines[0].to_tab_separated(),
            "\tN.\tFasi\t% peso\tData conclusione"
        );
    }

    #[test]
    fn a_groups_label_gives_way_to_the_columns_named_under_it() {
        // A Word table's two-level header: "Peso per responsabile" over two
        // heads, the other cells merged over both rows.
        let mut layout = Layout {
            lines: vec![
                line(
                    1,
                    "Obiettivo n.\tDescrizione\tPeso per responsabile\t\tServizio Tributi\tArea Tecnica",
                ),
                line(2, "\t\tSegretario Generale\tArea Finanziaria\t\t"),
                line(3, "1\tRiordino dell'archivio\t10\t20\t0\t5"),
            ],
            ..Layout::default()
        };
        join_wrapped_headers(&mut layout, &mut Roles::new(), Vocabulary::bundled());
        assert_eq!(layout.lines.len(), 2);
        assert_eq!(
            layout.lines[0].to_tab_separated(),
            "Obiettivo n.\tDescrizione\tSegretario Generale\tArea Finanziaria\tServizio Tributi\tArea Tecnica"
        );
    }

    #[test]
    fn a_group_over_the_description_joins_an_upper_line_naming_one_column() {
        // The group's label sits over the description and a head, the other
        // head merged over both rows: the upper line names only "N.".
        let mut layout = Layout {
            lines: vec![
                line(
                    1,
                    "N.\tDati di monitoraggio\t\tSettore Servizi alla Persona",
                ),
                line(2, "\tAttività\tArea Tecnica\t"),
                line(3, "1\tRiordino dell'archivio\t10\t20"),
            ],
            ..Layout::default()
        };
        join_wrapped_headers(&mut layout, &mut Roles::new(), Vocabulary::bundled());
        assert_eq!(layout.lines.len(), 2);
        assert_eq!(
            layout.lines[0].to_tab_separated(),
            "N.\tAttività\tArea Tecnica\tSettore Servizi alla Persona"
        );
    }

    #[test]
    fn lines_of_text_over_a_group_of_names_are_not_a_header() {
        // Neither line names a column by its words: nothing to join.
        let lines = (
            line(1, "Nota\tDati di monitoraggio\t\tSettore Servizi"),
            line(2, "\tRiepilogo\tUfficio Uno\t"),
        );
        assert!(joined_header(&lines.0, &lines.1, Vocabulary::bundled()).is_none());
    }
}
