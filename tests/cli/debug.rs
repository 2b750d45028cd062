//! `piano debug` end to end: a page of a PDF, of a space-aligned dump and of
//! a scan drawn as an SVG, read back with an XML parser. Every cell of the
//! page's lines (the layout the readers give, as `piano text` prints it)
//! has its box with its text, and every line's band the role `piano text
//! --roles` prints.

use std::collections::BTreeMap;
use std::path::Path;

use piano_model::{BBox, Layout};
use piano_ocr::Settings;
use roxmltree::{Document, Node};

use crate::support::{fixture, fixtures, piano, temp_dir, tesseract_at_hand};

const PDF: &str = "pdf/san-vincenzo-2023.borderless.chromium.pdf";
const ALIGNED: &str = "aligned/families/code-table/fidenza-2023.chromium.pdftotext-layout.txt";
const SCAN: &str = "ocr/fidenza-2023-page1.png";

/// What `piano debug` drew of `page` of the fixture `name`, as XML.
fn drawn(name: &str, page: u32) -> String {
    let out = temp_dir();
    let svg = out.path().join("page.svg");
    let page = page.to_string();
    let run = piano(&["debug", &fixture(name), "--page", &page, "-o", &path(&svg)]);
    assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
    std::fs::read_to_string(&svg).unwrap_or_else(|e| panic!("{name}: no SVG written: {e}"))
}

fn path(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

/// The fixture's lines of cells, as the readers give them to `piano text`.
fn layout(name: &str) -> Layout {
    let bytes = std::fs::read(fixtures().join(name)).expect("the fixture is readable");
    piano_run::input::read_layout(&bytes, &Settings::default())
        .expect("the fixture reads")
        .layout
}

/// Each line's role, by number, as `piano text --roles` prints it.
fn printed_roles(name: &str) -> BTreeMap<u32, String> {
    let run = piano(&["text", "--roles", &fixture(name)]);
    assert_eq!(run.code, Some(0), "{name}: {}", run.stderr);
    (1..)
        .zip(run.stdout.lines())
        .filter(|(_, line)| !line.is_empty())
        .map(|(number, line)| (number, line.split('\t').next().unwrap_or_default().into()))
        .collect()
}

/// An attribute as a number.
fn number(node: Node<'_, '_>, name: &str) -> f32 {
    let value = node.attribute(name).unwrap_or_default();
    value.parse().unwrap_or_else(|_| panic!("{name}={value:?}"))
}

/// The box a rectangle draws.
fn rectangle(node: Node<'_, '_>) -> BBox {
    let (x, y) = (number(node, "x"), number(node, "y"));
    BBox {
        left: x,
        top: y,
        right: x + number(node, "width"),
        bottom: y + number(node, "height"),
    }
}

/// A node's tooltip, or "" without one.
fn tooltip(node: Node<'_, '_>) -> String {
    let title = node.children().find(|child| child.has_tag_name("title"));
    title
        .and_then(|title| title.text())
        .map(|text| text.trim().to_owned())
        .unwrap_or_default()
}

fn near(a: BBox, b: BBox) -> bool {
    let close = |x: f32, y: f32| (x - y).abs() <= 0.01;
    close(a.left, b.left)
        && close(a.top, b.top)
        && close(a.right, b.right)
        && close(a.bottom, b.bottom)
}

/// The rectangles of `class` drawn for a line (the legend's have no
/// `data-line`).
fn rectangles<'a, 'i>(svg: &'a Document<'i>, class: &str) -> Vec<Node<'a, 'i>> {
    svg.descendants()
        .filter(|node| node.has_tag_name("rect") && node.has_attribute("data-line"))
        .filter(|node| {
            node.attribute("class")
                .is_some_and(|c| c.split(' ').next() == Some(class))
        })
        .collect()
}

/// Checks that `svg`, page `page` of the fixture `name`, draws every cell
/// of the page's lines with its text and every line with its role; returns
/// how many cells it checked.
fn check_every_cell_and_role(name: &str, page: u32, svg: &str) -> usize {
    let svg = Document::parse(svg).unwrap_or_else(|e| panic!("{name}: not XML: {e}"));
    let layout = layout(name);
    let roles = printed_roles(name);
    let lines: Vec<_> = layout
        .lines
        .iter()
        .filter(|l| l.page.unwrap_or(1) == page)
        .collect();
    assert!(!lines.is_empty(), "{name}: page {page} has lines");
    let cells = rectangles(&svg, "cell");
    let bands = rectangles(&svg, "band");
    let mut checked = 0;
    for line in &lines {
        let key = line.number.to_string();
        let band = bands
            .iter()
            .find(|b| b.attribute("data-line") == Some(key.as_str()));
        let band = band.unwrap_or_else(|| panic!("{name}: line {key} has no band"));
        assert_eq!(
            band.attribute("data-role"),
            roles.get(&line.number).map(String::as_str),
            "{name}: line {key}"
        );
        for (column, cell) in (1..).zip(&line.cells) {
            let Some(bbox) = cell.bbox else { continue };
            let column = column.to_string();
            let drawn = cells.iter().find(|c| {
                c.attribute("data-line") == Some(key.as_str())
                    && c.attribute("data-column") == Some(column.as_str())
            });
            let drawn =
                drawn.unwrap_or_else(|| panic!("{name}: line {key}, column {column} is not drawn"));
            assert!(
                near(rectangle(*drawn), bbox),
                "{name}: line {key}, column {column}: {bbox:?}"
            );
            assert_eq!(
                tooltip(*drawn),
                cell.text.trim(),
                "{name}: line {key}, column {column}"
            );
            checked += 1;
        }
    }
    assert_eq!(
        cells.len(),
        checked,
        "{name}: only the page's cells are drawn"
    );
    checked
}

/// The band of line `number` and the texts of its cells, as drawn.
fn drawn_line(svg: &str, number: u32) -> (String, Vec<String>) {
    let svg = Document::parse(svg).expect("the SVG is XML");
    let key = number.to_string();
    let role = rectangles(&svg, "band")
        .into_iter()
        .find(|b| b.attribute("data-line") == Some(key.as_str()))
        .and_then(|b| b.attribute("data-role").map(str::to_owned))
        .unwrap_or_default();
    let cells = rectangles(&svg, "cell")
        .into_iter()
        .filter(|c| c.attribute("data-line") == Some(key.as_str()))
        .map(tooltip)
        .collect();
    (role, cells)
}

#[test]
fn a_pdf_page_is_drawn_cell_by_cell_with_the_columns_inferred() {
    let svg = drawn(PDF, 2);
    assert!(check_every_cell_and_role(PDF, 2, &svg) > 20);
    // Read from the PDF's page 2 by hand: objective 2's first phase.
    let (role, cells) = drawn_line(&svg, 30);
    assert_eq!(role, "phase");
    assert_eq!(cells[0], "2.1");
    assert_eq!(cells[2], "(50%)");
    assert_eq!(cells[5], "31.12.2023");
    let parsed = Document::parse(&svg).expect("the SVG is XML");
    let inferred = parsed
        .descendants()
        .filter(|node| {
            node.has_tag_name("line")
                && node.has_attribute("data-table")
                && node.attribute("class") == Some("column")
        })
        .count();
    assert_eq!(inferred, 7, "one table of six columns: seven edges");
}

#[test]
fn an_aligned_dump_is_drawn_on_its_grid_of_characters() {
    let svg = drawn(ALIGNED, 1);
    assert!(check_every_cell_and_role(ALIGNED, 1, &svg) > 30);
    // Read from the dump by hand: lines 11 to 13 are its first objective's row.
    let (role, cells) = drawn_line(&svg, 11);
    assert_eq!(role, "objective");
    assert_eq!(cells[0], "01030101");
    assert_eq!(cells[6], "31/12/2023");
    assert!(svg.contains(r#"data-last="13""#));
    assert!(
        svg.contains(r#"class="grid tenth""#),
        "the character columns are drawn"
    );
}

#[test]
fn a_scan_is_drawn_over_its_page_image() {
    if !tesseract_at_hand("a_scan_is_drawn_over_its_page_image") {
        return;
    }
    let svg = drawn(SCAN, 1);
    assert!(check_every_cell_and_role(SCAN, 1, &svg) > 10);
    let parsed = Document::parse(&svg).expect("the SVG is XML");
    let image = parsed.descendants().find(|node| node.has_tag_name("image"));
    let href = image
        .and_then(|node| node.attribute("href"))
        .unwrap_or_default();
    assert!(
        href.starts_with("data:image/png;base64,iVBORw0KGgo"),
        "the page image is a PNG"
    );
}

#[test]
fn a_page_out_of_range_names_the_file_and_its_page_count() {
    let out = temp_dir();
    let svg = out.path().join("page.svg");
    let run = piano(&["debug", &fixture(PDF), "--page", "9", "-o", &path(&svg)]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains(PDF), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("there is no page 9: the input has 8 pages"),
        "{}",
        run.stderr
    );
    assert!(!svg.exists(), "no picture is written");
}

#[test]
fn a_tab_separated_dump_has_nothing_to_draw() {
    let out = temp_dir();
    let svg = out.path().join("page.svg");
    let run = piano(&[
        "debug",
        &fixture("portoferraio-2021.txt"),
        "-o",
        &path(&svg),
    ]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("tab-separated"), "{}", run.stderr);
    assert!(!svg.exists(), "no picture is written");
}
