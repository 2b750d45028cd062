//! `batch`: a whole archive into one folder, by piano-run's batch, the run
//! `piano batch` makes.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use piano_export::{License, Publication};
use piano_run::batch::assemble::Aggregates;
use piano_run::batch::discover::discover;
use piano_run::batch::journal::{self, REPORT};
use piano_run::batch::report::Settings;
use piano_run::batch::{Config, run};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::errors::{PianoError, failure, piano_error};
use crate::read::{json_value, ocr_settings};
use crate::wait::{limit, off_the_gil};

/// The outputs a batch can write, as `piano batch --format` names them.
const FORMATS: [&str; 4] = ["json", "csv", "ndjson", "parquet"];

/// Reads every plan of `inputs` (files, and folders searched for PDFs, text
/// dumps and scans) into the folder `out`, as `piano batch` does, and
/// returns its report (`report.json`: the settings, the totals, one entry
/// per input).
///
/// `jobs` is the number of worker threads (all cores by default); `resume`
/// skips inputs an earlier run finished; `formats` are the outputs to write:
/// `"json"` (`plans/<plan_id>.json`), `"csv"` (the tables and
/// `datapackage.json`), `"ndjson"` (`plans.ndjson`), `"parquet"` (the
/// tables as Parquet files). `license` (an SPDX id or a URL, CC BY 4.0 by
/// default) goes into `datapackage.json` and `catalog.jsonld`. An input that fails
/// (past `timeout` seconds, or unreadable) fails alone and is listed in the
/// report; a batch that cannot write its folder raises `PianoError`.
#[pyfunction]
#[pyo3(signature = (inputs, out, *, jobs=None, resume=false, formats=vec!["json".to_owned(), "csv".to_owned(), "ndjson".to_owned()], license=None, include_staff=false, profiles=Vec::new(), ocr="auto", ocr_lang="ita", timeout=60.0, fail_fast=false))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments
pub fn batch(
    py: Python<'_>,
    inputs: Vec<PathBuf>,
    out: PathBuf,
    jobs: Option<usize>,
    resume: bool,
    formats: Vec<String>,
    license: Option<String>,
    include_staff: bool,
    profiles: Vec<PathBuf>,
    ocr: &str,
    ocr_lang: &str,
    timeout: f64,
    fail_fast: bool,
) -> PyResult<Py<PyAny>> {
    if let Some(unknown) = formats
        .iter()
        .find(|format| !FORMATS.contains(&format.as_str()))
    {
        return Err(PyValueError::new_err(format!(
            "formats: {unknown:?} is none of {FORMATS:?}"
        )));
    }
    if jobs == Some(0) {
        return Err(PyValueError::new_err(
            "jobs=0: give at least one worker, or None for all cores",
        ));
    }
    let settings = Settings { include_staff };
    check_resume(&out, settings, resume)?;
    let files = discover(&inputs, std::io::empty())
        .map_err(|error| PianoError::new_err(error.to_string()))?;
    let profiles =
        piano_run::input::load_profiles(&profiles).map_err(|error| piano_error(&error))?;
    let license = match license {
        Some(license) => license
            .parse()
            .map_err(|error| PyValueError::new_err(format!("license: {error}")))?,
        None => License::default(),
    };
    let wants = |format: &str| formats.iter().any(|wanted| wanted == format);
    let config = Config {
        files,
        profiles: Arc::new(profiles),
        ocr: ocr_settings(ocr, ocr_lang)?,
        out: out.clone(),
        jobs,
        json: wants("json"),
        aggregates: Aggregates {
            csv: wants("csv"),
            ndjson: wants("ndjson"),
            parquet: wants("parquet"),
        },
        publication: Publication {
            license,
            ..Publication::default()
        },
        settings,
        resume,
        fail_fast,
        limit: limit(Some(timeout))?.unwrap_or(Duration::MAX),
        quiet: true,
    };
    let shown = out.display().to_string();
    match off_the_gil(py, None, move || run(&config))? {
        Ok(Ok(_)) => {}
        Ok(Err(error)) => return Err(piano_error(&error)),
        Err(stopped) => return Err(failure(&shown, &stopped)),
    }
    let report = out.join(REPORT);
    let json = std::fs::read(&report)
        .map_err(|error| PianoError::new_err(format!("{}: {error}", report.display())))?;
    json_value(py, &json)
}

/// Refuses to resume a folder written with other settings, as `piano
/// batch --resume` does.
fn check_resume(out: &std::path::Path, settings: Settings, resume: bool) -> PyResult<()> {
    match journal::previous_settings(out) {
        Some(previous) if resume && previous != settings => Err(PyValueError::new_err(format!(
            "{} was written with include_staff={}: resume with the same setting, or run again with resume=False",
            out.display(),
            if previous.include_staff {
                "True"
            } else {
                "False"
            },
        ))),
        _ => Ok(()),
    }
}
