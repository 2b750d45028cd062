//! Token recognisers: what a single cell means, before any line is assembled.
//!
//! Plans are tables whose cells hold a few kinds of tokens the parser must
//! recognise whatever column they landed in:
//! - [`due`]: due dates as Italian plans write them ("31.12.2021",
//!   "entro il 30.06.2021", "novembre 2021", "31.12 di ogni anno
//!   (pluriennale)"), including years broken by the text extraction
//!   ("31.12.202 1", "31.12.202");
//! - [`weight`]: weights in percent ("20%", "5,88 %", "(50%)");
//! - [`number`]: row numbers ("1", "1.1.", "17.2") and bare page numbers.
//!
//! Every recogniser takes any string and never panics: a cell that is not
//! the token gives `None` (or a due without a date), and the caller decides
//! which diagnostic to raise. Cell text is compared after [`normalize_space`].

pub mod due;
pub mod number;
pub mod weight;

/// The text with every run of whitespace (spaces, tabs, no-break spaces,
/// line breaks) turned into one space, and trimmed.
///
/// Cells are compared and stored in this form, so that a cell reads the same
/// whichever way the extraction spaced it.
pub fn normalize_space(s: &str) -> String {
    let mut normalized = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.push_str(word);
    }
    normalized
}

#[cfg(test)]
mod tests {
    use super::normalize_space;

    #[test]
    fn normalizes_runs_of_any_whitespace() {
        let cases = [
            ("", ""),
            ("   ", ""),
            ("a", "a"),
            ("  31.12.202 1 ", "31.12.202 1"),
            ("a\t\tb", "a b"),
            ("a\u{a0}b", "a b"),
            ("a \u{a0}\t\n b", "a b"),
            ("Fase:  redazione\r\n", "Fase: redazione"),
        ];
        for (input, expected) in cases {
            assert_eq!(normalize_space(input), expected, "input {input:?}");
        }
    }
}
