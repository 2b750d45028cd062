//! The layout families the generator writes: how a plan groups its
//! objectives (see docs/families/).

/// A layout family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// One objectives table per structure (STRUTTURA / SETTORE / AREA …),
    /// under a heading naming its head and a few labelled fields.
    StrutturaTable,
    /// One long table grouped by MISSIONE and PROGRAMMA headings, each row
    /// identified by a budget code and naming its responsible.
    CodeTable,
}

impl Family {
    /// Every family, the first the default.
    pub const ALL: [Family; 2] = [Family::StrutturaTable, Family::CodeTable];

    /// The family's name, as the plan's `family` field writes it.
    pub fn name(self) -> &'static str {
        match self {
            Family::StrutturaTable => "struttura-table",
            Family::CodeTable => "code-table",
        }
    }
}
