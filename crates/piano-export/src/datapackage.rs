//! The Frictionless Data Package (v1, `tabular-data-package`) describing the
//! tables in each format written (CSV, Parquet): fields with types, Italian
//! titles, English descriptions, constraints, primary and foreign keys, and
//! the licence.

use piano_model::SCHEMA;
use serde_json::{Map, Value, json};

use crate::table::{Column, Constraint, ForeignKey, TableFormat};
use crate::{License, Table};

/// The package's name in `datapackage.json`.
const PACKAGE_NAME: &str = "piano-plans";

/// `datapackage.json` for the tables written in `formats` ([`crate::CsvTables`],
/// [`crate::ParquetTables`]) under `license`, as a JSON value: one resource
/// per table and format, the CSV ones named as the table (`plans`), the
/// Parquet ones with a `-parquet` suffix (`plans-parquet`).
pub fn datapackage(formats: &[TableFormat], license: &License) -> Value {
    let resources: Vec<Value> = formats
        .iter()
        .flat_map(|&format| {
            Table::ALL
                .into_iter()
                .map(move |table| resource(table, format))
        })
        .collect();
    let mut licence = Map::new();
    if let Some(spdx) = license.spdx() {
        licence.insert("name".to_owned(), Value::from(spdx));
    }
    licence.insert("path".to_owned(), Value::from(license.url()));
    licence.insert("title".to_owned(), Value::from(license.title()));
    json!({
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME,
        "title": "Piani della performance",
        "description": format!(
            "Italian public-sector performance plans extracted by piano, data contract {SCHEMA}."
        ),
        "licenses": [licence],
        "resources": resources,
    })
}

/// The resource name of `table` in `format`.
pub(crate) fn resource_name(table: Table, format: TableFormat) -> String {
    match format {
        TableFormat::Csv => table.name().to_owned(),
        TableFormat::Parquet => format!("{}-parquet", table.name()),
    }
}

fn resource(table: Table, format: TableFormat) -> Value {
    let fields: Vec<Value> = table.columns().iter().map(field).collect();
    let mut schema = Map::new();
    schema.insert("fields".to_owned(), Value::from(fields));
    schema.insert("missingValues".to_owned(), json!([""]));
    if !table.primary_key().is_empty() {
        schema.insert("primaryKey".to_owned(), json!(table.primary_key()));
    }
    if !table.foreign_keys().is_empty() {
        let keys: Vec<Value> = table
            .foreign_keys()
            .iter()
            .map(|key| foreign_key(key, format))
            .collect();
        schema.insert("foreignKeys".to_owned(), Value::from(keys));
    }
    let mut resource = json!({
        "profile": "tabular-data-resource",
        "name": resource_name(table, format),
        "path": table.file_name_in(format),
        "description": table.description(),
        "format": format.name(),
        "mediatype": format.media_type(),
    });
    if format == TableFormat::Csv {
        resource["encoding"] = json!("utf-8");
        resource["dialect"] = json!({
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true,
            "header": true,
        });
    }
    resource["schema"] = Value::Object(schema);
    resource
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

fn foreign_key(key: &ForeignKey, format: TableFormat) -> Value {
    json!({
        "fields": key.fields,
        "reference": { "resource": resource_name(key.table, format), "fields": key.reference },
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

    fn csv_package() -> Value {
        datapackage(&[TableFormat::Csv], &License::default())
    }

    #[test]
    fn describes_every_table_with_its_file() {
        let package = csv_package();
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
        let package = csv_package();
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
        let package = csv_package();
        for name in ["staff", "diagnostics"] {
            assert!(resource_named(&package, name)["schema"]["primaryKey"].is_null());
        }
    }

    #[test]
    fn parquet_resources_have_the_same_schema_and_their_own_keys() {
        let formats = [TableFormat::Csv, TableFormat::Parquet];
        let package = datapackage(&formats, &License::default());
        assert_eq!(package["resources"].as_array().map(Vec::len), Some(12));
        let csv = resource_named(&package, "objectives");
        let parquet = resource_named(&package, "objectives-parquet");
        assert_eq!(parquet["path"], "objectives.parquet");
        assert_eq!(parquet["format"], "parquet");
        assert_eq!(parquet["mediatype"], "application/vnd.apache.parquet");
        assert!(parquet["dialect"].is_null());
        assert_eq!(parquet["schema"]["fields"], csv["schema"]["fields"]);
        assert_eq!(
            parquet["schema"]["foreignKeys"][0]["reference"]["resource"],
            "structures-parquet"
        );
    }

    #[test]
    fn the_licence_is_declared() {
        assert_eq!(
            csv_package()["licenses"],
            json!([{
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0 International",
            }])
        );
        let url = License::Url("https://www.dati.gov.it/iodl/2.0/".to_owned());
        let package = datapackage(&[TableFormat::Csv], &url);
        assert_eq!(
            package["licenses"],
            json!([{ "path": "https://www.dati.gov.it/iodl/2.0/", "title": "https://www.dati.gov.it/iodl/2.0/" }])
        );
    }
}
