//! Reading the inputs on the worker pool and feeding their plans to the
//! aggregates in path order, at the same time.
//!
//! The workers take inputs in path order from a shared counter, so results
//! arrive nearly in order; each worker, once its input is read, puts the
//! result back in exact order and feeds every plan whose turn has come to
//! the aggregates (under a lock: one writer at a time). With `-j 1` the one
//! worker reads and writes in turn; with more, writing overlaps reading.
//! Plans that arrive early wait in memory, up to [`KEEP_IN_MEMORY`] of them;
//! beyond that (behind an input that runs long) only their record waits and
//! the plan is read back from its file when its turn comes, so memory stays
//! bounded whatever the order of completion.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use piano_export::ExportOptions;
use piano_model::Plan;
use rayon::ThreadPool;

use crate::batch::Identified;
use crate::batch::assemble::Sink;
use crate::batch::isolate::Isolator;
use crate::batch::journal::{self, Journal, Record};
use crate::batch::progress::Progress;
use crate::batch::report::{Entry, Status};
use crate::input::parse_bytes;

/// How many early plans may wait in memory for their turn.
const KEEP_IN_MEMORY: usize = 64;

/// What is to become of each input.
#[derive(Debug, Clone)]
pub enum Slot {
    /// Read it in this run.
    Read,
    /// Known without reading: finished by an earlier run, or unreadable.
    Known(Record),
    /// The same bytes as the input at this index (always an earlier one).
    Duplicate(usize),
}

/// Everything the workers share.
pub struct Work<'a> {
    /// The inputs, sorted by path.
    pub inputs: &'a [Identified],
    /// What to do with each.
    pub slots: &'a [Slot],
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

/// What the workers share: the results put back in order, and the aggregates.
struct Shared<'s> {
    order: Order,
    sink: &'s mut Sink,
    failure: Option<anyhow::Error>,
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
    let shared = Mutex::new(Shared {
        order: Order::new(work.slots.len()),
        sink,
        failure: None,
    });
    pool.scope(|workers| {
        for _ in 0..pool.current_num_threads() {
            workers.spawn(|_| read_in_turn(work, &to_read, &next, &stop, &shared));
        }
    });
    let Shared {
        mut order,
        sink,
        failure,
    } = shared
        .into_inner()
        .map_err(|_| anyhow::anyhow!("a worker failed while writing the aggregates"))?;
    if let Some(error) = failure {
        return Err(error);
    }
    order.feed(work, sink)?;
    Ok(order.records)
}

/// A worker: takes the next input in path order until there is none left,
/// then feeds whatever has become ready to the aggregates.
fn read_in_turn(
    work: &Work<'_>,
    to_read: &[usize],
    next: &AtomicUsize,
    stop: &AtomicBool,
    shared: &Mutex<Shared<'_>>,
) {
    let mut isolator = Isolator::new();
    while let Some(&index) = to_read.get(next.fetch_add(1, Ordering::Relaxed)) {
        let outcome = match stop.load(Ordering::Relaxed) {
            true => Ok(None),
            false => read_and_save(work, &mut isolator, index).map(Some),
        };
        if let Ok(Some((record, _))) = &outcome {
            work.progress.advance(record.entry.status);
            if work.fail_fast && record.entry.status == Status::Failed {
                stop.store(true, Ordering::Relaxed);
            }
        }
        let Ok(mut shared) = shared.lock() else {
            return;
        };
        let shared = &mut *shared;
        let fed = outcome.and_then(|result| {
            shared.order.arrive(index, result);
            shared.order.feed(work, shared.sink)
        });
        if let Err(error) = fed {
            stop.store(true, Ordering::Relaxed);
            shared.failure.get_or_insert(error);
        }
    }
}

/// Reads one input in isolation and saves what it gave: its plan, or the
/// record of its failure.
fn read_and_save(
    work: &Work<'_>,
    isolator: &mut Isolator<Result<Plan, String>>,
    index: usize,
) -> anyhow::Result<(Record, Option<Plan>)> {
    let input = &work.inputs[index];
    let started = Instant::now();
    let sha = input.sha256.as_ref().ok().cloned();
    let (path, name) = (input.path.clone(), input.name.clone());
    let outcome = isolator.run(work.limit, move || -> Result<Plan, String> {
        let bytes = std::fs::read(&path).map_err(|error| format!("cannot read: {error}"))?;
        parse_bytes(&name, &bytes).map_err(|error| format!("{error:#}"))
    });
    let (entry, plan) = match outcome {
        Ok(Ok(mut plan)) => {
            if !work.options.include_staff {
                withhold_staff_names(&mut plan);
            }
            journal::save_plan(work.plans, &plan, work.options)?;
            (Entry::of_plan(input.name.clone(), &plan), Some(plan))
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

/// Results put back in path order.
struct Order {
    /// The next input to feed.
    cursor: usize,
    /// Results that arrived before their turn.
    waiting: BTreeMap<usize, Option<(Record, Option<Plan>)>>,
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
    fn arrive(&mut self, index: usize, result: Option<(Record, Option<Plan>)>) {
        let keep = index == self.cursor || self.waiting.len() < KEEP_IN_MEMORY;
        let result = result.map(|(record, plan)| (record, plan.filter(|_| keep)));
        self.waiting.insert(index, result);
    }

    /// Feeds every input whose turn has come, in order.
    fn feed(&mut self, work: &Work<'_>, sink: &mut Sink) -> anyhow::Result<()> {
        while let Some(slot) = work.slots.get(self.cursor) {
            let index = self.cursor;
            let (record, plan) = match slot {
                Slot::Known(record) => (Some(record.clone()), None),
                Slot::Duplicate(first) => {
                    let name = work.inputs[index].name.clone();
                    let record = self.records[*first].as_ref().map(|first| Record {
                        entry: Entry::duplicate(name, &first.entry),
                        seconds: None,
                    });
                    (record, None)
                }
                Slot::Read => match self.waiting.remove(&index) {
                    None => return Ok(()),
                    Some(None) => (None, None),
                    Some(Some((record, plan))) => (Some(record), plan),
                },
            };
            if let Some(record) = &record {
                let entry = &record.entry;
                if let (true, true, Some(plan_id)) =
                    (entry.has_plan(), sink.wants_plans(), &entry.plan_id)
                {
                    let plan = match plan {
                        Some(plan) => plan,
                        None => journal::load_plan(work.plans, plan_id)?,
                    };
                    sink.feed(&plan)?;
                }
            }
            self.records[index] = record;
            self.cursor += 1;
        }
        Ok(())
    }
}
