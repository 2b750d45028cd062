//! Running each input's work so that nothing it does can stop the batch.
//!
//! Every pipeline worker owns an [`Isolator`]: a helper thread (named
//! [`WORKER_THREAD`]) that runs one piece of work at a time under
//! `catch_unwind`, while the worker waits for the result at most the time
//! limit. A panic becomes [`Failure::Panicked`] with the panic's message and
//! the helper carries on with the next piece. On timeout the helper is
//! abandoned: Rust cannot stop a thread from outside, so it runs on until its
//! piece ends (or the process exits), finds nobody listening, and exits; the
//! next piece gets a fresh helper. The work only computes; the caller writes
//! files, so an abandoned helper can never write into the output after its
//! input has been reported failed. The cost: an input that never ends keeps
//! one core busy until the batch exits.
//!
//! [`start`] runs one piece of work the same way for a caller that cannot
//! block until the limit: the Python bindings wait in short slices, checking
//! for Ctrl-C between them.
//!
//! Helpers live as long as their worker: starting a thread per input (a
//! fresh stack and allocator arena each time) made 2 workers only 1.2 times
//! as fast as 1 on 1,000 generated plans, against 1.7 times with helpers
//! that are kept.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Once, mpsc};
use std::thread;
use std::time::{Duration, Instant};

/// The name of the threads that run inputs' work.
pub const WORKER_THREAD: &str = "piano-worker";

/// Stack size of helper threads: deeply nested PDFs need more than the default.
const WORKER_STACK: usize = 16 * 1024 * 1024;

/// Why an input's work gave no result.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Failure {
    /// The work panicked.
    #[error("internal error (panic): {0}")]
    Panicked(String),
    /// The work ran past the time limit and was abandoned.
    #[error("gave up after the time limit of {} s", .0.as_secs_f64())]
    TimedOut(Duration),
    /// No thread could be started for the work.
    #[error("cannot start a worker thread: {0}")]
    Spawn(String),
}

/// A piece of work for a helper.
type Job<T> = Box<dyn FnOnce() -> T + Send>;

/// Runs pieces of work on a helper thread, one at a time, each with a time limit.
pub struct Isolator<T> {
    helper: Option<Helper<T>>,
}

/// The two ends of a helper thread's channels.
struct Helper<T> {
    jobs: mpsc::Sender<Job<T>>,
    results: mpsc::Receiver<thread::Result<T>>,
}

impl<T: Send + 'static> Default for Isolator<T> {
    fn default() -> Isolator<T> {
        Isolator::new()
    }
}

impl<T: Send + 'static> Isolator<T> {
    /// An isolator; its helper starts with the first piece of work.
    pub fn new() -> Isolator<T> {
        silence_worker_panics();
        Isolator { helper: None }
    }

    /// Runs `work` on the helper and waits at most `limit` for its result.
    pub fn run<F>(&mut self, limit: Duration, work: F) -> Result<T, Failure>
    where
        F: FnOnce() -> T + Send + 'static,
    {
        self.run_restarted(limit, || None, work)
    }

    /// Runs `work` on the helper and waits for its result until `limit`
    /// has passed since it began, or since the latest time `restarted`
    /// gives (the start of a page of OCR: the limit holds per page).
    pub fn run_restarted<F>(
        &mut self,
        limit: Duration,
        restarted: impl Fn() -> Option<Instant>,
        work: F,
    ) -> Result<T, Failure>
    where
        F: FnOnce() -> T + Send + 'static,
    {
        let began = Instant::now();
        let helper = match self.helper.take() {
            Some(helper) => helper,
            None => Helper::spawn()?,
        };
        let helper = match helper.jobs.send(Box::new(work)) {
            Ok(()) => helper,
            // The helper is gone (only an abort could do that): start another.
            Err(mpsc::SendError(work)) => {
                let fresh = Helper::spawn()?;
                fresh
                    .jobs
                    .send(work)
                    .map_err(|_| Failure::Spawn("the new worker thread is gone".to_owned()))?;
                fresh
            }
        };
        let received = loop {
            let since = restarted().map_or(began, |restart| restart.max(began));
            let left = (since + limit).saturating_duration_since(Instant::now());
            match helper.results.recv_timeout(left) {
                // A page began meanwhile: its own limit runs on.
                Err(mpsc::RecvTimeoutError::Timeout)
                    if restarted().is_some_and(|restart| restart + limit > Instant::now()) => {}
                received => break received,
            }
        };
        match received {
            Ok(Ok(value)) => {
                self.helper = Some(helper);
                Ok(value)
            }
            Ok(Err(payload)) => {
                self.helper = Some(helper);
                Err(Failure::Panicked(panic_message(payload.as_ref())))
            }
            // Dropping `helper` abandons the thread: it exits once its work ends.
            Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::TimedOut(limit)),
            Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::Panicked(
                "the worker ended without a result".to_owned(),
            )),
        }
    }
}

impl<T: Send + 'static> Helper<T> {
    /// Starts a helper thread that runs the jobs it is sent, one at a time.
    fn spawn() -> Result<Helper<T>, Failure> {
        let (jobs, job_queue) = mpsc::channel::<Job<T>>();
        let (result_sender, results) = mpsc::sync_channel(1);
        thread::Builder::new()
            .name(WORKER_THREAD.to_owned())
            .stack_size(WORKER_STACK)
            .spawn(move || {
                for job in job_queue {
                    let outcome = panic::catch_unwind(AssertUnwindSafe(job));
                    if result_sender.send(outcome).is_err() {
                        break; // abandoned after a timeout
                    }
                }
            })
            .map_err(|error| Failure::Spawn(error.to_string()))?;
        Ok(Helper { jobs, results })
    }
}

/// Starts `work` on a thread of its own (named [`WORKER_THREAD`], with a
/// helper's stack) under `catch_unwind`, and returns the channel its outcome
/// arrives on: the value, or [`Failure::Panicked`]. The caller waits as it
/// likes; dropping the receiver abandons the work, as a timeout does.
pub fn start<T, F>(work: F) -> Result<mpsc::Receiver<Result<T, Failure>>, Failure>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    silence_worker_panics();
    let (sender, outcome) = mpsc::sync_channel(1);
    thread::Builder::new()
        .name(WORKER_THREAD.to_owned())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(work))
                .map_err(|payload| Failure::Panicked(panic_message(payload.as_ref())));
            // Nobody listening means the work was abandoned: nothing to do.
            let _ = sender.send(result);
        })
        .map_err(|error| Failure::Spawn(error.to_string()))?;
    Ok(outcome)
}

/// Keeps panics of helper threads off standard error (their message goes into
/// the report instead); panics elsewhere are printed as usual.
fn silence_worker_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if thread::current().name() != Some(WORKER_THREAD) {
                previous(info);
            }
        }));
    });
}

/// The text a panic was raised with, when it has one.
fn panic_message(payload: &(dyn Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_owned()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LONG: Duration = Duration::from_secs(30);

    #[test]
    fn returns_the_results_of_work_that_ends_in_time() {
        let mut isolator = Isolator::new();
        assert_eq!(isolator.run(LONG, || 6 * 7), Ok(42));
        assert_eq!(isolator.run(LONG, || 1 + 1), Ok(2));
    }

    #[test]
    fn a_panic_becomes_a_failure_and_the_next_work_still_runs() {
        let mut isolator = Isolator::new();
        let outcome: Result<u8, Failure> = isolator.run(LONG, || panic!("row {} is odd", 3));
        assert_eq!(outcome, Err(Failure::Panicked("row 3 is odd".to_owned())));
        assert_eq!(isolator.run(LONG, || 7), Ok(7));
    }

    #[test]
    fn work_past_the_limit_is_abandoned_and_a_fresh_helper_takes_over() {
        let mut isolator = Isolator::new();
        let (release, wait) = mpsc::channel::<()>();
        let limit = Duration::from_millis(20);
        let outcome = isolator.run(limit, move || u8::from(wait.recv().is_ok()));
        assert_eq!(outcome, Err(Failure::TimedOut(limit)));
        assert_eq!(isolator.run(LONG, || 9), Ok(9));
        drop(release);
    }

    #[test]
    fn started_work_sends_its_value_or_its_panic() {
        let value = start(|| 6 * 7).expect("a thread");
        assert_eq!(value.recv_timeout(LONG), Ok(Ok(42)));
        let panicked = start(|| -> u8 { panic!("page {} is odd", 2) }).expect("a thread");
        assert_eq!(
            panicked.recv_timeout(LONG),
            Ok(Err(Failure::Panicked("page 2 is odd".to_owned())))
        );
    }

    #[test]
    fn the_limit_runs_again_from_each_restart() {
        let mut isolator = Isolator::new();
        let limit = Duration::from_millis(1000);
        let pause = Duration::from_millis(700);
        // Two pages of 0.7 s: 1.4 s in all, but neither past the limit.
        let clock = piano_ocr::PageClock::new();
        let pages = clock.clone();
        let outcome = isolator.run_restarted(
            limit,
            || clock.last_page_start(),
            move || {
                pages.start_page();
                thread::sleep(pause);
                pages.start_page();
                thread::sleep(pause);
                2
            },
        );
        assert_eq!(outcome, Ok(2));
        // Without restarts the same work is past the limit.
        let outcome = isolator.run(limit, move || {
            thread::sleep(pause * 2);
            2
        });
        assert_eq!(outcome, Err(Failure::TimedOut(limit)));
    }
}
