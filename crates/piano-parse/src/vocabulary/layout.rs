//! The layout rules a profile may set (`[layout]`): how the parser reads a
//! family's tables beyond their words. Each rule's default is piano's own
//! reading, so a profile that sets none reads as the bundled ones do.

use serde::de::{Error as _, IntoDeserializer};
use serde::{Deserialize, Deserializer};

use super::{Column, ProfileError};

/// How a family lays its tables out, as a profile sets it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayoutRules {
    /// Whether an objectives table's header holds over the headings that
    /// follow it until another header appears (plans that print their
    /// header once for the whole document). Off, a structure without a
    /// header of its own reads its rows under `columns_without_header`.
    pub header_holds_over_headings: bool,
    /// Whether a table whose number column is not first (or stands behind
    /// an empty column) has it moved first, on its header and every line
    /// under it, before lines are read.
    pub number_column_first: bool,
    /// Whether a coded row one part deeper than its objective's code
    /// ("01.02.03.1" under "01.02.03", "II.1" under "II") is that
    /// objective's phase; off, it is an objective of its own.
    pub phase_when_deeper: bool,
    /// Whether a row labelled in another scheme than its objective's, with
    /// one part ("a)" under "1"), is that objective's phase; off, it is an
    /// objective of its own.
    pub phase_when_other_scheme: bool,
    /// The columns of a table no header names, in order, `None` where a
    /// column holds nothing piano reads (`"other"`: left empty, or notes);
    /// `None` for piano's usual order. Read by position where the rows'
    /// cells agree with it, told by content where they do not
    /// (`content_columns`), and a number column elsewhere than first is
    /// moved first.
    pub columns_without_header: Option<Vec<Option<Column>>>,
}

impl Default for LayoutRules {
    fn default() -> Self {
        LayoutRules {
            header_holds_over_headings: true,
            number_column_first: true,
            phase_when_deeper: true,
            phase_when_other_scheme: true,
            columns_without_header: None,
        }
    }
}

/// The `[layout]` table as written: a rule left out keeps the base's.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LayoutFile {
    header_holds_over_headings: Option<bool>,
    number_column_first: Option<bool>,
    phase_when_deeper: Option<bool>,
    phase_when_other_scheme: Option<bool>,
    columns_without_header: Option<Vec<Slot>>,
}

/// A column of `columns_without_header` as written: a column's name, or
/// `"other"` for a column piano does not read.
#[derive(Debug)]
struct Slot(Option<Column>);

impl<'de> Deserialize<'de> for Slot {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name = String::deserialize(deserializer)?;
        if name == "other" {
            return Ok(Slot(None));
        }
        let column: Result<Column, serde::de::value::Error> =
            Column::deserialize(name.as_str().into_deserializer());
        column
            .map(|column| Slot(Some(column)))
            .map_err(|error| D::Error::custom(format!("{error}, or `other`")))
    }
}

impl LayoutRules {
    /// Where `columns_without_header` puts the number column, when not first.
    pub fn number_without_header_at(&self) -> Option<usize> {
        let columns = self.columns_without_header.as_ref()?;
        let at = columns.iter().position(|c| *c == Some(Column::Number))?;
        (at > 0 && self.number_column_first).then_some(at)
    }

    /// `columns_without_header` as the rows are read: the number column
    /// moved first (see [`LayoutRules::number_without_header_at`]).
    pub fn columns_without_header_as_read(&self) -> Option<Vec<Option<Column>>> {
        let mut columns = self.columns_without_header.clone()?;
        if let Some(at) = self.number_without_header_at() {
            let number = columns.remove(at);
            columns.insert(0, number);
        }
        Some(columns)
    }

    /// These rules (a base's) with those `file` sets; `profile` names the
    /// profile in errors.
    pub(super) fn changed(&self, file: LayoutFile, profile: &str) -> Result<Self, ProfileError> {
        let written = file
            .columns_without_header
            .map(|slots| slots.into_iter().map(|Slot(column)| column).collect());
        let columns: Option<Vec<Option<Column>>> =
            written.or_else(|| self.columns_without_header.clone());
        if let Some(columns) = &columns {
            let count = |wanted: Column| columns.iter().filter(|c| **c == Some(wanted)).count();
            if count(Column::Number) != 1 || count(Column::Description) != 1 {
                return Err(ProfileError::Layout {
                    profile: profile.to_owned(),
                    why: "columns_without_header must name \"number\" and \"description\", once each",
                });
            }
        }
        Ok(LayoutRules {
            header_holds_over_headings: file
                .header_holds_over_headings
                .unwrap_or(self.header_holds_over_headings),
            number_column_first: file.number_column_first.unwrap_or(self.number_column_first),
            phase_when_deeper: file.phase_when_deeper.unwrap_or(self.phase_when_deeper),
            phase_when_other_scheme: file
                .phase_when_other_scheme
                .unwrap_or(self.phase_when_other_scheme),
            columns_without_header: columns,
        })
    }
}

#[cfg(test)]
mod tests;
