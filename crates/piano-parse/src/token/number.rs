//! Row numbers ("1", "1.1.", "17.2") and bare page numbers ("9", "Pagina 3 di 29").
//!
//! Objectives are numbered "1", "2", … and their phases "1.1", "1.2", …; the
//! parts tell a phase from its objective. Page numbers survive the text
//! extraction as lines of their own and must be told apart from data.

use std::sync::LazyLock;

use regex::Regex;

/// Most parts a row number has ("1.2.3.4").
const MAX_PARTS: usize = 4;
/// Most digits in one part of a row number.
const MAX_PART_DIGITS: usize = 3;

/// A row number: its parts and its normalised text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowNumber {
    /// The numbers between the dots: `[1, 2]` for "1.2".
    pub parts: Vec<u32>,
    /// The parts joined by dots, without a trailing dot or leading zeros:
    /// "1.2" for "1.2." or "01.2".
    pub text: String,
}

/// The row number a cell holds, if the whole cell is one.
///
/// A row number is one to four dot-separated parts of one to three digits,
/// with an optional closing mark: a dot, a bracket, or the ordinal sign of
/// "1°" ("primo"). Dates ("31.12.2021"), years ("2021"), decimals ("1,5")
/// and header labels ("N°") are not row numbers.
pub fn parse_row_number(cell: &str) -> Option<RowNumber> {
    let trimmed = cell.trim();
    // "1.1.", "1)" and "1°" close the number; the mark is not part of it.
    let body = trimmed
        .strip_suffix(['.', ')', '°', 'º'])
        .unwrap_or(trimmed);
    let parts = body
        .split('.')
        .map(row_number_part)
        .collect::<Option<Vec<u32>>>()?;
    if parts.len() > MAX_PARTS {
        return None;
    }
    // Each part as its value writes it: its digits without leading zeros
    // ("01" is "1"), copied rather than formatted.
    let mut text = String::with_capacity(body.len());
    for (index, written) in body.split('.').enumerate() {
        if index > 0 {
            text.push('.');
        }
        let digits = written.trim_start_matches('0');
        text.push_str(if digits.is_empty() { "0" } else { digits });
    }
    Some(RowNumber { parts, text })
}

/// part = 1 to 3 ASCII digits
fn row_number_part(part: &str) -> Option<u32> {
    let digits_only = !part.is_empty()
        && part.len() <= MAX_PART_DIGITS
        && part.bytes().all(|byte| byte.is_ascii_digit());
    if !digits_only {
        return None;
    }
    part.parse().ok()
}

/// Whether a cell is a bare page number, as a page footer or header gives it:
/// "9", "Pagina 3 di 29", "Pag. 3", "- 3 -", "3/29".
pub fn is_page_number(cell: &str) -> bool {
    static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?xi)^(?:
                \d{1,4}                                      # 9
              | pag(?:ina|\.)?\ ?\d{1,4}(?:\ ?(?:di|/)\ ?\d{1,4})?  # Pagina 3 di 29, Pag. 3
              | [-–—]\ ?\d{1,4}\ ?[-–—]                      # - 3 -
              | \d{1,4}\ ?/\ ?\d{1,4}                        # 3/29
            )$",
        )
        .expect("the page number pattern is valid")
    });
    let cell = super::normalize_space(cell);
    // A year standing alone ("2021" under a title) is not a page number.
    !piano_model::is_bare_year(&cell) && PAGE_NUMBER.is_match(&cell)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The parts and text a cell should give, if it is a row number.
    type Expected<'a> = Option<(&'a [u32], &'a str)>;

    fn check_row_number(input: &str, expected: Expected<'_>) {
        let actual = parse_row_number(input);
        let actual = actual
            .as_ref()
            .map(|number| (number.parts.as_slice(), number.text.as_str()));
        assert_eq!(actual, expected, "input {input:?}");
    }

    #[test]
    fn recognises_row_numbers() {
        let cases: &[(&str, Expected<'_>)] = &[
            ("1", Some((&[1], "1"))),
            ("0", Some((&[0], "0"))),
            (" 3 ", Some((&[3], "3"))),
            ("1.", Some((&[1], "1"))),
            ("1.1.", Some((&[1, 1], "1.1"))),
            ("2)", Some((&[2], "2"))),
            ("1°", Some((&[1], "1"))),
            ("3º", Some((&[3], "3"))),
            ("1.°", None),
            ("17.2", Some((&[17, 2], "17.2"))),
            ("01.2", Some((&[1, 2], "1.2"))),
            ("000.010", Some((&[0, 10], "0.10"))),
            ("1.1.1", Some((&[1, 1, 1], "1.1.1"))),
            ("1.2.3.4", Some((&[1, 2, 3, 4], "1.2.3.4"))),
            ("999.999", Some((&[999, 999], "999.999"))),
            ("1.2.3.4.5", None),
            ("1000", None),
            ("2021", None),
            ("31.12.2021", None),
            ("N°", None),
            ("N.", None),
            ("", None),
            ("   ", None),
            (".", None),
            ("1..2", None),
            (".1", None),
            ("1.1..", None),
            ("1,5", None),
            ("1 .1", None),
            ("+1", None),
            ("1a", None),
            ("٣", None),
        ];
        for &(input, expected) in cases {
            check_row_number(input, expected);
        }
    }

    #[test]
    fn recognises_page_numbers() {
        let cases = [
            ("9", true),
            (" 16 ", true),
            ("1234", true),
            ("Pagina 3 di 29", true),
            ("pagina 3", true),
            ("Pag. 3", true),
            ("PAG.3", true),
            ("pag 3 / 29", true),
            ("- 3 -", true),
            ("– 3 –", true),
            ("-3-", true),
            ("3/29", true),
            ("3 / 29", true),
            ("12345", false),
            ("1.1", false),
            ("20%", false),
            ("", false),
            ("Pagina", false),
            ("3 di 29 obiettivi", false),
            ("31.12.2021", false),
            ("- 3", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_page_number(input), expected, "input {input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(cell in "\\PC*") {
            let _ = parse_row_number(&cell);
            let _ = is_page_number(&cell);
        }

        #[test]
        fn text_reads_back_to_the_same_parts(cell in "[0-9.]{0,16}") {
            if let Some(number) = parse_row_number(&cell) {
                let again = parse_row_number(&number.text).expect("normalised text is a row number");
                proptest::prop_assert_eq!(again, number);
            }
        }
    }
}
