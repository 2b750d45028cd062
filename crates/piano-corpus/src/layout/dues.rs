//! How day dues are written: as drafted (the mix of forms plans use), or one
//! form for every due that names a single day with no note: the forms the
//! contract's due grammar reads. Dues of a month, recurring dues, multiyear
//! dues and dues with a note keep their drafted form, so the date, its
//! precision and note stay what the draft means; only `raw` changes.

use piano_model::{Due, DueDate, MONTH_NAMES};

use super::axis;
use crate::draft::DraftStructure;

axis! {
    /// A way of writing every single-day due.
    DueForm {
        /// As drafted.
        AsDrafted => "as-drafted",
        /// "31.12.2021".
        Dotted => "dotted",
        /// "31/12/2021".
        Slashed => "slashed",
        /// "31-12-2021".
        Dashed => "dashed",
        /// "1.7.2021": day and month without a leading zero.
        Unpadded => "unpadded",
        /// "31 dicembre 2021".
        Words => "words",
        /// "entro il 31/12/2021".
        Entro => "entro",
        /// "entro il 31 dicembre 2021".
        EntroWords => "entro-words",
    }
}

impl DueForm {
    /// Rewrites every single-day due of `structure` in this form.
    pub fn apply(self, structure: &mut DraftStructure) {
        if self == DueForm::AsDrafted {
            return;
        }
        for row in structure.rows_mut() {
            let Some(due) = &mut row.entry.due else {
                continue;
            };
            if let Some(written) = self.written(due) {
                row.cells[5].clone_from(&written);
                due.raw = written;
            }
        }
    }

    /// `due` in this form, when it is a single day with no note.
    pub fn written(self, due: &Due) -> Option<String> {
        let Some(DueDate::Day { year, month, day }) = due.date else {
            return None;
        };
        if due.multiyear || due.note.is_some() {
            return None;
        }
        let name = MONTH_NAMES[usize::from(month - 1)];
        Some(match self {
            DueForm::AsDrafted => return None,
            DueForm::Dotted => format!("{day:02}.{month:02}.{year}"),
            DueForm::Slashed => format!("{day:02}/{month:02}/{year}"),
            DueForm::Dashed => format!("{day:02}-{month:02}-{year}"),
            DueForm::Unpadded => format!("{day}.{month}.{year}"),
            DueForm::Words => format!("{day} {name} {year}"),
            DueForm::Entro => format!("entro il {day:02}/{month:02}/{year}"),
            DueForm::EntroWords => format!("entro il {day} {name} {year}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_single_days_without_a_note_are_rewritten() {
        let day = Due::new("31.12.2021".into(), DueDate::day(2021, 7, 1), false, None);
        let written: Vec<Option<String>> = DueForm::ALL.iter().map(|f| f.written(&day)).collect();
        assert_eq!(written[0], None);
        assert_eq!(written[4].as_deref(), Some("1.7.2021"));
        assert_eq!(written[7].as_deref(), Some("entro il 1 luglio 2021"));
        let month = Due::new("luglio 2021".into(), DueDate::month(2021, 7), false, None);
        assert_eq!(DueForm::Dashed.written(&month), None);
        let multiyear = Due::new("x".into(), DueDate::day(2021, 7, 1), true, None);
        assert_eq!(DueForm::Dashed.written(&multiyear), None);
    }
}
