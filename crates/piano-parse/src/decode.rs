//! Bytes to lines of cells: encodings, line ends, form feeds, tabs.
//!
//! Plan dumps come as UTF-8 (with or without BOM), UTF-16 with BOM, or
//! Windows-1252 when exported by older office software. Lines end in LF, CRLF
//! or CR; a form feed starts a new page. Cells are separated by tabs.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};
use piano_model::{Code, Diagnostic, Layout, TextLine};

/// Why bytes could not be read as text at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// The input has no bytes.
    #[error("the file is empty")]
    Empty,
    /// The input holds bytes no text has (NUL and other control bytes).
    #[error("not a text file: control byte 0x{byte:02x} at byte offset {offset}")]
    Binary {
        /// Offset of the first offending byte.
        offset: usize,
        /// The byte.
        byte: u8,
    },
}

/// How many leading bytes are sampled to tell text from binary data.
const SNIFF_BYTES: usize = 64 * 1024;

/// Decodes `bytes` into lines of tab-separated cells, with page numbers when
/// the text has form feeds. Blank lines are left out (see [`Layout::lines`]).
pub fn read_text(bytes: &[u8]) -> Result<Layout, ReadError> {
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut diagnostics = Vec::new();
    let text = decode(bytes, &mut diagnostics)?;
    // The text is only split into cells, which copy what they hold: UTF-8
    // input is read in place.
    let mut layout = split_lines(&text);
    layout.diagnostics = diagnostics;
    Ok(layout)
}

fn decode<'a>(
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

/// Splits decoded text into numbered lines of cells; a form feed starts a page.
fn split_lines(text: &str) -> Layout {
    let paged = text.contains('\u{c}');
    let mut page = 1u32;
    let mut lines = Vec::new();
    for (index, raw) in physical_lines(text).enumerate() {
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let mut content = raw;
        while let Some((before, after)) = content.split_once('\u{c}') {
            if !before.trim().is_empty() {
                lines.push(line_of(number, paged.then_some(page), before));
            }
            page += 1;
            content = after;
        }
        if !content.trim().is_empty() {
            lines.push(line_of(number, paged.then_some(page), content));
        }
    }
    let last_page = lines.last().and_then(|line: &TextLine| line.page);
    Layout {
        lines,
        pages: last_page,
        diagnostics: Vec::new(),
    }
}

fn line_of(number: u32, page: Option<u32>, text: &str) -> TextLine {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    TextLine::from_texts(number, page, text.split('\t'))
}

/// Lines ended by LF, CRLF or CR.
fn physical_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| matches!(b, b'\n' | b'\r')) {
            Some(end) => {
                let skip = if current[end..].starts_with("\r\n") {
                    2
                } else {
                    1
                };
                rest = Some(&current[end + skip..]);
                Some(&current[..end])
            }
            None => {
                rest = None;
                (!current.is_empty()).then_some(current)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(layout: &Layout) -> Vec<(u32, Option<u32>, String)> {
        layout
            .lines
            .iter()
            .map(|line| (line.number, line.page, line.to_tab_separated()))
            .collect()
    }

    #[test]
    fn reads_every_line_end_and_skips_blank_lines() {
        let layout = read_text(b"a\tb\r\n\r\nc\rd\n  \ne").expect("text");
        let expected = [
            (1, None, "a\tb"),
            (3, None, "c"),
            (4, None, "d"),
            (6, None, "e"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|&(n, p, t)| (n, p, t.to_owned()))
            .collect();
        assert_eq!(texts(&layout), expected);
        assert!(layout.diagnostics.is_empty());
    }

    #[test]
    fn form_feeds_give_pages() {
        let layout = read_text("uno\n\u{c}due\ntre\u{c}quattro\n\u{c}".as_bytes()).expect("text");
        let pages: Vec<_> = texts(&layout).into_iter().map(|(n, p, _)| (n, p)).collect();
        assert_eq!(
            pages,
            [(1, Some(1)), (2, Some(2)), (3, Some(2)), (3, Some(3))]
        );
        assert_eq!(layout.pages, Some(3));
    }

    #[test]
    fn strips_the_utf8_bom() {
        let layout = read_text("\u{feff}Città".as_bytes()).expect("text");
        assert_eq!(texts(&layout)[0].2, "Città");
        assert!(layout.diagnostics.is_empty());
    }

    #[test]
    fn decodes_utf16_with_and_without_bom() {
        for bom in [true, false] {
            let mut bytes = if bom { vec![0xff, 0xfe] } else { Vec::new() };
            bytes.extend("Città\tè\n".encode_utf16().flat_map(u16::to_le_bytes));
            let layout = read_text(&bytes).expect("utf-16");
            assert_eq!(texts(&layout)[0].2, "Città\tè");
            assert_eq!(layout.diagnostics[0].code, Code::EncodingDetected);
        }
    }

    #[test]
    fn falls_back_to_windows_1252_and_says_so() {
        let layout = read_text(b"Citt\xe0 \x96 perch\xe9").expect("windows-1252");
        assert_eq!(texts(&layout)[0].2, "Città – perché");
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
        let lines: Vec<String> = texts(&layout)
            .into_iter()
            .map(|(_, _, text)| text)
            .collect();
        assert_eq!(lines, ["Città", "perché"]);
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
