//! The CSV tables, written plan by plan.
//!
//! [`CsvTables`] holds one CSV writer per [`Table`]; each call to
//! [`CsvTables::add`] appends one plan's rows to all of them, so an archive of
//! plans streams into one set of tables without being held in memory.

use std::fmt::Write as _;
use std::io::Write;

use chrono::{Datelike, NaiveDate};
use piano_model::Plan;

use crate::cell::{RowSink, Scratch, Value};
use crate::rows::Rows;
use crate::{ExportError, ExportOptions, Table};

/// The CSV tables, open for writing: UTF-8, comma-separated, RFC 4180
/// quoting, CRLF line ends, a header row.
pub struct CsvTables<W: Write> {
    options: ExportOptions,
    /// One writer per table, in [`Table::ALL`] order.
    writers: Vec<(Table, CsvSink<W>)>,
    /// Where cells are formatted, reused for every row.
    scratch: Scratch,
}

impl<W: Write> CsvTables<W> {
    /// Opens every table with `open` (called once per table, in
    /// [`Table::ALL`] order) and writes the header rows.
    pub fn new<F>(options: ExportOptions, mut open: F) -> Result<CsvTables<W>, ExportError>
    where
        F: FnMut(Table) -> std::io::Result<W>,
    {
        let mut writers = Vec::with_capacity(Table::ALL.len());
        for table in Table::ALL {
            let sink = open(table).map_err(|source| ExportError::Open {
                table: table.file_name(),
                source,
            })?;
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(sink);
            let header = table.columns().iter().map(|column| column.name);
            writer
                .write_record(header)
                .map_err(|source| ExportError::Header {
                    table: table.file_name(),
                    source,
                })?;
            let sink = CsvSink {
                writer,
                cell: String::new(),
            };
            writers.push((table, sink));
        }
        Ok(CsvTables {
            options,
            writers,
            scratch: Scratch::default(),
        })
    }

    /// Appends `plan`'s rows to every table.
    pub fn add(&mut self, plan: &Plan) -> Result<(), ExportError> {
        let plan = self.options.publishable(plan);
        for (table, sink) in &mut self.writers {
            let mut rows = Rows {
                sink,
                scratch: &mut self.scratch,
            };
            rows.write(*table, &plan)
                .map_err(|source| ExportError::Row {
                    table: table.file_name(),
                    plan_id: plan.plan_id.clone(),
                    source,
                })?;
        }
        Ok(())
    }

    /// Flushes every table and gives back the underlying writers, in
    /// [`Table::ALL`] order (to persist temporary files, for example).
    pub fn finish(self) -> Result<Vec<(Table, W)>, ExportError> {
        self.writers
            .into_iter()
            .map(|(table, sink)| {
                let inner = sink
                    .writer
                    .into_inner()
                    .map_err(|error| ExportError::Finish {
                        table: table.file_name(),
                        source: error.into_error(),
                    })?;
                Ok((table, inner))
            })
            .collect()
    }
}

/// One table's CSV writer, taking values as cells: numbers as their
/// shortest round-trip decimal (`20.0` is `20`, `5.88` is `5.88`, no
/// exponent), booleans as `true`/`false`, days as `YYYY-MM-DD`, nulls as
/// empty cells.
struct CsvSink<W: Write> {
    writer: csv::Writer<W>,
    /// The cell being formatted, reused for every cell.
    cell: String,
}

impl<W: Write> RowSink for CsvSink<W> {
    type Error = csv::Error;

    fn value(&mut self, value: Value<'_>) -> csv::Result<()> {
        self.cell.clear();
        // Writing into a String cannot fail.
        let _ = match value {
            Value::Null => return self.writer.write_field(""),
            Value::Text(text) => return self.writer.write_field(text),
            Value::Boolean(value) => {
                return self
                    .writer
                    .write_field(if value { "true" } else { "false" });
            }
            Value::Integer(value) => write!(self.cell, "{value}"),
            Value::Number(value) => write!(self.cell, "{value}"),
            Value::Day(day) => write_day(&mut self.cell, day),
        };
        self.writer.write_field(&self.cell)
    }

    fn end_row(&mut self) -> csv::Result<()> {
        self.writer.write_record(None::<&[u8]>)
    }
}

/// Writes `day` as `YYYY-MM-DD`, byte for byte as chrono's `%Y-%m-%d`: a
/// year of four digits or fewer by its digits alone (chrono's format string
/// is read anew for every cell, which costs more than the cell), a year
/// chrono writes with a sign through chrono.
fn write_day(cell: &mut String, day: NaiveDate) -> std::fmt::Result {
    match u32::try_from(day.year()) {
        Ok(year) if year <= 9999 => {
            push_digits(cell, year, 4);
            cell.push('-');
            push_digits(cell, day.month(), 2);
            cell.push('-');
            push_digits(cell, day.day(), 2);
            Ok(())
        }
        _ => write!(cell, "{}", day.format("%Y-%m-%d")),
    }
}

/// Appends the last `width` decimal digits of `value`, zero-padded.
fn push_digits(cell: &mut String, value: u32, width: u32) {
    for place in (0..width).rev() {
        let digit = value / 10u32.pow(place) % 10;
        cell.push(char::from(b'0' + digit as u8));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_back::write_tables;
    use crate::sample::sample_plan;

    fn table(written: &[(Table, Vec<Vec<String>>)], wanted: Table) -> &[Vec<String>] {
        &written
            .iter()
            .find(|(table, _)| *table == wanted)
            .expect("every table is written")
            .1
    }

    /// The cell of `column` in `row` of `table`.
    fn cell<'a>(rows: &'a [Vec<String>], table: Table, row: usize, column: &str) -> &'a str {
        let index = table
            .columns()
            .iter()
            .position(|c| c.name == column)
            .expect("the column exists");
        &rows[row + 1][index]
    }

    #[test]
    fn every_row_has_a_cell_per_column() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        for (table, records) in &written {
            assert!(records.len() > 1, "{} has rows", table.name());
            for record in records {
                assert_eq!(record.len(), table.columns().len(), "{}", table.name());
            }
        }
    }

    #[test]
    fn objectives_and_phases_get_one_row_each() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Objectives);
        let numbers: Vec<&str> = (0..rows.len() - 1)
            .map(|row| cell(rows, Table::Objectives, row, "number"))
            .collect();
        assert_eq!(numbers, ["1", "1.1", "1.2", "2", "2.1"]);
        let t = Table::Objectives;
        assert_eq!(cell(rows, t, 0, "level"), "objective");
        assert_eq!(cell(rows, t, 0, "parent"), "");
        assert_eq!(cell(rows, t, 0, "category"), "sviluppo");
        assert_eq!(cell(rows, t, 0, "weight"), "20");
        assert_eq!(cell(rows, t, 0, "plan_weight"), "20");
        assert_eq!(cell(rows, t, 0, "due_date"), "2021-12-31");
        assert_eq!(cell(rows, t, 0, "due_multiyear"), "false");
        assert_eq!(cell(rows, t, 1, "level"), "phase");
        assert_eq!(cell(rows, t, 1, "parent"), "1");
        assert_eq!(cell(rows, t, 1, "plan_weight"), "10");
        assert_eq!(cell(rows, t, 1, "due_date"), "2021-11");
        assert_eq!(cell(rows, t, 1, "due_precision"), "month");
        assert_eq!(cell(rows, t, 1, "due_note"), "salvo proroghe");
        assert_eq!(cell(rows, t, 2, "weight"), "5.88");
        assert_eq!(cell(rows, t, 2, "plan_weight"), "1.176");
        assert_eq!(cell(rows, t, 2, "description"), "Fase: report\nannuale");
        assert_eq!(cell(rows, t, 2, "due_multiyear"), "");
        assert_eq!(cell(rows, t, 3, "weight"), "");
        assert_eq!(cell(rows, t, 3, "due_date"), "--12-31");
        assert_eq!(cell(rows, t, 3, "due_recurrence"), "yearly");
        assert_eq!(cell(rows, t, 4, "plan_weight"), "");
        assert_eq!(cell(rows, t, 4, "line"), "56");
        assert_eq!(cell(rows, t, 4, "page"), "7");
    }

    #[test]
    fn plans_count_what_they_hold() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Plans);
        let t = Table::Plans;
        assert_eq!(cell(rows, t, 0, "file"), "sample.txt");
        assert_eq!(cell(rows, t, 0, "format"), "text");
        assert_eq!(cell(rows, t, 0, "pages"), "");
        assert_eq!(cell(rows, t, 0, "ente_kind"), "comune");
        assert_eq!(cell(rows, t, 0, "year"), "2021");
        assert_eq!(cell(rows, t, 0, "structures"), "1");
        assert_eq!(cell(rows, t, 0, "objectives"), "2");
        assert_eq!(cell(rows, t, 0, "phases"), "3");
        assert_eq!(cell(rows, t, 0, "errors"), "1");
        assert_eq!(cell(rows, t, 0, "warnings"), "1");
    }

    #[test]
    fn structures_join_lists_keeping_mission_codes_aligned() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Structures);
        let t = Table::Structures;
        assert_eq!(
            cell(rows, t, 0, "strategic_objectives"),
            "Gestire | Migliorare"
        );
        assert_eq!(
            cell(rows, t, 0, "missions"),
            "Servizi istituzionali, generali e di gestione | Missione ignota"
        );
        assert_eq!(cell(rows, t, 0, "mission_codes"), "01 | ");
        assert_eq!(cell(rows, t, 0, "head_ad_interim"), "true");
        assert_eq!(cell(rows, t, 0, "head_name"), "DOTT. MARIO ROSSI");
    }

    #[test]
    fn diagnostics_keep_their_locations_and_quotes() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Diagnostics);
        let t = Table::Diagnostics;
        assert_eq!(cell(rows, t, 0, "code"), "weight-missing");
        assert_eq!(cell(rows, t, 0, "level"), "warning");
        assert_eq!(cell(rows, t, 0, "excerpt"), "2\tArchivio");
        assert_eq!(cell(rows, t, 1, "message"), "nothing, \"quoted\"");
        assert_eq!(cell(rows, t, 1, "line"), "");
    }

    #[test]
    fn staff_names_are_left_out_unless_asked() {
        let hidden = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&hidden, Table::Staff);
        assert_eq!(rows.len(), 3, "rows are kept");
        assert_eq!(cell(rows, Table::Staff, 0, "name"), "");
        assert_eq!(cell(rows, Table::Staff, 0, "weight"), "30");
        let shown = write_tables(
            ExportOptions {
                include_staff: true,
            },
            &[sample_plan()],
        );
        let rows = table(&shown, Table::Staff);
        assert_eq!(cell(rows, Table::Staff, 0, "name"), "Mario Rossi");
        assert_eq!(cell(rows, Table::Staff, 1, "name"), "Anna Bianchi");
    }

    #[test]
    fn many_plans_stream_into_one_header() {
        let mut other = sample_plan();
        other.plan_id = "0123456789ab".to_owned();
        let written = write_tables(ExportOptions::default(), &[sample_plan(), other]);
        let rows = table(&written, Table::Plans);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][0], "plan_id");
        assert_eq!(rows[2][0], "0123456789ab");
    }

    #[test]
    fn values_are_written_as_csv_cells() {
        let mut sink = CsvSink {
            writer: csv::WriterBuilder::new().from_writer(Vec::new()),
            cell: String::new(),
        };
        let day = chrono::NaiveDate::from_ymd_opt(2021, 2, 3);
        let values = [
            Value::Number(20.0),
            Value::Number(5.88),
            Value::Number(0.1 + 0.2),
            Value::Number(1e21),
            Value::Integer(-7),
            Value::Boolean(true),
            Value::Day(day.expect("a day")),
            Value::Text("x, y"),
            Value::Null,
        ];
        for value in values {
            sink.value(value).expect("a cell");
        }
        sink.end_row().expect("a row");
        let bytes = sink.writer.into_inner().expect("flushed");
        assert_eq!(
            String::from_utf8(bytes).expect("UTF-8"),
            "20,5.88,0.30000000000000004,1000000000000000000000,-7,true,2021-02-03,\"x, y\",\n"
        );
    }

    #[test]
    fn days_are_written_as_chrono_writes_them() {
        for (year, month, day) in [
            (2021, 2, 3),
            (1999, 12, 31),
            (987, 1, 9),
            (0, 1, 1),
            (9999, 12, 31),
            (10_000, 1, 1),
            (-1, 6, 15),
        ] {
            let date = NaiveDate::from_ymd_opt(year, month, day).expect("a day");
            let mut cell = String::new();
            write_day(&mut cell, date).expect("written");
            assert_eq!(cell, date.format("%Y-%m-%d").to_string());
        }
    }

    #[test]
    fn lines_end_with_crlf() {
        let mut tables =
            CsvTables::new(ExportOptions::default(), |_| Ok(Vec::new())).expect("tables open");
        tables.add(&sample_plan()).expect("rows are written");
        let finished = tables.finish().expect("tables are flushed");
        let staff = &finished[3];
        assert_eq!(staff.0, Table::Staff);
        let text = String::from_utf8(staff.1.clone()).expect("UTF-8");
        assert!(text.starts_with("plan_id,structure,name,objective,weight\r\n"));
    }

    #[test]
    fn open_errors_name_the_table() {
        let failed = CsvTables::<Vec<u8>>::new(ExportOptions::default(), |table| {
            if table == Table::Objectives {
                Err(std::io::Error::other("disk full"))
            } else {
                Ok(Vec::new())
            }
        });
        let message = failed.err().map(|error| error.to_string());
        assert_eq!(
            message.as_deref(),
            Some("cannot open table objectives.csv: disk full")
        );
    }
}
