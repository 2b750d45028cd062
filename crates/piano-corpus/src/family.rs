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
    /// One card of labelled fields per objective ("Obiettivo n. 3",
    /// Descrizione, Responsabile, Peso …), its phases in a small table
    /// below it, under section headings.
    ObjectiveCards,
    /// One matrix sharing every objective's weight among the heads who
    /// answer for it, one column per head, closed by total rows.
    WeightMatrix,
    /// The report on what was reached: a struttura-table plan with an
    /// achievement column and a note column.
    ResultsReport,
}

impl Family {
    /// Every family, the first the default.
    pub const ALL: [Family; 5] = [
        Family::StrutturaTable,
        Family::CodeTable,
        Family::ObjectiveCards,
        Family::WeightMatrix,
        Family::ResultsReport,
    ];

    /// The family's name, as the plan's `family` field writes it.
    pub fn name(self) -> &'static str {
        match self {
            Family::StrutturaTable => "struttura-table",
            Family::CodeTable => "code-table",
            Family::ObjectiveCards => "objective-cards",
            Family::WeightMatrix => "weight-matrix",
            Family::ResultsReport => "results-report",
        }
    }
}
