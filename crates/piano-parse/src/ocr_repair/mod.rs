//! OCR errors repaired where the plan's own structure proves them.
//!
//! Only cells recognised by OCR with a confidence under
//! [`piano_model::LOW_CONFIDENCE`] are touched (a text dump or a
//! born-digital PDF has no confidence: nothing of it is), and only where
//! one reading of the cell's confusable characters ([`confusion`]) fits
//! what the plan shows around it: a row number next in sequence
//! ([`row_number`]), a row label's letters read as digits ([`label`]), a date the due grammar reads ([`due`]), and, once the
//! plan is assembled, a weight whose one digit read otherwise makes its
//! group add up to 100 ([`weight`]); a table's rules read as marks beside
//! a weight, a row number or a profile's label ([`marks`]); and names of the reference lists read
//! with errors ([`names`]): a table header's word read as noise, where the
//! header's other words leave one column of prose values for it
//! ([`header`]); a comune's not in the ISTAT list but a few
//! characters from one name of it, a mission's a few characters from one
//! official name, which gives its code (the name stays as read). The cell then
//! holds that reading, as the document printed it, and an `ocr-repaired`
//! diagnostic at its page and line says what was read, what it became and
//! why. The cell stays doubtful for the quality verdict.

mod confusion;
mod due;
mod header;
mod label;
mod marks;
mod names;
mod near;
mod row_number;
mod weight;

pub use marks::without_rule_marks;
pub use names::{comune_name, mission_code};
use piano_model::Layout;
pub use weight::{doubtful_cells, repair_weights};

use crate::vocabulary::Vocabulary;

/// Repairs the doubtful cells of `layout` the plan's structure proves (or,
/// for rules read as marks, what `profiles` read), adding a diagnostic for
/// each to the layout's.
/// Row labels are repaired in every cell OCR read ([`label`]).
pub fn repair(layout: &mut Layout, profiles: &[Vocabulary]) {
    let labels = label::repair_row_labels(&mut layout.lines);
    layout.diagnostics.extend(labels);
    if !layout.lines.iter().any(piano_model::TextLine::is_doubtful) {
        return;
    }
    let marks = marks::strip_rule_marks(&mut layout.lines, profiles);
    layout.diagnostics.extend(marks);
    let header_words = header::repair_header_words(&mut layout.lines, profiles);
    layout.diagnostics.extend(header_words);
    let numbers = row_number::repair_row_numbers(&mut layout.lines);
    let dates = due::repair_dates(&mut layout.lines);
    layout.diagnostics.extend(numbers);
    layout.diagnostics.extend(dates);
}

/// Rows as OCR gives them, for the repairs' tests.
#[cfg(test)]
mod rows {
    use piano_model::TextLine;

    /// A row of `cells`, its first read with `confidence` (`None`: not by OCR).
    pub fn row(number: u32, cells: &[&str], confidence: Option<f32>) -> TextLine {
        let mut line = TextLine::from_texts(number, Some(1), cells.iter().copied());
        line.cells[0].confidence = confidence;
        line
    }

    /// The first cell of each row.
    pub fn firsts(lines: &[TextLine]) -> Vec<&str> {
        lines
            .iter()
            .map(|line| line.cells[0].text.as_str())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use piano_model::{Code, ReasonCode, Source, SourceFormat};

    use super::*;
    use crate::Vocabulary;

    /// A plan's dump whose third row reads "E" for its number and "2O22"
    /// in its due: as tesseract might give it, each cell read with
    /// `confidence` (`None`: text read as drawn).
    fn read(confidence: Option<f32>) -> piano_model::Plan {
        let text = "COMUNE DI PROVA\nSETTORE 1 - SEGRETERIA\n\
                    N.\tObiettivo\tPeso\tScadenza\n\
                    1\tPrimo\t20%\t31.12.2022\n\
                    2\tSecondo\t30%\t30.06.2022\n\
                    E\tTerzo\t50%\t30.O9.2022\n\
                    4\tQuarto\t0%\t31.12.2022\n";
        let mut layout = Layout::from_tab_separated(text);
        for line in &mut layout.lines {
            for cell in &mut line.cells {
                cell.confidence = confidence.map(|low| {
                    if cell.text.contains(['E', 'O']) {
                        low
                    } else {
                        0.95
                    }
                });
            }
        }
        let source = Source::from_bytes("scan.png", text.as_bytes(), SourceFormat::Image);
        crate::parse_with(layout, source, Vocabulary::bundled())
    }

    fn numbers_and_dues(plan: &piano_model::Plan) -> Vec<(String, Option<String>)> {
        plan.structures
            .iter()
            .flat_map(|s| &s.objectives)
            .map(|o| {
                let due = o.entry.due.as_ref().map(|due| due.raw.clone());
                (o.entry.number.clone(), due)
            })
            .collect()
    }

    #[test]
    fn doubtful_cells_the_plan_proves_are_repaired_with_a_diagnostic_each() {
        let plan = read(Some(0.4));
        let read: Vec<_> = numbers_and_dues(&plan)
            .into_iter()
            .map(|(number, due)| (number, due.unwrap_or_default()))
            .collect();
        assert_eq!(read[2], ("3".to_owned(), "30.09.2022".to_owned()));
        assert_eq!(read.len(), 4);
        let repairs: Vec<_> = plan
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::OcrRepaired)
            .map(|d| (d.line, d.excerpt.as_deref()))
            .collect();
        assert_eq!(
            repairs,
            [(Some(6), Some("E")), (Some(6), Some("30.O9.2022"))]
        );
        let doubtful = plan
            .quality
            .reasons
            .iter()
            .find(|reason| reason.code == ReasonCode::CellsLowConfidence)
            .map(|reason| reason.count);
        assert_eq!(doubtful, Some(1));
    }

    /// A budget plan whose ente and mission headings OCR misread, every
    /// cell read with `confidence`.
    fn read_names(confidence: Option<f32>) -> piano_model::Plan {
        let text = "COMUNE DI CORTOMA\n\
                    MISSIONE O1 – Servizi istituzionali, generali edi gestione\n\
                    PROGRAMMA 02 – Segreteria generale\n\
                    Cod.\tObiettivo\tPeso\tScadenza\n\
                    01.02.01\tRegolamento\t100%\t31.12.2022\n\
                    MISSIONE 61 – Trasponi e diritto alla mobilità\n\
                    PROGRAMMA 05 – Viabilità\n\
                    Cod.\tObiettivo\tPeso\tScadenza\n\
                    10.05.01\tStrade\t100%\t31.12.2022\n";
        let mut layout = Layout::from_tab_separated(text);
        for line in &mut layout.lines {
            for cell in &mut line.cells {
                cell.confidence = confidence;
            }
        }
        let source = Source::from_bytes("scan.png", text.as_bytes(), SourceFormat::Image);
        crate::parse_with(layout, source, Vocabulary::bundled())
    }

    fn missions(plan: &piano_model::Plan) -> Vec<(String, Option<String>)> {
        plan.structures
            .iter()
            .flat_map(|s| &s.missions)
            .map(|m| (m.name.clone(), m.code.clone()))
            .collect()
    }

    #[test]
    fn names_read_with_errors_are_found_in_the_reference_lists() {
        let plan = read_names(Some(0.4));
        assert_eq!(plan.ente.istat.as_deref(), Some("051017"));
        assert_eq!(plan.ente.name.as_deref(), Some("Cortona"));
        assert_eq!(
            missions(&plan),
            [
                (
                    "Servizi istituzionali, generali edi gestione".to_owned(),
                    Some("01".to_owned())
                ),
                (
                    "Trasponi e diritto alla mobilità".to_owned(),
                    Some("10".to_owned())
                ),
            ]
        );
        let repairs: Vec<_> = plan
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::OcrRepaired)
            .map(|d| d.line)
            .collect();
        assert_eq!(repairs, [Some(1), Some(2), Some(6)]);
    }

    #[test]
    fn a_mission_field_read_between_rules_is_read_without_them() {
        let text = "SETTORE: CULTURA - DIRIGENTE: Dott. Rossi\n\
                    [Missione\t[Turismo |\n\
                    N.\tObiettivo\tPeso\tScadenza\n\
                    1\tPrimo\t100%\t31.12.2022\n";
        let mut layout = Layout::from_tab_separated(text);
        for cell in layout.lines.iter_mut().flat_map(|line| &mut line.cells) {
            cell.confidence = Some(0.4);
        }
        let source = Source::from_bytes("scan.png", text.as_bytes(), SourceFormat::Image);
        let plan = crate::parse_with(layout, source, Vocabulary::bundled());
        assert_eq!(
            missions(&plan),
            [("Turismo".to_owned(), Some("07".to_owned()))]
        );
        let repairs: Vec<_> = plan
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::OcrRepaired)
            .map(|d| (d.line, d.excerpt.clone()))
            .collect();
        assert_eq!(repairs.len(), 2, "the label's marks and the name's");
        assert!(repairs.iter().all(|(line, _)| *line == Some(2)));
    }

    #[test]
    fn names_read_confidently_or_as_drawn_are_left_as_read() {
        for confidence in [Some(0.9), None] {
            let plan = read_names(confidence);
            assert_eq!(plan.ente.istat, None);
            assert!(plan.diagnostics.iter().all(|d| d.code != Code::OcrRepaired));
            assert!(missions(&plan).iter().all(|(_, code)| code.is_none()));
        }
    }

    #[test]
    fn confident_cells_and_text_read_as_drawn_are_read_as_they_are() {
        for confidence in [Some(0.9), None] {
            let plan = read(confidence);
            assert!(plan.diagnostics.iter().all(|d| d.code != Code::OcrRepaired));
            assert!(
                !numbers_and_dues(&plan)
                    .iter()
                    .any(|(number, _)| number == "3")
            );
            assert!(
                plan.quality
                    .reasons
                    .iter()
                    .all(|reason| reason.code != ReasonCode::CellsLowConfidence)
            );
        }
    }
}
