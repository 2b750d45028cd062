//! The typed model of an Italian public-sector performance plan.
//!
//! Every stage of piano speaks these types: readers (`piano-parse` for text
//! dumps, `piano-pdf` for PDFs) produce a [`Layout`], the parser turns it into a
//! [`Plan`], and the exporters serialise the plan as the data contract
//! `piano.plan/1` describes; beside the plan, the parser can say what each
//! line became ([`Roles`]). The crate does no I/O: the reference lists it
//! bundles (ISTAT comuni, budget missions) are compiled in.

mod diagnostic;
mod due;
mod layout;
mod numeral;
mod plan;
mod quality;
pub mod reference;
mod roles;
mod source;
mod structure;

pub use diagnostic::{Code, Diagnostic, EXCERPT_CHARS, Level};
pub use due::{Due, DueDate, MONTH_NAMES, Precision, Recurrence, is_bare_year};
pub use layout::{
    BBox, Cell, LOW_CONFIDENCE, Layout, TextLine, TextPiece, counts_pages, running_signature,
    same_running_line, text_lines,
};
pub use numeral::{MAX_ROMAN, roman};
pub use plan::{DocumentKind, Ente, EnteKind, Plan, PreambleSection, SCHEMA};
pub use quality::{Quality, Reason, ReasonCode, Verdict};
pub use roles::{LineRole, Roles};
pub use source::{Ocr, Source, SourceFormat};
pub use structure::{
    Category, Entry, Head, HeadWeight, LineSpan, Mission, Objective, Staff, Structure,
};
