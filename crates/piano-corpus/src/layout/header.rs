//! The objectives table's header: which tables show it, and how it is drawn
//! (one line, wrapped over two, or two levels with a group label over
//! several columns, as Word tables with merged cells print).

use super::axis;
use super::columns::{Column, Slot};
use super::wording::Wording;

axis! {
    /// Which tables show the header.
    HeaderPlacement {
        /// Above every structure's table.
        EveryTable => "every-table",
        /// Once, above the first structure's table only.
        Once => "once",
        /// Above every table and again after each page break inside one.
        EveryPage => "every-page",
        /// Never.
        Missing => "missing",
    }
}

impl HeaderPlacement {
    /// Whether the table of structure `index` (0-based) opens with the header.
    pub fn opens_table(self, index: usize) -> bool {
        match self {
            HeaderPlacement::EveryTable | HeaderPlacement::EveryPage => true,
            HeaderPlacement::Once => index == 0,
            HeaderPlacement::Missing => false,
        }
    }

    /// Whether a page break inside a table draws the header again.
    pub fn repeats_after_break(self) -> bool {
        self == HeaderPlacement::EveryPage
    }

    /// Whether every structure has a description header over it (its own or
    /// one above an earlier table, which holds for the tables that follow):
    /// the plan's `objectives_label` is `null` otherwise.
    pub fn shows_label(self) -> bool {
        self != HeaderPlacement::Missing
    }
}

axis! {
    /// How the header is drawn.
    HeaderShape {
        /// One line.
        Flat => "flat",
        /// Every cell of two or more words wrapped over two lines.
        Wrapped => "wrapped",
        /// Two levels: a group label over two columns, their own labels
        /// below it; the other cells stand on the first line only.
        Grouped => "grouped",
        /// Two levels whose other cells are merged over both rows and set
        /// at their foot (Word's bottom-aligned merged cells): the first line
        /// holds only the group label.
        GroupedBelow => "grouped-below",
    }
}

/// The header's lines of cells, one cell per slot; `description` is the
/// description column's header (the structure's own), `heads` a weight
/// matrix's head columns' (their names).
pub fn header_lines(
    slots: &[Slot],
    wording: &Wording,
    description: &str,
    heads: &[String],
    shape: HeaderShape,
) -> Vec<Vec<String>> {
    let labels: Vec<String> = slots
        .iter()
        .map(|slot| match slot {
            Slot::Filled(Column::Description) => description.to_owned(),
            Slot::Filled(Column::Head(at)) => heads.get(*at).cloned().unwrap_or_default(),
            Slot::Filled(column) => wording.word(*column).to_owned(),
            Slot::Empty(label) => (*label).to_owned(),
        })
        .collect();
    match shape {
        HeaderShape::Flat => vec![labels],
        HeaderShape::Wrapped => {
            let halves: Vec<(String, String)> = labels.iter().map(|l| halves(l)).collect();
            vec![
                halves.iter().map(|h| h.0.clone()).collect(),
                halves.iter().map(|h| h.1.clone()).collect(),
            ]
        }
        HeaderShape::Grouped | HeaderShape::GroupedBelow => {
            let Some(first) = group_start(slots) else {
                return vec![labels];
            };
            let (mut top, mut below) = if shape == HeaderShape::Grouped {
                (labels.clone(), vec![String::new(); labels.len()])
            } else {
                (vec![String::new(); labels.len()], labels.clone())
            };
            for at in [first, first + 1] {
                below[at].clone_from(&labels[at]);
                top[at] = String::new();
            }
            top[first] = group_label(&slots[first..first + 2]).to_owned();
            vec![top, below]
        }
    }
}

/// A label cut in two at the middle word: the longer half first.
fn halves(label: &str) -> (String, String) {
    let words: Vec<&str> = label.split(' ').collect();
    if words.len() < 2 {
        return (label.to_owned(), String::new());
    }
    let cut = words.len().div_ceil(2);
    (words[..cut].join(" "), words[cut..].join(" "))
}

/// Where the two grouped columns start: indicators beside expected values
/// (or two heads of a matrix) when they stand together, else the first two
/// neighbouring columns that hold neither the number nor an empty slot.
fn group_start(slots: &[Slot]) -> Option<usize> {
    let groupable = |slot: &Slot| matches!(slot, Slot::Filled(c) if *c != Column::Number);
    let pair = |at: usize| groupable(&slots[at]) && groupable(&slots[at + 1]);
    let measured = |slot: &Slot| {
        matches!(
            slot,
            Slot::Filled(Column::Indicators | Column::Expected | Column::Head(_))
        )
    };
    let starts = 0..slots.len().saturating_sub(1);
    starts
        .clone()
        .find(|&at| measured(&slots[at]) && measured(&slots[at + 1]))
        .or_else(|| starts.clone().find(|&at| pair(at)))
}

/// The label over two grouped columns, from what they hold.
fn group_label(grouped: &[Slot]) -> &'static str {
    let holds = |column| grouped.contains(&Slot::Filled(column));
    if grouped
        .iter()
        .all(|s| matches!(s, Slot::Filled(Column::Head(_))))
    {
        "Peso per responsabile"
    } else if holds(Column::Indicators) || holds(Column::Expected) {
        "Misurazione"
    } else if holds(Column::Weight) || holds(Column::Due) {
        "Programmazione"
    } else {
        "Dati di monitoraggio"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::Family;
    use crate::layout::columns::{ColumnOrder, EmptyColumns, slots};

    fn lines(shape: HeaderShape) -> Vec<Vec<String>> {
        let slots = slots(
            &ColumnOrder::canonical(Family::StrutturaTable),
            EmptyColumns::none(),
            0,
        );
        let description = "Descrizione Obiettivi Operativi";
        let wording = Wording::canonical(Family::StrutturaTable);
        header_lines(&slots, &wording, description, &[], shape)
    }

    #[test]
    fn a_flat_header_is_one_line_of_the_canonical_words() {
        assert_eq!(
            lines(HeaderShape::Flat),
            [[
                "N°",
                "Descrizione Obiettivi Operativi",
                "Peso %",
                "Indicatori di Misurazione",
                "Valori Attesi",
                "Data Fine Attesa"
            ]]
        );
    }

    #[test]
    fn a_wrapped_header_says_the_same_words_over_two_lines() {
        let wrapped = lines(HeaderShape::Wrapped);
        assert_eq!(wrapped[0][3], "Indicatori di");
        assert_eq!(wrapped[1][3], "Misurazione");
        assert_eq!(wrapped[1][0], "");
    }

    #[test]
    fn a_grouped_header_sets_a_label_over_indicators_and_expected_values() {
        let grouped = lines(HeaderShape::Grouped);
        assert_eq!(grouped[0][3], "Misurazione");
        assert_eq!(grouped[0][4], "");
        assert_eq!(grouped[1][3], "Indicatori di Misurazione");
        assert_eq!(grouped[1][4], "Valori Attesi");
        assert_eq!(grouped[0][2], "Peso %");
        let below = lines(HeaderShape::GroupedBelow);
        assert_eq!(below[0].concat(), "Misurazione");
        assert_eq!(below[1][2], "Peso %");
        assert_eq!(below[1][4], "Valori Attesi");
    }
}
