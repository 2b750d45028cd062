//! The strip a page's second look is read from: pieces cut out of the page
//! image, each set on a white band of its own, one under the other; and
//! tesseract's reading of it shared out by band.

use image::{GrayImage, Luma, imageops};

/// White left of each piece, and above and below it, on the strip, in pixels.
pub(super) const MARGIN: u32 = 12;

/// A box in an image: left, top, width, height, in pixels.
pub(super) type Bounds = (u32, u32, u32, u32);

/// A piece of the page to read again: its box, and boxes within it whose
/// ink is not to be read (words already read, set white).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Cut {
    /// Where it is on the page.
    pub bounds: Bounds,
    /// Boxes of the page whose pixels are set white in the piece.
    pub blank: Vec<Bounds>,
}

/// A word of the strip's reading, placed back on the page.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct StripWord {
    /// As recognised.
    pub text: String,
    /// 0 to 100.
    pub confidence: f32,
    /// Its box on the page.
    pub bounds: Bounds,
    /// Which line of its band's reading it is on (0 for the first).
    pub line: usize,
}

/// The strip of `cuts` of `image`, with the band (top, bottom) of each on it.
pub(super) fn strip(image: &GrayImage, cuts: &[Cut]) -> (GrayImage, Vec<(u32, u32)>) {
    let width = cuts.iter().map(|cut| cut.bounds.2).max().unwrap_or(0) + 2 * MARGIN;
    let height: u32 = cuts.iter().map(|cut| cut.bounds.3 + 2 * MARGIN).sum();
    let mut strip = GrayImage::from_pixel(width, height.max(1), Luma([255]));
    let mut bands = Vec::with_capacity(cuts.len());
    let mut top = 0;
    for cut in cuts {
        let (x, y, w, h) = cut.bounds;
        let mut piece = imageops::crop_imm(image, x, y, w, h).to_image();
        for &(bx, by, bw, bh) in &cut.blank {
            for py in by.max(y)..(by + bh).min(y + h) {
                for px in bx.max(x)..(bx + bw).min(x + w) {
                    piece.put_pixel(px - x, py - y, Luma([255]));
                }
            }
        }
        imageops::replace(
            &mut strip,
            &piece,
            i64::from(MARGIN),
            i64::from(top + MARGIN),
        );
        let bottom = top + h + 2 * MARGIN;
        bands.push((top, bottom));
        top = bottom;
    }
    (strip, bands)
}

/// The TSV's fields of a word row: level, page … left, top, width, height, conf, text.
pub(super) const FIELDS: usize = 12;

/// The words of the strip's reading `tsv` by band of `bands` (a word goes
/// to the band its middle lies in), each placed back on the page by the
/// band's cut of `cuts`, in reading order.
pub(super) fn words_by_band(tsv: &str, bands: &[(u32, u32)], cuts: &[Cut]) -> Vec<Vec<StripWord>> {
    let mut found: Vec<Vec<StripWord>> = vec![Vec::new(); bands.len()];
    let mut lines: Vec<Vec<(u32, u32, u32)>> = vec![Vec::new(); bands.len()];
    for text in tsv.lines() {
        let fields: Vec<&str> = text.split('\t').collect();
        if fields.len() != FIELDS || fields[0] != "5" {
            continue;
        }
        let word = fields[11].trim();
        let whole = |index: usize| fields[index].trim().parse::<u32>().ok();
        let (Some(left), Some(top), Some(width), Some(height)) =
            (whole(6), whole(7), whole(8), whole(9))
        else {
            continue;
        };
        let Ok(confidence) = fields[10].trim().parse::<f32>() else {
            continue;
        };
        if word.is_empty() || confidence < 0.0 {
            continue;
        }
        let middle = top + height / 2;
        let Some(band) = bands
            .iter()
            .position(|&(from, to)| (from..to).contains(&middle))
        else {
            continue;
        };
        let key = (
            whole(2).unwrap_or(0),
            whole(3).unwrap_or(0),
            whole(4).unwrap_or(0),
        );
        let line = match lines[band].iter().position(|seen| *seen == key) {
            Some(line) => line,
            None => {
                lines[band].push(key);
                lines[band].len() - 1
            }
        };
        let (x, y, _, _) = cuts[band].bounds;
        let band_top = bands[band].0 + MARGIN;
        let bounds = (
            (x + left).saturating_sub(MARGIN),
            (y + top).saturating_sub(band_top),
            width,
            height,
        );
        found[band].push(StripWord {
            text: word.to_owned(),
            confidence,
            bounds,
            line,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_set_one_under_the_other_with_their_blanks_white() {
        let mut page = GrayImage::from_pixel(100, 50, Luma([255]));
        for x in 10..30 {
            page.put_pixel(x, 20, Luma([0]));
        }
        let cuts = [
            Cut {
                bounds: (5, 15, 30, 10),
                blank: vec![(20, 0, 50, 50)],
            },
            Cut {
                bounds: (0, 0, 10, 4),
                blank: Vec::new(),
            },
        ];
        let (strip, bands) = strip(&page, &cuts);
        assert_eq!(strip.dimensions(), (30 + 2 * MARGIN, 10 + 4 + 4 * MARGIN));
        assert_eq!(bands, [(0, 34), (34, 62)]);
        // The ink at x 10..20 is kept, at 20..30 blanked.
        let row = MARGIN + 5;
        assert_eq!(strip.get_pixel(MARGIN + 5, row)[0], 0);
        assert_eq!(strip.get_pixel(MARGIN + 14, row)[0], 0);
        assert_eq!(strip.get_pixel(MARGIN + 15, row)[0], 255);
    }

    #[test]
    fn words_go_back_to_their_band_and_place_on_the_page() {
        let cuts = [
            Cut {
                bounds: (100, 200, 50, 10),
                blank: Vec::new(),
            },
            Cut {
                bounds: (300, 400, 50, 10),
                blank: Vec::new(),
            },
        ];
        let bands = [(0, 34), (34, 68)];
        let tsv = "5\t1\t1\t1\t1\t1\t12\t12\t20\t10\t91.5\tprimo\n\
                   5\t1\t2\t1\t1\t1\t12\t46\t20\t10\t90\tsecondo\n\
                   5\t1\t2\t1\t2\t1\t40\t47\t20\t10\t80\tterzo\n";
        let found = words_by_band(tsv, &bands, &cuts);
        assert_eq!(found[0].len(), 1);
        assert_eq!(found[0][0].bounds, (100, 200, 20, 10));
        assert_eq!(found[1][0].bounds, (300, 400, 20, 10));
        assert_eq!((found[1][1].line, found[1][1].bounds.0), (1, 328));
    }
}
