//! Due cells: the date by which an objective or phase is due, as Italian
//! plans write it.
//!
//! The grammar (nom, one small combinator per rule) reads a date expression:
//! "31.12.2021", "31/12/21", "1° dicembre 2021", "novembre 2021",
//! "entro il 30.06.2021", "31.12 di ogni anno". Around it a cell may carry
//! the word "pluriennale" (the work spans several years) and a note
//! ("31.01.2022 (salvo diverso termine indicato dall'ANAC)").
//!
//! Text extraction breaks some years: the last digit split off by a space
//! ("31.12.202 1") or lost ("31.12.202"). The first is repaired from the
//! digits, the second from the plan's year; [`ParsedDue::repaired`] says so,
//! for the caller to raise a diagnostic. Dates that do not exist in the
//! calendar give no date at all.

use std::borrow::Cow;
use std::sync::LazyLock;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::take_while_m_n,
    character::complete::{char, one_of, satisfy},
    combinator::{eof, map, map_opt, map_res, not, opt, recognize, value},
    error::{Error, ErrorKind},
    sequence::{preceded, terminated},
};
use piano_model::{Due, DueDate};
use regex::Regex;

use super::{normalize_space, normalized};

/// A due cell read into the model, with whether its year had to be repaired.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedDue {
    /// The due: raw text (whitespace-normalised), date, multiyear flag, note.
    pub due: Due,
    /// Whether the year was broken by the extraction ("31.12.202 1",
    /// "31.12.202") and the date was rebuilt; the caller reports the repair.
    pub repaired: bool,
    /// Whether the cell names a month but no year ("entro dicembre", "31
    /// marzo") and the plan's year was taken; the caller says so.
    pub year_from_plan: bool,
}

/// Reads a due cell.
///
/// `plan_year` repairs a year cut to three digits ("31.12.202" in a 2021
/// plan); without a fitting plan year such a cell has no date. The first date
/// expression found at the start of a word is the date; "pluriennale" sets
/// `multiyear`; what else is left, brackets removed, is the note. A cell
/// without a date expression, or with an impossible date, keeps its raw text
/// and has no date.
pub fn parse_due(cell: &str, plan_year: Option<u16>) -> ParsedDue {
    let raw = normalize_space(cell);
    let (text, multiyear) = without_multiyear(&raw);
    let found = find_expression(&text).or_else(|| without_year(&text));
    let (date, repaired, note) = match found {
        Some((before, written, after)) => {
            let (date, repaired) = resolve(written, plan_year);
            // A period is due at its end; its start goes to the note.
            let expression = &text[before.len()..text.len() - after.len()];
            let note = match (period_start(expression), note_from(before, after)) {
                (Some(start), Some(rest)) => Some(format!("{start} {rest}")),
                (start, rest) => start.or(rest),
            };
            (date, repaired, note)
        }
        None => (None, false, None),
    };
    let year_from_plan = matches!(found, Some((_, written, _)) if written.year == WrittenYear::Plan)
        && date.is_some();
    ParsedDue {
        due: Due::new(raw, date, multiyear, note),
        repaired,
        year_from_plan,
    }
}

/// Whether a cell reads as a due cell, to place cells by content when a row
/// has fewer cells than its header.
///
/// True when the cell opens with a date expression (after an opening
/// bracket or quotation mark, and "entro", "il", "al" or "entro il")
/// followed by nothing, "di ogni anno", "pluriennale" or
/// a note, even when the date is impossible or its year is cut; also for
/// "pluriennale" alone, and for the first piece of a due wrapped over lines:
/// a day and month name ("1 dicembre") or a day and month followed by part
/// of "di ogni anno" ("31.12 di", "1 maggio di ogni").
pub fn looks_like_due(cell: &str) -> bool {
    // Every due has a digit or says "pluriennale": a cheap test that spares
    // the grammar most prose cells.
    let has_digit = cell.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && !mentions_multiyear(cell) {
        return false;
    }
    let normal = normalized(cell);
    let (text, multiyear) = without_multiyear(&normal);
    let only_multiyear = multiyear && note_from("", &text).is_none();
    let text = text.trim_start_matches(OPENING_MARKS);
    only_multiyear || due_expression(text).is_ok() || wrapped_due_start(text).is_ok()
}

/// Marks that may open a due cell before its date: a bracket or quotation
/// mark ("(31.12.2021)"), or a rule's remains OCR read as one ("‘28/02/2023").
const OPENING_MARKS: [char; 6] = ['(', '[', '‘', '\'', '"', '“'];

/// The year of a due cell whose year is written whole and whose date exists,
/// as evidence of the plan's year; `None` for broken years, yearly dates and
/// cells without a date.
pub fn due_year(cell: &str) -> Option<u16> {
    let parsed = parse_due(cell, None);
    if parsed.repaired {
        return None;
    }
    parsed.due.date.and_then(DueDate::year)
}

/// A date expression as written, before its year is resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Written {
    day: Option<u8>,
    month: u8,
    year: WrittenYear,
}

/// A year as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WrittenYear {
    /// Four digits, or two meaning 20yy.
    Whole(u16),
    /// Four digits with a space inside ("202 1"): a split the extraction made.
    Split(u16),
    /// Three digits ("202"): the extraction lost the last one.
    Cut(u16),
    /// "di ogni anno": every year.
    Every,
    /// None: the plan's own year ("entro dicembre" in a plan for one year).
    Plan,
}

/// "pluriennale", with its brackets if it has them.
static MULTIYEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\(\s*pluriennale\s*\)?|pluriennale").expect("the multiyear pattern is valid")
});

/// The cell's text without "pluriennale" (and its brackets), and whether it
/// was there. `raw` is whitespace-normalised already.
fn without_multiyear(raw: &str) -> (Cow<'_, str>, bool) {
    if !mentions_multiyear(raw) {
        return (Cow::Borrowed(raw), false);
    }
    // Borrowed back unchanged exactly when the word is not there.
    let replaced = MULTIYEAR.replace_all(raw, " ");
    let multiyear = matches!(replaced, Cow::Owned(_));
    (Cow::Owned(normalize_space(&replaced)), multiyear)
}

/// Whether "pluriennale" is in `text` in any case: a cheap test before the
/// pattern. The pattern's case-insensitive letters match only their ASCII
/// capitals (no letter of the word has a non-ASCII case variant), so the
/// two agree.
fn mentions_multiyear(text: &str) -> bool {
    const WORD: &[u8] = b"pluriennale";
    text.as_bytes()
        .windows(WORD.len())
        .any(|window| window.eq_ignore_ascii_case(WORD))
}

/// The first date expression starting a word of `text`: the text before it,
/// what it says, and the text after it.
fn find_expression(text: &str) -> Option<(&str, Written, &str)> {
    let mut previous: Option<char> = None;
    for (index, current) in text.char_indices() {
        if !previous.is_some_and(char::is_alphanumeric) {
            if let Ok((after, written)) = due_expression(&text[index..]) {
                return Some((&text[..index], written, after));
            }
        }
        previous = Some(current);
    }
    None
}

/// A cell that is, but for a preposition, a month named without a year,
/// with or without its day ("entro dicembre", "entro il 31 marzo"): due in
/// the plan's year. Only a whole cell, and only a month named in words: a
/// cell "1.1" or a note naming a month is no due.
fn without_year(text: &str) -> Option<(&str, Written, &str)> {
    let day_month = map(textual_day_month, |(day, month)| (Some(day), month));
    let month = map(month_name, |month| (None, month));
    let mut cell = terminated(
        preceded(opt(preposition), alt((day_month, month))),
        (opt(char('.')), eof),
    );
    let (_, (day, month)) = cell.parse(text).ok()?;
    let year = WrittenYear::Plan;
    Some(("", Written { day, month, year }, ""))
}

/// The date a written expression means, and whether its year was repaired.
fn resolve(written: Written, plan_year: Option<u16>) -> (Option<DueDate>, bool) {
    let (year, repaired) = match written.year {
        WrittenYear::Every => {
            let date = written
                .day
                .and_then(|day| DueDate::yearly(written.month, day));
            return (date, false);
        }
        WrittenYear::Whole(year) => (year, false),
        WrittenYear::Split(year) => (year, true),
        WrittenYear::Cut(cut) => match plan_year.filter(|year| year / 10 == cut) {
            Some(year) => (year, true),
            None => return (None, false),
        },
        WrittenYear::Plan => match plan_year {
            Some(year) => (year, false),
            None => return (None, false),
        },
    };
    let date = match written.day {
        Some(day) => DueDate::day(year, written.month, day),
        None => DueDate::month(year, written.month),
    };
    (date, repaired && date.is_some())
}

/// The note: the text beside the date, brackets removed, trimmed of spaces
/// and separating punctuation; `None` when no letter or digit is left.
fn note_from(before: &str, after: &str) -> Option<String> {
    let unbracketed: String = [before, after]
        .join(" ")
        .chars()
        .filter(|c| !matches!(c, '(' | ')' | '[' | ']'))
        .collect();
    let note = normalize_space(&unbracketed);
    let note = note.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '-' | '–' | '—')
    });
    note.chars()
        .any(char::is_alphanumeric)
        .then(|| note.to_owned())
}

/// due_expression = [preposition] (numeric_date | slipped_date | textual_date
/// | month_date)
fn due_expression(input: &str) -> IResult<&str, Written> {
    alt((
        period,
        yearly_first,
        preceded(
            opt(preposition),
            alt((
                hyphenated_date,
                numeric_date,
                slipped_date,
                textual_date,
                month_date,
                part_of_year,
            )),
        ),
    ))
    .parse(input)
}

/// period = "dal " date " al " date | date [" "] dash [" "] date: the work is
/// due by the end of the period.
fn period(input: &str) -> IResult<&str, Written> {
    map(period_bounds, |(_, end)| end).parse(input)
}

/// A period's start as written and its end.
fn period_bounds(input: &str) -> IResult<&str, (&str, Written)> {
    let date = || alt((hyphenated_date, numeric_date, textual_date, month_date));
    let from_to = map(
        (
            tag_no_case_ascii("dal "),
            recognize(date()),
            tag_no_case_ascii(" al "),
            date(),
        ),
        |(_, start, _, end)| (start, end),
    );
    let dashed = map(
        (
            recognize(date()),
            (opt(char(' ')), one_of("-–—"), opt(char(' '))),
            date(),
        ),
        |(start, _, end)| (start, end),
    );
    alt((from_to, dashed)).parse(input)
}

/// What the note of a due says of its period's start ("dal 30.06.2022"),
/// where `expression` (a date expression as found) is a period.
fn period_start(expression: &str) -> Option<String> {
    let (_, (start, _)) = period_bounds(expression).ok()?;
    Some(format!("dal {start}"))
}

/// yearly_first = ["di "] "ogni anno " [preposition] day-month ("ogni anno entro il 31.01")
fn yearly_first(input: &str) -> IResult<&str, Written> {
    let every = alt((
        tag_no_case_ascii("ogni anno"),
        tag_no_case_ascii("ciascun anno"),
        tag_no_case_ascii("annualmente"),
    ));
    let opening = (
        opt(tag_no_case_ascii("di ")),
        every,
        opt(char(',')),
        char(' '),
    );
    let day_month = alt((numeric_day_month, textual_day_month));
    let (input, (day, month)) = preceded((opening, opt(preposition)), day_month).parse(input)?;
    let (day, year) = (Some(day), WrittenYear::Every);
    Ok((input, Written { day, month, year }))
}

/// hyphenated_date = day "-" month-name "-" year ("31-dic-22", as spreadsheets write dates)
fn hyphenated_date(input: &str) -> IResult<&str, Written> {
    let (input, (day, month, year)) = (
        terminated(small_number, char('-')),
        terminated(month_name, char('-')),
        year,
    )
        .parse(input)?;
    let day = Some(day);
    Ok((input, Written { day, month, year }))
}

/// preposition = ("entro il" | "entro al" | "entro" | "il" | "al") " "
fn preposition(input: &str) -> IResult<&str, &str> {
    terminated(
        alt((
            tag_no_case_ascii("entro il"),
            tag_no_case_ascii("entro al"),
            tag_no_case_ascii("entro"),
            tag_no_case_ascii("il"),
            tag_no_case_ascii("al"),
        )),
        char(' '),
    )
    .parse(input)
}

/// numeric_date = day separator month (separator year | every_year)
fn numeric_date(input: &str) -> IResult<&str, Written> {
    let (input, (day, month)) = numeric_day_month(input)?;
    let (input, year) = alt((preceded(separator, year), every_year)).parse(input)?;
    let day = Some(day);
    Ok((input, Written { day, month, year }))
}

/// slipped_date = day mark month mark 4 digits, a mark being a separator,
/// "," or ":": a date with a separator slipped ("31,08.2022", "31.03:2022",
/// as a typist's finger or OCR leaves it). The year in full proves it a date,
/// where a comma alone parts a decimal ("12,5").
fn slipped_date(input: &str) -> IResult<&str, Written> {
    let mark = || one_of("./-,:");
    let parts = (small_number, mark(), small_number, mark(), digits(4));
    map(parts, |(day, _, month, _, year)| Written {
        day: Some(day),
        month,
        year: WrittenYear::Whole(year),
    })
    .parse(input)
}

/// numeric_day_month = day separator month
fn numeric_day_month(input: &str) -> IResult<&str, (u8, u8)> {
    (small_number, preceded(separator, small_number)).parse(input)
}

/// textual_date = textual_day_month (" " year | every_year)
fn textual_date(input: &str) -> IResult<&str, Written> {
    let (input, (day, month)) = textual_day_month(input)?;
    let (input, year) = alt((preceded(char(' '), year), every_year)).parse(input)?;
    let day = Some(day);
    Ok((input, Written { day, month, year }))
}

/// textual_day_month = day [" "] ["°"] [" "] month_name
fn textual_day_month(input: &str) -> IResult<&str, (u8, u8)> {
    let ordinal = (opt(char(' ')), opt(one_of("°º")), opt(char(' ')));
    (terminated(small_number, ordinal), month_name).parse(input)
}

/// month_date = month_name " " year
fn month_date(input: &str) -> IResult<&str, Written> {
    let (input, month) = month_name(input)?;
    let (input, year) = preceded(char(' '), year).parse(input)?;
    let day = None;
    Ok((input, Written { day, month, year }))
}

/// part_of_year = ordinal " " part_name " " year ("IV trimestre 2024", "2°
/// semestre 2025"): due by the end of the part's last month.
fn part_of_year(input: &str) -> IResult<&str, Written> {
    let arabic = terminated(small_number, opt(one_of("°º")));
    let ordinal = alt((arabic, word_of(&ORDINALS)));
    let (rest, (ordinal, months, year)) = (
        terminated(ordinal, char(' ')),
        terminated(word_of(&YEAR_PARTS), char(' ')),
        year,
    )
        .parse(input)?;
    let month = ordinal
        .checked_mul(months)
        .filter(|month| (1..=12).contains(month))
        .ok_or_else(|| nom::Err::Error(Error::new(input, ErrorKind::Verify)))?;
    let day = None;
    Ok((rest, Written { day, month, year }))
}

/// Parts of a year a due may name, with the months each spans.
const YEAR_PARTS: [(&str, u8); 4] = [
    ("bimestre", 2),
    ("trimestre", 3),
    ("quadrimestre", 4),
    ("semestre", 6),
];

/// Ordinals of the parts of a year, in words and Roman numerals.
const ORDINALS: [(&str, u8); 12] = [
    ("primo", 1),
    ("secondo", 2),
    ("terzo", 3),
    ("quarto", 4),
    ("quinto", 5),
    ("sesto", 6),
    ("i", 1),
    ("ii", 2),
    ("iii", 3),
    ("iv", 4),
    ("v", 5),
    ("vi", 6),
];

/// One whole word of `words`, any case, read as its value.
fn word_of<'a>(words: &'static [(&'static str, u8)]) -> impl Fn(&'a str) -> IResult<&'a str, u8> {
    move |input: &'a str| {
        words
            .iter()
            .find_map(|&(word, value)| {
                let (rest, _) = terminated(tag_no_case_ascii(word), word_end)
                    .parse(input)
                    .ok()?;
                Some((rest, value))
            })
            .ok_or_else(|| nom::Err::Error(Error::new(input, ErrorKind::Tag)))
    }
}

/// wrapped_due_start = (textual_day_month | numeric_day_month " di")
///                     [" di"] [" ogni"] end
fn wrapped_due_start(input: &str) -> IResult<&str, ()> {
    let numeric_then_di = terminated(numeric_day_month, tag_no_case_ascii(" di"));
    let opening = alt((textual_day_month, numeric_then_di));
    let tail = (
        opt(tag_no_case_ascii(" di")),
        opt(tag_no_case_ascii(" ogni")),
        eof,
    );
    value((), (opening, tail)).parse(input)
}

/// Italian month names, then their abbreviations, longest first where one
/// begins another.
const MONTH_NAMES: [(&str, u8); 25] = [
    ("gennaio", 1),
    ("febbraio", 2),
    ("marzo", 3),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("agosto", 8),
    ("settembre", 9),
    ("ottobre", 10),
    ("novembre", 11),
    ("dicembre", 12),
    ("gen", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("mag", 5),
    ("giu", 6),
    ("lug", 7),
    ("ago", 8),
    ("sett", 9),
    ("set", 9),
    ("ott", 10),
    ("nov", 11),
    ("dic", 12),
];

/// month_name = a whole month name or abbreviation, any case, ["."]
fn month_name(input: &str) -> IResult<&str, u8> {
    let (rest, month) = word_of(&MONTH_NAMES)(input)?;
    Ok((rest.strip_prefix('.').unwrap_or(rest), month))
}

/// every_year = " " ["di "] "ogni anno", a whole word
fn every_year(input: &str) -> IResult<&str, WrittenYear> {
    let words = (
        char(' '),
        opt(tag_no_case_ascii("di ")),
        alt((
            tag_no_case_ascii("ogni anno"),
            tag_no_case_ascii("ciascun anno"),
        )),
        word_end,
    );
    value(WrittenYear::Every, words).parse(input)
}

/// year = 4 digits | split_year | 3 digits (cut) | 2 digits (20yy),
/// none followed by a digit
fn year(input: &str) -> IResult<&str, WrittenYear> {
    alt((
        map(digits(4), WrittenYear::Whole),
        split_year,
        map(digits(3), WrittenYear::Cut),
        map(digits(2), |short| WrittenYear::Whole(2000 + short)),
    ))
    .parse(input)
}

/// split_year = 1-3 digits " " 1-3 digits, four digits in all ("202 1")
fn split_year(input: &str) -> IResult<&str, WrittenYear> {
    let some_digits = || take_while_m_n(1, 3, |c: char| c.is_ascii_digit());
    let halves = terminated((some_digits(), char(' '), some_digits()), not(digit));
    map_opt(halves, |(head, _, tail): (&str, char, &str)| {
        if head.len() + tail.len() != 4 {
            return None;
        }
        format!("{head}{tail}").parse().ok().map(WrittenYear::Split)
    })
    .parse(input)
}

/// Exactly `count` digits, not followed by another.
fn digits<'a>(count: usize) -> impl FnMut(&'a str) -> IResult<&'a str, u16> {
    move |input| {
        let exact = take_while_m_n(count, count, |c: char| c.is_ascii_digit());
        terminated(map_res(exact, str::parse), not(digit)).parse(input)
    }
}

/// small_number = 1-2 digits (a day or a month)
fn small_number(input: &str) -> IResult<&str, u8> {
    map_res(
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        str::parse,
    )
    .parse(input)
}

/// separator = "." | "/" | "-"
fn separator(input: &str) -> IResult<&str, char> {
    one_of("./-").parse(input)
}

/// digit = an ASCII digit
fn digit(input: &str) -> IResult<&str, char> {
    satisfy(|c| c.is_ascii_digit()).parse(input)
}

/// A tag in any case, as nom's `tag_no_case`, compared byte by byte: the
/// tags of this grammar are ASCII without a "k" (the one ASCII letter a
/// non-ASCII character, the Kelvin sign, lowercases to), so this is the same
/// test without decoding and lowercasing every character.
fn tag_no_case_ascii<'a>(tag: &'static str) -> impl Fn(&'a str) -> IResult<&'a str, &'a str> {
    move |input: &'a str| match input.as_bytes().get(..tag.len()) {
        Some(head) if head.eq_ignore_ascii_case(tag.as_bytes()) => {
            Ok((&input[tag.len()..], &input[..tag.len()]))
        }
        _ => Err(nom::Err::Error(Error::new(input, ErrorKind::Tag))),
    }
}

/// word_end = the end of the text or a character that is not a letter or digit
fn word_end(input: &str) -> IResult<&str, ()> {
    not(satisfy(char::is_alphanumeric)).parse(input)
}

#[cfg(test)]
mod tests;
