//! Properties of the text parser over generated input.
//!
//! - Any bytes at all: read by `piano-text` and parsed, give a plan or a read
//!   error, never a panic.
//! - Lines drawn from a grammar of plausible plan lines (structure headings,
//!   header fields, table headers, rows with missing cells, continuations,
//!   page numbers, staff tables, prose, debris; LF, CRLF or CR line ends;
//!   form feeds) never panic, and nothing is lost: every non-blank line lies
//!   in the preamble (before the first structure), in a structure's line span,
//!   or in a diagnostic; spans are ordered and nested as the contract describes
//!   them. Stricter: the words of every field, row, continuation and prose
//!   line are somewhere in the plan, or a diagnostic names the line. And the
//!   promised diagnostics are raised: weight sums more than 1 point off 100%,
//!   dues without a date; row numbers are unique keys within a structure.
//! - Synthetic plans from `piano-corpus` (a seeded generator that writes a
//!   text dump and the plan it means): the dump parses to that plan, with the
//!   promised diagnostics.
//! - What each line became (`parse_with_roles`), over the plan-like lines and
//!   every text fixture: each line of the layout has one role, and the plan
//!   bears it out (an objective's line lies in an objective, a line set aside
//!   has the diagnostic of its role).

use std::path::{Path, PathBuf};

use piano_model::{Layout, LineRole, LineSpan, Plan, Roles, Source, SourceFormat};
use proptest::prelude::*;
use proptest::sample::select;

/// A dump read as the CLI reads it, then parsed.
fn parse_text(file: &str, bytes: &[u8]) -> Result<Plan, piano_text::ReadError> {
    let layout = piano_text::read_text(bytes)?;
    let source = Source::from_bytes(file, bytes, SourceFormat::Text);
    Ok(piano_parse::parse(layout, source))
}

fn parse(bytes: &[u8]) -> Option<Plan> {
    parse_text("generated.txt", bytes).ok()
}

// ---- (a) arbitrary bytes ------------------------------------------------------

/// Bytes that are mostly text: tabs, line ends, form feeds, digits, percent
/// signs, brackets, UTF-8 and Windows-1252 accents, the occasional NUL.
fn texty_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        6 => select(b"0123456789.%()/-: \t\n\r\x0cabcdeFASE".to_vec()),
        2 => any::<u8>(),
        1 => select(vec![0xC3, 0xA0, 0xE0, 0xE8, 0x96, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0x00]),
    ];
    proptest::collection::vec(byte, 0..600)
}

proptest! {
    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        let _ = parse_text("bytes.txt", &bytes);
    }

    #[test]
    fn text_like_bytes_never_panic(bytes in texty_bytes()) {
        let _ = parse_text("bytes.txt", &bytes);
    }
}

// ---- (b) a grammar of plan lines ---------------------------------------------

fn words() -> impl Strategy<Value = String> {
    let word = select(vec![
        "Obiettivo",
        "di",
        "mantenimento:",
        "sviluppo:",
        "Fase:",
        "gestione",
        "dei",
        "servizi",
        "entro",
        "il",
        "31.12.2021",
        "(pluriennale",
        ")",
        "100%",
        "N.",
        "Missione",
        "ad",
        "interim",
        "STRUTTURA",
        "AREA",
        "–",
        "-",
        ";",
        "città",
        "<i>",
        "</i>",
    ]);
    proptest::collection::vec(word, 0..8).prop_map(|words| words.join(" "))
}

fn row_number() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u8..25).prop_map(|n| n.to_string()),
        (1u8..25, 1u8..6).prop_map(|(n, p)| format!("{n}.{p}")),
        (1u8..25, 1u8..6).prop_map(|(n, p)| format!("{n}.{p}.")),
        Just("0".to_owned()),
    ]
}

fn weight() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u8..=100).prop_map(|w| format!("{w}%")),
        (0u8..=100).prop_map(|w| format!("({w}%)")),
        (0u8..100, 0u8..100).prop_map(|(w, d)| format!("{w},{d} %")),
        Just(String::new()),
        Just("(50%))".to_owned()),
    ]
}

fn due() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u8..32, 1u8..13, 2019u16..2026).prop_map(|(d, m, y)| format!("{d:02}.{m:02}.{y}")),
        (1u8..32, 1u8..13, 19u16..26).prop_map(|(d, m, y)| format!("{d}/{m}/{y}")),
        (1u8..32, 1u8..13).prop_map(|(d, m)| format!("{d}.{m} di ogni anno")),
        select(vec![
            "31.12.202 1",
            "31.12.202",
            "novembre 2021",
            "1 dicembre di ogni",
            "anno",
            "pluriennale",
            "31.12 di",
            "(pluriennale",
            "31.01.2022 (salvo diverso termine)",
            "entro il 30.06.2021",
        ])
        .prop_map(str::to_owned),
    ]
}

/// A generated line, and from which cell on its words must reach the plan
/// (`None`: headings, headers, page numbers and debris, whose words the model
/// need not keep).
type Line = (String, Option<usize>);

fn content(skip: usize) -> impl Fn(String) -> Line {
    move |line| (line, Some(skip))
}

fn other(line: String) -> Line {
    (line, None)
}

/// One line a plan of this family may hold, or debris such a plan may contain.
fn plan_line() -> impl Strategy<Value = Line> {
    prop_oneof![
        2 => (
            select(vec!["STRUTTURA", "SETTORE", "Area", "SERVIZIO"]),
            words(),
            select(vec![" - ", " – ", " "]),
            select(vec!["DIRIGENTE/RESPONSABILE", "RESPONSABILE", ""]),
            words(),
        )
            .prop_map(|(kind, name, dash, role, head)| other(format!("{kind}: {name}{dash}{role}: {head}"))),
        2 => (
            select(vec!["Linea Strategica", "Obiettivo Strategico", "Missione", "Obiettivo Operativo"]),
            words(),
        )
            .prop_map(|(field, value)| format!("{field}\t{value}"))
            .prop_map(content(1)),
        1 => select(vec![
            "N°\tDescrizione Obiettivi Operativi\tPeso %\tIndicatori di Misurazione\tValori Attesi\tData Fine Attesa",
            "N.\tObiettivi Gestionali\tPeso\tIndicatore\tTarget\tScadenza",
            "N.\tDipendenti\tObiettivo\tPeso %",
            "Dipendenti coinvolti sugli obiettivi:",
        ])
        .prop_map(|line| other(line.to_owned())),
        6 => (row_number(), words(), weight(), words(), words(), due(), 0usize..6).prop_map(
            |(number, description, weight, indicators, expected, due, dropped)| {
                let mut cells = vec![number, description, weight, indicators, expected, due];
                if dropped > 1 {
                    cells.remove(dropped);
                }
                cells.join("\t")
            }
        )
        .prop_map(content(1)),
        2 => (0usize..5, words(), proptest::option::of(due())).prop_map(|(tabs, text, due)| {
            let mut line = "\t".repeat(tabs) + &text;
            if let Some(due) = due {
                line.push('\t');
                line.push_str(&due);
            }
            line
        })
        .prop_map(content(0)),
        1 => (1u16..300).prop_map(|n| other(n.to_string())),
        1 => words().prop_map(content(0)),
        1 => "[ -~\t()%°–àè]{0,40}".prop_map(other),
        1 => select(vec!["", "   ", "\t"]).prop_map(|line| other(line.to_owned())),
    ]
}

fn plan_lines() -> impl Strategy<Value = Vec<Line>> {
    let opening = Just(vec![
        other("COMUNE DI PORTOFERRAIO".to_owned()),
        other("Provincia di LIVORNO".to_owned()),
        other("PIANO DEGLI OBIETTIVI 2021".to_owned()),
    ]);
    (opening, proptest::collection::vec(plan_line(), 0..60)).prop_map(|(mut lines, body)| {
        lines.extend(body);
        lines
    })
}

/// Words a plan must keep: those with a letter, leaving out weights, markup
/// the contract removes, and the "ad interim" marker it moves into a flag.
fn kept_words(line: &str, from_cell: usize) -> Vec<&str> {
    line.split('\t')
        .skip(from_cell)
        .flat_map(str::split_whitespace)
        .filter(|word| word.chars().any(char::is_alphabetic))
        .filter(|word| !word.contains(['%', '<', '>']))
        .filter(|word| !matches!(*word, "ad" | "interim"))
        .collect()
}

/// Whether line `index` starts with a tab and the lines between it and the
/// nearest table header above are all such lines: the rest of a header
/// wrapped over several lines, whose words the model need not keep.
fn continues_a_header(lines: &[Line], index: usize) -> bool {
    for (line, _) in lines[..=index].iter().rev() {
        let line = line.trim_start_matches('\u{c}');
        if line.trim().is_empty() {
            continue;
        }
        if line.starts_with('N') && line.contains("\tPeso") {
            return true;
        }
        if !line.starts_with('\t') {
            return false;
        }
    }
    false
}

/// A header-field label ("Missione"): the model keeps it as the field its
/// value goes to, not as words.
fn is_field_label(cell: &str) -> bool {
    let label = cell.trim_matches(|c: char| c.is_whitespace() || c == ':' || c == '\u{c}');
    [
        "Linea Strategica",
        "Obiettivo Strategico",
        "Missione",
        "Obiettivo Operativo",
    ]
    .contains(&label)
}

/// A header-field label alone on its line: a label whose value never came
/// carries no data for the model to keep.
fn is_bare_field_label(line: &str) -> bool {
    is_field_label(line)
}

/// Nothing is lost silently: the words of every content line are somewhere in
/// the plan (model, preamble or a diagnostic), or a diagnostic names the line.
fn check_words(lines: &[Line], plan: &Plan) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
    for (index, (line, from_cell)) in lines.iter().enumerate() {
        let Some(from_cell) = *from_cell else {
            continue;
        };
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if plan.diagnostics.iter().any(|d| d.line == Some(number))
            || continues_a_header(lines, index)
            || is_bare_field_label(line)
        {
            continue;
        }
        let labelled = line.split('\t').next().is_some_and(is_field_label);
        let from_cell = if labelled {
            from_cell.max(1)
        } else {
            from_cell
        };
        for word in kept_words(line.trim_start_matches('\u{c}'), from_cell) {
            prop_assert!(
                json.contains(word),
                "line {number} ({line:?}): {word:?} is nowhere in the plan"
            );
        }
    }
    Ok(())
}

fn contains(span: LineSpan, line: u32) -> bool {
    span.0 <= line && line <= span.1
}

/// What the contract promises about where lines go, for a plan read from
/// `lines` (joined by one kind of line end; a form feed starts a page, not a line).
fn check_accounting(lines: &[Line], plan: &Plan) -> Result<(), TestCaseError> {
    let last_line = u32::try_from(lines.len()).unwrap_or(u32::MAX);
    let first_structure = plan.structures.first().map_or(u32::MAX, |s| s.lines.0);
    for (index, (line, _)) in lines.iter().enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if line.trim().is_empty() {
            continue;
        }
        let accounted = number < first_structure
            || plan.structures.iter().any(|s| contains(s.lines, number))
            || plan.diagnostics.iter().any(|d| d.line == Some(number));
        prop_assert!(accounted, "line {number} ({line:?}) is nowhere in the plan");
    }
    let mut previous_end = 0;
    for (index, structure) in plan.structures.iter().enumerate() {
        prop_assert_eq!(usize::try_from(structure.ordinal).ok(), Some(index + 1));
        let span = structure.lines;
        prop_assert!(
            span.0 <= span.1 && span.1 <= last_line,
            "structure span {span:?}"
        );
        prop_assert!(
            span.0 > previous_end,
            "structure {} overlaps the one before",
            structure.ordinal
        );
        previous_end = span.1;
        let entries = structure
            .objectives
            .iter()
            .flat_map(|o| std::iter::once(&o.entry).chain(&o.phases));
        for entry in entries {
            let inner = entry.lines;
            prop_assert!(
                inner.0 <= inner.1 && contains(span, inner.0) && contains(span, inner.1),
                "row {} of structure {} spans {inner:?}, outside {span:?}",
                entry.number,
                structure.ordinal
            );
            if let Some(weight) = entry.weight {
                prop_assert!(weight.is_finite(), "row {} weight {weight}", entry.number);
            }
        }
    }
    for diagnostic in &plan.diagnostics {
        if let Some(line) = diagnostic.line {
            prop_assert!((1..=last_line).contains(&line), "diagnostic at line {line}");
        }
    }
    Ok(())
}

/// Plan-like lines, with one kind of line end and form feeds at random.
fn plan_text() -> impl Strategy<Value = (Vec<Line>, String)> {
    (
        plan_lines(),
        select(vec!["\n", "\r\n", "\r"]),
        proptest::collection::vec(any::<bool>(), 64),
    )
        .prop_map(|(lines, end, page_breaks)| {
            let lines: Vec<Line> = lines
                .into_iter()
                .zip(page_breaks.iter().cycle())
                .map(|((line, from_cell), &page_break)| {
                    let line = if page_break && line.len() % 5 == 0 {
                        format!("\u{c}{line}")
                    } else {
                        line
                    };
                    (line, from_cell)
                })
                .collect();
            let text = lines
                .iter()
                .map(|(line, _)| line.as_str())
                .collect::<Vec<_>>()
                .join(end);
            (lines, text)
        })
}

/// The row numbers (objectives and phases) a structure holds more than once:
/// with `structure` and `number` the keys of the CSV tables, none should.
fn duplicate_numbers(structure: &piano_model::Structure) -> Vec<&str> {
    let mut seen = std::collections::BTreeSet::new();
    structure
        .objectives
        .iter()
        .flat_map(|o| std::iter::once(&o.entry).chain(&o.phases))
        .map(|entry| entry.number.as_str())
        .filter(|number| !seen.insert(*number))
        .collect()
}

/// Whether a diagnostic with `code` concerns structure `ordinal` (and, when
/// given, row `number`).
fn raised(plan: &Plan, code: &str, ordinal: u32, number: Option<&str>) -> bool {
    plan.diagnostics.iter().any(|d| {
        d.code.as_str() == code
            && d.structure == Some(ordinal)
            && number.is_none_or(|number| d.number.as_deref() == Some(number))
    })
}

/// The diagnostics the contract promises: a weight sum more than 1 point off
/// 100% is reported (for objectives of a structure, and for phases of an
/// objective, when every weight is given) and one within the tolerance is not;
/// a due cell without a recognisable date comes with a diagnostic on its row.
fn check_promised_diagnostics(plan: &Plan) -> Result<(), TestCaseError> {
    let off = |weights: &[Option<f64>]| -> Option<bool> {
        let all: Option<Vec<f64>> = weights.iter().copied().collect();
        let all = all.filter(|all| !all.is_empty())?;
        Some((all.iter().sum::<f64>() - 100.0).abs() > 1.0 + 1e-9)
    };
    for structure in plan
        .structures
        .iter()
        .filter(|s| duplicate_numbers(s).is_empty())
    {
        let ordinal = structure.ordinal;
        let weights: Vec<Option<f64>> = structure
            .objectives
            .iter()
            .map(|o| o.entry.weight)
            .collect();
        if let Some(off) = off(&weights) {
            prop_assert_eq!(
                off,
                raised(plan, "weight-sum", ordinal, None),
                "structure {}: objective weights {:?}",
                ordinal,
                weights
            );
        }
        for objective in &structure.objectives {
            let number = objective.entry.number.as_str();
            let weights: Vec<Option<f64>> = objective.phases.iter().map(|p| p.weight).collect();
            if let Some(off) = off(&weights) {
                prop_assert_eq!(
                    off,
                    raised(plan, "phase-weight-sum", ordinal, Some(number)),
                    "structure {} objective {}: phase weights {:?}",
                    ordinal,
                    number,
                    weights
                );
            }
            for entry in std::iter::once(&objective.entry).chain(&objective.phases) {
                let Some(due) = entry.due.as_ref().filter(|due| due.date.is_none()) else {
                    continue;
                };
                let on_row = plan.diagnostics.iter().any(|d| {
                    d.line.is_some_and(|line| contains(entry.lines, line))
                        || (d.structure == Some(ordinal)
                            && d.number.as_deref() == Some(entry.number.as_str()))
                });
                prop_assert!(
                    on_row,
                    "structure {} row {}: due {:?} has no date and no diagnostic",
                    ordinal,
                    entry.number,
                    due.raw
                );
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn plan_like_lines_are_all_accounted_for((lines, text) in plan_text()) {
        let plan = parse(text.as_bytes());
        prop_assert!(plan.is_some(), "plan-like text is read as text");
        if let Some(plan) = plan {
            check_accounting(&lines, &plan)?;
        }
    }

    #[test]
    fn plan_like_lines_lose_no_words((lines, text) in plan_text()) {
        if let Some(plan) = parse(text.as_bytes()) {
            check_words(&lines, &plan)?;
        }
    }

    #[test]
    fn row_numbers_are_unique_within_a_structure((_lines, text) in plan_text()) {
        if let Some(plan) = parse(text.as_bytes()) {
            for structure in &plan.structures {
                let duplicates = duplicate_numbers(structure);
                prop_assert!(
                    duplicates.is_empty(),
                    "structure {} holds {:?} more than once",
                    structure.ordinal,
                    duplicates
                );
            }
        }
    }

    #[test]
    fn plan_like_lines_get_the_promised_diagnostics((_lines, text) in plan_text()) {
        if let Some(plan) = parse(text.as_bytes()) {
            check_promised_diagnostics(&plan)?;
        }
    }
}

// ---- (c) synthetic plans from piano-corpus ------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn synthetic_dumps_parse_to_the_plans_they_mean(seed in any::<u64>(), index in 0usize..1000) {
        let documents = piano_corpus::sample(seed, index, false).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for document in documents {
            let plan = parse_text(&document.file, &document.bytes)
                .map_err(|e| TestCaseError::fail(format!("{}: {e}", document.file)))?;
            let expected = piano_corpus::expect::expected_json(&document.expected);
            let actual = serde_json::to_value(&plan).map_err(|e| TestCaseError::fail(e.to_string()))?;
            check_promised_diagnostics(&plan)?;
            let mismatches = piano_corpus::compare::compare(&expected, &actual);
            let listed: Vec<String> = mismatches.iter().map(ToString::to_string).collect();
            prop_assert!(
                mismatches.is_empty(),
                "seed {seed} index {index} ({}): {} fields differ:\n{}",
                document.file,
                mismatches.len(),
                listed.join("\n")
            );
        }
    }
}

// ---- (d) what each line became -----------------------------------------------

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
