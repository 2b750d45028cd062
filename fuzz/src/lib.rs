//! What piano's fuzz targets share: the checks a plan must pass whatever the
//! input, and the plan-like lines the structured target builds.
//!
//! Each target under `fuzz_targets/` is named by the property it checks; the
//! checks live here so that a crash reproducer can call the same code.

pub mod drawn_pictures;
pub mod plan_lines;

use piano_model::{LineSpan, Plan, Source, SourceFormat};

/// Panics, naming the first offending item, unless every line span of `plan`
/// lies inside the input's `line_count` lines and nests as the model says:
/// each structure's span is within the input, each objective's and each
/// phase's span within its structure's, and each diagnostic's line within
/// the input.
pub fn assert_spans_within(plan: &Plan, line_count: u32) {
    let input = LineSpan(1, line_count);
    for structure in &plan.structures {
        let outer = structure.lines;
        assert!(
            is_span(outer) && contains(input, outer),
            "structure {} spans {outer:?}, outside the input's lines {input:?}",
            structure.ordinal,
        );
        for objective in &structure.objectives {
            let entries = std::iter::once(&objective.entry).chain(&objective.phases);
            for entry in entries {
                assert!(
                    is_span(entry.lines) && contains(outer, entry.lines),
                    "entry {} spans {:?}, outside its structure {} {outer:?}",
                    entry.number,
                    entry.lines,
                    structure.ordinal,
                );
            }
        }
    }
    for diagnostic in &plan.diagnostics {
        if let Some(line) = diagnostic.line {
            assert!(
                contains(input, LineSpan::line(line)),
                "diagnostic {} points at line {line}, outside the input's lines {input:?}",
                diagnostic.code.as_str(),
            );
        }
    }
}

/// Reads a dump as the CLI does (piano-text), then parses it.
pub fn parse_text(file: &str, bytes: &[u8]) -> Result<Plan, piano_text::ReadError> {
    let layout = piano_text::read_text(bytes)?;
    let source = Source::from_bytes(file, bytes, SourceFormat::Text);
    Ok(piano_parse::parse(layout, source))
}

/// The input's line count as the parser numbers lines: the number of the last
/// non-blank line (blank lines are left out of a layout; a span ending past
/// the last non-blank line points at nothing).
pub fn line_count(bytes: &[u8]) -> u32 {
    piano_text::read_text(bytes)
        .ok()
        .and_then(|layout| layout.lines.last().map(|line| line.number))
        .unwrap_or(0)
}

/// Replaces libfuzzer's panic hook (print, then abort) with one that lets
/// panics raised in a source path containing `caught_in` unwind, to be caught
/// by the code under test as it intends; every other panic still prints and
/// aborts, which is what libfuzzer reports as a crash. A panic that escapes
/// the code under test aborts anyway (libfuzzer-sys catches it and aborts).
/// With `PIANO_FUZZ_ALL_PANICS=1` in the environment, every panic aborts.
pub fn abort_on_panics_outside(caught_in: &'static str) {
    if std::env::var_os("PIANO_FUZZ_ALL_PANICS").is_some() {
        return;
    }
    let crash = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let expected = info
            .location()
            .is_some_and(|location| location.file().contains(caught_in));
        if !expected {
            crash(info);
        }
    }));
}

fn is_span(span: LineSpan) -> bool {
    span.0 >= 1 && span.0 <= span.1
}

fn contains(outer: LineSpan, inner: LineSpan) -> bool {
    outer.0 <= inner.0 && inner.1 <= outer.1
}
