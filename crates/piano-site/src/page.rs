//! A plan's page: its verdict and reasons, its structures with their
//! objectives and phases, its charts, its diagnostics, and links to its
//! data.
//!
//! The page is a view of the plan: every string is made ready here (Italian
//! numbers and dates, blanks for what was not read), so the template only
//! places and escapes them.

use askama::Template;
use piano_model::{Diagnostic, Entry, LineSpan, Objective, Plan, Structure};

use crate::chart::timeline::{self, Timeline};
use crate::chart::weights::{self, WeightChart};
use crate::index::ente_name;
use crate::label::{self, DataFile};

/// The page of one plan.
#[derive(Template)]
#[template(path = "plan.html")]
pub struct PlanPage {
    /// The path from the page to the site's root.
    pub root: &'static str,
    /// The page's title: the ente and the year.
    pub title: String,
    /// The plan's own title, as written.
    pub plan_title: Option<String>,
    /// The input file's name.
    pub file: String,
    /// The plan's id.
    pub plan_id: String,
    /// The layout family read, blank when none.
    pub family: String,
    /// The verdict, in Italian.
    pub verdict: &'static str,
    /// The verdict's serialised name, a CSS class that colours it.
    pub verdict_class: &'static str,
    /// The quality score, with a decimal comma.
    pub score: String,
    /// Why the score is not 1.
    pub reasons: Vec<ReasonView>,
    /// What became of the input, in Italian.
    pub status: &'static str,
    /// The structures, in document order.
    pub structures: Vec<StructureView>,
    /// Whether the release keeps staff names.
    pub include_staff: bool,
    /// The weights chart, when weights were read.
    pub weights: Option<WeightChart>,
    /// The timeline of due dates, when dates were read.
    pub timeline: Option<Timeline>,
    /// The diagnostics, in the plan's order.
    pub diagnostics: Vec<DiagnosticView>,
    /// The release's files published in the site's `dati/` folder.
    pub data: Vec<DataFile>,
}

/// One thing that lowered the plan's score.
pub struct ReasonView {
    /// What it is, in Italian.
    pub label: &'static str,
    /// How many rows, lines, groups or pages it concerns.
    pub count: u32,
    /// The plan's sentence about it, in English.
    pub message: String,
}

/// One structure on the page.
pub struct StructureView {
    /// Its ordinal, which also makes its anchor.
    pub ordinal: u32,
    /// Its name as written.
    pub name: String,
    /// The grouping word as written ("SETTORE").
    pub kind: String,
    /// The head's role as written ("DIRIGENTE"), else "Responsabile".
    pub head_role: String,
    /// The head's name as written; blank when the plan leaves it blank.
    pub head_name: String,
    /// Its fields above the table (mission, strategic line …): label and value.
    pub fields: Vec<(&'static str, String)>,
    /// Its objectives, each followed by its phases.
    pub rows: Vec<RowView>,
    /// Whether any row tells what was reached (results reports): the
    /// table then has a column for it.
    pub reports_achievement: bool,
    /// Its staff table's rows.
    pub staff: Vec<StaffView>,
}

/// An objective's or a phase's row.
pub struct RowView {
    /// Its number ("1", "1.1").
    pub number: String,
    /// Whether it is a phase of the objective above.
    pub phase: bool,
    /// "mantenimento" or "sviluppo", for objectives that declare it.
    pub category: String,
    /// The description cell.
    pub description: String,
    /// The weight, in percent with a decimal comma; blank when not read.
    pub weight: String,
    /// The indicators cell.
    pub indicators: String,
    /// The expected values cell.
    pub expected: String,
    /// The due date as Italians write it, else the cell as written.
    pub due: String,
    /// The due date in ISO 8601, for the `<time>` element; blank when none.
    pub due_iso: String,
    /// Percent reached and the note on it (results reports); blank elsewhere.
    pub achievement: String,
    /// Where the row was read: lines and page.
    pub place: String,
}

/// One row of a staff table.
pub struct StaffView {
    /// The employee's name; blank when the release leaves names out.
    pub name: String,
    /// The objective they work on, as written.
    pub objective: String,
    /// Their share, in percent.
    pub weight: String,
}

/// One diagnostic.
pub struct DiagnosticView {
    /// Its level, in Italian.
    pub level: &'static str,
    /// Its level's serialised name, a CSS class.
    pub level_class: &'static str,
    /// Its stable code.
    pub code: String,
    /// Its message.
    pub message: String,
    /// The line of the intermediate text, blank when none.
    pub line: String,
    /// The PDF page, blank when none.
    pub page: String,
    /// The input line concerned.
    pub excerpt: String,
}

impl PlanPage {
    /// The page of `plan`; `status` is its input's outcome, `data` the
    /// release's files published in the site's `dati/` folder.
    pub fn of(
        plan: &Plan,
        status: &'static str,
        include_staff: bool,
        data: &[DataFile],
    ) -> PlanPage {
        let year = plan
            .year
            .map(|year| format!(", {year}"))
            .unwrap_or_default();
        PlanPage {
            root: "../",
            title: format!("{}{year}", ente_name(plan)),
            plan_title: plan.title.clone(),
            file: plan.source.file.clone(),
            plan_id: plan.plan_id.clone(),
            family: plan.family.clone().unwrap_or_default(),
            verdict: label::verdict(plan.quality.verdict),
            verdict_class: plan.quality.verdict.as_str(),
            score: label::number(plan.quality.score),
            reasons: plan
                .quality
                .reasons
                .iter()
                .map(|reason| ReasonView {
                    label: label::reason(reason.code),
                    count: reason.count,
                    message: reason.message.clone(),
                })
                .collect(),
            status,
            structures: plan
                .structures
                .iter()
                .map(|s| StructureView::of(s, include_staff))
                .collect(),
            include_staff,
            weights: weights::chart(&plan.structures),
            timeline: timeline::chart(plan),
            diagnostics: plan.diagnostics.iter().map(DiagnosticView::of).collect(),
            data: data.to_vec(),
        }
    }
}

impl StructureView {
    fn of(structure: &Structure, include_staff: bool) -> StructureView {
        let head = &structure.head;
        let interim = if head.ad_interim { " (ad interim)" } else { "" };
        let head_name = head
            .name
            .as_ref()
            .map(|name| format!("{name}{interim}"))
            .unwrap_or_default();
        let missions = structure
            .missions
            .iter()
            .map(|m| match &m.code {
                Some(code) => format!("{code} – {}", m.name),
                None => m.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let fields = [
            ("Missioni", missions),
            (
                "Linea strategica",
                structure.strategic_line.clone().unwrap_or_default(),
            ),
            (
                "Obiettivi strategici",
                structure.strategic_objectives.join("; "),
            ),
            (
                "Obiettivo operativo",
                structure.operational_objective.clone().unwrap_or_default(),
            ),
        ]
        .into_iter()
        .filter(|(_, value)| !value.is_empty())
        .collect();
        let rows: Vec<RowView> = structure.objectives.iter().flat_map(rows_of).collect();
        let reports_achievement = rows.iter().any(|row| !row.achievement.is_empty());
        StructureView {
            ordinal: structure.ordinal,
            name: structure.name.clone(),
            kind: structure.kind.clone().unwrap_or_default(),
            head_role: head
                .role
                .clone()
                .unwrap_or_else(|| "Responsabile".to_owned()),
            head_name,
            fields,
            rows,
            reports_achievement,
            staff: structure
                .staff
                .iter()
                .map(|staff| StaffView {
                    name: match include_staff {
                        true => staff.name.clone().unwrap_or_default(),
                        false => String::new(),
                    },
                    objective: staff.objective.clone().unwrap_or_default(),
                    weight: staff.weight.map(label::number).unwrap_or_default(),
                })
                .collect(),
        }
    }
}

/// An objective's row followed by its phases'.
fn rows_of(objective: &Objective) -> Vec<RowView> {
    let category = objective
        .category
        .map(label::category)
        .unwrap_or_default()
        .to_owned();
    std::iter::once(RowView::of(&objective.entry, false, category))
        .chain(
            objective
                .phases
                .iter()
                .map(|phase| RowView::of(phase, true, String::new())),
        )
        .collect()
}

impl RowView {
    fn of(entry: &Entry, phase: bool, category: String) -> RowView {
        let date = entry.due.as_ref().and_then(|due| due.date);
        RowView {
            number: entry.number.clone(),
            phase,
            category,
            description: entry.description.clone(),
            weight: entry.weight.map(label::number).unwrap_or_default(),
            indicators: entry.indicators.clone().unwrap_or_default(),
            expected: entry.expected.clone().unwrap_or_default(),
            due: match (date, &entry.due) {
                (Some(date), _) => label::due_date(date),
                (None, Some(due)) => due.raw.clone(),
                (None, None) => String::new(),
            },
            due_iso: date.map(|d| d.to_string()).unwrap_or_default(),
            achievement: achievement(entry),
            place: place(entry.lines, entry.page),
        }
    }
}

impl DiagnosticView {
    fn of(diagnostic: &Diagnostic) -> DiagnosticView {
        DiagnosticView {
            level: label::level(diagnostic.level),
            level_class: label::level_class(diagnostic.level),
            code: diagnostic.code.to_string(),
            message: diagnostic.message.clone(),
            line: diagnostic.line.map(|l| l.to_string()).unwrap_or_default(),
            page: diagnostic.page.map(|p| p.to_string()).unwrap_or_default(),
            excerpt: diagnostic.excerpt.clone().unwrap_or_default(),
        }
    }
}

/// What a results report says was reached: "80%", "80%: note", or the note.
fn achievement(entry: &Entry) -> String {
    let percent = entry.achievement.map(|p| format!("{}%", label::number(p)));
    match (percent, entry.achievement_note.as_deref()) {
        (Some(percent), Some(note)) => format!("{percent}: {note}"),
        (Some(percent), None) => percent,
        (None, Some(note)) => note.to_owned(),
        (None, None) => String::new(),
    }
}

/// Where a row was read, for people: "righe 56–57, pagina 7".
fn place(lines: LineSpan, page: Option<u32>) -> String {
    let lines = match lines {
        LineSpan(0, 0) => String::new(),
        LineSpan(first, last) if first == last => format!("riga {first}"),
        LineSpan(first, last) => format!("righe {first}–{last}"),
    };
    match page {
        Some(page) if lines.is_empty() => format!("pagina {page}"),
        Some(page) => format!("{lines}, pagina {page}"),
        None => lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use piano_model::{Code, Source, SourceFormat};
    use scraper::{Html, Selector};

    /// Markup a hostile or careless plan may hold in its cells.
    const SCRIPT: &str = "<script>alert(1)</script>";
    const BROKEN_OUT: &str = "\"><img src=x onerror=alert(1)>";

    fn hostile_plan() -> Plan {
        let mut plan = Plan::new(Source::from_bytes("p.txt", b"x", SourceFormat::Text));
        plan.ente.name = Some(SCRIPT.to_owned());
        plan.title = Some(BROKEN_OUT.to_owned());
        let objective = Objective {
            entry: Entry {
                number: BROKEN_OUT.to_owned(),
                description: SCRIPT.to_owned(),
                weight: Some(100.0),
                indicators: Some(BROKEN_OUT.to_owned()),
                ..Entry::default()
            },
            category: None,
            phases: Vec::new(),
        };
        plan.structures.push(fixture::structure(
            1,
            format!("<b>{BROKEN_OUT}</b>"),
            vec![objective],
        ));
        let mut diagnostic = Diagnostic::new(Code::WeightSum, SCRIPT);
        diagnostic.excerpt = Some(BROKEN_OUT.to_owned());
        plan.diagnostics.push(diagnostic);
        plan
    }

    fn count(document: &Html, selector: &str) -> usize {
        let selector = Selector::parse(selector).expect("a valid selector");
        document.select(&selector).count()
    }

    fn texts(document: &Html, selector: &str) -> Vec<String> {
        let selector = Selector::parse(selector).expect("a valid selector");
        document
            .select(&selector)
            .map(|element| element.text().collect())
            .collect()
    }

    #[test]
    fn markup_in_a_plan_shows_as_text_and_never_runs() -> Result<(), askama::Error> {
        let html = PlanPage::of(&hostile_plan(), "letto", false, &[]).render()?;
        let document = Html::parse_document(&html);
        assert_eq!(count(&document, "script"), 0);
        assert_eq!(count(&document, "img"), 0);
        assert_eq!(count(&document, "b"), 0);
        assert_eq!(count(&document, "[onerror]"), 0);
        assert!(texts(&document, "h1")[0].starts_with(SCRIPT));
        assert_eq!(texts(&document, ".titolo-piano"), [BROKEN_OUT]);
        let cells = texts(&document, "table.obiettivi tbody td");
        assert_eq!(cells[0], SCRIPT);
        assert_eq!(cells[2], BROKEN_OUT);
        assert_eq!(texts(&document, "table.obiettivi tbody th"), [BROKEN_OUT]);
        assert!(texts(&document, "svg g > title")[0].contains("<b>"));
        assert!(texts(&document, "td").iter().any(|t| t.starts_with(SCRIPT)));
        Ok(())
    }

    #[test]
    fn staff_names_show_only_when_the_release_keeps_them() -> Result<(), askama::Error> {
        let mut plan = hostile_plan();
        plan.structures[0].staff.push(piano_model::Staff {
            name: Some("Mario Rossi".to_owned()),
            objective: Some("1".to_owned()),
            weight: Some(30.0),
        });
        let kept = PlanPage::of(&plan, "letto", true, &[]).render()?;
        let left_out = PlanPage::of(&plan, "letto", false, &[]).render()?;
        assert!(kept.contains("Mario Rossi"));
        assert!(!left_out.contains("Mario Rossi"));
        assert!(left_out.contains("i nomi non sono pubblicati"));
        Ok(())
    }

    #[test]
    fn achievements_show_their_percent_and_note() {
        let mut entry = Entry {
            achievement: Some(80.0),
            ..Entry::default()
        };
        assert_eq!(achievement(&entry), "80%");
        entry.achievement_note = Some("in corso".to_owned());
        assert_eq!(achievement(&entry), "80%: in corso");
        entry.achievement = None;
        assert_eq!(achievement(&entry), "in corso");
    }

    #[test]
    fn places_name_lines_and_pages() {
        assert_eq!(place(LineSpan(56, 56), None), "riga 56");
        assert_eq!(place(LineSpan(56, 58), Some(7)), "righe 56–58, pagina 7");
        assert_eq!(place(LineSpan(0, 0), Some(2)), "pagina 2");
        assert_eq!(place(LineSpan(0, 0), None), "");
    }
}
