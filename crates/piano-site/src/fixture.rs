//! What the site's tests build plans from.

use piano_model::{Head, LineSpan, Objective, Structure};

/// A structure with `objectives` and nothing else read: no kind, head,
/// missions or staff, as the charts and pages meet a bare one.
pub fn structure(ordinal: u32, name: String, objectives: Vec<Objective>) -> Structure {
    Structure {
        ordinal,
        name,
        kind: None,
        head: Head::default(),
        strategic_line: None,
        strategic_objectives: Vec::new(),
        missions: Vec::new(),
        operational_objective: None,
        objectives_label: None,
        objectives,
        staff: Vec::new(),
        lines: LineSpan::default(),
        page: None,
    }
}
