//! The inputs piano does not yet read to [`MIN_F1`], listed in a
//! `SHORTFALLS.tsv` (`dump`, `f1`, `why`) beside them, each with the F1 it
//! reached when listed: such an input must not fall below it, and one that
//! reaches [`MIN_F1`] fails its test until its line is removed, so the list
//! only shrinks. `PIANO_BLESS=1` writes the list anew from a run (after a
//! change that reads inputs better, so that the floors rise with it).
//! Shared by the space-aligned dumps ([`crate::aligned`]) and the layout
//! space's sample ([`crate::layouts`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};

/// The least field F1 an input must reach, unless listed.
pub(crate) const MIN_F1: f64 = 0.99;

/// How far below its listed F1 a shortfall may score (rounding).
const SLACK: f64 = 0.0005;

/// The header of every list.
const HEADER: &str = "dump\tf1\twhy";

/// Tests sharing one list write it one at a time.
static WRITING: Mutex<()> = Mutex::new(());

/// A list of shortfalls, as read.
pub(crate) struct Shortfalls {
    /// The list's file.
    path: PathBuf,
    /// Each listed input's F1.
    listed: BTreeMap<String, f64>,
}

/// How an input's F1 stands against the list.
pub(crate) enum Judged {
    /// Not listed, and reaching [`MIN_F1`].
    Reaches,
    /// Listed, and not below its listed F1.
    Holds,
    /// Listed, but reaching [`MIN_F1`] now: its line must go.
    Stale,
    /// Below [`MIN_F1`] and not listed, or below its listed F1.
    Below,
}

impl Shortfalls {
    /// Reads the list at `path` (which must exist, its header at least).
    pub(crate) fn read(path: PathBuf) -> Shortfalls {
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut lines = text.lines();
        assert_eq!(lines.next(), Some(HEADER), "{}: the header", path.display());
        let listed = lines
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let fields: Vec<&str> = line.split('\t').collect();
                let f1 = fields
                    .get(1)
                    .and_then(|f| f.parse::<f64>().ok())
                    .unwrap_or_else(|| panic!("{}: no F1 in {line:?}", path.display()));
                (fields[0].to_string(), f1)
            })
            .collect();
        Shortfalls { path, listed }
    }

    /// How `dump`, read at `f1`, stands.
    pub(crate) fn judge(&self, dump: &str, f1: f64) -> Judged {
        match self.listed.get(dump) {
            Some(_) if f1 >= MIN_F1 => Judged::Stale,
            Some(&listed) if f1 + SLACK >= listed => Judged::Holds,
            None if f1 >= MIN_F1 => Judged::Reaches,
            _ => Judged::Below,
        }
    }

    /// Writes the list anew for the inputs of `run` (one test's; the lines
    /// of others are kept): `short` holds each below [`MIN_F1`] with its F1
    /// and why.
    pub(crate) fn bless(&self, run: &BTreeSet<&str>, short: &[(String, f64, String)]) {
        let _guard = WRITING.lock().unwrap_or_else(PoisonError::into_inner);
        let text = std::fs::read_to_string(&self.path).unwrap_or_default();
        let mut lines: Vec<String> = text
            .lines()
            .skip(1)
            .filter(|line| !run.contains(line.split('\t').next().unwrap_or_default()))
            .map(str::to_owned)
            .collect();
        lines.extend(short.iter().map(|(dump, f1, why)| {
            let why: String = why.replace('\t', " ").chars().take(160).collect();
            format!("{dump}\t{f1:.4}\t{why}")
        }));
        lines.sort();
        let mut out = format!("{HEADER}\n");
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
        std::fs::write(&self.path, out).unwrap_or_else(|e| panic!("{}: {e}", self.path.display()));
    }
}

/// Whether the run is to write the lists anew (`PIANO_BLESS=1`).
pub(crate) fn blessing() -> bool {
    std::env::var("PIANO_BLESS").is_ok_and(|value| value == "1")
}
