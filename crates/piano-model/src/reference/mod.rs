//! Reference lists bundled in the binary: budget missions and ISTAT comuni.
//!
//! Both are compiled in from `data/`, so piano needs no file at run time.
//! Lookups compare [`fold`]ed names: case, accents, apostrophes and spacing
//! differ between a plan and the official lists and must not matter.

mod comuni;
mod missions;

pub use comuni::{Comune, ComuneMatch, comune_names, comuni, find_comune};
pub use missions::{MISSIONS, OfficialMission, mission_code};

/// A name reduced for comparison: lower case, accents removed, apostrophes,
/// punctuation and runs of spaces turned into single spaces, ends trimmed.
pub fn fold(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        let base = match c.is_ascii() {
            true => c.to_ascii_lowercase(),
            false => strip_accent(c.to_lowercase().next().unwrap_or(c)),
        };
        if base.is_alphanumeric() {
            if pending_space && !folded.is_empty() {
                folded.push(' ');
            }
            pending_space = false;
            folded.push(base);
        } else {
            pending_space = true;
        }
    }
    folded
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  Città  dell'ALTO;"), "citta dell alto");
        assert_eq!(fold("Sant’Agata"), "sant agata");
        assert_eq!(fold("ÀÉ Ünità-Ω 1°"), "ae unita ω 1");
    }
}
