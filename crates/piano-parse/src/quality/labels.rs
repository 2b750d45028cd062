//! Lines left out that are the family's own labels, not text lost: an
//! objective card's field label left with no value ("Indicatori", wrapped
//! or not), a table header the reader did not take up while it read the
//! rows below it by their content, and the one-word caption a two-level
//! header sets over its columns. None holds a value of the plan.

use std::collections::BTreeSet;

use piano_model::{Code, LineRole, Plan, Roles};

use super::unplaced::{LeftOut, LineKey, is_value, label_only};
use crate::vocabulary::Vocabulary;

/// Most lines a field label wraps over ("Indicatori di" / "misurazione").
const LABEL_MAX_LINES: u32 = 3;

/// Most words of a caption over a table's header ("Programmazione").
const CAPTION_MAX_WORDS: usize = 3;

/// The lines of `left_out` that are labels or headers in `words`, or the
/// caption over a header (by `roles` or recognised here).
pub fn recognised(left_out: &LeftOut<'_>, roles: &Roles, words: &Vocabulary) -> BTreeSet<LineKey> {
    let mut found: BTreeSet<LineKey> = left_out
        .iter()
        .filter(|(_, cells)| is_header(cells, words))
        .map(|(&line, _)| line)
        .collect();
    for &(line, page) in left_out.keys() {
        if let Some(run) = label_run(left_out, (line, page), words) {
            found.extend(run);
        }
    }
    let headers = found.clone();
    let is_header_line = |key: LineKey| {
        headers.contains(&key)
            || key
                .0
                .and_then(|number| roles.get(number, key.1))
                .is_some_and(|role| role == LineRole::TableHeader)
    };
    for (&(line, page), cells) in left_out {
        let caption = label_only(cells)
            .is_some_and(|text| text.split_whitespace().count() <= CAPTION_MAX_WORDS);
        if caption && next_line(roles, (line, page)).is_some_and(is_header_line) {
            found.insert((line, page));
        }
    }
    found
}

/// Most words of a header's cell ("Indicatore di performance").
const HEADER_CELL_MAX_WORDS: usize = 4;

/// Lines the table rebuild read two ways (`row-ambiguous`, which quotes
/// the line) whose cells, two or more, each name a column in `words` as a
/// header's cell does (a short cell that is or opens with a column's name,
/// no value), and that became part of an objective or phase by `roles`: a
/// header's line read into rows, as the last line of a header repeated
/// after a page break is when its cells leave others empty, like a tall
/// row's lines, and the row above is the page's last. Left with the header
/// above it, such a line is read right.
pub fn headers_in_rows(plan: &Plan, roles: &Roles, words: &Vocabulary) -> u32 {
    let lines: BTreeSet<LineKey> = plan
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::RowAmbiguous)
        .filter(|d| {
            d.line
                .and_then(|number| roles.get(number, d.page))
                .is_some_and(|role| matches!(role, LineRole::Objective | LineRole::Phase))
        })
        .filter(|d| {
            d.excerpt.as_deref().is_some_and(|text| {
                let filled: Vec<&str> = text
                    .split('\t')
                    .map(str::trim)
                    .filter(|cell| !cell.is_empty())
                    .collect();
                filled.len() >= 2 && filled.iter().all(|cell| names_column(cell, words))
            })
        })
        .map(|d| (d.line, d.page))
        .collect();
    super::count(lines.len())
}

/// Whether `cell` reads as a header's cell in `words`: a few words that are
/// or open with a column's name, and no value.
fn names_column(cell: &str, words: &Vocabulary) -> bool {
    cell.split_whitespace().count() <= HEADER_CELL_MAX_WORDS
        && words.column(cell).is_some()
        && !is_value(cell)
}

/// Whether `cells` are a table header in `words`: two cells or more name a
/// column, they are at least half of the filled cells, and none is a value.
fn is_header(cells: &[&str], words: &Vocabulary) -> bool {
    let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
    let named = filled.iter().filter(|c| words.is_column_name(c)).count();
    named >= 2 && 2 * named >= filled.len() && !filled.iter().any(|c| is_value(c))
}

/// The lines from `start` on that hold only a piece of a label, when
/// joined they name a column or a card field in `words` ("Valore" /
/// "atteso").
fn label_run(left_out: &LeftOut<'_>, start: LineKey, words: &Vocabulary) -> Option<Vec<LineKey>> {
    let (line, page) = start;
    let mut pieces = Vec::new();
    let mut run = Vec::new();
    for n in 0..LABEL_MAX_LINES {
        let key = (line.map(|l| l + n), page);
        let Some(piece) = left_out.get(&key).and_then(|cells| label_only(cells)) else {
            break;
        };
        pieces.push(piece);
        run.push(key);
        if words.is_column_name(&pieces.join(" ")) {
            return Some(run);
        }
    }
    None
}

/// The line after `key` that has a role: the next line of the document
/// (blank lines have none).
fn next_line(roles: &Roles, key: LineKey) -> Option<LineKey> {
    let (line, page) = key;
    roles
        .iter()
        .map(|(number, page, _)| (Some(number), page))
        .find(|&(number, next_page)| number > line && next_page == page)
}

#[cfg(test)]
mod tests {
    use piano_model::{Code, Diagnostic, ReasonCode};

    use crate::quality::tests::{finding_of, read};

    const CARD: &str = "STRUTTURA: A - RESPONSABILE: Dott. Mario Rossi\n\
        OBIETTIVO N. 1\nDescrizione: Primo\nPeso: 100%\nScadenza: 31.12.2022\n";

    #[test]
    fn a_field_label_left_alone_is_recognised() {
        let plan = read(&format!("{CARD}Indicatori\t\n"));
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 0);
    }

    #[test]
    fn a_field_label_wrapped_over_two_lines_is_recognised() {
        let plan = read(&format!("{CARD}Indicatori\t\n\nValore\t\natteso\t\n"));
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 0);
    }

    #[test]
    fn a_header_left_out_and_its_caption_are_recognised() {
        let plan = read(&format!(
            "{CARD}\nSequenza\nN.\tCronologia delle tappe\tPeso\tScadenza\n\
             1\tAlfa\t50%\t30.06.2022\n2\tBeta\t50%\t31.12.2022\n"
        ));
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 0);
    }

    const TABLE: &str = "STRUTTURA: A\nN.\tDescrizione\tPeso\tScadenza\n\
        1\tPrimo\t50%\t30.06.2022\n2\tSecondo\t50%\t31.12.2022\n";

    #[test]
    fn a_header_line_the_rebuild_read_into_a_row_is_found() {
        let mut plan = read(TABLE);
        let ambiguous = |excerpt: &str, line: u32| {
            Diagnostic::new(Code::RowAmbiguous, "x")
                .at_line(line, None)
                .with_excerpt(excerpt)
        };
        plan.plan.diagnostics.extend([
            ambiguous("\tDescrizione estesa\tPeso ponderato\t", 4),
            // Row 1's lines, which are no header.
            ambiguous("\tcontinua il testo\t\tdel piano", 3),
            ambiguous("\tDescrizione\t20%\t", 3),
            ambiguous("\tDescrizione del testo che continua\tPeso", 3),
            // The header's own line: left with the header, read right.
            ambiguous("\tDescrizione estesa\tPeso ponderato\t", 2),
        ]);
        assert_eq!(finding_of(&plan, ReasonCode::HeadersInRows), 1);
        assert_eq!(finding_of(&plan, ReasonCode::RowsAmbiguous), 5);
    }

    #[test]
    fn prose_left_out_is_still_text() {
        let plan = read(&format!(
            "{CARD}Indicatori\t\n\nNota sul calcolo\t\n\nIndicatori e altro\t\n"
        ));
        assert_eq!(finding_of(&plan, ReasonCode::TextUnplaced), 2);
    }
}
