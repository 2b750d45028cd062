//! Property: plan-like lines (row numbers, weights, dates, section and column
//! words, brackets, joined by tabs and line ends) never make the parser
//! panic, and the plan's line spans point into the input. Built with
//! `arbitrary`, so mutations reach the line grammar and the assembly rules
//! that raw bytes rarely get to.

#![no_main]

use libfuzzer_sys::fuzz_target;
use piano_fuzz::plan_lines::PlanText;
use piano_fuzz::{assert_spans_within, line_count};

fuzz_target!(|text: PlanText| {
    let bytes = text.render().into_bytes();
    if let Ok(plan) = piano_fuzz::parse_text("fuzz.txt", &bytes) {
        assert_spans_within(&plan, line_count(&bytes));
    }
});
