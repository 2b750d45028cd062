//! Writes the scanned-PDF fixtures of `fixtures/ocr/` from a page image, as
//! scanners and their software store scans: the page's picture alone, in the
//! encodings piano decodes.
//!
//! `cargo run -p piano-pdf --example scan_pdfs -- fixtures/ocr/fidenza-2023-page1.png 200`
//! writes, beside the image (`<stem>` its name without extension):
//!
//! - `<stem>.stamped-jpeg.pdf`: a grey JPEG (`DCTDecode`), with a line of
//!   text ("Documento firmato digitalmente …") written over its foot, as a
//!   signing tool stamps a scan;
//! - `<stem>.flate.pdf`: grey samples, `FlateDecode` with the PNG "up"
//!   predictor on every row;
//! - `<stem>.ccitt.pdf`: bilevel (grey under 160 is black), CCITT Group 4;
//! - `<stem>.rotate90.pdf`: the JPEG stored a quarter turn anticlockwise on
//!   a landscape page that `/Rotate 90` shows upright.
//!
//! The second argument is the image's resolution (dots per inch), which
//! gives the page its size.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use fax::Color;
use fax::encoder::Encoder;
use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, imageops};
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};

/// Grey under this is black in the bilevel scan.
const THRESHOLD: u8 = 160;
/// The quality of the JPEG scans, as office scanners set it.
const JPEG_QUALITY: u8 = 80;
/// The stamp a signing tool writes over the scan.
const STAMP: &str = "Documento firmato digitalmente da Mario Rossi ai sensi del D.Lgs. 82/2005";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(image), Some(dpi)) = (args.next(), args.next()) else {
        return Err("usage: scan_pdfs IMAGE DPI".into());
    };
    let dpi: f32 = dpi.parse()?;
    let page = image::open(&image)?.to_luma8();
    let path = |kind: &str| -> PathBuf {
        let image = Path::new(&image);
        let stem = image.file_stem().unwrap_or_default().to_string_lossy();
        image.with_file_name(format!("{stem}.{kind}.pdf"))
    };
    let points = |pixels: u32| pixels as f32 * 72.0 / dpi;
    let (width, height) = (points(page.width()), points(page.height()));

    let stamped = picture(&page, "DCTDecode", jpeg(&page)?, None);
    write(
        &path("stamped-jpeg"),
        stamped,
        [width, height],
        0,
        Some(STAMP),
    )?;

    let flate = picture(
        &page,
        "FlateDecode",
        zlib(&up_predicted(&page))?,
        Some(dictionary! {
            "Predictor" => 12, "Colors" => 1, "BitsPerComponent" => 8, "Columns" => page.width(),
        }),
    );
    write(&path("flate"), flate, [width, height], 0, None)?;

    let mut ccitt = picture(
        &page,
        "CCITTFaxDecode",
        group4(&page)?,
        Some(dictionary! {
            "K" => -1, "Columns" => page.width(), "Rows" => page.height(), "BlackIs1" => false,
        }),
    );
    ccitt.dict.set("BitsPerComponent", 1);
    write(&path("ccitt"), ccitt, [width, height], 0, None)?;

    let turned = imageops::rotate270(&page);
    let rotated = picture(&turned, "DCTDecode", jpeg(&turned)?, None);
    write(&path("rotate90"), rotated, [height, width], 90, None)?;
    Ok(())
}

/// An image XObject of `image`'s size holding `data`, encoded by `filter`.
fn picture(image: &GrayImage, filter: &str, data: Vec<u8>, params: Option<Dictionary>) -> Stream {
    let mut dict = dictionary! {
        "Type" => "XObject", "Subtype" => "Image",
        "Width" => image.width(), "Height" => image.height(),
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => filter,
    };
    if let Some(params) = params {
        dict.set("DecodeParms", params);
    }
    Stream::new(dict, data).with_compression(false)
}

/// `image` as a grey JPEG.
fn jpeg(image: &GrayImage) -> Result<Vec<u8>, image::ImageError> {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut Cursor::new(&mut bytes), JPEG_QUALITY)
        .encode_image(image)?;
    Ok(bytes)
}

/// Each row of `image` behind the PNG filter byte 2 ("up": minus the row above).
fn up_predicted(image: &GrayImage) -> Vec<u8> {
    let width = image.width() as usize;
    let pixels = image.as_raw();
    let mut rows = Vec::with_capacity(pixels.len() + image.height() as usize);
    for (index, row) in pixels.chunks(width).enumerate() {
        rows.push(2);
        let above = index
            .checked_sub(1)
            .map(|above| &pixels[above * width..][..width]);
        rows.extend(
            row.iter()
                .enumerate()
                .map(|(x, &value)| value.wrapping_sub(above.map_or(0, |above| above[x]))),
        );
    }
    rows
}

/// `data` compressed with zlib, as `FlateDecode` reads it.
fn zlib(data: &[u8]) -> Result<Vec<u8>, lopdf::Error> {
    let mut stream = Stream::new(dictionary! {}, data.to_vec());
    stream.compress()?;
    Ok(stream.content)
}

/// `image` made bilevel and encoded CCITT Group 4.
fn group4(image: &GrayImage) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    let width = u16::try_from(image.width())?;
    let mut encoder = Encoder::new(fax::VecWriter::new());
    for row in image.rows() {
        let colours = row.map(|pixel| {
            if pixel.0[0] < THRESHOLD {
                Color::Black
            } else {
                Color::White
            }
        });
        encoder
            .encode_line(colours, width)
            .map_err(|_| "a fax line could not be encoded")?;
    }
    Ok(encoder
        .finish()
        .map_err(|_| "the fax data could not be finished")?
        .finish())
}

/// A one-page PDF at `path` drawing `picture` over its whole `size` page
/// (points), turned by `rotate`, with `stamp` written at its foot.
fn write(
    path: &Path,
    picture: Stream,
    size: [f32; 2],
    rotate: i64,
    stamp: Option<&str>,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut doc = Document::with_version("1.5");
    let pages = doc.new_object_id();
    let image = doc.add_object(picture);
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let [width, height] = size;
    let mut operations = vec![
        Operation::new("q", vec![]),
        Operation::new(
            "cm",
            [width, 0.0, 0.0, height, 0.0, 0.0]
                .map(Object::Real)
                .to_vec(),
        ),
        Operation::new("Do", vec!["Im0".into()]),
        Operation::new("Q", vec![]),
    ];
    if let Some(stamp) = stamp {
        operations.extend([
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 7.into()]),
            Operation::new("Td", vec![40.into(), 14.into()]),
            Operation::new(
                "Tj",
                vec![Object::String(
                    stamp.as_bytes().to_vec(),
                    StringFormat::Literal,
                )],
            ),
            Operation::new("ET", vec![]),
        ]);
    }
    let content = doc.add_object(Stream::new(
        dictionary! {},
        Content { operations }.encode()?,
    ));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages,
        "MediaBox" => vec![0.into(), 0.into(), Object::Real(width), Object::Real(height)],
        "Rotate" => rotate, "Contents" => content,
        "Resources" => dictionary! {
            "XObject" => dictionary! { "Im0" => image },
            "Font" => dictionary! { "F1" => font },
        },
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    doc.save(path)?;
    Ok(())
}
