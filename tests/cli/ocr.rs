//! Scans end to end: images of our own plans, and PDFs of those images
//! (`fixtures/ocr/`, see its README), read by OCR through the tesseract
//! program, give the plans their golds hold; `text`, `check` and `batch`
//! read them too; `--ocr` says which pages are read by OCR.
//!
//! These tests need tesseract and its Italian data (`scripts/install-ocr.sh`):
//! see [`tesseract_at_hand`].

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::fixtures::{Scope, differences, listed, read_json};
use crate::support::{fixture, fixtures, piano, temp_dir, tesseract_at_hand};

/// The gold of the page the PNG and the scanned PDFs show.
pub const FIDENZA_PAGE: &str = "ocr/fidenza-2023-page1.expected.json";

/// Each scan with its gold: a PNG of a plan's first page (its gold holds what
/// that page shows), a two-page bilevel CCITT TIFF of a whole plan (the
/// gold of the text dump it was rendered from), and PDFs of the PNG as
/// scanners store them (JPEG with a signature stamp over it, Flate with a
/// predictor, CCITT Group 4, turned by `/Rotate`; the TIFF's pages put in a
/// PDF by img2pdf, CCITT with `/BlackIs1`).
const SCANS: [(&str, &str); 7] = [
    ("ocr/fidenza-2023-page1.png", FIDENZA_PAGE),
    (
        "ocr/poggibonsi-2022.tif",
        "families/weight-matrix/poggibonsi-2022.expected.json",
    ),
    ("ocr/fidenza-2023-page1.stamped-jpeg.pdf", FIDENZA_PAGE),
    ("ocr/fidenza-2023-page1.flate.pdf", FIDENZA_PAGE),
    ("ocr/fidenza-2023-page1.ccitt.pdf", FIDENZA_PAGE),
    ("ocr/fidenza-2023-page1.rotate90.pdf", FIDENZA_PAGE),
    (
        "ocr/poggibonsi-2022.img2pdf.pdf",
        "families/weight-matrix/poggibonsi-2022.expected.json",
    ),
];

/// The `source.format` of a scan: a PDF stays a PDF.
fn format_of(scan: &str) -> &'static str {
    if scan.ends_with(".pdf") {
        "pdf"
    } else {
        "image"
    }
}

/// The fields OCR is known to misread in `scan`, from
/// `<scan>.known-differences` beside it (one path a line, `#` a comment).
fn known_differences(scan: &Path) -> BTreeSet<String> {
    let file = scan.with_extension("known-differences");
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    text.lines()
        .map(|line| line.split('#').next().unwrap_or_default().trim())
        .filter(|path| !path.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn every_scan_matches_its_gold_but_for_known_misreadings() {
    if !tesseract_at_hand("every_scan_matches_its_gold_but_for_known_misreadings") {
        return;
    }
    let mut failures = String::new();
    for (scan, gold) in SCANS {
        let run = piano(&["extract", "--quiet", "--include-staff", &fixture(scan)]);
        assert_eq!(run.code, Some(0), "{scan}: {}", run.stderr);
        let output: Value =
            serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{scan}: {e}"));
        assert_eq!(output["source"]["format"], format_of(scan), "{scan}");
        assert_eq!(output["source"]["ocr"]["engine"], "tesseract", "{scan}");
        assert_eq!(output["source"]["ocr"]["languages"][0], "ita", "{scan}");
        let pages = output["source"]["pages"].as_u64().unwrap_or_default();
        let recognised = output["source"]["ocr"]["pages"].as_array().map(Vec::len);
        assert_eq!(
            recognised,
            Some(pages as usize),
            "{scan}: every page recognised"
        );
        failures.push_str(&unknown_misreadings(scan, gold, &output));
    }
    assert!(failures.is_empty(), "\n{failures}");
}

/// What `output`, the plan read of `scan`, gets wrong against `gold` beyond
/// the scan's known misreadings, and the known ones it now reads right:
/// empty when it reads as expected.
pub fn unknown_misreadings(scan: &str, gold: &str, output: &Value) -> String {
    let found = differences(
        &read_json(&fixtures().join(gold)),
        output,
        Scope::ExpectedContent,
    );
    let known = known_differences(&fixtures().join(scan));
    let paths: BTreeSet<String> = found.iter().map(|d| d.path.clone()).collect();
    let (new, _): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|difference| !known.contains(&difference.path));
    let mut failures = String::new();
    if !new.is_empty() {
        failures.push_str(&format!(
            "{scan}: fields differ from {gold}\n{}",
            listed(&new)
        ));
    }
    for fixed in known.difference(&paths) {
        failures.push_str(&format!(
            "{scan}: {fixed} is read right now: remove it from its known-differences\n"
        ));
    }
    failures
}

#[test]
fn text_check_and_batch_read_scans() {
    if !tesseract_at_hand("text_check_and_batch_read_scans") {
        return;
    }
    let png = fixture(SCANS[0].0);
    let text = piano(&["text", &png]);
    assert_eq!(text.code, Some(0), "{}", text.stderr);
    assert!(
        text.stdout.contains("01030101\tApprovazione del bilancio"),
        "a table row rebuilt from the scan:\n{}",
        text.stdout
    );

    let check = piano(&["check", &png]);
    let said = check.stdout.lines().any(|line| {
        line.contains(": OCR (tesseract ")
            && line.contains(", ita) recognised page 1 with mean confidence 0.")
    });
    assert!(
        said,
        "which pages were recognised, how confidently:\n{}",
        check.stdout
    );

    let out = temp_dir();
    let folder = temp_dir();
    for (scan, _) in &SCANS[..3] {
        let name = Path::new(scan).file_name().expect("a file name");
        std::fs::copy(fixtures().join(scan), folder.path().join(name)).expect("scan copied");
    }
    let batch = piano(&[
        "batch",
        "--quiet",
        "--out",
        &out.path().to_string_lossy(),
        &folder.path().to_string_lossy(),
    ]);
    assert_eq!(batch.code, Some(0), "{}", batch.stderr);
    let plans = std::fs::read_to_string(out.path().join("plans.csv")).expect("plans.csv");
    let mut reader = csv::Reader::from_reader(plans.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (format, ocr_pages) = (column("format"), column("ocr_pages"));
    let rows: Vec<(String, String)> = reader
        .records()
        .map(|row| {
            let row = row.expect("a row");
            (row[format].to_owned(), row[ocr_pages].to_owned())
        })
        .collect();
    let mut read: Vec<(&str, &str)> = rows
        .iter()
        .map(|(format, pages)| (format.as_str(), pages.as_str()))
        .collect();
    read.sort_unstable();
    assert_eq!(read, [("image", "1"), ("image", "2"), ("pdf", "1")]);
}

#[test]
fn ocr_never_refuses_scans_and_names_ocr_auto() {
    for scan in [
        "ocr/fidenza-2023-page1.png",
        "ocr/fidenza-2023-page1.flate.pdf",
    ] {
        let run = piano(&["extract", "--ocr", "never", &fixture(scan)]);
        assert_eq!(run.code, Some(1), "{scan}");
        assert!(run.stderr.contains("--ocr auto"), "{scan}: {}", run.stderr);
    }
}

#[test]
fn a_scanned_pdf_without_tesseract_names_what_to_install() {
    // No program on the PATH: tesseract cannot be found, installed or not.
    let empty = temp_dir();
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(["extract", &fixture("ocr/fidenza-2023-page1.flate.pdf")])
        .env("PATH", empty.path())
        .output()
        .expect("piano runs");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("fidenza-2023-page1.flate.pdf")
            && stderr.contains("needs the tesseract program")
            && stderr.contains("apt install tesseract-ocr"),
        "{stderr}"
    );
}

#[test]
fn ocr_always_reads_the_picture_under_a_text_layer() {
    if !tesseract_at_hand("ocr_always_reads_the_picture_under_a_text_layer") {
        return;
    }
    // The stamp is the page's only text: by default it stays beside the
    // recognised words; `always` sets it aside.
    let stamped = fixture("ocr/fidenza-2023-page1.stamped-jpeg.pdf");
    let auto = piano(&["text", &stamped]);
    assert_eq!(auto.code, Some(0), "{}", auto.stderr);
    assert!(
        auto.stdout.contains("firmato digitalmente"),
        "{}",
        auto.stdout
    );
    assert!(auto.stdout.contains("01030101"), "{}", auto.stdout);
    let always = piano(&["text", "--ocr", "always", &stamped]);
    assert_eq!(always.code, Some(0), "{}", always.stderr);
    assert!(!always.stdout.contains("Mario Rossi"), "{}", always.stdout);
    assert!(always.stdout.contains("01030101"), "{}", always.stdout);
}

#[test]
fn a_missing_language_names_what_to_install() {
    if !tesseract_at_hand("a_missing_language_names_what_to_install") {
        return;
    }
    let run = piano(&["extract", "--ocr-lang", "zzz", &fixture(SCANS[0].0)]);
    assert_eq!(run.code, Some(1));
    assert!(
        run.stderr.contains("fidenza-2023-page1.png") && run.stderr.contains("\"zzz\""),
        "{}",
        run.stderr
    );
}

/// `page` turned by `degrees` clockwise about its centre, as a page fed in
/// askew (each pixel taken from the nearest one turned back), corners white.
fn askew(page: &image::GrayImage, degrees: f32) -> image::GrayImage {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (page.width() as f32 / 2.0, page.height() as f32 / 2.0);
    image::GrayImage::from_fn(page.width(), page.height(), |x, y| {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let (sx, sy) = (cx + dx * cos + dy * sin, cy - dx * sin + dy * cos);
        match (
            u32::try_from(sx.round() as i64),
            u32::try_from(sy.round() as i64),
        ) {
            (Ok(sx), Ok(sy)) if sx < page.width() && sy < page.height() => *page.get_pixel(sx, sy),
            _ => image::Luma([255]),
        }
    })
}

#[test]
fn a_page_scanned_sideways_and_askew_is_read_upright_and_straight() {
    if !tesseract_at_hand("a_page_scanned_sideways_and_askew_is_read_upright_and_straight") {
        return;
    }
    let page = image::open(fixtures().join(SCANS[0].0))
        .expect("the PNG opens")
        .to_luma8();
    let folder = temp_dir();
    // Askew by 1.5 degrees (a row's last cell 43 pixels, two lines,
    // below its first; the rules slanted), then turned a quarter
    // clockwise, as a page fed in sideways.
    let path = folder.path().join("sideways.png");
    image::imageops::rotate90(&askew(&page, 1.5))
        .save(&path)
        .expect("the turned page is written");
    let text = piano(&["text", &path.to_string_lossy()]);
    assert_eq!(text.code, Some(0), "{}", text.stderr);
    assert!(
        text.stdout
            .contains("01030101\tApprovazione del bilancio di previsione 2024-2026 entro l'anno\t"),
        "a table row read upright, whole:\n{}",
        text.stdout
    );
}

#[test]
fn the_ocr_cache_keeps_recognised_pages_and_rewrites_damaged_ones() {
    if !tesseract_at_hand("the_ocr_cache_keeps_recognised_pages_and_rewrites_damaged_ones") {
        return;
    }
    let cache = temp_dir();
    let dir = cache.path().join("pages");
    let scan = fixture("ocr/fidenza-2023-page1.ccitt.pdf");
    let text = || piano(&["text", "--ocr-cache", &dir.to_string_lossy(), &scan]);
    let first = text();
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let entries: Vec<_> = std::fs::read_dir(&dir)
        .expect("the cache folder is made")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    assert_eq!(entries.len(), 1, "one page, one entry: {entries:?}");
    let entry = &entries[0];
    // The page is read back from the cache, not recognised again: an edit
    // of the kept TSV shows.
    let kept = std::fs::read_to_string(entry).expect("the entry reads");
    assert!(kept.contains("Approvazione"), "{kept}");
    std::fs::write(entry, kept.replace("Approvazione", "Cached")).expect("edited");
    let second = text();
    assert!(
        second.stdout.contains("01030101\tCached del bilancio"),
        "{}",
        second.stdout
    );
    // A damaged entry is ignored, and rewritten.
    std::fs::write(entry, "damaged").expect("damaged");
    let third = text();
    assert_eq!(third.stdout, first.stdout);
    let rewritten = std::fs::read_to_string(entry).expect("the entry reads");
    assert_eq!(rewritten, kept);
}
