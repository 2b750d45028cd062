//! A layout family taught with a profile file alone: `--profile FILE` reads
//! plans of a made-up family (other section word, role words, field labels,
//! column labels, phase marker and a numbering by codes) with no code
//! written for it.
//!
//! `fixtures/profiles/<family>.toml` is the profile; every
//! `fixtures/profiles/<name>.txt` beside it has its gold in
//! `<name>.expected-with-profile.json` (checked by hand against the input).

use serde_json::Value;

use crate::fixtures::{Scope, differences};
use crate::support::{fixtures, piano};

#[test]
fn a_profile_file_teaches_a_new_family() {
    let folder = fixtures().join("profiles");
    let profile = folder.join("ufficio-table.toml");
    let mut inputs: Vec<_> = std::fs::read_dir(&folder)
        .expect("fixtures/profiles is readable")
        .map(|entry| entry.expect("a folder entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    inputs.sort();
    assert!(
        inputs.len() >= 2,
        "ordinal and coded numbering are both tried"
    );
    for input in inputs {
        let gold = input.with_extension("expected-with-profile.json");
        let run = piano(&[
            "extract",
            "-q",
            "--profile",
            &profile.to_string_lossy(),
            &input.to_string_lossy(),
        ]);
        assert_eq!(run.code, Some(0), "{}", run.stderr);
        let actual: Value = serde_json::from_str(&run.stdout).expect("JSON output");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&gold).expect("the gold is readable"))
                .expect("the gold is JSON");
        let found = differences(&expected, &actual, Scope::ExpectedKeys);
        let listed: Vec<String> = found.iter().map(ToString::to_string).collect();
        assert!(
            found.is_empty(),
            "{}: differences:\n{}",
            input.display(),
            listed.join("\n")
        );
    }
}

#[test]
fn without_the_profile_the_family_is_unknown_and_the_closest_is_named() {
    let input = fixtures().join("profiles/capraia-isola-2022.txt");
    let run = piano(&["check", &input.to_string_lossy()]);
    assert_eq!(run.code, Some(1), "no plan found is an error");
    assert!(
        run.stdout
            .contains("closest layout family is struttura-table"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_broken_profile_is_refused_with_its_file_and_place() {
    let dir = crate::support::temp_dir();
    let profile = dir.path().join("broken.toml");
    std::fs::write(&profile, "name = \"x\"\nsection_words = [\"Ufficio\"\n").expect("written");
    let input = fixtures().join("profiles/capraia-isola-2022.txt");
    let run = piano(&[
        "extract",
        "--profile",
        &profile.to_string_lossy(),
        &input.to_string_lossy(),
    ]);
    assert_eq!(run.code, Some(1));
    assert!(run.stderr.contains("broken.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("line"), "{}", run.stderr);
}
