//! The quality verdict end to end: a hopeless input is unreadable and makes
//! `piano extract` exit 1 with its output still written; fixture plans known
//! to be read right are good, and those whose reading the reader itself
//! doubts say why.

use serde_json::Value;

use crate::support::{fixture, piano, piano_with_stdin};

/// The verdict of `piano extract` on a fixture, and its reason codes.
fn verdict_of(path: &str) -> (String, Vec<String>) {
    let run = piano(&["extract", "--quiet", &fixture(path)]);
    assert!(matches!(run.code, Some(0 | 1)), "{path}: {}", run.stderr);
    let plan: Value = serde_json::from_str(&run.stdout).expect("the output is JSON");
    let quality = &plan["quality"];
    let verdict = quality["verdict"].as_str().unwrap_or_default().to_owned();
    let expected_code = if verdict == "unreadable" { 1 } else { 0 };
    assert_eq!(
        run.code,
        Some(expected_code),
        "{path}: exit code and verdict"
    );
    let codes = quality["reasons"]
        .as_array()
        .map(|reasons| {
            reasons
                .iter()
                .filter_map(|reason| reason["code"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    (verdict, codes)
}

#[test]
fn a_hopeless_input_is_unreadable_exits_1_and_is_still_written() {
    let text = b"Caro amico ti scrivo\ncosi mi distraggo un po'\n";
    let run = piano_with_stdin(&["extract", "-"], text);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let plan: Value = serde_json::from_str(&run.stdout).expect("the plan is still written");
    assert_eq!(plan["quality"]["verdict"], "unreadable");
    assert_eq!(plan["quality"]["score"], 0.0);
    assert_eq!(plan["quality"]["reasons"][0]["code"], "no-objectives");
    assert!(run.stderr.contains("quality unreadable"), "{}", run.stderr);

    let folder = tempfile::tempdir().expect("a temporary folder");
    let out = folder.path().join("plan.json");
    let out_arg = out.to_string_lossy().into_owned();
    let run = piano_with_stdin(&["extract", "-", "-q", "-o", &out_arg], text);
    assert_eq!(run.code, Some(1));
    let written = std::fs::read_to_string(&out).expect("the output file is written whole");
    assert!(written.contains("\"unreadable\""), "{written}");
}

/// Fixtures read right (they match their hand-checked gold) whose reading
/// the reader has no doubt about: one per family and route.
const KNOWN_GOOD: [&str; 10] = [
    "text/bergamo-2023.txt",
    "text/castagneto-carducci-2022.txt",
    "families/code-table/fidenza-2023.txt",
    "families/objective-cards/pescia-2023.txt",
    "families/results-report/faenza-2022.txt",
    "families/weight-matrix/codogno-2023.txt",
    "families/piao/fucecchio-piao-2023.txt",
    "pdf/san-vincenzo-2023.chromium.pdf",
    "pdf/portoferraio-2021.chromium.pdf",
    "held-out-2/vignola-2024.chromium.pdf",
];

#[test]
fn fixture_plans_known_right_are_good() {
    for path in KNOWN_GOOD {
        let (verdict, codes) = verdict_of(path);
        assert_eq!(verdict, "good", "{path}: {codes:?}");
    }
}

/// Fixtures read right that are still for review, each for a reason a
/// person should look at, checked by hand against the document.
const KNOWN_REVIEW: [(&str, &str); 4] = [
    // The document itself leaves objective 3's weight blank (the sum is
    // 66.66%): a value missing, whoever reads it.
    ("text/rho-2023.txt", "weights-missing"),
    // A cell under a column the model has no field for ("In collaborazione
    // con la Pro Loco"): its text is in no field of the plan.
    ("text/castiglione-della-pescaia-2022.txt", "cells-unplaced"),
    // The dump is badly damaged (38 rows with cells out of their header's
    // columns, 2 OCR ghost rows dropped): every repair checked against the
    // gold holds, but the reader can only say they are repairs.
    ("portoferraio-2021.txt", "cells-by-content"),
    // No layout family fit (the reader raises no-plan-found) although the
    // table under it was read whole.
    ("families/none/orbetello-2023.txt", "no-family"),
];

#[test]
fn fixture_plans_the_reader_doubts_are_for_review_and_say_why() {
    for (path, reason) in KNOWN_REVIEW {
        let (verdict, codes) = verdict_of(path);
        assert_eq!(verdict, "review", "{path}: {codes:?}");
        assert!(codes.iter().any(|code| code == reason), "{path}: {codes:?}");
    }
}

#[test]
fn check_opens_with_the_verdict_and_its_reasons() {
    let path = fixture("text/rho-2023.txt");
    let run = piano(&["check", &path]);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{path}: quality review (score ")),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with(&format!("{path}: quality[weights-missing] 1 of 5 rows")),
        "{}",
        run.stdout
    );
}
