//! The words plans of this family use for their parts.
//!
//! Everything the parser recognises by wording lives here, as data, so that a
//! layout family can bring its own words without touching the rules that use
//! them. Labels are compared folded ([`piano_model::reference::fold`]): case,
//! accents and punctuation do not matter.

use piano_model::reference::fold;

/// Longest text, in bytes, that can be a label or a title: longer cells are
/// content, and are not folded for comparison.
pub const LABEL_MAX_CHARS: usize = 80;

/// The start of `text`, at most `max` bytes, cut at a character boundary.
pub fn prefix(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// A column an objectives or staff table can have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// Row number ("N°").
    Number,
    /// Description of the objective or phase.
    Description,
    /// Weight in percent ("Peso %").
    Weight,
    /// Measurement indicators ("Indicatori").
    Indicators,
    /// Expected values ("Valori Attesi", "Target").
    Expected,
    /// Due date ("Data Fine Attesa", "Scadenza").
    Due,
    /// An employee's name, in staff tables ("Dipendenti").
    Employee,
    /// The objective an employee works on, in staff tables.
    Objective,
}

/// The header fields above a structure's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// "Linea Strategica".
    StrategicLine,
    /// "Obiettivo Strategico".
    StrategicObjective,
    /// "Missione".
    Mission,
    /// "Obiettivo Operativo".
    OperationalObjective,
}

/// The words of one layout family.
#[derive(Debug, Clone)]
pub struct Vocabulary {
    /// Words that open a structure when followed by a colon ("STRUTTURA:").
    pub section_words: &'static [&'static str],
    /// Header-field labels, each with its field.
    pub fields: &'static [(&'static str, Field)],
    /// Column labels, each with its column; a header cell matches a label it equals
    /// or starts with.
    pub columns: &'static [(&'static str, Column)],
    /// Lines that open a staff table.
    pub staff_titles: &'static [&'static str],
    /// Words that open a phase's description.
    pub phase_markers: &'static [&'static str],
    /// Words a head's role opens with ("Dirigente", "Responsabile di P.O.").
    pub role_words: &'static [&'static str],
    /// Words that mark a head holding the post temporarily.
    pub interim_markers: &'static [&'static str],
    /// Words in a title that make it a plan's title.
    pub title_words: &'static [&'static str],
}

impl Vocabulary {
    /// The vocabulary of the "struttura-table" family (PEG / PDO / Piano della Performance).
    pub const STRUTTURA_TABLE: Vocabulary = Vocabulary {
        section_words: &[
            "struttura",
            "settore",
            "area",
            "servizio",
            "dipartimento",
            "unita organizzativa",
            "unita operativa",
            "u o",
        ],
        fields: &[
            ("linea strategica", Field::StrategicLine),
            ("linee strategiche", Field::StrategicLine),
            ("obiettivo strategico", Field::StrategicObjective),
            ("obiettivi strategici", Field::StrategicObjective),
            ("missione", Field::Mission),
            ("missioni", Field::Mission),
            ("obiettivo operativo", Field::OperationalObjective),
            ("obiettivi operativi", Field::OperationalObjective),
        ],
        columns: &[
            ("n", Column::Number),
            ("nr", Column::Number),
            ("num", Column::Number),
            ("numero", Column::Number),
            ("descrizione", Column::Description),
            ("obiettivi", Column::Description),
            ("fasi", Column::Description),
            ("attivita", Column::Description),
            ("peso", Column::Weight),
            ("pesatura", Column::Weight),
            ("indicatori", Column::Indicators),
            ("indicatore", Column::Indicators),
            ("valori attesi", Column::Expected),
            ("valore atteso", Column::Expected),
            ("target", Column::Expected),
            ("risultato atteso", Column::Expected),
            ("risultati attesi", Column::Expected),
            ("data fine attesa", Column::Due),
            ("data fine", Column::Due),
            ("scadenza", Column::Due),
            ("termine", Column::Due),
            ("tempistica", Column::Due),
            ("dipendenti", Column::Employee),
            ("dipendente", Column::Employee),
            ("nominativo", Column::Employee),
            ("cognome", Column::Employee),
            ("nome e cognome", Column::Employee),
            ("personale", Column::Employee),
            ("obiettivo", Column::Objective),
        ],
        staff_titles: &["dipendenti coinvolti", "personale coinvolto"],
        phase_markers: &["fase"],
        role_words: &[
            "dirigente",
            "responsabile",
            "segretario",
            "segretaria",
            "titolare",
            "direttore",
            "direttrice",
            "funzionario",
            "coordinatore",
            "capo",
            "comandante",
        ],
        interim_markers: &["ad interim"],
        title_words: &["piano", "peg", "pdo", "piao", "performance"],
    };

    /// The field a label names.
    pub fn field(&self, label: &str) -> Option<Field> {
        if label.len() > LABEL_MAX_CHARS {
            return None;
        }
        let label = fold(label);
        self.fields
            .iter()
            .find(|(word, _)| label == *word)
            .map(|&(_, field)| field)
    }

    /// The column a header cell names. The longest matching label wins, so that
    /// "Obiettivo" (a staff table's column) and "Obiettivi Operativi" differ.
    pub fn column(&self, header: &str) -> Option<Column> {
        if header.len() > LABEL_MAX_CHARS {
            return None;
        }
        let header = fold(header);
        self.columns
            .iter()
            .filter(|(word, _)| header == *word || header.starts_with(&format!("{word} ")))
            .max_by_key(|(word, _)| word.len())
            .map(|&(_, column)| column)
    }

    /// Whether `line` opens a staff table.
    pub fn is_staff_title(&self, line: &str) -> bool {
        let line = fold(prefix(line, LABEL_MAX_CHARS));
        self.staff_titles
            .iter()
            .any(|title| line.starts_with(title))
    }

    /// Whether `text` opens with a phase marker ("Fase: …").
    pub fn is_phase_text(&self, text: &str) -> bool {
        let text = fold(text);
        self.phase_markers
            .iter()
            .any(|marker| text == *marker || text.starts_with(&format!("{marker} ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: Vocabulary = Vocabulary::STRUTTURA_TABLE;

    #[test]
    fn recognises_column_label_variants() {
        let cases = [
            ("N°", Some(Column::Number)),
            ("Nr.", Some(Column::Number)),
            (
                "Descrizione Obiettivi Gestionali",
                Some(Column::Description),
            ),
            ("Peso %", Some(Column::Weight)),
            ("Indicatori di Misurazione", Some(Column::Indicators)),
            ("Target", Some(Column::Expected)),
            ("Risultato atteso", Some(Column::Expected)),
            ("Data Fine Attesa", Some(Column::Due)),
            ("Scadenza", Some(Column::Due)),
            ("Obiettivo", Some(Column::Objective)),
            ("Note", None),
        ];
        for (header, column) in cases {
            assert_eq!(WORDS.column(header), column, "{header}");
        }
    }

    #[test]
    fn recognises_fields_and_phase_text() {
        assert_eq!(WORDS.field("Linea Strategica"), Some(Field::StrategicLine));
        assert_eq!(WORDS.field("Missioni:"), Some(Field::Mission));
        assert!(WORDS.is_phase_text("Fase :esecuzione"));
        assert!(WORDS.is_phase_text("Fase:predisporre"));
        assert!(!WORDS.is_phase_text("Fasce orarie"));
    }
}
