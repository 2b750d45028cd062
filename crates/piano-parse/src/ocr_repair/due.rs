//! Dates misread by OCR ("31.12.2O21", "3l/12/2021", "31407/2023"),
//! repaired where the due grammar proves them: a word of a doubtful cell
//! shaped as a date in figures, with letters OCR gives for digits among its
//! digits, whose one reading with those letters as digits is a date the
//! grammar reads; or figures and separators no date, whose one reading with
//! one mark changed (a separator read as a digit, or dropped, a bracket
//! read as "1") is one.

use std::sync::LazyLock;

use piano_model::{Code, Diagnostic, TextLine};
use regex::Regex;

use super::confusion::{digits_for, readings};
use crate::token::due::parse_due;

/// Repairs the dates in figures of each doubtful cell of `lines`; one
/// `ocr-repaired` diagnostic per date.
pub fn repair_dates(lines: &mut [TextLine]) -> Vec<Diagnostic> {
    let years = years_written(lines);
    let mut repaired = Vec::new();
    for line in lines {
        let (number, page) = (line.number, line.page);
        for cell in line.cells.iter_mut().filter(|cell| cell.is_doubtful()) {
            let words: Vec<String> = cell.text.split_whitespace().map(str::to_owned).collect();
            for word in words {
                let proved = proved_date(&word)
                    .map(|date| (date, "of its letters as digits"))
                    .or_else(|| {
                        proved_by_marks(&word)
                            .filter(|date| years.iter().any(|year| date.ends_with(year.as_str())))
                            .map(|date| (date, "of its marks as a date's"))
                    });
                let Some((date, why)) = proved else {
                    continue;
                };
                cell.text = cell.text.replacen(&word, &date, 1);
                let mut diagnostic = Diagnostic::new(
                    Code::OcrRepaired,
                    format!(
                        "date {word:?}, recognised with low confidence, read as {date:?}: the one reading {why} that is a date"
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

/// The years (19xx, 20xx) the cells of `lines` write twice or more, as
/// words of their own or in dates: a date whose marks are repaired must be
/// of one of them other than its own writing, as one more proof (its
/// year's figures may be misread too).
fn years_written(lines: &[TextLine]) -> Vec<String> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b((?:19|20)\d{2})\b").expect("the year pattern is valid"));
    let mut years: Vec<String> = lines
        .iter()
        .flat_map(|line| &line.cells)
        .flat_map(|cell| YEAR.captures_iter(&cell.text))
        .filter_map(|captures| Some(captures.get(1)?.as_str().to_owned()))
        .collect();
    years.sort();
    let mut twice: Vec<String> = years
        .windows(2)
        .filter(|pair| pair[0] == pair[1])
        .map(|pair| pair[0].clone())
        .collect();
    twice.dedup();
    twice
}

/// The one reading of `word`, figures and separators of one kind (dots,
/// slashes or hyphens) that the due grammar does not read as a date, as a
/// date of two-figure day and month and a year in full, where OCR read a separator as a digit
/// ("31407/2023"), dropped one ("3011.2022") or read a bracket or rule
/// before the day as "1" ("130/06/2022"): each reading changes one mark.
fn proved_by_marks(word: &str) -> Option<String> {
    static FIGURES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\d[\d./-]{6,10}\d$").expect("the figures pattern is valid"));
    static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\d{2}([./-])\d{2}([./-])\d{4}$").expect("the date pattern is valid")
    });
    if !FIGURES.is_match(word) || parse_due(word, None).due.date.is_some() {
        return None;
    }
    let separators: Vec<char> = word.chars().filter(|c| !c.is_ascii_digit()).collect();
    let separator = *separators.first()?;
    if separators.iter().any(|&c| c != separator) {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    let mut readings: Vec<String> = Vec::new();
    for at in 0..=chars.len() {
        let mut inserted = chars.clone();
        inserted.insert(at, separator);
        readings.push(inserted.into_iter().collect());
        if chars.get(at).is_some_and(char::is_ascii_digit) {
            let mut replaced = chars.clone();
            replaced[at] = separator;
            readings.push(replaced.into_iter().collect());
        }
    }
    if let Some(rest) = word.strip_prefix('1') {
        readings.push(rest.to_owned());
    }
    let mut dates: Vec<String> = readings
        .into_iter()
        .filter(|reading| {
            FULL_DATE
                .captures(reading)
                .is_some_and(|c| c.get(1).map(|m| m.as_str()) == c.get(2).map(|m| m.as_str()))
        })
        .filter(|reading| parse_due(reading, None).due.date.is_some())
        .collect();
    dates.sort();
    dates.dedup();
    match dates.as_slice() {
        [one] => Some(one.clone()),
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
    fn a_separator_read_as_a_digit_or_dropped_is_proved_by_the_grammar() {
        assert_eq!(proved_by_marks("31407/2023").as_deref(), Some("31/07/2023"));
        assert_eq!(proved_by_marks("3011.2022").as_deref(), Some("30.11.2022"));
        assert_eq!(
            proved_by_marks("130/06/2022").as_deref(),
            Some("30/06/2022")
        );
        // A date read whole, figures one mark from no date of two-figure day
        // and month, or from a date only by a digit read otherwise, are left
        // as read.
        assert_eq!(proved_by_marks("31/07/2023"), None);
        assert_eq!(proved_by_marks("111.2022"), None);
        assert_eq!(proved_by_marks("81.10.2022"), None);
    }

    #[test]
    fn a_date_whose_marks_are_repaired_is_of_a_year_written_elsewhere() {
        let mut lines = vec![
            line(&["PIANO 2023-2025", "2025"], None),
            line(&["1", "3112.2023", "3112.2028"], Some(0.4)),
        ];
        let found = repair_dates(&mut lines);
        assert_eq!(found.len(), 1);
        assert_eq!(lines[1].cells[1].text, "31.12.2023");
        assert_eq!(lines[1].cells[2].text, "3112.2028");
        assert_eq!(years_written(&lines), ["2023", "2025"]);
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
