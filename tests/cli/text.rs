//! `piano text --roles` end to end: each line opens with what it became once
//! parsed, and the lines themselves are those `piano text` prints.

use piano_model::LineRole;

use crate::support::{fixture, piano};

const PLAN: &str = "portoferraio-2021.txt";

/// The role printed before line `number` (1-based) of `output`, and the line
/// after it.
fn role_at(output: &str, number: usize) -> (&str, &str) {
    let line = output.lines().nth(number - 1).unwrap_or_default();
    line.split_once('\t').unwrap_or((line, ""))
}

#[test]
fn roles_say_what_each_line_of_a_plan_became() {
    let run = piano(&["text", "--roles", &fixture(PLAN)]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // Read from the dump by hand: line, role, how the line opens.
    let expected = [
        (1, "ente", "COMUNE DI PORTOFERRAIO"),
        (5, "title", "PIANO DEGLI OBIETTIVI, DELLE ATTIVITA'"),
        (
            48,
            "structure-heading",
            "STRUTTURA: SEGRETERIA - SEGRETARIO GENERALE",
        ),
        (50, "structure-field", "Linea Strategica\t"),
        (
            55,
            "table-header",
            "N°\tDescrizione Obiettivi Gestionali\tPeso %",
        ),
        (56, "objective", "1\tCoordinamento dell'implementazione"),
        (57, "phase", "1.1\tFase: coordinamento alla creazione"),
        (82, "page-number", "9"),
        // A line continuing objective 5's cells is the objective's.
        (107, "objective", "\tservizi all'utenza"),
        (118, "table-header", "Dipendenti coinvolti sugli obiettivi:"),
        // An OCR ghost of objective 8, numbered 0, is dropped.
        (195, "garbled-row", "0\tObjectivo di svirappo"),
        // A phase's number torn from its row, rebuilt into the phase.
        (224, "phase", "17.2"),
    ];
    for (number, role, opening) in expected {
        let (printed_role, line) = role_at(&run.stdout, number);
        assert_eq!(printed_role, role, "line {number}: {line:?}");
        assert!(line.starts_with(opening), "line {number}: {line:?}");
    }
}

#[test]
fn roles_only_add_a_column_to_the_lines_piano_text_prints() {
    let plain = piano(&["text", &fixture(PLAN)]);
    let with_roles = piano(&["text", "--roles", &fixture(PLAN)]);
    assert_eq!(with_roles.code, Some(0), "{}", with_roles.stderr);
    let names: Vec<&str> = LineRole::ALL.iter().map(|role| role.as_str()).collect();
    let printed: Vec<&str> = with_roles.stdout.lines().collect();
    let lines: Vec<&str> = plain.stdout.lines().collect();
    assert_eq!(printed.len(), lines.len());
    for (number, (printed, line)) in printed.iter().zip(&lines).enumerate() {
        if line.is_empty() {
            assert_eq!(*printed, "", "line {}: blank lines stay blank", number + 1);
            continue;
        }
        let (role, rest) = printed.split_once('\t').unwrap_or((printed, ""));
        assert!(names.contains(&role), "line {}: role {role:?}", number + 1);
        assert_eq!(rest, *line, "line {}", number + 1);
    }
}

#[test]
fn a_profile_shows_how_it_reads_a_new_layout() {
    let dump = fixture("profiles/capraia-isola-2022.txt");
    let profile = fixture("profiles/ufficio-table.toml");
    let with_profile = piano(&["text", "--roles", "--profile", &profile, &dump]);
    assert_eq!(with_profile.code, Some(0), "{}", with_profile.stderr);
    let bundled = piano(&["text", "--roles", &dump]);
    let heading = "UFFICIO: ANAGRAFE – CAPO UFFICIO: Sig.ra Paola Verdi f.f.";
    assert_eq!(
        role_at(&with_profile.stdout, 7),
        ("structure-heading", heading)
    );
    assert_eq!(role_at(&bundled.stdout, 7), ("preamble", heading));
    assert_eq!(role_at(&with_profile.stdout, 13).0, "table-header");
    assert_eq!(role_at(&with_profile.stdout, 15).0, "phase");
}

#[test]
fn a_profile_without_roles_is_a_usage_error() {
    let run = piano(&[
        "text",
        "--profile",
        &fixture("profiles/ufficio-table.toml"),
        &fixture(PLAN),
    ]);
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    assert!(run.stderr.contains("--roles"), "{}", run.stderr);
}

#[test]
fn the_help_lists_every_role() {
    let run = piano(&["text", "--help"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    // The words of the flag's own help, from `--roles` to the next flag.
    let roles_help = run
        .stdout
        .split_once("--roles")
        .and_then(|(_, after)| after.split_once("--profile"))
        .map_or("", |(help, _)| help);
    let words: Vec<&str> = roles_help
        .split(|c: char| !(c.is_ascii_lowercase() || c == '-'))
        .collect();
    let missing: Vec<&str> = LineRole::ALL
        .iter()
        .map(|role| role.as_str())
        .filter(|name| !words.contains(name))
        .collect();
    assert!(
        missing.is_empty(),
        "not in `piano text --help`: {missing:?}"
    );
}
