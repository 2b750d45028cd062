//! Reads Italian performance plans into the typed model.
//!
//! Readers (`piano-text` for dumps, `piano-pdf` for PDFs) hand it a
//! [`Layout`], lines of cells; the parser never reads bytes itself. Two stages:
//! 1. `token` and `line`: each cell and line recognised (dates, weights, row
//!    numbers; structure headers, table headers, rows);
//! 2. `assemble`: lines into a [`Plan`], with one named function per recovery
//!    rule and a diagnostic for every repair.
//!
//! The parser never gives up: [`parse`] always returns a plan, whose
//! diagnostics say what could not be read and whose `quality` (see
//! [`quality`]) sums up how well it was read. [`parse_with_roles`] also says
//! what each line became (its [`LineRole`]), as the assembler decided it.

mod assemble;
mod budget_pair;
mod column_order;
mod container;
mod content_columns;
pub mod detect;
mod empty_leading;
mod field_pairs;
mod furniture;
mod glued_header;
pub mod line;
mod ocr_repair;
mod parted;
pub mod quality;
mod run_in_label;
mod text;
pub mod token;
pub mod vocabulary;
mod weight_units;
mod wrapped_header;
mod wrapped_label;

use piano_model::{Layout, LineRole, Plan, Roles, Source, SourceFormat};
pub use vocabulary::{ProfileError, Vocabulary};

/// Parses a layout (from a text or PDF reader) into a plan, with
/// the bundled profiles.
pub fn parse(layout: Layout, source: Source) -> Plan {
    parse_with(layout, source, Vocabulary::bundled())
}

/// Parses a layout with the given profiles: the one that recognises most of
/// the document is used (see [`detect`]). Without profiles, the bundled ones.
pub fn parse_with(layout: Layout, source: Source, profiles: &[Vocabulary]) -> Plan {
    parse_with_roles(layout, source, profiles).0
}

/// Parses a layout as [`parse_with`] does, and says what each of its lines
/// became ([`Roles`]: the title, a structure heading, an objective's row, a
/// line set aside …), as the parser decided it while reading: the same
/// reading, not a second one. Every line of `layout` has exactly one role; a
/// line the plan does not hold has the role of the diagnostic that reports it.
pub fn parse_with_roles(
    mut layout: Layout,
    mut source: Source,
    profiles: &[Vocabulary],
) -> (Plan, Roles) {
    if source.format == SourceFormat::Pdf {
        source.pages = layout.pages;
    }
    let mut roles = Roles::new();
    furniture::strip_running_lines(&mut layout, &mut roles);
    let profiles = if profiles.is_empty() {
        Vocabulary::bundled()
    } else {
        profiles
    };
    // No family is chosen yet: the PIAO's words are the base profile's, the
    // user's when a profile of its name replaces it.
    let base = Vocabulary::default_profile();
    let base = profiles
        .iter()
        .find(|profile| profile.name == base.name)
        .unwrap_or(base);
    container::keep_performance_section(&mut layout, &mut roles, base);
    budget_pair::part_budget_pairs(&mut layout.lines, profiles);
    field_pairs::part_field_pairs(&mut layout.lines, profiles);
    run_in_label::part_run_in_labels(&mut layout.lines, profiles);
    wrapped_header::join_wrapped_headers(&mut layout, &mut roles, profiles);
    glued_header::part_glued_header_cells(&mut layout.lines, profiles);
    let joined_labels = wrapped_label::join_wrapped_labels(&mut layout, profiles);
    empty_leading::drop_empty_leading_cells(&mut layout.lines, profiles);
    weight_units::strip_weight_units(&mut layout.lines, profiles);
    column_order::labels_first(&mut layout.lines, profiles);
    ocr_repair::repair(&mut layout, profiles);
    let doubtful = quality::doubtful_lines(&layout);
    let doubtful_cells = ocr_repair::doubtful_cells(&layout);
    let mut evidence = quality::Evidence::default();
    let mut plan = match detect::detect(&layout.lines, profiles) {
        Some(detection) => assemble::assemble(layout, source, detection, &mut roles, &mut evidence),
        None => {
            // No profile at all (never with the bundled ones): nothing is read.
            for line in &layout.lines {
                roles.fill_line(line, LineRole::Unplaced);
            }
            Plan::new(source)
        }
    };
    wrapped_label::share_roles(&joined_labels, &mut roles);
    ocr_repair::repair_weights(&mut plan, &doubtful_cells);
    evidence.rows_low_confidence = quality::rows_among(&doubtful, &roles);
    plan.quality = quality::assess(&plan, &roles, evidence, profiles);
    (plan, roles)
}

/// Parses a tab-separated dump held in a string, as the unit tests write them.
#[cfg(test)]
pub(crate) fn parse_dump(text: &str) -> Plan {
    parse_dump_with_roles(text).0
}

/// Parses a tab-separated dump held in a string, with each line's role.
#[cfg(test)]
pub(crate) fn parse_dump_with_roles(text: &str) -> (Plan, Roles) {
    parse_with_roles(
        Layout::from_tab_separated(text),
        Source::from_bytes("test.txt", text.as_bytes(), SourceFormat::Text),
        Vocabulary::bundled(),
    )
}

/// The role of each line of a tab-separated dump, by line number, as the
/// unit tests check them.
#[cfg(test)]
pub(crate) fn roles_of(text: &str) -> Vec<(u32, LineRole)> {
    let (_, roles) = parse_dump_with_roles(text);
    roles
        .iter()
        .map(|(number, _, role)| (number, role))
        .collect()
}
