//! Running one input's work so that nothing it does can stop the batch.
//!
//! Each piece of work runs on a thread of its own (named [`WORKER_THREAD`])
//! under `catch_unwind`; the batch waits for its result at most the time
//! limit. A panic becomes [`Failure::Panicked`] with the panic's message. On
//! timeout the thread is abandoned: Rust cannot stop a thread from outside,
//! so it runs on until its work ends (or the process exits) and its result is
//! dropped unread. The work only computes; the caller writes files, so an
//! abandoned thread can never write into the output after its input has been
//! reported failed. The cost: an input that never ends keeps one core busy
//! until the batch exits.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Once, mpsc};
use std::thread;
use std::time::Duration;

/// The name of the threads that run inputs' work.
pub const WORKER_THREAD: &str = "piano-worker";

/// Stack size of worker threads: deeply nested PDFs need more than the default.
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

/// Runs `work` on its own thread and waits at most `limit` for its result.
pub fn run_isolated<T, F>(limit: Duration, work: F) -> Result<T, Failure>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    silence_worker_panics();
    let (sender, receiver) = mpsc::sync_channel(1);
    thread::Builder::new()
        .name(WORKER_THREAD.to_owned())
        .stack_size(WORKER_STACK)
        .spawn(move || {
            let outcome = panic::catch_unwind(AssertUnwindSafe(work));
            // After a timeout nobody listens any more: the result is dropped.
            drop(sender.send(outcome));
        })
        .map_err(|error| Failure::Spawn(error.to_string()))?;
    match receiver.recv_timeout(limit) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(payload)) => Err(Failure::Panicked(panic_message(payload.as_ref()))),
        Err(mpsc::RecvTimeoutError::Timeout) => Err(Failure::TimedOut(limit)),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(Failure::Panicked(
            "the worker ended without a result".to_owned(),
        )),
    }
}

/// Keeps panics of worker threads off standard error (their message goes into
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
    fn returns_the_result_of_work_that_ends_in_time() {
        assert_eq!(run_isolated(LONG, || 6 * 7), Ok(42));
    }

    #[test]
    fn a_panic_becomes_a_failure_with_its_message() {
        let outcome: Result<(), Failure> = run_isolated(LONG, || panic!("row {} is odd", 3));
        assert_eq!(outcome, Err(Failure::Panicked("row 3 is odd".to_owned())));
    }

    #[test]
    fn work_past_the_limit_is_abandoned() {
        let (release, wait) = mpsc::channel::<()>();
        let limit = Duration::from_millis(20);
        let outcome = run_isolated(limit, move || wait.recv().is_ok());
        assert_eq!(outcome, Err(Failure::TimedOut(limit)));
        drop(release);
    }
}
