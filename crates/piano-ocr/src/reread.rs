//! Words read doubtfully, read again each on a line of its own.
//!
//! Tesseract reads a page line by line, and a word set off its line's
//! baseline (a cell centred in a tall row of a table, between the lines of
//! the cell beside it; a header cell beside cells of two lines) is read
//! against the wrong baseline, often as nonsense with little confidence
//! ("314/2022" for a date, "Déscnzione" for a column's name). Cut out and
//! read alone, the same ink reads as printed. So the words of a page read
//! with a confidence under [`DOUBTFUL`] are cut out of the page image,
//! stacked one under the other on a white strip, and the strip is read by
//! one more run of tesseract; a word whose second reading is more
//! confident takes it. The TSV is amended in place (text and confidence of
//! the word's row, its box kept), so that the cache keeps the amended
//! reading and a page read back from it reads alike.

use image::{GrayImage, Luma, imageops};

/// A word read with a confidence (0 to 100) under this is read again.
pub(crate) const DOUBTFUL: f32 = 80.0;
/// Most words read again on one page: past this the page is read so
/// poorly that reading its words again one by one is not worth the time.
const MOST_WORDS: usize = 400;
/// White around each word's ink in its own box, in pixels (tesseract's
/// box is the ink's, and a letter's edge may lie on it).
const EDGE: u32 = 2;
/// White left of each word, and above and below it, on the strip, in pixels.
const MARGIN: u32 = 12;

/// A word's row of the TSV: where it is in the text, and its box.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Doubtful {
    /// The index of its line in the TSV text.
    line: usize,
    /// Its box in the page image: left, top, width, height.
    bounds: (u32, u32, u32, u32),
    /// Its confidence, 0 to 100.
    confidence: f32,
}

/// The TSV's fields of a word row: level, page … left, top, width, height, conf, text.
const FIELDS: usize = 12;

/// The words of `tsv` read with a confidence under [`DOUBTFUL`], within
/// `image`, at most [`MOST_WORDS`] (none past it).
fn doubtful_words(tsv: &str, image: &GrayImage) -> Vec<Doubtful> {
    let words: Vec<Doubtful> = tsv
        .lines()
        .enumerate()
        .filter_map(|(line, text)| {
            let fields: Vec<&str> = text.split('\t').collect();
            if fields.len() != FIELDS || fields[0] != "5" || fields[11].trim().is_empty() {
                return None;
            }
            let number = |index: usize| fields[index].trim().parse::<f32>().ok();
            let confidence = number(10)?;
            if !(0.0..DOUBTFUL).contains(&confidence) {
                return None;
            }
            let (left, top, width, height) = (number(6)?, number(7)?, number(8)?, number(9)?);
            let bounds = within(image, left, top, width, height)?;
            Some(Doubtful {
                line,
                bounds,
                confidence,
            })
        })
        .collect();
    if words.len() > MOST_WORDS {
        return Vec::new();
    }
    words
}

/// The box `left, top, width, height` widened by [`EDGE`] and cut to `image`;
/// `None` when nothing of it is left.
fn within(
    image: &GrayImage,
    left: f32,
    top: f32,
    width: f32,
    height: f32,
) -> Option<(u32, u32, u32, u32)> {
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
    (x1 > x0 && y1 > y0).then_some((x0, y0, x1 - x0, y1 - y0))
}

/// The strip the `words` are read from: each cut out of `image` and set on
/// a white band of its own, one under the other; with the band of each
/// (top, bottom) on the strip.
fn strip(image: &GrayImage, words: &[Doubtful]) -> (GrayImage, Vec<(u32, u32)>) {
    let width = words.iter().map(|word| word.bounds.2).max().unwrap_or(0) + 2 * MARGIN;
    let height: u32 = words.iter().map(|word| word.bounds.3 + 2 * MARGIN).sum();
    let mut strip = GrayImage::from_pixel(width, height.max(1), Luma([255]));
    let mut bands = Vec::with_capacity(words.len());
    let mut top = 0;
    for word in words {
        let (x, y, w, h) = word.bounds;
        let cut = imageops::crop_imm(image, x, y, w, h).to_image();
        imageops::replace(&mut strip, &cut, i64::from(MARGIN), i64::from(top + MARGIN));
        let bottom = top + h + 2 * MARGIN;
        bands.push((top, bottom));
        top = bottom;
    }
    (strip, bands)
}

/// What the strip's reading `tsv` gives for each band of `bands`: the one
/// word whose middle lies in it, with its confidence; `None` where no word
/// does, or several (a box that took in ink of the line above or below:
/// the first reading, one word, is kept).
fn readings(tsv: &str, bands: &[(u32, u32)]) -> Vec<Option<(String, f32)>> {
    let mut found: Vec<Vec<(String, f32)>> = vec![Vec::new(); bands.len()];
    for text in tsv.lines() {
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() != FIELDS || fields[0] != "5" {
            continue;
        }
        let word = fields[11].trim();
        let number = |index: usize| fields[index].trim().parse::<f32>().ok();
        let (Some(top), Some(height), Some(confidence)) = (number(7), number(9), number(10)) else {
            continue;
        };
        if word.is_empty() || confidence < 0.0 {
            continue;
        }
        let middle = top + height / 2.0;
        let Some(band) = bands
            .iter()
            .position(|&(from, to)| (from as f32..to as f32).contains(&middle))
        else {
            continue;
        };
        found[band].push((word.to_owned(), confidence));
    }
    found
        .into_iter()
        .map(|mut words| match words.len() {
            1 => words.pop(),
            _ => None,
        })
        .collect()
}

/// `tsv`, tesseract's reading of `image`, with its doubtful words read
/// again: `read` recognises an image (the strip of them) and gives its TSV.
/// A word takes its second reading where that is more confident. Where the
/// strip cannot be read, `tsv` is kept as it is.
pub(crate) fn amend<E>(
    tsv: String,
    image: &GrayImage,
    read: impl FnOnce(&GrayImage) -> Result<String, E>,
) -> String {
    let words = doubtful_words(&tsv, image);
    if words.is_empty() {
        return tsv;
    }
    let (strip, bands) = strip(image, &words);
    let Ok(second) = read(&strip) else {
        return tsv;
    };
    let readings = readings(&second, &bands);
    let mut lines: Vec<String> = tsv.lines().map(str::to_owned).collect();
    for (word, reading) in words.iter().zip(readings) {
        let Some((text, confidence)) = reading else {
            continue;
        };
        if confidence <= word.confidence {
            continue;
        }
        let Some(line) = lines.get_mut(word.line) else {
            continue;
        };
        let mut fields: Vec<String> = line.split('\t').map(str::to_owned).collect();
        fields[10] = format!("{confidence}");
        fields[11] = text;
        *line = fields.join("\t");
    }
    let mut amended = lines.join("\n");
    if tsv.ends_with('\n') {
        amended.push('\n');
    }
    amended
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";

    fn page() -> GrayImage {
        GrayImage::from_pixel(200, 100, Luma([255]))
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
        let amended = amend::<()>(tsv, &page(), |strip| {
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
        let amended = amend::<()>(sure.clone(), &page(), |_| {
            panic!("no strip is read when no word is doubtful")
        });
        assert_eq!(amended, sure);
        let doubtful = format!("{HEADER}\n5\t1\t1\t1\t1\t1\t10\t10\t40\t12\t20.0\tmaie\n");
        assert_eq!(amend(doubtful.clone(), &page(), |_| Err(())), doubtful);
    }

    #[test]
    fn a_box_outside_the_image_is_cut_to_it_or_left_out() {
        let image = page();
        assert_eq!(
            within(&image, 190.0, 90.0, 40.0, 40.0),
            Some((188, 88, 12, 12))
        );
        assert_eq!(within(&image, 300.0, 10.0, 10.0, 10.0), None);
        assert_eq!(within(&image, f32::NAN, 10.0, 10.0, 10.0), None);
    }
}
