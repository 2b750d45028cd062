//! Tables behind a column left empty, set back to their first column before
//! any line is classified.
//!
//! Lines are classified by their first cell, and a line whose first cell is
//! empty continues the line above: a card's phase table drawn with a narrow
//! empty first column ("\tAzioni\tPeso\tTermine") would be read as the
//! card's last field wrapped. A header behind empty cells (no figures, at
//! least two cells naming a column for some profile, at most one that names
//! none: a phase table's own word for its text) whose next line is behind as
//! many empty cells starts such a table: those cells are dropped from it and
//! from every line below while the lines keep them empty. Lines keep every
//! filled cell: only empty ones go.

use piano_model::TextLine;

use crate::line::table_header_columns;
use crate::token::number::is_page_number;
use crate::vocabulary::{Column, Vocabulary};

/// Drops the empty leading cells of each table set behind them.
pub fn drop_empty_leading_cells(lines: &mut [TextLine], profiles: &[Vocabulary]) {
    // How many empty cells the table under the last such header sits behind,
    // and whether the lines since that header all did.
    let mut behind = 0;
    let mut unbroken = false;
    for index in 0..lines.len() {
        let line = &lines[index];
        // A page's number between two rows does not end the table.
        if is_blank(line) || is_page_number_line(line) {
            continue;
        }
        let empty = leading_empty(line);
        let header = header_behind(line, profiles).filter(|&header| {
            next_filled(&lines[index + 1..]).is_some_and(|next| leading_empty(next) >= header)
                && !wraps_the_header_above(&lines[..index], profiles)
        });
        if let Some(header) = header {
            (behind, unbroken) = (header, true);
        } else if empty < behind {
            // A heading or a card's field: a header printed once holds on
            // over them, for rows of several cells or set further in.
            unbroken = false;
            if opens_another_table(line, profiles) {
                behind = 0;
            }
            continue;
        }
        let several = filled(line).nth(1).is_some();
        if behind > 0 && (unbroken || several || empty > behind) {
            lines[index].cells.drain(..behind);
        }
    }
}

/// Whether `line`, its first cell filled, is the header of another table
/// of objectives: a staff table's ("Dipendenti coinvolti") only interrupts
/// the one above, whose header holds on over the next headings.
fn opens_another_table(line: &TextLine, profiles: &[Vocabulary]) -> bool {
    profiles.iter().any(|profile| {
        table_header_columns(line, profile)
            .is_some_and(|columns| !columns.contains(&Some(Column::Employee)))
    })
}

/// Whether the last line of `above` that holds text is a table header
/// opening in its first cell: the line under it, behind empty cells, holds
/// the ends of its names wrapped ("N." | "Descrizione" | … / "" | "fase"
/// | …), no header of a table set behind them.
fn wraps_the_header_above(above: &[TextLine], profiles: &[Vocabulary]) -> bool {
    above
        .iter()
        .rev()
        .find(|line| !is_blank(line))
        .is_some_and(|line| {
            leading_empty(line) == 0
                && profiles
                    .iter()
                    .any(|profile| table_header_columns(line, profile).is_some())
        })
}

/// How many empty cells `line` has before its first filled one.
fn leading_empty(line: &TextLine) -> usize {
    line.cells
        .iter()
        .take_while(|cell| cell.text.trim().is_empty())
        .count()
}

/// The texts of `line`'s filled cells, trimmed.
fn filled(line: &TextLine) -> impl Iterator<Item = &str> {
    line.cells
        .iter()
        .map(|cell| cell.text.trim())
        .filter(|text| !text.is_empty())
}

/// Whether `line` has no filled cell.
fn is_blank(line: &TextLine) -> bool {
    filled(line).next().is_none()
}

/// Whether `line` is a bare page number, alone on its line.
fn is_page_number_line(line: &TextLine) -> bool {
    let mut texts = filled(line);
    texts.next().is_some_and(is_page_number) && texts.next().is_none()
}

/// The first line of `lines` with a filled cell, past a page's number.
fn next_filled(lines: &[TextLine]) -> Option<&TextLine> {
    lines
        .iter()
        .find(|line| !is_blank(line) && !is_page_number_line(line))
}

/// How many empty cells a table header sits behind, when `line` is one.
fn header_behind(line: &TextLine, profiles: &[Vocabulary]) -> Option<usize> {
    let empty = leading_empty(line);
    let texts: Vec<&str> = filled(line).collect();
    if empty == 0
        || texts
            .iter()
            .any(|text| text.bytes().any(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let names = |text: &str| {
        profiles
            .iter()
            .any(|profile| profile.column(text).is_some())
    };
    let named = texts.iter().filter(|text| names(text)).count();
    (named >= 2 && named + 1 >= texts.len()).then_some(empty)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dropped(texts: &[&str]) -> Vec<String> {
        let mut lines: Vec<TextLine> = (1..)
            .zip(texts)
            .map(|(number, text)| TextLine::from_texts(number, None, text.split('\t')))
            .collect();
        drop_empty_leading_cells(&mut lines, Vocabulary::bundled());
        lines.iter().map(TextLine::to_tab_separated).collect()
    }

    #[test]
    fn a_table_behind_an_empty_column_is_set_back() {
        assert_eq!(
            dropped(&[
                "Obiettivo\tRiordino dell'archivio",
                "",
                "\tAzioni\tPeso\tScadenza",
                "\tAvvio del lavoro\t50%\t30.06.2024",
                "\t\tsu due righe\t\t",
                "\tChiusura\t50%\t31.12.2024",
                "7",
                "\tVerifica\t\t",
                "Obiettivo n. 2",
                "\tsegue il titolo",
            ]),
            [
                "Obiettivo\tRiordino dell'archivio",
                "",
                "Azioni\tPeso\tScadenza",
                "Avvio del lavoro\t50%\t30.06.2024",
                "\tsu due righe\t\t",
                "Chiusura\t50%\t31.12.2024",
                "7",
                "Verifica\t\t",
                "Obiettivo n. 2",
                "\tsegue il titolo",
            ]
        );
    }

    #[test]
    fn a_header_wrapped_behind_an_empty_cell_sets_no_table_back() {
        // The header's names wrapped under it ("fase", "realizzazione"),
        // then a row's due wrapped past a page break: cells stay in place.
        let lines = [
            "N.\tDescrizione\tIncidenza\tTempi di",
            "\tfase\t\trealizzazione",
            "\t\t\tanno (pluriennale)",
        ];
        assert_eq!(dropped(&lines), lines);
    }

    #[test]
    fn a_header_printed_once_holds_for_the_next_cards_rows() {
        assert_eq!(
            dropped(&[
                "\tN.\tAzioni\tPeso\tScadenza",
                "\ta)\tAvvio del lavoro\t50%\t30.06.2024",
                "Obiettivo n. 2",
                "\tsegue il titolo",
                "\ta)\tChiusura\t100%\t31.12.2024",
                "\t\tsu due righe\t\t",
                "N.\tDipendenti\tObiettivo\tPeso",
                "1\tMario Rossi\t2\t50%",
                "Obiettivo n. 3",
                "\tb)\tVerifica\t100%\t30.09.2024",
                "N.\tDescrizione\tPeso\tScadenza",
                "\tsegue la descrizione\taltro",
                "\tN.\tAzioni\tPeso\tScadenza",
                "4",
                "\ta)\tRiavvio\t100%\t31.12.2025",
            ]),
            [
                "N.\tAzioni\tPeso\tScadenza",
                "a)\tAvvio del lavoro\t50%\t30.06.2024",
                "Obiettivo n. 2",
                "\tsegue il titolo",
                "a)\tChiusura\t100%\t31.12.2024",
                "\tsu due righe\t\t",
                "N.\tDipendenti\tObiettivo\tPeso",
                "1\tMario Rossi\t2\t50%",
                "Obiettivo n. 3",
                "b)\tVerifica\t100%\t30.09.2024",
                "N.\tDescrizione\tPeso\tScadenza",
                "\tsegue la descrizione\taltro",
                "N.\tAzioni\tPeso\tScadenza",
                "4",
                "a)\tRiavvio\t100%\t31.12.2025",
            ]
        );
    }

    #[test]
    fn a_line_that_names_no_columns_stays_a_continuation() {
        let lines = [
            "Obiettivo\tRiordino",
            "\tdell'archivio comunale\tentro l'anno",
            "\tcon la sua fine\taltro testo",
        ];
        assert_eq!(dropped(&lines), lines);
    }
}
