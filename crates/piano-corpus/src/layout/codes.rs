//! How a code table writes its row codes: two digits of mission, two of
//! programme, then the objective's own digits ("01.02.03", "0102.3"), phases
//! one level more ("01.02.03.1"). The row's `number` stays its ordinal.

use super::axis;
use crate::draft::DraftStructure;

axis! {
    /// A way of writing budget codes.
    CodeStyle {
        /// "01.02.03", phases "01.02.03.1".
        Dotted => "dotted",
        /// "010203", phases "010203.1".
        Compact => "compact",
        /// "0102.3", phases "0102.3.1".
        ProgrammeDot => "programme-dot",
        /// "01.02.3", phases "01.02.3.1".
        Short => "short",
    }
}

impl CodeStyle {
    /// The code of objective `ordinal` of programme `programme` of mission `mission`.
    pub fn code(self, mission: &str, programme: &str, ordinal: usize) -> String {
        match self {
            CodeStyle::Dotted => format!("{mission}.{programme}.{ordinal:02}"),
            CodeStyle::Compact => format!("{mission}{programme}{ordinal:02}"),
            CodeStyle::ProgrammeDot => format!("{mission}{programme}.{ordinal}"),
            CodeStyle::Short => format!("{mission}.{programme}.{ordinal}"),
        }
    }

    /// Writes the code of every row of a code table's `structure`.
    pub fn apply(self, structure: &mut DraftStructure) {
        let Some(budget) = structure.budget.clone() else {
            return;
        };
        for (o, objective) in structure.objectives.iter_mut().enumerate() {
            let code = self.code(&budget.mission_code, &budget.programme_code, o + 1);
            objective.row.cells[0].clone_from(&code);
            objective.row.entry.code = Some(code.clone());
            for (p, phase) in objective.phases.iter_mut().enumerate() {
                let own = format!("{code}.{}", p + 1);
                phase.cells[0].clone_from(&own);
                phase.entry.code = Some(own);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_style_holds_mission_programme_and_ordinal() {
        let codes: Vec<String> = CodeStyle::ALL
            .iter()
            .map(|s| s.code("01", "02", 3))
            .collect();
        assert_eq!(codes, ["01.02.03", "010203", "0102.3", "01.02.3"]);
    }
}
