//! Reasons read in the values the rows hold: a text field that holds the
//! values of other rows (`fields-overrun`), and heads whose names repeat
//! their own words (`heads-repeated`). Neither leaves a diagnostic: the
//! reader took what it read for what it looked like.

use piano_model::{Entry, Plan, ReasonCode};

use super::unplaced::is_value;
use super::{Finding, count};

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
        Finding {
            code: ReasonCode::FieldsOverrun,
            count: count(rows.iter().filter(|entry| overrun(entry)).count()),
        },
        Finding {
            code: ReasonCode::HeadsRepeated,
            count: count(rows.iter().filter(|entry| heads_repeated(entry)).count()),
        },
    ]
}

/// Whether one of `entry`'s text fields holds [`OVERRUN_VALUES`] weights or
/// dates or more ("a) Avvio (20%) b) Verifica (20%) 28/02/2021": a phase
/// table read as the last field of a card).
fn overrun(entry: &Entry) -> bool {
    let fields = [
        Some(entry.description.as_str()),
        entry.indicators.as_deref(),
        entry.expected.as_deref(),
        entry.responsible.as_deref(),
    ];
    fields.into_iter().flatten().any(|text| {
        text.split_whitespace()
            .filter(|word| is_value(word))
            .count()
            >= OVERRUN_VALUES
    })
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
