//! `piano schema`: prints the JSON Schema of the JSON output.

use std::io::Write;
use std::process::ExitCode;

use crate::args::SchemaArgs;

/// Runs `piano schema`.
pub fn run(_args: &SchemaArgs) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &piano_export::json_schema())?;
    writeln!(stdout)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}
