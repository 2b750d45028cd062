//! Field labels wrapped over two lines, read as one before any line is
//! classified.
//!
//! A card set in a narrow column of running text wraps a long label
//! ("Obiettivi di" / "performance:", its value on the lines below): neither
//! line names a field by itself, so the first would be taken for the value
//! of the field above wrapped. Where a line of one cell without a colon is
//! followed right under it by a line of one cell that starts in small
//! letters (or is in capitals under capitals, or with a capital under a
//! first line that ends open: "Indicatori di" / "Misurazione:") and holds a
//! colon, the first
//! ends where no phrase does ("… di")
//! or names no field, and the two, joined, name a card field for some
//! profile, they are one line.

use piano_model::{Layout, Roles, TextLine};

use crate::vocabulary::Vocabulary;

/// A label's second line joined into the first: the line numbers (and
/// page) of both, for the second to take the role the first is given.
#[derive(Debug, Clone, Copy)]
pub struct JoinedLabel {
    page: Option<u32>,
    first: u32,
    second: u32,
}

/// Joins each field label wrapped onto the line below it into one line,
/// and says which lines were joined.
pub fn join_wrapped_labels(layout: &mut Layout, profiles: &[Vocabulary]) -> Vec<JoinedLabel> {
    let mut joined_labels = Vec::new();
    let mut kept: Vec<TextLine> = Vec::with_capacity(layout.lines.len());
    for line in std::mem::take(&mut layout.lines) {
        if let Some(above) = kept.last_mut()
            && let Some(joined) = joined_label(above, &line, profiles)
        {
            joined_labels.push(JoinedLabel {
                page: line.page,
                first: above.number,
                second: line.number,
            });
            *above = joined;
            continue;
        }
        kept.push(line);
    }
    layout.lines = kept;
    joined_labels
}

/// Gives each joined label's second line the role its first was given
/// (a card's field, or whatever else the line turned out to be).
pub fn share_roles(joined: &[JoinedLabel], roles: &mut Roles) {
    for label in joined {
        if let Some(role) = roles.get(label.first, label.page) {
            roles.set(label.second, label.page, role);
        }
    }
}

/// `line` and `below` as one line of one cell, if `below` ends the field
/// label `line` begins.
fn joined_label(line: &TextLine, below: &TextLine, profiles: &[Vocabulary]) -> Option<TextLine> {
    // The cheap tests first: most lines are rows or text, and fail them.
    if below.page != line.page || below.number != line.last + 1 {
        return None;
    }
    let (first, second) = (line.only_cell()?, below.only_cell()?);
    let (rest, value) = second.split_once(':')?;
    // The label goes on in small letters, or in capitals under capitals
    // ("OBIETTIVI DI" / "PERFORMANCE:").
    let capitals =
        |text: &str| text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    // A label in title case goes on with a capital where its first line
    // ends open ("Indicatori di" / "Misurazione:").
    let open = profiles.iter().any(|profile| profile.ends_open(first));
    let names = |label: &str| {
        profiles
            .iter()
            .any(|profile| profile.card_label(label).is_some())
    };
    let title_case =
        rest.starts_with(char::is_uppercase) && (open || last_word(first, rest, names));
    let goes_on =
        rest.starts_with(char::is_lowercase) || (capitals(first) && capitals(rest)) || title_case;
    if first.contains(':') || !goes_on {
        return None;
    }
    let label = format!("{first} {rest}");
    // The first line ends where no phrase does ("… di"), or names no
    // field by itself, or its label's last word wrapped alone.
    let begins_a_label = open || !names(first) || last_word(first, rest, names);
    if !begins_a_label || !names(&label) {
        return None;
    }
    let mut joined = line.clone();
    let cell = joined
        .cells
        .iter_mut()
        .find(|cell| !cell.text.trim().is_empty())?;
    cell.text = format!("{label}:{value}").trim_end().to_owned();
    joined.last = below.last;
    Some(joined)
}

/// Whether `rest`, the words before the colon of the line under `first`,
/// is the last word of a label in title case wrapped alone ("Descrizione
/// Obiettivi" / "Operativi: …"): one word with a capital, naming no field
/// by itself, under a line of words that all open with a capital. A
/// value's line ("Progetto pilota: …") holds more than a word before its
/// colon.
fn last_word(first: &str, rest: &str, names: impl Fn(&str) -> bool) -> bool {
    let mut words = first.split_whitespace();
    let titled =
        words.clone().count() >= 2 && words.all(|word| word.starts_with(char::is_uppercase));
    titled
        && rest.starts_with(char::is_uppercase)
        && !rest.trim().contains(char::is_whitespace)
        && !names(rest.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(number: u32, text: &str) -> TextLine {
        TextLine::from_texts(number, Some(1), [text])
    }

    fn joined(texts: &[&str]) -> Vec<String> {
        let mut layout = Layout {
            lines: (1..)
                .zip(texts)
                .map(|(number, text)| line(number, text))
                .collect(),
            ..Layout::default()
        };
        join_wrapped_labels(&mut layout, Vocabulary::bundled());
        layout
            .lines
            .iter()
            .map(TextLine::to_tab_separated)
            .collect()
    }

    #[test]
    fn a_label_wrapped_onto_the_next_line_is_one() {
        assert_eq!(
            joined(&[
                "Peso: 5,00 %",
                "Obiettivi di",
                "performance:",
                "Riordino dell'archivio"
            ]),
            [
                "Peso: 5,00 %",
                "Obiettivi di performance:",
                "Riordino dell'archivio"
            ]
        );
        // In capitals under capitals.
        assert_eq!(
            joined(&["OBIETTIVI DI", "PERFORMANCE:", "Riordino dell'archivio"]),
            ["OBIETTIVI DI PERFORMANCE:", "Riordino dell'archivio"]
        );
        // In title case, the second line's capital going on where the
        // first ends open.
        assert_eq!(
            joined(&["Indicatori di", "Misurazione:", "Pratiche evase."]),
            ["Indicatori di Misurazione:", "Pratiche evase."]
        );
        // A value wrapped after its label's colon stays where it is.
        assert_eq!(
            joined(&["Output atteso: almeno", "un report: annuale"]).len(),
            2
        );
        // So does a line that names a field by itself and ends whole.
        assert_eq!(joined(&["Scadenza", "entro: giugno"]).len(), 2);
    }

    #[test]
    fn a_labels_last_word_wrapped_alone_in_title_case_is_the_labels() {
        // "Descrizione Obiettivi" names a field by itself and ends whole,
        // but "Operativi" names none: it is the label's last word.
        assert_eq!(
            joined(&[
                "Descrizione Obiettivi",
                "Operativi: Riordino",
                "dell'archivio."
            ]),
            [
                "Descrizione Obiettivi Operativi: Riordino",
                "dell'archivio."
            ]
        );
        // A value's words before a colon are no label's ("Progetto
        // pilota: …"), nor is a word that names a field by itself.
        assert_eq!(
            joined(&["Descrizione Obiettivi", "Progetto pilota: nuovo"]).len(),
            2
        );
        assert_eq!(joined(&["Descrizione Obiettivi", "Peso: 10%"]).len(), 2);
    }

    #[test]
    fn the_second_line_of_a_joined_label_takes_the_role_of_the_first() {
        // Joined, the label opens a card here, or is prose: whatever the
        // first line becomes, so does the second.
        let text = "COMUNE DI PRATO\nProvincia di PRATO\nPIANO DELLA PERFORMANCE 2024\nObiettivo il\ngestione mantenimento:\n";
        let (_, roles) = crate::parse_dump_with_roles(text);
        let page = Layout::from_tab_separated(text).lines[3].page;
        assert!(roles.get(4, page).is_some());
        assert_eq!(roles.get(5, page), roles.get(4, page));
    }
}
