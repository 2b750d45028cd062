//! The special cases of the PDF layer on files the project makes itself
//! (`fixtures/pdf-special/`, made by `scripts/make-special-pdfs/make.sh`):
//! their words are poppler's words, rotated pages read upright, and files that
//! cannot be read say why.

use std::path::{Path, PathBuf};

mod common;

use common::piano_text;
use piano_pdf::{PdfError, read_pdf};

fn special(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/pdf-special")
        .join(name)
}

fn bytes(name: &str) -> Vec<u8> {
    std::fs::read(special(name)).expect("fixture exists")
}

fn text(name: &str) -> String {
    piano_text(&bytes(name)).expect("the file has a text layer")
}

/// Share of poppler's words (with multiplicity) that piano reads too; the
/// script writes poppler's reading (`pdftotext -raw`) beside each file.
fn agreement(name: &str) -> f64 {
    let ours = text(&format!("{name}.pdf"));
    let theirs = std::fs::read_to_string(special(&format!("{name}.pdftotext.txt")))
        .expect("poppler's reading exists");
    common::agreement(&ours, &theirs)
}

#[test]
fn several_pages_of_libreoffice_text_read_as_poppler_reads_them() {
    assert!(agreement("plain-4-pages.libreoffice") > 0.97);
    let text = text("plain-4-pages.libreoffice.pdf");
    for heading in [
        "Sezione 1: Programmazione e controllo",
        "Sezione 2: Bilancio e tributi",
        "Sezione 3: Lavori pubblici e ambiente",
        "Sezione 4: Servizi alla persona",
    ] {
        assert!(text.lines().any(|l| l == heading), "{heading}\n{text}");
    }
}

#[test]
fn pdfa_reads_as_poppler_reads_it() {
    let raw = bytes("pdfa-2b.libreoffice.pdf");
    let marker = b"<pdfaid:part>2</pdfaid:part>";
    assert!(
        raw.windows(marker.len()).any(|w| w == marker),
        "the fixture is PDF/A-2"
    );
    assert!(agreement("pdfa-2b.libreoffice") > 0.97);
}

#[test]
fn a_rotated_page_reads_upright() {
    // Page 1 carries /Rotate 90 (qpdf); read upright, its words keep their
    // order along the line, as on page 2, which is not turned.
    assert!(agreement("rotated.qpdf") > 0.97);
    let text = text("rotated.qpdf.pdf");
    for line in [
        "Pagina ruotata: Obiettivi operativi",
        "Pagina diritta: Indicatori",
    ] {
        assert!(text.lines().any(|l| l.contains(line)), "{line}\n{text}");
    }
    // The words outside WinAnsi come through the font's ToUnicode CMap.
    assert!(text.contains("habibi"), "{text}");
    assert!(text.contains("αβγ δέλτα"), "{text}");
    assert!(!text.contains('\u{FFFD}'), "{text}");
    // LibreOffice draws Arabic in visual order and piano keeps the drawing
    // order, so the word may come out reversed: its letters must all be there.
    assert!(
        text.contains("\u{62d}\u{628}\u{64a}\u{628}\u{64a}")
            || text.contains("\u{64a}\u{628}\u{64a}\u{628}\u{62d}"),
        "{text}"
    );
}

#[test]
fn a_user_password_is_refused_clearly() {
    for name in ["password.libreoffice.pdf", "password-aes256.qpdf.pdf"] {
        let error = read_pdf(&bytes(name)).expect_err("a password is needed");
        assert!(
            matches!(error, PdfError::PasswordProtected),
            "{name}: {error}"
        );
        assert!(error.to_string().contains("password"), "{name}");
    }
}

#[test]
fn an_image_only_pdf_names_ocr() {
    // The same picture of a table, Flate-compressed by img2pdf and
    // LZW-compressed by the script.
    for name in ["scanned-table.img2pdf.pdf", "scanned-table.lzw.pdf"] {
        let error = read_pdf(&bytes(name)).expect_err("no text layer");
        assert!(
            matches!(error, PdfError::NoTextLayer { pages: 1 }),
            "{name}: {error}"
        );
        assert!(error.to_string().contains("OCR"), "{name}");
    }
}
