//! Every text fixture with a hand-checked `<name>.expected.json` beside it,
//! extracted end to end and compared field by field, plus a snapshot of the
//! whole output.
//!
//! Data-driven: adding a case means adding files, never code.
//! - `<name>.txt`: the input; `<name>.expected.json`: the gold, a subset of
//!   the output's keys (keys named `hard` are ignored, lists must have the
//!   same length);
//! - `<name>.snapshot.json`: the whole output of `piano extract
//!   --include-staff`, rewritten instead of compared when `PIANO_BLESS=1`;
//! - `<name>.known-failure`: why the parser does not yet meet the gold; the
//!   differences are printed but do not fail the test (a known failure that
//!   passes does, so that the marker is removed).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{fixture_name, fixtures, piano};

/// Keys of the gold that no extractor is held to.
const IGNORED_KEYS: [&str; 1] = ["hard"];

/// Keys of a text dump's gold that a PDF of the same plan does not share:
/// positions in the intermediate text differ between the two.
const POSITION_KEYS: [&str; 2] = ["lines", "page"];

/// One field where the output differs from what was expected.
pub struct Difference {
    /// Where: `structures[2].objectives[0].due.date`.
    pub path: String,
    /// The expected value (`(absent)` when only the output has the key).
    pub expected: String,
    /// The output's value (`(absent)` when the key is missing).
    pub actual: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: expected {}, got {}",
            self.path, self.expected, self.actual
        )
    }
}

/// How much of the output a comparison holds to the expected value.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Only the keys the expected value has (gold files).
    ExpectedKeys,
    /// The keys the expected value has but positions (a PDF against the gold
    /// of the text dump it was made from).
    ExpectedContent,
    /// Every key on both sides (snapshots, variants).
    Everything,
}

/// Every field where `actual` differs from `expected`; numbers compare as
/// floats (`20` equals `20.0`).
pub fn differences(expected: &Value, actual: &Value, scope: Scope) -> Vec<Difference> {
    let mut found = Vec::new();
    walk("", expected, actual, scope, &mut found);
    found
}

fn walk(path: &str, expected: &Value, actual: &Value, scope: Scope, found: &mut Vec<Difference>) {
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                let ignored = match scope {
                    Scope::ExpectedKeys => IGNORED_KEYS.contains(&key.as_str()),
                    Scope::ExpectedContent => {
                        IGNORED_KEYS.contains(&key.as_str())
                            || POSITION_KEYS.contains(&key.as_str())
                    }
                    Scope::Everything => false,
                };
                if ignored {
                    continue;
                }
                let child = join(path, key);
                match actual.get(key) {
                    Some(got) => walk(&child, value, got, scope, found),
                    None => found.push(difference(child, Some(value), None)),
                }
            }
            if scope == Scope::Everything {
                for (key, value) in actual {
                    if !expected.contains_key(key) {
                        found.push(difference(join(path, key), None, Some(value)));
                    }
                }
            }
        }
        (Value::Array(expected), Value::Array(actual)) => {
            if expected.len() != actual.len() {
                found.push(Difference {
                    path: format!("{path}.length"),
                    expected: expected.len().to_string(),
                    actual: actual.len().to_string(),
                });
            }
            for (index, (e, a)) in expected.iter().zip(actual).enumerate() {
                walk(&format!("{path}[{index}]"), e, a, scope, found);
            }
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => {}
        (e, a) if e == a => {}
        (e, a) => found.push(difference(path.to_owned(), Some(e), Some(a))),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn difference(path: String, expected: Option<&Value>, actual: Option<&Value>) -> Difference {
    let shown =
        |value: Option<&Value>| value.map_or_else(|| "(absent)".to_owned(), Value::to_string);
    Difference {
        path,
        expected: shown(expected),
        actual: shown(actual),
    }
}

/// One fixture with a gold file.
struct Case {
    input: PathBuf,
    expected: PathBuf,
    snapshot: PathBuf,
    known_failure: PathBuf,
}

impl Case {
    fn of(input: PathBuf) -> Option<Case> {
        let stem = input.file_stem()?.to_string_lossy().into_owned();
        let beside = |suffix: &str| input.with_file_name(format!("{stem}.{suffix}"));
        let case = Case {
            expected: beside("expected.json"),
            snapshot: beside("snapshot.json"),
            known_failure: beside("known-failure"),
            input,
        };
        case.expected.is_file().then_some(case)
    }

    fn name(&self) -> String {
        fixture_name(&self.input)
    }
}

/// Every `fixtures/**/*.txt` with a `.expected.json` beside it, sorted.
fn cases() -> Vec<Case> {
    let mut inputs = Vec::new();
    collect_files(&fixtures(), "txt", &mut inputs);
    inputs.sort();
    inputs.into_iter().filter_map(Case::of).collect()
}

/// Every file under `dir` whose extension is `extension`.
fn collect_files(dir: &Path, extension: &str, found: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            collect_files(&path, extension, found);
        } else if path.extension().is_some_and(|ext| ext == extension) {
            found.push(path);
        }
    }
}

pub(crate) fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn extract(case: &Case) -> Value {
    let run = piano(&[
        "extract",
        "--quiet",
        "--include-staff",
        &case.input.to_string_lossy(),
    ]);
    assert_eq!(run.code, Some(0), "{}: {}", case.name(), run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{}: {e}", case.name()))
}

pub(crate) fn listed(differences: &[Difference]) -> String {
    differences.iter().fold(String::new(), |mut text, d| {
        let _ = writeln!(text, "    {d}");
        text
    })
}

/// Compares the output with the gold; returns the failure report, if any.
fn check_gold(case: &Case, output: &Value) -> Option<String> {
    let found = differences(&read_json(&case.expected), output, Scope::ExpectedKeys);
    let known = std::fs::read_to_string(&case.known_failure).ok();
    match (found.is_empty(), known) {
        (true, None) => None,
        (true, Some(_)) => Some(format!(
            "{}: matches its gold now; delete {}\n",
            case.name(),
            case.known_failure.display()
        )),
        (false, Some(reason)) => {
            // Written to the stream itself, not through `eprintln!`, so that
            // the report shows although the test harness captures output.
            let report = format!(
                "known failure {}: {}\n{}",
                case.name(),
                reason.trim(),
                listed(&found)
            );
            let _ = std::io::stderr().write_all(report.as_bytes());
            None
        }
        (false, None) => Some(format!(
            "{}: {} fields differ from {}\n{}",
            case.name(),
            found.len(),
            case.expected.display(),
            listed(&found)
        )),
    }
}

/// Compares the whole output with the snapshot, or rewrites the snapshot when
/// blessing; returns the failure report, if any.
fn check_snapshot(case: &Case, output: &Value, bless: bool) -> Option<String> {
    if bless {
        let text = serde_json::to_string_pretty(output).expect("JSON serialises") + "\n";
        std::fs::write(&case.snapshot, text)
            .unwrap_or_else(|e| panic!("{}: {e}", case.snapshot.display()));
        return None;
    }
    if !case.snapshot.is_file() {
        return Some(format!(
            "{}: no snapshot; run with PIANO_BLESS=1 to write {}\n",
            case.name(),
            case.snapshot.display()
        ));
    }
    let found = differences(&read_json(&case.snapshot), output, Scope::Everything);
    (!found.is_empty()).then(|| {
        format!(
            "{}: {} fields differ from {} (PIANO_BLESS=1 rewrites it)\n{}",
            case.name(),
            found.len(),
            case.snapshot.display(),
            listed(&found)
        )
    })
}

#[test]
fn every_fixture_matches_its_gold_and_its_snapshot() {
    let bless = std::env::var("PIANO_BLESS").is_ok_and(|value| value == "1");
    let cases = cases();
    assert!(
        cases
            .iter()
            .any(|case| case.name() == "portoferraio-2021.txt"),
        "the Portoferraio gold is among the cases"
    );
    assert!(
        cases.iter().any(|case| case.name().starts_with("text")),
        "the hand-made fixtures in fixtures/text/ are among the cases"
    );
    let mut failures = String::new();
    for case in &cases {
        let output = extract(case);
        failures.extend(check_gold(case, &output));
        failures.extend(check_snapshot(case, &output, bless));
    }
    assert!(failures.is_empty(), "\n{failures}");
}

/// Folders whose PDFs are renderings of text dumps with a gold
/// (`<name>.<producer>.pdf` beside `<name>.expected.json`).
const RENDERED_PDF_FOLDERS: [&str; 3] = ["families", "held-out-2", "held-out-3"];

/// Every rendered PDF, with the gold of the text dump it was made from: the
/// same plan but for positions.
#[test]
fn every_family_pdf_matches_the_gold_of_its_text_dump() {
    let mut inputs = Vec::new();
    for folder in RENDERED_PDF_FOLDERS {
        collect_files(&fixtures().join(folder), "pdf", &mut inputs);
    }
    inputs.sort();
    assert!(
        inputs.len() >= 20,
        "the family and held-out PDFs are among the cases"
    );
    let mut failures = String::new();
    for input in inputs {
        let name = input
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let plan = name.split('.').next().unwrap_or_default();
        let gold = input.with_file_name(format!("{plan}.expected.json"));
        let run = piano(&[
            "extract",
            "--quiet",
            "--include-staff",
            &input.to_string_lossy(),
        ]);
        assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
        let output: Value =
            serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        let found = differences(&read_json(&gold), &output, Scope::ExpectedContent);
        if !found.is_empty() {
            let _ = writeln!(
                failures,
                "{name}: {} fields differ from {}\n{}",
                found.len(),
                gold.display(),
                listed(&found)
            );
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn differences_name_each_field_with_both_values() {
    let expected = serde_json::json!({"a": {"b": [1, 2.5], "hard": true}, "c": "x"});
    let actual = serde_json::json!({"a": {"b": [1.0, 3], "extra": 0}, "c": "y", "d": null});
    let shown: Vec<String> = differences(&expected, &actual, Scope::ExpectedKeys)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        shown,
        ["a.b[1]: expected 2.5, got 3", r#"c: expected "x", got "y""#]
    );
    let everything = differences(&expected, &actual, Scope::Everything);
    let paths: Vec<&str> = everything.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["a.b[1]", "a.hard", "a.extra", "c", "d"]);
    let shorter = serde_json::json!({"a": {"b": [1]}});
    let paths: Vec<String> = differences(&shorter, &actual, Scope::ExpectedKeys)
        .into_iter()
        .map(|d| d.path)
        .collect();
    assert_eq!(paths, ["a.b.length"]);
}
