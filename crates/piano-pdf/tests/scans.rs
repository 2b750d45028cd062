//! Scanned pages handed to recognition (`read_pdf_with`), over a PDF written
//! here with lopdf: a page of text, a page drawn from two pictures, a page
//! that is one picture. The recognition is a stand-in that reads each
//! picture as one word naming its page, so that what piano-pdf does around
//! it (which pages, in what order, where the words land) is what is tested.
//! Then pages cut in strips or tiles, composed back into the page they were
//! cut from, and pictures that cannot be decoded, which fail their page only.

use std::rc::Rc;

use image::{GrayImage, Luma, imageops};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat, dictionary};
use piano_model::Code;
use piano_pdf::{PdfError, PictureReading, PictureText, Recognition, read_pdf_with};
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

/// The stand-in recognition: each picture decoded and read as [`one_word`].
/// The layout's lines as tab-separated texts.
fn texts(layout: &piano_model::Layout) -> Vec<String> {
    layout.lines.iter().map(|l| l.to_tab_separated()).collect()
}

fn stand_in(pictures: &[piano_pdf::PagePicture<'_>]) -> Vec<PictureReading> {
    pictures
        .iter()
        .map(|picture| {
            let image = picture.decode()?;
            Ok(one_word(picture.page(), image.width(), image.height()))
        })
        .collect()
}

#[test]
fn scanned_pages_are_recognised_in_order_beside_the_text_pages() {
    let bytes = three_pages();
    let mut asked = Vec::new();
    let read = read_pdf_with(&bytes, Recognition::Scans, |pictures| {
        asked = pictures.iter().map(|picture| picture.page()).collect();
        Ok(stand_in(pictures))
    })
    .expect("the PDF is read");
    assert_eq!(asked, [2, 3]);
    assert_eq!(read.recognised, [2, 3]);
    let lines = texts(&read.layout);
    assert_eq!(lines, ["Obiettivi", "page2", "page3"]);
    let page3 = read
        .layout
        .lines
        .iter()
        .find(|l| l.page == Some(3))
        .expect("page 3");
    assert_eq!(page3.cells[0].confidence, Some(0.9));
    // Page 2, drawn from two pictures, is read whole: nothing is left unread.
    assert!(
        read.layout
            .diagnostics
            .iter()
            .all(|d| d.code != Code::NoTextLayer),
        "{:?}",
        read.layout.diagnostics
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

/// A page as a scanner gives it, `width` × `height` pixels: white, with dark
/// blocks in rows like words in lines of text.
fn scanned_page(width: u32, height: u32) -> GrayImage {
    GrayImage::from_fn(width, height, |x, y| {
        let word = (x / 23 * 7 + y / 31 * 3) % 5 != 0;
        let ink = y % 31 < 12 && x % 23 < 19 && word;
        Luma([if ink { 20 } else { 245 }])
    })
}

/// `image` as an uncompressed grey image XObject.
fn grey_picture(image: &GrayImage) -> Stream {
    Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image",
            "Width" => image.width(), "Height" => image.height(),
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        image.as_raw().clone(),
    )
}

/// An A4 PDF whose pages each draw the given pictures over the given boxes
/// (`[x, y, width, height]`, points from the bottom left), in order.
fn pdf_of(pages: Vec<Vec<(Stream, [f32; 4])>>) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mut kids = Vec::new();
    for pictures in pages {
        let mut operations = Vec::new();
        let mut objects = Dictionary::new();
        for (index, (stream, at)) in pictures.into_iter().enumerate() {
            let name = format!("Im{index}");
            operations.extend(draw(&name, at));
            objects.set(name, doc.add_object(stream));
        }
        let content = Content { operations }.encode().expect("content encodes");
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "XObject" => objects },
        });
        kids.push(page.into());
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("the PDF is written");
    bytes
}

/// The bitmaps handed to recognition for the pages of `bytes`.
fn page_bitmaps(bytes: &[u8]) -> Vec<GrayImage> {
    let mut bitmaps = Vec::new();
    read_pdf_with(bytes, Recognition::Scans, |pictures| {
        bitmaps = pictures
            .iter()
            .map(|picture| picture.decode().expect("the pictures decode"))
            .collect();
        Ok(stand_in(pictures))
    })
    .expect("the PDF is read");
    bitmaps
}

/// The share of pixels of `a` and `b` (of one size) that differ by more than a little.
fn differing(a: &GrayImage, b: &GrayImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let off = (a.pixels().zip(b.pixels()))
        .filter(|(p, q)| p.0[0].abs_diff(q.0[0]) > 40)
        .count();
    off as f64 / f64::from(a.width() * a.height())
}

#[test]
fn a_page_cut_in_strips_or_tiles_is_composed_back_whole() {
    // 144 dpi: two pixels a point over A4.
    let whole = scanned_page(1190, 1684);
    let one = pdf_of(vec![vec![(grey_picture(&whole), [0.0, 0.0, 595.0, 842.0])]]);
    // Four strips of 421 rows, the first at the top of the page.
    let strips = (0..4u32)
        .map(|index| {
            let strip = imageops::crop_imm(&whole, 0, index * 421, 1190, 421).to_image();
            let y = 842.0 - (index + 1) as f32 * 210.5;
            (grey_picture(&strip), [0.0, y, 595.0, 210.5])
        })
        .collect();
    // Two by two tiles, drawn bottom row first.
    let tiles = [(0, 1), (1, 1), (0, 0), (1, 0)]
        .into_iter()
        .map(|(column, row)| {
            let tile = imageops::crop_imm(&whole, column * 595, row * 842, 595, 842).to_image();
            let at = [
                column as f32 * 297.5,
                421.0 - row as f32 * 421.0,
                297.5,
                421.0,
            ];
            (grey_picture(&tile), at)
        })
        .collect();
    let bitmaps = page_bitmaps(&pdf_of(vec![vec![], strips, tiles]));
    let single = page_bitmaps(&one);
    assert!(
        single.len() == 1 && single[0] == whole,
        "one picture is handed as it is"
    );
    assert_eq!(bitmaps.len(), 2);
    assert!(bitmaps[0] == whole, "the strips compose the page");
    assert!(bitmaps[1] == whole, "the tiles compose the page");
}

#[test]
fn pictures_of_different_densities_are_composed_at_the_densest() {
    let whole = scanned_page(1190, 1684);
    // The top half stored at half the density, the bottom half as it is.
    let top = imageops::crop_imm(&whole, 0, 0, 1190, 842).to_image();
    let coarse = imageops::resize(&top, 595, 421, imageops::FilterType::Triangle);
    let bottom = imageops::crop_imm(&whole, 0, 842, 1190, 842).to_image();
    // A stamp over the middle, stored finely but too small to set the density.
    let stamp = GrayImage::from_pixel(400, 400, Luma([0]));
    let page = vec![
        (grey_picture(&coarse), [0.0, 421.0, 595.0, 421.0]),
        (grey_picture(&bottom), [0.0, 0.0, 595.0, 421.0]),
        (grey_picture(&stamp), [290.0, 416.0, 10.0, 10.0]),
    ];
    let bitmaps = page_bitmaps(&pdf_of(vec![page]));
    assert_eq!(bitmaps[0].dimensions(), (1190, 1684));
    // Below the stamp, the dense half is drawn as it is.
    let bottom_read = imageops::crop_imm(&bitmaps[0], 0, 860, 1190, 824).to_image();
    let bottom = imageops::crop_imm(&bottom, 0, 18, 1190, 824).to_image();
    assert!(bottom_read == bottom, "the dense half is drawn as it is");
    let top_read = imageops::crop_imm(&bitmaps[0], 0, 0, 1190, 800).to_image();
    let top_whole = imageops::crop_imm(&whole, 0, 0, 1190, 800).to_image();
    // Only the blocks' edges, blurred by the scaling, differ (a shift of a
    // few pixels would make most of them).
    let off = differing(&top_read, &top_whole);
    assert!(off < 0.2, "the coarse half is scaled up: {off}");
    // The stamp is drawn over both, dark, at its place (580, 832 to 600, 852).
    assert!(bitmaps[0].get_pixel(590, 842).0[0] < 40);
}

/// A picture whose data is in an encoding piano does not read.
fn jpeg_2000() -> Stream {
    Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 10, "Height" => 10,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "JPXDecode",
        },
        vec![0; 32],
    )
}

#[test]
fn an_undecodable_picture_fails_its_page_not_the_file() {
    let page = scanned_page(119, 168);
    let bytes = pdf_of(vec![
        vec![(grey_picture(&page), [0.0, 0.0, 595.0, 842.0])],
        vec![(jpeg_2000(), [0.0, 0.0, 595.0, 842.0])],
        vec![
            (grey_picture(&page), [0.0, 421.0, 595.0, 421.0]),
            (jpeg_2000(), [0.0, 0.0, 595.0, 421.0]),
        ],
    ]);
    let read = read_pdf_with(&bytes, Recognition::Scans, |pictures| {
        Ok(stand_in(pictures))
    })
    .expect("read");
    assert_eq!(read.recognised, [1]);
    let lines = texts(&read.layout);
    assert_eq!(lines, ["page1"]);
    let unread: Vec<(Option<u32>, &str)> = read
        .layout
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NoTextLayer)
        .map(|d| (d.page, d.message.as_str()))
        .collect();
    assert_eq!(unread.len(), 2, "{unread:?}");
    assert_eq!((unread[0].0, unread[1].0), (Some(2), Some(3)));
    assert!(
        unread
            .iter()
            .all(|(_, message)| message.contains("JPEG 2000")),
        "{unread:?}"
    );
    assert!(unread[1].1.contains("picture 2 of the 2"), "{unread:?}");
}

#[test]
fn a_pdf_whose_every_picture_is_undecodable_is_an_error_naming_the_encoding() {
    let bytes = pdf_of(vec![vec![(jpeg_2000(), [0.0, 0.0, 595.0, 842.0])]]);
    let failed = read_pdf_with(&bytes, Recognition::Scans, |pictures| {
        Ok(stand_in(pictures))
    });
    assert!(
        matches!(&failed, Err(PdfError::Picture(error)) if error.page == 1 && error.reason.contains("JPEG 2000")),
        "{failed:?}"
    );
}
