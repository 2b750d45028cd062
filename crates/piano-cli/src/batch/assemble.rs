//! Building the aggregate files from the saved plans: the CSV tables with
//! their `datapackage.json`, `plans.ndjson`, and `report.json`.
//!
//! Plans are read back one at a time in the report's order (sorted by input
//! path), each fed to every aggregate before the next is read, so memory
//! stays flat however many plans there are, and the bytes written do not
//! depend on how many threads ran or in which order they finished.

use std::path::Path;

use piano_export::ExportOptions;

use crate::batch::journal::{self, REPORT};
use crate::batch::report::{Entry, REPORT_SCHEMA, Report, Settings, Totals};
use crate::output::{CsvFolder, write_file};

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

/// Writes the aggregates of `entries` (sorted by path) into `out`, reading
/// plans from `plans`, then `report.json`; returns the totals.
pub fn assemble(
    out: &Path,
    plans: &Path,
    entries: &[Entry],
    aggregates: Aggregates,
    settings: Settings,
) -> anyhow::Result<Totals> {
    let options = ExportOptions {
        include_staff: settings.include_staff,
    };
    let mut csv = match aggregates.csv {
        true => Some(CsvFolder::create(out, options)?),
        false => None,
    };
    let with_plans = entries.iter().filter(|e| e.has_plan());
    let mut feed = |ndjson: Option<&mut dyn std::io::Write>| -> anyhow::Result<()> {
        let mut ndjson = ndjson;
        for entry in with_plans.clone() {
            let Some(plan_id) = &entry.plan_id else {
                continue;
            };
            let plan = journal::load_plan(plans, plan_id)?;
            if let Some(tables) = csv.as_mut() {
                tables.add(&plan)?;
            }
            if let Some(writer) = ndjson.as_mut() {
                piano_export::write_ndjson(&plan, options, &mut **writer)?;
            }
        }
        Ok(())
    };
    if aggregates.ndjson {
        write_file(&out.join(NDJSON), |writer| feed(Some(writer)))?;
    } else if aggregates.csv {
        feed(None)?;
    }
    if let Some(tables) = csv {
        tables.finish()?;
    }
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
