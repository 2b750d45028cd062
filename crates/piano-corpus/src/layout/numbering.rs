//! How rows are numbered: the number cell as printed, and the `code` the
//! plan keeps when it is not a plain ordinal. The row's `number` stays its
//! ordinal path ("3", phases "3.1") whatever the scheme.

use super::axis;
use crate::draft::{DraftRow, DraftStructure};

axis! {
    /// A numbering scheme for objectives and their phases.
    Numbering {
        /// As drafted: "1", phases "1.1" or "1.1.".
        AsDrafted => "as-drafted",
        /// A dot after every number: "1.", "1.1.".
        TrailingDots => "trailing-dots",
        /// Phases lettered after the objective's number: "1.a".
        LetteredPhases => "lettered-phases",
        /// Phases lettered alone: "a)".
        LetterPhases => "letter-phases",
        /// Roman objectives: "I", phases "I.1".
        Roman => "roman",
        /// The structure's letter first: "A.1", phases "A.1.1".
        StructureLetter => "structure-letter",
        /// Codes: "01.03" (structure, objective), phases one more level "01.03.1".
        Coded => "coded",
        /// Phases as "Fase 1" in the number cell.
        FasePhases => "fase-phases",
    }
}

impl Numbering {
    /// Whether the scheme prints numbers that are not plain ordinals (so
    /// that rows carry a `code`).
    pub fn prints_codes(self) -> bool {
        !matches!(self, Numbering::AsDrafted | Numbering::TrailingDots)
    }

    /// Writes the number cell of every row of `structure` (the `index`-th,
    /// 0-based) and the `code` it means.
    pub fn apply(self, index: usize, structure: &mut DraftStructure) {
        if self == Numbering::AsDrafted {
            return;
        }
        for (o, objective) in structure.objectives.iter_mut().enumerate() {
            let own = self.objective(index, o + 1);
            set(&mut objective.row, own.clone());
            for (p, phase) in objective.phases.iter_mut().enumerate() {
                set(phase, self.phase(&own, p + 1));
            }
        }
    }

    /// The printed number of objective `ordinal` of structure `structure`.
    fn objective(self, structure: usize, ordinal: usize) -> String {
        match self {
            Numbering::TrailingDots => format!("{ordinal}."),
            Numbering::Roman => roman(ordinal),
            Numbering::StructureLetter => format!("{}.{ordinal}", letter(structure, true)),
            Numbering::Coded => format!("{:02}.{ordinal:02}", structure + 1),
            _ => ordinal.to_string(),
        }
    }

    /// The printed number of phase `ordinal` of the objective printed `own`.
    fn phase(self, own: &str, ordinal: usize) -> String {
        match self {
            Numbering::TrailingDots => format!("{own}{ordinal}."),
            Numbering::LetteredPhases => format!("{own}.{}", letter(ordinal - 1, false)),
            Numbering::LetterPhases => format!("{})", letter(ordinal - 1, false)),
            Numbering::FasePhases => format!("Fase {ordinal}"),
            _ => format!("{own}.{ordinal}"),
        }
    }
}

/// Sets a row's printed number and, when it is not its plain ordinal path
/// (a trailing dot aside), its `code`.
fn set(row: &mut DraftRow, printed: String) {
    let plain = printed.strip_suffix('.').unwrap_or(&printed) == row.entry.number;
    row.entry.code = (!plain).then(|| printed.clone());
    row.cells[0] = printed;
}

/// "a", "b" … (0-based; "z" then "aa"), capital when asked.
pub(crate) fn letter(index: usize, capital: bool) -> String {
    let base = if capital { b'A' } else { b'a' };
    let letter = char::from(base + u8::try_from(index % 26).unwrap_or(0));
    letter.to_string().repeat(index / 26 + 1)
}

/// A Roman numeral (1–3999).
fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scheme_prints_objectives_and_phases_as_real_plans_do() {
        let cases = [
            (Numbering::TrailingDots, "4.", "4.2."),
            (Numbering::LetteredPhases, "4", "4.b"),
            (Numbering::LetterPhases, "4", "b)"),
            (Numbering::Roman, "IV", "IV.2"),
            (Numbering::StructureLetter, "C.4", "C.4.2"),
            (Numbering::Coded, "03.04", "03.04.2"),
            (Numbering::FasePhases, "4", "Fase 2"),
        ];
        for (scheme, objective, phase) in cases {
            let own = scheme.objective(2, 4);
            assert_eq!(own, objective, "{scheme:?}");
            assert_eq!(scheme.phase(&own, 2), phase, "{scheme:?}");
        }
        assert_eq!(roman(19), "XIX");
    }
}
