//! How a plan's values become the cells of a table row, whatever the file
//! format: numbers stay numbers, lists are joined with ` | `, enum values
//! take the names they have in JSON, and missing values are nulls.
//!
//! [`RowWriter`] hands one row's [`Value`]s, in column order, to a
//! [`RowSink`]: the CSV writer formats them as text, the Parquet writer
//! appends them to typed columns. Both are fed by the same row code
//! (`rows.rs`), so a table reads the same in both formats. Lists and enum
//! names are formatted in one scratch buffer reused for every cell of every
//! row, so a row costs no allocation (the tables of an archive hold millions
//! of cells).

use std::fmt::Write as _;

use chrono::{Months, NaiveDate};
use piano_model::DueDate;
use serde::Serialize;

/// The separator between the items of a list in one cell.
pub const LIST_SEPARATOR: &str = " | ";

/// Decimal places `plan_weight` is rounded to.
const PLAN_WEIGHT_DECIMALS: i32 = 4;

/// One cell's value, typed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value<'a> {
    /// No value: an empty CSV cell, a Parquet null.
    Null,
    /// Text as it is.
    Text(&'a str),
    /// A whole number.
    Integer(i64),
    /// A finite decimal number.
    Number(f64),
    /// `true` or `false`.
    Boolean(bool),
    /// A calendar day.
    Day(NaiveDate),
}

/// Where a table's rows go: one [`Value`] per column, in column order, then
/// the end of the row.
pub trait RowSink {
    /// Why a value or a row could not be written.
    type Error;
    /// Appends the next cell of the current row.
    fn value(&mut self, value: Value<'_>) -> Result<(), Self::Error>;
    /// Ends the current row.
    fn end_row(&mut self) -> Result<(), Self::Error>;
}

/// The buffers cells are formatted in, kept from row to row.
#[derive(Debug, Default)]
pub struct Scratch {
    /// The cell being formatted.
    text: String,
    /// An enum value as JSON, before its quotes are taken off.
    json: Vec<u8>,
}

/// One row being written: each method appends a cell, [`RowWriter::end`]
/// ends the row. The first error is kept and reported by `end`; cells after
/// it are not written.
pub struct RowWriter<'a, S: RowSink> {
    sink: &'a mut S,
    scratch: &'a mut Scratch,
    error: Option<S::Error>,
}

impl<'a, S: RowSink> RowWriter<'a, S> {
    /// Starts a row in `sink`, formatting cells in `scratch`.
    pub fn new(sink: &'a mut S, scratch: &'a mut Scratch) -> RowWriter<'a, S> {
        RowWriter {
            sink,
            scratch,
            error: None,
        }
    }

    /// A text as it is.
    pub fn text(&mut self, value: &str) -> &mut Self {
        self.put(Value::Text(value))
    }

    /// An optional text, null when null.
    pub fn optional_text(&mut self, value: Option<&str>) -> &mut Self {
        self.put(value.map_or(Value::Null, Value::Text))
    }

    /// A boolean.
    pub fn boolean(&mut self, value: bool) -> &mut Self {
        self.put(Value::Boolean(value))
    }

    /// A cell with no value.
    pub fn null(&mut self) -> &mut Self {
        self.put(Value::Null)
    }

    /// An optional number. A number that is not finite has no decimal form
    /// and becomes a null.
    pub fn number(&mut self, value: Option<f64>) -> &mut Self {
        match value.filter(|value| value.is_finite()) {
            Some(value) => self.put(Value::Number(value)),
            None => self.null(),
        }
    }

    /// An optional integer.
    pub fn integer(&mut self, value: Option<impl Integer>) -> &mut Self {
        match value {
            Some(value) => self.put(Value::Integer(value.to_i64())),
            None => self.null(),
        }
    }

    /// An optional due date as text, in its ISO form (`2021-11`, `--12-31`).
    pub fn date(&mut self, value: Option<DueDate>) -> &mut Self {
        let Some(value) = value else {
            return self.null();
        };
        self.scratch.text.clear();
        // Writing into a String cannot fail.
        let _ = write!(self.scratch.text, "{value}");
        self.scratch_cell()
    }

    /// An optional calendar day.
    pub fn day(&mut self, value: Option<NaiveDate>) -> &mut Self {
        self.put(value.map_or(Value::Null, Value::Day))
    }

    /// Items joined with [`LIST_SEPARATOR`].
    pub fn list<'i>(&mut self, items: impl IntoIterator<Item = &'i str>) -> &mut Self {
        self.scratch.text.clear();
        for (index, item) in items.into_iter().enumerate() {
            if index > 0 {
                self.scratch.text.push_str(LIST_SEPARATOR);
            }
            self.scratch.text.push_str(item);
        }
        self.scratch_cell()
    }

    /// An optional enum value by the name it has in the JSON output
    /// (`"comune"`, `"mantenimento"`), so tables and JSON always spell values
    /// alike; empty when null, or when the value is not written as a string.
    pub fn name_of<T: Serialize>(&mut self, value: Option<&T>) -> &mut Self {
        self.scratch.text.clear();
        if let Some(value) = value {
            let Scratch { text, json } = &mut *self.scratch;
            name_into(value, json, text);
        }
        self.scratch_cell()
    }

    /// Ends the row; the first error met while writing it, if any.
    pub fn end(&mut self) -> Result<(), S::Error> {
        match self.error.take() {
            Some(error) => Err(error),
            None => self.sink.end_row(),
        }
    }

    /// The scratch buffer as a text cell.
    fn scratch_cell(&mut self) -> &mut Self {
        if self.error.is_none() {
            self.error = self.sink.value(Value::Text(&self.scratch.text)).err();
        }
        self
    }

    /// Hands `value` to the sink, unless an earlier cell failed.
    fn put(&mut self, value: Value<'_>) -> &mut Self {
        if self.error.is_none() {
            self.error = self.sink.value(value).err();
        }
        self
    }
}

/// The integer types of the model's counts, numbers and positions.
pub trait Integer {
    /// The value as a signed 64-bit integer, the type tables store.
    fn to_i64(self) -> i64;
}

impl Integer for u16 {
    fn to_i64(self) -> i64 {
        self.into()
    }
}

impl Integer for u32 {
    fn to_i64(self) -> i64 {
        self.into()
    }
}

impl Integer for usize {
    fn to_i64(self) -> i64 {
        // A count of things held in memory stays far below 2^63.
        i64::try_from(self).unwrap_or(i64::MAX)
    }
}

/// Appends to `into` the JSON name of a unit enum variant: the string it
/// serialises to, unquoted; nothing when it serialises to anything else.
/// `json` is a buffer to serialise in.
fn name_into<T: Serialize>(value: &T, json: &mut Vec<u8>, into: &mut String) {
    json.clear();
    if serde_json::to_writer(&mut *json, value).is_err() {
        return;
    }
    let plain = json
        .strip_prefix(b"\"")
        .and_then(|json| json.strip_suffix(b"\""))
        .filter(|name| !name.contains(&b'\\'));
    match plain.map(std::str::from_utf8) {
        Some(Ok(name)) => into.push_str(name),
        // An escaped string: let serde_json read it back.
        _ => {
            if let Ok(serde_json::Value::String(name)) = serde_json::from_slice(json) {
                into.push_str(&name);
            }
        }
    }
}

/// A phase's weight in percent of its structure: the objective's weight times
/// the phase's weight over 100, rounded to 4 decimals; null if either is null.
pub fn plan_weight(objective: Option<f64>, phase: Option<f64>) -> Option<f64> {
    let scale = 10f64.powi(PLAN_WEIGHT_DECIMALS);
    Some((objective? * phase? / 100.0 * scale).round() / scale)
}

/// The day a due date falls due by, to sort and filter on: the day itself,
/// the last day of a month, or a yearly day in the plan's `year` (none
/// without a year, or on 29 February of a year without one).
pub fn due_by(date: DueDate, year: Option<u16>) -> Option<NaiveDate> {
    let ymd = |year: u16, month: u8, day: u8| {
        NaiveDate::from_ymd_opt(year.into(), month.into(), day.into())
    };
    match date {
        DueDate::Day { year, month, day } => ymd(year, month, day),
        DueDate::Month { year, month } => ymd(year, month, 1)?
            .checked_add_months(Months::new(1))?
            .pred_opt(),
        DueDate::Yearly { month, day } => ymd(year?, month, day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::EnteKind;

    /// Records each value as it debug-prints, and `end` for the row's end.
    #[derive(Default)]
    struct Recorder(Vec<String>);

    impl RowSink for Recorder {
        type Error = std::convert::Infallible;
        fn value(&mut self, value: Value<'_>) -> Result<(), Self::Error> {
            self.0.push(format!("{value:?}"));
            Ok(())
        }
        fn end_row(&mut self) -> Result<(), Self::Error> {
            self.0.push("end".to_owned());
            Ok(())
        }
    }

    /// The values `fill` writes as one row.
    fn row(fill: impl FnOnce(&mut RowWriter<'_, Recorder>)) -> Vec<String> {
        let mut recorder = Recorder::default();
        let mut scratch = Scratch::default();
        let mut row = RowWriter::new(&mut recorder, &mut scratch);
        fill(&mut row);
        let Ok(()) = row.end();
        recorder.0
    }

    #[test]
    fn numbers_that_are_not_finite_are_null() {
        let values = row(|row| {
            row.number(Some(5.88))
                .number(Some(f64::NAN))
                .number(Some(f64::INFINITY))
                .number(None);
        });
        assert_eq!(values, ["Number(5.88)", "Null", "Null", "Null", "end"]);
    }

    #[test]
    fn plan_weights_are_rounded_to_four_decimals() {
        assert_eq!(plan_weight(Some(20.0), Some(50.0)), Some(10.0));
        assert_eq!(plan_weight(Some(33.0), Some(5.88)), Some(1.9404));
        assert_eq!(plan_weight(Some(33.33), Some(33.33)), Some(11.1089));
        assert_eq!(plan_weight(None, Some(50.0)), None);
        assert_eq!(plan_weight(Some(20.0), None), None);
    }

    #[test]
    fn lists_enums_dates_booleans_and_integers() {
        let values = row(|row| {
            row.list(["a", "b"])
                .list([])
                .name_of(Some(&EnteKind::CittaMetropolitana))
                .name_of(None::<&EnteKind>)
                .name_of(Some(&20))
                .date(DueDate::month(2021, 11))
                .date(None)
                .boolean(false)
                .integer(Some(2021u16))
                .integer(None::<u32>)
                .optional_text(Some("x, y"))
                .optional_text(None);
        });
        assert_eq!(
            values,
            [
                "Text(\"a | b\")",
                "Text(\"\")",
                "Text(\"citta-metropolitana\")",
                "Text(\"\")",
                "Text(\"\")",
                "Text(\"2021-11\")",
                "Null",
                "Boolean(false)",
                "Integer(2021)",
                "Null",
                "Text(\"x, y\")",
                "Null",
                "end",
            ]
        );
    }

    #[test]
    fn due_by_is_the_last_day_the_date_allows() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(
            due_by(
                DueDate::Day {
                    year: 2021,
                    month: 12,
                    day: 31
                },
                None
            ),
            day(2021, 12, 31)
        );
        assert_eq!(
            due_by(
                DueDate::Month {
                    year: 2024,
                    month: 2
                },
                None
            ),
            day(2024, 2, 29)
        );
        assert_eq!(
            due_by(
                DueDate::Month {
                    year: 2021,
                    month: 12
                },
                None
            ),
            day(2021, 12, 31)
        );
        let yearly = |month, day| DueDate::Yearly { month, day };
        assert_eq!(due_by(yearly(6, 30), Some(2022)), day(2022, 6, 30));
        assert_eq!(due_by(yearly(6, 30), None), None);
        assert_eq!(due_by(yearly(2, 29), Some(2023)), None);
    }

    #[test]
    fn an_escaped_name_is_read_back_unescaped() {
        let mut name = String::new();
        name_into(&"say \"hi\"", &mut Vec::new(), &mut name);
        assert_eq!(name, "say \"hi\"");
    }
}
