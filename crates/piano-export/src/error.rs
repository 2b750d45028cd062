//! What can go wrong while writing, and for which table and plan.

/// Why an export failed: the table or format, the plan, and the cause.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The writer for a table could not be created.
    #[error("cannot open table {table}: {source}")]
    Open {
        /// The table's file name.
        table: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A table's header row could not be written.
    #[error("cannot write the header of table {table}: {source}")]
    Header {
        /// The table's file name.
        table: &'static str,
        /// The cause.
        source: csv::Error,
    },
    /// A plan's rows could not be written to a table.
    #[error("cannot write plan {plan_id} to table {table}: {source}")]
    Row {
        /// The table's file name.
        table: &'static str,
        /// The plan whose rows failed.
        plan_id: String,
        /// The cause.
        source: csv::Error,
    },
    /// A table could not be flushed at the end.
    #[error("cannot finish table {table}: {source}")]
    Finish {
        /// The table's file name.
        table: &'static str,
        /// The cause.
        source: std::io::Error,
    },
    /// A plan could not be written as JSON.
    #[error("cannot write plan {plan_id} as JSON: {source}")]
    Json {
        /// The plan that failed.
        plan_id: String,
        /// The cause.
        source: serde_json::Error,
    },
    /// A plan's rows did not fit a Parquet table's columns.
    #[error("cannot write plan {plan_id} to table {table}: {source}")]
    ParquetRow {
        /// The table's file name.
        table: &'static str,
        /// The plan whose rows failed.
        plan_id: String,
        /// The cause.
        source: crate::parquet_tables::CellError,
    },
    /// A Parquet table could not be opened, encoded or written.
    #[error("cannot write table {table}: {source}")]
    Parquet {
        /// The table's file name.
        table: &'static str,
        /// The cause.
        source: parquet::errors::ParquetError,
    },
}
