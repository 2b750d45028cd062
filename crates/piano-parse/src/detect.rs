//! Which layout family a document belongs to.
//!
//! Every profile reads the lines; the one that recognises most of them (as
//! structure headings, header fields, table headers, rows and staff titles)
//! is used, and the plan says which it was and how well it fit.

use piano_model::{Code, Diagnostic, TextLine};

use crate::line::{LineKind, classify};
use crate::vocabulary::Vocabulary;

/// The profile chosen for a document, with the lines as it reads them.
pub struct Detection<'p> {
    /// The profile that recognised most lines.
    pub profile: &'p Vocabulary,
    /// Each line as the chosen profile reads it.
    pub kinds: Vec<LineKind>,
    /// How the chosen profile fared.
    pub fit: Fit,
    /// The next best profile's name and fit, when there is another.
    pub runner_up: Option<(&'p str, Fit)>,
}

/// How many lines a profile recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Lines read as structure headings.
    pub headings: usize,
    /// Lines read as header fields, table headers, rows or staff titles.
    pub table_lines: usize,
    /// Lines in the document.
    pub lines: usize,
}

impl Fit {
    fn of(kinds: &[LineKind]) -> Fit {
        let headings = kinds
            .iter()
            .filter(|kind| matches!(kind, LineKind::Structure(_)))
            .count();
        let table_lines = kinds
            .iter()
            .filter(|kind| {
                matches!(
                    kind,
                    LineKind::Field(..)
                        | LineKind::TableHeader(_)
                        | LineKind::Row(_)
                        | LineKind::StaffTitle
                )
            })
            .count();
        Fit {
            headings,
            table_lines,
            lines: kinds.len(),
        }
    }

    /// Share of the lines recognised, 0 to 1.
    pub fn share(self) -> f64 {
        if self.lines == 0 {
            return 0.0;
        }
        (self.headings + self.table_lines) as f64 / self.lines as f64
    }

    /// Headings weigh most: without them a profile reads no structure at all.
    fn rank(self) -> (bool, usize) {
        (self.headings > 0, self.headings + self.table_lines)
    }
}

/// Reads `lines` with every profile and keeps the best; `None` without profiles.
pub fn detect<'p>(lines: &[TextLine], profiles: &'p [Vocabulary]) -> Option<Detection<'p>> {
    let mut readings: Vec<(&Vocabulary, Vec<LineKind>, Fit)> = profiles
        .iter()
        .map(|profile| {
            let kinds: Vec<LineKind> = lines.iter().map(|line| classify(line, profile)).collect();
            let fit = Fit::of(&kinds);
            (profile, kinds, fit)
        })
        .collect();
    // Stable: on a tie the earlier profile (the bundled default first) wins.
    readings.sort_by_key(|(_, _, fit)| std::cmp::Reverse(fit.rank()));
    let mut readings = readings.into_iter();
    let (profile, kinds, fit) = readings.next()?;
    let runner_up = readings
        .next()
        .map(|(profile, _, fit)| (profile.name.as_str(), fit));
    Some(Detection {
        profile,
        kinds,
        fit,
        runner_up,
    })
}

impl Detection<'_> {
    /// The `family-detected` diagnostic: which profile, and how sure.
    pub fn diagnostic(&self) -> Diagnostic {
        let describe = |name: &str, fit: Fit| {
            format!(
                "{name}: {} structure headings and {} table lines among {} lines ({:.0}%)",
                fit.headings,
                fit.table_lines,
                fit.lines,
                fit.share() * 100.0
            )
        };
        let runner_up = match &self.runner_up {
            Some((name, fit)) => format!("; next best {}", describe(name, *fit)),
            None => String::new(),
        };
        Diagnostic::new(
            Code::FamilyDetected,
            format!(
                "read as {}{runner_up}",
                describe(&self.profile.name, self.fit)
            ),
        )
    }

    /// Why a document with no structure is not a plan of the closest family.
    pub fn why_no_plan(&self) -> String {
        let fit = self.fit;
        let why = if fit.headings == 0 {
            "no line is one of its structure headings (such as \"STRUTTURA: …\")".to_owned()
        } else {
            format!(
                "{} structure headings but no table under them",
                fit.headings
            )
        };
        format!(
            "no plan found: the closest layout family is {}, but {why}; {} of {} lines read as its table lines",
            self.profile.name, fit.table_lines, fit.lines
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(texts: &[&str]) -> Vec<TextLine> {
        texts
            .iter()
            .enumerate()
            .map(|(index, text)| TextLine::from_texts(index as u32 + 1, None, text.split('\t')))
            .collect()
    }

    #[test]
    fn the_profile_that_reads_most_lines_wins() {
        let other = Vocabulary::from_toml(
            r#"
            name = "ufficio-table"
            section_words = ["Ufficio"]
            role_words = []
            interim_markers = []
            title_words = []
            phase_markers = []
            staff_titles = []
            [fields]
            [columns]
            number = ["Cod."]
            description = ["Attività"]
            weight = ["Peso"]
            "#,
        )
        .expect("a valid profile");
        let profiles = [Vocabulary::default_profile().clone(), other];
        let document = lines(&[
            "UFFICIO: TRIBUTI",
            "Cod.\tAttività\tPeso",
            "1\tRiscossione\t100%",
        ]);
        let detection = detect(&document, &profiles).expect("two profiles");
        assert_eq!(detection.profile.name, "ufficio-table");
        assert_eq!(detection.fit.headings, 1);
        assert!(
            detection
                .diagnostic()
                .message
                .contains("next best struttura-table")
        );
    }

    #[test]
    fn says_why_a_document_is_no_plan() {
        let profiles = [Vocabulary::default_profile().clone()];
        let detection = detect(&lines(&["Caro amico ti scrivo"]), &profiles).expect("a profile");
        assert!(
            detection
                .why_no_plan()
                .contains("closest layout family is struttura-table")
        );
    }
}
