//! A random plan before it is laid out: every cell as it will be written,
//! beside the value it means.
//!
//! The renderers ([`crate::text`], [`crate::pdf`]) write a draft out and fill
//! in what only the layout knows (line numbers, pages) to give the expected plan.

use fastrand::Rng;
use piano_model::reference::{self, ComuneMatch, MISSIONS};
use piano_model::{Category, Due, Ente, EnteKind, Entry, Head, LineSpan, Mission, Staff};

use crate::dues::random_due;
use crate::layout::wording::label_of;
use crate::vocab;

/// A whole plan as it will be written.
#[derive(Clone)]
pub struct Draft {
    /// The lines naming the ente ("COMUNE DI …", "Provincia di …").
    pub ente_lines: Vec<String>,
    /// What they mean.
    pub ente: Ente,
    /// The title line.
    pub title: String,
    /// The reference year the plan means.
    pub year: Option<u16>,
    /// The prose before the first structure.
    pub preamble: Vec<DraftSection>,
    /// The structures, in document order.
    pub structures: Vec<DraftStructure>,
}

/// A preamble section: an optional heading and paragraphs of sentences.
#[derive(Clone)]
pub struct DraftSection {
    /// The heading line, if any.
    pub heading: Option<String>,
    /// Paragraphs; each is a list of source lines (one per sentence or bullet).
    pub paragraphs: Vec<Vec<String>>,
}

/// One structure as it will be written.
#[derive(Clone)]
pub struct DraftStructure {
    /// The whole structure line ("STRUTTURA: NAME – ROLE: HEAD").
    pub header: String,
    /// The unit's name.
    pub name: String,
    /// The section word the structure line opens with ("SETTORE").
    pub kind: String,
    /// Its head.
    pub head: Head,
    /// Key rows: label and value as written.
    pub keys: Vec<(String, String)>,
    /// "Linea Strategica" as meant.
    pub strategic_line: String,
    /// "Obiettivo Strategico" split on ';'.
    pub strategic_objectives: Vec<String>,
    /// "Missione" split on ';', with codes.
    pub missions: Vec<Mission>,
    /// "Obiettivo Operativo".
    pub operational_objective: String,
    /// The head on a line of its own below the heading, when the heading
    /// does not name it.
    pub head_line: Option<String>,
    /// The description column's header as written.
    pub description_header: String,
    /// The plan's `objectives_label`: the description header, a leading
    /// "Descrizione" dropped; `None` when no header names it.
    pub objectives_label: Option<String>,
    /// The objectives.
    pub objectives: Vec<DraftObjective>,
    /// The staff table: `None` when the structure has none, else its rows.
    pub staff: Option<Vec<DraftStaff>>,
}

/// An objective row and its phase rows.
#[derive(Clone)]
pub struct DraftObjective {
    /// The objective's own row.
    pub row: DraftRow,
    /// The category its description's prefix declares.
    pub category: Option<Category>,
    /// Its phases.
    pub phases: Vec<DraftRow>,
}

/// One row of an objectives table: six cells as written, the entry they mean.
#[derive(Clone)]
pub struct DraftRow {
    /// N°, description, weight, indicators, expected values, due.
    pub cells: [String; 6],
    /// What the row means (lines and page filled in by the renderer).
    pub entry: Entry,
    /// Whether a page break (a page number between blank lines, in text) comes before it.
    pub page_break_before: bool,
}

/// One row of a staff table.
#[derive(Clone)]
pub struct DraftStaff {
    /// N., name, objective, weight as written.
    pub cells: [String; 4],
    /// What it means.
    pub staff: Staff,
}

/// Draws a random plan.
pub fn random_draft(rng: &mut Rng) -> Draft {
    let plan_year = rng.u16(2019..=2025);
    let (ente_lines, ente) = random_ente(rng);
    let structure_count = weighted_count(rng, 1, 8);
    let mut names: Vec<&str> = vocab::STRUCTURE_NAMES.to_vec();
    rng.shuffle(&mut names);
    let structures: Vec<DraftStructure> = names
        .into_iter()
        .take(structure_count)
        .enumerate()
        .map(|(index, name)| random_structure(rng, index, name, plan_year))
        .collect();
    let inferred = most_common_due_year(&structures);
    let (title, year) = if rng.u32(0..3) == 0 && inferred.is_some() {
        (pick(rng, vocab::TITLES_WITHOUT_YEAR).to_string(), inferred)
    } else {
        (title_with_year(rng, plan_year), Some(plan_year))
    };
    Draft {
        ente_lines,
        ente,
        title,
        year,
        preamble: random_preamble(rng),
        structures,
    }
}

/// One of `items`, at random.
pub fn pick<'a, T>(rng: &mut Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

/// A count in `low..=high`, small counts more likely than large ones.
fn weighted_count(rng: &mut Rng, low: usize, high: usize) -> usize {
    let a = rng.usize(low..=high);
    let b = rng.usize(low..=high);
    if rng.u32(0..4) == 0 {
        a.max(b)
    } else {
        a.min(b)
    }
}

fn random_ente(rng: &mut Rng) -> (Vec<String>, Ente) {
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

fn title_with_year(rng: &mut Rng, year: u16) -> String {
    match rng.u32(0..4) {
        0 => format!("PIANO DELLA PERFORMANCE {year}"),
        1 => format!("PIANO ESECUTIVO DI GESTIONE E PIANO DEGLI OBIETTIVI - ANNO {year}"),
        2 => format!("PIANO DETTAGLIATO DEGLI OBIETTIVI {year}/{}", year + 2),
        _ => format!("Piano della Performance {year}-{}", year + 2),
    }
}

fn random_preamble(rng: &mut Rng) -> Vec<DraftSection> {
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

fn random_structure(rng: &mut Rng, index: usize, name: &str, year: u16) -> DraftStructure {
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
        strategic_line,
        strategic_objectives,
        missions,
        operational_objective,
        head_line: None,
        description_header: description_header.to_owned(),
        objectives_label: Some(label_of(description_header)),
        objectives,
        staff,
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

/// Up to `most` distinct items of `items`, at least one.
fn distinct<T: Clone>(rng: &mut Rng, items: &[T], most: usize) -> Vec<T> {
    let mut indices: Vec<usize> = (0..items.len()).collect();
    rng.shuffle(&mut indices);
    let count = rng.usize(1..=most.min(items.len()));
    indices[..count].iter().map(|&i| items[i].clone()).collect()
}

/// Items joined with "; ", sometimes with a trailing ";".
fn join_list(rng: &mut Rng, items: &[String]) -> String {
    let joined = items.join("; ");
    if rng.u32(0..3) == 0 {
        format!("{joined};")
    } else {
        joined
    }
}

fn random_objectives(rng: &mut Rng, year: u16) -> Vec<DraftObjective> {
    let count = weighted_count(rng, 1, 20);
    let weights = objective_weights(rng, count);
    weights
        .into_iter()
        .enumerate()
        .map(|(index, (written_weight, weight))| {
            let number = (index + 1).to_string();
            let (prefix, category) = match rng.u32(0..6) {
                0 => ("Obiettivo di mantenimento: ", Some(Category::Mantenimento)),
                1 => ("Obiettivo di sviluppo: ", Some(Category::Sviluppo)),
                2 => (
                    "Obiettivo di sviluppo specifico dell'area: ",
                    Some(Category::Sviluppo),
                ),
                _ => ("", None),
            };
            let description = format!(
                "{prefix}{} {}{}.",
                pick(rng, vocab::OBJECTIVE_ACTIONS),
                pick(rng, vocab::OBJECTS),
                pick(rng, vocab::QUALIFIERS)
            );
            let row = random_row(
                rng,
                number.clone(),
                description,
                written_weight,
                weight,
                year,
            );
            let phase_count = weighted_count(rng, 0, 5);
            let phase_weights = phase_weights(rng, phase_count);
            let phases = phase_weights
                .into_iter()
                .enumerate()
                .map(|(p, (written_weight, weight))| {
                    let suffix = if rng.u32(0..5) == 0 { "." } else { "" };
                    let written_number = format!("{number}.{}{suffix}", p + 1);
                    let separator = if rng.u32(0..8) == 0 {
                        "Fase:"
                    } else {
                        "Fase: "
                    };
                    let description = format!("{separator}{}", pick(rng, vocab::PHASE_ACTIONS));
                    let mut row = random_row(
                        rng,
                        written_number,
                        description,
                        written_weight,
                        weight,
                        year,
                    );
                    row.entry.number = format!("{number}.{}", p + 1);
                    row
                })
                .collect();
            DraftObjective {
                row,
                category,
                phases,
            }
        })
        .collect()
}

fn random_row(
    rng: &mut Rng,
    number: String,
    description: String,
    written_weight: String,
    weight: Option<f64>,
    year: u16,
) -> DraftRow {
    let indicators = (rng.u32(0..4) != 0).then(|| pick(rng, vocab::INDICATORS).to_string());
    let expected = (rng.u32(0..4) != 0).then(|| pick(rng, vocab::EXPECTED_VALUES).to_string());
    let due: Option<Due> = (rng.u32(0..20) != 0).then(|| random_due(rng, year));
    let cells = [
        number.clone(),
        description.clone(),
        written_weight,
        indicators.clone().unwrap_or_default(),
        expected.clone().unwrap_or_default(),
        due.as_ref().map(|d| d.raw.clone()).unwrap_or_default(),
    ];
    DraftRow {
        cells,
        entry: Entry {
            number,
            description,
            weight,
            indicators,
            expected,
            due,
            lines: LineSpan(0, 0),
            page: None,
            ..Entry::default()
        },
        page_break_before: rng.u32(0..12) == 0,
    }
}

/// Objective weights as written and meant: integers or an equal split with a
/// decimal comma; now and then one cell left empty.
fn objective_weights(rng: &mut Rng, count: usize) -> Vec<(String, Option<f64>)> {
    let mut weights: Vec<(String, Option<f64>)> = if rng.bool() && 100 % count != 0 {
        let share = (10000 / count) as f64 / 100.0;
        let written = format!("{share:.2}").replace('.', ",");
        let space = if rng.bool() { " " } else { "" };
        vec![(format!("{written}{space}%"), Some(share)); count]
    } else {
        integer_split(rng, count)
            .into_iter()
            .map(|w| (format!("{w}%"), Some(f64::from(w))))
            .collect()
    };
    if count > 1 && rng.u32(0..10) == 0 {
        let index = rng.usize(..count);
        weights[index] = (String::new(), None);
    }
    weights
}

/// 100 split into `count` positive integers, multiples of 5 when they can be.
fn integer_split(rng: &mut Rng, count: usize) -> Vec<u32> {
    let count32 = u32::try_from(count).unwrap_or(1).max(1);
    let unit = if count32 <= 20 && 100 / count32 >= 5 {
        5
    } else {
        1
    };
    let units = 100 / unit;
    let mut parts = vec![1u32; count];
    for _ in 0..(units - count32) {
        let index = rng.usize(..count);
        parts[index] += 1;
    }
    parts.into_iter().map(|p| p * unit).collect()
}

/// Phase weights as written ("(50%)", "50%") and meant: an equal split, floored.
fn phase_weights(rng: &mut Rng, count: usize) -> Vec<(String, Option<f64>)> {
    if count == 0 {
        return Vec::new();
    }
    let share = 100 / u32::try_from(count).unwrap_or(1);
    let bracketed = rng.u32(0..4) != 0;
    (0..count)
        .map(|_| {
            let written = if bracketed {
                format!("({share}%)")
            } else {
                format!("{share}%")
            };
            (written, Some(f64::from(share)))
        })
        .collect()
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

/// The year most dues name, when one year is strictly the most common.
fn most_common_due_year(structures: &[DraftStructure]) -> Option<u16> {
    let mut counts = std::collections::BTreeMap::<u16, usize>::new();
    let rows = structures
        .iter()
        .flat_map(|s| &s.objectives)
        .flat_map(|o| std::iter::once(&o.row).chain(&o.phases));
    for row in rows {
        if let Some(year) = row.entry.due.as_ref().and_then(|d| d.date?.year()) {
            *counts.entry(year).or_default() += 1;
        }
    }
    let best = counts.values().copied().max()?;
    let mut winners = counts.iter().filter(|&(_, &n)| n == best);
    match (winners.next(), winners.next()) {
        (Some((&year, _)), None) => Some(year),
        _ => None,
    }
}
