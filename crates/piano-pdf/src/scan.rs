//! Pages that are pictures of text (scans): which pages are handed to
//! recognition, and the picture each hands over, decoded only when asked.
//!
//! By default ([`Recognition::Scans`]) a page is a scan when it has no text
//! and a picture covers a tenth of it or more, or when a picture covers most
//! of it ([`MOSTLY`]) and its text covers little ([`LITTLE`]): a protocol
//! stamp or a "firmato digitalmente" line written over a scan. Such a page
//! keeps the text it has, the recognised words added to it.

use image::GrayImage;
use lopdf::{Document, ObjectId, Stream};
use piano_table::{Rule, Word};

use crate::interpret::{Glyph, Marks};
use crate::picture;
use crate::placement::Placement;

/// Share of the page a picture covers for a page with text to be a scan.
const MOSTLY: f32 = 0.5;
/// Share of the page the text of a scan covers at most (a stamp, a signature line).
const LITTLE: f32 = 0.03;
/// Share of a page without text a picture covers for the page to be a scan
/// (a lone logo is not).
const SOME: f32 = 0.1;

/// Which pages' pictures are recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recognition {
    /// None: a page that is only a picture is reported (`no-text-layer`).
    Never,
    /// The scans (see the module's doc): the default.
    Scans,
    /// Every page drawn with a picture, its text layer set aside.
    Every,
}

/// An image drawn on a page, as the content stream placed it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Drawn {
    /// The image XObject.
    pub id: ObjectId,
    /// Where it lands on the page.
    pub placement: Placement,
}

/// What recognition is to read of a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Choice {
    /// The picture read: the page's largest.
    pub picture: Drawn,
    /// Whether the page's own text stays beside the recognised words.
    pub keeps_text: bool,
    /// How many pictures the page draws.
    pub pictures: usize,
}

/// Whether the page of `marks`, `width` × `height`, is recognised, and how.
pub(crate) fn choose(
    marks: &Marks,
    width: f32,
    height: f32,
    recognition: Recognition,
) -> Option<Choice> {
    let page = width * height;
    let covered = |drawn: &Drawn| drawn.placement.area_within(width, height);
    let largest = marks
        .pictures
        .iter()
        .max_by(|a, b| covered(a).total_cmp(&covered(b)))?;
    let share = covered(largest) / page.max(1.0);
    let text = text_area(&marks.glyphs) / page.max(1.0);
    let keeps_text = match recognition {
        Recognition::Never => return None,
        Recognition::Every => false,
        Recognition::Scans if text == 0.0 && share >= SOME => true,
        Recognition::Scans if share >= MOSTLY && text <= LITTLE => true,
        Recognition::Scans => return None,
    };
    Some(Choice {
        picture: *largest,
        keeps_text,
        pictures: marks.pictures.len(),
    })
}

/// The area the glyphs' boxes cover.
fn text_area(glyphs: &[Glyph]) -> f32 {
    glyphs
        .iter()
        .filter(|glyph| !glyph.text.trim().is_empty())
        .map(|glyph| (glyph.x1 - glyph.x0).abs() * glyph.size)
        .sum()
}

/// A page's picture handed to recognition. It is decoded only by
/// [`PagePicture::decode`], so that pictures can be decoded and recognised
/// a few at a time, in parallel.
#[derive(Debug, Clone, Copy)]
pub struct PagePicture<'a> {
    pub(crate) doc: &'a Document,
    pub(crate) stream: &'a Stream,
    pub(crate) placement: Placement,
    pub(crate) page: u32,
}

impl PagePicture<'_> {
    /// The 1-based page the picture is drawn on.
    pub fn page(&self) -> u32 {
        self.page
    }

    /// The picture's pixels, grey, turned as they stand on the page (a
    /// page shown with `/Rotate` or an image drawn turned is set upright as
    /// the page shows it).
    pub fn decode(&self) -> Result<GrayImage, crate::PdfError> {
        picture::decode(self.doc, self.stream)
            .map(|image| self.placement.upright(image))
            .map_err(|reason| crate::PdfError::Picture {
                page: self.page,
                reason,
            })
    }
}

/// What recognition read of a [`PagePicture`], in the pixels of the image
/// [`PagePicture::decode`] gave (origin top-left, y down).
#[derive(Debug, Clone, Default)]
pub struct PictureText {
    /// The image's width, in pixels.
    pub columns: u32,
    /// The image's height, in pixels.
    pub rows: u32,
    /// The words read, each with its confidence.
    pub words: Vec<Word>,
    /// The table rules found in the image.
    pub rules: Vec<Rule>,
}

impl PictureText {
    /// The words and rules moved from the picture's pixels onto the page,
    /// where `placement` drew it (the picture's top-left corner at the box's).
    pub(crate) fn onto_page(self, placement: &Placement) -> (Vec<Word>, Vec<Rule>) {
        let to_page = placement.page_point(self.columns, self.rows);
        let scale = placement.scale(self.columns, self.rows);
        let words = self
            .words
            .into_iter()
            .map(|word| {
                let (x0, y) = to_page(word.x0, word.y);
                let (x1, _) = to_page(word.x1, word.y);
                Word {
                    x0,
                    x1,
                    y,
                    size: word.size * scale,
                    ..word
                }
            })
            .collect();
        let rules = self
            .rules
            .into_iter()
            .map(|rule| match rule {
                Rule::Horizontal { y, x0, x1 } => {
                    let ((x0, y), (x1, _)) = (to_page(x0, y), to_page(x1, y));
                    Rule::Horizontal { y, x0, x1 }
                }
                Rule::Vertical { x, y0, y1 } => {
                    let ((x, y0), (_, y1)) = (to_page(x, y0), to_page(x, y1));
                    Rule::Vertical { x, y0, y1 }
                }
            })
            .collect();
        (words, rules)
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::geometry::Matrix;

    const A4: (f32, f32) = (595.0, 842.0);

    /// A page drawing pictures of the given (width, height) at its top-left corner,
    /// and `letters` glyphs of 10 points.
    fn page(pictures: &[(f32, f32)], letters: usize) -> Marks {
        let glyph = |index: usize| Glyph {
            text: Rc::from("a"),
            x0: 5.0 * index as f32,
            x1: 5.0 * index as f32 + 5.0,
            y: 20.0,
            size: 10.0,
            run: [(0.0, 20.0), (5.0, 20.0)],
        };
        Marks {
            glyphs: (0..letters).map(glyph).collect(),
            pictures: pictures
                .iter()
                .map(|&(w, h)| Drawn {
                    id: (1, 0),
                    placement: Placement::of(&Matrix::new([w, 0.0, 0.0, h, 0.0, 0.0])),
                })
                .collect(),
            ..Marks::default()
        }
    }

    fn chosen(marks: &Marks, recognition: Recognition) -> Option<bool> {
        choose(marks, A4.0, A4.1, recognition).map(|choice| choice.keeps_text)
    }

    #[test]
    fn a_page_that_is_only_a_picture_is_a_scan() {
        assert_eq!(chosen(&page(&[A4], 0), Recognition::Scans), Some(true));
        assert_eq!(chosen(&page(&[A4], 0), Recognition::Never), None);
        // A logo on an empty page is not.
        assert_eq!(chosen(&page(&[(100.0, 50.0)], 0), Recognition::Scans), None);
        assert_eq!(chosen(&page(&[], 0), Recognition::Scans), None);
    }

    #[test]
    fn a_signature_line_over_a_scan_keeps_the_page_a_scan() {
        // Sixty letters: about 0.6 % of the page.
        assert_eq!(chosen(&page(&[A4], 60), Recognition::Scans), Some(true));
        // A page of text over a background picture is not a scan...
        assert_eq!(chosen(&page(&[A4], 3000), Recognition::Scans), None);
        // ...unless every page's picture is asked for, text set aside.
        assert_eq!(chosen(&page(&[A4], 3000), Recognition::Every), Some(false));
        // A picture on half a page, beside some text, is an illustration.
        assert_eq!(
            chosen(&page(&[(595.0, 300.0)], 60), Recognition::Scans),
            None
        );
    }

    #[test]
    fn the_largest_picture_is_read() {
        let marks = page(&[(100.0, 100.0), A4, (300.0, 300.0)], 0);
        let choice = choose(&marks, A4.0, A4.1, Recognition::Scans).expect("a scan");
        assert_eq!(choice.picture.placement.width, A4.0);
        assert_eq!(choice.pictures, 3);
    }

    #[test]
    fn recognised_words_are_placed_where_the_picture_is_drawn() {
        // A 1000 × 500 pixel picture drawn over a 500 × 250 point box at (50, 100).
        let placement = Placement::of(
            &Matrix::new([500.0, 0.0, 0.0, 250.0, 50.0, 492.0])
                .then(&Matrix::new([1.0, 0.0, 0.0, -1.0, 0.0, 842.0])),
        );
        let text = PictureText {
            columns: 1000,
            rows: 500,
            words: vec![Word {
                text: Rc::from("Obiettivo"),
                x0: 100.0,
                x1: 300.0,
                y: 40.0,
                size: 20.0,
                confidence: Some(0.9),
            }],
            rules: vec![Rule::Vertical {
                x: 0.0,
                y0: 0.0,
                y1: 500.0,
            }],
        };
        let (words, rules) = text.onto_page(&placement);
        assert_eq!((words[0].x0, words[0].x1), (100.0, 200.0));
        assert_eq!((words[0].y, words[0].size), (120.0, 10.0));
        assert_eq!(words[0].confidence, Some(0.9));
        assert_eq!(
            rules,
            [Rule::Vertical {
                x: 50.0,
                y0: 100.0,
                y1: 350.0
            }]
        );
    }
}
