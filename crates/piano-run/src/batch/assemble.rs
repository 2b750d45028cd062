//! The aggregate files: the tables (CSV, Parquet) with their
//! `datapackage.json`, `plans.ndjson`, the DCAT-AP_IT `catalog.jsonld`
//! describing them all, and `report.json`.
//!
//! Plans are fed to the aggregates one at a time in input-path order (see
//! [`crate::batch::pipeline`]), so memory stays flat however many plans
//! there are, and the bytes written do not depend on how many threads ran
//! or in which order they finished. The files grow under temporary names
//! and appear, each whole, when the run completes.

use std::io::Write;
use std::path::Path;

use piano_export::{Distribution, ExportOptions, Publication, Table, TableFormat};
use piano_model::Plan;

use crate::batch::journal::{self, PLANS, REPORT};
use crate::batch::report::{Entry, REPORT_SCHEMA, Report, Settings, Totals};
use crate::output::{AtomicFile, TableFolder, write_file};

/// The NDJSON file of all plans.
pub const NDJSON: &str = "plans.ndjson";
/// The DCAT-AP_IT catalogue of the release.
pub const CATALOG: &str = "catalog.jsonld";

/// Which aggregate files to write.
#[derive(Debug, Clone, Copy)]
pub struct Aggregates {
    /// The CSV tables.
    pub csv: bool,
    /// The Parquet tables.
    pub parquet: bool,
    /// `plans.ndjson`.
    pub ndjson: bool,
}

/// The aggregates being written.
pub struct Sink {
    out: std::path::PathBuf,
    tables: Option<TableFolder>,
    ndjson: Option<AtomicFile>,
    options: ExportOptions,
    /// What the catalogue says of the release beyond its files.
    publication: Publication,
    /// Whether `plans/` holds one JSON file per plan.
    json: bool,
    /// The first and last years of the plans fed.
    years: Option<(u16, u16)>,
}

impl Sink {
    /// Opens the aggregates `out` is to hold; `json` says whether the
    /// plans are kept as JSON files too, for the catalogue to list.
    pub fn open(
        out: &Path,
        aggregates: Aggregates,
        settings: Settings,
        publication: &Publication,
        json: bool,
    ) -> anyhow::Result<Sink> {
        let options = ExportOptions {
            include_staff: settings.include_staff,
        };
        let formats: Vec<TableFormat> = [
            (aggregates.csv, TableFormat::Csv),
            (aggregates.parquet, TableFormat::Parquet),
        ]
        .into_iter()
        .filter_map(|(wanted, format)| wanted.then_some(format))
        .collect();
        let tables = match formats.is_empty() {
            false => Some(TableFolder::create(
                out,
                &formats,
                options,
                publication.license.clone(),
            )?),
            true => None,
        };
        let ndjson = match aggregates.ndjson {
            true => Some(AtomicFile::create(&out.join(NDJSON))?),
            false => None,
        };
        Ok(Sink {
            out: out.to_owned(),
            tables,
            ndjson,
            options,
            publication: publication.clone(),
            json,
            years: None,
        })
    }

    /// Appends `plan` to the tables and to `plans.ndjson`, and its year to
    /// the release's (so every plan is fed, even with no table written: the
    /// catalogue covers their years); `line` is its NDJSON line when already
    /// serialised.
    pub fn feed(&mut self, plan: &Plan, line: Option<&[u8]>) -> anyhow::Result<()> {
        if let Some(year) = plan.year {
            let (first, last) = self.years.unwrap_or((year, year));
            self.years = Some((first.min(year), last.max(year)));
        }
        if let Some(tables) = self.tables.as_mut() {
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

    /// Moves the tables, `datapackage.json` and `plans.ndjson` into place,
    /// then writes `catalog.jsonld` listing them.
    pub fn finish(self) -> anyhow::Result<()> {
        let mut distributions = Vec::new();
        if let Some(tables) = self.tables {
            for format in tables.formats() {
                distributions.extend(Table::ALL.map(|table| Distribution::Table(table, format)));
            }
            tables.finish()?;
        }
        if let Some(file) = self.ndjson {
            file.commit()?;
            distributions.push(Distribution::Ndjson(NDJSON.to_owned()));
        }
        if self.json {
            distributions.push(Distribution::Json(format!("{PLANS}/")));
        }
        let catalog = piano_export::catalog(&self.publication, self.years, &distributions);
        write_file(&self.out.join(CATALOG), |writer| {
            serde_json::to_writer_pretty(&mut *writer, &catalog)?;
            Ok(writer.write_all(b"\n")?)
        })
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
