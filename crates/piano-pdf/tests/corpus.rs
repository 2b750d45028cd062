//! Real PDFs of other producers: the public collection py-pdf/sample-files
//! (CC BY-SA 4.0, so not part of the project). It is read from
//! `../shared/pdf-corpus` beside the repository when it is there (one folder
//! per file, each PDF with poppler's `pdftotext -raw` reading beside it as
//! `<name>.pdftotext.txt`, and the collection's own `files.json`); each test
//! says it skipped, and why, when it is not. Their words are poppler's words,
//! and files that cannot be read say why. The same cases on files the project
//! makes itself are in `special.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};

mod common;

use common::{agreement, piano_text};
use piano_pdf::{PdfError, read_pdf};

/// The collection's folder, or `None` (and a note on stderr, which the test
/// harness does not capture) when it is not there.
fn collection(test: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/pdf-corpus");
    if dir.join("files.json").is_file() {
        return Some(dir);
    }
    let _ = writeln!(
        std::io::stderr(),
        "{test}: skipped, the shared PDF collection is not at {} (py-pdf/sample-files \
         is kept outside the project for its licence: put it there to run this test)",
        dir.display()
    );
    None
}

/// `path` is `folder/name.pdf` inside the collection.
fn file_agreement(dir: &Path, path: &str) -> f64 {
    let bytes = std::fs::read(dir.join(path)).expect("collection file exists");
    let ours = piano_text(&bytes).expect("the file has a text layer");
    let poppler =
        std::fs::read_to_string(dir.join(poppler_reading(path))).expect("poppler's reading exists");
    agreement(&ours, &poppler)
}

fn poppler_reading(path: &str) -> String {
    format!("{}.pdftotext.txt", path.trim_end_matches(".pdf"))
}

/// The entries of `files.json`: each file's path and whether it is encrypted.
/// (A plain scan of the collection's flat records: `"path": "…"` opens one.)
fn entries(dir: &Path) -> Vec<(String, bool)> {
    let json = std::fs::read_to_string(dir.join("files.json")).expect("files.json is readable");
    json.split("\"path\"")
        .skip(1)
        .map(|record| {
            let path = record
                .split('"')
                .nth(1)
                .expect("a path is a string")
                .to_string();
            let encrypted = record
                .split_once("\"encrypted\"")
                .is_some_and(|(_, rest)| rest.trim_start_matches([':', ' ']).starts_with("true"));
            (path, encrypted)
        })
        .collect()
}

/// The word agreement with poppler a file of the collection must reach where
/// it is not [`FLOOR`], and why.
const FLOORS: [(&str, f64, &str); 6] = [
    (
        "009-pdflatex-geotopo/GeoTopo-komprimiert.pdf",
        0.72,
        "117 pages of a compressed thesis: formulas, figures and tables that poppler and piano cut into words differently",
    ),
    (
        "010-pdflatex-forms/pdflatex-forms.pdf",
        0.75,
        "four words, one of them a form field's value",
    ),
    (
        "012-libreoffice-form/libreoffice-form.pdf",
        0.90,
        "form fields' values",
    ),
    (
        "015-arabic/habibi.pdf",
        0.0,
        "poppler prints Arabic in visual order, piano in the ToUnicode (logical) order",
    ),
    (
        "015-arabic/habibi-rotated.pdf",
        0.0,
        "Arabic, see rotated_pages_with_a_cmap_font_are_read",
    ),
    (
        "015-arabic/habibi-oneline-cmap.pdf",
        0.0,
        "Arabic, as above",
    ),
];

/// The word agreement with poppler every other file with a text layer reaches.
const FLOOR: f64 = 0.97;

/// The files poppler reads no words in that are damaged rather than scans.
const DAMAGED: [&str; 1] = ["017-unreadable-meta-data/unreadablemetadata.pdf"];

#[test]
fn every_file_of_the_collection_is_read_or_refused_with_its_reason() {
    let Some(dir) = collection("every_file_of_the_collection_is_read_or_refused_with_its_reason")
    else {
        return;
    };
    let mut failures = Vec::new();
    let mut checked = 0;
    // files.json lists a file or two the folder does not hold: those are passed over.
    for (path, encrypted) in entries(&dir) {
        let Ok(bytes) = std::fs::read(dir.join(&path)) else {
            continue;
        };
        checked += 1;
        let poppler = std::fs::read_to_string(dir.join(poppler_reading(&path)))
            .expect("poppler's reading exists");
        let outcome = piano_text(&bytes);
        if encrypted {
            if !matches!(outcome, Err(PdfError::PasswordProtected)) {
                failures.push(format!("{path}: needs a password, read as {outcome:?}"));
            }
        } else if DAMAGED.contains(&path.as_str()) {
            if !matches!(outcome, Err(PdfError::Unreadable { .. })) {
                failures.push(format!("{path}: damaged, read as {outcome:?}"));
            }
        } else if poppler.split_whitespace().next().is_none() {
            if !matches!(outcome, Err(PdfError::NoTextLayer { .. })) {
                failures.push(format!("{path}: images only, read as {outcome:?}"));
            }
        } else {
            match outcome {
                Ok(ours) => {
                    let floor = FLOORS
                        .iter()
                        .find(|(name, ..)| *name == path)
                        .map_or(FLOOR, |(_, floor, _)| *floor);
                    let share = agreement(&ours, &poppler);
                    if share < floor {
                        failures.push(format!(
                            "{path}: {share:.3} of poppler's words, below {floor}"
                        ));
                    }
                }
                Err(error) => failures.push(format!("{path}: has text, refused: {error}")),
            }
        }
    }
    assert!(checked > 0, "no file of files.json is in {}", dir.display());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn pdftex_type1_fonts_read_as_poppler_reads_them() {
    let Some(dir) = collection("pdftex_type1_fonts_read_as_poppler_reads_them") else {
        return;
    };
    assert!(file_agreement(&dir, "004-pdflatex-4-pages/pdflatex-4-pages.pdf") > 0.97);
}

#[test]
fn google_docs_truetype_subsets_read_as_poppler_reads_them() {
    let Some(dir) = collection("google_docs_truetype_subsets_read_as_poppler_reads_them") else {
        return;
    };
    assert!(file_agreement(&dir, "011-google-doc-document/google-doc-document.pdf") > 0.97);
}

#[test]
fn pdfa_reads_as_poppler_reads_it() {
    let Some(dir) = collection("pdfa_reads_as_poppler_reads_it") else {
        return;
    };
    assert!(file_agreement(&dir, "021-pdfa/crazyones-pdfa.pdf") > 0.97);
}

#[test]
fn rotated_pages_with_a_cmap_font_are_read() {
    let Some(dir) = collection("rotated_pages_with_a_cmap_font_are_read") else {
        return;
    };
    // Poppler prints Arabic in visual order; piano keeps the ToUnicode
    // (logical) order, so the words are checked, not compared with poppler's.
    let bytes = std::fs::read(dir.join("015-arabic/habibi-rotated.pdf")).expect("exists");
    let text = piano_text(&bytes).expect("the file has a text layer");
    assert!(text.contains("habibi"), "{text}");
    // Its ToUnicode CMap maps some glyphs to nothing (`<>`): they add no text.
    assert!(!text.contains('\u{FFFD}'), "{text}");
    assert!(
        text.contains("\u{62d}\u{64e}\u{628}\u{64a}\u{628}\u{64a}"),
        "{text}"
    );
}

#[test]
fn a_user_password_is_refused_clearly() {
    let Some(dir) = collection("a_user_password_is_refused_clearly") else {
        return;
    };
    let path = "005-libreoffice-writer-password/libreoffice-writer-password.pdf";
    let bytes = std::fs::read(dir.join(path)).expect("exists");
    let error = read_pdf(&bytes).expect_err("a password is needed");
    assert!(matches!(error, PdfError::PasswordProtected));
    assert!(error.to_string().contains("password"));
}

#[test]
fn an_image_only_pdf_names_ocr() {
    let Some(dir) = collection("an_image_only_pdf_names_ocr") else {
        return;
    };
    let bytes =
        std::fs::read(dir.join("007-imagemagick-images/imagemagick-lzw.pdf")).expect("exists");
    let error = read_pdf(&bytes).expect_err("no text layer");
    assert!(matches!(error, PdfError::NoTextLayer { pages: 1 }));
    assert!(error.to_string().contains("OCR"));
}
