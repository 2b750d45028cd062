//! Diagnostics as a tested contract: every fixture with a hand-checked
//! `<stem>.diagnostics.tsv` beside it must raise exactly the diagnostics the
//! file lists, and every diagnostic code is listed by at least one fixture.
//!
//! Data-driven: adding a case means adding files, never code. The input of
//! `<stem>.diagnostics.tsv` is `<stem>.txt`, `<stem>.pdf` or a scan
//! (`<stem>.png`, `<stem>.tif`, or a PDF named `scanned…`, all read by OCR
//! only where tesseract is installed) in the same
//! folder (`fidenza-2023.chromium.diagnostics.tsv` goes with
//! `fidenza-2023.chromium.pdf`). The file's format (`docs/diagnostics.md`,
//! "Each fixture's diagnostics, listed by hand"):
//!
//! - `#` starts a comment line; blank lines are skipped;
//! - every other line is `code<TAB>where<TAB>why`: `where` is the
//!   diagnostic's 1-based line (`12`), its page when it has no line (`p3`),
//!   or `-` when it has neither; `why` says, for a reader, what the input
//!   holds there (free text, required);
//! - `wrong:code` marks a diagnostic piano raises that it should not (a false
//!   positive, checked against the input): it is expected all the same, so
//!   that the test passes, and reported; the test fails once piano stops
//!   raising it, so that the row is deleted;
//! - `missing:code` marks a diagnostic piano should raise and does not: it
//!   is not expected, and reported; the test fails once piano raises it, so
//!   that the marker is dropped;
//! - `refused` (where `-`) says piano writes no plan for the input at all (a
//!   password, a scan): the file lists nothing else.
//!
//! The comparison counts duplicates and ignores order; a failure prints, for
//! every pair missing or unexpected, the message piano gave and the text of
//! the line it points to, so that it can be checked against the input.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use piano_model::Code;
use serde_json::Value;

use crate::support::{extracted, fixture_name, fixtures, piano, tesseract_at_hand};

/// Where a diagnostic points: the key it is listed under.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Where {
    Line(u32),
    Page(u32),
    Nowhere,
}

impl std::fmt::Display for Where {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Where::Line(line) => write!(f, "{line}"),
            Where::Page(page) => write!(f, "p{page}"),
            Where::Nowhere => f.write_str("-"),
        }
    }
}

impl Where {
    fn parse(text: &str) -> Option<Where> {
        match text {
            "-" => Some(Where::Nowhere),
            _ => match text.strip_prefix('p') {
                Some(page) => page.parse().ok().map(Where::Page),
                None => text.parse().ok().map(Where::Line),
            },
        }
    }

    /// The key of a diagnostic of piano's JSON output: its line if it has
    /// one, else its page.
    fn of(diagnostic: &Value) -> Where {
        let number = |key: &str| {
            diagnostic
                .get(key)
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok())
        };
        match (number("line"), number("page")) {
            (Some(line), _) => Where::Line(line),
            (None, Some(page)) => Where::Page(page),
            (None, None) => Where::Nowhere,
        }
    }
}

/// What a listed row says of its diagnostic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// Raised, and right.
    Expected,
    /// Raised, but a false positive (`wrong:`).
    Wrong,
    /// Not raised, but it should be (`missing:`).
    Missing,
}

/// One listed row.
struct Row {
    mark: Mark,
    code: String,
    at: Where,
    why: String,
    line_number: usize,
}

/// One fixture with a diagnostics list.
struct Case {
    input: PathBuf,
    list: PathBuf,
    refused: bool,
    rows: Vec<Row>,
}

impl Case {
    /// The list's path from the repository's root, for messages.
    fn list_name(&self) -> String {
        format!("fixtures/{}", fixture_name(&self.list))
    }

    fn name(&self) -> String {
        fixture_name(&self.input)
    }
}

/// The suffix of a diagnostics list.
const SUFFIX: &str = ".diagnostics.tsv";

/// The extensions of the inputs a diagnostics list goes with.
const INPUTS: [&str; 4] = ["txt", "pdf", "png", "tif"];

/// Reads a diagnostics list; panics with the file and line on a malformed row.
fn read_list(list: &Path) -> Case {
    let name = list
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(SUFFIX).expect("a diagnostics list");
    let inputs: Vec<PathBuf> = INPUTS
        .iter()
        .map(|ext| list.with_file_name(format!("{stem}.{ext}")))
        .filter(|path| path.is_file())
        .collect();
    let [input] = inputs.as_slice() else {
        panic!(
            "{}: expected exactly one input {stem}.{{txt,pdf,png,tif}} beside it, found {}",
            list.display(),
            inputs.len()
        );
    };
    let text = std::fs::read_to_string(list).unwrap_or_else(|e| panic!("{}: {e}", list.display()));
    let mut rows = Vec::new();
    let mut refused = false;
    for (index, line) in text.lines().enumerate() {
        let at_line = || format!("{}:{}", list.display(), index + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.splitn(3, '\t').collect();
        let [code, at, why] = fields.as_slice() else {
            panic!("{}: expected code<TAB>where<TAB>why: {line:?}", at_line());
        };
        assert!(!why.trim().is_empty(), "{}: say why", at_line());
        let at = Where::parse(at)
            .unwrap_or_else(|| panic!("{}: where is a line, p<page> or -: {at:?}", at_line()));
        if *code == "refused" {
            refused = true;
            continue;
        }
        let (mark, code) = match code.split_once(':') {
            Some(("wrong", code)) => (Mark::Wrong, code),
            Some(("missing", code)) => (Mark::Missing, code),
            Some(_) => panic!("{}: the marks are wrong: and missing:", at_line()),
            None => (Mark::Expected, *code),
        };
        assert!(
            Code::ALL.iter().any(|c| c.as_str() == code),
            "{}: {code:?} is no diagnostic code",
            at_line()
        );
        rows.push(Row {
            mark,
            code: code.to_owned(),
            at,
            why: (*why).to_owned(),
            line_number: index + 1,
        });
    }
    assert!(
        !refused || rows.is_empty(),
        "{}: a refused input lists no diagnostics",
        list.display()
    );
    Case {
        input: input.clone(),
        list: list.to_path_buf(),
        refused,
        rows,
    }
}

/// Every `fixtures/**/*.diagnostics.tsv`, sorted.
fn cases() -> Vec<Case> {
    let mut lists = Vec::new();
    collect_lists(&fixtures(), &mut lists);
    lists.sort();
    lists.iter().map(|list| read_list(list)).collect()
}

fn collect_lists(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            collect_lists(&path, found);
        } else if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().ends_with(SUFFIX))
        {
            found.push(path);
        }
    }
}

/// The input's lines as the diagnostics number them: a dump's own lines
/// (split at line feeds only, as a form feed starts a line), or the lines
/// `piano text` prints for a PDF (`None` when there are none).
fn text_lines(input: &Path) -> Option<Vec<String>> {
    if input.extension().is_some_and(|ext| ext == "txt") {
        let bytes = std::fs::read(input).ok()?;
        let text = String::from_utf8_lossy(&bytes);
        return Some(
            text.split('\n')
                .map(|line| line.trim_end_matches('\r').to_owned())
                .collect(),
        );
    }
    let run = piano(&["text", &input.to_string_lossy()]);
    (run.code == Some(0)).then(|| run.stdout.split('\n').map(str::to_owned).collect())
}

/// The line a key points to, for a failure report.
fn shown_line(lines: Option<&[String]>, at: &Where) -> String {
    match (lines, at) {
        (Some(lines), Where::Line(line)) => {
            let index = usize::try_from(*line).unwrap_or(usize::MAX);
            lines.get(index.wrapping_sub(1)).map_or_else(
                || "(no such line)".to_owned(),
                |text| {
                    let text: String = text.replace('\t', " ⇥ ").chars().take(160).collect();
                    format!("\n        line {line}: {text:?}")
                },
            )
        }
        _ => String::new(),
    }
}

/// Checks one fixture; returns the failure report, if any, and writes the
/// known discrepancies to standard error.
fn check(case: &Case) -> Option<String> {
    let name = case.name();
    // A scan: an image, or a PDF of one (named so).
    let scan = case
        .input
        .extension()
        .is_some_and(|ext| ext == "png" || ext == "tif")
        || name.contains("scanned");
    if scan && !tesseract_at_hand(&name) {
        return None;
    }
    let output = match extracted(&case.input) {
        Ok(plan) if !case.refused => plan,
        Ok(_) => {
            return Some(format!(
                "{name}: listed as refused in {}, but piano wrote a plan\n",
                case.list_name()
            ));
        }
        Err(_) if case.refused => return None,
        Err(why) => return Some(format!("{name}: {why}\n")),
    };
    let produced: Vec<(String, Where, String)> = output["diagnostics"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap_or_default().to_owned(),
                Where::of(d),
                d["message"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    // What piano raises, counted: each pair with the messages it came with.
    let mut raised: BTreeMap<(String, Where), Vec<String>> = BTreeMap::new();
    for (code, at, message) in &produced {
        raised
            .entry((code.clone(), at.clone()))
            .or_default()
            .push(message.clone());
    }
    let mut unexpected = raised.clone();
    let mut missing: Vec<&Row> = Vec::new();
    let mut stale: Vec<String> = Vec::new();
    let mut known: Vec<String> = Vec::new();
    for row in &case.rows {
        let key = (row.code.clone(), row.at.clone());
        let found = unexpected.get_mut(&key).and_then(Vec::pop).is_some();
        match (row.mark, found) {
            (Mark::Expected, true) => {}
            (Mark::Expected, false) => missing.push(row),
            (Mark::Wrong, true) => known.push(format!(
                "    wrong: {} at {}: {}",
                row.code, row.at, row.why
            )),
            (Mark::Wrong, false) => stale.push(format!(
                "    {}:{}: wrong:{} at {} is no longer raised: delete the row",
                case.list_name(),
                row.line_number,
                row.code,
                row.at
            )),
            (Mark::Missing, false) => known.push(format!(
                "    missing: {} at {}: {}",
                row.code, row.at, row.why
            )),
            (Mark::Missing, true) => stale.push(format!(
                "    {}:{}: missing:{} at {} is raised now: drop the `missing:` mark if it is right",
                case.list_name(),
                row.line_number,
                row.code,
                row.at
            )),
        }
    }
    unexpected.retain(|_, messages| !messages.is_empty());
    if !known.is_empty() {
        // Written to the stream itself, not through `eprintln!`, so that the
        // report shows although the test harness captures output.
        let report = format!(
            "known diagnostic discrepancies in {name}:\n{}\n",
            known.join("\n")
        );
        let _ = std::io::stderr().write_all(report.as_bytes());
    }
    if missing.is_empty() && unexpected.is_empty() && stale.is_empty() {
        return None;
    }
    let lines = text_lines(&case.input);
    let mut report = format!(
        "{name}: the diagnostics differ from {} (check each against the input, then edit the list)\n",
        case.list_name()
    );
    for row in &missing {
        let _ = writeln!(
            report,
            "  - listed, not raised: {}\t{}\t{} ({}:{}){}",
            row.code,
            row.at,
            row.why,
            case.list_name(),
            row.line_number,
            shown_line(lines.as_deref(), &row.at)
        );
    }
    for ((code, at), messages) in &unexpected {
        for message in messages {
            let _ = writeln!(
                report,
                "  + raised, not listed: {code}\t{at}\t{message}{}",
                shown_line(lines.as_deref(), at)
            );
        }
    }
    for line in stale {
        let _ = writeln!(report, "{line}");
    }
    Some(report)
}

#[test]
fn every_fixture_raises_the_diagnostics_listed_beside_it() {
    let cases = cases();
    // The fixtures the contract holds to a list: a fixture of these folders
    // without one is a failure, not a silent gap.
    let mut unlisted = Vec::new();
    for folder in [
        "text",
        "families",
        "pdf",
        "pdf-special",
        "diagnostics",
        "portoferraio-2021.txt",
    ] {
        let mut inputs = Vec::new();
        inputs_under(&fixtures().join(folder), &mut inputs);
        for input in inputs {
            if !cases.iter().any(|case| case.input == input) {
                let name = input.strip_prefix(fixtures()).unwrap_or(&input);
                unlisted.push(format!(
                    "{}: no <stem>.diagnostics.tsv beside it: list what it raises, checked by hand\n",
                    name.display()
                ));
            }
        }
    }
    let failures: String = unlisted
        .into_iter()
        .chain(cases.iter().filter_map(check))
        .collect();
    assert!(failures.is_empty(), "\n{failures}");
}

/// The plan inputs under `path` (or `path` itself): files of [`INPUTS`],
/// but poppler's readings kept beside special PDFs (`*.pdftotext.txt`).
fn inputs_under(path: &Path, found: &mut Vec<PathBuf>) {
    if path.is_file() {
        found.push(path.to_path_buf());
        return;
    }
    let entries = std::fs::read_dir(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if path.is_dir() {
            inputs_under(&path, found);
        } else if INPUTS.iter().any(|ext| name.ends_with(&format!(".{ext}")))
            && !name.ends_with(".pdftotext.txt")
        {
            found.push(path);
        }
    }
}

#[test]
fn every_diagnostic_code_is_listed_by_some_fixture() {
    let cases = cases();
    let unlisted: Vec<&str> = Code::ALL
        .iter()
        .map(|code| code.as_str())
        .filter(|code| {
            !cases.iter().any(|case| {
                case.rows
                    .iter()
                    .any(|row| row.mark == Mark::Expected && row.code == *code)
            })
        })
        .collect();
    assert!(
        unlisted.is_empty(),
        "codes that no fixture's diagnostics list names as raised (add a small \
         input to fixtures/diagnostics/ that raises each, with its list): {unlisted:?}"
    );
}

#[test]
fn a_list_row_names_its_code_and_where() {
    assert_eq!(Where::parse("12"), Some(Where::Line(12)));
    assert_eq!(Where::parse("p3"), Some(Where::Page(3)));
    assert_eq!(Where::parse("-"), Some(Where::Nowhere));
    assert_eq!(Where::parse("x"), None);
    let diagnostic = serde_json::json!({"code": "row-joined", "line": 34, "page": 1});
    assert_eq!(Where::of(&diagnostic), Where::Line(34));
    let diagnostic = serde_json::json!({"code": "page-furniture", "line": null, "page": 2});
    assert_eq!(Where::of(&diagnostic), Where::Page(2));
}
