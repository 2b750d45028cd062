//! `piano-corpus`: writes a synthetic corpus of plans, or checks a batch run
//! over one against the expected plans.
//!
//! - `piano-corpus --seed S --count N --out DIR [--pdf]` writes
//!   `plan-00000.txt` … with `plan-00000.txt.expected.json` beside each (and
//!   `plan-00000.pdf` with `plan-00000.pdf.expected.json` when `--pdf` is given).
//! - `piano-corpus compare --corpus DIR --batch OUT` reads `OUT/report.json`
//!   of `piano batch`, matches every input by file name with its expected JSON
//!   in `DIR`, and prints the mismatches per plan and per field; exits 1 on any.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use piano_corpus::compare::{Mismatch, compare, tally};
use piano_corpus::expect::expected_json;
use serde_json::Value;

/// Writes synthetic performance plans with their expected JSON, or compares a batch run with them.
#[derive(Debug, Parser)]
#[command(name = "piano-corpus", version, args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    generate: GenerateArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Compares the plans of a `piano batch` output folder with the corpus's expected JSON.
    Compare(CompareArgs),
}

#[derive(Debug, Args)]
struct GenerateArgs {
    /// The corpus's seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// How many plans to write.
    #[arg(long, default_value_t = 100)]
    count: usize,
    /// The folder to write into (created if missing).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also write each plan as a PDF.
    #[arg(long)]
    pdf: bool,
}

#[derive(Debug, Args)]
struct CompareArgs {
    /// The corpus folder (holding `*.expected.json`).
    #[arg(long)]
    corpus: PathBuf,
    /// The `piano batch --out` folder.
    #[arg(long)]
    batch: PathBuf,
    /// How many mismatches to print per plan.
    #[arg(long, default_value_t = 10)]
    show: usize,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match &cli.command {
        Some(Command::Compare(args)) => run_compare(args),
        None => generate(&cli.generate),
    };
    outcome.unwrap_or_else(|error| {
        eprintln!("error: {error:#}");
        ExitCode::from(2)
    })
}

fn generate(args: &GenerateArgs) -> Result<ExitCode> {
    let out = args
        .out
        .as_ref()
        .context("--out DIR is required to generate a corpus")?;
    fs::create_dir_all(out).with_context(|| out.display().to_string())?;
    for index in 0..args.count {
        for document in piano_corpus::sample(args.seed, index, args.pdf)? {
            let path = out.join(&document.file);
            fs::write(&path, &document.bytes).with_context(|| path.display().to_string())?;
            let mut json = serde_json::to_string_pretty(&expected_json(&document.expected))?;
            json.push('\n');
            let expected = out.join(format!("{}.expected.json", document.file));
            fs::write(&expected, json).with_context(|| expected.display().to_string())?;
        }
    }
    eprintln!(
        "wrote {} plan(s) to {}{}",
        args.count,
        out.display(),
        if args.pdf { " (text and PDF)" } else { "" }
    );
    Ok(ExitCode::SUCCESS)
}

fn run_compare(args: &CompareArgs) -> Result<ExitCode> {
    let report = read_json(&args.batch.join("report.json"))?;
    let include_staff = report["settings"]["include_staff"]
        .as_bool()
        .unwrap_or(false);
    let inputs = report["inputs"].as_array().cloned().unwrap_or_default();
    let (mut compared, mut matching) = (0usize, 0usize);
    let mut all: Vec<Mismatch> = Vec::new();
    for input in &inputs {
        let path = input["path"].as_str().unwrap_or_default();
        let name = Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
        let Some(name) = name else { continue };
        let expected_path = args.corpus.join(format!("{name}.expected.json"));
        if !expected_path.exists() || input["status"] == "duplicate" {
            continue;
        }
        compared += 1;
        let mut expected = read_json(&expected_path)?;
        if !include_staff {
            hide_staff_names(&mut expected);
        }
        let mismatches = match input["plan_id"].as_str() {
            Some(id) if args.batch.join("plans").join(format!("{id}.json")).exists() => {
                let actual = read_json(&args.batch.join("plans").join(format!("{id}.json")))?;
                compare(&expected, &actual)
            }
            _ => vec![Mismatch {
                path: "(plan)".to_owned(),
                expected: "a plan".to_owned(),
                actual: format!(
                    "status {}, {}",
                    input["status"],
                    input["error"].as_str().unwrap_or("no plan written")
                ),
            }],
        };
        if mismatches.is_empty() {
            matching += 1;
            continue;
        }
        println!("{name}: {} mismatch(es)", mismatches.len());
        for mismatch in mismatches.iter().take(args.show) {
            println!("  {mismatch}");
        }
        all.extend(mismatches);
    }
    if !all.is_empty() {
        println!("\nmismatches per field:");
        for (field, count) in tally(&all).iter().take(30) {
            println!("  {count:6}  {field}");
        }
    }
    println!("\n{matching} of {compared} plan(s) match their expected JSON");
    Ok(if matching == compared && compared > 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Staff names are personal data: `piano batch` leaves them out unless
/// `--include-staff` is given, so the expectation does the same.
fn hide_staff_names(plan: &mut Value) {
    let structures = plan["structures"].as_array_mut().into_iter().flatten();
    for staff in structures.filter_map(|s| s["staff"].as_array_mut()) {
        for row in staff {
            row["name"] = Value::Null;
        }
    }
}

fn read_json(path: &Path) -> Result<Value> {
    let text = fs::read_to_string(path).with_context(|| path.display().to_string())?;
    serde_json::from_str(&text).with_context(|| path.display().to_string())
}
