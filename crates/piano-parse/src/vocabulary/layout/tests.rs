//! Each `[layout]` rule, off and on, on a few hand-written lines: the
//! default reads as piano always has, the other setting changes the reading.

use piano_model::{Code, Layout, Plan, Source, SourceFormat};

use super::*;
use crate::vocabulary::Vocabulary;

/// The bundled profiles, the base one replaced by one extending it with
/// `layout` as its `[layout]` table.
fn profiles(layout: &str) -> Vec<Vocabulary> {
    let text =
        format!("name = \"struttura-table\"\nextends = \"struttura-table\"\n[layout]\n{layout}\n");
    let profile = Vocabulary::from_toml(&text).expect("a valid profile");
    Vocabulary::with_user_profiles(vec![profile])
}

/// `text`, tab-separated, read with `layout` as the base profile's rules.
fn read(text: &str, layout: &str) -> Plan {
    crate::parse_with(
        Layout::from_tab_separated(text),
        Source::from_bytes("test.txt", text.as_bytes(), SourceFormat::Text),
        &profiles(layout),
    )
}

/// Each objective's description, with its phases' descriptions.
fn objectives(plan: &Plan) -> Vec<(String, Vec<String>)> {
    plan.structures
        .iter()
        .flat_map(|structure| &structure.objectives)
        .map(|objective| {
            let phases = objective
                .phases
                .iter()
                .map(|phase| phase.description.clone());
            (objective.entry.description.clone(), phases.collect())
        })
        .collect()
}

fn realigned_messages(plan: &Plan) -> Vec<&str> {
    plan.diagnostics
        .iter()
        .filter(|diagnostic| diagnostic.code == Code::ColumnsRealigned)
        .map(|diagnostic| diagnostic.message.as_str())
        .collect()
}

const HEADING: &str = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n";

#[test]
fn the_defaults_are_the_rules_piano_reads_with() {
    for profile in Vocabulary::bundled() {
        // A report without a header has the percent reached and its note
        // after the plan's columns: its own order, the other rules alike.
        let mut rules = profile.layout.clone();
        if profile.name == "results-report" {
            let order = rules.columns_without_header.take();
            assert_eq!(order.map(|columns| columns.len()), Some(8));
        }
        assert_eq!(rules, LayoutRules::default(), "{}", profile.name);
    }
    assert_eq!(profiles("")[0].layout, LayoutRules::default());
}

#[test]
fn a_header_holds_over_the_headings_below_it_unless_the_profile_says_not() {
    // The header, printed under the first heading only, puts the weight last.
    let text = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n\
         N°\tDescrizione\tScadenza\tPeso\n\
         1\tPrimo\t31.12.2022\t60\n\
         SETTORE: TRIBUTI - DIRIGENTE: ANNA BIANCHI\n\
         1\tSecondo\t30.06.2022\t100\n";
    let weights = |plan: &Plan| -> Vec<Option<f64>> {
        let objectives = plan.structures.iter().flat_map(|s| &s.objectives);
        objectives.map(|objective| objective.entry.weight).collect()
    };
    let held = read(text, "");
    assert_eq!(weights(&held), [Some(60.0), Some(100.0)]);
    assert!(realigned_messages(&held).is_empty());

    let own = read(text, "header_holds_over_headings = false");
    assert_eq!(weights(&own), [Some(60.0), None]);
    let messages = realigned_messages(&own);
    assert!(
        messages[0].starts_with("no table header applies to 1 rows (lines 5–5)"),
        "{messages:?}"
    );
}

#[test]
fn a_moved_number_column_holds_over_the_headings_unless_the_profile_says_not() {
    let text = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n\
         Descrizione\tN°\tPeso\tScadenza\n\
         Primo\t1\t60%\t31.12.2022\n\
         SETTORE: TRIBUTI - DIRIGENTE: ANNA BIANCHI\n\
         Secondo\t1\t100%\t30.06.2022\n";
    assert_eq!(objectives(&read(text, "")).len(), 2);
    let own = read(text, "header_holds_over_headings = false");
    assert_eq!(objectives(&own), [("Primo".to_owned(), vec![])]);
}

#[test]
fn the_number_column_is_moved_first_unless_the_profile_says_not() {
    let text = format!(
        "{HEADING}Descrizione\tN°\tPeso\tScadenza\n\
         Primo\t1\t60%\t31.12.2022\n\
         Secondo\t2\t40%\t30.06.2022\n"
    );
    assert_eq!(objectives(&read(&text, "")).len(), 2);
    let kept = read(&text, "number_column_first = false");
    assert!(objectives(&kept).is_empty());
}

#[test]
fn a_deeper_code_is_a_phase_unless_the_profile_says_not() {
    let text = format!(
        "{HEADING}N°\tDescrizione\tPeso\tScadenza\n\
         II\tPrimo\t60%\t31.12.2022\n\
         II.1\tAvvio\t100%\t30.06.2022\n"
    );
    let phase = vec![("Primo".to_owned(), vec!["Avvio".to_owned()])];
    assert_eq!(objectives(&read(&text, "")), phase);
    let own = read(&text, "phase_when_deeper = false");
    let two = vec![("Primo".to_owned(), vec![]), ("Avvio".to_owned(), vec![])];
    assert_eq!(objectives(&own), two);
}

#[test]
fn a_label_of_another_scheme_is_a_phase_unless_the_profile_says_not() {
    let text = format!(
        "{HEADING}N°\tDescrizione\tPeso\tScadenza\n\
         1\tPrimo\t60%\t31.12.2022\n\
         a)\tAvvio\t100%\t30.06.2022\n"
    );
    let phase = vec![("Primo".to_owned(), vec!["Avvio".to_owned()])];
    assert_eq!(objectives(&read(&text, "")), phase);
    let own = read(&text, "phase_when_other_scheme = false");
    let two = vec![("Primo".to_owned(), vec![]), ("Avvio".to_owned(), vec![])];
    assert_eq!(objectives(&own), two);
}

#[test]
fn a_table_without_header_reads_the_profiles_columns_by_position() {
    let text = format!("{HEADING}1\tPrimo\t31.12.2022\t60\n");
    let usual = read(&text, "");
    let entry = &usual.structures[0].objectives[0].entry;
    // Where the family's order has the weight, a date: content tells the
    // columns, a column of numbers is the weight.
    assert_eq!(entry.weight, Some(60.0));
    let messages = realigned_messages(&usual);
    assert!(
        messages[0].starts_with("no table header applies to 1 rows (lines 2–2)"),
        "{messages:?}"
    );

    let named = read(
        &text,
        r#"columns_without_header = ["number", "description", "due", "weight"]"#,
    );
    let entry = &named.structures[0].objectives[0].entry;
    assert_eq!(entry.weight, Some(60.0));
    let due = entry.due.as_ref().and_then(|due| due.date);
    assert_eq!(
        due.map(|date| date.to_string()).as_deref(),
        Some("2022-12-31")
    );
    assert!(realigned_messages(&named).is_empty());
}

#[test]
fn a_table_without_header_may_have_its_number_elsewhere_and_columns_unread() {
    // An empty first column, the number behind it, a column of notes.
    let text = format!(
        "{HEADING}\tPrimo\t1\tnota\t60%\n\
         \tAvvio\t1.1\t\t100%\n\
         \tSecondo\t2\t\t40%\n"
    );
    let two = vec![
        ("Primo".to_owned(), vec!["Avvio".to_owned()]),
        ("Secondo".to_owned(), vec![]),
    ];
    // Labels in sequence in one cell of neighbouring rows are found without
    // the profile's help (`column_order::unheaded`).
    assert_eq!(objectives(&read(&text, "")), two);
    let named = read(
        &text,
        r#"columns_without_header = ["other", "description", "number", "other", "weight"]"#,
    );
    assert_eq!(objectives(&named), two);
    let weight = named.structures[0].objectives[1].entry.weight;
    assert_eq!(weight, Some(40.0));
    let unplaced = named
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::TextUnplaced);
    assert_eq!(
        unplaced.count(),
        1,
        "the note, under a column piano does not read"
    );
}

#[test]
fn columns_without_header_name_the_number_and_the_description_once() {
    let cases = [
        (r#"["number", "weight"]"#, "must name"),
        (r#"["number", "description", "number"]"#, "must name"),
        (
            r#"["number", "descrizione"]"#,
            "unknown variant `descrizione`",
        ),
    ];
    for (columns, told) in cases {
        let text = format!(
            "name = \"x\"\nextends = \"struttura-table\"\n[layout]\ncolumns_without_header = {columns}\n"
        );
        let error = Vocabulary::from_toml(&text).expect_err("refused");
        let source = std::error::Error::source(&error).map(ToString::to_string);
        let message = format!("{error}: {}", source.unwrap_or_default());
        assert!(message.contains(told), "{message}");
    }
}

#[test]
fn an_unknown_layout_rule_is_refused_with_its_line() {
    let text = "name = \"x\"\nextends = \"struttura-table\"\n[layout]\nheader_holds = false\n";
    let error = Vocabulary::from_toml(text).expect_err("refused");
    let source = std::error::Error::source(&error).map(ToString::to_string);
    let source = source.unwrap_or_default();
    assert!(source.contains("line 4"), "{source}");
    assert!(source.contains("unknown field `header_holds`"), "{source}");
    assert!(source.contains("header_holds_over_headings"), "{source}");
}

#[test]
fn a_profile_extending_another_keeps_the_rules_it_does_not_set() {
    let base = LayoutRules {
        phase_when_deeper: false,
        ..LayoutRules::default()
    };
    let file: LayoutFile = toml::from_str("number_column_first = false").expect("valid");
    let changed = base.changed(file, "x").expect("valid");
    assert!(!changed.phase_when_deeper && !changed.number_column_first);
    assert!(changed.header_holds_over_headings && changed.phase_when_other_scheme);
}

#[test]
fn columns_without_header_are_read_with_the_number_first() {
    let file: LayoutFile =
        toml::from_str(r#"columns_without_header = ["other", "description", "number"]"#)
            .expect("valid");
    let rules = LayoutRules::default().changed(file, "x").expect("valid");
    assert_eq!(rules.number_without_header_at(), Some(2));
    let read = [Some(Column::Number), None, Some(Column::Description)];
    assert_eq!(rules.columns_without_header_as_read(), Some(read.to_vec()));
    let kept = LayoutRules {
        number_column_first: false,
        ..rules
    };
    assert_eq!(kept.number_without_header_at(), None);
}
