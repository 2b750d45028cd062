//! The tables as Apache Parquet files, written plan by plan.
//!
//! [`ParquetTables`] holds one Parquet writer per [`Table`], fed by the same
//! row code as the CSV tables, so each file holds the CSV table's rows and
//! columns, typed: integers as INT64, numbers as DOUBLE, booleans, `due_by`
//! as DATE, text (codes with their leading zeros) as UTF-8 strings; a column
//! is nullable unless it is required, an empty CSV cell being a null. Rows
//! are handed to the writer in record batches of [`BATCH_ROWS`] and stored
//! in row groups of at most [`ROW_GROUP_ROWS`], Snappy-compressed, so an
//! archive streams through in bounded memory.

mod builders;

use std::io::Write;

use arrow_schema::SchemaRef;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use piano_model::Plan;

use crate::cell::Scratch;
use crate::rows::Rows;
use crate::table::TableFormat;
use crate::{ExportError, ExportOptions, Table};
pub use builders::{CellError, arrow_schema};

use builders::Builders;

/// Rows held before they are handed to the Parquet writer as one record batch.
pub const BATCH_ROWS: usize = 8 * 1024;
/// Rows at most in one row group of a file.
pub const ROW_GROUP_ROWS: usize = 64 * 1024;

/// The Parquet tables, open for writing.
pub struct ParquetTables<W: Write + Send> {
    options: ExportOptions,
    /// One writer per table, in [`Table::ALL`] order.
    tables: Vec<ParquetTable<W>>,
    /// Where cells are formatted, reused for every row.
    scratch: Scratch,
}

/// One table's file being written, with the rows not yet handed to it.
struct ParquetTable<W: Write + Send> {
    table: Table,
    schema: SchemaRef,
    writer: ArrowWriter<W>,
    pending: Builders,
}

impl<W: Write + Send> ParquetTables<W> {
    /// Opens every table with `open` (called once per table, in
    /// [`Table::ALL`] order).
    pub fn new<F>(options: ExportOptions, mut open: F) -> Result<ParquetTables<W>, ExportError>
    where
        F: FnMut(Table) -> std::io::Result<W>,
    {
        let properties = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .build();
        let mut tables = Vec::with_capacity(Table::ALL.len());
        for table in Table::ALL {
            let file_name = table.file_name_in(TableFormat::Parquet);
            let sink = open(table).map_err(|source| ExportError::Open {
                table: file_name,
                source,
            })?;
            let schema = arrow_schema(table);
            let writer = ArrowWriter::try_new(sink, schema.clone(), Some(properties.clone()))
                .map_err(|source| ExportError::Parquet {
                    table: file_name,
                    source,
                })?;
            tables.push(ParquetTable {
                table,
                schema,
                writer,
                pending: Builders::new(table),
            });
        }
        Ok(ParquetTables {
            options,
            tables,
            scratch: Scratch::default(),
        })
    }

    /// Appends `plan`'s rows to every table.
    pub fn add(&mut self, plan: &Plan) -> Result<(), ExportError> {
        let plan = self.options.publishable(plan);
        for table in &mut self.tables {
            let mut rows = Rows {
                sink: &mut table.pending,
                scratch: &mut self.scratch,
            };
            rows.write(table.table, &plan)
                .map_err(|source| ExportError::ParquetRow {
                    table: table.table.file_name_in(TableFormat::Parquet),
                    plan_id: plan.plan_id.clone(),
                    source,
                })?;
            if table.pending.rows() >= BATCH_ROWS {
                table.write_pending()?;
            }
        }
        Ok(())
    }

    /// Writes the rows still held and each file's footer, and gives back the
    /// underlying writers, in [`Table::ALL`] order (to persist temporary
    /// files, for example).
    pub fn finish(self) -> Result<Vec<(Table, W)>, ExportError> {
        self.tables
            .into_iter()
            .map(|mut table| {
                table.write_pending()?;
                let file_name = table.table.file_name_in(TableFormat::Parquet);
                let sink = table
                    .writer
                    .into_inner()
                    .map_err(|source| ExportError::Parquet {
                        table: file_name,
                        source,
                    })?;
                Ok((table.table, sink))
            })
            .collect()
    }
}

impl<W: Write + Send> ParquetTable<W> {
    /// Hands the rows held to the writer as one record batch.
    fn write_pending(&mut self) -> Result<(), ExportError> {
        if self.pending.rows() == 0 {
            return Ok(());
        }
        let error = |source| ExportError::Parquet {
            table: self.table.file_name_in(TableFormat::Parquet),
            source,
        };
        let batch = self
            .pending
            .take_batch(self.schema.clone())
            .map_err(|source| error(source.into()))?;
        self.writer.write(&batch).map_err(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_back::write_tables;
    use crate::sample::sample_plan;
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int64Type};
    use arrow_array::{Array, RecordBatch};
    use arrow_schema::DataType;
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// Every table of `plans` as Parquet, read back as record batches.
    fn parquet_tables(plans: &[Plan]) -> Vec<(Table, Vec<RecordBatch>)> {
        let mut tables =
            ParquetTables::new(ExportOptions::default(), |_| Ok(Vec::new())).expect("tables open");
        for plan in plans {
            tables.add(plan).expect("rows are written");
        }
        let finished = tables.finish().expect("tables are finished");
        finished
            .into_iter()
            .map(|(table, bytes)| {
                let reader = ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(bytes))
                    .expect("a Parquet file")
                    .build()
                    .expect("a reader");
                let batches = reader.map(|batch| batch.expect("a record batch"));
                (table, batches.collect())
            })
            .collect()
    }

    /// The cell at `row` of `column` as its CSV cell reads: nulls empty.
    fn as_csv_cell(column: &dyn Array, row: usize) -> String {
        if column.is_null(row) {
            return String::new();
        }
        match column.data_type() {
            DataType::Utf8 => column.as_string::<i32>().value(row).to_owned(),
            DataType::Int64 => column.as_primitive::<Int64Type>().value(row).to_string(),
            DataType::Float64 => column.as_primitive::<Float64Type>().value(row).to_string(),
            DataType::Boolean => column.as_boolean().value(row).to_string(),
            DataType::Date32 => {
                let day = column.as_primitive::<Date32Type>().value_as_date(row);
                day.map(|day| day.to_string()).unwrap_or_default()
            }
            other => panic!("no such column type in the tables: {other}"),
        }
    }

    fn two_plans() -> Vec<Plan> {
        let mut other = sample_plan();
        other.plan_id = "0123456789ab".to_owned();
        other.year = None;
        vec![sample_plan(), other]
    }

    #[test]
    fn every_table_reads_back_as_its_csv_row_for_row() {
        let plans = two_plans();
        let csv = write_tables(ExportOptions::default(), &plans);
        for ((table, batches), (csv_table, records)) in parquet_tables(&plans).iter().zip(&csv) {
            assert_eq!(table, csv_table);
            let header: Vec<&str> = records[0].iter().map(String::as_str).collect();
            let mut rows = records[1..].iter();
            for batch in batches {
                let schema = batch.schema();
                let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
                assert_eq!(names, header, "{}", table.name());
                for row in 0..batch.num_rows() {
                    let cells: Vec<String> = batch
                        .columns()
                        .iter()
                        .map(|column| as_csv_cell(column.as_ref(), row))
                        .collect();
                    assert_eq!(Some(&cells), rows.next(), "{} row {row}", table.name());
                }
            }
            assert_eq!(rows.next(), None, "{} has every row", table.name());
        }
    }

    #[test]
    fn columns_are_typed_as_declared() {
        let tables = parquet_tables(&two_plans());
        let batch = |wanted: Table| {
            let (_, batches) = tables
                .iter()
                .find(|(table, _)| *table == wanted)
                .expect("written");
            batches[0].clone()
        };
        let objectives = batch(Table::Objectives);
        let column = |name: &str| objectives.column_by_name(name).expect("a column").clone();
        let weights = column("weight");
        let weights = weights.as_primitive::<Float64Type>();
        assert_eq!(weights.value(2), 5.88);
        assert!(weights.is_null(3));
        let due_by = column("due_by");
        let due_by = due_by.as_primitive::<Date32Type>();
        let day = |row| due_by.value_as_date(row).map(|day| day.to_string());
        assert_eq!(day(0).as_deref(), Some("2021-12-31"));
        assert_eq!(day(1).as_deref(), Some("2021-11-30"), "a month's last day");
        assert_eq!(
            day(3).as_deref(),
            Some("2021-12-31"),
            "a yearly day in the plan's year"
        );
        assert!(due_by.is_null(8), "no year, no yearly day");
        assert!(due_by.is_null(2), "no due cell");
        let structures = batch(Table::Structures);
        let codes = structures
            .column_by_name("mission_codes")
            .expect("a column");
        assert_eq!(
            codes.as_string::<i32>().value(0),
            "01 | ",
            "leading zeros kept"
        );
        let plans = batch(Table::Plans);
        let pages = plans.column_by_name("pages").expect("a column");
        assert!(pages.is_null(0), "an empty cell is a null");
        let year = plans.column_by_name("year").expect("a column");
        assert_eq!(year.as_primitive::<Int64Type>().value(0), 2021);
    }

    #[test]
    fn rows_are_written_in_row_groups_as_they_fill() {
        let plans = vec![sample_plan(); ROW_GROUP_ROWS / 5 + 1];
        let mut tables =
            ParquetTables::new(ExportOptions::default(), |_| Ok(Vec::new())).expect("tables open");
        for plan in &plans {
            tables.add(plan).expect("rows are written");
        }
        let finished = tables.finish().expect("tables are finished");
        let (_, objectives) = &finished[2];
        let reader =
            ParquetRecordBatchReaderBuilder::try_new(bytes::Bytes::from(objectives.clone()))
                .expect("a Parquet file");
        let groups = reader.metadata().row_groups();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].num_rows(), ROW_GROUP_ROWS as i64);
    }
}
