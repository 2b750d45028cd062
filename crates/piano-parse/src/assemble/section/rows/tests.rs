//! Tests of `rows.rs`.

use piano_model::{Code, Plan};

/// A row's number and code.
type Numbered = (String, Option<String>);
/// A row's number and label as a test writes them, with its phases'.
type Written<'a> = (&'a str, &'a str, &'a [(&'a str, &'a str)]);

/// Each objective's number and code, with its phases'.
fn numbering(plan: &Plan) -> Vec<(String, Option<String>, Vec<Numbered>)> {
    plan.structures[0]
        .objectives
        .iter()
        .map(|objective| {
            let phases = objective
                .phases
                .iter()
                .map(|phase| (phase.number.clone(), phase.code.clone()))
                .collect();
            (
                objective.entry.number.clone(),
                objective.entry.code.clone(),
                phases,
            )
        })
        .collect()
}

/// Numbers and codes as written in a test; a code equal to its row's
/// number is a plain ordinal, which rows keep as their number alone.
fn numbered(expected: &[Written<'_>]) -> Vec<(String, Option<String>, Vec<Numbered>)> {
    expected
        .iter()
        .map(|(number, code, phases)| {
            let phases = phases
                .iter()
                .map(|(number, code)| ((*number).to_owned(), Some((*code).to_owned())))
                .collect();
            let code = Some((*code).to_owned()).filter(|code| code != number);
            ((*number).to_owned(), code, phases)
        })
        .collect()
}

const HEADER: &str = "N°\tDescrizione\tPeso %\tIndicatori\tValori Attesi\tData Fine Attesa\n";

#[test]
fn a_label_one_part_deeper_than_its_objectives_is_a_phase_whatever_the_scheme() {
    let schemes: [[&str; 5]; 5] = [
        ["I", "I.1", "I.2", "II", "II.1"],
        ["A.1", "A.1.1", "A.1.2", "A.2", "A.2.1"],
        ["01.01", "01.01.1", "01.01.2", "01.02", "01.02.1"],
        ["1", "a)", "b)", "2", "a)"],
        ["1", "Fase 1", "Fase 2", "2", "Fase 1"],
    ];
    for labels in schemes {
        let rows: String = labels
            .iter()
            .zip([100, 50, 50, 100, 100])
            .map(|(label, weight)| {
                format!("{label}\tAttività {label}\t{weight}%\t\t\t31.12.2022\n")
            })
            .collect();
        let text = format!("SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n{HEADER}{rows}");
        let plan = crate::parse_dump(&text);
        let [o1, p1, p2, o2, p3] = labels;
        assert_eq!(
            numbering(&plan),
            numbered(&[
                ("1", o1, &[("1.1", p1), ("1.2", p2)]),
                ("2", o2, &[("2.1", p3)]),
            ]),
            "{labels:?}"
        );
        assert_eq!(
            plan.structures[0].objectives[0].phases[1].weight,
            Some(50.0)
        );
    }
}

/// Rows 1, its phases 1.1 and 1.2, a line whose number is `lost` (blank
/// when lost) with its weight and due as `values`, then row 3.
fn lost_number_plan(lost: &str, values: &str) -> Plan {
    crate::parse_dump(&format!(
        "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n{HEADER}\
         1.\tVariante al piano\t50%\tFase\tAdozione\t31.12.2023\n\
         1.1\tFase: avvio\t(30%)\tDelibera\tDelibera di Giunta\t31.03.2023\n\
         1.2\tFase: conferenza\t(70%)\tVerbale\tParere favorevole\t30.09.2023\n\
         {lost}\tArchivio digitale delle pratiche\t{values}\n\
         3.\tControlli a campione\t20%\tPratiche\t20%\t31.12.2023\n"
    ))
}

#[test]
fn a_line_with_its_own_weight_and_due_below_a_row_with_its_own_is_the_row_whose_number_was_lost() {
    let lost = lost_number_plan("", "30%\tPratiche digitalizzate\tAlmeno 4.000\t31.12.2023");
    let numbered = lost_number_plan(
        "2.",
        "30%\tPratiche digitalizzate\tAlmeno 4.000\t31.12.2023",
    );
    assert_eq!(numbering(&lost), numbering(&numbered));
    let second = &lost.structures[0].objectives[1].entry;
    assert_eq!((second.number.as_str(), second.weight), ("2", Some(30.0)));
    let said: Vec<_> = lost
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::NumberSequence)
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].message.contains("read as row 2"),
        "{}",
        said[0].message
    );
}

#[test]
fn a_line_without_a_weight_and_a_due_of_its_own_goes_on_with_the_row_above() {
    for values in ["\tsegue\t\t", "30%\t\t\t", "\t\t\t31.12.2023"] {
        let plan = lost_number_plan("", values);
        let objectives = &plan.structures[0].objectives;
        assert_eq!(objectives.len(), 2, "{values:?}");
        assert!(
            objectives[0].phases[1]
                .description
                .ends_with("Archivio digitale delle pratiche"),
            "{values:?}"
        );
    }
}

#[test]
fn a_code_deeper_than_the_objectives_under_another_is_its_phase_and_said_so() {
    let text = format!(
        "SETTORE: AFFARI GENERALI - DIRIGENTE: MARIO ROSSI\n{HEADER}\
         A.1\tPrimo\t100%\t\t\t31.12.2022\n\
         B.7.1\tFase del primo\t100%\t\t\t31.12.2022\n"
    );
    let plan = crate::parse_dump(&text);
    assert_eq!(
        numbering(&plan),
        numbered(&[("1", "A.1", &[("1.1", "B.7.1")])])
    );
    assert!(
        plan.diagnostics
            .iter()
            .any(|d| d.code == Code::NumberSequence && d.line == Some(4)),
        "{:?}",
        plan.diagnostics
    );
}
