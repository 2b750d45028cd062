//! Lines to a plan: the preamble, then one structure after another.
//!
//! Assembly is plain Rust over classified lines. Every non-blank line ends up
//! in the model (preamble, structure, row) or in a diagnostic; a final
//! accounting pass guarantees it.

mod checks;
mod enrich;
mod preamble;
mod recover;
mod row;
mod section;

use piano_model::{Code, Diagnostic, DocumentKind, Layout, Plan, Source, TextLine};

use crate::detect::Detection;
use crate::line::LineKind;
use crate::token::due::{due_year, looks_like_due};
use section::SectionBuilder;

/// Builds the plan from a layout's lines.
pub fn assemble(layout: Layout, source: Source, detection: Detection) -> Plan {
    let mut plan = Plan::new(source);
    plan.diagnostics = layout.diagnostics;
    plan.family = Some(detection.profile.name.clone());
    plan.document_kind = Some(DocumentKind::Plan);
    plan.diagnostics.push(detection.diagnostic());
    let words = detection.profile;
    let lines = layout.lines;
    let kinds = &detection.kinds;
    let first_structure = kinds
        .iter()
        .position(|kind| matches!(kind, LineKind::Structure(_)));
    let preamble_end = first_structure.unwrap_or(lines.len());

    let (page_numbers, prose): (Vec<_>, Vec<_>) = lines[..preamble_end]
        .iter()
        .zip(kinds)
        .partition(|(_, kind)| matches!(kind, LineKind::PageNumber));
    plan.diagnostics
        .extend(page_numbers.into_iter().map(|(line, _)| page_number(line)));
    let prose: Vec<TextLine> = prose.into_iter().map(|(line, _)| line.clone()).collect();
    let preamble = preamble::read_preamble(&prose, words);
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
        &mut plan.diagnostics,
    );
    plan.preamble = preamble.sections;

    let mut current: Option<SectionBuilder> = None;
    for (index, (line, kind)) in lines.iter().zip(kinds).enumerate().skip(preamble_end) {
        if let LineKind::Structure(heading) = kind {
            finish_section(&mut current, line.number.saturating_sub(1), &mut plan);
            let ordinal = u32::try_from(plan.structures.len() + 1).unwrap_or(u32::MAX);
            current = Some(SectionBuilder::new(
                ordinal,
                heading.clone(),
                line,
                words,
                plan.year,
            ));
            continue;
        }
        let Some(section) = current.as_mut() else {
            continue;
        };
        section.saw(line.number);
        match kind {
            LineKind::Structure(_) => {}
            LineKind::Field(field, value) => section.field(*field, value.clone(), line),
            LineKind::TableHeader(columns) => section.table_header(columns.clone(), line),
            LineKind::StaffTitle => section.staff_title(),
            LineKind::Row(number) => {
                let next_row = lines[index + 1..]
                    .iter()
                    .zip(&kinds[index + 1..])
                    .find(|(_, kind)| matches!(kind, LineKind::Row(_) | LineKind::Structure(_)))
                    .filter(|(_, kind)| matches!(kind, LineKind::Row(_)))
                    .map(|(line, _)| line);
                section.row(number.clone(), line, next_row);
            }
            LineKind::Continuation => section.continuation(line),
            LineKind::PageNumber => plan.diagnostics.push(page_number(line)),
            LineKind::Text => section.text(line),
        }
    }
    let last_line = lines.last().map_or(0, |line| line.number);
    finish_section(&mut current, last_line, &mut plan);
    if plan.structures.is_empty() {
        plan.family = None;
        plan.document_kind = None;
        plan.diagnostics
            .push(Diagnostic::new(Code::NoPlanFound, detection.why_no_plan()));
    }
    plan
}

/// A bare page number, set aside.
fn page_number(line: &TextLine) -> Diagnostic {
    let text = line.to_tab_separated();
    Diagnostic::new(
        Code::PageNumber,
        format!("bare page number {:?} set aside", text.trim()),
    )
    .at_line(line.number, line.page)
    .with_excerpt(&text)
}

fn finish_section(current: &mut Option<SectionBuilder>, last_line: u32, plan: &mut Plan) {
    if let Some(section) = current.take() {
        let (structure, diagnostics) = section.finish(last_line);
        plan.structures.push(structure);
        plan.diagnostics.extend(diagnostics);
    }
}

/// Longest cell the year survey reads: due cells, notes included, are short,
/// and reading every long description as a possible date would be wasted work.
const DUE_CELL_MAX_BYTES: usize = 160;

/// Years of the complete dates among the cells that look like dues (each
/// line's last filled cell: due dates close their rows).
fn due_years(lines: &[TextLine]) -> impl Iterator<Item = u16> + '_ {
    lines
        .iter()
        .filter_map(|line| {
            line.cells
                .iter()
                .skip(1)
                .rev()
                .find(|cell| !cell.text.trim().is_empty())
        })
        .filter(|cell| cell.text.len() <= DUE_CELL_MAX_BYTES && looks_like_due(&cell.text))
        .filter_map(|cell| due_year(&cell.text))
}

#[cfg(test)]
mod tests {
    use piano_model::LineSpan;

    #[test]
    fn a_heading_after_a_mid_line_form_feed_leaves_the_structure_above_whole() {
        let plan = crate::parse_text("ff.txt", "STRUTTURA: A\n1\tx\u{c}STRUTTURA: B\n".as_bytes())
            .expect("text");
        let spans: Vec<LineSpan> = plan.structures.iter().map(|s| s.lines).collect();
        assert_eq!(spans, [LineSpan(1, 2), LineSpan(2, 2)]);
        assert_eq!(plan.structures[0].objectives[0].entry.lines, LineSpan(2, 2));
    }
}
