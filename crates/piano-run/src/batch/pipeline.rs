//! Reading the inputs on the worker pool and feeding their plans to the
//! aggregates in path order, at the same time.
//!
//! The workers take inputs in path order from a shared counter, so results
//! arrive nearly in order; each worker, once its input is read, puts the
//! result back in exact order and, unless another worker is already at it,
//! feeds the aggregates every plan whose turn has come, up to its own. With
//! `-j 1` the one worker reads and writes in turn; with more, writing
//! overlaps reading and no worker waits for another.
//!
//! Plans that arrive early wait in memory, up to `KEEP_IN_MEMORY` of them;
//! beyond that (behind an input that runs long) only their record waits and
//! the plan is read back from its file when its turn comes, so memory stays
//! bounded whatever the order of completion.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, TryLockError};
use std::time::{Duration, Instant};

use piano_export::{Documents, ExportOptions};
use piano_model::Plan;
use piano_parse::Vocabulary;
use rayon::ThreadPool;

use crate::again::parse_file;
use crate::batch::Identified;
use crate::batch::assemble::Sink;
use crate::batch::isolate::Isolator;
use crate::batch::journal::{self, Journal, Record};
use crate::batch::progress::Progress;
use crate::batch::report::{Entry, Status};

/// How many early plans may wait in memory for their turn.
const KEEP_IN_MEMORY: usize = 64;

/// What is to become of each input.
#[derive(Debug, Clone)]
pub enum Slot {
    /// Read it in this run.
    Read,
    /// Known without reading: finished by an earlier run, or unreadable
    /// (boxed: a record, its plan's quality included, is far larger than
    /// the other slots).
    Known(Box<Record>),
    /// The same bytes as the input at this index (always an earlier one).
    Duplicate(usize),
}

/// Everything the workers share.
pub struct Work<'a> {
    /// The inputs, sorted by path.
    pub inputs: &'a [Identified],
    /// What to do with each.
    pub slots: &'a [Slot],
    /// The layout profiles to read with.
    pub profiles: &'a Arc<Vec<Vocabulary>>,
    /// How scans are recognised.
    pub ocr: &'a piano_ocr::Settings,
    /// Where plans are saved.
    pub plans: &'a Path,
    /// Where failures are recorded.
    pub journal: &'a Journal,
    /// Progress display.
    pub progress: &'a Progress,
    /// Time limit per input.
    pub limit: Duration,
    /// Stop at the first failure.
    pub fail_fast: bool,
    /// Export options for the saved plans.
    pub options: ExportOptions,
}

/// What the workers share: the results put back in order, and the
/// aggregates. The order is locked only for bookkeeping; the aggregates are
/// written by one worker at a time, the others going on reading meanwhile.
struct Shared<'s> {
    order: Mutex<Order>,
    sink: Mutex<&'s mut Sink>,
    failure: Mutex<Option<anyhow::Error>>,
    /// NDJSON line buffers given back once written, for the next plans:
    /// reusing them keeps the allocator from piling up freed buffers of
    /// another thread (peak memory grew with the number of inputs).
    spare_lines: Mutex<Vec<Vec<u8>>>,
}

impl Shared<'_> {
    /// A line buffer to fill: a spare one, or a new one.
    fn line_buffer(&self) -> Vec<u8> {
        let spare = self
            .spare_lines
            .lock()
            .ok()
            .and_then(|mut spare| spare.pop());
        spare.unwrap_or_default()
    }

    /// Keeps `line` for another plan, unless enough are kept.
    fn give_back(&self, line: Vec<u8>) {
        if let Ok(mut spare) = self.spare_lines.lock() {
            if spare.len() < KEEP_IN_MEMORY {
                spare.push(line);
            }
        }
    }
}

/// Reads every input marked [`Slot::Read`] on `pool` and feeds all plans, in
/// path order, to `sink`; returns the record of every input (`None` for
/// inputs skipped after a failure with `--fail-fast`).
pub fn drive(
    pool: &ThreadPool,
    work: &Work<'_>,
    sink: &mut Sink,
) -> anyhow::Result<Vec<Option<Record>>> {
    let to_read: Vec<usize> = (0..work.slots.len())
        .filter(|&index| matches!(work.slots[index], Slot::Read))
        .collect();
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let shared = Shared {
        order: Mutex::new(Order::new(work.slots.len())),
        sink: Mutex::new(sink),
        failure: Mutex::new(None),
        spare_lines: Mutex::new(Vec::new()),
    };
    pool.scope(|workers| {
        for _ in 0..pool.current_num_threads() {
            workers.spawn(|_| read_in_turn(work, &to_read, &next, &stop, &shared));
        }
    });
    if let Some(error) = shared.failure.lock().map_err(poisoned)?.take() {
        return Err(error);
    }
    feed_ready(work, &shared, usize::MAX)?;
    let order = shared.order.into_inner().map_err(poisoned)?;
    if order.cursor != work.slots.len() {
        anyhow::bail!("input {} was never read", order.cursor + 1);
    }
    Ok(order.records)
}

/// A worker: takes the next input in path order until there is none left,
/// and after each one feeds whatever has become ready to the aggregates
/// (unless another worker is at it).
fn read_in_turn(
    work: &Work<'_>,
    to_read: &[usize],
    next: &AtomicUsize,
    stop: &AtomicBool,
    shared: &Shared<'_>,
) {
    let mut isolator = Isolator::new();
    let mut documents = Documents::default();
    while let Some(&index) = to_read.get(next.fetch_add(1, Ordering::Relaxed)) {
        let outcome = match stop.load(Ordering::Relaxed) {
            true => Ok(None),
            false => {
                documents.line = shared.line_buffer();
                read_and_save(work, &mut isolator, &mut documents, index).map(Some)
            }
        };
        if let Ok(Some((record, _))) = &outcome {
            work.progress.advance(record.entry.status);
            if work.fail_fast && record.entry.status == Status::Failed {
                stop.store(true, Ordering::Relaxed);
            }
        }
        let fed = outcome.and_then(|result| {
            shared.order.lock().map_err(poisoned)?.arrive(index, result);
            feed_ready(work, shared, index)
        });
        if let Err(error) = fed {
            stop.store(true, Ordering::Relaxed);
            if let Ok(mut failure) = shared.failure.lock() {
                failure.get_or_insert(error);
            }
        }
    }
}

/// Feeds the aggregates every input whose turn has come, up to input
/// `last`, unless another worker is doing so. A worker feeds no further than
/// its own input so that it goes back to reading: an input ready beyond it is
/// fed by whichever worker next finishes a later one (or at the end). After
/// letting go of the aggregates, a feeder looks once more, so an input added
/// meanwhile by a worker that found the aggregates busy is not left behind.
fn feed_ready(work: &Work<'_>, shared: &Shared<'_>, last: usize) -> anyhow::Result<()> {
    let order = &shared.order;
    loop {
        let mut sink = match shared.sink.try_lock() {
            Ok(sink) => sink,
            Err(TryLockError::WouldBlock) => return Ok(()),
            Err(TryLockError::Poisoned(_)) => return Err(poisoned(())),
        };
        loop {
            let taken = order.lock().map_err(poisoned)?.take(work, last);
            let Some((record, fresh)) = taken else { break };
            if let Some(line) = feed_one(work, &mut sink, record.as_ref(), fresh)? {
                shared.give_back(line);
            }
        }
        drop(sink);
        if !order.lock().map_err(poisoned)?.is_ready(work, last) {
            return Ok(());
        }
    }
}

/// Feeds the plan of `record` (from memory with its NDJSON line, or read
/// back from its file); gives back the line's buffer once written.
fn feed_one(
    work: &Work<'_>,
    sink: &mut Sink,
    record: Option<&Record>,
    fresh: Option<Fresh>,
) -> anyhow::Result<Option<Vec<u8>>> {
    let Some(entry) = record.map(|r| &r.entry) else {
        return Ok(None);
    };
    let (true, Some(plan_id)) = (entry.has_plan(), &entry.plan_id) else {
        return Ok(fresh.map(|fresh| fresh.line));
    };
    match fresh {
        Some(fresh) => {
            sink.feed(&fresh.plan, Some(&fresh.line))?;
            Ok(Some(fresh.line))
        }
        None => {
            sink.feed(&journal::load_plan(work.plans, plan_id)?, None)?;
            Ok(None)
        }
    }
}

/// The error of a lock whose holder panicked (a bug in piano, not in an input).
fn poisoned<E>(_: E) -> anyhow::Error {
    anyhow::anyhow!("a worker failed while writing the aggregates")
}

/// Reads one input in isolation and saves what it gave: its plan, or the
/// record of its failure. A plan's documents are laid out in `documents`
/// (the pretty buffer stays for the next input, the line goes with the plan).
fn read_and_save(
    work: &Work<'_>,
    isolator: &mut Isolator<Result<Plan, String>>,
    documents: &mut Documents,
    index: usize,
) -> anyhow::Result<(Record, Option<Fresh>)> {
    let input = &work.inputs[index];
    let started = Instant::now();
    let sha = input.sha256.as_ref().ok().cloned();
    let (path, name) = (input.path.clone(), input.name.clone());
    let profiles = Arc::clone(work.profiles);
    let clock = piano_ocr::PageClock::new();
    let ocr = piano_ocr::Settings {
        clock: clock.clone(),
        progress: work.progress.pages(),
        ..work.ocr.clone()
    };
    let restarted = || clock.last_page_start();
    let outcome = isolator.run_restarted(work.limit, restarted, move || -> Result<Plan, String> {
        let bytes = std::fs::read(&path).map_err(|error| format!("cannot read: {error}"))?;
        parse_file(&name, &path, bytes, &profiles, &ocr).map_err(|error| format!("{error:#}"))
    });
    let (entry, plan) = match outcome {
        Ok(Ok(mut plan)) => {
            if !work.options.include_staff {
                withhold_staff_names(&mut plan);
            }
            documents.fill(&plan, work.options)?;
            journal::save_plan(work.plans, &plan.plan_id, &documents.pretty)?;
            let entry = Entry::of_plan(input.name.clone(), &plan);
            let line = std::mem::take(&mut documents.line);
            (entry, Some(Fresh { plan, line }))
        }
        Ok(Err(error)) => (Entry::failed(input.name.clone(), sha, error), None),
        Err(failure) => (
            Entry::failed(input.name.clone(), sha, failure.to_string()),
            None,
        ),
    };
    let record = Record {
        entry,
        seconds: Some(started.elapsed().as_secs_f64()),
    };
    if plan.is_none() {
        work.journal.save(&record)?;
    }
    Ok((record, plan))
}

/// Blanks staff names in place, as every exporter would for this plan:
/// done once here, the three writers that follow need no redacted copy each.
fn withhold_staff_names(plan: &mut Plan) {
    let staff = plan.structures.iter_mut().flat_map(|s| s.staff.iter_mut());
    staff.for_each(|member| member.name = None);
}

/// A plan read in this run, with its NDJSON line already serialised (the
/// pretty JSON saved to its file was laid out from the same bytes).
struct Fresh {
    plan: Plan,
    line: Vec<u8>,
}

/// Results put back in path order.
struct Order {
    /// The next input to feed.
    cursor: usize,
    /// Results that arrived before their turn.
    waiting: BTreeMap<usize, Option<(Record, Option<Fresh>)>>,
    /// The record of every input fed so far.
    records: Vec<Option<Record>>,
}

impl Order {
    fn new(inputs: usize) -> Order {
        Order {
            cursor: 0,
            waiting: BTreeMap::new(),
            records: vec![None; inputs],
        }
    }

    /// Takes in the result of input `index`, keeping its plan in memory only
    /// while few wait.
    fn arrive(&mut self, index: usize, result: Option<(Record, Option<Fresh>)>) {
        let keep = index == self.cursor || self.waiting.len() < KEEP_IN_MEMORY;
        let result = result.map(|(record, plan)| (record, plan.filter(|_| keep)));
        self.waiting.insert(index, result);
    }

    /// Whether the input at the cursor can be taken, and is not past `last`.
    fn is_ready(&self, work: &Work<'_>, last: usize) -> bool {
        if self.cursor > last {
            return false;
        }
        match work.slots.get(self.cursor) {
            Some(Slot::Read) => self.waiting.contains_key(&self.cursor),
            Some(_) => true,
            None => false,
        }
    }

    /// Takes the input at the cursor if its turn has come and it is not past
    /// `last`: its record (also kept in `records`) and its plan if still in memory.
    fn take(&mut self, work: &Work<'_>, last: usize) -> Option<(Option<Record>, Option<Fresh>)> {
        let index = self.cursor;
        if index > last {
            return None;
        }
        let (record, plan) = match work.slots.get(index)? {
            Slot::Known(record) => (Some(Record::clone(record)), None),
            Slot::Duplicate(first) => {
                let name = work.inputs[index].name.clone();
                let record = self.records[*first].as_ref().map(|first| Record {
                    entry: Entry::duplicate(name, &first.entry),
                    seconds: None,
                });
                (record, None)
            }
            Slot::Read => match self.waiting.remove(&index)? {
                None => (None, None),
                Some((record, plan)) => (Some(record), plan),
            },
        };
        self.records[index] = record.clone();
        self.cursor += 1;
        Some((record, plan))
    }
}
