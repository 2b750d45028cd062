//! Objectives read into the preamble: the family's own objective cards
//! opened in the text before the first structure. A structure heading
//! misread (an OCR'd "ARFA: …" for "AREA: …") leaves every card under it in
//! the preamble, which the other reasons never see: the plan then holds
//! only the later structures, read right. Each such card is an objective
//! lost. Only the family's card openers followed by a row number count
//! ("Obiettivo n. 3 …"), so that a PIAO's other sections, whose tables of
//! values stay in the preamble by design, count nothing.

use piano_model::Plan;

use crate::token::number::parse_row_number;
use crate::vocabulary::Vocabulary;

/// How many lines of `plan`'s preamble (headings and text) open an
/// objective card of the family `words` read it as, with its number.
pub fn cards_in_preamble(plan: &Plan, words: &Vocabulary) -> u32 {
    if !words.has_cards() {
        return 0;
    }
    let lines = plan.preamble.iter().flat_map(|section| {
        section
            .heading
            .as_deref()
            .into_iter()
            .chain(section.text.lines())
    });
    super::count(lines.filter(|line| opens_card(line, words)).count())
}

/// Whether `line` opens a card in `words` with a number ("OBIETTIVO N. 1
/// Bilancio partecipato"), not a mention of objectives in prose.
fn opens_card(line: &str, words: &Vocabulary) -> bool {
    words
        .card_opening(line.trim())
        .and_then(|rest| rest.split_whitespace().next())
        .is_some_and(|first| parse_row_number(first).is_some())
}

#[cfg(test)]
mod tests {
    use piano_model::ReasonCode;

    use crate::quality::tests::{finding_of, read};

    /// Two cards under a structure heading, as the objective-cards family
    /// prints them.
    const CARDS: &str = "Obiettivo n. 1\tBilancio partecipato\nPeso\t30%\n\
        Scadenza\t30/11/2023\n\
        Obiettivo n. 2\tInventario dei beni\nPeso\t70%\nScadenza\t31/12/2023\n";

    #[test]
    fn cards_under_a_heading_are_no_rows_lost() {
        let plan = read(&format!(
            "SCHEDE DEGLI OBIETTIVI\nAREA: SERVIZI FINANZIARI\n{CARDS}"
        ));
        assert_eq!(plan.plan.family.as_deref(), Some("objective-cards"));
        assert_eq!(finding_of(&plan, ReasonCode::RowsUnplaced), 0);
    }

    #[test]
    fn cards_read_into_the_preamble_are_rows_lost() {
        let plan = read(&format!(
            "SCHEDE DEGLI OBIETTIVI\nARFA: SERVIZI FINANZIARI\n{CARDS}\
             AREA: SERVIZI TECNICI\n\
             Obiettivo n. 3\tManutenzione strade\nPeso\t100%\nScadenza\t31/12/2023\n"
        ));
        assert_eq!(plan.plan.family.as_deref(), Some("objective-cards"));
        assert_eq!(plan.plan.structures.len(), 1, "{:#?}", plan.plan.preamble);
        assert_eq!(finding_of(&plan, ReasonCode::RowsUnplaced), 2);
    }

    #[test]
    fn objectives_named_in_prose_are_no_cards() {
        let plan = read(&format!(
            "SCHEDE DEGLI OBIETTIVI\nObiettivo del piano è la trasparenza\n\
             AREA: SERVIZI FINANZIARI\n{CARDS}"
        ));
        assert_eq!(finding_of(&plan, ReasonCode::RowsUnplaced), 0);
    }
}
