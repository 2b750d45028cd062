//! `piano check` end to end: the quality verdict first, diagnostics as
//! lines, a summary, exit codes.

use crate::support::{fixture, piano, piano_with_stdin};

#[test]
fn lists_diagnostics_and_a_summary() {
    let path = fixture("portoferraio-2021.txt");
    let run = piano(&["check", &path]);
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // The verdict, then one line per reason.
    let verdict = format!("{path}: quality ");
    assert!(lines[0].starts_with(&verdict), "{}", lines[0]);
    let reasons = lines[1..]
        .iter()
        .take_while(|line| line.starts_with(&format!("{path}: quality[")))
        .count();
    let lines = &lines[1 + reasons..];
    let (summary, diagnostics) = lines.split_last().expect("at least a summary");
    assert!(summary.starts_with(&format!("{path}: ")), "{summary}");
    assert!(summary.contains(" errors") || summary.contains(" error,"));
    for line in diagnostics {
        assert!(line.starts_with(&path), "{line}");
        assert!(
            ["error[", "warning[", "info["]
                .iter()
                .any(|level| line.contains(level)),
            "{line}"
        );
    }
    let has_errors = diagnostics.iter().any(|line| line.contains(": error["));
    assert_eq!(run.code, Some(if has_errors { 1 } else { 0 }));
}

#[test]
fn exits_1_when_the_plan_has_errors() {
    let run = piano_with_stdin(&["check", "-"], b"Nothing here resembles a plan.\n");
    assert_eq!(run.code, Some(1), "{}", run.stdout);
    assert!(run.stdout.contains("-:"), "{}", run.stdout);
}

#[test]
fn unreadable_input_is_a_failure_naming_the_file() {
    let run = piano(&["check", "no/such/plan.txt"]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.starts_with("error: no/such/plan.txt: "),
        "{}",
        run.stderr
    );
}

/// A row whose description cell is empty keeps its other values and is
/// flagged, at its line.
#[test]
fn a_row_without_a_description_is_flagged() {
    let dump = "COMUNE DI PROVA\n\
                STRUTTURA: A - RESPONSABILE: Dott. Rossi\n\
                N.\tDescrizione\tPeso %\tScadenza\n\
                1\tPrimo obiettivo\t50%\t31.12.2023\n\
                2\t\t50%\t31.12.2023\n";
    let run = piano_with_stdin(&["check", "-"], dump.as_bytes());
    assert!(
        run.stdout
            .contains("-:5: warning[description-missing] objective 2 has no description"),
        "{}",
        run.stdout
    );
}
