//! A PIAO (Piano Integrato di Attività e Organizzazione) is a container, not a
//! layout family: its performance plan is one sub-section ("Sottosezione 2.2
//! Performance") among others (public value, corruption risks, staffing …),
//! some of which have tables of their own. Only the performance sub-section's
//! structures count, so the sub-sections after it are set aside before the
//! family is detected; what comes before it stays the document's preamble.

use piano_model::reference::fold;
use piano_model::{Code, Diagnostic, Layout, LineRole, Roles, TextLine};

use crate::vocabulary::{LABEL_MAX_CHARS, Vocabulary, prefix};

/// Sets aside the lines after a PIAO's performance sub-section, each as
/// [`LineRole::OutsidePerformance`], with one diagnostic per run of lines; a
/// document without one is left as it is. The section words are `words`'
/// (`piao_sections`, `piao_subsections`, `piao_performance`): the base
/// profile's, since no family is chosen yet.
pub fn keep_performance_section(layout: &mut Layout, roles: &mut Roles, words: &Vocabulary) {
    let headings: Vec<(usize, Heading)> = layout
        .lines
        .iter()
        .enumerate()
        .filter_map(|(index, line)| section_heading(line, words).map(|heading| (index, heading)))
        .collect();
    // The deepest heading that names the performance: "Sottosezione 2.2
    // Performance" rather than "SEZIONE 2 VALORE PUBBLICO, PERFORMANCE …".
    let performance = headings
        .iter()
        .enumerate()
        .filter(|(_, (_, heading))| words.names_performance(&heading.title))
        .max_by_key(|(at, (_, heading))| (heading.depth, std::cmp::Reverse(*at)));
    let Some((at, (_, section))) = performance else {
        return;
    };
    let Some(&(end, _)) = headings[at + 1..]
        .iter()
        .find(|(_, heading)| heading.depth <= section.depth)
    else {
        return;
    };
    let set_aside = layout.lines.split_off(end);
    for line in &set_aside {
        roles.set_line(line, LineRole::OutsidePerformance);
    }
    let (Some(first), Some(last)) = (set_aside.first(), set_aside.last()) else {
        return;
    };
    layout.diagnostics.push(
        Diagnostic::new(
            Code::OutsidePerformance,
            format!(
                "lines {}–{} come after the PIAO's performance sub-section (from {:?}); set aside",
                first.number,
                last.number,
                first.to_tab_separated().trim()
            ),
        )
        .at_line(first.number, first.page)
        .with_excerpt(&first.to_tab_separated()),
    );
}

/// A PIAO section heading: how deep it is and its folded title.
struct Heading {
    depth: u8,
    title: String,
}

/// Reads a PIAO section heading ("Sottosezione 2.2 Performance", "SEZIONE 3
/// ORGANIZZAZIONE E CAPITALE UMANO"): a section word, a number, then the
/// title, alone on its line.
fn section_heading(line: &TextLine, words: &Vocabulary) -> Option<Heading> {
    let filled = line
        .cells
        .iter()
        .filter(|cell| !cell.text.trim().is_empty())
        .count();
    if filled != 1 {
        return None;
    }
    // Most lines open with something else: look before folding.
    let opening = line.cells.first()?.text.trim_start().chars().next()?;
    let opening = opening.to_ascii_lowercase();
    if !opening.is_ascii_digit() && !words.may_open_piao_section(opening) {
        return None;
    }
    let text = line.to_tab_separated();
    let folded = fold(prefix(text.trim(), LABEL_MAX_CHARS));
    // "Sottosezione 2.2 Performance", or the number first: "2.2 Sottosezione
    // di programmazione Performance".
    // Folding turns "2.2" into "2 2": every number token goes.
    let numbered = |token: &str| token.starts_with(|c: char| c.is_ascii_digit());
    let after_number = folded.trim_start_matches(|c: char| c.is_ascii_digit() || c == ' ');
    let (depth, title) = if numbered(&folded) {
        let (depth, title) = words.piao_section(after_number)?;
        (depth, title.to_owned())
    } else {
        let (depth, rest) = words.piao_section(&folded)?;
        let (number, title) = rest.split_once(' ').unwrap_or((rest, ""));
        if !numbered(number) {
            return None;
        }
        (depth, title.to_owned())
    };
    Some(Heading { depth, title })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(texts: &[&str]) -> Layout {
        let lines = texts
            .iter()
            .enumerate()
            .map(|(index, text)| {
                let number = u32::try_from(index + 1).expect("few lines");
                TextLine::from_texts(number, None, text.split('\t'))
            })
            .collect();
        Layout {
            lines,
            pages: None,
            diagnostics: Vec::new(),
        }
    }

    #[test]
    fn keeps_what_precedes_the_performance_sub_section_and_the_sub_section() {
        let mut piao = layout(&[
            "PIANO INTEGRATO DI ATTIVITÀ E ORGANIZZAZIONE 2023-2025",
            "SEZIONE 2 VALORE PUBBLICO, PERFORMANCE E ANTICORRUZIONE",
            "Sottosezione 2.1 Valore pubblico",
            "Sottosezione 2.2 Performance",
            "SETTORE 1: A",
            "1\tx\t100%",
            "Sottosezione 2.3 Rischi corruttivi e trasparenza",
            "Processo\tRischio\tMisura",
        ]);
        let mut roles = Roles::new();
        keep_performance_section(&mut piao, &mut roles, Vocabulary::default_profile());
        assert_eq!(piao.lines.len(), 6);
        assert_eq!(piao.diagnostics.len(), 1);
        assert!(piao.diagnostics[0].message.starts_with("lines 7–8"));
        let set_aside: Vec<_> = roles.iter().collect();
        assert_eq!(
            set_aside,
            [
                (7, None, LineRole::OutsidePerformance),
                (8, None, LineRole::OutsidePerformance),
            ]
        );
    }

    #[test]
    fn reads_headings_with_the_number_first() {
        let mut piao = layout(&[
            "2.1 Sottosezione di programmazione Valore pubblico",
            "2.2 Sottosezione di programmazione Performance",
            "SETTORE 1: A",
            "2.3 Sottosezione di programmazione Rischi corruttivi e trasparenza",
            "SEZIONE 3. ORGANIZZAZIONE E CAPITALE UMANO",
        ]);
        keep_performance_section(&mut piao, &mut Roles::new(), Vocabulary::default_profile());
        assert_eq!(piao.lines.len(), 3);
    }

    #[test]
    fn a_plan_without_sub_sections_is_left_whole() {
        let mut plan = layout(&["PIANO DELLA PERFORMANCE 2022", "SETTORE 1: A", "1\tx\t100%"]);
        let mut roles = Roles::new();
        keep_performance_section(&mut plan, &mut roles, Vocabulary::default_profile());
        assert_eq!(plan.lines.len(), 3);
        assert!(plan.diagnostics.is_empty());
        assert!(roles.is_empty());
    }
}
