//! Tests of `aligned.rs`.

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
    let is = |line: &str| may_be_border(line) && is_border(&expand_tabs(line));
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
fn a_grouped_headers_second_line_opening_with_a_name_is_set_apart_when_drawn_again() {
    // "Programmazione" over the phase and its weight, "Tempi di
    // realizzazione" merged over both lines: the second line opens with a
    // name, leaves the last cell empty and holds no figure.
    let dump = "\
Programmazione                                 Tempi di realizzazione
Descrizione fase                  Ponderazione
Aggiudicazione dei lavori         33%          28.02.2019
Collaudo delle opere              33%          30.06.2019
\u{c}Programmazione                                 Tempi di realizzazione
Descrizione fase                  Ponderazione
Approvazione del progetto         34%          30.04.2019
";
    assert_eq!(
        texts(dump),
        [
            "Programmazione\t\tTempi di realizzazione",
            "Descrizione fase\tPonderazione\t",
            "Aggiudicazione dei lavori\t33%\t28.02.2019",
            "Collaudo delle opere\t33%\t30.06.2019",
            "Approvazione del progetto\t34%\t30.04.2019",
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
    // "Pagina 2", the second page's first line of text, is its page
    // number: set apart, and said so.
    assert_eq!(spans(dump), [(1, 1), (3, 3), (4, 5), (6, 6), (8, 8)]);
    let diagnostics = read(dump, Rebuild::new()).diagnostics;
    assert!(
        diagnostics
            .iter()
            .any(|d| d.excerpt.as_deref() == Some("Pagina 2") && d.page == Some(2)),
        "{diagnostics:?}"
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

#[test]
fn words_are_placed_at_their_character_columns() {
    let mut page = dump_page(1);
    place_line(&mut page, 1, "Già\tfatto  │ x\u{7}y");
    let placed: Vec<(&str, f32, f32)> = page
        .words
        .iter()
        .map(|word| (&*word.text, word.x0, word.x1))
        .collect();
    assert_eq!(
        placed,
        [
            ("Già", 0.0, 3.0),
            ("fatto", 8.0, 13.0),
            ("x", 17.0, 18.0),
            ("y", 19.0, 20.0)
        ]
    );
    assert!(matches!(page.rules[..], [Rule::Vertical { x, .. }] if x == 15.5));
    // An ASCII line, read byte by byte, alike.
    let mut page = dump_page(1);
    place_line(&mut page, 1, "ab\tcd  | e");
    let placed: Vec<(&str, f32)> = page.words.iter().map(|w| (&*w.text, w.x0)).collect();
    assert_eq!(placed, [("ab", 0.0), ("cd", 8.0), ("e", 14.0)]);
    assert!(matches!(page.rules[..], [Rule::Vertical { x, .. }] if x == 12.5));
}

#[test]
fn an_ascii_line_without_tabs_is_placed_as_any_line_is() {
    let lines = [
        "  Fase |  Peso\u{b}20%\u{7f}x  ",
        "Avvio del procedimento    (50%)    30.06.2024",
        "|a|b||",
        "x\u{1}y",
        "a",
        "",
    ];
    for line in lines {
        let (mut fast, mut any) = (dump_page(1), dump_page(1));
        place_ascii_words(&mut fast, LINE_PITCH, line);
        place_words(&mut any, LINE_PITCH, line, line.char_indices());
        assert_eq!(fast.words, any.words, "{line:?}");
        assert_eq!(fast.rules, any.rules, "{line:?}");
    }
}
