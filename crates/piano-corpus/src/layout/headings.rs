//! The structure heading's case and punctuation, and how its labelled
//! fields ("Linea Strategica", "Missione" …, a card's "Peso") are written. The unit's name,
//! its head's role and name stay as drafted.

use super::axis;
use crate::draft::DraftStructure;

axis! {
    /// How the structure heading is written.
    HeadingStyle {
        /// "SETTORE: NAME – ROLE: Head".
        AsDrafted => "as-drafted",
        /// The section word in title case: "Settore: NAME – ROLE: Head".
        TitleWord => "title-word",
        /// No colon after the section word: "SETTORE NAME – ROLE: Head".
        NoColon => "no-colon",
        /// A dash after the section word: "SETTORE - NAME – ROLE: Head".
        DashAfterWord => "dash-after-word",
        /// The head on a line of its own: "SETTORE: NAME", then "ROLE: Head".
        HeadOwnLine => "head-own-line",
    }
}

impl HeadingStyle {
    /// Whether the style changes the section word as written (`kind`).
    pub fn rewrites_kind(self) -> bool {
        self == HeadingStyle::TitleWord
    }

    /// Rewrites the heading of `structure` (and its `kind`).
    pub fn apply(self, structure: &mut DraftStructure) {
        if self == HeadingStyle::AsDrafted {
            return;
        }
        let opening = format!("{}: {} ", structure.kind, structure.name);
        let Some(rest) = structure.header.strip_prefix(&opening).map(str::to_owned) else {
            return;
        };
        let head = rest.trim_start_matches(['-', '–']).trim_start().to_owned();
        let (word, name) = (structure.kind.clone(), structure.name.clone());
        structure.header = match self {
            HeadingStyle::AsDrafted => return,
            HeadingStyle::TitleWord => {
                structure.kind = title_case(&word);
                format!("{}: {name} {rest}", structure.kind)
            }
            HeadingStyle::NoColon => format!("{word} {name} {rest}"),
            HeadingStyle::DashAfterWord => format!("{word} - {name} {rest}"),
            HeadingStyle::HeadOwnLine => {
                structure.head_line = Some(head);
                format!("{word}: {name}")
            }
        };
    }
}

/// "SETTORE" as "Settore".
fn title_case(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

axis! {
    /// How the labels of a structure's fields are written.
    FieldLabels {
        /// "Linea Strategica", its value in the next cell.
        AsDrafted => "as-drafted",
        /// "Linea Strategica:".
        Colon => "colon",
        /// "LINEA STRATEGICA".
        Upper => "upper",
        /// "LINEA STRATEGICA:".
        UpperColon => "upper-colon",
    }
}

impl FieldLabels {
    /// Rewrites the field labels of `structure`.
    pub fn apply(self, structure: &mut DraftStructure) {
        for (label, _) in &mut structure.keys {
            *label = self.label(label);
        }
    }

    /// `label` as this form writes it.
    pub fn label(self, label: &str) -> String {
        match self {
            FieldLabels::AsDrafted => label.to_owned(),
            FieldLabels::Colon => format!("{label}:"),
            FieldLabels::Upper => label.to_uppercase(),
            FieldLabels::UpperColon => format!("{}:", label.to_uppercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_case_keeps_the_rest_of_the_word_small() {
        assert_eq!(title_case("STRUTTURA"), "Struttura");
    }
}
