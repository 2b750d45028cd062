//! Blank pages: an image whose pixels are all alike (a page left blank in a
//! rendered PDF, or a page of rules only once they are wiped). Tesseract
//! reads no word on such a page and cannot tell its orientation ("too few
//! characters"), yet starting it and loading its models costs about a
//! tenth of a second of CPU a run, and a blank page read with no
//! confidence was asked its orientation too: two runs for nothing. So a
//! blank page is not handed to it; its output is the one it prints for
//! such a page, and the page is read (and cached) as before.

use image::GrayImage;

/// Whether every pixel of `image` is alike (and it has any): a page on
/// which tesseract finds nothing.
pub fn is_blank(image: &GrayImage) -> bool {
    let pixels = image.as_raw();
    match pixels.first() {
        Some(&first) => pixels.iter().all(|&pixel| pixel == first),
        None => false,
    }
}

/// The TSV tesseract prints for a blank page of `width` × `height`
/// pixels: its header and the page's own row, with no word.
pub fn tsv(width: u32, height: u32) -> String {
    format!(
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
         1\t1\t0\t0\t0\t0\t0\t0\t{width}\t{height}\t-1\t\n"
    )
}

#[cfg(test)]
mod tests {
    use image::Luma;

    use super::*;

    #[test]
    fn a_page_of_one_shade_is_blank_and_one_with_a_mark_is_not() {
        for shade in [0, 128, 255] {
            assert!(is_blank(&GrayImage::from_pixel(7, 5, Luma([shade]))));
        }
        let mut marked = GrayImage::from_pixel(7, 5, Luma([255]));
        marked.put_pixel(6, 4, Luma([254]));
        assert!(!is_blank(&marked));
        assert!(!is_blank(&GrayImage::new(0, 0)));
    }

    #[test]
    fn a_blank_page_reads_as_tesseract_prints_it_with_no_word() {
        // What tesseract 5.3 printed for a white page of 40 × 10 pixels.
        let printed = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\t\
                       height\tconf\ttext\n1\t1\t0\t0\t0\t0\t0\t0\t40\t10\t-1\t\n";
        assert_eq!(tsv(40, 10), printed);
        assert_eq!(crate::tsv::words(&tsv(40, 10)), Ok(Vec::new()));
    }
}
