//! What each line of a layout became once parsed.
//!
//! The parser reads lines of cells into a plan; a [`LineRole`] says, for one
//! line, what it turned into (the title, a structure heading, an objective's
//! row, a totals row set aside …), and [`Roles`] holds one per line. They
//! serve views of a document (a page coloured by role) and people writing a
//! profile for a new layout (`piano text --roles`), who need to see how each
//! line was read without reading the plan back line by line.

use std::fmt;

use crate::{Code, TextLine};

/// What one line became once parsed. Lines the plan holds have the role of
/// the part they fill; lines set aside have the role of the diagnostic that
/// reports them ([`LineRole::reported_by`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LineRole {
    /// The ente's line at the top ("COMUNE DI X"), or its provincia's.
    Ente,
    /// The plan's title, or a line of it wrapped in capitals.
    Title,
    /// Prose or a heading before the first structure, kept in `preamble`.
    Preamble,
    /// Opens a structure: a structure or programme heading, or the caption
    /// naming a table that is a structure of its own.
    StructureHeading,
    /// A budget mission heading ("MISSIONE 01 – …"), the mission of the
    /// structures under it.
    MissionHeading,
    /// A structure's field above its table (strategic line, mission,
    /// operational objective …) or its head's line, wrapped lines included.
    StructureField,
    /// A table's header row (objectives, phases or staff), a line it wraps
    /// onto, or the title line announcing a staff table.
    TableHeader,
    /// An objective: its row and the lines continuing it, or the line
    /// opening its card ("Obiettivo n. 3").
    Objective,
    /// A phase of an objective: its row and the lines continuing it, or a
    /// piece of a phase rebuilt from a table torn apart.
    Phase,
    /// A labelled field of an objective card ("Peso", "30%").
    CardField,
    /// A row of a staff table.
    StaffRow,
    /// A bare page number, set aside.
    PageNumber,
    /// A running page header or footer, or a table header repeated after a
    /// page break, set aside.
    Furniture,
    /// A line after a PIAO's performance sub-section, set aside.
    OutsidePerformance,
    /// A totals row under a table ("TOTALE 100%"), set aside.
    TotalRow,
    /// A row read as a garbled copy of a neighbour (an OCR ghost), dropped.
    GarbledRow,
    /// Text that fits nowhere in the plan, kept only in a diagnostic.
    Unplaced,
}

impl LineRole {
    /// Every role, in reading order (preamble, structures, lines set aside).
    pub const ALL: [LineRole; 17] = [
        LineRole::Ente,
        LineRole::Title,
        LineRole::Preamble,
        LineRole::StructureHeading,
        LineRole::MissionHeading,
        LineRole::StructureField,
        LineRole::TableHeader,
        LineRole::Objective,
        LineRole::Phase,
        LineRole::CardField,
        LineRole::StaffRow,
        LineRole::PageNumber,
        LineRole::Furniture,
        LineRole::OutsidePerformance,
        LineRole::TotalRow,
        LineRole::GarbledRow,
        LineRole::Unplaced,
    ];

    /// The role's kebab-case name, as `piano text --roles` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            LineRole::Ente => "ente",
            LineRole::Title => "title",
            LineRole::Preamble => "preamble",
            LineRole::StructureHeading => "structure-heading",
            LineRole::MissionHeading => "mission-heading",
            LineRole::StructureField => "structure-field",
            LineRole::TableHeader => "table-header",
            LineRole::Objective => "objective",
            LineRole::Phase => "phase",
            LineRole::CardField => "card-field",
            LineRole::StaffRow => "staff-row",
            LineRole::PageNumber => "page-number",
            LineRole::Furniture => "furniture",
            LineRole::OutsidePerformance => "outside-performance",
            LineRole::TotalRow => "total-row",
            LineRole::GarbledRow => "garbled-row",
            LineRole::Unplaced => "unplaced",
        }
    }

    /// For a line set aside, the code of the diagnostic that reports it (at
    /// the line, or at the first line of a run set aside together); `None`
    /// for a line the plan holds.
    pub fn reported_by(self) -> Option<Code> {
        match self {
            LineRole::PageNumber => Some(Code::PageNumber),
            LineRole::Furniture => Some(Code::PageFurniture),
            LineRole::OutsidePerformance => Some(Code::OutsidePerformance),
            LineRole::TotalRow => Some(Code::TotalRow),
            LineRole::GarbledRow => Some(Code::GarbledRow),
            LineRole::Unplaced => Some(Code::TextUnplaced),
            LineRole::Ente
            | LineRole::Title
            | LineRole::Preamble
            | LineRole::StructureHeading
            | LineRole::MissionHeading
            | LineRole::StructureField
            | LineRole::TableHeader
            | LineRole::Objective
            | LineRole::Phase
            | LineRole::CardField
            | LineRole::StaffRow => None,
        }
    }
}

impl fmt::Display for LineRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One role per line of a layout, found by the line's number and page.
///
/// The page is part of the key because a form feed inside a line of a text
/// dump cuts it into two [`TextLine`]s with one number, one on each page, and
/// each may become something else (the end of a row, the next heading).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    /// Sorted by line and page, one entry per line. The parser decides
    /// roles mostly in line order, so a new one is usually pushed at the end
    /// (every parse records them, and a map cost a few percent of it).
    by_line: Vec<(LineKey, LineRole)>,
}

/// A line's number and page.
type LineKey = (u32, Option<u32>);

impl Roles {
    /// No roles yet.
    pub fn new() -> Roles {
        Roles::default()
    }

    /// Gives the line numbered `number` on `page` its role; a later decision
    /// replaces an earlier one (a row first read as an objective may turn
    /// out to be a phase, or to fit nowhere).
    pub fn set(&mut self, number: u32, page: Option<u32>, role: LineRole) {
        let key = (number, page);
        match self.by_line.last() {
            Some((last, _)) if *last >= key => match self.find(key) {
                Ok(index) => self.by_line[index].1 = role,
                Err(index) => self.by_line.insert(index, (key, role)),
            },
            _ => self.by_line.push((key, role)),
        }
    }

    /// Where the line keyed `key` is, or would go.
    fn find(&self, key: LineKey) -> Result<usize, usize> {
        self.by_line.binary_search_by(|(line, _)| line.cmp(&key))
    }

    /// Gives `line` its role, replacing any earlier one.
    pub fn set_line(&mut self, line: &TextLine, role: LineRole) {
        self.set(line.number, line.page, role);
    }

    /// Gives `line` a role only if it has none yet.
    pub fn fill_line(&mut self, line: &TextLine, role: LineRole) {
        if self.of(line).is_none() {
            self.set_line(line, role);
        }
    }

    /// The role of the line numbered `number` on `page`, if it has one.
    pub fn get(&self, number: u32, page: Option<u32>) -> Option<LineRole> {
        let index = self.find((number, page)).ok()?;
        self.by_line.get(index).map(|(_, role)| *role)
    }

    /// The role of `line`, if it has one.
    pub fn of(&self, line: &TextLine) -> Option<LineRole> {
        self.get(line.number, line.page)
    }

    /// Takes in `other`'s roles; where both give a line one, `other`'s wins.
    pub fn merge(&mut self, other: Roles) {
        for ((number, page), role) in other.by_line {
            self.set(number, page, role);
        }
    }

    /// Each line's number, page and role, in line order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, Option<u32>, LineRole)> + '_ {
        self.by_line
            .iter()
            .map(|&((number, page), role)| (number, page, role))
    }

    /// How many lines have a role.
    pub fn len(&self) -> usize {
        self.by_line.len()
    }

    /// Whether no line has a role.
    pub fn is_empty(&self) -> bool {
        self.by_line.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_kebab_case() {
        let names: std::collections::BTreeSet<&str> =
            LineRole::ALL.iter().map(|role| role.as_str()).collect();
        assert_eq!(names.len(), LineRole::ALL.len());
        assert!(
            names
                .iter()
                .all(|name| name.chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        );
    }

    #[test]
    fn only_lines_set_aside_are_reported() {
        let reported: Vec<LineRole> = LineRole::ALL
            .into_iter()
            .filter(|role| role.reported_by().is_some())
            .collect();
        assert_eq!(
            reported,
            [
                LineRole::PageNumber,
                LineRole::Furniture,
                LineRole::OutsidePerformance,
                LineRole::TotalRow,
                LineRole::GarbledRow,
                LineRole::Unplaced,
            ]
        );
        assert_eq!(LineRole::Unplaced.reported_by(), Some(Code::TextUnplaced));
    }

    #[test]
    fn a_line_cut_by_a_form_feed_keeps_a_role_per_page() {
        let mut roles = Roles::new();
        let end_of_row = TextLine::from_texts(2, Some(1), ["1", "x"]);
        let heading = TextLine::from_texts(2, Some(2), ["STRUTTURA: B"]);
        roles.set_line(&end_of_row, LineRole::Objective);
        roles.set_line(&heading, LineRole::StructureHeading);
        assert_eq!(roles.of(&end_of_row), Some(LineRole::Objective));
        assert_eq!(roles.of(&heading), Some(LineRole::StructureHeading));
        assert_eq!(roles.len(), 2);
    }

    #[test]
    fn roles_decided_out_of_order_are_kept_in_line_order() {
        let mut roles = Roles::new();
        for (number, role) in [
            (5, LineRole::Objective),
            (9, LineRole::PageNumber),
            (2, LineRole::Title),
            (7, LineRole::Unplaced),
            (5, LineRole::Phase),
            (1, LineRole::Ente),
        ] {
            roles.set(number, None, role);
        }
        let listed: Vec<_> = roles
            .iter()
            .map(|(number, _, role)| (number, role))
            .collect();
        assert_eq!(
            listed,
            [
                (1, LineRole::Ente),
                (2, LineRole::Title),
                (5, LineRole::Phase),
                (7, LineRole::Unplaced),
                (9, LineRole::PageNumber),
            ]
        );
        assert_eq!(roles.get(7, None), Some(LineRole::Unplaced));
        assert_eq!(roles.get(7, Some(1)), None);
        assert_eq!(roles.get(3, None), None);
    }

    #[test]
    fn a_later_decision_wins_but_filling_keeps_the_first() {
        let line = TextLine::from_texts(7, None, ["1.1", "Fase: x"]);
        let mut roles = Roles::new();
        roles.set_line(&line, LineRole::Objective);
        roles.fill_line(&line, LineRole::Unplaced);
        assert_eq!(roles.of(&line), Some(LineRole::Objective));
        let mut revised = Roles::new();
        revised.set_line(&line, LineRole::Phase);
        roles.merge(revised);
        assert_eq!(roles.of(&line), Some(LineRole::Phase));
        let listed: Vec<_> = roles.iter().collect();
        assert_eq!(listed, [(7, None, LineRole::Phase)]);
    }
}
