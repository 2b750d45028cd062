//! Lines to a plan: the preamble, then one structure after another.
//!
//! Assembly is plain Rust over classified lines. Every non-blank line ends up
//! in the model (preamble, structure, row) or in a diagnostic, and each line's
//! [`LineRole`] is recorded where it is decided: here for the preamble,
//! headings and lines between structures, in `section` for a structure's
//! lines. A last pass gives a line no rule took the role
//! [`LineRole::Unplaced`].

mod checks;
mod enrich;
mod numbering;
mod openers;
mod preamble;
mod recover;
mod row;
mod section;

use piano_model::{
    Code, Diagnostic, Head, Layout, LineRole, Mission, Plan, Roles, Source, TextLine,
};

use crate::content_columns::{UnheadedColumns, unheaded_columns};
use crate::detect::Detection;
use crate::line::{LineKind, PROGRAMME_KIND, StructureHeading, is_group_label};
use crate::quality::Evidence;
use crate::token::due::{due_year, looks_like_due};
use crate::token::number::RowNumber;
use crate::vocabulary::{Field, Sections, Vocabulary};
use openers::{Opener, openers};
use section::{HeldHeader, SectionBuilder};

/// Builds the plan from a layout's lines, recording in `roles` what each
/// line became and in `evidence` what the quality verdict needs beyond the
/// plan.
pub fn assemble(
    layout: Layout,
    source: Source,
    detection: Detection,
    roles: &mut Roles,
    evidence: &mut Evidence,
) -> Plan {
    let mut plan = Plan::new(source);
    plan.diagnostics = layout.diagnostics;
    plan.diagnostics.push(detection.diagnostic());
    let words = detection.profile;
    let fits = detection.fits();
    if fits {
        plan.family = Some(words.name.clone());
        plan.document_kind = Some(words.document_kind);
    }
    let lines = layout.lines;
    let kinds = &detection.kinds;
    let openers = openers(
        &lines,
        kinds,
        words,
        words.sections == Sections::Tables || !fits,
    );
    let first_opener = openers
        .iter()
        .position(Option::is_some)
        .unwrap_or(lines.len());
    let holds = words.layout.header_holds_over_headings;
    // A header printed once above the first heading is no preamble.
    let preamble_end = match holds {
        true => header_above(&lines, kinds, first_opener).unwrap_or(first_opener),
        false => first_opener,
    };

    let (page_numbers, prose): (Vec<_>, Vec<_>) = lines[..preamble_end]
        .iter()
        .zip(kinds)
        .partition(|(_, kind)| matches!(kind, LineKind::PageNumber));
    for (line, _) in page_numbers {
        plan.diagnostics.push(page_number(line, roles));
    }
    let prose: Vec<TextLine> = prose.into_iter().map(|(line, _)| line.clone()).collect();
    let preamble = preamble::read_preamble(&prose, words);
    for (line, role) in prose.iter().zip(&preamble.roles) {
        roles.set_line(line, *role);
    }
    plan.title = preamble.title;
    plan.year = plan.title.as_deref().and_then(enrich::title_year);
    if plan.year.is_none() {
        plan.year = enrich::most_common_year(due_years(&lines[preamble_end..]));
        let diagnostic = match plan.year {
            Some(year) => Diagnostic::new(
                Code::YearInferred,
                format!("the title gives no year; {year} is the most common due year"),
            ),
            None => Diagnostic::new(
                Code::YearUnknown,
                "neither the title nor the due dates give the plan's year",
            ),
        };
        plan.diagnostics.push(diagnostic);
    }
    let (kind, name) = preamble
        .ente
        .map_or((None, None), |(kind, name)| (Some(kind), Some(name)));
    plan.ente = enrich::ente(
        kind,
        name.as_deref(),
        preamble.provincia.as_deref(),
        preamble.ente_doubtful_at,
        &mut plan.diagnostics,
    );
    plan.preamble = preamble.sections;

    let unheaded = unheaded_columns(&lines[preamble_end..], &kinds[preamble_end..], words);
    let mut current: Option<SectionBuilder> = None;
    let mut mission: Option<BudgetMission> = None;
    // The last objectives header, which holds over the structures below it
    // (unless the profile says a header holds for its own table only).
    let mut held: Option<HeldHeader> = None;
    for (index, (line, kind)) in lines.iter().zip(kinds).enumerate().skip(preamble_end) {
        if openers[index].is_some() && holds {
            held = current
                .as_ref()
                .and_then(SectionBuilder::held_header)
                .or(held);
        }
        match &openers[index] {
            Some(Opener::Heading(heading)) => {
                finish_section(
                    &mut current,
                    line.number.saturating_sub(1),
                    &mut plan,
                    roles,
                    evidence,
                );
                roles.set_line(line, LineRole::StructureHeading);
                let mut section = SectionBuilder::new(
                    next_ordinal(&plan),
                    heading.clone(),
                    line,
                    words,
                    plan.year,
                    &unheaded,
                );
                if let Some(held) = held.clone() {
                    section.hold_header(held);
                }
                match mission.as_mut() {
                    Some(mission) if heading.kind.as_deref() == Some(PROGRAMME_KIND) => {
                        mission.take_in(&mut section);
                    }
                    Some(mission) => plan.diagnostics.extend(mission.settle(roles)),
                    None => {}
                }
                current = Some(section);
                continue;
            }
            Some(Opener::Budget(heading)) => {
                finish_section(
                    &mut current,
                    line.number.saturating_sub(1),
                    &mut plan,
                    roles,
                    evidence,
                );
                plan.diagnostics
                    .extend(mission.as_mut().and_then(|mission| mission.settle(roles)));
                roles.set_line(line, LineRole::MissionHeading);
                let (budget, repaired) = section::budget_mission(heading, line);
                plan.diagnostics.extend(repaired);
                mission = Some(BudgetMission {
                    mission: budget,
                    heading: line,
                    claimed: false,
                });
                continue;
            }
            Some(Opener::Table { caption }) => {
                finish_section(
                    &mut current,
                    line.number.saturating_sub(1),
                    &mut plan,
                    roles,
                    evidence,
                );
                plan.diagnostics
                    .extend(mission.as_mut().and_then(|mission| mission.settle(roles)));
                let name = caption.clone().or_else(|| plan.title.clone());
                current = Some(SectionBuilder::new(
                    next_ordinal(&plan),
                    StructureHeading {
                        kind: None,
                        name: name.unwrap_or_default(),
                        head: Head::default(),
                    },
                    line,
                    words,
                    plan.year,
                    &unheaded,
                ));
                if caption.is_some() {
                    roles.set_line(line, LineRole::StructureHeading);
                    continue;
                }
            }
            None => {}
        }
        if current.is_none() {
            current = mission_as_structure(mission.as_mut(), kind, line, words, &plan, &unheaded);
            if let (Some(section), Some(held)) = (current.as_mut(), held.clone()) {
                section.hold_header(held);
            }
        }
        if current.is_none()
            && holds
            && let LineKind::TableHeader(columns) = kind
            && let Some(header) = HeldHeader::printed_alone(columns.clone(), line, words, &unheaded)
        {
            roles.set_line(line, LineRole::TableHeader);
            held = Some(header);
            continue;
        }
        let Some(section) = current.as_mut() else {
            if !line.to_tab_separated().trim().is_empty() {
                plan.diagnostics.push(unplaced(line));
                roles.set_line(line, LineRole::Unplaced);
            }
            continue;
        };
        section.saw(line.last);
        if section.card_values(line) || section.repeated_phase_header(line) {
            continue;
        }
        match kind {
            // A mission heading that opened nothing: the structure's mission.
            LineKind::BudgetMission(heading) => section.field(
                Field::Mission,
                format!("{} {}", heading.code, heading.name),
                line,
            ),
            LineKind::Structure(_) => section.text(line),
            LineKind::Field(field, value) => section.field(*field, value.clone(), line),
            LineKind::TableHeader(columns) => section.table_header(columns.clone(), line),
            LineKind::StaffTitle => section.staff_title(line),
            LineKind::Row(number) => {
                let next_row = next_row(&lines[index + 1..], &kinds[index + 1..]);
                section.row(number.clone(), line, next_row.map(|(line, _)| line));
            }
            LineKind::CodedRow(code) => section.coded_row(code.clone(), line),
            LineKind::CardOpener(number, title) => {
                section.card_opener(number.clone(), title.clone(), line);
            }
            LineKind::CardField(column, value) => section.card_field(*column, value, line),
            LineKind::Continuation | LineKind::Text
                if matches!(kinds.get(index + 1), Some(LineKind::TableHeader(_)))
                    && lines
                        .get(index + 1)
                        .is_some_and(|below| is_group_label(line, below)) =>
            {
                section.group_label(line, &lines[index + 1]);
            }
            LineKind::Continuation => {
                let next_row = next_row(&lines[index + 1..], &kinds[index + 1..]);
                section.continuation(line, next_row.map(|(_, number)| number));
            }
            LineKind::PageNumber => plan.diagnostics.push(page_number(line, roles)),
            LineKind::Text => section.text(line),
        }
    }
    let last_line = lines.last().map_or(0, |line| line.last);
    finish_section(&mut current, last_line, &mut plan, roles, evidence);
    plan.diagnostics
        .extend(mission.as_mut().and_then(|mission| mission.settle(roles)));
    if !fits {
        plan.diagnostics
            .push(Diagnostic::new(Code::NoPlanFound, detection.why_no_plan()));
    }
    // Every rule above gives the lines it takes their roles; a line none took
    // is in no part of the plan.
    for line in &lines {
        roles.fill_line(line, LineRole::Unplaced);
    }
    plan
}

/// The next numbered row among `lines` (read as `kinds`) and its number,
/// if one comes before the next structure.
fn next_row<'l>(
    lines: &'l [TextLine],
    kinds: &'l [LineKind],
) -> Option<(&'l TextLine, &'l RowNumber)> {
    lines
        .iter()
        .zip(kinds)
        .find(|(_, kind)| matches!(kind, LineKind::Row(_) | LineKind::Structure(_)))
        .and_then(|(line, kind)| match kind {
            LineKind::Row(number) => Some((line, number)),
            _ => None,
        })
}

/// A budget mission heading ("MISSIONE 01 – …") and the programmes under it.
struct BudgetMission<'l> {
    mission: Mission,
    heading: &'l TextLine,
    /// Whether a structure under it has taken its heading line in.
    claimed: bool,
}

impl BudgetMission<'_> {
    /// A structure under the mission: it belongs to the mission, and the
    /// first one begins at the mission's heading.
    fn take_in(&mut self, section: &mut SectionBuilder) {
        section.add_missions([self.mission.clone()]);
        if !self.claimed {
            section.starts_at(self.heading.number);
            self.claimed = true;
        }
    }

    /// The heading is done with: reported, and left unplaced, when no
    /// structure followed it.
    fn settle(&mut self, roles: &mut Roles) -> Option<Diagnostic> {
        if std::mem::replace(&mut self.claimed, true) {
            return None;
        }
        roles.set_line(self.heading, LineRole::Unplaced);
        let text = self.heading.to_tab_separated();
        Some(
            Diagnostic::new(
                Code::TextUnplaced,
                "a budget mission heading with no programme or table under it",
            )
            .at_line(self.heading.number, self.heading.page)
            .with_excerpt(&text),
        )
    }
}

/// A budget mission whose table follows with no programme heading: the
/// mission is the structure, from its heading.
/// The table header right above line `opener` (the first structure's
/// heading), blank lines between: a header printed once for the whole plan.
fn header_above(lines: &[TextLine], kinds: &[LineKind], opener: usize) -> Option<usize> {
    let header = (0..opener.min(lines.len()))
        .rev()
        .find(|&index| !lines[index].to_tab_separated().trim().is_empty())?;
    matches!(kinds[header], LineKind::TableHeader(_)).then_some(header)
}

fn mission_as_structure<'w>(
    mission: Option<&mut BudgetMission>,
    kind: &LineKind,
    line: &TextLine,
    words: &'w Vocabulary,
    plan: &Plan,
    unheaded: &UnheadedColumns,
) -> Option<SectionBuilder<'w>> {
    let mission = mission?;
    let is_table = matches!(
        kind,
        LineKind::TableHeader(_) | LineKind::Row(_) | LineKind::CodedRow(_)
    );
    if !is_table {
        return None;
    }
    let heading = StructureHeading {
        kind: Some(PROGRAMME_KIND.to_owned()),
        name: mission.mission.name.clone(),
        head: Head::default(),
    };
    let mut section = SectionBuilder::new(
        next_ordinal(plan),
        heading,
        line,
        words,
        plan.year,
        unheaded,
    );
    mission.take_in(&mut section);
    Some(section)
}

/// A line between structures that belongs to none (after a budget mission's
/// heading, before its first programme).
fn unplaced(line: &TextLine) -> Diagnostic {
    let text = line.to_tab_separated();
    Diagnostic::new(
        Code::TextUnplaced,
        "text between headings that belongs to no structure",
    )
    .at_line(line.number, line.page)
    .with_excerpt(&text)
}

fn next_ordinal(plan: &Plan) -> u32 {
    u32::try_from(plan.structures.len() + 1).unwrap_or(u32::MAX)
}

/// A bare page number, set aside.
fn page_number(line: &TextLine, roles: &mut Roles) -> Diagnostic {
    roles.set_line(line, LineRole::PageNumber);
    let text = line.to_tab_separated();
    Diagnostic::new(
        Code::PageNumber,
        format!("bare page number {:?} set aside", text.trim()),
    )
    .at_line(line.number, line.page)
    .with_excerpt(&text)
}

fn finish_section(
    current: &mut Option<SectionBuilder>,
    last_line: u32,
    plan: &mut Plan,
    roles: &mut Roles,
    evidence: &mut Evidence,
) {
    if let Some(section) = current.take() {
        let finished = section.finish(last_line);
        evidence.rows_by_content = evidence
            .rows_by_content
            .saturating_add(finished.rows_by_content);
        evidence.rows_without_header = evidence
            .rows_without_header
            .saturating_add(finished.rows_without_header);
        plan.structures.push(finished.structure);
        plan.diagnostics.extend(finished.diagnostics);
        roles.merge(finished.roles);
    }
}

/// Longest cell the year survey reads: due cells, notes included, are short,
/// and reading every long description as a possible date would be wasted work.
const DUE_CELL_MAX_BYTES: usize = 160;

/// Years of the complete dates among the cells that look like dues (each
/// line's last short cell with a figure that does: due dates mostly close
/// their rows, but tables put their columns in any order).
fn due_years(lines: &[TextLine]) -> impl Iterator<Item = u16> + '_ {
    lines
        .iter()
        .filter_map(|line| {
            // The due need not be the last column ("… | Scadenza |
            // Responsabile"): tables put their columns in any order.
            line.cells.iter().skip(1).rev().find(|cell| {
                let text = cell.text.trim();
                text.len() <= DUE_CELL_MAX_BYTES
                    && text.bytes().any(|b| b.is_ascii_digit())
                    && looks_like_due(text)
            })
        })
        .filter_map(|cell| due_year(&cell.text))
}

#[cfg(test)]
mod tests;
