//! One table's rows held as typed Arrow columns until they make a record
//! batch: the [`RowSink`] the Parquet writer fills. Each column's Arrow type
//! and nullability come from its declaration ([`Column`]), so the Parquet
//! schema is the CSV header's and the data package's.

use std::sync::Arc;

use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, StringBuilder,
};
use arrow_array::types::Date32Type;
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};

use crate::Table;
use crate::cell::{RowSink, Value};
use crate::table::{Column, FieldType};

/// A row that does not fit its table's columns: a fault of the row code,
/// reported rather than written wrong.
#[derive(Debug, thiserror::Error)]
pub enum CellError {
    /// A value of the wrong type for its column.
    #[error("column {column} holds {expected} values, not {given}")]
    Mismatch {
        /// The column's name.
        column: &'static str,
        /// The column's type.
        expected: &'static str,
        /// The value's type.
        given: &'static str,
    },
    /// A row with more or fewer cells than the table has columns.
    #[error("a row has {cells} cells for {columns} columns")]
    Count {
        /// The cells the row gave.
        cells: usize,
        /// The columns of the table.
        columns: usize,
    },
}

/// The Arrow schema of `table`: one field per declared column, in order,
/// nullable unless the column is required.
pub fn arrow_schema(table: Table) -> SchemaRef {
    let fields: Vec<Field> = table
        .columns()
        .iter()
        .map(|column| Field::new(column.name, data_type(column.field_type), !column.required))
        .collect();
    Arc::new(Schema::new(fields))
}

/// The Arrow type a column's values are stored as.
fn data_type(field_type: FieldType) -> DataType {
    match field_type {
        FieldType::String => DataType::Utf8,
        FieldType::Integer => DataType::Int64,
        FieldType::Number => DataType::Float64,
        FieldType::Boolean => DataType::Boolean,
        FieldType::Date => DataType::Date32,
    }
}

/// The rows of one table not yet written, column by column.
pub struct Builders {
    columns: Vec<(&'static Column, Builder)>,
    /// The column the next value goes in.
    next: usize,
    /// Rows held.
    rows: usize,
}

/// One column's values.
enum Builder {
    Text(StringBuilder),
    Integer(Int64Builder),
    Number(Float64Builder),
    Boolean(BooleanBuilder),
    Day(Date32Builder),
}

impl Builders {
    /// Empty columns for `table`.
    pub fn new(table: Table) -> Builders {
        let columns = table
            .columns()
            .iter()
            .map(|column| {
                let builder = match column.field_type {
                    FieldType::String => Builder::Text(StringBuilder::new()),
                    FieldType::Integer => Builder::Integer(Int64Builder::new()),
                    FieldType::Number => Builder::Number(Float64Builder::new()),
                    FieldType::Boolean => Builder::Boolean(BooleanBuilder::new()),
                    FieldType::Date => Builder::Day(Date32Builder::new()),
                };
                (column, builder)
            })
            .collect();
        Builders {
            columns,
            next: 0,
            rows: 0,
        }
    }

    /// The number of whole rows held.
    pub fn rows(&self) -> usize {
        self.rows
    }

    /// The rows held as one record batch of `schema`; the columns are left empty.
    pub fn take_batch(&mut self, schema: SchemaRef) -> Result<RecordBatch, ArrowError> {
        let arrays: Vec<ArrayRef> = self
            .columns
            .iter_mut()
            .map(|(_, builder)| -> ArrayRef {
                match builder {
                    Builder::Text(values) => Arc::new(values.finish()),
                    Builder::Integer(values) => Arc::new(values.finish()),
                    Builder::Number(values) => Arc::new(values.finish()),
                    Builder::Boolean(values) => Arc::new(values.finish()),
                    Builder::Day(values) => Arc::new(values.finish()),
                }
            })
            .collect();
        self.rows = 0;
        RecordBatch::try_new(schema, arrays)
    }
}

impl RowSink for Builders {
    type Error = CellError;

    fn value(&mut self, value: Value<'_>) -> Result<(), CellError> {
        let columns = self.columns.len();
        let Some((column, builder)) = self.columns.get_mut(self.next) else {
            return Err(CellError::Count {
                cells: self.next + 1,
                columns,
            });
        };
        builder.append(column, value)?;
        self.next += 1;
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), CellError> {
        if self.next != self.columns.len() {
            return Err(CellError::Count {
                cells: self.next,
                columns: self.columns.len(),
            });
        }
        self.next = 0;
        self.rows += 1;
        Ok(())
    }
}

impl Builder {
    /// Appends `value` to this column of `column`'s declaration. An empty
    /// text is a null, as an empty CSV cell is (`missingValues`), except in
    /// a required column, which holds no nulls.
    fn append(&mut self, column: &Column, value: Value<'_>) -> Result<(), CellError> {
        match (self, value) {
            (Builder::Text(values), Value::Text(text)) if !text.is_empty() || column.required => {
                values.append_value(text)
            }
            (Builder::Text(values), Value::Null) if column.required => values.append_value(""),
            (Builder::Text(values), Value::Text(_) | Value::Null) => values.append_null(),
            (Builder::Integer(values), Value::Integer(value)) => values.append_value(value),
            (Builder::Number(values), Value::Number(value)) => values.append_value(value),
            (Builder::Boolean(values), Value::Boolean(value)) => values.append_value(value),
            (Builder::Day(values), Value::Day(day)) => {
                values.append_value(Date32Type::from_naive_date(day))
            }
            (builder, Value::Null) if !column.required => builder.append_null(),
            (builder, value) => {
                return Err(CellError::Mismatch {
                    column: column.name,
                    expected: builder.type_name(),
                    given: value_type(value),
                });
            }
        }
        Ok(())
    }

    fn append_null(&mut self) {
        match self {
            Builder::Text(values) => values.append_null(),
            Builder::Integer(values) => values.append_null(),
            Builder::Number(values) => values.append_null(),
            Builder::Boolean(values) => values.append_null(),
            Builder::Day(values) => values.append_null(),
        }
    }

    fn type_name(&self) -> &'static str {
        match self {
            Builder::Text(_) => "text",
            Builder::Integer(_) => "integer",
            Builder::Number(_) => "number",
            Builder::Boolean(_) => "boolean",
            Builder::Day(_) => "date",
        }
    }
}

/// The type a value has, as a [`CellError`] names it.
fn value_type(value: Value<'_>) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Text(_) => "text",
        Value::Integer(_) => "integer",
        Value::Number(_) => "number",
        Value::Boolean(_) => "boolean",
        Value::Day(_) => "date",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cell::{RowWriter, Scratch};

    #[test]
    fn the_schema_follows_the_declarations() {
        let schema = arrow_schema(Table::Objectives);
        let field = |name: &str| schema.field_with_name(name).expect("declared").clone();
        assert_eq!(field("plan_id").data_type(), &DataType::Utf8);
        assert!(!field("plan_id").is_nullable());
        assert_eq!(field("structure").data_type(), &DataType::Int64);
        assert_eq!(field("weight").data_type(), &DataType::Float64);
        assert!(field("weight").is_nullable());
        assert_eq!(field("due_multiyear").data_type(), &DataType::Boolean);
        assert_eq!(field("due_by").data_type(), &DataType::Date32);
        assert_eq!(field("due_date").data_type(), &DataType::Utf8);
        assert_eq!(schema.fields().len(), Table::Objectives.columns().len());
    }

    #[test]
    fn a_row_that_does_not_fit_is_refused() {
        let mut builders = Builders::new(Table::Weights);
        let mut scratch = Scratch::default();
        let mut row = RowWriter::new(&mut builders, &mut scratch);
        let short = row.text("0123456789ab").integer(Some(1u32)).end();
        assert_eq!(
            short.map_err(|error| error.to_string()),
            Err("a row has 2 cells for 5 columns".to_owned())
        );
        let mut builders = Builders::new(Table::Weights);
        let mut row = RowWriter::new(&mut builders, &mut scratch);
        let wrong = row.text("0123456789ab").text("1").end();
        assert_eq!(
            wrong.map_err(|error| error.to_string()),
            Err("column structure holds integer values, not text".to_owned())
        );
    }
}
