//! Tests of the assembly of a plan from its lines.

use piano_model::{LineRole, LineSpan};

#[test]
fn a_header_printed_above_the_first_heading_holds_for_every_structure() {
    let text = "COMUNE DI CAMPO\n\nPIANO ESECUTIVO DI GESTIONE 2025\n\n\
        Cod.\tObiettivo operativo\tReferente\tStandard\tTempistica\tPonderazione\n\n\
        Missione 01 - Servizi istituzionali, generali e di gestione\n\
        Programma 02 - Segreteria generale\n\
        1.2.01\tArchivio digitale\tDott. Neri\t100%\t30/06/2025\t60,00 %\n\
        1.2.02\tRegolamento\tDott. Neri\tDelibera\t31/10/2025\t40,00 %\n\
        Programma 04 - Gestione delle entrate\n\
        1.4.01\tBonifica banca dati\tDott. Rossi\tAlmeno 300\t31/12/2025\t100,00 %\n";
    let plan = crate::parse_dump(text);
    type Rows<'a> = Vec<(Option<f64>, Option<&'a str>)>;
    let read: Vec<(Option<&str>, Rows<'_>)> = plan
        .structures
        .iter()
        .map(|structure| {
            let rows = structure.objectives.iter();
            let rows = rows.map(|row| (row.entry.weight, row.entry.expected.as_deref()));
            (structure.objectives_label.as_deref(), rows.collect())
        })
        .collect();
    let label = Some("Obiettivo operativo");
    assert_eq!(
        read,
        [
            (
                label,
                vec![(Some(60.0), Some("100%")), (Some(40.0), Some("Delibera"))]
            ),
            (label, vec![(Some(100.0), Some("Almeno 300"))]),
        ]
    );
    assert!(
        plan.preamble
            .iter()
            .all(|section| !section.text.contains("Cod."))
    );
}

#[test]
fn a_group_label_over_the_header_stands_between_it_and_the_caption() {
    for label in ["\t\tPeso per responsabile\t\n", "Peso per\nresponsabile\n"] {
        let text = format!(
            "Ripartizione dei pesi degli obiettivi\n{label}\
             Obiettivo n.\tDescrizione\tArea Finanziaria\tPolizia Locale\n\
             1\tBilancio di previsione\t10\t5\n\
             2\tRiscossione dei tributi\t90\t95\n"
        );
        let plan = crate::parse_dump(&text);
        assert_eq!(plan.family.as_deref(), Some("weight-matrix"), "{label:?}");
        assert_eq!(
            plan.structures[0].name, "Ripartizione dei pesi degli obiettivi",
            "{label:?}"
        );
    }
}

#[test]
fn a_continuation_after_text_that_fits_no_row_does_not_join_the_row_above() {
    let text = "STRUTTURA: A\n\
        N.\tDescrizione\tPeso %\tIndicatori\tTarget\tScadenza\n\
        1\tRegolamento\t100%\tDelibera\tApprovato\t31.12.2022\n\
        Processo\tRischio\tMisura\n\
        Affidamenti\tFrazionamento\tRotazione\n\
        \tdegli operatori\n";
    let plan = crate::parse_dump(text);
    let objective = &plan.structures[0].objectives[0].entry;
    assert_eq!(objective.description, "Regolamento");
    assert_eq!(objective.lines, LineSpan(3, 3));
    assert!(
        plan.diagnostics
            .iter()
            .any(|d| d.line == Some(6) && d.message.contains("degli operatori")),
        "{:#?}",
        plan.diagnostics
    );
}

#[test]
fn the_first_programme_under_a_mission_begins_at_the_mission_and_the_next_at_itself() {
    let text = "MISSIONE 01 – Servizi istituzionali, generali e di gestione\n\
        PROGRAMMA 02 – Segreteria generale\n\
        Cod.\tObiettivo\tPeso\tScadenza\n\
        01.02.01\tRegolamento\t100%\t31.12.2022\n\
        PROGRAMMA 03 – Gestione economica\n\
        Cod.\tObiettivo\tPeso\tScadenza\n\
        01.03.01\tBilancio\t100%\t31.12.2022\n";
    let plan = crate::parse_dump(text);
    assert_eq!(plan.family.as_deref(), Some("code-table"));
    let spans: Vec<LineSpan> = plan.structures.iter().map(|s| s.lines).collect();
    assert_eq!(spans, [LineSpan(1, 4), LineSpan(5, 7)]);
    assert!(plan.structures.iter().all(|s| s.missions.len() == 1));
}

#[test]
fn a_programme_numbered_with_its_mission_opens_a_structure() {
    let text = "MISSIONE 1 – Servizi istituzionali, generali e di gestione\n\
        Programma 1.2 – Segreteria generale\n\
        Cod.\tObiettivo\tPeso\tScadenza\n\
        01.02.01\tRegolamento\t100%\t31.12.2022\n";
    let plan = crate::parse_dump(text);
    let structure = &plan.structures[0];
    assert_eq!(structure.name, "Segreteria generale");
    assert_eq!(structure.objectives.len(), 1);
}

#[test]
fn a_heading_after_a_mid_line_form_feed_leaves_the_structure_above_whole() {
    let plan = crate::parse_dump("STRUTTURA: A\n1\tx\u{c}STRUTTURA: B\n");
    let spans: Vec<LineSpan> = plan.structures.iter().map(|s| s.lines).collect();
    assert_eq!(spans, [LineSpan(1, 2), LineSpan(2, 2)]);
    assert_eq!(plan.structures[0].objectives[0].entry.lines, LineSpan(2, 2));
}

#[test]
fn headings_preamble_and_lines_between_structures_get_their_roles() {
    let text = "COMUNE DI PROVA\n\
        PIANO DELLA PERFORMANCE 2022\n\
        Il piano è adottato ogni anno.\n\
        MISSIONE 01 – Servizi istituzionali, generali e di gestione\n\
        PROGRAMMA 02 – Segreteria generale\n\
        Cod.\tObiettivo\tPeso\tScadenza\n\
        01.02.01\tRegolamento\t100%\t31.12.2022\n\
        12\n\
        MISSIONE 03 – Ordine pubblico e sicurezza\n\
        Testo fuori da ogni programma\n\
        MISSIONE 04 – Istruzione e diritto allo studio\n\
        PROGRAMMA 01 – Istruzione prescolastica\n\
        Cod.\tObiettivo\tPeso\tScadenza\n\
        04.01.01\tMense\t100%\t31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    assert_eq!(plan.family.as_deref(), Some("code-table"));
    use LineRole::*;
    assert_eq!(
        crate::roles_of(text),
        [
            (1, Ente),
            (2, Title),
            (3, Preamble),
            (4, MissionHeading),
            (5, StructureHeading),
            (6, TableHeader),
            (7, Objective),
            (8, PageNumber),
            // A mission with no programme under it, and text under no
            // structure: both only in text-unplaced diagnostics.
            (9, Unplaced),
            (10, Unplaced),
            (11, MissionHeading),
            (12, StructureHeading),
            (13, TableHeader),
            (14, Objective),
        ]
    );
}

#[test]
fn a_table_named_by_its_caption_opens_at_the_caption() {
    let text = "Ufficio tecnico\n\
        N.\tDescrizione\tPeso\tScadenza\n\
        1\tManutenzione delle strade\t100%\t31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    assert_eq!(plan.structures[0].name, "Ufficio tecnico");
    use LineRole::*;
    assert_eq!(
        crate::roles_of(text),
        [(1, StructureHeading), (2, TableHeader), (3, Objective)]
    );
}

#[test]
fn a_line_cut_by_a_form_feed_has_a_role_on_each_page() {
    let (_, roles) = crate::parse_dump_with_roles("STRUTTURA: A\n1\tx\u{c}STRUTTURA: B\n");
    let listed: Vec<_> = roles.iter().collect();
    assert_eq!(
        listed,
        [
            (1, Some(1), LineRole::StructureHeading),
            (2, Some(1), LineRole::Objective),
            (2, Some(2), LineRole::StructureHeading),
        ]
    );
}

#[test]
fn a_group_label_in_the_first_cell_of_a_row_over_the_header_is_the_headers() {
    // A matrix puts its heads first: their group's label stands in the
    // first cell of a line that keeps the header's cells; a caption alone
    // on its line stays what it was.
    let text = "Pesatura degli obiettivi per Area\n\
        Peso per responsabile\t\t\t\n\
        Area Finanziaria\tPolizia Locale\tDescrizione\tn.\n\
        10,00 %\t90,00 %\tBilancio di previsione\t1\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    assert_eq!(plan.family.as_deref(), Some("weight-matrix"));
    use LineRole::*;
    assert_eq!(
        crate::roles_of(text),
        [
            (1, StructureHeading),
            (2, TableHeader),
            (3, TableHeader),
            (4, Objective)
        ]
    );
    assert!(
        plan.diagnostics
            .iter()
            .all(|d| d.code != piano_model::Code::TextUnplaced),
        "{:#?}",
        plan.diagnostics
    );
}
