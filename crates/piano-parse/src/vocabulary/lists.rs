//! The word lists of a profile, each declared once, and how a profile
//! that extends another changes them.

use super::*;

/// How a profile changes a list of the profile it extends.
pub(super) trait List {
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
pub(super) struct Folded(Vec<String>);

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

/// A label folded ([`fold`]), or, when it is of symbols only ("#"), which
/// folding would leave empty, as written, trimmed.
pub(super) fn fold_label(label: &str) -> String {
    let folded = fold(label);
    if folded.is_empty() {
        label.trim().to_owned()
    } else {
        folded
    }
}

/// Labels, folded, of what they name (a column, a field), written in TOML as
/// a table of lists (`[columns]` `weight = ["Peso", …]`). Kept in the order
/// read, a base's labels before those a profile extending it adds: where two
/// labels match alike, the order decides.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Labels<K>(Vec<(K, Vec<String>)>);

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
                .map(|(key, labels)| (key, labels.iter().map(|label| fold_label(label)).collect()))
                .collect(),
        ))
    }
}

impl<K: Copy> Labels<K> {
    /// Every label with what it names, in order.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, K)> + '_ {
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
        pub(super) struct Words {
            $( $(#[doc = $doc])* pub(super) $name: $list, )*
        }

        /// The lists a profile's `[replace]` gives: a list left out keeps the base's.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        pub(super) struct Replaced {
            $( $(#[doc = $doc])* pub(super) $name: Option<$list>, )*
        }

        /// A profile as written in TOML. Every list may be left out; a profile
        /// that `extends` a bundled one changes that one's lists: `[replace]`
        /// lists replace them, `[remove]` words are taken out, then its own
        /// lists are added.
        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields, default)]
        pub(super) struct ProfileFile {
            pub(super) name: String,
            /// Documents the profile for people; piano does not use it.
            pub(super) description: Option<String>,
            pub(super) extends: Option<String>,
            pub(super) document_kind: Option<DocumentKind>,
            pub(super) sections: Option<Sections>,
            pub(super) layout: super::layout::LayoutFile,
            pub(super) replace: Replaced,
            pub(super) remove: Words,
            $( $(#[doc = $doc])* pub(super) $name: $list, )*
        }

        impl ProfileFile {
            /// The lists the profile adds, taken out of the file.
            pub(super) fn take_added(&mut self) -> Words {
                Words {
                    $( $name: std::mem::take(&mut self.$name), )*
                }
            }
        }

        impl Words {
            /// These lists (a base's) as a profile extending them changes them.
            pub(super) fn change(&mut self, replace: Replaced, remove: &Words, add: Words) {
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
    /// Words a phrase does not end with (prepositions, articles,
    /// conjunctions): a cell whose line ends with one goes on below.
    open_endings: Folded,
    /// Titles a person's name opens with ("Dott.ssa", "Ing."): a cell so
    /// opening names a person.
    person_titles: Folded,
    /// Units a weight is written with, before or after its number ("punti
    /// 40", "40 pt"): points out of a hundred are a percent.
    weight_units: Folded,
}

impl Words {
    /// The lists every family shares, the language's rather than a layout's
    /// (ente kinds, categories, a PIAO's sections, the word "Descrizione"
    /// before an objectives' label, the words a phrase does not end with, a
    /// person's titles): a profile that extends
    /// none starts from the base profile's.
    pub(super) fn shared(&self) -> Words {
        Words {
            ente_kinds: self.ente_kinds.clone(),
            categories: self.categories.clone(),
            piao_sections: self.piao_sections.clone(),
            piao_subsections: self.piao_subsections.clone(),
            piao_performance: self.piao_performance.clone(),
            objectives_label_drop: self.objectives_label_drop.clone(),
            open_endings: self.open_endings.clone(),
            person_titles: self.person_titles.clone(),
            weight_units: self.weight_units.clone(),
            ..Words::default()
        }
    }

    /// Whether the words for lines of one cell are those of `base`.
    pub(super) fn same_line_words(&self, base: &Words) -> bool {
        self.section_words == base.section_words
            && self.fields == base.fields
            && self.staff_titles == base.staff_titles
            && self.mission_words == base.mission_words
            && self.programme_words == base.programme_words
            && self.card_openers == base.card_openers
            && self.card_fields == base.card_fields
    }
}
