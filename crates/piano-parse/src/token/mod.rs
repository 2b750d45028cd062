//! Token recognisers: what a single cell means, before any line is assembled.
//!
//! Plans are tables whose cells hold a few kinds of tokens the parser must
//! recognise whatever column they landed in:
//! - [`due`]: due dates as Italian plans write them ("31.12.2021",
//!   "entro il 30.06.2021", "novembre 2021", "31.12 di ogni anno
//!   (pluriennale)"), including years broken by the text extraction
//!   ("31.12.202 1", "31.12.202");
//! - [`weight`]: weights in percent ("20%", "5,88 %", "(50%)");
//! - [`number`]: row numbers ("1", "1.1.", "17.2") and bare page numbers;
//! - [`label`]: row labels of other numbering schemes ("II.1", "a)", "A.1",
//!   "01.03.1", "Fase 2").
//!
//! Every recogniser takes any string and never panics: a cell that is not
//! the token gives `None` (or a due without a date), and the caller decides
//! which diagnostic to raise. Cell text is compared after [`normalize_space`].

use std::borrow::Cow;

pub mod due;
pub mod label;
pub mod number;
pub mod weight;

/// The text with every run of whitespace (spaces, tabs, no-break spaces,
/// line breaks) turned into one space, and trimmed.
///
/// Cells are compared and stored in this form, so that a cell reads the same
/// whichever way the extraction spaced it.
pub fn normalize_space(s: &str) -> String {
    normalized(s).into_owned()
}

/// [`normalize_space`] borrowing `s` back when it is already normal, for
/// callers that only look at the text.
pub fn normalized(s: &str) -> Cow<'_, str> {
    if is_normalized(s) {
        return Cow::Borrowed(s);
    }
    let mut normalized = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !normalized.is_empty() {
            normalized.push(' ');
        }
        normalized.push_str(word);
    }
    Cow::Owned(normalized)
}

/// Whether `s` is already in [`normalize_space`]'s form (most cells are):
/// single ASCII spaces between words, none at the ends, and no other
/// whitespace. ASCII is judged byte by byte; only the first byte of a
/// non-ASCII character has it decoded, to check it is not whitespace (a
/// no-break space, say).
fn is_normalized(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut after_space = false;
    for (index, &byte) in bytes.iter().enumerate() {
        let fine = match byte {
            b' ' => !after_space,
            b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => false,
            0xc0.. => !s[index..].chars().next().is_some_and(char::is_whitespace),
            _ => true,
        };
        if !fine {
            return false;
        }
        after_space = byte == b' ';
    }
    true
}

#[cfg(test)]
mod tests {
    use super::{is_normalized, normalize_space};

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

    #[test]
    fn tells_normalized_text_from_its_bytes() {
        assert!(is_normalized(""));
        assert!(is_normalized("Città di Prova: 31.12.2021"));
        assert!(!is_normalized(" a"));
        assert!(!is_normalized("a  b"));
        assert!(!is_normalized("a\u{a0}b"));
        assert!(!is_normalized("a\u{2009}b"));
        assert!(!is_normalized("a\u{3000}b"));
        assert!(!is_normalized("a\u{85}b"));
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_with_the_definition(text in "[ a\t\u{a0}\u{85}\u{2003}\u{3000}à°«é]{0,12}") {
            let normalized = text.split_whitespace().collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(normalize_space(&text), normalized);
        }
    }
}
