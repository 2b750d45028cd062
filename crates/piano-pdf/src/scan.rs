//! Pages that are pictures of text (scans): which pages are handed to
//! recognition, and the picture each hands over, decoded only when asked.
//!
//! By default ([`Recognition::Scans`]) a page is a scan when it has no text
//! and a picture covers a tenth of it or more, or when a picture covers most
//! of it ([`MOSTLY`]) and its text covers little ([`LITTLE`]): a protocol
//! stamp or a "firmato digitalmente" line written over a scan. Such a page
//! keeps the text it has, the recognised words added to it.
//!
//! A page drawn from one picture hands that picture over, set upright; one
//! drawn from several (a scan cut in strips or tiles) hands them over
//! composed into one bitmap (`compose.rs`). A picture that cannot be
//! decoded fails its page only ([`PictureError`]).

use image::GrayImage;
use lopdf::{Document, Object, ObjectId, Stream};
use piano_table::{Rule, Word};

use crate::compose;
use crate::interpret::{Glyph, Marks};
use crate::picture;
use crate::placement::Placement;

/// Share of the page a picture covers for a page with text to be a scan.
pub(crate) const MOSTLY: f32 = 0.5;
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
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Choice {
    /// The pictures read: all the page draws, in the order drawn.
    pub pictures: Vec<Drawn>,
    /// Whether the page's own text stays beside the recognised words.
    pub keeps_text: bool,
}

/// Whether the page of `marks`, `width` × `height`, is recognised, and how.
pub(crate) fn choose(
    marks: &Marks,
    width: f32,
    height: f32,
    recognition: Recognition,
) -> Option<Choice> {
    if marks.pictures.is_empty() {
        return None;
    }
    let share = picture_share(marks, width, height);
    let text = text_area(&marks.glyphs) / (width * height).max(1.0);
    let keeps_text = match recognition {
        Recognition::Never => return None,
        Recognition::Every => false,
        Recognition::Scans if text == 0.0 && share >= SOME => true,
        Recognition::Scans if share >= MOSTLY && text <= LITTLE => true,
        Recognition::Scans => return None,
    };
    Some(Choice {
        pictures: marks.pictures.clone(),
        keeps_text,
    })
}

/// The share of the `width` × `height` page of `marks` its pictures cover
/// (pictures drawn side by side, a scan cut in strips, cover it together).
pub(crate) fn picture_share(marks: &Marks, width: f32, height: f32) -> f32 {
    let page = width * height;
    let covered: f32 = marks
        .pictures
        .iter()
        .map(|drawn| drawn.placement.area_within(width, height))
        .sum();
    covered.min(page) / page.max(1.0)
}

/// The area the glyphs' boxes cover.
fn text_area(glyphs: &[Glyph]) -> f32 {
    glyphs
        .iter()
        .filter(|glyph| !glyph.text.trim().is_empty())
        .map(|glyph| (glyph.x1 - glyph.x0).abs() * glyph.size)
        .sum()
}

/// A page's picture handed to recognition: the page's one picture, or its
/// pictures composed into one bitmap. It is decoded only by
/// [`PagePicture::decode`], so that pictures can be decoded and recognised
/// a few at a time, in parallel.
#[derive(Debug, Clone)]
pub struct PagePicture<'a> {
    doc: &'a Document,
    /// The image XObjects the page draws, in order, each with where it lands.
    drawn: Vec<(&'a Stream, Placement)>,
    /// Where the bitmap handed over lies on the page.
    pub(crate) placement: Placement,
    page: u32,
    /// Whether only the table rules drawn in it are wanted.
    rules_only: bool,
}

impl<'a> PagePicture<'a> {
    /// The picture of page `page`, `width` × `height`, drawn from `pictures`
    /// (those that are no image stream left out); `None` when none is left.
    pub(crate) fn of(
        doc: &'a Document,
        pictures: &[Drawn],
        page: u32,
        width: f32,
        height: f32,
    ) -> Option<PagePicture<'a>> {
        let drawn: Vec<(&Stream, Placement)> = pictures
            .iter()
            .filter_map(|picture| {
                let stream = doc.get_object(picture.id).and_then(Object::as_stream);
                stream.ok().map(|stream| (stream, picture.placement))
            })
            .collect();
        let placement = match drawn.as_slice() {
            [(_, placement)] => *placement,
            _ => {
                let boxes: Vec<Placement> = drawn.iter().map(|(_, placement)| *placement).collect();
                Placement::covering(&boxes, width, height)?
            }
        };
        Some(PagePicture {
            doc,
            drawn,
            placement,
            page,
            rules_only: false,
        })
    }

    /// The picture of a page whose text is an OCR layer: only the table
    /// rules drawn in it are wanted, the words are the layer's.
    pub(crate) fn for_rules(self) -> PagePicture<'a> {
        PagePicture {
            rules_only: true,
            ..self
        }
    }
}

impl PagePicture<'_> {
    /// Whether only the table rules drawn in the picture are wanted, not its
    /// words: its page's text is an OCR layer another program made, read
    /// from the layer (`layer.rs`); the rules set its table's cells apart,
    /// as on a born-digital page, and tell the rule marks that program read
    /// as text.
    pub fn rules_only(&self) -> bool {
        self.rules_only
    }

    /// The 1-based page the picture is drawn on.
    pub fn page(&self) -> u32 {
        self.page
    }

    /// The picture's pixels, grey, turned as they stand on the page (a
    /// page shown with `/Rotate` or an image drawn turned is set upright as
    /// the page shows it); a page of several pictures composed as drawn.
    pub fn decode(&self) -> Result<GrayImage, PictureError> {
        let decoded = match self.drawn.as_slice() {
            [(stream, placement)] => {
                picture::decode(self.doc, stream).map(|image| placement.upright(image))
            }
            drawn => compose::compose(self.doc, drawn, &self.placement),
        };
        decoded.map_err(|reason| PictureError {
            page: self.page,
            reason,
        })
    }
}

/// Why a page's picture could not be decoded (an encoding piano does not
/// read, damaged data): the page is reported and left unread, and the rest
/// of the PDF is read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("page {page}: its picture could not be decoded: {reason}")]
pub struct PictureError {
    /// The 1-based page.
    pub page: u32,
    /// What was wrong, naming the encoding where it is not read.
    pub reason: String,
}

/// What recognition made of one [`PagePicture`]: what it read, or why the
/// picture could not be decoded.
pub type PictureReading = Result<PictureText, PictureError>;

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
            invisible: false,
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
    fn every_picture_is_read() {
        let marks = page(&[(100.0, 100.0), A4, (300.0, 300.0)], 0);
        let choice = choose(&marks, A4.0, A4.1, Recognition::Scans).expect("a scan");
        assert_eq!(choice.pictures.len(), 3);
    }

    #[test]
    fn strips_of_a_scan_cover_the_page_together() {
        // Twenty strips, each a twentieth of the page (under the tenth a lone picture needs).
        let strips = vec![(A4.0, A4.1 / 20.0); 20];
        assert_eq!(chosen(&page(&strips, 0), Recognition::Scans), Some(true));
        // One strip alone is too little.
        assert_eq!(chosen(&page(&strips[..1], 0), Recognition::Scans), None);
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
