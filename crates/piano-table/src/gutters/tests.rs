//! Tests of the gaps between columns: how lines narrow them, and pieces cut
//! at a column edge.

use super::*;

/// A line of a page of fixed pitch: each character one unit wide, size 3,
/// as the aligned-text reader places them.
fn dump_line(text: &str) -> Line {
    crate::lines::dump_lines(text).remove(0)
}

#[test]
fn a_piece_across_a_gutter_keeps_it_open_at_a_space_between_words() {
    let header = dump_line("Codice     Descrizione");
    let row = dump_line("01030101 Approvazione del   40");
    let gutters = gaps_of(&header);
    let open = narrowed(&gutters, &row).expect("the space after the code keeps it open");
    assert_eq!(open[0].span(&[header, row]), (8.0, 9.0));
    let line = dump_line("01030101 Approvazione del   40");
    let cut = cut_at_edges(&line, &[8.4]);
    let texts: Vec<&str> = cut.segments.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["01030101", "Approvazione del", "40"]);
}

#[test]
fn of_two_spaces_near_where_a_column_starts_the_gap_is_the_one_right_before_it() {
    // Cells one space apart: "Corso 4) 60%" leaves the spaces before
    // "4)" and before "60%" open, both within a size of where the
    // weights start; the weights start right after the second.
    let header = dump_line("N.  Descrizione        Peso");
    let row = dump_line("1   Corso di lingua 4) 60%");
    let other = dump_line("2   Corso breve        30%");
    let gutters = gaps_of(&header);
    let open = narrowed(&gutters, &row).expect("spaces keep the gutter open");
    let open = narrowed(&open, &other).expect("open");
    assert_eq!(open[1].span(&[header, row, other]), (22.0, 23.0));
}

#[test]
fn codes_one_space_from_their_text_are_a_column_though_its_header_is_centred() {
    // The description's header is centred: the rows' only word spaces
    // near it lie between two words of text; before the other space
    // every row has its code alone.
    let header = dump_line("  Cod.           Obiettivo           Peso");
    let one = dump_line("01.02.01 Corso annuale di lingua    40%");
    let two = dump_line("01.02.02 Ciclo breve di lezioni     60%");
    let gutters = gaps_of(&header);
    let open = narrowed(&gutters, &one).expect("spaces keep the gutter open");
    let open = narrowed(&open, &two).expect("open");
    assert_eq!(open[0].span(&[header, one, two]), (8.0, 9.0));
}

#[test]
fn a_piece_set_inside_a_gutter_leaves_both_sides_open() {
    let gutter = Gutter::between(6.0, 20.0);
    let open = narrowed(&[gutter], &dump_line("Nr.       Bil")).expect("two sides open");
    assert_eq!(open[0].parts(), [(6.0, 10.0), (13.0, 20.0)]);
}

#[test]
fn prose_across_a_gutter_closes_it() {
    let gutter = Gutter::between(6.0, 11.0);
    assert_eq!(
        narrowed(&[gutter], &dump_line("Il peso di ogni obiettivo")),
        None
    );
}

#[test]
fn of_spaces_around_a_code_s_number_the_gap_is_the_one_nearer_the_rows_text() {
    // "Azione 1" one space from its text, set a character left of where
    // the row above starts its description: the spaces before and after
    // "1" both lie within a size of that start; the one after is nearer.
    let header = dump_line("  N.         Obiettivo          Peso");
    let row = dump_line("  OB.1    Bilancio annuale       40");
    let phase = dump_line("Azione 1 Stesura della bozza     60");
    let gutters = gaps_of(&header);
    let open = narrowed(&gutters, &row).expect("open");
    let open = narrowed(&open, &phase).expect("spaces keep the gutter open");
    assert_eq!(open[0].parts(), [(6.0, 7.0), (8.0, 9.0)]);
    assert_eq!(open[0].span(&[header, row, phase]), (8.0, 9.0));
}

#[test]
fn a_word_one_character_before_its_column_keeps_the_gutter_open() {
    // The gutter is one character wide (other rows' text ends right
    // before it and starts right after it); pdftotext set this row's next
    // cell one space after the text before it, a character to the left.
    let gutter = Gutter::between(21.0, 22.0);
    let row = dump_line("3    Efficienza anag Efficienza   30.09");
    let open = narrowed(std::slice::from_ref(&gutter), &row)
        .expect("the space before the word keeps it open");
    assert_eq!(open[0].parts(), [(21.0, 22.0)]);
    // A word in small letters goes on with the cell before, and so does
    // one two characters to the left.
    let words_on = dump_line("3    Efficienza anag efficienza   30.09");
    assert_eq!(narrowed(&[gutter], &words_on), None);
    assert_eq!(narrowed(&[Gutter::between(22.0, 23.0)], &row), None);
}
