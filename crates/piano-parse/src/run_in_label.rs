//! A card field's label run into its value's cell ("Indicatori di risultato
//! Numero di questionari raccolti."), as a space-aligned dump joins them
//! when the label nearly fills its column and leaves a narrow gap. A label
//! the document prints in a cell of its own elsewhere, at the start of a
//! line of one cell and followed by a value opening with a capital or a
//! figure, is parted from it before any line is classified: the line is
//! then read as the field it is.

use std::collections::HashSet;

use piano_model::reference::fold;
use piano_model::{Cell, TextLine};

use crate::parted::filled_cells;
use crate::vocabulary::Vocabulary;

/// Parts the label from the value on each line of one cell that opens with
/// a label the document prints in a cell of its own, in a family of cards.
pub fn part_run_in_labels(lines: &mut [TextLine], profiles: &[Vocabulary]) {
    let cards = Vocabulary::with_cards(profiles);
    if cards.is_empty() {
        return;
    }
    let labels = labels_in_own_cells(lines, &cards);
    if labels.is_empty() {
        return;
    }
    for line in lines.iter_mut() {
        let Some([0]) = filled_cells::<1>(line) else {
            continue;
        };
        // A card's opener ("OBIETTIVO N. 3") is no label before a value.
        let opens_a_card = |text: &str| {
            cards
                .iter()
                .any(|profile| profile.card_opening(text.trim()).is_some())
        };
        let Some(cut) =
            label_end(&line.cells[0].text, &labels).filter(|_| !opens_a_card(&line.cells[0].text))
        else {
            continue;
        };
        let text = std::mem::take(&mut line.cells[0].text);
        let (label, value) = text.split_at(cut);
        line.cells[0].text = label.trim().to_owned();
        let value = value.trim().to_owned();
        match line.cells.get_mut(1) {
            Some(cell) => cell.text = value,
            None => line.cells.push(Cell {
                text: value,
                ..line.cells[0].clone()
            }),
        }
    }
}

/// The labels (folded) of the card fields the document prints in a cell of
/// their own, their value in the next ("Indicatori di risultato" | "…") or
/// left blank (a line of the label alone, no full stop closing it as a
/// value's last words would): words alone, no figure.
fn labels_in_own_cells(lines: &[TextLine], cards: &[&Vocabulary]) -> HashSet<String> {
    lines
        .iter()
        .filter_map(|line| {
            let alone = match filled_cells::<1>(line) {
                Some([0]) => true,
                Some(_) => return None,
                None => false,
            };
            if !alone && !matches!(filled_cells::<2>(line), Some([0, _])) {
                return None;
            }
            let label = line.cells[0].text.trim();
            let closes_as_a_value = alone && label.ends_with('.');
            let words = label.starts_with(char::is_alphabetic)
                && !label.contains(':')
                && !closes_as_a_value
                && !label.bytes().any(|b| b.is_ascii_digit());
            let names_a_field = cards
                .iter()
                .any(|profile| profile.card_label(label).is_some());
            (words && names_a_field).then(|| fold(label))
        })
        .collect()
}

/// Where the label ends in `text`, a cell opening with one of `labels`
/// (the longest) and going on, after a space, with a value opening with a
/// capital or a figure; `None` for any other cell, and for one with a
/// colon, which sets its label apart itself ("RESPONSABILE P.O.: …",
/// "INDICATORE DI PERFORMANCE:").
fn label_end(text: &str, labels: &HashSet<String>) -> Option<usize> {
    if text.contains(':') {
        return None;
    }
    text.char_indices()
        .rev()
        .filter(|&(at, c)| c == ' ' && at > 0)
        .map(|(at, _)| at)
        .find(|&at| {
            let value = text[at..].trim_start();
            let opens = value
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            opens && labels.contains(&fold(text[..at].trim()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parted(text: &str) -> Vec<String> {
        let mut lines = piano_model::Layout::from_tab_separated(text).lines;
        part_run_in_labels(&mut lines, Vocabulary::bundled());
        lines.iter().map(TextLine::to_tab_separated).collect()
    }

    #[test]
    fn a_label_printed_in_its_own_cell_elsewhere_is_parted_from_its_value() {
        let lines = parted(
            "Indicatori di risultato Numero di questionari raccolti.\n\
             Indicatori di risultato\tTempi medi di pagamento.",
        );
        assert_eq!(
            lines[0],
            "Indicatori di risultato\tNumero di questionari raccolti."
        );
        // Printed alone, its value left blank, it is a label all the same.
        let blank = parted(
            "Indicatori di risultato Numero di questionari raccolti.\n\
             Indicatori di risultato",
        );
        assert_eq!(
            blank[0],
            "Indicatori di risultato\tNumero di questionari raccolti."
        );
    }

    #[test]
    fn a_label_never_printed_alone_or_a_value_in_small_letters_stays() {
        // No line prints "Descrizione" alone in its cell.
        let unseen = parted(
            "Descrizione Generale del servizio.\n\
             Peso\t20%",
        );
        assert_eq!(unseen[0], "Descrizione Generale del servizio.");
        // "di questionari" goes on in small letters: no value opens there.
        let lower = parted(
            "Indicatori di questionari raccolti.\n\
             Indicatori\tTempi medi di pagamento.",
        );
        assert_eq!(lower[0], "Indicatori di questionari raccolti.");
        // A cell with a colon sets its label apart itself.
        let colon = parted(
            "INDICATORE DI PERFORMANCE:\n\
             INDICATORE DI\tTempi medi di pagamento.",
        );
        assert_eq!(colon[0], "INDICATORE DI PERFORMANCE:");
        // A card's opener stays whole, whatever labels the card prints.
        let opener = parted(
            "OBIETTIVO N. 3 Riordino\n\
             Obiettivo\tRiordino del registro.",
        );
        assert_eq!(opener[0], "OBIETTIVO N. 3 Riordino");
    }
}
