//! Field-by-field comparison of an expected plan's JSON with a plan read back.
//!
//! Every key of the expected JSON is checked; keys only the actual plan has
//! (diagnostics, fields added to the contract later) are ignored, so an
//! expectation may leave out what it cannot know. Numbers compare with a
//! tolerance of 1e-6; arrays of different lengths report the lengths and
//! then compare the elements they share.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;

/// One field where the actual plan differs from the expected one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// Where: `structures[2].objectives[0].due.date`.
    pub path: String,
    /// The expected value, as compact JSON cut to 100 characters.
    pub expected: String,
    /// The actual value, likewise; `(missing)` when the field is absent.
    pub actual: String,
}

impl Mismatch {
    /// The path with indices removed (`structures[].objectives[].due.date`),
    /// to count mismatches per field over a corpus.
    pub fn field(&self) -> String {
        let mut field = String::with_capacity(self.path.len());
        let mut in_index = false;
        for c in self.path.chars() {
            match c {
                '[' => {
                    in_index = true;
                    field.push('[');
                }
                ']' => {
                    in_index = false;
                    field.push(']');
                }
                _ if in_index => {}
                c => field.push(c),
            }
        }
        field
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: expected {}, got {}",
            self.path, self.expected, self.actual
        )
    }
}

/// Every field where `actual` differs from `expected`.
pub fn compare(expected: &Value, actual: &Value) -> Vec<Mismatch> {
    let mut mismatches = Vec::new();
    walk(String::new(), expected, Some(actual), &mut mismatches);
    mismatches
}

/// Mismatch counts per field (see [`Mismatch::field`]), most frequent first.
pub fn tally<'a>(mismatches: impl IntoIterator<Item = &'a Mismatch>) -> Vec<(String, usize)> {
    let mut counts = BTreeMap::<String, usize>::new();
    for mismatch in mismatches {
        *counts.entry(mismatch.field()).or_default() += 1;
    }
    let mut counts: Vec<(String, usize)> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    counts
}

fn walk(path: String, expected: &Value, actual: Option<&Value>, out: &mut Vec<Mismatch>) {
    let Some(actual) = actual else {
        out.push(mismatch(path, expected, None));
        return;
    };
    match (expected, actual) {
        (Value::Object(expected), Value::Object(actual)) => {
            for (key, value) in expected {
                let child = if path.is_empty() {
                    key.clone()
                } else {
                    format!("{path}.{key}")
                };
                walk(child, value, actual.get(key), out);
            }
        }
        (Value::Array(expected), Value::Array(actual)) => {
            if expected.len() != actual.len() {
                out.push(Mismatch {
                    path: format!("{path}.length"),
                    expected: expected.len().to_string(),
                    actual: actual.len().to_string(),
                });
            }
            for (index, (e, a)) in expected.iter().zip(actual).enumerate() {
                walk(format!("{path}[{index}]"), e, Some(a), out);
            }
        }
        (Value::Number(e), Value::Number(a)) => {
            let (e, a) = (
                e.as_f64().unwrap_or(f64::NAN),
                a.as_f64().unwrap_or(f64::NAN),
            );
            if (e - a).abs() > 1e-6 || e.is_nan() != a.is_nan() {
                out.push(mismatch(path, expected, Some(actual)));
            }
        }
        (e, a) if e == a => {}
        _ => out.push(mismatch(path, expected, Some(actual))),
    }
}

fn mismatch(path: String, expected: &Value, actual: Option<&Value>) -> Mismatch {
    Mismatch {
        path,
        expected: shown(expected),
        actual: actual.map_or_else(|| "(missing)".to_owned(), shown),
    }
}

fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() <= 100 {
        return text;
    }
    let cut: String = text.chars().take(97).collect();
    format!("{cut}...")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn reports_each_differing_field_with_its_path() {
        let expected = json!({"year": 2021, "structures": [{"name": "A", "weight": 8.33}]});
        let actual = json!({"year": 2021, "structures": [{"name": "B", "weight": 8.33}], "x": 1});
        let found = compare(&expected, &actual);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].to_string(),
            "structures[0].name: expected \"A\", got \"B\""
        );
        assert_eq!(found[0].field(), "structures[].name");
    }

    #[test]
    fn reports_missing_fields_and_length_differences() {
        let expected = json!({"title": "T", "list": [1, 2]});
        let actual = json!({"list": [1]});
        let found: Vec<String> = compare(&expected, &actual)
            .iter()
            .map(|m| m.to_string())
            .collect();
        assert_eq!(
            found,
            [
                "list.length: expected 2, got 1",
                "title: expected \"T\", got (missing)",
            ]
        );
    }

    #[test]
    fn tallies_mismatches_per_field() {
        let expected = json!({"a": [1, 2, 3], "b": 1});
        let actual = json!({"a": [0, 0, 3], "b": 2});
        let counts = tally(&compare(&expected, &actual));
        assert_eq!(counts, [("a[]".to_owned(), 2), ("b".to_owned(), 1)]);
    }
}
