//! How a code table writes its MISSIONE and PROGRAMMA headings: case,
//! numbers and the separator before the name. Names stay as written.

use super::axis;
use crate::draft::{Budget, DraftStructure};

axis! {
    /// A way of writing budget headings.
    BudgetHeading {
        /// "MISSIONE 01 – …", "PROGRAMMA 02 – …".
        Dash => "dash",
        /// "Missione 1 - …", "Programma 0102 - …".
        Plain => "plain",
        /// "MISSIONE 01: …", "PROGRAMMA 02: …".
        Colon => "colon",
        /// "Missione 01 …", "Programma 01.02 …" (no separator).
        Bare => "bare",
    }
}

impl BudgetHeading {
    /// The MISSIONE heading above `budget`'s programme.
    pub fn mission(self, budget: &Budget) -> String {
        let (code, name) = (&budget.mission_code, &budget.mission_name);
        match self {
            BudgetHeading::Dash => format!("MISSIONE {code} – {name}"),
            BudgetHeading::Plain => {
                let short = code.trim_start_matches('0');
                format!("Missione {short} - {name}")
            }
            BudgetHeading::Colon => format!("MISSIONE {code}: {name}"),
            BudgetHeading::Bare => format!("Missione {code} {name}"),
        }
    }

    /// The PROGRAMMA heading of `budget`'s programme.
    pub fn programme(self, budget: &Budget) -> String {
        let (mission, code) = (&budget.mission_code, &budget.programme_code);
        let name = &budget.programme_name;
        match self {
            BudgetHeading::Dash => format!("PROGRAMMA {code} – {name}"),
            BudgetHeading::Plain => format!("Programma {mission}{code} - {name}"),
            BudgetHeading::Colon => format!("PROGRAMMA {code}: {name}"),
            BudgetHeading::Bare => format!("Programma {mission}.{code} {name}"),
        }
    }

    /// Rewrites the heading of a code table's `structure`.
    pub fn apply(self, structure: &mut DraftStructure) {
        if let Some(budget) = &structure.budget {
            structure.header = self.programme(budget);
        }
    }
}
