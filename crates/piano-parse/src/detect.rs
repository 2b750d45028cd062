//! Which layout family a document belongs to.
//!
//! Every profile reads the lines; the one that recognises most of them (as
//! structure headings, header fields, table headers, rows and staff titles)
//! is used, and the plan says which it was and how well it fit.

use piano_model::reference::fold;
use piano_model::{Code, Diagnostic, TextLine};

use crate::content_columns::columns_shown;
use crate::line::{LineKind, classify, mark_headings_over_heads};
use crate::vocabulary::{Column, Sections, Vocabulary};

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
    /// A profile of the user's own name that read the document as well as
    /// the bundled profile chosen, which the tie left unused.
    pub tied_unused: Option<&'p str>,
}

/// How many lines a profile recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fit {
    /// Lines that open structures: headings, budget headings, and for a
    /// family whose tables are its structures, their headers.
    pub headings: usize,
    /// Lines read as header fields, table headers, rows, cards or staff titles.
    pub table_lines: usize,
    /// Header cells that name a column the profile knows.
    pub named_columns: usize,
    /// The family's keywords found in the document's opening lines.
    pub keywords: usize,
    /// Whether a table header has every column the family requires.
    pub has_required_columns: bool,
    /// Lines in the document.
    pub lines: usize,
}

/// How many non-blank lines at the top of a document keywords are looked
/// for in: the title and what heads it.
const KEYWORD_LINES: usize = 15;

/// Longest of those lines read for keywords (which are lines of one cell,
/// not table rows): titles and headings are short, prose is not (a plan may well mention the "Relazione sulla performance"
/// of the year before).
const KEYWORD_LINE_MAX_BYTES: usize = 120;

impl Fit {
    /// The fit of a reading; keywords are counted apart, only where they
    /// decide (see [`compete`]).
    fn of<'k>(
        kinds: impl IntoIterator<Item = &'k LineKind> + Clone,
        lines: &[TextLine],
        profile: &Vocabulary,
    ) -> Fit {
        let mut fit = Fit {
            headings: 0,
            table_lines: 0,
            named_columns: 0,
            keywords: 0,
            has_required_columns: !profile.requires_columns()
                || rows_show_required_columns(kinds.clone(), lines, profile),
            lines: 0,
        };
        let mut card_fields = 0;
        for kind in kinds.clone() {
            fit.lines += 1;
            match kind {
                LineKind::Structure(_) | LineKind::BudgetMission(_) => fit.headings += 1,
                LineKind::TableHeader(columns) => {
                    fit.table_lines += 1;
                    fit.named_columns += columns.iter().flatten().count();
                    fit.has_required_columns |= profile.has_required_columns(columns);
                    let opens = profile.sections == Sections::Tables
                        && columns.contains(&Some(Column::HeadWeight));
                    fit.headings += usize::from(opens);
                }
                LineKind::Field(..)
                | LineKind::Row(_)
                | LineKind::CodedRow(_)
                | LineKind::CardOpener(..)
                | LineKind::StaffTitle => fit.table_lines += 1,
                LineKind::CardField(..) => card_fields += 1,
                LineKind::Continuation | LineKind::PageNumber | LineKind::Text => {}
            }
        }
        // Labelled lines ("Responsabile: …") are card fields only under cards.
        let has_cards = kinds
            .into_iter()
            .any(|kind| matches!(kind, LineKind::CardOpener(..)));
        if has_cards {
            fit.table_lines += card_fields;
        }
        fit
    }

    /// Share of the lines recognised, 0 to 1.
    pub fn share(self) -> f64 {
        if self.lines == 0 {
            return 0.0;
        }
        (self.headings + self.table_lines) as f64 / self.lines as f64
    }

    /// Whether the profile reads any structure at all, with the columns the
    /// family requires.
    pub fn fits(self) -> bool {
        self.headings > 0 && self.has_required_columns
    }

    /// Structures weigh most: without them a profile reads no plan at all.
    /// Then what the profile understands of the lines and of the table
    /// headers.
    fn reading(self) -> (bool, usize) {
        (
            self.fits(),
            self.headings + self.table_lines + self.named_columns,
        )
    }

    /// The reading, then keywords, which only part profiles that read the
    /// document alike.
    fn rank(self) -> (bool, usize, usize) {
        let (fits, recognised) = self.reading();
        (fits, recognised, self.keywords)
    }
}

/// Whether rows without a header show the columns the family requires: a
/// profile's columns of tables without header (`columns_without_header`)
/// count as a header's once the rows' cells show each required column, told
/// by content (a column of percentages reached; see [`columns_shown`]),
/// not by being declared, lest a family that requires a column read every
/// table without a header.
fn rows_show_required_columns<'k>(
    kinds: impl IntoIterator<Item = &'k LineKind> + Clone,
    lines: &[TextLine],
    profile: &Vocabulary,
) -> bool {
    let Some(family) = profile.layout.columns_without_header_as_read() else {
        return false;
    };
    if !profile.has_required_columns(&family) {
        return false;
    }
    profile.has_required_columns(&columns_shown(lines, kinds, &family, profile))
}

/// How many lines every profile reads before one is chosen. A family shows
/// in its first tables; reading a long document with every profile would
/// multiply the parse's cost by the number of profiles.
const SAMPLE_LINES: usize = 2_000;

/// Reads `lines` with every profile and keeps the best; `None` without
/// profiles. The profiles compete on the first 2,000 lines (on all
/// of them when none reads a structure there), and the winner reads the rest.
pub fn detect<'p>(lines: &[TextLine], profiles: &'p [Vocabulary]) -> Option<Detection<'p>> {
    let opening: Vec<String> = lines
        .iter()
        .map(|line| line.to_tab_separated())
        .filter(|text| !text.trim().is_empty())
        .take(KEYWORD_LINES)
        .filter(|text| text.len() <= KEYWORD_LINE_MAX_BYTES && !text.trim().contains('\t'))
        .map(|text| fold(&text))
        .collect();
    let sample = &lines[..lines.len().min(SAMPLE_LINES)];
    let mut readings = compete(sample, profiles, &opening);
    let sampled_fit = readings.first().map(|(_, _, fit)| *fit)?;
    if !sampled_fit.fits() && sample.len() < lines.len() {
        readings = compete(lines, profiles, &opening);
    }
    let bundled = |name: &str| Vocabulary::bundled().iter().any(|b| b.name == name);
    let tied_unused = readings
        .split_first()
        .and_then(|((winner, _, best), rest)| {
            let tied = rest
                .iter()
                .take_while(|(_, _, fit)| fit.reading() == best.reading());
            let mut users = tied.filter(|(profile, _, _)| !bundled(&profile.name));
            let user = users.next().filter(|_| bundled(&winner.name))?;
            Some(user.0.name.as_str())
        });
    let mut readings = readings.into_iter();
    let (profile, mut kinds, _) = readings.next()?;
    if kinds.len() < lines.len() {
        kinds.extend(
            lines[kinds.len()..]
                .iter()
                .map(|line| classify(line, profile)),
        );
        mark_headings_over_heads(lines, &mut kinds, profile);
    }
    let fit = Fit::of(&kinds, lines, profile);
    let runner_up = readings
        .next()
        .map(|(profile, _, fit)| (profile.name.as_str(), fit));
    Some(Detection {
        profile,
        kinds,
        fit,
        runner_up,
        tied_unused,
    })
}

/// Every profile's reading of `lines`, best first.
///
/// Rows, continuations and page numbers read alike under every profile (for
/// the fit, a row identified by a code counts as a row), and a profile that
/// extends the first reads its headings, fields and staff titles alike too,
/// and its one-cell lines unless it adds words for them. So the first profile
/// reads every line and the others only the lines that can differ; a profile
/// that wins over the first then reads them all.
fn compete<'p>(
    lines: &[TextLine],
    profiles: &'p [Vocabulary],
    opening: &[String],
) -> Vec<(&'p Vocabulary, Vec<LineKind>, Fit)> {
    let Some((first, others)) = profiles.split_first() else {
        return Vec::new();
    };
    let base = read_lines(lines, first);
    let mut fits: Vec<(usize, Fit)> = vec![(0, Fit::of(&base, lines, first))];
    for (index, profile) in others.iter().enumerate() {
        let extends_first = profile.extends() == Some(first.name.as_str());
        let kinds: Vec<Option<LineKind>> = lines
            .iter()
            .zip(&base)
            .map(|(line, kind)| {
                let alike = reads_alike(kind)
                    || (extends_first && reads_alike_when_extended(kind, line, profile));
                (!alike).then(|| classify(line, profile))
            })
            .collect();
        let mut merged: Vec<LineKind> = kinds
            .into_iter()
            .zip(&base)
            .map(|(own, base)| own.unwrap_or_else(|| base.clone()))
            .collect();
        mark_headings_over_heads(lines, &mut merged, profile);
        fits.push((index + 1, Fit::of(&merged, lines, profile)));
    }
    // Keywords part only the profiles that read the document best, alike.
    let best = fits.iter().map(|(_, fit)| fit.reading()).max();
    for (index, fit) in &mut fits {
        if Some(fit.reading()) == best {
            fit.keywords = opening
                .iter()
                .map(|line| profiles[*index].keyword_hits(line))
                .sum();
        }
    }
    // Stable: on a tie the earlier profile (the bundled default first) wins.
    fits.sort_by_key(|(_, fit)| std::cmp::Reverse(fit.rank()));
    let mut base = Some(base);
    fits.into_iter()
        .enumerate()
        .map(|(rank, (index, fit))| {
            let profile = &profiles[index];
            let kinds = match (rank, index) {
                (_, 0) => base.take().unwrap_or_default(),
                (0, _) => read_lines(lines, profile),
                _ => Vec::new(),
            };
            (profile, kinds, fit)
        })
        .collect()
}

/// What each of `lines` is, read with `profile`: each line on its own, then
/// the headings told by the line below them.
fn read_lines(lines: &[TextLine], profile: &Vocabulary) -> Vec<LineKind> {
    let mut kinds: Vec<LineKind> = lines.iter().map(|line| classify(line, profile)).collect();
    mark_headings_over_heads(lines, &mut kinds, profile);
    kinds
}

/// Whether every profile reads a line of this kind the same way.
fn reads_alike(kind: &LineKind) -> bool {
    matches!(
        kind,
        LineKind::Row(_) | LineKind::Continuation | LineKind::PageNumber
    )
}

/// Whether a profile that extends the first reads a line as the first did:
/// its headings, fields and staff titles keep their meaning (they are checked
/// before anything a profile adds), and so does a line of one cell of text
/// unless the profile has words for such lines of its own.
fn reads_alike_when_extended(kind: &LineKind, line: &TextLine, profile: &Vocabulary) -> bool {
    match kind {
        LineKind::Structure(_) | LineKind::Field(..) | LineKind::StaffTitle => true,
        LineKind::Text => {
            let filled = line
                .cells
                .iter()
                .filter(|cell| !cell.text.trim().is_empty())
                .count();
            filled <= 1 && !profile.reads_own_lines()
        }
        _ => false,
    }
}

impl Detection<'_> {
    /// Whether the chosen profile reads structures: the document is of its family.
    pub fn fits(&self) -> bool {
        self.fit.fits()
    }

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
        let tie = match self.tied_unused {
            Some(name) => format!(
                "; {name} reads it alike but loses the tie to the bundled profile: a profile that changes how a bundled family reads takes its name"
            ),
            None => String::new(),
        };
        Diagnostic::new(
            Code::FamilyDetected,
            format!(
                "read as {}{runner_up}{tie}",
                describe(&self.profile.name, self.fit)
            ),
        )
    }

    /// Why a document with no structure is not a plan of the closest family.
    pub fn why_no_plan(&self) -> String {
        let fit = self.fit;
        let examples: Vec<String> = self
            .profile
            .heading_examples()
            .iter()
            .map(|example| format!("\"{example}\""))
            .collect();
        let why = if fit.headings == 0 && examples.is_empty() {
            "no table has a header it reads as a structure's (a caption line above a header naming a number, a description and heads)".to_owned()
        } else if fit.headings == 0 {
            format!(
                "no line is one of its structure headings (such as {})",
                examples.join(", ")
            )
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
    fn a_user_profile_that_ties_with_the_bundled_one_is_told_it_lost() {
        let mine = Vocabulary::from_toml(
            "name = \"mine\"\nextends = \"struttura-table\"\n[layout]\nphase_when_deeper = false",
        )
        .expect("a valid profile");
        let profiles = Vocabulary::with_user_profiles(vec![mine]);
        let document = lines(&[
            "SETTORE: TRIBUTI",
            "N°\tDescrizione\tPeso",
            "1\tRiscossione\t100%",
        ]);
        let detection = detect(&document, &profiles).expect("profiles");
        assert_eq!(detection.profile.name, "struttura-table");
        let message = detection.diagnostic().message;
        assert!(
            message.contains("mine reads it alike but loses the tie"),
            "{message}"
        );
        let bundled = detect(&document, Vocabulary::bundled()).expect("profiles");
        assert!(!bundled.diagnostic().message.contains("a tie"));
    }

    #[test]
    fn rows_without_header_show_the_columns_a_family_requires() {
        let report = |layout: &str| {
            let text = format!("name = \"results-report\"\nextends = \"results-report\"\n{layout}");
            Vocabulary::from_toml(&text).expect("a valid profile")
        };
        let document = lines(&["SETTORE: TRIBUTI", "1\tRiscossione\t100%\t31.12.2022\t90%"]);
        let plain = [report("")];
        // Two columns of percentages: the weight, then the percent reached.
        assert!(detect(&document, &plain).expect("one").fits());
        let once = lines(&["SETTORE: TRIBUTI", "1\tRiscossione\t100%\t31.12.2022"]);
        assert!(
            !detect(&once, &plain).expect("one").fits(),
            "no percent reached"
        );
        let named = "[layout]\ncolumns_without_header = [\"number\", \"description\", \"weight\", \"due\", \"achievement\"]";
        let named = [report(named)];
        assert!(detect(&document, &named).expect("one").fits());
        // Declared, the column must still show in the rows: a plan's note
        // where the percent reached would stand is no report's.
        let plan = lines(&[
            "SETTORE: TRIBUTI",
            "1\tRiscossione\t100%\t31.12.2022\tCon la Pro Loco",
        ]);
        assert!(!detect(&plan, &named).expect("one").fits(), "a note");
        assert!(!detect(&plan, &plain).expect("one").fits(), "a note");
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

    #[test]
    fn no_plan_gives_the_closest_familys_own_headings_as_examples() {
        let cases = [
            (
                "name = \"u\"\nsection_words = [\"Ufficio\", \"Ufficio tecnico\", \"Unità di progetto\"]",
                "(such as \"UFFICIO: …\", \"UNITA DI PROGETTO: …\")",
            ),
            (
                "name = \"b\"\nmission_words = [\"Missione\"]\nprogramme_words = [\"Programma\"]",
                "(such as \"MISSIONE 01 – …\", \"PROGRAMMA 01 – …\")",
            ),
            (
                "name = \"t\"\nsections = \"tables\"",
                "no table has a header it reads as a structure's",
            ),
        ];
        for (toml, examples) in cases {
            let profiles = [Vocabulary::from_toml(toml).expect("a valid profile")];
            let detection = detect(&lines(&["Caro amico ti scrivo"]), &profiles).expect("one");
            let why = detection.why_no_plan();
            assert!(why.contains(examples), "{why}");
        }
    }
}
