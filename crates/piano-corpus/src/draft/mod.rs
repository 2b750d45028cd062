//! A random plan before it is laid out: every cell as it will be written,
//! beside the value it means.
//!
//! The renderers ([`crate::sheet`], [`crate::pdf`]) write a draft out and
//! fill in what only the layout knows (line numbers, pages) to give the
//! expected plan. [`front`] draws the ente, title and preamble;
//! [`structure`] a structure of the struttura-table family, [`budget`] a
//! programme of the code-table family, [`cards`] a section of objective
//! cards, [`matrix`] a weight matrix, [`report`] what a results report adds
//! to a struttura-table structure; [`rows`] the objectives and phases with
//! their weights.

mod budget;
mod cards;
mod front;
mod matrix;
mod report;
mod rows;
mod structure;

use fastrand::Rng;
use piano_model::{Category, Ente, Entry, Head, Mission, Staff};

use crate::family::Family;
use crate::vocab;
use budget::random_programmes;
use cards::random_sections;
use front::{random_ente, random_preamble, title_with_year};
use matrix::random_matrix;
use report::{random_report, report_title};
use structure::random_structure;

/// A whole plan as it will be written.
#[derive(Clone)]
pub struct Draft {
    /// The layout family it is written in.
    pub family: Family,
    /// The lines naming the ente ("COMUNE DI …", "Provincia di …").
    pub ente_lines: Vec<String>,
    /// What they mean.
    pub ente: Ente,
    /// The title line.
    pub title: String,
    /// The reference year the plan means.
    pub year: Option<u16>,
    /// The prose before the first structure.
    pub preamble: Vec<DraftSection>,
    /// The structures, in document order.
    pub structures: Vec<DraftStructure>,
}

/// A preamble section: an optional heading and paragraphs of sentences.
#[derive(Clone)]
pub struct DraftSection {
    /// The heading line, if any.
    pub heading: Option<String>,
    /// Paragraphs; each is a list of source lines (one per sentence or bullet).
    pub paragraphs: Vec<Vec<String>>,
}

/// One structure as it will be written.
#[derive(Clone)]
pub struct DraftStructure {
    /// The whole structure line ("STRUTTURA: NAME – ROLE: HEAD").
    pub header: String,
    /// The unit's name.
    pub name: String,
    /// The section word the structure line opens with ("SETTORE"); empty
    /// when the family names none (a weight matrix's caption).
    pub kind: String,
    /// Its head.
    pub head: Head,
    /// Key rows: label and value as written.
    pub keys: Vec<(String, String)>,
    /// "Linea Strategica" as meant.
    pub strategic_line: Option<String>,
    /// "Obiettivo Strategico" split on ';'.
    pub strategic_objectives: Vec<String>,
    /// "Missione" split on ';', with codes.
    pub missions: Vec<Mission>,
    /// "Obiettivo Operativo".
    pub operational_objective: Option<String>,
    /// The budget's mission and programme the structure is (code-table).
    pub budget: Option<Budget>,
    /// The head on a line of its own below the heading, when the heading
    /// does not name it.
    pub head_line: Option<String>,
    /// The description column's header as written.
    pub description_header: String,
    /// The plan's `objectives_label`: the description header, a leading
    /// "Descrizione" dropped; `None` when no header names it.
    pub objectives_label: Option<String>,
    /// The objectives.
    pub objectives: Vec<DraftObjective>,
    /// The staff table: `None` when the structure has none, else its rows.
    pub staff: Option<Vec<DraftStaff>>,
    /// The heads a weight matrix shares weights among, in table order
    /// (empty in other families).
    pub heads: Vec<String>,
}

impl DraftStructure {
    /// Every objective and phase row, in document order.
    pub fn rows_mut(&mut self) -> impl Iterator<Item = &mut DraftRow> {
        self.objectives
            .iter_mut()
            .flat_map(|o| std::iter::once(&mut o.row).chain(o.phases.iter_mut()))
    }
}

/// An objective row and its phase rows.
#[derive(Clone)]
pub struct DraftObjective {
    /// The objective's own row.
    pub row: DraftRow,
    /// The category its description's prefix declares.
    pub category: Option<Category>,
    /// Its phases.
    pub phases: Vec<DraftRow>,
}

/// A programme of the budget (D.Lgs. 118/2011) and the mission above it.
#[derive(Clone)]
pub struct Budget {
    /// The mission's two digits.
    pub mission_code: String,
    /// The mission's name as written.
    pub mission_name: String,
    /// The programme's two digits.
    pub programme_code: String,
    /// The programme's name as written.
    pub programme_name: String,
}

/// One row of an objectives table: its cells as written, the entry they mean.
#[derive(Clone)]
pub struct DraftRow {
    /// N°, description, weight, indicators, expected values, due,
    /// responsible, achievement, note, then one weight per head of a weight
    /// matrix (see [`crate::layout::columns::Column::cell`]); a cell a
    /// family lacks is empty.
    pub cells: Vec<String>,
    /// What the row means (lines and page filled in by the renderer).
    pub entry: Entry,
    /// Whether a page break (a page number between blank lines, in text) comes before it.
    pub page_break_before: bool,
}

/// One row of a staff table.
#[derive(Clone)]
pub struct DraftStaff {
    /// N., name, objective, weight as written.
    pub cells: [String; 4],
    /// What it means.
    pub staff: Staff,
}

/// Draws a random plan of the struttura-table family.
pub fn random_draft(rng: &mut Rng) -> Draft {
    random_draft_of(rng, Family::StrutturaTable)
}

/// Draws a random plan of `family`.
pub fn random_draft_of(rng: &mut Rng, family: Family) -> Draft {
    let plan_year = rng.u16(2019..=2025);
    let (ente_lines, ente) = random_ente(rng);
    let structure_count = weighted_count(rng, 1, 8);
    let structures: Vec<DraftStructure> = match family {
        Family::StrutturaTable => random_structures(rng, structure_count, plan_year),
        Family::CodeTable => random_programmes(rng, structure_count, plan_year),
        Family::ObjectiveCards => random_sections(rng, structure_count, plan_year),
        Family::WeightMatrix => vec![random_matrix(rng)],
        Family::ResultsReport => random_report(rng, structure_count, plan_year),
    };
    let inferred = most_common_due_year(&structures);
    let (title, year) = if family == Family::ResultsReport {
        (report_title(rng, plan_year), Some(plan_year))
    } else if rng.u32(0..3) == 0 && inferred.is_some() {
        (pick(rng, vocab::TITLES_WITHOUT_YEAR).to_string(), inferred)
    } else {
        (title_with_year(rng, plan_year), Some(plan_year))
    };
    Draft {
        family,
        ente_lines,
        ente,
        title,
        year,
        preamble: random_preamble(rng),
        structures,
    }
}

/// `count` structures of the struttura-table family, each with its own name.
pub(crate) fn random_structures(rng: &mut Rng, count: usize, year: u16) -> Vec<DraftStructure> {
    let mut names: Vec<&str> = vocab::STRUCTURE_NAMES.to_vec();
    rng.shuffle(&mut names);
    names
        .into_iter()
        .take(count)
        .enumerate()
        .map(|(index, name)| random_structure(rng, index, name, year))
        .collect()
}

/// A person as plans name a responsible ("Dott.ssa Anna Ferrari").
pub(crate) fn random_person(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        pick(rng, vocab::HONORIFICS),
        pick(rng, vocab::FIRST_NAMES),
        pick(rng, vocab::SURNAMES)
    )
}

/// A number with a decimal comma and no trailing zeros: "2,5", "10".
pub(crate) fn decimal_comma(number: f64) -> String {
    number.to_string().replace('.', ",")
}

/// One of `items`, at random.
pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// A count in `low..=high`, small counts more likely than large ones.
pub(crate) fn weighted_count(rng: &mut Rng, low: usize, high: usize) -> usize {
    let a = rng.usize(low..=high);
    let b = rng.usize(low..=high);
    if rng.u32(0..4) == 0 {
        a.max(b)
    } else {
        a.min(b)
    }
}

/// Up to `most` distinct items of `items`, at least one.
pub(crate) fn distinct<T: Clone>(rng: &mut Rng, items: &[T], most: usize) -> Vec<T> {
    let mut indices: Vec<usize> = (0..items.len()).collect();
    rng.shuffle(&mut indices);
    let count = rng.usize(1..=most.min(items.len()));
    indices[..count].iter().map(|&i| items[i].clone()).collect()
}

/// Items joined with "; ", sometimes with a trailing ";".
pub(crate) fn join_list(rng: &mut Rng, items: &[String]) -> String {
    let joined = items.join("; ");
    if rng.u32(0..3) == 0 {
        format!("{joined};")
    } else {
        joined
    }
}

/// The year most dues name, when one year is strictly the most common.
fn most_common_due_year(structures: &[DraftStructure]) -> Option<u16> {
    let mut counts = std::collections::BTreeMap::<u16, usize>::new();
    let rows = structures
        .iter()
        .flat_map(|s| &s.objectives)
        .flat_map(|o| std::iter::once(&o.row).chain(&o.phases));
    for row in rows {
        if let Some(year) = row.entry.due.as_ref().and_then(|d| d.date?.year()) {
            *counts.entry(year).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    let mut winners = counts.iter().filter(|&(_, &n)| n == best);
    match (winners.next(), winners.next()) {
        (Some((&year, _)), None) => Some(year),
        _ => None,
    }
}
