//! Text as an SVG holds it: the `svg` crate escapes markup (`<`, `&`,
//! quotes); characters XML 1.0 cannot hold at all (control characters a
//! damaged PDF may decode to) are replaced here.

use svg::node::element::Title;

/// `text` with every character XML 1.0 forbids replaced by U+FFFD.
pub fn xml_safe(text: &str) -> String {
    text.chars()
        .map(|c| {
            if allowed(c) {
                c
            } else {
                char::REPLACEMENT_CHARACTER
            }
        })
        .collect()
}

/// A tooltip of `text`.
pub fn title(text: &str) -> Title {
    Title::new(xml_safe(text))
}

/// Whether XML 1.0 allows `c` in a document.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{fffe}' && c != '\u{ffff}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_replaced_and_markup_is_escaped() {
        assert_eq!(xml_safe("a\u{1}b\tc\u{ffff}"), "a\u{fffd}b\tc\u{fffd}");
        let tooltip = title("<b>Peso & \"quota\"</b>").to_string();
        assert!(
            tooltip.contains("&lt;b&gt;Peso &amp; \"quota\"&lt;/b&gt;"),
            "{tooltip}"
        );
    }
}
