//! Tests of the recovery rules.

use super::*;

fn fragments(lines: &[(u32, &str)]) -> Vec<Fragment> {
    lines
        .iter()
        .map(|&(line, text)| Fragment {
            line,
            page: None,
            text: text.to_owned(),
        })
        .collect()
}

#[test]
fn ungluing_moves_a_stray_bracket_and_splits_the_due() {
    let mut cells: Vec<String> = ["12.1", "Fase: x", "(50%)) 1 dicembre di ogni anno"]
        .map(String::from)
        .to_vec();
    let unglued = unglue_weight_cell(&mut cells, Some(2));
    assert_eq!(
        cells,
        ["12.1", "Fase: x", "(50%)", "1 dicembre di ogni anno"]
    );
    assert_eq!(unglued.stray_closing.as_deref(), Some(")"));
    assert!(unglued.repaired);

    let mut spaced: Vec<String> = ["12.1", "Fase: x", "(50%)) 1 dicembre di ogni anno "]
        .map(String::from)
        .to_vec();
    unglue_weight_cell(&mut spaced, Some(2));
    assert_eq!(
        spaced,
        ["12.1", "Fase: x", "(50%)", "1 dicembre di ogni anno"]
    );

    let mut clean_cells: Vec<String> = ["1", "x", "20%", "31.12.2021"].map(String::from).to_vec();
    assert_eq!(
        unglue_weight_cell(&mut clean_cells, Some(2)),
        Unglued::default()
    );

    let mut stopped: Vec<String> = ["1", "x", "20%.", "Ind", "31.12.2021"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        unglue_weight_cell(&mut stopped, Some(2)),
        Unglued::default(),
        "a full stop after the weight is no cell of its own"
    );
    assert_eq!(stopped[3], "Ind");

    let mut prose: Vec<String> = [
        "3.2",
        "Fase: x",
        "(25%)",
        "Ind",
        "100% degli atti",
        "31.12.2021",
    ]
    .map(String::from)
    .to_vec();
    let weight_cell = weight_cell_index(&prose, &crate::content_columns::DEFAULT_COLUMNS, 1);
    assert_eq!(
        weight_cell,
        Some(2),
        "a full row's weight cell is its weight column"
    );
    assert_eq!(
        unglue_weight_cell(&mut prose, weight_cell),
        Unglued::default()
    );
    assert_eq!(prose[4], "100% degli atti");
}

fn owned(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|cell| (*cell).to_owned()).collect()
}

const COLUMNS: [Option<Column>; 6] = crate::content_columns::DEFAULT_COLUMNS;

#[test]
fn splits_a_number_merged_with_the_description() {
    let number = parse_row_number("1.1").expect("a number");
    let mut cells = owned(&["1.1 Fase: raccolta", "(100%)", "31.03.2022"]);
    assert!(split_merged_number(&mut cells, &number));
    assert_eq!(cells, ["1.1", "Fase: raccolta", "(100%)", "31.03.2022"]);
    assert!(!split_merged_number(&mut cells, &number), "once only");
}

#[test]
fn splits_a_code_merged_with_the_description() {
    let mut cells = owned(&["a) Raccolta dei dati", "(100%)"]);
    assert!(split_merged_code(&mut cells, "a)"));
    assert_eq!(cells, ["a)", "Raccolta dei dati", "(100%)"]);
    assert!(!split_merged_code(&mut cells, "a)"), "once only");
    let mut cells = owned(&["a)b Raccolta"]);
    assert!(
        !split_merged_code(&mut cells, "a)"),
        "a code ends at a space"
    );
}

#[test]
fn joins_a_description_split_by_a_stray_tab() {
    let mut cells = owned(&[
        "1",
        "Coordinamento del",
        "controllo di gestione.",
        "60%",
        "Ind",
        "Exp",
        "31.12.2022",
    ]);
    assert!(join_split_description(&mut cells, &COLUMNS, 1));
    assert_eq!(
        cells,
        [
            "1",
            "Coordinamento del controllo di gestione.",
            "60%",
            "Ind",
            "Exp",
            "31.12.2022"
        ]
    );
    let mut full = owned(&["1", "D", "60%", "Ind", "Exp", "31.12.2022", ""]);
    assert!(
        !join_split_description(&mut full, &COLUMNS, 1),
        "a trailing empty cell is no extra cell"
    );
}

#[test]
fn splits_a_weight_glued_to_the_end_of_the_description() {
    let mut cells = owned(&[
        "1",
        "Biglietto unico. 60%",
        "Biglietti venduti",
        "Almeno 1000",
        "31.12.2022",
    ]);
    assert!(split_trailing_weight(&mut cells, &COLUMNS, 1));
    assert_eq!(
        cells,
        [
            "1",
            "Biglietto unico.",
            "60%",
            "Biglietti venduti",
            "Almeno 1000",
            "31.12.2022"
        ]
    );
    let mut full = owned(&["1", "Ridurre la spesa del 10%", "", "", "", "31.12.2022"]);
    assert!(
        !split_trailing_weight(&mut full, &COLUMNS, 1),
        "a full row keeps its text"
    );
}

#[test]
fn splits_a_due_glued_to_the_end_of_the_last_cell() {
    let mut cells = owned(&["1", "D", "50%", "Banchi", "Tutti i banchi 31.12.2022"]);
    assert!(split_trailing_due(&mut cells, &COLUMNS, 1));
    assert_eq!(
        cells,
        ["1", "D", "50%", "Banchi", "Tutti i banchi", "31.12.2022"]
    );
    let mut entro = owned(&["2", "D", "50%", "Delibera di Consiglio entro il 30.09.2022"]);
    assert!(split_trailing_due(&mut entro, &COLUMNS, 1));
    assert_eq!(entro[4], "entro il 30.09.2022");
    let mut dated = owned(&["3", "D", "50%", "Report", "31.12.2022"]);
    assert!(
        !split_trailing_due(&mut dated, &COLUMNS, 1),
        "the row has its due"
    );
}

#[test]
fn recognises_total_rows() {
    assert!(is_total_row_default(&owned(&["", "TOTALE", "100%"])));
    assert!(is_total_row_default(&owned(&["", "", "100%"])));
    assert!(!is_total_row_default(&owned(&[
        "",
        "servizi all'utenza",
        "",
        "ogni anno"
    ])));
    assert!(!is_total_row_default(&owned(&["", "", "", "TOTALE"])));
    assert!(is_total_row_default(&owned(&["TOTALE", "100%"])));
    assert!(
        !is_total_row_default(&owned(&["(50%)"])),
        "a torn table's weight"
    );
    let matrix = Vocabulary::bundled_named("weight-matrix");
    let footer = owned(&["Peso ponderale calcolato", "", "10", "2,5", "0"]);
    assert!(is_total_row(&footer, matrix));
    assert!(!is_total_row_default(&footer));
}

fn is_total_row_default(cells: &[String]) -> bool {
    is_total_row(cells, Vocabulary::default_profile())
}

#[test]
fn recognises_ghost_rows() {
    let ghost = "Objectivo di svlluppo specifico den drea. Rifacimanto dei ponte (Borgo Nuovo)";
    let original = "Obiettivo di sviluppo specifico dell'area: rifacimento del ponte (Borgo Nuovo)";
    let sibling = "Obiettivo di sviluppo specifico dell'area: luminarie natalizie";
    assert!(is_ghost_of(ghost, &[original]));
    assert!(!is_ghost_of(sibling, &[original]));
}

#[test]
fn rebuilds_phases_torn_apart_column_by_column() {
    let torn = fragments(&[
        (218, "(50%)"),
        (220, "(50%)"),
        (224, "17.2"),
        (226, "Fase: definizione dei capitolati e"),
        (228, "manutenzione del patrimonio."),
        (230, "Fase: predisporre proposta"),
        (234, "novembre 2021"),
        (236, "10 dicembre 2021"),
    ]);
    let phases =
        rebuild_phases(&torn, "17", 0, Vocabulary::default_profile()).expect("unambiguous");
    let summary: Vec<_> = phases
        .iter()
        .map(|p| {
            (
                p.entry.number.as_str(),
                p.entry.weight,
                p.due_raw.as_deref(),
                p.entry.lines,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "17.1",
                Some(50.0),
                Some("novembre 2021"),
                LineSpan(218, 234)
            ),
            (
                "17.2",
                Some(50.0),
                Some("10 dicembre 2021"),
                LineSpan(220, 236)
            ),
        ]
    );
    assert_eq!(
        phases[0].entry.description,
        "Fase: definizione dei capitolati e manutenzione del patrimonio."
    );
}

#[test]
fn refuses_ambiguous_fragments() {
    let words = Vocabulary::default_profile();
    let torn = fragments(&[(1, "(50%)"), (2, "Fase: a"), (3, "Fase: b")]);
    assert!(
        rebuild_phases(&torn, "3", 0, words).is_none(),
        "one weight for two phases"
    );
    let prose = fragments(&[(1, "Il presente piano è approvato.")]);
    assert!(rebuild_phases(&prose, "3", 0, words).is_none());
    let misnumbered = fragments(&[(1, "4.1"), (2, "Fase: a")]);
    assert!(rebuild_phases(&misnumbered, "3", 0, words).is_none());
}
