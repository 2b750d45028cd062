//! Bytes to text: the encodings plan dumps come in.
//!
//! Plan dumps come as UTF-8 (with or without BOM), UTF-16 with or without
//! BOM, or Windows-1252 (and so Latin-1) when exported by older office
//! software; UTF-8 with a few stray Windows-1252 bytes is read line by line.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

use crate::ReadError;
use piano_model::{Code, Diagnostic};

/// How many leading bytes are sampled to tell text from binary data.
const SNIFF_BYTES: usize = 64 * 1024;

/// Decodes `bytes` (not empty) into text, saying in `diagnostics` which
/// encoding was guessed when it was not UTF-8. UTF-8 input is read in place.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Cow<'a, str>, ReadError> {
    if let Some((encoding, bom_length)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom_length..];
        if encoding == encoding_rs::UTF_8 {
            return decode_utf8(body, diagnostics);
        }
        return Ok(Cow::Owned(decode_with(
            encoding,
            body,
            "a byte order mark",
            diagnostics,
        )));
    }
    if let Some(encoding) = bomless_utf16(bytes) {
        let text = decode_with(encoding, bytes, "its NUL bytes", diagnostics);
        return Ok(Cow::Owned(text));
    }
    decode_utf8(bytes, diagnostics)
}

fn decode_utf8<'a>(
    bytes: &'a [u8],
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Cow<'a, str>, ReadError> {
    reject_binary(bytes)?;
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(text));
    }
    let has_utf8_letters = bytes.utf8_chunks().any(|chunk| !chunk.valid().is_ascii());
    if !has_utf8_letters {
        return Ok(Cow::Owned(decode_with(
            WINDOWS_1252,
            bytes,
            "bytes that are not UTF-8",
            diagnostics,
        )));
    }
    Ok(Cow::Owned(decode_stray_bytes(bytes, diagnostics)))
}

/// UTF-8 with a few bytes of another encoding (a line pasted from an older
/// file): the UTF-8 stays UTF-8, and only the stray bytes are read as
/// Windows-1252.
fn decode_stray_bytes(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    let mut text = String::with_capacity(bytes.len());
    let mut stray = 0usize;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            stray += invalid.len();
            text.push_str(&WINDOWS_1252.decode_without_bom_handling(invalid).0);
        }
    }
    diagnostics.push(Diagnostic::new(
        Code::EncodingDetected,
        format!("UTF-8 with {stray} stray bytes that are not UTF-8, read as windows-1252"),
    ));
    text
}

fn decode_with(
    encoding: &'static Encoding,
    bytes: &[u8],
    evidence: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> String {
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    diagnostics.push(Diagnostic::new(
        Code::EncodingDetected,
        format!("decoded as {}, told by {evidence}", encoding.name()),
    ));
    text.into_owned()
}

/// UTF-16 without a byte order mark shows as every other byte being NUL.
fn bomless_utf16(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if sample.len() < 4 || sample.len() % 2 != 0 {
        return None;
    }
    let pairs = sample.len() / 2;
    let nul_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let mostly_nul = |count: usize| count * 10 >= pairs * 9;
    match (mostly_nul(nul_at(0)), mostly_nul(nul_at(1))) {
        (false, true) => Some(UTF_16LE),
        (true, false) => Some(UTF_16BE),
        _ => None,
    }
}

/// Text has no NUL bytes and few other control bytes; anything else is binary.
fn reject_binary(bytes: &[u8]) -> Result<(), ReadError> {
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let is_control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c);
    // NUL is a control byte too: text without any (nearly all) is settled
    // in one quick pass.
    if !sample.iter().any(|&b| is_control(b)) {
        return Ok(());
    }
    let first = sample.iter().position(|&b| b == 0).or_else(|| {
        let controls = sample.iter().filter(|&&b| is_control(b)).count();
        (controls * 100 > sample.len()).then(|| sample.iter().position(|&b| is_control(b)))?
    });
    match first {
        Some(offset) => Err(ReadError::Binary {
            offset,
            byte: bytes[offset],
        }),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read_text;
    use piano_model::{Layout, TextLine};

    fn texts(layout: &Layout) -> Vec<String> {
        layout
            .lines
            .iter()
            .map(TextLine::to_tab_separated)
            .collect()
    }

    #[test]
    fn strips_the_utf8_bom() {
        let layout = read_text("\u{feff}Città".as_bytes()).expect("text");
        assert_eq!(texts(&layout)[0], "Città");
        assert!(layout.diagnostics.is_empty());
    }

    #[test]
    fn decodes_utf16_with_and_without_bom() {
        for bom in [true, false] {
            let mut bytes = if bom { vec![0xff, 0xfe] } else { Vec::new() };
            bytes.extend("Città\tè\n".encode_utf16().flat_map(u16::to_le_bytes));
            let layout = read_text(&bytes).expect("utf-16");
            assert_eq!(texts(&layout)[0], "Città\tè");
            assert_eq!(layout.diagnostics[0].code, Code::EncodingDetected);
        }
    }

    #[test]
    fn falls_back_to_windows_1252_and_says_so() {
        let layout = read_text(b"Citt\xe0 \x96 perch\xe9").expect("windows-1252");
        assert_eq!(texts(&layout)[0], "Città – perché");
        assert_eq!(layout.diagnostics.len(), 1);
        assert!(layout.diagnostics[0].message.contains("windows-1252"));
    }

    #[test]
    fn stray_windows_1252_bytes_in_utf8_stay_local() {
        let layout = read_text(
            "Città\n"
                .bytes()
                .chain(*b"perch\xe9")
                .collect::<Vec<u8>>()
                .as_slice(),
        )
        .expect("text");
        assert_eq!(texts(&layout), ["Città", "perché"]);
        assert!(layout.diagnostics[0].message.contains("1 stray bytes"));
    }

    #[test]
    fn refuses_empty_and_binary_input() {
        assert_eq!(read_text(b""), Err(ReadError::Empty));
        assert_eq!(
            read_text(b"%\x01\x02\x03\x00abc"),
            Err(ReadError::Binary { offset: 4, byte: 0 })
        );
    }
}
