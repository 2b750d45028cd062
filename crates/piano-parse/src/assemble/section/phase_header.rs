//! A card's phase-table header printed again at the top of the next page:
//! furniture of that table, under which the row the page break cut goes on.

use piano_model::reference::fold;
use piano_model::{Code, Diagnostic, LineRole, TextLine};

use super::{SectionBuilder, Table};

impl SectionBuilder<'_> {
    /// Remembers `line` as one of the lines the open card's phase-table
    /// header is printed on; `opens` when it is the header's named line,
    /// which starts the card's header anew. A line of text right above it
    /// that no rule took (a group's label over some of its columns:
    /// "Programmazione" | "Tempi") is part of the header too.
    pub(super) fn remember_phase_header_line(&mut self, line: &TextLine, opens: bool) {
        if opens {
            self.phase_header_lines.clear();
            let above = self
                .fragments
                .last()
                .filter(|fragment| fragment.line + 1 == line.number)
                .map(|fragment| filled_text(fragment.text.split('\t')));
            self.phase_header_lines.extend(above);
        }
        let cells = line.cells.iter().map(|cell| cell.text.as_str());
        self.phase_header_lines.push(filled_text(cells));
    }

    /// Takes `line`, under a card's phase table, as a line of the table's
    /// header printed again (after a page break) and sets it aside: the row
    /// above stays open, as the row the break cut goes on below the repeat.
    /// False for any other line.
    pub fn repeated_phase_header(&mut self, line: &TextLine) -> bool {
        if !self.repeats_phase_header(line) {
            return false;
        }
        let diagnostic = Diagnostic::new(
            Code::PageFurniture,
            "the phase table's header repeated after a page break, set aside",
        );
        self.diagnostics.push(self.locate(line)(diagnostic));
        self.role(line, LineRole::Furniture);
        true
    }
}

impl SectionBuilder<'_> {
    /// Whether `line`, under a card's phase table, prints a line of its
    /// header again.
    pub(super) fn repeats_phase_header(&self, line: &TextLine) -> bool {
        let text = filled_text(line.cells.iter().map(|cell| cell.text.as_str()));
        self.table == Table::Phases && !text.is_empty() && self.phase_header_lines.contains(&text)
    }
}

/// A line's filled cells, folded and joined by tabs: the same header
/// whatever empty cells a dump left between them.
fn filled_text<'t>(cells: impl Iterator<Item = &'t str>) -> String {
    cells
        .map(str::trim)
        .filter(|cell| !cell.is_empty())
        .map(fold)
        .collect::<Vec<_>>()
        .join("\t")
}

#[cfg(test)]
mod tests {
    use piano_model::{Entry, LineRole};

    fn phases_of(text: &str) -> Vec<Entry> {
        let plan = crate::parse_dump(text);
        plan.structures[0].objectives[0].phases.clone()
    }

    const CARD: &str = "SETTORE: AFFARI GENERALI - RESPONSABILE: Dott.ssa Anna Ferrari\n\
        Obiettivo n. 1\n\
        Descrizione\tRiordino del registro.\n\
        Peso\t100%\n";

    #[test]
    fn a_grouped_phase_header_printed_again_is_furniture_and_the_cut_row_goes_on() {
        let text = format!(
            "{CARD}Programmazione\t\tScadenza\n\
             Descrizione fase\tPeso\t\n\
             Avvio del\t50%\t30.04.2022\n\
             4\n\
             Programmazione\t\tScadenza\n\
             Descrizione fase\tPeso\t\n\
             procedimento\t\t\n\
             Chiusura\t50%\t30.09.2022\n"
        );
        let phases = phases_of(&text);
        let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(descriptions, ["Avvio del procedimento", "Chiusura"]);
        assert_eq!(
            phases[0].due.as_ref().map(|due| due.raw.as_str()),
            Some("30.04.2022")
        );
        let roles = crate::roles_of(&text);
        let furniture = roles
            .iter()
            .filter(|(_, role)| *role == LineRole::Furniture)
            .count();
        assert_eq!(furniture, 2, "{roles:?}");
    }

    #[test]
    fn a_group_label_over_a_phase_header_printed_again_keeps_the_cut_row_open() {
        let text = format!(
            "{CARD}Programmazione\t\t\t\n\
             Fasi\tPeso\t\tScadenza\n\
             Avvio del\t50%\t\t30.04.2022\n\
             4\n\
             Programmazione\t\t\t\n\
             Fasi\tPeso\t\tScadenza\n\
             procedimento\t\t\t\n\
             Chiusura\t50%\t\t30.09.2022\n"
        );
        let phases = phases_of(&text);
        let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(descriptions, ["Avvio del procedimento", "Chiusura"]);
    }

    #[test]
    fn a_phase_header_of_named_columns_printed_again_is_furniture() {
        let text = format!(
            "{CARD}Fase\tPeso\tScadenza\n\
             Avvio del\t50%\t30.04.2022\n\
             Fase\tPeso\tScadenza\n\
             procedimento\t\t\n\
             Chiusura\t50%\t30.09.2022\n"
        );
        let phases = phases_of(&text);
        let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(descriptions, ["Avvio del procedimento", "Chiusura"]);
    }
}
