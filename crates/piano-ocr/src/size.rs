//! A word's font size from the height of its box, which depends on its
//! letters: "noi" spans the x-height only, "Noi" the capitals' height, "gli"
//! ascender to descender. The rebuild measures every gap against the font
//! size, so a line of capitals must not look smaller than a line of prose
//! set in the same font.

/// The x-height, as a share of the font size (typical of the sans and serif
/// faces plans are set in).
const X_HEIGHT: f32 = 0.52;
/// The height of capitals, digits and ascenders, as a share of the font size.
const CAP_HEIGHT: f32 = 0.72;
/// How far descenders reach below the baseline, as a share of the font size.
const DESCENDER: f32 = 0.21;

/// The font size of a word `height` pixels tall whose text is `text`; `None`
/// for a word without letters or digits (punctuation tells nothing).
pub fn font_size(text: &str, height: f32) -> Option<f32> {
    if !text.chars().any(char::is_alphanumeric) {
        return None;
    }
    let tall = text.chars().any(rises);
    let deep = text.chars().any(|c| "gjpqy(),;[]{}Q".contains(c));
    let top = if tall { CAP_HEIGHT } else { X_HEIGHT };
    let bottom = if deep { DESCENDER } else { 0.0 };
    Some(height / (top + bottom))
}

/// Whether `c` rises above the x-height: a capital, a digit, an ascender
/// (the dot of i and j too), an accented letter, a bracket.
fn rises(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || "bdfhijklt()[]{}/'’\"%&!?".contains(c)
        || (c.is_alphabetic() && !c.is_ascii())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_one_font_give_one_size_whatever_their_letters() {
        let size = 40.0;
        let sizes = [
            font_size("nove", X_HEIGHT * size),
            font_size("NOI", CAP_HEIGHT * size),
            font_size("Noi", CAP_HEIGHT * size),
            font_size("gru", (X_HEIGHT + DESCENDER) * size),
            font_size("degli", (CAP_HEIGHT + DESCENDER) * size),
            font_size("attività", CAP_HEIGHT * size),
            font_size("31/12/2023", CAP_HEIGHT * size),
        ];
        for found in sizes {
            let found = found.expect("a size");
            assert!((found - size).abs() < 1e-3, "{found}");
        }
        assert_eq!(font_size("-", 4.0), None);
    }
}
