//! Field precision and recall over (structure, number, field) → value
//! triples: a port of `shared/tools/score.py` with its default options (due
//! `raw` scored, phases marked `hard` scored, the family fields scored when
//! the gold has them, exact comparison), and with `--no-raw`
//! ([`score_without_raw`]).
//! Checked here against counts taken from `score.py`, and against `score.py`
//! itself when it is at hand.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::fixtures::read_json;
use crate::support::fixtures;

/// Text fields of an objective or phase.
const TEXT_FIELDS: [&str; 3] = ["description", "indicators", "expected"];

/// Row fields of the contract's "Additions for other plan families",
/// scored when some row of the gold has the key.
const FAMILY_FIELDS: [&str; 7] = [
    "code",
    "mission_code",
    "programme_code",
    "responsible",
    "achievement",
    "achievement_note",
    "weights_by_head",
];

/// (structure, number, field): `("S2", "1.3", "due.date")`,
/// `("plan", "", "year")`.
type Key = (String, String, String);

/// What a comparison counted.
pub(crate) struct Counts {
    /// Gold fields the prediction has with the same value.
    pub correct: usize,
    /// Predicted fields that say something, or that the gold has.
    pub predicted: usize,
    /// Gold fields.
    pub gold: usize,
}

impl Counts {
    pub(crate) fn f1(&self) -> f64 {
        let ratio = |n: usize, d: usize| {
            if d == 0 { 0.0 } else { count(n) / count(d) }
        };
        let precision = ratio(self.correct, self.predicted);
        let recall = ratio(self.correct, self.gold);
        if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        }
    }
}

fn count(n: usize) -> f64 {
    f64::from(u32::try_from(n).expect("fewer than 2^32 fields"))
}

/// Scores `predicted` against `gold`.
pub(crate) fn score(gold: &Value, predicted: &Value) -> Counts {
    score_as(gold, predicted, true)
}

/// Scores `predicted` against `gold` as `score.py --no-raw` does: dues'
/// `raw` left out (a comparison across layouts of one plan).
pub(crate) fn score_without_raw(gold: &Value, predicted: &Value) -> Counts {
    score_as(gold, predicted, false)
}

/// Scores `predicted` against `gold`, dues' `raw` with the rest when `raw`.
fn score_as(gold: &Value, predicted: &Value, raw: bool) -> Counts {
    let fields = family_fields_in(gold);
    let g = triples(gold, &fields, raw);
    let p = triples(predicted, &fields, raw);
    let correct = g
        .iter()
        .filter(|(k, v)| p.get(*k).is_some_and(|got| same(got, v)))
        .count();
    let predicted = p
        .iter()
        .filter(|(k, v)| !says_nothing(v) || g.contains_key(*k))
        .count();
    Counts {
        correct,
        predicted,
        gold: g.len(),
    }
}

/// `v in (None, [], False)` in Python, where `0 == False`.
fn says_nothing(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => true,
        Value::Array(items) => items.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        _ => false,
    }
}

/// Python's `==` on the normalised values: numbers as floats.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, a)| y.get(k).is_some_and(|b| same(a, b)))
        }
        _ => a == b,
    }
}

/// Strings with whitespace folded, numbers rounded to 2 decimals, lists
/// element by element; anything else (a mission's (name, code) pair) as is.
fn norm(value: &Value) -> Value {
    match value {
        Value::String(text) => Value::String(fold(text)),
        Value::Number(n) => n
            .as_f64()
            .map_or(Value::Null, |x| Value::from((x * 100.0).round() / 100.0)),
        Value::Array(items) => Value::Array(items.iter().map(norm).collect()),
        other => other.clone(),
    }
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Python's `str()` of a JSON value, for keys.
fn py_str(value: &Value) -> String {
    match value {
        Value::Null => "None".to_owned(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::String(text) => text.clone(),
        Value::Number(n) if n.is_f64() => {
            let x = n.as_f64().unwrap_or_default();
            if x.fract() == 0.0 {
                format!("{x:.1}")
            } else {
                x.to_string()
            }
        }
        other => other.to_string(),
    }
}

/// `value.get(key)`, `None` (null) when absent or when value is no object.
fn get<'a>(value: &'a Value, key: &str) -> &'a Value {
    value.get(key).unwrap_or(&Value::Null)
}

/// `value.get(key) or []` for a list.
fn list<'a>(value: &'a Value, key: &str) -> &'a [Value] {
    value
        .get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

/// `value.get(key) or {}`.
fn object<'a>(value: &'a Value, key: &str) -> &'a Value {
    static EMPTY: Value = Value::Null;
    match value.get(key) {
        Some(found) if truthy(found) => found,
        _ => &EMPTY,
    }
}

fn truthy(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => false,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
        Value::Bool(true) => true,
    }
}

/// Every objective and phase of a structure, in order.
fn rows(structure: &Value) -> Vec<&Value> {
    let mut rows = Vec::new();
    for objective in list(structure, "objectives") {
        rows.push(objective);
        rows.extend(list(objective, "phases"));
    }
    rows
}

/// The [`FAMILY_FIELDS`] that some objective or phase of `plan` has as a key.
fn family_fields_in(plan: &Value) -> Vec<&'static str> {
    let mut present: BTreeSet<&str> = BTreeSet::new();
    for structure in list(plan, "structures") {
        for row in rows(structure) {
            if let Some(map) = row.as_object() {
                present.extend(FAMILY_FIELDS.into_iter().filter(|f| map.contains_key(*f)));
            }
        }
    }
    FAMILY_FIELDS
        .into_iter()
        .filter(|f| present.contains(f))
        .collect()
}

fn triples(plan: &Value, family_fields: &[&str], raw: bool) -> BTreeMap<Key, Value> {
    let mut out: BTreeMap<Key, Value> = BTreeMap::new();
    let mut put = |a: &str, b: &str, c: &str, value: Value| {
        out.insert((a.to_owned(), b.to_owned(), c.to_owned()), norm(&value));
    };
    let ente = object(plan, "ente");
    for field in ["kind", "name", "provincia", "istat"] {
        put(
            "plan",
            "",
            &format!("ente.{field}"),
            get(ente, field).clone(),
        );
    }
    put("plan", "", "year", get(plan, "year").clone());
    put("plan", "", "title", get(plan, "title").clone());
    for structure in list(plan, "structures") {
        let s = format!("S{}", py_str(get(structure, "ordinal")));
        let head = object(structure, "head");
        put(&s, "", "name", get(structure, "name").clone());
        put(&s, "", "head.role", get(head, "role").clone());
        put(&s, "", "head.name", get(head, "name").clone());
        put(&s, "", "head.ad_interim", get(head, "ad_interim").clone());
        for field in [
            "strategic_line",
            "strategic_objectives",
            "operational_objective",
            "objectives_label",
        ] {
            put(&s, "", field, get(structure, field).clone());
        }
        // A list of (name, code) tuples: `norm` leaves tuples as they are.
        let missions: Vec<Value> = list(structure, "missions")
            .iter()
            .map(|m| {
                Value::Object(
                    [
                        ("0".to_owned(), get(m, "name").clone()),
                        ("1".to_owned(), get(m, "code").clone()),
                    ]
                    .into_iter()
                    .collect(),
                )
            })
            .collect();
        put(&s, "", "missions", Value::Array(missions));
        for row in rows(structure) {
            let number = py_str(get(row, "number"));
            for field in TEXT_FIELDS {
                put(&s, &number, field, get(row, field).clone());
            }
            put(&s, &number, "weight", get(row, "weight").clone());
            if row.get("category").is_some() && !number.contains('.') {
                put(&s, &number, "category", get(row, "category").clone());
            }
            let due = object(row, "due");
            for field in ["date", "precision", "recurrence", "multiyear", "note"] {
                put(
                    &s,
                    &number,
                    &format!("due.{field}"),
                    get(due, field).clone(),
                );
            }
            if raw {
                put(&s, &number, "due.raw", get(due, "raw").clone());
            }
            put(&s, &number, "row", Value::Bool(true));
            for field in family_fields {
                if *field != "weights_by_head" {
                    put(&s, &number, field, get(row, field).clone());
                    continue;
                }
                let heads: Vec<&Value> =
                    list(row, field).iter().filter(|e| e.is_object()).collect();
                if heads.is_empty() {
                    put(&s, &number, field, Value::Null);
                }
                for entry in heads {
                    let head = fold(&py_str(get(entry, "head")));
                    put(
                        &s,
                        &number,
                        &format!("weights_by_head[{head}]"),
                        get(entry, "weight").clone(),
                    );
                }
            }
        }
    }
    out
}

#[test]
fn the_field_score_counts_like_score_py() {
    // Scored by `python3 shared/tools/score.py gold.json pred.json`:
    // f1=0.7500 precision=0.8219 recall=0.6897 wrong=27 extra_rows=2.
    let gold: Value = serde_json::from_str(
        r#"{
        "ente": {"kind": "comune", "name": "Fidenza", "provincia": "Parma", "istat": "034014"},
        "year": 2023, "title": "PIANO  DEGLI OBIETTIVI",
        "structures": [
            {"ordinal": 1, "name": "AREA  TECNICA",
             "head": {"role": "DIRIGENTE", "name": "Ing. Rossi", "ad_interim": false},
             "strategic_line": null, "strategic_objectives": ["Uno", "Due  tre"],
             "missions": [{"name": "Servizi istituzionali", "code": "01"}],
             "operational_objective": null, "objectives_label": "obiettivo",
             "objectives": [
                {"number": "1", "description": "Bilancio di\nprevisione", "weight": 40,
                 "indicators": "Data", "expected": "Entro",
                 "due": {"raw": "31/12/2023", "date": "2023-12-31", "precision": "day",
                         "recurrence": null, "multiyear": false, "note": null},
                 "category": null, "code": "01030101", "responsible": "Dott. Galli",
                 "achievement": 100,
                 "weights_by_head": [{"head": "Settore\nAffari Generali", "weight": 2.5},
                                     {"head": "Segretario", "weight": 0}],
                 "phases": [
                    {"number": "1.1", "description": "Fase uno", "weight": 50.0,
                     "indicators": null, "expected": null,
                     "due": {"raw": "maggio 2023", "date": "2023-05", "precision": "month",
                             "recurrence": null, "multiyear": false, "note": null},
                     "weights_by_head": null}]},
                {"number": "2", "description": "Pagamenti", "weight": 33.333,
                 "indicators": null, "expected": "90%", "due": null, "category": "A",
                 "weights_by_head": []}]},
            {"ordinal": 2, "name": "SEGRETERIA", "head": null, "strategic_line": "Linea",
             "strategic_objectives": null, "missions": [], "operational_objective": "Op",
             "objectives_label": null,
             "objectives": [{"number": "1", "description": "Trasparenza", "weight": 100,
                             "due": {"raw": "", "date": null}}]}]
    }"#,
    )
    .expect("JSON");
    let predicted: Value = serde_json::from_str(
        r#"{
        "ente": {"kind": "comune", "name": "Fidenza", "provincia": "Parma", "istat": "034014"},
        "year": 2023, "title": "PIANO DEGLI OBIETTIVI",
        "structures": [
            {"ordinal": 1, "name": "AREA TECNICA",
             "head": {"role": "DIRIGENTE", "name": "Ing. Rossi", "ad_interim": false},
             "strategic_line": null, "strategic_objectives": ["Uno", "Due tre"],
             "missions": [{"name": "Servizi istituzionali", "code": "01"}],
             "operational_objective": "Extra", "objectives_label": "obiettivo",
             "objectives": [
                {"number": "1", "description": "Bilancio di previsione", "weight": 40.0,
                 "indicators": "Data", "expected": "Entro il",
                 "due": {"raw": "31/12/2023", "date": "2023-12-31", "precision": "day",
                         "recurrence": null, "multiyear": false, "note": null},
                 "category": null, "code": "01030101", "responsible": "Dott. Galli",
                 "achievement": 100.0, "mission_code": "01",
                 "weights_by_head": [{"head": "Settore Affari  Generali", "weight": 2.5},
                                     {"head": "Segretario", "weight": 0.001}],
                 "phases": [
                    {"number": "1.1", "description": "Fase uno", "weight": 50,
                     "indicators": null, "expected": null,
                     "due": {"raw": "maggio 2023", "date": "2023-05", "precision": "month",
                             "recurrence": null, "multiyear": false, "note": null},
                     "weights_by_head": []},
                    {"number": "1.2", "description": "Fase due", "weight": 0,
                     "indicators": "", "expected": null, "due": null}]},
                {"number": "2", "description": "Pagamenti", "weight": 33.33,
                 "indicators": null, "expected": "90%", "due": null, "category": "B",
                 "weights_by_head": null}]},
            {"ordinal": 3, "name": "SEGRETERIA",
             "head": {"role": "SEGRETARIO", "name": null, "ad_interim": true},
             "missions": [{"name": "X", "code": null}],
             "objectives": [{"number": "1", "description": "Trasparenza", "weight": 100}]}]
    }"#,
    )
    .expect("JSON");
    let counts = score(&gold, &predicted);
    assert_eq!(
        (counts.correct, counts.predicted, counts.gold),
        (60, 73, 87),
        "correct, predicted and gold fields"
    );
    assert!((counts.f1() - 0.75).abs() < 5e-5, "{}", counts.f1());
    let whole = score(&gold, &gold);
    assert!((whole.f1() - 1.0).abs() < f64::EPSILON);
    assert_eq!(score(&gold, &serde_json::json!({})).f1(), 0.0);
}

/// The port against `score.py` itself, when Python and the script are at
/// hand (`PIANO_SCORE_PY`, or `../shared/tools/score.py` beside the
/// repository): every text fixture's gold against its snapshot, and against
/// the next fixture's snapshot (another plan: missing and extra rows,
/// structures and family fields).
/// `cargo test -p piano-cli --test cli score -- --ignored`.
#[test]
#[ignore = "needs python3 and shared/tools/score.py"]
fn the_field_score_agrees_with_score_py_on_the_snapshots() {
    let script = std::env::var_os("PIANO_SCORE_PY").map_or_else(
        || fixtures().join("../../shared/tools/score.py"),
        PathBuf::from,
    );
    assert!(script.is_file(), "{}: no score.py", script.display());
    let mut snapshots = Vec::new();
    crate::aligned::files(&fixtures(), &mut snapshots);
    snapshots
        .retain(|p| p.to_string_lossy().ends_with(".snapshot.json") && gold_beside(p).is_file());
    snapshots.sort();
    assert!(snapshots.len() > 1, "snapshots beside the text fixtures");
    let mut disagreements = String::new();
    let next = snapshots.iter().cycle().skip(1);
    for (snapshot, other) in snapshots.iter().zip(next) {
        for predicted in [snapshot, other] {
            let gold = gold_beside(snapshot);
            let python = std::process::Command::new("python3")
                .arg(&script)
                .arg(&gold)
                .arg(predicted)
                .output()
                .expect("python3 runs");
            let stdout = String::from_utf8_lossy(&python.stdout);
            let last = stdout.lines().last().unwrap_or_default();
            let theirs: f64 = last
                .strip_prefix("f1=")
                .and_then(|rest| rest.split_whitespace().next())
                .and_then(|f1| f1.parse().ok())
                .unwrap_or_else(|| panic!("{}: score.py printed {last:?}", gold.display()));
            let ours = score(&read_json(&gold), &read_json(predicted)).f1();
            let line = format!(
                "{} against {}: score.py {theirs:.4}, here {ours:.4}\n",
                gold.display(),
                predicted.display()
            );
            let _ = std::io::stderr().write_all(line.as_bytes());
            if (ours - theirs).abs() > 5e-5 {
                disagreements.push_str(&line);
            }
        }
    }
    assert!(disagreements.is_empty(), "\n{disagreements}");
}

fn gold_beside(snapshot: &Path) -> PathBuf {
    PathBuf::from(
        snapshot
            .to_string_lossy()
            .replace(".snapshot.json", ".expected.json"),
    )
}
