//! Cell text as the contract publishes it: inline markup removed, whitespace
//! normalised, nothing else rewritten.

use std::sync::LazyLock;

use regex::Regex;

use crate::token::normalize_space;

static INLINE_MARKUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)</?(?:i|b|u|em|strong|br|sup|sub|span)\s*/?>")
        .expect("the markup pattern is valid")
});

/// The text of a cell: converter markup (`<i>`, `</b>`, `<br>` …) removed, runs of
/// whitespace made one space, ends trimmed.
pub fn clean(text: &str) -> String {
    if text.contains('<') {
        normalize_space(&INLINE_MARKUP.replace_all(text, " "))
    } else {
        normalize_space(text)
    }
}

/// Joins a cell's wrapped pieces with one space, except that closing
/// punctuation alone (a lone ")") is glued to the text before it.
pub fn join_wrapped(left: &str, right: &str) -> String {
    let left = left.trim_end();
    let right = right.trim();
    if left.is_empty() {
        return right.to_owned();
    }
    if right.is_empty() {
        return left.to_owned();
    }
    if is_closing_punctuation(right) {
        return format!("{left}{right}");
    }
    format!("{left} {right}")
}

/// Whether `text` is only closing brackets and punctuation, as a wrap can leave alone.
pub fn is_closing_punctuation(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, ')' | ']' | '.' | ',' | ';' | ':'))
}

/// Whether `text` opens more round brackets than it closes.
pub fn has_open_bracket(text: &str) -> bool {
    text.matches('(').count() > text.matches(')').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_markup_and_normalises_space() {
        assert_eq!(
            clean("lavoro agile o <i>smart working</i> in\tparticolare "),
            "lavoro agile o smart working in particolare"
        );
        assert_eq!(clean("uno<br>due"), "uno due");
        assert_eq!(clean("a < b"), "a < b");
    }

    #[test]
    fn joins_wrapped_pieces() {
        assert_eq!(join_wrapped("31.12 di", "ogni anno"), "31.12 di ogni anno");
        assert_eq!(join_wrapped("(pluriennale", ")"), "(pluriennale)");
        assert_eq!(join_wrapped("", "x"), "x");
        assert!(has_open_bracket("anno (pluriennale"));
        assert!(!has_open_bracket("anno (pluriennale)"));
    }
}
