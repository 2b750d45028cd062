//! `piano extract`: one plan to JSON, NDJSON, or a folder of CSV or Parquet tables;
//! exits 1 when the plan is unreadable (no plan, or too little of one), the
//! output written all the same.

use crate::progress::pages_hook;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use piano_export::{ExportOptions, TableFormat};
use piano_model::{Plan, Verdict};

use crate::args::{ExtractArgs, Format};
use crate::report::{summary, tell};
use piano_run::input::{display_name, load_plan, load_profiles};
use piano_run::output::{TableFolder, write_file};

/// Runs `piano extract`.
pub fn run(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let options = ExportOptions {
        include_staff: args.include_staff,
    };
    let profiles = load_profiles(&args.profiles.files)?;
    let plan = load_plan(
        &args.file,
        &profiles,
        &super::ocr_settings(&args.ocr, pages_hook(!args.quiet)),
    )?;
    match (args.format, &args.output) {
        (Format::Csv, Some(folder)) => write_tables(&plan, TableFormat::Csv, args, folder)?,
        (Format::Parquet, Some(folder)) => write_tables(&plan, TableFormat::Parquet, args, folder)?,
        (Format::Csv | Format::Parquet, None) => {
            anyhow::bail!("--format csv and parquet write a folder: give it with -o")
        }
        (format, Some(path)) => {
            write_file(path, |writer| write_json(&plan, options, format, writer))?
        }
        (format, None) => {
            let mut stdout = BufWriter::new(std::io::stdout().lock());
            write_json(&plan, options, format, &mut stdout)?;
            stdout.flush()?;
        }
    }
    if !args.quiet {
        tell(summary(&display_name(&args.file), &plan));
    }
    // The output is written whole either way: an archive keeps what little
    // was read, and the exit status tells a script not to use it as it is.
    Ok(if plan.quality.verdict == Verdict::Unreadable {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Writes `plan` as JSON (`json`) or one NDJSON line (`ndjson`).
fn write_json(
    plan: &Plan,
    options: ExportOptions,
    format: Format,
    writer: &mut dyn Write,
) -> anyhow::Result<()> {
    if format == Format::Ndjson {
        piano_export::write_ndjson(plan, options, writer)?;
    } else {
        piano_export::write_json(plan, options, writer)?;
    }
    Ok(())
}

/// Writes `plan`'s tables in `format` to `folder`, with their datapackage.json.
fn write_tables(
    plan: &Plan,
    format: TableFormat,
    args: &ExtractArgs,
    folder: &Path,
) -> anyhow::Result<()> {
    let options = ExportOptions {
        include_staff: args.include_staff,
    };
    let mut tables = TableFolder::create(folder, &[format], options, args.license.clone())?;
    tables.add(plan)?;
    tables.finish()
}
