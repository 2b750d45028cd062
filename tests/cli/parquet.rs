//! Parquet tables and the release's catalogue end to end: `piano batch
//! --format csv,parquet` over fixtures gives Parquet files that read back,
//! row for row, as the CSV tables beside them, typed as `datapackage.json`
//! declares; `piano extract --format parquet` writes a folder; the
//! catalogue lists every file and the flags it lacks are named.

use std::fs::File;
use std::path::Path;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::Value;

use crate::support::{fixture, piano, temp_dir};

/// A few fixtures of different families and readers.
fn inputs() -> Vec<String> {
    [
        "portoferraio-2021.txt",
        "text/bergamo-2023.txt",
        "text/bibbona-2022.txt",
        "pdf/portoferraio-2021.chromium.pdf",
    ]
    .map(fixture)
    .to_vec()
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("output file is readable");
    serde_json::from_str(&text).expect("output file is JSON")
}

fn batch(out: &Path, extra: &[&str]) -> crate::support::Run {
    let inputs = inputs();
    let mut args = vec!["batch", "--out", out.to_str().expect("UTF-8 path")];
    args.extend(inputs.iter().map(String::as_str));
    args.extend(extra);
    piano(&args)
}

/// The record batches of a Parquet file.
fn parquet_batches(path: &Path) -> Vec<RecordBatch> {
    let file = File::open(path).expect("the Parquet file opens");
    ParquetRecordBatchReaderBuilder::try_new(file)
        .expect("a Parquet file")
        .build()
        .expect("a reader")
        .map(|batch| batch.expect("a record batch"))
        .collect()
}

/// The cell at `row` of `column` as its CSV cell reads: nulls empty.
fn as_csv_cell(column: &dyn Array, row: usize) -> String {
    if column.is_null(row) {
        return String::new();
    }
    match column.data_type() {
        DataType::Utf8 => column.as_string::<i32>().value(row).to_owned(),
        DataType::Int64 => column.as_primitive::<Int64Type>().value(row).to_string(),
        DataType::Float64 => column.as_primitive::<Float64Type>().value(row).to_string(),
        DataType::Boolean => column.as_boolean().value(row).to_string(),
        DataType::Date32 => column
            .as_primitive::<Date32Type>()
            .value_as_date(row)
            .map(|day| day.to_string())
            .unwrap_or_default(),
        other => panic!("no table column is of type {other}"),
    }
}

/// The Arrow type a Frictionless field type is written as.
fn arrow_type(field_type: &str) -> DataType {
    match field_type {
        "string" => DataType::Utf8,
        "integer" => DataType::Int64,
        "number" => DataType::Float64,
        "boolean" => DataType::Boolean,
        "date" => DataType::Date32,
        other => panic!("no field of type {other}"),
    }
}

#[test]
fn parquet_tables_read_back_as_the_csv_tables_typed_as_declared() {
    let out = temp_dir();
    let run = batch(
        out.path(),
        &["--format", "csv,parquet", "-j", "2", "--quiet"],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let package = read_json(&out.path().join("datapackage.json"));
    let resources = package["resources"].as_array().expect("resources");
    let parquet: Vec<&Value> = resources
        .iter()
        .filter(|r| r["format"] == "parquet")
        .collect();
    assert_eq!(parquet.len(), 6, "one Parquet resource per table");
    let mut rows_compared = 0;
    for resource in parquet {
        let path = out.path().join(resource["path"].as_str().expect("a path"));
        let csv_path = path.with_extension("csv");
        let mut records = csv::Reader::from_path(&csv_path).expect("the CSV table opens");
        let header: Vec<String> = records
            .headers()
            .expect("a header")
            .iter()
            .map(str::to_owned)
            .collect();
        let mut csv_rows = records.records().map(|record| record.expect("a CSV row"));
        let fields = resource["schema"]["fields"].as_array().expect("fields");
        for batch in parquet_batches(&path) {
            let schema = batch.schema();
            for (field, declared) in schema.fields().iter().zip(fields) {
                assert_eq!(field.name(), declared["name"].as_str().expect("a name"));
                let declared_type = declared["type"].as_str().expect("a type");
                assert_eq!(
                    field.data_type(),
                    &arrow_type(declared_type),
                    "{}",
                    field.name()
                );
                let required = declared["constraints"]["required"] == true;
                assert_eq!(field.is_nullable(), !required, "{}", field.name());
            }
            assert_eq!(schema.fields().len(), header.len(), "{}", path.display());
            for row in 0..batch.num_rows() {
                let cells: Vec<String> = batch
                    .columns()
                    .iter()
                    .map(|column| as_csv_cell(column.as_ref(), row))
                    .collect();
                let csv_row = csv_rows.next().expect("as many CSV rows");
                assert_eq!(
                    cells,
                    csv_row.iter().collect::<Vec<_>>(),
                    "{} row {row}",
                    path.display()
                );
                rows_compared += 1;
            }
        }
        assert!(
            csv_rows.next().is_none(),
            "{} has every CSV row",
            path.display()
        );
    }
    assert!(
        rows_compared > 200,
        "the fixtures give rows: {rows_compared}"
    );
}

#[test]
fn extract_writes_a_folder_of_parquet_tables() {
    let out = temp_dir();
    let folder = out.path().join("tables");
    let run = piano(&[
        "extract",
        &fixture("portoferraio-2021.txt"),
        "--format",
        "parquet",
        "-o",
        folder.to_str().expect("UTF-8 path"),
        "--license",
        "CC0-1.0",
    ]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let package = read_json(&folder.join("datapackage.json"));
    assert_eq!(package["licenses"][0]["name"], "CC0-1.0");
    let objectives = parquet_batches(&folder.join("objectives.parquet"));
    let rows: usize = objectives.iter().map(RecordBatch::num_rows).sum();
    assert!(rows > 10, "objectives and phases: {rows}");
    assert!(!folder.join("objectives.csv").exists(), "Parquet only");
    let missing = piano(&[
        "extract",
        &fixture("portoferraio-2021.txt"),
        "--format",
        "parquet",
    ]);
    assert_eq!(
        missing.code,
        Some(2),
        "a folder is required: {}",
        missing.stderr
    );
}

#[test]
fn the_catalog_lists_every_file_and_names_the_flags_it_lacks() {
    let out = temp_dir();
    let run = batch(out.path(), &["--format", "json,csv,parquet,ndjson"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    for flag in [
        "--base-url",
        "--publisher",
        "--publisher-ipa",
        "--contact",
        "--release-date",
    ] {
        assert!(
            run.stderr.contains(flag),
            "the warning names {flag}: {}",
            run.stderr
        );
    }
    let catalog = read_json(&out.path().join("catalog.jsonld"));
    let graph = catalog["@graph"].as_array().expect("a graph");
    let distributions = graph
        .iter()
        .filter(|node| {
            node["@type"]
                .as_array()
                .is_some_and(|types| types.contains(&"dcat:Distribution".into()))
        })
        .count();
    assert_eq!(
        distributions,
        6 + 6 + 1 + 1,
        "tables in two formats, NDJSON, JSON"
    );

    let out = temp_dir();
    let run = batch(
        out.path(),
        &[
            "--format",
            "parquet",
            "--base-url",
            "https://dati.example.it/piani",
            "--publisher",
            "Comune di Esempio",
            "--publisher-ipa",
            "c_x000",
            "--contact",
            "opendata@example.it",
            "--release-date",
            "2024-03-01",
            "--license",
            "https://www.dati.gov.it/iodl/2.0/",
        ],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        !run.stderr.contains("catalog.jsonld lacks"),
        "{}",
        run.stderr
    );
    let catalog = std::fs::read_to_string(out.path().join("catalog.jsonld")).expect("written");
    assert!(catalog.contains("\"c_x000:piano-plans\""), "{catalog}");
    let package = read_json(&out.path().join("datapackage.json"));
    assert_eq!(
        package["licenses"][0]["path"],
        "https://www.dati.gov.it/iodl/2.0/"
    );
    let bad = batch(out.path(), &["--contact", "nobody", "--quiet"]);
    assert_eq!(bad.code, Some(2), "{}", bad.stderr);
}
