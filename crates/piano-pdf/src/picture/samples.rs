//! An image's samples to grey: rows of packed components (1, 2, 4, 8 or 16
//! bits each, every row starting on a byte), mapped through the `/Decode`
//! array and the colour space (grey, RGB, CMYK, Lab, ICC-based by its
//! component count, a one-ink separation, an indexed palette over any of
//! these). An image mask is one bit a pixel, 0 painted (black).

use image::{GrayImage, Luma};
use lopdf::{Dictionary, Document, Object};

use super::Size;
use crate::document::resolve;

/// How deep an indexed colour space may nest its base (loops cut).
const MAX_SPACE_DEPTH: usize = 4;

/// A colour space, as far as grey needs it.
#[derive(Debug, Clone, PartialEq)]
enum Space {
    Grey,
    Rgb,
    Cmyk,
    /// CIE L*a*b*: the lightness is the grey.
    Lab,
    /// One ink (a `/Separation`): full tint is dark.
    Tint,
    /// A palette of colours of `base`, `base`'s components a byte each.
    Indexed {
        base: Box<Space>,
        palette: Vec<u8>,
    },
}

impl Space {
    fn components(&self) -> usize {
        match self {
            Space::Grey | Space::Tint | Space::Indexed { .. } => 1,
            Space::Rgb | Space::Lab => 3,
            Space::Cmyk => 4,
        }
    }

    /// Grey (0 to 1) of a colour whose components are each 0 to 1.
    fn grey(&self, colour: &[f32]) -> f32 {
        match (self, colour) {
            (Space::Grey, [g, ..]) => *g,
            (Space::Tint, [t, ..]) => 1.0 - t,
            (Space::Rgb, [r, g, b, ..]) => 0.299 * r + 0.587 * g + 0.114 * b,
            (Space::Lab, [l, ..]) => l / 100.0,
            (Space::Cmyk, [c, m, y, k, ..]) => {
                (1.0 - k) * (1.0 - (0.299 * c + 0.587 * m + 0.114 * y))
            }
            (Space::Indexed { base, palette }, [index, ..]) => {
                let width = base.components();
                let start = (*index as usize).saturating_mul(width);
                match palette.get(start..start + width) {
                    Some(entry) => {
                        let colour: Vec<f32> =
                            entry.iter().map(|&b| f32::from(b) / 255.0).collect();
                        match **base {
                            Space::Lab => base.grey(&[colour[0] * 100.0]),
                            _ => base.grey(&colour),
                        }
                    }
                    None => 1.0,
                }
            }
            _ => 1.0,
        }
    }
}

/// The `bytes` of an image described by `dict`, `size` pixels, as grey.
pub(super) fn to_grey(
    doc: &Document,
    dict: &Dictionary,
    bytes: &[u8],
    size: Size,
) -> Result<GrayImage, String> {
    let entry = |key: &[u8]| dict.get(key).ok().map(|value| resolve(doc, value));
    let mask = entry(b"ImageMask").and_then(|v| v.as_bool().ok()) == Some(true);
    let space = match entry(b"ColorSpace") {
        _ if mask => Space::Grey,
        Some(space) => space_of(doc, space, 0)?,
        None => Space::Grey,
    };
    let bits = match entry(b"BitsPerComponent").and_then(|v| v.as_i64().ok()) {
        _ if mask => 1,
        Some(bits @ (1 | 2 | 4 | 8 | 16)) => bits as u32,
        Some(bits) => return Err(format!("{bits} bits a component is not a PDF image depth")),
        None => 8,
    };
    let components = space.components();
    let top = ((1u32 << bits) - 1) as f32;
    let default_decode: Vec<f32> = match space {
        Space::Indexed { .. } => vec![0.0, top],
        Space::Lab => vec![0.0, 100.0, -100.0, 100.0, -100.0, 100.0],
        _ => [0.0, 1.0].repeat(components),
    };
    let decode: Vec<f32> = entry(b"Decode")
        .and_then(|v| v.as_array().ok())
        .map(|values| {
            values
                .iter()
                .filter_map(|v| resolve(doc, v).as_float().ok())
                .collect()
        })
        .filter(|values: &Vec<f32>| values.len() == 2 * components)
        .unwrap_or(default_decode);
    let row_bits = u64::from(size.width) * components as u64 * u64::from(bits);
    let row_bytes = usize::try_from(row_bits.div_ceil(8)).map_err(|_| "rows too long")?;
    let rows = usize::try_from(size.height).map_err(|_| "too many rows")?;
    if bytes.len() < row_bytes.saturating_mul(rows) {
        return Err(format!(
            "its data holds {} bytes, fewer than its {}×{} pixels need ({})",
            bytes.len(),
            size.width,
            size.height,
            row_bytes.saturating_mul(rows)
        ));
    }
    if space == Space::Grey && bits == 8 && decode == [0.0, 1.0] {
        let pixels = bytes[..row_bytes * rows].to_vec();
        return GrayImage::from_raw(size.width, size.height, pixels)
            .ok_or_else(|| "its samples do not fill its rows".to_owned());
    }
    let mut colour = vec![0.0f32; components];
    Ok(GrayImage::from_fn(size.width, size.height, |x, y| {
        let row = &bytes[y as usize * row_bytes..][..row_bytes];
        for (index, value) in colour.iter_mut().enumerate() {
            let sample = sample_at(row, (x as usize * components + index) as u64, bits) as f32;
            let (low, high) = (decode[2 * index], decode[2 * index + 1]);
            *value = low + sample * (high - low) / top;
        }
        if let Space::Indexed { .. } = space {
            colour[0] = colour[0].round().clamp(0.0, top);
        }
        Luma([(space.grey(&colour).clamp(0.0, 1.0) * 255.0).round() as u8])
    }))
}

/// The `index`-th sample of `bits` bits in `row`.
fn sample_at(row: &[u8], index: u64, bits: u32) -> u32 {
    let start = index * u64::from(bits);
    let byte = (start / 8) as usize;
    match bits {
        16 => u32::from(row[byte]) << 8 | u32::from(row[byte + 1]),
        8 => u32::from(row[byte]),
        _ => {
            let shift = 8 - bits - (start % 8) as u32;
            u32::from(row[byte] >> shift) & ((1 << bits) - 1)
        }
    }
}

/// The colour space `object` names or describes.
fn space_of(doc: &Document, object: &Object, depth: usize) -> Result<Space, String> {
    let unknown = |name: &[u8]| {
        format!(
            "its colour space /{} is not read (grey, RGB, CMYK, Lab, ICC-based, \
             separation and indexed are)",
            String::from_utf8_lossy(name)
        )
    };
    if let Ok(name) = object.as_name() {
        return match name {
            b"DeviceGray" | b"G" | b"CalGray" => Ok(Space::Grey),
            b"DeviceRGB" | b"RGB" | b"CalRGB" => Ok(Space::Rgb),
            b"DeviceCMYK" | b"CMYK" => Ok(Space::Cmyk),
            other => Err(unknown(other)),
        };
    }
    let array = object
        .as_array()
        .map_err(|_| "its colour space is damaged".to_owned())?;
    let family = array
        .first()
        .and_then(|f| f.as_name().ok())
        .unwrap_or_default();
    let operand = |index: usize| array.get(index).map(|value| resolve(doc, value));
    match family {
        b"CalGray" => Ok(Space::Grey),
        b"CalRGB" => Ok(Space::Rgb),
        b"Lab" => Ok(Space::Lab),
        b"Separation" => Ok(Space::Tint),
        b"ICCBased" => {
            let stream = operand(1).and_then(|s| s.as_stream().ok());
            let count = stream.and_then(|s| s.dict.get(b"N").ok()?.as_i64().ok());
            match count {
                Some(1) => Ok(Space::Grey),
                Some(3) => Ok(Space::Rgb),
                Some(4) => Ok(Space::Cmyk),
                _ => Err("its ICC-based colour space has no component count".to_owned()),
            }
        }
        b"Indexed" | b"I" if depth < MAX_SPACE_DEPTH => {
            let base = space_of(doc, operand(1).ok_or("its palette has no base")?, depth + 1)?;
            let palette = match operand(3) {
                Some(Object::String(bytes, _)) => bytes.clone(),
                Some(Object::Stream(stream)) => stream
                    .decompressed_content()
                    .unwrap_or_else(|_| stream.content.clone()),
                _ => return Err("its palette is missing".to_owned()),
            };
            Ok(Space::Indexed {
                base: Box::new(base),
                palette,
            })
        }
        other => Err(unknown(other)),
    }
}

#[cfg(test)]
mod tests {
    use lopdf::{StringFormat, dictionary};

    use super::*;

    fn grey(dict: Dictionary, bytes: &[u8], width: u32, height: u32) -> Vec<u8> {
        to_grey(&Document::new(), &dict, bytes, Size { width, height })
            .expect("the samples are read")
            .into_raw()
    }

    #[test]
    fn bilevel_rows_start_on_a_byte_and_decode_inverts() {
        let dict = dictionary! { "ColorSpace" => "DeviceGray", "BitsPerComponent" => 1 };
        // Three pixels a row, five bits of padding.
        assert_eq!(
            grey(dict, &[0b1010_0000, 0b0100_0000], 3, 2),
            [255, 0, 255, 0, 255, 0]
        );
        let inverted = dictionary! {
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 1,
            "Decode" => vec![1.into(), 0.into()],
        };
        assert_eq!(grey(inverted, &[0b1000_0000], 2, 1), [0, 255]);
    }

    #[test]
    fn an_image_mask_paints_its_zeros() {
        let dict = dictionary! { "ImageMask" => true };
        assert_eq!(grey(dict, &[0b0100_0000], 2, 1), [0, 255]);
    }

    #[test]
    fn colours_turn_grey() {
        let rgb = dictionary! { "ColorSpace" => "DeviceRGB", "BitsPerComponent" => 8 };
        assert_eq!(grey(rgb, &[255, 255, 255, 255, 0, 0], 2, 1), [255, 76]);
        let cmyk = dictionary! { "ColorSpace" => "DeviceCMYK", "BitsPerComponent" => 8 };
        assert_eq!(grey(cmyk, &[0, 0, 0, 255, 0, 0, 0, 0], 2, 1), [0, 255]);
        let four_bits = dictionary! { "ColorSpace" => "DeviceGray", "BitsPerComponent" => 4 };
        assert_eq!(grey(four_bits, &[0x0f], 2, 1), [0, 255]);
        let sixteen = dictionary! { "ColorSpace" => "DeviceGray", "BitsPerComponent" => 16 };
        assert_eq!(grey(sixteen, &[0xff, 0xff, 0, 0], 2, 1), [255, 0]);
    }

    #[test]
    fn an_indexed_palette_is_looked_up() {
        let palette = Object::String(vec![0, 0, 0, 255, 255, 255], StringFormat::Hexadecimal);
        let space = vec!["Indexed".into(), "DeviceRGB".into(), 1.into(), palette];
        let dict = dictionary! { "ColorSpace" => space, "BitsPerComponent" => 1 };
        assert_eq!(grey(dict, &[0b0100_0000], 2, 1), [0, 255]);
    }

    #[test]
    fn short_data_and_unknown_spaces_are_errors() {
        let dict = dictionary! { "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 };
        let size = Size {
            width: 4,
            height: 4,
        };
        assert!(to_grey(&Document::new(), &dict, &[0; 3], size).is_err());
        let odd = dictionary! { "ColorSpace" => "Pattern" };
        assert!(
            to_grey(&Document::new(), &odd, &[0; 16], size).is_err_and(|e| e.contains("Pattern"))
        );
        let depth = dictionary! { "BitsPerComponent" => 3 };
        assert!(to_grey(&Document::new(), &depth, &[0; 16], size).is_err());
    }
}
