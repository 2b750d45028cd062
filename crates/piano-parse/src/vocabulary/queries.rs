//! What a profile's words say of a cell, a label or a line.

use super::*;

impl Vocabulary {
    /// The field a label names; numbering after the label ("Missione 01",
    /// "Obiettivo Operativo 1.2.1") does not matter.
    pub fn field(&self, label: &str) -> Option<Field> {
        let written = label.trim().trim_end_matches(':');
        let plain =
            |c: char| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '.' | '\'' | '’');
        if label.len() > LABEL_MAX_CHARS || !written.chars().all(plain) {
            return None;
        }
        let folded = fold(label);
        let label = folded.trim_end_matches(|c: char| c.is_ascii_digit() || c == ' ');
        self.words
            .fields
            .iter()
            .find(|(word, _)| label == *word)
            .map(|(_, field)| field)
    }

    /// What follows one of `field`'s labels at the start of `text`
    /// ("Missione 12 - …" gives " 12 - …"); the longest label first.
    pub fn after_field_label<'t>(&self, text: &'t str, field: Field) -> Option<&'t str> {
        self.words
            .fields
            .iter()
            .filter(|(_, named)| *named == field)
            .filter_map(|(label, _)| Some((label.len(), opens_with_words(text, label)?)))
            .max_by_key(|(length, _)| *length)
            .map(|(_, rest)| rest)
    }

    /// What follows the words a description column's header opens with
    /// that are no part of the objectives' label ("Descrizione Obiettivi
    /// Gestionali" gives " Obiettivi Gestionali").
    pub fn after_label_drop<'t>(&self, header: &'t str) -> Option<&'t str> {
        self.words
            .objectives_label_drop
            .iter()
            .find_map(|words| opens_with_words(header, words))
    }

    /// The column a header cell names. The longest matching label wins, so that
    /// "Obiettivo" (a staff table's column) and "Obiettivi Operativi" differ.
    pub fn column(&self, header: &str) -> Option<Column> {
        // Most cells are turned away here, unfolded.
        if !self.column_names.may_be_named_in(header) {
            return None;
        }
        let folded = folded_label(header)?;
        let names = self.column_names.opening_with(first_of(&folded));
        longest_name(names, &folded, opens_with)
            .or_else(|| self.abbreviated_column(header, &folded))
    }

    /// The column a header cell names with a name of several words, read
    /// with no heed to spaces lost or moved ("% diraggiungimento", as OCR
    /// reads a narrow space): asked of a header's cells that name no column
    /// once the line is known to be a header.
    pub fn column_with_spaces_lost(&self, header: &str) -> Option<Column> {
        let folded = folded_label(header)?;
        longest_name(self.column_names.every(), &folded, opens_with_spaces_lost)
    }

    /// The first label the profile gives `column` (folded): what a header
    /// cell OCR misread is read as once the header's other cells prove which
    /// column it names (`ocr_repair::header`).
    pub fn column_label(&self, column: Column) -> Option<&str> {
        self.words
            .columns
            .iter()
            .find(|(_, named)| *named == column)
            .map(|(label, _)| label)
    }

    /// The column a header cell names word for word ("Peso", "Valore
    /// atteso"), not by opening with its name ("Peso %" names the weight,
    /// but not exactly).
    pub fn column_named_exactly(&self, header: &str) -> Option<Column> {
        if !self.column_names.may_be_named_in(header) {
            return None;
        }
        let folded = folded_label(header)?;
        self.column_names
            .opening_with(first_of(&folded))
            .find(|(name, _)| *name == folded)
            .map(|(_, column)| column)
    }

    /// The column a header of one word cut short with a point names
    /// ("Raggiung.", "Motivaz."): the one column whose names open with a
    /// longer word that the header begins.
    fn abbreviated_column(&self, header: &str, folded: &str) -> Option<Column> {
        let short = header.trim().ends_with('.')
            && !folded.contains(' ')
            && folded.chars().count() >= MIN_ABBREVIATED_LETTERS;
        if !short {
            return None;
        }
        let mut columns = self.column_names.begun_by(folded);
        let column = columns.next()?;
        columns.all(|other| other == column).then_some(column)
    }

    /// Whether `text` may open with the name of a column of percentages
    /// ("Peso Scadenza", "% raggiungimento Note"): its first word opens one.
    /// A text of symbols only may.
    pub fn may_open_with_percentages(&self, text: &str) -> bool {
        self.column_names.may_open_with_percentages(text)
    }

    /// Whether a cell is, whole, one of the words that name a column ("N.",
    /// "Peso"), as a header's cell is.
    pub fn is_column_name(&self, cell: &str) -> bool {
        self.column_named_exactly(cell).is_some()
    }

    /// The field of an objective card a label names: one of the card's own
    /// labels exactly ("Obiettivo"), else the column it names ("Peso",
    /// "Indicatori di risultato"), so that a column's words are written once.
    pub fn card_label(&self, label: &str) -> Option<Column> {
        let folded = folded_label(label)?;
        self.words
            .card_fields
            .iter()
            .find(|(word, _)| *word == folded.as_str())
            .map(|(_, column)| column)
            .or_else(|| self.column(label))
    }

    /// Whether `word` (as written before a colon) opens a structure.
    pub fn is_section_word(&self, word: &str) -> bool {
        let word = fold(prefix(word, LABEL_MAX_CHARS));
        self.words.section_words.contains(&word)
    }

    /// The name of the bundled profile this one extends.
    pub fn extends(&self) -> Option<&str> {
        self.extends.as_deref()
    }

    /// Whether the profile reads lines of one cell with words of its own,
    /// beyond those of the profile it extends.
    pub fn reads_own_lines(&self) -> bool {
        self.adds_line_words || self.has_budget_headings() || self.has_cards()
    }

    /// Whether the family groups its tables under budget headings.
    pub fn has_budget_headings(&self) -> bool {
        !self.words.mission_words.is_empty() || !self.words.programme_words.is_empty()
    }

    /// Whether a folded word names a budget mission heading ("MISSIONE 01 – …").
    pub fn is_mission_word(&self, folded_word: &str) -> bool {
        self.words
            .mission_words
            .iter()
            .any(|word| word == folded_word)
    }

    /// Whether a folded word names a budget programme heading ("PROGRAMMA 02 – …").
    pub fn is_programme_word(&self, folded_word: &str) -> bool {
        self.words
            .programme_words
            .iter()
            .any(|word| word == folded_word)
    }

    /// A few headings that open a structure in this family, written from the
    /// profile's own words ("STRUTTURA: …", "MISSIONE 01 – …"), to show a
    /// reader what was looked for; empty for a family whose tables are its
    /// structures.
    pub fn heading_examples(&self) -> Vec<String> {
        /// Section words shown: enough to see the kind, few enough to read.
        const SHOWN: usize = 3;
        // Words that open alike ("Struttura", "Struttura organizzativa")
        // show one kind: the first of them stands for the others.
        let kind = |word: &str| word.split(' ').next().map(str::to_owned);
        let mut kinds: Vec<&str> = Vec::new();
        for word in self.words.section_words.iter() {
            if kinds.len() < SHOWN && !kinds.iter().any(|shown| kind(shown) == kind(word)) {
                kinds.push(word);
            }
        }
        let section = kinds
            .into_iter()
            .map(|word| format!("{}: …", word.to_uppercase()));
        let budget = [&self.words.mission_words, &self.words.programme_words]
            .into_iter()
            .filter_map(|words| words.first())
            .map(|word| format!("{} 01 – …", word.to_uppercase()));
        match self.sections {
            Sections::Tables => Vec::new(),
            Sections::Headings => section.chain(budget).collect(),
        }
    }

    /// Whether a label (as written before a colon) names a head's role.
    pub fn is_role(&self, label: &str) -> bool {
        folded_label(label).is_some_and(|label| {
            self.words
                .role_words
                .iter()
                .any(|word| opens_with(&label, word))
        })
    }

    /// The role word `text` opens with, as written, and what follows it
    /// ("Responsabile Dott. Neri" gives "Responsabile" and " Dott. Neri");
    /// the longest role word first.
    pub fn leading_role<'t>(&self, text: &'t str) -> Option<(&'t str, &'t str)> {
        self.words
            .role_words
            .iter()
            .filter_map(|word| {
                let rest = opens_with_words(text, word)?;
                Some((&text[..text.len() - rest.len()], rest))
            })
            .max_by_key(|(role, _)| role.len())
    }

    /// Whether a folded word is one that names a plan in a title.
    pub fn is_title_word(&self, folded_word: &str) -> bool {
        self.words
            .title_words
            .iter()
            .any(|word| word == folded_word)
    }

    /// The markers of a head holding the post temporarily, as written.
    pub fn interim_markers(&self) -> &[String] {
        &self.words.interim_markers
    }

    /// Whether `line` opens a staff table.
    pub fn is_staff_title(&self, line: &str) -> bool {
        opens_with_one_of(line, &self.words.staff_titles)
    }

    /// Whether `text` opens with a phase marker ("Fase: …").
    pub fn is_phase_text(&self, text: &str) -> bool {
        opens_with_one_of(text, &self.words.phase_markers)
    }

    /// Whether `text` ends with a word a phrase does not end with ("… di"):
    /// the text goes on on the next line.
    pub fn ends_open(&self, text: &str) -> bool {
        let last = text.trim_end().rsplit(' ').next().unwrap_or("");
        let folded = fold(last);
        !folded.is_empty() && self.words.open_endings.contains(&folded)
    }

    /// Whether `cell` names a person: it opens with a title ("Dott.ssa
    /// Rossi", "Ing. Bianchi").
    pub fn names_a_person(&self, cell: &str) -> bool {
        opens_with_one_of(cell, &self.words.person_titles)
    }

    /// Whether `word` is a unit weights are written with ("punti", "pt."):
    /// points out of a hundred, read as a percent.
    pub fn is_weight_unit(&self, word: &str) -> bool {
        self.words.weight_units.contains(&fold(word))
    }

    /// Whether a cell labels a totals row ("Totale", "Peso ponderale calcolato").
    pub fn is_total_label(&self, cell: &str) -> bool {
        opens_with_one_of(cell, &self.words.total_labels)
    }

    /// Whether a table header naming `columns` has every column the family
    /// requires (a results report's "% di raggiungimento").
    pub fn has_required_columns(&self, columns: &[Option<Column>]) -> bool {
        self.words
            .required_columns
            .iter()
            .all(|required| columns.contains(&Some(*required)))
    }

    /// Whether the family requires columns of its tables.
    pub fn requires_columns(&self) -> bool {
        !self.words.required_columns.is_empty()
    }

    /// Whether the family has objective cards.
    pub fn has_cards(&self) -> bool {
        !self.words.card_openers.is_empty()
    }

    /// The profiles of `profiles` whose family has objective cards: the
    /// ones the passes that part a card's labels from values read with.
    pub fn with_cards(profiles: &[Vocabulary]) -> Vec<&Vocabulary> {
        profiles
            .iter()
            .filter(|profile| profile.has_cards())
            .collect()
    }

    /// The text after a card opener ("Obiettivo n. 3 – Titolo" gives
    /// "3 – Titolo"), when `text` opens a card.
    pub fn card_opening<'t>(&self, text: &'t str) -> Option<&'t str> {
        self.words.card_openers.iter().find_map(|opener| {
            let rest = strip_leading_words(text, opener)?;
            Some(rest.trim_start_matches(['.', '°', 'º', ':', ' ']))
        })
    }

    /// The code a cell holds: one of the profile's numbering, else a label of
    /// a scheme other than plain ordinals (see [`parse_label`]) that names no
    /// column.
    pub fn row_code(&self, cell: &str) -> Option<RowCode> {
        let cell = cell.trim();
        if cell.is_empty() || cell.len() > LABEL_MAX_CHARS {
            return None;
        }
        let coded = self.row_codes.iter().find_map(|pattern| {
            // Most cells are no code: a match alone is cheaper to rule out
            // than the groups of one.
            if !pattern.is_match(cell) {
                return None;
            }
            let captures = pattern.captures(cell)?;
            // Budget codes are two digits: "1" is mission "01".
            let group = |name: &str| captures.name(name).map(|m| format!("{:0>2}", m.as_str()));
            if is_year_read_as_code(cell, group("programme").as_deref()) {
                return None;
            }
            Some(RowCode {
                text: cell.to_owned(),
                mission: group("mission"),
                programme: group("programme"),
                parts: cell
                    .split(['.', '-', '/'])
                    .filter_map(Part::digits)
                    .collect(),
                marked_phase: false,
            })
        });
        coded.or_else(|| {
            // "N." names the number column: a header's cell is no label.
            let label = parse_label(cell, &self.words.phase_markers)
                .filter(|_| !self.is_column_name(cell))?;
            Some(RowCode {
                text: cell.to_owned(),
                mission: None,
                programme: None,
                parts: label.parts,
                marked_phase: label.marked_phase,
            })
        })
    }

    /// The kinds of ente `text` opens with ("COMUNE DI X", "Città
    /// metropolitana di Y"), each with the text after its words, the longest
    /// words first ("Città metropolitana" before "Città").
    pub fn ente_kinds<'t>(&self, text: &'t str) -> Vec<(EnteKind, &'t str)> {
        let mut kinds: Vec<(usize, EnteKind, &'t str)> = self
            .words
            .ente_kinds
            .iter()
            .filter_map(|(words, kind)| {
                opens_with_words(text, words).map(|rest| (words.len(), kind, rest))
            })
            .collect();
        kinds.sort_by_key(|(length, _, _)| std::cmp::Reverse(*length));
        kinds
            .into_iter()
            .map(|(_, kind, rest)| (kind, rest))
            .collect()
    }

    /// The category a description's opening declares ("Obiettivo di
    /// mantenimento: …").
    pub fn category(&self, description: &str) -> Option<Category> {
        self.words
            .categories
            .iter()
            .find(|(words, _)| opens_with_words(description, words).is_some())
            .map(|(_, category)| category)
    }

    /// The depth of the PIAO section word folded `text` opens with (2 for a
    /// sub-section, 1 for a section), and what follows it.
    pub fn piao_section<'t>(&self, folded: &'t str) -> Option<(u8, &'t str)> {
        let subsections = self.words.piao_subsections.iter().map(|word| (word, 2));
        let sections = self.words.piao_sections.iter().map(|word| (word, 1));
        subsections.chain(sections).find_map(|(word, depth)| {
            let rest = folded.strip_prefix(word.as_str())?;
            let rest = rest.strip_prefix(' ').or(rest.is_empty().then_some(rest))?;
            Some((depth, rest))
        })
    }

    /// Whether a folded character opens one of the PIAO's section words: most
    /// lines are told apart from headings before they are folded.
    pub fn may_open_piao_section(&self, folded: char) -> bool {
        let opens = |word: &String| word.starts_with(folded);
        self.words.piao_subsections.iter().any(opens) || self.words.piao_sections.iter().any(opens)
    }

    /// Whether a PIAO section's folded title names the performance.
    pub fn names_performance(&self, folded_title: &str) -> bool {
        self.words
            .piao_performance
            .iter()
            .any(|word| contains_words(folded_title, word))
    }

    /// How many of `lines`' words are the family's keywords: lines that
    /// contain one ("Relazione sulla performance", "raggiungimento").
    pub fn keyword_hits(&self, folded_line: &str) -> usize {
        self.words
            .keywords
            .iter()
            .filter(|keyword| contains_words(folded_line, keyword))
            .count()
    }
}

/// Fewest letters of a header cut short with a point read as the word it
/// begins: fewer say too little ("Ind."); four are enough where one column
/// alone has a name that opens so ("% ragg.", "Scad.").
const MIN_ABBREVIATED_LETTERS: usize = 4;

/// The first word of a folded label.
fn first_of(folded: &str) -> &str {
    folded.split(' ').next().unwrap_or(folded)
}

/// `text` folded for comparison with labels; `None` when it is too long to be
/// one (longer cells are content and are not folded).
fn folded_label(text: &str) -> Option<String> {
    // A blank cell is no label; a label of symbols only ("#") is kept as
    // written, as the profile's lists keep it.
    (text.len() <= LABEL_MAX_CHARS && !text.trim().is_empty()).then(|| lists::fold_label(text))
}

/// What follows the words of `folded` (folded words, space-separated) at the
/// start of `text` as written: case, accents and punctuation between the
/// words do not matter ("OBIETTIVO N.3" opens with "obiettivo n").
fn strip_leading_words<'t>(text: &'t str, folded: &str) -> Option<&'t str> {
    let mut rest = text;
    for word in folded.split(' ') {
        let start = rest.find(|c: char| c.is_alphanumeric())?;
        if !rest[..start]
            .chars()
            .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
        {
            return None;
        }
        let run = &rest[start..];
        let end = run
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(run.len());
        let written = &run[..end];
        let same = if written.is_ascii() {
            written.eq_ignore_ascii_case(word)
        } else {
            fold(written) == word
        };
        if !same {
            return None;
        }
        rest = &run[end..];
    }
    Some(rest)
}

/// What follows the words of `folded` at the very start of `text` (see
/// [`strip_leading_words`]; nothing may come before them).
fn opens_with_words<'t>(text: &'t str, folded: &str) -> Option<&'t str> {
    text.starts_with(char::is_alphanumeric)
        .then(|| strip_leading_words(text, folded))
        .flatten()
}

/// Whether folded `text` holds `words` as whole words.
fn contains_words(text: &str, words: &str) -> bool {
    text.match_indices(words).any(|(at, _)| {
        let before = at == 0 || text.as_bytes()[at - 1] == b' ';
        let after =
            text[at + words.len()..].is_empty() || text[at + words.len()..].starts_with(' ');
        before && after
    })
}

/// Whether `text`, folded, opens with one of `words` (folded words).
fn opens_with_one_of(text: &str, words: &[String]) -> bool {
    let text = fold(prefix(text, LABEL_MAX_CHARS));
    !text.is_empty() && words.iter().any(|word| opens_with(&text, word))
}

/// Whether folded `text` is `word` or opens with it as a whole word.
fn opens_with(text: &str, word: &str) -> bool {
    // Most words differ from the text in their first letter: no call to
    // compare the rest (a header is compared with every column's names).
    if text.as_bytes().first() != word.as_bytes().first() {
        return false;
    }
    text.strip_prefix(word)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

/// The column of the longest of `names` that `folded` opens with, as
/// `opens` reads it.
fn longest_name<'n>(
    names: impl Iterator<Item = (&'n str, Column)>,
    folded: &str,
    opens: fn(&str, &str) -> bool,
) -> Option<Column> {
    names
        .filter(|(name, _)| opens(folded, name))
        .max_by_key(|(name, _)| name.len())
        .map(|(_, column)| column)
}

/// Whether `text` opens with the words of `name`, a name of several words,
/// read with no heed to the spaces in either ("% diraggiungimento" opens
/// with "% di raggiungimento"), up to a word's end.
fn opens_with_spaces_lost(text: &str, name: &str) -> bool {
    if !name.contains(' ') {
        return false;
    }
    let mut rest = text.chars().peekable();
    for letter in name.chars().filter(|&letter| letter != ' ') {
        while rest.next_if_eq(&' ').is_some() {}
        if rest.next() != Some(letter) {
            return false;
        }
    }
    rest.peek().is_none_or(|&next| next == ' ')
}

/// Whether a cell a pattern of budget codes read as mission and programme
/// alone ("2025": mission 20, programme 25) is a year instead: four digits
/// opening with 19 or 20, whose programme is beyond the three that missions
/// 19 and 20 have. A due wrapped over two lines leaves its year alone in the
/// first column ("entro il 31 dicembre" | "2025"), which is no row.
fn is_year_read_as_code(cell: &str, programme: Option<&str>) -> bool {
    piano_model::is_bare_year(cell) && programme.is_some_and(|programme| programme > "03")
}
