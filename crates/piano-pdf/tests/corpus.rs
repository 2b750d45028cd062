//! Real PDFs of other producers (`fixtures/pdf-corpus/`, from
//! py-pdf/sample-files): their words are poppler's words, and files that
//! cannot be read say why.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use piano_pdf::{PdfError, read_pdf};

fn corpus(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf-corpus")
        .join(name)
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}

/// Share of poppler's words (with multiplicity) that piano reads too.
fn agreement(name: &str) -> f64 {
    let bytes = std::fs::read(corpus(&format!("{name}.pdf"))).expect("corpus file exists");
    let layout = read_pdf(&bytes).expect("the file has a text layer");
    let ours: Vec<String> = layout.lines.iter().map(|l| l.to_tab_separated()).collect();
    let ours = words(&ours.join("\n"));
    let theirs = std::fs::read_to_string(corpus(&format!("{name}.pdftotext.txt")))
        .expect("poppler's reading exists");
    let theirs = words(&theirs);
    let total: usize = theirs.values().sum();
    let shared: usize = theirs
        .iter()
        .map(|(word, n)| (*n).min(ours.get(word).copied().unwrap_or(0)))
        .sum();
    shared as f64 / total.max(1) as f64
}

#[test]
fn pdftex_type1_fonts_read_as_poppler_reads_them() {
    assert!(agreement("pdflatex-4-pages") > 0.97);
}

#[test]
fn google_docs_truetype_subsets_read_as_poppler_reads_them() {
    assert!(agreement("google-doc-document") > 0.97);
}

#[test]
fn pdfa_reads_as_poppler_reads_it() {
    assert!(agreement("crazyones-pdfa") > 0.97);
}

#[test]
fn rotated_pages_with_a_cmap_font_are_read() {
    // Poppler prints Arabic in visual order; piano keeps the ToUnicode
    // (logical) order, so the words are checked, not compared with poppler's.
    let bytes = std::fs::read(corpus("habibi-rotated.pdf")).expect("exists");
    let layout = read_pdf(&bytes).expect("the file has a text layer");
    let text: Vec<String> = layout.lines.iter().map(|l| l.to_tab_separated()).collect();
    let text = text.join("\n");
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
    let bytes = std::fs::read(corpus("libreoffice-writer-password.pdf")).expect("exists");
    let error = read_pdf(&bytes).expect_err("a password is needed");
    assert!(matches!(error, PdfError::PasswordProtected));
    assert!(error.to_string().contains("password"));
}

#[test]
fn an_image_only_pdf_names_ocr() {
    let bytes = std::fs::read(corpus("imagemagick-lzw.pdf")).expect("exists");
    let error = read_pdf(&bytes).expect_err("no text layer");
    assert!(matches!(error, PdfError::NoTextLayer { pages: 1 }));
    assert!(error.to_string().contains("OCR"));
}
