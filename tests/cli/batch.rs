//! `piano batch` end to end, over corpora written by `piano-corpus`: the
//! report and tables of a mixed folder, identical outputs whatever the thread
//! count, a killed run resumed, time limits, fail-fast, usage errors, and the
//! plans read back matching what the generator put in.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use piano_corpus::compare::{Mismatch, compare};
use piano_corpus::expect::expected_json;
use piano_model::Plan;
use serde_json::Value;

use crate::fixtures::{Scope, differences};
use crate::support::{Run, piano, piano_with_stdin, temp_dir};

/// Writes plans `0..count` of corpus `seed` into `dir` (PDFs too when `pdf`);
/// returns the expected plan of each file name.
fn write_corpus(dir: &Path, seed: u64, count: usize, pdf: bool) -> BTreeMap<String, Plan> {
    std::fs::create_dir_all(dir).expect("corpus folder created");
    let mut expected = BTreeMap::new();
    for index in 0..count {
        for document in piano_corpus::sample(seed, index, pdf).expect("the generator lays out") {
            std::fs::write(dir.join(&document.file), &document.bytes).expect("corpus file written");
            expected.insert(document.file, document.expected);
        }
    }
    expected
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

fn batch(inputs: &[&Path], out: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["batch"];
    args.extend(inputs.iter().map(|p| path_str(p)));
    args.extend(["--out", path_str(out)]);
    args.extend(extra);
    piano(&args)
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("output file is readable");
    serde_json::from_str(&text).expect("output file is JSON")
}

/// The report's entries by file name.
fn report_by_name(out: &Path) -> BTreeMap<String, Value> {
    let report = read_json(&out.join("report.json"));
    report["inputs"]
        .as_array()
        .expect("report.json lists inputs")
        .iter()
        .map(|entry| {
            let path = entry["path"].as_str().expect("entries have a path");
            let name = Path::new(path).file_name().expect("a file name");
            (name.to_string_lossy().into_owned(), entry.clone())
        })
        .collect()
}

/// Every file under `dir` (relative path to bytes), `timings.json` aside.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder).expect("folder is readable") {
            let path = entry.expect("folder entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.file_name().is_some_and(|n| n != "timings.json") {
                let bytes = std::fs::read(&path).expect("file is readable");
                let relative = path.strip_prefix(dir).expect("under dir").to_path_buf();
                files.insert(relative, bytes);
            }
        }
    }
    files
}

fn assert_same_tree(left: &Path, right: &Path) {
    let (left, right) = (tree(left), tree(right));
    let names = |t: &BTreeMap<PathBuf, Vec<u8>>| t.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&left), names(&right), "the same files");
    for (name, bytes) in &left {
        assert!(bytes == &right[name], "{} differs", name.display());
    }
}

fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    csv::Reader::from_path(path)
        .expect("CSV table opens")
        .records()
        .map(|r| r.expect("CSV row"))
        .collect()
}

#[test]
fn a_mixed_folder_gives_the_right_report_and_tables() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    let expected = write_corpus(&inputs, 11, 3, false);
    let pdfs = write_corpus(&inputs.join("pdf"), 12, 1, true);
    std::fs::remove_file(inputs.join("pdf/plan-00000.txt")).expect("only the PDF is kept");
    std::fs::write(inputs.join("pdf/broken.PDF"), b"%PDF-1.4\n1 0 obj garbage").expect("written");
    std::fs::write(inputs.join("empty.txt"), b"").expect("written");
    std::fs::copy(
        inputs.join("plan-00001.txt"),
        inputs.join("plan-00001_copy.txt"),
    )
    .expect("copied");
    std::fs::write(inputs.join("notes.md"), b"not a plan").expect("written");
    let out = dir.path().join("out");

    let run = batch(&[&inputs], &out, &["-j", "2", "--quiet"]);

    assert_eq!(run.code, Some(1), "some inputs failed: {}", run.stderr);
    assert_eq!(run.stderr, "", "--quiet prints nothing");
    let report = report_by_name(&out);
    let names: Vec<&str> = report.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "broken.PDF",
            "empty.txt",
            "plan-00000.pdf",
            "plan-00000.txt",
            "plan-00001.txt",
            "plan-00001_copy.txt",
            "plan-00002.txt"
        ],
        "notes.md is not an input; both plan-00000 files are"
    );
    assert_eq!(report["broken.PDF"]["status"], "failed");
    assert!(
        report["broken.PDF"]["error"]
            .as_str()
            .is_some_and(|e| !e.is_empty())
    );
    assert_eq!(report["empty.txt"]["status"], "failed");
    assert_eq!(report["empty.txt"]["error"], "the file is empty");
    let copy = &report["plan-00001_copy.txt"];
    assert_eq!(copy["status"], "duplicate");
    assert_eq!(copy["plan_id"], report["plan-00001.txt"]["plan_id"]);
    assert!(
        copy["duplicate_of"]
            .as_str()
            .is_some_and(|p| p.ends_with("plan-00001.txt"))
    );
    assert_eq!(copy["counts"], Value::Null);

    let mut good: Vec<(&String, &Plan)> = expected.iter().collect();
    good.extend(pdfs.iter().filter(|(name, _)| name.ends_with(".pdf")));
    let mut objective_rows = 0;
    for (name, plan) in &good {
        let entry = &report[name.as_str()];
        assert!(
            entry["status"] == "ok" || entry["status"] == "warnings",
            "{name}: {entry}"
        );
        assert_eq!(entry["plan_id"], plan.plan_id.as_str());
        assert_eq!(entry["sha256"], plan.source.sha256.as_str());
        let objectives = plan.structures.iter().flat_map(|s| &s.objectives);
        let phases: usize = objectives.clone().map(|o| o.phases.len()).sum();
        assert_eq!(
            entry["counts"]["structures"],
            plan.structures.len(),
            "{name}"
        );
        assert_eq!(
            entry["counts"]["objectives"],
            objectives.clone().count(),
            "{name}"
        );
        assert_eq!(entry["counts"]["phases"], phases, "{name}");
        objective_rows += objectives.count() + phases;
        assert!(
            out.join("plans")
                .join(format!("{}.json", plan.plan_id))
                .is_file()
        );
    }
    let staff = csv_rows(&out.join("staff.csv"));
    let staff_expected: usize = good
        .iter()
        .flat_map(|(_, plan)| &plan.structures)
        .map(|s| s.staff.len())
        .sum();
    assert!(staff_expected > 0, "the corpus names some staff");
    assert_eq!(staff.len(), staff_expected);
    assert!(
        staff.iter().all(|row| row[2].is_empty()),
        "staff names are withheld without --include-staff"
    );
    let plans = csv_rows(&out.join("plans.csv"));
    assert_eq!(
        plans.len(),
        good.len(),
        "one row per plan, duplicates and failures left out"
    );
    assert_eq!(csv_rows(&out.join("objectives.csv")).len(), objective_rows);
    let ndjson = std::fs::read_to_string(out.join("plans.ndjson")).expect("plans.ndjson");
    assert_eq!(ndjson.lines().count(), good.len());
    assert_eq!(
        std::fs::read_dir(out.join("plans"))
            .expect("plans/")
            .count(),
        good.len()
    );
    assert!(read_json(&out.join("datapackage.json"))["resources"].is_array());
    let totals = &read_json(&out.join("report.json"))["totals"];
    assert_eq!(
        (totals["failed"].as_u64(), totals["duplicates"].as_u64()),
        (Some(2), Some(1))
    );
    let timings = read_json(&out.join("timings.json"));
    assert_eq!(timings["inputs"].as_array().map(Vec::len), Some(7));
    assert!(
        !out.join(".journal").exists(),
        "the journal goes once the report is written"
    );
}

#[test]
fn the_thread_count_does_not_change_the_output() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    write_corpus(&inputs, 21, 10, true);
    std::fs::write(inputs.join("empty.txt"), b"").expect("written");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    assert_eq!(batch(&[&inputs], &one, &["-j", "1", "-q"]).code, Some(1));
    assert_eq!(batch(&[&inputs], &two, &["-j", "2", "-q"]).code, Some(1));
    assert_same_tree(&one, &two);
}

#[test]
fn a_long_input_ahead_of_many_short_ones_does_not_change_the_output() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    write_corpus(&inputs, 81, 90, false);
    let mut long = Vec::new();
    for index in 0..90 {
        let documents = piano_corpus::sample(82, index, false).expect("the generator lays out");
        long.extend_from_slice(&documents[0].bytes);
    }
    std::fs::write(inputs.join("0-long.txt"), &long).expect("written");
    let (one, two) = (dir.path().join("one"), dir.path().join("two"));
    assert_eq!(batch(&[&inputs], &one, &["-j", "1", "-q"]).code, Some(0));
    assert_eq!(batch(&[&inputs], &two, &["-j", "2", "-q"]).code, Some(0));
    assert_same_tree(&one, &two);
}

#[test]
fn a_killed_run_resumed_gives_the_same_folder_as_a_clean_run() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    let total = 150;
    write_corpus(&inputs, 31, total, false);
    std::fs::write(inputs.join("0-empty.txt"), b"").expect("written");
    let clean = dir.path().join("clean");
    assert_eq!(batch(&[&inputs], &clean, &["-q"]).code, Some(1));

    let killed = dir.path().join("killed");
    let mut child = Command::new(env!("CARGO_BIN_EXE_piano"))
        .args([
            "batch",
            path_str(&inputs),
            "--out",
            path_str(&killed),
            "-j",
            "1",
            "-q",
        ])
        .stdin(Stdio::null())
        .spawn()
        .expect("piano starts");
    let plans = killed.join("plans");
    let deadline = Instant::now() + Duration::from_secs(120);
    let saved = || std::fs::read_dir(&plans).map_or(0, |d| d.count());
    while saved() < 4 {
        assert!(
            Instant::now() < deadline,
            "the batch saves results as it goes"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().expect("SIGKILL is sent");
    child.wait().expect("the killed batch is reaped");
    assert!(
        !killed.join("report.json").exists(),
        "killed mid-way, before the report"
    );
    for (name, bytes) in tree(&killed) {
        if name.extension().is_some_and(|e| e == "json") {
            serde_json::from_slice::<Value>(&bytes).expect("no half-written file");
        }
    }

    assert!(
        killed.join(".journal").read_dir().map_or(0, |d| d.count()) >= 2,
        "the failure of 0-empty.txt is in the journal beside the settings"
    );
    let resumed = batch(&[&inputs], &killed, &["--resume"]);
    assert_eq!(resumed.code, Some(1), "{}", resumed.stderr);
    let read: usize = resumed
        .stderr
        .lines()
        .find_map(|line| line.split(" read in ").next()?.parse().ok())
        .expect("the summary says how many inputs were read");
    assert!(
        read < total,
        "only what was not yet done is read ({read} of {total})"
    );
    assert_same_tree(&clean, &killed);

    let again = batch(&[&inputs], &killed, &["--resume"]);
    assert!(again.stderr.contains("\n0 read in"), "{}", again.stderr);
    assert_same_tree(&clean, &killed);
}

#[test]
fn an_input_past_the_time_limit_fails_and_the_batch_goes_on() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    std::fs::create_dir_all(&inputs).expect("folder created");
    let mut large = Vec::new();
    for index in 0..150 {
        let documents = piano_corpus::sample(41, index, false).expect("the generator lays out");
        large.extend_from_slice(&documents[0].bytes);
    }
    std::fs::write(inputs.join("large-1.txt"), &large).expect("written");
    large.extend_from_slice(b"\n");
    std::fs::write(inputs.join("large-2.txt"), &large).expect("written");
    let out = dir.path().join("out");

    let run = batch(&[&inputs], &out, &["--timeout", "0.001", "-q"]);

    assert_eq!(run.code, Some(1));
    let report = report_by_name(&out);
    for name in ["large-1.txt", "large-2.txt"] {
        assert_eq!(report[name]["status"], "failed", "{name}");
        let error = report[name]["error"].as_str().expect("an error message");
        assert!(error.contains("time limit"), "{error}");
    }
}

#[test]
fn fail_fast_stops_at_the_first_failure() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    write_corpus(&inputs, 51, 8, false);
    std::fs::write(inputs.join("0-empty.txt"), b"").expect("written");
    let out = dir.path().join("out");

    let run = batch(&[&inputs], &out, &["-j", "1", "--fail-fast", "-q"]);

    assert_eq!(run.code, Some(1));
    let report = report_by_name(&out);
    assert_eq!(report["0-empty.txt"]["status"], "failed");
    assert!(
        report.len() < 9,
        "inputs after the failure are not read: {report:?}"
    );
}

#[test]
fn reads_a_list_of_inputs_from_standard_input() {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    write_corpus(&inputs, 61, 3, false);
    let list = format!(
        "{}\n{}\n",
        inputs.join("plan-00002.txt").display(),
        inputs.join("plan-00000.txt").display()
    );
    let out = dir.path().join("out");
    let run = piano_with_stdin(
        &["batch", "-", "--out", path_str(&out), "-q"],
        list.as_bytes(),
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let names: Vec<String> = report_by_name(&out).into_keys().collect();
    assert_eq!(names, ["plan-00000.txt", "plan-00002.txt"]);
}

#[test]
fn usage_errors_exit_with_2() {
    let dir = temp_dir();
    let out = dir.path().join("out");
    let missing = dir.path().join("no-such-folder");
    assert_eq!(batch(&[&missing], &out, &[]).code, Some(2));
    let inputs = dir.path().join("in");
    write_corpus(&inputs, 71, 1, false);
    assert_eq!(batch(&[&inputs], &out, &["--timeout", "0"]).code, Some(2));
    assert_eq!(batch(&[&inputs], &out, &["-j", "0"]).code, Some(2));
    assert_eq!(batch(&[&inputs], &out, &["--format", "xml"]).code, Some(2));
    assert_eq!(batch(&[&inputs], &out, &["-q"]).code, Some(0));
    let run = batch(&[&inputs], &out, &["--resume", "--include-staff"]);
    assert_eq!(
        run.code,
        Some(2),
        "resuming with other settings: {}",
        run.stderr
    );
}

#[test]
fn a_profile_file_reads_a_new_family_in_every_worker() {
    let folder = crate::support::fixtures().join("profiles");
    let profile = folder.join("ufficio-table.toml");
    let gold = read_json(&folder.join("capraia-isola-2022.expected-with-profile.json"));
    // The same plan under three names (a duplicate is reported, not read
    // again), and a plan of the bundled family: every worker needs the
    // profile, and the bundled family still reads its own plans.
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    write_corpus(&inputs, 5, 1, false);
    let plan = std::fs::read(folder.join("capraia-isola-2022.txt")).expect("fixture is readable");
    let mut changed = plan.clone();
    changed.extend_from_slice(b"\n");
    std::fs::write(inputs.join("capraia-a.txt"), &plan).expect("input written");
    std::fs::write(inputs.join("capraia-b.txt"), &changed).expect("input written");
    std::fs::write(inputs.join("capraia-c.txt"), &plan).expect("input written");
    let out = dir.path().join("out");
    let run = batch(
        &[&inputs],
        &out,
        &["-q", "-j", "2", "--profile", path_str(&profile)],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let report = report_by_name(&out);
    let duplicate_of = report["capraia-c.txt"]["duplicate_of"].as_str();
    assert!(
        duplicate_of.is_some_and(|first| first.ends_with("capraia-a.txt")),
        "{duplicate_of:?}"
    );
    for name in ["capraia-a.txt", "capraia-b.txt"] {
        assert_eq!(report[name]["status"], "ok", "{name}");
        let plan_id = report[name]["plan_id"].as_str().expect("a plan id");
        let mut actual = read_json(&out.join("plans").join(format!("{plan_id}.json")));
        // The gold names the fixture's own file.
        actual["source"]["file"] = gold["source"]["file"].clone();
        if name == "capraia-b.txt" {
            actual["source"]["sha256"] = gold["source"]["sha256"].clone();
            actual["plan_id"] = gold["plan_id"].clone();
        }
        let found = differences(&gold, &actual, Scope::ExpectedKeys);
        let listed: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert!(
            found.is_empty(),
            "{name}, differences:\n{}",
            listed.join("\n")
        );
    }

    let without = dir.path().join("without");
    let run = batch(&[&inputs], &without, &["-q"]);
    assert_eq!(
        run.code,
        Some(1),
        "without the profile the family is unknown"
    );
    let report_without = report_by_name(&without);
    assert_eq!(report_without["capraia-a.txt"]["status"], "failed");
    assert_eq!(
        report_without["plan-00000.txt"], report["plan-00000.txt"],
        "the bundled family reads its plan alike with a user profile or without"
    );

    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "name = \"x\"\n").expect("profile written");
    let run = batch(
        &[&inputs],
        &dir.path().join("refused"),
        &["--profile", path_str(&broken)],
    );
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("broken.toml"), "{}", run.stderr);
}

/// Runs a batch over `count` generated plans and compares every plan read
/// back with the generator's expectation; returns the mismatches by file.
fn corpus_mismatches(count: usize, pdf: bool) -> BTreeMap<String, Vec<Mismatch>> {
    let dir = temp_dir();
    let inputs = dir.path().join("in");
    let expected = write_corpus(&inputs, 2026, count, pdf);
    let out = dir.path().join("out");
    let run = batch(&[&inputs], &out, &["--include-staff", "-q"]);
    assert!(run.code.is_some(), "{}", run.stderr);
    let report = report_by_name(&out);
    let mut mismatches = BTreeMap::new();
    for (name, plan) in &expected {
        let actual_path = out.join("plans").join(format!("{}.json", plan.plan_id));
        let found = if actual_path.is_file() {
            compare(&expected_json(plan), &read_json(&actual_path))
        } else {
            vec![Mismatch {
                path: "(plan)".to_owned(),
                expected: "a plan".to_owned(),
                actual: report[name]["error"].to_string(),
            }]
        };
        if !found.is_empty() {
            mismatches.insert(name.clone(), found);
        }
    }
    mismatches
}

fn assert_no_mismatch(mismatches: &BTreeMap<String, Vec<Mismatch>>) {
    let shown: Vec<String> = mismatches
        .iter()
        .flat_map(|(name, list)| list.iter().take(5).map(move |m| format!("{name}: {m}")))
        .take(60)
        .collect();
    assert!(
        mismatches.is_empty(),
        "{} plan(s) differ from what the generator wrote:\n{}",
        mismatches.len(),
        shown.join("\n")
    );
}

#[test]
fn twenty_generated_plans_read_back_as_generated() {
    assert_no_mismatch(&corpus_mismatches(20, true));
}

#[test]
#[ignore = "1,000 plans: run with --ignored (or scripts/bench-batch.sh) in release mode"]
fn a_thousand_generated_plans_read_back_as_generated() {
    assert_no_mismatch(&corpus_mismatches(1000, false));
}
