//! Tests of the columns found in the rows where the header shows none.

use super::*;

/// A line of a page of fixed pitch, as the aligned-text reader places it.
fn line(text: &str) -> Line {
    crate::lines::dump_lines(text).remove(0)
}

#[test]
fn a_column_the_header_does_not_show_is_found_from_the_rows() {
    let lines = [
        line("Obiettivo n.                       Peso"),
        line("1          Bilancio di previsione  40"),
        line("2          Riduzione dei tempi     60"),
    ];
    let header_gutter = (12.0, 35.0);
    let found = channels(&lines, &[header_gutter]);
    assert_eq!(found.len(), 1, "{found:?}");
    let (left, right) = found[0];
    assert!(left >= 1.0 && right <= 11.0, "{found:?}");
}

#[test]
fn a_header_word_in_the_rows_gap_ends_the_header_cell_on_its_left() {
    // "n." sits over the gap the numbered rows leave before their text,
    // which runs on into the gutter the header's gap was narrowed to:
    // it ends "Obiettivo n.", it names no column.
    let lines = [
        line("   Obiettivo n.                 Descrizione                 Peso"),
        line("   1            Riordino degli uffici e dei loro compiti    10"),
        line("   2            Apertura di un nuovo servizio al pubblico   20"),
    ];
    assert!(channels(&lines, &[(15.0, 16.0), (58.0, 60.0)]).is_empty());
}

#[test]
fn words_that_line_up_by_chance_make_no_column() {
    let lines = [
        line("Primo obiettivo del settore   40"),
        line("Altro obiettivo del comune    60"),
    ];
    assert!(channels(&lines, &[(27.0, 30.0)]).is_empty());
}
