//! The 23 missions of the harmonised budget of local authorities (D.Lgs. 118/2011).

use std::sync::LazyLock;

use super::fold;

/// One official mission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialMission {
    /// Two-digit code ("01").
    pub code: String,
    /// Official name.
    pub name: String,
}

/// The official list, in code order, read once from the bundled `missioni.csv`.
pub static MISSIONS: LazyLock<Vec<OfficialMission>> = LazyLock::new(|| {
    csv::Reader::from_reader(include_str!("../../data/missioni.csv").as_bytes())
        .records()
        .filter_map(Result::ok)
        .filter_map(|record| {
            Some(OfficialMission {
                code: record.get(0)?.to_owned(),
                name: record.get(1)?.to_owned(),
            })
        })
        .collect()
});

/// The official names [`fold`]ed, in the order of [`MISSIONS`], folded once.
static FOLDED_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| MISSIONS.iter().map(|m| fold(&m.name)).collect());

/// The code of the mission `name` designates: its official name in any case or
/// accenting, or an abbreviation that is the start of exactly one official name.
pub fn mission_code(name: &str) -> Option<&'static str> {
    let wanted = fold(name);
    if wanted.is_empty() {
        return None;
    }
    let missions: &'static [OfficialMission] = &MISSIONS;
    let folded = || missions.iter().zip(FOLDED_NAMES.iter());
    if let Some((exact, _)) = folded().find(|(_, name)| **name == wanted) {
        return Some(&exact.code);
    }
    let mut prefixed = folded()
        .filter(|(_, name)| name.starts_with(&wanted))
        .map(|(mission, _)| mission);
    match (prefixed.next(), prefixed.next()) {
        (Some(only), None) if wanted.len() >= 6 => Some(&only.code),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundles_all_23_missions() {
        assert_eq!(MISSIONS.len(), 23);
        assert_eq!(MISSIONS[22].code, "99");
    }

    #[test]
    fn finds_codes_by_name_case_and_abbreviation() {
        assert_eq!(
            mission_code("Servizi istituzionali, generali e di gestione"),
            Some("01")
        );
        assert_eq!(mission_code("ORDINE PUBBLICO E SICUREZZA;"), Some("03"));
        assert_eq!(mission_code("Diritti sociali"), Some("12"));
        assert_eq!(mission_code("Sviluppo"), None, "two missions start so");
        assert_eq!(mission_code("Giardinaggio"), None);
    }
}
