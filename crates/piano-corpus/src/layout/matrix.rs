//! How a weight matrix orders its heads, and how it closes: the total rows
//! under it ("Peso ponderale calcolato", "Fattore di conversione",
//! "Totale"), their label in the first cell or under an empty one, in the
//! description's column.

use super::axis;
use super::columns::Column;
use crate::draft::{DraftStructure, decimal_comma};

axis! {
    /// The order of a matrix's head columns.
    HeadOrder {
        /// As drafted.
        AsDrafted => "as-drafted",
        /// The drafted order reversed.
        Reversed => "reversed",
        /// By name.
        ByName => "by-name",
    }
}

impl HeadOrder {
    /// Puts the heads of `structure` in this order, with their cells and
    /// each row's weights (whose list follows the table's order, as the
    /// contract says; a score keys them by head).
    pub fn apply(self, structure: &mut DraftStructure) {
        let mut order: Vec<usize> = (0..structure.heads.len()).collect();
        match self {
            HeadOrder::AsDrafted => return,
            HeadOrder::Reversed => order.reverse(),
            HeadOrder::ByName => {
                order.sort_by(|&a, &b| structure.heads[a].cmp(&structure.heads[b]))
            }
        }
        structure.heads = order
            .iter()
            .map(|&at| structure.heads[at].clone())
            .collect();
        for row in structure.rows_mut() {
            let weights = &row.entry.weights_by_head;
            row.entry.weights_by_head = order
                .iter()
                .filter_map(|&at| weights.get(at).cloned())
                .collect();
            let first = Column::Head(0).cell().unwrap_or(row.cells.len());
            let cells = row.cells.split_off(first.min(row.cells.len()));
            row.cells
                .extend(order.iter().filter_map(|&at| cells.get(at).cloned()));
        }
    }
}

axis! {
    /// Where the matrix's total rows put their label.
    Footer {
        /// In the first column.
        FirstCell => "first-cell",
        /// In the description's column, the first cell empty.
        DescriptionCell => "description-cell",
        /// No total rows.
        Missing => "missing",
    }
}

/// The labels of the total rows, top to bottom.
const TOTALS: [&str; 3] = [
    "Peso ponderale calcolato",
    "Fattore di conversione",
    "Totale",
];

/// The value total row `at` (of [`TOTALS`]) gives a head column totalling
/// `sum`: the sum, the factor that brings it to 100, and 100.
fn total(at: usize, sum: f64) -> f64 {
    match at {
        _ if sum <= 0.0 => 0.0,
        0 => sum,
        1 => (10000.0 / sum).round() / 100.0,
        _ => 100.0,
    }
}

impl Footer {
    /// The total rows of `structure`'s matrix: the cells of its number and
    /// description columns, then one cell per head in draft order (none
    /// for a structure with no heads, which is not a matrix).
    pub fn rows(self, structure: &DraftStructure) -> Vec<([String; 2], Vec<String>)> {
        if self == Footer::Missing || structure.heads.is_empty() {
            return Vec::new();
        }
        let sums: Vec<f64> = (0..structure.heads.len())
            .map(|h| {
                let rows = structure.objectives.iter().map(|o| &o.row.entry);
                rows.filter_map(|e| e.weights_by_head.get(h))
                    .map(|w| w.weight)
                    .sum()
            })
            .collect();
        TOTALS
            .iter()
            .enumerate()
            .map(|(at, &label)| {
                let labels = match self {
                    Footer::DescriptionCell => [String::new(), label.to_owned()],
                    _ => [label.to_owned(), String::new()],
                };
                let values = sums
                    .iter()
                    .map(|&sum| decimal_comma(total(at, sum)))
                    .collect();
                (labels, values)
            })
            .collect()
    }
}
