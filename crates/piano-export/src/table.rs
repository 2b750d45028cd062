//! The CSV tables: their names, columns, types, titles and keys.
//!
//! One declaration serves both the CSV header rows and `datapackage.json`,
//! so the description can never drift from the files it describes.

mod columns;

use columns::{DIAGNOSTICS, OBJECTIVES, PLANS, STAFF, STRUCTURES, WEIGHTS};

/// One of the CSV tables the contract lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// `plans.csv`: one row per plan.
    Plans,
    /// `structures.csv`: one row per structure.
    Structures,
    /// `objectives.csv`: one row per objective and per phase.
    Objectives,
    /// `staff.csv`: one row per line of a staff table.
    Staff,
    /// `diagnostics.csv`: one row per diagnostic.
    Diagnostics,
    /// `weights.csv`: one row per objective and head of a weight matrix.
    Weights,
}

/// A file format the tables are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TableFormat {
    /// CSV: UTF-8, comma-separated, a header row ([`crate::CsvTables`]).
    Csv,
    /// Apache Parquet, typed columns ([`crate::ParquetTables`]).
    Parquet,
}

impl TableFormat {
    /// The format's name in `datapackage.json`'s `format` (`csv`, `parquet`).
    pub fn name(self) -> &'static str {
        match self {
            TableFormat::Csv => "csv",
            TableFormat::Parquet => "parquet",
        }
    }

    /// The IANA media type of a file of this format.
    pub fn media_type(self) -> &'static str {
        match self {
            TableFormat::Csv => "text/csv",
            TableFormat::Parquet => "application/vnd.apache.parquet",
        }
    }
}

/// The value type of a column, as Frictionless Table Schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldType {
    /// Any text.
    String,
    /// A whole number.
    Integer,
    /// A decimal number with a `.` point.
    Number,
    /// `true` or `false`.
    Boolean,
    /// A calendar day, `YYYY-MM-DD`.
    Date,
}

impl FieldType {
    /// The type's name in Frictionless Table Schema (`datapackage.json`),
    /// which the Python bindings type DataFrame columns by.
    pub fn name(self) -> &'static str {
        match self {
            FieldType::String => "string",
            FieldType::Integer => "integer",
            FieldType::Number => "number",
            FieldType::Boolean => "boolean",
            FieldType::Date => "date",
        }
    }
}

/// A restriction on a column's values, beyond its type.
#[derive(Debug, Clone, Copy)]
pub enum Constraint {
    /// No restriction.
    Any,
    /// The whole value matches this regular expression (XML Schema style, no anchors).
    Pattern(&'static str),
    /// The value is one of the names this function lists.
    OneOf(fn() -> Vec<String>),
}

/// One column of a table.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// The header, as the contract names it.
    pub name: &'static str,
    /// The value type.
    pub field_type: FieldType,
    /// An Italian title: the plan's own column label where it has one.
    pub title: &'static str,
    /// What the column holds, in English.
    pub description: &'static str,
    /// Whether every row has a value.
    pub required: bool,
    /// What values are allowed.
    pub constraint: Constraint,
}

/// A foreign key: `fields` of one table refer to `reference` of `table`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ForeignKey {
    /// The referring columns.
    pub fields: &'static [&'static str],
    /// The referred table.
    pub table: Table,
    /// The referred columns, in the same order.
    pub reference: &'static [&'static str],
}

/// `level` of an objective row in `objectives.csv`.
pub const OBJECTIVE_LEVEL: &str = "objective";
/// `level` of a phase row in `objectives.csv`.
pub const PHASE_LEVEL: &str = "phase";

impl Table {
    /// Every table, in the order they are written and described.
    pub const ALL: [Table; 6] = [
        Table::Plans,
        Table::Structures,
        Table::Objectives,
        Table::Staff,
        Table::Diagnostics,
        Table::Weights,
    ];

    /// The resource name in `datapackage.json` (`plans`).
    pub fn name(self) -> &'static str {
        match self {
            Table::Plans => "plans",
            Table::Structures => "structures",
            Table::Objectives => "objectives",
            Table::Staff => "staff",
            Table::Diagnostics => "diagnostics",
            Table::Weights => "weights",
        }
    }

    /// The file name of the table in `format` (`plans.csv`, `plans.parquet`).
    pub fn file_name_in(self, format: TableFormat) -> &'static str {
        match (format, self) {
            (TableFormat::Csv, _) => self.file_name(),
            (TableFormat::Parquet, Table::Plans) => "plans.parquet",
            (TableFormat::Parquet, Table::Structures) => "structures.parquet",
            (TableFormat::Parquet, Table::Objectives) => "objectives.parquet",
            (TableFormat::Parquet, Table::Staff) => "staff.parquet",
            (TableFormat::Parquet, Table::Diagnostics) => "diagnostics.parquet",
            (TableFormat::Parquet, Table::Weights) => "weights.parquet",
        }
    }

    /// The CSV file name (`plans.csv`).
    pub fn file_name(self) -> &'static str {
        match self {
            Table::Plans => "plans.csv",
            Table::Structures => "structures.csv",
            Table::Objectives => "objectives.csv",
            Table::Staff => "staff.csv",
            Table::Diagnostics => "diagnostics.csv",
            Table::Weights => "weights.csv",
        }
    }

    /// An English sentence saying what one row is.
    pub fn description(self) -> &'static str {
        match self {
            Table::Plans => "One row per plan: its source, ente, year and counts.",
            Table::Structures => "One row per structure (organisational unit) of a plan.",
            Table::Objectives => {
                "One row per objective and per phase; a phase names its objective in `parent`."
            }
            Table::Staff => "One row per line of a structure's staff table.",
            Table::Diagnostics => "One row per diagnostic noticed while reading a plan.",
            Table::Weights => {
                "One row per objective and head of a weight matrix (weight-matrix plans)."
            }
        }
    }

    /// The columns, in file order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Plans => PLANS,
            Table::Structures => STRUCTURES,
            Table::Objectives => OBJECTIVES,
            Table::Staff => STAFF,
            Table::Diagnostics => DIAGNOSTICS,
            Table::Weights => WEIGHTS,
        }
    }

    /// The columns whose values identify a row; empty when rows have no natural key.
    pub fn primary_key(self) -> &'static [&'static str] {
        match self {
            Table::Plans => &["plan_id"],
            Table::Structures => &["plan_id", "structure"],
            Table::Objectives => &["plan_id", "structure", "number"],
            Table::Weights => &["plan_id", "structure", "number", "head"],
            Table::Staff | Table::Diagnostics => &[],
        }
    }

    /// The references to other tables.
    pub fn foreign_keys(self) -> &'static [ForeignKey] {
        const TO_PLAN: ForeignKey = ForeignKey {
            fields: &["plan_id"],
            table: Table::Plans,
            reference: &["plan_id"],
        };
        const TO_STRUCTURE: ForeignKey = ForeignKey {
            fields: &["plan_id", "structure"],
            table: Table::Structures,
            reference: &["plan_id", "structure"],
        };
        const TO_OBJECTIVE: ForeignKey = ForeignKey {
            fields: &["plan_id", "structure", "number"],
            table: Table::Objectives,
            reference: &["plan_id", "structure", "number"],
        };
        match self {
            Table::Plans => &[],
            Table::Structures | Table::Diagnostics => &[TO_PLAN],
            Table::Objectives | Table::Staff => &[TO_STRUCTURE],
            Table::Weights => &[TO_OBJECTIVE],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_the_contracts() {
        let header = |table: Table| -> Vec<&str> {
            table.columns().iter().map(|column| column.name).collect()
        };
        assert_eq!(
            header(Table::Plans).join(","),
            "plan_id,file,sha256,format,pages,ente_kind,ente_name,provincia,istat,year,title,structures,objectives,phases,errors,warnings,family,document_kind,quality_verdict,quality_score,ocr_pages"
        );
        assert_eq!(
            header(Table::Structures).join(","),
            "plan_id,structure,name,head_role,head_name,head_ad_interim,strategic_line,strategic_objectives,missions,mission_codes,operational_objective,objectives_label,kind"
        );
        assert_eq!(
            header(Table::Objectives).join(","),
            "plan_id,structure,number,parent,level,category,description,weight,plan_weight,indicators,expected,due_raw,due_date,due_precision,due_recurrence,due_multiyear,due_note,page,line,code,mission_code,programme_code,responsible,achievement,achievement_note,due_by"
        );
        assert_eq!(
            header(Table::Staff).join(","),
            "plan_id,structure,name,objective,weight"
        );
        assert_eq!(
            header(Table::Diagnostics).join(","),
            "plan_id,level,code,message,page,line,structure,number,excerpt"
        );
        assert_eq!(
            header(Table::Weights).join(","),
            "plan_id,structure,number,head,weight"
        );
    }

    #[test]
    fn keys_name_existing_columns() {
        let has = |table: Table, name: &str| table.columns().iter().any(|c| c.name == name);
        for table in Table::ALL {
            for key in table.primary_key() {
                assert!(has(table, key), "{} has no {key}", table.name());
            }
            for foreign in table.foreign_keys() {
                for (field, reference) in foreign.fields.iter().zip(foreign.reference) {
                    assert!(has(table, field), "{} has no {field}", table.name());
                    assert!(has(foreign.table, reference));
                }
            }
        }
    }
}
