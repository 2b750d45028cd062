//! Other dumps of the same Portoferraio plan give the same model.
//!
//! Each variant is built in the test from the bytes of
//! `fixtures/portoferraio-2021.txt` (line ends, encodings, byte order marks,
//! blank lines, spaces, tabs, page breaks, inline markup), extracted from
//! standard input, and held
//! to the original's ente, title, year and structures, everything but line
//! numbers and pages, which a variant may legitimately shift.

use serde_json::Value;

use crate::fixtures::{Scope, differences};
use crate::support::{fixture, piano, piano_with_stdin};

const PLAN: &str = "portoferraio-2021.txt";

/// The original dump as text.
fn original_text() -> String {
    let bytes = std::fs::read(fixture(PLAN)).expect("the Portoferraio fixture is readable");
    String::from_utf8(bytes).expect("the Portoferraio fixture is UTF-8")
}

/// What a dump says, without where it says it: ente, title, year and the
/// structures with every `lines` and `page` key removed.
fn meaning(plan: &Value) -> Value {
    let mut structures = plan["structures"].clone();
    strip_positions(&mut structures);
    serde_json::json!({
        "ente": plan["ente"],
        "title": plan["title"],
        "year": plan["year"],
        "structures": structures,
    })
}

fn strip_positions(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("lines");
            map.remove("page");
            map.values_mut().for_each(strip_positions);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_positions),
        _ => {}
    }
}

fn extracted(run: &crate::support::Run, what: &str) -> Value {
    assert_eq!(run.code, Some(0), "{what}: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{what}: {e}"))
}

/// Extracts `bytes` and asserts it means what the original means.
fn assert_same_model(variant: &str, bytes: &[u8]) {
    let original = meaning(&extracted(
        &piano(&["extract", "--quiet", "--include-staff", &fixture(PLAN)]),
        PLAN,
    ));
    assert!(
        original["structures"]
            .as_array()
            .is_some_and(|structures| structures.len() == 5),
        "the original reads as five structures"
    );
    let run = piano_with_stdin(&["extract", "--quiet", "--include-staff", "-"], bytes);
    let found = differences(
        &original,
        &meaning(&extracted(&run, variant)),
        Scope::Everything,
    );
    let listed: Vec<String> = found.iter().map(ToString::to_string).collect();
    assert!(
        found.is_empty(),
        "{variant}: {} fields differ from the original:\n{}",
        found.len(),
        listed.join("\n")
    );
}

/// The original's lines (without their ends) put back with `end`.
fn joined_with(end: &str, line: impl Fn(&str) -> String) -> Vec<u8> {
    original_text()
        .split('\n')
        .map(line)
        .collect::<Vec<_>>()
        .join(end)
        .into_bytes()
}

#[test]
fn crlf_line_ends() {
    assert_same_model("CRLF", &joined_with("\r\n", str::to_owned));
}

#[test]
fn cr_line_ends() {
    assert_same_model("CR", &joined_with("\r", str::to_owned));
}

#[test]
fn utf8_with_a_byte_order_mark() {
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(original_text().into_bytes());
    assert_same_model("UTF-8 with BOM", &bytes);
}

#[test]
fn utf16le_with_a_byte_order_mark() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(original_text().encode_utf16().flat_map(u16::to_le_bytes));
    assert_same_model("UTF-16LE with BOM", &bytes);
}

#[test]
fn utf16be_with_a_byte_order_mark() {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(original_text().encode_utf16().flat_map(u16::to_be_bytes));
    assert_same_model("UTF-16BE with BOM", &bytes);
}

#[test]
fn utf16le_without_a_byte_order_mark() {
    let bytes: Vec<u8> = original_text()
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    assert_same_model("UTF-16LE without BOM", &bytes);
}

#[test]
fn windows_1252() {
    let text = original_text();
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(
        !unmappable,
        "every character of the plan has a Windows-1252 byte"
    );
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the variant is not UTF-8 any more"
    );
    assert_same_model("Windows-1252", &bytes);
}

#[test]
fn utf8_with_one_stray_windows_1252_byte() {
    let mut bytes = original_text().into_bytes();
    let apostrophe = bytes
        .windows(9)
        .position(|window| window == b"dell'Ente")
        .expect("the preamble says dell'Ente")
        + 4;
    bytes[apostrophe] = 0x92;
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the variant is not UTF-8"
    );
    assert_same_model("UTF-8 with a stray Windows-1252 quote", &bytes);
}

#[test]
fn a_blank_line_between_every_line() {
    assert_same_model("blank lines", &joined_with("\n\n", str::to_owned));
}

#[test]
fn trailing_spaces_on_every_line() {
    assert_same_model(
        "trailing spaces",
        &joined_with("\n", |line| format!("{line}   ")),
    );
}

#[test]
fn a_form_feed_before_every_structure() {
    let text = original_text().replace("\nSTRUTTURA", "\n\u{c}STRUTTURA");
    assert_eq!(text.matches('\u{c}').count(), 5, "five page breaks");
    assert_same_model("form feeds", text.as_bytes());
}

#[test]
fn doubled_spaces_inside_cells() {
    let text = original_text().replace(' ', "  ");
    assert_same_model("doubled spaces", text.as_bytes());
}

#[test]
fn a_trailing_tab_on_every_line() {
    assert_same_model(
        "trailing tabs",
        &joined_with("\n", |line| format!("{line}\t")),
    );
}

#[test]
fn leading_spaces_on_every_line() {
    assert_same_model(
        "leading spaces",
        &joined_with("\n", |line| format!("  {line}")),
    );
}

#[test]
fn bold_markup_around_every_description() {
    let bold = |line: &str| {
        let mut cells: Vec<String> = line.split('\t').map(str::to_owned).collect();
        let numbered = cells[0].starts_with(|c: char| c.is_ascii_digit());
        if numbered && cells.len() > 2 && !cells[1].trim().is_empty() {
            cells[1] = format!("<b>{}</b>", cells[1]);
        }
        cells.join("\t")
    };
    let bytes = joined_with("\n", bold);
    assert!(
        String::from_utf8_lossy(&bytes).matches("<b>").count() > 100,
        "most rows are marked up"
    );
    assert_same_model("bold descriptions", &bytes);
}

#[test]
fn no_break_spaces_instead_of_spaces() {
    let text = original_text().replace(' ', "\u{a0}");
    assert_same_model("no-break spaces", text.as_bytes());
}
