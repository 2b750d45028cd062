//! Two fields of an objective card on one row ("Responsabile" | "Dott.ssa
//! Rossi" | "Ponderazione" | "punti 40"), parted into two lines before any
//! line is classified: each is then read as the field it is, as when they
//! stand one under the other. Both keep the line's number.

use piano_model::TextLine;

use crate::line::table_header_columns;
use crate::parted::{filled_cells, part_lines};
use crate::vocabulary::Vocabulary;

/// Parts each line of two labels, each before its value, in a family of
/// cards.
pub fn part_field_pairs(lines: &mut Vec<TextLine>, profiles: &[Vocabulary]) {
    let cards = Vocabulary::with_cards(profiles);
    if cards.is_empty() {
        return;
    }
    part_lines(lines, |line: &TextLine| {
        let [first, value, second, second_value] = filled_cells(line)?;
        let text = |index: usize| line.cells[index].text.trim();
        // A label is words: a row's number ("1") is none; a value names no
        // column, and a table's header ("N." | "Fase di attuazione" | "Peso"
        // | "Periodo") is no pair.
        let label = |index: usize, profile: &Vocabulary| {
            let label = text(index);
            // Word for word: "Fase 3" and "Fase: verifica …" open with a
            // column's name, but are a phase's label and text.
            let exact =
                profile.column_named_exactly(label).is_some() || profile.column(label).is_none();
            label.starts_with(char::is_alphabetic) && profile.card_label(label).is_some() && exact
        };
        let header = || {
            profiles
                .iter()
                .any(|profile| table_header_columns(line, profile).is_some())
        };
        let pair = first == 0
            && cards.iter().any(|profile| {
                label(first, profile)
                    && label(second, profile)
                    && !label(value, profile)
                    && !label(second_value, profile)
            });
        // The header test last: it asks every profile.
        (pair && !header()).then_some(second)
    });
}

#[cfg(test)]
mod tests {
    use crate::parse_dump;

    #[test]
    fn a_phase_row_is_no_pair_of_fields() {
        let plan = parse_dump(
            "AREA 1: SERVIZI AL CITTADINO\n\
             Obiettivo n. 1\n\
             Descrizione\tSportello unico del cittadino\n\
             N.\tPeso\tFase\tScadenza\n\
             Fase 1\t(50%)\tFase: allestimento\t31/03/2024\n\
             Fase 2\t(50%)\tFase: apertura\t31/12/2024\n",
        );
        let phases = &plan.structures[0].objectives[0].phases;
        assert_eq!(phases.len(), 2);
        assert_eq!(phases[1].description, "Fase: apertura");
    }

    #[test]
    fn a_two_level_header_is_no_pair_of_fields() {
        // "Note" names a card's field: a value names none.
        let plan = parse_dump(
            "AREA 1: SERVIZI AL CITTADINO\n\
             Obiettivo n. 1\n\
             Descrizione\tSportello unico del cittadino\n\
             N.\tProgrammazione\t\tCronoprogramma\tNote\n\
             \tFasi\tPeso %.\t\t\n\
             1\tAllestimento\t(50%)\t31/03/2024\t\n\
             2\tApertura\t(50%)\t31/12/2024\t\n",
        );
        let phases = &plan.structures[0].objectives[0].phases;
        assert_eq!(phases.len(), 2);
        assert_eq!(phases[0].weight, Some(50.0));
    }

    #[test]
    fn a_phase_table_header_is_no_pair_of_fields() {
        let plan = parse_dump(
            "AREA 1: SERVIZI AL CITTADINO\n\
             Obiettivo n. 1\n\
             Descrizione\tSportello unico del cittadino\n\
             N.\tFase di attuazione\tPeso\tPeriodo\n\
             a)\tAllestimento\t50%\t31/03/2024\n\
             b)\tApertura\t50%\t31/12/2024\n",
        );
        let phases = &plan.structures[0].objectives[0].phases;
        assert_eq!(phases.len(), 2);
        assert_eq!(phases[0].weight, Some(50.0));
    }

    #[test]
    fn two_fields_on_one_row_of_a_card_are_both_read() {
        let plan = parse_dump(
            "AREA 1: SERVIZI AL CITTADINO\n\
             Obiettivo n. 1\n\
             Descrizione\tSportello unico del cittadino\n\
             Responsabile\tDott.ssa Anna Neri\tPeso\t60%\n\
             Indicatori\tPercentuale di utenti serviti\tValore atteso\tAlmeno 6.000\n\
             Scadenza\t31/12/2024\n\
             Obiettivo n. 2\n\
             Descrizione\tRegolamento dei contributi\n\
             Responsabile\tDott.ssa Anna Neri\tPeso\t40%\n",
        );
        let card = &plan.structures[0].objectives[0].entry;
        assert_eq!(card.responsible.as_deref(), Some("Dott.ssa Anna Neri"));
        assert_eq!(card.weight, Some(60.0));
        // A value opening with a column's name ("Percentuale") is a value.
        assert_eq!(
            card.indicators.as_deref(),
            Some("Percentuale di utenti serviti")
        );
        assert_eq!(card.expected.as_deref(), Some("Almeno 6.000"));
    }
}
