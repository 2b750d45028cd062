//! The documentation keeps up with the code: every diagnostic code is listed
//! in docs/diagnostics.md with its level, and every quality reason code in
//! docs/quality.md.

use std::path::Path;

use piano_model::{Code, Level, ReasonCode};

#[test]
fn every_diagnostic_code_is_documented_with_its_level() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/diagnostics.md");
    let docs = std::fs::read_to_string(&path).expect("docs/diagnostics.md is readable");
    let missing: Vec<String> = Code::ALL
        .iter()
        .map(|code| {
            let level = match code.level() {
                Level::Error => "error",
                Level::Warning => "warning",
                Level::Info => "info",
            };
            format!("| `{code}` | {level} |")
        })
        .filter(|row| !docs.contains(row.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "missing from docs/diagnostics.md: {missing:#?}"
    );
}

#[test]
fn every_quality_reason_code_is_documented() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/quality.md");
    let docs = std::fs::read_to_string(&path).expect("docs/quality.md is readable");
    let missing: Vec<String> = ReasonCode::ALL
        .iter()
        .map(|code| format!("| `{code}` |"))
        .filter(|row| !docs.contains(row.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "missing from docs/quality.md: {missing:#?}"
    );
}
