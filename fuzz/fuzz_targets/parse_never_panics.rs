//! Property: any bytes given to the text parser give a plan or a read error,
//! never a panic; and every line span in the plan points into the input, an
//! objective's or phase's inside its structure's.

#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::{assert_spans_within, line_count};

fuzz_target!(|data: &[u8]| {
    if let Ok(plan) = piano_fuzz::parse_text("fuzz.txt", data) {
        assert_spans_within(&plan, line_count(data));
    }
});
