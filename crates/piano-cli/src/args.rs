//! Command-line arguments, declared with clap derive: one variant of
//! [`Command`] per subcommand, one `*Args` struct per variant.
//!
//! Arguments are only declared here; each subcommand's module in `cmd/`
//! resolves them into settings before doing anything.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// piano: turns Italian performance plans (PDF or text dumps) into open data.
#[derive(Debug, Parser)]
#[command(name = "piano", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extracts one plan as JSON, NDJSON or CSV tables.
    Extract(ExtractArgs),
    /// Reads one plan and lists what was noticed; exits 1 on any error.
    Check(CheckArgs),
    /// Prints the lines of cells the parser reads (tab-separated), for PDFs and dumps alike.
    Text(TextArgs),
    /// Prints the JSON Schema of the JSON output (piano.plan/1).
    Schema(SchemaArgs),
}

/// The output formats of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One pretty-printed JSON document.
    Json,
    /// One compact JSON document per line.
    Ndjson,
    /// A folder of CSV tables with a datapackage.json.
    Csv,
}

/// Arguments of `piano extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The plan: a PDF or a text dump; `-` reads standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Output file (json, ndjson) or folder (csv, required); standard output when left out.
    #[arg(short, long, value_name = "PATH", required_if_eq("format", "csv"))]
    pub output: Option<PathBuf>,
    /// Keep the names of staff members (personal data), left out by default.
    #[arg(long)]
    pub include_staff: bool,
    /// Do not print the summary of diagnostics on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Arguments of `piano check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan: a PDF or a text dump; `-` reads standard input.
    pub file: PathBuf,
}

/// Arguments of `piano schema` (none yet).
#[derive(Debug, Args)]
pub struct SchemaArgs {}

/// Arguments of `piano text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// The plan: a PDF or a text dump; `-` reads standard input.
    pub file: PathBuf,
}
