//! The CSV tables of plans, written and read back as records, for the tests
//! of every table writer (the Parquet tables are checked against them).

use piano_model::Plan;

use crate::{CsvTables, ExportOptions, Table};

/// Writes `plans` through [`CsvTables`] and reads every table back as
/// records, header first.
pub fn write_tables(options: ExportOptions, plans: &[Plan]) -> Vec<(Table, Vec<Vec<String>>)> {
    let mut tables = CsvTables::new(options, |_| Ok(Vec::new())).expect("tables open");
    for plan in plans {
        tables.add(plan).expect("rows are written");
    }
    tables
        .finish()
        .expect("tables are flushed")
        .into_iter()
        .map(|(table, bytes)| {
            let records = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(bytes.as_slice())
                .records()
                .map(|record| {
                    let record = record.expect("a valid CSV record");
                    record.iter().map(str::to_owned).collect()
                })
                .collect();
            (table, records)
        })
        .collect()
}
