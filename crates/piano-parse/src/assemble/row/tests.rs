//! Tests of how a row's cells get their columns.

use super::*;
use crate::content_columns::DEFAULT_COLUMNS;
use crate::token::number::parse_row_number;
use crate::vocabulary::Vocabulary;
use piano_model::Category;

fn row(cells: &[&str]) -> RawRow {
    let number = parse_row_number(cells[0]).expect("a row number");
    RawRow::new(
        number,
        cells.iter().map(|c| (*c).to_owned()).collect(),
        LineSpan::line(10),
        None,
    )
}

/// `cells` assigned under a header of `columns`, printed or not, in 2021.
fn assign_under(
    cells: &[&str],
    columns: &[Option<Column>],
    printed: bool,
) -> (Assigned, Vec<Diagnostic>) {
    assign_row(&row(cells), columns, printed)
}

/// `row` assigned under a header of `columns`, printed or not, in 2021.
fn assign_row(
    row: &RawRow,
    columns: &[Option<Column>],
    printed: bool,
) -> (Assigned, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let header = Header {
        columns,
        head_names: &[],
        printed,
        from_words: printed,
    };
    let words = &Vocabulary::bundled()[0];
    let assigned = assign(row, &header, words, Some(2021), &mut diagnostics, &|d| d);
    (assigned, diagnostics)
}

#[test]
fn full_rows_are_read_by_position() {
    let (assigned, diagnostics) = assign_under(
        &["1", "Desc", "20%", "Ind", "Exp", "31.12.2021"],
        &DEFAULT_COLUMNS,
        true,
    );
    let entry = assigned.entry;
    assert_eq!(entry.weight, Some(20.0));
    assert_eq!(
        (entry.indicators.as_deref(), entry.expected.as_deref()),
        (Some("Ind"), Some("Exp"))
    );
    assert_eq!(entry.due.map(|d| d.raw), Some("31.12.2021".to_owned()));
    assert!(!assigned.realigned);
    assert!(diagnostics.is_empty());
}

#[test]
fn under_no_header_a_titled_name_is_the_responsible() {
    let columns = [
        Some(Column::Number),
        Some(Column::Description),
        Some(Column::Responsible),
        Some(Column::Indicators),
        Some(Column::Expected),
    ];
    let cells = ["1", "Desc", "Ind", "Exp", "Dott.ssa Anna Neri"];
    let (assigned, _) = assign_under(&cells, &columns, false);
    let entry = assigned.entry;
    assert_eq!(entry.responsible.as_deref(), Some("Dott.ssa Anna Neri"));
    assert_eq!(entry.indicators.as_deref(), Some("Ind"));
    // Under a printed header, position rules.
    let (assigned, _) = assign_under(&cells, &columns, true);
    assert_eq!(assigned.entry.responsible.as_deref(), Some("Ind"));
}

#[test]
fn columns_before_the_description_are_read_by_their_header() {
    let columns = [
        Some(Column::Number),
        Some(Column::Due),
        Some(Column::Expected),
        Some(Column::Weight),
        Some(Column::Description),
        Some(Column::Indicators),
        None,
    ];
    let cells = ["1", "31.12.2021", "Exp", "20%", "Desc", "Ind", "Other"];
    let (assigned, diagnostics) = assign_under(&cells, &columns, true);
    let entry = assigned.entry;
    assert_eq!(
        (
            entry.description.as_str(),
            entry.weight,
            entry.expected.as_deref()
        ),
        ("Desc", Some(20.0), Some("Exp"))
    );
    assert_eq!(
        entry.due.and_then(|d| d.date).map(|d| d.to_string()),
        Some("2021-12-31".to_owned())
    );
    assert!(!assigned.realigned);
    let unplaced: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        unplaced,
        ["row 1: cell 7 is under a column piano does not know: Other"]
    );
}

#[test]
fn percentages_and_names_under_a_header_cell_naming_no_column_are_read_by_content() {
    // A header of number, description, three words naming no column, and
    // the due: the weight and the responsible are named nowhere, so the
    // cells under the unknown words that say what they are take them;
    // prose says nothing of its field and stays out.
    let columns = [
        Some(Column::Number),
        Some(Column::Description),
        None,
        None,
        None,
        Some(Column::Due),
    ];
    let cells = ["1", "Desc", "Ind", "15%", "Dott. Ugo Bassi", "31.12.2021"];
    let (assigned, diagnostics) = assign_under(&cells, &columns, true);
    let entry = assigned.entry;
    assert_eq!(
        (
            entry.weight,
            entry.responsible.as_deref(),
            entry.indicators.as_deref()
        ),
        (Some(15.0), Some("Dott. Ugo Bassi"), None)
    );
    assert!(assigned.realigned);
    let unplaced: Vec<&str> = diagnostics.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(
        unplaced,
        ["row 1: cell 3 is under a column piano does not know: Ind"]
    );
    // A percentage under an unknown word is no weight where the header
    // names the weight's column.
    let columns = [
        Some(Column::Number),
        Some(Column::Description),
        Some(Column::Weight),
        None,
    ];
    let (assigned, _) = assign_under(&["1", "Desc", "20%", "15%"], &columns, true);
    assert_eq!(assigned.entry.weight, Some(20.0));
    assert!(!assigned.realigned);
}

#[test]
fn without_a_printed_header_a_full_row_is_read_by_content() {
    // A code table's order: number, description, indicators, expected, weight, due.
    let cells = ["1", "Desc", "Ind", "Exp", "35%", "31.12.2021"];
    let (assigned, _) = assign_under(&cells, &DEFAULT_COLUMNS, false);
    let entry = assigned.entry;
    assert_eq!(
        (
            entry.weight,
            entry.indicators.as_deref(),
            entry.expected.as_deref()
        ),
        (Some(35.0), Some("Ind"), Some("Exp"))
    );
    assert!(assigned.realigned);
}

#[test]
fn short_rows_are_read_by_content() {
    let (assigned, _) = assign_under(
        &["7.1", "Fase: x", "(33%)", "", "31.10.2021"],
        &DEFAULT_COLUMNS,
        true,
    );
    assert_eq!(assigned.entry.weight, Some(33.0));
    assert_eq!(assigned.entry.indicators, None);
    assert_eq!(
        assigned
            .entry
            .due
            .and_then(|d| d.date)
            .map(|d| d.to_string()),
        Some("2021-10-31".to_owned())
    );
    assert!(assigned.realigned);

    let (assigned, _) = assign_under(
        &["15", "Obiettivo di sviluppo: y", "5,88 %", "30.11.2021"],
        &DEFAULT_COLUMNS,
        true,
    );
    assert_eq!(assigned.entry.weight, Some(5.88));
    let category = Vocabulary::default_profile().category(&assigned.entry.description);
    assert_eq!(category, Some(Category::Sviluppo));
    assert!(assigned.entry.due.is_some());
}

#[test]
fn a_missing_weight_stays_null() {
    let (assigned, _) = assign_under(&["9", "Desc", "", "", "15.10.2021"], &DEFAULT_COLUMNS, true);
    assert_eq!(assigned.entry.weight, None);
    assert!(assigned.entry.due.is_some());
}

#[test]
fn wrapped_pieces_join_their_cells() {
    let mut wrapped = row(&["5", "assicurare il presidio dei", "20%", "31.12 di"]);
    wrapped.merge(
        &[
            "".into(),
            "servizi all'utenza".into(),
            "".into(),
            "ogni anno".into(),
        ],
        LineSpan::line(11),
        None,
        1,
    );
    wrapped.merge(
        &["".into(), "".into(), "".into(), "(pluriennale".into()],
        LineSpan::line(12),
        None,
        1,
    );
    assert!(wrapped.close_bracket(")"));
    let (assigned, diagnostics) = assign_row(&wrapped, &DEFAULT_COLUMNS, true);
    assert_eq!(
        assigned.entry.description,
        "assicurare il presidio dei servizi all'utenza"
    );
    let due = assigned.entry.due.expect("a due");
    assert_eq!(due.raw, "31.12 di ogni anno (pluriennale)");
    assert!(due.multiyear);
    assert_eq!(assigned.entry.lines, LineSpan(10, 12));
    assert!(wrapped.wrapped);
    assert!(diagnostics.is_empty());
}

#[test]
fn repaired_and_unparsed_dues_are_reported() {
    let (_, diagnostics) = assign_under(
        &["1", "D", "20%", "", "", "31.12.202 1"],
        &DEFAULT_COLUMNS,
        true,
    );
    assert_eq!(
        diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
        [Code::DueRepaired]
    );
    let (_, diagnostics) = assign_under(
        &["1", "D", "20%", "", "", "a fine lavori"],
        &DEFAULT_COLUMNS,
        true,
    );
    assert_eq!(
        diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
        [Code::DueUnparsed]
    );
}

#[test]
fn an_achievement_pushed_against_the_due_is_told_apart() {
    assert_eq!(
        achievement_after_due("31.12.2022 0", None),
        Some(("31.12.2022".to_owned(), 0.0))
    );
    assert_eq!(
        achievement_after_due("31/12/2022 75,5%", None),
        Some(("31/12/2022".to_owned(), 75.5))
    );
    // A figure of the date itself, or none, is no achievement.
    assert_eq!(achievement_after_due("31 dicembre 2022", None), None);
    assert_eq!(achievement_after_due("31.12.2022", None), None);
    assert_eq!(
        achievement_after_due("entro il 30 giugno", Some(2022)),
        None
    );
}

#[test]
fn a_line_merged_under_a_row_whose_number_was_taken_out_joins_by_its_place() {
    let mut phase = row(&["2", "Approvazione del progetto", "(33%)", "01.12 di ogni"]);
    phase.take_out_number();
    phase.merge(
        &["", "", "", "anno (pluriennale)"].map(String::from),
        LineSpan::line(12),
        None,
        0,
    );
    assert_eq!(
        phase.cells,
        [
            "Approvazione del progetto",
            "(33%)",
            "01.12 di ogni anno (pluriennale)"
        ]
    );
    assert_eq!(phase.cell_at(0), None);
    assert_eq!(phase.cell_at(2), Some("(33%)"));
}
