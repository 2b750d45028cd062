//! An image XObject decoded to grey pixels, for recognition: the encodings
//! scanners write (JPEG, Flate or LZW samples with their predictors, CCITT
//! fax) are read; JPEG 2000 and JBIG2 are refused by name.
//!
//! The general filters (Flate, LZW, ASCII85, run length …) are lopdf's; the
//! last filter may be an image codec (`DCTDecode`, `CCITTFaxDecode`), which
//! is read here; what it yields, or the samples the general filters yield,
//! are turned grey through the image's colour space and `/Decode` array
//! (`samples.rs`).

mod fax;
mod samples;

use image::{GrayImage, ImageFormat};
use lopdf::{DEFAULT_MAX_DECOMPRESSED_SIZE, Dictionary, Document, Object, Stream};

use crate::document::resolve;

/// The most pixels an image may have (a 600 dpi A3 scan has about 70 million).
pub(crate) const MAX_PIXELS: u64 = 200_000_000;

/// The size of an image, in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Size {
    /// Pixels a row.
    pub width: u32,
    /// Rows.
    pub height: u32,
}

/// Decodes the image XObject `stream` of `doc` to grey (0 black, 255 white).
pub(crate) fn decode(doc: &Document, stream: &Stream) -> Result<GrayImage, String> {
    let dict = &stream.dict;
    let size = size_of(doc, dict)?;
    let filters = stream.filters().unwrap_or_default();
    let Some((&last, general)) = filters.split_last() else {
        return samples::to_grey(doc, dict, &stream.content, size);
    };
    match last {
        b"DCTDecode" => jpeg(&before(stream, general)?),
        b"CCITTFaxDecode" => {
            let params = params_of(doc, dict, filters.len() - 1);
            let bits = fax::decode(&before(stream, general)?, params, size)?;
            let mut bilevel = dict.clone();
            bilevel.set("BitsPerComponent", 1);
            samples::to_grey(doc, &bilevel, &bits, size)
        }
        b"JPXDecode" => Err(
            "it is JPEG 2000 (JPXDecode), which piano does not decode: convert the PDF's \
             images first (e.g. `pdfimages` then `img2pdf`)"
                .to_owned(),
        ),
        b"JBIG2Decode" => Err(
            "it is JBIG2 (JBIG2Decode), which piano does not decode: convert the PDF's \
             images first (e.g. `pdftoppm -tiff` then read the TIFF)"
                .to_owned(),
        ),
        _ => {
            let bytes = stream
                .decompressed_content_with_limit(DEFAULT_MAX_DECOMPRESSED_SIZE)
                .map_err(|error| {
                    format!(
                        "its data could not be decompressed (filters {}: {error})",
                        names(&filters)
                    )
                })?;
            samples::to_grey(doc, dict, &bytes, size)
        }
    }
}

/// The image's `/Width` and `/Height`, checked.
fn size_of(doc: &Document, dict: &Dictionary) -> Result<Size, String> {
    let dimension = |key: &[u8]| {
        dict.get(key)
            .ok()
            .and_then(|value| resolve(doc, value).as_i64().ok())
            .and_then(|value| u32::try_from(value).ok())
            .filter(|&value| value > 0)
    };
    let (Some(width), Some(height)) = (dimension(b"Width"), dimension(b"Height")) else {
        return Err("it has no valid /Width and /Height".to_owned());
    };
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(format!(
            "it is {width}×{height} pixels, more than the {MAX_PIXELS} piano reads"
        ));
    }
    Ok(Size { width, height })
}

/// The `/DecodeParms` of the filter at `index`.
fn params_of<'a>(doc: &'a Document, dict: &'a Dictionary, index: usize) -> Option<&'a Dictionary> {
    match resolve(doc, dict.get(b"DecodeParms").ok()?) {
        Object::Array(all) => resolve(doc, all.get(index)?).as_dict().ok(),
        Object::Dictionary(params) => Some(params),
        _ => None,
    }
}

/// The stream's data once the `general` filters before its image codec are undone.
fn before(stream: &Stream, general: &[&[u8]]) -> Result<Vec<u8>, String> {
    if general.is_empty() {
        return Ok(stream.content.clone());
    }
    let mut dict = stream.dict.clone();
    let filters = general
        .iter()
        .map(|name| Object::Name(name.to_vec()))
        .collect();
    dict.set("Filter", Object::Array(filters));
    dict.remove(b"DecodeParms");
    Stream::new(dict, stream.content.clone())
        .decompressed_content_with_limit(DEFAULT_MAX_DECOMPRESSED_SIZE)
        .map_err(|error| {
            format!(
                "its data could not be decompressed ({}: {error})",
                names(general)
            )
        })
}

/// A JPEG's pixels, grey.
fn jpeg(bytes: &[u8]) -> Result<GrayImage, String> {
    image::load_from_memory_with_format(bytes, ImageFormat::Jpeg)
        .map(|image| image.to_luma8())
        .map_err(|error| format!("its JPEG data could not be decoded ({error})"))
}

/// Filter names as the PDF writes them.
fn names(filters: &[&[u8]]) -> String {
    filters
        .iter()
        .map(|name| format!("/{}", String::from_utf8_lossy(name)))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use image::{DynamicImage, Luma};
    use lopdf::dictionary;

    use super::*;

    /// An image stream of `dict` over `content`, in an empty document.
    fn decoded(dict: Dictionary, content: Vec<u8>) -> Result<GrayImage, String> {
        decode(&Document::new(), &Stream::new(dict, content))
    }

    #[test]
    fn a_jpeg_image_is_decoded_grey() {
        let picture = GrayImage::from_fn(16, 8, |x, _| Luma([if x < 8 { 0 } else { 255 }]));
        let mut bytes = Vec::new();
        DynamicImage::ImageLuma8(picture)
            .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Jpeg)
            .expect("a JPEG is written");
        let dict = dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 16, "Height" => 8,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "DCTDecode",
        };
        let grey = decoded(dict, bytes).expect("the JPEG decodes");
        assert_eq!(grey.dimensions(), (16, 8));
        assert!(grey.get_pixel(1, 4).0[0] < 30 && grey.get_pixel(14, 4).0[0] > 225);
    }

    /// `data` as a zlib stream of one stored (uncompressed) block.
    fn zlib_stored(data: &[u8]) -> Vec<u8> {
        let length = u16::try_from(data.len()).expect("a short block");
        let (mut a, mut b) = (1u32, 0u32);
        for &byte in data {
            a = (a + u32::from(byte)) % 65521;
            b = (b + a) % 65521;
        }
        let mut bytes = vec![0x78, 0x01, 0x01];
        bytes.extend_from_slice(&length.to_le_bytes());
        bytes.extend_from_slice(&(!length).to_le_bytes());
        bytes.extend_from_slice(data);
        bytes.extend_from_slice(&(b << 16 | a).to_be_bytes());
        bytes
    }

    #[test]
    fn flate_samples_are_decoded_with_their_predictor() {
        let dict = dictionary! {
            "Width" => 2, "Height" => 2, "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
            "Filter" => "FlateDecode",
        };
        let plain = decoded(dict.clone(), zlib_stored(&[10, 200, 30, 40])).expect("decoded");
        assert_eq!(plain.into_raw(), [10, 200, 30, 40]);
        // PNG predictors: each row a filter byte, 2 (Up) adding the row above.
        let mut predicted = dict;
        predicted.set(
            "DecodeParms",
            dictionary! { "Predictor" => 12, "Columns" => 2, "Colors" => 1, "BitsPerComponent" => 8 },
        );
        let rows = zlib_stored(&[0, 10, 200, 2, 20, 0]);
        assert_eq!(
            decoded(predicted, rows).expect("decoded").into_raw(),
            [10, 200, 30, 200]
        );
    }

    #[test]
    fn jpeg_2000_and_jbig2_are_refused_by_name() {
        for (filter, named) in [("JPXDecode", "JPEG 2000"), ("JBIG2Decode", "JBIG2")] {
            let dict = dictionary! { "Width" => 4, "Height" => 4, "Filter" => filter };
            let error = decoded(dict, vec![0; 8]).expect_err("not decoded");
            assert!(error.contains(named), "{error}");
        }
    }

    #[test]
    fn damaged_or_huge_images_are_errors_not_panics() {
        let jpeg = dictionary! { "Width" => 4, "Height" => 4, "Filter" => "DCTDecode" };
        assert!(decoded(jpeg, b"\xff\xd8\xff garbage".to_vec()).is_err());
        let flate = dictionary! { "Width" => 4, "Height" => 4, "Filter" => "FlateDecode" };
        assert!(decoded(flate, b"not zlib".to_vec()).is_err());
        let huge = dictionary! { "Width" => 100_000, "Height" => 100_000 };
        assert!(decoded(huge, Vec::new()).is_err_and(|e| e.contains("more than")));
        assert!(decoded(dictionary! { "Width" => 4 }, Vec::new()).is_err());
    }
}
