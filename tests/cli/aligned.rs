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
//! `fixtures/aligned/SHORTFALLS.tsv` lists the dumps piano does not yet read
//! to [`MIN_F1`] (see [`crate::shortfalls`]: such a dump must not fall below
//! its listed F1, one that reaches [`MIN_F1`] must leave the list, and
//! `PIANO_BLESS=1` writes the list anew).

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::fixtures::{Scope, differences, listed, read_json};
use crate::shortfalls::{Judged, MIN_F1, Shortfalls, blessing};
use crate::support::{extracted, fixtures, piano};

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
/// and those beside the held-out documents of `held-out-4/` to
/// `held-out-7/` with the PDFs they were dumped from (held to the same F1:
/// a dump is read as well as its PDF).
const MANIFESTS: [&str; 5] = [
    "aligned/MANIFEST.tsv",
    "held-out-4/MANIFEST.tsv",
    "held-out-5/MANIFEST.tsv",
    "held-out-6/MANIFEST.tsv",
    "held-out-7/MANIFEST.tsv",
];

/// Scans of the manifests, read by OCR: whole documents, measured by
/// `scripts/scan-calibration.sh` run by hand, not here.
const SCAN_PRODUCER: &str = "scan-pdf";

/// Every dump (and PDF) of every manifest, but the scans.
fn manifest() -> Vec<Row> {
    MANIFESTS
        .iter()
        .flat_map(|path| manifest_at(&fixtures().join(path)))
        .filter(|row| row.producer != SCAN_PRODUCER)
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
    match extracted(&dump) {
        Ok(output) => Outcome {
            f1: crate::score::score(&gold, &output).f1(),
            report: Ok(differences(&gold, &output, Scope::ExpectedContent)),
        },
        Err(why) => Outcome {
            f1: 0.0,
            report: Err(why),
        },
    }
}

/// Runs every dump of `set`; prints the differences and asserts, once, that
/// each reached [`MIN_F1`], or the F1 its shortfall lists.
fn check_set(set: &str) {
    let rows: Vec<Row> = manifest().into_iter().filter(|r| r.set == set).collect();
    assert!(!rows.is_empty(), "the manifest has {set} dumps");
    let shortfalls = Shortfalls::read(aligned().join("SHORTFALLS.tsv"));
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
        match shortfalls.judge(&row.dump, outcome.f1) {
            Judged::Stale => {
                let _ = writeln!(
                    failures,
                    "  {}: reaches F1 {:.4} now: remove its line from SHORTFALLS.tsv",
                    row.dump, outcome.f1
                );
                continue;
            }
            Judged::Holds => continue,
            Judged::Reaches => {
                passed += 1;
                continue;
            }
            Judged::Below => {}
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
    if blessing() {
        let run: BTreeSet<&str> = rows.iter().map(|r| r.dump.as_str()).collect();
        shortfalls.bless(&run, &short);
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
