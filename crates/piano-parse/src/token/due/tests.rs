//! Tests of the due-date grammar.

use piano_model::{Precision, Recurrence};

use super::*;

/// What a due cell should give: date in ISO form, multiyear, note, repaired.
type Expected<'a> = (Option<&'a str>, bool, Option<&'a str>, bool);

fn check(input: &str, plan_year: Option<u16>, expected: Expected<'_>) {
    let parsed = parse_due(input, plan_year);
    let due = &parsed.due;
    let date = due.date.map(|date| date.to_string());
    let actual = (
        date.as_deref(),
        due.multiyear,
        due.note.as_deref(),
        parsed.repaired,
    );
    assert_eq!(actual, expected, "input {input:?}, plan year {plan_year:?}");
    assert_eq!(due.raw, normalize_space(input), "raw of {input:?}");
}

proptest::proptest! {
    #[test]
    fn the_multiyear_test_agrees_with_the_pattern(text in "(plur|PLUR|i|I|İ|ı|ennale|ENNALE|ſ| |x){0,6}") {
        proptest::prop_assert_eq!(mentions_multiyear(&text), MULTIYEAR.is_match(&text));
    }
}

#[test]
fn month_names_suit_the_ascii_tag() {
    for (name, _) in MONTH_NAMES.iter().chain(&ORDINALS).chain(&YEAR_PARTS) {
        assert!(name.is_ascii() && !name.contains('k'), "{name}");
    }
}

#[test]
fn reads_due_cells() {
    #[rustfmt::skip]
        let cases: &[(&str, Option<u16>, Expected<'_>)] = &[
            // Numeric dates.
            ("31.12.2021", None, (Some("2021-12-31"), false, None, false)),
            ("31/12/2021", None, (Some("2021-12-31"), false, None, false)),
            ("31-12-2021", None, (Some("2021-12-31"), false, None, false)),
            ("1.3.2021", None, (Some("2021-03-01"), false, None, false)),
            ("01.10.2021", None, (Some("2021-10-01"), false, None, false)),
            ("31-12-21", None, (Some("2021-12-31"), false, None, false)),
            ("31.12.21", None, (Some("2021-12-31"), false, None, false)),
            (" 31.12.2021\t", None, (Some("2021-12-31"), false, None, false)),
            ("29.02.2024", None, (Some("2024-02-29"), false, None, false)),
            // A separator slipped, the year in full.
            ("31,08.2022", None, (Some("2022-08-31"), false, None, false)),
            ("31.03:2022", None, (Some("2022-03-31"), false, None, false)),
            ("31,08,22", None, (None, false, None, false)),
            // Years broken by the extraction.
            ("31.12.202 1", None, (Some("2021-12-31"), false, None, true)),
            ("31.12.20 21", None, (Some("2021-12-31"), false, None, true)),
            ("31.12.2 021", None, (Some("2021-12-31"), false, None, true)),
            ("31.12.202  1", None, (Some("2021-12-31"), false, None, true)),
            ("31.12.202", Some(2021), (Some("2021-12-31"), false, None, true)),
            ("31.12.202", None, (None, false, None, false)),
            ("31.12.202", Some(2019), (None, false, None, false)),
            ("31.12.202 15 giorni", Some(2021), (Some("2021-12-31"), false, Some("15 giorni"), true)),
            ("31.02.202 1", None, (None, false, None, false)),
            // Month names.
            ("31 dicembre 2021", None, (Some("2021-12-31"), false, None, false)),
            ("1° dicembre 2021", None, (Some("2021-12-01"), false, None, false)),
            ("1 ° dicembre 2021", None, (Some("2021-12-01"), false, None, false)),
            ("1º Dicembre 2021", None, (Some("2021-12-01"), false, None, false)),
            ("10 dicembre 2021", None, (Some("2021-12-10"), false, None, false)),
            ("10 DICEMBRE 2021", None, (Some("2021-12-10"), false, None, false)),
            ("31-dic-22", None, (Some("2022-12-31"), false, None, false)),
            ("15-ott-2022", None, (Some("2022-10-15"), false, None, false)),
            ("ogni anno entro il 31.01", None, (Some("--01-31"), false, None, false)),
            ("31 marzo di ciascun anno", None, (Some("--03-31"), false, None, false)),
            ("entro il 31.07 di ciascun anno", None, (Some("--07-31"), false, None, false)),
            ("annualmente entro il 31.03", None, (Some("--03-31"), false, None, false)),
            // Periods: due at their end, their start in the note.
            ("dal 01.01.2022 al 31.12.2022", None, (Some("2022-12-31"), false, Some("dal 01.01.2022"), false)),
            ("30.06.2022 - 31.12.2022", None, (Some("2022-12-31"), false, Some("dal 30.06.2022"), false)),
            ("30/06/2022–31/12/2022", None, (Some("2022-12-31"), false, Some("dal 30/06/2022"), false)),
            ("dal 15.06.2024 al 10.09.2024 (lavori estivi)", None, (Some("2024-09-10"), false, Some("dal 15.06.2024 lavori estivi"), false)),
            ("15 gen 2022", None, (Some("2022-01-15"), false, None, false)),
            ("15 Feb. 2022", None, (Some("2022-02-15"), false, None, false)),
            ("30 sett. 2021", None, (Some("2021-09-30"), false, None, false)),
            ("30 set 2021", None, (Some("2021-09-30"), false, None, false)),
            ("30 settembre 2021", None, (Some("2021-09-30"), false, None, false)),
            ("31 mar 2021", None, (Some("2021-03-31"), false, None, false)),
            ("31 marzo 2021", None, (Some("2021-03-31"), false, None, false)),
            ("31 dic 202 1", None, (Some("2021-12-31"), false, None, true)),
            ("novembre 2021", None, (Some("2021-11"), false, None, false)),
            ("Giugno 2022", None, (Some("2022-06"), false, None, false)),
            ("nov. 2021", None, (Some("2021-11"), false, None, false)),
            ("novembre 202 1", None, (Some("2021-11"), false, None, true)),
            // Parts of a year: due by the end of their last month.
            ("IV trimestre 2024", None, (Some("2024-12"), false, None, false)),
            ("entro il I semestre 2025", None, (Some("2025-06"), false, None, false)),
            ("3° trimestre 2024", None, (Some("2024-09"), false, None, false)),
            ("primo quadrimestre 2024", None, (Some("2024-04"), false, None, false)),
            ("V trimestre 2024", None, (None, false, None, false)),
            ("0 trimestre 2024", None, (None, false, None, false)),
            // Leading prepositions are not notes.
            ("entro il 30.06.2021", None, (Some("2021-06-30"), false, None, false)),
            ("Entro il 30.06.2021", None, (Some("2021-06-30"), false, None, false)),
            ("entro 30/06/2021", None, (Some("2021-06-30"), false, None, false)),
            ("al 31.12.2021", None, (Some("2021-12-31"), false, None, false)),
            ("il 31.12.2021", None, (Some("2021-12-31"), false, None, false)),
            ("entro al 31.12.2021", None, (Some("2021-12-31"), false, None, false)),
            ("entro novembre 2021", None, (Some("2021-11"), false, None, false)),
            // Every year.
            ("31.12 di ogni anno", None, (Some("--12-31"), false, None, false)),
            ("31/12 di ogni anno", None, (Some("--12-31"), false, None, false)),
            ("1 dicembre di ogni anno", None, (Some("--12-01"), false, None, false)),
            ("1 maggio di ogni anno", None, (Some("--05-01"), false, None, false)),
            ("29.02 di ogni anno", None, (Some("--02-29"), false, None, false)),
            ("entro il 31.12 di ogni anno", None, (Some("--12-31"), false, None, false)),
            ("31.12 ogni anno", None, (Some("--12-31"), false, None, false)),
            // Multiyear.
            ("31.12.2021 pluriennale", None, (Some("2021-12-31"), true, None, false)),
            ("31.12 di ogni anno (pluriennale)", None, (Some("--12-31"), true, None, false)),
            ("31.12 di ogni anno (pluriennale", None, (Some("--12-31"), true, None, false)),
            ("31.12 di ogni anno (PLURIENNALE)", None, (Some("--12-31"), true, None, false)),
            ("Pluriennale 31.12.2021", None, (Some("2021-12-31"), true, None, false)),
            ("pluriennale", None, (None, true, None, false)),
            ("(pluriennale)", None, (None, true, None, false)),
            // Notes.
            (
                "31.01.2022 (salvo diverso termine indicato dall'ANAC)",
                None,
                (Some("2022-01-31"), false, Some("salvo diverso termine indicato dall'ANAC"), false),
            ),
            (
                "31.01.2022(salvo diverso termine indicato dall'ANAC)",
                None,
                (Some("2022-01-31"), false, Some("salvo diverso termine indicato dall'ANAC"), false),
            ),
            (
                "31.12.2021 (pluriennale) salvo proroga",
                None,
                (Some("2021-12-31"), true, Some("salvo proroga"), false),
            ),
            ("31.12.2021 - salvo proroga", None, (Some("2021-12-31"), false, Some("salvo proroga"), false)),
            ("31.12.2021.", None, (Some("2021-12-31"), false, None, false)),
            ("Report entro il 31.12.2021", None, (Some("2021-12-31"), false, Some("Report"), false)),
            ("31.12.2021 2022", None, (Some("2021-12-31"), false, Some("2022"), false)),
            // No date.
            ("31.02.2021", None, (None, false, None, false)),
            ("31.04.2021 (nota)", None, (None, false, Some("nota"), false)),
            ("32.12.2021", None, (None, false, None, false)),
            ("31.13.2021", None, (None, false, None, false)),
            ("0.12.2021", None, (None, false, None, false)),
            ("31.12.20211", None, (None, false, None, false)),
            ("131.12.2021", None, (None, false, None, false)),
            ("31.12", None, (None, false, None, false)),
            ("1 dicembre", None, (None, false, None, false)),
            ("dicembre", None, (None, false, None, false)),
            ("Produzione di specifico report.", None, (None, false, None, false)),
            ("Rispetto del limite temporale di pagamento entro 30 gg.", None, (None, false, None, false)),
            ("20%", None, (None, false, None, false)),
            ("1.1", None, (None, false, None, false)),
            ("", None, (None, false, None, false)),
            ("marted\u{ec} 2021", None, (None, false, None, false)),
        ];
    for &(input, plan_year, expected) in cases {
        check(input, plan_year, expected);
    }
}

#[test]
fn takes_the_plan_year_where_a_cell_names_a_month_alone() {
    #[rustfmt::skip]
    let cases = [
        ("entro dicembre", Some(2024), Some("2024-12")),
        ("Entro il 31 marzo", Some(2024), Some("2024-03-31")),
        ("30 giugno.", Some(2023), Some("2023-06-30")),
        ("dicembre", None, None),
        // Not a month alone: a note naming one, a number, a day and month
        // in figures (a phase's number reads so).
        ("Relazione di dicembre", Some(2024), None),
        ("31.12", Some(2024), None),
        ("1.1", Some(2024), None),
    ];
    for (cell, plan_year, date) in cases {
        let parsed = parse_due(cell, plan_year);
        let read = parsed.due.date.map(|date| date.to_string());
        assert_eq!(read.as_deref(), date, "{cell:?}");
        assert_eq!(parsed.year_from_plan, date.is_some(), "{cell:?}");
        assert_eq!(parsed.due.note, None, "{cell:?}");
    }
    // The plan's year is no evidence of itself.
    assert_eq!(due_year("entro dicembre"), None);
}

#[test]
fn raw_keeps_the_cell_as_written_whitespace_normalised() {
    let cases = [
        ("31.12.202 1", "31.12.202 1"),
        ("31.12.202", "31.12.202"),
        ("31.01.2022(salvo)", "31.01.2022(salvo)"),
        (
            "31.12 di\togni  anno (pluriennale)",
            "31.12 di ogni anno (pluriennale)",
        ),
        ("Da definire", "Da definire"),
    ];
    for (input, expected) in cases {
        assert_eq!(
            parse_due(input, Some(2021)).due.raw,
            expected,
            "input {input:?}"
        );
    }
}

#[test]
fn sets_precision_and_recurrence_from_the_date() {
    let cases = [
        ("31.12.2021", Some(Precision::Day), None),
        ("novembre 2021", Some(Precision::Month), None),
        (
            "31.12 di ogni anno",
            Some(Precision::Day),
            Some(Recurrence::Yearly),
        ),
        ("31.02.2021", None, None),
    ];
    for (input, precision, recurrence) in cases {
        let due = parse_due(input, None).due;
        assert_eq!(
            (due.precision, due.recurrence),
            (precision, recurrence),
            "input {input:?}"
        );
    }
}

#[test]
fn tells_due_cells_by_content() {
    let cases = [
        ("31.12.2021", true),
        ("entro il 30.06.2021", true),
        ("al 31.12.2021", true),
        ("novembre 2021", true),
        ("10 dicembre 2021", true),
        ("31.12 di ogni anno (pluriennale)", true),
        ("31.12 di ogni anno (pluriennale", true),
        ("1 dicembre di ogni anno", true),
        ("31.12.202 1", true),
        ("31.12.202", true),
        ("31.02.2021", true),
        ("31.12.2021 pluriennale", true),
        ("31.01.2022(salvo diverso termine indicato dall'ANAC)", true),
        ("pluriennale", true),
        ("(Pluriennale)", true),
        ("31.12 di", true),
        ("1 dicembre", true),
        ("1 maggio di ogni", true),
        ("31.12 di ogni", true),
        ("(31.12.2021)", true),
        ("‘28/02/2023", true),
        ("(31.12)", false),
        ("31.12", false),
        ("1.1", false),
        ("12.5", false),
        ("1.1.", false),
        ("1 dicembre festa", false),
        ("ogni anno", false),
        ("di ogni", false),
        ("anno", false),
        ("Produzione di specifico report.", false),
        (
            "Rispetto del limite temporale di pagamento entro 30 gg.",
            false,
        ),
        ("Report entro il 31.12.2021", false),
        ("20%", false),
        ("(50%)", false),
        ("5", false),
        ("2021", false),
        ("", false),
        ("pluriennale e oltre", false),
    ];
    for (input, expected) in cases {
        assert_eq!(looks_like_due(input), expected, "input {input:?}");
    }
}

#[test]
fn gives_whole_years_only() {
    let cases = [
        ("31.12.2021", Some(2021)),
        ("31.12.21", Some(2021)),
        ("entro il 30.06.2022", Some(2022)),
        ("novembre 2021", Some(2021)),
        ("31.01.2022 (salvo diverso termine)", Some(2022)),
        ("31.12.202 1", None),
        ("31.12.202", None),
        ("31.12 di ogni anno", None),
        ("31.02.2021", None),
        ("pluriennale", None),
        ("Produzione di specifico report.", None),
    ];
    for (input, expected) in cases {
        assert_eq!(due_year(input), expected, "input {input:?}");
    }
}

proptest::proptest! {
    #[test]
    fn never_panics(cell in "\\PC*", plan_year in proptest::option::of(proptest::num::u16::ANY)) {
        let _ = parse_due(&cell, plan_year);
        let _ = looks_like_due(&cell);
        let _ = due_year(&cell);
    }

    #[test]
    fn never_panics_on_date_like_text(
        cell in "[0-9 ./°()-]{0,20}(di ogni anno|dic|pluriennale|entro il )?[0-9 .]{0,6}",
        plan_year in proptest::option::of(proptest::num::u16::ANY),
    ) {
        let parsed = parse_due(&cell, plan_year);
        proptest::prop_assert!(!parsed.repaired || parsed.due.date.is_some());
    }

    #[test]
    fn reads_every_calendar_day(year in 1900u16..2100, month in 1u8..=12, day in 1u8..=31) {
        let cell = format!("{day:02}.{month:02}.{year}");
        let expected = DueDate::day(year, month, day);
        proptest::prop_assert_eq!(parse_due(&cell, None).due.date, expected);
    }
}
