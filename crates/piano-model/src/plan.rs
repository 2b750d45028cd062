//! The plan: the root of the model.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Diagnostic, Quality, Source, Structure};

/// The schema identifier every plan carries.
pub const SCHEMA: &str = "piano.plan/1";

/// One performance plan, as the data contract `piano.plan/1` describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Plan {
    /// Always `piano.plan/1`.
    pub schema: String,
    /// The input it was read from.
    pub source: Source,
    /// First 12 hex digits of the input's SHA-256.
    pub plan_id: String,
    /// The public body that adopted the plan.
    pub ente: Ente,
    /// The layout family recognised (a profile's name, e.g. `struttura-table`).
    pub family: Option<String>,
    /// Whether the document is a plan or a report on one.
    pub document_kind: Option<DocumentKind>,
    /// The plan's title as written.
    pub title: Option<String>,
    /// Reference year: from the title, else the most common due year.
    pub year: Option<u16>,
    /// Prose before the first structure, one entry per section.
    pub preamble: Vec<PreambleSection>,
    /// The organisational units, in document order.
    pub structures: Vec<Structure>,
    /// What was noticed while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// How well the plan was read: a verdict, a score and the reasons, from
    /// what the reader knows of its own reading (see `docs/quality.md`).
    pub quality: Quality,
}

impl Plan {
    /// An empty plan for `source`, to be filled by a parser.
    pub fn new(source: Source) -> Plan {
        Plan {
            schema: SCHEMA.to_owned(),
            plan_id: source.plan_id(),
            source,
            ente: Ente::default(),
            family: None,
            document_kind: None,
            title: None,
            year: None,
            preamble: Vec::new(),
            structures: Vec::new(),
            diagnostics: Vec::new(),
            quality: Quality::default(),
        }
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.level == crate::Level::Error)
    }
}

/// What kind of document of the performance cycle was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DocumentKind {
    /// A plan: objectives set for the year.
    Plan,
    /// A results report (Relazione sulla performance): objectives with what was reached.
    Report,
}

/// The public body (ente) that adopted the plan.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Ente {
    /// What kind of body it is.
    pub kind: Option<EnteKind>,
    /// Its name in title case, as people write it ("Montepulciano").
    pub name: Option<String>,
    /// Its provincia or città metropolitana, in title case.
    pub provincia: Option<String>,
    /// The six-digit ISTAT code, for comuni found in the bundled list.
    pub istat: Option<String>,
}

/// The kinds of public body that publish performance plans.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum EnteKind {
    /// Comune (municipality).
    Comune,
    /// Provincia.
    Provincia,
    /// Città metropolitana.
    CittaMetropolitana,
    /// Unione di comuni.
    Unione,
    /// Regione.
    Regione,
}

/// One section of the prose before the first structure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PreambleSection {
    /// The section's heading, `null` for text before any heading.
    pub heading: Option<String>,
    /// Paragraphs joined by a blank line; lines of a paragraph by a newline.
    pub text: String,
}
