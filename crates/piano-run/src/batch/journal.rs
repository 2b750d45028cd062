//! Persisting results as they finish, so a killed batch loses nothing done.
//!
//! Each input's result is saved, atomically, the moment it is known: an input
//! that gave a plan has it written to `plans/<plan_id>.json`, and that file
//! is its record (the plan names its file and digest, and the report entry
//! is computed from it); an input that gave no plan gets a [`Record`] in the
//! journal folder `DIR/.journal/` (one small file per input). The aggregate
//! files are rebuilt from these at the end; then the journal is removed.
//!
//! "In the report", for `--resume`, means: a saved plan with the input's
//! bytes (SHA-256) and file name, or a record of its failure with the same
//! bytes, in the journal of the interrupted run or in the `report.json` of
//! an earlier complete run. A kill before `report.json` was written leaves
//! the plans and the journal; a kill after it leaves a complete report;
//! either way nothing done is read again. Per-plan files are not fsynced
//! (a kill does not need it, and thousands of fsyncs cost a third of the
//! run): a plan file that a power cut left empty fails validation and its
//! input is read again.

use std::collections::HashMap;
use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use anyhow::Context;
use piano_model::{Plan, Source, SourceFormat};
use serde::{Deserialize, Serialize};

use crate::batch::report::{Entry, Report, Settings, Timings};
use crate::output::{write_file, write_file_unsynced};

/// The journal folder inside the output folder.
pub const JOURNAL: &str = ".journal";
/// The per-plan JSON folder inside the output folder.
pub const PLANS: &str = "plans";
/// The report file.
pub const REPORT: &str = "report.json";
/// The timings file.
pub const TIMINGS: &str = "timings.json";
/// The settings file inside the journal.
const SETTINGS: &str = "settings.json";
/// Prefix and suffix of the temporary files `output` writes before renaming.
const TEMP_PREFIX: &str = ".piano-";
const TEMP_SUFFIX: &str = ".tmp";

/// What is saved about one input: its report entry and how long it took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The report entry.
    pub entry: Entry,
    /// Seconds it took, when known.
    pub seconds: Option<f64>,
}

/// The journal of the current run.
pub struct Journal {
    folder: PathBuf,
}

impl Journal {
    /// Opens the journal in `out`. Without `resume`, an old journal is
    /// discarded first. The settings are written down for a later resume.
    pub fn open(out: &Path, settings: Settings, resume: bool) -> anyhow::Result<Journal> {
        let folder = out.join(JOURNAL);
        if !resume && folder.exists() {
            fs::remove_dir_all(&folder)
                .with_context(|| format!("{}: cannot remove", folder.display()))?;
        }
        fs::create_dir_all(&folder)
            .with_context(|| format!("{}: cannot create", folder.display()))?;
        write_file(&folder.join(SETTINGS), |writer| {
            Ok(serde_json::to_writer(writer, &settings)?)
        })?;
        Ok(Journal { folder })
    }

    /// Saves `record` atomically.
    pub fn save(&self, record: &Record) -> anyhow::Result<()> {
        let path = self.folder.join(record_name(&record.entry.path));
        write_file_unsynced(&path, |writer| Ok(serde_json::to_writer(writer, record)?))
    }

    /// Every record saved so far (in this run or the interrupted one).
    pub fn records(&self) -> Vec<Record> {
        let Ok(listing) = fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        listing
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.file_name().is_some_and(|n| n != SETTINGS))
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .filter_map(|path| read_json::<Record>(&path).ok())
            .collect()
    }

    /// Removes the journal once the report is written.
    pub fn close(self) -> anyhow::Result<()> {
        fs::remove_dir_all(&self.folder)
            .with_context(|| format!("{}: cannot remove", self.folder.display()))
    }
}

/// The settings an earlier run of `out` used, from its journal or report.
pub fn previous_settings(out: &Path) -> Option<Settings> {
    read_json::<Settings>(&out.join(JOURNAL).join(SETTINGS))
        .ok()
        .or_else(|| {
            read_json::<Report>(&out.join(REPORT))
                .ok()
                .map(|r| r.settings)
        })
}

/// What earlier runs of `out` finished, by input path: the complete report's
/// entries (with their timings), overridden by the journal's records.
pub fn finished_before(out: &Path, journal: &Journal) -> HashMap<String, Record> {
    let mut finished = HashMap::new();
    if let Ok(report) = read_json::<Report>(&out.join(REPORT)) {
        let seconds: HashMap<String, Option<f64>> = read_json::<Timings>(&out.join(TIMINGS))
            .map(|t| t.inputs.into_iter().map(|t| (t.path, t.seconds)).collect())
            .unwrap_or_default();
        for entry in report.inputs {
            let seconds = seconds.get(&entry.path).copied().flatten();
            finished.insert(entry.path.clone(), Record { entry, seconds });
        }
    }
    for record in journal.records() {
        finished.insert(record.entry.path.clone(), record);
    }
    finished
}

/// The file holding plan `plan_id` in `plans`.
pub fn plan_path(plans: &Path, plan_id: &str) -> PathBuf {
    plans.join(format!("{plan_id}.json"))
}

/// Writes the pretty JSON of plan `plan_id` (`document`, from
/// [`piano_export::Documents`]) into `plans`, atomically.
pub fn save_plan(plans: &Path, plan_id: &str, document: &[u8]) -> anyhow::Result<()> {
    write_file_unsynced(&plan_path(plans, plan_id), |writer| {
        Ok(writer.write_all(document)?)
    })
}

/// Reads back a plan saved by [`save_plan`].
pub fn load_plan(plans: &Path, plan_id: &str) -> anyhow::Result<Plan> {
    read_json(&plan_path(plans, plan_id))
}

/// The plan an earlier run saved for the input named `name` with digest
/// `sha`, if it is there, whole, and of those very bytes and that name.
pub fn saved_plan(plans: &Path, name: &str, sha: &str) -> Option<Plan> {
    let plan = load_plan(plans, sha.get(..12)?).ok()?;
    let file = Path::new(name).file_name()?.to_string_lossy();
    (plan.source.sha256 == sha && plan.source.file == file).then_some(plan)
}

/// Removes what a killed run may leave half-written: the temporary files
/// of atomic writes, in `out` and the folders the batch writes into.
pub fn remove_debris(out: &Path) {
    for folder in [out.to_path_buf(), out.join(PLANS), out.join(JOURNAL)] {
        let Ok(listing) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in listing.filter_map(Result::ok) {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with(TEMP_PREFIX) && name.ends_with(TEMP_SUFFIX) {
                // Best effort: a leftover that cannot be removed is harmless.
                drop(fs::remove_file(entry.path()));
            }
        }
    }
}

/// Removes plan files in `plans` that no entry refers to (left by earlier
/// runs over other inputs).
pub fn remove_stale_plans(plans: &Path, entries: &[Entry]) -> anyhow::Result<()> {
    let Ok(listing) = fs::read_dir(plans) else {
        return Ok(());
    };
    let wanted: std::collections::HashSet<String> = entries
        .iter()
        .filter(|e| e.has_plan())
        .filter_map(|e| e.plan_id.as_ref().map(|id| format!("{id}.json")))
        .collect();
    for entry in listing.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if is_plan_file_name(&name) && !wanted.contains(&name) {
            fs::remove_file(entry.path())
                .with_context(|| format!("{}: cannot remove", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Whether `name` is `<12 hex digits>.json`.
fn is_plan_file_name(name: &str) -> bool {
    name.strip_suffix(".json")
        .is_some_and(|id| id.len() == 12 && id.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The journal file name of the input at `path`: a digest of the path, so
/// any path maps to a safe, fixed-length name.
fn record_name(path: &str) -> String {
    let digest = Source::from_bytes("", path.as_bytes(), SourceFormat::Text).sha256;
    format!("{}.json", &digest[..24])
}

/// Writes `value` as pretty JSON with a final newline, atomically.
pub fn write_pretty<T: Serialize>(path: &Path, value: &T) -> anyhow::Result<()> {
    write_file(path, |writer| {
        serde_json::to_writer_pretty(&mut *writer, value)?;
        Ok(writer.write_all(b"\n")?)
    })
}

fn read_json<T: for<'de> Deserialize<'de>>(path: &Path) -> anyhow::Result<T> {
    let file = fs::File::open(path).with_context(|| path.display().to_string())?;
    serde_json::from_reader(BufReader::new(file)).with_context(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::report::Status;

    fn record(path: &str) -> Record {
        Record {
            entry: Entry::failed(path.to_owned(), None, "empty".to_owned()),
            seconds: Some(0.5),
        }
    }

    #[test]
    fn records_survive_until_a_fresh_run_discards_them() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let settings = Settings {
            include_staff: false,
        };
        let journal = Journal::open(dir.path(), settings, false).expect("journal opens");
        journal.save(&record("a/1.txt")).expect("record saved");
        journal.save(&record("a/2.txt")).expect("record saved");
        let resumed = Journal::open(dir.path(), settings, true).expect("journal reopens");
        let finished = finished_before(dir.path(), &resumed);
        assert_eq!(finished.len(), 2);
        assert_eq!(finished["a/1.txt"].entry.status, Status::Failed);
        assert_eq!(previous_settings(dir.path()), Some(settings));
        let fresh = Journal::open(dir.path(), settings, false).expect("journal reopens");
        assert!(fresh.records().is_empty());
    }

    #[test]
    fn recognises_plan_file_names_only() {
        assert!(is_plan_file_name("0123456789ab.json"));
        assert!(!is_plan_file_name("report.json"));
        assert!(!is_plan_file_name("0123456789ab.json.tmp"));
    }
}
