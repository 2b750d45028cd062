//! Tests of `rows.rs`.

use super::*;
use crate::quality::tests::{Read, finding_of, read};

const HEADER: &str = "STRUTTURA: A\nN.\tDescrizione\tPeso\tScadenza\n";

/// The count of the finding of `code` in `plan`, with the part of it
/// `part` picks (light, misplaced).
fn counted(plan: &Read, code: ReasonCode, part: fn(&Finding) -> u32) -> Option<(u32, u32)> {
    findings(&plan.plan, Evidence::default())
        .iter()
        .find(|f| f.code == code)
        .map(|f| (f.count, part(f)))
}

#[test]
fn an_empty_weight_cell_is_a_weight_missing() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t\t31.12.2022\n2\tSecondo\t100%\t31.12.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::WeightsMissing), 1);
    // The sum is short because of the missing weight: no second reason.
    assert_eq!(finding_of(&plan, ReasonCode::WeightSums), 0);
}

#[test]
fn a_weight_cell_without_a_number_is_unparsed() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\tmolto\t31.12.2022\n2\tSecondo\t100%\t31.12.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::WeightsUnparsed), 1);
}

#[test]
fn a_weight_cell_without_a_number_is_not_also_missing() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\tmolto\t31.12.2022\n2\tSecondo\t100%\t31.12.2022\n"
    ));
    assert!(
        plan.plan
            .diagnostics
            .iter()
            .any(|d| d.code == Code::WeightMissing),
        "the parser raises both"
    );
    assert_eq!(finding_of(&plan, ReasonCode::WeightsMissing), 0);
}

#[test]
fn weights_all_read_that_do_not_add_up_are_a_sum_off() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t30%\t31.12.2022\n2\tSecondo\t30%\t31.12.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::WeightSums), 1);
    assert_eq!(finding_of(&plan, ReasonCode::WeightsMissing), 0);
}

#[test]
fn a_row_without_a_due_among_rows_with_one_is_a_due_missing() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t50%\t\n2\tSecondo\t50%\t31.12.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::DuesMissing), 1);
}

#[test]
fn a_structure_without_dues_where_the_others_have_them_lost_them() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t50%\t31.12.2022\n2\tSecondo\t50%\t30.06.2022\n\
         STRUTTURA: B\nN.\tDescrizione\tPeso\tScadenza\n\
         1\tTerzo 31.12.2022\t50%\n2\tQuarto 30.06.2022\t50%\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::DuesLost), 2);
    assert_eq!(finding_of(&plan, ReasonCode::DuesMissing), 0);
}

#[test]
fn a_table_without_dues_misses_none() {
    let plan = read("STRUTTURA: A\nN.\tDescrizione\tPeso\n1\tPrimo\t50%\n2\tSecondo\t50%\n");
    assert_eq!(finding_of(&plan, ReasonCode::DuesMissing), 0);
}

#[test]
fn a_due_cell_without_a_date_is_unparsed() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t50%\tprima possibile\n2\tSecondo\t50%\t31.12.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::DuesUnparsed), 1);
}

#[test]
fn a_due_with_a_long_text_beside_its_date_is_an_overrun() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t50%\t31.12.2022 (salvo proroga)\n\
         2\tSecondo\t50%\t31.12.2022 Realizzazione di almeno un report annuale sulle attività svolte dal servizio\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::DuesOverrun), 1);
}

#[test]
fn a_row_without_a_description_is_counted() {
    let plan = read(&format!(
        "{HEADER}1\t\t50%\t31.12.2022\n2\tSecondo\t50%\t31.12.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::DescriptionsMissing), 1);
}

#[test]
fn rows_placed_by_content_or_read_doubtfully_come_from_the_evidence() {
    let plan = read(&format!("{HEADER}1\tPrimo\t100%\t31.12.2022\n"));
    let evidence = Evidence {
        rows_by_content: 3,
        rows_without_header: 1,
        rows_low_confidence: 2,
    };
    let found = findings(&plan.plan, evidence);
    assert!(found.contains(&Finding {
        light: 1,
        ..finding(ReasonCode::CellsByContent, 3)
    }));
    assert!(found.contains(&finding(ReasonCode::CellsLowConfidence, 2)));
}

#[test]
fn rows_of_a_table_printed_without_a_header_are_light() {
    let plan = read("STRUTTURA: A\n1\tPrimo\t50%\t31.12.2022\n2\tSecondo\t50%\t31.12.2022\n");
    let reason = plan
        .plan
        .quality
        .reasons
        .iter()
        .find(|reason| reason.code == ReasonCode::CellsByContent)
        .map(|reason| reason.message.as_str());
    assert_eq!(
        reason,
        Some(
            "2 of 2 rows have cells given their columns by content, not by the header (2 under no header at all)"
        )
    );
}

#[test]
fn rebuild_and_numbering_diagnostics_count_once_each() {
    let mut plan = read(&format!("{HEADER}1\tPrimo\t100%\t31.12.2022\n"));
    for code in [
        Code::RowAmbiguous,
        Code::RowAmbiguous,
        Code::HeaderCut,
        Code::NumberSequence,
        Code::GarbledRow,
        Code::TableScrambled,
    ] {
        plan.plan.diagnostics.push(Diagnostic::new(code, "x"));
    }
    assert_eq!(finding_of(&plan, ReasonCode::RowsAmbiguous), 2);
    assert_eq!(finding_of(&plan, ReasonCode::HeadersCut), 1);
    assert_eq!(finding_of(&plan, ReasonCode::NumberingBroken), 1);
    assert_eq!(finding_of(&plan, ReasonCode::RowsRecovered), 2);
}

#[test]
fn phases_lettered_in_their_place_break_no_numbering() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t50%\t31.12.2022\na)\tFase: avvio\t50%\t30.06.2022\n\
         b)\tFase: chiusura\t50%\t31.12.2022\n2\tSecondo\t50%\t31.12.2022\n\
         a)\tFase: avvio\t100%\t31.12.2022\n"
    ));
    let phases: Vec<Option<&str>> = plan.plan.structures[0]
        .objectives
        .iter()
        .flat_map(|o| &o.phases)
        .map(|p| p.code.as_deref())
        .collect();
    assert_eq!(phases, [Some("a)"), Some("b)"), Some("a)")]);
    assert!(
        plan.plan
            .diagnostics
            .iter()
            .any(|d| d.code == Code::NumberSequence),
        "the reader raises it at each"
    );
    assert_eq!(finding_of(&plan, ReasonCode::NumberingBroken), 0);
}

#[test]
fn a_lettered_phase_out_of_its_place_breaks_the_numbering() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t100%\t31.12.2022\nc)\tFase: avvio\t100%\t30.06.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::NumberingBroken), 1);
}

#[test]
fn a_phase_that_does_not_extend_its_objective_breaks_the_numbering_of_the_rows_after() {
    let mut plan = read(&format!(
        "{HEADER}1\tPrimo\t30%\t31.12.2022\n1.1\tFase: avvio\t100%\t31.12.2022\n\
         2\tSecondo\t30%\t31.12.2022\n3\tTerzo\t40%\t31.12.2022\n"
    ));
    assert_eq!(finding_of(&plan, ReasonCode::NumberingBroken), 0);
    // The phase numbered as no phase of objective 1 is: it and the two
    // rows after it are off.
    plan.plan.structures[0].objectives[0].phases[0].number = "9.2.11".to_owned();
    assert_eq!(finding_of(&plan, ReasonCode::NumberingBroken), 3);
}

#[test]
fn letters_have_their_ordinal() {
    assert_eq!(letter_ordinal("a)"), Some(1));
    assert_eq!(letter_ordinal("B."), Some(2));
    assert_eq!(letter_ordinal("c"), Some(3));
    assert_eq!(letter_ordinal("1.a"), None);
    assert_eq!(letter_ordinal("II"), None);
}

#[test]
fn a_row_raising_a_code_twice_counts_once() {
    let at_row = || {
        Diagnostic::new(Code::WeightUnparsed, "x")
            .in_structure(1)
            .for_number("2")
    };
    assert_eq!(rows_with(&[at_row(), at_row()], Code::WeightUnparsed), 1);
}

const CARD_WRAPPED: &str = "STRUTTURA: A - RESPONSABILE: Dott. Mario Rossi\n\
    OBIETTIVO N. 1\nDescrizione: Primo\nPeso:\t\n(100%)\n\
    Scadenza: entro il 31\ndicembre 2022\n";

#[test]
fn a_piece_of_a_row_without_its_value_counts_not_when_the_row_has_it() {
    let plan = read(CARD_WRAPPED);
    let raised = |code: Code| plan.plan.diagnostics.iter().any(|d| d.code == code);
    assert!(raised(Code::WeightUnparsed));
    assert!(
        !raised(Code::DueUnparsed),
        "a card's due is said nothing of once read whole"
    );
    assert_eq!(finding_of(&plan, ReasonCode::WeightsUnparsed), 0);
    assert_eq!(finding_of(&plan, ReasonCode::DuesUnparsed), 0);
}

#[test]
fn a_piece_holding_values_counts_though_the_row_has_its_value() {
    let mut plan = read(CARD_WRAPPED);
    let mut diagnostic =
        Diagnostic::new(Code::WeightUnparsed, "x").with_excerpt("\t1.1\tAlfa\t20 %\t30.06.2022");
    diagnostic.number = Some("1".to_owned());
    diagnostic.line = Some(9);
    plan.plan.diagnostics.push(diagnostic);
    assert_eq!(finding_of(&plan, ReasonCode::WeightsUnparsed), 1);
}

#[test]
fn a_description_that_is_only_a_code_is_missing() {
    let mut plan = read(&format!("{HEADER}1\tPrimo\t100%\t31.12.2022\n"));
    let objective = &mut plan.plan.structures[0].objectives[0];
    objective.entry.description = "b)".to_owned();
    assert_eq!(finding_of(&plan, ReasonCode::DescriptionsMissing), 1);
    plan.plan.structures[0].objectives[0].entry.description = "2".to_owned();
    assert_eq!(finding_of(&plan, ReasonCode::DescriptionsMissing), 1);
}

#[test]
fn a_row_without_a_due_that_holds_no_date_weighs_light() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t50%\t\n2\tSecondo\t50%\t31.12.2022\n"
    ));
    assert_eq!(
        counted(&plan, ReasonCode::DuesMissing, |f| f.light),
        Some((1, 1))
    );
}

#[test]
fn a_row_without_a_due_that_holds_a_date_elsewhere_weighs_whole() {
    // The due glued to the description: lost from its cell, not left blank.
    let plan = read(&format!(
        "{HEADER}1\tPrimo entro il 30.06.2022\t50%\t\n2\tSecondo\t50%\t31.12.2022\n"
    ));
    assert_eq!(
        counted(&plan, ReasonCode::DuesMissing, |f| f.light),
        Some((1, 0))
    );
}

#[test]
fn a_group_adding_up_to_twice_its_share_holds_another_groups_rows() {
    // Structure B's heading lost: its rows read into A, whose weights now
    // add up to 200%.
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t50%\t31.12.2022\n2\tSecondo\t50%\t31.12.2022\n\
         3\tTerzo\t50%\t31.12.2022\n4\tQuarto\t50%\t31.12.2022\n"
    ));
    assert_eq!(
        counted(&plan, ReasonCode::WeightSums, |f| f.misplaced),
        Some((1, 2))
    );
}

#[test]
fn one_weight_misread_misplaces_no_row() {
    let plan = read(&format!(
        "{HEADER}1\tPrimo\t40%\t31.12.2022\n2\tSecondo\t50%\t31.12.2022\n"
    ));
    assert_eq!(
        counted(&plan, ReasonCode::WeightSums, |f| f.misplaced),
        Some((1, 0))
    );
}
