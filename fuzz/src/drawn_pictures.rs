//! A one-page PDF built from fuzzer bytes whose page draws several pictures,
//! each with its own size, sample depth, colour space, encoding filter and
//! matrix, so that mutations reach the composition of a page drawn from
//! several pictures (placements huge, empty, turned, mirrored, off the page
//! or not numbers at all) and every decoder, instead of stopping at the PDF's
//! syntax.

use arbitrary::Arbitrary;
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// The page: its pictures, drawn in order.
#[derive(Debug, Arbitrary)]
pub struct DrawnPage {
    /// The pictures; the page keeps the first eight.
    pub pictures: Vec<DrawnPicture>,
}

/// One picture and where it is drawn.
#[derive(Debug, Arbitrary)]
pub struct DrawnPicture {
    /// `/Width` (may be zero or negative).
    pub width: i16,
    /// `/Height`.
    pub height: i16,
    /// `/BitsPerComponent`.
    pub bits: u8,
    /// The colour space.
    pub space: Space,
    /// The encoding filter.
    pub filter: Filter,
    /// The `cm` matrix it is drawn with.
    pub matrix: [f32; 6],
    /// The stream's data.
    pub data: Vec<u8>,
}

/// The colour spaces pictures are written in.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Space {
    /// `/DeviceGray`.
    Grey,
    /// `/DeviceRGB`.
    Rgb,
    /// `/DeviceCMYK`.
    Cmyk,
    /// An image mask (`/ImageMask true`, no colour space).
    Mask,
}

/// The filters a picture's data is encoded with.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Filter {
    /// No filter: raw samples.
    Raw,
    /// `/FlateDecode`.
    Flate,
    /// `/DCTDecode` (JPEG).
    Jpeg,
    /// `/CCITTFaxDecode`, Group 4.
    FaxG4,
    /// `/CCITTFaxDecode`, one-dimensional Group 3.
    FaxG3,
    /// `/JPXDecode` (JPEG 2000).
    Jpeg2000,
    /// `/JBIG2Decode`.
    Jbig2,
    /// `/RunLengthDecode`.
    RunLength,
}

impl DrawnPicture {
    /// The image XObject.
    fn stream(&self) -> Stream {
        let mut dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Image",
            "Width" => i64::from(self.width), "Height" => i64::from(self.height),
            "BitsPerComponent" => i64::from(self.bits),
        };
        match self.space {
            Space::Grey => dict.set("ColorSpace", "DeviceGray"),
            Space::Rgb => dict.set("ColorSpace", "DeviceRGB"),
            Space::Cmyk => dict.set("ColorSpace", "DeviceCMYK"),
            Space::Mask => dict.set("ImageMask", true),
        }
        let (filter, params) = match self.filter {
            Filter::Raw => (None, None),
            Filter::Flate => (Some("FlateDecode"), None),
            Filter::Jpeg => (Some("DCTDecode"), None),
            Filter::FaxG4 => (Some("CCITTFaxDecode"), Some(-1)),
            Filter::FaxG3 => (Some("CCITTFaxDecode"), Some(0)),
            Filter::Jpeg2000 => (Some("JPXDecode"), None),
            Filter::Jbig2 => (Some("JBIG2Decode"), None),
            Filter::RunLength => (Some("RunLengthDecode"), None),
        };
        if let Some(filter) = filter {
            dict.set("Filter", filter);
        }
        if let Some(k) = params {
            let columns = i64::from(self.width);
            dict.set(
                "DecodeParms",
                dictionary! { "K" => k, "Columns" => columns },
            );
        }
        Stream::new(dict, self.data.clone())
    }
}

impl DrawnPage {
    /// The PDF: one A4 page drawing the pictures, each by its matrix.
    pub fn render(&self) -> Vec<u8> {
        let mut doc = Document::with_version("1.5");
        let pages = doc.new_object_id();
        let mut operations = Vec::new();
        let mut objects = Dictionary::new();
        for (index, picture) in self.pictures.iter().take(8).enumerate() {
            let name = format!("Im{index}");
            let matrix = picture.matrix.map(Object::Real).to_vec();
            operations.extend([
                Operation::new("q", vec![]),
                Operation::new("cm", matrix),
                Operation::new("Do", vec![Object::Name(name.clone().into_bytes())]),
                Operation::new("Q", vec![]),
            ]);
            objects.set(name, doc.add_object(picture.stream()));
        }
        let content = Content { operations }.encode().unwrap_or_default();
        let content = doc.add_object(Stream::new(dictionary! {}, content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => content,
            "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            "Resources" => dictionary! { "XObject" => objects },
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
        doc.trailer.set("Root", catalog);
        let mut bytes = Vec::new();
        // Writing to memory fails only on a broken object, which the reader sees as damage.
        let _ = doc.save_to(&mut bytes);
        bytes
    }
}
