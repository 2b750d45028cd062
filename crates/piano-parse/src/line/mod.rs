//! What each line of a plan is: a structure heading, a header field, a table
//! header, a row, a continuation, a page number, or plain text.
//!
//! Classification looks at one line at a time; what a line means in its
//! context (a fragment of a scrambled table, a paragraph of the preamble) is
//! decided by the assembler. The table headers' reading is in `header.rs`,
//! the structure headings' in `heading.rs`.

use std::sync::LazyLock;

use piano_model::reference::{fold, mission_code};
use piano_model::{Head, TextLine};
use regex::Regex;

use crate::text::clean;
use crate::token::number::{RowNumber, is_page_number, parse_row_number};
use crate::token::weight::is_weight;
use crate::vocabulary::{Column, Field, LABEL_MAX_CHARS, RowCode, Vocabulary, prefix};

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
        // A header whose cell over the row numbers is empty ("" | "Azioni"
        // | "Peso" | "Termine") opens its table, as one with that cell
        // filled does; other lines so set go on the line above.
        let header = (filled.len() >= 3)
            .then(|| table_header(&cells, words))
            .flatten();
        return match header {
            Some(mut columns) => {
                columns[0] = Some(Column::Number);
                LineKind::TableHeader(columns)
            }
            _ if filled.is_empty() => LineKind::Text,
            _ => LineKind::Continuation,
        };
    }
    if filled.len() == 1 {
        return classify_single(first, line.is_doubtful(), words);
    }
    if let Some(code) = words.row_code(first) {
        return LineKind::CodedRow(code);
    }
    if let Some(card) = card_opener(first, &filled[1..].join(" "), words) {
        return card;
    }
    // An opener a table's column edge cut in two ("Scheda" | "obiettivo n. 2").
    if let Some(card) = (filled.len() == 2)
        .then(|| card_opener(&filled.join(" "), "", words))
        .flatten()
    {
        return card;
    }
    // Most lines are rows, and no header's first cell is a row number.
    if let Some(number) = parse_row_number(first) {
        return LineKind::Row(number);
    }
    if let Some(number) = merged_row_number(first).filter(|_| filled.len() >= 3) {
        return LineKind::Row(number);
    }
    // A row of two cells is one too when its other cell is its weight ("a)
    // Verifica …" | "(33%)", a row whose due is left blank, its code and
    // text set too close to part).
    let weighted = filled.len() == 2 && is_weight(filled[1]);
    if let Some(code) = merged_row_code(first, words).filter(|_| filled.len() >= 3 || weighted) {
        return LineKind::CodedRow(code);
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
    let opened = words.card_opening(text)?;
    // A number cut off into the next cell ("Obiettivo n." | "14", a table's
    // column edge across the opener) is the card's number all the same.
    let (rest, rest_of_line) = match opened.trim().is_empty() {
        true => (rest_of_line.trim(), ""),
        false => (opened, rest_of_line),
    };
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
    // The label's cell may hold the value's first words after its colon
    // ("Termine: entro il" | "1", the rest set apart by a wide gap); words
    // closing with a colon are another label wrapped into the cell.
    let (label, value) = match label.split_once(':') {
        Some((before, after))
            if !after.trim().is_empty()
                && !after.trim_end().ends_with(':')
                && words.card_label(before.trim()).is_some() =>
        {
            (before, format!("{} {value}", after.trim()))
        }
        _ => (label, value.to_owned()),
    };
    // A value naming a column is a header's cell ("Fase | Peso"), unless
    // it is left open to go on on the next line ("Scadenza: entro il").
    if words.is_column_name(&value) && !words.ends_open(&value) {
        return None;
    }
    inline_card_field(label, &value, words)
}

/// A card's field written in one cell, its label before a colon ("Output
/// atteso: Tempi medi …"): the value is the field's whatever its first
/// words are, for a header's cells hold no colon ("N." opening "N. pratiche
/// elaborate", "Tempi" opening "Tempi medi di pagamento", cut there by a
/// narrow column).
fn inline_card_field(label: &str, value: &str, words: &Vocabulary) -> Option<LineKind> {
    if !words.has_cards() {
        return None;
    }
    let column = words.card_label(label.trim().trim_end_matches(':'))?;
    Some(LineKind::CardField(column, clean(value)))
}

/// Whether `first` and `second`, a line's two cells, are a mission heading
/// and the programme heading under it set side by side ("Missione 01 – …"
/// | "Programma 03 – …").
pub(crate) fn is_budget_pair(first: &str, second: &str, words: &Vocabulary) -> bool {
    words.has_budget_headings()
        && budget_heading(first, |word| words.is_mission_word(word)).is_some()
        && budget_heading(second, |word| words.is_programme_word(word)).is_some()
}

/// The code of the programme a line of one cell heads ("Programma 04.01 –
/// …" gives "0401"), as its profile's budget headings read it: the rows
/// below it are coded under it.
pub(crate) fn programme_heading_code(text: &str, words: &Vocabulary) -> Option<String> {
    if !words.has_budget_headings() {
        return None;
    }
    budget_heading(text, |word| words.is_programme_word(word)).map(|heading| heading.code)
}

/// "MISSIONE 01 – Name" / "Programma 0102 - Name" (or "01.02", "1.2"): a
/// budget word, its code, a separator, and the name.
fn budget_heading(text: &str, is_word: impl Fn(&str) -> bool) -> Option<BudgetHeading> {
    let captures = BUDGET_HEADING.captures(prefix(text, LABEL_MAX_CHARS * 3))?;
    let word = captures.name("word")?.as_str();
    if !is_word(&fold(word)) {
        return None;
    }
    // "1.2" is mission 01, programme 02, as "0102" and "01.02" are.
    let code = match captures.name("code")?.as_str().split_once(['.', ' ']) {
        Some((mission, programme)) => format!("{mission:0>2}{programme:0>2}"),
        None => captures.name("code")?.as_str().to_owned(),
    };
    let name = clean(captures.name("name")?.as_str());
    // A name opens with a word: "Missione 31.12.2021 …" is a date, not a code.
    let named = name.starts_with(char::is_alphabetic);
    named.then_some(BudgetHeading { code, name })
}

static BUDGET_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<word>\p{L}+)\s+(?:n\.?\s*|n°\s*)?(?P<code>\d{1,2}(?:[. ]?\d{2}|\.\d)?)\s*(?:[-–—:.)]\s*|\s)(?P<name>\S.*)$",
    )
    .expect("the budget heading pattern is valid")
});

/// "MISSIONE O1 – Name", "MISSIONE – Name": a mission heading whose number
/// OCR read as no number, or lost, and whose name is an official mission's,
/// or a few misread characters from one (`ocr_repair::mission_code`). The
/// code is left empty: the name gives it.
fn illegible_mission_heading(text: &str, is_word: impl Fn(&str) -> bool) -> Option<BudgetHeading> {
    let captures = ILLEGIBLE_MISSION_HEADING.captures(prefix(text, LABEL_MAX_CHARS * 3))?;
    if !is_word(&fold(captures.name("word")?.as_str())) {
        return None;
    }
    let name = clean(captures.name("name")?.as_str());
    crate::ocr_repair::mission_code(&name)?;
    Some(BudgetHeading {
        code: String::new(),
        name,
    })
}

/// A budget word, a token of up to three characters that is no number and
/// holds no small letter (what OCR made of one), or none, a separator, and
/// a name.
static ILLEGIBLE_MISSION_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<word>\p{L}+)(?:\s+(?:n\.?\s*|n°\s*)?[^\s\p{Ll}]{1,3})?\s*[-–—.)]\s*(?P<name>\p{L}.*)$",
    )
    .expect("the illegible mission heading pattern is valid")
});

/// A row number merged with the description in one cell ("1 Coordinamento …",
/// "1.1 Fase: …"): a number, a space, and a description opening in capitals.
fn merged_row_number(cell: &str) -> Option<RowNumber> {
    parse_row_number(merged_label(cell)?)
}

/// A row code of another scheme merged with the description in one cell
/// ("a) Verifica …", "A.1 Avvio …"): a code marked by more than letters (a
/// bare "A" or "I" may open a sentence), a space, and a description opening
/// in capitals.
fn merged_row_code(cell: &str, words: &Vocabulary) -> Option<RowCode> {
    let label = merged_label(cell)
        .or_else(|| merged_phase_label(cell).filter(|label| words.is_phase_text(label)))?;
    if label.chars().all(char::is_alphabetic) {
        return None;
    }
    words.row_code(label)
}

/// The first two words of a cell whose other words open in capitals: a
/// phase marker and its number merged with the description ("Fase 1
/// Approvazione …"), where they are one.
fn merged_phase_label(cell: &str) -> Option<&str> {
    let cell = cell.trim();
    let marker_end = cell.find(' ')?;
    let after_marker = &cell[marker_end..];
    let number_start = marker_end + after_marker.len() - after_marker.trim_start().len();
    let number_end = number_start + cell[number_start..].find(' ')?;
    let (marker, number) = (&cell[..marker_end], &cell[number_start..number_end]);
    let numbered = !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let opens = cell[number_end..]
        .trim_start()
        .starts_with(char::is_uppercase);
    (marker.chars().all(char::is_alphabetic) && numbered && opens).then(|| &cell[..number_end])
}

/// The first word of a cell whose other words open in capitals: a row's
/// number or code merged with its description, where it is one.
fn merged_label(cell: &str) -> Option<&str> {
    let (label, rest) = cell.trim().split_once(' ')?;
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(label)
}

/// Marks as structure headings the lines of text that open one by what
/// follows them ([`heading_over_a_head`]): the next line that holds text is
/// a head on its own line.
pub fn mark_headings_over_heads(lines: &[TextLine], kinds: &mut [LineKind], words: &Vocabulary) {
    let texts: Vec<Option<String>> = lines.iter().map(one_cell_text).collect();
    let mut below: Option<&str> = None;
    for index in (0..kinds.len().min(lines.len())).rev() {
        let Some(text) = texts[index].as_deref() else {
            if lines[index]
                .cells
                .iter()
                .any(|cell| !cell.text.trim().is_empty())
            {
                below = None;
            }
            continue;
        };
        if matches!(kinds[index], LineKind::Text)
            && let Some(heading) = below.and_then(|head| heading_over_a_head(text, head, words))
        {
            kinds[index] = LineKind::Structure(heading);
        }
        below = Some(text);
    }
}

/// The text of a line of one filled cell.
fn one_cell_text(line: &TextLine) -> Option<String> {
    let mut filled = line
        .cells
        .iter()
        .filter(|cell| !cell.text.trim().is_empty());
    let cell = filled.next()?;
    filled.next().is_none().then(|| cell.text.trim().to_owned())
}

/// One line of one cell (`doubtful`: read by OCR with low confidence).
fn classify_single(text: &str, doubtful: bool, words: &Vocabulary) -> LineKind {
    if let Some(heading) = structure_heading(text, words) {
        return LineKind::Structure(heading);
    }
    if words.has_budget_headings() {
        if let Some(heading) = budget_heading(text, |word| words.is_mission_word(word)) {
            return LineKind::BudgetMission(heading);
        }
        if let Some(heading) = doubtful
            .then(|| illegible_mission_heading(text, |word| words.is_mission_word(word)))
            .flatten()
        {
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
    if let Some(field) = mission_beside_its_label(text, words) {
        return field;
    }
    text.split_once(':')
        .and_then(|(label, value)| {
            field_line(label, value, words).or_else(|| inline_card_field(label, value, words))
        })
        .unwrap_or(LineKind::Text)
}

/// A mission's label and its value one space apart on a line of one cell
/// ("Missione Turismo": lynx sets a field's label and value so, which no
/// gap parts), when the value is an official mission's name: a sentence
/// that opens with the label's word stays text.
fn mission_beside_its_label(text: &str, words: &Vocabulary) -> Option<LineKind> {
    let value = clean(words.after_field_label(text, Field::Mission)?);
    mission_code(&value)?;
    Some(LineKind::Field(Field::Mission, value))
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

mod header;
mod heading;

use header::table_header;
pub use header::{
    MAX_HEADER_CELLS, header_columns, is_group_label, is_header_piece, table_header_columns,
};
pub use heading::{head_line, heading_over_a_head, structure_heading};

#[cfg(test)]
mod tests;
