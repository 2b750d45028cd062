//! Running page headers and footers of text dumps: a line at the top or
//! bottom of a page that repeats, digits aside, on many pages ("Comune di X –
//! PIAO 2023-2025", "Piano della Performance – pag. 3"). They are set aside
//! before anything else reads the lines, each with a diagnostic, so that a
//! header is not taken for the ente on the first page nor for the rest of a
//! row on the others. (PDFs have their own, positional, rule in piano-pdf.)

use std::collections::{BTreeMap, BTreeSet};

use piano_model::{
    Code, Diagnostic, Layout, LineRole, Roles, TextLine, running_signature, same_running_line,
};

use crate::token::number::is_page_number;

/// Lines read at each edge of a page.
const EDGE_LINES: usize = 2;

/// Fewest pages a line must repeat on to be furniture.
const MIN_PAGES: usize = 3;

/// Sets the running headers and footers of `layout` aside, each as
/// [`LineRole::Furniture`].
pub fn strip_running_lines(layout: &mut Layout, roles: &mut Roles) {
    let running = running_signatures(&layout.lines);
    if running.is_empty() {
        return;
    }
    let candidates = edge_lines(&layout.lines);
    let mut kept = Vec::with_capacity(layout.lines.len());
    for (index, line) in std::mem::take(&mut layout.lines).into_iter().enumerate() {
        let is_running = candidates
            .get(&index)
            .is_some_and(|signature| running.contains(signature));
        if is_running {
            roles.set_line(&line, LineRole::Furniture);
            let text = line.to_tab_separated();
            layout.diagnostics.push(
                Diagnostic::new(
                    Code::PageFurniture,
                    format!("running page header or footer {:?} set aside", text.trim()),
                )
                .at_line(line.number, line.page)
                .with_excerpt(&text),
            );
        } else {
            kept.push(line);
        }
    }
    layout.lines = kept;
}

/// The signatures of the edge lines that repeat on enough pages: at least
/// [`MIN_PAGES`] and half of them, each number the same or moving with the
/// page ([`same_running_line`]: "Obiettivo n. 2", "n. 4", "n. 6" heading
/// three pages are three objectives).
fn running_signatures(lines: &[TextLine]) -> BTreeSet<String> {
    let pages: BTreeSet<u32> = lines.iter().filter_map(|line| line.page).collect();
    if pages.len() < MIN_PAGES {
        return BTreeSet::new();
    }
    let mut seen_on: BTreeMap<&str, Vec<(u32, String)>> = BTreeMap::new();
    let candidates = edge_lines(lines);
    for (index, signature) in &candidates {
        if let Some(page) = lines[*index].page {
            let text = lines[*index].to_tab_separated();
            seen_on.entry(signature).or_default().push((page, text));
        }
    }
    seen_on
        .into_iter()
        .filter(|(_, seen)| {
            let most = seen
                .iter()
                .map(|(page, text)| {
                    let again = seen
                        .iter()
                        .filter(|(other, line)| same_running_line(text, *page, line, *other));
                    again.map(|(other, _)| other).collect::<BTreeSet<_>>().len()
                })
                .max()
                .unwrap_or(0);
            most >= MIN_PAGES && most * 2 >= pages.len()
        })
        .map(|(signature, _)| signature.to_owned())
        .collect()
}

/// The lines at the top and bottom of each page that can be furniture (one
/// cell of text, not a bare page number, which is read as such), by index,
/// with their signatures.
fn edge_lines(lines: &[TextLine]) -> BTreeMap<usize, String> {
    let mut edges = BTreeMap::new();
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = lines[start..]
            .iter()
            .position(|line| line.page != page)
            .map_or(lines.len(), |length| start + length);
        if page.is_some() {
            let first = start..end.min(start + EDGE_LINES);
            let last = end.saturating_sub(EDGE_LINES).max(start)..end;
            for index in first.chain(last) {
                let line = &lines[index];
                let text = line.to_tab_separated();
                let one_cell = line
                    .cells
                    .iter()
                    .filter(|c| !c.text.trim().is_empty())
                    .count()
                    == 1;
                if one_cell && !is_page_number(text.trim()) {
                    edges.insert(index, running_signature(&text));
                }
            }
        }
        start = end;
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(pages: &[&[&str]]) -> Layout {
        let mut lines = Vec::new();
        for (page, texts) in pages.iter().enumerate() {
            for text in *texts {
                let number = u32::try_from(lines.len() + 1).expect("few lines");
                let page = u32::try_from(page + 1).ok();
                lines.push(TextLine::from_texts(number, page, text.split('\t')));
            }
        }
        Layout {
            lines,
            pages: u32::try_from(pages.len()).ok(),
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn numbers_that_do_not_move_with_the_page_are_no_furniture() {
        // A card's opener heads three pages, its number going up by two.
        let mut cards = layout(&[
            &["Obiettivo n. 2", "Descrizione\tPrimo"],
            &["Obiettivo n. 4", "Descrizione\tSecondo"],
            &["Obiettivo n. 6", "Descrizione\tTerzo"],
        ]);
        strip_running_lines(&mut cards, &mut Roles::new());
        assert_eq!(cards.lines.len(), 6, "{:?}", cards.diagnostics);
        // A page footer counting with the pages is.
        let mut footed = layout(&[
            &["testo uno", "Piano 2024 – pagina 1 di 3"],
            &["testo due", "Piano 2024 – pagina 2 di 3"],
            &["testo tre", "Piano 2024 – pagina 3 di 3"],
        ]);
        strip_running_lines(&mut footed, &mut Roles::new());
        assert_eq!(footed.lines.len(), 3);
    }

    #[test]
    fn sets_aside_a_header_on_every_page() {
        let mut layout = layout(&[
            &["Comune di X – PIAO 2023-2025", "COMUNE DI X", "testo"],
            &["Comune di X – PIAO 2023-2025", "1\tobiettivo\t50%"],
            &["Comune di X – PIAO 2023-2025", "2\tobiettivo\t50%"],
        ]);
        let mut roles = Roles::new();
        strip_running_lines(&mut layout, &mut roles);
        let texts: Vec<String> = layout
            .lines
            .iter()
            .map(TextLine::to_tab_separated)
            .collect();
        assert_eq!(
            texts,
            [
                "COMUNE DI X",
                "testo",
                "1\tobiettivo\t50%",
                "2\tobiettivo\t50%"
            ]
        );
        assert_eq!(layout.diagnostics.len(), 3);
        let furniture: Vec<_> = roles.iter().collect();
        assert_eq!(
            furniture,
            [
                (1, Some(1), LineRole::Furniture),
                (4, Some(2), LineRole::Furniture),
                (6, Some(3), LineRole::Furniture),
            ]
        );
    }

    #[test]
    fn keeps_lines_that_do_not_repeat_and_short_documents() {
        let mut two_pages = layout(&[&["Titolo", "a"], &["Titolo", "b"]]);
        strip_running_lines(&mut two_pages, &mut Roles::new());
        assert_eq!(two_pages.lines.len(), 4);
        let mut headings = layout(&[
            &["SETTORE 1: A", "x"],
            &["SETTORE 2: B", "y"],
            &["SETTORE 3: C", "z"],
        ]);
        let mut roles = Roles::new();
        strip_running_lines(&mut headings, &mut roles);
        assert!(roles.is_empty(), "no line is furniture");
        assert_eq!(
            headings.lines.len(),
            6,
            "headings differ in more than digits"
        );
    }
}
