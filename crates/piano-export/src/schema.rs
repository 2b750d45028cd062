//! The JSON Schema of the JSON output, generated from the model so it cannot
//! drift from what the writers produce.

use piano_model::{Plan, SCHEMA};
use serde_json::Value;

/// The schema's `$id`: names the contract version it describes.
pub const SCHEMA_ID: &str = "urn:piano:schema:piano.plan/1";

/// The JSON Schema (draft 2020-12) every JSON and NDJSON plan validates
/// against. `schema` is pinned to `piano.plan/1`.
pub fn json_schema() -> Value {
    let mut schema = schemars::schema_for!(Plan).to_value();
    if let Some(root) = schema.as_object_mut() {
        root.insert("$id".to_owned(), Value::from(SCHEMA_ID));
        root.insert(
            "title".to_owned(),
            Value::from(format!("{SCHEMA}: one Italian performance plan")),
        );
    }
    if let Some(property) = schema.pointer_mut("/properties/schema") {
        *property = serde_json::json!({
            "description": "The contract version; always `piano.plan/1`.",
            "const": SCHEMA,
        });
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_contract_version() {
        let schema = json_schema();
        assert_eq!(schema["$id"], SCHEMA_ID);
        assert_eq!(
            schema["title"],
            "piano.plan/1: one Italian performance plan"
        );
        assert_eq!(schema["properties"]["schema"]["const"], "piano.plan/1");
        let required = schema["required"].as_array().expect("required fields");
        assert!(required.iter().any(|field| field == "structures"));
    }
}
