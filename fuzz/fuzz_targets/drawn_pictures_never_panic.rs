//! Property: a page drawn from several pictures, each of any size, sample
//! depth, colour space, encoding and placement (built with `arbitrary`,
//! `fuzz/src/drawn_pictures.rs`), composes to one bitmap or a
//! `PictureError`, never a panic (run with `-timeout=`: a hang is a crash).
//! It reaches the composition and the decoders that raw PDF bytes rarely
//! get through the PDF's syntax to.

#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::drawn_pictures::DrawnPage;
use piano_pdf::{PictureText, Recognition};

fuzz_target!(
    init: piano_fuzz::abort_on_panics_outside("/lopdf-"),
    |page: DrawnPage| {
        let bytes = page.render();
        let _ = piano_pdf::read_pdf_with(&bytes, Recognition::Every, |pictures| {
            Ok(pictures
                .iter()
                .map(|picture| picture.decode().map(|_| PictureText::default()))
                .collect())
        });
    }
);
