//! The front of a plan: the ente lines, the title and the preamble.

use fastrand::Rng;
use piano_model::reference::{self, ComuneMatch};
use piano_model::{Ente, EnteKind};

use super::{DraftSection, pick};
use crate::vocab;

pub(crate) fn random_ente(rng: &mut Rng) -> (Vec<String>, Ente) {
    let comuni = reference::comuni();
    loop {
        let comune = pick(rng, comuni);
        if comune.name.contains('/') || comune.provincia.contains('/') {
            continue;
        }
        let ComuneMatch::Found(found) =
            reference::find_comune(&comune.name, Some(&comune.provincia))
        else {
            continue;
        };
        if found.istat != comune.istat {
            continue;
        }
        let upper = rng.bool();
        let name_line = if upper {
            format!("COMUNE DI {}", comune.name.to_uppercase())
        } else {
            format!("Comune di {}", comune.name)
        };
        let provincia = if upper && rng.bool() {
            comune.provincia.to_uppercase()
        } else {
            comune.provincia.clone()
        };
        let metropolitan = vocab::METROPOLITAN_CITIES.contains(&comune.provincia.as_str());
        let provincia_line = if metropolitan && rng.bool() {
            format!("Città Metropolitana di {provincia}")
        } else {
            format!("Provincia di {provincia}")
        };
        let ente = Ente {
            kind: Some(EnteKind::Comune),
            name: Some(comune.name.clone()),
            provincia: Some(comune.provincia.clone()),
            istat: Some(comune.istat.clone()),
        };
        return (vec![name_line, provincia_line], ente);
    }
}

pub(crate) fn title_with_year(rng: &mut Rng, year: u16) -> String {
    match rng.u32(0..4) {
        0 => format!("PIANO DELLA PERFORMANCE {year}"),
        1 => format!("PIANO ESECUTIVO DI GESTIONE E PIANO DEGLI OBIETTIVI - ANNO {year}"),
        2 => format!("PIANO DETTAGLIATO DEGLI OBIETTIVI {year}/{}", year + 2),
        _ => format!("Piano della Performance {year}-{}", year + 2),
    }
}

pub(crate) fn random_preamble(rng: &mut Rng) -> Vec<DraftSection> {
    let sections = rng.usize(0..=3);
    (0..sections)
        .map(|index| {
            let heading =
                (index > 0 || rng.u32(0..4) != 0).then(|| pick(rng, vocab::HEADINGS).to_string());
            let paragraphs = (0..rng.usize(1..=3))
                .map(|_| {
                    if rng.u32(0..4) == 0 {
                        (0..rng.usize(2..=4))
                            .map(|_| format!("- {}", pick(rng, vocab::PREAMBLE_BULLETS)))
                            .collect()
                    } else {
                        let sentences: Vec<&str> = (0..rng.usize(1..=4))
                            .map(|_| *pick(rng, vocab::PREAMBLE_SENTENCES))
                            .collect();
                        vec![sentences.join(" ")]
                    }
                })
                .collect();
            DraftSection {
                heading,
                paragraphs,
            }
        })
        .collect()
}
