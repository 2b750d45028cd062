//! An image file's pages, each decoded and turned grey (tesseract binarises
//! it anyway), and written as the file handed to tesseract: an uncompressed
//! TIFF in a temporary file, which costs neither side a compression. On its
//! standard input (where no temporary file can be written) a page goes as
//! a PNG: tesseract reads its standard input a byte at a time, so an
//! uncompressed page, over twenty times larger, cost it more there (about
//! 0.08 s of CPU a page of 200 dpi) than compressing it fast costs piano.
//!
//! A PNG or a JPEG is one page. A TIFF may hold several; each is decoded on
//! its own (a fresh decoder seeks to it), so that pages decode in parallel
//! and only the pages being recognised are held.

use std::io::{BufWriter, Cursor, Write};

use image::{DynamicImage, GrayImage, ImageBuffer, ImageFormat};
use tempfile::NamedTempFile;
use tiff::ColorType;
use tiff::decoder::{Decoder, DecodingResult};
use tiff::encoder::{TiffEncoder, colortype};
use tiff::tags::Tag;

use crate::kind::ImageKind;

/// The pages of one image file.
pub struct Pages<'a> {
    bytes: &'a [u8],
    kind: ImageKind,
    /// The bytes each page takes in the file, page by page.
    sizes: Vec<u64>,
}

impl<'a> Pages<'a> {
    /// Opens `bytes` of the format `kind` and counts its pages.
    pub fn open(bytes: &'a [u8], kind: ImageKind) -> Result<Pages<'a>, String> {
        let sizes = match kind {
            ImageKind::Png | ImageKind::Jpeg => vec![bytes.len() as u64],
            ImageKind::Tiff => tiff_sizes(bytes)?,
        };
        Ok(Pages { bytes, kind, sizes })
    }

    /// How many pages the file holds.
    pub fn count(&self) -> usize {
        self.sizes.len()
    }

    /// The 0-based indices of the pages, those taking most bytes in the file
    /// first (ties in the file's order): a page's compressed bytes grow with
    /// what is drawn on it, and so, roughly, does the time tesseract takes
    /// to read it.
    pub fn largest_first(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.sizes.len()).collect();
        order.sort_by_key(|&index| std::cmp::Reverse(self.sizes[index]));
        order
    }

    /// The page at 0-based `index`, grey.
    pub fn page(&self, index: usize) -> Result<GrayImage, String> {
        match self.kind {
            ImageKind::Png => whole(self.bytes, ImageFormat::Png),
            ImageKind::Jpeg => whole(self.bytes, ImageFormat::Jpeg),
            ImageKind::Tiff => tiff_page(self.bytes, index),
        }
    }
}

/// `image` as a PNG file (fast compression, the `image` crate's default):
/// what tesseract reads, and views of the page.
pub fn png(image: &GrayImage) -> Result<Vec<u8>, String> {
    let mut encoded = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut encoded), ImageFormat::Png)
        .map_err(|error| error.to_string())?;
    Ok(encoded)
}

/// `image` as an uncompressed TIFF in a temporary file (removed when
/// dropped): what tesseract reads a page from. Tesseract decodes a PNG's
/// compressed pixels (and piano compresses them first) for nothing when
/// the file is read from memory the next instant.
pub fn tiff_file(image: &GrayImage) -> Result<NamedTempFile, String> {
    let mut file = tempfile::Builder::new()
        .prefix("piano-page-")
        .suffix(".tif")
        .tempfile()
        .map_err(|error| error.to_string())?;
    let mut writer = BufWriter::new(file.as_file_mut());
    TiffEncoder::new(&mut writer)
        .and_then(|mut encoder| {
            encoder.write_image::<colortype::Gray8>(image.width(), image.height(), image.as_raw())
        })
        .map_err(|error| error.to_string())?;
    writer.flush().map_err(|error| error.to_string())?;
    drop(writer);
    Ok(file)
}

/// The page written to the file at `path` by [`tiff_file`], read back.
pub fn read_back(path: &std::path::Path) -> Result<GrayImage, String> {
    let bytes = std::fs::read(path).map_err(|error| error.to_string())?;
    tiff_page(&bytes, 0)
}

/// A one-page file of `format`, grey.
fn whole(bytes: &[u8], format: ImageFormat) -> Result<GrayImage, String> {
    image::load_from_memory_with_format(bytes, format)
        .map(DynamicImage::into_luma8)
        .map_err(|error| error.to_string())
}

/// The bytes each page (image file directory) of a TIFF takes, page by page.
fn tiff_sizes(bytes: &[u8]) -> Result<Vec<u64>, String> {
    let mut decoder = Decoder::new(Cursor::new(bytes)).map_err(|error| error.to_string())?;
    let mut sizes = vec![page_bytes(&mut decoder)];
    while decoder.more_images() {
        decoder
            .next_image()
            .map_err(|error| format!("page {}: {error}", sizes.len() + 1))?;
        sizes.push(page_bytes(&mut decoder));
    }
    Ok(sizes)
}

/// The bytes of the strips (or tiles) of the decoder's current page; 0 when
/// its directory does not tell them (its decoding will say what is wrong).
fn page_bytes(decoder: &mut Decoder<Cursor<&[u8]>>) -> u64 {
    [Tag::StripByteCounts, Tag::TileByteCounts]
        .into_iter()
        .find_map(|tag| decoder.find_tag_unsigned_vec::<u64>(tag).ok().flatten())
        .map_or(0, |counts| counts.iter().sum())
}

/// Page `index` of a TIFF, grey.
fn tiff_page(bytes: &[u8], index: usize) -> Result<GrayImage, String> {
    let mut decoder = Decoder::new(Cursor::new(bytes)).map_err(|error| error.to_string())?;
    decoder
        .seek_to_image(index)
        .map_err(|error| error.to_string())?;
    let (width, height) = decoder.dimensions().map_err(|error| error.to_string())?;
    let colour = decoder.colortype().map_err(|error| error.to_string())?;
    let pixels = decoder.read_image().map_err(|error| error.to_string())?;
    grey(pixels, colour, width, height)
}

/// Decoded TIFF samples of the colour type `colour` as a grey image.
fn grey(
    pixels: DecodingResult,
    colour: ColorType,
    width: u32,
    height: u32,
) -> Result<GrayImage, String> {
    let too_short = || format!("the image data is shorter than its {width}×{height} pixels");
    let image = match (colour, pixels) {
        (ColorType::Gray(1), DecodingResult::U8(bits)) => {
            return bilevel(&bits, width, height).ok_or_else(too_short);
        }
        (ColorType::Gray(8), DecodingResult::U8(samples)) => {
            ImageBuffer::from_raw(width, height, samples).map(DynamicImage::ImageLuma8)
        }
        (ColorType::GrayA(8), DecodingResult::U8(samples)) => {
            ImageBuffer::from_raw(width, height, samples).map(DynamicImage::ImageLumaA8)
        }
        (ColorType::RGB(8), DecodingResult::U8(samples)) => {
            ImageBuffer::from_raw(width, height, samples).map(DynamicImage::ImageRgb8)
        }
        (ColorType::RGBA(8), DecodingResult::U8(samples)) => {
            ImageBuffer::from_raw(width, height, samples).map(DynamicImage::ImageRgba8)
        }
        (ColorType::Gray(16), DecodingResult::U16(samples)) => {
            ImageBuffer::from_raw(width, height, samples).map(DynamicImage::ImageLuma16)
        }
        (ColorType::RGB(16), DecodingResult::U16(samples)) => {
            ImageBuffer::from_raw(width, height, samples).map(DynamicImage::ImageRgb16)
        }
        (colour, _) => {
            return Err(format!(
                "its colour type {colour:?} is not read (grey, RGB or RGBA of 8 or 16 bits, or \
                 bilevel, are); convert the file to PNG first"
            ));
        }
    };
    // A grey page is taken as it is, not copied.
    image.map(DynamicImage::into_luma8).ok_or_else(too_short)
}

/// Bilevel samples, one bit a pixel, each row starting on a byte, 1 white
/// (the decoder has turned a white-is-zero page round), as a grey image.
fn bilevel(bits: &[u8], width: u32, height: u32) -> Option<GrayImage> {
    let row_bytes = usize::try_from(width.div_ceil(8)).ok()?;
    let rows = usize::try_from(height).ok()?;
    if bits.len() < row_bytes.checked_mul(rows)? {
        return None;
    }
    Some(GrayImage::from_fn(width, height, |x, y| {
        let index = y as usize * row_bytes + x as usize / 8;
        let bit = (bits[index] >> (7 - x % 8)) & 1;
        image::Luma([if bit == 1 { 255 } else { 0 }])
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A TIFF of `pages` grey pages of 3×2 pixels, written by the `tiff` crate.
    fn tiff_of(pages: usize) -> Vec<u8> {
        let mut bytes = Cursor::new(Vec::new());
        let mut encoder = tiff::encoder::TiffEncoder::new(&mut bytes).expect("an encoder");
        for page in 0..pages {
            let shade = u8::try_from(page * 100).expect("a shade");
            encoder
                .write_image::<tiff::encoder::colortype::Gray8>(3, 2, &[shade; 6])
                .expect("a page is written");
        }
        bytes.into_inner()
    }

    #[test]
    fn every_page_of_a_tiff_is_decoded() {
        let bytes = tiff_of(2);
        let pages = Pages::open(&bytes, ImageKind::Tiff).expect("the TIFF opens");
        assert_eq!(pages.count(), 2);
        let second = pages.page(1).expect("page 2 decodes");
        assert_eq!(second.dimensions(), (3, 2));
        assert_eq!(second.get_pixel(2, 1).0, [100]);
        let png = png(&second).expect("a PNG is written");
        let read = image::load_from_memory(&png).expect("the PNG is read");
        assert_eq!(read.to_luma8(), second);
        assert!(pages.page(2).is_err());
    }

    #[test]
    fn a_page_handed_over_as_a_tiff_file_is_its_pixels() {
        let page = GrayImage::from_fn(5, 3, |x, y| image::Luma([(x * 40 + y) as u8]));
        let file = tiff_file(&page).expect("the file is written");
        let bytes = std::fs::read(file.path()).expect("the file is read");
        let pages = Pages::open(&bytes, ImageKind::Tiff).expect("the TIFF opens");
        assert_eq!(pages.page(0).expect("its page decodes"), page);
        assert_eq!(read_back(file.path()).expect("it reads back"), page);
        let path = file.path().to_path_buf();
        drop(file);
        assert!(!path.exists());
    }

    #[test]
    fn pages_taking_more_bytes_come_first() {
        let mut bytes = Cursor::new(Vec::new());
        let mut encoder = tiff::encoder::TiffEncoder::new(&mut bytes).expect("an encoder");
        for (width, height) in [(3, 2), (5, 4), (2, 2), (5, 4)] {
            let pixels = vec![0; width as usize * height as usize];
            encoder
                .write_image::<tiff::encoder::colortype::Gray8>(width, height, &pixels)
                .expect("a page is written");
        }
        let bytes = bytes.into_inner();
        let pages = Pages::open(&bytes, ImageKind::Tiff).expect("the TIFF opens");
        assert_eq!(pages.largest_first(), [1, 3, 0, 2]);
    }

    #[test]
    fn a_png_or_a_jpeg_is_one_grey_page() {
        let image =
            DynamicImage::ImageRgb8(image::RgbImage::from_pixel(16, 8, image::Rgb([200; 3])));
        for (format, kind) in [
            (ImageFormat::Png, ImageKind::Png),
            (ImageFormat::Jpeg, ImageKind::Jpeg),
        ] {
            let mut bytes = Vec::new();
            image
                .write_to(&mut Cursor::new(&mut bytes), format)
                .expect("the image is written");
            let pages = Pages::open(&bytes, kind).expect("the image opens");
            assert_eq!(pages.count(), 1);
            let page = pages.page(0).expect("its page decodes");
            assert_eq!(page.dimensions(), (16, 8));
            assert!(page.get_pixel(3, 3).0[0].abs_diff(200) <= 2, "{kind:?}");
        }
    }

    #[test]
    fn bilevel_rows_start_on_a_byte() {
        // 10 pixels a row: two bytes, the last six bits padding.
        let grey = bilevel(&[0b1000_0000, 0b0100_0000, 0xff, 0xff], 10, 2).expect("whole rows");
        assert_eq!(grey.get_pixel(0, 0).0, [255]);
        assert_eq!(grey.get_pixel(1, 0).0, [0]);
        assert_eq!(grey.get_pixel(9, 0).0, [255]);
        assert_eq!(grey.get_pixel(8, 0).0, [0]);
        assert!(bilevel(&[0xff], 10, 2).is_none());
    }

    #[test]
    fn a_damaged_image_is_an_error_not_a_panic() {
        assert!(Pages::open(b"II*\0garbage", ImageKind::Tiff).is_err());
        let png = Pages::open(b"\x89PNG\r\n\x1a\nshort", ImageKind::Png).expect("one page");
        assert!(png.page(0).is_err());
    }
}
