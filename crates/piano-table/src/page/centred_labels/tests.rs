use super::*;

/// A free line of a dump (size 3, one unit a character) at line `row`:
/// its pieces at their character columns.
fn line(row: usize, pieces: &[(usize, &str)]) -> Block {
    let y = 3.0 * (row as f32 + 1.0);
    Block::Text {
        cells: pieces
            .iter()
            .map(|&(x, text)| Cell {
                text: text.to_string(),
                x0: x as f32,
                x1: (x + text.chars().count()) as f32,
                top: y - 3.0,
                bottom: y,
                confidence: None,
                trailing_space: false,
            })
            .collect(),
        y,
        first_y: y,
        size: 3.0,
    }
}

fn lines(rows: &[&[(usize, &str)]]) -> Vec<Block> {
    rows.iter()
        .enumerate()
        .map(|(row, pieces)| line(row, pieces))
        .collect()
}

fn texts(blocks: &[Block]) -> Vec<String> {
    blocks.iter().map(Block::text).collect()
}

#[test]
fn centred_labels_take_the_value_lines_around_them() {
    let read = join_centred_labels(lines(&[
        &[(21, "Qualità trasparenza report")],
        &[(0, "Linea Strategica")],
        &[(21, "efficacia.")],
        &[(21, "Servizi pratiche tributi;")],
        &[(0, "Obiettivo")],
        &[(21, "Coordinamento controllo")],
        &[(0, "Strategico")],
        &[(21, "affidamento trasparenza")],
        &[(0, "Missione"), (21, "Servizi istituzionali")],
        &[(0, "Obiettivo"), (21, "Finanziamento comunale")],
        &[(0, "Operativo"), (21, "cittadini.")],
    ]));
    assert_eq!(
        texts(&read),
        [
            "Linea Strategica\tQualità trasparenza report efficacia.",
            "Obiettivo Strategico\tServizi pratiche tributi; Coordinamento controllo affidamento trasparenza",
            "Missione\tServizi istituzionali",
            "Obiettivo Operativo\tFinanziamento comunale cittadini.",
        ]
    );
    // The joined line spans its lines: numbered from the first to the last.
    assert_eq!(read[0].baselines(), (3.0, 9.0));
}

#[test]
fn labels_set_at_the_top_of_their_cells_are_left_alone() {
    let given = lines(&[
        &[(0, "Linea Strategica"), (21, "Qualità trasparenza report")],
        &[(21, "efficacia.")],
        &[(0, "Obiettivo"), (21, "Servizi pratiche tributi;")],
        &[(0, "Strategico"), (21, "Coordinamento controllo")],
        &[(21, "affidamento trasparenza")],
        &[(0, "Missione"), (21, "Servizi istituzionali")],
    ]);
    assert_eq!(join_centred_labels(given.clone()), given);
}

#[test]
fn a_heading_over_an_indented_paragraph_is_no_label() {
    let given = lines(&[
        &[(0, "PREMESSA")],
        &[(4, "Il piano della performance è il documento")],
        &[(4, "che individua gli obiettivi.")],
        &[(0, "Obiettivi")],
    ]);
    assert_eq!(join_centred_labels(given.clone()), given);
}

#[test]
fn lines_a_blank_line_parts_are_two_runs() {
    let mut given = lines(&[
        &[(21, "Qualità trasparenza report")],
        &[(0, "Linea Strategica")],
    ]);
    given[1] = line(3, &[(0, "Linea Strategica")]);
    assert_eq!(join_centred_labels(given.clone()), given);
}

#[test]
fn a_field_holding_its_value_after_a_colon_is_no_label_alone() {
    // The value's line above is the end of a field read as a table row.
    let given = lines(&[
        &[(27, "conferimento degli incarichi.")],
        &[(0, "TERMINE: entro il 1")],
        &[(0, "dicembre 2021")],
    ]);
    assert_eq!(join_centred_labels(given.clone()), given);
}

#[test]
fn labels_sharing_lines_with_their_values_are_centred_where_a_value_begins_alone() {
    // No label stands alone, but "Pratiche …" begins a value on a line of
    // no label, under a value that ends a sentence: the labels are centred.
    // A value's line set under the value's cell above keeps an empty cell
    // before it.
    let read = join_centred_labels(lines(&[
        &[(22, "Fornitori specifici")],
        &[(0, "Linea Strategica"), (22, "procedimento trasparenza")],
        &[(0, ""), (22, "anagrafe attività .")],
        &[(0, ""), (22, "Pratiche regolamento")],
        &[(0, "Obiettivo"), (22, "interoperabilità servizi;")],
        &[(0, "Strategico"), (22, "Sportello attività")],
        &[(22, "monitoraggio")],
        &[(0, "Missione"), (22, "Servizi istituzionali")],
        &[(0, "Obiettivo"), (22, "Sportello ini-pec")],
        &[(0, "Operativo"), (22, "efficienza trasparenza.")],
    ]));
    assert_eq!(
        texts(&read),
        [
            "Linea Strategica\tFornitori specifici procedimento trasparenza anagrafe attività .",
            "Obiettivo Strategico\tPratiche regolamento interoperabilità servizi; Sportello attività monitoraggio",
            "Missione\tServizi istituzionali",
            "Obiettivo Operativo\tSportello ini-pec efficienza trasparenza.",
        ]
    );
    // Without a value begun alone, labels at the top of their cells.
    let given = lines(&[
        &[(0, "Linea Strategica"), (22, "Fornitori specifici")],
        &[(22, "anagrafe attività.")],
        &[(0, "Obiettivo"), (22, "Pratiche regolamento")],
        &[(22, "monitoraggio")],
    ]);
    assert_eq!(join_centred_labels(given.clone()), given);
}
