//! The aggregate files: the CSV tables with their `datapackage.json`,
//! `plans.ndjson`, and `report.json`.
//!
//! Plans are fed to the aggregates one at a time in input-path order (see
//! [`crate::batch::pipeline`]), so memory stays flat however many plans
//! there are, and the bytes written do not depend on how many threads ran
//! or in which order they finished. The files grow under temporary names
//! and appear, each whole, when the run completes.

use std::io::Write;
use std::path::Path;

use piano_export::ExportOptions;
use piano_model::Plan;

use crate::batch::journal::{self, REPORT};
use crate::batch::report::{Entry, REPORT_SCHEMA, Report, Settings, Totals};
use crate::output::{AtomicFile, CsvFolder};

/// The NDJSON file of all plans.
pub const NDJSON: &str = "plans.ndjson";

/// Which aggregate files to write.
#[derive(Debug, Clone, Copy)]
pub struct Aggregates {
    /// The CSV tables and `datapackage.json`.
    pub csv: bool,
    /// `plans.ndjson`.
    pub ndjson: bool,
}

/// The aggregates being written.
pub struct Sink {
    csv: Option<CsvFolder>,
    ndjson: Option<AtomicFile>,
    options: ExportOptions,
}

impl Sink {
    /// Opens the aggregates `out` is to hold.
    pub fn open(out: &Path, aggregates: Aggregates, settings: Settings) -> anyhow::Result<Sink> {
        let options = ExportOptions {
            include_staff: settings.include_staff,
        };
        let csv = match aggregates.csv {
            true => Some(CsvFolder::create(out, options)?),
            false => None,
        };
        let ndjson = match aggregates.ndjson {
            true => Some(AtomicFile::create(&out.join(NDJSON))?),
            false => None,
        };
        Ok(Sink {
            csv,
            ndjson,
            options,
        })
    }

    /// Whether any aggregate needs the plans.
    pub fn wants_plans(&self) -> bool {
        self.csv.is_some() || self.ndjson.is_some()
    }

    /// Appends `plan` to the CSV tables and to `plans.ndjson`; `line` is
    /// its NDJSON line when already serialised.
    pub fn feed(&mut self, plan: &Plan, line: Option<&[u8]>) -> anyhow::Result<()> {
        if let Some(tables) = self.csv.as_mut() {
            tables.add(plan)?;
        }
        if let Some(file) = self.ndjson.as_mut() {
            match line {
                Some(line) => file.write_all(line)?,
                None => piano_export::write_ndjson(plan, self.options, file)?,
            }
        }
        Ok(())
    }

    /// Moves the CSV tables, `datapackage.json` and `plans.ndjson` into place.
    pub fn finish(self) -> anyhow::Result<()> {
        if let Some(tables) = self.csv {
            tables.finish()?;
        }
        match self.ndjson {
            Some(file) => file.commit(),
            None => Ok(()),
        }
    }
}

/// Writes `report.json` for `entries` (sorted by path); returns the totals.
pub fn write_report(out: &Path, entries: &[Entry], settings: Settings) -> anyhow::Result<Totals> {
    let totals = Totals::of(entries);
    let report = Report {
        schema: REPORT_SCHEMA.to_owned(),
        settings,
        totals,
        inputs: entries.to_vec(),
    };
    journal::write_pretty(&out.join(REPORT), &report)?;
    Ok(totals)
}
