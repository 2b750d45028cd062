//! The CSV tables of plans, for `piano.tables()` to type into DataFrames:
//! the very bytes `piano extract --format csv` writes, with each column's
//! type as `datapackage.json` gives it.

use piano_export::{CsvTables, ExportOptions, Table};
use piano_model::Plan;
use pyo3::prelude::*;

use crate::errors::{PianoError, failure};
use crate::wait::off_the_gil;

/// One table: its name, its CSV text, and its columns with their
/// Frictionless types (`string`, `integer`, `number`, `boolean`, `date`).
type CsvTable = (&'static str, String, Vec<(&'static str, &'static str)>);

/// The CSV tables of `plans`, each given as the JSON text of a plan (what
/// `extract` returns, dumped), in the order of `Table::ALL`.
#[pyfunction]
#[pyo3(signature = (plans, *, include_staff=false))]
pub fn csv_tables(
    py: Python<'_>,
    plans: Vec<String>,
    include_staff: bool,
) -> PyResult<Vec<CsvTable>> {
    let plans = plans
        .iter()
        .enumerate()
        .map(|(index, json)| {
            serde_json::from_str::<Plan>(json).map_err(|error| {
                PianoError::new_err(format!("plans[{index}]: not a plan of piano: {error}"))
            })
        })
        .collect::<PyResult<Vec<Plan>>>()?;
    let options = ExportOptions { include_staff };
    match off_the_gil(py, None, move || write_tables(&plans, options))? {
        Ok(Ok(tables)) => Ok(tables),
        Ok(Err(error)) => Err(PianoError::new_err(format!("tables: {error:#}"))),
        Err(stopped) => Err(failure("tables", &stopped)),
    }
}

/// Writes every table of `plans` in memory.
fn write_tables(plans: &[Plan], options: ExportOptions) -> anyhow::Result<Vec<CsvTable>> {
    let mut tables = CsvTables::new(options, |_| Ok(Vec::new()))?;
    for plan in plans {
        tables.add(plan)?;
    }
    tables
        .finish()?
        .into_iter()
        .map(|(table, bytes)| Ok((table.name(), String::from_utf8(bytes)?, columns(table))))
        .collect()
}

/// `table`'s columns with their types.
fn columns(table: Table) -> Vec<(&'static str, &'static str)> {
    table
        .columns()
        .iter()
        .map(|column| (column.name, column.field_type.name()))
        .collect()
}
