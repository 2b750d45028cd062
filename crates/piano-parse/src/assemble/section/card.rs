//! Objective cards (schede obiettivo): an objective given as labelled fields
//! ("Descrizione", "Peso", "Scadenza" …) under "Obiettivo n. 3", with its
//! phases in a small table of the card's own.

use piano_model::{Code, Diagnostic, Entry, LineRole, LineSpan, Objective, TextLine};

use super::{SectionBuilder, Table};
use crate::assemble::row::{RawRow, parse_due_cell};
use crate::line::head_line;
use crate::text::{clean, join_wrapped};
use crate::token::due::looks_like_due;
use crate::token::number::RowNumber;
use crate::token::weight::{is_weight, parse_weight};
use crate::vocabulary::Column;
use crate::vocabulary::RowCode;

/// The columns of a phase table whose header could not be read: the phase,
/// its weight, its due date (cells are placed by content where they differ).
const PHASE_COLUMNS: [Option<Column>; 3] = [
    Some(Column::Description),
    Some(Column::Weight),
    Some(Column::Due),
];

/// The card field read last, which a wrapped value goes on with.
#[derive(Debug, Clone, Copy)]
pub(super) struct LastCardField {
    column: Column,
    /// Whether its label and value share its line's one cell ("Peso: 20%"),
    /// as in a card set as running text, whose values wrap onto lines of
    /// one cell.
    inline: bool,
    /// The last line it was read from.
    line: u32,
}

impl SectionBuilder<'_> {
    /// Whether the lines being read belong to an objective card.
    pub(super) fn in_card(&self) -> bool {
        matches!(self.table, Table::Card | Table::Phases)
    }

    /// "Obiettivo n. 3": a card opens; its number is kept as written. A
    /// title after it is the card's description, which a line below going
    /// on under it continues, as a field's value.
    pub fn card_opener(&mut self, number: String, title: Option<String>, line: &TextLine) {
        self.finish_row();
        self.place_fragments();
        self.table = Table::Card;
        self.last_card_field = title.as_ref().map(|_| LastCardField {
            column: Column::Description,
            inline: false,
            line: line.last,
        });
        self.role(line, LineRole::Objective);
        self.structure.objectives.push(Objective {
            entry: Entry {
                number,
                description: title.unwrap_or_default(),
                lines: line.span(),
                page: line.page,
                ..Entry::default()
            },
            category: None,
            phases: Vec::new(),
        });
    }

    /// A labelled field: of the open card, or, before any card, the
    /// structure's head ("Responsabile: …").
    pub fn card_field(&mut self, column: Column, value: &str, line: &TextLine) {
        if !self.in_card() {
            let head_unknown = self.structure.head.name.is_none();
            match head_line(&line.to_tab_separated().replacen('\t', ": ", 1), self.words) {
                Some(head) if head_unknown => {
                    self.structure.head = head;
                    self.role(line, LineRole::StructureField);
                }
                _ => self.fragment(line),
            }
            return;
        }
        // A field's label alone in lower case right under an inline field
        // is its value wrapped ("Approvazione entro la" / "scadenza.").
        let lower_case = line
            .to_tab_separated()
            .trim()
            .starts_with(char::is_lowercase);
        if value.trim().is_empty() && lower_case && self.wraps_an_inline_card_field(line) {
            let cells: Vec<String> = line.cells.iter().map(|cell| cell.text.clone()).collect();
            self.continue_card_field(&cells, line);
            return;
        }
        self.finish_row();
        self.table = Table::Card;
        self.last_card_field = Some(LastCardField {
            column,
            inline: filled_cells(line) == 1,
            line: line.last,
        });
        self.set_card_field(column, value, false, line);
    }

    /// A line with an empty first cell under a card field: its value wraps.
    pub(super) fn continue_card_field(&mut self, cells: &[String], line: &TextLine) {
        let Some(last) = self.last_card_field.as_mut() else {
            self.fragment(line);
            return;
        };
        last.line = line.last;
        let column = last.column;
        let text = clean(&cells.join(" "));
        self.set_card_field(column, &text, true, line);
    }

    /// The card field `line`'s label names: its first cell, or, on a line
    /// of one cell, the words before its colon ("Peso: 20%").
    pub(super) fn card_label_of(&self, line: &TextLine) -> Option<Column> {
        let first = line.cells.first().map_or("", |cell| cell.text.trim());
        let label = match filled_cells(line) {
            1 => first.split_once(':').map_or(first, |(label, _)| label),
            _ => first,
        };
        self.words.card_label(label.trim().trim_end_matches(':'))
    }

    /// Whether `line`, of one cell of text, is the value of the inline card
    /// field right above it wrapped onto a line of its own ("Responsabile:
    /// Geom." / "Andrea Rossi"), as a card set in a narrow column of
    /// running text wraps. A line naming a column ("Fasi", "Scadenza")
    /// opens what follows instead, unless it goes on in lower case
    /// ("Approvazione entro la" / "scadenza."), and so does a field's label
    /// before a colon ("Scadenza: entro il").
    pub(super) fn wraps_an_inline_card_field(&self, line: &TextLine) -> bool {
        let text = line.to_tab_separated();
        let text = text.trim();
        let labelled = text
            .split_once(':')
            .is_some_and(|(label, _)| self.words.card_label(label.trim()).is_some());
        self.last_card_field.is_some_and(|last| {
            self.table == Table::Card
                && last.inline
                && line.number == last.line + 1
                && filled_cells(line) == 1
                && !labelled
                && (text.starts_with(char::is_lowercase) || !self.words.is_column_name(text))
        })
    }

    /// Sets a field of the open card; a value that `continues` the field's
    /// wrapped text joins it.
    fn set_card_field(&mut self, column: Column, value: &str, continues: bool, line: &TextLine) {
        let year = self.plan_year;
        let Some(objective) = self.structure.objectives.last_mut() else {
            self.fragment(line);
            return;
        };
        // A label that names no field of a card (below) makes the line a
        // fragment after all, whose role is decided with the others.
        self.roles.set_line(line, LineRole::CardField);
        let entry = &mut objective.entry;
        entry.lines = entry.lines.cover(line.span());
        // A label with nothing after it ("Valore atteso:") leaves its field
        // empty, as a blank value cell does.
        let join = |field: &mut Option<String>| {
            *field = match field.take() {
                Some(before) => Some(join_wrapped(&before, value)),
                None => Some(value.to_owned()).filter(|value| !value.trim().is_empty()),
            };
        };
        match column {
            Column::Description if continues => {
                entry.description = join_wrapped(&entry.description, value);
            }
            Column::Description => entry.description = value.to_owned(),
            Column::Indicators => join(&mut entry.indicators),
            Column::Expected => join(&mut entry.expected),
            Column::Responsible => join(&mut entry.responsible),
            Column::Note => join(&mut entry.achievement_note),
            Column::Weight | Column::Achievement => {
                let number = entry.number.clone();
                match parse_weight(value).filter(|token| token.rest.trim().is_empty()) {
                    Some(token) if column == Column::Weight => entry.weight = Some(token.value),
                    Some(token) => entry.achievement = Some(token.value),
                    None => {
                        let diagnostic = Diagnostic::new(
                            Code::WeightUnparsed,
                            format!("objective {number}: {value:?} is not a percentage"),
                        )
                        .for_number(number);
                        self.diagnostics.push(self.locate(line)(diagnostic));
                    }
                }
            }
            Column::Due => {
                let number = entry.number.clone();
                let LineSpan(first, last) = entry.lines;
                let wrapped = entry.due.is_some();
                let raw = match entry.due.take() {
                    Some(due) => join_wrapped(&due.raw, value),
                    None => value.to_owned(),
                };
                if raw.trim().is_empty() {
                    return;
                }
                if wrapped {
                    // What was said of the due's first line ("entro il": no
                    // date) is said again of the whole, or no more.
                    self.diagnostics.retain(|said| {
                        !(matches!(said.code, Code::DueUnparsed | Code::DueRepaired)
                            && said.line.is_some_and(|at| (first..=last).contains(&at)))
                    });
                }
                let locate = self.locate(line);
                let due = parse_due_cell(&raw, year, &number, &mut self.diagnostics, &locate);
                if let Some(objective) = self.structure.objectives.last_mut() {
                    objective.entry.due = Some(due);
                }
            }
            Column::Number | Column::Employee | Column::Objective | Column::HeadWeight => {
                self.fragment(line)
            }
        }
    }

    /// A card's phase table whose header piano could not read as one (a PDF
    /// that ran two of its cells together): a line opening with the phase
    /// column's label is that header, and a line of a phase's text with a
    /// weight or a date is its first row. False when `line` is neither.
    pub(super) fn phase_table_without_header(&mut self, line: &TextLine) -> bool {
        let first = line.cells.first().map_or("", |cell| cell.text.trim());
        if self.words.column(first) == Some(Column::Description) {
            self.phase_table_header(PHASE_COLUMNS.to_vec(), line);
            return true;
        }
        let dated_or_weighted = line
            .cells
            .iter()
            .skip(1)
            .any(|cell| is_weight(cell.text.trim()) || looks_like_due(cell.text.trim()));
        if dated_or_weighted {
            self.columns = PHASE_COLUMNS.to_vec();
            self.phase_row(line);
        }
        dated_or_weighted
    }

    /// The header of a card's phase table.
    pub(super) fn phase_table_header(&mut self, columns: Vec<Option<Column>>, line: &TextLine) {
        self.finish_row();
        self.table = Table::Phases;
        self.role(line, LineRole::TableHeader);
        self.header_cells = Some(line.cells.iter().map(|cell| cell.text.clone()).collect());
        if !columns.contains(&Some(Column::Weight)) {
            let card = self.structure.objectives.len().saturating_sub(1);
            self.unweighted_phases.push(card);
        }
        self.columns = columns;
        self.columns_from_header = true;
    }

    /// A row of a card's phase table that opens with its own number or code
    /// (`cells`, that number split off the phase's text where they shared a
    /// cell: `merged`). Phases are numbered from their card, so the number
    /// is left out unless the table's header gives it a column; a code of
    /// another scheme ("a)") is kept as the phase's `code`.
    pub(super) fn numbered_phase_row(
        &mut self,
        line: &TextLine,
        mut cells: Vec<String>,
        merged: bool,
        code: Option<RowCode>,
    ) {
        if merged {
            let written = cells.first().cloned().unwrap_or_default();
            self.merged_number_repaired(&written, line);
        }
        if !self.columns.contains(&Some(Column::Number)) && cells.len() > 1 {
            cells.remove(0);
        }
        self.phase_row_of(line, cells);
        if let Some(row) = self.pending.as_mut() {
            row.code = code;
        }
    }

    /// A row of a card's phase table: the card's next phase, numbered from
    /// the card's number and the phase's ordinal.
    pub(super) fn phase_row(&mut self, line: &TextLine) {
        let cells = line.cells.iter().map(|cell| cell.text.clone()).collect();
        self.phase_row_of(line, cells);
    }

    /// The card's next phase, of `cells` read from `line`.
    fn phase_row_of(&mut self, line: &TextLine, cells: Vec<String>) {
        self.finish_row();
        self.table = Table::Phases;
        self.header_cells = None;
        let Some(objective) = self.structure.objectives.last() else {
            self.fragment(line);
            return;
        };
        let ordinal = objective.phases.len() + 1;
        let number = RowNumber {
            parts: vec![0, u32::try_from(ordinal).unwrap_or(u32::MAX)],
            text: format!("{}.{ordinal}", objective.entry.number),
        };
        self.pending = Some(RawRow::new(number, cells, line.span(), line.page));
    }
}

/// How many of the line's cells hold text.
pub(super) fn filled_cells(line: &TextLine) -> usize {
    line.cells
        .iter()
        .filter(|cell| !cell.text.trim().is_empty())
        .count()
}

#[cfg(test)]
mod tests {
    use piano_model::LineRole;

    #[test]
    fn a_phase_table_whose_header_leaves_the_number_cell_empty_is_the_cards() {
        // The header's cell over the phases' letters is empty: it is no
        // line going on the card's last field.
        let text = "AREA: SERVIZI DEMOGRAFICI\n\
            Obiettivo n. 1\n\
            Descrizione\tRevisione dell'anagrafe\n\
            Peso\t100%\n\
            Scadenza\t31/12/2025\n\
            \tAzioni\tPeso\tTermine\n\
            a)\tCensimento delle borgate\t60%\t30/06/2025\n\
            b)\tAggiornamento dei registri\t40%\t31/12/2025\n";
        let (plan, roles) = crate::parse_dump_with_roles(text);
        let card = &plan.structures[0].objectives[0];
        let due = card.entry.due.as_ref().expect("the card's due");
        assert_eq!(due.note, None, "the header is no part of the due");
        let phases: Vec<(&str, Option<f64>)> = card
            .phases
            .iter()
            .map(|phase| (phase.description.as_str(), phase.weight))
            .collect();
        assert_eq!(
            phases,
            [
                ("Censimento delle borgate", Some(60.0)),
                ("Aggiornamento dei registri", Some(40.0))
            ]
        );
        assert_eq!(roles.get(6, None), Some(LineRole::TableHeader));
    }

    #[test]
    fn a_card_label_that_also_names_a_structure_field_is_the_cards() {
        // "Obiettivo operativo" names a structure's field too; in a card it
        // is the card's description. A label with nothing after it leaves
        // its field empty.
        let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
            Obiettivo n. 1\n\
            Obiettivo operativo\tServizio di assistenza agli anziani\n\
            Peso:\t100%\n\
            Valore atteso:\t\n\
            Scadenza:\t\n\
            Obiettivo n. 2\n\
            Obiettivo operativo\tSportello unico\n\
            Peso:\t100%\n\
            Scadenza:\t31.12.2022\n";
        let (plan, _) = crate::parse_dump_with_roles(text);
        let structure = &plan.structures[0];
        assert_eq!(structure.operational_objective, None);
        let card = &structure.objectives[0];
        assert_eq!(
            card.entry.description,
            "Servizio di assistenza agli anziani"
        );
        assert_eq!(card.entry.expected, None);
        assert_eq!(card.entry.due, None);
        assert_eq!(structure.objectives[1].entry.description, "Sportello unico");
    }

    #[test]
    fn a_card_is_an_objective_with_its_fields_and_phases() {
        let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
            Obiettivo n. 1 – Assistenza domiciliare\n\
            Descrizione\tServizio di assistenza\n\
            \tagli anziani soli\n\
            Peso\t100%\n\
            Scadenza\t31.12.2022\n\
            Fase\tPeso\tScadenza\n\
            Attivazione del servizio\t50%\t30.06.2022\n\
            Verifica dei risultati\t50%\t31.12.2022\n";
        let (plan, _) = crate::parse_dump_with_roles(text);
        assert_eq!(plan.family.as_deref(), Some("objective-cards"));
        let card = &plan.structures[0].objectives[0];
        assert_eq!(
            card.entry.description,
            "Servizio di assistenza agli anziani soli"
        );
        assert_eq!(card.phases.len(), 2);
        use LineRole::*;
        assert_eq!(
            crate::roles_of(text),
            [
                (1, StructureHeading),
                (2, Objective),
                (3, CardField),
                (4, CardField),
                (5, CardField),
                (6, CardField),
                (7, TableHeader),
                (8, Phase),
                (9, Phase),
            ]
        );
    }

    /// A card of one objective whose phase table holds `phases`.
    fn card_with_phases(phases: &str) -> String {
        format!(
            "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
            Obiettivo n. 1 – Assistenza domiciliare\n\
            Peso\t100%\n\
            Fase\tPeso\tScadenza\n{phases}"
        )
    }

    /// The phases of the first objective `text` gives.
    fn phases_of(text: &str) -> Vec<piano_model::Entry> {
        let (plan, _) = crate::parse_dump_with_roles(text);
        plan.structures[0].objectives[0].phases.clone()
    }

    #[test]
    fn a_phase_numbered_in_its_own_cell_or_with_its_text_is_numbered_by_its_card() {
        // A phase table without a number column in its header (or with no
        // header): the phases' own numbers or codes are not their text.
        let text = card_with_phases(
            "a)\tAttivazione del servizio\t50%\t30.06.2022\n\
            b) Verifica dei risultati\t50%\t31.12.2022\n",
        );
        let phases = phases_of(&text);
        let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(
            descriptions,
            ["Attivazione del servizio", "Verifica dei risultati"]
        );
        assert_eq!(phases[1].weight, Some(50.0));
        let numbered = card_with_phases("1.1 Attivazione del servizio\t50%\t30.06.2022\n");
        assert_eq!(
            phases_of(&numbered)[0].description,
            "Attivazione del servizio"
        );
    }

    #[test]
    fn a_phase_wrapped_after_a_word_no_phrase_ends_with_goes_on() {
        // An aligned dump's phase cell wraps onto a line of its own, the
        // rest opening with a capital ("… di" / "Giunta").
        let text = card_with_phases(
            "Predisporre la proposta di deliberazione di\t50%\t30.06.2022\n\
            Giunta\t\t\n\
            Verifica dei risultati presentati\t50%\t31.12.2022 (salvo\n\
            alla Giunta\t\tproroghe)\n\
            Relazione\t\t\n",
        );
        let phases = phases_of(&text);
        let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(
            descriptions,
            [
                "Predisporre la proposta di deliberazione di Giunta",
                "Verifica dei risultati presentati alla Giunta",
                "Relazione"
            ]
        );
    }

    #[test]
    fn a_card_title_wrapped_under_itself_goes_on() {
        let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
            Obiettivo n. 1\tAssistenza domiciliare agli anziani\n\
            \tdel distretto (ambito 3).\n\
            Peso\t100%\n";
        let (plan, _) = crate::parse_dump_with_roles(text);
        let card = &plan.structures[0].objectives[0];
        assert_eq!(
            card.entry.description,
            "Assistenza domiciliare agli anziani del distretto (ambito 3)."
        );
        assert_eq!(card.entry.weight, Some(100.0));
    }

    #[test]
    fn a_phase_table_header_wrapped_in_small_letters_is_no_phase() {
        let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
            Obiettivo n. 1 – Assistenza domiciliare\n\
            Peso\t100%\n\
            Descrizione\tPeso\tScadenza\n\
            fase\t\t\n\
            Attivazione del servizio\t50%\t30.06.2022\n\
            Verifica dei risultati\t50%\t31.12.2022\n";
        let phases = phases_of(text);
        let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(
            descriptions,
            ["Attivazione del servizio", "Verifica dei risultati"]
        );
        assert_eq!(phases[0].weight, Some(50.0));
    }

    #[test]
    fn inline_fields_wrapped_in_a_narrow_column_keep_their_values() {
        let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
            Obiettivo n. 1\n\
            Descrizione:\n\
            Monitoraggio del\n\
            rispetto dei termini.\n\
            Responsabile: Geom.\n\
            Andrea Rossi\n\
            Peso: 100%\n\
            Indicatore:\n\
            Valore atteso: Approvazione entro la\n\
            scadenza.\n\
            Scadenza: entro il\n\
            31.12.2022\n";
        let (plan, _) = crate::parse_dump_with_roles(text);
        let card = &plan.structures[0].objectives[0].entry;
        assert_eq!(
            card.expected.as_deref(),
            Some("Approvazione entro la scadenza.")
        );
        let due = card.due.as_ref().and_then(|due| due.date);
        assert_eq!(
            due.map(|date| date.to_string()).as_deref(),
            Some("2022-12-31")
        );
        assert_eq!(card.description, "Monitoraggio del rispetto dei termini.");
        assert_eq!(card.responsible.as_deref(), Some("Geom. Andrea Rossi"));
        assert_eq!(card.weight, Some(100.0));
        let roles = crate::roles_of(text);
        assert!(
            roles.iter().all(|(_, role)| *role != LineRole::Unplaced),
            "{roles:?}"
        );
    }

    #[test]
    fn a_due_wrapped_after_its_preposition_is_read_whole_and_said_nothing_of() {
        // "entro" names no column here: it leaves the value open, and what
        // its first line alone gave (no date) is not said of the whole.
        let text = "STRUTTURA: SERVIZI SOCIALI - RESPONSABILE: DOTT.SSA VERDI\n\
            Obiettivo n. 1\n\
            Descrizione: Riordino del registro.\n\
            Peso: 100%\n\
            Scadenza: entro\n\
            il 31.12.2022\n";
        let (plan, _) = crate::parse_dump_with_roles(text);
        let due = plan.structures[0].objectives[0].entry.due.as_ref();
        assert_eq!(
            due.and_then(|due| due.date)
                .map(|date| date.to_string())
                .as_deref(),
            Some("2022-12-31")
        );
        assert!(
            plan.diagnostics
                .iter()
                .all(|said| said.code != piano_model::Code::DueUnparsed),
            "{:?}",
            plan.diagnostics
        );
    }

    #[test]
    fn a_wrapped_phase_whose_due_goes_on_too_goes_on() {
        // The phase's text and its due wrap onto the same line:
        // "(pluriennale)" opens with a bracket, not with a capital; "2022"
        // is a figure, under a phase going on in lower case or after a word
        // no phrase ends with.
        let text = card_with_phases(
            "Predisporre la proposta di deliberazione di\t50%\t31.12 di ogni anno\n\
            Giunta\t\t(pluriennale)\n\
            Pubblicazione dei documenti su\t25%\tentro il 31 dicembre\n\
            amministrazione trasparente\t\t2022\n\
            Proposta di deliberazione di\t10%\tentro il 15 febbraio\n\
            Giunta\t\t2022\n\
            Verifica dei risultati\t25%\t31.12.2022\n",
        );
        let phases = phases_of(&text);
        let descriptions: Vec<&str> = phases.iter().map(|p| p.description.as_str()).collect();
        assert_eq!(
            descriptions,
            [
                "Predisporre la proposta di deliberazione di Giunta",
                "Pubblicazione dei documenti su amministrazione trasparente",
                "Proposta di deliberazione di Giunta",
                "Verifica dei risultati"
            ]
        );
        assert!(phases[0].due.as_ref().is_some_and(|due| due.multiyear));
        let due = phases[1].due.as_ref().and_then(|due| due.date);
        assert_eq!(
            due.map(|date| date.to_string()).as_deref(),
            Some("2022-12-31")
        );
    }
}
