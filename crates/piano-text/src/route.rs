//! Which route a dump takes: split on tabs, rebuilt from aligned columns, or
//! refused because its columns are lost. Told from the text alone.
//!
//! A tab always separates cells; a run of two or more spaces between words,
//! in a line without tabs, is alignment. A dump whose aligned lines outnumber
//! its tabbed ones is space-aligned (its tabs, as copy-paste leaves them, are
//! expanded to tab stops there).

use piano_model::text_lines;

/// How a dump is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Route {
    /// Cells separated by tabs.
    Tabs,
    /// Columns aligned with spaces.
    Aligned {
        /// Lines with aligned gaps.
        lines: usize,
    },
    /// One cell per line: the columns are lost.
    NoColumns {
        /// Non-blank lines.
        lines: usize,
        /// Lines holding a lone number, weight or date.
        lone: usize,
    },
    /// Rows whose cells run together one space apart: the columns are lost.
    RunTogether {
        /// Non-blank lines.
        lines: usize,
        /// Lines read as such rows.
        rows: usize,
    },
}

/// A dump needs at least this many lines with aligned gaps to be read as
/// space-aligned.
const MIN_ALIGNED_LINES: usize = 2;
/// A dump without tabs or aligned gaps has lost its columns when at least
/// this many of its lines hold a lone number, weight or date…
const MIN_LONE_VALUES: usize = 4;
/// …and they are at least this share of its lines (as are its rows run
/// together, of which there must be [`MIN_LONE_VALUES`] too).
const LONE_VALUE_SHARE: f64 = 0.05;
/// Words in a row run together: a number, two words of text, two values.
const MIN_RUN_TOGETHER_WORDS: usize = 5;

/// The route for `text`.
pub(crate) fn route(text: &str) -> Route {
    let (mut lines, mut tabbed, mut aligned, mut lone, mut run_together) = (0, 0, 0, 0, 0);
    for piece in text_lines(text) {
        let line = piece.text.trim();
        if line.is_empty() {
            continue;
        }
        lines += 1;
        if line.contains('\t') {
            tabbed += 1;
        } else if has_aligned_gap(line) {
            aligned += 1;
        } else if is_lone_value(line) {
            lone += 1;
        } else if is_row_run_together(line) {
            run_together += 1;
        }
    }
    let many =
        |count: usize| count >= MIN_LONE_VALUES && count as f64 >= LONE_VALUE_SHARE * lines as f64;
    if aligned >= MIN_ALIGNED_LINES && aligned > tabbed {
        Route::Aligned { lines: aligned }
    } else if tabbed == 0 && aligned == 0 && many(lone) {
        Route::NoColumns { lines, lone }
    } else if tabbed == 0 && aligned == 0 && many(run_together) {
        Route::RunTogether {
            lines,
            rows: run_together,
        }
    } else {
        Route::Tabs
    }
}

/// Whether a trimmed line has two or more spaces between two of its words.
fn has_aligned_gap(line: &str) -> bool {
    line.as_bytes().windows(2).any(|pair| pair == b"  ")
}

/// Whether a line is only a value a table cell holds: digits with the
/// punctuation of numbers, percentages and dates ("20", "20%", "15,00 %",
/// "31/12/2023", "31.12.2023").
fn is_lone_value(line: &str) -> bool {
    line.chars().any(|c| c.is_ascii_digit())
        && line
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '-' | '%' | ' '))
}

/// Whether a line without tabs or aligned gaps is a table's row whose cells
/// run together one space apart, as `lynx -dump` writes a table too wide for
/// its page: it opens with a number or code ("3", "0102.1") and ends with two
/// values or more ("… Almeno il 95% 40% 31/12/2022", "… 10 10 5 5"), with
/// words of text between. Prose seldom both opens with a number and ends
/// with two.
fn is_row_run_together(line: &str) -> bool {
    let words: Vec<&str> = line.split(' ').collect();
    let values_at_end = words.iter().rev().take_while(|w| is_lone_value(w)).count();
    let text = words
        .iter()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .count();
    words.len() >= MIN_RUN_TOGETHER_WORDS
        && words.first().is_some_and(|first| is_lone_value(first))
        && values_at_end >= 2
        && text >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_aligned_gaps_and_lost_columns_are_told_apart() {
        assert_eq!(route("N.\tPeso\n1\t20\n2\t80\n"), Route::Tabs);
        assert_eq!(
            route("N.   Peso\n1    20\n2    80\n"),
            Route::Aligned { lines: 3 }
        );
        let lost = "N.\nObiettivo\nPeso\n1\nPrimo\n20%\n2\nSecondo\n80%\n3\nTerzo\n31/12/2023\n";
        assert_eq!(route(lost), Route::NoColumns { lines: 12, lone: 6 });
        assert_eq!(route("Una relazione\nin prosa\n"), Route::Tabs);
    }

    #[test]
    fn rows_whose_cells_run_together_one_space_apart_have_lost_their_columns() {
        let lost = "Piano degli obiettivi\n\
                    N. Obiettivo Peso Scadenza\n\
                    1 Primo obiettivo del settore 20% 31/12/2023\n\
                    2 Secondo obiettivo 30% 30.06.2023\n\
                    3 Terzo obiettivo di gestione 25% 31/12/2023\n\
                    4 Quarto obiettivo 25% 31/12/2023\n";
        assert_eq!(route(lost), Route::RunTogether { lines: 6, rows: 4 });
        // Fewer such rows, or prose that ends with figures, are no table.
        let prose = "1 Il piano conta 2 obiettivi 2023 2024\nUna relazione in prosa\n";
        assert_eq!(route(prose), Route::Tabs);
        assert!(!is_row_run_together("Entro il 2023 2024"));
        assert!(!is_row_run_together("1 Obiettivo 20% 31 marzo 2023"));
    }

    #[test]
    fn a_dump_mixing_tabs_and_spaces_goes_by_the_majority() {
        assert_eq!(
            route("N.\tPeso\n1    20\n2    80\n"),
            Route::Aligned { lines: 2 }
        );
        assert_eq!(route("N.\tPeso\n1\t20\n2    80\n"), Route::Tabs);
    }
}
