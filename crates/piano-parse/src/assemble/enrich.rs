//! Filling what the document implies but does not say: the ente's ISTAT code
//! and official name, and the plan's year.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use piano_model::reference::{ComuneMatch, find_comune};
use piano_model::{Code, Diagnostic, Ente, EnteKind};
use regex::Regex;

use crate::ocr_repair;

/// The ente as the plan names it, completed from the ISTAT list. A
/// comune's name OCR read with low confidence (`doubtful_at`: its line and
/// page) that is in no list is taken for the one ISTAT name a few
/// misread characters away, if there is one ([`ocr_repair::comune_name`]).
pub fn ente(
    kind: Option<EnteKind>,
    name: Option<&str>,
    provincia: Option<&str>,
    doubtful_at: Option<(u32, Option<u32>)>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Ente {
    let mut ente = Ente {
        kind,
        name: name.map(title_case),
        provincia: provincia.map(title_case),
        istat: None,
    };
    let Some(name) = name else {
        diagnostics.push(Diagnostic::new(
            Code::EnteUnknown,
            "the plan does not name its ente",
        ));
        return ente;
    };
    if kind != Some(EnteKind::Comune) {
        return ente;
    }
    let mut found = find_comune(name, provincia);
    if let (ComuneMatch::NotFound, Some((line, page))) = (&found, doubtful_at) {
        if let Some(repaired) = ocr_repair::comune_name(name) {
            found = find_comune(repaired, provincia);
            if let ComuneMatch::Found(comune) = found {
                diagnostics.push(
                    Diagnostic::new(
                        Code::OcrRepaired,
                        format!(
                            "comune {name:?}, recognised with low confidence, read as {:?}: the one name of the ISTAT list a few misread characters away",
                            comune.name
                        ),
                    )
                    .at_line(line, page)
                    .with_excerpt(name),
                );
            }
        }
    }
    match found {
        ComuneMatch::Found(comune) => {
            ente.name = Some(comune.name.clone());
            ente.provincia = Some(comune.provincia.clone());
            ente.istat = Some(comune.istat.clone());
        }
        ComuneMatch::Ambiguous(comuni) => {
            let provinces: Vec<&str> = comuni.iter().map(|c| c.provincia.as_str()).collect();
            diagnostics.push(Diagnostic::new(
                Code::EnteAmbiguous,
                format!(
                    "comune {name:?} exists in several province ({}); no ISTAT code",
                    provinces.join(", ")
                ),
            ));
        }
        ComuneMatch::NotFound => diagnostics.push(Diagnostic::new(
            Code::EnteUnknown,
            format!("comune {name:?} is not in the ISTAT list; no ISTAT code"),
        )),
    }
    ente
}

/// Words written in lower case inside Italian place names.
const PARTICLES: [&str; 16] = [
    "di", "del", "della", "dei", "degli", "delle", "dello", "e", "ed", "in", "sul", "sulla", "al",
    "alla", "nel", "nell",
];

/// "REGGIO NELL'EMILIA" → "Reggio nell'Emilia".
pub fn title_case(text: &str) -> String {
    let mut words = Vec::new();
    for (index, word) in text.split_whitespace().enumerate() {
        let lower = word.to_lowercase();
        let pieces: Vec<String> = lower
            .split('\'')
            .enumerate()
            .map(|(piece_index, piece)| {
                let is_particle = PARTICLES.contains(&piece)
                    || (piece_index == 0 && lower.contains('\'') && piece.len() <= 4);
                if (index > 0 || piece_index > 0) && is_particle {
                    piece.to_owned()
                } else {
                    capitalise(piece)
                }
            })
            .collect();
        words.push(pieces.join("'"));
    }
    words.join(" ")
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

static TITLE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^/\d.])((?:19|20)\d{2})(?:$|[^\d]|/(?:19|20)\d{2})")
        .expect("the year pattern is valid")
});

/// The first year in a title that is not part of a law's number ("150/2009").
pub fn title_year(title: &str) -> Option<u16> {
    TITLE_YEAR
        .captures_iter(title)
        .find_map(|c| c.get(1)?.as_str().parse().ok())
}

/// The most common year among due dates (the later year on a tie).
pub fn most_common_year(years: impl IntoIterator<Item = u16>) -> Option<u16> {
    let mut counts: BTreeMap<u16, usize> = BTreeMap::new();
    for year in years {
        *counts.entry(year).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(year, count)| (count, year))
        .map(|(year, _)| year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_cases_place_names() {
        assert_eq!(title_case("MONTEPULCIANO"), "Montepulciano");
        assert_eq!(title_case("REGGIO NELL'EMILIA"), "Reggio nell'Emilia");
        assert_eq!(
            title_case("CASTEL SAN PIETRO IN VAL DI SOLE"),
            "Castel San Pietro in Val di Sole"
        );
    }

    #[test]
    fn finds_the_year_of_a_title_but_not_of_a_law() {
        assert_eq!(
            title_year("PIANO AI SENSI DEL DLGS 267/2000 E DEL DLGS 150/2009"),
            None
        );
        assert_eq!(title_year("PIANO DELLA PERFORMANCE 2022-2024"), Some(2022));
        assert_eq!(title_year("PEG 2021"), Some(2021));
        assert_eq!(title_year("PIANO DELLA PERFORMANCE 2023/2025"), Some(2023));
    }

    #[test]
    fn completes_a_comune_from_the_istat_list() {
        let mut diagnostics = Vec::new();
        let found = ente(
            Some(EnteKind::Comune),
            Some("SAN GIMIGNANO"),
            Some("SIENA"),
            None,
            &mut diagnostics,
        );
        assert_eq!(found.istat.as_deref(), Some("052028"));
        assert_eq!(found.name.as_deref(), Some("San Gimignano"));
        assert!(diagnostics.is_empty());
        ente(
            Some(EnteKind::Comune),
            Some("LIVO"),
            None,
            None,
            &mut diagnostics,
        );
        ente(
            Some(EnteKind::Comune),
            Some("ATLANTIDE"),
            None,
            Some((1, Some(1))),
            &mut diagnostics,
        );
        let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::EnteAmbiguous, Code::EnteUnknown]);
    }

    #[test]
    fn a_comune_read_with_errors_is_repaired_only_when_read_doubtfully() {
        let mut diagnostics = Vec::new();
        let read = ente(
            Some(EnteKind::Comune),
            Some("CORTOMA"),
            Some("AREZZO"),
            None,
            &mut diagnostics,
        );
        assert_eq!(read.istat, None);
        assert_eq!(read.name.as_deref(), Some("Cortoma"));
        let repaired = ente(
            Some(EnteKind::Comune),
            Some("CORTOMA"),
            Some("AREZZO"),
            Some((3, Some(1))),
            &mut diagnostics,
        );
        assert_eq!(repaired.istat.as_deref(), Some("051017"));
        assert_eq!(repaired.name.as_deref(), Some("Cortona"));
        let codes: Vec<Code> = diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::EnteUnknown, Code::OcrRepaired]);
        assert_eq!(diagnostics[1].line, Some(3));
        assert_eq!(diagnostics[1].excerpt.as_deref(), Some("CORTOMA"));
    }

    #[test]
    fn the_most_common_year_wins() {
        assert_eq!(most_common_year([2021, 2022, 2021]), Some(2021));
        assert_eq!(most_common_year([]), None);
    }
}
