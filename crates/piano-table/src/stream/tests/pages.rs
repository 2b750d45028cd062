//! Tests of tables across page breaks: a table going on at the top of the
//! next page, a header left at a page's foot, lines carried from above.

use super::*;

#[test]
fn a_table_goes_on_at_the_top_of_the_next_page() {
    let columns = [10.0, 30.0, 190.0, 240.0];
    let lines = [
        line(20.0, &[("Comune di Prova", 10.0, 300.0)]),
        line(100.0, &[("fine della descrizione", 40.0, 180.0)]),
        line(
            112.0,
            &[
                ("3", 10.0, 15.0),
                ("Terzo", 40.0, 90.0),
                ("10%", 200.0, 220.0),
            ],
        ),
    ];
    let (rows, rest) = infer_rows(&lines, Some(&columns), 50.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(texts, ["\tfine della descrizione\t", "3\tTerzo\t10%"]);
    assert_eq!(rest.len(), 1, "the running header stays text");
}

#[test]
fn a_header_left_at_the_foot_of_a_page_is_a_table_row() {
    let text = "\
Missione      Trasporti e diritto alla mobilità

N.   Obiettivo             Peso    Scadenza    Note
                                 3
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(texts, ["N.\tObiettivo\tPeso\tScadenza\tNote"], "{rest:?}");
    // With a cell wrapped onto the line under it.
    let text = "\
N.   Obiettivo             Peso    % di             Note
                                   raggiungimento


                                 3
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        ["N.\tObiettivo\tPeso\t% di raggiungimento\tNote"],
        "{rest:?}"
    );
    // Every cell wrapped, the first one too, over three lines.
    let text = "\
Obiettivo     Descrizione          Segretario     Settore
n.                                 Generale       Servizi alla
                                                  Persona


                                       2
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        ["Obiettivo n.\tDescrizione\tSegretario Generale\tSettore Servizi alla Persona"],
        "{rest:?}"
    );
    // Not when prose follows it.
    let text = "\
N.   Obiettivo             Peso    Scadenza    Note
Il piano si compone di schede per ogni settore, ciascuna con i suoi obiettivi.
";
    let (rows, _) = infer_rows(&dump(text), None, 0.0);
    assert!(rows.is_empty());
}

#[test]
fn a_running_head_above_a_carried_table_stays_out_of_it() {
    // A label and value table goes on from the page above; the page's
    // running head, set apart by blank lines, would fit its first column.
    let text = "\
Comune di Lecco – PIAO 2023-2025


Sindaco                                 Mario Rossi
Segretario generale                     Anna Bianchi
";
    let columns = [0.0, 39.4, 60.0];
    let (rows, rest) = infer_rows(&dump(text), Some(&columns), 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        ["Sindaco\tMario Rossi", "Segretario generale\tAnna Bianchi"]
    );
    assert_eq!(rest.len(), 1, "the running head is text: {rest:?}");
}

#[test]
fn lines_carried_from_the_page_above_end_with_a_whole_row() {
    // pdftotext set this page's columns a character or two from the
    // page above's: row 2.1's first line fits them, its next does not,
    // so the row goes with the lines below it.
    let carried = [0.0, 6.4, 46.4, 54.4, 80.4, 101.4, 115.0];
    // (A page of a dump starts with spaces, which a string continued
    // with a backslash would drop.)
    let text = [
        "      affidamento manutenzione                           servizi pratiche",
        "      affidamento fornitori trasparenza.",
        "2.1   Fase: regolamento anagrafe                (50%)    Comunale report            Aggiornamento           31.12.2023",
        "      anagrafe qualita procedimento                      pratiche                   modulistica gestione",
    ]
    .join("\n");
    let lines = dump(&text);
    assert_eq!(fitting_lines(&lines, 0, &carried), 3);
    assert_eq!(fitting_whole_rows(&lines, 0, &carried), 2);
    assert_eq!(
        fitting_whole_rows(&lines, 2, &carried),
        2,
        "a row that starts the page goes with it"
    );
    assert_eq!(fitting_whole_rows(&lines[..3], 0, &carried), 3);
}

#[test]
fn a_cut_rows_rest_on_a_page_set_a_few_characters_apart_goes_on_with_it() {
    // pdftotext set this page's columns up to four characters right of
    // the page above's; the rest of row 4 leaves the weight empty, so its
    // lines show one column fewer than the table has.
    let carried = [0.0, 5.4, 45.4, 53.4, 75.4, 101.4, 112.0];
    let text = [
        "      aggiornamento efficacia efficienza                 modulistica pratiche   monitoraggio",
        "      gestione efficacia gestione                        pratiche sportello     aggiornamento",
        "      procedimento comunale                              qualita                gestione comunale",
    ]
    .join("\n");
    let (rows, rest) = infer_rows(&dump(&text), Some(&carried), 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "\taggiornamento efficacia efficienza gestione efficacia gestione procedimento \
          comunale\t\tmodulistica pratiche pratiche sportello qualita\tmonitoraggio \
          aggiornamento gestione comunale\t"
        ],
        "{rest:?}"
    );
    assert_eq!(rows[0].cells().len(), carried.len() - 1);
}

#[test]
fn carried_columns_take_the_few_a_page_shows_where_it_shows_them() {
    let carried = [0.0, 5.4, 45.4, 53.4, 75.4, 101.4, 112.0];
    let own = [0.0, 5.4, 47.4, 79.4, 102.4, 112.0];
    assert_eq!(
        carried_columns_moved(&own, &carried),
        Some(vec![0.0, 5.4, 47.4, 53.4, 79.4, 102.4, 112.0])
    );
    // Columns far from the carried ones are another table's.
    let other = [0.0, 20.4, 90.4, 112.0];
    assert_eq!(carried_columns_moved(&other, &carried), None);
    // As many columns are the page's own region's to read.
    assert_eq!(carried_columns_moved(&carried, &carried), None);
}

#[test]
fn a_row_left_at_the_top_of_a_page_above_a_card_goes_on_with_its_table() {
    // The phase table of card 3 ended the page above; its last row went on
    // to this page, above card 4, whose fields make a region of their own.
    let carried = [0.0, 46.4, 55.4, 80.0];
    let text = "\
Approvazione del progetto esecutivo            (25%)

Obiettivo n. 4
Descrizione     Gestione e coordinamento di trasparenza e pubblicazione degli atti
                Trasparente.
Responsabile    Avv. Giulia De Luca
Peso            14,28 %
";
    let (rows, _) = infer_rows(&dump(text), Some(&carried), 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts.first().map(String::as_str),
        Some("Approvazione del progetto esecutivo\t(25%)\t"),
        "{texts:?}"
    );
}

#[test]
fn a_two_level_header_left_at_the_foot_of_a_page_is_two_rows() {
    // "Peso per responsabile" over the two heads named under it; the other
    // cells span both levels.
    let text = "\
Num.   Peso per                      Area Tecnica   Azioni
       responsabile
       Servizi        Area
       Demografici    Finanziaria


                                 2
";
    let (rows, rest) = infer_rows(&dump(text), None, 0.0);
    let texts: Vec<String> = rows.iter().map(Block::text).collect();
    assert_eq!(
        texts,
        [
            "Num.\tPeso per responsabile\t\tArea Tecnica\tAzioni",
            "\tServizi Demografici\tArea Finanziaria\t\t"
        ],
        "{rest:?}"
    );
}
