//! Python bindings of piano: the native module `piano._piano`, which the
//! `piano` package (`python/piano`) re-exports with the DataFrame side of
//! `tables()`.
//!
//! Every call reads on a thread of its own with the GIL released
//! (`wait.rs`), so Python threads read in parallel, Ctrl-C interrupts a long
//! call, a time limit holds, and a panic comes back as an exception instead
//! of crossing into Python. The reading itself is piano-run's, the same
//! code the `piano` command runs.

mod batch;
mod errors;
mod read;
mod tables;
mod wait;

use pyo3::prelude::*;

/// The native half of the `piano` package.
#[pymodule]
fn _piano(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("PianoError", py.get_type::<errors::PianoError>())?;
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_function(wrap_pyfunction!(read::extract, module)?)?;
    module.add_function(wrap_pyfunction!(read::check, module)?)?;
    module.add_function(wrap_pyfunction!(tables::csv_tables, module)?)?;
    module.add_function(wrap_pyfunction!(batch::batch, module)?)?;
    Ok(())
}
