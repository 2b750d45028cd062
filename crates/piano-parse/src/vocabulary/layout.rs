//! The layout rules a profile may set (`[layout]`): how the parser reads a
//! family's tables beyond their words. Each rule's default is piano's own
//! reading, so a profile that sets none reads as the bundled ones do.

use serde::Deserialize;

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
    /// The columns of a table no header names, in order (the number first);
    /// `None` for piano's usual order, which a row's content overrides. Given
    /// by a profile, the columns are read by position, as under a header.
    pub columns_without_header: Option<Vec<Column>>,
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
    columns_without_header: Option<Vec<Column>>,
}

impl LayoutRules {
    /// These rules (a base's) with those `file` sets; `profile` names the
    /// profile in errors.
    pub(super) fn changed(&self, file: LayoutFile, profile: &str) -> Result<Self, ProfileError> {
        let columns = file
            .columns_without_header
            .or_else(|| self.columns_without_header.clone());
        if let Some(columns) = &columns {
            let numbered = columns.first() == Some(&Column::Number);
            if !numbered || !columns.contains(&Column::Description) {
                return Err(ProfileError::Layout {
                    profile: profile.to_owned(),
                    why: "columns_without_header must open with \"number\" (rows are told by their first cell) and name \"description\"",
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
