//! A profile's column names, grouped by their first word: every cell of
//! every line is asked whether it names a column, and a cell is compared
//! only with the names that open as it does, not with every name.

use piano_model::reference::fold;

use super::Column;

/// Column names (folded) with the column each names, grouped by first word,
/// the groups sorted; within a group, in the profile's order (where two
/// names match alike, the order decides).
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct ColumnNames {
    groups: Vec<(String, Vec<(String, Column)>)>,
}

impl ColumnNames {
    /// Groups `names`, folded labels in the profile's order.
    pub(super) fn new<'n>(names: impl Iterator<Item = (&'n str, Column)>) -> ColumnNames {
        let mut groups: Vec<(String, Vec<(String, Column)>)> = Vec::new();
        for (name, column) in names {
            let first = name.split(' ').next().unwrap_or(name);
            let at = groups.partition_point(|(opening, _)| opening.as_str() < first);
            match groups.get_mut(at) {
                Some((opening, group)) if opening == first => {
                    group.push((name.to_owned(), column));
                }
                _ => groups.insert(at, (first.to_owned(), vec![(name.to_owned(), column)])),
            }
        }
        ColumnNames { groups }
    }

    /// The names whose first word is `word` (folded), in the profile's order.
    pub(super) fn opening_with(&self, word: &str) -> impl Iterator<Item = (&str, Column)> {
        let at = self
            .groups
            .partition_point(|(opening, _)| opening.as_str() < word);
        self.groups
            .get(at)
            .filter(|(opening, _)| opening == word)
            .into_iter()
            .flat_map(|(_, group)| group.iter().map(|(name, column)| (name.as_str(), *column)))
    }

    /// Every name, group by group: for the rare question no first word
    /// answers (a name read with its spaces lost).
    pub(super) fn every(&self) -> impl Iterator<Item = (&str, Column)> {
        self.groups
            .iter()
            .flat_map(|(_, group)| group.iter().map(|(name, column)| (name.as_str(), *column)))
    }

    /// The columns of the names whose first word is longer than `start`
    /// (folded) and begins with it: what a word cut short may stand for.
    pub(super) fn begun_by(&self, start: &str) -> impl Iterator<Item = Column> {
        let at = self
            .groups
            .partition_point(|(opening, _)| opening.as_str() < start);
        self.groups[at..]
            .iter()
            .take_while(move |(opening, _)| opening.starts_with(start))
            .filter(move |(opening, _)| opening.len() > start.len())
            .flat_map(|(_, group)| group.iter().map(|(_, column)| *column))
    }

    /// Whether `text` may name a column: the first word it folds to begins
    /// the first word of a name, as it must for a name to match it whole,
    /// by its opening words or cut short. A text of symbols only may.
    pub(super) fn may_be_named_in(&self, text: &str) -> bool {
        self.locate(text).is_none_or(|found| found.begins)
    }

    /// Whether `text` may open with the name of a column of percentages:
    /// the first word it folds to is the first word of one. A text of
    /// symbols only may.
    pub(super) fn may_open_with_percentages(&self, text: &str) -> bool {
        self.locate(text).is_none_or(|found| {
            found.equal
                && self.groups[found.at]
                    .1
                    .iter()
                    .any(|(_, column)| column.holds_percentages())
        })
    }

    /// Where the first word `text` folds to stands among the groups; `None`
    /// when `text` has no letter or digit.
    fn locate(&self, text: &str) -> Option<Located> {
        let word = first_word(text)?;
        // Folding an ASCII word is lowering its case: done on the stack for
        // a word of a name's length.
        let mut lowered = [0u8; SHORT_WORD_BYTES];
        let folded;
        let key = match lowered.get_mut(..word.len()) {
            Some(bytes) if word.is_ascii() => {
                bytes.copy_from_slice(word.as_bytes());
                bytes.make_ascii_lowercase();
                std::str::from_utf8(bytes).ok()?
            }
            _ => {
                folded = fold(word);
                folded.as_str()
            }
        };
        let at = self
            .groups
            .partition_point(|(opening, _)| opening.as_str() < key);
        let begins = self
            .groups
            .get(at)
            .is_some_and(|(opening, _)| opening.starts_with(key));
        let equal = begins && self.groups[at].0.len() == key.len();
        Some(Located { at, begins, equal })
    }
}

/// Longest word lowered on the stack by [`ColumnNames::locate`]; longer
/// ones are folded into a string.
const SHORT_WORD_BYTES: usize = 32;

/// Where a word stands among the groups of names ([`ColumnNames::locate`]).
struct Located {
    /// The first group whose first word is not before the word.
    at: usize,
    /// Whether that group's first word begins with the word.
    begins: bool,
    /// Whether that group's first word is the word.
    equal: bool,
}

/// The first word of `text` as written: its first run of letters and
/// digits, which [`fold`] makes the first word of what it writes; `None`
/// when `text` has no letter or digit.
fn first_word(text: &str) -> Option<&str> {
    let start = text.find(char::is_alphanumeric)?;
    let rest = &text[start..];
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    Some(&rest[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> ColumnNames {
        ColumnNames::new(
            [
                ("peso", Column::Weight),
                ("obiettivi operativi", Column::Description),
                ("obiettivo", Column::Objective),
                ("n", Column::Number),
                ("attivita", Column::Description),
            ]
            .into_iter(),
        )
    }

    #[test]
    fn names_are_found_by_their_first_word_in_the_profiles_order() {
        let names = names();
        let found: Vec<(&str, Column)> = names.opening_with("obiettivo").collect();
        assert_eq!(found, [("obiettivo", Column::Objective)]);
        let found: Vec<&str> = names
            .opening_with("obiettivi")
            .map(|(name, _)| name)
            .collect();
        assert_eq!(found, ["obiettivi operativi"]);
        assert_eq!(names.opening_with("pes").count(), 0);
    }

    #[test]
    fn a_word_cut_short_stands_for_longer_first_words_only() {
        let names = names();
        let begun: Vec<Column> = names.begun_by("obiett").collect();
        assert_eq!(begun, [Column::Description, Column::Objective]);
        assert_eq!(names.begun_by("peso").count(), 0);
    }

    #[test]
    fn a_text_may_name_a_column_when_its_first_word_begins_a_name() {
        let names = names();
        assert!(names.may_be_named_in("  PESO %"));
        assert!(names.may_be_named_in("N°"));
        assert!(names.may_be_named_in("Obiett."));
        assert!(names.may_be_named_in("Attività"));
        assert!(names.may_be_named_in("ATTIVITÀ svolte"));
        assert!(names.may_be_named_in("#"));
        assert!(!names.may_be_named_in("Riordino dell'archivio"));
        assert!(!names.may_be_named_in("31/12/2025"));
        assert!(!names.may_be_named_in("Pesatura"));
    }

    #[test]
    fn a_text_may_open_with_percentages_when_its_first_word_is_a_percentage_names() {
        let names = names();
        assert!(names.may_open_with_percentages("Peso Scadenza"));
        assert!(names.may_open_with_percentages("PESO"));
        assert!(!names.may_open_with_percentages("Pes. Scadenza"));
        assert!(!names.may_open_with_percentages("Attività Peso"));
    }
}
