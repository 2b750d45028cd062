//! `piano extract` end to end: formats, outputs, stdin, errors.

use std::io::Read;
use std::process::{Command, Stdio};

use serde_json::Value;

use crate::support::{entries, fixture, piano, piano_with_stdin, temp_dir, text_fixtures};

const PLAN: &str = "portoferraio-2021.txt";

/// The header rows the data contract lists, per file.
const CSV_HEADERS: [(&str, &str); 6] = [
    (
        "plans.csv",
        "plan_id,file,sha256,format,pages,ente_kind,ente_name,provincia,istat,year,title,structures,objectives,phases,errors,warnings,family,document_kind,quality_verdict,quality_score,ocr_pages",
    ),
    (
        "structures.csv",
        "plan_id,structure,name,head_role,head_name,head_ad_interim,strategic_line,strategic_objectives,missions,mission_codes,operational_objective,objectives_label,kind",
    ),
    (
        "objectives.csv",
        "plan_id,structure,number,parent,level,category,description,weight,plan_weight,indicators,expected,due_raw,due_date,due_precision,due_recurrence,due_multiyear,due_note,page,line,code,mission_code,programme_code,responsible,achievement,achievement_note,due_by",
    ),
    ("staff.csv", "plan_id,structure,name,objective,weight"),
    (
        "diagnostics.csv",
        "plan_id,level,code,message,page,line,structure,number,excerpt",
    ),
    ("weights.csv", "plan_id,structure,number,head,weight"),
];

fn parse_plan(text: &str) -> Value {
    let plan: Value = serde_json::from_str(text).expect("the output is JSON");
    assert_eq!(plan["schema"], "piano.plan/1");
    plan
}

#[test]
fn prints_json_and_a_summary() {
    let run = piano(&["extract", &fixture(PLAN)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let plan = parse_plan(&run.stdout);
    assert_eq!(plan["source"]["file"], PLAN);
    assert_eq!(plan["source"]["format"], "text");
    assert!(run.stderr.contains(&format!("{PLAN}: ")), "{}", run.stderr);
    assert!(run.stderr.contains(" structures, "), "{}", run.stderr);
}

#[test]
fn every_text_fixture_extracts_to_a_plan() {
    for path in text_fixtures() {
        let run = piano(&["extract", "--quiet", &path.to_string_lossy()]);
        assert_eq!(run.code, Some(0), "{}: {}", path.display(), run.stderr);
        parse_plan(&run.stdout);
    }
}

#[test]
fn quiet_prints_no_summary() {
    let run = piano(&["extract", "-q", &fixture(PLAN)]);
    assert_eq!(run.code, Some(0));
    assert_eq!(run.stderr, "");
}

#[test]
fn reads_standard_input() {
    let bytes = std::fs::read(fixture(PLAN)).expect("the fixture is readable");
    let run = piano_with_stdin(&["extract", "-"], &bytes);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let plan = parse_plan(&run.stdout);
    assert_eq!(plan["source"]["file"], "-");
    let from_file = parse_plan(&piano(&["extract", "-q", &fixture(PLAN)]).stdout);
    assert_eq!(plan["plan_id"], from_file["plan_id"]);
}

#[test]
fn writes_ndjson_as_one_line() {
    let run = piano(&["extract", "-q", "--format", "ndjson", &fixture(PLAN)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1);
    parse_plan(&run.stdout);
}

#[test]
fn writes_a_file_atomically() {
    let dir = temp_dir();
    let path = dir.path().join("plan.json");
    let output = path.to_string_lossy();
    let run = piano(&["extract", "-q", "-o", &output, &fixture(PLAN)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    parse_plan(&std::fs::read_to_string(&path).expect("the output file exists"));
    assert_eq!(
        entries(dir.path()),
        ["plan.json"],
        "no temporary file is left"
    );
}

#[test]
fn writes_a_csv_folder_with_a_datapackage() {
    let dir = temp_dir();
    let folder = dir.path().join("tables");
    let output = folder.to_string_lossy();
    let run = piano(&["extract", "-q", "-f", "csv", "-o", &output, &fixture(PLAN)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let mut expected: Vec<&str> = CSV_HEADERS.iter().map(|(file, _)| *file).collect();
    expected.push("datapackage.json");
    expected.sort();
    assert_eq!(entries(&folder), expected, "no temporary file is left");
    for (file, header) in CSV_HEADERS {
        let text = std::fs::read_to_string(folder.join(file)).expect("the table exists");
        assert_eq!(text.split("\r\n").next(), Some(header), "{file}");
    }
    let plans = std::fs::read_to_string(folder.join("plans.csv")).expect("plans.csv");
    let mut reader = csv::Reader::from_reader(plans.as_bytes());
    assert_eq!(reader.records().count(), 1, "one row per plan");
    let package: Value = serde_json::from_str(
        &std::fs::read_to_string(folder.join("datapackage.json")).expect("datapackage.json"),
    )
    .expect("the datapackage is JSON");
    assert_eq!(
        package["resources"].as_array().map(Vec::len),
        Some(CSV_HEADERS.len())
    );
}

#[test]
fn csv_needs_an_output_folder() {
    let run = piano(&["extract", "--format", "csv", &fixture(PLAN)]);
    assert_eq!(run.code, Some(2));
    assert!(run.stderr.contains("--output"), "{}", run.stderr);
    assert_eq!(run.stdout, "");
}

#[test]
fn staff_names_only_when_asked() {
    let names = |args: &[&str]| -> Vec<Value> {
        let run = piano(args);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let plan = parse_plan(&run.stdout);
        plan["structures"]
            .as_array()
            .expect("structures")
            .iter()
            .flat_map(|structure| structure["staff"].as_array().cloned().unwrap_or_default())
            .map(|staff| staff["name"].clone())
            .collect()
    };
    let hidden = names(&["extract", "-q", &fixture(PLAN)]);
    assert!(hidden.iter().all(Value::is_null), "{hidden:?}");
    let shown = names(&["extract", "-q", "--include-staff", &fixture(PLAN)]);
    assert_eq!(shown.len(), hidden.len(), "rows are kept either way");
}

#[test]
fn errors_name_the_file() {
    let dir = temp_dir();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, b"").expect("an empty file");
    let binary = dir.path().join("binary.txt");
    std::fs::write(&binary, b"\x00\x01\x02\x03binary").expect("a binary file");
    let missing = dir.path().join("missing.txt");
    for path in [empty, binary, missing] {
        let name = path.to_string_lossy();
        let run = piano(&["extract", &name]);
        assert_eq!(run.code, Some(1), "{name}: {}", run.stderr);
        assert!(
            run.stderr.starts_with(&format!("error: {name}: ")),
            "{}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
    }
}

#[test]
fn a_failed_extraction_writes_no_output() {
    let dir = temp_dir();
    let missing = dir.path().join("missing.txt");
    let output = dir.path().join("plan.json");
    let run = piano(&[
        "extract",
        "-o",
        &output.to_string_lossy(),
        &missing.to_string_lossy(),
    ]);
    assert_eq!(run.code, Some(1));
    assert_eq!(entries(dir.path()), Vec::<String>::new());
}

#[test]
fn unknown_options_are_usage_errors() {
    let run = piano(&["extract", "--format", "xml", &fixture(PLAN)]);
    assert_eq!(run.code, Some(2));
}

/// `piano extract` of the bundled plan running, its stdout as given and
/// its stderr piped.
fn extract_plan(stdout: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(["extract", &fixture(PLAN)])
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("the piano binary starts")
}

#[test]
fn a_reader_that_stops_early_ends_the_run_quietly() {
    // `piano extract plan.txt | head -c 1024`. The plan's JSON (about 150 kB)
    // is more than a pipe holds, so piano is still writing when the reader
    // closes its end, and its next write fails with a broken pipe.
    let mut child = extract_plan(Stdio::piped());
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut head = [0u8; 1024];
    stdout.read_exact(&mut head).expect("piano starts printing");
    assert_eq!(head[0], b'{', "the output is JSON");
    drop(stdout);
    let output = child.wait_with_output().expect("piano runs to the end");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("Broken pipe"), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    assert_eq!(output.status.code(), Some(0), "{stderr}");
}

#[test]
fn a_closed_stderr_ends_the_run_quietly() {
    // `piano extract plan.txt 2>&1 | head -c 1`: the summary line goes to a
    // stderr whose reader went away, which must not make piano panic.
    let mut child = extract_plan(Stdio::null());
    drop(child.stderr.take());
    let status = child.wait().expect("piano runs to the end");
    assert_eq!(status.code(), Some(0));
}

/// Dumps that lost their columns (`pdftotext` without `-layout`: one cell
/// per line; `lynx -dump` of tables wider than its page: a row's cells one
/// space apart) are refused with a message saying what to give instead, not
/// read into a plan full of warnings: every file of `fixtures/lost-columns`.
#[test]
fn a_dump_without_columns_is_refused_with_what_to_give_instead() {
    let dir = std::path::Path::new(&fixture("lost-columns")).to_path_buf();
    let mut dumps: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/lost-columns")
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    dumps.sort();
    assert!(dumps.len() >= 3, "{dumps:?}");
    for dump in dumps {
        let input = dump.to_string_lossy();
        let run = piano(&["extract", &input]);
        assert_eq!(run.code, Some(1), "{input}: {}", run.stderr);
        let name = dump.file_name().unwrap_or_default().to_string_lossy();
        assert!(run.stderr.contains(name.as_ref()), "{}", run.stderr);
        assert!(run.stderr.contains("no columns left"), "{}", run.stderr);
        assert!(run.stderr.contains("-layout"), "{}", run.stderr);
        assert!(run.stdout.is_empty(), "{input}");
    }
}
