//! A page's second look: words read doubtfully read again, each alone, and
//! lines the first reading left out read at all.
//!
//! Tesseract reads a page line by line, and a word set off its line's
//! baseline (a cell centred in a tall row of a table, between the lines of
//! the cell beside it; a header cell beside cells of two lines) is read
//! against the wrong baseline, often as nonsense with little confidence
//! ("314/2022" for a date, "Déscnzione" for a column's name). Cut out and
//! read alone, the same ink reads as printed. And reading the page as one
//! block of lines, it drops lines set far larger than the rest (a title):
//! ink no word covers (`missed.rs`). So the words read with a confidence
//! under [`DOUBTFUL`], and the bands of ink left unread, are cut out of the
//! page image and stacked on a white strip (`strip.rs`), read by tesseract
//! ([`plan`], then [`Plan::apply`] to the strips' readings: read at once
//! by [`amend`], or with other pages' strips in a few runs,
//! `recogniser/later.rs`). A doubtful word takes its second reading where that is
//! one word read more confidently; a band's words, where read with
//! confidence, are added as lines of their own. The TSV is amended (the
//! word's row's text and confidence, its box kept; the bands' words as
//! rows of new blocks), so that the cache keeps the amended reading and a
//! page read back from it reads alike.

mod missed;
mod strip;

use image::GrayImage;

use strip::{Bounds, Cut, FIELDS, StripWord};

use crate::scale;

/// A word read with a confidence (0 to 100) under this is read again.
pub(crate) const DOUBTFUL: f32 = 80.0;
/// A band left unread gives lines only where its words were read with a
/// mean confidence (0 to 100) of this at least (else it is a picture, a
/// stamp or a stain).
const BAND_CONFIDENCE: f32 = 80.0;
/// Most words read again on one page: past this the page is read so
/// poorly that reading its words again one by one is not worth the time.
const MOST_WORDS: usize = 400;
/// Whether a page scanned at the resolution of `image` scaled down `scale`
/// times (as it came, before `scale.rs` scaled it up) is fine enough for
/// its doubtful words to be read again: 150 dpi, less a tenth
/// ([`scale::FINE`]). Under it a word cut out alone reads confidently
/// wrong as often as right: at 100 dpi bitonal, "31/12/2022" read
/// doubtfully was read again "211212022", "30%" "10%", so values read
/// wrong would no longer be flagged.
fn fine_enough(image: &GrayImage, scale: u32) -> bool {
    let scale = scale.max(1);
    scale::per_mm(image.width() / scale, image.height() / scale) >= scale::FINE
}

/// White around each word's ink in its own box, in pixels (tesseract's
/// box is the ink's, and a letter's edge may lie on it).
const EDGE: u32 = 2;

/// A word's row of the TSV.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    /// The index of its line in the TSV text.
    line: usize,
    /// The block it is in.
    block: u32,
    /// Its box in the page image, widened by [`EDGE`].
    bounds: Bounds,
    /// Its confidence, 0 to 100.
    confidence: f32,
}

/// The words of `tsv` within `image`.
fn rows(tsv: &str, image: &GrayImage) -> Vec<Row> {
    tsv.lines()
        .enumerate()
        .filter_map(|(line, text)| {
            let fields: Vec<&str> = text.split('\t').collect();
            if fields.len() != FIELDS || fields[0] != "5" || fields[11].trim().is_empty() {
                return None;
            }
            let number = |index: usize| fields[index].trim().parse::<f32>().ok();
            let confidence = number(10)?;
            if confidence < 0.0 {
                return None;
            }
            let (left, top, width, height) = (number(6)?, number(7)?, number(8)?, number(9)?);
            Some(Row {
                line,
                block: fields[2].trim().parse().unwrap_or(0),
                bounds: within(image, left, top, width, height)?,
                confidence,
            })
        })
        .collect()
}

/// The box `left, top, width, height` widened by [`EDGE`] and cut to `image`;
/// `None` when nothing of it is left.
fn within(image: &GrayImage, left: f32, top: f32, width: f32, height: f32) -> Option<Bounds> {
    if !(left.is_finite() && top.is_finite() && width.is_finite() && height.is_finite()) {
        return None;
    }
    let x0 = (left.max(0.0) as u32).saturating_sub(EDGE);
    let y0 = (top.max(0.0) as u32).saturating_sub(EDGE);
    let x1 = ((left + width).max(0.0) as u32)
        .saturating_add(EDGE)
        .min(image.width());
    let y1 = ((top + height).max(0.0) as u32)
        .saturating_add(EDGE)
        .min(image.height());
    (x1 > x0 && y1 > y0).then(|| (x0, y0, x1 - x0, y1 - y0))
}

/// Whether two boxes overlap.
fn overlap(a: Bounds, b: Bounds) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// What a strip of a page's second look is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// Its bands are the doubtful words, one a band, read again.
    Retake,
    /// Its bands are ink left unread, whose words are added as lines.
    Add,
}

/// A strip planned for a page's second look: what it is for, and where its
/// bands' words lie on the page.
#[derive(Debug, Clone, PartialEq)]
struct Planned {
    purpose: Purpose,
    /// Each band's top and bottom on the strip.
    bands: Vec<(u32, u32)>,
    /// Each band's piece of the page.
    cuts: Vec<Cut>,
}

/// A page's second look, planned from its first reading: the strips to
/// read (none, one or two, their images handed out apart by [`plan`], to be
/// read now or with other pages' strips), and how their readings amend the
/// page's TSV ([`Plan::apply`]).
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Plan {
    /// The words read again, in the order of the retaking strip's bands.
    doubtful: Vec<Row>,
    /// The last block of the first reading: bands' lines are added after it.
    block: u32,
    strips: Vec<Planned>,
}

/// The second look at `image` given `tsv`, tesseract's reading of it (the
/// image scaled up `scale` times from the page as scanned): the plan, and the image of each of its strips, in the plan's order. The
/// doubtful words go on one strip and the bands left unread on another
/// (read together, the large type of a title would leave the small words
/// unread, as on the page).
pub(crate) fn plan(tsv: &str, image: &GrayImage, scale: u32) -> (Plan, Vec<GrayImage>) {
    let rows = rows(tsv, image);
    let mut doubtful: Vec<Row> = rows
        .iter()
        .filter(|row| row.confidence < DOUBTFUL)
        .cloned()
        .collect();
    if doubtful.len() > MOST_WORDS || !fine_enough(image, scale) {
        doubtful.clear();
    }
    let retaken: Vec<Cut> = doubtful
        .iter()
        .map(|row| Cut {
            bounds: row.bounds,
            blank: Vec::new(),
        })
        .collect();
    let boxes: Vec<Bounds> = rows.iter().map(|row| row.bounds).collect();
    let mut heights: Vec<u32> = boxes.iter().map(|&(_, _, _, h)| h).collect();
    heights.sort_unstable();
    let least_height = (heights.get(heights.len() / 2).copied().unwrap_or(0) / 2).max(4);
    let added: Vec<Cut> = missed::missed_bands(image, &boxes, least_height)
        .into_iter()
        .filter_map(|(x, y, w, h)| {
            let bounds = within(image, x as f32, y as f32, w as f32, h as f32)?;
            let blank = boxes
                .iter()
                .copied()
                .filter(|&b| overlap(b, bounds))
                .collect();
            Some(Cut { bounds, blank })
        })
        .collect();
    let mut strips = Vec::new();
    let mut images = Vec::new();
    for (purpose, cuts) in [(Purpose::Retake, retaken), (Purpose::Add, added)] {
        if cuts.is_empty() {
            continue;
        }
        let (image, bands) = strip::strip(image, &cuts);
        images.push(image);
        strips.push(Planned {
            purpose,
            bands,
            cuts,
        });
    }
    let block = rows.iter().map(|row| row.block).max().unwrap_or(0);
    (
        Plan {
            doubtful,
            block,
            strips,
        },
        images,
    )
}

impl Plan {
    /// `tsv` amended by `readings`, the TSV of each strip in the plan's
    /// order (`None` for a strip that could not be read: `tsv` is kept as
    /// it is there). A doubtful word takes its second reading where that
    /// is one word read more confidently; a band's words, where read with
    /// confidence, are added as lines of their own.
    pub(crate) fn apply(&self, tsv: String, readings: &[Option<String>]) -> String {
        let mut lines: Vec<String> = tsv.lines().map(str::to_owned).collect();
        let mut block = self.block;
        for (planned, reading) in self.strips.iter().zip(readings) {
            let Some(reading) = reading else {
                continue;
            };
            let found = strip::words_by_band(reading, &planned.bands, &planned.cuts);
            match planned.purpose {
                Purpose::Retake => {
                    for (row, words) in self.doubtful.iter().zip(found) {
                        if let [word] = words.as_slice() {
                            retake(&mut lines, row, word);
                        }
                    }
                }
                Purpose::Add => {
                    for words in found {
                        let mean = words.iter().map(|word| word.confidence).sum::<f32>()
                            / words.len().max(1) as f32;
                        if words.is_empty() || mean < BAND_CONFIDENCE {
                            continue;
                        }
                        block += 1;
                        lines.extend(
                            words
                                .iter()
                                .enumerate()
                                .map(|(index, word)| added_row(block, index, word)),
                        );
                    }
                }
            }
        }
        let mut amended = lines.join("\n");
        if tsv.ends_with('\n') {
            amended.push('\n');
        }
        amended
    }
}

/// `tsv`, tesseract's reading of `image` (scaled up `scale` times from the
/// page as scanned), after a second look read at once:
/// `read` recognises an image (a strip of what is read again) and gives its
/// TSV. Where nothing is to be read again, or a strip cannot be read,
/// `tsv` is kept as it is.
pub(crate) fn amend<E>(
    tsv: String,
    image: &GrayImage,
    scale: u32,
    mut read: impl FnMut(&GrayImage) -> Result<String, E>,
) -> String {
    let (plan, strips) = plan(&tsv, image, scale);
    let readings: Vec<Option<String>> = strips.iter().map(|strip| read(strip).ok()).collect();
    plan.apply(tsv, &readings)
}

/// The row of `lines` of the doubtful `row` given `word`, its second
/// reading, where that is more confident.
fn retake(lines: &mut [String], row: &Row, word: &StripWord) {
    if word.confidence <= row.confidence {
        return;
    }
    let Some(line) = lines.get_mut(row.line) else {
        return;
    };
    let mut fields: Vec<String> = line.split('\t').map(str::to_owned).collect();
    fields[10] = format!("{}", word.confidence);
    fields[11] = word.text.clone();
    *line = fields.join("\t");
}

/// The TSV row of `word`, the `index`th word of a band read again, in the
/// new block `block` (its lines as the strip's reading gave them).
fn added_row(block: u32, index: usize, word: &StripWord) -> String {
    let (left, top, width, height) = word.bounds;
    format!(
        "5\t1\t{block}\t1\t{}\t{}\t{left}\t{top}\t{width}\t{height}\t{}\t{}",
        word.line + 1,
        index + 1,
        word.confidence,
        word.text
    )
}

#[cfg(test)]
mod tests {
    use image::Luma;

    use super::*;

    const HEADER: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

    /// A white page of 150 dpi (as A4: 1754 pixels on its long side),
    /// only its top left corner used.
    fn page() -> GrayImage {
        GrayImage::from_pixel(1754, 100, Luma([255]))
    }

    #[test]
    fn doubtful_words_of_a_coarse_scan_are_left_as_read() {
        // 100 dpi, as A4.
        let coarse = GrayImage::from_pixel(1169, 100, Luma([255]));
        let tsv = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t20.0\tmaie\n");
        let amended = amend::<()>(tsv.clone(), &coarse, 1, |_| {
            panic!("no strip is read on a coarse scan")
        });
        assert_eq!(amended, tsv);
        // Scaled up three times before it was read, it is as coarse.
        let scaled = GrayImage::from_pixel(3507, 300, Luma([255]));
        let amended = amend::<()>(tsv.clone(), &scaled, 3, |_| {
            panic!("no strip is read on a coarse scan scaled up")
        });
        assert_eq!(amended, tsv);
    }

    #[test]
    fn doubtful_words_take_their_second_reading_when_it_is_surer() {
        let tsv = format!(
            "{HEADER}\n\
             5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t96.5\tbene\n\
             5\t1\t1\t1\t1\t2\t60\t10\t40\t12\t31.0\tmaie\n\
             5\t1\t1\t1\t1\t3\t110\t10\t40\t12\t52.0\tpeqgio\n"
        );
        let mut asked = None;
        let amended = amend::<()>(tsv, &page(), 1, |strip| {
            asked = Some(strip.dimensions());
            // The strip's two bands, each 12 + 2 * 2 + 2 * 12 = 40 high.
            Ok(format!(
                "{HEADER}\n\
                 5\t1\t1\t1\t1\t1\t12\t13\t40\t12\t95.0\tmale\n\
                 5\t1\t1\t1\t2\t1\t12\t53\t40\t12\t40.0\tpeggio\n"
            ))
        });
        // Two words under 80, each cut 44 wide and set 12 from the edge.
        assert_eq!(asked, Some((68, 80)));
        let rows: Vec<&str> = amended.lines().skip(1).collect();
        assert_eq!(rows[0], "5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t96.5\tbene");
        assert_eq!(rows[1], "5\t1\t1\t1\t1\t2\t60\t10\t40\t12\t95\tmale");
        // Read again less surely: kept as first read.
        assert_eq!(rows[2], "5\t1\t1\t1\t1\t3\t110\t10\t40\t12\t52.0\tpeqgio");
        assert!(amended.ends_with('\n'));
    }

    #[test]
    fn a_page_read_surely_or_a_strip_not_read_is_kept_as_it_is() {
        let sure = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t96.5\tbene\n");
        let amended = amend::<()>(sure.clone(), &page(), 1, |_| {
            panic!("no strip is read when no word is doubtful")
        });
        assert_eq!(amended, sure);
        let doubtful = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t20.0\tmaie\n");
        assert_eq!(amend(doubtful.clone(), &page(), 1, |_| Err(())), doubtful);
    }

    #[test]
    fn a_line_left_unread_is_read_and_added_as_a_block_of_its_own() {
        let mut image = page();
        for x in 20..120 {
            for y in 60..80 {
                image.put_pixel(x, y, Luma([0]));
            }
        }
        let tsv = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t96.5\tbene\n");
        let read = |answer: &'static str| {
            let tsv = tsv.clone();
            amend::<()>(tsv, &image, 1, move |strip| {
                // The band, 20 high and cut 2 wider each side, alone.
                assert_eq!(strip.dimensions(), (104 + 24, 24 + 24));
                Ok(format!("{HEADER}\n{answer}\n"))
            })
        };
        let added = read("5\t1\t1\t1\t1\t1\t14\t14\t50\t20\t91\tTITOLO");
        let rows: Vec<&str> = added.lines().skip(1).collect();
        assert_eq!(rows[1], "5\t1\t2\t1\t1\t1\t20\t60\t50\t20\t91\tTITOLO");
        // Read with little confidence: a stain, not a line.
        let stain = read("5\t1\t1\t1\t1\t1\t14\t14\t50\t20\t31\t~~");
        assert_eq!(stain, tsv);
    }

    #[test]
    fn a_plan_read_later_amends_as_a_second_look_read_at_once() {
        let mut image = page();
        for x in 20..120 {
            for y in 60..80 {
                image.put_pixel(x, y, Luma([0]));
            }
        }
        let tsv = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t31.0\tmaie\n");
        let retaken = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t12\t13\t40\t12\t95.0\tmale\n");
        let added = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t14\t14\t50\t20\t91\tTITOLO\n");
        let (plan, strips) = plan(&tsv, &image, 1);
        // The doubtful word's strip, then the band's.
        let sizes: Vec<(u32, u32)> = strips.iter().map(GrayImage::dimensions).collect();
        assert_eq!(sizes, [(68, 40), (128, 48)]);
        let mut answers = [retaken.clone(), added.clone()].into_iter();
        let at_once = amend::<()>(tsv.clone(), &image, 1, |_| {
            Ok(answers.next().unwrap_or_default())
        });
        let later = plan.apply(tsv.clone(), &[Some(retaken), Some(added.clone())]);
        assert_eq!(later, at_once);
        let rows: Vec<&str> = later.lines().skip(1).collect();
        assert_eq!(rows[0], "5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t95\tmale");
        assert_eq!(rows[1], "5\t1\t2\t1\t1\t1\t20\t60\t50\t20\t91\tTITOLO");
        // A strip not read leaves its words as they were, the other amends.
        let unread = plan.apply(tsv, &[None, Some(added)]);
        let rows: Vec<&str> = unread.lines().skip(1).collect();
        assert_eq!(rows[0], "5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t31.0\tmaie");
        assert_eq!(rows[1], "5\t1\t2\t1\t1\t1\t20\t60\t50\t20\t91\tTITOLO");
    }

    #[test]
    fn a_box_outside_the_image_is_cut_to_it_or_left_out() {
        let image = GrayImage::from_pixel(200, 100, Luma([255]));
        assert_eq!(
            within(&image, 190.0, 90.0, 40.0, 40.0),
            Some((188, 88, 12, 12))
        );
        assert_eq!(within(&image, 300.0, 10.0, 10.0, 10.0), None);
        assert_eq!(within(&image, f32::NAN, 10.0, 10.0, 10.0), None);
    }
}
