//! A structure's header fields (Missione, Responsabile, …) and values that
//! wrap onto the lines below their label.

use std::sync::LazyLock;

use piano_model::reference::{MISSIONS, mission_code};
use piano_model::{Code, Diagnostic, LineRole, Mission, TextLine};
use regex::Regex;

use super::SectionBuilder;
use crate::line::BudgetHeading;
use crate::ocr_repair;
use crate::text::{clean, join_wrapped};
use crate::vocabulary::{Field, Vocabulary};

impl SectionBuilder<'_> {
    /// A header field ("Missione …"), unless a card is open and its label
    /// is also one of a card's ("Obiettivo operativo" names a structure's
    /// field and a card's description): then the card's field.
    pub fn field(&mut self, field: Field, value: String, line: &TextLine) {
        if let Some(column) = self.in_card().then(|| self.card_label_of(line)).flatten() {
            self.card_field(column, &value, line);
            return;
        }
        let split = |value: &str| -> Vec<String> {
            value
                .split(';')
                .map(clean)
                .filter(|part| !part.is_empty())
                .collect()
        };
        self.last_field = Some(field);
        self.role(line, LineRole::StructureField);
        if value.is_empty() {
            // A label alone: its value follows on continuation lines.
            return;
        }
        match field {
            Field::StrategicLine => add_to_scalar(&mut self.structure.strategic_line, value),
            Field::OperationalObjective => {
                add_to_scalar(&mut self.structure.operational_objective, value)
            }
            Field::StrategicObjective => self.structure.strategic_objectives.extend(split(&value)),
            Field::Mission => {
                for written in split(&value) {
                    let (written, repaired) = read_without_rules(&written, line);
                    if let Some(diagnostic) = repaired {
                        self.diagnostics.push(self.locate(line)(diagnostic));
                    }
                    let Mission { name, mut code } = mission(&written, self.words);
                    if code.is_none() {
                        let (found, diagnostic) = mission_read_with_errors(&name, line);
                        code = found;
                        self.diagnostics.push(self.locate(line)(diagnostic));
                    }
                    self.structure.missions.push(Mission { name, code });
                }
            }
        }
    }

    /// A wrapped header field: scalar fields grow, list fields gain items.
    pub(super) fn append_to_field(&mut self, field: Field, text: String, line: &TextLine) {
        let join = |value: &mut Option<String>| {
            *value = Some(
                value
                    .take()
                    .map_or_else(|| text.clone(), |v| join_wrapped(&v, &text)),
            );
        };
        match field {
            Field::StrategicLine => join(&mut self.structure.strategic_line),
            Field::OperationalObjective => join(&mut self.structure.operational_objective),
            Field::StrategicObjective | Field::Mission => self.field(field, text, line),
        }
    }
}

/// The mission a budget heading on `line` names: its code when it is an
/// official one, else the code its name gives, read with errors where OCR
/// read the line with low confidence (the diagnostic that says so).
pub fn budget_mission(heading: &BudgetHeading, line: &TextLine) -> (Mission, Option<Diagnostic>) {
    let code = format!("{:0>2}", heading.code);
    let official = MISSIONS.iter().any(|m| m.code == code);
    let name = heading.name.clone();
    if official {
        let code = Some(code);
        return (Mission { name, code }, None);
    }
    // A number OCR could not read (none kept) is found from the name alone.
    if let Some(code) = mission_code(&name).filter(|_| !heading.code.is_empty()) {
        let code = Some(code.to_owned());
        return (Mission { name, code }, None);
    }
    let (code, diagnostic) = mission_read_with_errors(&name, line);
    let repaired = diagnostic.code == Code::OcrRepaired;
    let diagnostic = repaired.then(|| {
        diagnostic
            .at_line(line.number, line.page)
            .with_excerpt(&line.to_tab_separated())
    });
    (Mission { name, code }, diagnostic)
}

/// A mission `written` on `line` without the table's rules OCR read beside
/// it ("[Turismo |"), where OCR read the line with low confidence and the
/// name without them is an official mission's, or a few misread characters
/// from one (with the `ocr-repaired` diagnostic that says so); else as
/// written.
fn read_without_rules(written: &str, line: &TextLine) -> (String, Option<Diagnostic>) {
    let kept = ocr_repair::without_rule_marks(written);
    let proved = kept != written
        && line.is_doubtful()
        && (mission_code(kept).is_some() || ocr_repair::mission_code(kept).is_some());
    if !proved {
        return (written.to_owned(), None);
    }
    let diagnostic = Diagnostic::new(
        Code::OcrRepaired,
        format!(
            "mission {written:?}, recognised with low confidence, read as {kept:?}: the marks beside it are a table's rules, and without them it names a mission"
        ),
    );
    (kept.to_owned(), Some(diagnostic))
}

/// The code of a mission named `name`, which is no official name, on
/// `line`: where OCR read the line with low confidence and the name is a
/// few misread characters from one official name, that mission's code
/// (`ocr-repaired`, the name kept as read); else none (`mission-unknown`).
fn mission_read_with_errors(name: &str, line: &TextLine) -> (Option<String>, Diagnostic) {
    let found = line
        .is_doubtful()
        .then(|| ocr_repair::mission_code(name))
        .flatten();
    match found {
        Some(code) => (
            Some(code.to_owned()),
            Diagnostic::new(
                Code::OcrRepaired,
                format!(
                    "mission {name:?}, recognised with low confidence, taken for mission {code}: its name is within a few misread characters of that one official name (and kept as read)"
                ),
            ),
        ),
        None => (
            None,
            Diagnostic::new(
                Code::MissionUnknown,
                format!("mission {name:?} is not one of the D.Lgs. 118/2011 missions"),
            ),
        ),
    }
}

/// A mission's number and what follows it ("06 Politiche giovanili…"),
/// which opens with no digit: "100%" holds no mission 10.
static NUMBERED_MISSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})\s*[-–—:.)]?\s*(\D.*)?$").expect("the mission pattern is valid")
});

/// The same after the mission's label ("Missione n. 12 - …"): the label's
/// words are the profile's (`fields.mission`), "n." the language's.
static LABELLED_MISSION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:n\.?\s*)?(\d{1,2})\s*[-–—:.)]?\s*(\D.*)?$")
        .expect("the mission pattern is valid")
});

/// A mission as written: "Ordine pubblico e sicurezza", or with its number
/// ("Missione 12 - Diritti sociali…", "06 Politiche giovanili…"), which then
/// gives the code when it is an official one; the name is what follows it.
pub(super) fn mission(written: &str, words: &Vocabulary) -> Mission {
    let captures = match words.after_field_label(written, Field::Mission) {
        Some(rest) => LABELLED_MISSION.captures(rest),
        None => NUMBERED_MISSION.captures(written),
    };
    let numbered = captures.and_then(|captures| {
        let code = format!("{:0>2}", captures.get(1)?.as_str());
        let name = clean(captures.get(2).map_or("", |m| m.as_str()));
        MISSIONS
            .iter()
            .any(|m| m.code == code)
            .then_some((code, name))
    });
    match numbered {
        Some((code, name)) if name.is_empty() => Mission {
            name: written.to_owned(),
            code: Some(code),
        },
        Some((code, name)) => Mission {
            name,
            code: Some(code),
        },
        None => Mission {
            name: written.to_owned(),
            code: mission_code(written).map(str::to_owned),
        },
    }
}

/// A scalar header field given twice keeps both values, joined by "; ".
fn add_to_scalar(field: &mut Option<String>, value: String) {
    *field = Some(match field.take() {
        Some(previous) if !value.is_empty() => format!("{previous}; {value}"),
        Some(previous) => previous,
        None => value,
    });
}
