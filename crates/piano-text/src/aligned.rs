//! Space-aligned dumps (`pdftotext -layout`, `w3m -dump`, `lynx -dump`,
//! fixed-width reports): each character is placed at its column, each line
//! at its row, box-drawing borders become ruling lines, and the shared table
//! rebuild finds the tables as it does on a PDF page: a character column is
//! an x position.

use std::rc::Rc;

use piano_model::{Diagnostic, TextLine, text_lines};
use piano_table::{InputLines, Page, PageTrace, Rebuild, Rule, Word};

/// The width of a character: one unit, so that a character column is an x.
const CHARACTER: f32 = 1.0;
/// The font size every character is given, a character being one unit wide:
/// the rebuild measures gaps in font sizes, and at this size one space is a
/// gap between words and two are a gap between cells, as on a printed page.
pub(crate) const SIZE: f32 = 3.0;
/// The distance between two lines, in the same units: one blank line is a
/// paragraph break, two end a table, as they do on a printed page.
const LINE_PITCH: f32 = 1.2 * SIZE;
/// Where the middle of a character lies above its baseline, as the rebuild
/// places text in bordered rows.
const MIDDLE: f32 = 0.3 * SIZE;
/// Tab stops, for the tabs of a dump that mixes them with spaces.
const TAB_STOP: usize = 8;

/// A space-aligned dump read: its lines of cells, its page count when it
/// has form feeds, what the rebuild noticed, and the trace it kept.
pub(crate) struct Aligned {
    /// The lines of cells.
    pub lines: Vec<TextLine>,
    /// The page count, when the dump has form feeds.
    pub pages: Option<u32>,
    /// What the rebuild noticed.
    pub diagnostics: Vec<Diagnostic>,
    /// The page `rebuild` was asked to trace, if it was.
    pub trace: Option<PageTrace>,
}

/// Reads a space-aligned dump through `rebuild`.
pub(crate) fn read(text: &str, mut rebuild: Rebuild) -> Aligned {
    let mut page = dump_page(1);
    let mut rows = 0u32;
    let mut paged = false;
    for piece in text_lines(text) {
        let number = piece.page.unwrap_or(1);
        paged |= piece.page.is_some();
        if number != page.number {
            page.height = (rows + 1) as f32 * LINE_PITCH;
            rebuild.push(&std::mem::replace(&mut page, dump_page(number)));
            rows = 0;
        }
        rows += 1;
        if let Some(input) = &mut page.input_lines {
            input.numbers.push(piece.number);
        }
        place_line(&mut page, rows, piece.text);
    }
    page.height = (rows + 1) as f32 * LINE_PITCH;
    let pages = paged.then_some(page.number);
    rebuild.push(&page);
    let trace = rebuild.take_trace();
    let (lines, diagnostics) = rebuild.finish();
    Aligned {
        lines,
        pages,
        diagnostics,
        trace,
    }
}

/// An empty page of the dump, a grid of characters whose rows are lines of
/// the file (numbered as the file's lines).
fn dump_page(number: u32) -> Page {
    Page {
        number,
        pitch: Some(CHARACTER),
        input_lines: Some(InputLines {
            numbers: Vec::new(),
            pitch: LINE_PITCH,
        }),
        ..Page::default()
    }
}

/// Places the characters of one line (the `row`th of its page) on the page:
/// runs of letters as words, box-drawing characters as rules.
fn place_line(page: &mut Page, row: u32, text: &str) {
    let baseline = row as f32 * LINE_PITCH;
    let middle = baseline - MIDDLE;
    let columns = expand_tabs(text);
    if is_border(&columns) {
        place_border(page, &columns, middle);
        return;
    }
    let mut word: Option<(usize, String)> = None;
    for (column, &c) in columns.iter().enumerate() {
        let vertical = is_vertical_rule(c);
        if c == ' ' || vertical {
            if let Some((start, text)) = word.take() {
                page.words.push(word_at(start, column, baseline, text));
            }
            if vertical {
                page.rules.push(vertical_at(column, middle));
            }
            continue;
        }
        match &mut word {
            Some((_, text)) => text.push(c),
            None => word = Some((column, c.to_string())),
        }
    }
    if let Some((start, text)) = word {
        page.words
            .push(word_at(start, columns.len(), baseline, text));
    }
}

fn word_at(start: usize, end: usize, baseline: f32, text: String) -> Word {
    Word {
        text: Rc::from(text),
        x0: start as f32 * CHARACTER,
        x1: end as f32 * CHARACTER,
        y: baseline,
        size: SIZE,
        confidence: None,
    }
}

/// A vertical rule through the middle of a character cell, one line tall,
/// so that the rules of consecutive lines meet.
fn vertical_at(column: usize, middle: f32) -> Rule {
    Rule::Vertical {
        x: column as f32 + 0.5,
        y0: middle - LINE_PITCH / 2.0,
        y1: middle + LINE_PITCH / 2.0,
    }
}

/// The line's characters, one per column: tabs (in a dump that mixes them
/// with spaces) expanded to the next tab stop, and always to two spaces at
/// least, since a tab always separates cells.
fn expand_tabs(text: &str) -> Vec<char> {
    let mut columns: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\t' => {
                let next = (columns.len() / TAB_STOP + 1) * TAB_STOP;
                let next = if next - columns.len() < 2 {
                    next + TAB_STOP
                } else {
                    next
                };
                columns.resize(next, ' ');
            }
            c if c.is_whitespace() || c.is_control() => columns.push(' '),
            c => columns.push(c),
        }
    }
    columns
}

/// Characters that draw a table's horizontal borders.
fn is_horizontal_rule(c: char) -> bool {
    matches!(c, '-' | '=' | '─' | '━' | '═' | '┄' | '╌')
}

/// Characters that draw a table's vertical borders inside lines of text.
fn is_vertical_rule(c: char) -> bool {
    matches!(c, '|' | '│' | '┃' | '║' | '¦')
}

/// Characters where borders meet.
fn is_junction(c: char) -> bool {
    matches!(
        c,
        '+' | '┼'
            | '┬'
            | '┴'
            | '├'
            | '┤'
            | '┌'
            | '┐'
            | '└'
            | '┘'
            | '╋'
            | '╬'
            | '╦'
            | '╩'
            | '╠'
            | '╣'
            | '╔'
            | '╗'
            | '╚'
            | '╝'
    )
}

/// A line that only draws borders: box-drawing characters and spaces, with
/// a run of at least three horizontal ones (`+---+`, `├──┼──┤`, `-----`).
fn is_border(columns: &[char]) -> bool {
    let drawn = columns
        .iter()
        .all(|&c| c == ' ' || is_horizontal_rule(c) || is_vertical_rule(c) || is_junction(c));
    let longest_run = columns
        .split(|&c| !is_horizontal_rule(c))
        .map(<[char]>::len)
        .max()
        .unwrap_or(0);
    drawn && longest_run >= 3
}

/// A border line's rules: its horizontal runs, and a short vertical at each
/// junction so that the verticals above and below meet it.
fn place_border(page: &mut Page, columns: &[char], middle: f32) {
    let mut start: Option<usize> = None;
    for (column, &c) in columns.iter().enumerate() {
        let drawn = c != ' ';
        if drawn && start.is_none() {
            start = Some(column);
        }
        if !drawn && let Some(from) = start.take() {
            page.rules.push(horizontal(from, column, middle));
        }
        if is_junction(c) || is_vertical_rule(c) {
            page.rules.push(vertical_at(column, middle));
        }
    }
    if let Some(from) = start {
        page.rules.push(horizontal(from, columns.len(), middle));
    }
}

fn horizontal(from: usize, to: usize, y: f32) -> Rule {
    Rule::Horizontal {
        y,
        x0: from as f32 + 0.5,
        x1: to as f32 - 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<String> {
        read(text, Rebuild::new())
            .lines
            .iter()
            .map(TextLine::to_tab_separated)
            .collect()
    }

    #[test]
    fn tabs_expand_to_the_next_stop_and_always_separate() {
        let columns: String = expand_tabs("ab\tc\td").into_iter().collect();
        assert_eq!(columns, "ab      c       d");
        let columns: String = expand_tabs("abcdefg\th").into_iter().collect();
        assert_eq!(columns, "abcdefg         h");
    }

    #[test]
    fn border_lines_are_told_from_text() {
        let is = |line: &str| is_border(&expand_tabs(line));
        assert!(is("+------+-----+"));
        assert!(is("├──────┼─────┤"));
        assert!(is("------  -------"));
        assert!(!is("- 3 -"));
        assert!(!is("Peso -- 20"));
    }

    #[test]
    fn a_card_heading_each_page_is_no_running_head() {
        // One card a page: its opener at the top of each counts objectives,
        // its number moving with the page on two pages, not three.
        let page = |card: u32| {
            format!(
                "Obiettivo n. {card}
Descrizione     Testo del {card}, su due righe per vedere come va a
                capo.
Responsabile    Mario Rossi
Peso            50%

Fase                                 Peso     Scadenza
Avvio del procedimento               (50%)    30.06.2024
Verifica della pubblicazione         (50%)    31.12.2024



                                                       {card}
"
            )
        };
        let dump = [page(4), page(5), page(7)].join("\u{c}");
        let lines = texts(&dump);
        let openers = lines.iter().filter(|l| l.starts_with("Obiettivo n."));
        assert_eq!(openers.count(), 3, "{lines:?}");
    }

    #[test]
    fn a_card_opener_under_each_pages_own_heading_is_no_running_head() {
        // Each page opens a structure with its card 1: the opener repeats
        // at the same place on every page, but under a heading that does
        // not, and a page's content never comes before its running head.
        let page = |area: &str| {
            // The page number well below the text, as pdftotext sets it:
            // the opener stands in the page's top margin.
            let foot = "\n".repeat(20);
            format!(
                "AREA {area}

Obiettivo n. 1

Descrizione     Testo della scheda.

Peso            100%

Indicatore      Numero di pratiche.

Scadenza        31.12.2024

Responsabile    Mario Rossi

Valore atteso   Report annuale.

Note            Nessuna.
{foot}
                                                       2
"
            )
        };
        let dump = [page("TECNICA"), page("FINANZIARIA"), page("SOCIALE")].join("\u{c}");
        let lines = texts(&dump);
        let openers = lines.iter().filter(|l| l.starts_with("Obiettivo n."));
        assert_eq!(openers.count(), 3, "{lines:?}");
    }

    #[test]
    fn aligned_columns_and_wrapped_cells_are_rebuilt() {
        let dump = "\
N.   Obiettivo                     Peso   Scadenza
1    Digitalizzazione delle        40     31/12/2023
     pratiche edilizie
2    Nuovo regolamento             60     30/06/2023
";
        assert_eq!(
            texts(dump),
            [
                "N.\tObiettivo\tPeso\tScadenza",
                "1\tDigitalizzazione delle pratiche edilizie\t40\t31/12/2023",
                "2\tNuovo regolamento\t60\t30/06/2023",
            ]
        );
    }

    #[test]
    fn box_drawn_tables_are_read_by_their_rules() {
        let dump = "\
┌────┬──────────────────┬──────┐
│ N. │ Obiettivo        │ Peso │
├────┼──────────────────┼──────┤
│ 1  │ Digitalizzazione │ 40   │
│    │ delle pratiche   │      │
├────┼──────────────────┼──────┤
│ 2  │ Regolamento      │ 60   │
└────┴──────────────────┴──────┘
";
        assert_eq!(
            texts(dump),
            [
                "N.\tObiettivo\tPeso",
                "1\tDigitalizzazione delle pratiche\t40",
                "2\tRegolamento\t60",
            ]
        );
    }

    #[test]
    fn a_row_cut_by_a_page_break_is_joined_under_the_header_drawn_again() {
        // pdftotext sets the next page's columns two characters right, and
        // the header drawn again there takes in the cut row's last lines.
        let dump = "\
N.   Obiettivo                     Peso   Scadenza
1    Digitalizzazione delle        40     31/12/2023
     pratiche edilizie
2    Nuovo regolamento per         60     30/06/2023
     l'accesso agli atti
\u{c}  N.   Obiettivo                     Peso   Scadenza
       e ai documenti
  3    Riduzione dei tempi           30     31/10/2023
       medi di pagamento
  4    Revisione della               20     30/09/2023
       modulistica
";
        assert_eq!(
            texts(dump),
            [
                "N.\tObiettivo\tPeso\tScadenza",
                "1\tDigitalizzazione delle pratiche edilizie\t40\t31/12/2023",
                "2\tNuovo regolamento per l'accesso agli atti e ai documenti\t60\t30/06/2023",
                "3\tRiduzione dei tempi medi di pagamento\t30\t31/10/2023",
                "4\tRevisione della modulistica\t20\t30/09/2023",
            ]
        );
    }

    #[test]
    fn a_header_of_two_lines_drawn_again_is_set_apart_whole() {
        // The labels under a group's name ("Misurazione") are the header's
        // second line: drawn again on the next page over the cut row's last
        // lines, they are no part of that row.
        let dump = "\
N.   Obiettivo                  Peso   Misurazione                    Scadenza
                                       Indicatore      Target
1    Digitalizzazione delle     40     Pratiche        100% delle     31/12/2023
     pratiche edilizie                 online          pratiche
2    Nuovo regolamento per      60     Delibera        Approvazione   30/06/2023
     l'accesso agli atti               approvata
\u{c}N.   Obiettivo                  Peso   Misurazione                    Scadenza
                                       Indicatore      Target
     e ai documenti                    in giunta
3    Riduzione dei tempi        30     Giorni medi     30 giorni      31/10/2023
";
        assert_eq!(
            texts(dump),
            [
                "N.\tObiettivo\tPeso\tMisurazione\t\tScadenza",
                "\t\t\tIndicatore\tTarget\t",
                "1\tDigitalizzazione delle pratiche edilizie\t40\tPratiche online\t100% delle pratiche\t31/12/2023",
                "2\tNuovo regolamento per l'accesso agli atti e ai documenti\t60\tDelibera approvata in giunta\tApprovazione\t30/06/2023",
                "3\tRiduzione dei tempi\t30\tGiorni medi\t30 giorni\t31/10/2023",
            ]
        );
    }

    #[test]
    fn a_cut_rows_last_words_alone_atop_the_next_page_finish_it() {
        // No header drawn again: the row's last words stand alone at the top
        // of the next page, in their column, before the table goes on.
        let dump = "\
N.   Obiettivo                  Peso   Indicatore
1    Digitalizzazione delle     40     Pratiche gestite
     pratiche edilizie                 online
2    Nuovo regolamento per      60     Rispetto delle previsioni
     l'accesso agli atti               normative e regolamentari
\u{c}                                       interne.

3    Riduzione dei tempi        30     Giorni medi di
     medi di pagamento                 pagamento
4    Revisione della            20     Moduli pubblicati
     modulistica
";
        assert_eq!(
            texts(dump),
            [
                "N.\tObiettivo\tPeso\tIndicatore",
                "1\tDigitalizzazione delle pratiche edilizie\t40\tPratiche gestite online",
                "2\tNuovo regolamento per l'accesso agli atti\t60\tRispetto delle previsioni normative e regolamentari interne.",
                "3\tRiduzione dei tempi medi di pagamento\t30\tGiorni medi di pagamento",
                "4\tRevisione della modulistica\t20\tModuli pubblicati",
            ]
        );
    }

    #[test]
    fn a_heading_in_capitals_atop_the_next_page_is_no_rest_of_a_cut_row() {
        // The table goes on under the next structure's heading at the same
        // columns: the heading, its number cell empty, is not the last row's.
        let dump = "\
Obiettivo                        Peso   N.   Scadenza
Riordino dell'archivio           40     1    31/12/2023
Nuovo regolamento per            60     2    30/06/2023
l'accesso agli atti
\u{c}AREA: SERVIZI SOCIALI
Assistenza domiciliare           50     1    31/10/2023
Centri estivi                    50     2    30/09/2023
";
        let lines = texts(dump);
        assert_eq!(
            lines[2],
            "Nuovo regolamento per l'accesso agli atti\t60\t2\t30/06/2023"
        );
        assert!(
            lines
                .iter()
                .any(|line| line.starts_with("AREA: SERVIZI SOCIALI")),
            "{lines:?}"
        );
    }

    #[test]
    fn a_table_numbered_last_keeps_its_rows_apart_across_a_page_break() {
        // The number is the last column; the next page's first row leaves
        // the first column empty, as a cut row's continuation would, but
        // holds a number: a row of its own.
        let dump = "\
Valori attesi      Descrizione               Peso   N.
Report annuale     Bilancio di previsione    40     1
pubblicato         approvato
Delibera           Regolamento contratti     30     2
                   nuovo
\u{c}                   Piano della formazione    30     3
                   del personale
";
        let lines = texts(dump);
        for row in [
            "Report annuale pubblicato\tBilancio di previsione approvato\t40\t1",
            "Delibera\tRegolamento contratti nuovo\t30\t2",
            "\tPiano della formazione del personale\t30\t3",
        ] {
            assert!(lines.iter().any(|line| line == row), "{row:?} in {lines:?}");
        }
    }

    #[test]
    fn a_phase_table_goes_on_over_a_page_of_one_row_to_the_next_card() {
        // The header at one page's foot, one row alone on the next page,
        // two rows and the next card on the third; every page ends with its
        // number, which ends no table.
        let dump = "\
Fase                                           Peso     Scadenza



                                                                      2
\u{c}Verifica della corretta pubblicazione          (33%)    15.03.2019



                                                                      3
\u{c}Verifica della corretta pubblicazione          (33%)    31.12.2019
Aggiudicazione dei lavori                      (33%)    01.01 di ogni anno
                                                        (pluriennale)

Obiettivo n. 2
Peso            14,28 %
Descrizione     Riorganizzazione di piano triennale di prevenzione della corruzione
                vigente.
";
        let lines = texts(dump);
        for row in [
            "Verifica della corretta pubblicazione\t(33%)\t15.03.2019",
            "Verifica della corretta pubblicazione\t(33%)\t31.12.2019",
            "Aggiudicazione dei lavori\t(33%)\t01.01 di ogni anno (pluriennale)",
        ] {
            assert!(lines.iter().any(|line| line == row), "{row:?} in {lines:?}");
        }
    }

    #[test]
    fn a_carried_row_numbered_further_in_keeps_its_wrapped_first_cell() {
        let dump = "\
Obiettivo                                      Codice   Peso
Implementazione di trasparenza e               6        (12,50%)
pubblicazione degli atti.



                                                                      3
\u{c}Predisposizione di progetto esecutivo di       7        (15%)
messa in sicurezza della copertura, in
conformità alla normativa vigente.

Rispetto degli obblighi e adempimenti          8        (0%)



                                                                      4
";
        let lines = texts(dump);
        let row = "Predisposizione di progetto esecutivo di messa in sicurezza della copertura, \
                   in conformità alla normativa vigente.\t7\t(15%)";
        assert!(lines.iter().any(|line| line == row), "{lines:?}");
    }

    #[test]
    fn a_lone_row_keeps_its_weight_and_its_date_apart() {
        let dump = "\
Obiettivo n. 5
Descrizione     Implementazione di contrattazione decentrata integrativa dell'anno di riferimento,
                anche mediante il ricorso a strumenti informatici e telematici.
Responsabile    Lucia Lombardi
Peso            7,14%
Indicatore
Valore atteso   Realizzazione di almeno un report annuale.
Scadenza        dicembre 2022

Approvazione del progetto esecutivo            (100%)   30.11.2022

Obiettivo n. 6
Descrizione     Attuazione e verifica di archivio storico comunale.
";
        let lines = texts(dump);
        let row = "Approvazione del progetto esecutivo\t(100%)\t30.11.2022";
        assert!(lines.iter().any(|line| line == row), "{lines:?}");
        // A due in words holds a figure too; the phase's text wraps.
        let dump = dump.replace("30.11.2022", "entro il 30.11.2022").replace(
            "Approvazione del progetto esecutivo     ",
            "Predisporre proposta di deliberazione di",
        );
        let dump = dump.replace("30.11.2022\n", "30.11.2022\nGiunta\n");
        let lines = texts(&dump);
        let row = "Predisporre proposta di deliberazione di\t(100%)\tentro il 30.11.2022";
        assert!(lines.iter().any(|line| line == row), "{lines:?}");
        // A due wrapped under its own cell stays under it.
        let dump = dump.replace(
            "entro il 30.11.2022\nGiunta\n",
            "30.11 di ogni anno\n                                                        (pluriennale)\n",
        );
        let lines = texts(&dump);
        assert!(
            lines.iter().any(|line| line == "\t\t(pluriennale)"),
            "{lines:?}"
        );
    }

    /// Each line's first and last line of the file.
    fn spans(dump: &str) -> Vec<(u32, u32)> {
        let lines = read(dump, Rebuild::new()).lines;
        lines.iter().map(|line| (line.number, line.last)).collect()
    }

    #[test]
    fn lines_are_numbered_as_the_files_and_a_wrapped_row_spans_its_lines() {
        let dump = "\
COMUNE DI PROVA

N.   Obiettivo                     Peso   Scadenza
1    Digitalizzazione delle        40     31/12/2023
     pratiche edilizie
2    Nuovo regolamento             60     30/06/2023
\u{c}Pagina 2
3    Formazione                    10     30/09/2023
";
        assert_eq!(
            spans(dump),
            [(1, 1), (3, 3), (4, 5), (6, 6), (7, 7), (8, 8)]
        );
        let boxed = "\
┌────┬──────────────────┬──────┐
│ N. │ Obiettivo        │ Peso │
├────┼──────────────────┼──────┤
│ 1  │ Digitalizzazione │ 40   │
│    │ delle pratiche   │      │
└────┴──────────────────┴──────┘
";
        assert_eq!(spans(boxed), [(2, 2), (4, 5)]);
    }
}
