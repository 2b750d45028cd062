//! Tests of where borderless tables start and end, and their columns.

use super::*;
use crate::lines::dump_lines;

#[test]
fn prose_across_the_columns_below_a_blank_line_ends_the_region() {
    // A card's phase table, then the next card: its opener, then a field
    // whose text runs across both gutters, open only at word spaces.
    let text = "\
Fase                                           Peso   Scadenza
Verifica della corretta pubblicazione          50     30.04.2023
Verifica della corretta pubblicazione          50     entro il 31.05.2023

Obiettivo n. 2
Descrizione     Gestione e coordinamento di atti di gara per la mensa scolastica
Responsabile    Rag. Stefano Rossi
";
    let lines = dump_lines(text);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, 3, "the region ends at the blank line");
    // A numbered row set one space apart goes on with its table.
    let numbered = text.replace("Descrizione    ", "3              ");
    let lines = dump_lines(&numbered);
    let (end, _) = region(&lines, 0).expect("a table");
    assert!(end > 4, "a numbered row stays");
}

#[test]
fn prose_across_the_columns_ending_in_a_reference_ends_the_region() {
    // A card's phase table, then the next card: its opener, then a field
    // whose text runs across every gutter and ends in a reference across
    // the last column's edge ("n. 33/2013"): no value pushed out of a row.
    // (The first line's indent is its own: a string's escaped line break
    // would drop it.)
    let text = "         Fase 1   Avvio del procedimento                         50%     entro il 31 dicembre
                                                                         2021
         Fase 2   Verifica della corretta pubblicazione          50%     entro il 1 aprile 2021

OBIETTIVO N. 6
PESATURA: 15%
AZIONI:                    Implementazione di contrattazione decentrata integrativa dell'anno (D.Lgs. n. 33/2013
                           e s.m.i.).
TERMINE: 31.01 di ogni
anno
";
    let lines = dump_lines(text);
    let (end, _) = region(&lines, 0).expect("a table");
    assert!(end <= 5, "the region ends above the field: {end}");
}

#[test]
fn prose_across_a_column_between_two_parts_of_a_gutter_ends_the_region() {
    // A card's phase table of one row under a header of three lines, whose
    // "Valore" parts the gutter between "Programmazione" and
    // "Cronoprogramma" in two; then the next card's opener and a field
    // whose text runs across that column and both parts of the gutter.
    let text = "         N.     Programmazione                                              Cronoprogramma
                Attività                                       Valore
                                                               ponderale
         4.1    Verifica della corretta pubblicazione          100          31.1.2023

Obiettivo n. 5
Azioni:                 Digitalizzazione e informatizzazione di regolamento per l'emergenza abitativa, anche
                        ricorso a strumenti informatici e telematici.
Responsabile:           Avv. Anna Verdi
";
    let lines = dump_lines(text);
    let (end, _) = region(&lines, 0).expect("a table");
    assert!(end <= 5, "the region ends above the field: {end}");
}

#[test]
fn numbered_rows_padded_two_blank_lines_apart_stay_in_the_region() {
    // A bordered table with padded cells, dumped: two blank lines between
    // the header and each row.
    let text = "\
N.      Obiettivo                       Peso      Indicatore         Scadenza


1       Approvazione del bilancio       40%       Data di            31/12/2023
        di previsione                             approvazione


2       Recupero dell'evasione IMU      60%       Riscossioni        31/12/2023


Pagina 1 di 3
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, 4, "both rows are the table's, the footer is not");
    assert_eq!(columns.len(), 6, "{columns:?}");
    // Three blank lines set a table apart, however its rows fit.
    let apart = text.replace("\n\n\n2 ", "\n\n\n\n2 ");
    let lines = dump_lines(&apart);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, 3);
}

#[test]
fn short_fields_under_the_next_cards_opener_end_the_region() {
    // The next card's fields are short: they fit the table's first column
    // but for the gap between label and value, which is in no gutter.
    let text = "\
Fase                                           Peso    Scadenza
Redazione della relazione annuale              (50%)   31 dicembre 2022
Approvazione del progetto esecutivo            (50%)   31.12.2022

Obiettivo n. 3
Scadenza        15.03.2022
Peso            25%
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, 3, "the region ends at the blank line");
    assert_eq!(columns.len(), 4, "{columns:?}");
}

#[test]
fn a_header_over_one_row_without_a_due_is_a_table() {
    let text = "\
Fase                                      Peso     Scadenza
Redazione della relazione annuale         (100%)

Obiettivo n. 14
Descrizione     Gestione del protocollo.
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, 2);
    assert_eq!(columns.len(), 4, "{columns:?}");
}

#[test]
fn a_value_pushed_against_the_text_before_it_keeps_the_region_whole() {
    // pdftotext sets a weight or a date one space after a long text,
    // across the gutter: the line stays in the region, and the columns
    // are the header's.
    let text = "\
N.  Descrizione                  Peso        Scadenza
1   Riduzione dei tempi medi     100,00%     30/06/2024
2   Digitalizzazione pratiche    30% 31/12/2024
    edilizie
3   Formazione del personale     30%         30/09/2024
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, lines.len());
    assert_eq!(columns[1..4], [3.4, 32.4, 44.4]);
    assert!(fits(&lines[2], &columns[1..4]));
}

#[test]
fn a_row_set_apart_from_the_others_goes_on_with_its_table() {
    // pdftotext set row 2's date left of the column, and row 3's text
    // runs past where that date starts, as does the line under it: no
    // gutter is open on every line, but each row leaves open the gaps of
    // the header.
    let text = "\
N.  Descrizione        Valore atteso          Scadenza
1   Riduzione tempi    Report annuale         31/12/2024
2   Digitalizzazione   Delibera Giunta  30/06/2024
3   Archivio           Approvazione generale  31/10/2024
                       del piano triennale
4   Sportello          Apertura               30/09/2024
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, lines.len());
    assert_eq!(columns.len(), 5, "{columns:?}");
}

#[test]
fn a_line_set_a_character_left_of_the_columns_fits_them() {
    // pdftotext set this line's cells one character left of where the
    // columns' text starts (edges at 3.4, 32.4 and 44.4, each column's
    // text one tolerance right of its edge).
    let inner = [3.4, 32.4, 44.4];
    let shifted = dump_lines("1   Riduzione dei tempi medi    30%         Report");
    assert!(fits(&shifted[0], &inner));
    let crowded = dump_lines("1   Riduzione dei tempi medi    30%     Report");
    assert!(!fits(&crowded[0], &inner), "two cells in one column");
}

#[test]
fn a_date_pushed_against_its_text_is_its_columns_though_word_spaces_line_up() {
    // The same phrase on every row puts a space between two of its words
    // at one place: that is no gutter, the date set one space after it
    // is the header's date column's.
    let text = "\
N.  Valori attesi                    Scadenza
1   Report annuale di sintesi. 15.03.2025
2   Regolamento nuovo approvato. 01.08.2025
3   Report annuale di sintesi. 31.12.2025
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, lines.len());
    assert_eq!(columns.len(), 4, "{columns:?}");
    assert!(
        columns[2] > 30.0,
        "the date column starts where its header does: {columns:?}"
    );
    // A bare number ending a text keeps the word spaces' reading.
    let text = "\
N.  Valore atteso                    Scadenza
1   Tutti i registri dal 1950 31.12.2022
2   Tutti i registri dal 1968 30.06.2022
";
    let lines = dump_lines(text);
    let (_, columns) = region(&lines, 0).expect("a table");
    assert_eq!(columns.len(), 4, "{columns:?}");
}

#[test]
fn a_bare_number_ending_a_text_stays_with_it_though_a_date_is_cut_off_further_on() {
    // Cells one space apart (lynx): row 2's "1990" ends its text, "30%"
    // starts the weight column; the date cut off on the same line says
    // nothing of the number.
    let text = "\
N.           Descrizione Obiettivi Operativi           Peso %       Indicatori              Target          Scadenza
1.2 Fase: incontro con gli uffici comuni               (70%)  Verbale                Relazione scritta     30.09.2023
2   Raccolta completa delle schedari comunali dal 1990 30%    Schedari riorganizzati Almeno 4.000 schedari 31.12.2023
3   Controlli a campione sui registri comuni           20%    Registri controllati   20% dei record        31.12.2023
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, lines.len());
    assert_eq!(columns.len(), 7, "{columns:?}");
    assert!(
        columns[2] > 54.0,
        "the weight column starts where its cells do: {columns:?}"
    );
}

#[test]
fn a_header_cell_on_a_line_of_its_own_above_the_others_is_the_headers() {
    // "Descrizione" over "Obiettivi" / "Operativi": the cell wraps onto more
    // lines than its neighbours, its first above their first.
    let text = "\
Missione       Servizi generali
Obiettivo      Qualita dei servizi
Operativo      ai cittadini.
     Descrizione
                           Peso     Indicatori di          Data Fine
N°   Obiettivi                                             Attesa
                           %        Misurazione
     Operativi
1    Sportello unico       25%      Pratiche evase         31.12.2023
     per le imprese                 nei termini
2    Archivio digitale     25%      Fascicoli creati       30.06.2023
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 3).expect("a table from the header's first line");
    assert_eq!(end, lines.len());
    assert_eq!(columns.len(), 6, "{columns:?}");
    // The label-and-value block above ends where the header's top starts.
    let (end, _) = region(&lines, 0).expect("the label-and-value block");
    assert_eq!(end, 3);
    // A group's label over a column the line below names is no such line.
    let grouped = text.replace("Peso     Indicatori di", "Peso     Indicatori   ");
    let grouped = grouped.replace("     Descrizione", "                                    di");
    let lines = dump_lines(&grouped);
    assert_eq!(region(&lines, 3), None);
}

/// The lines of `text` as a PDF page would give them: no grid of
/// characters.
fn page_lines(text: &str) -> Vec<Line> {
    dump_lines(text)
        .into_iter()
        .map(|line| Line {
            pitch: None,
            ..line
        })
        .collect()
}

#[test]
fn in_a_pdf_a_header_cell_centred_in_a_tall_header_is_the_headers() {
    // "Indicatori di" / "risultato" around the header's line, in the column
    // it leaves empty.
    let text = "                          Indicatori di
Nr.   Descrizione                          Target        Peso
                          risultato
1     Primo obiettivo     Pratiche evase   Tutte         40%
2     Secondo obiettivo   Avvisi emessi    Almeno 100    60%
";
    let (end, columns) = region(&page_lines(text), 0).expect("a table from its top");
    assert_eq!(end, 5);
    assert_eq!(columns.len(), 6, "{columns:?}");
    // In a PDF a line alone above a header, nothing of it under the
    // header's line, may be a caption or a group's label: not its top.
    let alone = text.replace("                          risultato\n", "");
    assert_eq!(region(&page_lines(&alone), 0), None);
    assert!(region(&dump_lines(&alone), 0).is_some(), "on a grid it is");
}

#[test]
fn a_page_number_in_words_under_the_last_row_ends_the_region() {
    let text = "\
N.    Descrizione            Peso    Scadenza
1     Primo obiettivo        40%     31 ottobre
                                     2022
2     Secondo obiettivo      60%     31.12.2022
                                     Pagina 1 di 3
";
    let (end, _) = region(&dump_lines(text), 0).expect("a table");
    assert_eq!(end, 4, "the wrapped year stays, the page number does not");
}

#[test]
fn in_a_pdf_numbered_rows_padded_apart_stay_in_the_region() {
    let text = "\
N.      Obiettivo                       Peso      Indicatore         Scadenza


1       Approvazione del bilancio       40%       Data di            31/12/2023
        di previsione                             approvazione


2       Recupero dell'evasione IMU      60%       Riscossioni        31/12/2023
";
    let (end, _) = region(&page_lines(text), 0).expect("a table");
    assert_eq!(end, 4);
}

#[test]
fn a_grouped_header_alone_at_a_pages_foot_has_the_columns_of_its_lines() {
    // "Dati di monitoraggio" names two columns, named on the line under it;
    // the rows are on the next page, under the page number.
    let text = "\
Dati di monitoraggio                Risultati attesi     Tempistica     Peso
Osservazioni          Valore
                      consuntivo
                                   2
";
    let lines = dump_lines(text);
    let (end, columns) = header_alone(&lines, 0).expect("a header alone");
    assert_eq!(end, 3, "the page number stays out");
    assert_eq!(columns.len(), 6, "five columns: {columns:?}");
    assert!(columns[1] > 12.0 && columns[1] <= 22.0, "{columns:?}");
}

#[test]
fn a_first_column_one_row_fills_is_a_column() {
    // A report's reasons, left of the objectives: only one row has one.
    let text =
        "                         Riordino dell'archivio        I      Pratiche evase     (10%)
                         storico comunale.
Attività conclusa        Digitalizzazione degli atti   II     Atti digitali      (15%)
                         Fase: avvio del procedimento  II.1   Determina          (50%)
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("a table");
    assert_eq!(end, lines.len());
    assert_eq!(columns.len(), 6, "five columns: {columns:?}");
    assert!(columns[1] > 17.0 && columns[1] <= 25.0, "{columns:?}");
    // Nor where a line's text runs across where it would end.
    let text = text.replace(
        "                         storico comunale.",
        "Nota sul riordino dello storico comunale.",
    );
    let lines = dump_lines(&text);
    let (_, columns) = region(&lines, 0).expect("a table");
    assert_eq!(columns.len(), 5, "{columns:?}");
}

#[test]
fn a_phase_table_under_its_group_label_ends_the_cards_fields() {
    let text = "\
Descrizione:       Aggiornamento e revisione di contrattazione decentrata.
Peso:              (20%)
Termine previsto:  15 gennaio 2025

                                         Programmazione
Fase                                     Peso             Termine previsto
Aggiudicazione dei lavori                (33%)            30 novembre 2024
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("the card's fields");
    assert_eq!(end, 3, "the region ends at the blank line");
    assert_eq!(columns.len(), 3, "a label and a value: {columns:?}");
}

#[test]
fn a_cards_field_starting_inside_a_gutter_below_its_opener_ends_the_phase_table() {
    // The next card's opener stands between blank lines; its first field's
    // value starts where the phase table has a gap (before its weights).
    let text = "\
Programmazione                                          Termine previsto
Fase                                     Peso
Chiusura dei lavori                      (100%)         31/12/2025

Obiettivo n. 4

Descrizione obiettivo      Gestione e coordinamento di modulistica on line per i servizi.

Peso                       10%
";
    let lines = dump_lines(text);
    let (end, _) = region(&lines, 0).expect("the phase table");
    assert_eq!(end, 3, "the region ends above the opener");
}

#[test]
fn a_phase_table_under_a_header_of_two_levels_ends_the_cards_fields() {
    // The phases' descriptions are shorter than the card's labels, and the
    // header's pieces start at none of the card's columns.
    let text = "\
Descrizione obiettivo   Aggiornamento e revisione di contrattazione decentrata.

Peso                    25%

Termine previsto        maggio 2025

Programmazione                                          Termine previsto
Fase                                     Peso
Avvio del lavoro                         20%            15/12/2025

Chiusura del lavoro                      80%            30/11/2025
";
    let lines = dump_lines(text);
    let (end, columns) = region(&lines, 0).expect("the card's fields");
    assert_eq!(end, 3, "the region ends at the blank line");
    assert_eq!(columns.len(), 3, "a label and a value: {columns:?}");
}

#[test]
fn a_last_column_only_the_header_names_is_a_column() {
    // "Note" is left empty in every row, right of "Grado di" / "raggiungimento",
    // the header of the column of percentages.
    let text = "\
                                       Grado di
N.   Obiettivo        Termine                           Note
                                       raggiungimento
1    Primo lavoro     31/12/2022       100%
2    Secondo lavoro   30/06/2022       80%
";
    let lines = dump_lines(text);
    let (_, columns) = region(&lines, 1).expect("a table");
    assert_eq!(columns.len(), 6, "five columns: {columns:?}");
    assert!(
        columns[4] > 54.0 && columns[4] <= 56.0,
        "Note's column: {columns:?}"
    );
    // Set right over a column of values, a header stays that column's.
    let centred = "\
N.   Obiettivo        Termine               Esito
1    Primo lavoro     31/12/2022    100%
2    Secondo lavoro   30/06/2022    80%
";
    let (_, columns) = region(&dump_lines(centred), 0).expect("a table");
    assert_eq!(columns.len(), 5, "four columns: {columns:?}");
}

#[test]
fn a_header_line_across_two_columns_of_figures_parts_where_the_left_ones_end() {
    // The last line of a wrapped header runs across the gap between two
    // columns of right-aligned figures, one space between its words: the
    // gap after "Sociali" (where the figures on its left end) is the edge,
    // not the one before "Locale" (near where the figures on its right start).
    let text = "\
Cod.   Obiettivo di ente              Settore      Settore
                                      Primo     Servizi Sociali Polizia Locale
I      Digitalizzazione dei servizi      20                 15              10
II     Tempi di pagamento                25                 15              10
III    Trasparenza amministrativa        10                 30              20
";
    let (_, columns) = region(&dump_lines(text), 0).expect("a table");
    assert!(
        columns.iter().any(|&edge| (63.0..=65.0).contains(&edge)),
        "an edge after \"Sociali\": {columns:?}"
    );
}

#[test]
fn a_heading_of_two_pieces_over_a_table_with_a_wrapped_header_is_no_table() {
    // A budget heading, its programme set far right, then a blank line and
    // a table whose header wraps: the heading's one wide gap is open on
    // every line below, but the table's header has many more columns.
    let text = "\
Missione 09 – Ambiente                                                             Programma 03 – Rifiuti

                                        Centro di                                           Data di
Codice    Obiettivo operativo           responsabilità    Misura        Rilevanza      completamento
0903/01   Estensione della raccolta     Settore IV        Raccolta      0,60           31 dicembre 2024
          porta a porta
0903/02   Campagna di comunicazione     Settore IV        Iniziative    0,40           2° quadrimestre 2024
";
    let lines = dump_lines(text);
    assert_eq!(region(&lines, 0), None, "the heading is no table's header");
    let (end, columns) = region(&lines, 1).expect("the table under it");
    assert_eq!(end, lines.len());
    assert_eq!(columns.len(), 7, "{columns:?}");
}

#[test]
fn columns_no_row_fills_stand_where_the_header_sets_cells_side_by_side() {
    // A group's label over two columns no row fills, beside a column the
    // rows do fill: its second line's cells end and start where the gaps
    // are, as the cell of the line above does.
    let text = "\
N°     Misurazione                                Data di completamento   Obiettivo
       Risultati attesi    Indicatori di output
01.01                                             15.5.2025               Implementazione del lavoro agile.
01.02                                             15.12.2025              Rispetto degli obblighi.
01.03                                             31.1.2025               Pubblicazione dei documenti.
";
    let lines = dump_lines(text);
    let (_, columns) = region(&lines, 0).expect("a table");
    assert_eq!(columns.len(), 6, "five columns: {columns:?}");
}

#[test]
fn a_phase_header_right_under_a_cards_fields_ends_the_region() {
    // A card's labels and values, then at once its phase table: the
    // header's last two pieces fall in the values' column, a gutter's width
    // apart, with its first piece in the labels' column.
    let text = "\
Descrizione          Riordino dell'archivio storico comunale
Responsabile         Servizio Archivio
Rilevanza            40 pt
     Azioni                                       Peso        Termine
a)   Riordino dei fascicoli                       60 pt       giugno 2025
b)   Pubblicazione dell'inventario                40 pt       dicembre 2025
";
    let lines = dump_lines(text);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, 3, "the region ends above the phase header");
    // A value with a double space inside stays the region's.
    let spaced = text.replace(
        "Rilevanza            40 pt",
        "Rilevanza            40 pt  (su 100)",
    );
    let lines = dump_lines(&spaced);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, 3);
}

#[test]
fn the_header_repeated_below_a_blank_line_with_its_cells_set_elsewhere_ends_the_region() {
    // Two tables of one header, each sized to its own rows: the second's
    // header leaves open the gutters the first's long rows leave.
    let text = "\
N.    Descrizione                                 Peso    Termine
1     Revisione del regolamento delle entrate     50%     31.12.2023
1.1   Fase: stesura della bozza                   (30%)   31.03.2023

N.    Descrizione                  Peso    Termine
1.2   Fase: approvazione           (70%)   30.09.2023
2     Archivio delle pratiche      50%     31.12.2023
";
    let lines = dump_lines(text);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, 3, "the region ends at the blank line");
    let (end, _) = region(&lines, 3).expect("the second table");
    assert_eq!(end, lines.len());
    // Repeated where it was, the header is the same table's.
    let same = text.replace(
        "N.    Descrizione                  Peso    Termine",
        "N.    Descrizione                                 Peso    Termine",
    );
    let lines = dump_lines(&same);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, lines.len(), "one region");
    // Over a row crowded across its gaps, the header says nothing of its
    // columns: the row is the region's.
    let crowded = "\
N.    Descrizione                                 Peso    Termine
1     Revisione del regolamento delle entrate     50%     31.12.2023
2     Archivio digitale delle pratiche            50%     31.12.2023

  N.     Descrizione     Peso  Termine
3     Archivio delle pratiche edilizie 40%     31.12.2023
";
    let lines = dump_lines(crowded);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, lines.len(), "one region");
}

#[test]
fn a_heading_left_of_an_indented_table_ends_its_region() {
    // The table is set in from the margin (its first column empty), its
    // structures' headings at the margin: a heading short enough to lie
    // within the first column ends the region (the next structure's table
    // may have widths of its own).
    let text = "
    Riordino archivio corrente   Dott. Neri   30%
    Revisione regolamento        Dott. Neri   70%

Programma 02

    Nuovo portale                Dott. Vela   40%
    Sportello unico              Dott. Vela   60%
";
    let lines = dump_lines(text);
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, 2, "the region ends above the heading");
    // A line of one piece where the rows start is a row's.
    let lines = dump_lines(&text.replace("Programma 02", "    Protocollo"));
    let (end, _) = region(&lines, 0).expect("a table");
    assert_eq!(end, 5, "the row stays");
}
