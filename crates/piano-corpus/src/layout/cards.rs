//! How an objective card is written: its opening line, where a field's
//! label stands, and how its phase table numbers the phases. The card's
//! field order is the column order axis, its labels the wording axis, its
//! phase table's empty column and header the shared axes.

use super::axis;
use super::numbering::letter;
use crate::draft::DraftStructure;

axis! {
    /// The line that opens a card.
    CardOpener {
        /// "Obiettivo n. 3".
        Plain => "plain",
        /// "OBIETTIVO N. 3".
        Upper => "upper",
        /// "Obiettivo n° 3".
        Degree => "degree",
        /// "Scheda obiettivo n. 3".
        Scheda => "scheda",
        /// "OBIETTIVO N. 3", the description again as a title in a second cell.
        Titled => "titled",
    }
}

impl CardOpener {
    /// The cells of the opening line of card `number` described `description`.
    pub fn cells(self, number: &str, description: &str) -> Vec<String> {
        match self {
            CardOpener::Plain => vec![format!("Obiettivo n. {number}")],
            CardOpener::Upper => vec![format!("OBIETTIVO N. {number}")],
            CardOpener::Degree => vec![format!("Obiettivo n° {number}")],
            CardOpener::Scheda => vec![format!("Scheda obiettivo n. {number}")],
            CardOpener::Titled => vec![format!("OBIETTIVO N. {number}"), description.to_owned()],
        }
    }
}

axis! {
    /// Where a card field's label stands.
    CardFields {
        /// In a cell of its own, the value in the next: "Peso", "30%".
        Cells => "cells",
        /// Before a colon in the value's cell: "Peso: 30%".
        Inline => "inline",
        /// Weight and due inline, the other fields in two cells.
        Mixed => "mixed",
    }
}

impl CardFields {
    /// The cells of a field labelled `label` (as the field labels axis
    /// writes it) holding `value`; whether the field is the weight or due.
    pub fn cells(self, label: &str, value: &str, weight_or_due: bool) -> Vec<String> {
        let inline = match self {
            CardFields::Cells => false,
            CardFields::Inline => true,
            CardFields::Mixed => weight_or_due,
        };
        if inline {
            let label = label.strip_suffix(':').unwrap_or(label);
            vec![format!("{label}: {value}").trim_end().to_owned()]
        } else {
            vec![label.to_owned(), value.to_owned()]
        }
    }
}

axis! {
    /// How a card's phase table numbers its phases.
    PhaseNumbers {
        /// No number column.
        Unnumbered => "unnumbered",
        /// "1", "2" in a number column.
        Ordinal => "ordinal",
        /// "3.1", "3.2": the objective's number, then the phase's.
        Path => "path",
        /// "a)", "b)".
        Letters => "letters",
        /// "Fase 1", "Fase 2".
        Fase => "fase",
    }
}

impl PhaseNumbers {
    /// Whether the phase table has a number column.
    pub fn shows(self) -> bool {
        self != PhaseNumbers::Unnumbered
    }

    /// Whether the numbers printed are not plain ordinals (so that phases
    /// carry a `code`).
    pub fn prints_codes(self) -> bool {
        matches!(self, PhaseNumbers::Letters | PhaseNumbers::Fase)
    }

    /// Writes the number cell of every phase of `structure` and the `code` it means.
    pub fn apply(self, structure: &mut DraftStructure) {
        for (o, objective) in structure.objectives.iter_mut().enumerate() {
            for (p, phase) in objective.phases.iter_mut().enumerate() {
                let printed = match self {
                    PhaseNumbers::Unnumbered => String::new(),
                    PhaseNumbers::Ordinal => (p + 1).to_string(),
                    PhaseNumbers::Path => format!("{}.{}", o + 1, p + 1),
                    PhaseNumbers::Letters => format!("{})", letter(p, false)),
                    PhaseNumbers::Fase => format!("Fase {}", p + 1),
                };
                phase.entry.code = self.prints_codes().then(|| printed.clone());
                phase.cells[0] = printed;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn openers_fields_and_phase_numbers_read_as_real_cards_do() {
        assert_eq!(CardOpener::Degree.cells("3", "x"), ["Obiettivo n° 3"]);
        assert_eq!(CardOpener::Titled.cells("3", "x")[1], "x");
        assert_eq!(
            CardFields::Inline.cells("Peso:", "30%", false),
            ["Peso: 30%"]
        );
        assert_eq!(
            CardFields::Mixed.cells("Peso", "30%", false),
            ["Peso", "30%"]
        );
        assert_eq!(
            CardFields::Inline.cells("Indicatore", "", false),
            ["Indicatore:"]
        );
    }
}
