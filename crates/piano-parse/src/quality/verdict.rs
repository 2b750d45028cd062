//! Findings weighed into a score, a verdict and worded reasons.
//!
//! The score is one minus the weighted findings per row read (lines holding
//! values left out count as rows too): a reason that loses a value outright
//! (a cell in no field, a weight cell with no number) weighs a whole row;
//! one that a document itself often shows (an empty weight or due cell, a
//! row the rebuild read two ways) weighs less, so that a plan read right
//! from a document with a few blank cells stays good. Plan-level notes
//! (heads, ente, year, missions) are listed but weigh nothing: the document
//! may well not say them. The weights and thresholds are calibrated on
//! generated layouts and tuning dumps (`docs/quality.md`).

use piano_model::{Quality, Reason, ReasonCode, Verdict};

use super::Finding;

/// Lowest score of a good plan.
pub const GOOD_FROM: f64 = 0.9;

/// Below this score a plan is unreadable: too little of it is sure to be
/// of use.
pub const UNREADABLE_BELOW: f64 = 0.1;

/// Share of its code's weight a light instance of a finding weighs, one
/// more often the document's layout than damage: a row placed by content
/// under no table header at all, as a table printed without one has every
/// row (a row placed wrong still shows in the other reasons), and a row
/// without a due that holds no date in any cell (a due cell left blank, not
/// a due lost: on seed 61's aligned layouts, 17 of the 29 plans read right
/// and not judged good were so for that alone).
/// A fifth since such tables have their columns told by the content of all
/// their rows (`content_columns`): at a quarter, plans read right under no
/// header were for review for that alone (seed 33, 52 of 61 plans read
/// right and not judged good); at a tenth, rows a header printed above them
/// did not reach (cut at a page break) and placed wrong by content left
/// plans good (seed 37, F1 0.91 and 0.94).
const LIGHT_SHARE: f64 = 0.2;

/// How much `finding` lowers the score, in rows: its code's weight for
/// each instance, [`LIGHT_SHARE`] of it for each light one, and a row for
/// each row it shows misplaced.
fn penalty(finding: &Finding) -> f64 {
    let light = finding.light.min(finding.count);
    let full = finding.count - light;
    weight(finding.code) * (f64::from(full) + LIGHT_SHARE * f64::from(light))
        + f64::from(finding.misplaced)
}

/// How much one counted instance of `code` lowers the score, in rows.
fn weight(code: ReasonCode) -> f64 {
    match code {
        // A row lost from a table costs more than itself: its group's
        // weights no longer add up, and the rows after it are easily taken
        // for one another.
        ReasonCode::RowsUnplaced => 2.0,
        // A group whose every weight was read and that does not add up:
        // a weight misread, or rows taken for one another across the group.
        ReasonCode::WeightSums => 2.0,
        ReasonCode::WeightsUnparsed
        | ReasonCode::DuesOverrun
        | ReasonCode::FieldsOverrun
        | ReasonCode::DescriptionsMissing
        | ReasonCode::CellsUnplaced
        | ReasonCode::RowsRecovered
        | ReasonCode::HeadersCut
        // A header's line read into rows: the text around it went to the
        // wrong rows, though the rebuild only says it read them two ways.
        | ReasonCode::HeadersInRows
        // A number that breaks the sequence, once lettered phases in their
        // place are left out, most often shows rows taken for one another.
        | ReasonCode::NumberingBroken
        | ReasonCode::PagesWithoutText
        | ReasonCode::PdfDamaged => 1.0,
        ReasonCode::WeightsMissing
        | ReasonCode::DuesUnparsed
        // Every weight of the row stands under a wrong name, but its figures
        // were read.
        | ReasonCode::HeadsRepeated
        // A whole structure's dues, lost: systematic, where a due missing
        // here and there is doubtful.
        | ReasonCode::DuesLost => 0.5,
        // A row whose cells left its header's columns and were placed by
        // content: damage, and a row placed wrong need not show in the
        // other reasons (values of one column read into another text
        // column). Rows under no header at all are placed by content
        // because the table prints none, and most are placed right: they
        // weigh a fifth of it (`light`, 0.08), a row placed wrong showing
        // in the other reasons (a weight or due unread, a field overrun, a
        // description that is a code).
        ReasonCode::CellsByContent => 0.4,
        // A doubtful value is not a lost one: most are read right.
        ReasonCode::DuesMissing | ReasonCode::TextUnplaced | ReasonCode::CellsLowConfidence => 0.25,
        ReasonCode::RowsAmbiguous => 0.05,
        ReasonCode::NoObjectives
        | ReasonCode::NoFamily
        | ReasonCode::HeadsMissing
        | ReasonCode::MissionsUnknown
        | ReasonCode::EnteUnknown
        | ReasonCode::YearUnknown
        | ReasonCode::OcrConfidenceLow => 0.0,
    }
}

/// Whether a finding keeps a plan from being good whatever its score: the
/// reader itself says the document fit no layout family, that pages hold
/// no text to read, or that OCR was unsure of the pages it recognised.
fn bars_good(code: ReasonCode) -> bool {
    matches!(
        code,
        ReasonCode::NoFamily | ReasonCode::PagesWithoutText | ReasonCode::OcrConfidenceLow
    )
}

/// The quality of a plan of `rows` objectives and phases with `findings`
/// (zero counts are dropped, but for `no-objectives`).
pub fn judge(mut findings: Vec<Finding>, rows: u32) -> Quality {
    findings.retain(|f| f.count > 0 || f.code == ReasonCode::NoObjectives);
    findings.sort_by_key(|f| ReasonCode::ALL.iter().position(|&code| code == f.code));
    let lost_rows: u32 = findings
        .iter()
        .filter(|f| f.code == ReasonCode::RowsUnplaced)
        .map(|f| f.count)
        .sum();
    let score = if rows == 0 {
        0.0
    } else {
        let weighed: f64 = findings.iter().map(penalty).sum();
        let out_of = f64::from(rows) + f64::from(lost_rows);
        ((1.0 - weighed / out_of).max(0.0) * 1000.0).round() / 1000.0
    };
    let verdict = if rows == 0 || score < UNREADABLE_BELOW {
        Verdict::Unreadable
    } else if score < GOOD_FROM || findings.iter().any(|f| bars_good(f.code)) {
        Verdict::Review
    } else {
        Verdict::Good
    };
    let reasons = findings
        .iter()
        .map(|f| Reason {
            code: f.code,
            count: f.count,
            message: message(f, rows),
        })
        .collect();
    Quality {
        verdict,
        score,
        reasons,
    }
}

/// The reason's sentence: what was found, and out of how many rows where
/// that says more.
fn message(finding: &Finding, rows: u32) -> String {
    let (code, n) = (finding.code, finding.count);
    let of_rows = |what: &str| format!("{n} of {} {what}", plural(rows, "row", "rows"));
    let has = if n == 1 { "has" } else { "have" };
    match code {
        ReasonCode::NoObjectives => "no objective was read".to_owned(),
        ReasonCode::NoFamily => {
            "the document fit no layout family: what was read came from tables found without one"
                .to_owned()
        }
        ReasonCode::WeightsMissing => of_rows(&format!("{has} an empty weight cell")),
        ReasonCode::WeightsUnparsed => {
            of_rows(&format!("{has} a weight cell that holds no number"))
        }
        ReasonCode::WeightSums => format!(
            "{} (a structure's objectives or an objective's phases) with every weight read {} not add up to 100%",
            plural(n, "group of weights", "groups of weights"),
            if n == 1 { "does" } else { "do" }
        ),
        ReasonCode::DuesMissing if finding.light > 0 => of_rows(&format!(
            "{has} no due date where other rows of their structure have one ({} holding no date in any cell)",
            finding.light
        )),
        ReasonCode::DuesMissing => of_rows(&format!(
            "{has} no due date where other rows of their structure have one"
        )),
        ReasonCode::DuesLost => of_rows(&format!(
            "{has} no due date, nor any objective of their structure, where other structures' objectives have one"
        )),
        ReasonCode::DuesUnparsed => of_rows(&format!("{has} a due cell that holds no date")),
        ReasonCode::DuesOverrun => of_rows(&format!(
            "{has} a due cell with a long text beside its date: cells of other columns may have run into it"
        )),
        ReasonCode::FieldsOverrun => of_rows(&format!(
            "{has} a text field holding the values of other cells (two or more weights or dates, or an achievement note that is the percent reached): rows or columns of a table may have run into it"
        )),
        ReasonCode::DescriptionsMissing => of_rows(&format!("{has} no description")),
        ReasonCode::CellsUnplaced => format!(
            "{} {has} cells under no column piano identified: their text is in no field",
            plural(n, "row", "rows")
        ),
        ReasonCode::CellsByContent if finding.light > 0 => of_rows(&format!(
            "{has} cells given their columns by content, not by the header ({} under no header at all)",
            finding.light
        )),
        ReasonCode::CellsByContent => of_rows(&format!(
            "{has} cells given their columns by content, not by the header"
        )),
        ReasonCode::RowsUnplaced => format!(
            "{} that hold values (a row number, a weight, a date) {} left out of the plan: rows may be lost",
            plural(n, "line", "lines"),
            if n == 1 { "was" } else { "were" }
        ),
        ReasonCode::TextUnplaced => format!(
            "{} of text {} left out of the plan",
            plural(n, "line", "lines"),
            if n == 1 { "was" } else { "were" }
        ),
        ReasonCode::RowsAmbiguous => format!(
            "{} could be read two ways and {} read one way",
            plural(n, "row", "rows"),
            if n == 1 { "was" } else { "were" }
        ),
        ReasonCode::HeadersInRows => format!(
            "{} read into rows {} a table header's column names: the text around {} may have gone to the wrong rows",
            plural(n, "line", "lines"),
            if n == 1 { "holds" } else { "hold" },
            if n == 1 { "it" } else { "them" }
        ),
        ReasonCode::HeadersCut => format!(
            "{} had cells touching one another, cut where the columns below start: the \
             columns' names may be cut wrong",
            plural(n, "table header", "table headers")
        ),
        ReasonCode::HeadsRepeated => of_rows(&format!(
            "{has} weights under a head whose name repeats its own words: a header may have been read twice"
        )),
        ReasonCode::NumberingBroken => {
            format!(
                "{} the numbering sequence",
                plural(n, "row breaks", "rows break")
            )
        }
        ReasonCode::RowsRecovered => format!(
            "{} rebuilt from fragments or dropped as a copy",
            plural(n, "row was", "rows were")
        ),
        ReasonCode::CellsLowConfidence => of_rows(&format!(
            "{has} a value OCR recognised with low confidence: it may be misread"
        )),
        ReasonCode::HeadsMissing => format!(
            "{} no head",
            plural(n, "structure names", "structures name")
        ),
        ReasonCode::MissionsUnknown => format!(
            "{} not one of the official budget missions",
            plural(n, "mission is", "missions are")
        ),
        ReasonCode::EnteUnknown => {
            "the ente was not found, or not told apart, in the ISTAT list".to_owned()
        }
        ReasonCode::YearUnknown => {
            "the plan's year was found neither in the title nor in the due dates".to_owned()
        }
        ReasonCode::PagesWithoutText => format!(
            "{} images but no text: they need OCR",
            plural(n, "PDF page holds", "PDF pages hold")
        ),
        ReasonCode::PdfDamaged => format!(
            "{} damaged, skipped or rebuilt",
            plural(n, "part of the PDF was", "parts of the PDF were")
        ),
        ReasonCode::OcrConfidenceLow => format!(
            "{} recognised by OCR with a mean word confidence under {:.2}: values may be misread",
            plural(n, "page was", "pages were"),
            super::document::LOW_MEAN_CONFIDENCE
        ),
    }
}

/// `1 row`, `3 rows`; with a verb, `1 row breaks`, `3 rows break`.
fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(code: ReasonCode, count: u32) -> Finding {
        Finding::new(code, count)
    }

    #[test]
    fn a_plan_with_nothing_found_is_good_with_score_one() {
        let quality = judge(vec![found(ReasonCode::WeightsMissing, 0)], 10);
        assert_eq!(quality.verdict, Verdict::Good);
        assert_eq!(quality.score, 1.0);
        assert!(quality.reasons.is_empty());
    }

    #[test]
    fn no_rows_is_unreadable() {
        let quality = judge(vec![found(ReasonCode::NoObjectives, 0)], 0);
        assert_eq!(quality.verdict, Verdict::Unreadable);
        assert_eq!(quality.score, 0.0);
        assert_eq!(quality.reasons[0].message, "no objective was read");
    }

    #[test]
    fn the_score_is_the_weighted_share_of_rows_found_wrong() {
        // 2 cells in no field among 10 rows: 0.8, under the bar of good.
        let quality = judge(vec![found(ReasonCode::CellsUnplaced, 2)], 10);
        assert_eq!(quality.score, 0.8);
        assert_eq!(quality.verdict, Verdict::Review);
        // 1 empty weight cell among 10: 0.95, good.
        let quality = judge(vec![found(ReasonCode::WeightsMissing, 1)], 10);
        assert_eq!(quality.score, 0.95);
        assert_eq!(quality.verdict, Verdict::Good);
        assert_eq!(
            quality.reasons[0].message,
            "1 of 10 rows has an empty weight cell"
        );
    }

    #[test]
    fn lines_left_out_with_values_count_as_rows_lost_twice() {
        // 1 line with values left out beside 19 rows read: 20 rows, 2 lost.
        let quality = judge(vec![found(ReasonCode::RowsUnplaced, 1)], 19);
        assert_eq!(quality.score, 0.9);
        let quality = judge(vec![found(ReasonCode::RowsUnplaced, 10)], 10);
        assert_eq!(quality.score, 0.0);
    }

    #[test]
    fn a_row_lost_with_the_sum_it_leaves_short_is_not_good() {
        // A row of 31 lost, its structure's weights short of 100%, as a
        // generated code table read at field F1 0.925 was.
        let quality = judge(
            vec![
                found(ReasonCode::RowsUnplaced, 1),
                found(ReasonCode::WeightSums, 1),
                found(ReasonCode::DuesMissing, 1),
                found(ReasonCode::TextUnplaced, 1),
            ],
            31,
        );
        assert_eq!(quality.verdict, Verdict::Review);
    }

    #[test]
    fn a_plan_mostly_wrong_is_unreadable() {
        let quality = judge(vec![found(ReasonCode::CellsUnplaced, 19)], 20);
        assert_eq!(quality.verdict, Verdict::Unreadable);
    }

    #[test]
    fn no_family_keeps_a_plan_from_being_good() {
        let quality = judge(vec![found(ReasonCode::NoFamily, 1)], 10);
        assert_eq!(quality.score, 1.0);
        assert_eq!(quality.verdict, Verdict::Review);
    }

    #[test]
    fn plan_level_notes_weigh_nothing() {
        let quality = judge(
            vec![
                found(ReasonCode::HeadsMissing, 3),
                found(ReasonCode::EnteUnknown, 1),
            ],
            10,
        );
        assert_eq!(quality.verdict, Verdict::Good);
        assert_eq!(quality.reasons.len(), 2);
    }

    #[test]
    fn reasons_come_in_documentation_order() {
        let quality = judge(
            vec![
                found(ReasonCode::TextUnplaced, 1),
                found(ReasonCode::WeightsMissing, 1),
            ],
            10,
        );
        let codes: Vec<ReasonCode> = quality.reasons.iter().map(|r| r.code).collect();
        assert_eq!(
            codes,
            [ReasonCode::WeightsMissing, ReasonCode::TextUnplaced]
        );
    }

    #[test]
    fn every_code_has_a_message_without_placeholders() {
        for code in ReasonCode::ALL {
            for n in [1, 2] {
                let text = message(&Finding::new(code, n), 10);
                assert!(!text.is_empty() && !text.contains('{'), "{code}: {text}");
            }
        }
    }

    #[test]
    fn a_group_of_weights_read_whole_that_does_not_add_up_weighs_two_rows() {
        let quality = judge(vec![found(ReasonCode::WeightSums, 1)], 20);
        assert_eq!(quality.score, 0.9);
    }

    #[test]
    fn rows_placed_by_content_under_no_header_weigh_a_fifth() {
        // Every row of a table printed without a header placed by content,
        // and two dues missing: good, where as many rows realigned under a
        // header are for review.
        let by_content = |light: u32| Finding {
            light,
            ..found(ReasonCode::CellsByContent, 10)
        };
        let quality = judge(vec![by_content(10), found(ReasonCode::DuesMissing, 2)], 20);
        assert_eq!(quality.score, 0.935);
        assert_eq!(quality.verdict, Verdict::Good);
        assert!(
            quality.reasons[1]
                .message
                .ends_with("(10 under no header at all)"),
            "{}",
            quality.reasons[1].message
        );
        let quality = judge(vec![by_content(0), found(ReasonCode::DuesMissing, 2)], 20);
        assert_eq!(quality.score, 0.775);
        assert_eq!(quality.verdict, Verdict::Review);
    }

    #[test]
    fn rows_a_sum_shows_misplaced_weigh_a_row_each() {
        let merged = Finding {
            misplaced: 5,
            ..found(ReasonCode::WeightSums, 1)
        };
        let quality = judge(vec![merged], 70);
        assert_eq!(quality.score, 0.9);
        assert_eq!(
            judge(vec![found(ReasonCode::WeightSums, 1)], 70).score,
            0.971
        );
    }

    #[test]
    fn rows_placed_by_content_alone_leave_a_plan_good() {
        // Half the rows placed by content, as under a header missing over
        // one table of two.
        let missing_header = Finding {
            light: 5,
            ..found(ReasonCode::CellsByContent, 5)
        };
        let quality = judge(vec![missing_header], 10);
        assert_eq!(quality.score, 0.96);
        assert_eq!(quality.verdict, Verdict::Good);
        // One row realigned under its header in ten.
        let quality = judge(vec![found(ReasonCode::CellsByContent, 1)], 10);
        assert_eq!(quality.score, 0.96);
        assert_eq!(quality.verdict, Verdict::Good);
    }
}
