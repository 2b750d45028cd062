//! The batch's account of itself: `report.json` (one [`Entry`] per input,
//! sorted by path, with the settings and totals) and `timings.json`.
//!
//! `report.json` is a pure function of the inputs and settings, so two runs
//! over the same inputs write the same bytes; everything that varies between
//! runs (seconds, wall time) goes to `timings.json`.

use piano_model::{Level, Plan, Quality, Verdict};
use serde::{Deserialize, Serialize};

/// The `schema` of `report.json`.
pub const REPORT_SCHEMA: &str = "piano.batch-report/1";

/// The whole of `report.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Always [`REPORT_SCHEMA`].
    pub schema: String,
    /// The settings the plans were written with.
    pub settings: Settings,
    /// Sums over the inputs.
    pub totals: Totals,
    /// One entry per input, sorted by path.
    pub inputs: Vec<Entry>,
}

/// Settings that change what the output files hold; a resumed run must use the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// Whether staff names (personal data) are kept.
    pub include_staff: bool,
}

/// Sums over the inputs of a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    /// Inputs listed.
    pub inputs: usize,
    /// Inputs read with no warning.
    pub ok: usize,
    /// Inputs read with warnings.
    pub warnings: usize,
    /// Inputs that failed.
    pub failed: usize,
    /// Inputs that repeat an earlier one.
    pub duplicates: usize,
    /// Plans written (failed inputs that still gave a plan included).
    pub plans: usize,
    /// Structures over all plans.
    pub structures: usize,
    /// Objectives over all plans.
    pub objectives: usize,
    /// Phases over all plans.
    pub phases: usize,
    /// Inputs by the quality verdict of their plan.
    pub quality: VerdictCounts,
}

/// How many inputs have each quality verdict. An input that gave no plan
/// at all (refused, panicked, timed out) counts as unreadable; duplicates
/// are not counted again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerdictCounts {
    /// Plans a person would find nothing to correct in.
    pub good: usize,
    /// Plans usable but with values missing or uncertain.
    pub review: usize,
    /// Plans of no use, and inputs that gave no plan.
    pub unreadable: usize,
}

impl VerdictCounts {
    /// Counts one more input of `verdict`.
    fn add(&mut self, verdict: Verdict) {
        match verdict {
            Verdict::Good => self.good += 1,
            Verdict::Review => self.review += 1,
            Verdict::Unreadable => self.unreadable += 1,
        }
    }
}

impl Totals {
    /// The totals of `entries`.
    pub fn of(entries: &[Entry]) -> Totals {
        let mut totals = Totals {
            inputs: entries.len(),
            ..Totals::default()
        };
        for entry in entries {
            match entry.status {
                Status::Ok => totals.ok += 1,
                Status::Warnings => totals.warnings += 1,
                Status::Failed => totals.failed += 1,
                Status::Duplicate => totals.duplicates += 1,
            }
            match &entry.quality {
                Some(quality) => totals.quality.add(quality.verdict),
                None if entry.status == Status::Failed => totals.quality.add(Verdict::Unreadable),
                None => {}
            }
            if let (true, Some(counts)) = (entry.has_plan(), entry.counts) {
                totals.plans += 1;
                totals.structures += counts.structures;
                totals.objectives += counts.objectives;
                totals.phases += counts.phases;
            }
        }
        totals
    }
}

/// The whole of `timings.json`: the one output that differs between runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timings {
    /// Wall time of the run that wrote the file, in seconds.
    pub wall_seconds: f64,
    /// Seconds per input, sorted by path; `null` for duplicates.
    pub inputs: Vec<Timing>,
}

/// The time one input took.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    /// The input's path.
    pub path: String,
    /// Seconds from reading it to its result being saved (by the run that read it).
    pub seconds: Option<f64>,
}

/// What became of one input.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The input's path, as named or found.
    pub path: String,
    /// SHA-256 of its bytes; `null` when it could not be read.
    pub sha256: Option<String>,
    /// The plan it gave (for a duplicate: the plan of the input it repeats).
    pub plan_id: Option<String>,
    /// The outcome.
    pub status: Status,
    /// For a duplicate: the path of the first input with the same bytes.
    pub duplicate_of: Option<String>,
    /// What the plan holds; `null` when no plan was read (and for duplicates).
    pub counts: Option<Counts>,
    /// How well the plan was read (as the plan's own `quality`); `null` when
    /// no plan was read (and for duplicates). Journals written before it
    /// read as `null`.
    #[serde(default)]
    pub quality: Option<Quality>,
    /// Why the input failed: the read error, the panic, the timeout, or the
    /// first error-level diagnostic.
    pub error: Option<String>,
}

/// The outcome of one input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Read with no warning.
    Ok,
    /// Read, with warnings worth a look.
    Warnings,
    /// Not read as a plan: unreadable, refused, panicked, timed out, or with errors.
    Failed,
    /// The same bytes as an earlier input (by path order): not read again.
    Duplicate,
}

/// What a plan holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Structures.
    pub structures: usize,
    /// Objectives.
    pub objectives: usize,
    /// Phases.
    pub phases: usize,
    /// Error-level diagnostics.
    pub errors: usize,
    /// Warning-level diagnostics.
    pub warnings: usize,
}

impl Entry {
    /// The entry of an input that gave `plan`: failed when the plan has errors.
    pub fn of_plan(path: String, plan: &Plan) -> Entry {
        let counts = Counts::of(plan);
        let first_error = plan
            .diagnostics
            .iter()
            .find(|d| d.level == Level::Error)
            .map(|d| d.message.clone());
        let status = match (first_error.is_some(), counts.warnings) {
            (true, _) => Status::Failed,
            (false, 0) => Status::Ok,
            (false, _) => Status::Warnings,
        };
        Entry {
            path,
            sha256: Some(plan.source.sha256.clone()),
            plan_id: Some(plan.plan_id.clone()),
            status,
            duplicate_of: None,
            counts: Some(counts),
            quality: Some(plan.quality.clone()),
            error: first_error,
        }
    }

    /// The entry of an input that gave no plan.
    pub fn failed(path: String, sha256: Option<String>, error: String) -> Entry {
        Entry {
            path,
            sha256,
            plan_id: None,
            status: Status::Failed,
            duplicate_of: None,
            counts: None,
            quality: None,
            error: Some(error),
        }
    }

    /// The entry of an input with the same bytes as `original`'s.
    pub fn duplicate(path: String, original: &Entry) -> Entry {
        Entry {
            path,
            sha256: original.sha256.clone(),
            plan_id: original.plan_id.clone(),
            status: Status::Duplicate,
            duplicate_of: Some(original.path.clone()),
            counts: None,
            quality: None,
            error: None,
        }
    }

    /// Whether a plan file was written for this entry (not for duplicates).
    pub fn has_plan(&self) -> bool {
        self.status != Status::Duplicate && self.plan_id.is_some() && self.counts.is_some()
    }
}

impl Counts {
    /// The counts of `plan`.
    pub fn of(plan: &Plan) -> Counts {
        let objectives = plan.structures.iter().flat_map(|s| &s.objectives);
        let level = |level: Level| plan.diagnostics.iter().filter(|d| d.level == level).count();
        Counts {
            structures: plan.structures.len(),
            objectives: objectives.clone().count(),
            phases: objectives.map(|o| o.phases.len()).sum(),
            errors: level(Level::Error),
            warnings: level(Level::Warning),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::{Code, Diagnostic, Source, SourceFormat};

    fn plan() -> Plan {
        Plan::new(Source::from_bytes("p.txt", b"x", SourceFormat::Text))
    }

    #[test]
    fn the_status_follows_the_worst_diagnostic() {
        assert_eq!(Entry::of_plan("p".into(), &plan()).status, Status::Ok);
        let mut warned = plan();
        warned
            .diagnostics
            .push(Diagnostic::new(Code::WeightSum, "91%"));
        assert_eq!(Entry::of_plan("p".into(), &warned).status, Status::Warnings);
        let mut failed = warned.clone();
        failed
            .diagnostics
            .push(Diagnostic::new(Code::NoPlanFound, "no table"));
        let entry = Entry::of_plan("p".into(), &failed);
        assert_eq!(entry.status, Status::Failed);
        assert_eq!(entry.error.as_deref(), Some("no table"));
        assert!(entry.has_plan());
    }

    #[test]
    fn totals_count_inputs_by_verdict() {
        let mut good = plan();
        good.quality.verdict = Verdict::Good;
        let entries = [
            Entry::of_plan("a".into(), &good),
            Entry::of_plan("b".into(), &plan()),
            Entry::failed("c".into(), None, "empty".into()),
        ];
        let duplicate = Entry::duplicate("d".into(), &entries[0]);
        let mut all = entries.to_vec();
        all.push(duplicate);
        let totals = Totals::of(&all);
        assert_eq!(
            totals.quality,
            VerdictCounts {
                good: 1,
                review: 0,
                unreadable: 2
            }
        );
        assert_eq!(
            all[0].quality.as_ref().map(|q| q.verdict),
            Some(Verdict::Good)
        );
    }
}
