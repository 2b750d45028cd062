//! The layout space's sample (issue 10): plans written by piano-corpus in
//! layouts drawn along independent axes (`fixtures/layouts/`, made by
//! `scripts/layout-fixtures.sh`; see its README), each dump held to the plan
//! its layout means.
//!
//! Every dump (`plan-00003-00.txt`, `.aligned.txt`, `.pdf`) is extracted and
//! scored against its layout's expected plan (`plan-00003-00.txt.expected.json`)
//! as `scripts/layout-space.sh` scores, the fields its sidecar
//! (`plan-00003-00.layout.json`) says the layout rewrites left out of both
//! plans (`objectives_label`, `code`; dues' `raw` always, as `score.py
//! --no-raw`). Each must reach [`MIN_F1`] or the F1 that
//! `fixtures/layouts/SHORTFALLS.tsv` lists for it, its `why` the family,
//! the format and the axes the layout varies (see [`crate::shortfalls`]).
//!
//! `fixtures/layouts/office/` holds the same kind of sample as PDFs made
//! the ways offices make them (made by `scripts/office-fixtures.sh`; see
//! its README): `plan-00003-00.docx-lo.pdf` (a Word document exported by
//! LibreOffice), `.docx-lo-pdfa.pdf` (the same as PDF/A), `.html-lo.pdf`
//! and `.html-chromium.pdf` (HTML exported by LibreOffice and printed by
//! Chromium), held to their plans the same way, by their own
//! `SHORTFALLS.tsv`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::fixtures::read_json;
use crate::score::score_without_raw;
use crate::shortfalls::{Judged, MIN_F1, Shortfalls, blessing};
use crate::support::{extracted, fixtures};

/// The office renderers whose PDFs `fixtures/layouts/office/` holds.
const RENDERERS: [&str; 4] = ["docx-lo", "docx-lo-pdfa", "html-lo", "html-chromium"];

/// The families the sample must hold.
const FAMILIES: [&str; 5] = [
    "struttura-table",
    "code-table",
    "objective-cards",
    "weight-matrix",
    "results-report",
];

fn layouts() -> PathBuf {
    fixtures().join("layouts")
}

fn office() -> PathBuf {
    layouts().join("office")
}

/// Every dump of the sample in `folder`, by file name, sorted.
fn dumps(folder: &Path) -> Vec<String> {
    let entries = std::fs::read_dir(folder)
        .unwrap_or_else(|e| panic!("{} is not readable: {e}", folder.display()));
    let mut dumps: Vec<String> = entries
        .map(|entry| {
            entry
                .expect("a folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| {
            name.starts_with("plan-") && (name.ends_with(".txt") || name.ends_with(".pdf"))
        })
        .collect();
    dumps.sort();
    dumps
}

/// The layout a dump is written in: its name up to the first dot.
fn stem(dump: &str) -> &str {
    dump.split('.').next().unwrap_or(dump)
}

/// The dump's format, as `scripts/layout-space.sh` names it (an office
/// PDF's, as `scripts/office-pdfs.sh` names its renderer).
fn format(dump: &str) -> &str {
    if let Some(renderer) = dump
        .strip_suffix(".pdf")
        .and_then(|name| name.split_once('.'))
    {
        renderer.1
    } else if dump.ends_with(".pdf") {
        "pdf"
    } else if dump.ends_with(".aligned.txt") {
        "aligned"
    } else {
        "tab"
    }
}

/// `plan` with the fields its layout rewrites left out.
fn without(mut plan: Value, rewrites: &BTreeSet<String>) -> Value {
    let structures = plan["structures"].as_array_mut().into_iter().flatten();
    for structure in structures {
        if rewrites.contains("objectives_label") {
            structure["objectives_label"] = Value::Null;
        }
        if !rewrites.contains("code") {
            continue;
        }
        let objectives = structure
            .get_mut("objectives")
            .and_then(Value::as_array_mut);
        for objective in objectives.into_iter().flatten() {
            let phases = objective.get_mut("phases").and_then(Value::as_array_mut);
            for phase in phases.into_iter().flatten() {
                phase.as_object_mut().map(|row| row.remove("code"));
            }
            objective.as_object_mut().map(|row| row.remove("code"));
        }
    }
    plan
}

/// The family, format and axes varied of a layout, for its shortfall's `why`.
fn why(dump: &str, sidecar: &Value) -> String {
    let axes = &sidecar["axes"];
    let varied: Vec<String> = sidecar["varied"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|axis| format!("{axis}={}", axes[axis].as_str().unwrap_or("?")))
        .collect();
    format!(
        "{} {}: {}",
        sidecar["family"].as_str().unwrap_or("?"),
        format(dump),
        varied.join(" ")
    )
}

/// The F1 of `dump` in `folder` against its layout's expected plan, or why there is none.
fn read(folder: &Path, dump: &str) -> Result<f64, String> {
    let stem = stem(dump);
    let expected = read_json(&folder.join(format!("{stem}.txt.expected.json")));
    let sidecar = read_json(&folder.join(format!("{stem}.layout.json")));
    let rewrites: BTreeSet<String> = sidecar["rewrites"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f.as_str().map(str::to_owned))
        .collect();
    let output = extracted(&folder.join(dump))?;
    Ok(score_without_raw(&without(expected, &rewrites), &without(output, &rewrites)).f1())
}

#[test]
fn every_layout_reaches_the_f1_of_its_expected_plan() {
    every_dump_reaches_its_f1(&layouts());
}

#[test]
fn every_office_pdf_reaches_the_f1_of_its_expected_plan() {
    every_dump_reaches_its_f1(&office());
}

/// Scores every dump of `folder` and holds it to [`MIN_F1`] or its line
/// in the folder's `SHORTFALLS.tsv` (written anew when blessing).
fn every_dump_reaches_its_f1(folder: &Path) {
    let dumps = dumps(folder);
    let shortfalls = Shortfalls::read(folder.join("SHORTFALLS.tsv"));
    let (mut failures, mut short, mut passed) = (String::new(), Vec::new(), 0);
    for dump in &dumps {
        let sidecar = read_json(&folder.join(format!("{}.layout.json", stem(dump))));
        let (f1, problem) = match read(folder, dump) {
            Ok(f1) => (f1, None),
            Err(problem) => (0.0, Some(problem)),
        };
        let _ = writeln!(
            std::io::stderr(),
            "{dump}: F1 {f1:.4} ({})",
            why(dump, &sidecar)
        );
        if f1 < MIN_F1 {
            short.push((dump.clone(), f1, why(dump, &sidecar)));
        }
        match shortfalls.judge(dump, f1) {
            Judged::Reaches => passed += 1,
            Judged::Holds => {}
            Judged::Stale => {
                let _ = writeln!(
                    failures,
                    "  {dump}: reaches F1 {f1:.4} now: remove its line from SHORTFALLS.tsv"
                );
            }
            Judged::Below => {
                let _ = writeln!(
                    failures,
                    "  {dump}: F1 {f1:.4} ({}){}",
                    why(dump, &sidecar),
                    problem.map(|p| format!(": {p}")).unwrap_or_default()
                );
            }
        }
    }
    let _ = writeln!(
        std::io::stderr(),
        "{passed} of {} layouts reach F1 {MIN_F1} unlisted",
        dumps.len()
    );
    if blessing() {
        let run: BTreeSet<&str> = dumps.iter().map(String::as_str).collect();
        shortfalls.bless(&run, &short);
        return;
    }
    assert!(
        failures.is_empty(),
        "\nlayouts below F1 {MIN_F1} and below their listed shortfall, or listed but \
         reaching it:\n{failures}"
    );
}

#[test]
fn the_sample_holds_every_family_in_every_format_with_its_plan_and_sidecar() {
    holds_every_family_in(&layouts(), &["tab", "aligned", "pdf"]);
}

#[test]
fn the_office_sample_holds_every_family_from_every_renderer_with_its_plan_and_sidecar() {
    holds_every_family_in(&office(), &RENDERERS);
}

/// Asserts that every dump of `folder` has its expected plan and sidecar,
/// and that every family is there in each of `formats`.
fn holds_every_family_in(folder: &Path, formats: &[&str]) {
    let dumps = dumps(folder);
    let mut seen = BTreeSet::new();
    for dump in &dumps {
        let stem = stem(dump);
        let expected = folder.join(format!("{stem}.txt.expected.json"));
        assert!(expected.is_file(), "{dump}: no {}", expected.display());
        let sidecar = read_json(&folder.join(format!("{stem}.layout.json")));
        let family = sidecar["family"].as_str().unwrap_or_default().to_owned();
        assert_eq!(read_json(&expected)["family"], family.as_str(), "{dump}");
        seen.insert((family, format(dump).to_owned()));
    }
    for family in FAMILIES {
        for &format in formats {
            assert!(
                seen.contains(&(family.to_owned(), format.to_owned())),
                "no {family} layout as {format}"
            );
        }
    }
}
