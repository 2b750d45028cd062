//! Header cells that name two or more columns ("Peso Scadenza", "Peso
//! Raggiungimento Motivazioni"): a dump sets columns one space apart, and
//! the rebuild cannot part what no line shows apart. Where every name but
//! the last is a column of figures (a weight, an achievement), the cell is
//! parted into one per name before any line is classified, and so is the
//! cell under it on each line below: its leading figures, one per column
//! of figures, and the rest ("55 entro il 30.06.2025" under "Peso
//! Scadenza"). A line that goes on a row above (its first cell empty) holds
//! only the last column's text there. Up to the next header.

use piano_model::{Cell, TextLine};

use crate::line::table_header_columns;
use crate::token::weight::{is_weight, parse_weight};
use crate::vocabulary::{Column, Vocabulary};

/// Parts glued header cells, and the cells under them, into their columns.
pub fn part_glued_header_cells(lines: &mut [TextLine], profiles: &[Vocabulary]) {
    // The glued cell of the last header: its index, and how many columns of
    // figures lead it.
    let mut glued: Option<(usize, usize)> = None;
    for line in lines.iter_mut() {
        // A header has three cells or more, and no row's number first: most
        // lines are rows or text, and are not compared with every profile.
        let filled = line
            .cells
            .iter()
            .filter(|cell| !cell.text.trim().is_empty());
        let may_head = filled.count() >= 3
            && !line.cells.first().is_some_and(|cell| {
                cell.text
                    .trim_start()
                    .starts_with(|c: char| c.is_ascii_digit())
            });
        // While no glued header holds, only a header with a cell that may
        // glue names matters: most have none.
        let may_glue = || {
            line.cells.iter().any(|cell| {
                has_two_words(&cell.text)
                    && profiles
                        .iter()
                        .any(|profile| profile.may_open_with_percentages(&cell.text))
            })
        };
        if glued.is_none() && !(may_head && may_glue()) {
            continue;
        }
        let headers: Vec<&Vocabulary> = profiles
            .iter()
            .filter(|profile| may_head && table_header_columns(line, profile).is_some())
            .collect();
        if !headers.is_empty() {
            // The first profile that parts one of its cells.
            let found = headers.iter().find_map(|profile| {
                line.cells
                    .iter()
                    .enumerate()
                    .find_map(|(index, cell)| Some((index, glued_names(&cell.text, profile)?)))
            });
            glued = found.map(|(index, names)| {
                let template = line.cells[index].clone();
                let figures = names.len() - 1;
                let parted: Vec<Cell> = names
                    .into_iter()
                    .map(|text| Cell {
                        text,
                        ..template.clone()
                    })
                    .collect();
                line.cells.splice(index..=index, parted);
                (index, figures)
            });
            continue;
        }
        let Some((index, figures)) = glued else {
            continue;
        };
        let Some(cell) = line.cells.get(index) else {
            continue;
        };
        let goes_on = line
            .cells
            .first()
            .is_some_and(|first| first.text.trim().is_empty());
        let parts = if goes_on {
            let mut parts = vec![String::new(); figures];
            parts.push(cell.text.trim().to_owned());
            parts
        } else {
            leading_figures(&cell.text, figures)
        };
        let parted: Vec<Cell> = parts
            .into_iter()
            .map(|text| Cell {
                text,
                ..cell.clone()
            })
            .collect();
        line.cells.splice(index..=index, parted);
    }
}

/// The names a header cell glues: two or more, each but the last naming a
/// column of figures word for word, the last opening with a column's name;
/// `None` when the cell is one name ("Peso %", "Data di scadenza").
fn glued_names(cell: &str, profile: &Vocabulary) -> Option<Vec<String>> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    if words.len() < 2
        || !profile.may_open_with_percentages(cell)
        || profile.column_named_exactly(cell).is_some()
    {
        return None;
    }
    let mut names = Vec::new();
    let mut start = 0;
    while start < words.len() {
        // The longest name first: "Percentuale di raggiungimento", not
        // "Percentuale" (a weight's name too).
        let figures = (start + 1..words.len()).rev().find(|&end| {
            profile
                .column_named_exactly(&words[start..end].join(" "))
                .is_some_and(Column::holds_percentages)
        });
        match figures {
            Some(end) => {
                names.push(words[start..end].join(" "));
                start = end;
            }
            None => {
                let last = words[start..].join(" ");
                profile.column(&last)?;
                names.push(last);
                break;
            }
        }
    }
    (names.len() >= 2).then_some(names)
}

/// Whether `cell` has two words or more with a letter or a digit: a cell
/// of one ("Peso %", "Scadenza") holds one name (a name of symbols alone
/// is not parted off).
fn has_two_words(cell: &str) -> bool {
    cell.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .nth(1)
        .is_some()
}

/// `cell` parted into `figures` leading figures ("55", "35,00 %"), each
/// empty where the cell has none there, and the rest.
fn leading_figures(cell: &str, figures: usize) -> Vec<String> {
    let mut parts = Vec::with_capacity(figures + 1);
    let mut rest = cell.trim();
    for _ in 0..figures {
        let percent = parse_weight(rest).filter(|token| token.written.contains('%'));
        let bare = || {
            let (first, after) = rest.split_once(' ').unwrap_or((rest, ""));
            is_weight(first).then_some((first, after))
        };
        match percent
            .map(|token| (token.written, token.rest))
            .or_else(bare)
        {
            Some((figure, after)) => {
                parts.push(figure.to_owned());
                rest = after.trim();
            }
            None => parts.push(String::new()),
        }
    }
    parts.push(rest.to_owned());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parted(texts: &[&str]) -> Vec<String> {
        let mut lines: Vec<TextLine> = (1..)
            .zip(texts)
            .map(|(number, text)| TextLine::from_texts(number, None, text.split('\t')))
            .collect();
        part_glued_header_cells(&mut lines, Vocabulary::bundled());
        lines.iter().map(TextLine::to_tab_separated).collect()
    }

    #[test]
    fn a_weight_glued_to_the_due_is_parted_under_its_header() {
        assert_eq!(
            parted(&[
                "N.\tObiettivo\tIndicatore\tPeso Scadenza",
                "1\tBilancio\tDelibera\t55 entro il",
                "\t\t\t30.06.2025",
                "2\tResidui\tRiaccertamento\t45 31 dicembre 2025",
                "3\tStatuto\tDelibera\tentro giugno",
            ]),
            [
                "N.\tObiettivo\tIndicatore\tPeso\tScadenza",
                "1\tBilancio\tDelibera\t55\tentro il",
                "\t\t\t\t30.06.2025",
                "2\tResidui\tRiaccertamento\t45\t31 dicembre 2025",
                "3\tStatuto\tDelibera\t\tentro giugno",
            ]
        );
    }

    #[test]
    fn weight_and_achievement_glued_to_a_note_are_parted() {
        assert_eq!(
            parted(&[
                "Rif.\tObiettivo\tPeso Raggiungimento Motivazioni",
                "A.1\tSportello\t35,00 % 92,0 % Ritardo nella fornitura",
            ]),
            [
                "Rif.\tObiettivo\tPeso\tRaggiungimento\tMotivazioni",
                "A.1\tSportello\t35,00 %\t92,0 %\tRitardo nella fornitura",
            ]
        );
    }

    #[test]
    fn the_longest_name_of_a_column_of_figures_is_taken() {
        assert_eq!(
            parted(&[
                "N.\tObiettivo\tIndicatori\tPercentuale di raggiungimento Note",
                "1\tSportello\tPratiche\t75,5%",
            ]),
            [
                "N.\tObiettivo\tIndicatori\tPercentuale di raggiungimento\tNote",
                "1\tSportello\tPratiche\t75,5%\t",
            ]
        );
    }

    #[test]
    fn a_header_cell_of_one_name_stays_whole() {
        let lines = [
            "N.\tObiettivo\tIndicatore\tPeso %\tData di scadenza",
            "1\tBilancio\tDelibera\t55\t31/12/2025",
        ];
        assert_eq!(parted(&lines), lines);
    }
}
