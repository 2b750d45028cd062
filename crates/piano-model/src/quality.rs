//! How well a plan was read: a verdict, a score and the reasons behind them.
//!
//! An archive of a thousand plans needs to find the few that came out wrong
//! without reading every diagnostic. The parser judges each plan from what it
//! knows of its own reading (rows with values missing, text it could not
//! place, columns it never identified, whether the layout family fit), never
//! from a comparison with a gold, and sums it up here. Reason codes are
//! stable, so that they can be counted over a whole archive;
//! `docs/quality.md` lists them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The plan's verdict, its score and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Quality {
    /// Whether the plan can be used as it is, needs a look, or is of no use.
    pub verdict: Verdict,
    /// From 0 (nothing read) to 1 (nothing doubtful), rounded to 3 decimals.
    pub score: f64,
    /// What lowered the score, one entry per code, in the order of
    /// [`ReasonCode::ALL`]; empty when nothing did.
    pub reasons: Vec<Reason>,
}

impl Default for Quality {
    /// The quality of a plan nothing was read into: unreadable, score 0.
    fn default() -> Quality {
        Quality {
            verdict: Verdict::Unreadable,
            score: 0.0,
            reasons: Vec::new(),
        }
    }
}

/// How usable a plan is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A person checking it against the document would find nothing to correct.
    Good,
    /// Usable, but some values are missing or uncertain: the reasons say which.
    Review,
    /// No plan, or too little of one to be of use.
    Unreadable,
}

impl Verdict {
    /// Every verdict, best first.
    pub const ALL: [Verdict; 3] = [Verdict::Good, Verdict::Review, Verdict::Unreadable];

    /// The lowercase name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Good => "good",
            Verdict::Review => "review",
            Verdict::Unreadable => "unreadable",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One thing that lowered a plan's score, with how many rows (or lines,
/// groups, pages) it concerns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Reason {
    /// What was found.
    pub code: ReasonCode,
    /// How many rows, lines, groups or pages it concerns (the message says which).
    pub count: u32,
    /// A sentence for people: "12 of 64 rows have no weight read".
    pub message: String,
}

/// A stable, kebab-case reason code. `docs/quality.md` lists every code
/// with its meaning; consumers may count them over an archive, so they are
/// never renamed within a schema version.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ReasonCode {
    /// No objective was read: there is no plan to use.
    NoObjectives,
    /// No layout family fit the document (`no-plan-found`): what was read
    /// came from tables found without one.
    NoFamily,
    /// Rows whose weight cell was empty (`weight-missing`).
    WeightsMissing,
    /// Rows whose weight cell held no number (`weight-unparsed`).
    WeightsUnparsed,
    /// Groups of weights (a structure's objectives, an objective's phases)
    /// that do not add up to 100 although every weight was read.
    WeightSums,
    /// Rows with no due date where other rows of their structure have one.
    DuesMissing,
    /// Objectives of a structure none of whose objectives has a due date,
    /// where other structures' objectives have one (`dues-lost`).
    DuesLost,
    /// Rows whose due cell held no date (`due-unparsed`).
    DuesUnparsed,
    /// Rows whose due cell holds a long text beside its date: cells of other
    /// columns most likely ran into it.
    DuesOverrun,
    /// Rows with a text field (description, indicators, expected result,
    /// responsible) that holds two or more weights or dates (a responsible,
    /// one): the rows of a table most likely ran into it, and are missing
    /// as rows; or with no
    /// achievement and an achievement note that is a percentage alone: the
    /// achievement's column read as the note's.
    FieldsOverrun,
    /// Rows with an empty description (`description-missing`).
    DescriptionsMissing,
    /// Rows with a cell under a column piano never identified, or that fits
    /// no column: that cell's text is in no field.
    CellsUnplaced,
    /// Rows whose cells were given their columns by content, not by the
    /// header (`columns-realigned`).
    CellsByContent,
    /// Lines left out of the plan that hold values (a row number, a weight,
    /// a date): most likely rows lost.
    RowsUnplaced,
    /// Lines of text left out of the plan (notes, prose), not page furniture.
    TextUnplaced,
    /// Rows the table rebuild could read two ways (`row-ambiguous`).
    RowsAmbiguous,
    /// Lines the table rebuild read two ways (`row-ambiguous`) whose cells
    /// are the family's column names: a header's line (most often the last
    /// line of a header repeated after a page break) read into rows, whose
    /// text around it then went to the wrong rows.
    HeadersInRows,
    /// Table headers whose cells touched one another and were cut where the
    /// columns below start (`header-cut`): every column's meaning rests on
    /// that guess.
    HeadersCut,
    /// Rows with weights under a head whose name repeats its own words
    /// ("Area Tecnica Tecnica"): a header's lines were joined twice, and
    /// every weight stands under a name the document does not print.
    HeadsRepeated,
    /// Rows whose number breaks the sequence (`number-sequence`).
    NumberingBroken,
    /// Rows rebuilt from fragments or dropped as copies
    /// (`table-scrambled`, `garbled-row`).
    RowsRecovered,
    /// Objective and phase rows with a value (a cell with a digit, or of
    /// three characters at most) recognised by OCR with low confidence
    /// (`ocr-low-confidence`): it may be misread.
    CellsLowConfidence,
    /// Structures that name no head (`head-missing`).
    HeadsMissing,
    /// Missions not found in the official list (`mission-unknown`).
    MissionsUnknown,
    /// The ente was not found, or not told apart (`ente-unknown`,
    /// `ente-ambiguous`).
    EnteUnknown,
    /// The plan's year was found nowhere (`year-unknown`).
    YearUnknown,
    /// PDF pages with images but no text (`no-text-layer`).
    PagesWithoutText,
    /// PDF parts damaged and skipped or rebuilt (`pdf-damaged`).
    PdfDamaged,
    /// Pages piano recognised by OCR whose words' mean confidence
    /// (`source.ocr.mean_confidence`) is low: the plan is at best for review.
    OcrConfidenceLow,
}

impl ReasonCode {
    /// Every code, in documentation order (the order of a plan's reasons).
    pub const ALL: [ReasonCode; 29] = [
        ReasonCode::NoObjectives,
        ReasonCode::NoFamily,
        ReasonCode::WeightsMissing,
        ReasonCode::WeightsUnparsed,
        ReasonCode::WeightSums,
        ReasonCode::DuesMissing,
        ReasonCode::DuesLost,
        ReasonCode::DuesUnparsed,
        ReasonCode::DuesOverrun,
        ReasonCode::FieldsOverrun,
        ReasonCode::DescriptionsMissing,
        ReasonCode::CellsUnplaced,
        ReasonCode::CellsByContent,
        ReasonCode::RowsUnplaced,
        ReasonCode::TextUnplaced,
        ReasonCode::RowsAmbiguous,
        ReasonCode::HeadersInRows,
        ReasonCode::HeadersCut,
        ReasonCode::HeadsRepeated,
        ReasonCode::NumberingBroken,
        ReasonCode::RowsRecovered,
        ReasonCode::CellsLowConfidence,
        ReasonCode::HeadsMissing,
        ReasonCode::MissionsUnknown,
        ReasonCode::EnteUnknown,
        ReasonCode::YearUnknown,
        ReasonCode::PagesWithoutText,
        ReasonCode::PdfDamaged,
        ReasonCode::OcrConfidenceLow,
    ];

    /// The kebab-case name, as serialised.
    pub fn code(self) -> &'static str {
        match self {
            ReasonCode::NoObjectives => "no-objectives",
            ReasonCode::NoFamily => "no-family",
            ReasonCode::WeightsMissing => "weights-missing",
            ReasonCode::WeightsUnparsed => "weights-unparsed",
            ReasonCode::WeightSums => "weight-sums",
            ReasonCode::DuesMissing => "dues-missing",
            ReasonCode::DuesLost => "dues-lost",
            ReasonCode::DuesUnparsed => "dues-unparsed",
            ReasonCode::DuesOverrun => "dues-overrun",
            ReasonCode::FieldsOverrun => "fields-overrun",
            ReasonCode::DescriptionsMissing => "descriptions-missing",
            ReasonCode::CellsUnplaced => "cells-unplaced",
            ReasonCode::CellsByContent => "cells-by-content",
            ReasonCode::RowsUnplaced => "rows-unplaced",
            ReasonCode::TextUnplaced => "text-unplaced",
            ReasonCode::RowsAmbiguous => "rows-ambiguous",
            ReasonCode::HeadersInRows => "headers-in-rows",
            ReasonCode::HeadersCut => "headers-cut",
            ReasonCode::HeadsRepeated => "heads-repeated",
            ReasonCode::NumberingBroken => "numbering-broken",
            ReasonCode::RowsRecovered => "rows-recovered",
            ReasonCode::CellsLowConfidence => "cells-low-confidence",
            ReasonCode::HeadsMissing => "heads-missing",
            ReasonCode::MissionsUnknown => "missions-unknown",
            ReasonCode::EnteUnknown => "ente-unknown",
            ReasonCode::YearUnknown => "year-unknown",
            ReasonCode::PagesWithoutText => "pages-without-text",
            ReasonCode::PdfDamaged => "pdf-damaged",
            ReasonCode::OcrConfidenceLow => "ocr-confidence-low",
        }
    }
}

impl std::fmt::Display for ReasonCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reason_code_serialises_as_its_name() {
        for code in ReasonCode::ALL {
            let json = serde_json::to_string(&code).expect("a code serialises");
            assert_eq!(json, format!("\"{}\"", code.code()));
        }
    }

    #[test]
    fn verdicts_serialise_lowercase() {
        for verdict in Verdict::ALL {
            let json = serde_json::to_string(&verdict).expect("a verdict serialises");
            assert_eq!(json, format!("\"{verdict}\""));
        }
    }
}
