//! Command-line arguments, declared with clap derive: one variant of
//! [`Command`] per subcommand, one `*Args` struct per variant.
//!
//! Arguments are only declared here; each subcommand's module in `cmd/`
//! resolves them into settings before doing anything.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use piano_export::License;

/// piano: turns Italian performance plans (PDF, text dumps or scans) into open data.
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
    /// Extracts a whole archive of plans into one folder, in parallel and resumably.
    Batch(BatchArgs),
    /// Draws one page as piano read it (words, rules, columns, each line's
    /// cells and role) as an SVG, to see why a layout reads as it does.
    Debug(DebugArgs),
    /// Writes a static site of a batch release: an index and a page per plan, offline.
    Site(SiteArgs),
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
    /// A folder of Parquet tables (typed columns) with a datapackage.json.
    Parquet,
}

/// Arguments of `piano extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The plan: a PDF, a text dump or a scan (PNG, JPEG, TIFF); `-` reads standard input.
    pub file: PathBuf,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Output file (json, ndjson) or folder (csv, parquet: required); standard output when left out.
    #[arg(short, long, value_name = "PATH", required_if_eq_any([("format", "csv"), ("format", "parquet")]))]
    pub output: Option<PathBuf>,
    /// The data's licence, declared in datapackage.json: an SPDX identifier or the URL of its text.
    #[arg(long, value_name = "SPDX|URL", default_value = "CC-BY-4.0")]
    pub license: License,
    /// Keep the names of staff members (personal data), left out by default.
    #[arg(long)]
    pub include_staff: bool,
    /// Do not print the summary of diagnostics on standard error.
    #[arg(short, long)]
    pub quiet: bool,
    /// Layout profiles to read with.
    #[command(flatten)]
    pub profiles: ProfileArgs,
    /// How scans are recognised.
    #[command(flatten)]
    pub ocr: OcrArgs,
}

/// Arguments of `piano check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The plan: a PDF, a text dump or a scan (PNG, JPEG, TIFF); `-` reads standard input.
    pub file: PathBuf,
    /// Layout profiles to read with.
    #[command(flatten)]
    pub profiles: ProfileArgs,
    /// How scans are recognised.
    #[command(flatten)]
    pub ocr: OcrArgs,
}

/// Layout profiles beyond the bundled ones.
#[derive(Debug, Args)]
pub struct ProfileArgs {
    /// A layout profile (TOML) that adds a family, or replaces the bundled one of
    /// its name; may be given several times.
    #[arg(long = "profile", value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// How scans (PNG, JPEG and TIFF inputs, a PDF's scanned pages) are read by OCR.
#[derive(Debug, Args)]
pub struct OcrArgs {
    /// Which pages are read by OCR (with the tesseract program).
    #[arg(long = "ocr", value_name = "WHEN", value_enum, default_value_t = OcrMode::Auto)]
    pub mode: OcrMode,
    /// The languages of a scan's text, as tesseract names them (`ita`,
    /// `ita+eng`); each needs its tesseract data installed.
    #[arg(long = "ocr-lang", value_name = "LANGS", default_value = "ita")]
    pub languages: String,
    /// A folder keeping recognised pages (created if missing), keyed by the
    /// SHA-256 of the page image: a page read before is not recognised again.
    #[arg(long = "ocr-cache", value_name = "DIR")]
    pub cache: Option<PathBuf>,
}

/// Which pages `--ocr` reads by OCR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OcrMode {
    /// Scans: image files, and a PDF's pages that are a picture without text
    /// (or with only a stamp or signature line over it).
    Auto,
    /// Every PDF page drawn with a picture, its text layer set aside.
    Always,
    /// None: an image, or a PDF of pictures only, is refused.
    Never,
}

/// Arguments of `piano schema` (none yet).
#[derive(Debug, Args)]
pub struct SchemaArgs {}

/// Arguments of `piano text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// The plan: a PDF, a text dump or a scan (PNG, JPEG, TIFF); `-` reads standard input.
    pub file: PathBuf,
    /// Parse the plan too, and print before each line what it became, as a
    /// first tab-separated column.
    ///
    /// The roles: ente, title, preamble (prose before the first structure);
    /// structure-heading, mission-heading, structure-field (a field above a
    /// structure's table, or its head), table-header, objective, phase,
    /// card-field, staff-row; and lines set aside, each reported by the
    /// diagnostic of the same name: page-number, furniture (page-furniture),
    /// outside-performance, total-row, garbled-row, unplaced (text-unplaced).
    /// Blank lines stay blank, so line numbers do not change.
    #[arg(long)]
    pub roles: bool,
    /// A layout profile (TOML) to parse with, as for `piano extract`; may be
    /// given several times. Only with --roles.
    #[arg(long = "profile", value_name = "FILE", requires = "roles")]
    pub profiles: Vec<PathBuf>,
    /// How scans are recognised.
    #[command(flatten)]
    pub ocr: OcrArgs,
}

/// Arguments of `piano debug`.
#[derive(Debug, Args)]
pub struct DebugArgs {
    /// The plan: a PDF, a space-aligned text dump or a scan (PNG, JPEG,
    /// TIFF); `-` reads standard input.
    pub file: PathBuf,
    /// The page to draw, from 1.
    #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..))]
    pub page: u32,
    /// The SVG file to write.
    #[arg(short, long, value_name = "OUT.svg")]
    pub output: PathBuf,
    /// Layout profiles to read with, as for `piano extract`.
    #[command(flatten)]
    pub profiles: ProfileArgs,
    /// How scans are recognised.
    #[command(flatten)]
    pub ocr: OcrArgs,
}

/// Arguments of `piano batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Plans: files, folders (searched recursively for .pdf, .txt and
    /// images: .png, .jpg, .jpeg, .tif, .tiff), or `-`
    /// to read a list of paths, one per line, from standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// The output folder (created if missing).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// Worker threads; all cores when left out.
    #[arg(short = 'j', long = "jobs", value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Outputs to write, comma-separated: json (plans/<plan_id>.json), csv
    /// (the tables and datapackage.json), parquet (the tables as Parquet,
    /// in datapackage.json too), ndjson (plans.ndjson).
    #[arg(
        long,
        value_enum,
        value_delimiter = ',',
        default_value = "json,csv,ndjson"
    )]
    pub format: Vec<Format>,
    /// Continue an interrupted run: inputs already in DIR's report are not read again.
    #[arg(long)]
    pub resume: bool,
    /// Stop at the first failed input (the report lists what was done).
    #[arg(long)]
    pub fail_fast: bool,
    /// Time limit per input, in seconds; an input that runs longer is marked
    /// failed. For a scan it holds per page of OCR: counted from the input's
    /// start, or from the start of its latest page's recognition.
    #[arg(long, value_name = "SECS", default_value_t = 60.0, value_parser = positive_seconds)]
    pub timeout: f64,
    /// No progress display and no closing summary.
    #[arg(short, long)]
    pub quiet: bool,
    /// Keep the names of staff members (personal data), left out by default.
    #[arg(long)]
    pub include_staff: bool,
    /// Layout profiles to read every input with.
    #[command(flatten)]
    pub profiles: ProfileArgs,
    /// How scans are recognised.
    #[command(flatten)]
    pub ocr: OcrArgs,
    /// What the release's catalogue says that the plans cannot.
    #[command(flatten)]
    pub publication: PublicationArgs,
}

/// What `catalog.jsonld` (DCAT-AP_IT) and `datapackage.json` say of a
/// release that its plans cannot tell.
#[derive(Debug, Args)]
pub struct PublicationArgs {
    /// The data's licence: an SPDX identifier or the URL of its text.
    #[arg(long, value_name = "SPDX|URL", default_value = "CC-BY-4.0")]
    pub license: License,
    /// The URL the output folder is published at (makes the catalogue's links absolute).
    #[arg(long, value_name = "URL", value_parser = http_url)]
    pub base_url: Option<String>,
    /// The publishing body's name: the catalogue's publisher and the data's rights holder.
    #[arg(long, value_name = "NAME")]
    pub publisher: Option<String>,
    /// The publishing body's code in the IPA index of public administrations.
    #[arg(long, value_name = "CODE")]
    pub publisher_ipa: Option<String>,
    /// An e-mail address to write to about the data (the catalogue's contact point).
    #[arg(long, value_name = "EMAIL", value_parser = email)]
    pub contact: Option<String>,
    /// The day the release is issued, YYYY-MM-DD (the catalogue's issued and modified dates).
    #[arg(long, value_name = "DATE")]
    pub release_date: Option<NaiveDate>,
}

/// Parses an http(s) URL.
fn http_url(text: &str) -> Result<String, String> {
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"));
    match rest {
        Some(rest) if !rest.is_empty() && !text.contains(char::is_whitespace) => {
            Ok(text.to_owned())
        }
        _ => Err(format!("{text:?} is not an http(s) URL")),
    }
}

/// Parses an e-mail address (something@somewhere, no spaces).
fn email(text: &str) -> Result<String, String> {
    match text.split_once('@') {
        Some((name, host))
            if !name.is_empty() && host.contains('.') && !text.contains(char::is_whitespace) =>
        {
            Ok(text.to_owned())
        }
        _ => Err(format!("{text:?} is not an e-mail address")),
    }
}

/// Arguments of `piano site`.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The release: the folder `piano batch --out` wrote.
    #[arg(value_name = "RELEASE")]
    pub release: PathBuf,
    /// The site's folder: created, or replaced when it holds a site written
    /// before; a folder of other files is refused.
    #[arg(long, value_name = "SITE")]
    pub out: PathBuf,
}

/// Parses a positive, finite number of seconds.
fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(seconds) if seconds.is_finite() && seconds > 0.0 => Ok(seconds),
        _ => Err(format!("{text:?} is not a positive number of seconds")),
    }
}
