//! The ISTAT list of Italian comuni (Fonte: ISTAT, CC BY 3.0 IT).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::fold;

/// One comune of the ISTAT list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comune {
    /// Six-digit ISTAT code.
    pub istat: String,
    /// Italian name, as ISTAT writes it.
    pub name: String,
    /// Provincia or città metropolitana.
    pub provincia: String,
}

/// What a lookup of a comune found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ComuneMatch {
    /// Exactly one comune fits.
    Found(&'static Comune),
    /// Several comuni fit and the provincia does not decide between them.
    Ambiguous(Vec<&'static Comune>),
    /// No comune of that name.
    NotFound,
}

struct Index {
    comuni: Vec<Comune>,
    by_name: HashMap<String, Vec<usize>>,
    /// By name without its particles ("reggio emilia" for Reggio nell'Emilia),
    /// for names a city writes shorter than ISTAT does.
    by_short_name: HashMap<String, Vec<usize>>,
}

/// Particles a place name may carry or drop ("Reggio nell'Emilia", "Reggio Emilia").
const PARTICLES: [&str; 14] = [
    "di", "de", "del", "della", "dell", "dei", "degli", "delle", "nel", "nell", "nella", "in",
    "sul", "sulla",
];

/// A folded name without its particles.
fn short_name(name: &str) -> String {
    let folded = fold(name);
    let kept: Vec<&str> = folded
        .split(' ')
        .filter(|word| !PARTICLES.contains(word))
        .collect();
    kept.join(" ")
}

/// Columns of `comuni-istat.csv`.
const ISTAT: usize = 0;
const NAME: usize = 1;
const NAME_IT: usize = 2;
const NAME_OTHER: usize = 3;
const PROVINCIA: usize = 4;

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut comuni = Vec::new();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_short_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut reader =
        csv::Reader::from_reader(include_str!("../../data/comuni-istat.csv").as_bytes());
    for record in reader.records().filter_map(Result::ok) {
        let field = |i: usize| record.get(i).unwrap_or("").to_owned();
        let index = comuni.len();
        // name (bilingual), name_it and name_other all identify the comune.
        let mut names: Vec<String> = [NAME, NAME_IT, NAME_OTHER]
            .iter()
            .map(|&i| fold(record.get(i).unwrap_or("")))
            .filter(|n| !n.is_empty())
            .collect();
        names.sort();
        names.dedup();
        let mut short_names: Vec<String> = names.iter().map(|name| short_name(name)).collect();
        short_names.dedup();
        for name in names {
            by_name.entry(name).or_default().push(index);
        }
        for name in short_names {
            by_short_name.entry(name).or_default().push(index);
        }
        comuni.push(Comune {
            istat: field(ISTAT),
            name: field(NAME_IT),
            provincia: field(PROVINCIA),
        });
    }
    Index {
        comuni,
        by_name,
        by_short_name,
    }
});

/// Every comune of the bundled list, in ISTAT code order: for tools that
/// enumerate or sample real comuni (the synthetic corpus generator).
pub fn comuni() -> &'static [Comune] {
    let index: &'static Index = &INDEX;
    &index.comuni
}

/// Every name the comuni of the bundled list are found by, [`fold`]ed
/// (Italian, bilingual and other-language names), each once: for lookups
/// of a name read with errors, which [`find_comune`] would not find.
pub fn comune_names() -> impl Iterator<Item = &'static str> {
    let index: &'static Index = &INDEX;
    index.by_name.keys().map(String::as_str)
}

/// Looks a comune up by name, using the provincia (when given) to decide
/// between comuni of the same name.
pub fn find_comune(name: &str, provincia: Option<&str>) -> ComuneMatch {
    let index: &'static Index = &INDEX;
    let candidates = index
        .by_name
        .get(&fold(name))
        .or_else(|| index.by_short_name.get(&short_name(name)));
    let Some(candidates) = candidates else {
        return ComuneMatch::NotFound;
    };
    let mut fitting: Vec<&'static Comune> = candidates.iter().map(|&i| &index.comuni[i]).collect();
    if let Some(provincia) = provincia {
        let wanted = short_name(provincia);
        let in_provincia: Vec<_> = fitting
            .iter()
            .copied()
            .filter(|c| short_name(&c.provincia) == wanted)
            .collect();
        if !in_provincia.is_empty() {
            fitting = in_provincia;
        }
    }
    match fitting.as_slice() {
        [only] => ComuneMatch::Found(only),
        _ => ComuneMatch::Ambiguous(fitting),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_comune_by_name_in_any_case() {
        let ComuneMatch::Found(comune) = find_comune("MONTEPULCIANO", Some("SIENA")) else {
            panic!("Montepulciano is in the list");
        };
        assert_eq!(
            (comune.istat.as_str(), comune.name.as_str()),
            ("052015", "Montepulciano")
        );
    }

    #[test]
    fn the_provincia_decides_between_namesakes() {
        assert!(matches!(
            find_comune("Livo", None),
            ComuneMatch::Ambiguous(_)
        ));
        let ComuneMatch::Found(comune) = find_comune("Livo", Some("Trento")) else {
            panic!("one Livo is in the provincia of Trento");
        };
        assert_eq!(comune.provincia, "Trento");
    }

    #[test]
    fn a_capoluogo_is_not_confused_with_its_provincia() {
        let ComuneMatch::Found(comune) = find_comune("Bergamo", Some("Bergamo")) else {
            panic!("Bergamo is one comune");
        };
        assert_eq!(comune.istat, "016024");
    }

    #[test]
    fn a_name_without_its_particles_is_found() {
        let ComuneMatch::Found(comune) = find_comune("REGGIO EMILIA", Some("Reggio Emilia")) else {
            panic!("Reggio Emilia is Reggio nell'Emilia");
        };
        assert_eq!(
            (comune.istat.as_str(), comune.name.as_str()),
            ("035033", "Reggio nell'Emilia")
        );
        assert!(matches!(
            find_comune("Reggio Calabria", None),
            ComuneMatch::Found(_)
        ));
    }

    #[test]
    fn every_name_is_listed_folded() {
        assert!(comune_names().any(|name| name == "montepulciano"));
        assert!(comune_names().all(|name| fold(name) == name));
    }

    #[test]
    fn unknown_names_are_not_found() {
        assert_eq!(find_comune("Atlantide", None), ComuneMatch::NotFound);
    }
}
