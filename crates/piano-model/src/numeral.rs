//! Roman numerals, as plans number their objectives and areas.

/// Largest roman numeral read (XXXIX): a longer run of roman letters is a
/// word.
pub const MAX_ROMAN: u32 = 39;

/// The value of an upper-case roman numeral up to [`MAX_ROMAN`], written in
/// its standard form ("IV", not "IIII"): how plans number objectives
/// ("II", "II.1"), read alike by the table rebuild and the parser.
pub fn roman(text: &str) -> Option<u32> {
    const NUMERALS: [(&str, u32); 7] = [
        ("XXX", 30),
        ("XX", 20),
        ("X", 10),
        ("IX", 9),
        ("V", 5),
        ("IV", 4),
        ("I", 1),
    ];
    let mut rest = text;
    let mut value = 0;
    let mut smallest = u32::MAX;
    while !rest.is_empty() {
        let (numeral, worth) = NUMERALS
            .iter()
            .find(|(numeral, _)| rest.starts_with(numeral))?;
        // Each numeral counts less than the one before, save a run of I.
        if *worth > smallest || (*worth == smallest && *worth != 1) {
            return None;
        }
        smallest = *worth;
        value += worth;
        rest = &rest[numeral.len()..];
        // "IV" and "IX" end a numeral: "IVI" is not one.
        if numeral.len() == 2 && numeral.starts_with('I') && !rest.is_empty() {
            return None;
        }
    }
    (value > 0 && value <= MAX_ROMAN && !text.contains("IIII")).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_roman_values() {
        for (text, value) in [("I", 1), ("IV", 4), ("IX", 9), ("XIII", 13), ("XXXIX", 39)] {
            assert_eq!(roman(text), Some(value), "{text}");
        }
        for text in ["IIV", "VX", "IIII", "XXXX", "IVI", ""] {
            assert_eq!(roman(text), None, "{text}");
        }
    }
}
