//! Structures (the organisational units a plan assigns objectives to), their
//! objectives and phases.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Due;

/// One organisational unit of the plan (STRUTTURA, SETTORE, AREA …) and what
/// the plan asks of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Structure {
    /// 1-based position in the document.
    pub ordinal: u32,
    /// The unit's name as written.
    pub name: String,
    /// The grouping word as written ("STRUTTURA", "SETTORE", "MISSIONE/PROGRAMMA").
    pub kind: Option<String>,
    /// Who leads the unit.
    pub head: Head,
    /// "Linea Strategica".
    pub strategic_line: Option<String>,
    /// "Obiettivo Strategico", split on `;`.
    pub strategic_objectives: Vec<String>,
    /// "Missione", split on `;`, with D.Lgs. 118/2011 codes.
    pub missions: Vec<Mission>,
    /// "Obiettivo Operativo".
    pub operational_objective: Option<String>,
    /// The header of the objectives' description column, a leading "Descrizione" dropped.
    pub objectives_label: Option<String>,
    /// The objectives, in document order.
    pub objectives: Vec<Objective>,
    /// The staff table ("Dipendenti coinvolti sugli obiettivi").
    pub staff: Vec<Staff>,
    /// First and last line of the structure, from its header to the line before the next.
    pub lines: LineSpan,
    /// PDF page of the structure's first line.
    pub page: Option<u32>,
}

/// The head of a structure.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Head {
    /// The role as written before the colon ("DIRIGENTE/RESPONSABILE").
    pub role: Option<String>,
    /// The person as written, honorific included; `null` when left blank.
    pub name: Option<String>,
    /// Whether the head holds the post "ad interim" (removed from `name`).
    pub ad_interim: bool,
}

/// A budget mission (D.Lgs. 118/2011) named by a structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Mission {
    /// The name as written, trailing `;` removed.
    pub name: String,
    /// The two-digit official code; `null` when the name is not recognised.
    pub code: Option<String>,
}

/// One row of a staff table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Staff {
    /// The employee: personal data, `null` in exports unless asked for.
    pub name: Option<String>,
    /// The objective the employee works on, as written.
    pub objective: Option<String>,
    /// The employee's share, in percent.
    pub weight: Option<f64>,
}

/// First and last line of the intermediate text something came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LineSpan(pub u32, pub u32);

impl LineSpan {
    /// The span of one line.
    pub fn line(line: u32) -> LineSpan {
        LineSpan(line, line)
    }

    /// The smallest span covering both.
    pub fn cover(self, other: LineSpan) -> LineSpan {
        LineSpan(self.0.min(other.0), self.1.max(other.1))
    }
}

/// An objective: a row of an objectives table, with its phases.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Objective {
    /// The cells every row has.
    #[serde(flatten)]
    pub entry: Entry,
    /// From an "Obiettivo di mantenimento:" / "Obiettivo di sviluppo…:" prefix.
    pub category: Option<Category>,
    /// The phases ("Fase: …"), in document order.
    pub phases: Vec<Entry>,
}

/// What objectives and phases share: one row of an objectives table.
///
/// The fields after `page` are filled by the layout families that have them
/// (budget codes, per-row heads, results reports, weight matrices) and are
/// `null` (or empty) elsewhere.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Entry {
    /// "1", or "1.1" for a phase ("1.1." is written "1.1").
    pub number: String,
    /// The description cell.
    pub description: String,
    /// Percent of the structure (objectives) or of the parent objective (phases).
    pub weight: Option<f64>,
    /// "Indicatori".
    pub indicators: Option<String>,
    /// "Valori Attesi" / "Target".
    pub expected: Option<String>,
    /// "Data Fine Attesa" / "Scadenza".
    pub due: Option<Due>,
    /// First and last line of the row's own text.
    pub lines: LineSpan,
    /// PDF page of the row's first line.
    pub page: Option<u32>,
    /// The identifier as printed when it is not a plain ordinal ("01.01.03", "OB.3").
    pub code: Option<String>,
    /// The D.Lgs. 118/2011 mission code (two digits), from the code or a column.
    pub mission_code: Option<String>,
    /// The budget programme code (two digits), from the code or a column.
    pub programme_code: Option<String>,
    /// Who answers for this row, when the row names it.
    pub responsible: Option<String>,
    /// Percent reached, in results reports.
    pub achievement: Option<f64>,
    /// The note on what was reached, in results reports.
    pub achievement_note: Option<String>,
    /// The row's weight under each head, in weight matrices, in table order.
    pub weights_by_head: Vec<HeadWeight>,
}

/// One head's weight for an objective, in a weight matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct HeadWeight {
    /// The head as the matrix's header cell names them.
    pub head: String,
    /// The weight, in the matrix's own unit.
    pub weight: f64,
}

/// The kind of objective a description's prefix declares.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// "Obiettivo di mantenimento": keep a service at its standard.
    Mantenimento,
    /// "Obiettivo di sviluppo": improve or create something.
    Sviluppo,
}
