//! Which image format some bytes are, by their signature (magic bytes): the
//! file name is not trusted, as archives name scans every way.

/// An image format piano reads by OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    /// PNG: one page.
    Png,
    /// JPEG: one page.
    Jpeg,
    /// TIFF, either byte order: one page or several (a scanner's multi-page file).
    Tiff,
}

impl ImageKind {
    /// The format's usual name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            ImageKind::Png => "PNG",
            ImageKind::Jpeg => "JPEG",
            ImageKind::Tiff => "TIFF",
        }
    }
}

/// The image format `bytes` start with, if any: PNG `\x89PNG`, JPEG
/// `\xFF\xD8\xFF`, TIFF `II*\0` (little-endian) or `MM\0*` (big-endian).
pub fn image_kind(bytes: &[u8]) -> Option<ImageKind> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some(ImageKind::Jpeg)
    } else if bytes.starts_with(b"II*\0") || bytes.starts_with(b"MM\0*") {
        Some(ImageKind::Tiff)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_images_by_their_signature() {
        assert_eq!(
            image_kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some(ImageKind::Png)
        );
        assert_eq!(
            image_kind(b"\xFF\xD8\xFF\xE0\0\x10JFIF"),
            Some(ImageKind::Jpeg)
        );
        assert_eq!(image_kind(b"II*\0\x08\0\0\0"), Some(ImageKind::Tiff));
        assert_eq!(image_kind(b"MM\0*\0\0\0\x08"), Some(ImageKind::Tiff));
    }

    #[test]
    fn text_pdfs_and_truncated_signatures_are_no_images() {
        assert_eq!(image_kind(b"%PDF-1.7\n"), None);
        assert_eq!(image_kind(b"COMUNE DI PROVA\n"), None);
        assert_eq!(image_kind(b"\x89PN"), None);
        assert_eq!(image_kind(b"II*"), None);
        assert_eq!(image_kind(b"MM*\0"), None);
        assert_eq!(image_kind(b""), None);
    }
}
