//! Running a call's work off the GIL: on a thread of its own (piano-run's
//! [`isolate::start`]), while the calling thread waits in short slices with
//! the GIL released and checks for signals between them, so that other
//! Python threads run, Ctrl-C raises `KeyboardInterrupt` within a slice,
//! and a time limit is kept.
//!
//! Work given up (interrupted or past its limit) is abandoned, not stopped:
//! Rust cannot stop a thread from outside, so it runs on until it ends and
//! finds nobody waiting. The work only computes, or (for a batch) writes
//! files atomically, so an abandoned piece leaves nothing half written.

use std::sync::mpsc::RecvTimeoutError;
use std::time::{Duration, Instant};

use piano_run::batch::isolate::{self, Failure};
use pyo3::prelude::*;

/// How long the caller waits between two checks for signals.
const SLICE: Duration = Duration::from_millis(50);

/// Runs `work` on its own thread and returns its outcome: its value, or the
/// [`Failure`] that stopped it (a panic, or `limit` passed). Raises the
/// exception of a signal handler (`KeyboardInterrupt` for Ctrl-C).
pub fn off_the_gil<T, F>(
    py: Python<'_>,
    limit: Option<Duration>,
    work: F,
) -> PyResult<Result<T, Failure>>
where
    T: Send + 'static,
    F: FnOnce() -> T + Send + 'static,
{
    let mut outcome = match isolate::start(work) {
        Ok(outcome) => outcome,
        Err(failure) => return Ok(Err(failure)),
    };
    let deadline = limit.and_then(|limit| Instant::now().checked_add(limit));
    loop {
        let slice = deadline.map_or(SLICE, |deadline| {
            SLICE.min(deadline.saturating_duration_since(Instant::now()))
        });
        // The receiver goes to the GIL-free side and back: it is not `Sync`.
        let (received, receiver) = py.detach(move || (outcome.recv_timeout(slice), outcome));
        outcome = receiver;
        match received {
            Ok(result) => return Ok(result),
            Err(RecvTimeoutError::Disconnected) => {
                let ended = "the worker ended without a result".to_owned();
                return Ok(Err(Failure::Panicked(ended)));
            }
            Err(RecvTimeoutError::Timeout) => {
                py.check_signals()?;
                if let (Some(deadline), Some(limit)) = (deadline, limit) {
                    if Instant::now() >= deadline {
                        return Ok(Err(Failure::TimedOut(limit)));
                    }
                }
            }
        }
    }
}

/// A time limit in seconds as Python gives it: `None` for none, else a
/// positive, finite number.
pub fn limit(seconds: Option<f64>) -> PyResult<Option<Duration>> {
    match seconds {
        None => Ok(None),
        Some(seconds) if seconds.is_finite() && seconds > 0.0 => {
            Ok(Duration::try_from_secs_f64(seconds).ok())
        }
        Some(seconds) => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "timeout={seconds}: give a positive number of seconds, or None for no limit"
        ))),
    }
}
