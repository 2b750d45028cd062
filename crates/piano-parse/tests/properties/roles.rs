//! What each line became (`parse_with_roles`): one role per line, and the plan
//! bears it out.

use std::path::{Path, PathBuf};

use piano_model::{Layout, LineRole, Plan, Roles, Source, SourceFormat};
use proptest::prelude::*;

use crate::contains;
use crate::grammar::plan_text;

/// A dump read as the CLI reads it, then parsed with each line's role.
fn parse_with_roles(file: &str, bytes: &[u8]) -> Option<(Layout, Plan, Roles)> {
    let layout = piano_text::read_text(bytes).ok()?;
    let source = Source::from_bytes(file, bytes, SourceFormat::Text);
    let (plan, roles) = piano_parse::parse_with_roles(layout.clone(), source, &[]);
    Some((layout, plan, roles))
}

/// Whether the plan bears out that `line` became `role`: a line the plan
/// holds lies in the part its role names; a line set aside is reported by
/// the diagnostic of its role, at the line or quoting its text (a row of
/// several lines is reported once, at its first), and a PIAO's lines after
/// its performance sub-section by one diagnostic at the first of them.
fn borne_out(line: &piano_model::TextLine, role: LineRole, plan: &Plan) -> bool {
    let number = line.number;
    let in_structure = |held: &dyn Fn(&piano_model::Structure) -> bool| {
        plan.structures
            .iter()
            .any(|s| contains(s.lines, number) && held(s))
    };
    let entries = || {
        plan.structures
            .iter()
            .flat_map(|s| &s.objectives)
            .map(|o| (&o.entry, &o.phases))
    };
    if let Some(code) = role.reported_by() {
        let with_code = || plan.diagnostics.iter().filter(move |d| d.code == code);
        if role == LineRole::OutsidePerformance {
            return with_code().any(|d| d.line.is_some_and(|at| at <= number));
        }
        let cells: Vec<&str> = line
            .cells
            .iter()
            .map(|cell| cell.text.trim())
            .filter(|text| !text.is_empty())
            .collect();
        return with_code()
            .any(|d| d.line == Some(number) || cells.iter().all(|cell| d.message.contains(cell)));
    }
    let first_structure = plan.structures.first().map_or(u32::MAX, |s| s.lines.0);
    match role {
        LineRole::Ente | LineRole::Preamble => number <= first_structure,
        LineRole::Title => number <= first_structure && plan.title.is_some(),
        LineRole::Objective => entries().any(|(entry, _)| contains(entry.lines, number)),
        LineRole::Phase => entries()
            .flat_map(|(_, phases)| phases)
            .any(|phase| contains(phase.lines, number)),
        LineRole::StaffRow => in_structure(&|s| !s.staff.is_empty()),
        // A header printed once above the first structure holds for those
        // below it.
        LineRole::TableHeader if number < first_structure => !plan.structures.is_empty(),
        _ => in_structure(&|_| true),
    }
}

/// Every line of `layout` has one role, and the plan bears each out.
fn check_roles(layout: &Layout, plan: &Plan, roles: &Roles) -> Result<(), String> {
    if roles.len() != layout.lines.len() {
        return Err(format!(
            "{} roles for {} lines",
            roles.len(),
            layout.lines.len()
        ));
    }
    for line in &layout.lines {
        let Some(role) = roles.of(line) else {
            return Err(format!("line {} has no role", line.number));
        };
        if !borne_out(line, role, plan) {
            return Err(format!(
                "line {} ({:?}) is {role}, which the plan does not bear out",
                line.number,
                line.to_tab_separated()
            ));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plan_like_lines_each_get_a_role_the_plan_bears_out((_lines, text) in plan_text()) {
        if let Some((layout, plan, roles)) = parse_with_roles("generated.txt", text.as_bytes()) {
            check_roles(&layout, &plan, &roles).map_err(TestCaseError::fail)?;
        }
    }
}

/// The text dumps under `dir`, at any depth, sorted.
fn text_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for path in entries.filter_map(|entry| entry.ok().map(|entry| entry.path())) {
        if path.is_dir() {
            found.extend(text_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "txt") {
            found.push(path);
        }
    }
    found.sort();
    found
}

#[test]
fn every_fixture_line_gets_a_role_the_plan_bears_out() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let files = text_files(&fixtures);
    assert!(files.len() > 100, "the fixtures are found: {}", files.len());
    let mut failures = Vec::new();
    for path in files {
        let bytes = std::fs::read(&path).expect("a fixture is readable");
        let name = path.display().to_string();
        // Dumps refused by the reader (lost columns) have no lines to read.
        let Some((layout, plan, roles)) = parse_with_roles(&name, &bytes) else {
            continue;
        };
        if let Err(why) = check_roles(&layout, &plan, &roles) {
            failures.push(format!("{name}: {why}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
