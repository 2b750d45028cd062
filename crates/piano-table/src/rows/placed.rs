//! Which column each piece of a table's line goes to: where its centre
//! falls, cut first at the columns' edges, with what a dump displaced set
//! back (a value pushed left against the text before it, a cell set left of
//! its column on a crowded line, a value pushed into the gutter).

use crate::gutters::{
    EDGE_TOLERANCE, break_before_values, cut_at_column_starts, cut_at_edges, is_value,
    value_pushed_left,
};

use super::blocks::blocks_set_in_their_column;
use crate::lines::{Line, Segment};
use crate::region::{NARROW_GAP, column_of};
use std::borrow::Cow;

/// A column's text is known to end where it does when this many of its
/// pieces, staying within it, say so.
const MIN_TEXT_ENDS: usize = 3;

/// A line of a table cut at its columns, each piece with its column.
pub(super) struct PlacedLine {
    /// The line, its pieces cut where they cross into another column.
    pub(super) line: Line,
    /// Each piece's column.
    pub(super) columns: Vec<usize>,
    /// Whether a piece of the line on a grid of characters was cut in two
    /// where no gap parts its words (cells one space apart).
    pub(super) cut: bool,
}

impl PlacedLine {
    /// The line placed in the columns with edges `columns`.
    pub(super) fn of(line: &Line, columns: &[f32]) -> PlacedLine {
        let count = columns.len() - 1;
        let inner = &columns[1..count];
        // A column starts a tolerance right of its edge (`region.rs`); a
        // cell as long as its column may have the next one space after it.
        let tolerance = EDGE_TOLERANCE * line.size;
        let starts: Vec<f32> = inner.iter().map(|edge| edge + tolerance).collect();
        let pieces = line.segments.len();
        let moved = blocks_set_in_their_column(line, inner);
        let line = moved.as_ref().unwrap_or(line);
        let line = cut_at_column_starts(line, &starts)
            .map(Cow::Owned)
            .unwrap_or_else(|| cut_at_edges(line, inner));
        let cut = line.pitch.is_some() && line.segments.len() > pieces;
        let line = match value_pushed_left(&line, inner) {
            Cow::Owned(pushed) => pushed,
            Cow::Borrowed(_) => line.into_owned(),
        };
        let mut placed: Vec<usize> = line
            .segments
            .iter()
            .map(|segment| column_of((segment.x0 + segment.x1) / 2.0, inner))
            .collect();
        set_pushed_blocks_right(&line, &mut placed, count);
        PlacedLine {
            line,
            columns: placed,
            cut,
        }
    }

    /// The line with the words that end a piece but start in the gutter
    /// after its column (right of where the column's text ends on every line
    /// whose text stays in it) moved to the next column, when that holds
    /// nothing else on the line: a dump pushed them left against the text
    /// before them. They are when the piece runs across the next column's
    /// edge, or was cut there ("… report annuale. 31.12 di ogni anno"), or
    /// when they are values ending a column of text, before a column of
    /// values ("… della zona a 11,11%"). Only on a grid of characters;
    /// `inner` are the column edges.
    pub(super) fn with_gutter_text_moved(
        mut self,
        contents: &[ColumnContent],
        inner: &[f32],
    ) -> PlacedLine {
        let Some(pitch) = self.line.pitch else {
            return self;
        };
        let tolerance = EDGE_TOLERANCE * self.line.size;
        let mut pieces_in = vec![0usize; contents.len()];
        for &column in &self.columns {
            pieces_in[column] += 1;
        }
        // The pieces moved to the next column, whole or cut at a break (their
        // words after it moved): most lines have none, and are kept as they
        // are.
        let mut moves: Vec<(usize, Option<usize>)> = Vec::new();
        for (index, segment) in self.line.segments.iter().enumerate() {
            let column = self.columns[index];
            // A piece cut at the column's edge (`cut_at_edges`) goes on one
            // space away in the next column, with words that need a head:
            // not a cell of their own, which starts with a capital or a
            // digit ("31/12/2022", "Ing. Stefano Rossi"), but "di ogni anno",
            // "(salvo diverso termine".
            let continued = self.line.segments.get(index + 1).is_some_and(|next| {
                let headless = next
                    .text
                    .chars()
                    .next()
                    .is_some_and(|c| !c.is_uppercase() && !c.is_ascii_digit());
                self.columns[index + 1] == column + 1
                    && next.x0 - segment.x1 <= 1.5 * pitch
                    && headless
            });
            let next_is_free =
                column + 1 < contents.len() && (continued || pieces_in[column + 1] == 0);
            let in_gutter = |cut: usize| {
                let content = &contents[column];
                content.ends >= MIN_TEXT_ENDS && segment.breaks[cut].x1 >= content.text_end + pitch
            };
            let across = continued
                || inner
                    .get(column)
                    .is_some_and(|&edge| segment.x1 > edge + tolerance);
            let before_values = break_before_values(segment);
            let cut = if across {
                // The break before the first word that starts in the gutter,
                // or, where the piece was cut at the edge and goes on with
                // words that need a head, before the values that end it
                // ("… annuale. 30.06.2021" and "(salvo diverso termine").
                (0..segment.breaks.len())
                    .find(|&cut| in_gutter(cut))
                    .or(before_values.filter(|_| continued))
            } else {
                let values_after_text = contents[column].is_text()
                    && contents
                        .get(column + 1)
                        .is_some_and(ColumnContent::is_values);
                before_values
                    .filter(|&cut| {
                        (values_after_text && in_gutter(cut))
                            || (contents[column].is_text()
                                && self.ends_with_a_weight_of(index, cut, contents))
                    })
                    .or_else(|| before_a_unit(segment).filter(|_| values_after_text))
            };
            if next_is_free && self.is_value_in_gutter(index, contents) {
                moves.push((index, None));
                pieces_in[column + 1] += 1;
            } else if next_is_free && let Some(cut) = cut {
                moves.push((index, Some(cut)));
                pieces_in[column + 1] += 1;
            }
        }
        if moves.is_empty() {
            return self;
        }
        let mut moves = moves.into_iter().peekable();
        let mut segments = Vec::with_capacity(self.line.segments.len() + moves.len());
        let mut columns = Vec::with_capacity(segments.capacity());
        for (index, segment) in std::mem::take(&mut self.line.segments)
            .into_iter()
            .enumerate()
        {
            let column = self.columns[index];
            match moves.next_if(|&(at, _)| at == index) {
                Some((_, None)) => {
                    segments.push(segment);
                    columns.push(column + 1);
                }
                Some((_, Some(cut))) => {
                    let (before, moved) = segment.split(cut);
                    segments.extend([before, moved]);
                    columns.extend([column, column + 1]);
                }
                None => {
                    segments.push(segment);
                    columns.push(column);
                }
            }
        }
        self.line.segments = segments;
        self.columns = columns;
        self
    }

    /// Whether piece `index` is one value alone in a column of text,
    /// starting in the gutter after it (right of where the column's text
    /// ends on every line whose text stays in it), before a column of
    /// values: a dump that centres a tall row's cells vertically sets its
    /// weight on a line of its own, where nothing pushed it left but the
    /// block's own start ("2" | "20%" under descriptions that end where it
    /// starts, weights further right).
    fn is_value_in_gutter(&self, index: usize, contents: &[ColumnContent]) -> bool {
        let column = self.columns[index];
        let segment = &self.line.segments[index];
        let content = &contents[column];
        // On a line of its own no space need part it from that text.
        is_value(&segment.text.replace(' ', ""))
            && content.is_text()
            && content.ends >= MIN_TEXT_ENDS
            && segment.x0 >= content.text_end
            && contents
                .get(column + 1)
                .is_some_and(ColumnContent::is_values)
    }

    /// Whether piece `index` ends, after its break `cut`, with one percent
    /// that belongs to the next column: a column of percents (weights) that
    /// this line, a row's first (text in the first column) going on past it,
    /// leaves empty, the piece reaching where its column's text ends. A dump
    /// sets a weight one space after a description that fills its column
    /// ("Fase: aggiornamento aggiornamento (50%)"); a shorter text ending
    /// with a percent keeps it ("Riduzione dei tempi del 20%").
    fn ends_with_a_weight_of(&self, index: usize, cut: usize, contents: &[ColumnContent]) -> bool {
        let column = self.columns[index];
        let segment = &self.line.segments[index];
        let content = &contents[column];
        let pitch = self.line.pitch.unwrap_or(0.0);
        let fills_its_column =
            content.ends >= MIN_TEXT_ENDS && segment.x1 + pitch >= content.text_end;
        let tail = segment.word_count() - 1 == cut + 1;
        let percent = is_percent(segment.last_word());
        let row_start = self.columns.first() == Some(&0);
        let goes_on = self.columns.iter().any(|&other| other > column + 1);
        tail && percent
            && fills_its_column
            && row_start
            && goes_on
            && contents
                .get(column + 1)
                .is_some_and(ColumnContent::holds_percents)
    }
}

/// What the pieces of one column of a table hold, over all its lines.
#[derive(Clone, Copy)]
pub(super) struct ColumnContent {
    /// Where its text ends: the right end of its pieces, but those that end
    /// with a value or run across the next column's edge (which a dump may
    /// have pushed into the gutter).
    text_end: f32,
    /// How many pieces tell where its text ends.
    ends: usize,
    /// How many of its pieces end with a word of text.
    texts: usize,
    /// How many of its pieces are values (numbers, weights, dates).
    values: usize,
    /// How many of those values are percents.
    percents: usize,
}

impl ColumnContent {
    /// Whether most of its pieces end with text.
    fn is_text(&self) -> bool {
        self.texts > self.values
    }

    /// Whether most of its pieces are values.
    fn is_values(&self) -> bool {
        self.values > self.texts
    }

    /// Whether it holds percents: most of its values are, and no fewer
    /// than its pieces of text (its header's words among them: in a table
    /// of a few rows, where a dump pushed most weights left of their
    /// column, the one left in it stands against its header alone).
    fn holds_percents(&self) -> bool {
        self.percents > 0 && 2 * self.percents > self.values && self.percents >= self.texts
    }
}

/// The break before a percent sign that ends a piece alone, after a word
/// that is no number: the unit of a value in the next column that wrapped
/// onto a line of its own ("16,67" over "%"), which a dump set one space
/// after the text of that line ("… attività %"). No text ends so.
fn before_a_unit(piece: &Segment) -> Option<usize> {
    let mut words = piece.words_from_end();
    let unit = words.next()?;
    let before = words.next()?;
    (unit == "%" && !is_value(before)).then(|| piece.word_count() - 2)
}

/// Whether a word is a percent: a value with a percent sign ("25%", "(50%)").
fn is_percent(word: &str) -> bool {
    is_value(word) && word.contains('%')
}

/// What each column (of those inner edges `inner` leave) holds on the lines
/// of a table.
pub(super) fn column_contents(lines: &[PlacedLine], inner: &[f32]) -> Vec<ColumnContent> {
    let count = inner.len() + 1;
    let empty = ColumnContent {
        text_end: f32::NEG_INFINITY,
        ends: 0,
        texts: 0,
        values: 0,
        percents: 0,
    };
    let mut contents = vec![empty; count];
    for placed in lines {
        for (segment, &column) in placed.line.segments.iter().zip(&placed.columns) {
            let content = &mut contents[column];
            let tolerance = EDGE_TOLERANCE * placed.line.size;
            let stays = inner
                .get(column)
                .is_none_or(|&edge| segment.x1 <= edge + tolerance);
            let ends_with_value = is_value(segment.last_word());
            // Spaces are neither digits nor letters: the piece reads as a
            // value as it would packed ("16 ,67"). A piece of no letters
            // (a weight's "%" wrapped under it) is no text either.
            if is_value(&segment.text) {
                content.values += 1;
                content.percents += usize::from(is_percent(&segment.text));
            } else if !ends_with_value && segment.text.chars().any(char::is_alphabetic) {
                content.texts += 1;
                if stays {
                    content.text_end = content.text_end.max(segment.x1);
                    content.ends += 1;
                }
            }
        }
    }
    contents
}

/// Moves to the next column, of `count`, each piece of a line on a grid of
/// characters that `columns` (one per piece) put in the column of the piece
/// before it though set wide apart from it, when that next column holds no
/// other piece: a dump sets a cell left of its column when the line is
/// crowded (pdftotext gives each block of text its own start).
fn set_pushed_blocks_right(line: &Line, columns: &mut [usize], count: usize) {
    if line.pitch.is_none() {
        return;
    }
    let mut pieces_in = vec![0usize; count];
    for &column in columns.iter() {
        pieces_in[column] += 1;
    }
    for index in 1..columns.len() {
        let (before, piece) = (&line.segments[index - 1], &line.segments[index]);
        let (column, next) = (columns[index], columns[index] + 1);
        let wide = piece.x0 - before.x1 >= NARROW_GAP * line.size;
        if wide && column == columns[index - 1] && next < count && pieces_in[next] == 0 {
            columns[index] = next;
            pieces_in[column] -= 1;
            pieces_in[next] += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rows::{TableLine, dump_rows};

    /// One line of a text dump as the aligned-text reader places it: each
    /// character one unit wide, size 3.
    fn dump_line(text: &str) -> Line {
        crate::lines::dump_lines(text).remove(0)
    }

    #[test]
    fn a_value_pushed_left_by_a_dump_goes_to_its_column() {
        let columns = [0.0, 4.0, 21.0, 31.0, 40.0];
        let texts = |text: &str| {
            TableLine::of(PlacedLine::of(&dump_line(text), &columns), &columns[1..4]).texts
        };
        let cases = [
            (
                "2   Progetto esecutivo di 20%     Report",
                ["2", "Progetto esecutivo di", "20%", "Report"],
            ),
            // A cell set left of its column, wide apart from the text before
            // it, goes to that column when it holds nothing else on the line.
            (
                "2   Testo    Altro              Report",
                ["2", "Testo", "Altro", "Report"],
            ),
            (
                "2   Testo    Altro     Esito    Report",
                ["2", "Testo Altro", "Esito", "Report"],
            ),
            // A date that pdftotext cut with a space goes whole.
            (
                "4   Formazione atti 31.10.202 1  Atto",
                ["4", "Formazione atti", "31.10.202 1", "Atto"],
            ),
            // A value ending a text that runs into a column holding a value
            // of its own stays with the text.
            (
                "3   Riduzione tempi del 20%  15%    Atto",
                ["3", "Riduzione tempi del 20%", "15%", "Atto"],
            ),
        ];
        for (line, cells) in cases {
            assert_eq!(texts(line), cells, "{line}");
        }
    }

    #[test]
    fn a_value_pushed_into_the_gutter_goes_to_its_column_of_values() {
        // pdftotext set the weight of row 2 one space after its text, left
        // of the column, where no line's text reaches.
        let text = "\
N.  Descrizione                  Peso    Scadenza
1   Riduzione dei tempi medi     40%     30/06/2024
    pagamento delle fatture
2   Digitalizzazione pratiche 30%        31/12/2024
3   Obiettivo del Piano 2024             31/10/2024
4   Revisione del regolamento    30%     30/09/2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 32.4, 40.4, 60.0]);
        assert_eq!(
            texts[1..],
            [
                "1\tRiduzione dei tempi medi pagamento delle fatture\t40%\t30/06/2024",
                "2\tDigitalizzazione pratiche\t30%\t31/12/2024",
                "3\tObiettivo del Piano 2024\t\t31/10/2024",
                "4\tRevisione del regolamento\t30%\t30/09/2024",
            ],
            "a year ending a text within the column's width stays with it"
        );
    }

    #[test]
    fn a_cell_pushed_into_the_gutter_across_the_next_column_goes_to_it() {
        let text = "\
N.  Obiettivo       Valore atteso       Scadenza
1   Bilancio        Report annuale      31/12/2024
2   Regolamento     Delibera Giunta     30/06/2024
3   Sportello       Apertura sito web 31.12 di ogni anno
4   Archivio        Riordino completo   30/09/2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 19.4, 39.4, 70.0]);
        assert_eq!(
            texts[3],
            "3\tSportello\tApertura sito web\t31.12 di ogni anno"
        );
        // A date cut from its note at the edge goes with the note; a value
        // ending a text stays when a cell of its own follows.
        let cases = [
            (
                "5   Archivio        Report annuale. 30.06.2021 (salvo diverso",
                46.4,
                "5\tArchivio\tReport annuale.\t30.06.2021 (salvo diverso",
            ),
            (
                "6   Cloud           Migrazione (Misura 1.2) Ing. Rossi",
                43.4,
                "6\tCloud\tMigrazione (Misura 1.2)\tIng. Rossi",
            ),
        ];
        for (line, edge, row) in cases {
            let columns = [0.0, 4.4, 20.4, edge, 80.0];
            assert_eq!(dump_rows(line, &columns), [row], "{line}");
        }
    }

    #[test]
    fn a_weight_set_one_space_after_a_full_description_goes_to_its_column() {
        // pdftotext set the weight of phase 3.1 one space after a
        // description as wide as its column, left of the column's start.
        let text = "\
N.    Descrizione                        Peso    Indicatore   Scadenza
3     Cittadini ini-pec controllo        25%     Efficienza   30.09.2023
      procedimento anagrafe patrimonio           attività
3.1   Fase: aggiornamento sportello (50%)        Piattaforma  30.06.2023
      affidamento piattaforma del 10%
3.2   Fase: aggiornamento gestione       (50%)   Fornitori    31.03.2023
4     Riduzione dei tempi del 20%                Report       30.06.2023
";
        let texts = dump_rows(text, &[0.0, 5.4, 40.4, 48.4, 61.4, 80.0]);
        assert_eq!(
            texts[2..],
            [
                "3.1\tFase: aggiornamento sportello affidamento piattaforma del 10%\t(50%)\t\
                 Piattaforma\t30.06.2023",
                "3.2\tFase: aggiornamento gestione\t(50%)\tFornitori\t31.03.2023",
                "4\tRiduzione dei tempi del 20%\t\tReport\t30.06.2023",
            ],
            "a percent on a row's first line goes; one on a line that goes on a cell does not"
        );
    }

    #[test]
    fn a_weights_unit_wrapped_after_a_line_of_text_goes_to_its_column() {
        // The weight "16,67 %" wrapped in its cell; pdftotext set its "%"
        // one space after the description's second line.
        let text = "\
N.  Descrizione                  Peso     Scadenza
1   Riduzione dei tempi medi     16,67    30/06/2024
    di pagamento delle fatture %
2   Digitalizzazione pratiche    25%      31/12/2024
3   Riduzione dei costi del
    servizio del 20 %            25%      31/10/2024
";
        let texts = dump_rows(text, &[0.0, 3.4, 32.4, 41.4, 60.0]);
        assert_eq!(
            texts[1..],
            [
                "1\tRiduzione dei tempi medi di pagamento delle fatture\t16,67 %\t30/06/2024",
                "2\tDigitalizzazione pratiche\t25%\t31/12/2024",
                "3\tRiduzione dei costi del servizio del 20 %\t25%\t31/10/2024",
            ],
            "a percent sign after a number stays with it"
        );
    }

    #[test]
    fn a_weight_alone_on_its_line_right_of_the_descriptions_goes_to_its_column() {
        // LibreOffice centred row 2's short cells vertically and pdftotext
        // set its weight on their line, left of the weights above, where no
        // description reaches.
        let text = "\
N.   Descrizione                Peso     Scadenza
1    Riordino dell'archivio     (25%)    30/06/2031
     comunale e di deposito
     Revisione del piano
2                          20%           31/12/2031
     dei servizi comunali
3    Bilancio consolidato       (40%)    30/09/2031
";
        let texts = dump_rows(text, &[0.0, 4.4, 30.4, 40.4, 60.0]);
        assert_eq!(
            texts[1..],
            [
                "1\tRiordino dell'archivio comunale e di deposito\t(25%)\t30/06/2031",
                "2\tRevisione del piano dei servizi comunali\t20%\t31/12/2031",
                "3\tBilancio consolidato\t(40%)\t30/09/2031",
            ]
        );
    }

    #[test]
    fn weights_pushed_left_on_most_rows_of_a_short_table_go_to_their_column() {
        // Only one weight of three stayed in its column, against its
        // header's word.
        let text = "\
N.  Descrizione               Esito            Peso  Scadenza
1   Lavori stradali           Esecuzione       40%   31/12/2025
                              lavori
2   Acquisti centralizzati    Almeno l'80% 35%       30/09/2025
3   Bilancio consolidato      Approvazione 25%       30/06/2025
                              nei termini
";
        let texts = dump_rows(text, &[0.0, 3.4, 29.4, 46.4, 52.4, 70.0]);
        assert_eq!(
            texts[1..],
            [
                "1\tLavori stradali\tEsecuzione lavori\t40%\t31/12/2025",
                "2\tAcquisti centralizzati\tAlmeno l'80%\t35%\t30/09/2025",
                "3\tBilancio consolidato\tApprovazione nei termini\t25%\t30/06/2025",
            ]
        );
    }
}
