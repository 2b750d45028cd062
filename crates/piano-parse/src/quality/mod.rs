//! How well a plan was read: the `quality` verdict, from what the parser
//! knows of its own reading, never from a gold.
//!
//! Each submodule reads one kind of evidence into [`Finding`]s (a reason
//! code and how many rows, lines, groups or pages it concerns):
//! - `rows`: the rows' own values and the diagnostics raised at rows
//!   (weights and dues missing or unreadable, weights that do not add up,
//!   cells under columns never identified or placed by content, rows the
//!   rebuild read two ways, numbering breaks, rows recovered);
//! - `fields`: the rows' own values (a text field holding other rows'
//!   weights and dates, a head's name repeating its words);
//! - `unplaced`: the text left out of the plan (not page furniture): cells
//!   under no known column, lines that hold values (rows lost) and prose;
//! - `preamble`: the family's objective cards read into the preamble (rows
//!   lost, a structure heading misread above them);
//! - `document`: the plan as a whole (no objectives, no family fit, heads,
//!   ente, year, missions, damaged or textless PDF pages).
//!
//! `verdict` weighs the findings into a score and a verdict; its weights and
//! thresholds are calibrated on generated layouts and on tuning dumps
//! (`docs/quality.md`, `scripts/quality-calibration.sh`).

mod document;
mod fields;
mod labels;
mod preamble;
mod renumbered;
mod rows;
mod unplaced;
mod verdict;

use piano_model::{Cell, Code, Layout, LineRole, Plan, Quality, ReasonCode, Roles};

use crate::vocabulary::Vocabulary;

/// What the parser knows of its reading beyond the plan and its
/// diagnostics, gathered while it assembles the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Evidence {
    /// Rows whose cells were given their columns by content rather than by
    /// the header (the rows behind `columns-realigned`).
    pub rows_by_content: u32,
    /// Of those, the rows no table header applied to (a table printed
    /// without one): every row of such a table is placed by content.
    pub rows_without_header: u32,
    /// Objective and phase rows with a value cell OCR recognised with low
    /// confidence ([`rows_among`] of [`doubtful_lines`]).
    pub rows_low_confidence: u32,
}

/// The lines of `layout`, by number and page, with a value cell recognised
/// by OCR with low confidence; none for text read as drawn.
pub fn doubtful_lines(layout: &Layout) -> Vec<(u32, Option<u32>)> {
    layout
        .lines
        .iter()
        .filter(|line| line.cells.iter().any(doubtful_value))
        .map(|line| (line.number, line.page))
        .collect()
}

/// Whether `cell` holds a value (a digit, or three characters at most: a row
/// number, a weight, a date, "E" for a 1) recognised with low confidence.
/// Prose read doubtfully is left out: one doubtful word in a description
/// seldom changes it much, a doubtful digit changes a value.
fn doubtful_value(cell: &Cell) -> bool {
    let text = cell.text.trim();
    cell.is_doubtful() && (text.bytes().any(|b| b.is_ascii_digit()) || text.chars().count() <= 3)
}

/// How many of `lines` became objective or phase rows, as `roles` say.
pub fn rows_among(lines: &[(u32, Option<u32>)], roles: &Roles) -> u32 {
    count(
        lines
            .iter()
            .filter(|&&(number, page)| {
                matches!(
                    roles.get(number, page),
                    Some(LineRole::Objective | LineRole::Phase)
                )
            })
            .count(),
    )
}

/// One reason found, before it is weighed and worded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    /// What was found.
    pub code: ReasonCode,
    /// How many rows, lines, groups or pages it concerns.
    pub count: u32,
    /// Of `count`, how many weigh only a share of the code's weight
    /// (`verdict::LIGHT_SHARE`), being more often the document's layout
    /// than damage: rows placed by content under no table header at all,
    /// rows without a due that hold no date anywhere.
    pub light: u32,
    /// Rows the finding shows read into the wrong group, each weighing a
    /// whole row besides the code's weight: a structure whose weights add
    /// up to 200% holds half its rows from another (a heading lost between
    /// them), a damage one group's sum stands for poorly.
    pub misplaced: u32,
}

impl Finding {
    /// `count` instances of `code`, each of the code's full weight.
    pub fn new(code: ReasonCode, count: u32) -> Finding {
        Finding {
            code,
            count,
            light: 0,
            misplaced: 0,
        }
    }
}

/// Judges how well `plan` was read, from the plan itself, its diagnostics,
/// each line's role and what the assembly noticed; `profiles` are those the
/// plan was read with (the words of its family tell a totals row left out).
pub fn assess(plan: &Plan, roles: &Roles, evidence: Evidence, profiles: &[Vocabulary]) -> Quality {
    let rows = rows::count_rows(plan);
    let words = family_words(plan, profiles);
    verdict::judge(findings(plan, roles, evidence, rows, words), rows)
}

/// The words of the family `plan` was read as, the default profile's when
/// none fit.
fn family_words<'v>(plan: &Plan, profiles: &'v [Vocabulary]) -> &'v Vocabulary {
    profiles
        .iter()
        .find(|words| plan.family.as_deref() == Some(words.name.as_str()))
        .unwrap_or_else(|| Vocabulary::default_profile())
}

/// Every finding of every kind, zero counts included.
fn findings(
    plan: &Plan,
    roles: &Roles,
    evidence: Evidence,
    rows: u32,
    words: &Vocabulary,
) -> Vec<Finding> {
    let mut found = document::findings(plan, rows);
    found.extend(rows::findings(plan, evidence));
    found.extend(fields::findings(plan));
    found.extend(unplaced::findings(plan, roles, words));
    found.push(Finding::new(
        ReasonCode::HeadersInRows,
        labels::headers_in_rows(plan, roles, words),
    ));
    found
}

/// How many diagnostics of `plan` have one of `codes`.
fn raised(plan: &Plan, codes: &[Code]) -> u32 {
    count(
        plan.diagnostics
            .iter()
            .filter(|d| codes.contains(&d.code))
            .count(),
    )
}

/// Counts as the model stores them (an archive's plan never holds four
/// billion rows; more saturates).
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A tab-separated dump as the parser read it: the plan and its roles.
    pub struct Read {
        /// The plan, its quality included.
        pub plan: Plan,
        /// What each line became.
        pub roles: Roles,
    }

    /// Reads a tab-separated dump, as the reasons' tests write them.
    pub fn read(text: &str) -> Read {
        let (plan, roles) = crate::parse_dump_with_roles(text);
        Read { plan, roles }
    }

    /// How many rows (lines, groups) the finding `code` counts in `read`,
    /// 0 when not found: found again from the plan's diagnostics, so that
    /// tests may add some by hand.
    pub fn finding_of(read: &Read, code: ReasonCode) -> u32 {
        let rows = rows::count_rows(&read.plan);
        let words = family_words(&read.plan, Vocabulary::bundled());
        findings(&read.plan, &read.roles, Evidence::default(), rows, words)
            .iter()
            .filter(|f| f.code == code)
            .map(|f| f.count)
            .sum()
    }
}
