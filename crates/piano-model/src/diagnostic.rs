//! Diagnostics: what the readers and the parser noticed, with where.
//!
//! Nothing is lost silently: a line that does not make it into the model is
//! reported here with its text, and every repair is reported so a user can
//! tell a clean extraction from a doubtful one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How much a diagnostic matters.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Something was repaired or inferred; the values are believed right.
    Info,
    /// A value may be missing or doubtful; the user should look.
    Warning,
    /// The input could not be read as a plan, in whole or in part.
    Error,
}

/// A stable, kebab-case diagnostic code. Each code has a fixed [`Level`].
///
/// `docs/diagnostics.md` lists every code with its meaning; consumers may
/// match on the codes, so they are never renamed within a schema version.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Code {
    /// The input was not UTF-8 and was decoded from another encoding.
    EncodingDetected,
    /// The input holds no structure or objectives table: it is not a plan.
    NoPlanFound,
    /// The layout family (profile) the document was read with, and how well it fit.
    FamilyDetected,
    /// The ente could not be found in the bundled ISTAT list, or is not named.
    EnteUnknown,
    /// The ente's name matches several comuni and the provincia does not decide.
    EnteAmbiguous,
    /// The plan's year was not in the title and was taken from the due dates.
    YearInferred,
    /// The plan's year could be found neither in the title nor in the due dates.
    YearUnknown,
    /// A structure's head (dirigente, responsabile) is left blank.
    HeadMissing,
    /// A mission name is not one of the D.Lgs. 118/2011 missions.
    MissionUnknown,
    /// A bare page number between content lines was set aside.
    PageNumber,
    /// A line continuing the previous row's cells was merged into them.
    ContinuationLine,
    /// A row's cells wrapped over several lines and were joined.
    CellWrapped,
    /// Text glued to the wrong cell (a stray bracket, a percent and a date) was moved back.
    CellRepaired,
    /// A row had fewer cells than its header; cells were assigned by content.
    ColumnsRealigned,
    /// A row that breaks the numbering and nearly repeats a neighbour (an OCR ghost) was dropped.
    GarbledRow,
    /// A row's number does not follow the sequence; the row was kept as numbered.
    NumberSequence,
    /// Rows torn apart by the extraction were rebuilt from their fragments.
    TableScrambled,
    /// Text that could not be placed in the model; the message keeps it whole.
    TextUnplaced,
    /// A due cell's year was broken by the extraction (`202 1`, `202`) and repaired.
    DueRepaired,
    /// A due cell names a month but no year ("entro dicembre"): read in the
    /// plan's year.
    DueYearFromPlan,
    /// A due cell holds no recognisable date; its raw text is kept.
    DueUnparsed,
    /// An objective or phase has an empty weight cell.
    WeightMissing,
    /// A weight cell holds no recognisable percentage.
    WeightUnparsed,
    /// A structure's objective weights do not sum to 100% (tolerance 1 point).
    WeightSum,
    /// An objective's phase weights do not sum to 100% (tolerance 1 point).
    PhaseWeightSum,
    /// A staff table has a header but no rows.
    StaffEmpty,
    /// A totals row under a table ("TOTALE 100%") was set aside: it is not data.
    TotalRow,
    /// PDF: a rebuilt table's quality report (rows, full rows, joins).
    TableQuality,
    /// An objective or phase has an empty description cell.
    DescriptionMissing,
    /// A space-aligned text dump: its columns were rebuilt from the
    /// character positions of aligned gaps.
    ColumnsRebuilt,
    /// A rebuilt table row that the input leaves ambiguous (a row whose
    /// first cell is empty, or a cell centred in a tall row, may belong to
    /// the row above or start one): read one way, and said so.
    RowAmbiguous,
    /// A rebuilt table's header whose cells touch one another (one space
    /// between them, as `lynx` sets a table too wide for its page): they were
    /// cut where the columns below start, so the columns' names, and what
    /// they are taken to hold, may be cut wrong.
    HeaderCut,
    /// PDF: a table row cut by a page break was joined with its continuation.
    RowJoined,
    /// A running header or footer, page number or repeated table header row was set apart.
    PageFurniture,
    /// A PIAO's sub-sections after its performance sub-section were set aside:
    /// only the performance plan is read.
    OutsidePerformance,
    /// PDF: a page holds images but no text layer (it needs OCR).
    NoTextLayer,
    /// PDF: part of the file is damaged and was skipped or rebuilt.
    PdfDamaged,
    /// PDF: a page's text is an OCR layer another program made (invisible
    /// words over a scan), read word by word as it placed them; how sure it
    /// was of each word is not known, so nothing is repaired.
    OcrLayer,
    /// Scan: a cell's text was recognised by OCR with low confidence; check
    /// it against the page.
    OcrLowConfidence,
    /// Scan: a cell recognised with low confidence was repaired where the
    /// plan's own structure proves the reading (a row number out of
    /// sequence, a date the due grammar reads once confusable letters are
    /// digits); the message says what was read, what it became and why.
    OcrRepaired,
}

impl Code {
    /// Every code, in documentation order.
    pub const ALL: [Code; 40] = [
        Code::EncodingDetected,
        Code::NoPlanFound,
        Code::FamilyDetected,
        Code::EnteUnknown,
        Code::EnteAmbiguous,
        Code::YearInferred,
        Code::YearUnknown,
        Code::HeadMissing,
        Code::MissionUnknown,
        Code::PageNumber,
        Code::ContinuationLine,
        Code::CellWrapped,
        Code::CellRepaired,
        Code::ColumnsRealigned,
        Code::GarbledRow,
        Code::NumberSequence,
        Code::TableScrambled,
        Code::TextUnplaced,
        Code::DueRepaired,
        Code::DueYearFromPlan,
        Code::DueUnparsed,
        Code::WeightMissing,
        Code::WeightUnparsed,
        Code::WeightSum,
        Code::PhaseWeightSum,
        Code::StaffEmpty,
        Code::TotalRow,
        Code::TableQuality,
        Code::DescriptionMissing,
        Code::ColumnsRebuilt,
        Code::RowAmbiguous,
        Code::HeaderCut,
        Code::RowJoined,
        Code::PageFurniture,
        Code::OutsidePerformance,
        Code::NoTextLayer,
        Code::PdfDamaged,
        Code::OcrLayer,
        Code::OcrLowConfidence,
        Code::OcrRepaired,
    ];

    /// The code's fixed level.
    pub fn level(self) -> Level {
        match self {
            Code::NoPlanFound => Level::Error,
            Code::EnteUnknown
            | Code::EnteAmbiguous
            | Code::YearUnknown
            | Code::HeadMissing
            | Code::MissionUnknown
            | Code::GarbledRow
            | Code::NumberSequence
            | Code::TableScrambled
            | Code::TextUnplaced
            | Code::DueUnparsed
            | Code::WeightMissing
            | Code::WeightUnparsed
            | Code::WeightSum
            | Code::PhaseWeightSum
            | Code::NoTextLayer
            | Code::RowAmbiguous
            | Code::HeaderCut
            | Code::DescriptionMissing
            | Code::PdfDamaged => Level::Warning,
            Code::FamilyDetected
            | Code::EncodingDetected
            | Code::YearInferred
            | Code::PageNumber
            | Code::ContinuationLine
            | Code::CellWrapped
            | Code::CellRepaired
            | Code::ColumnsRealigned
            | Code::DueRepaired
            | Code::DueYearFromPlan
            | Code::TotalRow
            | Code::StaffEmpty
            | Code::TableQuality
            | Code::ColumnsRebuilt
            | Code::RowJoined
            | Code::PageFurniture
            | Code::OutsidePerformance
            | Code::OcrLayer
            | Code::OcrLowConfidence
            | Code::OcrRepaired => Level::Info,
        }
    }

    /// The kebab-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::EncodingDetected => "encoding-detected",
            Code::NoPlanFound => "no-plan-found",
            Code::FamilyDetected => "family-detected",
            Code::EnteUnknown => "ente-unknown",
            Code::EnteAmbiguous => "ente-ambiguous",
            Code::YearInferred => "year-inferred",
            Code::YearUnknown => "year-unknown",
            Code::HeadMissing => "head-missing",
            Code::MissionUnknown => "mission-unknown",
            Code::PageNumber => "page-number",
            Code::ContinuationLine => "continuation-line",
            Code::CellWrapped => "cell-wrapped",
            Code::CellRepaired => "cell-repaired",
            Code::ColumnsRealigned => "columns-realigned",
            Code::GarbledRow => "garbled-row",
            Code::NumberSequence => "number-sequence",
            Code::TableScrambled => "table-scrambled",
            Code::TextUnplaced => "text-unplaced",
            Code::DueRepaired => "due-repaired",
            Code::DueYearFromPlan => "due-year-from-plan",
            Code::DueUnparsed => "due-unparsed",
            Code::WeightMissing => "weight-missing",
            Code::WeightUnparsed => "weight-unparsed",
            Code::WeightSum => "weight-sum",
            Code::PhaseWeightSum => "phase-weight-sum",
            Code::StaffEmpty => "staff-empty",
            Code::TotalRow => "total-row",
            Code::TableQuality => "table-quality",
            Code::DescriptionMissing => "description-missing",
            Code::ColumnsRebuilt => "columns-rebuilt",
            Code::RowAmbiguous => "row-ambiguous",
            Code::HeaderCut => "header-cut",
            Code::RowJoined => "row-joined",
            Code::PageFurniture => "page-furniture",
            Code::OutsidePerformance => "outside-performance",
            Code::NoTextLayer => "no-text-layer",
            Code::PdfDamaged => "pdf-damaged",
            Code::OcrLayer => "ocr-layer",
            Code::OcrLowConfidence => "ocr-low-confidence",
            Code::OcrRepaired => "ocr-repaired",
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Longest excerpt kept in a diagnostic, in characters.
pub const EXCERPT_CHARS: usize = 200;

/// One thing noticed while reading a plan, with where it was noticed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// How much it matters; fixed by the code.
    pub level: Level,
    /// What kind of thing was noticed.
    pub code: Code,
    /// A sentence for people.
    pub message: String,
    /// 1-based line of the intermediate text.
    pub line: Option<u32>,
    /// 1-based PDF page.
    pub page: Option<u32>,
    /// Ordinal of the structure concerned.
    pub structure: Option<u32>,
    /// Number of the objective or phase concerned.
    pub number: Option<String>,
    /// The input line concerned, cut to 200 characters.
    pub excerpt: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no location yet; add one with the `at_*` methods.
    pub fn new(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            level: code.level(),
            code,
            message: message.into(),
            line: None,
            page: None,
            structure: None,
            number: None,
            excerpt: None,
        }
    }

    /// Sets the line and page.
    pub fn at_line(mut self, line: u32, page: Option<u32>) -> Diagnostic {
        self.line = Some(line);
        self.page = page;
        self
    }

    /// Sets the structure ordinal.
    pub fn in_structure(mut self, ordinal: u32) -> Diagnostic {
        self.structure = Some(ordinal);
        self
    }

    /// Sets the objective or phase number.
    pub fn for_number(mut self, number: impl Into<String>) -> Diagnostic {
        self.number = Some(number.into());
        self
    }

    /// Sets the excerpt, cut to [`EXCERPT_CHARS`] characters.
    pub fn with_excerpt(mut self, text: &str) -> Diagnostic {
        self.excerpt = Some(text.chars().take(EXCERPT_CHARS).collect());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_serialises_as_its_name() {
        for code in Code::ALL {
            let json = serde_json::to_string(&code).expect("a code serialises");
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }

    /// Every string of an `enum` array anywhere in a JSON Schema.
    fn enum_names(schema: &serde_json::Value, found: &mut Vec<String>) {
        match schema {
            serde_json::Value::Object(map) => {
                for (key, value) in map {
                    match (key.as_str(), value) {
                        ("enum", serde_json::Value::Array(names)) => found.extend(
                            names
                                .iter()
                                .filter_map(|name| name.as_str().map(str::to_owned)),
                        ),
                        ("const", serde_json::Value::String(name)) => found.push(name.clone()),
                        _ => enum_names(value, found),
                    }
                }
            }
            serde_json::Value::Array(items) => {
                for item in items {
                    enum_names(item, found);
                }
            }
            _ => {}
        }
    }

    /// `Code::ALL` is written by hand; the schema is derived from the enum
    /// itself, so a variant added to the enum and forgotten in `ALL` (which
    /// the tests that name every code rely on) fails here. (`as_str` and
    /// `level` match on every variant, so they cannot forget one.)
    #[test]
    fn all_lists_every_code_of_the_enum_once() {
        let schema = serde_json::to_value(schemars::schema_for!(Code)).expect("a schema");
        let mut derived = Vec::new();
        enum_names(&schema, &mut derived);
        derived.sort();
        let mut listed: Vec<String> = Code::ALL.iter().map(|c| c.as_str().to_owned()).collect();
        listed.sort();
        assert_eq!(listed, derived);
    }

    #[test]
    fn excerpts_are_cut_to_200_characters() {
        let long = "è".repeat(500);
        let diagnostic = Diagnostic::new(Code::TextUnplaced, "x").with_excerpt(&long);
        assert_eq!(diagnostic.excerpt.map(|e| e.chars().count()), Some(200));
    }
}
