//! `piano check`: reads one plan and says how well it was read (the quality
//! verdict and its reasons; for a scan, which pages OCR recognised and how
//! confidently), then lists what was noticed, one diagnostic per
//! line, then a summary; exits 1 when any diagnostic is an error.

use crate::progress::pages_hook;
use std::io::Write;
use std::process::ExitCode;

use crate::args::CheckArgs;
use crate::report::{diagnostic_line, ocr_line, quality_lines, summary};
use piano_run::input::{display_name, load_plan, load_profiles};

/// Runs `piano check`.
pub fn run(args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let name = display_name(&args.file);
    let profiles = load_profiles(&args.profiles.files)?;
    let plan = load_plan(
        &args.file,
        &profiles,
        &super::ocr_settings(&args.ocr, pages_hook(true)),
    )?;
    let mut stdout = std::io::stdout().lock();
    for line in quality_lines(&name, &plan.quality) {
        writeln!(stdout, "{line}")?;
    }
    if let Some(ocr) = &plan.source.ocr {
        writeln!(stdout, "{}", ocr_line(&name, ocr))?;
    }
    for diagnostic in &plan.diagnostics {
        writeln!(stdout, "{}", diagnostic_line(&name, diagnostic))?;
    }
    writeln!(stdout, "{}", summary(&name, &plan))?;
    stdout.flush()?;
    Ok(if plan.has_errors() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
