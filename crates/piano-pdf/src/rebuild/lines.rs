//! Glyphs to visual lines: glyphs on one baseline, in x order, with spaces
//! where the font drew one or where the gap between glyphs is a word gap.

use crate::interpret::Glyph;

/// A gap wider than this share of the font size separates words.
const WORD_GAP: f32 = 0.17;
/// Glyphs whose baselines differ by less than this share of the size share a line.
const BASELINE_TOLERANCE: f32 = 0.4;

/// A piece of a line between wide gaps (a cell of a borderless table).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Segment {
    /// Its text, without leading or trailing spaces.
    pub text: String,
    /// Left edge of its first glyph.
    pub x0: f32,
    /// Right edge of its last glyph.
    pub x1: f32,
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
    /// The producer drew a space after the last glyph (LibreOffice keeps
    /// the space at a wrap; a hyphen before it is then a real hyphen).
    pub trailing_space: bool,
}

impl Line {
    /// The whole line, its segments joined by one space.
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self.segments.iter().map(|s| s.text.as_str()).collect();
        texts.join(" ")
    }
}

/// Groups glyphs into lines, top to bottom. `split_gap` (a share of the
/// font size) cuts a line into segments; `f32::INFINITY` keeps it whole.
pub(crate) fn build_lines(glyphs: &[&Glyph], split_gap: f32) -> Vec<Line> {
    let mut sorted: Vec<&Glyph> = glyphs.to_vec();
    sorted.sort_by(|a, b| a.y.total_cmp(&b.y));
    let mut clusters: Vec<Vec<&Glyph>> = Vec::new();
    for glyph in sorted {
        let joins = clusters.last().is_some_and(|cluster| {
            let anchor = cluster[0];
            (glyph.y - anchor.y).abs() <= BASELINE_TOLERANCE * glyph.size.max(anchor.size)
        });
        match clusters.last_mut() {
            Some(cluster) if joins => cluster.push(glyph),
            _ => clusters.push(vec![glyph]),
        }
    }
    clusters
        .into_iter()
        .filter_map(|mut cluster| {
            cluster.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            line_of(&cluster, split_gap)
        })
        .collect()
}

fn line_of(glyphs: &[&Glyph], split_gap: f32) -> Option<Line> {
    let size = glyphs.iter().map(|g| g.size).fold(0.0, f32::max);
    let y = glyphs.iter().map(|g| g.y).sum::<f32>() / glyphs.len() as f32;
    let mut segments: Vec<Segment> = Vec::new();
    let mut space = false;
    let mut previous: Option<&Glyph> = None;
    for glyph in glyphs {
        if glyph.text.trim().is_empty() {
            space = true;
            continue;
        }
        if let Some(prev) = previous {
            // Fake bold: the same glyph drawn again almost on top of itself.
            if prev.text == glyph.text && (glyph.x0 - prev.x0).abs() < 0.15 * glyph.size {
                continue;
            }
            let gap = glyph.x0 - prev.x1;
            let em = glyph.size.max(prev.size);
            if gap > split_gap * em {
                segments.push(Segment {
                    text: String::new(),
                    x0: glyph.x0,
                    x1: glyph.x1,
                });
                space = false;
            } else if gap > WORD_GAP * em {
                space = true;
            }
        }
        let segment = match segments.last_mut() {
            Some(segment) => segment,
            None => {
                segments.push(Segment {
                    text: String::new(),
                    x0: glyph.x0,
                    x1: glyph.x1,
                });
                segments.last_mut()?
            }
        };
        if space && !segment.text.is_empty() {
            segment.text.push(' ');
        }
        segment.text.push_str(&glyph.text);
        segment.x1 = segment.x1.max(glyph.x1);
        space = false;
        previous = Some(glyph);
    }
    if segments.is_empty() {
        return None;
    }
    Some(Line {
        segments,
        y,
        size,
        trailing_space: space,
    })
}

/// Joins the wrapped lines of one cell: one space between lines, none after
/// a hyphen the producer did not follow with a space ("INI-" + "PEC") and
/// none before closing punctuation ("(50%" + ")").
pub(crate) fn join_wrapped(text: &mut String, trailing_space: bool, next: &str) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    let glued = (text.ends_with('-') && !trailing_space && !text.ends_with(" -"))
        || next.starts_with([')', ']', '}', ',', ';', '.', ':']);
    if !text.is_empty() && !glued {
        text.push(' ');
    }
    text.push_str(next);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyphs(text: &str, x: f32, y: f32, advance: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string().into(),
                x0: x + i as f32 * advance,
                x1: x + (i + 1) as f32 * advance,
                y,
                size: 10.0,
                run: [
                    (x + i as f32 * advance, y),
                    (x + (i + 1) as f32 * advance, y),
                ],
            })
            .collect()
    }

    #[test]
    fn words_split_at_spaces_and_gaps_and_lines_at_baselines() {
        let mut all = glyphs("Peso %", 10.0, 100.0, 5.0);
        all.extend(glyphs("ab", 100.0, 100.5, 5.0));
        all.extend(glyphs("cd", 113.0, 100.0, 5.0));
        all.extend(glyphs("next", 10.0, 112.0, 5.0));
        let refs: Vec<&Glyph> = all.iter().collect();
        let lines = build_lines(&refs, f32::INFINITY);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "Peso % ab cd");
        assert_eq!(lines[1].text(), "next");
        let split = build_lines(&refs, 2.0);
        assert_eq!(split[0].segments.len(), 2);
        assert_eq!(split[0].segments[1].text, "ab cd");
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
        let mut text = "Fase 1 -".to_string();
        join_wrapped(&mut text, false, "verifica");
        assert_eq!(text, "Fase 1 - verifica");
    }
}
