//! Tests of the rows of borderless tables.

use super::*;
use crate::lines::Segment;

/// A line of pieces `(text, x0)`, each ten units wide, at row `y`.
fn line(y: f32, pieces: &[(&str, f32)]) -> Line {
    line_of(y, pieces, |_| 10.0)
}

/// A line of a dump on a grid of one unit a character: pieces
/// `(text, column)` at row `y`.
pub(super) fn grid_line(y: f32, pieces: &[(&str, f32)]) -> Line {
    line_of(y, pieces, |text| text.chars().count() as f32)
}

/// A line of pieces `(text, x0)` at row `y`, each as wide as `width` says.
fn line_of(y: f32, pieces: &[(&str, f32)], width: impl Fn(&str) -> f32) -> Line {
    Line {
        segments: pieces
            .iter()
            .map(|&(text, x0)| Segment {
                text: text.into(),
                x0,
                x1: x0 + width(text),
                confidence: None,
                breaks: Vec::new(),
            })
            .collect(),
        y,
        size: 3.0,
        trailing_space: false,
        pitch: None,
    }
}

const COLUMNS: [f32; 4] = [0.0, 10.0, 40.0, 60.0];

fn rows(lines: &[Line]) -> Vec<(String, Option<Ambiguity>)> {
    rows_of(lines, &COLUMNS, Start::Top)
        .iter()
        .map(|block| match block {
            Block::Row { ambiguity, .. } => (block.text(), *ambiguity),
            Block::Text { .. } => (block.text(), None),
        })
        .collect()
}

#[test]
fn a_wrapped_first_header_cell_stays_in_the_header() {
    let lines = [
        line(
            1.0,
            &[("Obiettivo", 0.0), ("Descrizione", 12.0), ("Peso", 42.0)],
        ),
        line(2.0, &[("n.", 0.0), ("%", 42.0)]),
        line(
            3.0,
            &[("1", 0.0), ("Bilancio di previsione", 12.0), ("40", 42.0)],
        ),
    ];
    let read = rows(&lines);
    assert_eq!(read[0].0, "Obiettivo n.\tDescrizione\tPeso %");
    assert_eq!(read.len(), 2);
    let staff = [
        line(1.0, &[("Nome", 0.0), ("Ruolo", 12.0)]),
        line(2.0, &[("Rossi", 0.0), ("Istruttore", 12.0)]),
        line(3.0, &[("Bianchi", 0.0), ("Funzionario", 12.0)]),
    ];
    assert_eq!(rows(&staff).len(), 3, "rows of words stay rows");
    // A label's value wrapped onto a line of its own is a date, no row's
    // number: the lines above it are labels of their own.
    let card = [
        line(1.0, &[("Valore:", 0.0), ("Raccolta dei dati.", 27.0)]),
        line(2.0, &[("Termine: entro il", 0.0)]),
        line(3.0, &[("01/12/2019", 0.0)]),
    ];
    assert_eq!(rows(&card).len(), 3, "labels stay rows of their own");
    // Nor are fields set apart by blank lines a header's wrapped cell, with
    // a due wrapped onto a line opening with its day below them.
    let apart = [
        line(1.0, &[("Fasi", 0.0), ("Raccolta dei dati.", 27.0)]),
        line(7.0, &[("Referente", 0.0), ("Dott. Neri", 27.0)]),
        line(13.0, &[("Termine: entro il", 0.0)]),
        line(19.0, &[("1 marzo 2020", 0.0)]),
    ];
    assert_eq!(rows(&apart).len(), 4, "fields apart stay rows of their own");
    // Nor is a due in words wrapped under its label ("31 dicembre 2020"
    // alone on its line) a row's number under a wrapped header.
    let due = [
        line(1.0, &[("CENTRO DI", 0.0), ("Arch. Rizzo", 27.0)]),
        line(2.0, &[("RESPONSABILITÀ:", 0.0)]),
        line(
            3.0,
            &[("DENOMINAZIONE:", 0.0), ("Rispetto dei tempi.", 27.0)],
        ),
        line(4.0, &[("TEMPI DI REALIZZAZIONE:", 0.0)]),
        line(5.0, &[("31 dicembre 2020", 0.0)]),
    ];
    assert_eq!(rows(&due).len(), 4, "the fields stay rows of their own");
}

#[test]
fn lines_above_a_centred_row_are_its_own_and_said_so() {
    let lines = [
        line(1.0, &[("1", 0.0), ("Bilancio", 12.0), ("40", 42.0)]),
        line(2.0, &[("Riduzione dei", 12.0)]),
        line(3.0, &[("2", 0.0), ("60", 42.0)]),
        line(4.0, &[("tempi", 12.0)]),
    ];
    assert_eq!(
        rows(&lines),
        [
            ("1\tBilancio\t40".to_string(), None),
            (
                "2\tRiduzione dei tempi\t60".to_string(),
                Some(Ambiguity::Centred)
            ),
        ]
    );
}

#[test]
fn lines_of_cells_centred_in_tall_rows_are_shared_out_evenly() {
    // A centred header ("Peso" over "%"), then rows whose number and
    // weight sit on the middle line of a wrapped description.
    let lines = [
        line(1.0, &[("Peso", 42.0)]),
        line(2.0, &[("N.", 0.0), ("Obiettivo", 12.0)]),
        line(3.0, &[("%", 42.0)]),
        line(4.0, &[("Bilancio di", 12.0)]),
        line(5.0, &[("1", 0.0), ("40", 42.0)]),
        line(6.0, &[("previsione", 12.0)]),
        line(7.0, &[("Riduzione", 12.0)]),
        line(8.0, &[("2", 0.0), ("dei tempi di", 12.0), ("60", 42.0)]),
        line(9.0, &[("pagamento", 12.0)]),
    ];
    assert_eq!(
        rows(&lines),
        [
            ("N.\tObiettivo\tPeso %".to_string(), None),
            (
                "1\tBilancio di previsione\t40".to_string(),
                Some(Ambiguity::Centred)
            ),
            (
                "2\tRiduzione dei tempi di pagamento\t60".to_string(),
                Some(Ambiguity::Centred)
            ),
        ]
    );
}

#[test]
fn a_split_that_starts_a_cell_with_a_small_letter_loses_to_one_that_does_not() {
    // Leaving "Bilancio" to the header and giving "annuale" to the second
    // row is as even (the last row is one line more even that way), but
    // starts a description with a small letter.
    let lines = [
        line(1.0, &[("N.", 0.0), ("Obiettivo", 12.0), ("Peso", 42.0)]),
        line(2.0, &[("Bilancio", 12.0)]),
        line(3.0, &[("1", 0.0), ("40", 42.0)]),
        line(4.0, &[("annuale", 12.0)]),
        line(5.0, &[("Riduzione", 12.0)]),
        line(6.0, &[("2", 0.0), ("60", 42.0)]),
        line(7.0, &[("dei tempi", 12.0)]),
        line(8.0, &[("di pagamento", 12.0)]),
    ];
    let read: Vec<String> = rows(&lines).into_iter().map(|(text, _)| text).collect();
    assert_eq!(
        read,
        [
            "N.\tObiettivo\tPeso",
            "1\tBilancio annuale\t40",
            "2\tRiduzione dei tempi di pagamento\t60"
        ]
    );
}

#[test]
fn a_header_centred_over_a_body_set_at_the_top_leaves_the_body_alone() {
    let lines = [
        line(1.0, &[("Peso", 42.0)]),
        line(2.0, &[("N.", 0.0), ("Obiettivo", 12.0)]),
        line(3.0, &[("%", 42.0)]),
        line(4.0, &[("1", 0.0), ("Bilancio di", 12.0), ("40", 42.0)]),
        line(5.0, &[("previsione", 12.0)]),
        line(6.0, &[("2", 0.0), ("Riduzione", 12.0), ("60", 42.0)]),
    ];
    let read: Vec<String> = rows(&lines).into_iter().map(|(text, _)| text).collect();
    assert_eq!(
        read,
        [
            "N.\tObiettivo\tPeso %",
            "1\tBilancio di previsione\t40",
            "2\tRiduzione\t60"
        ]
    );
}

#[test]
fn a_wrapped_cell_above_a_row_with_an_empty_cell_stays_but_is_flagged() {
    let lines = [
        line(1.0, &[("1", 0.0), ("Bilancio di", 12.0), ("40", 42.0)]),
        line(2.0, &[("previsione", 12.0)]),
        line(3.0, &[("2", 0.0), ("60", 42.0)]),
    ];
    assert_eq!(
        rows(&lines),
        [
            ("1\tBilancio di previsione\t40".to_string(), None),
            ("2\t\t60".to_string(), Some(Ambiguity::MaybeCentred)),
        ]
    );
}

#[test]
fn a_second_set_of_values_under_an_empty_first_cell_is_a_row_of_its_own() {
    let wrapped = [
        line(1.0, &[("1", 0.0), ("Bilancio", 12.0), ("16,67", 42.0)]),
        line(2.0, &[("di previsione", 12.0), ("%", 42.0)]),
    ];
    assert_eq!(
        rows(&wrapped).len(),
        1,
        "a weight's sign wraps: no second value"
    );
    let lines = [
        line(
            1.0,
            &[("1", 0.0), ("Bilancio di previsione", 12.0), ("40", 42.0)],
        ),
        line(2.0, &[("Totale", 12.0), ("100", 42.0)]),
    ];
    let read = rows(&lines);
    assert_eq!(read.len(), 1, "one value column only: a wrap, {read:?}");
    let wide = [0.0, 10.0, 40.0, 50.0, 60.0];
    let lines = [
        line(
            1.0,
            &[
                ("1", 0.0),
                ("Bilancio di previsione", 12.0),
                ("40", 41.0),
                ("5", 51.0),
            ],
        ),
        line(2.0, &[("Totale", 12.0), ("100", 41.0), ("100", 51.0)]),
    ];
    let texts: Vec<(String, Option<Ambiguity>)> = rows_of(&lines, &wide, Start::Top)
        .iter()
        .map(|block| match block {
            Block::Row { ambiguity, .. } => (block.text(), *ambiguity),
            Block::Text { .. } => (block.text(), None),
        })
        .collect();
    assert_eq!(
        texts,
        [
            ("1\tBilancio di previsione\t40\t5".to_string(), None),
            (
                "\tTotale\t100\t100".to_string(),
                Some(Ambiguity::EmptyFirstCell)
            ),
        ]
    );
}

#[test]
fn a_header_cut_where_a_name_then_starts_with_a_digit_is_flagged() {
    // lynx set the heads' names one space apart: the columns below cut
    // them after "Area", so that the next name starts "1 Dirigente".
    let text = "\
N.  Obiettivo        Dirigente Area 1 Dirigente Area 2
1   Bilancio         10             20
2   Personale        5              15
";
    let columns = [0.0, 3.4, 20.4, 35.4, 60.0];
    let blocks = rows_of(&crate::lines::dump_lines(text), &columns, Start::Top);
    let ambiguities: Vec<Option<Ambiguity>> = blocks
        .iter()
        .map(|block| match block {
            Block::Row { ambiguity, .. } => *ambiguity,
            Block::Text { .. } => None,
        })
        .collect();
    assert_eq!(ambiguities, [Some(Ambiguity::HeaderCut), None, None]);
    // Cut where each name starts, the header is read right and says
    // nothing.
    let text = text.replace("Dirigente Area 1 Dirigente", "Dirigente Area 1  Dirigente");
    let columns = [0.0, 3.4, 20.4, 38.4, 60.0];
    let blocks = rows_of(&crate::lines::dump_lines(&text), &columns, Start::Top);
    assert!(matches!(
        blocks[0],
        Block::Row {
            ambiguity: None,
            ..
        }
    ));
}

#[test]
fn a_groups_label_over_its_columns_is_a_header_of_two_levels() {
    let text = "\
N.   Descrizione       Peso per                  Servizio
                       responsabile              Tributi
                       Segretario   Area
                       Generale     Tecnica
1    Riordino          10           20           0
";
    let texts = dump_rows(text, &[0.0, 4.4, 22.4, 35.4, 48.4, 60.0]);
    assert_eq!(
        texts,
        [
            "N.\tDescrizione\tPeso per responsabile\t\tServizio Tributi",
            "\t\tSegretario Generale\tArea Tecnica\t",
            "1\tRiordino\t10\t20\t0",
        ]
    );
    // A lower level's name may open with a sign.
    let signed = "\
N.   Misurazione       Descrizione
     Indicatore  % peso
1    Registri    40%   Riordino
";
    let texts = dump_rows(signed, &[0.0, 4.4, 16.4, 22.4, 40.0]);
    assert_eq!(
        texts,
        [
            "N.\tMisurazione\t\tDescrizione",
            "\tIndicatore\t% peso\t",
            "1\tRegistri\t40%\tRiordino",
        ]
    );
    // A name wrapped in lower case beside a name centred lower is one row.
    let centred = "\
N.   Obiettivo
     strategico        Peso
     dell'ente
1    Riordino          10
";
    let texts = dump_rows(centred, &[0.0, 4.4, 22.4, 40.0]);
    assert_eq!(texts[0], "N.\tObiettivo strategico dell'ente\tPeso");
}

#[test]
fn a_header_line_among_names_centred_around_it_is_no_lower_level() {
    // LibreOffice centres short names in a tall header row: the main line
    // names many columns apart, one beside a name set above it.
    let text = "\
               Peso                      Grado di
N.   Obiettivi           Indicatori      Termine       Note
               %                         raggiungimento
1    Riordino  40%       Registri        31/12/2022    Fatto
";
    let texts = dump_rows(text, &[0.0, 4.4, 14.4, 24.4, 40.4, 54.4, 70.0]);
    assert_eq!(texts.len(), 2, "{texts:?}");
}

#[test]
fn a_table_numbered_in_a_column_further_in_starts_its_rows_there() {
    let text = "\
Valori attesi      Descrizione         N.
Report annuale     Bilancio di         1
pubblicato         previsione
                   Fase: avvio         1.1
Delibera           Approvazione        2
";
    let texts = dump_rows(text, &[0.0, 18.4, 38.4, 45.0]);
    assert_eq!(
        texts,
        [
            "Valori attesi\tDescrizione\tN.",
            "Report annuale pubblicato\tBilancio di previsione\t1",
            "\tFase: avvio\t1.1",
            "Delibera\tApprovazione\t2",
        ]
    );
    // Weights are no row numbers: a column of them numbers nothing.
    let weights = "\
Descrizione         Peso
Bilancio di         10
previsione
Tributi             10
";
    let texts = dump_rows(weights, &[0.0, 19.4, 30.0]);
    assert_eq!(
        texts,
        [
            "Descrizione\tPeso",
            "Bilancio di\t10",
            "previsione\t",
            "Tributi\t10"
        ]
    );
}

#[test]
fn phases_labelled_in_the_number_column_further_in_start_their_rows() {
    // The phases' "Fase N" labels stand where the objectives' numbers do;
    // a phase's first column is empty, its wrapped text no row of its own.
    let text = "\
Valori attesi      Descrizione         Cod.
Report annuale     Bilancio di         1
pubblicato         previsione
                   Fase avvio          Fase 1
                   Fase chiusura       Fase 2
                   del bilancio
Delibera           Approvazione        2
";
    let texts = dump_rows(text, &[0.0, 18.4, 38.4, 47.0]);
    assert_eq!(
        texts,
        [
            "Valori attesi\tDescrizione\tCod.",
            "Report annuale pubblicato\tBilancio di previsione\t1",
            "\tFase avvio\tFase 1",
            "\tFase chiusura del bilancio\tFase 2",
            "Delibera\tApprovazione\t2",
        ]
    );
    // Phases lettered "a)", "b)" likewise.
    let lettered = text.replace("Fase 1", "a)    ").replace("Fase 2", "b)    ");
    let texts = dump_rows(&lettered, &[0.0, 18.4, 38.4, 47.0]);
    assert_eq!(texts[3], "\tFase chiusura del bilancio\tb)");
}

#[test]
fn a_page_of_phases_alone_starts_its_rows_at_their_labels() {
    // A page break left an objective's phases on a page of their own: no
    // row number, but their "Fase N" labels number the rows; the first
    // column wraps like any text column.
    let text = "\
Report annuale     Fase avvio          Fase 1
pubblicato         del bilancio
                   Fase verifica       Fase 2
Delibera           Fase chiusura       Fase 3
approvata
";
    let texts = dump_rows(text, &[0.0, 18.4, 38.4, 47.0]);
    assert_eq!(
        texts,
        [
            "Report annuale pubblicato\tFase avvio del bilancio\tFase 1",
            "\tFase verifica\tFase 2",
            "Delibera approvata\tFase chiusura\tFase 3",
        ]
    );
}

#[test]
fn a_matrix_numbered_further_in_keeps_its_rows_above_its_totals() {
    // A weight matrix numbered after its descriptions, its totals' labels
    // wrapped in the numbers' column: the foot numbers no rows, and the
    // descriptions' wrapped lines stay with their rows.
    let text = "\
Descrizione             N.          Area         Area
                                    Tecnica      Finanziaria
Bilancio di             1           10%          5%
previsione.
Recupero                2           15%          0%
dell'evasione.
                        Peso        25           5
                        ponderale
                        Totale      100          100
";
    let texts = dump_rows(text, &[0.0, 23.5, 35.5, 48.5, 62.0]);
    assert_eq!(
        texts[1..],
        [
            "Bilancio di previsione.\t1\t10%\t5%",
            "Recupero dell'evasione.\t2\t15%\t0%",
            "\tPeso ponderale\t25\t5",
            "\tTotale\t100\t100",
        ]
    );
}

#[test]
fn a_label_wrapped_onto_the_next_line_ends_there() {
    let lines = [
        line(1.0, &[("Scadenza:", 0.0), ("31-12-2019", 12.0)]),
        line(
            2.0,
            &[("Centro di", 0.0), ("Dott. Fabrizio Giordano", 12.0)],
        ),
        line(3.0, &[("responsabilità:", 0.0)]),
        line(4.0, &[("Peso:", 0.0), ("5,00 %", 12.0)]),
    ];
    let read: Vec<String> = rows(&lines).into_iter().map(|(text, _)| text).collect();
    assert_eq!(
        read,
        [
            "Scadenza:\t31-12-2019\t",
            "Centro di responsabilità:\tDott. Fabrizio Giordano\t",
            "Peso:\t5,00 %\t"
        ]
    );
    // In capitals likewise.
    let capitals = [
        line(1.0, &[("OBIETTIVI DI", 0.0), ("Riordino", 12.0)]),
        line(2.0, &[("PERFORMANCE:", 0.0)]),
    ];
    assert_eq!(rows(&capitals).len(), 1);
    // A label that ends on its line starts no wrap: the next line's is its own.
    let whole = [
        line(1.0, &[("Responsabile:", 0.0), ("Dott. Rossi", 12.0)]),
        line(2.0, &[("note:", 0.0)]),
    ];
    assert_eq!(rows(&whole).len(), 2);
    // Nor does a label already given its value, nor a value wrapped alone,
    // in capitals over a card's next field.
    let valued = [
        line(1.0, &[("TEMPI: 31/10/2021", 0.0)]),
        line(2.0, &[("DESCRIZIONE OBIETTIVO:", 0.0)]),
    ];
    assert_eq!(rows(&valued).len(), 2);
    let year = [
        line(1.0, &[("2022", 0.0)]),
        line(2.0, &[("UFFICIO RESPONSABILE:", 0.0)]),
    ];
    assert_eq!(rows(&year).len(), 2);
}

#[test]
fn a_heading_below_a_blank_line_in_a_table_numbered_further_in_is_no_wrapped_cell() {
    let text = "\
Descrizione      Rif.  Peso
Primo obiettivo  1     60%
del piano

Gruppo secondo
Secondo          2     40%
";
    let texts = dump_rows(text, &[0.0, 16.4, 22.4, 30.0]);
    assert_eq!(
        texts,
        [
            "Descrizione\tRif.\tPeso",
            "Primo obiettivo del piano\t1\t60%",
            "Gruppo secondo\t\t",
            "Secondo\t2\t40%",
        ]
    );
    // Behind an empty first column, the heading is in the second.
    let behind = "\
\tRif.\tDescrizione\tPeso
  1     Primo obiettivo  60%

        Gruppo secondo
  2     Secondo          40%
";
    let behind = behind.replace("\tRif.\tDescrizione\tPeso", "  Rif.  Descrizione      Peso");
    let texts = dump_rows(&behind, &[0.0, 1.4, 7.4, 24.4, 32.0]);
    assert_eq!(texts[2], "\t\tGruppo secondo\t", "{texts:?}");
}

#[test]
fn a_table_numbered_further_in_with_one_row_number_starts_its_rows_there() {
    // One objective and its lettered phases under a heading.
    let text = "\
Descrizione         N.   Valori attesi
Bilancio di         1    Report annuale
previsione               pubblicato
Fase avvio          a)   Delibera
";
    let texts = dump_rows(text, &[0.0, 19.4, 24.4, 40.0]);
    assert_eq!(
        texts,
        [
            "Descrizione\tN.\tValori attesi",
            "Bilancio di previsione\t1\tReport annuale pubblicato",
            "Fase avvio\ta)\tDelibera",
        ]
    );
    // A table of one row, its first column wrapped.
    let text = "\
Descrizione         N.   Peso
Bilancio di         1    10,00 %
previsione
";
    let texts = dump_rows(text, &[0.0, 19.4, 24.4, 40.0]);
    assert_eq!(
        texts,
        [
            "Descrizione\tN.\tPeso",
            "Bilancio di previsione\t1\t10,00 %"
        ]
    );
}

#[test]
fn a_header_of_one_line_with_an_empty_first_cell_stays_apart_from_the_first_row() {
    // The header is its own row: its line is no lead of lines centred above
    // the first row's.
    let lines = [
        line(1.0, &[("Fasi", 12.0), ("Peso", 42.0)]),
        line(
            2.0,
            &[("1", 0.0), ("Stesura della bozza", 12.0), ("30", 42.0)],
        ),
        line(3.0, &[("2", 0.0), ("Verifica finale", 12.0), ("70", 42.0)]),
    ];
    let read: Vec<String> = rows(&lines).into_iter().map(|(text, _)| text).collect();
    assert_eq!(
        read,
        [
            "\tFasi\tPeso",
            "1\tStesura della bozza\t30",
            "2\tVerifica finale\t70"
        ]
    );
}

#[test]
fn rows_lettered_with_a_bracket_are_numbered_below_a_header() {
    // "a)" numbers a row as "1" does: the line above it alone is the header,
    // no lead of a header that starts at the first lettered row.
    let lines = [
        line(1.0, &[("Fasi", 12.0), ("Peso", 42.0)]),
        line(
            2.0,
            &[("a)", 0.0), ("Stesura della bozza", 12.0), ("30", 42.0)],
        ),
        line(3.0, &[("b)", 0.0), ("Verifica finale", 12.0), ("70", 42.0)]),
    ];
    let read: Vec<String> = rows(&lines).into_iter().map(|(text, _)| text).collect();
    assert_eq!(
        read,
        [
            "\tFasi\tPeso",
            "a)\tStesura della bozza\t30",
            "b)\tVerifica finale\t70"
        ]
    );
}
