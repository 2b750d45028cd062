//! A structure of the struttura-table family: its heading with role and
//! head, its labelled fields, objectives and staff table.

use fastrand::Rng;
use piano_model::reference::MISSIONS;
use piano_model::{Head, Mission, Staff};

use super::rows::random_objectives;
use super::{DraftStaff, DraftStructure, distinct, join_list, pick};
use crate::layout::wording::label_of;
use crate::vocab;

pub(crate) fn random_structure(
    rng: &mut Rng,
    index: usize,
    name: &str,
    year: u16,
) -> DraftStructure {
    let word = pick(rng, vocab::SECTION_WORDS);
    let name = match (word, rng.u32(0..3)) {
        (&"STRUTTURA", 0) => format!("AREA {} {name}", index + 1),
        _ => name.to_owned(),
    };
    let role = pick(rng, vocab::ROLES).to_string();
    let (written_head, head) = random_head(rng, role);
    let dash = if rng.bool() { '-' } else { '–' };
    let role_text = head.role.clone().unwrap_or_default();
    let header = format!("{word}: {name} {dash} {role_text}:{written_head}");

    let strategic_line = pick(rng, vocab::STRATEGIC_LINES).to_string();
    let strategic_objectives: Vec<String> = distinct(rng, vocab::STRATEGIC_OBJECTIVES, 3)
        .into_iter()
        .map(str::to_owned)
        .collect();
    let official: Vec<_> = MISSIONS.iter().filter(|m| m.code.as_str() < "20").collect();
    let missions: Vec<Mission> = distinct(rng, &official, 3)
        .into_iter()
        .map(|mission| {
            let name = match rng.u32(0..4) {
                0 => mission.name.to_uppercase(),
                _ => mission.name.clone(),
            };
            Mission {
                name,
                code: Some(mission.code.clone()),
            }
        })
        .collect();
    let operational_objective = pick(rng, vocab::OPERATIONAL_OBJECTIVES).to_string();
    let joined_strategic = join_list(rng, &strategic_objectives);
    let mission_names: Vec<String> = missions.iter().map(|m| m.name.clone()).collect();
    let joined_missions = join_list(rng, &mission_names);
    let keys = vec![
        ("Linea Strategica".to_owned(), strategic_line.clone()),
        ("Obiettivo Strategico".to_owned(), joined_strategic),
        ("Missione".to_owned(), joined_missions),
        (
            "Obiettivo Operativo".to_owned(),
            operational_objective.clone(),
        ),
    ];
    let objectives = random_objectives(rng, year);
    let staff = random_staff(rng, objectives.len());
    let description_header = *pick(rng, vocab::DESCRIPTION_HEADERS);
    DraftStructure {
        header,
        name,
        kind: (*word).to_owned(),
        head,
        keys,
        strategic_line: Some(strategic_line),
        strategic_objectives,
        missions,
        operational_objective: Some(operational_objective),
        budget: None,
        head_line: None,
        description_header: description_header.to_owned(),
        objectives_label: Some(label_of(description_header)),
        objectives,
        staff,
        heads: Vec::new(),
    }
}

/// The part after the role's colon as written, and the head it means.
fn random_head(rng: &mut Rng, role: String) -> (String, Head) {
    if rng.u32(0..5) == 0 {
        let head = Head {
            role: Some(role),
            name: None,
            ad_interim: false,
        };
        return (String::new(), head);
    }
    let first = pick(rng, vocab::FIRST_NAMES);
    let last = pick(rng, vocab::SURNAMES);
    let honorific = pick(rng, vocab::HONORIFICS);
    let person = match rng.u32(0..3) {
        0 => format!("{honorific} {}", format!("{first} {last}").to_uppercase()),
        1 => format!("{honorific} {first} {last}"),
        _ => format!("{first} {last}"),
    };
    let ad_interim = rng.u32(0..5) == 0;
    let written = if ad_interim {
        format!(" {person} ad interim")
    } else {
        format!(" {person}")
    };
    let head = Head {
        role: Some(role),
        name: Some(person),
        ad_interim,
    };
    (written, head)
}

fn random_staff(rng: &mut Rng, objectives: usize) -> Option<Vec<DraftStaff>> {
    match rng.u32(0..10) {
        0..=1 => None,
        2..=5 => Some(Vec::new()),
        _ => Some(
            (0..rng.usize(1..=4))
                .map(|index| {
                    let name = format!(
                        "{} {}",
                        pick(rng, vocab::FIRST_NAMES),
                        pick(rng, vocab::SURNAMES)
                    );
                    let objective = rng.usize(1..=objectives).to_string();
                    let weight = [25u32, 50, 100][rng.usize(..3)];
                    DraftStaff {
                        cells: [
                            (index + 1).to_string(),
                            name.clone(),
                            objective.clone(),
                            format!("{weight}%"),
                        ],
                        staff: Staff {
                            name: Some(name),
                            objective: Some(objective),
                            weight: Some(f64::from(weight)),
                        },
                    }
                })
                .collect(),
        ),
    }
}
