//! Names of the bundled reference lists read with errors: a comune's, found
//! in the ISTAT list, and a budget mission's, whose code it then gives.

use std::sync::LazyLock;

use piano_model::reference::{MISSIONS, comune_names, fold};

use super::near::one_near;

/// The ISTAT name (folded) that `read`, a comune's name OCR read with
/// errors, stands for: the one within an edit for a name of up to eleven
/// characters, two for a longer one; never for a name of five or fewer,
/// which one edit makes into too many others.
pub fn comune_name(read: &str) -> Option<&'static str> {
    one_near(read, comune_names(), |len| match len {
        0..=5 => 0,
        6..=11 => 1,
        _ => 2,
    })
}

/// The official mission names, folded, in the order of [`MISSIONS`].
static MISSION_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| MISSIONS.iter().map(|mission| fold(&mission.name)).collect());

/// The code of the mission whose official name `read`, read by OCR with
/// errors, stands for: the one name within an edit for each eight
/// characters (the missions' names are far apart); never for a name of
/// five characters or fewer.
pub fn mission_code(read: &str) -> Option<&'static str> {
    let names: &'static [String] = &MISSION_NAMES;
    let near = one_near(read, names.iter().map(String::as_str), |len| match len {
        0..=5 => 0,
        _ => (len / 8).max(1),
    })?;
    let at = names.iter().position(|name| name == near)?;
    MISSIONS.get(at).map(|mission| mission.code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_comune_read_with_errors_is_found_in_the_istat_list() {
        assert_eq!(comune_name("CORTOMA"), Some("cortona"));
        assert_eq!(comune_name("Cort0na"), Some("cortona"));
        assert_eq!(comune_name("Atlantide"), None);
        // Short names are a misread character from too many others.
        assert_eq!(comune_name("Rlo"), None);
    }

    #[test]
    fn a_mission_read_with_errors_gives_its_code() {
        assert_eq!(mission_code("Trasponi e diritto alla mobilità"), Some("10"));
        assert_eq!(
            mission_code("Servizi istituzionali, generali edi gestione"),
            Some("01")
        );
        assert_eq!(mission_code("Istruzionee diritto allo studio"), Some("04"));
        assert_eq!(mission_code("Turisnno"), None);
        assert_eq!(mission_code("Cultura"), None);
    }
}
