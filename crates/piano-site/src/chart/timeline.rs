//! The timeline of due dates: one column per month, as tall as the number
//! of objectives and phases that fall due in it.
//!
//! A day and a month date fall in their month; a date that recurs every year
//! ("31.12 di ogni anno") falls in its month of the plan's year, and is left
//! out (and counted in the description) when the plan has no year. Months
//! run without gaps from the first due to the last while they span at most
//! 36 months; a longer span shows only the months something falls due in.

use std::collections::BTreeMap;

use piano_model::{DueDate, Entry, Plan};

use super::{WIDTH, tenth};
use crate::label;

/// The longest span of months drawn without gaps.
const MAX_SPAN: usize = 36;
/// Height of the tallest column.
const PLOT_HEIGHT: f64 = 160.0;
/// Space above the tallest column, for its count.
const TOP: f64 = 20.0;
/// Space under the baseline, for the month and year.
const BOTTOM: f64 = 36.0;
/// Part of a month's width its column takes.
const BAR_SHARE: f64 = 0.7;
/// Narrowest month that fits three letters of its name; narrower ones
/// show the first letter (the full name is in the column's title and in
/// the table beside the chart).
const THREE_LETTERS_MIN_WIDTH: f64 = 24.0;

/// The timeline of a plan, ready to draw.
#[derive(Debug)]
pub struct Timeline {
    /// The chart's width, in SVG user units.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// Where the columns stand.
    pub baseline: f64,
    /// One column per month shown, in order.
    pub columns: Vec<Column>,
    /// What the chart shows, in a sentence for assistive technology.
    pub description: String,
}

/// One month of the timeline.
#[derive(Debug)]
pub struct Column {
    /// The month in full: "novembre 2021".
    pub month: String,
    /// Its first three letters, drawn under the column.
    pub short: String,
    /// The year, drawn under the first column and under each January.
    pub year: Option<String>,
    /// The column's centre.
    pub centre: f64,
    /// The bar's left edge.
    pub bar_x: f64,
    /// The bar's width.
    pub bar_width: f64,
    /// The bar's top.
    pub bar_y: f64,
    /// The bar's height (0 for a month with nothing due).
    pub bar_height: f64,
    /// Objectives due in the month.
    pub objectives: usize,
    /// Phases due in the month.
    pub phases: usize,
}

impl Column {
    /// Everything due in the month.
    pub fn total(&self) -> usize {
        self.objectives + self.phases
    }
}

/// How many objectives and phases fall due in one month.
#[derive(Debug, Default, Clone, Copy)]
struct Due {
    objectives: usize,
    phases: usize,
}

/// The timeline of `plan`, or `None` when no due date was read.
pub fn chart(plan: &Plan) -> Option<Timeline> {
    let mut months: BTreeMap<(u16, u8), Due> = BTreeMap::new();
    let mut yearly_without_year = 0;
    for objective in plan.structures.iter().flat_map(|s| &s.objectives) {
        let rows = std::iter::once((&objective.entry, true))
            .chain(objective.phases.iter().map(|phase| (phase, false)));
        for (entry, is_objective) in rows {
            let Some(date) = due_date(entry) else {
                continue;
            };
            let Some(month) = month_of(date, plan.year) else {
                yearly_without_year += 1;
                continue;
            };
            let due = months.entry(month).or_default();
            match is_objective {
                true => due.objectives += 1,
                false => due.phases += 1,
            }
        }
    }
    let (&first, _) = months.first_key_value()?;
    let (&last, _) = months.last_key_value()?;
    let shown: Vec<(u16, u8)> = match span(first, last) <= MAX_SPAN {
        true => month_range(first, last),
        false => months.keys().copied().collect(),
    };
    let tallest = months.values().map(|d| d.objectives + d.phases).max()?;
    let step = WIDTH / shown.len() as f64;
    let baseline = TOP + PLOT_HEIGHT;
    let mut previous_year = None;
    let columns = shown
        .iter()
        .enumerate()
        .map(|(index, &(year, month))| {
            let due = months.get(&(year, month)).copied().unwrap_or_default();
            let height = PLOT_HEIGHT * (due.objectives + due.phases) as f64 / tallest as f64;
            let centre = step * (index as f64 + 0.5);
            let year_label = (previous_year != Some(year)).then(|| year.to_string());
            previous_year = Some(year);
            Column {
                month: label::month_year(year, month),
                short: match step >= THREE_LETTERS_MIN_WIDTH {
                    true => label::month_short(month),
                    false => label::month_short(month).chars().take(1).collect(),
                },
                year: year_label,
                centre: tenth(centre),
                bar_x: tenth(centre - step * BAR_SHARE / 2.0),
                bar_width: tenth(step * BAR_SHARE),
                bar_y: tenth(baseline - height),
                bar_height: tenth(height),
                objectives: due.objectives,
                phases: due.phases,
            }
        })
        .collect();
    let dated: usize = months.values().map(|d| d.objectives + d.phases).sum();
    let mut description = format!(
        "Scadenze di obiettivi e fasi per mese, da {} a {}: {dated} in tutto, al massimo {tallest} in un mese.",
        label::month_year(first.0, first.1),
        label::month_year(last.0, last.1),
    );
    if yearly_without_year > 0 {
        description.push_str(&format!(
            " {yearly_without_year} scadenze ricorrenti ogni anno non sono mostrate, perché il piano non ha un anno."
        ));
    }
    Some(Timeline {
        width: WIDTH,
        height: baseline + BOTTOM,
        baseline,
        columns,
        description,
    })
}

/// The date of a row's due cell, when one was read.
fn due_date(entry: &Entry) -> Option<DueDate> {
    entry.due.as_ref()?.date
}

/// The month `date` falls in; a yearly date in `year`'s, if there is one.
fn month_of(date: DueDate, year: Option<u16>) -> Option<(u16, u8)> {
    match date {
        DueDate::Day { year, month, .. } | DueDate::Month { year, month } => Some((year, month)),
        DueDate::Yearly { month, .. } => Some((year?, month)),
    }
}

/// The number of months from `first` to `last`, both counted.
fn span(first: (u16, u8), last: (u16, u8)) -> usize {
    let index = |(year, month): (u16, u8)| usize::from(year) * 12 + usize::from(month);
    index(last).saturating_sub(index(first)) + 1
}

/// Every month from `first` to `last`, both included.
fn month_range(first: (u16, u8), last: (u16, u8)) -> Vec<(u16, u8)> {
    let mut months = vec![first];
    let mut current = first;
    while current < last {
        current = match current {
            (year, 12) => (year + 1, 1),
            (year, month) => (year, month + 1),
        };
        months.push(current);
    }
    months
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use piano_model::{Due as DueCell, Objective, Source, SourceFormat};

    fn entry(number: &str, date: Option<DueDate>) -> Entry {
        Entry {
            number: number.to_owned(),
            due: Some(DueCell::new(String::new(), date, false, None)),
            ..Entry::default()
        }
    }

    fn day(year: u16, month: u8) -> Option<DueDate> {
        DueDate::day(year, month, 1)
    }

    fn plan(year: Option<u16>, rows: Vec<(Option<DueDate>, Vec<Option<DueDate>>)>) -> Plan {
        let mut plan = Plan::new(Source::from_bytes("p.txt", b"x", SourceFormat::Text));
        plan.year = year;
        let objectives = rows
            .into_iter()
            .enumerate()
            .map(|(index, (due, phases))| Objective {
                entry: entry(&(index + 1).to_string(), due),
                category: None,
                phases: phases.into_iter().map(|d| entry("1.1", d)).collect(),
            })
            .collect();
        plan.structures
            .push(fixture::structure(1, "Settore".into(), objectives));
        plan
    }

    #[test]
    fn months_between_dues_are_shown_empty() {
        let plan = plan(
            Some(2021),
            vec![
                (day(2021, 11), vec![day(2021, 11), day(2022, 1)]),
                (day(2021, 11), vec![]),
            ],
        );
        let timeline = chart(&plan).expect("dates give a timeline");
        let months: Vec<&str> = timeline.columns.iter().map(|c| c.month.as_str()).collect();
        assert_eq!(months, ["novembre 2021", "dicembre 2021", "gennaio 2022"]);
        let [november, december, january] = &timeline.columns[..] else {
            panic!("three months expected");
        };
        assert_eq!((november.objectives, november.phases), (2, 1));
        assert_eq!(december.total(), 0);
        assert_eq!(december.bar_height, 0.0);
        assert_eq!(november.bar_height, PLOT_HEIGHT);
        assert!((january.bar_height - PLOT_HEIGHT / 3.0).abs() < 0.1);
        assert_eq!(november.bar_y + november.bar_height, timeline.baseline);
        assert_eq!(november.year.as_deref(), Some("2021"));
        assert_eq!(december.year, None);
        assert_eq!(january.year.as_deref(), Some("2022"));
    }

    #[test]
    fn columns_share_the_width_without_overlapping() {
        let plan = plan(None, vec![(day(2021, 1), vec![]), (day(2021, 6), vec![])]);
        let timeline = chart(&plan).expect("dates give a timeline");
        assert_eq!(timeline.columns.len(), 6);
        assert_eq!(timeline.columns[0].short, "gen");
        for pair in timeline.columns.windows(2) {
            assert!(pair[0].bar_x + pair[0].bar_width < pair[1].bar_x);
        }
        let last = &timeline.columns[5];
        assert!(last.bar_x + last.bar_width <= WIDTH);
    }

    #[test]
    fn narrow_months_show_their_first_letter() {
        let plan = plan(None, vec![(day(2021, 1), vec![]), (day(2023, 12), vec![])]);
        let timeline = chart(&plan).expect("a timeline");
        assert_eq!(timeline.columns.len(), 36);
        assert_eq!(timeline.columns[1].short, "f");
        assert_eq!(timeline.columns[1].month, "febbraio 2021");
    }

    #[test]
    fn yearly_dues_fall_in_the_plan_year_or_are_counted_apart() {
        let yearly = DueDate::yearly(12, 31);
        let with_year = chart(&plan(Some(2023), vec![(yearly, vec![])])).expect("a timeline");
        assert_eq!(with_year.columns[0].month, "dicembre 2023");
        let without = plan(None, vec![(yearly, vec![]), (day(2023, 3), vec![])]);
        let timeline = chart(&without).expect("a timeline");
        assert_eq!(timeline.columns.len(), 1);
        assert!(timeline.description.contains("1 scadenze ricorrenti"));
    }

    #[test]
    fn a_long_span_shows_only_the_months_with_dues() {
        let plan = plan(None, vec![(day(2020, 1), vec![]), (day(2025, 1), vec![])]);
        let timeline = chart(&plan).expect("a timeline");
        assert_eq!(timeline.columns.len(), 2);
        assert_eq!(timeline.columns[1].year.as_deref(), Some("2025"));
        assert!(chart(&super::tests::plan(None, vec![(None, vec![])])).is_none());
    }
}
