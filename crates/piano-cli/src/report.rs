//! What the CLI tells people about a plan: a one-line summary and one line
//! per diagnostic.

use piano_model::{Diagnostic, Level, Ocr, Plan, Quality};

pub use piano_run::tell;

/// `name: 5 structures, 45 objectives, 70 phases; 0 errors, 9 warnings;
/// quality review (0.874)`.
pub fn summary(name: &str, plan: &Plan) -> String {
    let objectives = plan.structures.iter().flat_map(|s| &s.objectives);
    let phases = objectives.clone().map(|o| o.phases.len()).sum();
    let level = |level: Level| plan.diagnostics.iter().filter(|d| d.level == level).count();
    format!(
        "{name}: {}, {}, {}; {}, {}; quality {} ({})",
        counted(plan.structures.len(), "structure"),
        counted(objectives.count(), "objective"),
        counted(phases, "phase"),
        counted(level(Level::Error), "error"),
        counted(level(Level::Warning), "warning"),
        plan.quality.verdict,
        plan.quality.score,
    )
}

/// The verdict and then one line per reason, as `piano check` opens with:
/// `name: quality review (score 0.874)` and
/// `name: quality[weights-missing] 4 of 116 rows have an empty weight cell`.
pub fn quality_lines(name: &str, quality: &Quality) -> Vec<String> {
    let verdict = format!(
        "{name}: quality {} (score {})",
        quality.verdict, quality.score
    );
    let reasons = quality
        .reasons
        .iter()
        .map(|reason| format!("{name}: quality[{}] {}", reason.code, reason.message));
    std::iter::once(verdict).chain(reasons).collect()
}

/// Which pages of a scan were recognised, and how confidently: `name: OCR
/// (tesseract 5.3.0, ita) recognised pages 1, 2 with mean confidence 0.931`.
pub fn ocr_line(name: &str, ocr: &Ocr) -> String {
    let pages: Vec<String> = ocr.pages.iter().map(u32::to_string).collect();
    format!(
        "{name}: OCR ({} {}, {}) recognised {} {} with mean confidence {}",
        ocr.engine,
        ocr.engine_version,
        ocr.languages.join("+"),
        if pages.len() == 1 { "page" } else { "pages" },
        pages.join(", "),
        ocr.mean_confidence,
    )
}

/// `name:line: level[code] message`, the line left out when unknown.
pub fn diagnostic_line(name: &str, diagnostic: &Diagnostic) -> String {
    let place = match diagnostic.line {
        Some(line) => format!("{name}:{line}"),
        None => name.to_owned(),
    };
    let level = match diagnostic.level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "info",
    };
    format!(
        "{place}: {level}[{}] {}",
        diagnostic.code, diagnostic.message
    )
}

fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::{Code, Source, SourceFormat};

    #[test]
    fn summarises_counts_with_plurals() {
        let mut plan = Plan::new(Source::from_bytes("p.txt", b"x", SourceFormat::Text));
        plan.diagnostics
            .push(Diagnostic::new(Code::NoPlanFound, "no table"));
        assert_eq!(
            summary("p.txt", &plan),
            "p.txt: 0 structures, 0 objectives, 0 phases; 1 error, 0 warnings; quality unreadable (0)"
        );
    }

    #[test]
    fn the_verdict_comes_before_its_reasons() {
        use piano_model::{Reason, ReasonCode, Verdict};
        let quality = Quality {
            verdict: Verdict::Review,
            score: 0.874,
            reasons: vec![Reason {
                code: ReasonCode::WeightsMissing,
                count: 4,
                message: "4 of 116 rows have an empty weight cell".to_owned(),
            }],
        };
        assert_eq!(
            quality_lines("p.txt", &quality),
            [
                "p.txt: quality review (score 0.874)",
                "p.txt: quality[weights-missing] 4 of 116 rows have an empty weight cell",
            ]
        );
    }

    #[test]
    fn says_which_pages_ocr_recognised_and_how_confidently() {
        let ocr = Ocr {
            engine: "tesseract".to_owned(),
            engine_version: "5.3.0".to_owned(),
            languages: vec!["ita".to_owned(), "eng".to_owned()],
            pages: vec![1, 2],
            mean_confidence: 0.931,
        };
        assert_eq!(
            ocr_line("scan.tif", &ocr),
            "scan.tif: OCR (tesseract 5.3.0, ita+eng) recognised pages 1, 2 with mean confidence 0.931"
        );
    }

    #[test]
    fn places_diagnostics_by_line_when_known() {
        let diagnostic = Diagnostic::new(Code::WeightSum, "sums to 91%").at_line(148, None);
        assert_eq!(
            diagnostic_line("p.txt", &diagnostic),
            "p.txt:148: warning[weight-sum] sums to 91%"
        );
        let diagnostic = Diagnostic::new(Code::NoPlanFound, "no table");
        assert_eq!(
            diagnostic_line("p.txt", &diagnostic),
            "p.txt: error[no-plan-found] no table"
        );
    }
}
