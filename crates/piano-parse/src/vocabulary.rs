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
    /// The TOML is not a profile.
    #[error("profile is not valid: {0}")]
    Toml(#[from] toml::de::Error),
    /// A row code pattern is not a regular expression.
    #[error("profile {profile:?}: row code pattern {pattern:?} is not valid: {source}")]
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
}

/// How a profile changes a list of the profile it extends.
trait List {
    /// Adds `other`'s words after these (a profile's own lists).
    fn add(&mut self, other: Self);
    /// Puts `other`'s words in place of these (`[replace]`); a labelled list
    /// replaces only the labels of what `other` names.
    fn replace(&mut self, other: Self);
    /// Takes `other`'s words out of these (`[remove]`).
    fn take_out(&mut self, other: &Self);
}

impl<T: PartialEq> List for Vec<T> {
    fn add(&mut self, other: Self) {
        self.extend(other);
    }

    fn replace(&mut self, other: Self) {
        *self = other;
    }

    fn take_out(&mut self, other: &Self) {
        self.retain(|word| !other.contains(word));
    }
}

/// Words compared folded ([`fold`]), folded as they are read.
#[derive(Debug, Clone, Default, PartialEq)]
struct Folded(Vec<String>);

impl<'de> Deserialize<'de> for Folded {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let words = Vec::<String>::deserialize(deserializer)?;
        Ok(Folded(words.iter().map(|word| fold(word)).collect()))
    }
}

impl std::ops::Deref for Folded {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl List for Folded {
    fn add(&mut self, other: Self) {
        self.0.add(other.0);
    }

    fn replace(&mut self, other: Self) {
        self.0.replace(other.0);
    }

    fn take_out(&mut self, other: &Self) {
        self.0.take_out(&other.0);
    }
}

/// Labels, folded, of what they name (a column, a field), written in TOML as
/// a table of lists (`[columns]` `weight = ["Peso", …]`). Kept in the order
/// read, a base's labels before those a profile extending it adds: where two
/// labels match alike, the order decides.
#[derive(Debug, Clone, PartialEq)]
struct Labels<K>(Vec<(K, Vec<String>)>);

impl<K> Default for Labels<K> {
    fn default() -> Self {
        Labels(Vec::new())
    }
}

impl<'de, K: Ord + Deserialize<'de>> Deserialize<'de> for Labels<K> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<K, Vec<String>>::deserialize(deserializer)?;
        Ok(Labels(
            map.into_iter()
                .map(|(key, labels)| (key, labels.iter().map(|label| fold(label)).collect()))
                .collect(),
        ))
    }
}

impl<K: Copy> Labels<K> {
    /// Every label with what it names, in order.
    fn iter(&self) -> impl Iterator<Item = (&str, K)> + '_ {
        self.0
            .iter()
            .flat_map(|(key, labels)| labels.iter().map(move |label| (label.as_str(), *key)))
    }
}

impl<K: PartialEq> List for Labels<K> {
    fn add(&mut self, other: Self) {
        self.0.extend(other.0);
    }

    fn replace(&mut self, other: Self) {
        self.0
            .retain(|(key, _)| !other.0.iter().any(|(named, _)| named == key));
        self.0.extend(other.0);
    }

    fn take_out(&mut self, other: &Self) {
        for (key, labels) in &mut self.0 {
            for (named, removed) in &other.0 {
                if named == key {
                    labels.retain(|label| !removed.contains(label));
                }
            }
        }
    }
}

/// Declares every word list of a profile once: the lists a profile adds
/// ([`Words`], also the shape of `[remove]`), those `[replace]` gives
/// ([`Replaced`]), the TOML file ([`ProfileFile`]) and how a profile that
/// extends another changes its lists. A new list is one line here.
macro_rules! word_lists {
    ($( $(#[doc = $doc:literal])* $name:ident: $list:ty, )*) => {
        /// Every word list of a profile.
        #[derive(Debug, Clone, Default, PartialEq, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        struct Words {
            $( $(#[doc = $doc])* $name: $list, )*
        }

        /// The lists a profile's `[replace]` gives: a list left out keeps the base's.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        struct Replaced {
            $( $(#[doc = $doc])* $name: Option<$list>, )*
        }

        /// A profile as written in TOML. Every list may be left out; a profile
        /// that `extends` a bundled one changes that one's lists: `[replace]`
        /// lists replace them, `[remove]` words are taken out, then its own
        /// lists are added.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        struct ProfileFile {
            name: String,
            /// Documents the profile for people; piano does not use it.
            description: Option<String>,
            extends: Option<String>,
            document_kind: Option<DocumentKind>,
            sections: Option<Sections>,
            replace: Replaced,
            remove: Words,
            $( $(#[doc = $doc])* $name: $list, )*
        }

        impl ProfileFile {
            /// The lists the profile adds, taken out of the file.
            fn take_added(&mut self) -> Words {
                Words {
                    $( $name: std::mem::take(&mut self.$name), )*
                }
            }
        }

        impl Words {
            /// These lists (a base's) as a profile extending them changes them.
            fn change(&mut self, replace: Replaced, remove: &Words, add: Words) {
                $(
                    if let Some(list) = replace.$name {
                        self.$name.replace(list);
                    }
                    self.$name.take_out(&remove.$name);
                    self.$name.add(add.$name);
                )*
            }
        }
    };
}

word_lists! {
    /// Title words that identify the family (a tie-break between readings).
    keywords: Folded,
    /// Words that open a structure before a colon ("STRUTTURA: …").
    section_words: Folded,
    /// Words of a budget mission heading ("MISSIONE 01 – …").
    mission_words: Folded,
    /// Words of a budget programme heading ("PROGRAMMA 02 – …").
    programme_words: Folded,
    /// Words a head's role opens with.
    role_words: Folded,
    /// Markers of a head holding the post temporarily, as written.
    interim_markers: Vec<String>,
    /// Words that make a line the plan's title.
    title_words: Folded,
    /// Words that open a phase's description ("Fase").
    phase_markers: Folded,
    /// Lines that open a staff table.
    staff_titles: Folded,
    /// Words that open an objective card ("Obiettivo n").
    card_openers: Folded,
    /// Labels of totals rows.
    total_labels: Folded,
    /// Row code patterns, as written.
    row_codes: Vec<String>,
    /// Columns a family's table must have.
    required_columns: Vec<Column>,
    /// Labels of a structure's header fields.
    fields: Labels<Field>,
    /// Labels of table columns.
    columns: Labels<Column>,
    /// Labels of an objective card's fields beyond the column names.
    card_fields: Labels<Column>,
    /// Words a description column's header opens with that are no part of
    /// the objectives' label ("Descrizione Obiettivi Gestionali").
    objectives_label_drop: Folded,
    /// Words naming an ente's kind before its name ("COMUNE DI …").
    ente_kinds: Labels<EnteKind>,
    /// Openings of a description that declare its category ("Obiettivo di sviluppo").
    categories: Labels<Category>,
    /// Words of a PIAO's section headings ("SEZIONE 2 …").
    piao_sections: Folded,
    /// Words of a PIAO's sub-section headings ("Sottosezione 2.2 …").
    piao_subsections: Folded,
    /// Words naming a PIAO's performance sub-section.
    piao_performance: Folded,
}

impl Words {
    /// The lists every family shares, the language's rather than a layout's
    /// (ente kinds, categories, a PIAO's sections, the word "Descrizione"
    /// before an objectives' label): a profile that extends
    /// none starts from the base profile's.
    fn shared(&self) -> Words {
        Words {
            ente_kinds: self.ente_kinds.clone(),
            categories: self.categories.clone(),
            piao_sections: self.piao_sections.clone(),
            piao_subsections: self.piao_subsections.clone(),
            piao_performance: self.piao_performance.clone(),
            objectives_label_drop: self.objectives_label_drop.clone(),
            ..Words::default()
        }
    }

    /// Whether the words for lines of one cell are those of `base`.
    fn same_line_words(&self, base: &Words) -> bool {
        self.section_words == base.section_words
            && self.fields == base.fields
            && self.staff_titles == base.staff_titles
            && self.mission_words == base.mission_words
            && self.programme_words == base.programme_words
            && self.card_openers == base.card_openers
            && self.card_fields == base.card_fields
    }
}

/// The profiles bundled in the binary, bases before the profiles extending them.
const BUNDLED_TOML: [&str; 5] = [
    include_str!("../profiles/struttura-table.toml"),
    include_str!("../profiles/code-table.toml"),
    include_str!("../profiles/objective-cards.toml"),
    include_str!("../profiles/weight-matrix.toml"),
    include_str!("../profiles/results-report.toml"),
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
        let profile = Vocabulary {
            adds_line_words: !words.same_line_words(&base.words),
            document_kind: file.document_kind.unwrap_or(base.document_kind),
            sections: file.sections.unwrap_or(base.sections),
            extends: file.extends,
            name: file.name,
            words,
            row_codes,
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
            extends: None,
            adds_line_words: false,
            words: Words::default(),
            row_codes: Vec::new(),
        }
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
        self.words
            .fields
            .iter()
            .find(|(word, _)| label == *word)
            .map(|(_, field)| field)
    }

    /// What follows one of `field`'s labels at the start of `text`
    /// ("Missione 12 - …" gives " 12 - …"); the longest label first.
    pub fn after_field_label<'t>(&self, text: &'t str, field: Field) -> Option<&'t str> {
        self.words
            .fields
            .iter()
            .filter(|(_, named)| *named == field)
            .filter_map(|(label, _)| Some((label.len(), opens_with_words(text, label)?)))
            .max_by_key(|(length, _)| *length)
            .map(|(_, rest)| rest)
    }

    /// What follows the words a description column's header opens with
    /// that are no part of the objectives' label ("Descrizione Obiettivi
    /// Gestionali" gives " Obiettivi Gestionali").
    pub fn after_label_drop<'t>(&self, header: &'t str) -> Option<&'t str> {
        self.words
            .objectives_label_drop
            .iter()
            .find_map(|words| opens_with_words(header, words))
    }

    /// The column a header cell names. The longest matching label wins, so that
    /// "Obiettivo" (a staff table's column) and "Obiettivi Operativi" differ.
    pub fn column(&self, header: &str) -> Option<Column> {
        let header = folded_label(header)?;
        self.words
            .columns
            .iter()
            .filter(|(word, _)| opens_with(&header, word))
            .max_by_key(|(word, _)| word.len())
            .map(|(_, column)| column)
    }

    /// Whether a cell is, whole, one of the words that name a column ("N.",
    /// "Peso"), as a header's cell is.
    pub fn is_column_name(&self, cell: &str) -> bool {
        folded_label(cell)
            .is_some_and(|folded| self.words.columns.iter().any(|(word, _)| word == folded))
    }

    /// The field of an objective card a label names: one of the card's own
    /// labels exactly ("Obiettivo"), else the column it names ("Peso",
    /// "Indicatori di risultato"), so that a column's words are written once.
    pub fn card_label(&self, label: &str) -> Option<Column> {
        let folded = folded_label(label)?;
        self.words
            .card_fields
            .iter()
            .find(|(word, _)| *word == folded)
            .map(|(_, column)| column)
            .or_else(|| self.column(label))
    }

    /// Whether `word` (as written before a colon) opens a structure.
    pub fn is_section_word(&self, word: &str) -> bool {
        let word = fold(prefix(word, LABEL_MAX_CHARS));
        self.words.section_words.contains(&word)
    }

    /// The name of the bundled profile this one extends.
    pub fn extends(&self) -> Option<&str> {
        self.extends.as_deref()
    }

    /// Whether the profile reads lines of one cell with words of its own,
    /// beyond those of the profile it extends.
    pub fn reads_own_lines(&self) -> bool {
        self.adds_line_words || self.has_budget_headings() || self.has_cards()
    }

    /// Whether the family groups its tables under budget headings.
    pub fn has_budget_headings(&self) -> bool {
        !self.words.mission_words.is_empty() || !self.words.programme_words.is_empty()
    }

    /// Whether a folded word names a budget mission heading ("MISSIONE 01 – …").
    pub fn is_mission_word(&self, folded_word: &str) -> bool {
        self.words
            .mission_words
            .iter()
            .any(|word| word == folded_word)
    }

    /// Whether a folded word names a budget programme heading ("PROGRAMMA 02 – …").
    pub fn is_programme_word(&self, folded_word: &str) -> bool {
        self.words
            .programme_words
            .iter()
            .any(|word| word == folded_word)
    }

    /// Whether a label (as written before a colon) names a head's role.
    pub fn is_role(&self, label: &str) -> bool {
        folded_label(label).is_some_and(|label| {
            self.words
                .role_words
                .iter()
                .any(|word| opens_with(&label, word))
        })
    }

    /// Whether a folded word is one that names a plan in a title.
    pub fn is_title_word(&self, folded_word: &str) -> bool {
        self.words
            .title_words
            .iter()
            .any(|word| word == folded_word)
    }

    /// The markers of a head holding the post temporarily, as written.
    pub fn interim_markers(&self) -> &[String] {
        &self.words.interim_markers
    }

    /// Whether `line` opens a staff table.
    pub fn is_staff_title(&self, line: &str) -> bool {
        let line = fold(prefix(line, LABEL_MAX_CHARS));
        self.words
            .staff_titles
            .iter()
            .any(|title| opens_with(&line, title))
    }

    /// Whether `text` opens with a phase marker ("Fase: …").
    pub fn is_phase_text(&self, text: &str) -> bool {
        let text = fold(prefix(text, LABEL_MAX_CHARS));
        self.words
            .phase_markers
            .iter()
            .any(|marker| opens_with(&text, marker))
    }

    /// Whether a cell labels a totals row ("Totale", "Peso ponderale calcolato").
    pub fn is_total_label(&self, cell: &str) -> bool {
        let cell = fold(prefix(cell, LABEL_MAX_CHARS));
        !cell.is_empty()
            && self
                .words
                .total_labels
                .iter()
                .any(|label| opens_with(&cell, label))
    }

    /// Whether a table header naming `columns` has every column the family
    /// requires (a results report's "% di raggiungimento").
    pub fn has_required_columns(&self, columns: &[Option<Column>]) -> bool {
        self.words
            .required_columns
            .iter()
            .all(|required| columns.contains(&Some(*required)))
    }

    /// Whether the family requires columns of its tables.
    pub fn requires_columns(&self) -> bool {
        !self.words.required_columns.is_empty()
    }

    /// Whether the family has objective cards.
    pub fn has_cards(&self) -> bool {
        !self.words.card_openers.is_empty()
    }

    /// The text after a card opener ("Obiettivo n. 3 – Titolo" gives
    /// "3 – Titolo"), when `text` opens a card.
    pub fn card_opening<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.words.card_openers.iter().find_map(|opener| {
            let rest = strip_leading_words(text, opener)?;
            Some(rest.trim_start_matches(['.', '°', 'º', ':', ' ']))
        })
    }

    /// The code a cell holds: one of the profile's numbering, else a label of
    /// a scheme other than plain ordinals (see [`parse_label`]) that names no
    /// column.
    pub fn row_code(&self, cell: &str) -> Option<RowCode> {
        let cell = cell.trim();
        if cell.is_empty() || cell.len() > LABEL_MAX_CHARS {
            return None;
        }
        let coded = self.row_codes.iter().find_map(|pattern| {
            let captures = pattern.captures(cell)?;
            let group = |name: &str| captures.name(name).map(|m| m.as_str().to_owned());
            Some(RowCode {
                text: cell.to_owned(),
                mission: group("mission"),
                programme: group("programme"),
                parts: cell
                    .split(['.', '-', '/'])
                    .filter_map(Part::digits)
                    .collect(),
                marked_phase: false,
            })
        });
        coded.or_else(|| {
            // "N." names the number column: a header's cell is no label.
            let label = parse_label(cell, &self.words.phase_markers)
                .filter(|_| !self.is_column_name(cell))?;
            Some(RowCode {
                text: cell.to_owned(),
                mission: None,
                programme: None,
                parts: label.parts,
                marked_phase: label.marked_phase,
            })
        })
    }

    /// The kinds of ente `text` opens with ("COMUNE DI X", "Città
    /// metropolitana di Y"), each with the text after its words, the longest
    /// words first ("Città metropolitana" before "Città").
    pub fn ente_kinds<'t>(&self, text: &'t str) -> Vec<(EnteKind, &'t str)> {
        let mut kinds: Vec<(usize, EnteKind, &'t str)> = self
            .words
            .ente_kinds
            .iter()
            .filter_map(|(words, kind)| {
                opens_with_words(text, words).map(|rest| (words.len(), kind, rest))
            })
            .collect();
        kinds.sort_by_key(|(length, _, _)| std::cmp::Reverse(*length));
        kinds
            .into_iter()
            .map(|(_, kind, rest)| (kind, rest))
            .collect()
    }

    /// The category a description's opening declares ("Obiettivo di
    /// mantenimento: …").
    pub fn category(&self, description: &str) -> Option<Category> {
        self.words
            .categories
            .iter()
            .find(|(words, _)| opens_with_words(description, words).is_some())
            .map(|(_, category)| category)
    }

    /// The depth of the PIAO section word folded `text` opens with (2 for a
    /// sub-section, 1 for a section), and what follows it.
    pub fn piao_section<'t>(&self, folded: &'t str) -> Option<(u8, &'t str)> {
        let subsections = self.words.piao_subsections.iter().map(|word| (word, 2));
        let sections = self.words.piao_sections.iter().map(|word| (word, 1));
        subsections.chain(sections).find_map(|(word, depth)| {
            let rest = folded.strip_prefix(word.as_str())?;
            let rest = rest.strip_prefix(' ').or(rest.is_empty().then_some(rest))?;
            Some((depth, rest))
        })
    }

    /// Whether a folded character opens one of the PIAO's section words: most
    /// lines are told apart from headings before they are folded.
    pub fn may_open_piao_section(&self, folded: char) -> bool {
        let opens = |word: &String| word.starts_with(folded);
        self.words.piao_subsections.iter().any(opens) || self.words.piao_sections.iter().any(opens)
    }

    /// Whether a PIAO section's folded title names the performance.
    pub fn names_performance(&self, folded_title: &str) -> bool {
        self.words
            .piao_performance
            .iter()
            .any(|word| contains_words(folded_title, word))
    }

    /// How many of `lines`' words are the family's keywords: lines that
    /// contain one ("Relazione sulla performance", "raggiungimento").
    pub fn keyword_hits(&self, folded_line: &str) -> usize {
        self.words
            .keywords
            .iter()
            .filter(|keyword| contains_words(folded_line, keyword))
            .count()
    }
}

/// `text` folded for comparison with labels; `None` when it is too long to be
/// one (longer cells are content and are not folded).
fn folded_label(text: &str) -> Option<String> {
    (text.len() <= LABEL_MAX_CHARS).then(|| fold(text))
}

/// What follows the words of `folded` (folded words, space-separated) at the
/// start of `text` as written: case, accents and punctuation between the
/// words do not matter ("OBIETTIVO N.3" opens with "obiettivo n").
fn strip_leading_words<'t>(text: &'t str, folded: &str) -> Option<&'t str> {
    let mut rest = text;
    for word in folded.split(' ') {
        let start = rest.find(|c: char| c.is_alphanumeric())?;
        if !rest[..start]
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
        {
            return None;
        }
        let run = &rest[start..];
        let end = run
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(run.len());
        let written = &run[..end];
        let same = if written.is_ascii() {
            written.eq_ignore_ascii_case(word)
        } else {
            fold(written) == word
        };
        if !same {
            return None;
        }
        rest = &run[end..];
    }
    Some(rest)
}

/// What follows the words of `folded` at the very start of `text` (see
/// [`strip_leading_words`]; nothing may come before them).
fn opens_with_words<'t>(text: &'t str, folded: &str) -> Option<&'t str> {
    text.starts_with(char::is_alphanumeric)
        .then(|| strip_leading_words(text, folded))
        .flatten()
}

/// Whether folded `text` holds `words` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = at == 0 || text.as_bytes()[at - 1] == b' ';
        let after =
            text[at + words.len()..].is_empty() || text[at + words.len()..].starts_with(' ');
        before && after
    })
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
        let names: Vec<&str> = Vocabulary::bundled()
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(
            names,
            [
                "struttura-table",
                "code-table",
                "objective-cards",
                "weight-matrix",
                "results-report"
            ]
        );
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
        assert_eq!(
            words().after_field_label("MISSIONE n. 12 - Diritti", Field::Mission),
            Some(" n. 12 - Diritti")
        );
        assert_eq!(
            words().after_field_label("12 - Diritti", Field::Mission),
            None
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

    #[test]
    fn a_profile_extends_a_bundled_one_and_reads_codes() {
        let words = Vocabulary::from_toml(
            r#"
            name = "coded"
            extends = "struttura-table"
            row_codes = ['OB\.(?P<mission>\d{2})']
            "#,
        )
        .expect("a valid profile");
        assert!(words.is_section_word("Settore"), "the base's words stay");
        let code = words.row_code("OB.05").expect("a code");
        assert_eq!(code.mission.as_deref(), Some("05"));
        assert_eq!(words.row_code("OB.05 e altro"), None, "the whole cell");
        let unknown = Vocabulary::from_toml("name = \"x\"\nextends = \"nessuno\"");
        assert!(matches!(unknown, Err(ProfileError::UnknownBase { .. })));
        let broken = Vocabulary::from_toml("name = \"x\"\nrow_codes = ['(']");
        assert!(matches!(broken, Err(ProfileError::Pattern { .. })));
        let empty = Vocabulary::from_toml("name = \"x\"");
        assert!(matches!(empty, Err(ProfileError::OpensNothing { .. })));
    }

    #[test]
    fn a_profile_replaces_and_narrows_its_bases_lists() {
        let words = Vocabulary::from_toml(
            r#"
            name = "narrowed"
            extends = "struttura-table"
            section_words = ["Ufficio"]
            [replace]
            total_labels = ["Totale generale"]
            [replace.columns]
            weight = ["Punti"]
            [remove]
            section_words = ["area"]
            role_words = ["Capo"]
            [remove.columns]
            due = ["Tempi"]
            "#,
        )
        .expect("a valid profile");
        assert!(words.is_section_word("Ufficio"), "added");
        assert!(words.is_section_word("Settore"), "kept");
        assert!(!words.is_section_word("Area"), "removed, compared folded");
        assert!(!words.is_role("Capo ufficio"));
        assert!(words.is_role("Dirigente"));
        assert!(words.is_total_label("Totale generale"));
        assert!(!words.is_total_label("Somma"), "replaced");
        assert_eq!(words.column("Punti"), Some(Column::Weight));
        assert_eq!(words.column("Peso %"), None, "the weight's labels replaced");
        assert_eq!(words.column("Tempi"), None, "removed");
        assert_eq!(words.column("Scadenza"), Some(Column::Due), "kept");
        assert!(words.reads_own_lines(), "its section words differ");
        let emptied = Vocabulary::from_toml(
            "name = \"x\"\nextends = \"struttura-table\"\n[replace]\nstaff_titles = []",
        )
        .expect("a valid profile");
        assert!(
            !emptied.is_staff_title("Personale assegnato"),
            "an empty list empties"
        );
        let unknown = Vocabulary::from_toml("name = \"x\"\n[remove]\nwords = [\"a\"]");
        assert!(
            matches!(unknown, Err(ProfileError::Toml(_))),
            "unknown lists are errors"
        );
    }

    #[test]
    fn a_profile_extending_none_shares_the_base_profiles_language() {
        let words = Vocabulary::from_toml("name = \"x\"\nsection_words = [\"Ufficio\"]")
            .expect("a valid profile");
        assert_eq!(words.ente_kinds("Comune di X")[0].0, EnteKind::Comune);
        assert_eq!(
            words.category("Obiettivo di sviluppo"),
            Some(Category::Sviluppo)
        );
        assert!(
            !words.is_section_word("Settore"),
            "a layout's words are not shared"
        );
    }

    /// The worked example of docs/profiles.md, "Changing a bundled profile's lists".
    #[test]
    fn the_docs_worked_example_replaces_and_narrows() {
        let words = Vocabulary::from_toml(
            r#"
            name = "struttura-uffici"
            extends = "struttura-table"
            section_words = ["Ufficio"]
            [replace]
            total_labels = ["Totale generale"]
            [replace.columns]
            weight = ["Punti"]
            [remove]
            section_words = ["Area"]
            "#,
        )
        .expect("a valid profile");
        assert!(words.is_section_word("UFFICIO"));
        assert!(!words.is_section_word("Area"));
        assert_eq!(words.column("Punti"), Some(Column::Weight));
        assert_eq!(words.column("Peso procedimento"), None);
        assert!(words.is_total_label("Totale generale"));
        assert!(
            !words.is_total_label("Totale"),
            "\"Totale\" alone no longer"
        );
    }

    #[test]
    fn a_profile_adding_no_line_words_reads_no_lines_of_its_own() {
        let words = Vocabulary::from_toml(
            "name = \"x\"\nextends = \"struttura-table\"\nkeywords = [\"Piano\"]",
        )
        .expect("a valid profile");
        assert!(!words.reads_own_lines());
    }

    #[test]
    fn reads_ente_kinds_categories_and_piao_sections_from_the_profile() {
        let kinds = words().ente_kinds("CITTÀ METROPOLITANA DI FIRENZE");
        assert_eq!(
            kinds,
            [
                (EnteKind::CittaMetropolitana, " DI FIRENZE"),
                (EnteKind::Comune, " METROPOLITANA DI FIRENZE"),
            ],
            "the longest words first"
        );
        assert_eq!(
            words().ente_kinds("Unione dei Comuni X")[0].0,
            EnteKind::Unione
        );
        assert!(
            words().ente_kinds("- Comune di X").is_empty(),
            "at the very start"
        );
        assert!(words().ente_kinds("Comunello").is_empty(), "whole words");
        assert_eq!(
            words().category("OBIETTIVO DI MANTENIMENTO: x"),
            Some(Category::Mantenimento)
        );
        assert_eq!(
            words().category("Obiettivo di sviluppo"),
            Some(Category::Sviluppo)
        );
        assert_eq!(words().category("Sviluppo"), None);
        assert_eq!(
            words().piao_section("sotto sezione 2 2 performance"),
            Some((2, "2 2 performance"))
        );
        assert_eq!(words().piao_section("sezione"), Some((1, "")));
        assert_eq!(words().piao_section("sezioni 2"), None);
        assert!(words().may_open_piao_section('p'));
        assert!(!words().may_open_piao_section('x'));
        assert!(words().names_performance("valore pubblico performance e anticorruzione"));
        assert!(!words().names_performance("performanceplus"));
    }

    #[test]
    fn reads_card_openers_whatever_their_punctuation() {
        let cards = Vocabulary::bundled()
            .iter()
            .find(|profile| profile.name == "objective-cards")
            .expect("a bundled objective-cards profile");
        assert_eq!(
            cards.card_opening("OBIETTIVO N.3 – Titolo"),
            Some("3 – Titolo")
        );
        assert_eq!(cards.card_opening("Obiettivo n° 12"), Some("12"));
        assert_eq!(cards.card_opening("Obiettivi strategici"), None);
    }
}
