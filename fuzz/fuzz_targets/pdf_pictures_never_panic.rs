//! Property: every picture a PDF hands to recognition (its scanned pages, or
//! with `Recognition::Every` any page drawn with one) decodes to an image or
//! a `PictureError`, and a page drawn from several pictures composes to one
//! bitmap or an error, never a panic, whatever its encodings, sizes, colour
//! spaces and placements claim (run with `-timeout=`: a hang is a crash).
//!
//! As in `pdf_never_panics`, panics in lopdf's own code are caught by design
//! (`PIANO_FUZZ_ALL_PANICS=1` stops on those too).

#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_pdf::{PictureText, Recognition};

fuzz_target!(
    init: piano_fuzz::abort_on_panics_outside("/lopdf-"),
    |data: &[u8]| {
        let _ = piano_pdf::read_pdf_with(data, Recognition::Every, |pictures| {
            Ok(pictures
                .iter()
                .map(|picture| picture.decode().map(|_| PictureText::default()))
                .collect())
        });
    }
);
