//! `extract` and `check`: one input, a path or bytes, read into a plan as
//! `piano extract` and `piano check` read it.

use std::borrow::Cow;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::Context;
use piano_export::ExportOptions;
use piano_model::Plan;
use piano_parse::Vocabulary;
use piano_run::input::{display_name, load_plan, load_profiles, parse_bytes_with};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::{failure, piano_error};
use crate::wait::{limit, off_the_gil};

/// The name a plan read from bytes records when the caller gives none: the
/// name `piano extract -` gives standard input.
const UNNAMED: &str = piano_run::input::STDIN;

/// What to read: a file, or bytes already read (by Spark, say).
#[derive(FromPyObject)]
pub enum Source<'py> {
    /// The bytes of a plan.
    Bytes(Bound<'py, PyBytes>),
    /// The path of a plan (`str` or `os.PathLike`).
    Path(PathBuf),
}

/// How to read: what every reading call takes besides its input.
struct ReadOptions {
    profiles: Cow<'static, [Vocabulary]>,
    ocr: piano_ocr::Settings,
    limit: Option<Duration>,
}

impl ReadOptions {
    /// The settings the arguments ask for; the profiles' files are read now.
    fn new(
        profiles: &[PathBuf],
        ocr: &str,
        ocr_lang: &str,
        timeout: Option<f64>,
    ) -> PyResult<ReadOptions> {
        let profiles = match profiles {
            [] => Cow::Borrowed(Vocabulary::bundled()),
            files => Cow::Owned(load_profiles(files).map_err(|error| piano_error(&error))?),
        };
        Ok(ReadOptions {
            profiles,
            ocr: ocr_settings(ocr, ocr_lang)?,
            limit: limit(timeout)?,
        })
    }

    /// Reads `source` (named `name` when it is bytes) into a plan, off the GIL.
    fn plan(self, py: Python<'_>, source: Source<'_>, name: Option<String>) -> PyResult<Plan> {
        let (shown, work): (String, Box<dyn FnOnce() -> anyhow::Result<Plan> + Send>) = match source
        {
            Source::Path(path) => {
                let shown = display_name(&path);
                let work = move || load_plan(&path, &self.profiles, &self.ocr);
                (shown, Box::new(work))
            }
            Source::Bytes(bytes) => {
                let name = name.unwrap_or_else(|| UNNAMED.to_owned());
                let bytes = bytes.as_bytes().to_vec();
                let shown = name.clone();
                let work = move || {
                    parse_bytes_with(&name, &bytes, &self.profiles, &self.ocr)
                        .with_context(|| name.clone())
                };
                (shown, Box::new(work))
            }
        };
        match off_the_gil(py, self.limit, work)? {
            Ok(Ok(plan)) => Ok(plan),
            Ok(Err(error)) => Err(piano_error(&error)),
            Err(stopped) => Err(failure(&shown, &stopped)),
        }
    }
}

/// Reads one plan into the dict `piano extract` writes as JSON, value for
/// value: a PDF, a text dump or a scan (PNG, JPEG, TIFF), given as a path
/// (`str` or `os.PathLike`) or as `bytes` (then `name` is the file name the
/// plan records, so that bytes read elsewhere give the plan of the path).
///
/// A plan read too poorly to use is returned all the same, its
/// `quality.verdict` `"unreadable"`. Input piano cannot read at all raises
/// `PianoError`; `timeout` seconds passed, `TimeoutError`.
///
/// `include_staff` keeps staff names (personal data); `profiles` are layout
/// profile files (TOML) to read with besides the bundled ones; `ocr` is how
/// scans are recognised (`"auto"`: an image is read by OCR) and `ocr_lang`
/// tesseract's languages (`"ita"`, `"ita+eng"`).
#[pyfunction]
#[pyo3(signature = (source, *, name=None, include_staff=false, profiles=Vec::new(), ocr="auto", ocr_lang="ita", timeout=None))]
#[allow(clippy::too_many_arguments)] // Python's keyword arguments
pub fn extract(
    py: Python<'_>,
    source: Source<'_>,
    name: Option<String>,
    include_staff: bool,
    profiles: Vec<PathBuf>,
    ocr: &str,
    ocr_lang: &str,
    timeout: Option<f64>,
) -> PyResult<Py<PyAny>> {
    let plan = ReadOptions::new(&profiles, ocr, ocr_lang, timeout)?.plan(py, source, name)?;
    let mut json = Vec::new();
    piano_export::write_json(&plan, ExportOptions { include_staff }, &mut json)
        .map_err(|error| piano_error(&error.into()))?;
    json_value(py, &json)
}

/// Reads one plan, as `extract()` does, and returns its diagnostics: the
/// `diagnostics` of `extract`'s dict, one dict per thing noticed (`level`,
/// `code`, `message`, and where).
#[pyfunction]
#[pyo3(signature = (source, *, name=None, profiles=Vec::new(), ocr="auto", ocr_lang="ita", timeout=None))]
pub fn check(
    py: Python<'_>,
    source: Source<'_>,
    name: Option<String>,
    profiles: Vec<PathBuf>,
    ocr: &str,
    ocr_lang: &str,
    timeout: Option<f64>,
) -> PyResult<Py<PyAny>> {
    let plan = ReadOptions::new(&profiles, ocr, ocr_lang, timeout)?.plan(py, source, name)?;
    let json = serde_json::to_vec(&plan.diagnostics).map_err(|error| piano_error(&error.into()))?;
    json_value(py, &json)
}

/// The Python value of the JSON document `json`, by the standard `json`
/// module, so that numbers, strings and nulls come out as `json.loads`
/// gives them for the command's output.
pub fn json_value(py: Python<'_>, json: &[u8]) -> PyResult<Py<PyAny>> {
    let loads = py.import("json")?.getattr("loads")?;
    Ok(loads.call1((PyBytes::new(py, json),))?.unbind())
}

/// The OCR settings of the `ocr` mode and `ocr_lang` languages, as the
/// command's `--ocr` and `--ocr-lang` give them: `"auto"` recognises scans
/// (image files, a PDF's pages that are pictures), `"always"` every page
/// drawn with a picture, `"never"` none.
pub fn ocr_settings(mode: &str, languages: &str) -> PyResult<piano_ocr::Settings> {
    let mode = match mode {
        "auto" => piano_ocr::Mode::Auto,
        "always" => piano_ocr::Mode::Always,
        "never" => piano_ocr::Mode::Never,
        other => {
            return Err(PyValueError::new_err(format!(
                "ocr={other:?}: give \"auto\", \"always\" or \"never\""
            )));
        }
    };
    Ok(piano_ocr::Settings {
        languages: languages.to_owned(),
        mode,
        ..piano_ocr::Settings::default()
    })
}
