//! Structure headings ("STRUTTURA: NAME – ROLE: HEAD") and heads on lines
//! of their own.

use piano_model::Head;

use crate::text::clean;
use crate::vocabulary::{LABEL_MAX_CHARS, Vocabulary, prefix};

use super::StructureHeading;

/// The words before a heading's separator: a section word, with an ordinal
/// before or after it ("SETTORE 1", "SETTORE N. 1", "1° SETTORE", "AREA IV").
struct SectionHead<'a> {
    written: &'a str,
    kind: String,
    numbered: bool,
}

impl SectionHead<'_> {
    /// The heading of the structure this section word names `name`, headed
    /// by `head`: a numbered section keeps its number in the name
    /// ("SETTORE 1 AFFARI GENERALI"); `None` for an empty name.
    fn heading(self, name: &str, head: Head) -> Option<StructureHeading> {
        let name = if self.numbered {
            clean(&format!("{} {name}", self.written))
        } else {
            clean(name)
        };
        (!name.is_empty()).then_some(StructureHeading {
            kind: Some(self.kind),
            name,
            head,
        })
    }
}

fn section_head<'a>(head: &'a str, words: &Vocabulary) -> Option<SectionHead<'a>> {
    if head.len() > LABEL_MAX_CHARS {
        return None;
    }
    let (ordinals, kind): (Vec<&str>, Vec<&str>) =
        head.split_whitespace().partition(|token| is_ordinal(token));
    let kind = kind.join(" ");
    words.is_section_word(&kind).then(|| SectionHead {
        written: head.trim(),
        kind,
        numbered: !ordinals.is_empty(),
    })
}

/// The section word the text opens with, followed by a space and the rest
/// ("STRUTTURA AREA TECNICA …"): the longest run of up to three words that
/// is a section word with its ordinal.
fn leading_section_word<'a>(
    text: &'a str,
    words: &Vocabulary,
) -> Option<(SectionHead<'a>, &'a str)> {
    let ends = text
        .char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(|(at, _)| at)
        .take(3);
    ends.filter_map(|end| Some((section_head(&text[..end], words)?, text[end..].trim_start())))
        .last()
}

/// "1", "1°", "12.", "IV", "A", "N.": what numbers a section.
fn is_ordinal(token: &str) -> bool {
    let token = token.trim_end_matches(['.', ')', '°', 'º']);
    let digits = !token.is_empty() && token.len() <= 3 && token.chars().all(|c| c.is_ascii_digit());
    let roman = !token.is_empty()
        && token.len() <= 5
        && token.chars().all(|c| matches!(c, 'I' | 'V' | 'X'));
    let letter = token.len() == 1 && token.chars().all(|c| c.is_ascii_uppercase());
    let number_word = matches!(token, "N" | "n" | "Nr" | "nr" | "Num" | "num");
    digits || roman || letter || number_word
}

/// Reads "STRUTTURA: NAME – ROLE: HEAD": the role is the text between the last
/// spaced dash and the last colon; "ad interim" is taken out of the head's name.
/// A numbered section ("SETTORE 1: NAME", "SETTORE 1 – NAME – ROLE: HEAD")
/// keeps its number in the name, and may use a dash for the first colon.
pub fn structure_heading(text: &str, words: &Vocabulary) -> Option<StructureHeading> {
    if let Some(heading) = heading_with_head_in_brackets(text, words) {
        return Some(heading);
    }
    // The section word and its ordinal come before a colon or a spaced dash
    // near the start: most lines (prose, rows) are told apart without cleaning.
    let opening = prefix(text, HEADING_OPENING_BYTES);
    // A dash ending the line sets apart a head wrapped onto the next one
    // ("SERVIZIO AREA TECNICA … E TRASPORTI –" over "RESPONSABILE: …").
    let head_below = [" -", " –", " —"]
        .iter()
        .any(|dash| text.trim_end().ends_with(dash));
    let separated = opening.contains(':')
        || SPACED_SEPARATORS.iter().any(|dash| opening.contains(dash))
        || head_below;
    // "SETTORE AFFARI GENERALI": a short line all in capitals says it is a
    // heading without a separator (its head, if any, on a line of its own).
    let capitals = !separated
        && text.len() <= CAPITALS_HEADING_MAX_BYTES
        && text.chars().any(char::is_uppercase)
        && !text.chars().any(char::is_lowercase);
    if !separated && !capitals {
        return None;
    }
    let text = &clean(text);
    let by_colon = text
        .split_once(':')
        .and_then(|(head, body)| Some((section_head(head, words)?, body)));
    let by_dash = || {
        let (head, body) = first_spaced_dash(text)?;
        let head = section_head(head, words)?;
        head.numbered.then_some((head, body))
    };
    // "AREA - NAME - ROLE: HEAD", "AREA NAME – ROLE: HEAD": an unnumbered
    // section word before a dash or a space, when a head's role ends the line.
    let by_word = || {
        let (before, _) = text.rsplit_once(':')?;
        let (_, role) = name_and_role(before, words)?;
        if !words.is_role(role) {
            return None;
        }
        first_spaced_dash(text)
            .and_then(|(head, body)| Some((section_head(head, words)?, body)))
            .or_else(|| leading_section_word(text, words))
    };
    // Without a colon: with one, the line says where its head is.
    let by_trailing_dash = || {
        (head_below && !text.contains(':'))
            .then(|| leading_section_word(text, words))
            .flatten()
    };
    let by_capitals = || {
        capitals
            .then(|| leading_section_word(text, words))
            .flatten()
    };
    let (section, body) = by_colon
        .or_else(by_dash)
        .or_else(by_word)
        .or_else(by_trailing_dash)
        .or_else(by_capitals)?;
    let (name, head) = match body.rsplit_once(':') {
        Some((before, person)) => match name_and_role(before, words) {
            Some((name, role)) => (name, head_of(Some(role), person, words)),
            None => (before, head_of(None, person, words)),
        },
        // A dash that ends the line sets apart a head wrapped onto the next.
        None => (
            body.trim_end().trim_end_matches(['–', '—', '-']),
            Head::default(),
        ),
    };
    // "Area: tecnica, con i lavori pubblici." is a sentence, not a heading.
    if head == Head::default() && body.trim_end().ends_with(['.', ';']) {
        return None;
    }
    section.heading(name, head)
}

/// "SETTORE AFFARI GENERALI (Responsabile: Dott.ssa …)": a section word
/// and a name, in any case, the head in brackets at the end.
fn heading_with_head_in_brackets(text: &str, words: &Vocabulary) -> Option<StructureHeading> {
    let (before, inner) = text.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let head = head_line(inner, words)?;
    short_section_heading(before, head, words)
}

/// A line of one cell that opens a structure by what follows it: a section
/// word in any case before a short name ("Area Tecnica", "U.O. Polizia
/// Locale"), no sentence, right above a head on its own line
/// ("Responsabile: Ing. …", `head_below`), which the structure reads next.
pub fn heading_over_a_head(
    text: &str,
    head_below: &str,
    words: &Vocabulary,
) -> Option<StructureHeading> {
    head_line(head_below, words)?;
    short_section_heading(text, Head::default(), words)
}

/// A section word and a short name, in any case, no sentence: the heading
/// of a structure headed by `head`, when something beside the text (a head
/// in brackets, a head on the line below) says it is one.
fn short_section_heading(text: &str, head: Head, words: &Vocabulary) -> Option<StructureHeading> {
    // A colon may end it, announcing what follows ("Settore Tributi:").
    let text = clean(text);
    let text = text.strip_suffix(':').unwrap_or(&text).trim_end();
    if text.len() > CAPITALS_HEADING_MAX_BYTES || text.ends_with(['.', ';', ':', ',']) {
        return None;
    }
    let (section, name) = leading_section_word(text, words)?;
    section.heading(name, head)
}

/// Reads a head given on its own line: "RESPONSABILE: Dott. Luigi Paoli",
/// or without the colon, "Responsabile Dott.ssa Anna Neri".
pub fn head_line(text: &str, words: &Vocabulary) -> Option<Head> {
    let Some((role, person)) = text.split_once(':') else {
        return head_without_colon(text, words);
    };
    let is_role = words.is_role(role);
    is_role.then(|| head_of(Some(role), person, words))
}

/// "Responsabile Dott.ssa Anna Neri": a role word, then a name opened by an
/// abbreviated title ("Dott.", "Ing.") and of capitalised words (but for
/// its particles, "de", "della"), no figure.
fn head_without_colon(text: &str, words: &Vocabulary) -> Option<Head> {
    let (role, person) = words.leading_role(text.trim())?;
    let names: Vec<&str> = person.split_whitespace().collect();
    let capitalised = |word: &&str| word.starts_with(char::is_uppercase);
    let particle =
        |word: &&str| word.len() <= PARTICLE_MAX_BYTES && word.chars().all(char::is_lowercase);
    let titled = names
        .first()
        .is_some_and(|title| capitalised(title) && title.contains('.'));
    let a_name = titled
        && (2..=MAX_NAME_WORDS).contains(&names.len())
        && names.iter().all(|word| capitalised(word) || particle(word))
        && !person.chars().any(|c| c.is_ascii_digit());
    a_name.then(|| head_of(Some(role), person, words))
}

/// Most words of a head's name with its title ("Dott.ssa Anna Maria de
/// Rossi Bianchi").
const MAX_NAME_WORDS: usize = 6;
/// Longest particle of a name ("de", "di", "della").
const PARTICLE_MAX_BYTES: usize = 5;

fn head_of(role: Option<&str>, person: &str, words: &Vocabulary) -> Head {
    let (person, ad_interim) = strip_interim(person, words);
    Head {
        role: role.map(clean).filter(|role| !role.is_empty()),
        name: Some(clean(&person)).filter(|person| !person.is_empty()),
        ad_interim,
    }
}

const SPACED_SEPARATORS: [&str; 4] = [" - ", " – ", " — ", " | "];

/// How far into a line a heading's separator is looked for before the line
/// is cleaned: the words before it are a label (at most [`LABEL_MAX_CHARS`]
/// once cleaned), with room for the spaces cleaning removes.
const HEADING_OPENING_BYTES: usize = LABEL_MAX_CHARS * 2;

/// Longest line read as a heading in capitals without a separator.
const CAPITALS_HEADING_MAX_BYTES: usize = LABEL_MAX_CHARS * 2;

/// The name and the head's role in the text before a head's colon: parted
/// by the last spaced dash or bar ("AFFARI GENERALI – DIRIGENTE"), or, with
/// none, the last word when it is a role ("Lavori Pubblici Dirigente", a
/// bar a dump drew as a rule and dropped).
fn name_and_role<'t>(before: &'t str, words: &Vocabulary) -> Option<(&'t str, &'t str)> {
    last_spaced_dash(before).or_else(|| {
        before
            .trim_end()
            .rsplit_once(' ')
            .filter(|(_, role)| words.is_role(role))
    })
}

fn first_spaced_dash(text: &str) -> Option<(&str, &str)> {
    SPACED_SEPARATORS
        .iter()
        .filter_map(|dash| text.find(dash).map(|at| (at, dash.len())))
        .min_by_key(|&(at, _)| at)
        .map(|(at, length)| (&text[..at], &text[at + length..]))
}

fn last_spaced_dash(text: &str) -> Option<(&str, &str)> {
    SPACED_SEPARATORS
        .iter()
        .filter_map(|dash| text.rfind(dash).map(|at| (at, dash.len())))
        .max_by_key(|&(at, _)| at)
        .map(|(at, length)| (&text[..at], &text[at + length..]))
}

/// Takes an interim marker ("ad interim", "(ad interim)", "- ad interim") out
/// of a head's name, with the brackets and dashes that set it apart.
fn strip_interim(person: &str, words: &Vocabulary) -> (String, bool) {
    let person = &clean(person);
    for marker in words.interim_markers() {
        let found = person.char_indices().map(|(at, _)| at).find(|&at| {
            person
                .get(at..at + marker.len())
                .is_some_and(|candidate| candidate.eq_ignore_ascii_case(marker))
        });
        if let Some(at) = found {
            let separators: &[char] = &[' ', '-', '–', '—', ',', '('];
            let before = person[..at].trim_end_matches(separators);
            let after = person[at + marker.len()..].trim_start_matches([' ', ')']);
            return (format!("{before} {after}"), true);
        }
    }
    (person.to_owned(), false)
}
