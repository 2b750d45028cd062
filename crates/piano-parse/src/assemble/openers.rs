//! Where structures open: at their headings, and in families whose every
//! table is a structure, at each table's header, named by its caption.

use piano_model::TextLine;
use piano_model::reference::fold;

use crate::line::{BudgetHeading, LineKind, PROGRAMME_KIND, StructureHeading};
use crate::text::clean;
use crate::vocabulary::{Column, Vocabulary};

/// What opens a structure at a line.
pub(super) enum Opener {
    /// A structure heading ("SETTORE: …", "PROGRAMMA 02 – …").
    Heading(StructureHeading),
    /// A budget mission heading: the programmes under it are its structures.
    Budget(BudgetHeading),
    /// A table of its own, named by its caption (the line, when there is one)
    /// or, without one, opening at its header line.
    Table { caption: Option<String> },
}

/// Where structures open: at headings, and with `by_tables` at every table
/// header that is not a repeat of the one above, from its caption line.
pub(super) fn openers(
    lines: &[TextLine],
    kinds: &[LineKind],
    words: &Vocabulary,
    by_tables: bool,
) -> Vec<Option<Opener>> {
    let mut openers: Vec<Option<Opener>> = kinds
        .iter()
        .map(|kind| match kind {
            LineKind::Structure(heading) => Some(Opener::Heading(heading.clone())),
            LineKind::BudgetMission(heading) => Some(Opener::Budget(heading.clone())),
            _ => None,
        })
        .collect();
    // A mission heading right under a structure's heading (not a budget
    // programme's, which missions hold), before any of its rows, names that
    // structure's mission ("Area Tecnica" / its head / "Missione 03 - …"):
    // it opens nothing.
    let mut heading_above = false;
    for (index, kind) in kinds.iter().enumerate() {
        match kind {
            LineKind::Structure(heading) => {
                heading_above = heading.kind.as_deref() != Some(PROGRAMME_KIND);
            }
            LineKind::BudgetMission(_) if heading_above => openers[index] = None,
            LineKind::Field(..) | LineKind::Text | LineKind::BudgetMission(_) => {}
            _ => heading_above = false,
        }
    }
    if !by_tables {
        return openers;
    }
    let mut last_header: Option<String> = None;
    for (index, kind) in kinds.iter().enumerate() {
        let LineKind::TableHeader(columns) = kind else {
            continue;
        };
        let text = fold(&lines[index].to_tab_separated());
        let is_objectives = columns.contains(&Some(Column::Description));
        if !is_objectives || last_header.as_deref() == Some(text.as_str()) {
            continue;
        }
        last_header = Some(text);
        // A group's label over the header's later cells ("Peso per" /
        // "responsabile" over the heads' names) stands between it and the
        // caption.
        let label_lines = group_label_lines(&lines[..index], lines[index].cells.len(), words);
        let caption_at = index
            .checked_sub(1 + label_lines)
            .filter(|&above| is_caption(&lines[above], &kinds[above]) && openers[above].is_none());
        match caption_at {
            Some(above) => {
                let caption = clean(&lines[above].to_tab_separated());
                openers[above] = Some(Opener::Table {
                    caption: Some(caption),
                });
            }
            None => openers[index] = Some(Opener::Table { caption: None }),
        }
    }
    openers
}

/// A caption names the table under it: one short cell of text.
fn is_caption(line: &TextLine, kind: &LineKind) -> bool {
    matches!(kind, LineKind::Text)
        && line.only_cell().is_some()
        && line.to_tab_separated().len() <= CAPTION_MAX_BYTES
}

/// How many of the lines right above a table header are a group's label
/// over its later cells: a line with its first cell empty and one other
/// filled, or a short label ending with a word no phrase ends with ("Peso
/// per"), perhaps with its wrapped rest under it in lower case
/// ("responsabile"), or a label in the first cell of a line of the
/// header's `header_cells` cells under a caption of one cell (a weight
/// matrix whose heads come first, in a tab dump: the label is a row of the
/// header's table, the caption is not). `above` ends right above the
/// header.
fn group_label_lines(above: &[TextLine], header_cells: usize, words: &Vocabulary) -> usize {
    let last = |up: usize| above.len().checked_sub(up).map(|at| &above[at]);
    let over_later_cells = |line: &TextLine| {
        let first_empty = line
            .cells
            .first()
            .is_some_and(|cell| cell.text.trim().is_empty());
        first_empty && short_cell(line).is_some()
    };
    let over_first_cells = |line: &TextLine, caption: &TextLine| {
        let first_filled = line
            .cells
            .first()
            .is_some_and(|cell| !cell.text.trim().is_empty());
        header_cells > 2
            && line.cells.len() == header_cells
            && first_filled
            && short_cell(line).is_some()
            && caption.cells.len() == 1
            && caption.only_cell().is_some()
    };
    let open = |line: &TextLine| short_cell(line).is_some_and(|text| words.ends_open(text));
    let lower =
        |line: &TextLine| short_cell(line).is_some_and(|text| text.starts_with(char::is_lowercase));
    match (last(1), last(2)) {
        (Some(rest), Some(label)) if lower(rest) && open(label) => 2,
        (Some(label), Some(caption)) if over_first_cells(label, caption) => 1,
        (Some(label), _) if over_later_cells(label) || open(label) => 1,
        _ => 0,
    }
}

/// The one cell of a line of a group's label.
fn short_cell(line: &TextLine) -> Option<&str> {
    line.only_cell()
        .filter(|text| text.len() <= GROUP_LABEL_MAX_BYTES)
}

/// Longest line of a group's label.
const GROUP_LABEL_MAX_BYTES: usize = 60;

/// Longest line taken for a table's caption.
const CAPTION_MAX_BYTES: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(rows: &[&[&str]]) -> Vec<TextLine> {
        rows.iter()
            .zip(1..)
            .map(|(cells, n)| TextLine::from_texts(n, None, cells.iter().copied()))
            .collect()
    }

    #[test]
    fn a_group_label_is_told_from_prose_above_a_header() {
        let words = Vocabulary::default_profile();
        let count = |rows: &[&[&str]]| group_label_lines(&lines(rows), 3, words);
        assert_eq!(count(&[&["Caption"], &["Peso per"], &["responsabile"]]), 2);
        assert_eq!(
            count(&[&["Caption"], &["", "", "Peso per responsabile"]]),
            1
        );
        // A sentence wrapped onto a last word in lower case is prose.
        assert_eq!(
            count(&[&["la verifica finale si tiene entro il 31"], &["dicembre."]]),
            0
        );
        assert_eq!(count(&[&["Ripartizione dei pesi"]]), 0);
        // Over the heads set first, a row of the header's cells under the
        // caption; a caption of the header's cells is the caption.
        assert_eq!(
            count(&[&["Caption"], &["Peso per responsabile", "", ""]]),
            1
        );
        assert_eq!(count(&[&["Prose."], &[], &["Caption", "", ""]]), 0);
    }
}
