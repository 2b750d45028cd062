//! Weights written with a unit ("punti 40", "40 pt"), set down to their
//! number before any line is classified: every rule that reads a weight, or
//! tells a weight column by its cells, then reads them as it reads "40".
//! The units are the profiles' (`weight_units`).

use piano_model::TextLine;

use crate::token::weight::is_weight;
use crate::vocabulary::Vocabulary;

/// Rewrites each cell that is a weight with a unit to the weight alone.
pub fn strip_weight_units(lines: &mut [TextLine], profiles: &[Vocabulary]) {
    for cell in lines.iter_mut().flat_map(|line| &mut line.cells) {
        let Some((unit, number)) = unit_and_weight(&cell.text) else {
            continue;
        };
        if profiles.iter().any(|profile| profile.is_weight_unit(unit)) {
            cell.text = number.to_owned();
        }
    }
}

/// A cell of a word and a weight, either way round ("punti 40", "40 pt"):
/// the word, which may be a unit, and the weight; `None` for any other
/// cell. The profiles are asked of the word only then: most cells are none.
fn unit_and_weight(cell: &str) -> Option<(&str, &str)> {
    let cell = cell.trim();
    // A unit is a word, perhaps cut short ("pt."): "Punti:" is a label.
    let is_word = |word: &str| word.trim_end_matches('.').chars().all(char::is_alphabetic);
    // A weight opens with a figure or a bracket: most text is asked no more.
    let opens_weight = |text: &str| {
        text.trim_start()
            .starts_with(|c: char| c.is_ascii_digit() || c == '(')
    };
    let (first, rest) = cell.split_once(' ')?;
    if opens_weight(rest) && is_word(first) && is_weight(rest) {
        return Some((first, rest.trim()));
    }
    let (head, last) = cell.rsplit_once(' ')?;
    (opens_weight(head) && is_word(last) && is_weight(head)).then(|| (last, head.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells_after(text: &str) -> Vec<String> {
        let mut lines = vec![TextLine::from_texts(1, None, text.split('\t'))];
        strip_weight_units(&mut lines, Vocabulary::bundled());
        lines[0]
            .cells
            .iter()
            .map(|cell| cell.text.clone())
            .collect()
    }

    #[test]
    fn a_weight_loses_its_unit_before_or_after_it() {
        assert_eq!(
            cells_after("1\tRiordino\tpunti 40"),
            ["1", "Riordino", "40"]
        );
        assert_eq!(
            cells_after("1\tRiordino\t12,5 pt"),
            ["1", "Riordino", "12,5"]
        );
        assert_eq!(
            cells_after("1.a\tVerifica\t30 Punti"),
            ["1.a", "Verifica", "30"]
        );
    }

    #[test]
    fn a_label_before_a_weight_stays() {
        assert_eq!(cells_after("PUNTI: 30%"), ["PUNTI: 30%"]);
    }

    #[test]
    fn text_with_a_unit_word_stays() {
        assert_eq!(
            cells_after("1\tpunti di raccolta\tpunti 40 e 50"),
            ["1", "punti di raccolta", "punti 40 e 50"]
        );
    }
}
