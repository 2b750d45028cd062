//! `piano schema` end to end.

use serde_json::Value;

use crate::support::piano;

#[test]
fn prints_the_json_schema_of_piano_plan_1() {
    let run = piano(&["schema"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let schema: Value = serde_json::from_str(&run.stdout).expect("the schema is JSON");
    assert!(
        schema["$schema"]
            .as_str()
            .is_some_and(|s| s.contains("json-schema.org"))
    );
    assert!(
        schema["$id"]
            .as_str()
            .is_some_and(|id| id.contains("piano.plan/1"))
    );
    assert_eq!(schema["properties"]["schema"]["const"], "piano.plan/1");
}
