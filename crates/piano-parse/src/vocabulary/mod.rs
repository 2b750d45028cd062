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
use piano_model::{Category, DocumentKind, EnteKind};
use regex::Regex;
use serde::{Deserialize, Deserializer};

use crate::token::label::{Part, parse_label};

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
    /// Row number or code ("N°", "Cod.").
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
    /// Who answers for the row ("Responsabile"), in tables that name one per row.
    Responsible,
    /// Percent reached ("% di raggiungimento"), in results reports.
    Achievement,
    /// A note on what was reached ("Note"), in results reports.
    Note,
    /// An employee's name, in staff tables ("Dipendenti").
    Employee,
    /// The objective an employee works on, in staff tables.
    Objective,
    /// A head's weight, in weight matrices: a header cell naming no column of
    /// the profile names a head there.
    #[serde(skip)]
    HeadWeight,
}

impl Column {
    /// Whether the column holds percentages (a weight, an achievement):
    /// figures, one per row.
    pub fn holds_percentages(self) -> bool {
        matches!(self, Column::Weight | Column::Achievement)
    }
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

/// What opens a structure in a family's documents.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sections {
    /// Headings ("SETTORE: …", "PROGRAMMA 01 – …").
    #[default]
    Headings,
    /// Every table is a structure of its own, named by the caption above it.
    Tables,
}

/// Why a profile could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The TOML is not a profile. The message is the TOML error's (its
    /// source), told once: with the file and the line where it is.
    #[error("profile is not valid")]
    Toml(#[from] toml::de::Error),
    /// A row code pattern is not a regular expression (the regex error is
    /// its source).
    #[error("profile {profile:?}: row code pattern {pattern:?} is not valid")]
    Pattern {
        /// The profile's name.
        profile: String,
        /// The pattern as written.
        pattern: String,
        /// What is wrong with it.
        source: regex::Error,
    },
    /// Nothing in the profile opens a structure: it could read no plan.
    #[error(
        "profile {profile:?} opens no structure: give section_words, mission_words/programme_words, or sections = \"tables\""
    )]
    OpensNothing {
        /// The profile's name.
        profile: String,
    },
    /// A `[layout]` rule cannot be read as set.
    #[error("profile {profile:?}: [layout] {why}")]
    Layout {
        /// The profile's name.
        profile: String,
        /// What is wrong.
        why: &'static str,
    },
    /// `extends` names a profile that is not bundled.
    #[error("profile {profile:?} extends {extends:?}, which is not a bundled profile")]
    UnknownBase {
        /// The profile's name.
        profile: String,
        /// The name it extends.
        extends: String,
    },
}

/// A row identifier that is not a plain ordinal: a code of the profile's
/// numbering ("01.02.03", with the budget codes it embeds) or a label of
/// another scheme ("II.1", "a)", "A.1", "Fase 2"). The whole cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowCode {
    /// The code as written.
    pub text: String,
    /// The mission's two digits, from the pattern's `mission` group.
    pub mission: Option<String>,
    /// The programme's two digits, from the pattern's `programme` group.
    pub programme: Option<String>,
    /// Its parts, by which a row's level is told: a code that extends the
    /// objective's by one part is its phase.
    pub parts: Vec<Part>,
    /// Whether a phase marker opens it ("Fase 2").
    pub marked_phase: bool,
}

/// The words of one layout family, folded for comparison.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// The family's name ("struttura-table").
    pub name: String,
    /// Whether the family's documents are plans or results reports.
    pub document_kind: DocumentKind,
    /// What opens a structure.
    pub sections: Sections,
    /// How the family lays its tables out (`[layout]`).
    pub layout: LayoutRules,
    /// The bundled profile this one extends.
    extends: Option<String>,
    /// Whether the profile's words for lines of one cell (section words,
    /// fields, staff titles, budget headings, cards) differ from those of the
    /// profile it extends.
    adds_line_words: bool,
    /// Every word list, folded.
    words: Words,
    /// `words.row_codes`, compiled and anchored to the whole cell.
    row_codes: Vec<Regex>,
    /// `words.columns`, grouped by first word: a cell is compared with the
    /// names that open as it does.
    column_names: ColumnNames,
}

/// The profiles bundled in the binary, bases before the profiles extending them.
const BUNDLED_TOML: [&str; 5] = [
    include_str!("../../profiles/struttura-table.toml"),
    include_str!("../../profiles/code-table.toml"),
    include_str!("../../profiles/objective-cards.toml"),
    include_str!("../../profiles/weight-matrix.toml"),
    include_str!("../../profiles/results-report.toml"),
];

static BUNDLED: LazyLock<Vec<Vocabulary>> = LazyLock::new(|| {
    let mut profiles: Vec<Vocabulary> = Vec::new();
    for text in BUNDLED_TOML {
        let profile =
            Vocabulary::read(text, &profiles).expect("a bundled profile is valid (tested)");
        profiles.push(profile);
    }
    profiles
});

impl Vocabulary {
    /// Reads a profile from its TOML text; `extends` may name a bundled profile.
    pub fn from_toml(text: &str) -> Result<Vocabulary, ProfileError> {
        Vocabulary::read(text, Vocabulary::bundled())
    }

    fn read(text: &str, bases: &[Vocabulary]) -> Result<Vocabulary, ProfileError> {
        let mut file: ProfileFile = toml::from_str(text)?;
        let base = match &file.extends {
            Some(extends) => bases
                .iter()
                .find(|base| &base.name == extends)
                .ok_or_else(|| ProfileError::UnknownBase {
                    profile: file.name.clone(),
                    extends: extends.clone(),
                })?,
            None => &Vocabulary::empty(),
        };
        let added = file.take_added();
        let mut words = match (&file.extends, bases.first()) {
            (None, Some(shared)) => shared.words.shared(),
            _ => base.words.clone(),
        };
        words.change(file.replace, &file.remove, added);
        let row_codes = words
            .row_codes
            .iter()
            .map(|pattern| {
                Regex::new(&format!(r"^(?:{pattern})$")).map_err(|source| ProfileError::Pattern {
                    profile: file.name.clone(),
                    pattern: pattern.clone(),
                    source,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let layout = base.layout.changed(file.layout, &file.name)?;
        let column_names = ColumnNames::new(words.columns.iter());
        let profile = Vocabulary {
            layout,
            adds_line_words: !words.same_line_words(&base.words),
            document_kind: file.document_kind.unwrap_or(base.document_kind),
            sections: file.sections.unwrap_or(base.sections),
            extends: file.extends,
            name: file.name,
            words,
            row_codes,
            column_names,
        };
        let opens = !profile.words.section_words.is_empty()
            || profile.has_budget_headings()
            || profile.sections == Sections::Tables;
        if !opens {
            return Err(ProfileError::OpensNothing {
                profile: profile.name,
            });
        }
        Ok(profile)
    }

    fn empty() -> Vocabulary {
        Vocabulary {
            name: String::new(),
            document_kind: DocumentKind::Plan,
            sections: Sections::Headings,
            layout: LayoutRules::default(),
            extends: None,
            adds_line_words: false,
            words: Words::default(),
            row_codes: Vec::new(),
            column_names: ColumnNames::default(),
        }
    }

    /// The profiles bundled in the binary, the first the default.
    pub fn bundled() -> &'static [Vocabulary] {
        &BUNDLED
    }

    /// The bundled profile named `name`, for tests that read one family's
    /// words.
    #[cfg(test)]
    pub(crate) fn bundled_named(name: &str) -> &'static Vocabulary {
        BUNDLED
            .iter()
            .find(|profile| profile.name == name)
            .unwrap_or_else(|| panic!("no bundled profile {name}"))
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
}

mod column_names;
mod layout;
mod lists;
mod queries;

pub use layout::LayoutRules;

use column_names::ColumnNames;
use lists::{ProfileFile, Words};

#[cfg(test)]
mod tests;
