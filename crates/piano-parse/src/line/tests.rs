//! Each kind of line, as the bundled profiles read it.

use super::*;

fn words() -> &'static Vocabulary {
    Vocabulary::default_profile()
}

fn kind_of(text: &str) -> LineKind {
    classify(&TextLine::from_texts(1, None, text.split('\t')), words())
}

/// A line as the profile of a bundled family reads it.
fn kind_in(family: &str, text: &str) -> LineKind {
    let profile = Vocabulary::bundled()
        .iter()
        .find(|profile| profile.name == family)
        .expect("a bundled family");
    classify(&TextLine::from_texts(1, None, text.split('\t')), profile)
}

#[test]
fn a_section_word_needs_no_colon_when_a_heads_role_ends_the_line() {
    for (text, name, role, head) in [
        (
            "AREA - SEGRETERIA GENERALE - SEGRETARIO GENERALE:",
            "SEGRETERIA GENERALE",
            "SEGRETARIO GENERALE",
            None,
        ),
        (
            "STRUTTURA AREA TECNICA, LAVORI PUBBLICI – RESPONSABILE P.O.: Rag. Chiara Costa",
            "AREA TECNICA, LAVORI PUBBLICI",
            "RESPONSABILE P.O.",
            Some("Rag. Chiara Costa"),
        ),
    ] {
        let heading = structure_heading(text, words()).expect(text);
        assert_eq!(
            (
                heading.name.as_str(),
                heading.head.role.as_deref(),
                heading.head.name.as_deref()
            ),
            (name, Some(role), head),
            "{text}"
        );
    }
    // A head wrapped onto the next line leaves its dash behind, with a
    // colon after the section word or not.
    for (text, name) in [
        (
            "STRUTTURA 4: AMBIENTE E TRASPORTI –",
            "STRUTTURA 4 AMBIENTE E TRASPORTI",
        ),
        (
            "SERVIZIO AREA TECNICA, AMBIENTE E TRASPORTI –",
            "AREA TECNICA, AMBIENTE E TRASPORTI",
        ),
    ] {
        let heading = structure_heading(text, words());
        assert_eq!(heading.map(|h| h.name).as_deref(), Some(name), "{text}");
    }
    // A colon says where the head is: no name is made of what precedes it.
    assert_eq!(
        structure_heading("STRUTTURA mantenimento: –", words()),
        None
    );
    // Without a head's role, words after "Area" are prose.
    assert_eq!(
        structure_heading("Area tecnica - lavori in corso: tre cantieri", words()),
        None
    );
}

#[test]
fn a_card_field_is_labelled_by_any_name_of_its_column() {
    for (line, column) in [
        ("Indicatori di risultato\tN. pratiche", Column::Indicators),
        ("Incidenza %\t30%", Column::Weight),
        ("Obiettivo\tRiordino dell'archivio", Column::Description),
    ] {
        assert!(
            matches!(kind_in("objective-cards", line), LineKind::CardField(c, _) if c == column),
            "{line}"
        );
    }
    // Cells naming columns are a header's, however the first is read.
    for line in ["Fase\tPeso", "Cronoprogramma delle fasi\tPeso\tScadenza"] {
        assert!(
            !matches!(kind_in("objective-cards", line), LineKind::CardField(..)),
            "{line}"
        );
    }
}

#[test]
fn a_card_field_in_one_cell_keeps_a_value_that_opens_with_a_columns_name() {
    // A narrow column cuts the value after its first words, which may
    // name a column ("Tempi", "N."): with the label's colon in the same
    // cell, the line is no header's.
    for (line, column, value) in [
        ("OUTPUT ATTESO: Tempi", Column::Expected, "Tempi"),
        ("INDICATORE DI PERFORMANCE: N.", Column::Indicators, "N."),
    ] {
        assert_eq!(
            kind_in("objective-cards", line),
            LineKind::CardField(column, value.to_owned()),
            "{line}"
        );
    }
    // In two cells, the same words are a header's.
    assert!(!matches!(
        kind_in("objective-cards", "Output atteso\tTempi"),
        LineKind::CardField(..)
    ));
}

#[test]
fn a_card_fields_value_opens_in_its_labels_cell() {
    // "Termine: entro il" | "1": the words after the label's colon open
    // the value the next cell goes on with.
    assert_eq!(
        kind_in("objective-cards", "Termine: entro il\t1"),
        LineKind::CardField(Column::Due, "entro il 1".to_owned())
    );
}

#[test]
fn a_weight_matrix_header_names_no_column_of_values() {
    let matrix = "N.\tDescrizione\tSegretario\tDirigente Area 1";
    assert!(matches!(
        kind_in("weight-matrix", matrix),
        LineKind::TableHeader(columns) if columns.contains(&Some(Column::HeadWeight))
    ));
    let grouped = "N.\tDescrizione\tProgrammazione\tIndicatori\tScadenza\tOsservazioni";
    assert!(matches!(
        kind_in("weight-matrix", grouped),
        LineKind::TableHeader(columns) if !columns.contains(&Some(Column::HeadWeight))
    ));
}

#[test]
fn reads_structure_headings() {
    let heading = structure_heading(
        "STRUTTURA: AREA 1 AFFARI GENERALI – DIRIGENTE/RESPONSABILE: ARCH. Mario Rossi ad interim",
        words(),
    )
    .expect("a heading");
    assert_eq!(heading.kind.as_deref(), Some("STRUTTURA"));
    assert_eq!(heading.name, "AREA 1 AFFARI GENERALI");
    assert_eq!(heading.head.role.as_deref(), Some("DIRIGENTE/RESPONSABILE"));
    assert_eq!(heading.head.name.as_deref(), Some("ARCH. Mario Rossi"));
    assert!(heading.head.ad_interim);

    let heading =
        structure_heading("Settore: POLIZIA LOCALE - RESPONSABILE:", words()).expect("a heading");
    assert_eq!(
        (heading.name.as_str(), heading.head.name),
        ("POLIZIA LOCALE", None)
    );
    // Without a separator, a section word opens a heading in a line all in
    // capitals, not in prose's case.
    let heading = structure_heading("SETTORE AFFARI GENERALI E SERVIZI AL CITTADINO", words());
    assert_eq!(
        heading.map(|heading| (heading.kind, heading.name)),
        Some((
            Some("SETTORE".to_owned()),
            "AFFARI GENERALI E SERVIZI AL CITTADINO".to_owned()
        ))
    );
    assert_eq!(structure_heading("Area tecnica", words()), None);
    assert_eq!(structure_heading("AREA", words()), None);
    // A bar sets the head apart as a spaced dash does.
    let heading = structure_heading(
        "Settore Lavori Pubblici | Dirigente: Ing. Paolo Berti",
        words(),
    )
    .expect("a heading with its head after a bar");
    assert_eq!(
        (heading.kind.as_deref(), heading.name.as_str()),
        (Some("Settore"), "Lavori Pubblici")
    );
    assert_eq!(heading.head.role.as_deref(), Some("Dirigente"));
    assert_eq!(heading.head.name.as_deref(), Some("Ing. Paolo Berti"));
    // A dump that drew the bar as a rule leaves the role word alone there.
    let heading = structure_heading(
        "Settore Lavori Pubblici Dirigente: Ing. Paolo Berti",
        words(),
    )
    .expect("a heading whose role word ends the name");
    assert_eq!(heading.name, "Lavori Pubblici");
    assert_eq!(heading.head.role.as_deref(), Some("Dirigente"));

    let heading = structure_heading(
        "SETTORE 1: AFFARI GENERALI – RESPONSABILE: Dott.ssa Anna Neri (ad interim)",
        words(),
    )
    .expect("a numbered section word");
    assert_eq!(
        (heading.kind.as_deref(), heading.name.as_str()),
        (Some("SETTORE"), "SETTORE 1 AFFARI GENERALI")
    );
    assert_eq!(heading.head.name.as_deref(), Some("Dott.ssa Anna Neri"));
    assert!(heading.head.ad_interim);
    let heading = structure_heading(
        "AREA: TECNICA – RESPONSABILE: Ing. Paolo Berti - ad interim",
        words(),
    )
    .expect("a heading");
    assert_eq!(heading.head.name.as_deref(), Some("Ing. Paolo Berti"));
    assert_eq!(
        structure_heading("Settore 1 e 2: vedi sopra", words()),
        None
    );
    for (text, name) in [
        (
            "SETTORE 1 – AFFARI GENERALI – DIRIGENTE: Dott.ssa Lucia Bartoli",
            "SETTORE 1 AFFARI GENERALI",
        ),
        ("SETTORE N. 2: TRIBUTI", "SETTORE N. 2 TRIBUTI"),
        ("1° SETTORE: TRIBUTI", "1° SETTORE TRIBUTI"),
        ("AREA IV: VIGILANZA", "AREA IV VIGILANZA"),
        ("STRUTTURA ORGANIZZATIVA: SEGRETERIA", "SEGRETERIA"),
    ] {
        let heading = structure_heading(text, words()).expect(text);
        assert_eq!(heading.name, name, "{text}");
    }
    // Unnumbered, a section word needs a head's role at the line's end
    // to open a heading without its colon.
    let heading = structure_heading("Area tecnica - Dirigente: Rossi", words());
    assert_eq!(
        heading.map(|heading| (heading.kind, heading.name)),
        Some((Some("Area".to_owned()), "tecnica".to_owned()))
    );
    assert_eq!(
        structure_heading(
            "Area: tecnica, con i lavori pubblici e l'ambiente.",
            words()
        ),
        None
    );
    assert_eq!(structure_heading("Nota: vedi sopra", words()), None);
}

#[test]
fn reads_a_head_on_its_own_line() {
    let head = head_line("RESPONSABILE: Dott. Luigi Paoli", words()).expect("a head line");
    assert_eq!(
        (head.role.as_deref(), head.name.as_deref()),
        (Some("RESPONSABILE"), Some("Dott. Luigi Paoli"))
    );
    assert_eq!(head_line("Nota: vedi sopra", words()), None);
    // Without the colon: a role word, then a titled name.
    let head = head_line("Responsabile Dott.ssa Anna della Valle", words()).expect("a head");
    assert_eq!(
        (head.role.as_deref(), head.name.as_deref()),
        (Some("Responsabile"), Some("Dott.ssa Anna della Valle"))
    );
    for text in [
        "Responsabile del procedimento amministrativo",
        "Dirigente Settore Tecnico",
        "Responsabile Dott. Neri dal 2024",
    ] {
        assert_eq!(head_line(text, words()), None, "{text}");
    }
}

#[test]
fn a_missions_number_is_its_code_and_anything_else_after_the_label_its_value() {
    // The date is kept as what was written, to be reported as no mission.
    assert_eq!(
        kind_of("Missione 31.12.2021"),
        LineKind::Field(Field::Mission, "31.12.2021".to_owned())
    );
    assert!(matches!(
        kind_of("Missione 01"),
        LineKind::Field(Field::Mission, value) if value.starts_with("01")
    ));
}

#[test]
fn classifies_each_kind_of_line() {
    assert!(matches!(
        kind_of("Missione\tOrdine pubblico e sicurezza"),
        LineKind::Field(Field::Mission, _)
    ));
    assert!(matches!(
        kind_of("N°\tDescrizione Obiettivi Operativi\tPeso %\tIndicatori\tTarget\tScadenza"),
        LineKind::TableHeader(_)
    ));
    assert!(matches!(
        kind_of("N.\tDipendenti\tObiettivo\tPeso %"),
        LineKind::TableHeader(_)
    ));
    assert!(matches!(kind_of("1.1.\tFase: x\t(50%)"), LineKind::Row(_)));
    assert_eq!(kind_of("\t\tsegue"), LineKind::Continuation);
    assert_eq!(kind_of("16"), LineKind::PageNumber);
    assert_eq!(
        kind_of("Dipendenti coinvolti sugli obiettivi:"),
        LineKind::StaffTitle
    );
    assert_eq!(kind_of("17.2"), LineKind::Text);
    assert_eq!(kind_of("(50%)"), LineKind::Text);
    assert_eq!(kind_of("Il Ciclo della Performance"), LineKind::Text);
}

#[test]
fn a_code_merged_with_its_text_opens_a_coded_row_a_capital_letter_does_not() {
    assert!(matches!(
        kind_in("objective-cards", "a) Raccolta dei dati\t50%\t31.12.2022"),
        LineKind::CodedRow(code) if code.text == "a)"
    ));
    assert!(!matches!(
        kind_in("objective-cards", "A Raccolta dei dati\t50%\t31.12.2022"),
        LineKind::CodedRow(_)
    ));
}

#[test]
fn a_code_merged_with_its_text_beside_a_weight_alone_opens_a_coded_row() {
    // Its due left blank: two cells, the other its weight.
    assert!(matches!(
        kind_in("objective-cards", "a) Raccolta dei dati\t(33%)"),
        LineKind::CodedRow(code) if code.text == "a)"
    ));
    assert!(!matches!(
        kind_in("objective-cards", "a) Raccolta dei dati\tin corso"),
        LineKind::CodedRow(_)
    ));
}

#[test]
fn a_phase_marker_and_number_merged_with_the_text_open_a_coded_row() {
    // "Fase 1" set too close to its text to part: no card field
    // "Fase …" whose value is the weight and the due.
    assert!(matches!(
        kind_in(
            "objective-cards",
            "Fase 1 Raccolta dei dati\t20,00 %\tagosto 2023"
        ),
        LineKind::CodedRow(_)
    ));
    assert!(!matches!(
        kind_in("objective-cards", "Fase di raccolta\t20,00 %\tagosto 2023"),
        LineKind::CodedRow(_)
    ));
}

#[test]
fn a_card_openers_number_cut_into_the_next_cell_is_its_number() {
    assert_eq!(
        kind_in("objective-cards", "Obiettivo n.\t14\t"),
        LineKind::CardOpener("14".to_owned(), None)
    );
    assert_eq!(
        kind_in("objective-cards", "Obiettivo n.\t14 – Bilancio\t"),
        LineKind::CardOpener("14".to_owned(), Some("Bilancio".to_owned()))
    );
    assert_ne!(
        kind_in("objective-cards", "Obiettivo n.\tBilancio"),
        LineKind::CardOpener("Bilancio".to_owned(), None)
    );
    // Cut between its words: the opener all the same, a field's label not.
    assert_eq!(
        kind_in("objective-cards", "Scheda\tobiettivo n. 2\t\t"),
        LineKind::CardOpener("2".to_owned(), None)
    );
    assert!(!matches!(
        kind_in("objective-cards", "Obiettivo\tRiordino dell'archivio 2024"),
        LineKind::CardOpener(..)
    ));
}

#[test]
fn a_section_line_over_a_head_on_its_own_line_is_a_heading() {
    let heading = heading_over_a_head("Area Tecnica", "Responsabile: Ing. Mario Rossi", words());
    assert_eq!(
        heading.map(|heading| (heading.kind, heading.name)),
        Some((Some("Area".to_owned()), "Tecnica".to_owned()))
    );
    // A colon may end it.
    let heading = heading_over_a_head("Area Servizi Tecnici:", "Dirigente: Ing. Neri", words());
    assert_eq!(
        heading.map(|heading| (heading.kind, heading.name)),
        Some((Some("Area".to_owned()), "Servizi Tecnici".to_owned()))
    );
    // Not above prose, and not a sentence.
    assert_eq!(
        heading_over_a_head("Area Tecnica", "Il servizio cura", words()),
        None
    );
    assert_eq!(
        heading_over_a_head(
            "Area tecnica e lavori.",
            "Responsabile: Ing. Rossi",
            words()
        ),
        None
    );
    // Blank lines may stand between the two.
    let text = "Servizio Cultura\n\nResponsabile: Dott. Anna Neri\nServizio Cultura";
    let lines = piano_model::Layout::from_tab_separated(text).lines;
    let mut kinds: Vec<LineKind> = lines.iter().map(|line| classify(line, words())).collect();
    mark_headings_over_heads(&lines, &mut kinds, words());
    assert!(matches!(kinds[0], LineKind::Structure(_)));
    assert!(matches!(kinds[2], LineKind::Text), "nothing below it");
}

#[test]
fn a_heading_may_give_its_head_in_brackets() {
    let heading = structure_heading(
        "Settore Affari Generali (Responsabile: Dott.ssa Anna Neri)",
        words(),
    )
    .expect("a heading");
    assert_eq!(heading.name, "Affari Generali");
    assert_eq!(heading.head.name.as_deref(), Some("Dott.ssa Anna Neri"));
    // Brackets that name no head leave the line what it was.
    assert_eq!(
        structure_heading("Settore tecnico (vedi sotto)", words()),
        None
    );
}

#[test]
fn of_two_description_cells_the_first_stands_over_the_numbers() {
    let cards = Vocabulary::bundled()
        .iter()
        .find(|profile| profile.has_cards())
        .expect("a profile of cards");
    let line = TextLine::from_texts(1, None, ["Fase", "Attività", "Peso", "Scadenza"]);
    assert_eq!(
        classify(&line, cards),
        LineKind::TableHeader(vec![
            Some(Column::Number),
            Some(Column::Description),
            Some(Column::Weight),
            Some(Column::Due),
        ])
    );
    // One description cell, first: it is the description.
    let line = TextLine::from_texts(2, None, ["Fase", "Peso", "Scadenza", "Indicatori"]);
    let LineKind::TableHeader(columns) = classify(&line, cards) else {
        panic!("a header");
    };
    assert_eq!(columns[0], Some(Column::Description));
}

#[test]
fn a_group_label_set_before_a_columns_name_leaves_it_that_column() {
    let line = TextLine::from_texts(
        1,
        None,
        [
            "N°",
            "Descrizione",
            "Peso",
            "Misurazione Indicatori",
            "Target",
            "Scadenza",
        ],
    );
    let LineKind::TableHeader(columns) = classify(&line, words()) else {
        panic!("a header");
    };
    assert_eq!(columns[3], Some(Column::Indicators));
    // A label of several words.
    let report = Vocabulary::bundled_named("results-report");
    let line = TextLine::from_texts(
        1,
        None,
        [
            "Rif.",
            "Dati di monitoraggio Commento",
            "Obiettivi e fasi",
            "Incidenza",
            "Output atteso",
        ],
    );
    let LineKind::TableHeader(columns) = classify(&line, report) else {
        panic!("a header");
    };
    assert_eq!(columns[1], Some(Column::Note));
}

#[test]
fn a_header_cell_whose_spaces_ocr_lost_names_its_column() {
    let report = Vocabulary::bundled_named("results-report");
    let line = TextLine::from_texts(
        1,
        None,
        [
            "N.",
            "Obiettivo",
            "Peso",
            "Indicatore",
            "Scadenza",
            "% diraggiungimento",
            "Note",
        ],
    );
    let LineKind::TableHeader(columns) = classify(&line, report) else {
        panic!("a header");
    };
    assert_eq!(columns[5], Some(Column::Achievement));
}

#[test]
fn a_mission_one_space_from_its_label_is_the_mission_field() {
    // lynx sets a field's label and value one space apart, in one cell.
    assert_eq!(
        kind_of("Missione Servizi istituzionali, generali e di gestione"),
        LineKind::Field(
            Field::Mission,
            "Servizi istituzionali, generali e di gestione".to_owned()
        )
    );
    assert_eq!(
        kind_of("Missione Turismo"),
        LineKind::Field(Field::Mission, "Turismo".to_owned())
    );
    // A sentence that opens with the label's word is no field.
    assert_eq!(
        kind_of("Missione del Comune è servire i cittadini"),
        LineKind::Text
    );
}
