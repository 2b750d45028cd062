//! The gaps between columns of a borderless table: how each line narrows
//! them, the gaps a header does not show, and pieces cut at a column edge.
//!
//! On a page of fixed pitch (a text dump) a single space may be all that
//! separates two columns: the spaces between a piece's words (its breaks)
//! then count as open where the other lines show a gap.

use crate::lines::Line;

/// A gutter narrower than this many font sizes is closed.
pub(crate) const MIN_GUTTER: f32 = 0.3;
/// A piece may cross a column edge by this many font sizes and still fit.
pub(crate) const EDGE_TOLERANCE: f32 = 0.2;
/// A gap the header does not show is a column gap when at least this many
/// lines of the region have a gap between pieces there.
const MIN_CHANNEL_LINES: usize = 2;

/// The gutters left open by a line's pieces, or `None` if one closes. A
/// piece that runs across a gutter, on a line of several pieces, keeps it open
/// where a space between two of its words lies in it (columns set one space
/// apart in a text dump); on a grid of characters a piece may overrun a
/// gutter by one character.
pub(crate) fn narrowed(gutters: &[(f32, f32)], line: &Line) -> Option<Vec<(f32, f32)>> {
    let min = MIN_GUTTER * line.size;
    let mut out = Vec::with_capacity(gutters.len());
    for &(mut a, mut b) in gutters {
        for segment in &line.segments {
            if segment.x1 <= a || segment.x0 >= b {
                continue;
            }
            // Only a line of several pieces is a row: prose has spaces
            // between words everywhere.
            let across = segment.x0 < a && segment.x1 > b && line.segments.len() > 1;
            // On a grid of characters a cell's last character may stand
            // where the next column starts: a piece from the left that ends
            // there leaves the gutter open one character wide.
            let x1 = match line.pitch {
                Some(pitch) if segment.x0 < a && segment.x1 >= b && segment.x1 <= b + pitch => {
                    b - pitch
                }
                _ => segment.x1,
            };
            let space = segment
                .breaks
                .iter()
                .map(|gap| (gap.x0.max(a), gap.x1.min(b)))
                .filter(|(left, right)| right - left >= min)
                .max_by(|x, y| (x.1 - x.0).total_cmp(&(y.1 - y.0)));
            match space {
                Some(open) if across => (a, b) = open,
                // Keep the wider side of the gutter the piece leaves open.
                _ if segment.x0 - a >= b - x1 => b = segment.x0,
                _ => a = x1,
            }
        }
        if b - a < min {
            return None;
        }
        out.push((a, b));
    }
    Some(out)
}

/// The line with each piece that runs across a column edge cut at the space
/// between its words that the edge falls in, where there is one. A line of
/// one piece is left whole: it is prose, or a row's wrapped text.
pub(crate) fn cut_at_edges(line: &Line, inner: &[f32]) -> Line {
    if line.segments.len() < 2 {
        return line.clone();
    }
    let tolerance = EDGE_TOLERANCE * line.size;
    // As wide as a gutter: a dump's space (a third of the size),
    // not the narrower space of a proportional font.
    let min = MIN_GUTTER * line.size;
    let mut segments = Vec::with_capacity(line.segments.len());
    for segment in &line.segments {
        let mut rest = segment.clone();
        for &edge in inner {
            if !(rest.x0 < edge - tolerance && rest.x1 > edge + tolerance) {
                continue;
            }
            let cut = rest.breaks.iter().position(|gap| {
                gap.x1 - gap.x0 >= min && gap.x0 - tolerance <= edge && edge <= gap.x1 + tolerance
            });
            if let Some(cut) = cut {
                let (before, after) = rest.split(cut);
                segments.push(before);
                rest = after;
            }
        }
        segments.push(rest);
    }
    Line {
        segments,
        ..line.clone()
    }
}

/// The gaps between a line's pieces that overlap none of the gutters: the
/// columns of another table.
pub(crate) fn new_gaps(line: &Line, gutters: &[(f32, f32)]) -> usize {
    line.segments
        .windows(2)
        .filter(|w| {
            let (a, b) = (w[0].x1, w[1].x0);
            !gutters.iter().any(|&(left, right)| a < right && b > left)
        })
        .count()
}

/// Gutters the header does not show: a column whose header cell sits on
/// another line of a wrapped header, or runs into its neighbour. A channel
/// is a gap between pieces of some lines that every line of the region
/// leaves open (a space between words counts as open): it is a column gap
/// when it is a gap between pieces on at least [`MIN_CHANNEL_LINES`] lines,
/// so that spaces between words that happen to line up make none.
pub(crate) fn channels(lines: &[Line], gutters: &[(f32, f32)]) -> Vec<(f32, f32)> {
    let Some(size) = lines.first().map(|l| l.size) else {
        return Vec::new();
    };
    let min = MIN_GUTTER * size;
    let mut candidates: Vec<(f32, f32)> = lines
        .iter()
        .flat_map(|line| line.segments.windows(2).map(|w| (w[0].x1, w[1].x0)))
        .filter(|&(a, b)| !gutters.iter().any(|&(left, right)| a < right && b > left))
        .collect();
    candidates.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut found: Vec<(f32, f32)> = Vec::new();
    for candidate in candidates {
        if found
            .iter()
            .any(|&(left, right)| candidate.0 < right && candidate.1 > left)
        {
            continue;
        }
        let mut channel = Some(candidate);
        for line in lines {
            channel = channel.and_then(|open| open_through(open, line, min));
        }
        let Some(channel) = channel else {
            continue;
        };
        let gaps = lines
            .iter()
            .filter(|line| {
                line.segments
                    .windows(2)
                    .any(|w| w[0].x1 <= channel.0 + min && w[1].x0 >= channel.1 - min)
            })
            .count();
        if gaps >= MIN_CHANNEL_LINES {
            found.push(channel);
        }
    }
    found
}

/// What a line leaves open of a channel: the widest part that no word of
/// the line covers, if at least `min` wide.
fn open_through((a, b): (f32, f32), line: &Line, min: f32) -> Option<(f32, f32)> {
    let mut open = vec![(a, b)];
    for segment in &line.segments {
        let mut words = Vec::with_capacity(segment.breaks.len() + 1);
        let mut from = segment.x0;
        for gap in &segment.breaks {
            words.push((from, gap.x0));
            from = gap.x1;
        }
        words.push((from, segment.x1));
        for (x0, x1) in words {
            open = open
                .into_iter()
                .flat_map(|(left, right)| {
                    if x1 <= left || x0 >= right {
                        vec![(left, right)]
                    } else {
                        [(left, x0), (x1, right)]
                            .into_iter()
                            .filter(|(l, r)| r > l)
                            .collect()
                    }
                })
                .collect();
        }
    }
    open.into_iter()
        .filter(|(left, right)| right - left >= min)
        .max_by(|x, y| (x.1 - x.0).total_cmp(&(y.1 - y.0)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Word;
    use crate::lines::build_lines;

    /// A line of a page of fixed pitch: each character one unit wide, size 3,
    /// as the aligned-text reader places them.
    fn dump_line(text: &str) -> Line {
        let mut words = Vec::new();
        let mut column = 0;
        for token in text.split(' ') {
            if !token.is_empty() {
                words.push(Word {
                    text: token.into(),
                    x0: column as f32,
                    x1: (column + token.chars().count()) as f32,
                    y: 10.0,
                    size: 3.0,
                    confidence: None,
                });
            }
            column += token.chars().count() + 1;
        }
        let refs: Vec<&Word> = words.iter().collect();
        build_lines(&refs, 0.45, Some(1.0)).remove(0)
    }

    #[test]
    fn a_piece_across_a_gutter_keeps_it_open_at_a_space_between_words() {
        let header = dump_line("Codice     Descrizione");
        let row = dump_line("01030101 Approvazione del   40");
        let gutter = (header.segments[0].x1, header.segments[1].x0);
        let open = narrowed(&[gutter], &row).expect("the space after the code keeps it open");
        assert_eq!(open, vec![(8.0, 9.0)]);
        let cut = cut_at_edges(&dump_line("01030101 Approvazione del   40"), &[8.4]);
        let texts: Vec<&str> = cut.segments.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["01030101", "Approvazione del", "40"]);
    }

    #[test]
    fn prose_across_a_gutter_closes_it() {
        let gutter = (6.0, 11.0);
        assert_eq!(
            narrowed(&[gutter], &dump_line("Il peso di ogni obiettivo")),
            None
        );
    }

    #[test]
    fn a_column_the_header_does_not_show_is_found_from_the_rows() {
        let lines = [
            dump_line("Obiettivo n.                       Peso"),
            dump_line("1          Bilancio di previsione  40"),
            dump_line("2          Riduzione dei tempi     60"),
        ];
        let header_gutter = (12.0, 35.0);
        let found = channels(&lines, &[header_gutter]);
        assert_eq!(found.len(), 1, "{found:?}");
        let (left, right) = found[0];
        assert!(left >= 1.0 && right <= 11.0, "{found:?}");
    }

    #[test]
    fn words_that_line_up_by_chance_make_no_column() {
        let lines = [
            dump_line("Primo obiettivo del settore   40"),
            dump_line("Altro obiettivo del comune    60"),
        ];
        assert!(channels(&lines, &[(27.0, 30.0)]).is_empty());
    }
}
