//! PDFs whose text is an OCR layer another program made (OCRmyPDF over our
//! own scans, `fixtures/ocr/`, see its README): read from the layer's words,
//! each whole where the program placed it, the table rules found in the
//! picture, with no recognition of our own (so no tesseract needed); the
//! plans their golds hold, but for what that program misread. A layer that
//! gives no usable plan is recognised again by piano's own OCR.

use serde_json::Value;

use crate::ocr::{FIDENZA_PAGE, unknown_misreadings};
use crate::support::{fixture, piano, tesseract_at_hand};

/// Each OCR-layer PDF with its gold: the PNG of a plan's first page and the
/// two-page bilevel TIFF, each through OCRmyPDF.
const LAYERS: [(&str, &str); 2] = [
    ("ocr/fidenza-2023-page1.ocrmypdf.pdf", FIDENZA_PAGE),
    (
        "ocr/poggibonsi-2022.ocrmypdf.pdf",
        "families/weight-matrix/poggibonsi-2022.expected.json",
    ),
];

/// The plan `piano extract` reads of `pdf` with `args` added.
fn extracted(pdf: &str, args: &[&str]) -> Value {
    let path = fixture(pdf);
    let mut all = vec!["extract", "--quiet", "--include-staff"];
    all.extend_from_slice(args);
    all.push(&path);
    let run = piano(&all);
    assert_eq!(run.code, Some(0), "{pdf}: {}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{pdf}: {e}"))
}

#[test]
fn an_ocr_layer_is_read_from_its_words_not_recognised_again() {
    let mut failures = String::new();
    for (pdf, gold) in LAYERS {
        // `--ocr never` too: reading a layer is no OCR.
        for args in [&[][..], &["--ocr", "never"][..]] {
            let output = extracted(pdf, args);
            assert_eq!(output["source"]["format"], "pdf", "{pdf}");
            assert_eq!(
                output["source"]["ocr"],
                Value::Null,
                "{pdf}: no page recognised"
            );
            let said = output["diagnostics"]
                .as_array()
                .into_iter()
                .flatten()
                .filter(|d| d["code"] == "ocr-layer")
                .count();
            assert_eq!(said, 1, "{pdf}: one ocr-layer diagnostic");
            failures.push_str(&unknown_misreadings(pdf, gold, &output));
        }
    }
    assert!(failures.is_empty(), "\n{failures}");
}

#[test]
fn ocr_always_recognises_the_picture_under_an_ocr_layer() {
    if !tesseract_at_hand("ocr_always_recognises_the_picture_under_an_ocr_layer") {
        return;
    }
    let (pdf, _) = LAYERS[1];
    let output = extracted(pdf, &["--ocr", "always"]);
    assert_eq!(output["source"]["ocr"]["engine"], "tesseract", "{pdf}");
    assert_eq!(
        output["source"]["ocr"]["pages"],
        serde_json::json!([1, 2]),
        "{pdf}"
    );
    let layer = output["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|d| d["code"] == "ocr-layer");
    assert!(!layer, "{pdf}: the layer was set aside");
}

#[test]
fn an_ocr_layer_read_unreadable_is_recognised_again() {
    if !tesseract_at_hand("an_ocr_layer_read_unreadable_is_recognised_again") {
        return;
    }
    // OCRmyPDF read the shaded header cells of this scan as noise ("Area ii .
    // Amministrativa"): read from its layer, no header names the columns.
    let pdf = "ocr/codogno-2023.ocrmypdf.pdf";
    let path = fixture(pdf);
    let never = piano(&["extract", "--quiet", "--ocr", "never", &path]);
    assert_eq!(
        never.code,
        Some(1),
        "{pdf}: no plan found: {}",
        never.stderr
    );
    let layer: Value = serde_json::from_str(&never.stdout).unwrap_or_else(|e| panic!("{pdf}: {e}"));
    assert_eq!(layer["quality"]["verdict"], "unreadable", "{pdf}");
    let output = extracted(pdf, &[]);
    assert_eq!(
        output["source"]["ocr"]["pages"],
        serde_json::json!([1, 2]),
        "{pdf}"
    );
    let said: Vec<&str> = output["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "ocr-layer")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert!(
        said.len() == 1 && said[0].contains("recognised by OCR instead"),
        "{pdf}: {said:?}"
    );
    let gold = "families/weight-matrix/codogno-2023.expected.json";
    let failures = unknown_misreadings(pdf, gold, &output);
    assert!(failures.is_empty(), "\n{failures}");
}
