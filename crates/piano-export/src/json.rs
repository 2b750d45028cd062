//! One plan as JSON (pretty) or as one NDJSON line (compact).

use std::io::Write;

use piano_model::Plan;

use crate::{ExportError, ExportOptions};

/// Writes `plan` as one pretty-printed JSON document followed by a newline.
pub fn write_json<W: Write>(
    plan: &Plan,
    options: ExportOptions,
    writer: W,
) -> Result<(), ExportError> {
    write_plan(plan, options, writer, Layout::Pretty)
}

/// Writes `plan` as one compact JSON line ending in a newline: call it once
/// per plan to stream many plans as NDJSON.
pub fn write_ndjson<W: Write>(
    plan: &Plan,
    options: ExportOptions,
    writer: W,
) -> Result<(), ExportError> {
    write_plan(plan, options, writer, Layout::Compact)
}

/// How a plan's JSON is laid out.
enum Layout {
    /// Indented, for people.
    Pretty,
    /// One line, for streams.
    Compact,
}

/// Room for a typical plan's JSON, so the buffer seldom grows.
const TYPICAL_PLAN_BYTES: usize = 128 * 1024;

/// Serialises into memory first and hands `writer` the whole document in one
/// call: serde_json writes token by token (every indentation, every quote),
/// and through a buffered file behind a `dyn Write` those small writes cost
/// more than the serialisation itself.
fn write_plan<W: Write>(
    plan: &Plan,
    options: ExportOptions,
    mut writer: W,
    layout: Layout,
) -> Result<(), ExportError> {
    let error = |source| ExportError::Json {
        plan_id: plan.plan_id.clone(),
        source,
    };
    let publishable = options.publishable(plan);
    let mut bytes = Vec::with_capacity(TYPICAL_PLAN_BYTES);
    match layout {
        Layout::Pretty => serde_json::to_writer_pretty(&mut bytes, &*publishable),
        Layout::Compact => serde_json::to_writer(&mut bytes, &*publishable),
    }
    .map_err(error)?;
    bytes.push(b'\n');
    writer
        .write_all(&bytes)
        .map_err(|io| error(serde_json::Error::io(io)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_plan;
    use serde_json::Value;

    fn staff_names(plan: &Value) -> Vec<Value> {
        plan["structures"][0]["staff"]
            .as_array()
            .expect("a staff array")
            .iter()
            .map(|staff| staff["name"].clone())
            .collect()
    }

    #[test]
    fn json_reads_back_as_the_plan_without_staff_names() {
        let mut out = Vec::new();
        write_json(&sample_plan(), ExportOptions::default(), &mut out).expect("JSON is written");
        let text = String::from_utf8(out).expect("UTF-8");
        assert!(text.starts_with("{\n  \"schema\": \"piano.plan/1\",\n  \"source\""));
        assert!(text.ends_with("}\n"));
        let read: Plan = serde_json::from_str(&text).expect("the model reads its own JSON");
        let mut expected = sample_plan();
        for staff in &mut expected.structures[0].staff {
            staff.name = None;
        }
        assert_eq!(read, expected);
    }

    #[test]
    fn json_keeps_staff_names_when_asked() {
        let mut out = Vec::new();
        let options = ExportOptions {
            include_staff: true,
        };
        write_json(&sample_plan(), options, &mut out).expect("JSON is written");
        let value: Value = serde_json::from_slice(&out).expect("valid JSON");
        assert_eq!(staff_names(&value), ["Mario Rossi", "Anna Bianchi"]);
    }

    #[test]
    fn ndjson_writes_one_compact_line_per_plan() {
        let mut out = Vec::new();
        for _ in 0..2 {
            write_ndjson(&sample_plan(), ExportOptions::default(), &mut out)
                .expect("a line is written");
        }
        let text = String::from_utf8(out).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        for line in lines {
            let value: Value = serde_json::from_str(line).expect("each line is a plan");
            assert_eq!(value["schema"], "piano.plan/1");
            assert_eq!(staff_names(&value), [Value::Null, Value::Null]);
        }
    }
}
