//! Scanned pages handed to recognition (`read_pdf_with`), over a PDF written
//! here with lopdf: a page of text, a page drawn from two pictures, a page
//! that is one picture. The recognition is a stand-in that reads each
//! picture as one word naming its page, so that what piano-pdf does around
//! it (which pages, in what order, where the words land) is what is tested.

use std::rc::Rc;

use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};
use piano_model::Code;
use piano_pdf::{PdfError, PictureText, Recognition, read_pdf_with};
use piano_table::Word;

/// A 10 × 10 grey picture.
fn picture(doc: &mut Document) -> ObjectId {
    doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 10, "Height" => 10,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![200; 100],
    ))
}

/// Draws XObject `name` over the box `[x, y, width, height]` (points, from the bottom left).
fn draw(name: &str, [x, y, width, height]: [f32; 4]) -> Vec<Operation> {
    vec![
        Operation::new("q", vec![]),
        Operation::new(
            "cm",
            [width, 0.0, 0.0, height, x, y].map(Object::Real).to_vec(),
        ),
        Operation::new("Do", vec![name.into()]),
        Operation::new("Q", vec![]),
    ]
}

/// Page 1: a line of text; page 2: two pictures, each over half the page;
/// page 3: one picture over the whole page. A4.
fn three_pages() -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let (top, bottom, whole) = (picture(&mut doc), picture(&mut doc), picture(&mut doc));
    let text = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 12.into()]),
        Operation::new("Td", vec![72.into(), 700.into()]),
        Operation::new(
            "Tj",
            vec![Object::String(b"Obiettivi".to_vec(), StringFormat::Literal)],
        ),
        Operation::new("ET", vec![]),
    ];
    let halves = [
        draw("Top", [0.0, 421.0, 595.0, 421.0]),
        draw("Bottom", [0.0, 0.0, 595.0, 421.0]),
    ]
    .concat();
    let full = draw("Whole", [0.0, 0.0, 595.0, 842.0]);
    let mut kids = Vec::new();
    for operations in [text, halves, full] {
        let content = Content { operations }.encode().expect("content encodes");
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! {
                "Font" => dictionary! { "F1" => font },
                "XObject" => dictionary! { "Top" => top, "Bottom" => bottom, "Whole" => whole },
            },
        });
        kids.push(page.into());
    }
    doc.objects.insert(
        pages,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => 3 }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

/// What the stand-in reads of a picture: one word, "page<N>", along its top.
fn one_word(page: u32, columns: u32, rows: u32) -> PictureText {
    PictureText {
        columns,
        rows,
        words: vec![Word {
            text: Rc::from(format!("page{page}")),
            x0: 1.0,
            x1: 5.0,
            y: 3.0,
            size: 2.0,
            confidence: Some(0.9),
        }],
        rules: Vec::new(),
    }
}

#[test]
fn scanned_pages_are_recognised_in_order_beside_the_text_pages() {
    let bytes = three_pages();
    let mut asked = Vec::new();
    let read = read_pdf_with(&bytes, Recognition::Scans, |pictures| {
        asked = pictures.iter().map(|picture| picture.page()).collect();
        pictures
            .iter()
            .map(|picture| {
                let image = picture.decode()?;
                Ok(one_word(picture.page(), image.width(), image.height()))
            })
            .collect()
    })
    .expect("the PDF is read");
    assert_eq!(asked, [2, 3]);
    assert_eq!(read.recognised, [2, 3]);
    let lines: Vec<String> = read
        .layout
        .lines
        .iter()
        .map(|l| l.to_tab_separated())
        .collect();
    assert_eq!(lines, ["Obiettivi", "page2", "page3"]);
    let page3 = read
        .layout
        .lines
        .iter()
        .find(|l| l.page == Some(3))
        .expect("page 3");
    assert_eq!(page3.cells[0].confidence, Some(0.9));
    // Page 2 is drawn from two pictures: the larger (the first, of equal size) is read, and said.
    let composite: Vec<&str> = read
        .layout
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NoTextLayer)
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(composite.len(), 1, "{composite:?}");
    assert!(
        composite[0].contains("page 2 is drawn from 2 pictures"),
        "{composite:?}"
    );
}

#[test]
fn without_recognition_picture_pages_are_reported() {
    let bytes = three_pages();
    let read = read_pdf_with(&bytes, Recognition::Never, |_| {
        panic!("nothing is recognised")
    })
    .expect("page 1 has text");
    assert!(read.recognised.is_empty());
    let pages: Vec<Option<u32>> = read
        .layout
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NoTextLayer)
        .map(|d| d.page)
        .collect();
    assert_eq!(pages, [Some(2), Some(3)]);
}

#[test]
fn a_recognition_that_fails_fails_the_reading() {
    let bytes = three_pages();
    let failed = read_pdf_with(&bytes, Recognition::Every, |_| Err("no engine".into()));
    assert!(
        matches!(failed, Err(PdfError::Recognition(error)) if error.to_string() == "no engine")
    );
}
