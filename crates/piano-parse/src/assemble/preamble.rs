//! The lines before the first structure: the ente, the title and the prose.

use std::sync::LazyLock;

use piano_model::reference::fold;
use piano_model::{EnteKind, LineRole, PreambleSection, TextLine};
use regex::Regex;

use crate::text::clean;
use crate::vocabulary::{Vocabulary, prefix};

/// What the preamble says.
#[derive(Debug, Default, PartialEq)]
pub struct Preamble {
    /// The ente's kind and name as written.
    pub ente: Option<(EnteKind, String)>,
    /// The line the ente's name was read from (number and page), when OCR
    /// read it with low confidence: the name may then be repaired.
    pub ente_doubtful_at: Option<(u32, Option<u32>)>,
    /// The provincia (or città metropolitana) the ente belongs to, as written.
    pub provincia: Option<String>,
    /// The plan's title.
    pub title: Option<String>,
    /// The prose, by section.
    pub sections: Vec<PreambleSection>,
    /// What each line read became: the ente's, the title's, or prose.
    pub roles: Vec<LineRole>,
}

/// How many lines at the top of a document the ente and the title are looked for in.
const HEAD_LINES: usize = 10;

/// Longest line, in bytes, taken for a title.
const TITLE_MAX_CHARS: usize = 400;

/// What follows an ente's kind (the profile's `ente_kinds`): an article of
/// the language, then the name. An apostrophe may close the kind's words
/// ("CITTA' DI …").
static ENTE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^'?\s+(?:di\s+|del\s+|della\s+|dell'\s*|dei\s+|degli\s+)?(.+)$")
        .expect("the ente name pattern is valid")
});

/// The ente a line names, by the profile's kinds: its kind and its name.
fn ente<'t>(text: &'t str, words: &Vocabulary) -> Option<(EnteKind, &'t str)> {
    words.ente_kinds(text).into_iter().find_map(|(kind, rest)| {
        let name = ENTE_NAME.captures(rest)?.get(1)?;
        Some((kind, name.as_str()))
    })
}

/// Reads the preamble's lines.
pub fn read_preamble(lines: &[TextLine], words: &Vocabulary) -> Preamble {
    let mut preamble = Preamble::default();
    // The ente and the title head the document, though an annex's caption
    // ("Allegato A alla deliberazione …") or the title may come first.
    let head = lines.len().min(HEAD_LINES);
    let mut taken = vec![false; lines.len()];
    preamble.roles = vec![LineRole::Preamble; lines.len()];
    for (index, line) in lines[..head].iter().enumerate() {
        taken[index] = read_ente_line(&mut preamble, line, words);
        if taken[index] {
            preamble.roles[index] = LineRole::Ente;
        }
    }
    let title_at = (0..head)
        .find(|&index| !taken[index] && is_title(&lines[index].to_tab_separated(), words))
        .or_else(|| {
            (0..head)
                .find(|&index| !taken[index] && is_dated_heading(&lines[index].to_tab_separated()))
        });
    if let Some(title_at) = title_at {
        let mut title = vec![clean(&lines[title_at].to_tab_separated())];
        taken[title_at] = true;
        preamble.roles[title_at] = LineRole::Title;
        for index in title_at + 1..lines.len() {
            let text = lines[index].to_tab_separated();
            let follows = lines[index].number == lines[index - 1].number + 1;
            let title_goes_on = title.last().is_some_and(|line| words.ends_open(line));
            if taken[index]
                || !follows
                || !is_upper_case(&text)
                || (!title_goes_on && heads_prose(lines, index))
            {
                break;
            }
            title.push(clean(&text));
            taken[index] = true;
            preamble.roles[index] = LineRole::Title;
        }
        preamble.title = Some(title.join(" "));
    }
    let prose: Vec<&TextLine> = lines
        .iter()
        .zip(&taken)
        .filter(|(_, taken)| !**taken)
        .map(|(line, _)| line)
        .collect();
    preamble.sections = sections(&prose);
    preamble
}

/// Takes an "COMUNE DI X" / "Provincia di Y" line; false when the line is neither.
fn read_ente_line(preamble: &mut Preamble, line: &TextLine, words: &Vocabulary) -> bool {
    let whole = clean(&line.to_tab_separated());
    // "COMUNE DI X (PROVINCIA DI Y)": the bracket names the provincia.
    let (text, bracketed) = match whole.strip_suffix(')').and_then(|t| t.rsplit_once('(')) {
        Some((text, inner)) => (text.trim().to_owned(), Some(inner.to_owned())),
        _ => (whole.clone(), None),
    };
    let Some((kind, written)) = ente(&text, words) else {
        return false;
    };
    // "Comune di X – Piano della performance 2024", a running head, or
    // "Comune di X - Provincia di Y": the name ends at the spaced dash.
    let (name, after_dash) = [" – ", " — ", " - "]
        .iter()
        .filter_map(|dash| written.split_once(dash))
        .min_by_key(|(before, _)| before.len())
        .unwrap_or((written, ""));
    // A name, not a sentence that opens with "Comune di …".
    let words_in_name = name.split_whitespace().count();
    if text.len() > 100 || words_in_name > 6 || written.trim_end().ends_with(['.', ';', ':']) {
        return false;
    }
    let name = name.trim().to_owned();
    // The provincia in brackets after the name, or after its dash.
    let provincia_named = bracketed.as_deref().unwrap_or(after_dash);
    if let Some((_, provincia)) =
        ente(provincia_named.trim(), words).filter(|(kind, _)| *kind != EnteKind::Comune)
    {
        preamble.provincia = Some(provincia.trim().to_owned());
    }
    match (&preamble.ente, kind) {
        (None, _) => {
            preamble.ente = Some((kind, name));
            preamble.ente_doubtful_at = line.is_doubtful().then_some((line.number, line.page));
        }
        (Some(_), EnteKind::Provincia | EnteKind::CittaMetropolitana)
            if preamble.provincia.is_none() =>
        {
            preamble.provincia = Some(name);
        }
        _ => return false,
    }
    true
}

/// A title names a plan, and is either in capitals or a line that opens with a
/// plan word ("Piano della Performance 2023-2025") rather than a sentence.
fn is_title(text: &str, words: &Vocabulary) -> bool {
    let folded = join_initials(&fold(prefix(text, TITLE_MAX_CHARS)));
    let mut folded_words = folded.split(' ');
    let opens_with_plan_word = folded_words
        .next()
        .is_some_and(|word| words.is_title_word(word));
    let names_a_plan = opens_with_plan_word || folded_words.any(|word| words.is_title_word(word));
    let reads_as_title =
        is_upper_case(text) || (opens_with_plan_word && !text.trim_end().ends_with('.'));
    text.len() <= TITLE_MAX_CHARS && names_a_plan && reads_as_title
}

/// A line in capitals with a year ("DISCIPLINARE DEL LAVORO AGILE 2023"):
/// the title of a document that names no plan.
fn is_dated_heading(text: &str) -> bool {
    text.len() <= TITLE_MAX_CHARS
        && is_upper_case(text)
        && super::enrich::title_year(text).is_some()
}

/// Joins runs of single letters, as a folded "P.E.G." leaves them ("p e g" → "peg").
fn join_initials(folded: &str) -> String {
    let mut joined = String::with_capacity(folded.len());
    let mut previous_was_initial = false;
    for word in folded.split(' ') {
        let is_initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
        let continues_initials = is_initial && previous_was_initial;
        if !joined.is_empty() && !continues_initials {
            joined.push(' ');
        }
        joined.push_str(word);
        previous_was_initial = is_initial;
    }
    joined
}

/// Mostly capital letters: headings and titles.
fn is_upper_case(text: &str) -> bool {
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    letters.len() >= 3 && upper * 10 >= letters.len() * 9
}

/// A heading: one short line in capitals that does not end a sentence.
fn is_heading(text: &str) -> bool {
    let text = text.trim();
    text.chars().count() <= 150 && is_upper_case(text) && !text.ends_with(['.', ';', ',', ':'])
}

/// A line in capitals under the title that is the heading of the prose
/// below it ("PREMESSA"), not the title's second line: it has no figures (a
/// title goes on with its years: "TRIENNIO 2022-2024") and prose follows it
/// (a title line ending with a word no phrase ends with goes on regardless).
fn heads_prose(lines: &[TextLine], index: usize) -> bool {
    let text = lines[index].to_tab_separated();
    let prose_follows = lines
        .get(index + 1)
        .is_some_and(|next| !is_upper_case(&next.to_tab_separated()));
    is_heading(&text) && !text.chars().any(|c| c.is_ascii_digit()) && prose_follows
}

/// Groups prose into sections under headings; a paragraph is a run of
/// consecutive lines (joined by "\n"), paragraphs are joined by "\n\n".
fn sections(lines: &[&TextLine]) -> Vec<PreambleSection> {
    let mut sections: Vec<PreambleSection> = Vec::new();
    let mut heading: Option<String> = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut previous_line = 0;
    let flush = |heading: Option<String>,
                 paragraphs: &mut Vec<String>,
                 sections: &mut Vec<PreambleSection>| {
        if heading.is_some() || !paragraphs.is_empty() {
            sections.push(PreambleSection {
                heading,
                text: paragraphs.join("\n\n"),
            });
        }
        paragraphs.clear();
    };
    for line in lines {
        let text = clean(&line.to_tab_separated());
        if is_heading(&text) {
            flush(heading.take(), &mut paragraphs, &mut sections);
            heading = Some(text);
        } else if line.number == previous_line + 1 && !paragraphs.is_empty() {
            if let Some(paragraph) = paragraphs.last_mut() {
                paragraph.push('\n');
                paragraph.push_str(&text);
            }
        } else {
            paragraphs.push(text);
        }
        previous_line = line.last;
    }
    flush(heading, &mut paragraphs, &mut sections);
    sections
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(numbered: &[(u32, &str)]) -> Vec<TextLine> {
        numbered
            .iter()
            .map(|&(n, text)| TextLine::from_texts(n, None, [text]))
            .collect()
    }

    #[test]
    fn reads_ente_title_and_sections() {
        let input = lines(&[
            (1, "COMUNE DI SAN VITO"),
            (3, "Provincia di LIVORNO"),
            (5, "PIANO DEGLI OBIETTIVI 2022"),
            (7, "PREMESSA"),
            (9, "Primo paragrafo,"),
            (10, "che continua."),
            (12, "- un punto;"),
            (14, "METODO"),
            (16, "Testo."),
        ]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        assert_eq!(
            preamble.ente,
            Some((EnteKind::Comune, "SAN VITO".to_owned()))
        );
        assert_eq!(preamble.provincia.as_deref(), Some("LIVORNO"));
        assert_eq!(
            preamble.title.as_deref(),
            Some("PIANO DEGLI OBIETTIVI 2022")
        );
        let sections: Vec<_> = preamble
            .sections
            .iter()
            .map(|s| (s.heading.as_deref(), s.text.as_str()))
            .collect();
        assert_eq!(
            sections,
            [
                (
                    Some("PREMESSA"),
                    "Primo paragrafo,\nche continua.\n\n- un punto;"
                ),
                (Some("METODO"), "Testo."),
            ]
        );
        use LineRole::{Ente, Preamble, Title};
        assert_eq!(
            preamble.roles,
            [
                Ente, Ente, Title, Preamble, Preamble, Preamble, Preamble, Preamble, Preamble
            ]
        );
    }

    #[test]
    fn a_title_wrapped_in_capitals_is_all_title() {
        let input = lines(&[
            (1, "Comune di Rio"),
            (2, "PIANO DELLA PERFORMANCE"),
            (3, "TRIENNIO 2022-2024"),
            (4, "Il piano è adottato ogni anno."),
        ]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        assert_eq!(
            preamble.title.as_deref(),
            Some("PIANO DELLA PERFORMANCE TRIENNIO 2022-2024")
        );
        use LineRole::{Ente, Preamble, Title};
        assert_eq!(preamble.roles, [Ente, Title, Title, Preamble]);
    }

    #[test]
    fn a_heading_right_under_the_title_heads_the_prose() {
        // The second line, and the title read, and the prose's heading: a
        // title line ending with a word no phrase ends with goes on.
        let cases = [
            (
                "PIANO ESECUTIVO DI GESTIONE 2023",
                "PREMESSA",
                "PIANO ESECUTIVO DI GESTIONE 2023",
                Some("PREMESSA"),
            ),
            (
                "PIANO DELLA PERFORMANCE 2023 – PESATURA DEGLI",
                "OBIETTIVI",
                "PIANO DELLA PERFORMANCE 2023 – PESATURA DEGLI OBIETTIVI",
                None,
            ),
        ];
        for (first, second, title, heading) in cases {
            let input = lines(&[
                (1, first),
                (2, second),
                (4, "Il piano è adottato ogni anno."),
            ]);
            let preamble = read_preamble(&input, Vocabulary::default_profile());
            assert_eq!(preamble.title.as_deref(), Some(title));
            assert_eq!(preamble.sections[0].heading.as_deref(), heading);
        }
    }

    #[test]
    fn a_title_in_mixed_case_is_a_title_but_a_sentence_is_not() {
        let words = Vocabulary::default_profile();
        assert!(is_title("Piano della Performance 2023-2025", words));
        assert!(is_title("PIANO ESECUTIVO DI GESTIONE", words));
        assert!(is_title("P.E.G. 2022 – OBIETTIVI DI GESTIONE", words));
        assert!(!is_title(
            "Il Piano della Performance è adottato ogni anno.",
            words
        ));
        assert!(!is_title("Piano di lavoro del servizio.", words));
    }

    #[test]
    fn an_ente_line_of_a_running_head_ends_at_its_dash() {
        let input = lines(&[(1, "Comune di Campo – Piano della performance 2024")]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        assert_eq!(preamble.ente, Some((EnteKind::Comune, "Campo".to_owned())));
    }

    #[test]
    fn an_ente_line_may_carry_its_provincia_after_a_dash() {
        let input = lines(&[(1, "CITTA' DI MONTE ALTO DEL PIANO - Provincia di Valle")]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        let name = "MONTE ALTO DEL PIANO".to_owned();
        assert_eq!(preamble.ente, Some((EnteKind::Comune, name)));
        assert_eq!(preamble.provincia.as_deref(), Some("Valle"));
    }

    #[test]
    fn an_ente_line_may_carry_its_provincia_in_brackets() {
        let input = lines(&[(1, "COMUNE DI CAMPO NELL'ELBA (PROVINCIA DI LIVORNO)")]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        assert_eq!(
            preamble.ente,
            Some((EnteKind::Comune, "CAMPO NELL'ELBA".to_owned()))
        );
        assert_eq!(preamble.provincia.as_deref(), Some("LIVORNO"));
    }

    #[test]
    fn the_ente_may_follow_an_annex_caption_or_the_title() {
        let input = lines(&[
            (
                1,
                "Allegato A alla deliberazione della Giunta comunale n. 12 del 31/01/2022",
            ),
            (3, "PIANO DELLA PERFORMANCE 2022"),
            (5, "COMUNE DI BIBBONA"),
            (7, "Provincia di Livorno"),
            (
                9,
                "Il Comune di Bibbona adotta il presente piano ogni anno con deliberazione.",
            ),
        ]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        assert_eq!(
            preamble.ente,
            Some((EnteKind::Comune, "BIBBONA".to_owned()))
        );
        assert_eq!(preamble.provincia.as_deref(), Some("Livorno"));
        assert_eq!(
            preamble.title.as_deref(),
            Some("PIANO DELLA PERFORMANCE 2022")
        );
        let texts: Vec<&str> = preamble.sections.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Allegato A alla deliberazione della Giunta comunale n. 12 del 31/01/2022\n\nIl Comune di Bibbona adotta il presente piano ogni anno con deliberazione."
            ]
        );
    }

    #[test]
    fn a_citta_is_a_comune() {
        let input = lines(&[(1, "CITTÀ DI GROSSETO"), (2, "Provincia di Grosseto")]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        assert_eq!(
            preamble.ente,
            Some((EnteKind::Comune, "GROSSETO".to_owned()))
        );
        assert_eq!(preamble.provincia.as_deref(), Some("Grosseto"));
    }

    #[test]
    fn a_citta_metropolitana_line_names_the_provincia() {
        let input = lines(&[(1, "Comune di Rho"), (2, "Città Metropolitana di Milano")]);
        let preamble = read_preamble(&input, Vocabulary::default_profile());
        assert_eq!(preamble.provincia.as_deref(), Some("Milano"));
    }
}
