//! Tables without borders (Camelot's "stream" tables): columns inferred from
//! the header row's gaps, kept while the rows below leave those gaps empty.
//!
//! Where a table starts and ends, and its columns, are `region.rs`'s; which
//! line starts a row is `rows.rs`'s; how lines narrow gutters, and the
//! gutters a header does not show, are `gutters.rs`'s. Here: a table's
//! columns go on at the top of the next page (below a running head) and
//! further down the page while lines fit them, unless a table of its own
//! starts there (more columns, or the header drawn again); a header left
//! alone at a page's foot is a table of one row.

use crate::gutters::EDGE_TOLERANCE;
use crate::lines::Line;
use crate::page::Block;
use crate::region::{LINE_SPACING, MAX_ROW_GAP, MIN_BODY_LINES, fits, header_alone, region};
use crate::rows::{Start, rows_of};

/// Splits free lines into borderless table rows and the lines left as text.
/// `carry` holds the columns of a borderless table the previous page ended
/// with: the lines that fit them go on with it, from the first line below
/// `top_margin` (on a dump's page, which has no margins, from the first line
/// that starts at a column).
pub(crate) fn infer_rows(
    lines: &[Line],
    carry: Option<&[f32]>,
    top_margin: f32,
) -> (Vec<Block>, Vec<Line>) {
    let mut rows = Vec::new();
    let mut rest = Vec::new();
    let mut i = 0;
    let mut known: Option<Vec<f32>> = carry.map(<[f32]>::to_vec);
    if let Some(columns) = carry {
        // A dump's page starts at its first line of text: the table goes on
        // from the first line whose text starts at a column, a running head
        // left above it (centred, or a line of one piece set apart by a
        // blank line from what follows).
        let running_head = |index: usize| {
            let line = &lines[index];
            line.segments.len() == 1
                && lines
                    .get(index + 1)
                    .is_none_or(|below| below.y - line.y > LINE_SPACING * line.size.max(below.size))
        };
        let start = (0..lines.len())
            .find(|&index| match lines[index].pitch {
                Some(_) => starts_at_a_column(&lines[index], columns) && !running_head(index),
                None => lines[index].y > top_margin,
            })
            .unwrap_or(lines.len());
        // Its header drawn again heads a table of the page's own columns
        // (a dump's page may set them a character or two apart).
        let header_again = lines.get(start).is_some_and(|line| {
            region(lines, start).is_some_and(|(_, own)| heads_its_own_table(line, &own, columns))
        });
        let end = if header_again {
            start
        } else {
            fitting_whole_rows(lines, start, columns)
        };
        if end > start {
            rest.extend_from_slice(&lines[..start]);
            rows.extend(rows_of(&lines[start..end], columns, Start::Carried));
            i = end;
        }
    }
    while i < lines.len() {
        // A table seen before (on this page or the last) goes on where its
        // columns still fit (its header may have had more columns than any
        // row below can show), unless another table starts here.
        let found = region(lines, i);
        if lines[i].segments.len() > 1
            && let Some(columns) = &known
            && found
                .as_ref()
                .is_none_or(|(_, own)| !heads_its_own_table(&lines[i], own, columns))
        {
            let end = fitting_lines(lines, i, columns);
            if end - i > MIN_BODY_LINES {
                rows.extend(rows_of(&lines[i..end], columns, Start::Top));
                i = end;
                continue;
            }
        }
        match found {
            Some((end, columns)) => {
                rows.extend(rows_of(&lines[i..end], &columns, Start::Top));
                known = Some(columns);
                i = end;
            }
            None => match header_alone(lines, i) {
                Some(columns) => {
                    rows.extend(rows_of(&lines[i..=i], &columns, Start::Top));
                    i += 1;
                }
                None => {
                    rest.push(lines[i].clone());
                    i += 1;
                }
            },
        }
    }
    (rows, rest)
}

/// Whether `line`, the first of a region of columns `own`, heads a table of
/// its own rather than going on with a table of columns `known`: it shows
/// more columns, or as many and is that table's header drawn again (text at
/// its first column, no row number), which on a dump's page may stand a
/// character or two from where it stood before.
fn heads_its_own_table(line: &Line, own: &[f32], known: &[f32]) -> bool {
    let header_again = line.segments.first().is_some_and(|piece| {
        !piece.text.starts_with(|c: char| c.is_ascii_digit())
            && known
                .first()
                .is_some_and(|left| (piece.x0 - left).abs() <= line.size)
    });
    own.len() > known.len() || (own.len() == known.len() && header_again)
}

/// Whether a line's first piece starts at one of the column edges, within a
/// font size, as a cell's left-aligned text does.
fn starts_at_a_column(line: &Line, columns: &[f32]) -> bool {
    line.segments.first().is_some_and(|first| {
        columns[..columns.len().saturating_sub(1)]
            .iter()
            .any(|edge| (first.x0 - edge).abs() <= line.size)
    })
}

/// The end (exclusive) of the lines from `start` whose pieces each stay
/// within a column, and that end whole rows: where a line that continues a
/// row (its first column empty) does not fit, the row goes with the lines
/// below it, which make a table of their own (a page whose lines a dump set
/// a character or two apart fits the columns carried from the page above
/// only in part).
fn fitting_whole_rows(lines: &[Line], start: usize, columns: &[f32]) -> usize {
    let end = fitting_lines(lines, start, columns);
    let first_edge = columns.get(1).copied().unwrap_or(f32::INFINITY);
    let starts_a_row = |line: &Line| {
        let tolerance = EDGE_TOLERANCE * line.size;
        line.segments
            .first()
            .is_some_and(|first| first.x0 + tolerance < first_edge)
    };
    match lines.get(end) {
        Some(cut) if end > start && !starts_a_row(cut) => (start..end)
            .rev()
            .find(|&index| starts_a_row(&lines[index]))
            .unwrap_or(end),
        _ => end,
    }
}

/// The end (exclusive) of the lines from `start` whose pieces each stay within a column.
fn fitting_lines(lines: &[Line], start: usize, columns: &[f32]) -> usize {
    let inner = &columns[1..columns.len().saturating_sub(1)];
    let mut end = start;
    while end < lines.len() {
        let line = &lines[end];
        if end > start {
            let above = &lines[end - 1];
            if line.y - above.y > MAX_ROW_GAP * line.size.max(above.size) {
                break;
            }
        }
        if !fits(line, inner) {
            break;
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
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
    fn a_header_left_at_the_foot_of_a_page_is_a_table_row() {
        let text = "\
Missione      Trasporti e diritto alla mobilità

N.   Obiettivo             Peso    Scadenza    Note
                                     3
";
        let (rows, rest) = infer_rows(&dump(text), None, 0.0);
        let texts: Vec<String> = rows.iter().map(Block::text).collect();
        assert_eq!(texts, ["N.\tObiettivo\tPeso\tScadenza\tNote"], "{rest:?}");
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
}
