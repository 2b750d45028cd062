//! The index page: every plan of the release in one table (ente, year,
//! family, verdict, counts), and the inputs that gave no plan.
//!
//! Each cell that sorts otherwise than its text carries its sort key
//! (`data-sort`); the page's small script sorts and filters by them, and
//! without scripts the table reads as it is, in the order set here.

use askama::Template;
use piano_model::{Plan, Verdict};
use piano_run::batch::report::{Entry, Report, Status};

use crate::label::{self, DataFile};

/// The index page.
#[derive(Template)]
#[template(path = "index.html")]
pub struct IndexPage<'a> {
    /// The path from the page to the site's root ("" here).
    pub root: &'static str,
    /// The page's title.
    pub title: &'static str,
    /// The release's report, for its totals.
    pub report: &'a Report,
    /// One row per plan, sorted by [`IndexRow::order`].
    pub rows: Vec<IndexRow>,
    /// Inputs that gave no plan.
    pub unread: Vec<&'a Entry>,
    /// The release's files published in the site's `dati/` folder.
    pub data: Vec<DataFile>,
}

/// One plan's row of the index.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexRow {
    /// Its page, relative to the site's root.
    pub href: String,
    /// The ente as people name it (its kind and name: "Comune di …"), else the file's name.
    pub ente: String,
    /// The input file's name.
    pub file: String,
    /// The plan's year, blank when unknown.
    pub year: String,
    /// The layout family read, blank when none.
    pub family: String,
    /// The verdict, in Italian.
    pub verdict: &'static str,
    /// The verdict's serialised name, a CSS class that colours it.
    pub verdict_class: &'static str,
    /// The verdict's sort key: best first.
    pub verdict_rank: usize,
    /// The quality score, with a decimal comma.
    pub score: String,
    /// The score's sort key.
    pub score_key: f64,
    /// What became of the input, in Italian.
    pub status: &'static str,
    /// Structures, objectives, phases, warnings and errors.
    pub counts: [usize; 5],
    /// The ente's sort key: its name, case folded.
    pub ente_key: String,
}

impl IndexRow {
    /// The row of `plan`, read from `entry`'s input.
    pub fn of(entry: &Entry, plan: &Plan) -> IndexRow {
        let ente = ente_name(plan);
        let counts = entry.counts.unwrap_or_default();
        IndexRow {
            href: format!("piani/{}.html", plan.plan_id),
            ente_key: ente.to_lowercase(),
            ente,
            file: plan.source.file.clone(),
            year: plan.year.map(|year| year.to_string()).unwrap_or_default(),
            family: plan.family.clone().unwrap_or_default(),
            verdict: label::verdict(plan.quality.verdict),
            verdict_class: plan.quality.verdict.as_str(),
            verdict_rank: verdict_rank(plan.quality.verdict),
            score: label::number(plan.quality.score),
            score_key: plan.quality.score,
            status: label::status(entry.status),
            counts: [
                counts.structures,
                counts.objectives,
                counts.phases,
                counts.warnings,
                counts.errors,
            ],
        }
    }

    /// The key rows are first listed in: ente, then year, then file name.
    pub fn order(&self) -> (&str, &str, &str) {
        (&self.ente_key, &self.year, &self.file)
    }
}

/// How a plan is called on the site: the ente's kind and name ("Comune di …"), its
/// name alone when its kind is unknown, else the input file's name.
pub fn ente_name(plan: &Plan) -> String {
    match (&plan.ente.kind, &plan.ente.name) {
        (Some(kind), Some(name)) => format!("{} di {name}", label::ente_kind(*kind)),
        (None, Some(name)) => name.clone(),
        (_, None) => plan.source.file.clone(),
    }
}

/// A verdict's place when sorting, best first.
fn verdict_rank(verdict: Verdict) -> usize {
    Verdict::ALL
        .iter()
        .position(|v| *v == verdict)
        .unwrap_or(Verdict::ALL.len())
}

/// The inputs of `report` that gave no plan (duplicates are not listed:
/// their plan is the first input's).
pub fn unread(report: &Report) -> Vec<&Entry> {
    report
        .inputs
        .iter()
        .filter(|entry| entry.status == Status::Failed && !entry.has_plan())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::{EnteKind, Source, SourceFormat};

    fn plan(name: Option<&str>, year: Option<u16>, verdict: Verdict) -> Plan {
        let mut plan = Plan::new(Source::from_bytes("piano.txt", b"x", SourceFormat::Text));
        plan.ente.kind = name.map(|_| EnteKind::Comune);
        plan.ente.name = name.map(str::to_owned);
        plan.year = year;
        plan.quality.verdict = verdict;
        plan.quality.score = 0.875;
        plan
    }

    fn row(plan: &Plan) -> IndexRow {
        IndexRow::of(&Entry::of_plan("a/piano.txt".into(), plan), plan)
    }

    #[test]
    fn verdicts_sort_best_first() {
        let ranks: Vec<usize> = [Verdict::Unreadable, Verdict::Good, Verdict::Review]
            .into_iter()
            .map(verdict_rank)
            .collect();
        assert_eq!(ranks, [2, 0, 1]);
    }

    #[test]
    fn rows_sort_by_ente_regardless_of_case_then_year() {
        let mut rows = [
            row(&plan(Some("Zola Predosa"), Some(2022), Verdict::Good)),
            row(&plan(Some("arezzo"), Some(2023), Verdict::Good)),
            row(&plan(Some("Arezzo"), Some(2021), Verdict::Good)),
        ];
        rows.sort_by(|a, b| a.order().cmp(&b.order()));
        let order: Vec<(&str, &str)> = rows
            .iter()
            .map(|r| (r.ente.as_str(), r.year.as_str()))
            .collect();
        assert_eq!(
            order,
            [
                ("Comune di Arezzo", "2021"),
                ("Comune di arezzo", "2023"),
                ("Comune di Zola Predosa", "2022")
            ]
        );
    }

    #[test]
    fn markup_in_names_and_errors_shows_as_text() -> Result<(), askama::Error> {
        let hostile = plan(Some("<script>x()</script>"), Some(2022), Verdict::Good);
        let entries = vec![
            Entry::of_plan("a/piano.txt".into(), &hostile),
            Entry::failed(
                "\"><img src=x onerror=y()>.txt".into(),
                None,
                "<b>vuoto</b>".into(),
            ),
        ];
        let report = Report {
            schema: piano_run::batch::report::REPORT_SCHEMA.to_owned(),
            settings: piano_run::batch::report::Settings {
                include_staff: false,
            },
            totals: piano_run::batch::report::Totals::of(&entries),
            inputs: entries,
        };
        let page = IndexPage {
            root: "",
            title: "Piani",
            report: &report,
            rows: vec![IndexRow::of(&report.inputs[0], &hostile)],
            unread: unread(&report),
            data: vec![DataFile::named("<i>.csv")],
        };
        let document = scraper::Html::parse_document(&page.render()?);
        for element in ["body script", "img", "b", "i"] {
            let selector = scraper::Selector::parse(element).expect("a valid selector");
            assert_eq!(document.select(&selector).count(), 0, "{element}");
        }
        let cells = scraper::Selector::parse("tbody th").expect("a valid selector");
        let texts: Vec<String> = document
            .select(&cells)
            .map(|cell| cell.text().collect())
            .collect();
        assert!(texts[0].starts_with("Comune di <script>x()</script>"));
        assert_eq!(texts[1], "\"><img src=x onerror=y()>.txt");
        Ok(())
    }

    #[test]
    fn a_plan_without_ente_is_named_by_its_file() {
        let row = row(&plan(None, None, Verdict::Review));
        assert_eq!(row.ente, "piano.txt");
        assert_eq!(row.year, "");
        assert_eq!(row.verdict, "da rivedere");
        assert_eq!(row.verdict_class, "review");
        assert_eq!(row.score, "0,88");
        assert!(row.href.starts_with("piani/") && row.href.ends_with(".html"));
    }
}
