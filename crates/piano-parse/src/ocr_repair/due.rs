//! Dates misread by OCR ("31.12.2O21", "3l/12/2021"), repaired where the due
//! grammar proves them: a word of a doubtful cell shaped as a date in
//! figures, with letters OCR gives for digits among its digits, whose one
//! reading with those letters as digits is a date the grammar reads.

use std::sync::LazyLock;

use piano_model::{Code, Diagnostic, TextLine};
use regex::Regex;

use super::confusion::{digits_for, readings};
use crate::token::due::parse_due;

/// Repairs the dates in figures of each doubtful cell of `lines`; one
/// `ocr-repaired` diagnostic per date.
pub fn repair_dates(lines: &mut [TextLine]) -> Vec<Diagnostic> {
    let mut repaired = Vec::new();
    for line in lines {
        let (number, page) = (line.number, line.page);
        for cell in line.cells.iter_mut().filter(|cell| cell.is_doubtful()) {
            let words: Vec<String> = cell.text.split_whitespace().map(str::to_owned).collect();
            for word in words {
                let Some(date) = proved_date(&word) else {
                    continue;
                };
                cell.text = cell.text.replacen(&word, &date, 1);
                let mut diagnostic = Diagnostic::new(
                    Code::OcrRepaired,
                    format!(
                        "date {word:?}, recognised with low confidence, read as {date:?}: the one reading of its letters as digits that is a date"
                    ),
                )
                .at_line(number, page);
                diagnostic.excerpt = Some(word);
                repaired.push(diagnostic);
            }
        }
    }
    repaired
}

/// The one reading of `word` as a date in figures, when `word` is shaped as
/// one (day, month and year parted by dots, slashes or hyphens, a closing
/// mark after it) with letters OCR gives for digits among mostly digits,
/// and exactly one reading of those letters is a date the due grammar
/// reads.
fn proved_date(word: &str) -> Option<String> {
    static DATE_SHAPE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(\w{1,2}[./-]\w{1,2}[./-](?:\w{4}|\w{2}))([.,;:)]?)$")
            .expect("the date shape is valid")
    });
    let shape = DATE_SHAPE.captures(word)?;
    let (body, close) = (shape.get(1)?.as_str(), shape.get(2)?.as_str());
    let digits = body.chars().filter(char::is_ascii_digit).count();
    let confusable = body.chars().filter(|&c| !digits_for(c).is_empty()).count();
    let letters = body.chars().filter(|c| c.is_alphanumeric()).count();
    // Every letter one OCR gives for a digit, and the digits the most of it.
    if confusable == 0 || digits + confusable < letters || confusable >= digits {
        return None;
    }
    let mut dates: Vec<String> = readings(body)
        .into_iter()
        .filter(|reading| parse_due(reading, None).due.date.is_some())
        .collect();
    dates.dedup();
    match dates.as_slice() {
        [one] => Some(format!("{one}{close}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A line of `cells`, each read with `confidence`.
    fn line(cells: &[&str], confidence: Option<f32>) -> TextLine {
        let mut line = TextLine::from_texts(12, Some(2), cells.iter().copied());
        for cell in &mut line.cells {
            cell.confidence = confidence;
        }
        line
    }

    #[test]
    fn a_date_with_letters_for_digits_is_repaired_in_its_cell() {
        let mut lines = vec![line(&["1", "Obiettivo", "entro il 31.12.2O21"], Some(0.4))];
        let found = repair_dates(&mut lines);
        assert_eq!(lines[0].cells[2].text, "entro il 31.12.2021");
        assert_eq!(lines[0].cells[1].text, "Obiettivo");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].page), (Some(12), Some(2)));
        assert_eq!(
            found[0].message,
            "date \"31.12.2O21\", recognised with low confidence, read as \"31.12.2021\": the one reading of its letters as digits that is a date"
        );
    }

    #[test]
    fn the_grammar_picks_the_one_reading_that_is_a_date() {
        // "E" reads 1 or 3: the 33rd is no day, the 32nd month no month.
        assert_eq!(proved_date("3E.12.2021").as_deref(), Some("31.12.2021"));
        assert_eq!(proved_date("30.E2.2021").as_deref(), Some("30.12.2021"));
        assert_eq!(proved_date("30/O6/2022;").as_deref(), Some("30/06/2022;"));
    }

    #[test]
    fn a_date_read_two_ways_or_none_is_left_as_read() {
        // The 11th and the 13th are both days.
        assert_eq!(proved_date("1E.12.2021"), None);
        // The 31st of June is no date.
        assert_eq!(proved_date("3l/O6/2022"), None);
    }

    #[test]
    fn words_not_shaped_as_dates_are_left_as_read() {
        assert_eq!(proved_date("31.12.2021"), None);
        assert_eq!(proved_date("Sl.lO.ZOZl"), None);
        assert_eq!(proved_date("n.l"), None);
        assert_eq!(proved_date("31.13.2O21"), None);
    }

    #[test]
    fn confident_cells_and_text_read_as_drawn_are_never_repaired() {
        for confidence in [Some(0.9), None] {
            let mut lines = vec![line(&["1", "entro il 31.12.2O21"], confidence)];
            assert!(repair_dates(&mut lines).is_empty());
            assert_eq!(lines[0].cells[1].text, "entro il 31.12.2O21");
        }
    }
}
