//! Tests of objective cards: their fields, phase tables and openers.

use piano_model::{DueDate, LineRole};

#[test]
fn text_under_a_numbered_phase_table_is_no_phase() {
    // The plan's closing date and signature under its last card.
    let text = "AREA 1: SERVIZI AL CITTADINO\n\
        Obiettivo n. 1\n\
        Descrizione\tSportello unico\n\
        Peso\t100%\n\
        Fase\tAttività\tPeso\tScadenza\n\
        1.a\tAllestimento dei locali\t50%\t31/03/2024\n\
        1.b\tApertura al pubblico\t50%\t31/12/2024\n\
        \n\
        Città di Prova, 15 febbraio 2024\n\
        Il Segretario Generale\n";
    let plan = crate::parse_dump(text);
    let phases: Vec<&str> = plan.structures[0].objectives[0]
        .phases
        .iter()
        .map(|phase| phase.description.as_str())
        .collect();
    assert_eq!(phases, ["Allestimento dei locali", "Apertura al pubblico"]);
}

#[test]
fn a_phase_table_whose_header_leaves_the_number_cell_empty_is_the_cards() {
    // The header's cell over the phases' letters is empty: it is no
    // line going on the card's last field.
    let text = "AREA: SERVIZI DEMOGRAFICI\n\
        Obiettivo n. 1\n\
        Descrizione\tRevisione dell'anagrafe\n\
        Peso\t100%\n\
        Scadenza\t31/12/2025\n\
        \tAzioni\tPeso\tTermine\n\
        a)\tCensimento delle borgate\t60%\t30/06/2025\n\
        b)\tAggiornamento dei registri\t40%\t31/12/2025\n";
    let (plan, roles) = crate::parse_dump_with_roles(text);
    let card = &plan.structures[0].objectives[0];
    let due = card.entry.due.as_ref().expect("the card's due");
    assert_eq!(due.note, None, "the header is no part of the due");
    let phases = described_and_weighed(card);
    assert_eq!(
        phases,
        [
            ("Censimento delle borgate", Some(60.0)),
            ("Aggiornamento dei registri", Some(40.0))
        ]
    );
    assert_eq!(roles.get(6, None), Some(LineRole::TableHeader));
}

#[test]
fn a_card_label_that_also_names_a_structure_field_is_the_cards() {
    // "Obiettivo operativo" names a structure's field too; in a card it
    // is the card's description. A label with nothing after it leaves
    // its field empty.
    let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
        Obiettivo n. 1\n\
        Obiettivo operativo\tServizio di assistenza agli anziani\n\
        Peso:\t100%\n\
        Valore atteso:\t\n\
        Scadenza:\t\n\
        Obiettivo n. 2\n\
        Obiettivo operativo\tSportello unico\n\
        Peso:\t100%\n\
        Scadenza:\t31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    let structure = &plan.structures[0];
    assert_eq!(structure.operational_objective, None);
    let card = &structure.objectives[0];
    assert_eq!(
        card.entry.description,
        "Servizio di assistenza agli anziani"
    );
    assert_eq!(card.entry.expected, None);
    assert_eq!(card.entry.due, None);
    assert_eq!(structure.objectives[1].entry.description, "Sportello unico");
}

#[test]
fn a_card_is_an_objective_with_its_fields_and_phases() {
    let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
        Obiettivo n. 1 – Assistenza domiciliare\n\
        Descrizione\tServizio di assistenza\n\
        \tagli anziani soli\n\
        Peso\t100%\n\
        Scadenza\t31.12.2022\n\
        Fase\tPeso\tScadenza\n\
        Attivazione del servizio\t50%\t30.06.2022\n\
        Verifica dei risultati\t50%\t31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    assert_eq!(plan.family.as_deref(), Some("objective-cards"));
    let card = &plan.structures[0].objectives[0];
    assert_eq!(
        card.entry.description,
        "Servizio di assistenza agli anziani soli"
    );
    assert_eq!(card.phases.len(), 2);
    use LineRole::*;
    assert_eq!(
        crate::roles_of(text),
        [
            (1, StructureHeading),
            (2, Objective),
            (3, CardField),
            (4, CardField),
            (5, CardField),
            (6, CardField),
            (7, TableHeader),
            (8, Phase),
            (9, Phase),
        ]
    );
}

/// A card of one objective whose phase table holds `phases`.
/// Each phase of `card`, by its description and weight.
fn described_and_weighed(card: &piano_model::Objective) -> Vec<(&str, Option<f64>)> {
    card.phases
        .iter()
        .map(|phase| (phase.description.as_str(), phase.weight))
        .collect()
}

fn card_with_phases(phases: &str) -> String {
    format!(
        "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
        Obiettivo n. 1 – Assistenza domiciliare\n\
        Peso\t100%\n\
        Fase\tPeso\tScadenza\n{phases}"
    )
}

/// The phases of the first objective `text` gives.
fn phases_of(text: &str) -> Vec<piano_model::Entry> {
    let (plan, _) = crate::parse_dump_with_roles(text);
    plan.structures[0].objectives[0].phases.clone()
}

/// The phases of a card whose phase table is headed by `header` (its lines,
/// each ending in a newline) over two phases of 50%.
fn phases_under_header(header: &str) -> Vec<piano_model::Entry> {
    phases_of(&format!(
        "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
         Obiettivo n. 1 – Assistenza domiciliare\n\
         Peso\t100%\n\
         {header}\
         Attivazione del servizio\t50%\t30.06.2022\n\
         Verifica dei risultati\t50%\t31.12.2022\n"
    ))
}

/// The phases' descriptions, in order.
fn descriptions_of(phases: &[piano_model::Entry]) -> Vec<&str> {
    phases.iter().map(|p| p.description.as_str()).collect()
}

#[test]
fn a_phase_numbered_in_its_own_cell_or_with_its_text_is_numbered_by_its_card() {
    // A phase table without a number column in its header (or with no
    // header): the phases' own numbers or codes are not their text.
    let text = card_with_phases(
        "a)\tAttivazione del servizio\t50%\t30.06.2022\n\
        b) Verifica dei risultati\t50%\t31.12.2022\n",
    );
    let phases = phases_of(&text);
    let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
    assert_eq!(
        descriptions,
        ["Attivazione del servizio", "Verifica dei risultati"]
    );
    assert_eq!(phases[1].weight, Some(50.0));
    let numbered = card_with_phases("1.1 Attivazione del servizio\t50%\t30.06.2022\n");
    assert_eq!(
        phases_of(&numbered)[0].description,
        "Attivazione del servizio"
    );
}

#[test]
fn a_phase_wrapped_after_a_word_no_phrase_ends_with_goes_on() {
    // An aligned dump's phase cell wraps onto a line of its own, the
    // rest opening with a capital ("… di" / "Giunta").
    let text = card_with_phases(
        "Predisporre la proposta di deliberazione di\t50%\t30.06.2022\n\
        Giunta\t\t\n\
        Verifica dei risultati presentati\t50%\t31.12.2022 (salvo\n\
        alla Giunta\t\tproroghe)\n\
        Relazione\t\t\n",
    );
    let phases = phases_of(&text);
    let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
    assert_eq!(
        descriptions,
        [
            "Predisporre la proposta di deliberazione di Giunta",
            "Verifica dei risultati presentati alla Giunta",
            "Relazione"
        ]
    );
}

#[test]
fn a_card_title_wrapped_under_itself_goes_on() {
    let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
        Obiettivo n. 1\tAssistenza domiciliare agli anziani\n\
        \tdel distretto (ambito 3).\n\
        Peso\t100%\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    let card = &plan.structures[0].objectives[0];
    assert_eq!(
        card.entry.description,
        "Assistenza domiciliare agli anziani del distretto (ambito 3)."
    );
    assert_eq!(card.entry.weight, Some(100.0));
}

#[test]
fn a_phase_table_header_wrapped_in_small_letters_is_no_phase() {
    let phases = phases_under_header("Descrizione\tPeso\tScadenza\nfase\t\t\n");
    assert_eq!(
        descriptions_of(&phases),
        ["Attivazione del servizio", "Verifica dei risultati"]
    );
    assert_eq!(phases[0].weight, Some(50.0));
}

#[test]
fn a_phase_table_header_wrapped_with_a_sign_is_no_phase() {
    // "Peso" / "%.": the weight column's name goes on with a sign.
    let phases = phases_under_header("Fasi di\tPeso\tTempi di\nattuazione\t%.\trealizzazione\n");
    assert_eq!(
        descriptions_of(&phases),
        ["Attivazione del servizio", "Verifica dei risultati"]
    );
    assert_eq!(phases[1].weight, Some(50.0));
}

#[test]
fn inline_fields_wrapped_in_a_narrow_column_keep_their_values() {
    let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
        Obiettivo n. 1\n\
        Descrizione:\n\
        Monitoraggio del\n\
        rispetto dei termini.\n\
        Responsabile: Geom.\n\
        Andrea Rossi\n\
        Peso: 100%\n\
        Indicatore:\n\
        Valore atteso: Approvazione entro la\n\
        scadenza.\n\
        Scadenza: entro il\n\
        31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    let card = &plan.structures[0].objectives[0].entry;
    assert_eq!(
        card.expected.as_deref(),
        Some("Approvazione entro la scadenza.")
    );
    let due = card.due.as_ref().and_then(|due| due.date);
    assert_eq!(
        due.map(|date| date.to_string()).as_deref(),
        Some("2022-12-31")
    );
    assert_eq!(card.description, "Monitoraggio del rispetto dei termini.");
    assert_eq!(card.responsible.as_deref(), Some("Geom. Andrea Rossi"));
    assert_eq!(card.weight, Some(100.0));
    let roles = crate::roles_of(text);
    assert!(
        roles.iter().all(|(_, role)| *role != LineRole::Unplaced),
        "{roles:?}"
    );
}

#[test]
fn a_field_label_alone_in_capitals_is_no_value_of_the_inline_field_above_it() {
    let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
        Obiettivo n. 1\n\
        Descrizione: Riordino del registro.\n\
        Scadenza: 15.10.2024\n\
        INDICATORI DI RISULTATO\t\n\
        Valore atteso: Tempi medi entro i 30 gg.\n\
        Indicatore:\n\
        Numero di questionari\n\
        raccolti.\n";
    let plan = crate::parse_dump(text);
    let card = &plan.structures[0].objectives[0].entry;
    assert_eq!(
        card.due.as_ref().map(|due| due.raw.as_str()),
        Some("15.10.2024")
    );
    assert_eq!(card.expected.as_deref(), Some("Tempi medi entro i 30 gg."));
    // A value opening with a column's word ("Numero") is no label.
    assert_eq!(
        card.indicators.as_deref(),
        Some("Numero di questionari raccolti.")
    );
}

#[test]
fn a_due_wrapped_after_its_preposition_is_read_whole_and_said_nothing_of() {
    // "entro" names no column here: it leaves the value open, and what
    // its first line alone gave (no date) is not said of the whole.
    let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
        Obiettivo n. 1\n\
        Descrizione: Riordino del registro.\n\
        Peso: 100%\n\
        Scadenza: entro\n\
        il 31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    let due = plan.structures[0].objectives[0].entry.due.as_ref();
    assert_eq!(
        due.and_then(|due| due.date)
            .map(|date| date.to_string())
            .as_deref(),
        Some("2022-12-31")
    );
    assert!(
        plan.diagnostics
            .iter()
            .all(|said| said.code != piano_model::Code::DueUnparsed),
        "{:?}",
        plan.diagnostics
    );
}

#[test]
fn a_wrapped_phase_whose_due_goes_on_too_goes_on() {
    // The phase's text and its due wrap onto the same line:
    // "(pluriennale)" opens with a bracket, not with a capital; "2022"
    // is a figure, under a phase going on in lower case or after a word
    // no phrase ends with.
    let text = card_with_phases(
        "Predisporre la proposta di deliberazione di\t50%\t31.12 di ogni anno\n\
        Giunta\t\t(pluriennale)\n\
        Pubblicazione dei documenti su\t25%\tentro il 31 dicembre\n\
        amministrazione trasparente\t\t2022\n\
        Proposta di deliberazione di\t10%\tentro il 15 febbraio\n\
        Giunta\t\t2022\n\
        Verifica dei risultati\t25%\t31.12.2022\n",
    );
    let phases = phases_of(&text);
    let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
    assert_eq!(
        descriptions,
        [
            "Predisporre la proposta di deliberazione di Giunta",
            "Pubblicazione dei documenti su amministrazione trasparente",
            "Proposta di deliberazione di Giunta",
            "Verifica dei risultati"
        ]
    );
    assert!(phases[0].due.as_ref().is_some_and(|due| due.multiyear));
    let due = phases[1].due.as_ref().and_then(|due| due.date);
    assert_eq!(
        due.map(|date| date.to_string()).as_deref(),
        Some("2022-12-31")
    );
}

#[test]
fn a_cards_one_phase_behind_an_empty_column_is_its_phase() {
    // No header over the phase table, and one phase only: no row below
    // shows the line to be a table's, but its number is the card's.
    let text = "AREA 1: SERVIZI AL CITTADINO\n\
        Obiettivo n. 2\tSportello unico\n\
        Peso:\t40\n\
        \n\
        \t2.1\tApertura al pubblico\t100\t15.1.2024\n\
        \n\
        Obiettivo n. 3\tArchivio\n\
        Peso:\t60\n";
    let plan = crate::parse_dump(text);
    let card = &plan.structures[0].objectives[0];
    assert_eq!(card.entry.weight, Some(40.0));
    let phases = described_and_weighed(card);
    assert_eq!(phases, [("Apertura al pubblico", Some(100.0))]);
}

#[test]
fn a_cell_labels_last_word_wrapped_with_its_value_goes_on_the_field() {
    // "DESCRIZIONE OBIETTIVI" / "OPERATIVI" in the label cell, the value
    // wrapped beside them: one field.
    let text = "AREA 1: SERVIZI AL CITTADINO\n\
        Obiettivo n. 1\n\
        DESCRIZIONE OBIETTIVI\tRiordino dell'archivio comunale,\n\
        OPERATIVI\tin due fasi.\n\
        PESO\t40\n\
        Obiettivo n. 2\n\
        DESCRIZIONE OBIETTIVI\tRevisione dei registri (D.Lgs.\n\
        OPERATIVI\tn. 33/2013).\n\
        PESO\t60\n";
    let plan = crate::parse_dump(text);
    let descriptions: Vec<&str> = plan.structures[0]
        .objectives
        .iter()
        .map(|card| card.entry.description.as_str())
        .collect();
    assert_eq!(
        descriptions,
        [
            "Riordino dell'archivio comunale, in due fasi.",
            "Revisione dei registri (D.Lgs. n. 33/2013)."
        ]
    );
}

#[test]
fn a_headerless_phase_tables_empty_column_is_no_column() {
    // No header over the phase table, which leaves a column empty (after
    // the letter, or after the text): the text, weight and due are read
    // past it, and a line going on under the row joins its own cells.
    let text = "AREA 1: SERVIZI AL CITTADINO\n\
        Obiettivo n. 1\n\
        Descrizione\tSportello unico\n\
        Peso:\t40\n\
        a)\t\tApertura al pubblico\t60\tentro il 1\n\
        \t\t\t\tmarzo 2024\n\
        b)\tChiusura dei conti\t\t40\t31.12.2024\n";
    let plan = crate::parse_dump(text);
    let card = &plan.structures[0].objectives[0];
    let phases: Vec<(&str, Option<f64>, Option<DueDate>)> = card
        .phases
        .iter()
        .map(|phase| {
            let due = phase.due.as_ref().and_then(|due| due.date);
            (phase.description.as_str(), phase.weight, due)
        })
        .collect();
    assert_eq!(
        phases,
        [
            ("Apertura al pubblico", Some(60.0), DueDate::day(2024, 3, 1)),
            ("Chiusura dei conti", Some(40.0), DueDate::day(2024, 12, 31)),
        ]
    );
    assert_eq!(card.phases[0].indicators, None);
}

#[test]
fn phases_under_no_header_after_a_card_with_one_skip_its_empty_column() {
    // The first card's phase table has a header; the second card's has
    // none, and its rows are read in the columns assumed for such a table,
    // past the column the table leaves empty.
    let text = "AREA 1: SERVIZI AL CITTADINO\n\
        Obiettivo n. 1\n\
        Descrizione\tSportello unico\n\
        Peso:\t40\n\
        Azioni\t\tPeso\tScadenza\n\
        Apertura al pubblico\t\t(100%)\t1 marzo 2024\n\
        Obiettivo n. 2\n\
        Descrizione\tArchivio\n\
        Peso:\t60\n\
        Riordino dei fascicoli\t\t(50%)\t30 giugno 2024\n\
        Scarto degli atti\t\t(50%)\t31 dicembre 2024\n";
    let plan = crate::parse_dump(text);
    let card = &plan.structures[0].objectives[1];
    let phases: Vec<(&str, Option<f64>, Option<&str>)> = card
        .phases
        .iter()
        .map(|phase| {
            let indicators = phase.indicators.as_deref();
            (phase.description.as_str(), phase.weight, indicators)
        })
        .collect();
    assert_eq!(
        phases,
        [
            ("Riordino dei fascicoli", Some(50.0), None),
            ("Scarto degli atti", Some(50.0), None),
        ]
    );
}

#[test]
fn a_headerless_phase_table_behind_an_empty_column_is_the_cards() {
    // No header, and the phase table set behind a column left empty: its
    // rows are phases, not the last field's value wrapped, and a phase's
    // text wrapped under itself goes on.
    let text = "AREA 1: SERVIZI AL CITTADINO\n\
        Obiettivo n. 1\n\
        Descrizione\tSportello unico\n\
        Valore atteso:\tApertura entro l'anno.\n\
        \tAllestimento dei locali\t50%\t31.3.2024\n\
        \tApertura al pubblico con orario\t50%\t\n\
        \testeso\t\t\n\
        Obiettivo n. 2\n\
        Descrizione\tArchivio\n";
    let plan = crate::parse_dump(text);
    let card = &plan.structures[0].objectives[0];
    assert_eq!(
        card.entry.expected.as_deref(),
        Some("Apertura entro l'anno.")
    );
    let phases = described_and_weighed(card);
    assert_eq!(
        phases,
        [
            ("Allestimento dei locali", Some(50.0)),
            ("Apertura al pubblico con orario esteso", Some(50.0)),
        ]
    );
}

#[test]
fn a_phase_header_wrapped_onto_a_word_naming_a_field_is_the_headers() {
    // "Descrizione" / "fase": the piece under the header names a card's
    // field ("Fase"), but it ends the header's name, not the card's text.
    let text = "AREA 1: SERVIZI AL CITTADINO\n\
        Obiettivo n. 1\n\
        DESCRIZIONE OBIETTIVO:\tSportello unico\n\
        PONDERAZIONE:\t40%\n\
        Descrizione\tPonderazione\tTermine\tNote\n\
        fase\t\tprevisto\t\n\
        Allestimento dei locali\t(50%)\t31.3.2024\t\n";
    let plan = crate::parse_dump(text);
    let card = &plan.structures[0].objectives[0];
    assert_eq!(card.entry.description, "Sportello unico");
    assert_eq!(card.phases[0].description, "Allestimento dei locali");
}

#[test]
fn a_value_begun_beside_its_label_and_set_apart_goes_on_below() {
    // "Termine: entro il" | "1": the value's first words share the
    // label's cell, the rest of its line set apart by a wide gap, and it
    // wraps onto a line of one cell, as an inline field's does.
    let text = "SERVIZIO: CONTRATTI - DIRIGENTE: Mario Rossi\n\
        OBIETTIVO N. 1\tStagione teatrale.\n\
        Peso: 50\n\
        Termine: entro il\t1\n\
        dicembre 2020\n\
        Target:\tMantenimento dello standard.\n";
    let (plan, roles) = crate::parse_dump_with_roles(text);
    let card = &plan.structures[0].objectives[0];
    let due = card.entry.due.as_ref().expect("the card's due");
    assert_eq!(due.raw, "entro il 1 dicembre 2020");
    assert_eq!(due.date, DueDate::day(2020, 12, 1));
    assert_eq!(roles.get(5, None), Some(LineRole::CardField));
}

#[test]
fn a_value_set_apart_from_its_labels_colon_goes_on_below() {
    // "Data Fine Attesa:" | "1": the label's colon says the value follows
    // as running text, which wraps onto a line of one cell.
    let text = "SERVIZIO: CONTRATTI - DIRIGENTE: Mario Rossi\n\
        OBIETTIVO N. 1\tStagione teatrale.\n\
        Peso: 50\n\
        Scadenza:\t1\n\
        dicembre di ogni anno\n\
        Target:\tMantenimento dello standard.\n";
    let (plan, roles) = crate::parse_dump_with_roles(text);
    let card = &plan.structures[0].objectives[0];
    let due = card.entry.due.as_ref().expect("the card's due");
    assert_eq!(due.raw, "1 dicembre di ogni anno");
    assert_eq!(roles.get(5, None), Some(LineRole::CardField));
}
