//! The words plans of a layout family use for their parts: a profile.
//!
//! Everything the parser recognises by wording lives here, as data read from a
//! TOML profile (`profiles/*.toml`, bundled in the binary; a user's own with
//! `--profile FILE`), so that a family brings its own words without touching
//! the rules that use them. Labels are compared folded
//! ([`piano_model::reference::fold`]): case, accents and punctuation do not
//! matter, and profiles write them as plans do.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use piano_model::reference::fold;
use serde::Deserialize;

/// Longest text, in bytes, that can be a label or a title: longer cells are
/// content, and are not folded for comparison.
pub const LABEL_MAX_CHARS: usize = 80;

/// The start of `text`, at most `max` bytes, cut at a character boundary.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A column an objectives or staff table can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// Row number ("N°").
    Number,
    /// Description of the objective or phase.
    Description,
    /// Weight in percent ("Peso %").
    Weight,
    /// Measurement indicators ("Indicatori").
    Indicators,
    /// Expected values ("Valori Attesi", "Target").
    Expected,
    /// Due date ("Data Fine Attesa", "Scadenza").
    Due,
    /// An employee's name, in staff tables ("Dipendenti").
    Employee,
    /// The objective an employee works on, in staff tables.
    Objective,
}

/// The header fields above a structure's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// "Linea Strategica".
    StrategicLine,
    /// "Obiettivo Strategico".
    StrategicObjective,
    /// "Missione".
    Mission,
    /// "Obiettivo Operativo".
    OperationalObjective,
}

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
#[error("profile is not valid: {0}")]
pub struct ProfileError(#[from] toml::de::Error);

/// The words of one layout family, folded for comparison.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// The family's name ("struttura-table").
    pub name: String,
    section_words: Vec<String>,
    role_words: Vec<String>,
    interim_markers: Vec<String>,
    title_words: Vec<String>,
    phase_markers: Vec<String>,
    staff_titles: Vec<String>,
    fields: Vec<(String, Field)>,
    columns: Vec<(String, Column)>,
}

/// A profile as written in TOML.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    name: String,
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documents the profile for people; piano does not use it"
    )]
    description: Option<String>,
    section_words: Vec<String>,
    role_words: Vec<String>,
    interim_markers: Vec<String>,
    title_words: Vec<String>,
    phase_markers: Vec<String>,
    staff_titles: Vec<String>,
    fields: BTreeMap<Field, Vec<String>>,
    columns: BTreeMap<Column, Vec<String>>,
}

/// The profiles bundled in the binary.
static BUNDLED: LazyLock<Vec<Vocabulary>> = LazyLock::new(|| {
    [include_str!("../profiles/struttura-table.toml")]
        .into_iter()
        .map(|text| Vocabulary::from_toml(text).expect("a bundled profile is valid (tested)"))
        .collect()
});

impl Vocabulary {
    /// Reads a profile from its TOML text.
    pub fn from_toml(text: &str) -> Result<Vocabulary, ProfileError> {
        let file: ProfileFile = toml::from_str(text)?;
        let folded = |words: Vec<String>| words.iter().map(|word| fold(word)).collect();
        Ok(Vocabulary {
            name: file.name,
            section_words: folded(file.section_words),
            role_words: folded(file.role_words),
            interim_markers: file.interim_markers,
            title_words: folded(file.title_words),
            phase_markers: folded(file.phase_markers),
            staff_titles: folded(file.staff_titles),
            fields: labelled(file.fields),
            columns: labelled(file.columns),
        })
    }

    /// The profiles bundled in the binary, the first the default.
    pub fn bundled() -> &'static [Vocabulary] {
        &BUNDLED
    }

    /// The bundled profiles with the user's: a user profile of a bundled
    /// profile's name replaces it, others are added after the bundled ones.
    pub fn with_user_profiles(user: Vec<Vocabulary>) -> Vec<Vocabulary> {
        let mut profiles = Vocabulary::bundled().to_vec();
        for profile in user {
            match profiles
                .iter_mut()
                .find(|bundled| bundled.name == profile.name)
            {
                Some(bundled) => *bundled = profile,
                None => profiles.push(profile),
            }
        }
        profiles
    }

    /// The default profile: the "struttura-table" family.
    pub fn default_profile() -> &'static Vocabulary {
        &BUNDLED[0]
    }

    /// The field a label names; numbering after the label ("Missione 01",
    /// "Obiettivo Operativo 1.2.1") does not matter.
    pub fn field(&self, label: &str) -> Option<Field> {
        let written = label.trim().trim_end_matches(':');
        let plain =
            |c: char| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '\'' | '’');
        if label.len() > LABEL_MAX_CHARS || !written.chars().all(plain) {
            return None;
        }
        let folded = fold(label);
        let label = folded.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        self.fields
            .iter()
            .find(|(word, _)| label == *word)
            .map(|&(_, field)| field)
    }

    /// The column a header cell names. The longest matching label wins, so that
    /// "Obiettivo" (a staff table's column) and "Obiettivi Operativi" differ.
    pub fn column(&self, header: &str) -> Option<Column> {
        if header.len() > LABEL_MAX_CHARS {
            return None;
        }
        let header = fold(header);
        self.columns
            .iter()
            .filter(|(word, _)| opens_with(&header, word))
            .max_by_key(|(word, _)| word.len())
            .map(|&(_, column)| column)
    }

    /// Whether `word` (as written before a colon) opens a structure.
    pub fn is_section_word(&self, word: &str) -> bool {
        let word = fold(prefix(word, LABEL_MAX_CHARS));
        self.section_words.contains(&word)
    }

    /// Whether a label (as written before a colon) names a head's role.
    pub fn is_role(&self, label: &str) -> bool {
        if label.len() > LABEL_MAX_CHARS {
            return false;
        }
        let label = fold(label);
        self.role_words.iter().any(|word| opens_with(&label, word))
    }

    /// Whether a folded word is one that names a plan in a title.
    pub fn is_title_word(&self, folded_word: &str) -> bool {
        self.title_words.iter().any(|word| word == folded_word)
    }

    /// The markers of a head holding the post temporarily, as written.
    pub fn interim_markers(&self) -> &[String] {
        &self.interim_markers
    }

    /// Whether `line` opens a staff table.
    pub fn is_staff_title(&self, line: &str) -> bool {
        let line = fold(prefix(line, LABEL_MAX_CHARS));
        self.staff_titles
            .iter()
            .any(|title| opens_with(&line, title))
    }

    /// Whether `text` opens with a phase marker ("Fase: …").
    pub fn is_phase_text(&self, text: &str) -> bool {
        let text = fold(prefix(text, LABEL_MAX_CHARS));
        self.phase_markers
            .iter()
            .any(|marker| opens_with(&text, marker))
    }
}

/// Each label folded, with what it names.
fn labelled<K: Copy>(map: BTreeMap<K, Vec<String>>) -> Vec<(String, K)> {
    map.into_iter()
        .flat_map(|(key, labels)| labels.into_iter().map(move |label| (fold(&label), key)))
        .collect()
}

/// Whether folded `text` is `word` or opens with it as a whole word.
fn opens_with(text: &str, word: &str) -> bool {
    text.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> &'static Vocabulary {
        Vocabulary::default_profile()
    }

    #[test]
    fn the_bundled_profiles_are_valid() {
        assert_eq!(Vocabulary::bundled().len(), 1);
        assert_eq!(words().name, "struttura-table");
    }

    #[test]
    fn recognises_column_label_variants() {
        let cases = [
            ("N°", Some(Column::Number)),
            ("Nr.", Some(Column::Number)),
            (
                "Descrizione Obiettivi Gestionali",
                Some(Column::Description),
            ),
            ("Peso %", Some(Column::Weight)),
            ("Indicatori di Misurazione", Some(Column::Indicators)),
            ("Target", Some(Column::Expected)),
            ("Risultato atteso", Some(Column::Expected)),
            ("Data Fine Attesa", Some(Column::Due)),
            ("Scadenza", Some(Column::Due)),
            ("Obiettivo", Some(Column::Objective)),
            ("Cognome e Nome", Some(Column::Employee)),
            ("Note", None),
        ];
        for (header, column) in cases {
            assert_eq!(words().column(header), column, "{header}");
        }
    }

    #[test]
    fn recognises_fields_sections_roles_and_phase_text() {
        assert_eq!(
            words().field("Linea Strategica"),
            Some(Field::StrategicLine)
        );
        assert_eq!(words().field("Missioni:"), Some(Field::Mission));
        assert_eq!(words().field("Missione 01"), Some(Field::Mission));
        assert_eq!(
            words().field("Missione )"),
            None,
            "a label is words, not punctuation"
        );
        assert!(words().is_section_word("UNITÀ ORGANIZZATIVA"));
        assert!(words().is_role("Responsabile di P.O."));
        assert!(!words().is_role("Responsabilità"));
        assert!(words().is_phase_text("Fase :esecuzione"));
        assert!(words().is_phase_text("Fase:predisporre"));
        assert!(!words().is_phase_text("Fasce orarie"));
    }

    #[test]
    fn a_user_profile_brings_its_own_words() {
        let profile = r#"
            name = "ufficio-table"
            section_words = ["Ufficio"]
            role_words = ["Capo ufficio"]
            interim_markers = ["f.f."]
            title_words = ["Piano"]
            phase_markers = ["Azione"]
            staff_titles = ["Personale assegnato"]
            [fields]
            mission = ["Missione di bilancio"]
            [columns]
            number = ["Cod."]
            description = ["Attività"]
            due = ["Entro il"]
        "#;
        let words = Vocabulary::from_toml(profile).expect("a valid profile");
        assert!(words.is_section_word("UFFICIO"));
        assert_eq!(words.column("Entro il"), Some(Column::Due));
        assert!(words.is_phase_text("Azione 1: x"));
        assert!(Vocabulary::from_toml("name = 3").is_err());
    }
}
