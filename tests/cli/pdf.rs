//! PDFs end to end: `piano text` prints the rebuilt rows, `piano extract`
//! on each producer's PDF gives the objectives and phases of the plan the
//! PDF was made from, and unreadable PDFs fail with a clear message.

use serde_json::Value;

use crate::support::{fixture, fixtures, piano};

/// The producer PDFs of `fixtures/pdf/` with the plan each was made from.
const PRODUCED: [(&str, &str); 7] = [
    ("portoferraio-2021.libreoffice.pdf", "portoferraio-2021"),
    ("portoferraio-2021.chromium.pdf", "portoferraio-2021"),
    ("portoferraio-2021.wkhtmltopdf.pdf", "portoferraio-2021"),
    (
        "san-vincenzo-2023.borderless.chromium.pdf",
        "san-vincenzo-2023",
    ),
    ("san-vincenzo-2023.libreoffice.pdf", "san-vincenzo-2023"),
    ("san-vincenzo-2023.chromium.pdf", "san-vincenzo-2023"),
    ("san-vincenzo-2023.qpdf.pdf", "san-vincenzo-2023"),
];

/// Whitespace collapsed; for Chromium and wkhtmltopdf, which drop the space after a hyphen
/// at a wrap, "- " read as "-" (the two cannot be told apart there).
fn norm(value: &Value, chromium: bool) -> Value {
    match value.as_str() {
        Some(text) => {
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            Value::String(if chromium {
                text.replace("- ", "-")
            } else {
                text
            })
        }
        None => value.clone(),
    }
}

/// The fields of an objective or phase the comparison covers.
fn item(value: &Value, chromium: bool) -> Vec<Value> {
    vec![
        norm(&value["number"], chromium),
        norm(&value["description"], chromium),
        value["weight"].as_f64().map_or(Value::Null, Value::from),
        norm(&value["indicators"], chromium),
        norm(&value["expected"], chromium),
        norm(&value["due"]["raw"], chromium),
        value["due"]["date"].clone(),
    ]
}

fn items(plan: &Value, chromium: bool) -> Vec<Vec<Value>> {
    let mut out = Vec::new();
    for structure in plan["structures"].as_array().into_iter().flatten() {
        for objective in structure["objectives"].as_array().into_iter().flatten() {
            out.push(item(objective, chromium));
            for phase in objective["phases"].as_array().into_iter().flatten() {
                out.push(item(phase, chromium));
            }
        }
    }
    out
}

fn check_extract(pdf: &str, plan: &str) {
    let chromium = ["chromium", "qpdf", "wkhtmltopdf"]
        .iter()
        .any(|producer| pdf.contains(producer));
    let run = piano(&["extract", "--quiet", &fixture(&format!("pdf/{pdf}"))]);
    assert_eq!(run.code, Some(0), "{pdf}: {}", run.stderr);
    let got: Value = serde_json::from_str(&run.stdout).expect("JSON output");
    let expected_text =
        std::fs::read_to_string(fixtures().join(format!("pdf/{plan}.expected.json")))
            .expect("expected JSON exists");
    let expected: Value = serde_json::from_str(&expected_text).expect("expected JSON parses");
    let (got, want) = (items(&got, chromium), items(&expected, chromium));
    for (g, w) in got.iter().zip(&want) {
        assert_eq!(g, w, "{pdf}");
    }
    assert_eq!(got.len(), want.len(), "{pdf}: objectives and phases");
}

#[test]
fn extract_gives_the_plan_each_pdf_was_made_from() {
    for (pdf, plan) in PRODUCED {
        check_extract(pdf, plan);
    }
}

#[test]
fn text_prints_one_line_per_table_row() {
    for (pdf, plan) in PRODUCED {
        let run = piano(&["text", &fixture(&format!("pdf/{pdf}"))]);
        assert_eq!(run.code, Some(0), "{pdf}: {}", run.stderr);
        let rows = std::fs::read_to_string(fixtures().join(format!("pdf/{plan}.rows.tsv")))
            .expect("rows exist");
        let header = rows
            .lines()
            .find(|l| l.starts_with("N°\t"))
            .expect("the plan has an objectives table");
        assert!(
            run.stdout.lines().any(|l| l == header),
            "{pdf}: header row printed whole"
        );
        let printed_rows = run.stdout.lines().filter(|l| l.contains('\t')).count();
        assert_eq!(
            printed_rows,
            rows.lines().count(),
            "{pdf}: one line per row"
        );
    }
}

#[test]
fn text_prints_a_dump_as_its_reader_reads_it() {
    let run = piano(&["text", &fixture("portoferraio-2021.txt")]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let dump = std::fs::read_to_string(fixtures().join("portoferraio-2021.txt")).expect("dump");
    let printed: Vec<&str> = run.stdout.lines().collect();
    let original: Vec<&str> = dump.lines().collect();
    assert_eq!(printed.len(), original.len());
    assert_eq!(printed[54], original[54], "the objectives header, line 55");
}

#[test]
fn a_password_protected_pdf_says_so() {
    for pdf in [
        "pdf-special/password.libreoffice.pdf",
        "pdf-special/password-aes256.qpdf.pdf",
    ] {
        let run = piano(&["text", &fixture(pdf)]);
        assert_eq!(run.code, Some(1), "{pdf}");
        assert!(run.stderr.contains("password"), "{pdf}: {}", run.stderr);
    }
}

#[test]
fn a_scanned_pdf_read_without_ocr_names_ocr() {
    for pdf in [
        "pdf-special/scanned-table.lzw.pdf",
        "pdf-special/scanned-table.img2pdf.pdf",
    ] {
        let run = piano(&["extract", "--ocr", "never", &fixture(pdf)]);
        assert_eq!(run.code, Some(1), "{pdf}");
        assert!(
            run.stderr.contains("no text layer"),
            "{pdf}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("--ocr auto"), "{pdf}: {}", run.stderr);
    }
}

#[test]
fn a_scanned_pdf_is_read_by_ocr() {
    if !crate::support::tesseract_at_hand("a_scanned_pdf_is_read_by_ocr") {
        return;
    }
    for pdf in [
        "pdf-special/scanned-table.lzw.pdf",
        "pdf-special/scanned-table.img2pdf.pdf",
    ] {
        let run = piano(&["text", &fixture(pdf)]);
        assert_eq!(run.code, Some(0), "{pdf}: {}", run.stderr);
        // The picture's table, as it shows (checked against the image).
        assert_eq!(
            run.stdout,
            "N°\tDescrizione Obiettivo\tPeso %\tScadenza\n\
             1\tDigitalizzazione archivio\t40%\t31.12.2024\n\
             2\tRiduzione tempi di pagamento\t35%\t30.06.2024\n\
             3\tSportello unico edilizia\t25%\t31.10.2024\n",
            "{pdf}"
        );
    }
}

#[test]
fn a_truncated_pdf_does_not_crash() {
    let bytes = std::fs::read(fixtures().join("pdf/portoferraio-2021.libreoffice.pdf"))
        .expect("fixture exists");
    let dir = crate::support::temp_dir();
    let cut = dir.path().join("cut.pdf");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).expect("temp file written");
    let run = piano(&["text", &cut.to_string_lossy()]);
    assert!(matches!(run.code, Some(0 | 1)), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}
