//! One plan as JSON (pretty) or as one NDJSON line (compact), or both at
//! once for the price of one serialisation ([`Documents::of`]).

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

/// One plan as both its pretty JSON document and its NDJSON line, each
/// ending in a newline, byte for byte what [`write_json`] and
/// [`write_ndjson`] write: `piano batch` writes both for every plan. The
/// buffers are meant to be reused from plan to plan.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Documents {
    /// The pretty-printed document.
    pub pretty: Vec<u8>,
    /// The compact line.
    pub line: Vec<u8>,
}

impl Documents {
    /// Fills both buffers with `plan`'s documents, replacing what they held.
    /// The plan is serialised once, compact, and the pretty document laid
    /// out from those bytes: the layout only adds whitespace outside
    /// strings, which costs a fraction of serialising again.
    pub fn fill(&mut self, plan: &Plan, options: ExportOptions) -> Result<(), ExportError> {
        self.line.clear();
        serialize_into(plan, options, Layout::Compact, &mut self.line)?;
        self.pretty.clear();
        let compact = self.line.strip_suffix(b"\n").unwrap_or(&self.line);
        pretty_from_compact(compact, &mut self.pretty);
        self.pretty.push(b'\n');
        Ok(())
    }
}

/// Lays out compact JSON as serde_json's pretty printer does: two spaces of
/// indentation per level, a line per member and element, `": "` between key
/// and value, empty objects and arrays as `{}` and `[]`. Compact JSON has no
/// whitespace outside strings, so the structure shows in single bytes;
/// strings are copied as they are, escapes included.
fn pretty_from_compact(compact: &[u8], pretty: &mut Vec<u8>) {
    let mut depth = 0usize;
    let mut index = 0;
    while let Some(&byte) = compact.get(index) {
        match byte {
            b'"' => {
                let end = string_end(compact, index);
                pretty.extend_from_slice(&compact[index..end]);
                index = end;
                continue;
            }
            b'{' | b'[' if matches!(compact.get(index + 1), Some(b'}' | b']')) => {
                pretty.extend_from_slice(&compact[index..index + 2]);
                index += 2;
                continue;
            }
            b'{' | b'[' => {
                depth += 1;
                pretty.push(byte);
                new_line(pretty, depth);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                new_line(pretty, depth);
                pretty.push(byte);
            }
            b',' => {
                pretty.push(b',');
                new_line(pretty, depth);
            }
            b':' => pretty.extend_from_slice(b": "),
            _ => pretty.push(byte),
        }
        index += 1;
    }
}

/// The index just past the string that opens at `start` (its closing quote;
/// the end of the input if it has none). Strings are most of a plan's bytes:
/// they are skipped to the next quote or backslash with `memchr`.
fn string_end(json: &[u8], start: usize) -> usize {
    let mut index = start + 1;
    while let Some(found) = json
        .get(index..)
        .and_then(|rest| memchr::memchr2(b'"', b'\\', rest))
    {
        let at = index + found;
        match json[at] {
            b'"' => return at + 1,
            _ => index = at + 2,
        }
    }
    json.len()
}

/// A line break and the indentation of `depth`.
fn new_line(pretty: &mut Vec<u8>, depth: usize) {
    pretty.push(b'\n');
    pretty.resize(pretty.len() + 2 * depth, b' ');
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
    let mut bytes = Vec::with_capacity(TYPICAL_PLAN_BYTES);
    serialize_into(plan, options, layout, &mut bytes)?;
    writer
        .write_all(&bytes)
        .map_err(|io| error(serde_json::Error::io(io)))
}

/// Appends `plan`'s JSON, laid out as asked, and a newline to `bytes`.
fn serialize_into(
    plan: &Plan,
    options: ExportOptions,
    layout: Layout,
    bytes: &mut Vec<u8>,
) -> Result<(), ExportError> {
    let publishable = options.publishable(plan);
    match layout {
        Layout::Pretty => serde_json::to_writer_pretty(&mut *bytes, &*publishable),
        Layout::Compact => serde_json::to_writer(&mut *bytes, &*publishable),
    }
    .map_err(|source| ExportError::Json {
        plan_id: plan.plan_id.clone(),
        source,
    })?;
    bytes.push(b'\n');
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_plan;
    use proptest::prelude::*;
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
    fn both_documents_at_once_are_the_two_writers_bytes() {
        for options in [
            ExportOptions::default(),
            ExportOptions {
                include_staff: true,
            },
        ] {
            let plan = sample_plan();
            let (mut pretty, mut line) = (Vec::new(), Vec::new());
            write_json(&plan, options, &mut pretty).expect("JSON is written");
            write_ndjson(&plan, options, &mut line).expect("NDJSON is written");
            let mut documents = Documents {
                pretty: b"left over".to_vec(),
                line: b"from an earlier plan".to_vec(),
            };
            documents.fill(&plan, options).expect("both are written");
            assert_eq!(
                String::from_utf8_lossy(&documents.pretty),
                String::from_utf8_lossy(&pretty)
            );
            assert_eq!(documents.line, line);
        }
    }

    /// Any JSON value: nested objects and arrays, empty ones, and strings
    /// with quotes, backslashes, control characters and non-ASCII letters.
    fn any_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            "[a\"\\\\{}\\[\\],: \n\t\u{1}é😀]{0,6}".prop_map(Value::String),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                proptest::collection::btree_map("[a\"\\\\:,{]{0,4}", inner, 0..5)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn lays_out_compact_json_as_serde_json_pretty_prints_it(value in any_json()) {
            let compact = serde_json::to_vec(&value).expect("compact");
            let expected = serde_json::to_vec_pretty(&value).expect("pretty");
            let mut pretty = Vec::new();
            pretty_from_compact(&compact, &mut pretty);
            prop_assert_eq!(String::from_utf8_lossy(&pretty), String::from_utf8_lossy(&expected));
        }
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
