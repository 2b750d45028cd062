//! A page drawn from several pictures (a scan cut in strips or tiles, as
//! some scanners and PDF tools write it, or a picture beside another) made
//! one bitmap for recognition: each picture set upright and drawn where its
//! matrix places it, onto a grey canvas covering them all at the density of
//! the densest, ink over ink (each pixel the darker of what is there and
//! what is drawn: tiles do not overlap, and a picture drawn over another
//! hides none of the text under it).

use image::imageops::{self, FilterType};
use image::{GrayImage, Luma};
use lopdf::{Document, Stream};

use crate::picture::{self, MAX_PIXELS};
use crate::placement::Placement;

/// The densest a page is composed, in pixels a point (600 dpi), so that a
/// picture stored finely does not blow the page up past what OCR needs.
const MAX_DENSITY: f32 = 600.0 / 72.0;
/// Share of the canvas a picture covers for its density to count: a strip
/// of a scan cut in twenty does, a logo or a stamp does not.
const MIN_SHARE: f32 = 0.01;

/// The pictures `drawn` (each an image XObject and where it lands), in the
/// order drawn, composed onto the upright box `onto` of the page.
pub(crate) fn compose(
    doc: &Document,
    drawn: &[(&Stream, Placement)],
    onto: &Placement,
) -> Result<GrayImage, String> {
    let area = onto.width * onto.height;
    if !area.is_finite() || area <= 0.0 {
        return Err("its pictures are drawn over no area of the page".to_owned());
    }
    let pictures = drawn
        .iter()
        .enumerate()
        .map(|(index, (stream, placement))| {
            picture::decode(doc, stream)
                .map(|image| (placement.upright(image), placement))
                .map_err(|reason| {
                    format!(
                        "picture {} of the {} drawn on it: {reason}",
                        index + 1,
                        drawn.len()
                    )
                })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let densest = pictures
        .iter()
        .filter(|(_, placement)| placement.width * placement.height >= MIN_SHARE * area)
        .map(|(image, placement)| 1.0 / placement.scale(image.width(), image.height()))
        .filter(|density| density.is_finite())
        .fold(0.0, f32::max);
    let fits = (MAX_PIXELS as f32 / area).sqrt();
    let density = densest.min(MAX_DENSITY).min(fits);
    if density <= 0.0 {
        return Err("none of its pictures covers a part of the page worth reading".to_owned());
    }
    let mut canvas = GrayImage::from_pixel(
        pixels(onto.width * density),
        pixels(onto.height * density),
        Luma([255]),
    );
    for (image, placement) in pictures {
        draw(&mut canvas, image, placement, onto, density)?;
    }
    Ok(canvas)
}

/// A length in pixels, one at least.
fn pixels(length: f32) -> u32 {
    // `as` saturates: a length past u32 (never, under MAX_PIXELS) stays in range.
    length.round().max(1.0) as u32
}

/// Draws `image` (upright) where `placement` puts it, on `canvas`, which
/// covers `onto` at `density` pixels a point; what falls outside is cut.
fn draw(
    canvas: &mut GrayImage,
    image: GrayImage,
    placement: &Placement,
    onto: &Placement,
    density: f32,
) -> Result<(), String> {
    let x0 = ((placement.left - onto.left) * density).round();
    let y0 = ((placement.top - onto.top) * density).round();
    let x1 = ((placement.left + placement.width - onto.left) * density).round();
    let y1 = ((placement.top + placement.height - onto.top) * density).round();
    let (width, height) = (x1 - x0, y1 - y0);
    // Drawn over no pixel (or over none that can be told: a NaN box).
    if !(width >= 1.0 && height >= 1.0) {
        return Ok(());
    }
    if width * height > MAX_PIXELS as f32 {
        return Err(format!(
            "a picture is drawn over {width}×{height} pixels, more than the {MAX_PIXELS} \
             piano reads"
        ));
    }
    let (width, height) = (width as u32, height as u32);
    let near = |a: u32, b: u32| a.abs_diff(b) <= 1;
    let image = if near(width, image.width()) && near(height, image.height()) {
        image
    } else {
        imageops::resize(&image, width, height, FilterType::Triangle)
    };
    let (left, top) = (x0 as i64, y0 as i64);
    for (x, y, pixel) in image.enumerate_pixels() {
        let at = (
            u32::try_from(left + i64::from(x)),
            u32::try_from(top + i64::from(y)),
        );
        if let (Ok(cx), Ok(cy)) = at
            && let Some(under) = canvas.get_pixel_mut_checked(cx, cy)
        {
            under.0[0] = under.0[0].min(pixel.0[0]);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use lopdf::dictionary;

    use super::*;
    use crate::geometry::Matrix;

    /// A `width` × `height` grey picture of one `shade`.
    fn flat(width: u32, height: u32, shade: u8) -> Stream {
        let dict = dictionary! {
            "Width" => width, "Height" => height, "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
        };
        Stream::new(dict, vec![shade; (width * height) as usize])
    }

    /// Drawn over the box at (`left`, `top`), `width` × `height` points.
    fn at(left: f32, top: f32, width: f32, height: f32) -> Placement {
        Placement::of(&Matrix::new([width, 0.0, 0.0, -height, left, top + height]))
    }

    #[test]
    fn pictures_are_drawn_where_they_are_placed_ink_over_ink() {
        let (dark, light) = (flat(10, 10, 0), flat(20, 10, 200));
        let drawn = [
            (&light, at(0.0, 0.0, 20.0, 10.0)),
            (&dark, at(5.0, 0.0, 5.0, 5.0)),
        ];
        let onto = at(0.0, 0.0, 20.0, 10.0);
        let page = compose(&Document::new(), &drawn, &onto).expect("composed");
        // At the dark picture's density, two pixels a point.
        assert_eq!(page.dimensions(), (40, 20));
        assert_eq!(page.get_pixel(12, 2).0, [0]);
        assert_eq!(page.get_pixel(2, 2).0, [200]);
        assert_eq!(page.get_pixel(30, 15).0, [200]);
    }

    #[test]
    fn a_damaged_picture_or_a_wild_placement_is_an_error_or_nothing_drawn() {
        let document = Document::new();
        let good = flat(10, 10, 0);
        let short = Stream::new(dictionary! { "Width" => 10, "Height" => 10 }, vec![0; 3]);
        let onto = at(0.0, 0.0, 10.0, 10.0);
        let damaged = [(&good, onto), (&short, onto)];
        let error = compose(&document, &damaged, &onto).expect_err("not composed");
        assert!(error.starts_with("picture 2 of the 2"), "{error}");
        // Drawn nowhere, or over a box of no size: nothing to compose.
        let nowhere = at(f32::NAN, 0.0, 10.0, 10.0);
        assert!(compose(&document, &[(&good, onto)], &nowhere).is_err());
        assert!(compose(&document, &[(&good, onto)], &at(0.0, 0.0, 0.0, 10.0)).is_err());
        // A picture drawn past the page, or over no area, is cut or left out.
        let wild = [
            (&good, onto),
            (&good, at(-1e30, 5.0, 1e30, 1.0)),
            (&good, at(f32::NAN, f32::INFINITY, 1.0, 1.0)),
            (&good, at(3.0, 3.0, 0.0, 0.0)),
        ];
        let composed = compose(&document, &wild, &onto);
        assert!(composed.is_ok() || composed.is_err_and(|e| e.contains("more than")));
    }
}
