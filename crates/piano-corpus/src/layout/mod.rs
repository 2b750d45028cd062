//! The layout space: one plan written in many layouts along independent
//! axes, combined at random.
//!
//! A [`Layout`] holds one value per axis. [`Layout::canonical`] is the
//! template the generator always wrote (a struttura-table dump);
//! [`Layout::random`] draws every axis on its own. A layout acts in two
//! steps: [`Layout::apply`] rewrites the cells an axis prints differently
//! (numbers, weights, dues, headings, field labels, the description header)
//! together with what they mean, and [`crate::sheet`] lays the rewritten
//! draft out (column order, empty columns, header placement and shape,
//! blank lines, page breaks). The expected plan is the same for every layout
//! of one draft except the fields [`Layout::rewrites`] names.

pub mod budget;
pub mod cards;
pub mod codes;
pub mod columns;
pub mod dues;
pub mod header;
pub mod headings;
pub mod matrix;
mod names;
pub mod numbering;
pub mod office;
pub mod spacing;
pub mod weights;
pub mod wording;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_families;

use fastrand::Rng;

use crate::draft::Draft;
use crate::family::Family;
use budget::BudgetHeading;
use cards::{CardFields, CardOpener, PhaseNumbers};
use codes::CodeStyle;
use columns::{ColumnOrder, EmptyColumns};
use dues::DueForm;
use header::{HeaderPlacement, HeaderShape};
use headings::{FieldLabels, HeadingStyle};
use matrix::{Footer, HeadOrder};
use numbering::Numbering;
use spacing::{BlankRows, PageBreaks};
use weights::WeightForm;
use wording::Wording;

/// Defines an axis whose values are a closed list: the enum, its `ALL`
/// values (the canonical one first), their names and a uniform draw.
macro_rules! axis {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// Every value of the axis, the canonical one first.
            pub const ALL: &[$name] = &[$($name::$variant),+];

            /// The value's name, as the sidecar and the script print it.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $label),+
                }
            }

            /// One value, each as likely as the others.
            pub fn random(rng: &mut fastrand::Rng) -> $name {
                Self::ALL[rng.usize(..Self::ALL.len())]
            }
        }
    };
}
pub(crate) use axis;

/// One value per axis of the layout space, for one family (whose axes
/// alone are drawn and listed: a struttura-table has no budget headings,
/// a weight matrix no dues).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The family the layout writes (not an axis: the draft's).
    pub family: Family,
    /// The order of the objectives table's columns.
    pub order: ColumnOrder,
    /// An empty column, and where.
    pub empty: EmptyColumns,
    /// Which tables show the header.
    pub header: HeaderPlacement,
    /// How the header is drawn (one line, wrapped, two levels).
    pub shape: HeaderShape,
    /// The words of the header cells.
    pub wording: Wording,
    /// How rows are numbered (struttura-table).
    pub numbering: Numbering,
    /// How budget codes are written (code-table).
    pub codes: CodeStyle,
    /// How weights are written.
    pub weights: WeightForm,
    /// How day dues are written.
    pub dues: DueForm,
    /// The structure heading's case and punctuation (struttura-table).
    pub heading: HeadingStyle,
    /// How the structure's labelled fields are written (struttura-table).
    pub fields: FieldLabels,
    /// How MISSIONE and PROGRAMMA headings are written (code-table).
    pub budget_heading: BudgetHeading,
    /// Blank lines between rows.
    pub blank_rows: BlankRows,
    /// Where page breaks fall.
    pub page_breaks: PageBreaks,
    /// The line opening each card (objective-cards).
    pub opener: CardOpener,
    /// Where a card field's label stands (objective-cards).
    pub card_fields: CardFields,
    /// How a card's phase table numbers its phases (objective-cards).
    pub phase_numbers: PhaseNumbers,
    /// The total rows under a weight matrix (weight-matrix).
    pub footer: Footer,
    /// The order of a weight matrix's head columns (weight-matrix).
    pub head_order: HeadOrder,
    /// How achievements are written (results-report).
    pub achievements: WeightForm,
}

impl Layout {
    /// The template of `family` (for struttura-table, the one the
    /// generator has always written).
    pub fn canonical(family: Family) -> Layout {
        Layout {
            family,
            order: ColumnOrder::canonical(family),
            empty: EmptyColumns::none(),
            header: HeaderPlacement::EveryTable,
            shape: HeaderShape::Flat,
            wording: Wording::canonical(family),
            numbering: Numbering::AsDrafted,
            codes: CodeStyle::Dotted,
            weights: WeightForm::AsDrafted,
            dues: DueForm::AsDrafted,
            heading: HeadingStyle::AsDrafted,
            fields: FieldLabels::AsDrafted,
            budget_heading: BudgetHeading::Dash,
            blank_rows: BlankRows::None,
            page_breaks: PageBreaks::BetweenRows,
            opener: CardOpener::Plain,
            card_fields: CardFields::Cells,
            phase_numbers: PhaseNumbers::Unnumbered,
            footer: Footer::FirstCell,
            achievements: WeightForm::AsDrafted,
            head_order: HeadOrder::AsDrafted,
        }
    }

    /// Every axis of `family` drawn at random, each on its own (the
    /// others' values are drawn too, and never used).
    pub fn random(rng: &mut Rng, family: Family) -> Layout {
        let mut layout = Layout {
            family,
            order: ColumnOrder::random(rng, family),
            empty: EmptyColumns::random(rng),
            header: HeaderPlacement::random(rng),
            shape: HeaderShape::random(rng),
            wording: Wording::random(rng),
            numbering: Numbering::random(rng),
            codes: CodeStyle::random(rng),
            weights: WeightForm::random(rng),
            dues: DueForm::random(rng),
            heading: HeadingStyle::random(rng),
            fields: FieldLabels::random(rng),
            budget_heading: BudgetHeading::random(rng),
            blank_rows: BlankRows::random(rng),
            page_breaks: PageBreaks::random(rng),
            opener: CardOpener::Plain,
            card_fields: CardFields::Cells,
            phase_numbers: PhaseNumbers::Unnumbered,
            footer: Footer::FirstCell,
            achievements: WeightForm::AsDrafted,
            head_order: HeadOrder::AsDrafted,
        };
        // The axes the card, matrix and report families added, drawn after
        // the older ones so that a seed still draws the layouts it drew.
        layout.wording.draw_added(rng);
        layout.opener = CardOpener::random(rng);
        layout.card_fields = CardFields::random(rng);
        layout.phase_numbers = PhaseNumbers::random(rng);
        layout.footer = Footer::random(rng);
        layout.achievements = WeightForm::random(rng);
        layout.head_order = HeadOrder::random(rng);
        layout.readable_without_header(rng);
        layout
    }

    /// Keeps a layout without a header to what its cells still say: a
    /// weight matrix's head columns are named in its header alone (their
    /// weights mean nothing without it), so its header is drawn again among
    /// the placements that print one; a table's columns that no content
    /// tells apart (prose: description, indicators, expected values, note;
    /// percentages: weight, achievement) keep the family's order among
    /// themselves, while the others (number, due, responsible) may stand
    /// anywhere.
    fn readable_without_header(&mut self, rng: &mut Rng) {
        if self.header != HeaderPlacement::Missing {
            return;
        }
        if self.family == Family::WeightMatrix {
            let printed: Vec<HeaderPlacement> = HeaderPlacement::ALL
                .iter()
                .copied()
                .filter(|placement| placement.shows_label())
                .collect();
            self.header = printed[rng.usize(..printed.len())];
            return;
        }
        self.order = self.order.alike_in_family_order(self.family);
    }

    /// A layout of `family` that differs from its canonical one on at most
    /// `count` axes (of [`Layout::axes_of`]) chosen at random, each drawn as
    /// [`Layout::random`] draws it (so it may still fall on its canonical value).
    pub fn random_on(rng: &mut Rng, family: Family, count: usize) -> Layout {
        let drawn = Layout::random(rng, family);
        let mut axes = Layout::axes_of(family);
        rng.shuffle(&mut axes);
        let mut layout = Layout::canonical(family);
        for axis in axes.into_iter().take(count) {
            layout.take(axis, &drawn);
        }
        layout
    }

    /// The draft as this layout prints it: cells rewritten by the cell-level
    /// axes, with what they mean (codes, labels, raw dues) rewritten alike.
    pub fn apply(&self, draft: &Draft) -> Draft {
        let mut draft = draft.clone();
        for (index, structure) in draft.structures.iter_mut().enumerate() {
            match self.family {
                Family::StrutturaTable | Family::ResultsReport => {
                    self.numbering.apply(index, structure);
                    self.heading.apply(structure);
                    self.fields.apply(structure);
                    self.achievements.apply_to_achievements(structure);
                }
                Family::CodeTable => {
                    self.codes.apply(structure);
                    self.budget_heading.apply(structure);
                }
                Family::ObjectiveCards => {
                    self.heading.apply(structure);
                    self.phase_numbers.apply(structure);
                }
                Family::WeightMatrix => self.head_order.apply(structure),
            }
            self.weights.apply(structure);
            self.dues.apply(structure);
            self.wording.apply(self.family, structure);
            if !self.header.shows_label() {
                structure.objectives_label = None;
            }
        }
        draft
    }

    /// The fields of the expected plan this layout rewrites, as the
    /// contract's scoring names them (`due.raw`, `objectives_label`, `code`,
    /// `kind`): a comparison with another layout of the same draft leaves
    /// them out. Every other field is the canonical layout's.
    pub fn rewrites(&self) -> Vec<&'static str> {
        let mut fields = Vec::new();
        if self.dues != DueForm::AsDrafted {
            fields.push("due.raw");
        }
        let cards = self.family == Family::ObjectiveCards;
        if !cards && (self.wording.description.is_some() || !self.header.shows_label()) {
            fields.push("objectives_label");
        }
        let codes = match self.family {
            Family::StrutturaTable | Family::ResultsReport => self.numbering.prints_codes(),
            Family::CodeTable => self.codes != CodeStyle::Dotted,
            Family::ObjectiveCards => self.phase_numbers.prints_codes(),
            Family::WeightMatrix => false,
        };
        if codes {
            fields.push("code");
        }
        let headed = !matches!(self.family, Family::CodeTable | Family::WeightMatrix);
        if headed && self.heading.rewrites_kind() {
            fields.push("kind");
        }
        fields
    }
}
