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

#[test]
fn a_profiles_toml_error_is_told_once_by_every_command() {
    let dir = crate::support::temp_dir();
    let profile = dir.path().join("bad.toml");
    std::fs::write(&profile, "name = \"x\"\nsection_words = [\"Ufficio\"\n").expect("written");
    let profile = profile.to_string_lossy();
    let input = fixtures().join("profiles/capraia-isola-2022.txt");
    let input = input.to_string_lossy();
    let out = dir.path().join("release");
    let out = out.to_string_lossy();
    let runs = [
        vec!["extract", "--profile", &profile, &input],
        vec!["check", "--profile", &profile, &input],
        vec!["batch", "--profile", &profile, &input, "--out", &out],
    ];
    for args in runs {
        let run = piano(&args);
        assert_eq!(run.code, Some(1), "{args:?}: {}", run.stderr);
        // The TOML error's own words ("TOML parse error at line 2 …"), once.
        assert_eq!(
            run.stderr.matches("TOML parse error").count(),
            1,
            "{args:?}: {}",
            run.stderr
        );
        assert!(run.stderr.contains("bad.toml"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn an_unknown_layout_rule_names_its_file_and_line() {
    let dir = crate::support::temp_dir();
    let profile = dir.path().join("layout.toml");
    std::fs::write(
        &profile,
        "name = \"x\"\nextends = \"struttura-table\"\n[layout]\nheader_holds = false\n",
    )
    .expect("written");
    let input = fixtures().join("profiles/capraia-isola-2022.txt");
    let run = piano(&[
        "check",
        "--profile",
        &profile.to_string_lossy(),
        &input.to_string_lossy(),
    ]);
    assert_eq!(run.code, Some(1));
    for told in ["layout.toml", "line 4", "unknown field `header_holds`"] {
        assert!(run.stderr.contains(told), "{told}: {}", run.stderr);
    }
}

#[test]
fn no_plan_found_shows_the_closest_familys_own_headings() {
    let input = fixtures().join("profiles/capraia-isola-2022.txt");
    let run = piano(&["check", &input.to_string_lossy()]);
    assert_eq!(run.code, Some(1));
    // The bundled struttura-table profile's first section words.
    assert!(
        run.stdout
            .contains("(such as \"STRUTTURA: …\", \"SETTORE: …\", \"AREA: …\")"),
        "{}",
        run.stdout
    );
}

/// docs/profiles.md's worked example: a code table printed without a
/// header whose prose columns stand in another order than the family's
/// (`fixtures/profiles/no-header/`), misread with the bundled profiles,
/// read whole with the profile that names its columns.
#[test]
fn the_docs_worked_example_fixes_a_table_without_header() {
    let folder = fixtures().join("profiles/no-header");
    let input = folder.join("san-pietro-viminario-2019.txt");
    let input = input.to_string_lossy();
    let profile = folder.join("code-table.toml");
    let gold = crate::fixtures::read_json(
        &folder.join("san-pietro-viminario-2019.expected-with-profile.json"),
    );
    // The output is written even when the plan is judged unreadable (exit 1).
    let f1 = |args: &[&str]| {
        let run = piano(args);
        assert!(run.code.is_some(), "{args:?}: {}", run.stderr);
        let plan: Value = serde_json::from_str(&run.stdout).expect("JSON output");
        crate::score::score_without_raw(&gold, &plan).f1()
    };

    let check = piano(&["check", &input]);
    assert!(
        check.stdout.contains("no table header applies to 15 rows"),
        "{}",
        check.stdout
    );
    let before = f1(&["extract", "-q", &input]);
    assert!(
        (0.89..0.91).contains(&before),
        "F1 {before} as the docs say"
    );
    let after = f1(&[
        "extract",
        "-q",
        "--profile",
        &profile.to_string_lossy(),
        &input,
    ]);
    assert!((after - 1.0).abs() < f64::EPSILON, "F1 {after}");
}
