//! A mission heading and its programme's set on one line ("Missione 01 –
//! …" on the left, "Programma 03 – …" on the right), parted into two lines
//! before any line is classified: each is then read as the heading it is,
//! as when they stand one under the other (`parted.rs`).

use piano_model::TextLine;

use crate::line::is_budget_pair;
use crate::parted::{filled_cells, part_lines};
use crate::vocabulary::Vocabulary;

/// Parts each line that holds a mission heading and a programme heading.
pub fn part_budget_pairs(lines: &mut Vec<TextLine>, profiles: &[Vocabulary]) {
    part_lines(lines, |line: &TextLine| {
        let [mission, programme] = filled_cells(line)?;
        let text = |index: usize| line.cells[index].text.trim();
        profiles
            .iter()
            .any(|profile| is_budget_pair(text(mission), text(programme), profile))
            .then_some(programme)
    });
}

#[cfg(test)]
mod tests {
    use crate::parse_dump;

    #[test]
    fn a_mission_and_its_programme_side_by_side_are_two_headings() {
        let plan = parse_dump(
            "PIANO ESECUTIVO DI GESTIONE 2024\n\
             Missione 01 – Servizi istituzionali\t\tProgramma 03 – Gestione economica\n\
             Codice\tObiettivo operativo\tPeso\tScadenza\n\
             0103/01\tApprovazione del bilancio\t60%\t31/12/2024\n\
             0103/02\tRiduzione dei residui\t40%\t30/06/2024\n",
        );
        let structure = &plan.structures[0];
        assert_eq!(structure.name, "Gestione economica");
        let mission = &structure.missions[0];
        assert_eq!(mission.code.as_deref(), Some("01"));
        assert_eq!(structure.objectives.len(), 2);
    }
}
