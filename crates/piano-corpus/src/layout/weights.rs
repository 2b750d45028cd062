//! How weights are written: as drafted ("20%", "33,33 %", "(50%)"), or one
//! form for every row: "15", "15%", "15,00 %", "(15%)". The same forms
//! write a weight matrix's cells and, as an axis of its own, a results
//! report's achievements.

use super::axis;
use super::columns::Column;
use crate::draft::{DraftRow, DraftStructure};

axis! {
    /// A way of writing every weight cell.
    WeightForm {
        /// As drafted.
        AsDrafted => "as-drafted",
        /// A bare number: "15", "33,33".
        Bare => "bare",
        /// A percent: "15%", "33,33%".
        Percent => "percent",
        /// Two decimals and a spaced percent: "15,00 %".
        Decimal => "decimal",
        /// In brackets: "(15%)".
        Bracketed => "bracketed",
    }
}

impl WeightForm {
    /// Rewrites every weight cell of `structure`, a matrix's head cells
    /// included (empty cells stay empty).
    pub fn apply(self, structure: &mut DraftStructure) {
        if self == WeightForm::AsDrafted {
            return;
        }
        for row in structure.rows_mut() {
            let heads: Vec<f64> = row.entry.weights_by_head.iter().map(|w| w.weight).collect();
            let cells = heads
                .into_iter()
                .enumerate()
                .map(|(at, w)| (Column::Head(at), w));
            let own = row.entry.weight.map(|w| (Column::Weight, w));
            for (column, weight) in own.into_iter().chain(cells).collect::<Vec<_>>() {
                self.write(row, column, weight);
            }
        }
    }

    /// Rewrites every achievement cell of `structure` (empty cells stay empty).
    pub fn apply_to_achievements(self, structure: &mut DraftStructure) {
        if self == WeightForm::AsDrafted {
            return;
        }
        for row in structure.rows_mut() {
            if let Some(share) = row.entry.achievement {
                self.write(row, Column::Achievement, share);
            }
        }
    }

    /// Writes `value` into `row`'s cell of `column` in this form.
    fn write(self, row: &mut DraftRow, column: Column, value: f64) {
        if let Some(cell) = column.cell().and_then(|at| row.cells.get_mut(at)) {
            *cell = self.written(value);
        }
    }

    /// `weight` as this form writes it.
    pub fn written(self, weight: f64) -> String {
        let number = if weight.fract() == 0.0 {
            format!("{weight:.0}")
        } else {
            format!("{weight:.2}").replace('.', ",")
        };
        match self {
            WeightForm::AsDrafted | WeightForm::Percent => format!("{number}%"),
            WeightForm::Bare => number,
            WeightForm::Decimal => format!("{} %", format!("{weight:.2}").replace('.', ",")),
            WeightForm::Bracketed => format!("({number}%)"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_form_writes_the_same_weight() {
        let forms: Vec<String> = WeightForm::ALL[1..]
            .iter()
            .map(|f| f.written(15.0))
            .collect();
        assert_eq!(forms, ["15", "15%", "15,00 %", "(15%)"]);
        assert_eq!(WeightForm::Bare.written(33.33), "33,33");
    }
}
