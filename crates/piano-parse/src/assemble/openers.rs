//! Where structures open: at their headings, and in families whose every
//! table is a structure, at each table's header, named by its caption.

use piano_model::TextLine;
use piano_model::reference::fold;

use crate::line::{BudgetHeading, LineKind, StructureHeading};
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
        let label_lines = (1..=GROUP_LABEL_MAX_LINES)
            .take_while(|&up| {
                index
                    .checked_sub(up)
                    .is_some_and(|above| is_group_label(&lines[above], words))
            })
            .count();
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
    let filled = line
        .cells
        .iter()
        .filter(|cell| !cell.text.trim().is_empty())
        .count();
    matches!(kind, LineKind::Text)
        && filled == 1
        && line.to_tab_separated().len() <= CAPTION_MAX_BYTES
}

/// Most lines a group's label over a header's cells wraps over.
const GROUP_LABEL_MAX_LINES: usize = 2;

/// A line of a group's label over a table header's later cells: its first
/// cell empty and one other filled, or one short cell that a wrap breaks
/// (ending with a word no phrase ends with, or going on in lower case).
fn is_group_label(line: &TextLine, words: &Vocabulary) -> bool {
    let filled: Vec<&str> = line
        .cells
        .iter()
        .map(|cell| cell.text.trim())
        .filter(|text| !text.is_empty())
        .collect();
    let first_empty = line
        .cells
        .first()
        .is_some_and(|cell| cell.text.trim().is_empty());
    match filled.as_slice() {
        [_] if first_empty => true,
        [text] => {
            text.len() <= GROUP_LABEL_MAX_BYTES
                && (words.ends_open(text) || text.starts_with(char::is_lowercase))
        }
        _ => false,
    }
}

/// Longest line of a group's label.
const GROUP_LABEL_MAX_BYTES: usize = 60;

/// Longest line taken for a table's caption.
const CAPTION_MAX_BYTES: usize = 200;
