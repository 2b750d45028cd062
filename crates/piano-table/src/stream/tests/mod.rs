//! Tests of the borderless tables' rows, over positioned lines and dumps.

use super::carry::{carried_columns_moved, fitting_whole_rows};
use super::*;
use crate::lines::Segment;

fn line(y: f32, pieces: &[(&str, f32, f32)]) -> Line {
    Line {
        segments: pieces
            .iter()
            .map(|&(text, x0, x1)| Segment {
                text: text.into(),
                x0,
                x1,
                confidence: None,
                breaks: Vec::new(),
            })
            .collect(),
        y,
        size: 10.0,
        trailing_space: false,
        pitch: None,
    }
}

#[test]
fn aligned_gaps_make_columns_and_wrapped_lines_join() {
    let lines = [
        line(
            100.0,
            &[
                ("N°", 10.0, 20.0),
                ("Descrizione", 40.0, 100.0),
                ("Peso %", 200.0, 230.0),
            ],
        ),
        line(
            112.0,
            &[
                ("1", 10.0, 15.0),
                ("Prima riga del", 40.0, 180.0),
                ("20%", 200.0, 220.0),
            ],
        ),
        line(124.0, &[("testo", 40.0, 70.0)]),
        line(
            136.0,
            &[
                ("2", 10.0, 15.0),
                ("Altro", 40.0, 90.0),
                ("80%", 200.0, 220.0),
            ],
        ),
        line(
            170.0,
            &[("Un paragrafo che attraversa tutte le colonne", 10.0, 300.0)],
        ),
    ];
    let (rows, rest) = infer_rows(&lines, None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "N°\tDescrizione\tPeso %",
            "1\tPrima riga del testo\t20%",
            "2\tAltro\t80%"
        ]
    );
    assert_eq!(rest.len(), 1);
}

#[test]
fn a_wider_header_below_a_label_and_value_block_opens_its_own_table() {
    let lines = [
        line(
            100.0,
            &[("Missione", 10.0, 50.0), ("Servizi generali", 80.0, 160.0)],
        ),
        line(
            112.0,
            &[
                ("Nr.", 10.0, 20.0),
                ("Obiettivo", 40.0, 90.0),
                ("Peso", 200.0, 220.0),
            ],
        ),
        line(
            124.0,
            &[
                ("1", 10.0, 15.0),
                ("Primo", 40.0, 70.0),
                ("60%", 200.0, 220.0),
            ],
        ),
        line(
            136.0,
            &[
                ("2", 10.0, 15.0),
                ("Altro", 40.0, 70.0),
                ("40%", 200.0, 220.0),
            ],
        ),
    ];
    let (rows, rest) = infer_rows(&lines, None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        ["Nr.\tObiettivo\tPeso", "1\tPrimo\t60%", "2\tAltro\t40%"]
    );
    assert_eq!(rest.len(), 1, "the label and value line stays free text");
}

#[test]
fn header_cells_set_above_the_line_that_shows_every_column_join_its_table() {
    let row = |y: f32, number: &'static str, weight: &'static str| {
        line(
            y,
            &[
                (number, 10.0, 15.0),
                ("Bilancio", 40.0, 80.0),
                (weight, 200.0, 210.0),
                ("31/12", 300.0, 330.0),
            ],
        )
    };
    let lines = [
        line(100.0, &[("Peso", 200.0, 220.0), ("Data", 300.0, 320.0)]),
        line(
            112.0,
            &[
                ("N.", 10.0, 20.0),
                ("Obiettivo", 40.0, 90.0),
                ("%", 200.0, 205.0),
                ("fine", 300.0, 320.0),
            ],
        ),
        row(124.0, "1", "40"),
        row(136.0, "2", "60"),
    ];
    let (rows, rest) = infer_rows(&lines, None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "N.\tObiettivo\tPeso %\tData fine",
            "1\tBilancio\t40\t31/12",
            "2\tBilancio\t60\t31/12"
        ]
    );
    assert!(rest.is_empty());
}

#[test]
fn a_label_and_value_set_at_a_tables_columns_stay_out_of_its_header() {
    let row = |y: f32, number: &'static str| {
        line(
            y,
            &[
                (number, 10.0, 15.0),
                ("Primo", 60.0, 90.0),
                ("50%", 200.0, 220.0),
                ("Atti", 300.0, 320.0),
                ("31/12", 400.0, 430.0),
            ],
        )
    };
    let lines = [
        line(
            100.0,
            &[("Missione", 10.0, 50.0), ("Servizi generali", 200.0, 260.0)],
        ),
        line(
            112.0,
            &[
                ("Nr.", 10.0, 20.0),
                ("Obiettivo", 60.0, 100.0),
                ("Peso", 200.0, 220.0),
                ("Indicatori", 300.0, 340.0),
                ("Termine", 400.0, 430.0),
            ],
        ),
        row(124.0, "1"),
        row(136.0, "2"),
    ];
    let (rows, rest) = infer_rows(&lines, None, 0.0);
    assert_eq!(rows[0].text(), "Nr.\tObiettivo\tPeso\tIndicatori\tTermine");
    assert_eq!(rest.len(), 1, "the label and value line stays free text");
}

/// The lines of a text dump, as the aligned-text reader places them:
/// each character one unit wide, size 3, a blank line one more pitch.
fn dump(text: &str) -> Vec<Line> {
    crate::lines::dump_lines(text)
}

#[test]
fn below_a_blank_line_a_heading_starts_another_block() {
    let text = "\
N.   Fase                       Termine
1    Configurazione             31/03/2024
2    Campagna informativa       30/06/2024

Scheda obiettivo n. 2           Protocollo
Descrizione  Aggiornamento del piano
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts[..3],
        [
            "N.\tFase\tTermine",
            "1\tConfigurazione\t31/03/2024",
            "2\tCampagna informativa\t30/06/2024"
        ]
    );
    assert!(
        !texts.iter().skip(3).any(|t| t.starts_with("Scheda\t")),
        "the heading is not cut into the table's columns: {texts:?} {rest:?}"
    );
}

#[test]
fn a_label_as_long_as_its_column_and_a_header_below_a_blank_line_are_read() {
    // lynx sets a card's longest label one space from its value, and the
    // phase table's header below a blank line shows none of the card's
    // gaps: it heads the numbered rows under it.
    let text = "\
Scheda obiettivo n. 2   Protocollo
Descrizione             Aggiornamento del piano
Indicatori di risultato Piano approvato
Termine                 30 settembre 2024

N. Azioni                                 Entro
1  Ricognizione dei fascicoli aperti      30/04/2024
2  Adozione del nuovo piano con determina 30/09/2024
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "Scheda obiettivo n. 2\tProtocollo",
            "Descrizione\tAggiornamento del piano",
            "Indicatori di risultato\tPiano approvato",
            "Termine\t30 settembre 2024",
            "N.\tAzioni\tEntro",
            "1\tRicognizione dei fascicoli aperti\t30/04/2024",
            "2\tAdozione del nuovo piano con determina\t30/09/2024",
        ],
        "{rest:?}"
    );
    // A header whose one gap lies right of the card's gutter, over rows
    // whose dates stand one space from their text.
    let text = "\
Responsabile            Dott.ssa Elena Martinelli
Indicatori di risultato Certificati rilasciati
Termine                 31/10/2024

N. Fasi di realizzazione                   Tempi di realizzazione
1  Configurazione del servizio sul portale 31/03/2024
2  Campagna informativa ai cittadini       30/06/2024
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts[3..],
        [
            "N.\tFasi di realizzazione\tTempi di realizzazione",
            "1\tConfigurazione del servizio sul portale\t31/03/2024",
            "2\tCampagna informativa ai cittadini\t30/06/2024",
        ],
        "the phase header heads its own table: {rest:?}"
    );
}

#[test]
fn a_table_of_more_columns_below_a_card_is_not_read_in_the_cards() {
    // A card's label and value (its last value pushed one space from its
    // label) and, below blank lines, a phase table whose cells the card's
    // one gutter would cut.
    let text = "\
Indicatore   Interventi conclusi
Target       2 ponti
Scadenza: 30/09/2023


N.  Fasi di attuazione     Tempi
1  Progetto esecutivo    28/02/2023
2  Esecuzione dei lavori 30/09/2023
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts[texts.len() - 3..],
        [
            "N.\tFasi di attuazione\tTempi",
            "1\tProgetto esecutivo\t28/02/2023",
            "2\tEsecuzione dei lavori\t30/09/2023",
        ],
        "{rest:?}"
    );
}

#[test]
fn a_field_running_across_a_phase_tables_columns_does_not_go_on_with_it() {
    // A card's phase table, then the next card's opener and weight, then
    // a field whose text runs across the table's columns: the table, known
    // from above, does not take the field in, cut at the spaces where its
    // edges fall.
    // (The first line's indent is its own: a string's escaped line break
    // would drop it.)
    let text = "         Fase 1   Pubblicazione dei documenti previsti su        (50%)    31.03 di ogni anno
                  amministrazione trasparente                             (pluriennale)
         Fase 2   Pubblicazione dei documenti previsti su        (50%)    entro il 31 dicembre
                  amministrazione trasparente                             2021

OBIETTIVO N. 4
PESATURA: 20%
AZIONI:                    Attuazione e verifica del servizio di trasporto scolastico, anche mediante il ricorso a
                           strumenti telematici.
TERMINE:
RESPONSABILE:              Avv. Anna Verdi
";
    let (rows, _) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert!(
        texts.iter().any(|t| t
            == "AZIONI:\tAttuazione e verifica del servizio di trasporto \
            scolastico, anche mediante il ricorso a strumenti telematici."),
        "the field is its label and its value: {texts:?}"
    );
}

#[test]
fn a_header_with_one_row_is_a_table() {
    let lines = [
        line(
            100.0,
            &[
                ("N.", 10.0, 20.0),
                ("Obiettivo", 40.0, 90.0),
                ("Peso", 200.0, 220.0),
            ],
        ),
        line(
            112.0,
            &[
                ("1", 10.0, 15.0),
                ("Unico", 40.0, 70.0),
                ("100%", 200.0, 220.0),
            ],
        ),
    ];
    let (rows, rest) = infer_rows(&lines, None, 0.0);
    assert_eq!(rows.len(), 2);
    assert!(rest.is_empty());
}

#[test]
fn prose_is_no_table() {
    let lines = [
        line(
            100.0,
            &[("a", 10.0, 20.0), ("b", 40.0, 60.0), ("c", 80.0, 90.0)],
        ),
        line(112.0, &[("a long line of prose", 10.0, 300.0)]),
        line(124.0, &[("another", 10.0, 300.0)]),
    ];
    let (rows, rest) = infer_rows(&lines, None, 0.0);
    assert!(rows.is_empty());
    assert_eq!(rest.len(), 3);
}

#[test]
fn a_page_set_to_a_scale_of_its_own_reads_its_row_by_its_full_line() {
    // The page above set its columns at 8, 95, 109, 155 and 205;
    // pdftotext squeezed this page, a row on its own, to other places.
    let carried = [0.0, 7.4, 94.4, 108.4, 154.4, 204.4, 220.0];
    let text = [
        "6.1      Fase: pubblicazione dei documenti   100%   Sezioni di Amministrazione   Tempi medi entro i 30 gg.   01.12.2024",
        "         trasparente                                competenza.",
    ]
    .join("\n");
    let (rows, rest) = infer_rows(&dump(&text), Some(&carried), 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        ["6.1\tFase: pubblicazione dei documenti trasparente\t100%\t\
          Sezioni di Amministrazione competenza.\tTempi medi entro i 30 gg.\t01.12.2024"]
    );
    assert!(rest.is_empty());
}

#[test]
fn a_page_of_its_own_scale_reads_a_row_whose_value_was_set_one_space_after_its_text() {
    // As above, but pdftotext set the weight one space after the
    // description; the date phrase ends with a value after text too, which
    // would put the columns far from where the page above had them.
    let carried = [0.0, 7.4, 94.4, 108.4, 154.4, 204.4, 220.0];
    let text = [
        "6      Aggiornamento degli atti di gara per la mensa, anche 10%   N. determine anno   Tempi medi entro i 30 gg.   15 dicembre 2019",
        "       mediante strumenti informatici.                           precedente.",
    ]
    .join("\n");
    let (rows, _) = infer_rows(&dump(&text), Some(&carried), 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "6\tAggiornamento degli atti di gara per la mensa, anche mediante strumenti \
          informatici.\t10%\tN. determine anno precedente.\tTempi medi entro i 30 gg.\t\
          15 dicembre 2019"
        ]
    );
}

#[test]
fn a_column_only_rows_show_is_found_under_a_header_one_space_apart() {
    // Numbers centred between their text's lines: a numbered line's gap
    // runs on into the next column's gutter, and the header sets the two
    // columns' names one space apart.
    let text = "\
N. Obiettivi operativi                  Peso     Termine
     Prima riga del primo obiettivo
1                                       40%      30/06/2024
     che continua qui
     Prima riga del secondo
2                                       60%      31/12/2024
     e la sua fine
";
    let (rows, _) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(texts[0], "N.\tObiettivi operativi\tPeso\tTermine");
    assert!(
        texts.contains(
            &"1\tPrima riga del primo obiettivo che continua qui\t40%\t30/06/2024".to_string()
        ),
        "{texts:?}"
    );
}

#[test]
fn a_header_printed_once_holds_for_the_rows_below_the_headings_under_it() {
    let header = [
        ("Cod.", 10.0, 30.0),
        ("Obiettivo", 40.0, 90.0),
        ("Referente", 200.0, 250.0),
        ("Peso", 300.0, 320.0),
    ];
    let row = |y: f32, code: &'static str, weight: &'static str| {
        line(
            y,
            &[
                (code, 10.0, 30.0),
                ("Riordino archivio", 40.0, 130.0),
                ("Dott. Neri", 200.0, 250.0),
                (weight, 300.0, 320.0),
            ],
        )
    };
    let lines = [
        line(100.0, &header),
        line(124.0, &[("Missione 01 - Servizi generali", 10.0, 180.0)]),
        line(148.0, &[("Programma 02 - Segreteria", 10.0, 150.0)]),
        row(172.0, "1.2.01", "60%"),
        line(184.0, &[("e protocollo", 40.0, 100.0)]),
        row(196.0, "1.2.02", "40%"),
    ];
    let (rows, rest) = infer_rows(&lines, None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "Cod.\tObiettivo\tReferente\tPeso",
            "1.2.01\tRiordino archivio e protocollo\tDott. Neri\t60%",
            "1.2.02\tRiordino archivio\tDott. Neri\t40%",
        ]
    );
    assert_eq!(rest.len(), 2, "the headings stay text");
}

#[test]
fn a_numbered_row_leaving_a_column_empty_goes_with_the_rows_below_it() {
    // The first row under a heading leaves the last column empty; the next
    // row fills it and so shows a gap more, which alone would read as a
    // new table's header and leave the first row out of any table.
    let text = "\
Programma 04.01 Servizi ausiliari

04.01.01   Dott. Rino Vela   Revisione del regolamento comunale   30%   Atti adottati      marzo 2031
                             dei servizi ausiliari.                     nei termini.

04.01.02   Dott. Rino Vela   Riordino dell'archivio corrente      70%   Fascicoli chiusi   aprile 2031   Tutti i fascicoli
                             di settore.                                entro l'anno.                    dell'anno.
";
    let (rows, _) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "04.01.01\tDott. Rino Vela\tRevisione del regolamento comunale dei servizi ausiliari.\t30%\tAtti adottati nei termini.\tmarzo 2031\t",
            "04.01.02\tDott. Rino Vela\tRiordino dell'archivio corrente di settore.\t70%\tFascicoli chiusi entro l'anno.\taprile 2031\tTutti i fascicoli dell'anno."
        ]
    );
}

#[test]
fn a_numbered_row_whose_cells_run_together_goes_with_the_rows_below_it() {
    // At a page's top, with no header above, `pdftotext` set the first
    // row's weight one space after its text and its last three cells one
    // space apart: its lines make a region of two gutters, which the next
    // row, showing all five, ends as the next table's header.
    let text = "\
3     Riordino dell'archivio corrente e del 25%        Fascicoli chiusi nel Tutti i fascicoli 30.09.2031
      deposito del settore tecnico e dei               corso dell'anno.
      servizi comunali di ogni sede.
3.1   Fase: scarto degli atti di archivio e    (50%)   Elenchi approvati    Elenco inviato alla  30.06.2031
      verbali di scarto firmati.                       in giunta.           Soprintendenza.
3.2   Fase: riordino del deposito e degli      (50%)   Scaffali liberati    Locali resi liberi   30.09.2031
      scaffali della sede comunale.                    entro la data.       per nuovi atti.
";
    let (rows, _) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "3\tRiordino dell'archivio corrente e del deposito del settore tecnico e dei servizi comunali di ogni sede.\t25%\tFascicoli chiusi nel corso dell'anno.\tTutti i fascicoli\t30.09.2031",
            "3.1\tFase: scarto degli atti di archivio e verbali di scarto firmati.\t(50%)\tElenchi approvati in giunta.\tElenco inviato alla Soprintendenza.\t30.06.2031",
            "3.2\tFase: riordino del deposito e degli scaffali della sede comunale.\t(50%)\tScaffali liberati entro la data.\tLocali resi liberi per nuovi atti.\t30.09.2031",
        ]
    );
}

#[test]
fn rows_under_a_header_printed_once_take_its_columns_moved_under_a_later_heading() {
    // The producer sets each programme's table on its own: under the
    // second heading the due column is wider, and the second row's wrapped
    // line runs past where the header's next column started.
    let text = "\
Programma 01 Segreteria

N.        Obiettivo                  Peso    Scadenza     Descrizione
01.01     Riordino archivio          50%     31.12.2030   Archivio corrente
01.02     Registro unico             50%     30.06.2030   Protocollo

Programma 02 Anagrafe

02.01     Carta d'identita           50%     31.12.2030        Rilascio
          elettronica                                          della carta
                                                               agli sportelli
02.02     Sportello unico            50%     30.06.2030        Sportello
                                             (salvo diverso)   unico
02.03     Anagrafe online            50%     31.03.2030        Servizi
";
    let (rows, _) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts[texts.len() - 3..],
        [
            "02.01\tCarta d'identita elettronica\t50%\t31.12.2030\tRilascio della carta agli sportelli",
            "02.02\tSportello unico\t50%\t30.06.2030 (salvo diverso)\tSportello unico",
            "02.03\tAnagrafe online\t50%\t31.03.2030\tServizi",
        ]
    );
}

mod pages;

#[test]
fn fields_going_on_below_a_values_line_are_no_table() {
    let fields = "\
RESPONSABILE DI SETTORE:
                      Fornitori specifici affidamento
Linea Strategica      procedimento trasparenza
                      anagrafe attività .
Missione              Servizi istituzionali
Obiettivo             Sportello ini-pec verifica
Operativo             efficienza trasparenza.
";
    let table = "\
N°    Obiettivi                 Peso    Data Fine
1     Patrimonio                25%     31.03.2023
      affidamento ufficio
";
    let (rows, rest) = infer_rows(&dump(&format!("{fields}{table}")), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "N°\tObiettivi\tPeso\tData Fine",
            "1\tPatrimonio affidamento ufficio\t25%\t31.03.2023"
        ]
    );
    assert_eq!(rest.len(), 7, "the fields' lines stay free: {rest:?}");
    // With no value's line above them, label and value lines are a table.
    let (rows, _) = infer_rows(
        &dump(&fields[fields.find("Missione").unwrap_or(0)..]),
        None,
        0.0,
    );
    assert_eq!(rows.len(), 3);
}
