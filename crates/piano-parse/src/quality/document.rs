//! Reasons read on the plan as a whole: whether any objective was read,
//! whether a layout family fit, and the plan-level warnings (heads, ente,
//! year, missions, PDF pages without text or damaged).

use piano_model::{Code, Plan, ReasonCode};

use super::{Finding, raised};

/// The plan-level findings of `plan`, which holds `rows` objectives and
/// phases; zero counts included, but for `no-objectives`, found only when
/// no objective was read (its count is then 0, the rows read).
pub fn findings(plan: &Plan, rows: u32) -> Vec<Finding> {
    let mut found = Vec::new();
    if rows == 0 {
        found.push(Finding {
            code: ReasonCode::NoObjectives,
            count: 0,
        });
    }
    let once = |codes: &[Code]| raised(plan, codes).min(1);
    for (code, count) in [
        (ReasonCode::NoFamily, once(&[Code::NoPlanFound])),
        (ReasonCode::HeadsMissing, raised(plan, &[Code::HeadMissing])),
        (
            ReasonCode::MissionsUnknown,
            raised(plan, &[Code::MissionUnknown]),
        ),
        (
            ReasonCode::EnteUnknown,
            once(&[Code::EnteUnknown, Code::EnteAmbiguous]),
        ),
        (ReasonCode::YearUnknown, once(&[Code::YearUnknown])),
        (
            ReasonCode::PagesWithoutText,
            raised(plan, &[Code::NoTextLayer]),
        ),
        (ReasonCode::PdfDamaged, raised(plan, &[Code::PdfDamaged])),
    ] {
        found.push(Finding { code, count });
    }
    found
}

#[cfg(test)]
mod tests {
    use piano_model::Diagnostic;

    use super::*;
    use crate::quality::tests::{finding_of, read};

    #[test]
    fn a_plan_without_objectives_has_no_objectives() {
        let plan = read("Caro amico ti scrivo\n");
        let found = findings(&plan.plan, 0);
        assert!(found.contains(&Finding {
            code: ReasonCode::NoObjectives,
            count: 0
        }));
        assert_eq!(finding_of(&plan, ReasonCode::NoFamily), 1);
    }

    #[test]
    fn a_plan_with_objectives_has_no_such_reason() {
        let plan = read("STRUTTURA: A\nN.\tDescrizione\tPeso\n1\tPrimo\t100%\n");
        assert!(
            findings(&plan.plan, 1)
                .iter()
                .all(|f| f.code != ReasonCode::NoObjectives)
        );
        assert_eq!(finding_of(&plan, ReasonCode::NoFamily), 0);
    }

    #[test]
    fn plan_level_warnings_are_counted() {
        let mut plan = read("STRUTTURA: A\nN.\tDescrizione\tPeso\n1\tPrimo\t100%\n");
        plan.plan.diagnostics.clear();
        for code in [
            Code::HeadMissing,
            Code::HeadMissing,
            Code::MissionUnknown,
            Code::EnteUnknown,
            Code::EnteAmbiguous,
            Code::YearUnknown,
            Code::NoTextLayer,
            Code::PdfDamaged,
        ] {
            plan.plan.diagnostics.push(Diagnostic::new(code, "x"));
        }
        for (code, expected) in [
            (ReasonCode::HeadsMissing, 2),
            (ReasonCode::MissionsUnknown, 1),
            (ReasonCode::EnteUnknown, 1),
            (ReasonCode::YearUnknown, 1),
            (ReasonCode::PagesWithoutText, 1),
            (ReasonCode::PdfDamaged, 1),
        ] {
            assert_eq!(finding_of(&plan, code), expected, "{code}");
        }
    }
}
