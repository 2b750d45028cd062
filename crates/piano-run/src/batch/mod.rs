//! `piano batch`: a whole archive of plans into one folder, in parallel,
//! resumable, with nothing lost.
//!
//! A run goes through five steps, one module each:
//! 1. [`discover`]: list the input files, sorted by path;
//! 2. identify them by SHA-256 (in parallel) so identical inputs are read once;
//! 3. [`pipeline`]: read each remaining input on the worker pool, each in
//!    [`isolate`]d fashion so a panic or an input past the time limit fails
//!    that input only, and feed the plans in path order to the aggregates;
//! 4. [`journal`]: save each result atomically the moment it is known, so a
//!    killed run can be resumed;
//! 5. [`assemble`]: finish the aggregate files and the [`report`];
//!    [`progress`] shows how it goes.
//!
//! Every output depends only on the inputs and the settings: the thread count
//! and the order threads finish in change nothing but `timings.json`.

pub mod assemble;
pub mod discover;
pub mod isolate;
pub mod journal;
pub mod pipeline;
pub mod progress;
pub mod report;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use piano_export::ExportOptions;
use piano_model::{Source, SourceFormat};
use piano_parse::Vocabulary;
use rayon::prelude::*;

use crate::batch::assemble::{Aggregates, Sink, write_report};
use crate::batch::journal::{Journal, PLANS, Record};
use crate::batch::pipeline::{Slot, Work};
use crate::batch::progress::Progress;
use crate::batch::report::{Entry, Settings, Status, Timing, Timings, Totals};
use crate::input::display_name;

/// Everything a run needs to know, resolved from the command line.
#[derive(Debug, Clone)]
pub struct Config {
    /// The input files, sorted by path, each once.
    pub files: Vec<PathBuf>,
    /// The layout profiles every input is read with (the bundled ones and
    /// the user's); shared with the workers' helper threads.
    pub profiles: Arc<Vec<Vocabulary>>,
    /// How scans are recognised.
    pub ocr: piano_ocr::Settings,
    /// The output folder.
    pub out: PathBuf,
    /// Worker threads; `None` for all cores.
    pub jobs: Option<usize>,
    /// Whether to keep `plans/<plan_id>.json` in the output.
    pub json: bool,
    /// Which aggregates to write.
    pub aggregates: Aggregates,
    /// What `catalog.jsonld` and `datapackage.json` say of the release
    /// beyond its files (licence, publisher, base URL).
    pub publication: piano_export::Publication,
    /// Settings that change the outputs' contents.
    pub settings: Settings,
    /// Skip inputs an earlier run finished.
    pub resume: bool,
    /// Stop at the first failure.
    pub fail_fast: bool,
    /// Time limit per input.
    pub limit: Duration,
    /// Show nothing on standard error.
    pub quiet: bool,
}

/// What a run did.
pub struct Outcome {
    /// Sums over the report.
    pub totals: Totals,
    /// The report's entries, sorted by path.
    pub entries: Vec<Entry>,
    /// Inputs read by this run (not resumed, not duplicates).
    pub read: usize,
    /// Wall time of this run.
    pub wall: Duration,
}

/// One input after identification.
pub struct Identified {
    /// Its path.
    pub path: PathBuf,
    /// Its path as the report shows it.
    pub name: String,
    /// SHA-256 of its bytes, or why they could not be read.
    pub sha256: Result<String, String>,
}

/// Runs a batch as `config` says.
pub fn run(config: &Config) -> anyhow::Result<Outcome> {
    let started = Instant::now();
    std::fs::create_dir_all(&config.out)
        .with_context(|| format!("{}: cannot create the folder", config.out.display()))?;
    journal::remove_debris(&config.out);
    let journal = Journal::open(&config.out, config.settings, config.resume)?;
    let plans = match config.json {
        true => config.out.join(PLANS),
        false => config.out.join(journal::JOURNAL).join(PLANS),
    };
    std::fs::create_dir_all(&plans)
        .with_context(|| format!("{}: cannot create the folder", plans.display()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(config.jobs.unwrap_or(0))
        .thread_name(|index| format!("piano-batch-{index}"))
        .build()
        .context("cannot start the worker pool")?;

    let inputs: Vec<Identified> = pool.install(|| config.files.par_iter().map(identify).collect());
    let slots = schedule(&inputs, config, &journal, &plans);
    let reading = slots.iter().filter(|s| matches!(s, Slot::Read)).count();
    let progress = Progress::start(reading, config.quiet);
    let work = Work {
        inputs: &inputs,
        slots: &slots,
        profiles: &config.profiles,
        ocr: &config.ocr,
        plans: &plans,
        journal: &journal,
        progress: &progress,
        limit: config.limit,
        fail_fast: config.fail_fast,
        options: ExportOptions {
            include_staff: config.settings.include_staff,
        },
    };
    let mut sink = Sink::open(
        &config.out,
        config.aggregates,
        config.settings,
        &config.publication,
        config.json,
    )?;
    let records = pipeline::drive(&pool, &work, &mut sink)?;
    sink.finish()?;
    let (read, _) = progress.finish();

    let records: Vec<Record> = records.into_iter().flatten().collect();
    let entries: Vec<Entry> = records.iter().map(|r| r.entry.clone()).collect();
    let totals = write_report(&config.out, &entries, config.settings)?;
    let wall = started.elapsed();
    let timings = records
        .into_iter()
        .map(|record| Timing {
            path: record.entry.path,
            seconds: record.seconds,
        })
        .collect();
    journal::write_pretty(
        &config.out.join(journal::TIMINGS),
        &Timings {
            wall_seconds: wall.as_secs_f64(),
            inputs: timings,
        },
    )?;
    journal.close()?;
    if config.json {
        journal::remove_stale_plans(&plans, &entries)?;
    }
    Ok(Outcome {
        totals,
        entries,
        read,
        wall,
    })
}

/// What to do with each input: read it, take an earlier run's result, or
/// mark it a duplicate of the first input with the same bytes.
fn schedule(inputs: &[Identified], config: &Config, journal: &Journal, plans: &Path) -> Vec<Slot> {
    let finished = match config.resume {
        true => journal::finished_before(&config.out, journal),
        false => HashMap::new(),
    };
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    inputs
        .iter()
        .enumerate()
        .map(|(index, input)| match &input.sha256 {
            Err(error) => Slot::Known(Box::new(Record {
                entry: Entry::failed(input.name.clone(), None, error.clone()),
                seconds: None,
            })),
            Ok(sha) => match first_of.get(sha.as_str()) {
                Some(&first) => Slot::Duplicate(first),
                None => {
                    first_of.insert(sha, index);
                    let earlier = config
                        .resume
                        .then(|| done_before(input, sha, plans, &finished))
                        .flatten();
                    earlier.map_or(Slot::Read, |record| Slot::Known(Box::new(record)))
                }
            },
        })
        .collect()
}

/// Reads and hashes one input (its bytes are dropped right after).
fn identify(path: &PathBuf) -> Identified {
    let name = display_name(path);
    let sha256 = std::fs::read(path)
        .map(|bytes| Source::from_bytes("", &bytes, SourceFormat::Text).sha256)
        .map_err(|error| format!("cannot read: {error}"));
    Identified {
        path: path.clone(),
        name,
        sha256,
    }
}

/// What an earlier run found for `input` (bytes `sha`), if it still stands:
/// its saved plan, or the record of its failure with the same bytes.
fn done_before(
    input: &Identified,
    sha: &str,
    plans: &Path,
    finished: &HashMap<String, Record>,
) -> Option<Record> {
    let earlier = finished.get(&input.name);
    let seconds = earlier.and_then(|record| record.seconds);
    if let Some(plan) = journal::saved_plan(plans, &input.name, sha) {
        let entry = Entry::of_plan(input.name.clone(), &plan);
        return Some(Record { entry, seconds });
    }
    earlier
        .filter(|record| {
            let entry = &record.entry;
            entry.sha256.as_deref() == Some(sha)
                && entry.status == Status::Failed
                && !entry.has_plan()
        })
        .cloned()
}
