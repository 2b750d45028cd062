//! Writes piano plans as the open data the contract `piano.plan/1` promises.
//!
//! - [`write_json`] and [`write_ndjson`]: one plan as pretty JSON, or as one
//!   compact line of NDJSON (call it once per plan to stream many);
//!   [`Documents`] both at once;
//! - [`CsvTables`]: the five CSV tables (`plans`, `structures`, `objectives`,
//!   `staff`, `diagnostics`), fed plan by plan so a whole archive streams
//!   into one set of tables without being held in memory;
//! - [`datapackage`]: the Frictionless `datapackage.json` describing those tables;
//! - [`json_schema`]: the JSON Schema of the JSON output, generated from the model.
//!
//! The crate does no file-system access: every writer takes an
//! [`std::io::Write`], every description is returned as a value. Staff names
//! are personal data: every writer leaves them out unless
//! [`ExportOptions::include_staff`] asks for them.

mod cell;
mod datapackage;
mod error;
mod json;
mod privacy;
mod schema;
mod table;
mod tables;

pub use datapackage::datapackage;
pub use error::ExportError;
pub use json::{Documents, write_json, write_ndjson};
pub use privacy::ExportOptions;
pub use schema::{SCHEMA_ID, json_schema};
pub use table::{Column, Constraint, FieldType, ForeignKey, Table};
pub use tables::CsvTables;

#[cfg(test)]
mod sample;
