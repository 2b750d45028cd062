//! CCITT fax data (`CCITTFaxDecode`), as bilevel scans are stored: Group 4
//! (`/K` below 0) and one-dimensional Group 3 (`/K` 0, lines ending in EOL
//! codes), decoded by the `fax` crate (the `tiff` crate's own decoder) into
//! one bit a pixel, rows starting on a byte, black written as `/BlackIs1`
//! says, for the samples' reading to map through `/Decode`.

use fax::Color;
use lopdf::Dictionary;

use super::Size;

/// The samples of CCITT `data` for an image of `size`, read with `params`.
pub(super) fn decode(
    data: &[u8],
    params: Option<&Dictionary>,
    size: Size,
) -> Result<Vec<u8>, String> {
    let number = |key: &[u8], default: i64| {
        params
            .and_then(|p| p.get(key).ok())
            .and_then(|v| v.as_i64().ok())
            .unwrap_or(default)
    };
    let black_is_one = params
        .and_then(|p| p.get(b"BlackIs1").ok())
        .and_then(|v| v.as_bool().ok())
        .unwrap_or(false);
    let columns = number(b"Columns", 1728);
    if columns != i64::from(size.width) {
        return Err(format!(
            "its fax data is {columns} pixels wide, its image {} pixels",
            size.width
        ));
    }
    let width = u16::try_from(size.width).map_err(|_| "its fax lines are too long")?;
    let height = u16::try_from(size.height).map_err(|_| "it has too many fax lines")?;
    let row_bytes = usize::from(width).div_ceil(8);
    let mut bits = Vec::with_capacity(row_bytes * usize::from(height));
    let mut push_line = |transitions: &[u16]| {
        if bits.len() >= row_bytes * usize::from(height) {
            return;
        }
        let mut row = vec![0u8; row_bytes];
        for (x, colour) in fax::decoder::pels(transitions, width).enumerate() {
            if (colour == Color::Black) == black_is_one {
                row[x / 8] |= 0x80 >> (x % 8);
            }
        }
        bits.extend_from_slice(&row);
    };
    let input = data.iter().copied();
    let decoded = match number(b"K", 0) {
        k if k < 0 => fax::decoder::decode_g4(input, width, Some(height), &mut push_line),
        0 => fax::decoder::decode_g3(input, &mut push_line),
        _ => {
            return Err(
                "it is two-dimensional CCITT Group 3 fax data (/K above 0), which piano \
                 does not decode: convert the PDF's images first (e.g. `pdftoppm -tiff`)"
                    .to_owned(),
            );
        }
    };
    if decoded.is_none() && bits.is_empty() {
        return Err("its CCITT fax data is damaged".to_owned());
    }
    // Lines lost to damage at the end are white, as a fax reader shows them.
    let white = if black_is_one { 0 } else { 0xff };
    bits.resize(row_bytes * usize::from(height), white);
    Ok(bits)
}

#[cfg(test)]
mod tests {
    use fax::encoder::Encoder;
    use fax::{Color, VecWriter};
    use lopdf::dictionary;

    use super::*;

    /// A Group 4 encoding of `rows` of colours, by the `fax` crate's encoder.
    fn group4(rows: &[Vec<Color>]) -> Vec<u8> {
        let mut encoder = Encoder::new(VecWriter::new());
        for row in rows {
            encoder
                .encode_line(row.iter().copied(), row.len() as u16)
                .expect("a line is encoded");
        }
        encoder.finish().expect("the data is finished").finish()
    }

    #[test]
    fn group_4_data_decodes_with_black_as_zero() {
        use Color::{Black, White};
        let rows = vec![vec![Black, White, White, Black], vec![White; 4]];
        let params = dictionary! { "K" => -1, "Columns" => 4, "Rows" => 2 };
        let bits = decode(
            &group4(&rows),
            Some(&params),
            Size {
                width: 4,
                height: 2,
            },
        )
        .expect("the fax data decodes");
        assert_eq!(bits, [0b0110_0000, 0b1111_0000]);
        let mut inverted = params.clone();
        inverted.set("BlackIs1", true);
        let bits = decode(
            &group4(&rows),
            Some(&inverted),
            Size {
                width: 4,
                height: 2,
            },
        )
        .expect("the fax data decodes");
        assert_eq!(bits, [0b1001_0000, 0]);
    }

    #[test]
    fn mismatched_widths_and_two_dimensional_group_3_are_refused() {
        let size = Size {
            width: 8,
            height: 1,
        };
        let wide = dictionary! { "K" => -1, "Columns" => 16 };
        assert!(decode(&[0], Some(&wide), size).is_err());
        let mixed = dictionary! { "K" => 4, "Columns" => 8 };
        assert!(decode(&[0], Some(&mixed), size).is_err_and(|e| e.contains("Group 3")));
    }
}
