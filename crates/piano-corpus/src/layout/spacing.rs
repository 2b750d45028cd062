//! Blank lines between rows, and where page breaks fall.

use super::axis;

axis! {
    /// Blank lines between the rows of a table.
    BlankRows {
        /// None.
        None => "none",
        /// One before every objective but the first (its phases kept together).
        BetweenObjectives => "between-objectives",
        /// One between every two rows.
        EveryRow => "every-row",
    }
}

axis! {
    /// Where the drafted page breaks fall in a table.
    PageBreaks {
        /// Between two rows.
        BetweenRows => "between-rows",
        /// Inside a row: its first line on one page, the rest of its
        /// wrapped description on the next.
        SplitRows => "split-rows",
    }
}
