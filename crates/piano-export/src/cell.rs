//! How values become CSV cells: numbers as their shortest round-trip decimal,
//! booleans as `true`/`false`, lists joined with ` | `, nulls as empty cells.
//!
//! [`RowWriter`] writes one row cell by cell straight into a table's CSV
//! writer: text is written borrowed, and numbers, lists and enum names are
//! formatted in one scratch buffer reused for every cell of every row, so a
//! row costs no allocation (the tables of an archive hold millions of cells).

use std::fmt::{Display, Write as _};
use std::io::Write;

use piano_model::DueDate;
use serde::Serialize;

/// The separator between the items of a list in one cell.
pub const LIST_SEPARATOR: &str = " | ";

/// Decimal places `plan_weight` is rounded to.
const PLAN_WEIGHT_DECIMALS: i32 = 4;

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
pub struct RowWriter<'a, W: Write> {
    writer: &'a mut csv::Writer<W>,
    scratch: &'a mut Scratch,
    error: Option<csv::Error>,
}

impl<'a, W: Write> RowWriter<'a, W> {
    /// Starts a row in `writer`, formatting cells in `scratch`.
    pub fn new(writer: &'a mut csv::Writer<W>, scratch: &'a mut Scratch) -> RowWriter<'a, W> {
        RowWriter {
            writer,
            scratch,
            error: None,
        }
    }

    /// A text as it is.
    pub fn text(&mut self, value: &str) -> &mut Self {
        if self.error.is_none() {
            self.error = self.writer.write_field(value).err();
        }
        self
    }

    /// An optional text, empty when null.
    pub fn optional_text(&mut self, value: Option<&str>) -> &mut Self {
        self.text(value.unwrap_or_default())
    }

    /// A boolean as `true` or `false`.
    pub fn boolean(&mut self, value: bool) -> &mut Self {
        self.text(if value { "true" } else { "false" })
    }

    /// An optional number as the shortest decimal that reads back to the same
    /// `f64`, with a `.` decimal point and no exponent (`20.0` is `20`, `5.88`
    /// is `5.88`); empty when null. A number that is not finite has no
    /// decimal form and becomes an empty cell.
    pub fn number(&mut self, value: Option<f64>) -> &mut Self {
        match value.filter(|value| value.is_finite()) {
            Some(value) => self.formatted(value),
            None => self.text(""),
        }
    }

    /// An optional integer, empty when null.
    pub fn integer(&mut self, value: Option<impl Integer>) -> &mut Self {
        self.displayed(value)
    }

    /// An optional due date in its ISO form, empty when null.
    pub fn date(&mut self, value: Option<DueDate>) -> &mut Self {
        self.displayed(value)
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
    /// (`"comune"`, `"mantenimento"`), so CSV and JSON always spell values
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
    pub fn end(&mut self) -> csv::Result<()> {
        match self.error.take() {
            Some(error) => Err(error),
            None => self.writer.write_record(None::<&[u8]>),
        }
    }

    /// An optional value as it displays, empty when null.
    fn displayed(&mut self, value: Option<impl Display>) -> &mut Self {
        match value {
            Some(value) => self.formatted(value),
            None => self.text(""),
        }
    }

    /// A value as it displays.
    fn formatted(&mut self, value: impl Display) -> &mut Self {
        self.scratch.text.clear();
        // Writing into a String cannot fail.
        let _ = write!(self.scratch.text, "{value}");
        self.scratch_cell()
    }

    /// The scratch buffer as a cell.
    fn scratch_cell(&mut self) -> &mut Self {
        if self.error.is_none() {
            self.error = self.writer.write_field(self.scratch.text.as_bytes()).err();
        }
        self
    }
}

/// The integer types of the model's counts, numbers and positions.
pub trait Integer: Display {}
impl Integer for u16 {}
impl Integer for u32 {}
impl Integer for usize {}

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

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::EnteKind;

    /// The cells `fill` writes as one CSV line, without its terminator.
    fn row(fill: impl FnOnce(&mut RowWriter<'_, &mut Vec<u8>>)) -> String {
        let mut bytes = Vec::new();
        let mut scratch = Scratch::default();
        {
            let mut writer = csv::WriterBuilder::new().from_writer(&mut bytes);
            let mut row = RowWriter::new(&mut writer, &mut scratch);
            fill(&mut row);
            row.end().expect("the row is written");
            writer.flush().expect("the row is flushed");
        }
        let text = String::from_utf8(bytes).expect("UTF-8");
        text.trim_end_matches('\n').to_owned()
    }

    #[test]
    fn numbers_are_shortest_round_trip_decimals() {
        let cells = row(|row| {
            row.number(Some(20.0))
                .number(Some(5.88))
                .number(Some(0.1 + 0.2))
                .number(Some(1e21))
                .number(Some(f64::NAN))
                .number(None);
        });
        assert_eq!(
            cells,
            "20,5.88,0.30000000000000004,1000000000000000000000,,"
        );
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
    fn lists_enums_booleans_and_integers() {
        let cells = row(|row| {
            row.list(["a", "b"])
                .list([])
                .name_of(Some(&EnteKind::CittaMetropolitana))
                .name_of(None::<&EnteKind>)
                .name_of(Some(&20))
                .boolean(false)
                .integer(Some(2021u16))
                .integer(None::<u32>)
                .optional_text(Some("x, y"));
        });
        assert_eq!(cells, "a | b,,citta-metropolitana,,,false,2021,,\"x, y\"");
    }

    #[test]
    fn an_escaped_name_is_read_back_unescaped() {
        let mut name = String::new();
        name_into(&"say \"hi\"", &mut Vec::new(), &mut name);
        assert_eq!(name, "say \"hi\"");
    }
}
