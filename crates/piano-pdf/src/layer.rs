//! OCR layers: scans whose words another program recognised and wrote over
//! the picture as invisible text (OCRmyPDF, a scanner's "searchable PDF").
//!
//! Such a program places each word on its own, stretched over the box it
//! was recognised in. Read letter by letter, as a born-digital page is, the
//! gaps between its words are as uneven as the scan's ink, and a word set a
//! little far from the next reads as a column of its own. So an OCR layer's
//! words go to the rebuild as recognised words do (piano-ocr): each word one
//! box, and a space drawn before each word that follows another on its line,
//! so that the rebuild parts two words however close, and cuts a cell
//! between them only where the gap is a gutter's.

use std::rc::Rc;

use piano_model::{Code, Diagnostic};
use piano_table::{Rule, Word, is_rule_bar};

use crate::interpret::{Glyph, Marks};
use crate::scan;

/// Share of a page's letters drawn invisible for its text to be an OCR layer.
const INVISIBLE: f32 = 0.9;

/// How far (a share of the size) one glyph may start from where the glyph
/// before it ended for both to be one word's: a program placing words one
/// by one starts each anew, where the scan's ink is.
const CONTIGUOUS: f32 = 0.05;

/// Whether the text of the page of `marks`, `width` × `height`, is an OCR
/// layer: a picture covers most of the page and nearly all of its letters
/// are drawn invisible.
pub(crate) fn is_ocr_layer(marks: &Marks, width: f32, height: f32) -> bool {
    let letters = || {
        marks
            .glyphs
            .iter()
            .filter(|glyph| !glyph.text.trim().is_empty())
    };
    let all = letters().count();
    let invisible = letters().filter(|glyph| glyph.invisible).count();
    all > 0
        && invisible as f32 >= INVISIBLE * all as f32
        && scan::picture_share(marks, width, height) >= scan::MOSTLY
}

/// The words of an OCR layer's `glyphs` (in content order), as the rebuild
/// takes recognised words: a word is a run of glyphs each starting where the
/// one before it ended, up to a space; its box reaches over the spaces that
/// begin or end its run, since the program stretched the word and its
/// spaces over the box it recognised.
pub(crate) fn words(glyphs: &[Glyph]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut current: Option<Reading> = None;
    let mut previous: Option<&Glyph> = None;
    // Where the spaces that begin a run begin: its first word's box
    // reaches back over them.
    let mut spaces_start: Option<f32> = None;
    for glyph in glyphs {
        let contiguous = previous.is_some_and(|before| {
            (glyph.x0 - before.x1).abs() <= CONTIGUOUS * glyph.size
                && (glyph.y - before.y).abs() <= CONTIGUOUS * glyph.size
        });
        previous = Some(glyph);
        if !contiguous {
            spaces_start = None;
            if let Some(reading) = current.take() {
                // The run ended: its last word's box reaches over its spaces.
                finish(&mut words, reading, true);
            }
        }
        if glyph.text.trim().is_empty() {
            match current.as_mut() {
                Some(reading) => reading.spaces_end = Some(glyph.x1),
                None => {
                    spaces_start.get_or_insert(glyph.x0);
                }
            }
            continue;
        }
        match current.as_mut() {
            Some(reading) if reading.spaces_end.is_none() => {
                reading.text.push_str(&glyph.text);
                reading.word.x1 = reading.word.x1.max(glyph.x1);
                reading.word.size = reading.word.size.max(glyph.size);
            }
            _ => {
                if let Some(reading) = current.take() {
                    // A word of the same run follows: this one ends at its letters.
                    finish(&mut words, reading, false);
                }
                current = Some(Reading {
                    text: glyph.text.to_string(),
                    word: Word {
                        text: Rc::from(""),
                        x0: spaces_start.take().unwrap_or(glyph.x0),
                        x1: glyph.x1,
                        y: glyph.y,
                        size: glyph.size,
                        confidence: None,
                    },
                    spaces_end: None,
                });
            }
        }
    }
    if let Some(reading) = current {
        finish(&mut words, reading, true);
    }
    fit_sizes(&mut words);
    words
}

/// The gap between two words of a line most fonts' spaces and bearings
/// leave, in font sizes: what the rebuild takes a word gap to be.
const WORD_SPACE: f32 = 0.3;

/// Gaps wider than this (in the program's sizes) are no word gaps: they
/// are left out of the measure.
const WIDEST_WORD_GAP: f32 = 1.5;

/// Scales the sizes of `words` so that their most common gap, between
/// words of one line, is a font's word gap. An OCR program sizes the text
/// it places in its own way (often a line's height, larger than the type),
/// and the rebuild measures every gap against the size: the gaps between
/// words on the scan, ink to ink, say what a word gap is in its sizes. Only
/// sizes that make word gaps look wide are scaled (up): a word gap read as
/// a gutter parts a cell, one read a little narrow does not.
fn fit_sizes(words: &mut [Word]) {
    let mut gaps: Vec<f32> = words
        .windows(2)
        .filter(|pair| (pair[1].y - pair[0].y).abs() <= 0.2 * pair[1].size)
        .map(|pair| (pair[1].x0 - pair[0].x1) / pair[0].size.max(pair[1].size))
        .filter(|gap| (0.0..WIDEST_WORD_GAP).contains(gap))
        .collect();
    if gaps.len() < 3 {
        return;
    }
    let middle = gaps.len() / 2;
    let (_, median, _) = gaps.select_nth_unstable_by(middle, f32::total_cmp);
    let scale = *median / WORD_SPACE;
    if scale > 1.0 {
        for word in words {
            word.size *= scale;
        }
    }
}

/// A word being read: its letters so far, its box, and where the spaces
/// after its letters end, once one is read.
struct Reading {
    text: String,
    word: Word,
    spaces_end: Option<f32>,
}

/// Adds the word `reading` read, its box reaching over its spaces when
/// `through_spaces`.
fn finish(words: &mut Vec<Word>, reading: Reading, through_spaces: bool) {
    let Reading {
        text,
        mut word,
        spaces_end,
    } = reading;
    word.text = Rc::from(text);
    if through_spaces && let Some(end) = spaces_end {
        word.x1 = word.x1.max(end);
    }
    words.push(word);
}

/// Characters an OCR program reads a table's rule as, beside or alone.
const RULE_MARKS: [char; 5] = ['|', '[', ']', '!', '¦'];

/// The `words` of an OCR layer's page as the rebuild takes them, with the
/// `rules` found in its picture: a rule the program read as a mark is
/// dropped (a word of marks a rule crosses, a mark at a word's edge or
/// within it where a rule passes, the word parted there), and a word that
/// follows another on its baseline comes after a lone space
/// ([`Word::space_before`]).
pub(crate) fn page_words(words: Vec<Word>, rules: &[Rule]) -> Vec<Word> {
    let mut page: Vec<Word> = Vec::with_capacity(words.len() * 2);
    let mut last: Option<(f32, f32)> = None;
    for word in words
        .into_iter()
        .flat_map(|word| parted_at_rule_marks(word, rules))
    {
        let follows = last.is_some_and(|(x1, y)| {
            (y - word.y).abs() <= 0.2 * word.size && x1 <= word.x0 + CONTIGUOUS * word.size
        });
        last = Some((word.x1, word.y));
        if follows {
            page.push(word.space_before());
        }
        page.push(word);
    }
    page
}

/// How far from a rule (a share of the size) a mark is taken for it: the
/// program boxes a mark read off a rule loosely, a few points beside the
/// rule's ink.
const MARK_REACH: f32 = 0.5;

/// The pieces of `word` between the rule marks in it where a vertical rule
/// of `rules` passes (each letter taken to fill an equal share of the
/// word's box, as the program stretched them), or a bar at its edge, a
/// rule's mark wherever it is ([`is_rule_bar`]): the word itself when it
/// has no such mark, nothing when it is all marks.
fn parted_at_rule_marks(word: Word, rules: &[Rule]) -> Vec<Word> {
    let on_rule = |x0: f32, x1: f32| {
        let reach = MARK_REACH * word.size;
        rules.iter().any(|rule| match *rule {
            Rule::Vertical { x, y0, y1 } => {
                x >= x0 - reach && x <= x1 + reach && y0 <= word.y && word.y - word.size <= y1
            }
            Rule::Horizontal { .. } => false,
        })
    };
    let letters: Vec<char> = word.text.chars().collect();
    let width = (word.x1 - word.x0) / letters.len().max(1) as f32;
    let cuts: Vec<usize> = (letters.iter().enumerate())
        .filter(|(at, letter)| {
            let x0 = word.x0 + width * *at as f32;
            let at_edge = *at == 0 || *at + 1 == letters.len();
            (RULE_MARKS.contains(letter) && on_rule(x0, x0 + width))
                || (at_edge && is_rule_bar(**letter))
        })
        .map(|(at, _)| at)
        .collect();
    if cuts.is_empty() {
        return vec![word];
    }
    let bounds = std::iter::once(None)
        .chain(cuts.iter().copied().map(Some))
        .zip(cuts.iter().copied().map(Some).chain([None]));
    bounds
        .filter_map(|(after, before)| {
            let start = after.map_or(0, |cut| cut + 1);
            let end = before.unwrap_or(letters.len());
            (start < end).then(|| Word {
                text: Rc::from(letters[start..end].iter().collect::<String>()),
                x0: word.x0 + width * start as f32,
                x1: word.x0 + width * end as f32,
                ..word.clone()
            })
        })
        .collect()
}

/// The info diagnostic saying which `pages` were read from an OCR layer.
pub(crate) fn diagnostic(pages: &[u32]) -> Option<Diagnostic> {
    let first = *pages.first()?;
    let listed = pages
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ");
    let which = if pages.len() == 1 { "page" } else { "pages" };
    let mut diagnostic = Diagnostic::new(
        Code::OcrLayer,
        format!(
            "the text of {which} {listed} is an OCR layer another program made (invisible words \
             over a scan): read word by word as it placed them; how sure it was of each word is \
             not known, so nothing is repaired and its misreadings stay as written"
        ),
    );
    diagnostic.page = Some(first);
    Some(diagnostic)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The glyphs of `text` from `x`, each `advance` wide, on the baseline at `y`.
    fn shown(text: &str, x: f32, advance: f32, y: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(index, letter)| {
                let x0 = x + advance * index as f32;
                Glyph {
                    text: Rc::from(letter.to_string()),
                    x0,
                    x1: x0 + advance,
                    y,
                    size: 8.0,
                    run: [(x0, y), (x0 + advance, y)],
                    invisible: true,
                }
            })
            .collect()
    }

    fn texts(words: &[Word]) -> Vec<&str> {
        words.iter().map(|word| &*word.text).collect()
    }

    /// The layer's words of `glyphs` as the rebuild takes them, with no rule.
    fn read(glyphs: &[Glyph]) -> Vec<Word> {
        page_words(words(glyphs), &[])
    }

    #[test]
    fn each_word_placed_on_its_own_is_one_word_over_its_box() {
        // Words stretched with their space over their boxes, 4 points apart
        // (half the size): read letter by letter, a gap of 10 points.
        let mut glyphs = shown("Alfa ", 10.0, 6.0, 100.0);
        glyphs.extend(shown("beta ", 44.0, 5.0, 100.0));
        let words = read(&glyphs);
        assert_eq!(texts(&words), ["Alfa", " ", "beta"]);
        assert_eq!((words[0].x0, words[0].x1), (10.0, 40.0));
        assert_eq!((words[2].x0, words[2].x1), (44.0, 69.0));
        // The space lies in the gap, just left of the word it comes before.
        assert!(words[1].x0 > words[0].x1 && words[1].x1 == words[2].x0);
    }

    #[test]
    fn a_word_stretched_with_a_space_before_it_reaches_over_it() {
        let words = read(&shown(" Alfa ", 10.0, 5.0, 100.0));
        assert_eq!(texts(&words), ["Alfa"]);
        assert_eq!((words[0].x0, words[0].x1), (10.0, 40.0));
    }

    #[test]
    fn a_word_on_another_line_comes_after_no_space() {
        let mut glyphs = shown("Alfa ", 10.0, 6.0, 100.0);
        glyphs.extend(shown("beta ", 10.0, 6.0, 112.0));
        assert_eq!(texts(&read(&glyphs)), ["Alfa", "beta"]);
    }

    #[test]
    fn a_line_shown_in_one_run_is_parted_at_its_spaces() {
        let words = read(&shown("Alfa beta", 10.0, 6.0, 100.0));
        assert_eq!(texts(&words), ["Alfa", " ", "beta"]);
        assert_eq!(words[0].x1, 34.0);
    }

    #[test]
    fn rule_marks_go_where_a_rule_passes_only() {
        // "|Alfa" read over the rule at 10, "beta]" ending at the rule at 70,
        // a "|" alone on the rule at 100; "gamma!" ends where no rule is.
        let mut glyphs = shown("|Alfa ", 10.0, 5.0, 100.0);
        glyphs.extend(shown("beta] ", 40.0, 5.0, 100.0));
        glyphs.extend(shown("| ", 99.0, 2.0, 100.0));
        glyphs.extend(shown("gamma! ", 110.0, 5.0, 100.0));
        let rule = |x| Rule::Vertical {
            x,
            y0: 50.0,
            y1: 150.0,
        };
        let rules = [rule(10.0), rule(70.0), rule(100.0)];
        let cleared = page_words(words(&glyphs), &rules);
        assert_eq!(texts(&cleared), ["Alfa", " ", "beta", " ", "gamma!"]);
        assert_eq!(cleared[0].x0, 15.0);
        // With no rule, a bracket or a "!" stays: it may be the document's
        // own. A bar at a word's edge or alone never is: it goes.
        let kept = read(&glyphs);
        assert_eq!(texts(&kept), ["Alfa", " ", "beta]", " ", "gamma!"]);
        // A rule above the line, not crossing it, takes no mark.
        let mut bracketed = shown("[Alfa ", 10.0, 5.0, 100.0);
        bracketed.extend(shown("beta ", 40.0, 5.0, 100.0));
        let above = [Rule::Vertical {
            x: 10.0,
            y0: 0.0,
            y1: 50.0,
        }];
        assert_eq!(texts(&page_words(words(&bracketed), &above))[0], "[Alfa");
    }

    #[test]
    fn a_word_read_across_a_rule_is_parted_at_its_mark() {
        // "30/06|40%" read as one word over the rule at 27.5 (the mark's
        // letter spans 25 to 30).
        let glyphs = shown("30/06|40%", 0.0, 5.0, 100.0);
        let rule = Rule::Vertical {
            x: 27.5,
            y0: 50.0,
            y1: 150.0,
        };
        let parted = page_words(words(&glyphs), &[rule]);
        assert_eq!(texts(&parted), ["30/06", " ", "40%"]);
        assert_eq!((parted[0].x1, parted[2].x0), (25.0, 30.0));
        assert_eq!(texts(&read(&glyphs)), ["30/06|40%"]);
    }

    #[test]
    fn text_is_an_ocr_layer_only_when_invisible_over_a_picture() {
        use crate::geometry::Matrix;
        use crate::placement::Placement;
        let scan = vec![scan::Drawn {
            id: (1, 0),
            placement: Placement::of(&Matrix::new([595.0, 0.0, 0.0, 842.0, 0.0, 0.0])),
        }];
        let glyphs = shown("Alfa beta", 10.0, 6.0, 100.0);
        let marks = |glyphs: Vec<Glyph>, pictures: Vec<scan::Drawn>| Marks {
            glyphs,
            pictures,
            ..Marks::default()
        };
        assert!(is_ocr_layer(
            &marks(glyphs.clone(), scan.clone()),
            595.0,
            842.0
        ));
        // Invisible text with no scan under it, or visible text over a picture.
        assert!(!is_ocr_layer(
            &marks(glyphs.clone(), Vec::new()),
            595.0,
            842.0
        ));
        let visible = glyphs
            .into_iter()
            .map(|glyph| Glyph {
                invisible: false,
                ..glyph
            })
            .collect();
        assert!(!is_ocr_layer(&marks(visible, scan), 595.0, 842.0));
    }

    #[test]
    fn the_diagnostic_names_the_pages() {
        assert!(diagnostic(&[]).is_none());
        let said = diagnostic(&[1, 3]).expect("pages were read from a layer");
        assert_eq!(said.code, Code::OcrLayer);
        assert_eq!(said.page, Some(1));
        assert!(said.message.contains("pages 1, 3 is"), "{}", said.message);
    }
}
