//! `piano batch`: a whole archive of plans into one folder, in parallel,
//! resumable, with nothing lost.
//!
//! A run goes through five steps, one module each:
//! 1. [`discover`]: list the input files, sorted by path;
//! 2. identify them by SHA-256 (in parallel) so identical inputs are read once;
//! 3. [`isolate`]: read each remaining input on the worker pool, each on a
//!    thread of its own, so a panic or an input past the time limit fails
//!    that input only;
//! 4. [`journal`]: save each result atomically the moment it is known;
//! 5. [`assemble`]: rebuild the aggregate files and [`report`] from the saved
//!    results, in path order; [`progress`] shows how it goes.
//!
//! Every output depends only on the inputs and the settings: the thread count
//! and the order threads finish in change nothing but `timings.json`.

pub mod assemble;
pub mod discover;
pub mod isolate;
pub mod journal;
pub mod progress;
pub mod report;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use piano_export::ExportOptions;
use piano_model::{Plan, Source, SourceFormat};
use rayon::prelude::*;

use crate::batch::assemble::{Aggregates, assemble};
use crate::batch::isolate::run_isolated;
use crate::batch::journal::{Journal, PLANS, Record};
use crate::batch::progress::Progress;
use crate::batch::report::{Entry, Settings, Status, Timing, Timings, Totals};
use crate::input::{display_name, parse_bytes};

/// Everything a run needs to know, resolved from the command line.
#[derive(Debug, Clone)]
pub struct Config {
    /// The input files, sorted by path, each once.
    pub files: Vec<PathBuf>,
    /// The output folder.
    pub out: PathBuf,
    /// Worker threads; `None` for all cores.
    pub jobs: Option<usize>,
    /// Whether to keep `plans/<plan_id>.json` in the output.
    pub json: bool,
    /// Which aggregates to write.
    pub aggregates: Aggregates,
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
struct Identified {
    path: PathBuf,
    name: String,
    sha256: Result<String, String>,
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

    let identified: Vec<Identified> =
        pool.install(|| config.files.par_iter().map(identify).collect());
    let finished = match config.resume {
        true => journal::finished_before(&config.out, &journal),
        false => HashMap::new(),
    };
    let mut first_of: HashMap<&str, usize> = HashMap::new();
    let mut done: Vec<Option<Record>> = Vec::with_capacity(identified.len());
    let mut to_read: Vec<usize> = Vec::new();
    for (index, input) in identified.iter().enumerate() {
        done.push(None);
        match &input.sha256 {
            Err(error) => {
                let entry = Entry::failed(input.name.clone(), None, error.clone());
                done[index] = Some(Record {
                    entry,
                    seconds: None,
                });
            }
            Ok(sha) if first_of.contains_key(sha.as_str()) => {}
            Ok(sha) => {
                first_of.insert(sha, index);
                match config.resume {
                    true => match done_before(input, sha, &plans, &finished) {
                        Some(record) => done[index] = Some(record),
                        None => to_read.push(index),
                    },
                    false => to_read.push(index),
                }
            }
        }
    }

    let progress = Progress::start(to_read.len(), config.quiet);
    let stop = AtomicBool::new(false);
    let options = ExportOptions {
        include_staff: config.settings.include_staff,
    };
    let results: Vec<(usize, Option<Record>)> = pool.install(|| {
        to_read
            .par_iter()
            .map(|&index| {
                if stop.load(Ordering::Relaxed) {
                    return Ok((index, None));
                }
                let record = read_one(&identified[index], config.limit, &plans, options)?;
                if !record.entry.has_plan() {
                    journal.save(&record)?;
                }
                progress.advance(record.entry.status);
                if config.fail_fast && record.entry.status == Status::Failed {
                    stop.store(true, Ordering::Relaxed);
                }
                Ok((index, Some(record)))
            })
            .collect::<anyhow::Result<_>>()
    })?;
    let (read, _) = progress.finish();
    for (index, record) in results {
        done[index] = record;
    }

    let mut entries = Vec::with_capacity(identified.len());
    let mut timings = Vec::with_capacity(identified.len());
    for (index, input) in identified.iter().enumerate() {
        let record = match &input.sha256 {
            Ok(sha) if first_of.get(sha.as_str()) != Some(&index) => {
                let first = first_of.get(sha.as_str()).and_then(|&f| done[f].as_ref());
                first.map(|first| Record {
                    entry: Entry::duplicate(input.name.clone(), &first.entry),
                    seconds: None,
                })
            }
            _ => done[index].clone(),
        };
        if let Some(record) = record {
            timings.push(Timing {
                path: record.entry.path.clone(),
                seconds: record.seconds,
            });
            entries.push(record.entry);
        }
    }

    let totals = assemble(
        &config.out,
        &plans,
        &entries,
        config.aggregates,
        config.settings,
    )?;
    let wall = started.elapsed();
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

/// Reads one input in isolation and saves its plan; the record says how it went.
fn read_one(
    input: &Identified,
    limit: Duration,
    plans: &Path,
    options: ExportOptions,
) -> anyhow::Result<Record> {
    let started = Instant::now();
    let sha = input.sha256.as_ref().ok().cloned();
    let path = input.path.clone();
    let name = input.name.clone();
    let outcome = run_isolated(limit, move || -> Result<Plan, String> {
        let bytes = std::fs::read(&path).map_err(|error| format!("cannot read: {error}"))?;
        parse_bytes(&name, &bytes).map_err(|error| format!("{error:#}"))
    });
    let entry = match outcome {
        Ok(Ok(plan)) => {
            journal::save_plan(plans, &plan, options)?;
            Entry::of_plan(input.name.clone(), &plan)
        }
        Ok(Err(error)) => Entry::failed(input.name.clone(), sha, error),
        Err(failure) => Entry::failed(input.name.clone(), sha, failure.to_string()),
    };
    Ok(Record {
        entry,
        seconds: Some(started.elapsed().as_secs_f64()),
    })
}
