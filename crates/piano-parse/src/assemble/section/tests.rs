//! The section assembler's rules, each on a few hand-written lines.

use super::fields::mission;
use super::header::objectives_label;
use super::*;

#[test]
fn reads_missions_with_and_without_their_numbers() {
    let cases = [
        (
            "Ordine pubblico e sicurezza",
            "Ordine pubblico e sicurezza",
            Some("03"),
        ),
        (
            "Missione 12 - Diritti sociali, politiche sociali e famiglia",
            "Diritti sociali, politiche sociali e famiglia",
            Some("12"),
        ),
        (
            "Missione 05: Tutela dei beni",
            "Tutela dei beni",
            Some("05"),
        ),
        (
            "06 Politiche giovanili, sport e tempo libero",
            "Politiche giovanili, sport e tempo libero",
            Some("06"),
        ),
        (
            "Missione 42 - Astronautica",
            "Missione 42 - Astronautica",
            None,
        ),
        // A number of three figures is no mission's.
        ("Missione 100%", "Missione 100%", None),
        ("100 giorni", "100 giorni", None),
    ];
    for (written, name, code) in cases {
        let mission = mission(written, Vocabulary::default_profile());
        assert_eq!(
            (mission.name.as_str(), mission.code.as_deref()),
            (name, code),
            "{written}"
        );
    }
}

#[test]
fn the_label_drops_a_leading_descrizione() {
    let words = Vocabulary::default_profile();
    assert_eq!(
        objectives_label("Descrizione Obiettivi Gestionali", words).as_deref(),
        Some("Obiettivi Gestionali")
    );
    assert_eq!(
        objectives_label("Obiettivi Operativi", words).as_deref(),
        Some("Obiettivi Operativi")
    );
    assert_eq!(objectives_label("Descrizione", words), None);
}

#[test]
fn each_line_of_a_structure_gets_the_role_it_played() {
    let header = "N°\tDescrizione Obiettivi\tPeso %\tIndicatori\tValori Attesi\tData Fine Attesa";
    let text = [
        "STRUTTURA: SEGRETERIA - SEGRETARIO GENERALE: DOTT. ROSSI",
        "Linea Strategica\tPromuovere la crescita",
        "\tdella città",
        header,
        "\t\t\t\t\t(prevista)",
        "1\tRegolamento del servizio\t60%\tDelibera\tApprovato\t31.12.2022",
        "\tper gli utenti",
        "1.1\tFase: bozza del regolamento\t(100%)\tBozza\tPronta\t30.06.2022",
        header,
        "2\tArchivio documentale dell'ente\t40%\tScarto\tFatto\t31.12.2022",
        "7\tArchivio documentale dell ente\t40%\tScarto\tFatto\t31.12.2022",
        "\tTOTALE\t100%",
        "Processo di lavoro che nessuna riga accoglie",
        "Dipendenti coinvolti sugli obiettivi:",
        "N.\tDipendenti\tObiettivo\tPeso %",
        "1\tMario Bianchi\t1\t50%",
    ]
    .join("\n");
    let (plan, _) = crate::parse_dump_with_roles(&text);
    let structure = &plan.structures[0];
    assert_eq!(structure.objectives.len(), 2, "the ghost row is dropped");
    assert_eq!(structure.staff.len(), 1);
    use LineRole::*;
    assert_eq!(
        crate::roles_of(&text),
        [
            (1, StructureHeading),
            (2, StructureField),
            (3, StructureField),
            (4, TableHeader),
            (5, TableHeader),
            (6, Objective),
            (7, Objective),
            (8, Phase),
            (9, Furniture),
            (10, Objective),
            (11, GarbledRow),
            (12, TotalRow),
            (13, Unplaced),
            (14, TableHeader),
            (15, TableHeader),
            (16, StaffRow),
        ]
    );
}

#[test]
fn a_phase_before_any_objective_is_unplaced_and_a_head_line_is_a_field() {
    let text = "STRUTTURA: SEGRETERIA\n\
        RESPONSABILE: Dott. Rossi\n\
        N°\tDescrizione Obiettivi\tPeso %\tIndicatori\tValori Attesi\tData Fine Attesa\n\
        1.1\tFase: prima di ogni obiettivo\t(100%)\tBozza\tPronta\t30.06.2022\n\
        \tche continua qui\n\
        1\tRegolamento\t100%\tDelibera\tApprovato\t31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    assert_eq!(plan.structures[0].head.name.as_deref(), Some("Dott. Rossi"));
    use LineRole::*;
    assert_eq!(
        crate::roles_of(text),
        [
            (1, StructureHeading),
            (2, StructureField),
            (3, TableHeader),
            (4, Unplaced),
            (5, Unplaced),
            (6, Objective),
        ]
    );
}

#[test]
fn pieces_of_phases_torn_apart_are_phases_when_rebuilt() {
    let text = "STRUTTURA: SEGRETERIA - SEGRETARIO GENERALE: DOTT. ROSSI\n\
        N°\tDescrizione Obiettivi\tPeso %\tIndicatori\tValori Attesi\tData Fine Attesa\n\
        1\tRegolamento\t100%\tDelibera\tApprovato\t31.12.2022\n\
        (50%)\n\
        (50%)\n\
        Fase: bozza\n\
        Fase: approvazione\n\
        30.06.2022\n\
        31.12.2022\n";
    let (plan, _) = crate::parse_dump_with_roles(text);
    assert_eq!(plan.structures[0].objectives[0].phases.len(), 2);
    let roles: Vec<LineRole> = crate::roles_of(text)
        .into_iter()
        .map(|(_, role)| role)
        .collect();
    use LineRole::*;
    assert_eq!(
        roles,
        [
            StructureHeading,
            TableHeader,
            Objective,
            Phase,
            Phase,
            Phase,
            Phase,
            Phase,
            Phase
        ]
    );
}

#[test]
fn a_group_label_over_two_columns_leaves_them_the_names_below_it() {
    let text = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n\
        N°\tDescrizione\tPeso\tMisurazione\t\tScadenza\n\
        \t\t\tIndicatori\tValori Attesi\t\n\
        1\tPrimo\t100%\tPratiche evase\tTutte\t31.12.2022\n";
    let plan = crate::parse_dump(text);
    let entry = &plan.structures[0].objectives[0].entry;
    assert_eq!(
        (entry.indicators.as_deref(), entry.expected.as_deref()),
        (Some("Pratiche evase"), Some("Tutte"))
    );
}

#[test]
fn a_header_printed_once_holds_over_the_structures_below_it() {
    let text = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n\
        N°\tDescrizione Obiettivi Operativi\tIndicatori\tPeso\tScadenza\n\
        1\tPrimo\tPratiche evase\t100%\t31.12.2022\n\
        SETTORE: TRIBUTI - DIRIGENTE: ANNA BIANCHI\n\
        1\tSecondo\tAvvisi emessi\t100%\t30.06.2022\n";
    let plan = crate::parse_dump(text);
    let second = &plan.structures[1];
    assert_eq!(
        second.objectives_label.as_deref(),
        Some("Obiettivi Operativi")
    );
    let entry = &second.objectives[0].entry;
    assert_eq!(
        (entry.indicators.as_deref(), entry.weight),
        (Some("Avvisi emessi"), Some(100.0))
    );
}

#[test]
fn a_groups_label_above_the_header_is_the_headers_not_the_text_above() {
    let text = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n\
        Obiettivo operativo\tRiordino degli uffici\n\
        \t\tGruppo\t\t\n\
        N°\tDescrizione\tIndicatori\tValori attesi\tScadenza\n\
        1\tPrimo\tPratiche evase\tTutte\t31.12.2022\n";
    let (plan, roles) = crate::parse_dump_with_roles(text);
    assert_eq!(
        plan.structures[0].operational_objective.as_deref(),
        Some("Riordino degli uffici")
    );
    assert_eq!(roles.get(3, None), Some(LineRole::TableHeader));
    // A value going on in small letters is the field's.
    let wrapped = text.replace("Gruppo", "dell'ente");
    let plan = crate::parse_dump(&wrapped);
    assert_eq!(
        plan.structures[0].operational_objective.as_deref(),
        Some("Riordino degli uffici dell'ente")
    );
}

#[test]
fn a_stray_closing_bracket_after_a_weight_in_a_short_row_stays_beside_it() {
    // Under a staff header held over from the structure above, the row's
    // weight stands two cells after its description and its last cell is
    // the due: the bracket glued to the weight goes right after it, not
    // past the row's end.
    let text = "STRUTTURA: SEGRETERIA - DIRIGENTE/RESPONSABILE: \n\
        1\t\t0%\t31.12.2021\t)\n\
        N.\tDipendenti\tObiettivo\tPeso %\n\
        STRUTTURA: TRIBUTI - DIRIGENTE/RESPONSABILE: \n\
        1\t\t(50%))\t\t01.01.2019\n";
    let plan = crate::parse_dump(text);
    let entry = &plan.structures[1].objectives[0].entry;
    assert_eq!(entry.weight, Some(50.0));
    assert_eq!(entry.indicators.as_deref(), Some(")"));
    assert_eq!(
        entry.due.as_ref().map(|due| due.raw.as_str()),
        Some("01.01.2019")
    );
}

#[test]
fn a_mission_heading_under_a_structures_heading_is_its_mission() {
    let text = "Area Tecnica\n\
        Responsabile: Ing. Mario Rossi\n\
        Missione 03 - Ordine pubblico e sicurezza\n\
        N.\tObiettivo\tPeso\tScadenza\n\
        1\tPrimo\t100%\t31.12.2023\n";
    let plan = crate::parse_dump(text);
    assert_eq!(plan.structures.len(), 1, "{:?}", plan.structures);
    let structure = &plan.structures[0];
    assert_eq!(structure.name, "Tecnica");
    assert_eq!(structure.head.name.as_deref(), Some("Ing. Mario Rossi"));
    assert_eq!(structure.missions.len(), 1);
    assert_eq!(structure.objectives.len(), 1);
}

#[test]
fn a_cards_fields_may_stand_as_a_line_of_labels_over_their_values() {
    let text = "SETTORE: AFFARI GENERALI - RESPONSABILE: Dott. Mario Rossi\n\
        Obiettivo n. 1\n\
        Descrizione\tPiano dei fabbisogni di personale\n\
        Peso\tIndicatore\tValore atteso\tScadenza\n\
        40%\tAssunzioni effettuate\t6 assunzioni\t31/12/2024\n\
        Obiettivo n. 2\n\
        Descrizione\tConservazione digitale dei documenti\n\
        Peso\tIndicatore\tValore atteso\tScadenza\n\
        60%\tDocumenti conservati\tTutti\t30/11/2024\n\
        Programmazione\tScadenza\n\
        Fase\tPeso\n\
        Invio in conservazione\t100%\n";
    let plan = crate::parse_dump(text);
    let objectives = &plan.structures[0].objectives;
    assert_eq!(objectives.len(), 2, "{objectives:?}");
    let entry = &objectives[0].entry;
    assert_eq!(entry.weight, Some(40.0));
    assert_eq!(entry.indicators.as_deref(), Some("Assunzioni effettuate"));
    assert_eq!(entry.expected.as_deref(), Some("6 assunzioni"));
    assert_eq!(
        entry.due.as_ref().map(|due| due.raw.as_str()),
        Some("31/12/2024")
    );
    assert_eq!(objectives[1].entry.weight, Some(60.0));
    // A phase table's header names the phase: its rows stay phases.
    assert_eq!(objectives[1].phases.len(), 1, "{:?}", objectives[1]);
}

#[test]
fn a_cards_phase_lettered_keeps_its_letter_as_its_code() {
    let text = "SETTORE: AFFARI GENERALI - RESPONSABILE: Dott. Mario Rossi\n\
        Obiettivo n. 1\n\
        Descrizione\tPiano dei fabbisogni di personale\n\
        Peso\t100%\n\
        N.\tFase di attuazione\tPeso\tPeriodo\n\
        a)\tApprovazione dei bandi\t40%\t31/03/2024\n\
        b)\tSvolgimento delle prove\t60%\t30/09/2024\n";
    let plan = crate::parse_dump(text);
    let phases = &plan.structures[0].objectives[0].phases;
    let numbered: Vec<(&str, Option<&str>)> = phases
        .iter()
        .map(|phase| (phase.number.as_str(), phase.code.as_deref()))
        .collect();
    assert_eq!(numbered, [("1.1", Some("a)")), ("1.2", Some("b)"))]);
}

#[test]
fn a_header_repeated_with_its_group_label_leaves_the_row_above_open() {
    // A page's foot split the first row: its short, plain pieces go on
    // under the header redrawn, group label and all, at the next page's top.
    let text = "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n\
        \t\t\tMisurazione\t\n\
        N°\tDescrizione\tPeso\tIndicatori\tScadenza\n\
        1\tPrimo\t60%\tPratiche\t31.12.2022\n\
        2\n\
        \t\t\tMisurazione\t\n\
        N°\tDescrizione\tPeso\tIndicatori\tScadenza\n\
        \tobiettivo\t\tevase\t\n\
        2\tSecondo\t40%\tAvvisi emessi\t30.06.2022\n";
    let plan = crate::parse_dump(text);
    let read: Vec<(&str, Option<&str>)> = plan.structures[0]
        .objectives
        .iter()
        .map(|objective| {
            let entry = &objective.entry;
            (entry.description.as_str(), entry.indicators.as_deref())
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Primo obiettivo", Some("Pratiche evase")),
            ("Secondo", Some("Avvisi emessi"))
        ]
    );
}
