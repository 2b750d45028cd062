//! `piano-corpus`: writes a synthetic corpus of plans, or checks a batch run
//! over one against the expected plans.
//!
//! - `piano-corpus --seed S --count N --out DIR [--pdf]` writes
//!   `plan-00000.txt` … with `plan-00000.txt.expected.json` beside each (and
//!   `plan-00000.pdf` with `plan-00000.pdf.expected.json` when `--pdf` is given).
//! - `piano-corpus --layouts random --seed S --count M --variants N --out DIR`
//!   writes each of M plans in N layouts drawn at random (`--layouts
//!   canonical`: the template only): `plan-00000-00.txt` (tab-separated) and
//!   `plan-00000-00.aligned.txt` (space-aligned), and with `--format pdf`
//!   `plan-00000-00.pdf`, with `--format html` `plan-00000-00.html` (real
//!   tables, for LibreOffice and Chromium to make PDFs of; `--format` may
//!   be repeated), each with
//!   its `.expected.json`, and `plan-00000-00.layout.json`, the axes drawn and
//!   the fields they rewrite; `--vary K` draws only K axes per layout, the
//!   others left canonical; `--start K` begins at plan K.
//! - `piano-corpus compare --corpus DIR --batch OUT` reads `OUT/report.json`
//!   of `piano batch`, matches every input by file name with its expected JSON
//!   in `DIR`, and prints the mismatches per plan and per field; exits 1 on any.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand, ValueEnum};
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
    /// With --layouts: the index of the first plan to write (plans
    /// `start..start + count`, named and drawn as in a corpus written from
    /// 0), so that a few plans of a corpus can be written alone.
    #[arg(long, default_value_t = 0)]
    start: usize,
    /// The folder to write into (created if missing).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also write each plan as a PDF (without --layouts; with it, `--format pdf`).
    #[arg(long)]
    pdf: bool,
    /// Write each plan in layouts of the layout space: the canonical one, or
    /// layouts drawn at random (see --variants).
    #[arg(long, value_enum)]
    layouts: Option<Layouts>,
    /// With --layouts: how many layouts to write of each plan.
    #[arg(long, default_value_t = 1)]
    variants: usize,
    /// With --layouts random: how many axes each layout draws (the others
    /// keep their canonical value); all of them by default.
    #[arg(long, default_value_t = usize::MAX)]
    vary: usize,
    /// With --layouts: the family the plans are written in (`all`: each
    /// family in turn, plan by plan).
    #[arg(long, value_enum, default_value_t = FamilyArg::StrutturaTable)]
    family: FamilyArg,
    /// With --layouts: the formats to write each layout in.
    #[arg(long = "format", value_enum, default_values_t = [Format::Tab, Format::Aligned])]
    formats: Vec<Format>,
}

/// Which layouts `--layouts` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Layouts {
    /// The template's layout.
    Canonical,
    /// Every axis drawn at random.
    Random,
}

/// The families `--family` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum FamilyArg {
    /// One objectives table per structure.
    StrutturaTable,
    /// One table grouped by MISSIONE and PROGRAMMA headings.
    CodeTable,
    /// One card of labelled fields per objective, its phases in a table.
    ObjectiveCards,
    /// One matrix of weights per head.
    WeightMatrix,
    /// A results report: a struttura-table with achievement and note columns.
    ResultsReport,
    /// Each family in turn.
    All,
}

impl FamilyArg {
    /// The family of plan `index`.
    fn of(self, index: usize) -> piano_corpus::Family {
        match self {
            FamilyArg::StrutturaTable => piano_corpus::Family::StrutturaTable,
            FamilyArg::CodeTable => piano_corpus::Family::CodeTable,
            FamilyArg::ObjectiveCards => piano_corpus::Family::ObjectiveCards,
            FamilyArg::WeightMatrix => piano_corpus::Family::WeightMatrix,
            FamilyArg::ResultsReport => piano_corpus::Family::ResultsReport,
            FamilyArg::All => piano_corpus::Family::ALL[index % piano_corpus::Family::ALL.len()],
        }
    }
}

/// A format `--format` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Tab-separated text.
    Tab,
    /// Space-aligned text, as `pdftotext -layout` writes.
    Aligned,
    /// A PDF with bordered tables.
    Pdf,
    /// HTML with real tables, drawn in an office look (borders, column
    /// widths) recorded in the sidecar as `office.*` axes.
    Html,
}

impl Format {
    fn corpus(self) -> piano_corpus::Format {
        match self {
            Format::Tab => piano_corpus::Format::Tab,
            Format::Aligned => piano_corpus::Format::Aligned,
            Format::Pdf => piano_corpus::Format::Pdf,
            Format::Html => piano_corpus::Format::Html,
        }
    }
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
    if let Some(layouts) = args.layouts {
        return generate_layouts(args, layouts, out);
    }
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

/// Writes every plan in `--variants` layouts, each with its sidecar.
fn generate_layouts(args: &GenerateArgs, layouts: Layouts, out: &Path) -> Result<ExitCode> {
    let formats: Vec<piano_corpus::Format> = args.formats.iter().map(|f| f.corpus()).collect();
    let vary = if layouts == Layouts::Random {
        args.vary
    } else {
        0
    };
    for plan in args.start..args.start + args.count {
        for variant in 0..args.variants {
            let sample = piano_corpus::layout_sample(
                args.seed,
                plan,
                variant,
                vary,
                args.family.of(plan),
                &formats,
            )?;
            for document in &sample.documents {
                write(&out.join(&document.file), &document.bytes)?;
                let expected = out.join(format!("{}.expected.json", document.file));
                write(&expected, &pretty(&expected_json(&document.expected))?)?;
            }
            let mut sidecar = sample.layout.sidecar();
            let phases = sample.documents.first().is_some_and(|d| {
                let objectives = d.expected.structures.iter().flat_map(|s| &s.objectives);
                objectives.clone().any(|o| !o.phases.is_empty())
            });
            // What the draft holds, beside the axes, so that a breakdown
            // can tell a family or phases from a layout.
            sidecar["axes"]["family"] = sample.layout.family.name().into();
            sidecar["axes"]["draft.phases"] = if phases { "with-phases" } else { "none" }.into();
            if formats.contains(&piano_corpus::Format::Html) {
                add_office_axes(&mut sidecar, sample.office);
            }
            sidecar["seed"] = args.seed.into();
            sidecar["plan"] = plan.into();
            sidecar["variant"] = variant.into();
            let path = out.join(format!("{}.layout.json", sample.stem));
            write(&path, &pretty(&sidecar)?)?;
        }
    }
    eprintln!(
        "wrote {} plan(s) in {} layout(s) each to {}",
        args.count,
        args.variants,
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// The office look's axes in `sidecar`: among its axes, and among those
/// varied when they differ from Word's defaults.
fn add_office_axes(sidecar: &mut Value, office: piano_corpus::OfficeLook) {
    for (axis, value, varied) in office.axes() {
        sidecar["axes"][axis] = value.into();
        if let (true, Some(list)) = (varied, sidecar["varied"].as_array_mut()) {
            list.push(axis.into());
        }
    }
}

/// `value` as pretty JSON with a final line end.
fn pretty(value: &Value) -> Result<Vec<u8>> {
    let mut json = serde_json::to_string_pretty(value)?;
    json.push('\n');
    Ok(json.into_bytes())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    fs::write(path, bytes).with_context(|| path.display().to_string())
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
