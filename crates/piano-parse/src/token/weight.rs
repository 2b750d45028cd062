//! Weights: the share in percent an objective or phase carries ("20%",
//! "5,88 %", "(50%)").
//!
//! Objective weights are usually bare ("20%") and phase weights bracketed
//! ("(50%)"); decimals use a comma or a dot. A weight cell may have the next
//! cell glued to it ("(50%)) 1 dicembre di ogni anno"), so the token is read
//! at the start of the cell and the rest handed back.

/// A weight read at the start of a cell.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeightToken<'a> {
    /// The percentage, rounded to 2 decimals: 5.88 for "5,88 %".
    pub value: f64,
    /// What follows the token in the cell, trimmed; empty when the cell is
    /// only the weight.
    pub rest: &'a str,
    /// The token as written, trimmed ("(50%)" in "(50%)) 1 dicembre").
    pub written: &'a str,
}

/// The weight at the start of `cell`, if any.
///
/// A percentage, optionally bracketed ("20%", "5,88 %", "(50%)", "12.5%"),
/// may be followed by other text, returned as `rest`; one closing bracket is
/// part of the token only when it opened with one. A bare number ("20",
/// "8,33", "(50)") is a weight only when it is the whole cell and has no dot, so
/// that row numbers ("1.1") and dates ("31.12.2021") are not weights; so is a
/// share of a hundred ("20/100"), which no date is.
pub fn parse_weight(cell: &str) -> Option<WeightToken<'_>> {
    percentage(cell)
        .or_else(|| out_of_hundred(cell))
        .or_else(|| bare_number(cell))
}

/// Whether the whole cell is one weight ("20%", "(50%)", "8,33"). A
/// percentage may end with a full stop or a comma ("20%.", as a typist or a
/// speck of a scan leaves it): the weight's own punctuation, not text.
pub fn is_weight(cell: &str) -> bool {
    parse_weight(cell).is_some_and(|token| is_closing_stop(token.rest))
}

/// Whether what follows a weight ends it: nothing, or one full stop or comma.
pub fn is_closing_stop(rest: &str) -> bool {
    matches!(rest, "" | "." | ",")
}

// The grammars below are read by hand rather than by regular expressions:
// every cell of every row is asked whether it is a weight, and a pattern's
// set-up cost per call was a sixth of the parse. Digits are ASCII: a number
// with other digits is none `value_of` reads, so the patterns this replaces
// (kept in the tests, which check the two agree) found no weight in it either.

/// percentage = spaces ["(" spaces] number spaces "%" [spaces ")" if opened]
fn percentage(cell: &str) -> Option<WeightToken<'_>> {
    let start = cell.trim_start();
    let opened = start.strip_prefix('(').map(str::trim_start);
    let (number, after) = decimal(opened.unwrap_or(start), b".,")?;
    let mut rest = after.trim_start().strip_prefix('%')?;
    if opened.is_some() {
        let after_spaces = rest.trim_start();
        rest = after_spaces.strip_prefix(')').unwrap_or(rest);
    }
    Some(WeightToken {
        value: value_of(number)?,
        rest: rest.trim(),
        written: cell[..cell.len() - rest.len()].trim(),
    })
}

/// out_of_hundred = spaces number spaces "/" spaces "100" spaces, the whole
/// cell, the number with a decimal comma only
fn out_of_hundred(cell: &str) -> Option<WeightToken<'_>> {
    let (number, after) = decimal(cell.trim_start(), b",")?;
    let denominator = after.trim_start().strip_prefix('/')?.trim();
    (denominator == "100").then_some(())?;
    Some(WeightToken {
        value: value_of(number)?,
        rest: "",
        written: cell.trim(),
    })
}

/// bare_number = spaces ("(" spaces number spaces ")" | number) spaces, the
/// whole cell, the number with a decimal comma only
fn bare_number(cell: &str) -> Option<WeightToken<'_>> {
    let start = cell.trim_start();
    let (number, after) = match start.strip_prefix('(') {
        Some(inside) => {
            let (number, after) = decimal(inside.trim_start(), b",")?;
            (number, after.trim_start().strip_prefix(')')?)
        }
        None => decimal(start, b",")?,
    };
    if !after.trim_start().is_empty() {
        return None;
    }
    Some(WeightToken {
        value: value_of(number)?,
        rest: "",
        written: cell.trim(),
    })
}

/// number = 1 to 3 digits [mark digits], at the start of `text`: the number
/// and what follows it. More than 3 digits in a row are no number.
fn decimal<'a>(text: &'a str, marks: &[u8]) -> Option<(&'a str, &'a str)> {
    let bytes = text.as_bytes();
    let digits_from = |from: usize| {
        bytes.get(from..).map_or(0, |rest| {
            rest.iter().take_while(|b| b.is_ascii_digit()).count()
        })
    };
    let whole = digits_from(0);
    if !(1..=3).contains(&whole) {
        return None;
    }
    let fraction = match bytes.get(whole) {
        Some(mark) if marks.contains(mark) => digits_from(whole + 1),
        _ => 0,
    };
    let end = match fraction {
        0 => whole,
        digits => whole + 1 + digits,
    };
    Some(text.split_at(end))
}

/// The number as written, with a decimal comma or dot, rounded to 2 decimals.
fn value_of(number: &str) -> Option<f64> {
    let value: f64 = number.replace(',', ".").parse().ok()?;
    Some((value * 100.0).round() / 100.0)
}

#[cfg(test)]
mod tests {
    use std::sync::LazyLock;

    use regex::Regex;

    use super::*;

    /// The weight grammar as the regular expressions it was first written
    /// in: the oracle the hand-written recognisers are checked against.
    fn by_patterns(cell: &str) -> Option<WeightToken<'_>> {
        static PERCENTAGE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(?<open>\(\s*)?(?<number>\d{1,3}(?:[.,]\d+)?)\s*%")
                .expect("the percentage pattern is valid")
        });
        static OUT_OF_HUNDRED: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(?<number>\d{1,3}(?:,\d+)?)\s*/\s*100\s*$")
                .expect("the share of a hundred pattern is valid")
        });
        static BARE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(
                r"^\s*(?:\(\s*(?<bracketed>\d{1,3}(?:,\d+)?)\s*\)|(?<number>\d{1,3}(?:,\d+)?))\s*$",
            )
            .expect("the bare number pattern is valid")
        });
        let percentage = || {
            let captures = PERCENTAGE.captures(cell)?;
            let value = value_of(&captures["number"])?;
            let mut rest = &cell[captures.get(0)?.end()..];
            if captures.name("open").is_some() {
                let after_spaces = rest.trim_start();
                rest = after_spaces.strip_prefix(')').unwrap_or(rest);
            }
            Some(WeightToken {
                value,
                rest: rest.trim(),
                written: cell[..cell.len() - rest.len()].trim(),
            })
        };
        let bare_number = || {
            let captures = BARE_NUMBER.captures(cell)?;
            let number = captures
                .name("number")
                .or_else(|| captures.name("bracketed"))?;
            Some(WeightToken {
                value: value_of(number.as_str())?,
                rest: "",
                written: cell.trim(),
            })
        };
        let out_of_hundred = || {
            let captures = OUT_OF_HUNDRED.captures(cell)?;
            Some(WeightToken {
                value: value_of(&captures["number"])?,
                rest: "",
                written: cell.trim(),
            })
        };
        percentage().or_else(out_of_hundred).or_else(bare_number)
    }

    fn check(input: &str, expected: Option<(f64, &str)>) {
        let actual = parse_weight(input).map(|token| (token.value, token.rest));
        assert_eq!(actual, expected, "input {input:?}");
    }

    #[test]
    fn reads_weights_at_the_start_of_a_cell() {
        let cases: &[(&str, Option<(f64, &str)>)] = &[
            ("20%", Some((20.0, ""))),
            ("5,88 %", Some((5.88, ""))),
            ("8,33%", Some((8.33, ""))),
            ("(50%)", Some((50.0, ""))),
            ("(100%)", Some((100.0, ""))),
            ("20%.", Some((20.0, "."))),
            ("( 33 % )", Some((33.0, ""))),
            ("100%", Some((100.0, ""))),
            ("3,00 %", Some((3.0, ""))),
            ("12.5%", Some((12.5, ""))),
            ("25 %", Some((25.0, ""))),
            (" 20% ", Some((20.0, ""))),
            ("0%", Some((0.0, ""))),
            ("33,333%", Some((33.33, ""))),
            (
                "(50%)) 1 dicembre di ogni anno",
                Some((50.0, ") 1 dicembre di ogni anno")),
            ),
            ("20%) resto", Some((20.0, ") resto"))),
            ("(50% 31.12.2021", Some((50.0, "31.12.2021"))),
            ("20% 31.12.2021", Some((20.0, "31.12.2021"))),
            ("20", Some((20.0, ""))),
            ("8,33", Some((8.33, ""))),
            ("(50)", Some((50.0, ""))),
            ("( 12,5 )", Some((12.5, ""))),
            (" 100 ", Some((100.0, ""))),
            ("1000%", None),
            ("1000", None),
            ("12.5", None),
            ("1.1", None),
            ("31.12.2021", None),
            ("1 dicembre di ogni anno", None),
            ("Produzione di specifico report.", None),
            ("Peso 20%", None),
            ("%", None),
            ("()", None),
            ("", None),
            ("-", None),
            ("20,", None),
            ("20/100", Some((20.0, ""))),
            ("12,5 / 100", Some((12.5, ""))),
            ("20/10", None),
            ("20/1000", None),
            ("30/06", None),
            ("20/100 entro giugno", None),
        ];
        for &(input, expected) in cases {
            check(input, expected);
        }
    }

    #[test]
    fn a_weight_cell_is_one_token() {
        let cases = [
            ("20%", true),
            ("(50%)", true),
            ("8,33", true),
            ("20%.", true),
            ("12.", false),
            ("(50%))", false),
            ("(50%)) 1 dicembre di ogni anno", false),
            ("31.12.2021", false),
            ("", false),
        ];
        for (input, expected) in cases {
            assert_eq!(is_weight(input), expected, "input {input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics(cell in "\\PC*") {
            let _ = parse_weight(&cell);
            let _ = is_weight(&cell);
        }

        #[test]
        fn reads_as_the_patterns_do(cell in "[ 0-9%(),./a\u{a0}\u{663}]{0,10}") {
            proptest::prop_assert_eq!(parse_weight(&cell), by_patterns(&cell));
        }

        #[test]
        fn reads_weight_like_cells_as_the_patterns_do(
            cell in "\\(? ?[0-9]{0,4}([.,][0-9]{0,3})? ?%? ?\\)? ?[a0-9)]?"
        ) {
            proptest::prop_assert_eq!(parse_weight(&cell), by_patterns(&cell));
        }

        #[test]
        fn keeps_two_decimals_as_written(whole in 0u32..1000, hundredths in 0u32..100) {
            let cell = format!("{whole},{hundredths:02} %");
            let token = parse_weight(&cell).expect("a percentage");
            let expected: f64 = format!("{whole}.{hundredths:02}").parse().expect("a decimal");
            proptest::prop_assert_eq!(token.value, expected);
        }
    }
}
