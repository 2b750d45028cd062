//! Writes piano plans as the open data the contract `piano.plan/1` promises.
//!
//! - [`write_json`] and [`write_ndjson`]: one plan as pretty JSON, or as one
//!   compact line of NDJSON (call it once per plan to stream many);
//!   [`Documents`] both at once;
//! - [`CsvTables`]: the six CSV tables (`plans`, `structures`, `objectives`,
//!   `staff`, `diagnostics`, `weights`), fed plan by plan so a whole archive
//!   streams into one set of tables without being held in memory;
//! - [`ParquetTables`]: the same tables as typed Parquet files, streamed
//!   alike (row groups written as they fill);
//! - [`datapackage`]: the Frictionless `datapackage.json` describing those
//!   tables in the formats written;
//! - [`catalog`]: the DCAT-AP_IT catalogue (JSON-LD) of a release;
//! - [`json_schema`]: the JSON Schema of the JSON output, generated from the model.
//!
//! The crate does no file-system access: every writer takes an
//! [`std::io::Write`], every description is returned as a value. Staff names
//! are personal data: every writer leaves them out unless
//! [`ExportOptions::include_staff`] asks for them.

mod catalog;
mod cell;
mod datapackage;
mod error;
mod json;
mod license;
mod parquet_tables;
mod privacy;
mod rows;
mod schema;
mod table;
mod tables;

pub use catalog::{Distribution, Missing, Publication, THEME_GOVERNMENT, catalog};
pub use datapackage::datapackage;
pub use error::ExportError;
pub use json::{Documents, write_json, write_ndjson};
pub use license::{License, LicenseError};
pub use parquet_tables::{BATCH_ROWS, CellError, ParquetTables, ROW_GROUP_ROWS, arrow_schema};
pub use privacy::ExportOptions;
pub use schema::{SCHEMA_ID, json_schema};
pub use table::{Column, Constraint, FieldType, ForeignKey, Table, TableFormat};
pub use tables::CsvTables;

#[cfg(test)]
mod read_back;
#[cfg(test)]
mod sample;
