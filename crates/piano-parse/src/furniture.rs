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
    let edges = page_edges(&layout.lines);
    let running = running_signatures(&layout.lines, &edges);
    if running.is_empty() {
        return;
    }
    let set_aside: BTreeSet<usize> = edges
        .iter()
        .flat_map(|edge| running_lines(&layout.lines, edge, Some(&running)))
        .map(|(index, _)| index)
        .collect();
    let mut kept = Vec::with_capacity(layout.lines.len());
    for (index, line) in std::mem::take(&mut layout.lines).into_iter().enumerate() {
        if set_aside.contains(&index) {
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
/// three pages are three objectives). A running line stands at its page's
/// edge: only what is itself running (or a page number) comes between them,
/// so a line counts only where the lines nearer the edge are running lines
/// too ("Obiettivo n. 1" under each structure's heading, at the top of each
/// structure's first page, is content). Each count is made again with what
/// the last one found running, until it no longer shrinks.
fn running_signatures(lines: &[TextLine], edges: &[Vec<usize>]) -> BTreeSet<String> {
    let pages: BTreeSet<u32> = lines.iter().filter_map(|line| line.page).collect();
    if pages.len() < MIN_PAGES {
        return BTreeSet::new();
    }
    let mut running: Option<BTreeSet<String>> = None;
    loop {
        let mut seen_on: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
        for edge in edges {
            for (index, signature) in running_lines(lines, edge, running.as_ref()) {
                if let Some(page) = lines[index].page {
                    let text = lines[index].to_tab_separated();
                    seen_on.entry(signature).or_default().push((page, text));
                }
            }
        }
        let found: BTreeSet<String> = seen_on
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
            .map(|(signature, _)| signature)
            .collect();
        if running.as_ref() == Some(&found) || found.is_empty() {
            return found;
        }
        running = Some(found);
    }
}

/// The lines of one page edge (given from the edge inwards) that can be
/// running lines, with their signatures: one cell of text, not a bare page
/// number (read as such, and passed over). With `running`, only those whose
/// signature it holds, up to the first line that is neither.
fn running_lines(
    lines: &[TextLine],
    edge: &[usize],
    running: Option<&BTreeSet<String>>,
) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for &index in edge {
        let line = &lines[index];
        let text = line.to_tab_separated();
        if is_page_number(text.trim()) {
            continue;
        }
        let filled = line.cells.iter().filter(|c| !c.text.trim().is_empty());
        let signature = (filled.count() == 1).then(|| running_signature(&text));
        match (signature, running) {
            (Some(signature), Some(running)) if running.contains(&signature) => {
                out.push((index, signature));
            }
            (Some(signature), None) => out.push((index, signature)),
            (_, Some(_)) => break,
            (None, None) => {}
        }
    }
    out
}

/// The lines at the top and at the bottom of each page, by index, each edge
/// from the page's edge inwards: [`EDGE_LINES`] of them.
fn page_edges(lines: &[TextLine]) -> Vec<Vec<usize>> {
    let mut edges = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let page = lines[start].page;
        let end = lines[start..]
            .iter()
            .position(|line| line.page != page)
            .map_or(lines.len(), |length| start + length);
        if page.is_some() {
            edges.push((start..end.min(start + EDGE_LINES)).collect());
            let bottom = end.saturating_sub(EDGE_LINES).max(start);
            edges.push((bottom..end).rev().collect());
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
    fn a_line_below_content_at_a_page_top_is_content() {
        // Each structure starts a page with its heading, its first card under
        // it: "Obiettivo n. 1" repeats at the top of every page, below a line
        // that does not.
        let mut cards = layout(&[
            &["SETTORE: A", "Obiettivo n. 1", "Descrizione\tPrimo"],
            &["SERVIZIO: B", "Obiettivo n. 1", "Descrizione\tSecondo"],
            &["AREA: C", "Obiettivo n. 1", "Descrizione\tTerzo"],
        ]);
        let mut roles = Roles::new();
        strip_running_lines(&mut cards, &mut roles);
        assert!(roles.is_empty(), "{:?}", cards.diagnostics);
        // Under a running header, a second running line is set aside too.
        let mut headed = layout(&[
            &["Comune di X", "PIAO 2023", "testo uno"],
            &["Comune di X", "PIAO 2023", "testo due"],
            &["Comune di X", "PIAO 2023", "testo tre"],
        ]);
        strip_running_lines(&mut headed, &mut Roles::new());
        assert_eq!(headed.lines.len(), 3);
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
