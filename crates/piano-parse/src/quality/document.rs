//! Reasons read on the plan as a whole: whether any objective was read,
//! whether a layout family fit, and the plan-level warnings (heads, ente,
//! year, missions, PDF pages without text or damaged, pages OCR recognised
//! with little confidence).

use piano_model::{Code, Plan, ReasonCode};

use super::{Finding, raised};

/// The plan-level findings of `plan`, which holds `rows` objectives and
/// phases; zero counts included, but for `no-objectives`, found only when
/// no objective was read (its count is then 0, the rows read).
pub fn findings(plan: &Plan, rows: u32) -> Vec<Finding> {
    let mut found = Vec::new();
    if rows == 0 {
        found.push(Finding::new(ReasonCode::NoObjectives, 0));
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
        (ReasonCode::OcrConfidenceLow, pages_read_doubtfully(plan)),
    ] {
        found.push(Finding::new(code, count));
    }
    found
}

/// Below this mean confidence of their words, the pages piano recognised are
/// too doubtful for the plan to be good (docs/quality.md, "Scans": every
/// scan read with field F1 >= 0.90 was recognised with 0.92 or more).
pub const LOW_MEAN_CONFIDENCE: f64 = 0.9;

/// How many pages piano recognised by OCR, when their words' mean
/// confidence is under [`LOW_MEAN_CONFIDENCE`]; 0 otherwise, and for text
/// read as drawn.
fn pages_read_doubtfully(plan: &Plan) -> u32 {
    plan.source
        .ocr
        .as_ref()
        .filter(|ocr| ocr.mean_confidence < LOW_MEAN_CONFIDENCE)
        .map_or(0, |ocr| super::count(ocr.pages.len()))
}

#[cfg(test)]
mod tests {
    use piano_model::{Diagnostic, Ocr};

    use super::*;
    use crate::quality::tests::{finding_of, read};

    #[test]
    fn a_plan_without_objectives_has_no_objectives() {
        let plan = read("Caro amico ti scrivo\n");
        let found = findings(&plan.plan, 0);
        assert!(found.contains(&Finding::new(ReasonCode::NoObjectives, 0)));
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

    #[test]
    fn pages_recognised_with_a_low_mean_confidence_are_counted() {
        let mut plan = read("Caro amico ti scrivo\n").plan;
        assert_eq!(pages_read_doubtfully(&plan), 0);
        let ocr = |mean_confidence| Ocr {
            engine: "tesseract".to_owned(),
            engine_version: "5.3.0".to_owned(),
            languages: vec!["ita".to_owned()],
            pages: vec![1, 2, 3],
            mean_confidence,
        };
        plan.source.ocr = Some(ocr(0.95));
        assert_eq!(pages_read_doubtfully(&plan), 0);
        plan.source.ocr = Some(ocr(0.8));
        assert_eq!(pages_read_doubtfully(&plan), 3);
    }
}
