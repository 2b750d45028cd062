//! The profiles' words, read and changed as profiles write them.

use super::*;

fn words() -> &'static Vocabulary {
    Vocabulary::default_profile()
}

#[test]
fn the_bundled_profiles_are_valid() {
    let names: Vec<&str> = Vocabulary::bundled()
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "struttura-table",
            "code-table",
            "objective-cards",
            "weight-matrix",
            "results-report"
        ]
    );
    assert_eq!(words().name, "struttura-table");
}

#[test]
fn recognises_column_label_variants() {
    let cases = [
        ("N°", Some(Column::Number)),
        ("Nr.", Some(Column::Number)),
        // A label of symbols only is compared as written.
        ("#", Some(Column::Number)),
        ("%", None),
        (
            "Descrizione Obiettivi Gestionali",
            Some(Column::Description),
        ),
        ("Peso %", Some(Column::Weight)),
        ("Indicatori di Misurazione", Some(Column::Indicators)),
        ("Target", Some(Column::Expected)),
        ("Risultato atteso", Some(Column::Expected)),
        ("Data Fine Attesa", Some(Column::Due)),
        ("Scadenza", Some(Column::Due)),
        ("Obiettivo", Some(Column::Objective)),
        ("Cognome e Nome", Some(Column::Employee)),
        ("Misura", Some(Column::Indicators)),
        ("Struttura responsabile", Some(Column::Responsible)),
        ("Note", None),
        // A word cut short with a point, when it begins one column's words.
        ("Respons.", Some(Column::Responsible)),
        ("Scad.", Some(Column::Due)),
        ("Ind.", None),
        ("Indica.", Some(Column::Indicators)),
        ("Responsabile.", Some(Column::Responsible)),
        ("Obiett", None),
    ];
    for (header, column) in cases {
        assert_eq!(words().column(header), column, "{header}");
    }
}

#[test]
fn recognises_fields_sections_roles_and_phase_text() {
    assert_eq!(
        words().field("Linea Strategica"),
        Some(Field::StrategicLine)
    );
    assert_eq!(words().field("Missioni:"), Some(Field::Mission));
    assert_eq!(words().field("Missione 01"), Some(Field::Mission));
    assert_eq!(
        words().field("Missione )"),
        None,
        "a label is words, not punctuation"
    );
    assert_eq!(
        words().after_field_label("MISSIONE n. 12 - Diritti", Field::Mission),
        Some(" n. 12 - Diritti")
    );
    assert_eq!(
        words().after_field_label("12 - Diritti", Field::Mission),
        None
    );
    assert!(words().is_section_word("UNITÀ ORGANIZZATIVA"));
    assert!(words().is_role("Responsabile di P.O."));
    assert!(!words().is_role("Responsabilità"));
    assert!(words().is_phase_text("Fase :esecuzione"));
    assert!(words().is_phase_text("Fase:predisporre"));
    assert!(!words().is_phase_text("Fasce orarie"));
}

#[test]
fn a_user_profile_brings_its_own_words() {
    let profile = r#"
        name = "ufficio-table"
        section_words = ["Ufficio"]
        role_words = ["Capo ufficio"]
        interim_markers = ["f.f."]
        title_words = ["Piano"]
        phase_markers = ["Azione"]
        staff_titles = ["Personale assegnato"]
        [fields]
        mission = ["Missione di bilancio"]
        [columns]
        number = ["Cod."]
        description = ["Attività"]
        due = ["Entro il"]
    "#;
    let words = Vocabulary::from_toml(profile).expect("a valid profile");
    assert!(words.is_section_word("UFFICIO"));
    assert_eq!(words.column("Entro il"), Some(Column::Due));
    assert!(words.is_phase_text("Azione 1: x"));
    assert!(Vocabulary::from_toml("name = 3").is_err());
}

#[test]
fn a_label_of_symbols_only_names_no_blank_cell() {
    let profile = "name = \"x\"\nextends = \"weight-matrix\"\n[columns]\nnumber = [\"#\"]";
    let words = Vocabulary::from_toml(profile).expect("a valid profile");
    assert_eq!(words.column("#"), Some(Column::Number));
    assert_eq!(words.column(""), None);
    assert_eq!(words.column("  "), None);
    assert!(!words.is_column_name(""));
}

#[test]
fn a_profile_extends_a_bundled_one_and_reads_codes() {
    let words = Vocabulary::from_toml(
        r#"
        name = "coded"
        extends = "struttura-table"
        row_codes = ['OB\.(?P<mission>\d{2})']
        "#,
    )
    .expect("a valid profile");
    assert!(words.is_section_word("Settore"), "the base's words stay");
    let code = words.row_code("OB.05").expect("a code");
    assert_eq!(code.mission.as_deref(), Some("05"));
    assert_eq!(words.row_code("OB.05 e altro"), None, "the whole cell");
    let unknown = Vocabulary::from_toml("name = \"x\"\nextends = \"nessuno\"");
    assert!(matches!(unknown, Err(ProfileError::UnknownBase { .. })));
    let broken = Vocabulary::from_toml("name = \"x\"\nrow_codes = ['(']");
    assert!(matches!(broken, Err(ProfileError::Pattern { .. })));
    let empty = Vocabulary::from_toml("name = \"x\"");
    assert!(matches!(empty, Err(ProfileError::OpensNothing { .. })));
}

#[test]
fn the_code_table_reads_budget_codes_of_one_digit_or_two() {
    let words = &Vocabulary::bundled()[1];
    let codes = |cell: &str| {
        words
            .row_code(cell)
            .map(|code| (code.mission, code.programme, code.parts.len()))
    };
    let two = |m: &str, p: &str, parts| Some((Some(m.to_owned()), Some(p.to_owned()), parts));
    assert_eq!(codes("0102-01"), two("01", "02", 2));
    assert_eq!(codes("01.02.01"), two("01", "02", 3));
    assert_eq!(codes("1.2.01"), two("01", "02", 3));
    assert_eq!(codes("12.1.01.1"), two("12", "01", 4));
    assert_eq!(codes("1.2").and_then(|(mission, ..)| mission), None);
}

#[test]
fn a_year_alone_is_no_budget_code() {
    let words = &Vocabulary::bundled()[1];
    let mission = |cell: &str| words.row_code(cell).and_then(|code| code.mission);
    // A wrapped due's year, left alone in the first column.
    assert_eq!(mission("2025"), None);
    assert_eq!(mission("1998"), None);
    // Missions 19 and 20 have programmes 01 to 03: these are codes.
    assert_eq!(mission("2003"), Some("20".to_owned()));
    assert_eq!(mission("2025-01"), Some("20".to_owned()));
    assert_eq!(mission("0125"), Some("01".to_owned()));
}

#[test]
fn a_profile_replaces_and_narrows_its_bases_lists() {
    let words = Vocabulary::from_toml(
        r#"
        name = "narrowed"
        extends = "struttura-table"
        section_words = ["Ufficio"]
        [replace]
        total_labels = ["Totale generale"]
        [replace.columns]
        weight = ["Punti"]
        [remove]
        section_words = ["area"]
        role_words = ["Capo"]
        [remove.columns]
        due = ["Tempi"]
        "#,
    )
    .expect("a valid profile");
    assert!(words.is_section_word("Ufficio"), "added");
    assert!(words.is_section_word("Settore"), "kept");
    assert!(!words.is_section_word("Area"), "removed, compared folded");
    assert!(!words.is_role("Capo ufficio"));
    assert!(words.is_role("Dirigente"));
    assert!(words.is_total_label("Totale generale"));
    assert!(!words.is_total_label("Somma"), "replaced");
    assert_eq!(words.column("Punti"), Some(Column::Weight));
    assert_eq!(words.column("Peso %"), None, "the weight's labels replaced");
    assert_eq!(words.column("Tempi"), None, "removed");
    assert_eq!(words.column("Scadenza"), Some(Column::Due), "kept");
    assert!(words.reads_own_lines(), "its section words differ");
    let emptied = Vocabulary::from_toml(
        "name = \"x\"\nextends = \"struttura-table\"\n[replace]\nstaff_titles = []",
    )
    .expect("a valid profile");
    assert!(
        !emptied.is_staff_title("Personale assegnato"),
        "an empty list empties"
    );
    let unknown = Vocabulary::from_toml("name = \"x\"\n[remove]\nwords = [\"a\"]");
    assert!(
        matches!(unknown, Err(ProfileError::Toml(_))),
        "unknown lists are errors"
    );
}

#[test]
fn a_profile_extending_none_shares_the_base_profiles_language() {
    let words = Vocabulary::from_toml("name = \"x\"\nsection_words = [\"Ufficio\"]")
        .expect("a valid profile");
    assert_eq!(words.ente_kinds("Comune di X")[0].0, EnteKind::Comune);
    assert_eq!(
        words.category("Obiettivo di sviluppo"),
        Some(Category::Sviluppo)
    );
    assert!(
        !words.is_section_word("Settore"),
        "a layout's words are not shared"
    );
}

/// The worked example of docs/profiles.md, "Changing a bundled profile's lists".
#[test]
fn the_docs_worked_example_replaces_and_narrows() {
    let words = Vocabulary::from_toml(
        r#"
        name = "struttura-uffici"
        extends = "struttura-table"
        section_words = ["Ufficio"]
        [replace]
        total_labels = ["Totale generale"]
        [replace.columns]
        weight = ["Punti"]
        [remove]
        section_words = ["Area"]
        "#,
    )
    .expect("a valid profile");
    assert!(words.is_section_word("UFFICIO"));
    assert!(!words.is_section_word("Area"));
    assert_eq!(words.column("Punti"), Some(Column::Weight));
    assert_eq!(words.column("Peso procedimento"), None);
    assert!(words.is_total_label("Totale generale"));
    assert!(
        !words.is_total_label("Totale"),
        "\"Totale\" alone no longer"
    );
}

#[test]
fn a_profile_adding_no_line_words_reads_no_lines_of_its_own() {
    let words = Vocabulary::from_toml(
        "name = \"x\"\nextends = \"struttura-table\"\nkeywords = [\"Piano\"]",
    )
    .expect("a valid profile");
    assert!(!words.reads_own_lines());
}

#[test]
fn reads_ente_kinds_categories_and_piao_sections_from_the_profile() {
    let kinds = words().ente_kinds("CITTÀ METROPOLITANA DI FIRENZE");
    assert_eq!(
        kinds,
        [
            (EnteKind::CittaMetropolitana, " DI FIRENZE"),
            (EnteKind::Comune, " METROPOLITANA DI FIRENZE"),
        ],
        "the longest words first"
    );
    assert_eq!(
        words().ente_kinds("Unione dei Comuni X")[0].0,
        EnteKind::Unione
    );
    assert!(
        words().ente_kinds("- Comune di X").is_empty(),
        "at the very start"
    );
    assert!(words().ente_kinds("Comunello").is_empty(), "whole words");
    assert_eq!(
        words().category("OBIETTIVO DI MANTENIMENTO: x"),
        Some(Category::Mantenimento)
    );
    assert_eq!(
        words().category("Obiettivo di sviluppo"),
        Some(Category::Sviluppo)
    );
    assert_eq!(words().category("Sviluppo"), None);
    assert_eq!(
        words().piao_section("sotto sezione 2 2 performance"),
        Some((2, "2 2 performance"))
    );
    assert_eq!(words().piao_section("sezione"), Some((1, "")));
    assert_eq!(words().piao_section("sezioni 2"), None);
    assert!(words().may_open_piao_section('p'));
    assert!(!words().may_open_piao_section('x'));
    assert!(words().names_performance("valore pubblico performance e anticorruzione"));
    assert!(!words().names_performance("performanceplus"));
}

#[test]
fn reads_card_openers_whatever_their_punctuation() {
    let cards = Vocabulary::bundled_named("objective-cards");
    assert_eq!(
        cards.card_opening("OBIETTIVO N.3 – Titolo"),
        Some("3 – Titolo")
    );
    assert_eq!(cards.card_opening("Obiettivo n° 12"), Some("12"));
    assert_eq!(cards.card_opening("Obiettivi strategici"), None);
}

#[test]
fn a_header_cut_short_names_the_one_column_it_begins() {
    let report = Vocabulary::bundled_named("results-report");
    assert_eq!(report.column("Raggiung."), Some(Column::Achievement));
    assert_eq!(report.column("% ragg."), Some(Column::Achievement));
    assert_eq!(report.column("Scad."), Some(Column::Due));
    // Three letters say too little, and no point, no abbreviation.
    assert_eq!(report.column("Ind."), None);
    assert_eq!(report.column("ragg"), None);
}

#[test]
fn a_header_of_several_words_is_found_with_its_spaces_lost() {
    let report = Vocabulary::bundled_named("results-report");
    assert_eq!(
        report.column_with_spaces_lost("% diraggiungimento"),
        Some(Column::Achievement)
    );
    assert_eq!(
        report.column_with_spaces_lost("% di raggiun gimento"),
        Some(Column::Achievement)
    );
    // A word longer than the name's last is another word.
    assert_eq!(
        report.column_with_spaces_lost("% diraggiungimentoxyz"),
        None
    );
}

#[test]
fn every_column_name_is_found_as_plans_write_it() {
    // Capitals, accents and punctuation around it: each bundled name still
    // names its column (the first of its profile's lists that holds it).
    for profile in Vocabulary::bundled() {
        for (name, _) in profile.words.columns.iter() {
            let first = profile
                .words
                .columns
                .iter()
                .find(|(other, _)| *other == name)
                .map(|(_, column)| column);
            // A name of symbols only ("#") is compared as written.
            let written = match name.contains(char::is_alphanumeric) {
                true => format!(" {}:", name.to_uppercase()),
                false => name.to_owned(),
            };
            assert_eq!(
                profile.column_named_exactly(&written),
                first,
                "{written} in {}",
                profile.name
            );
            assert!(profile.column(&written).is_some(), "{written}");
        }
    }
}
