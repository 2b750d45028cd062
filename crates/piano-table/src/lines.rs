//! Glyphs to visual lines: words on one baseline, in x order, with spaces
//! where the font drew one or where the gap between words is a word gap.

use crate::Word;
pub(crate) use number::row_number;
use wide::{LineGaps, page_space};

mod number;
mod wide;

/// A gap wider than this share of the font size separates words.
pub(crate) const WORD_GAP: f32 = 0.17;
/// Glyphs whose baselines differ by less than this share of the size share a line.
const BASELINE_TOLERANCE: f32 = 0.4;

/// A piece of a line between wide gaps (a cell of a borderless table).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    /// Its text, without leading or trailing spaces.
    pub text: String,
    /// Left edge of its first word.
    pub x0: f32,
    /// Right edge of its last word.
    pub x1: f32,
    /// The lowest confidence of its words, where the reader knows it.
    pub confidence: Option<f32>,
    /// The spaces between its words: where a column edge may still cut it
    /// (columns set one space apart, as a text dump prints them).
    pub breaks: Vec<Break>,
}

/// A space between two words of a segment.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Break {
    /// Byte offset of the space in the segment's text.
    pub at: usize,
    /// Right edge of the word before.
    pub x0: f32,
    /// Left edge of the word after.
    pub x1: f32,
}

impl Segment {
    /// An empty segment where `word` begins; the word's text is added by the caller.
    fn starting_at(word: &Word) -> Segment {
        Segment {
            text: String::new(),
            x0: word.x0,
            x1: word.x1,
            confidence: None,
            breaks: Vec::new(),
        }
    }

    /// Where each of its words lies, left to right: from the piece's left
    /// edge or the end of a space to the next space or the piece's right edge.
    pub fn word_extents(&self) -> impl Iterator<Item = (f32, f32)> + '_ {
        let starts = std::iter::once(self.x0).chain(self.breaks.iter().map(|space| space.x1));
        let ends = self.breaks.iter().map(|space| space.x0).chain([self.x1]);
        starts.zip(ends)
    }

    /// Its words, last to first, without gathering them: the tests that
    /// look at a piece's end read no further than they need.
    pub fn words_from_end(&self) -> impl Iterator<Item = &str> + '_ {
        let ends =
            std::iter::once(self.text.len()).chain(self.breaks.iter().rev().map(|space| space.at));
        let starts = self
            .breaks
            .iter()
            .rev()
            .map(|space| space.at + 1)
            .chain([0]);
        ends.zip(starts).map(|(end, start)| &self.text[start..end])
    }

    /// Its last word (all of it when it has no space).
    pub fn last_word(&self) -> &str {
        let start = self.breaks.last().map_or(0, |space| space.at + 1);
        &self.text[start..]
    }

    /// How many words it has.
    pub fn word_count(&self) -> usize {
        self.breaks.len() + 1
    }

    /// Its words, each with where it ends.
    pub fn words(&self) -> Vec<(&str, f32)> {
        let starts = std::iter::once(0).chain(self.breaks.iter().map(|space| space.at + 1));
        let ends = self
            .breaks
            .iter()
            .map(|space| (space.at, space.x0))
            .chain([(self.text.len(), self.x1)]);
        starts
            .zip(ends)
            .map(|(start, (end, x1))| (&self.text[start..end], x1))
            .collect()
    }

    /// The segment with `next`, the piece after it on its line, joined to
    /// it one space apart.
    pub fn joined(&self, next: &Segment) -> Segment {
        let shift = self.text.len() + 1;
        let mut breaks = self.breaks.clone();
        breaks.push(Break {
            at: self.text.len(),
            x0: self.x1,
            x1: next.x0,
        });
        breaks.extend(next.breaks.iter().map(|b| Break {
            at: b.at + shift,
            ..*b
        }));
        Segment {
            text: format!("{} {}", self.text, next.text),
            x0: self.x0,
            x1: next.x1,
            confidence: lowest(self.confidence, next.confidence),
            breaks,
        }
    }

    /// The segment moved `shift` right, its breaks with it.
    pub fn shifted(&self, shift: f32) -> Segment {
        let mut moved = self.clone();
        moved.x0 += shift;
        moved.x1 += shift;
        for space in &mut moved.breaks {
            space.x0 += shift;
            space.x1 += shift;
        }
        moved
    }

    /// The segment cut at one of its breaks: the words before and after.
    pub fn split(&self, cut: usize) -> (Segment, Segment) {
        let at = self.breaks[cut];
        let before = Segment {
            text: self.text[..at.at].to_string(),
            x0: self.x0,
            x1: at.x0,
            confidence: self.confidence,
            breaks: self.breaks[..cut].to_vec(),
        };
        let shift = at.at + 1;
        let after = Segment {
            text: self.text[shift..].to_string(),
            x0: at.x1,
            x1: self.x1,
            confidence: self.confidence,
            breaks: self.breaks[cut + 1..]
                .iter()
                .map(|b| Break {
                    at: b.at - shift,
                    ..*b
                })
                .collect(),
        };
        (before, after)
    }
}

/// One visual line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    /// Pieces split at gaps wider than the split gap, left to right.
    pub segments: Vec<Segment>,
    /// Baseline.
    pub y: f32,
    /// Largest font size on the line.
    pub size: f32,
    /// The producer drew a space after the last word (LibreOffice keeps
    /// the space at a wrap; a hyphen before it is then a real hyphen).
    pub trailing_space: bool,
    /// The page's character width, where it is a grid of fixed-pitch
    /// characters (see [`Page::pitch`](crate::Page::pitch)).
    pub pitch: Option<f32>,
}

impl Line {
    /// The line with other pieces in its place (cut or moved), its baseline,
    /// size and grid kept.
    pub fn with_segments(&self, segments: Vec<Segment>) -> Line {
        Line {
            segments,
            y: self.y,
            size: self.size,
            trailing_space: self.trailing_space,
            pitch: self.pitch,
        }
    }

    /// Whether the line opens with a figure or a piece that is a row number
    /// ("IV", "II.1", "A.2"): a row's number or code, where a header or a
    /// label opens with a word.
    pub fn is_numbered(&self) -> bool {
        self.segments.first().is_some_and(|piece| {
            piece.text.starts_with(|c: char| c.is_ascii_digit())
                || row_number(&piece.text).is_some()
        })
    }

    /// Whether a blank line sets the line apart from `above` (the line
    /// before it): a gap wider than line spacing at the larger font size.
    pub fn is_set_apart_from(&self, above: &Line) -> bool {
        self.y - above.y > crate::region::LINE_SPACING * self.size.max(above.size)
    }

    /// Whether any of the line's pieces holds a figure (a header's do not).
    pub fn has_a_figure(&self) -> bool {
        self.segments
            .iter()
            .any(|piece| piece.text.contains(|c: char| c.is_ascii_digit()))
    }

    /// The whole line, its segments joined by one space.
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self.segments.iter().map(|s| s.text.as_str()).collect();
        texts.join(" ")
    }
}

/// Groups words into lines, top to bottom. `split_gap` (a share of the
/// font size) cuts a line into segments; `f32::INFINITY` keeps it whole.
/// On a page of fixed `pitch` the spaces between words are kept as breaks,
/// where a column edge may cut a segment.
pub(crate) fn build_lines(words: &[&Word], split_gap: f32, pitch: Option<f32>) -> Vec<Line> {
    let mut sorted: Vec<&Word> = words.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut clusters: Vec<Vec<&Word>> = Vec::new();
    for word in sorted {
        let joins = clusters.last().is_some_and(|cluster| {
            let anchor = cluster[0];
            (word.y - anchor.y).abs() <= BASELINE_TOLERANCE * word.size.max(anchor.size)
        });
        match clusters.last_mut() {
            Some(cluster) if joins => cluster.push(word),
            _ => clusters.push(vec![word]),
        }
    }
    for cluster in &mut clusters {
        cluster.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    // A font whose spaces are wider than the piece gap (a monospaced one)
    // parts pieces at gaps that are no space of it. A dump's page has its
    // pitch instead.
    let gaps: Vec<LineGaps> = match pitch {
        None => clusters
            .iter()
            .map(|cluster| LineGaps::of(cluster, split_gap))
            .collect(),
        Some(_) => Vec::new(),
    };
    let page_space = page_space(&gaps);
    clusters
        .iter()
        .enumerate()
        .filter_map(|(at, cluster)| {
            let space = gaps.get(at).and_then(|gaps| gaps.space(page_space));
            line_of(cluster, split_gap, pitch, space)
        })
        .collect()
}

/// The line of `words` (left to right); `wide_space` is the width of its
/// font's spaces where they are wider than `split_gap` (see [`wide`]).
fn line_of(
    words: &[&Word],
    split_gap: f32,
    pitch: Option<f32>,
    wide_space: Option<f32>,
) -> Option<Line> {
    let size = words.iter().map(|g| g.size).fold(0.0, f32::max);
    let y = words.iter().map(|g| g.y).sum::<f32>() / words.len() as f32;
    let split_gap = split_gap.max(wide_space.map_or(0.0, wide::split_over));
    let mut segments: Vec<Segment> = Vec::new();
    let mut space = false;
    let mut previous: Option<&Word> = None;
    for word in words {
        if word.text.trim().is_empty() {
            space = true;
            continue;
        }
        if let Some(prev) = previous {
            // Fake bold: the same word drawn again almost on top of itself.
            if prev.text == word.text && (word.x0 - prev.x0).abs() < 0.15 * word.size {
                continue;
            }
            let gap = word.x0 - prev.x1;
            let em = word.size.max(prev.size);
            let narrower = wide_space.is_some_and(|wide| wide::narrower_than(gap / em, wide));
            if gap > split_gap * em || narrower {
                segments.push(Segment::starting_at(word));
                space = false;
            } else if gap > WORD_GAP * em {
                space = true;
            }
        }
        let segment = match segments.last_mut() {
            Some(segment) => segment,
            None => {
                segments.push(Segment::starting_at(word));
                segments.last_mut()?
            }
        };
        if space && !segment.text.is_empty() {
            if pitch.is_some() {
                segment.breaks.push(Break {
                    at: segment.text.len(),
                    x0: segment.x1,
                    x1: word.x0,
                });
            }
            segment.text.push(' ');
        }
        segment.text.push_str(&word.text);
        segment.x1 = segment.x1.max(word.x1);
        segment.confidence = lowest(segment.confidence, word.confidence);
        space = false;
        previous = Some(word);
    }
    if segments.is_empty() {
        return None;
    }
    Some(Line {
        segments,
        y,
        size,
        trailing_space: space,
        pitch,
    })
}

/// Joins the wrapped lines of one cell: one space between lines, none after
/// a hyphen or a slash the producer did not follow with a space ("INI-" +
/// "PEC", "31/12/" + "2023") and none before closing punctuation ("(50%" +
/// ")").
pub(crate) fn join_wrapped(text: &mut String, trailing_space: bool, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let glued = (text.ends_with('-') && !trailing_space && !text.ends_with(" -"))
        || (text.ends_with('/') && !trailing_space)
        || next.starts_with([')', ']', '}', ',', ';', '.', ':']);
    if !text.is_empty() && !glued {
        text.push(' ');
    }
    text.push_str(next);
}

/// [`join_wrapped`] with `next` given whole: moved in, not copied, when
/// `text` is still empty and `next` has no spaces at its ends, as a cell's
/// first line is (most cells have one line).
pub(crate) fn join_wrapped_owned(text: &mut String, trailing_space: bool, next: String) {
    if text.is_empty() && next.trim().len() == next.len() {
        *text = next;
    } else {
        join_wrapped(text, trailing_space, &next);
    }
}

/// The lower of two confidences, either of which may be unknown.
pub(crate) fn lowest(a: Option<f32>, b: Option<f32>) -> Option<f32> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Lines of a text dump as the aligned-text reader places them (each
/// character one unit wide, size 3, line `k` at baseline `3.6 k`), for the
/// rebuild's unit tests.
#[cfg(test)]
pub(crate) fn dump_lines(text: &str) -> Vec<Line> {
    let mut words = Vec::new();
    for (row, line) in text.lines().enumerate() {
        let mut column = 0;
        for token in line.split(' ') {
            if !token.is_empty() {
                words.push(Word {
                    text: token.into(),
                    x0: column as f32,
                    x1: (column + token.chars().count()) as f32,
                    y: 3.6 * (row + 1) as f32,
                    size: 3.0,
                    confidence: None,
                });
            }
            column += token.chars().count() + 1;
        }
    }
    let refs: Vec<&Word> = words.iter().collect();
    build_lines(&refs, 0.45, Some(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, x: f32, y: f32, advance: f32) -> Vec<Word> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Word {
                text: c.to_string().into(),
                x0: x + i as f32 * advance,
                x1: x + (i + 1) as f32 * advance,
                y,
                size: 10.0,
                confidence: None,
            })
            .collect()
    }

    #[test]
    fn words_split_at_spaces_and_gaps_and_lines_at_baselines() {
        let mut all = words("Peso %", 10.0, 100.0, 5.0);
        all.extend(words("ab", 100.0, 100.5, 5.0));
        all.extend(words("cd", 113.0, 100.0, 5.0));
        all.extend(words("next", 10.0, 112.0, 5.0));
        let refs: Vec<&Word> = all.iter().collect();
        let lines = build_lines(&refs, f32::INFINITY, None);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "Peso % ab cd");
        assert_eq!(lines[1].text(), "next");
        let split = build_lines(&refs, 2.0, None);
        assert_eq!(split[0].segments.len(), 2);
        assert_eq!(split[0].segments[1].text, "ab cd");
    }

    #[test]
    fn a_line_given_whole_joins_as_one_borrowed() {
        for (text, trailing_space, next) in [
            ("", false, "Avvio"),
            ("", false, " Avvio "),
            ("", false, ""),
            ("INI-", false, "PEC"),
            ("Fase", true, "(50%"),
        ] {
            let (mut borrowed, mut owned) = (text.to_owned(), text.to_owned());
            join_wrapped(&mut borrowed, trailing_space, next);
            join_wrapped_owned(&mut owned, trailing_space, next.to_owned());
            assert_eq!(owned, borrowed, "{text:?} + {next:?}");
        }
    }

    #[test]
    fn a_piece_read_from_its_end_gives_the_words_it_gathers() {
        let mut all = words("Peso 20 %", 10.0, 100.0, 5.0);
        all.extend(words("solo", 100.0, 112.0, 5.0));
        let refs: Vec<&Word> = all.iter().collect();
        for line in build_lines(&refs, 2.0, None) {
            for piece in &line.segments {
                let mut gathered: Vec<&str> = piece.words().iter().map(|(w, _)| *w).collect();
                assert_eq!(piece.word_count(), gathered.len());
                assert_eq!(Some(piece.last_word()), gathered.last().copied());
                gathered.reverse();
                assert_eq!(piece.words_from_end().collect::<Vec<_>>(), gathered);
            }
        }
    }

    #[test]
    fn a_monospaced_line_parts_pieces_at_gaps_that_are_no_space() {
        // Spaces 0.6 of the size wide, cells set one narrow padding or a
        // wide gap apart.
        let advance = 6.0;
        let mut all = words("Avvio del piano", 0.0, 100.0, advance);
        let second = 15.0 * advance + 3.0;
        all.extend(words("Dott. Rossi", second, 100.0, advance));
        let third = second + 11.0 * advance + 14.0;
        all.extend(words("Atti firmati", third, 100.0, advance));
        // Each line's pieces, read at the piece gap of a page.
        let pieces = |words: &[Word]| -> Vec<Vec<String>> {
            let refs: Vec<&Word> = words.iter().collect();
            build_lines(&refs, 0.45, None)
                .iter()
                .map(|line| line.segments.iter().map(|s| s.text.clone()).collect())
                .collect()
        };
        assert_eq!(
            pieces(&all)[0],
            ["Avvio del piano", "Dott. Rossi", "Atti firmati"]
        );
        // A line of few words takes the spaces of the page's other lines.
        let prose = "Il piano assegna gli obiettivi ai servizi";
        let mut page = words(prose, 0.0, 80.0, advance);
        page.extend(words("Valore atteso", 0.0, 100.0, advance));
        page.extend(words("Punti", 14.0 * advance + 9.0, 100.0, advance));
        assert_eq!(pieces(&page)[1], ["Valore atteso", "Punti"]);
        // Spaces of a common width (a third of the size) part nothing.
        let common = words("Avvio del piano e altro", 0.0, 100.0, 3.3);
        assert_eq!(pieces(&common)[0].len(), 1);
    }

    #[test]
    fn a_line_is_numbered_by_a_figure_or_a_piece_that_is_a_row_number() {
        let numbered = |text: &str| dump_lines(text)[0].is_numbered();
        assert!(numbered("3    Testo    20%"));
        assert!(numbered("II.1  Testo    20%"));
        assert!(numbered("IV    Testo    20%"));
        assert!(!numbered("I servizi comunali    Testo"));
        assert!(!numbered("Area    Testo"));
    }

    #[test]
    fn wrapped_lines_join_with_one_space_but_keep_hyphens() {
        let mut text = "INI-".to_string();
        join_wrapped(&mut text, false, "PEC");
        assert_eq!(text, "INI-PEC");
        let mut text = "INI-".to_string();
        join_wrapped(&mut text, true, "PEC");
        assert_eq!(text, "INI- PEC");
        let mut text = "(50%".to_string();
        join_wrapped(&mut text, false, ")");
        assert_eq!(text, "(50%)");
        let mut text = "31/12/".to_string();
        join_wrapped(&mut text, false, "2023");
        assert_eq!(text, "31/12/2023");
        let mut text = "Fase 1 -".to_string();
        join_wrapped(&mut text, false, "verifica");
        assert_eq!(text, "Fase 1 - verifica");
    }
}
