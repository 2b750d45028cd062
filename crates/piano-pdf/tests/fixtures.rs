//! The test PDFs of `fixtures/pdf/`, made by real producers from a plan:
//! the rows `read_pdf` rebuilds must be the rows of the tables the HTML was
//! made from (`<plan>.rows.tsv`, written by scripts/make-pdf-fixtures).

use std::path::{Path, PathBuf};

use piano_model::{Code, Layout};
use piano_pdf::{PdfError, read_pdf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

fn read(name: &str) -> Layout {
    let bytes = std::fs::read(fixtures().join("pdf").join(name)).expect("fixture PDF exists");
    read_pdf(&bytes).expect("fixture PDF reads")
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The table rows of a layout (lines of two cells or more), cells whitespace-normalised.
fn table_rows(layout: &Layout) -> Vec<String> {
    layout
        .lines
        .iter()
        .filter(|line| line.cells.len() > 1)
        .map(|line| {
            let cells: Vec<String> = line.cells.iter().map(|c| normalise(&c.text)).collect();
            cells.join("\t")
        })
        .collect()
}

fn expected_rows(plan: &str) -> Vec<String> {
    std::fs::read_to_string(fixtures().join("pdf").join(format!("{plan}.rows.tsv")))
        .expect("rows file exists")
        .lines()
        .map(str::to_string)
        .collect()
}

/// Chromium and wkhtmltopdf drop the space after a hyphen at a wrap, so "INI- PEC" wrapped
/// after "INI-" cannot be told from "INI-PEC": compare such files with "- "
/// read as "-".
fn drop_hyphen_spaces(rows: Vec<String>) -> Vec<String> {
    rows.into_iter().map(|r| r.replace("- ", "-")).collect()
}

fn check(pdf: &str, plan: &str) {
    let layout = read(pdf);
    let (mut got, mut want) = (table_rows(&layout), expected_rows(plan));
    if pdf.contains("chromium") || pdf.contains("wkhtmltopdf") {
        (got, want) = (drop_hyphen_spaces(got), drop_hyphen_spaces(want));
    }
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "{pdf}: table row {} differs", i + 1);
    }
    assert_eq!(got.len(), want.len(), "{pdf}: row count");
    let pages = layout.pages.expect("a PDF has pages");
    assert!(
        layout
            .lines
            .iter()
            .all(|l| l.page.is_some_and(|p| p >= 1 && p <= pages))
    );
    let numbers: Vec<u32> = layout.lines.iter().map(|l| l.number).collect();
    assert!(
        numbers.windows(2).all(|w| w[0] < w[1]),
        "{pdf}: line numbers increase"
    );
    assert!(
        layout
            .diagnostics
            .iter()
            .any(|d| d.code == Code::TableQuality),
        "{pdf}: a quality report per table"
    );
}

#[test]
fn libreoffice_portoferraio_rows_are_the_plan_rows() {
    check("portoferraio-2021.libreoffice.pdf", "portoferraio-2021");
}

#[test]
fn chromium_portoferraio_rows_are_the_plan_rows() {
    check("portoferraio-2021.chromium.pdf", "portoferraio-2021");
}

#[test]
fn chromium_san_vincenzo_rows_are_the_plan_rows() {
    check("san-vincenzo-2023.chromium.pdf", "san-vincenzo-2023");
}

#[test]
fn libreoffice_san_vincenzo_rows_are_the_plan_rows() {
    check("san-vincenzo-2023.libreoffice.pdf", "san-vincenzo-2023");
}

#[test]
fn wkhtmltopdf_portoferraio_rows_are_the_plan_rows() {
    // wkhtmltopdf draws a row cut by a page break again, whole, on the next page.
    check("portoferraio-2021.wkhtmltopdf.pdf", "portoferraio-2021");
}

#[test]
fn borderless_chromium_rows_are_inferred_from_aligned_gaps() {
    check(
        "san-vincenzo-2023.borderless.chromium.pdf",
        "san-vincenzo-2023",
    );
}

#[test]
fn a_qpdf_rewrite_reads_the_same() {
    // Object streams, linearized, AES-256 with an empty user password.
    assert_eq!(
        table_rows(&read("san-vincenzo-2023.qpdf.pdf")),
        table_rows(&read("san-vincenzo-2023.chromium.pdf"))
    );
    check("san-vincenzo-2023.qpdf.pdf", "san-vincenzo-2023");
}

/// The fixture with every page's content turned a quarter left; with
/// `set_upright`, the page is given `/Rotate 90` and displays as before,
/// without, it displays sideways (a table printed across the page).
fn rotated(name: &str, set_upright: bool) -> Vec<u8> {
    use lopdf::{Document, Object};
    let bytes = std::fs::read(fixtures().join("pdf").join(name)).expect("fixture PDF exists");
    let mut doc = Document::load_mem(&bytes).expect("fixture loads");
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    for id in pages {
        let content = doc.get_page_content(id);
        let dict = doc.get_dictionary_mut(id).expect("a page dictionary");
        let media: Vec<f32> = dict
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .expect("the page has its own MediaBox")
            .iter()
            .map(|v| v.as_float().expect("a number"))
            .collect();
        let (width, height) = (media[2] - media[0], media[3] - media[1]);
        dict.set(
            "MediaBox",
            vec![0.into(), 0.into(), height.into(), width.into()],
        );
        if set_upright {
            dict.set("Rotate", 90);
        }
        dict.remove(b"CropBox");
        let mut turned = format!("q 0 1 -1 0 {height} 0 cm\n").into_bytes();
        turned.extend_from_slice(&content);
        turned.extend_from_slice(b"\nQ\n");
        doc.change_page_content(id, turned)
            .expect("content replaced");
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saved");
    out
}

#[test]
fn rotated_pages_read_as_displayed() {
    let layout = read_pdf(&rotated("san-vincenzo-2023.libreoffice.pdf", true)).expect("reads");
    assert_eq!(
        table_rows(&layout),
        table_rows(&read("san-vincenzo-2023.libreoffice.pdf"))
    );
}

#[test]
fn pages_printed_sideways_are_read_in_their_text_direction() {
    let layout = read_pdf(&rotated("san-vincenzo-2023.libreoffice.pdf", false)).expect("reads");
    assert_eq!(
        table_rows(&layout),
        table_rows(&read("san-vincenzo-2023.libreoffice.pdf"))
    );
}

#[test]
fn an_incremental_update_is_read_through_to_its_newest_revision() {
    use lopdf::{Document, IncrementalDocument, Object};
    let name = "san-vincenzo-2023.libreoffice.pdf";
    let bytes = std::fs::read(fixtures().join("pdf").join(name)).expect("fixture PDF exists");
    let previous = Document::load_mem(&bytes).expect("fixture loads");
    let first = *previous.get_pages().values().next().expect("a first page");
    let mut update = IncrementalDocument::create_from(bytes, previous);
    update
        .opt_clone_object_to_new_document(first)
        .expect("page copied into the update");
    // The update empties the first page: the newest revision must win.
    let empty = update
        .new_document
        .add_object(lopdf::Stream::new(lopdf::Dictionary::new(), Vec::new()));
    update
        .new_document
        .get_dictionary_mut(first)
        .expect("the page in the update")
        .set("Contents", Object::Reference(empty));
    let mut out = Vec::new();
    update.save_to(&mut out).expect("saved incrementally");
    let layout = read_pdf(&out).expect("reads");
    assert!(
        layout.lines.iter().all(|l| l.page != Some(1)),
        "page 1 is empty now"
    );
    assert!(table_rows(&layout).len() > 10, "the other pages still read");
}

#[test]
fn text_inside_form_xobjects_is_read() {
    use lopdf::{Dictionary, Document, Object, Stream};
    let name = "san-vincenzo-2023.chromium.pdf";
    let bytes = std::fs::read(fixtures().join("pdf").join(name)).expect("fixture PDF exists");
    let mut doc = Document::load_mem(&bytes).expect("fixture loads");
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().values().copied().collect();
    for id in pages {
        // Each page's content moves into a Form XObject, shifted by a /Matrix
        // the page's own `cm` undoes.
        let content = doc.get_page_content(id);
        let page = doc.get_dictionary(id).expect("a page dictionary").clone();
        let resources = page.get(b"Resources").expect("page resources").clone();
        let mut form = Dictionary::new();
        form.set("Type", Object::Name(b"XObject".to_vec()));
        form.set("Subtype", Object::Name(b"Form".to_vec()));
        form.set("BBox", page.get(b"MediaBox").expect("a MediaBox").clone());
        form.set(
            "Matrix",
            vec![1.into(), 0.into(), 0.into(), 1.into(), 30.into(), 0.into()],
        );
        form.set("Resources", resources);
        let form = doc.add_object(Stream::new(form, content));
        let mut xobjects = Dictionary::new();
        xobjects.set("Fx", Object::Reference(form));
        let mut own = Dictionary::new();
        own.set("XObject", Object::Dictionary(xobjects));
        doc.get_dictionary_mut(id)
            .expect("a page dictionary")
            .set("Resources", Object::Dictionary(own));
        doc.change_page_content(id, b"q 1 0 0 1 -30 0 cm /Fx Do Q".to_vec())
            .expect("content replaced");
    }
    let mut out = Vec::new();
    doc.save_to(&mut out).expect("saved");
    let layout = read_pdf(&out).expect("reads");
    assert_eq!(table_rows(&layout), table_rows(&read(name)));
}

#[test]
fn rows_cut_by_page_breaks_are_joined() {
    let layout = read("portoferraio-2021.libreoffice.pdf");
    assert!(layout.diagnostics.iter().any(|d| d.code == Code::RowJoined));
}

#[test]
fn a_pdf_cut_before_its_page_tree_reads_the_pages_that_survive() {
    let bytes = std::fs::read(fixtures().join("pdf/san-vincenzo-2023.libreoffice.pdf"))
        .expect("fixture PDF exists");
    let cut = &bytes[..bytes.len() * 99 / 100];
    let layout = read_pdf(cut).expect("the pages survive the cut");
    assert!(
        layout
            .diagnostics
            .iter()
            .any(|d| d.code == Code::PdfDamaged),
        "damage is reported"
    );
    assert_eq!(
        table_rows(&layout),
        table_rows(&read("san-vincenzo-2023.libreoffice.pdf"))
    );
}

#[test]
fn a_pdf_cut_in_half_says_what_was_lost() {
    let bytes = std::fs::read(fixtures().join("pdf/san-vincenzo-2023.chromium.pdf"))
        .expect("fixture PDF exists");
    let error = read_pdf(&bytes[..bytes.len() / 2]).expect_err("its fonts are cut off");
    assert!(matches!(error, PdfError::Unreadable { .. }));
    assert!(error.to_string().contains("cut short"), "{error}");
}

#[test]
fn not_a_pdf_says_so() {
    assert!(matches!(
        read_pdf(b"COMUNE DI PROVA"),
        Err(PdfError::NotPdf)
    ));
}

/// A traced reading gives the same layout, and the traced page's words,
/// rules and the columns of its tables: every table row of the page lies
/// within a table of the trace, its cells' edges at the table's columns.
#[test]
fn a_traced_page_holds_its_words_rules_and_the_columns_of_its_rows() {
    let name = "san-vincenzo-2023.chromium.pdf";
    let bytes = std::fs::read(fixtures().join("pdf").join(name)).expect("fixture PDF exists");
    let (layout, trace) = piano_pdf::read_pdf_traced(&bytes, 2).expect("fixture PDF reads");
    assert_eq!(layout, read(name));
    let trace = trace.expect("page 2 is traced");
    assert_eq!(trace.number, 2);
    assert!(
        trace.words.iter().any(|word| word.text.len() > 3),
        "{name}: words, not glyphs"
    );
    assert!(!trace.rules.is_empty(), "{name}: its tables are ruled");
    let rows = layout
        .lines
        .iter()
        .filter(|line| line.page == Some(2) && line.cells.len() > 1);
    for row in rows {
        let edges: Vec<f32> = row
            .cells
            .iter()
            .filter_map(|c| c.bbox)
            .map(|b| b.left)
            .collect();
        let drawn = trace.tables.iter().any(|table| {
            edges
                .iter()
                .all(|edge| table.columns.iter().any(|c| (c - edge).abs() < 0.01))
        });
        assert!(
            drawn,
            "{name}: line {} has no table in the trace",
            row.number
        );
    }
    assert_eq!(
        piano_pdf::read_pdf_traced(&bytes, 99).map(|(_, t)| t).ok(),
        Some(None)
    );
}
