//! How weights are written: as drafted ("20%", "33,33 %", "(50%)"), or one
//! form for every row: "15", "15%", "15,00 %", "(15%)".

use super::axis;
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
    /// Rewrites every weight cell of `structure` (empty cells stay empty).
    pub fn apply(self, structure: &mut DraftStructure) {
        if self == WeightForm::AsDrafted {
            return;
        }
        for row in structure.rows_mut() {
            self.write(row);
        }
    }

    fn write(self, row: &mut DraftRow) {
        let Some(weight) = row.entry.weight else {
            return;
        };
        row.cells[2] = self.written(weight);
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
