//! Property: whatever the bytes, `read_pdf` returns (a layout or an error)
//! and never panics. Damage is simulated on real producer files: cut short
//! and with bytes overwritten.

use std::path::Path;

use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../fixtures")
            .join(name),
    )
    .expect("fixture exists")
}

fn damage(mut bytes: Vec<u8>, keep: f64, flips: &[(f64, u8)]) -> Vec<u8> {
    let len = bytes.len();
    for &(at, byte) in flips {
        let index = ((at * len as f64) as usize).min(len - 1);
        bytes[index] = byte;
    }
    bytes.truncate(((keep * len as f64) as usize).max(1));
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn damaged_pdfs_never_panic(
        keep in 0.0f64..=1.0,
        flips in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..16),
        which in 0usize..6,
    ) {
        let name = ["pdf-special/pdfa-2b.libreoffice.pdf",
                    "pdf-special/plain-4-pages.libreoffice.pdf",
                    "pdf-special/rotated.qpdf.pdf",
                    "pdf-special/password-aes256.qpdf.pdf",
                    "pdf-special/scanned-table.lzw.pdf",
                    "pdf/san-vincenzo-2023.qpdf.pdf"][which];
        let bytes = damage(fixture(name), keep, &flips);
        let _ = piano_pdf::read_pdf(&bytes);
    }
}
