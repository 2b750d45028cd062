//! The objectives table's columns: their order, and an empty column set
//! among them (leading, trailing, between two others, or an empty "Note").

use fastrand::Rng;

use super::axis;
use crate::family::Family;

/// A column of the objectives table, by what its cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The row's number ("N°").
    Number,
    /// The description.
    Description,
    /// The weight ("Peso %").
    Weight,
    /// The indicators.
    Indicators,
    /// The expected values ("Valori Attesi").
    Expected,
    /// The due ("Data Fine Attesa").
    Due,
    /// Who answers for the row ("Responsabile"; code tables, cards).
    Responsible,
    /// The share reached ("% di raggiungimento"; results reports).
    Achievement,
    /// The note on what was reached (results reports).
    Note,
    /// Every head column of a weight matrix, in the draft's order: an order
    /// names them together, [`slots`] lays them out one by one.
    Heads,
    /// The `.0`-th head column of a weight matrix (0-based).
    Head(usize),
}

impl Column {
    /// The columns of a code-table, in the order of its template.
    pub const CODE_TABLE: [Column; 7] = [
        Column::Number,
        Column::Description,
        Column::Indicators,
        Column::Expected,
        Column::Weight,
        Column::Due,
        Column::Responsible,
    ];

    /// The columns of a results report, in the order of its template and of
    /// a draft row's cells: a struttura-table's six, then the achievement
    /// and the note.
    pub const RESULTS_REPORT: [Column; 8] = [
        Column::Number,
        Column::Description,
        Column::Weight,
        Column::Indicators,
        Column::Expected,
        Column::Due,
        Column::Achievement,
        Column::Note,
    ];

    /// The fields of an objective card, in the order of its template (the
    /// number is the card's opening line, whatever the order).
    pub const CARD: [Column; 7] = [
        Column::Number,
        Column::Description,
        Column::Responsible,
        Column::Weight,
        Column::Indicators,
        Column::Expected,
        Column::Due,
    ];

    /// The columns of a weight matrix, in the order of its template.
    pub const WEIGHT_MATRIX: [Column; 3] = [Column::Number, Column::Description, Column::Heads];

    /// The groups of columns whose cells read alike, so that only a header
    /// or their order tells them apart: prose, and percentages.
    pub const ALIKE: [&[Column]; 2] = [
        &[
            Column::Description,
            Column::Indicators,
            Column::Expected,
            Column::Note,
        ],
        &[Column::Weight, Column::Achievement],
    ];

    /// The columns of `family`'s template, in its order.
    pub fn of(family: Family) -> &'static [Column] {
        match family {
            Family::StrutturaTable => &Column::RESULTS_REPORT[..6],
            Family::CodeTable => &Column::CODE_TABLE,
            Family::ObjectiveCards => &Column::CARD,
            Family::WeightMatrix => &Column::WEIGHT_MATRIX,
            Family::ResultsReport => &Column::RESULTS_REPORT,
        }
    }

    /// The index of this column's cell in a draft row (`None` for
    /// [`Column::Heads`], which stands for several).
    pub fn cell(self) -> Option<usize> {
        Some(match self {
            Column::Number => 0,
            Column::Description => 1,
            Column::Weight => 2,
            Column::Indicators => 3,
            Column::Expected => 4,
            Column::Due => 5,
            Column::Responsible => 6,
            Column::Achievement => 7,
            Column::Note => 8,
            Column::Head(at) => 9 + at,
            Column::Heads => return None,
        })
    }

    /// The column's name, in axis names (`wording.weight`).
    pub fn name(self) -> &'static str {
        match self {
            Column::Number => "number",
            Column::Description => "description",
            Column::Weight => "weight",
            Column::Indicators => "indicators",
            Column::Expected => "expected",
            Column::Due => "due",
            Column::Responsible => "responsible",
            Column::Achievement => "achievement",
            Column::Note => "note",
            Column::Heads | Column::Head(_) => "heads",
        }
    }

    /// One letter for the column, to write an order compactly ("NDWIET").
    fn letter(self) -> char {
        match self {
            Column::Number => 'N',
            Column::Description => 'D',
            Column::Weight => 'W',
            Column::Indicators => 'I',
            Column::Expected => 'E',
            Column::Due => 'T',
            Column::Responsible => 'R',
            Column::Achievement => 'A',
            Column::Note => 'O',
            Column::Heads | Column::Head(_) => 'H',
        }
    }
}

/// The order of a family's columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnOrder(pub Vec<Column>);

impl ColumnOrder {
    /// The order of `family`'s template (struttura-table: number,
    /// description, weight, indicators, expected, due).
    pub fn canonical(family: Family) -> ColumnOrder {
        ColumnOrder(Column::of(family).to_vec())
    }

    /// The template's order a third of the time; else the number first (now
    /// and then after the description) and the other columns shuffled.
    pub fn random(rng: &mut Rng, family: Family) -> ColumnOrder {
        if rng.u32(0..3) == 0 {
            return ColumnOrder::canonical(family);
        }
        let mut rest = Column::of(family)[1..].to_vec();
        rng.shuffle(&mut rest);
        let at = if rng.u32(0..5) == 0 {
            rest.iter()
                .position(|&c| c == Column::Description)
                .map_or(0, |p| p + 1)
        } else {
            0
        };
        rest.insert(at, Column::Number);
        ColumnOrder(rest)
    }

    /// This order with the columns that content does not tell apart (see
    /// [`Column::ALIKE`]) put back in `family`'s order among themselves,
    /// each group in the places its columns hold here.
    pub fn alike_in_family_order(&self, family: Family) -> ColumnOrder {
        let mut order = self.0.clone();
        for group in Column::ALIKE {
            let mut family_order = Column::of(family).iter().filter(|c| group.contains(c));
            for slot in order.iter_mut().filter(|c| group.contains(c)) {
                if let Some(&column) = family_order.next() {
                    *slot = column;
                }
            }
        }
        ColumnOrder(order)
    }

    /// "canonical", "number-first" or "number-inside".
    pub fn kind(&self, family: Family) -> &'static str {
        if *self == ColumnOrder::canonical(family) {
            "canonical"
        } else if self.0.first() == Some(&Column::Number) {
            "number-first"
        } else {
            "number-inside"
        }
    }

    /// The order as letters ("NDWIET").
    pub fn letters(&self) -> String {
        self.0.iter().map(|c| c.letter()).collect()
    }
}

axis! {
    /// Where an empty column stands in the objectives table.
    EmptyColumn {
        /// No empty column.
        None => "none",
        /// Before every other column (the first cell of every row empty).
        Leading => "leading",
        /// After every other column.
        Trailing => "trailing",
        /// Between two columns.
        Between => "between",
        /// A "Note" column no row fills, at the end.
        Note => "note",
    }
}

/// An empty column and, when between two, after which column it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmptyColumns {
    /// Where it stands.
    pub kind: EmptyColumn,
    /// For [`EmptyColumn::Between`], how many columns stand before it (1–5,
    /// at most the columns but one).
    pub at: usize,
}

impl EmptyColumns {
    /// No empty column.
    pub fn none() -> EmptyColumns {
        EmptyColumns {
            kind: EmptyColumn::None,
            at: 0,
        }
    }

    /// An empty column drawn at random.
    pub fn random(rng: &mut Rng) -> EmptyColumns {
        EmptyColumns {
            kind: EmptyColumn::random(rng),
            at: rng.usize(1..=5),
        }
    }
}

/// One column of the table as laid out: one of the family's, or an empty one
/// with its header (empty, or "Note").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Slot {
    /// A column of the draft.
    Filled(Column),
    /// A column no row fills.
    Empty(&'static str),
}

/// The table's columns in layout order, [`Column::Heads`] spread over
/// `heads` head columns, the empty column in its place.
pub fn slots(order: &ColumnOrder, empty: EmptyColumns, heads: usize) -> Vec<Slot> {
    let mut slots: Vec<Slot> = order
        .0
        .iter()
        .flat_map(|&column| match column {
            Column::Heads => (0..heads)
                .map(|at| Slot::Filled(Column::Head(at)))
                .collect(),
            column => vec![Slot::Filled(column)],
        })
        .collect();
    match empty.kind {
        EmptyColumn::None => {}
        EmptyColumn::Leading => slots.insert(0, Slot::Empty("")),
        EmptyColumn::Trailing => slots.push(Slot::Empty("")),
        EmptyColumn::Between => {
            let at = empty.at.clamp(1, slots.len().saturating_sub(1).max(1));
            slots.insert(at, Slot::Empty(""));
        }
        EmptyColumn::Note => slots.push(Slot::Empty("Note")),
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn random_orders_keep_every_column_once() {
        let mut rng = Rng::with_seed(3);
        for _ in 0..50 {
            let order = ColumnOrder::random(&mut rng, Family::StrutturaTable);
            let mut letters: Vec<char> = order.letters().chars().collect();
            letters.sort_unstable();
            assert_eq!(letters.iter().collect::<String>(), "DEINTW");
        }
    }

    #[test]
    fn an_empty_column_stands_where_its_axis_says() {
        let order = ColumnOrder::canonical(Family::StrutturaTable);
        let at = |kind, at| slots(&order, EmptyColumns { kind, at }, 0);
        assert_eq!(at(EmptyColumn::None, 0).len(), 6);
        assert_eq!(at(EmptyColumn::Leading, 0)[0], Slot::Empty(""));
        assert_eq!(at(EmptyColumn::Trailing, 0)[6], Slot::Empty(""));
        assert_eq!(at(EmptyColumn::Between, 2)[2], Slot::Empty(""));
        assert_eq!(at(EmptyColumn::Note, 0)[6], Slot::Empty("Note"));
    }
}
