//! Property: any bytes given to the PDF reader give a layout or a `PdfError`,
//! never a panic, and return (run with `-timeout=`: a hang is a crash).
//!
//! The reader runs lopdf under `catch_unwind` by design, so a panic raised in
//! lopdf's own code is not a crash here (set `PIANO_FUZZ_ALL_PANICS=1` to stop
//! on those too, to report them upstream). A panic anywhere else, piano-pdf's
//! page interpreter included, is: the reader catches that one too, but then
//! loses the page, so it is a bug all the same.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(
    init: piano_fuzz::abort_on_panics_outside("/lopdf-"),
    |data: &[u8]| {
        let _ = piano_pdf::read_pdf(data);
    }
);
