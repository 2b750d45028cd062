//! The layout space's axes by name: which a family draws, each value as
//! the sidecar (`plan-00001-00.layout.json`) and the per-axis breakdown of
//! `scripts/layout-space.sh` name it, and one axis copied from a layout to
//! another.

use serde_json::{Map, Value};

use super::Layout;
use crate::family::Family;

impl Layout {
    /// The names of `family`'s axes, as [`Layout::axes`] lists them and
    /// [`Layout::random_on`] draws among them: each field, the wording's
    /// one per column.
    pub fn axes_of(family: Family) -> Vec<&'static str> {
        const SHARED: [&str; 8] = [
            "column_order",
            "empty_column",
            "header",
            "header_shape",
            "weights",
            "dues",
            "blank_rows",
            "page_breaks",
        ];
        /// The words of a table of objectives with indicators.
        const MEASURED: [&str; 6] = [
            "wording.number",
            "wording.description",
            "wording.weight",
            "wording.indicators",
            "wording.expected",
            "wording.due",
        ];
        let own: Vec<&str> = match family {
            Family::StrutturaTable => ["numbering", "heading", "fields"]
                .into_iter()
                .chain(MEASURED)
                .collect(),
            Family::CodeTable => ["codes", "budget_heading"]
                .into_iter()
                .chain(MEASURED)
                .chain(["wording.responsible"])
                .collect(),
            Family::ObjectiveCards => ["opener", "card_fields", "phase_numbers", "heading"]
                .into_iter()
                .chain(["fields"])
                .chain(MEASURED[1..].iter().copied())
                .chain(["wording.responsible", "wording.phase"])
                .collect(),
            Family::WeightMatrix => vec![
                "footer",
                "head_order",
                "wording.number",
                "wording.description",
            ],
            Family::ResultsReport => ["numbering", "heading", "fields"]
                .into_iter()
                .chain(MEASURED)
                .chain(["achievements", "wording.achievement", "wording.note"])
                .collect(),
        };
        // A matrix has no dues.
        let shared = SHARED
            .into_iter()
            .filter(|&axis| family != Family::WeightMatrix || axis != "dues");
        shared.chain(own).collect()
    }

    /// Sets axis `axis` to its value in `from`.
    pub(super) fn take(&mut self, axis: &str, from: &Layout) {
        match axis {
            "column_order" => self.order = from.order.clone(),
            "empty_column" => self.empty = from.empty,
            "header" => self.header = from.header,
            "header_shape" => self.shape = from.shape,
            "wording.number" => self.wording.number = from.wording.number,
            "wording.description" => self.wording.description = from.wording.description,
            "wording.weight" => self.wording.weight = from.wording.weight,
            "wording.indicators" => self.wording.indicators = from.wording.indicators,
            "wording.expected" => self.wording.expected = from.wording.expected,
            "wording.due" => self.wording.due = from.wording.due,
            "wording.responsible" => self.wording.responsible = from.wording.responsible,
            "numbering" => self.numbering = from.numbering,
            "codes" => self.codes = from.codes,
            "budget_heading" => self.budget_heading = from.budget_heading,
            "weights" => self.weights = from.weights,
            "dues" => self.dues = from.dues,
            "heading" => self.heading = from.heading,
            "fields" => self.fields = from.fields,
            "blank_rows" => self.blank_rows = from.blank_rows,
            "opener" => self.opener = from.opener,
            "card_fields" => self.card_fields = from.card_fields,
            "phase_numbers" => self.phase_numbers = from.phase_numbers,
            "footer" => self.footer = from.footer,
            "head_order" => self.head_order = from.head_order,
            "achievements" => self.achievements = from.achievements,
            "wording.achievement" => self.wording.achievement = from.wording.achievement,
            "wording.note" => self.wording.note = from.wording.note,
            "wording.phase" => self.wording.phase = from.wording.phase,
            _ => self.page_breaks = from.page_breaks,
        }
    }

    /// Every axis by name with the value drawn, for the sidecar
    /// (`plan-00001-00.layout.json`) and the per-axis breakdown.
    pub fn axes(&self) -> Vec<(String, String)> {
        let words = self.wording.words(self.family);
        let value = |axis: &str| -> String {
            match axis {
                "column_order" => self.order.kind(self.family).to_owned(),
                "empty_column" => self.empty.kind.name().to_owned(),
                "header" => self.header.name().to_owned(),
                "header_shape" => self.shape.name().to_owned(),
                "numbering" => self.numbering.name().to_owned(),
                "codes" => self.codes.name().to_owned(),
                "weights" => self.weights.name().to_owned(),
                "dues" => self.dues.name().to_owned(),
                "heading" => self.heading.name().to_owned(),
                "fields" => self.fields.name().to_owned(),
                "budget_heading" => self.budget_heading.name().to_owned(),
                "blank_rows" => self.blank_rows.name().to_owned(),
                "page_breaks" => self.page_breaks.name().to_owned(),
                "opener" => self.opener.name().to_owned(),
                "card_fields" => self.card_fields.name().to_owned(),
                "phase_numbers" => self.phase_numbers.name().to_owned(),
                "footer" => self.footer.name().to_owned(),
                "head_order" => self.head_order.name().to_owned(),
                "achievements" => self.achievements.name().to_owned(),
                "wording.phase" => self.wording.phase.to_owned(),
                _ => words
                    .iter()
                    .find(|(column, _)| axis.strip_prefix("wording.") == Some(column.name()))
                    .map(|(_, word)| (*word).to_owned())
                    .unwrap_or_default(),
            }
        };
        let mut axes: Vec<(String, String)> = Layout::axes_of(self.family)
            .into_iter()
            .map(|axis| (axis.to_owned(), value(axis)))
            .collect();
        axes.insert(1, ("column_order.columns".to_owned(), self.order.letters()));
        axes
    }

    /// The axes on which this layout differs from its family's canonical one.
    pub fn varied(&self) -> Vec<String> {
        let canonical = Layout::canonical(self.family).axes();
        self.axes()
            .into_iter()
            .zip(canonical)
            .filter(|(own, canonical)| own != canonical && own.0 != "column_order.columns")
            .map(|(own, _)| own.0)
            .collect()
    }

    /// The sidecar's JSON: the axes drawn, those that differ from the
    /// family's canonical layout, and the fields they rewrite.
    pub fn sidecar(&self) -> Value {
        let axes: Map<String, Value> = self
            .axes()
            .into_iter()
            .map(|(axis, value)| (axis, Value::String(value)))
            .collect();
        let rewrites = self.rewrites().into_iter().map(Value::from).collect();
        let varied = self.varied().into_iter().map(Value::from).collect();
        let mut map = Map::new();
        map.insert("varied".to_owned(), Value::Array(varied));
        map.insert("family".to_owned(), Value::from(self.family.name()));
        map.insert("axes".to_owned(), Value::Object(axes));
        map.insert("rewrites".to_owned(), Value::Array(rewrites));
        Value::Object(map)
    }
}
