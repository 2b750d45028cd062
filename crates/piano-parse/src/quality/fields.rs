//! Reasons read in the values the rows hold: a text field that holds the
//! values of other rows (`fields-overrun`), and heads whose names repeat
//! their own words (`heads-repeated`). Neither leaves a diagnostic: the
//! reader took what it read for what it looked like.

use piano_model::{DueDate, Entry, Plan, ReasonCode};

use super::unplaced::is_value;
use super::{Finding, count};
use crate::token::due::parse_due;
use crate::token::weight::is_weight;

/// Fewest weights and dates in one text field that make it read as rows of
/// a table run into it: one is an indicator's target ("100%") or a
/// deadline in prose, two are a table's row and the next.
const OVERRUN_VALUES: usize = 2;

/// The findings of the values of `plan`'s rows, zero counts included.
pub fn findings(plan: &Plan) -> Vec<Finding> {
    let rows: Vec<&Entry> = plan
        .structures
        .iter()
        .flat_map(|structure| &structure.objectives)
        .flat_map(|objective| std::iter::once(&objective.entry).chain(&objective.phases))
        .collect();
    vec![
        Finding::new(
            ReasonCode::FieldsOverrun,
            count(rows.iter().filter(|entry| overrun(entry)).count()),
        ),
        Finding::new(
            ReasonCode::HeadsRepeated,
            count(rows.iter().filter(|entry| heads_repeated(entry)).count()),
        ),
    ]
}

/// Whether one of `entry`'s text fields holds [`OVERRUN_VALUES`] weights or
/// dates or more ("a) Avvio (20%) b) Verifica (20%) 28/02/2021": a phase
/// table read as the last field of a card), or its achievement note is a
/// bare percentage while it has no achievement: the percent reached,
/// placed in the note's column.
fn overrun(entry: &Entry) -> bool {
    achievement_in_note(entry) || values_overrun(entry)
}

/// Whether `entry` has no achievement and its note is one weight alone
/// ("85,50%"): the achievement's column read as the note's.
fn achievement_in_note(entry: &Entry) -> bool {
    entry.achievement.is_none() && entry.achievement_note.as_deref().is_some_and(is_weight)
}

/// Whether one of `entry`'s text fields holds [`OVERRUN_VALUES`] weights or
/// dates or more, or its responsible holds one: a person or an office is
/// named without a weight or a date, so one there is another cell's (a
/// card's phase row read into its last field, the responsible).
fn values_overrun(entry: &Entry) -> bool {
    let fields = [
        Some(entry.description.as_str()),
        entry.indicators.as_deref(),
        entry.expected.as_deref(),
    ];
    let responsible_valued = entry
        .responsible
        .as_deref()
        .is_some_and(|name| values_in(name) > 0);
    responsible_valued
        || fields
            .into_iter()
            .flatten()
            .any(|text| values_in(text) >= OVERRUN_VALUES)
}

/// How many weights and full dates `text` holds, a percentage written with
/// a space before its sign ("33,00 %") counting as one, and so a date
/// written with its month's name (day, month, year: three words).
fn values_in(text: &str) -> usize {
    let glued = text
        .split('%')
        .map(str::trim_end)
        .collect::<Vec<_>>()
        .join("%");
    let words: Vec<&str> = glued.split_whitespace().collect();
    let mut values = 0;
    let mut at = 0;
    while at < words.len() {
        let worded = words
            .get(at..at + WORDED_DATE_WORDS)
            .is_some_and(is_worded_date);
        if worded {
            values += 1;
            at += WORDED_DATE_WORDS;
        } else {
            values += usize::from(is_value(words[at]));
            at += 1;
        }
    }
    values
}

/// Words of a date written with its month's name: day, month, year.
const WORDED_DATE_WORDS: usize = 3;

/// Whether `words` are a day, a month's name and a year the due grammar
/// reads as one full date.
fn is_worded_date(words: &[&str]) -> bool {
    let [day, _, year] = words else {
        return false;
    };
    let digits = |word: &str| !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit());
    digits(day)
        && digits(year)
        && year.len() == 4
        && matches!(
            parse_due(&words.join(" "), None).due.date,
            Some(DueDate::Day { .. })
        )
}

/// Whether a head `entry` is weighed by has a name that repeats a run of
/// its own words at once ("Area Tecnica Tecnica", "Ufficio Uno Ufficio
/// Uno"): a header wrapped over two lines whose second line was joined
/// twice, or a header joined with its copy repeated over a page break.
fn heads_repeated(entry: &Entry) -> bool {
    entry
        .weights_by_head
        .iter()
        .any(|weight| repeats_words(&weight.head))
}

/// Whether `name` holds a run of words followed at once by the same run.
fn repeats_words(name: &str) -> bool {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    (1..=words.len() / 2).any(|run| {
        words
            .windows(2 * run)
            .any(|window| window[..run] == window[run..])
    })
}

#[cfg(test)]
mod tests {
    use piano_model::HeadWeight;

    use super::*;
    use crate::quality::tests::{finding_of, read};

    #[test]
    fn a_field_holding_two_rows_values_overruns() {
        let plan = read(
            "STRUTTURA: A\nN.\tDescrizione\tPeso\tIndicatori\n\
             1\tPrimo\t100%\talfa (20%) beta (30%) 28/02/2021\n",
        );
        assert_eq!(finding_of(&plan, ReasonCode::FieldsOverrun), 1);
    }

    #[test]
    fn weights_written_with_a_space_before_their_sign_are_values() {
        // A phase table without a header read into a card's last field.
        let plan = read(
            "STRUTTURA: A\nN.\tDescrizione\tPeso\tIndicatori\n\
             1\tPrimo\t100%\talfa 33,00 % beta 33,00 %\n",
        );
        assert_eq!(finding_of(&plan, ReasonCode::FieldsOverrun), 1);
        assert_eq!(values_in("alfa (5,5 %) beta 20 % gamma"), 2);
        assert_eq!(values_in("pratiche evase al 100 %"), 1);
    }

    #[test]
    fn dates_written_with_the_month_name_are_values() {
        // A phase table with bare weights and dates in words read into a
        // card's last field.
        assert_eq!(
            values_in(
                "Testo. Fase 1 Alfa 20 entro il 15 dicembre 2022 Fase 2 Beta 80 entro il 1 giugno 2023"
            ),
            2
        );
        assert_eq!(values_in("Testo entro il 31 dicembre 2022"), 1);
        assert_eq!(values_in("stagione 2021 dicembre 2022 e 15 ottobre"), 0);
    }

    #[test]
    fn a_responsible_holding_a_date_overruns() {
        let mut entry = Entry {
            description: "Primo".to_owned(),
            responsible: Some("Anna Giordano".to_owned()),
            ..Entry::default()
        };
        assert!(!overrun(&entry));
        entry.responsible =
            Some("Anna Giordano 1 Pubblicazione 100 entro il 31 maggio 2023".to_owned());
        assert!(overrun(&entry));
        // A target in an indicator's text is one value: the document's.
        entry.responsible = None;
        entry.indicators = Some("pratiche evase al 100% entro il 31 maggio 2023".to_owned());
        assert!(overrun(&entry));
        entry.indicators = Some("pratiche evase al 100%".to_owned());
        assert!(!overrun(&entry));
    }

    #[test]
    fn an_achievement_read_into_its_note_overruns() {
        let mut entry = Entry {
            description: "Primo".to_owned(),
            ..Entry::default()
        };
        entry.achievement_note = Some("85,50%".to_owned());
        assert!(overrun(&entry));
        // With its achievement read, a note repeating it is the document's.
        entry.achievement = Some(85.5);
        assert!(!overrun(&entry));
        // A note that says something is a note.
        entry.achievement = None;
        entry.achievement_note = Some("In attesa del parere (80%)".to_owned());
        assert!(!overrun(&entry));
    }

    #[test]
    fn a_field_with_one_value_does_not_overrun() {
        let plan = read(
            "STRUTTURA: A\nN.\tDescrizione\tPeso\tIndicatori\n\
             1\tPrimo\t100%\tpratiche evase al 100%\n",
        );
        assert_eq!(finding_of(&plan, ReasonCode::FieldsOverrun), 0);
    }

    #[test]
    fn a_head_whose_name_repeats_its_words_is_found() {
        assert!(repeats_words("Area Tecnica Tecnica"));
        assert!(repeats_words("Ufficio Uno Ufficio Uno"));
        assert!(!repeats_words("Area Tecnica"));
        assert!(!repeats_words("Servizi alla Persona e alla Famiglia"));
    }

    #[test]
    fn a_row_weighed_by_a_repeated_head_is_counted() {
        let weighed = |head: &str| Entry {
            weights_by_head: vec![HeadWeight {
                head: head.to_owned(),
                weight: 50.0,
            }],
            ..Entry::default()
        };
        assert!(heads_repeated(&weighed("Ufficio Alfa Alfa")));
        assert!(!heads_repeated(&weighed("Ufficio Alfa")));
    }
}
