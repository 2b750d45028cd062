//! The Frictionless Data Package (v1, `tabular-data-package`) describing the
//! CSV tables: fields with types, Italian titles, English descriptions,
//! constraints, primary and foreign keys.

use piano_model::SCHEMA;
use serde_json::{Map, Value, json};

use crate::Table;
use crate::table::{Column, Constraint, ForeignKey};

/// The package's name in `datapackage.json`.
const PACKAGE_NAME: &str = "piano-plans";

/// `datapackage.json` for the tables [`crate::CsvTables`] writes, as a JSON value.
pub fn datapackage() -> Value {
    let resources: Vec<Value> = Table::ALL.into_iter().map(resource).collect();
    json!({
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Piani della performance",
        "description": format!(
            "Italian public-sector performance plans extracted by piano, data contract {SCHEMA}."
        ),
        "resources": resources,
    })
}

fn resource(table: Table) -> Value {
    let fields: Vec<Value> = table.columns().iter().map(field).collect();
    let mut schema = Map::new();
    schema.insert("fields".to_owned(), Value::from(fields));
    schema.insert("missingValues".to_owned(), json!([""]));
    if !table.primary_key().is_empty() {
        schema.insert("primaryKey".to_owned(), json!(table.primary_key()));
    }
    if !table.foreign_keys().is_empty() {
        let keys: Vec<Value> = table.foreign_keys().iter().map(foreign_key).collect();
        schema.insert("foreignKeys".to_owned(), Value::from(keys));
    }
    json!({
        "profile": "tabular-data-resource",
        "name": table.name(),
        "path": table.file_name(),
        "description": table.description(),
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "dialect": {
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true,
            "header": true,
        },
        "schema": schema,
    })
}

fn field(column: &Column) -> Value {
    let mut field = json!({
        "name": column.name,
        "title": column.title,
        "description": column.description,
        "type": column.field_type.name(),
    });
    let mut constraints = Map::new();
    if column.required {
        constraints.insert("required".to_owned(), Value::Bool(true));
    }
    match column.constraint {
        Constraint::Any => {}
        Constraint::Pattern(pattern) => {
            constraints.insert("pattern".to_owned(), Value::from(pattern));
        }
        Constraint::OneOf(names) => {
            constraints.insert("enum".to_owned(), Value::from(names()));
        }
    }
    if !constraints.is_empty() {
        field["constraints"] = Value::Object(constraints);
    }
    field
}

fn foreign_key(key: &ForeignKey) -> Value {
    json!({
        "fields": key.fields,
        "reference": { "resource": key.table.name(), "fields": key.reference },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource_named<'a>(package: &'a Value, name: &str) -> &'a Value {
        package["resources"]
            .as_array()
            .expect("resources")
            .iter()
            .find(|resource| resource["name"] == name)
            .expect("the resource is described")
    }

    #[test]
    fn describes_every_table_with_its_file() {
        let package = datapackage();
        assert_eq!(package["profile"], "tabular-data-package");
        for table in Table::ALL {
            let resource = resource_named(&package, table.name());
            assert_eq!(resource["path"], table.file_name());
            assert_eq!(resource["encoding"], "utf-8");
            assert_eq!(resource["schema"]["missingValues"], json!([""]));
            let names: Vec<&str> = resource["schema"]["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .filter_map(|field| field["name"].as_str())
                .collect();
            let columns: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
            assert_eq!(names, columns);
        }
    }

    #[test]
    fn fields_have_types_titles_and_constraints() {
        let package = datapackage();
        let objectives = resource_named(&package, "objectives");
        let field = |name: &str| {
            objectives["schema"]["fields"]
                .as_array()
                .expect("fields")
                .iter()
                .find(|field| field["name"] == name)
                .expect("the field is described")
                .clone()
        };
        assert_eq!(field("weight")["type"], "number");
        assert_eq!(field("weight")["title"], "Peso %");
        assert_eq!(field("number")["title"], "N°");
        assert_eq!(field("due_multiyear")["type"], "boolean");
        assert_eq!(field("due_date")["type"], "string");
        assert!(field("due_date")["constraints"]["pattern"].is_string());
        assert_eq!(
            field("level")["constraints"]["enum"],
            json!(["objective", "phase"])
        );
        assert_eq!(
            objectives["schema"]["primaryKey"],
            json!(["plan_id", "structure", "number"])
        );
        assert_eq!(
            objectives["schema"]["foreignKeys"][0]["reference"]["resource"],
            "structures"
        );
    }

    #[test]
    fn tables_without_a_natural_key_have_no_primary_key() {
        let package = datapackage();
        for name in ["staff", "diagnostics"] {
            assert!(resource_named(&package, name)["schema"]["primaryKey"].is_null());
        }
    }
}
