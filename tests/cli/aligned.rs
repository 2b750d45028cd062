//! Space-aligned text dumps (issue 9): what `pdftotext -layout`, `w3m -dump`,
//! `lynx -dump` and `pandoc -t plain` write of the fixture PDFs and of the
//! HTML they were rendered from, each held to the gold of its document.
//!
//! Data-driven from `fixtures/aligned/MANIFEST.tsv` (`dump`, `gold`,
//! `producer`, `set`, paths relative to `fixtures/`; made by
//! `scripts/make-aligned-dumps/make.py`): adding a case means adding a dump
//! and its row, never code. Each dump must reach a field F1 of at least
//! [`MIN_F1`] against its gold, scored like `shared/tools/score.py` (see
//! [`crate::score`]); the field differences (`lines` and `page` ignored) are printed
//! for every dump that does not match its gold exactly.
//!
//! `fixtures/aligned/SHORTFALLS.tsv` (`dump`, `f1`, `why`) lists the dumps
//! piano does not yet read to [`MIN_F1`], each with the F1 it reached when
//! listed: such a dump must not fall below it, and one that reaches
//! [`MIN_F1`] fails the test until its line is removed, so the list only
//! shrinks. `PIANO_BLESS=1` writes the list anew from the run (after a change
//! that reads dumps better, so that the floors rise with it).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::fixtures::{Scope, differences, listed, read_json};
use crate::support::{fixtures, piano};

/// The least field F1 a dump must reach against its gold.
const MIN_F1: f64 = 0.99;

/// Differences printed per dump (the rest are counted).
const SHOWN_DIFFERENCES: usize = 30;

/// Differences named per dump in the failure list.
const NAMED_DIFFERENCES: usize = 5;

/// The values of the manifest's `set` column.
const SETS: [&str; 2] = ["tuning", "held-out"];

/// One row of the manifest.
struct Row {
    /// The dump, relative to `fixtures/`.
    dump: String,
    /// Its document's gold, relative to `fixtures/`.
    gold: String,
    /// Which tool (and options) wrote the dump: `pdftotext-layout`, `w3m-200`, …
    producer: String,
    /// `tuning` or `held-out`.
    set: String,
}

fn aligned() -> PathBuf {
    fixtures().join("aligned")
}

/// Manifests of dumps, relative to `fixtures/`: the dumps of `aligned/`,
/// and those beside the held-out documents of `held-out-4/` (whose PDFs,
/// also listed there, are left to the PDF tests).
const MANIFESTS: [&str; 2] = ["aligned/MANIFEST.tsv", "held-out-4/MANIFEST.tsv"];

/// Every dump of every manifest.
fn manifest() -> Vec<Row> {
    MANIFESTS
        .iter()
        .flat_map(|path| manifest_at(&fixtures().join(path)))
        .filter(|row| !row.dump.ends_with(".pdf"))
        .collect()
}

fn manifest_at(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("dump\tgold\tproducer\tset"),
        "{}: the header",
        path.display()
    );
    lines
        .enumerate()
        .map(|(index, line)| {
            let cells: Vec<&str> = line.split('\t').collect();
            let [dump, gold, producer, set] = cells[..] else {
                panic!(
                    "{}:{}: four cells expected: {line:?}",
                    path.display(),
                    index + 2
                )
            };
            Row {
                dump: dump.to_owned(),
                gold: gold.to_owned(),
                producer: producer.to_owned(),
                set: set.to_owned(),
            }
        })
        .collect()
}

/// What one dump gave.
struct Outcome {
    f1: f64,
    /// The field differences from the gold, or why there is no output.
    report: Result<Vec<crate::fixtures::Difference>, String>,
}

fn run(row: &Row) -> Outcome {
    let dump = fixtures().join(&row.dump);
    let gold = read_json(&fixtures().join(&row.gold));
    let run = piano(&[
        "extract",
        "--quiet",
        "--include-staff",
        &dump.to_string_lossy(),
    ]);
    // Exit 1 with a plan written is an unreadable verdict: scored all the same.
    if !matches!(run.code, Some(0 | 1)) || run.stdout.is_empty() {
        return Outcome {
            f1: 0.0,
            report: Err(format!(
                "piano exited with {:?}: {}",
                run.code,
                run.stderr.trim()
            )),
        };
    }
    let output: Value = match serde_json::from_str(&run.stdout) {
        Ok(output) => output,
        Err(e) => {
            return Outcome {
                f1: 0.0,
                report: Err(format!("the output is not JSON: {e}")),
            };
        }
    };
    Outcome {
        f1: crate::score::score(&gold, &output).f1(),
        report: Ok(differences(&gold, &output, Scope::ExpectedContent)),
    }
}

/// How far below its listed F1 a shortfall may score (rounding).
const SHORTFALL_SLACK: f64 = 0.0005;

/// The listed shortfalls: each dump's F1 when listed.
fn shortfalls() -> BTreeMap<String, f64> {
    let path = aligned().join("SHORTFALLS.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let f1 = fields
                .get(1)
                .and_then(|f| f.parse::<f64>().ok())
                .unwrap_or_else(|| panic!("{}: no F1 in {line:?}", path.display()));
            (fields[0].to_string(), f1)
        })
        .collect()
}

/// The two sets' tests share SHORTFALLS.tsv: one writes it at a time.
static SHORTFALLS_FILE: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Writes the shortfalls of the dumps of `rows` (one set) anew: `short` holds
/// each dump below [`MIN_F1`] with its F1 and first difference.
fn bless_shortfalls(rows: &[Row], short: &[(String, f64, String)]) {
    let _guard = SHORTFALLS_FILE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let path = aligned().join("SHORTFALLS.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let in_set: BTreeSet<&str> = rows.iter().map(|r| r.dump.as_str()).collect();
    let mut lines: Vec<String> = text
        .lines()
        .skip(1)
        .filter(|line| !in_set.contains(line.split('\t').next().unwrap_or_default()))
        .map(str::to_owned)
        .collect();
    lines.extend(short.iter().map(|(dump, f1, why)| {
        let why: String = why.replace('\t', " ").chars().take(160).collect();
        format!("{dump}\t{f1:.4}\t{why}")
    }));
    lines.sort();
    let mut out = String::from("dump\tf1\twhy\n");
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// Runs every dump of `set`; prints the differences and asserts, once, that
/// each reached [`MIN_F1`], or the F1 its shortfall lists.
fn check_set(set: &str) {
    let rows: Vec<Row> = manifest().into_iter().filter(|r| r.set == set).collect();
    assert!(!rows.is_empty(), "the manifest has {set} dumps");
    let shortfalls = shortfalls();
    let mut failures = String::new();
    let mut passed = 0;
    let mut short = Vec::new();
    for row in &rows {
        let outcome = run(row);
        if outcome.f1 < MIN_F1 {
            let why = match &outcome.report {
                Ok(found) => found
                    .first()
                    .map(|d| format!("{} fields differ, first: {d}", found.len()))
                    .unwrap_or_default(),
                Err(why) => why.lines().next().unwrap_or_default().to_string(),
            };
            short.push((row.dump.clone(), outcome.f1, why));
        }
        let mut printed = format!("{} ({}): F1 {:.4}", row.dump, row.producer, outcome.f1);
        match &outcome.report {
            Ok(found) if found.is_empty() => {}
            Ok(found) => {
                let _ = write!(
                    printed,
                    ", {} fields differ from {}\n{}",
                    found.len(),
                    row.gold,
                    listed(&found[..found.len().min(SHOWN_DIFFERENCES)])
                );
                if found.len() > SHOWN_DIFFERENCES {
                    let _ = writeln!(
                        printed,
                        "    … and {} more",
                        found.len() - SHOWN_DIFFERENCES
                    );
                }
            }
            Err(why) => {
                let _ = writeln!(printed, ", {why}");
            }
        }
        if !printed.ends_with('\n') {
            printed.push('\n');
        }
        // Written to the stream itself, not through `eprintln!`, so that the
        // report shows although the test harness captures output.
        let _ = std::io::stderr().write_all(printed.as_bytes());
        match shortfalls.get(&row.dump) {
            Some(_) if outcome.f1 >= MIN_F1 => {
                let _ = writeln!(
                    failures,
                    "  {}: reaches F1 {:.4} now: remove its line from SHORTFALLS.tsv",
                    row.dump, outcome.f1
                );
                continue;
            }
            Some(&listed) if outcome.f1 + SHORTFALL_SLACK >= listed => continue,
            None if outcome.f1 >= MIN_F1 => {
                passed += 1;
                continue;
            }
            _ => {}
        }
        let first = match &outcome.report {
            Ok(found) => found
                .iter()
                .take(NAMED_DIFFERENCES)
                .map(|d| format!("      {d}\n"))
                .collect::<String>(),
            Err(why) => format!("      {}\n", why.lines().next().unwrap_or_default()),
        };
        let _ = write!(
            failures,
            "  {} ({}): F1 {:.4}\n{first}",
            row.dump, row.producer, outcome.f1
        );
    }
    let _ = writeln!(
        std::io::stderr(),
        "{passed} of {} {set} dumps reach F1 {MIN_F1}",
        rows.len()
    );
    if std::env::var("PIANO_BLESS").is_ok_and(|value| value == "1") {
        bless_shortfalls(&rows, &short);
        return;
    }
    assert!(
        failures.is_empty(),
        "\n{set} dumps below F1 {MIN_F1} and below their listed shortfall, or listed but \
         reaching it:\n{failures}"
    );
}

#[test]
fn every_tuning_dump_reaches_the_f1_of_its_gold() {
    check_set("tuning");
}

#[test]
fn every_held_out_dump_reaches_the_f1_of_its_gold() {
    check_set("held-out");
}

/// Every file under `dir`.
pub(crate) fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            files(&path, found);
        } else {
            found.push(path);
        }
    }
}

#[test]
fn the_manifest_lists_every_dump_with_a_gold_a_producer_and_a_set() {
    let rows = manifest();
    let mut problems = String::new();
    let mut listed_dumps = BTreeSet::new();
    for row in &rows {
        if !listed_dumps.insert(row.dump.clone()) {
            let _ = writeln!(problems, "{}: listed twice", row.dump);
        }
        if !fixtures().join(&row.dump).is_file() {
            let _ = writeln!(problems, "{}: no such dump", row.dump);
        }
        if !fixtures().join(&row.gold).is_file() {
            let _ = writeln!(problems, "{}: no gold {}", row.dump, row.gold);
        }
        if !SETS.contains(&row.set.as_str()) {
            let _ = writeln!(problems, "{}: set {:?}", row.dump, row.set);
        }
        // Documents written apart from the parser are never tuned on.
        if row.gold.starts_with("held-out") && row.set != "held-out" {
            let _ = writeln!(problems, "{}: a held-out document in {}", row.dump, row.set);
        }
    }
    let mut found = Vec::new();
    files(&aligned(), &mut found);
    for path in found {
        let relative = path
            .strip_prefix(fixtures())
            .expect("under fixtures/")
            .to_string_lossy()
            .replace('\\', "/");
        let name = path.file_name().unwrap_or_default();
        if ["MANIFEST.tsv", "SHORTFALLS.tsv", "README.md"]
            .map(std::ffi::OsStr::new)
            .contains(&name)
        {
            continue;
        }
        if !listed_dumps.contains(&relative) {
            let _ = writeln!(problems, "{relative}: not in the manifest");
        }
    }
    assert!(problems.is_empty(), "\n{problems}");

    // Tools, not options: `w3m-200` and `w3m-120` are one producer.
    let tools: BTreeSet<&str> = rows
        .iter()
        .map(|r| r.producer.split('-').next().unwrap_or_default())
        .collect();
    assert!(tools.len() >= 3, "at least three producers: {tools:?}");
    for set in SETS {
        assert!(rows.iter().any(|r| r.set == set), "some dumps are {set}");
    }
    // Each family of fixtures/families keeps a document out of tuning.
    for family in [
        "code-table",
        "objective-cards",
        "weight-matrix",
        "results-report",
    ] {
        let prefix = format!("families/{family}/");
        assert!(
            rows.iter()
                .any(|r| r.gold.starts_with(&prefix) && r.set == "held-out"),
            "a {family} document is held out"
        );
        assert!(
            rows.iter()
                .any(|r| r.gold.starts_with(&prefix) && r.set == "tuning"),
            "a {family} document is for tuning"
        );
    }
}

/// Line numbers of a space-aligned dump are the file's, and a row wrapped
/// over several lines spans them all (the contract's decision on line
/// numbers), as they are for a tab-separated dump. Checked by hand against
/// the dump: its first objective's description is centred around its number,
/// on lines 11 to 15; the second's on lines 16 to 20.
#[test]
fn an_aligned_dumps_rows_span_the_lines_of_the_file_they_came_from() {
    let dump =
        fixtures().join("aligned/held-out-2/montichiari-2023.libreoffice.pdftotext-layout.txt");
    let run = piano(&["extract", "--quiet", &dump.to_string_lossy()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let plan: Value = serde_json::from_str(&run.stdout).expect("JSON");
    let objectives = &plan["structures"][0]["objectives"];
    let spans: Vec<(String, Value)> = (0..2)
        .map(|i| {
            (
                objectives[i]["number"].as_str().unwrap_or("").to_owned(),
                objectives[i]["lines"].clone(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [
            ("1".to_owned(), serde_json::json!([11, 15])),
            ("2".to_owned(), serde_json::json!([16, 20])),
        ]
    );
    let check = piano(&["check", &dump.to_string_lossy()]);
    assert!(
        check
            .stderr
            .contains("pdftotext-layout.txt:16: warning[row-ambiguous]")
            || check
                .stdout
                .contains("pdftotext-layout.txt:16: warning[row-ambiguous]"),
        "the second row's diagnostic names its first line of the file:\n{}{}",
        check.stdout,
        check.stderr
    );
}
