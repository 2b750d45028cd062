//! How values become CSV cells: numbers as their shortest round-trip decimal,
//! booleans as `true`/`false`, lists joined with ` | `, nulls as empty cells.

use serde::Serialize;

/// The separator between the items of a list in one cell.
pub const LIST_SEPARATOR: &str = " | ";

/// Decimal places `plan_weight` is rounded to.
const PLAN_WEIGHT_DECIMALS: i32 = 4;

/// A number as the shortest decimal that reads back to the same `f64`, with a
/// `.` decimal point and no exponent (`20.0` is `20`, `5.88` is `5.88`). A
/// number that is not finite has no decimal form and becomes an empty cell.
pub fn number(value: f64) -> String {
    if value.is_finite() {
        format!("{value}")
    } else {
        String::new()
    }
}

/// An optional number, empty when null.
pub fn optional_number(value: Option<f64>) -> String {
    value.map(number).unwrap_or_default()
}

/// An optional integer, empty when null.
pub fn optional_integer(value: Option<impl ToString>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// An optional text, empty when null.
pub fn optional_text(value: Option<&str>) -> String {
    value.unwrap_or_default().to_owned()
}

/// A boolean as `true` or `false`.
pub fn boolean(value: bool) -> String {
    value.to_string()
}

/// Items joined with [`LIST_SEPARATOR`].
pub fn list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join(LIST_SEPARATOR)
}

/// The name a unit enum variant has in the JSON output (`"comune"`,
/// `"mantenimento"`), so CSV and JSON always spell values alike.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// An optional enum value by its JSON name, empty when null.
pub fn optional_name_of<T: Serialize>(value: Option<&T>) -> String {
    value.map(name_of).unwrap_or_default()
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

    #[test]
    fn numbers_are_shortest_round_trip_decimals() {
        assert_eq!(number(20.0), "20");
        assert_eq!(number(5.88), "5.88");
        assert_eq!(number(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(number(1e21), "1000000000000000000000");
        assert_eq!(number(f64::NAN), "");
        assert_eq!(optional_number(None), "");
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
    fn lists_enums_and_booleans() {
        assert_eq!(list(["a", "b"]), "a | b");
        assert_eq!(list([]), "");
        assert_eq!(
            name_of(&EnteKind::CittaMetropolitana),
            "citta-metropolitana"
        );
        assert_eq!(boolean(false), "false");
    }
}
