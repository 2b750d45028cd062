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
}

/// A dump needs at least this many lines with aligned gaps to be read as
/// space-aligned.
const MIN_ALIGNED_LINES: usize = 2;
/// A dump without tabs or aligned gaps has lost its columns when at least
/// this many of its lines hold a lone number, weight or date…
const MIN_LONE_VALUES: usize = 4;
/// …and they are at least this share of its lines.
const LONE_VALUE_SHARE: f64 = 0.05;

/// The route for `text`.
pub(crate) fn route(text: &str) -> Route {
    let (mut lines, mut tabbed, mut aligned, mut lone) = (0, 0, 0, 0);
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
        }
    }
    if aligned >= MIN_ALIGNED_LINES && aligned > tabbed {
        Route::Aligned { lines: aligned }
    } else if tabbed == 0
        && aligned == 0
        && lone >= MIN_LONE_VALUES
        && lone as f64 >= LONE_VALUE_SHARE * lines as f64
    {
        Route::NoColumns { lines, lone }
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
    fn a_dump_mixing_tabs_and_spaces_goes_by_the_majority() {
        assert_eq!(
            route("N.\tPeso\n1    20\n2    80\n"),
            Route::Aligned { lines: 2 }
        );
        assert_eq!(route("N.\tPeso\n1\t20\n2    80\n"), Route::Tabs);
    }
}
