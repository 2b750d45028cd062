//! The exceptions piano raises, and how failures of Rust become them.

use piano_run::batch::isolate::Failure;
use pyo3::create_exception;
use pyo3::exceptions::{PyTimeoutError, PyValueError};
use pyo3::prelude::*;

create_exception!(
    piano,
    PianoError,
    PyValueError,
    "Input piano cannot read at all (not a PDF, an image or a text; damaged; \
     protected by a password), with the message the `piano` command prints."
);

/// A [`PianoError`] carrying `error` as the command line prints it (its
/// chain of causes joined by `: `, the input's name first).
pub fn piano_error(error: &anyhow::Error) -> PyErr {
    PianoError::new_err(format!("{error:#}"))
}

/// The exception for work on the input `name` that gave no result: a
/// `TimeoutError` past the time limit, a [`PianoError`] otherwise (a panic,
/// with its message, or no thread to run on).
pub fn failure(name: &str, failure: &Failure) -> PyErr {
    let message = format!("{name}: {failure}");
    match failure {
        Failure::TimedOut(_) => PyTimeoutError::new_err(message),
        Failure::Panicked(_) | Failure::Spawn(_) => PianoError::new_err(message),
    }
}
