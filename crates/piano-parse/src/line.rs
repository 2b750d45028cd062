//! What each line of a plan is: a structure heading, a header field, a table
//! header, a row, a continuation, a page number, or plain text.
//!
//! Classification looks at one line at a time; what a line means in its
//! context (a fragment of a scrambled table, a paragraph of the preamble) is
//! decided by the assembler.

use std::sync::LazyLock;

use piano_model::reference::fold;
use piano_model::{Head, TextLine};
use regex::Regex;

use crate::text::clean;
use crate::token::number::{RowNumber, is_page_number, parse_row_number};
use crate::vocabulary::{Column, Field, LABEL_MAX_CHARS, RowCode, Sections, Vocabulary, prefix};

/// The kind of a line, with what was read from it.
#[derive(Debug, Clone, PartialEq)]
pub enum LineKind {
    /// "STRUTTURA: NAME – ROLE: HEAD".
    Structure(StructureHeading),
    /// A header field: a label cell ("Linea Strategica") and its value.
    Field(Field, String),
    /// A table's header row: the column each cell names.
    TableHeader(Vec<Option<Column>>),
    /// "Dipendenti coinvolti sugli obiettivi:".
    StaffTitle,
    /// A table row: its first cell is a row number.
    Row(RowNumber),
    /// A table row whose first cell is a code of the profile's numbering
    /// ("01.02.03"): rows numbered by position, the code kept as written.
    CodedRow(RowCode),
    /// A budget mission heading ("MISSIONE 01 – Servizi istituzionali …"),
    /// which the programme headings under it belong to.
    BudgetMission(BudgetHeading),
    /// "Obiettivo n. 3": an objective card opens, with the number as written
    /// and the title that may follow it.
    CardOpener(String, Option<String>),
    /// A labelled field of an objective card ("Peso", "30%").
    CardField(Column, String),
    /// A line whose first cell is empty: it continues the row above.
    Continuation,
    /// A bare page number.
    PageNumber,
    /// Anything else: prose, headings, fragments.
    Text,
}

/// What a structure heading says.
#[derive(Debug, Clone, PartialEq)]
pub struct StructureHeading {
    /// The section word as written ("STRUTTURA"); `None` for a table named
    /// by its caption.
    pub kind: Option<String>,
    /// The structure's name.
    pub name: String,
    /// Its head.
    pub head: Head,
}

/// A budget heading: the code after the word ("01", "0102", "01.02") and the
/// name after its separator.
#[derive(Debug, Clone, PartialEq)]
pub struct BudgetHeading {
    /// The digits as written, dots removed ("0102").
    pub code: String,
    /// The name as written after the code.
    pub name: String,
}

/// The kind of the structures a programme heading opens.
pub const PROGRAMME_KIND: &str = "MISSIONE/PROGRAMMA";

/// Classifies one line.
pub fn classify(line: &TextLine, words: &Vocabulary) -> LineKind {
    let cells: Vec<&str> = line.cells.iter().map(|cell| cell.text.trim()).collect();
    let filled: Vec<&str> = cells
        .iter()
        .copied()
        .filter(|text| !text.is_empty())
        .collect();
    let Some(&first) = cells.first() else {
        return LineKind::Text;
    };
    if first.is_empty() {
        return if filled.is_empty() {
            LineKind::Text
        } else {
            LineKind::Continuation
        };
    }
    if filled.len() == 1 {
        return classify_single(first, words);
    }
    if let Some(code) = words.row_code(first) {
        return LineKind::CodedRow(code);
    }
    if let Some(card) = card_opener(first, &filled[1..].join(" "), words) {
        return card;
    }
    // Most lines are rows, and no header's first cell is a row number.
    if let Some(number) = parse_row_number(first) {
        return LineKind::Row(number);
    }
    if let Some(number) = merged_row_number(first).filter(|_| filled.len() >= 3) {
        return LineKind::Row(number);
    }
    if let Some(columns) = table_header(&cells, words) {
        return LineKind::TableHeader(columns);
    }
    let value = filled[1..].join(" ");
    field_line(first, &value, words)
        .or_else(|| {
            // "Fasi | Peso | Scadenza": cells that name columns are a header's.
            let names_columns = || filled[1..].iter().all(|cell| words.is_column_name(cell));
            (words.has_cards() && !names_columns())
                .then(|| card_field(first, &value, words))
                .flatten()
        })
        .unwrap_or(LineKind::Text)
}

/// "Obiettivo n. 3" (with a title after a dash or colon, or none): the
/// number is the first word after the opener and holds a digit. Without a
/// title in `text`, the card's title is `rest`, the line's other cells.
fn card_opener(text: &str, rest_of_line: &str, words: &Vocabulary) -> Option<LineKind> {
    if !words.has_cards() {
        return None;
    }
    let rest = words.card_opening(text)?;
    let number_end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | '–' | '—' | ','))
        .unwrap_or(rest.len());
    let number = rest[..number_end].trim_end_matches(['.', ')', '-']);
    let numbered = number.len() <= 8 && number.bytes().any(|b| b.is_ascii_digit());
    if !numbered {
        return None;
    }
    let title = clean(rest[number_end..].trim_start_matches([' ', ':', '-', '–', '—', '.']));
    let title = Some(title)
        .filter(|title| !title.is_empty())
        .or_else(|| Some(clean(rest_of_line)).filter(|title| !title.is_empty()));
    Some(LineKind::CardOpener(number.to_owned(), title))
}

/// A card's labelled field: a label naming a field, and its value. A value
/// that is itself a column's name ("Fase | Peso") makes the line a piece of
/// a table's header.
fn card_field(label: &str, value: &str, words: &Vocabulary) -> Option<LineKind> {
    if !words.has_cards() || words.is_column_name(value) {
        return None;
    }
    let column = words.card_label(label.trim().trim_end_matches(':'))?;
    Some(LineKind::CardField(column, clean(value)))
}

/// "MISSIONE 01 – Name" / "Programma 0102 - Name": a budget word, its code,
/// a separator, and the name.
fn budget_heading(text: &str, is_word: impl Fn(&str) -> bool) -> Option<BudgetHeading> {
    let captures = BUDGET_HEADING.captures(prefix(text, LABEL_MAX_CHARS * 3))?;
    let word = captures.name("word")?.as_str();
    if !is_word(&fold(word)) {
        return None;
    }
    let code: String = captures.name("code")?.as_str().replace(['.', ' '], "");
    let name = clean(captures.name("name")?.as_str());
    // A name opens with a word: "Missione 31.12.2021 …" is a date, not a code.
    let named = name.starts_with(char::is_alphabetic);
    named.then_some(BudgetHeading { code, name })
}

static BUDGET_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<word>\p{L}+)\s+(?:n\.?\s*|n°\s*)?(?P<code>\d{1,2}(?:[. ]?\d{2})?)\s*(?:[-–—:.)]\s*|\s)(?P<name>\S.*)$",
    )
    .expect("the budget heading pattern is valid")
});

/// A row number merged with the description in one cell ("1 Coordinamento …",
/// "1.1 Fase: …"): a number, a space, and a description opening in capitals.
fn merged_row_number(cell: &str) -> Option<RowNumber> {
    let (number, rest) = cell.trim().split_once(' ')?;
    let opens_in_capitals = rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    opens_in_capitals
        .then(|| parse_row_number(number))
        .flatten()
}

fn classify_single(text: &str, words: &Vocabulary) -> LineKind {
    if let Some(heading) = structure_heading(text, words) {
        return LineKind::Structure(heading);
    }
    if words.has_budget_headings() {
        if let Some(heading) = budget_heading(text, |word| words.is_mission_word(word)) {
            return LineKind::BudgetMission(heading);
        }
        if let Some(heading) = budget_heading(text, |word| words.is_programme_word(word)) {
            return LineKind::Structure(StructureHeading {
                kind: Some(PROGRAMME_KIND.to_owned()),
                name: heading.name,
                head: Head::default(),
            });
        }
    }
    if let Some(card) = card_opener(text, "", words) {
        return card;
    }
    if words.is_staff_title(text) {
        return LineKind::StaffTitle;
    }
    if is_page_number(text) {
        return LineKind::PageNumber;
    }
    if let Some(field) = field_line(text, "", words) {
        return field;
    }
    text.split_once(':')
        .and_then(|(label, value)| {
            field_line(label, value, words).or_else(|| card_field(label, value, words))
        })
        .unwrap_or(LineKind::Text)
}

/// A header field from its label and value. A label may carry the DUP's
/// numbering ("Missione 01", "Obiettivo Operativo 1.2.1"); a mission's number
/// stands for its code when the value gives none.
fn field_line(label: &str, value: &str, words: &Vocabulary) -> Option<LineKind> {
    let field = words.field(label)?;
    let mut value = clean(value);
    let trailing = label
        .split_whitespace()
        .skip(1)
        .last()
        .filter(|token| token.starts_with(|c: char| c.is_ascii_digit()));
    // A mission is numbered by its code, digits only: anything else after
    // the label ("Missione 31.12.2021") is what was written as its value.
    if let Some(token) = trailing.filter(|token| {
        field == Field::Mission && value.is_empty() && !token.bytes().all(|b| b.is_ascii_digit())
    }) {
        value = clean(token);
    }
    let number = trailing.filter(|token| token.bytes().all(|b| b.is_ascii_digit()));
    let value = match number {
        Some(code)
            if field == Field::Mission && !value.starts_with(|c: char| c.is_ascii_digit()) =>
        {
            format!("{code} {value}")
        }
        _ => value,
    };
    Some(LineKind::Field(field, value))
}

/// Most cells a table header has (a weight matrix's heads included): a line
/// of more is text cut at its gaps, and is not compared with every column name.
pub const MAX_HEADER_CELLS: usize = 64;

/// A header row names at least three columns, one of them the description or
/// an employee, and most of the cells it fills name a column (a plan may add
/// columns of its own, such as "Note").
fn table_header(cells: &[&str], words: &Vocabulary) -> Option<Vec<Option<Column>>> {
    if cells.len() > MAX_HEADER_CELLS {
        return None;
    }
    let mut columns: Vec<Option<Column>> = cells.iter().map(|cell| words.column(cell)).collect();
    settle_objective_columns(&mut columns);
    if let Some(matrix) = matrix_header(cells, &columns, words) {
        return Some(matrix);
    }
    let named = columns.iter().flatten().count();
    let filled = cells.iter().filter(|cell| !cell.is_empty()).count();
    let anchored = columns
        .iter()
        .any(|column| matches!(column, Some(Column::Description | Column::Employee)));
    (named >= 3 && named * 3 >= filled * 2 && anchored).then_some(columns)
}

/// The columns a line names, when it is a table header: [`classify`] reads
/// headers only from lines whose first cell is filled, this one also those
/// behind an empty leading column.
pub fn table_header_columns(line: &TextLine, words: &Vocabulary) -> Option<Vec<Option<Column>>> {
    let cells: Vec<&str> = line.cells.iter().map(|cell| cell.text.trim()).collect();
    table_header(&cells, words)
}

/// The columns a header's cells name, as [`classify`] reads them once the
/// line is known to be a header (a header wrapped onto two lines is read
/// again once joined).
pub fn header_columns(cells: &[&str], words: &Vocabulary) -> Vec<Option<Column>> {
    let mut columns: Vec<Option<Column>> = cells.iter().map(|cell| words.column(cell)).collect();
    settle_objective_columns(&mut columns);
    matrix_header(cells, &columns, words).unwrap_or(columns)
}

/// A weight matrix's header, in a family whose tables are its structures: a
/// number and a description column and no column of values (weight, due,
/// indicators, expected), then at least two cells naming no column: the
/// heads, one column each.
fn matrix_header(
    cells: &[&str],
    columns: &[Option<Column>],
    words: &Vocabulary,
) -> Option<Vec<Option<Column>>> {
    let has = |wanted: Column| columns.contains(&Some(wanted));
    // Its other columns are heads: a header that names values (a due date,
    // indicators, expected values) is an objectives table's.
    let names_values = [
        Column::Weight,
        Column::Due,
        Column::Indicators,
        Column::Expected,
    ]
    .into_iter()
    .any(has);
    let shaped = has(Column::Number) && has(Column::Description) && !names_values;
    if words.sections != Sections::Tables || !shaped {
        return None;
    }
    let heads: Vec<usize> = (0..cells.len())
        .filter(|&index| columns[index].is_none() && !cells[index].is_empty())
        .collect();
    if heads.len() < 2 {
        return None;
    }
    let mut columns = columns.to_vec();
    for index in heads {
        columns[index] = Some(Column::HeadWeight);
    }
    Some(columns)
}

/// "Obiettivo(i)" names the objective an employee works on in a staff table
/// (one with an employee column), and the description in an objectives table.
fn settle_objective_columns(columns: &mut [Option<Column>]) {
    let staff = columns.contains(&Some(Column::Employee));
    let has_description = columns.contains(&Some(Column::Description));
    for column in columns.iter_mut() {
        match *column {
            Some(Column::Description) if staff => *column = Some(Column::Objective),
            Some(Column::Objective) if !staff && !has_description => {
                *column = Some(Column::Description);
            }
            _ => {}
        }
    }
}

/// The words before a heading's separator: a section word, with an ordinal
/// before or after it ("SETTORE 1", "SETTORE N. 1", "1° SETTORE", "AREA IV").
struct SectionHead<'a> {
    written: &'a str,
    kind: String,
    numbered: bool,
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
    // The section word and its ordinal come before a colon or a spaced dash
    // near the start: most lines (prose, rows) are told apart without cleaning.
    let opening = prefix(text, HEADING_OPENING_BYTES);
    let separated =
        opening.contains(':') || SPACED_DASHES.iter().any(|dash| opening.contains(dash));
    if !separated {
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
        let (_, role) = last_spaced_dash(before)?;
        if !words.is_role(role) {
            return None;
        }
        first_spaced_dash(text)
            .and_then(|(head, body)| Some((section_head(head, words)?, body)))
            .or_else(|| leading_section_word(text, words))
    };
    let (section, body) = by_colon.or_else(by_dash).or_else(by_word)?;
    let (name, head) = match body.rsplit_once(':') {
        Some((before, person)) => match last_spaced_dash(before) {
            Some((name, role)) => (name, head_of(Some(role), person, words)),
            None => (before, head_of(None, person, words)),
        },
        None => (body, Head::default()),
    };
    // "Area: tecnica, con i lavori pubblici." is a sentence, not a heading.
    if head == Head::default() && body.trim_end().ends_with(['.', ';']) {
        return None;
    }
    let name = if section.numbered {
        clean(&format!("{} {name}", section.written))
    } else {
        clean(name)
    };
    (!name.is_empty()).then_some(StructureHeading {
        kind: Some(section.kind),
        name,
        head,
    })
}

/// Reads a head given on its own line: "RESPONSABILE: Dott. Luigi Paoli".
pub fn head_line(text: &str, words: &Vocabulary) -> Option<Head> {
    let (role, person) = text.split_once(':')?;
    let is_role = words.is_role(role);
    is_role.then(|| head_of(Some(role), person, words))
}

fn head_of(role: Option<&str>, person: &str, words: &Vocabulary) -> Head {
    let (person, ad_interim) = strip_interim(person, words);
    Head {
        role: role.map(clean).filter(|role| !role.is_empty()),
        name: Some(clean(&person)).filter(|person| !person.is_empty()),
        ad_interim,
    }
}

const SPACED_DASHES: [&str; 3] = [" - ", " – ", " — "];

/// How far into a line a heading's separator is looked for before the line
/// is cleaned: the words before it are a label (at most [`LABEL_MAX_CHARS`]
/// once cleaned), with room for the spaces cleaning removes.
const HEADING_OPENING_BYTES: usize = LABEL_MAX_CHARS * 2;

fn first_spaced_dash(text: &str) -> Option<(&str, &str)> {
    SPACED_DASHES
        .iter()
        .filter_map(|dash| text.find(dash).map(|at| (at, dash.len())))
        .min_by_key(|&(at, _)| at)
        .map(|(at, length)| (&text[..at], &text[at + length..]))
}

fn last_spaced_dash(text: &str) -> Option<(&str, &str)> {
    SPACED_DASHES
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

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> &'static Vocabulary {
        Vocabulary::default_profile()
    }

    fn kind_of(text: &str) -> LineKind {
        classify(&TextLine::from_texts(1, None, text.split('\t')), words())
    }

    /// A line as the profile of a bundled family reads it.
    fn kind_in(family: &str, text: &str) -> LineKind {
        let profile = Vocabulary::bundled()
            .iter()
            .find(|profile| profile.name == family)
            .expect("a bundled family");
        classify(&TextLine::from_texts(1, None, text.split('\t')), profile)
    }

    #[test]
    fn a_section_word_needs_no_colon_when_a_heads_role_ends_the_line() {
        for (text, name, role, head) in [
            (
                "AREA - SEGRETERIA GENERALE - SEGRETARIO GENERALE:",
                "SEGRETERIA GENERALE",
                "SEGRETARIO GENERALE",
                None,
            ),
            (
                "STRUTTURA AREA TECNICA, LAVORI PUBBLICI – RESPONSABILE P.O.: Rag. Chiara Costa",
                "AREA TECNICA, LAVORI PUBBLICI",
                "RESPONSABILE P.O.",
                Some("Rag. Chiara Costa"),
            ),
        ] {
            let heading = structure_heading(text, words()).expect(text);
            assert_eq!(
                (
                    heading.name.as_str(),
                    heading.head.role.as_deref(),
                    heading.head.name.as_deref()
                ),
                (name, Some(role), head),
                "{text}"
            );
        }
        // Without a head's role, words after "Area" are prose.
        assert_eq!(
            structure_heading("Area tecnica - lavori in corso: tre cantieri", words()),
            None
        );
    }

    #[test]
    fn a_card_field_is_labelled_by_any_name_of_its_column() {
        for (line, column) in [
            ("Indicatori di risultato\tN. pratiche", Column::Indicators),
            ("Incidenza %\t30%", Column::Weight),
            ("Obiettivo\tRiordino dell'archivio", Column::Description),
        ] {
            assert!(
                matches!(kind_in("objective-cards", line), LineKind::CardField(c, _) if c == column),
                "{line}"
            );
        }
        // Cells naming columns are a header's, however the first is read.
        for line in ["Fase\tPeso", "Cronoprogramma delle fasi\tPeso\tScadenza"] {
            assert!(
                !matches!(kind_in("objective-cards", line), LineKind::CardField(..)),
                "{line}"
            );
        }
    }

    #[test]
    fn a_weight_matrix_header_names_no_column_of_values() {
        let matrix = "N.\tDescrizione\tSegretario\tDirigente Area 1";
        assert!(matches!(
            kind_in("weight-matrix", matrix),
            LineKind::TableHeader(columns) if columns.contains(&Some(Column::HeadWeight))
        ));
        let grouped = "N.\tDescrizione\tProgrammazione\tIndicatori\tScadenza\tOsservazioni";
        assert!(matches!(
            kind_in("weight-matrix", grouped),
            LineKind::TableHeader(columns) if !columns.contains(&Some(Column::HeadWeight))
        ));
    }

    #[test]
    fn reads_structure_headings() {
        let heading = structure_heading(
            "STRUTTURA: AREA 1 AFFARI GENERALI – DIRIGENTE/RESPONSABILE: ARCH. Mario Rossi ad interim",
            words(),
        )
        .expect("a heading");
        assert_eq!(heading.kind.as_deref(), Some("STRUTTURA"));
        assert_eq!(heading.name, "AREA 1 AFFARI GENERALI");
        assert_eq!(heading.head.role.as_deref(), Some("DIRIGENTE/RESPONSABILE"));
        assert_eq!(heading.head.name.as_deref(), Some("ARCH. Mario Rossi"));
        assert!(heading.head.ad_interim);

        let heading = structure_heading("Settore: POLIZIA LOCALE - RESPONSABILE:", words())
            .expect("a heading");
        assert_eq!(
            (heading.name.as_str(), heading.head.name),
            ("POLIZIA LOCALE", None)
        );
        assert_eq!(structure_heading("AREA TECNICA", words()), None);

        let heading = structure_heading(
            "SETTORE 1: AFFARI GENERALI – RESPONSABILE: Dott.ssa Anna Neri (ad interim)",
            words(),
        )
        .expect("a numbered section word");
        assert_eq!(
            (heading.kind.as_deref(), heading.name.as_str()),
            (Some("SETTORE"), "SETTORE 1 AFFARI GENERALI")
        );
        assert_eq!(heading.head.name.as_deref(), Some("Dott.ssa Anna Neri"));
        assert!(heading.head.ad_interim);
        let heading = structure_heading(
            "AREA: TECNICA – RESPONSABILE: Ing. Paolo Berti - ad interim",
            words(),
        )
        .expect("a heading");
        assert_eq!(heading.head.name.as_deref(), Some("Ing. Paolo Berti"));
        assert_eq!(
            structure_heading("Settore 1 e 2: vedi sopra", words()),
            None
        );
        for (text, name) in [
            (
                "SETTORE 1 – AFFARI GENERALI – DIRIGENTE: Dott.ssa Lucia Bartoli",
                "SETTORE 1 AFFARI GENERALI",
            ),
            ("SETTORE N. 2: TRIBUTI", "SETTORE N. 2 TRIBUTI"),
            ("1° SETTORE: TRIBUTI", "1° SETTORE TRIBUTI"),
            ("AREA IV: VIGILANZA", "AREA IV VIGILANZA"),
            ("STRUTTURA ORGANIZZATIVA: SEGRETERIA", "SEGRETERIA"),
        ] {
            let heading = structure_heading(text, words()).expect(text);
            assert_eq!(heading.name, name, "{text}");
        }
        // Unnumbered, a section word needs a head's role at the line's end
        // to open a heading without its colon.
        let heading = structure_heading("Area tecnica - Dirigente: Rossi", words());
        assert_eq!(
            heading.map(|heading| (heading.kind, heading.name)),
            Some((Some("Area".to_owned()), "tecnica".to_owned()))
        );
        assert_eq!(
            structure_heading(
                "Area: tecnica, con i lavori pubblici e l'ambiente.",
                words()
            ),
            None
        );
        assert_eq!(structure_heading("Nota: vedi sopra", words()), None);
    }

    #[test]
    fn reads_a_head_on_its_own_line() {
        let head = head_line("RESPONSABILE: Dott. Luigi Paoli", words()).expect("a head line");
        assert_eq!(
            (head.role.as_deref(), head.name.as_deref()),
            (Some("RESPONSABILE"), Some("Dott. Luigi Paoli"))
        );
        assert_eq!(head_line("Nota: vedi sopra", words()), None);
    }

    #[test]
    fn a_missions_number_is_its_code_and_anything_else_after_the_label_its_value() {
        // The date is kept as what was written, to be reported as no mission.
        assert_eq!(
            kind_of("Missione 31.12.2021"),
            LineKind::Field(Field::Mission, "31.12.2021".to_owned())
        );
        assert!(matches!(
            kind_of("Missione 01"),
            LineKind::Field(Field::Mission, value) if value.starts_with("01")
        ));
    }

    #[test]
    fn classifies_each_kind_of_line() {
        assert!(matches!(
            kind_of("Missione\tOrdine pubblico e sicurezza"),
            LineKind::Field(Field::Mission, _)
        ));
        assert!(matches!(
            kind_of("N°\tDescrizione Obiettivi Operativi\tPeso %\tIndicatori\tTarget\tScadenza"),
            LineKind::TableHeader(_)
        ));
        assert!(matches!(
            kind_of("N.\tDipendenti\tObiettivo\tPeso %"),
            LineKind::TableHeader(_)
        ));
        assert!(matches!(kind_of("1.1.\tFase: x\t(50%)"), LineKind::Row(_)));
        assert_eq!(kind_of("\t\tsegue"), LineKind::Continuation);
        assert_eq!(kind_of("16"), LineKind::PageNumber);
        assert_eq!(
            kind_of("Dipendenti coinvolti sugli obiettivi:"),
            LineKind::StaffTitle
        );
        assert_eq!(kind_of("17.2"), LineKind::Text);
        assert_eq!(kind_of("(50%)"), LineKind::Text);
        assert_eq!(kind_of("Il Ciclo della Performance"), LineKind::Text);
    }
}
