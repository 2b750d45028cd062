//! Fonts: splitting a string operand into character codes, each code's text
//! and its advance width.
//!
//! Text decoding is lopdf's (`Dictionary::get_font_encoding`: the standard,
//! WinAnsi and MacRoman encodings, `/Differences` with glyph names, ToUnicode
//! CMaps). Written here, because lopdf has none of it: ToUnicode taking
//! precedence over `/Encoding`, code lengths of composite fonts, widths
//! (`/Widths`, `/MissingWidth`, `/W`, `/DW`, the standard 14 fonts' metrics,
//! Type 3 `/FontMatrix`), and ligature expansion.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Encoding, Object};

use crate::metrics::{StandardMetrics, standard_metrics};

/// One character code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Code {
    /// The Unicode text; empty when the code maps to nothing (shared: codes repeat).
    pub text: Rc<str>,
    /// Advance width in text space units (1 = the font size).
    pub width: f32,
    /// A single-byte code 32, to which word spacing (`Tw`) applies.
    pub word_space: bool,
}

/// Widths of a font, by code.
#[derive(Debug)]
enum Widths {
    /// `/FirstChar` + `/Widths`, else the standard metrics, else a default.
    Simple {
        first: u32,
        widths: Vec<f32>,
        missing: f32,
        standard: Option<&'static StandardMetrics>,
    },
    /// A CIDFont's `/W` ranges and `/DW`.
    Composite {
        default: f32,
        widths: HashMap<u32, f32>,
    },
}

/// A font ready to decode strings.
pub(crate) struct Font<'a> {
    unicode: Option<Encoding<'a>>,
    encoding: Option<Encoding<'a>>,
    widths: Widths,
    /// Glyph space to text space (1/1000, or a Type 3 font's matrix).
    scale: f32,
    /// Composite fonts with an Identity CMap use two-byte codes.
    two_byte: bool,
    texts: RefCell<HashMap<u32, Rc<str>>>,
}

impl<'a> Font<'a> {
    /// Reads a font dictionary. Never fails: what cannot be read falls back
    /// to defaults (one-byte codes, width 0.5 em, U+FFFD text).
    pub fn new(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let subtype = name(dict, b"Subtype").unwrap_or_default();
        let composite = subtype == "Type0";
        let unicode = to_unicode(doc, dict);
        // A composite font's codes mean nothing to a one-byte encoding: only
        // the UCS-2 / UTF-16 CMaps, which lopdf decodes, stand in for ToUnicode.
        let unicode_cmap =
            name(dict, b"Encoding").is_some_and(|n| n.contains("UCS2") || n.contains("UTF16"));
        let encoding = if composite && (unicode.is_some() || !unicode_cmap) {
            None
        } else {
            dict.get_font_encoding(doc).ok()
        };
        let scale = if subtype == "Type3" {
            dict.get(b"FontMatrix")
                .and_then(Object::as_array)
                .ok()
                .and_then(|m| m.first())
                .and_then(|v| v.as_float().ok())
                .unwrap_or(0.001)
        } else {
            0.001
        };
        let widths = if composite {
            composite_widths(doc, dict)
        } else {
            simple_widths(doc, dict)
        };
        Font {
            unicode,
            encoding,
            widths,
            scale,
            two_byte: composite,
            texts: RefCell::new(HashMap::new()),
        }
    }

    /// Splits a string operand into codes with their text and width.
    pub fn decode(&self, bytes: &[u8]) -> Vec<Code> {
        let step = if self.two_byte { 2 } else { 1 };
        bytes
            .chunks(step)
            .map(|chunk| {
                let code = chunk.iter().fold(0u32, |acc, b| acc << 8 | u32::from(*b));
                Code {
                    text: self.text(code, chunk),
                    width: self.width(code) * self.scale,
                    word_space: step == 1 && code == 32,
                }
            })
            .collect()
    }

    fn text(&self, code: u32, bytes: &[u8]) -> Rc<str> {
        if let Some(text) = self.texts.borrow().get(&code) {
            return text.clone();
        }
        let from_unicode = self
            .unicode
            .as_ref()
            .and_then(|e| e.bytes_to_string(bytes).ok())
            .filter(|t| !t.is_empty() && !t.contains('\u{FFFD}'));
        let from_encoding = || {
            self.encoding
                .as_ref()
                .and_then(|e| e.bytes_to_string(bytes).ok())
        };
        let text: Rc<str> = match from_unicode.or_else(from_encoding) {
            Some(text) => Rc::from(normalise(&text)),
            // A code its font's ToUnicode leaves out is part of a cluster
            // mapped on another glyph (shaped scripts): it adds no text.
            None if self.unicode.is_some() => Rc::from(""),
            None => Rc::from("\u{FFFD}"),
        };
        self.texts.borrow_mut().insert(code, text.clone());
        text
    }

    fn width(&self, code: u32) -> f32 {
        match &self.widths {
            Widths::Simple {
                first,
                widths,
                missing,
                standard,
            } => code
                .checked_sub(*first)
                .and_then(|i| widths.get(i as usize).copied())
                .or_else(|| {
                    let byte = u8::try_from(code).ok()?;
                    standard.map(|s| s.width(byte))
                })
                .unwrap_or(*missing),
            Widths::Composite { default, widths } => widths.get(&code).copied().unwrap_or(*default),
        }
    }
}

/// Expands ligatures (U+FB00–FB06) and turns no-break spaces and controls into spaces.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{A0}' | '\t' => out.push(' '),
            c if c.is_control() || c == '\u{200B}' => {}
            c => out.push(c),
        }
    }
    out
}

/// The font's ToUnicode CMap, parsed by lopdf (which reads it only when the
/// font has no `/Encoding`: a copy without one is handed over). lopdf rejects
/// empty destinations (`<0003> <>`, written by WeasyPrint for glyphs that add
/// no text); those are read as a zero-width space, which [`normalise`] drops.
fn to_unicode<'a>(doc: &'a Document, dict: &Dictionary) -> Option<Encoding<'a>> {
    let reference = dict.get(b"ToUnicode").ok()?;
    parse_to_unicode(doc, reference.clone()).or_else(|| {
        let stream = deref(doc, reference).as_stream().ok()?;
        let content = stream
            .decompressed_content_with_limit(lopdf::DEFAULT_MAX_DECOMPRESSED_SIZE)
            .ok()?;
        let patched = replace_all(&content, b"<>", b"<200B>");
        let stream = lopdf::Stream::new(Dictionary::new(), patched);
        parse_to_unicode(doc, Object::Stream(stream))
    })
}

fn parse_to_unicode<'a>(doc: &'a Document, cmap: Object) -> Option<Encoding<'a>> {
    let mut only = Dictionary::new();
    only.set("Type", Object::Name(b"Font".to_vec()));
    only.set("ToUnicode", cmap);
    match only.get_font_encoding(doc).ok()? {
        Encoding::UnicodeMapEncoding(cmap) => Some(Encoding::UnicodeMapEncoding(cmap)),
        _ => None,
    }
}

fn replace_all(haystack: &[u8], from: &[u8], to: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(haystack.len());
    let mut rest = haystack;
    while let Some(at) = rest.windows(from.len()).position(|w| w == from) {
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(to);
        rest = &rest[at + from.len()..];
    }
    out.extend_from_slice(rest);
    out
}

fn name(dict: &Dictionary, key: &[u8]) -> Option<String> {
    dict.get(key)
        .and_then(Object::as_name)
        .ok()
        .map(|n| String::from_utf8_lossy(n).into_owned())
}

fn deref<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        _ => object,
    }
}

fn number(doc: &Document, object: &Object) -> Option<f32> {
    deref(doc, object).as_float().ok()
}

fn simple_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let first = dict
        .get(b"FirstChar")
        .ok()
        .and_then(|o| number(doc, o))
        .map_or(0, |n| n.max(0.0) as u32);
    let widths: Vec<f32> = dict
        .get(b"Widths")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
        .map(|array| {
            array
                .iter()
                .map(|w| number(doc, w).unwrap_or(0.0))
                .collect()
        })
        .unwrap_or_default();
    let missing = dict
        .get(b"FontDescriptor")
        .ok()
        .and_then(|o| deref(doc, o).as_dict().ok())
        .and_then(|d| d.get(b"MissingWidth").ok())
        .and_then(|o| number(doc, o))
        .filter(|w| *w > 0.0)
        .unwrap_or(500.0);
    let base = name(dict, b"BaseFont").unwrap_or_default();
    let base = base.split_once('+').map_or(base.as_str(), |(_, rest)| rest);
    let standard = if widths.is_empty() {
        standard_metrics(base)
    } else {
        None
    };
    Widths::Simple {
        first,
        widths,
        missing,
        standard,
    }
}

fn composite_widths(doc: &Document, dict: &Dictionary) -> Widths {
    let descendant = dict
        .get(b"DescendantFonts")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok())
        .and_then(|a| a.first())
        .and_then(|o| deref(doc, o).as_dict().ok());
    let Some(descendant) = descendant else {
        return Widths::Composite {
            default: 1000.0,
            widths: HashMap::new(),
        };
    };
    let default = descendant
        .get(b"DW")
        .ok()
        .and_then(|o| number(doc, o))
        .unwrap_or(1000.0);
    let mut widths = HashMap::new();
    let array = descendant
        .get(b"W")
        .ok()
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_array().ok());
    if let Some(array) = array {
        read_w_array(doc, array, &mut widths);
    }
    Widths::Composite { default, widths }
}

/// `/W`: `c [w1 w2 …]` gives consecutive codes from c; `c1 c2 w` a range.
/// At most 65,536 codes are read (all two-byte codes): a hostile array
/// cannot make reading it slow.
fn read_w_array(doc: &Document, array: &[Object], widths: &mut HashMap<u32, f32>) {
    const MAX_RANGE: u32 = 65_536;
    let mut items = array.iter().map(|o| deref(doc, o)).peekable();
    while let Some(first) = items.next() {
        if widths.len() >= MAX_RANGE as usize {
            break;
        }
        let Some(start) = first.as_float().ok().map(|n| n.max(0.0) as u32) else {
            continue;
        };
        match items.next() {
            Some(Object::Array(list)) => {
                for (i, w) in list.iter().enumerate() {
                    if let Some(w) = number(doc, w) {
                        widths.insert(start.saturating_add(i as u32), w);
                    }
                }
            }
            Some(end) => {
                let end = end.as_float().map_or(start, |n| n.max(0.0) as u32);
                let width = items.next().and_then(|w| w.as_float().ok()).unwrap_or(0.0);
                for code in start..=end.min(start.saturating_add(MAX_RANGE)) {
                    widths.insert(code, width);
                }
            }
            None => break,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_are_expanded() {
        assert_eq!(
            normalise("speci\u{FB01}co e\u{FB03}cace"),
            "specifico efficace"
        );
    }

    #[test]
    fn w_arrays_read_both_forms() {
        let doc = Document::new();
        let array = vec![
            Object::Integer(3),
            Object::Array(vec![Object::Integer(500), Object::Integer(600)]),
            Object::Integer(10),
            Object::Integer(12),
            Object::Integer(250),
        ];
        let mut widths = HashMap::new();
        read_w_array(&doc, &array, &mut widths);
        assert_eq!(widths.get(&4), Some(&600.0));
        assert_eq!(widths.get(&12), Some(&250.0));
        assert_eq!(widths.get(&13), None);
    }

    fn name(text: &str) -> Object {
        Object::Name(text.as_bytes().to_vec())
    }

    fn simple_font(encoding: Object) -> Dictionary {
        let mut dict = Dictionary::new();
        dict.set("Type", name("Font"));
        dict.set("Subtype", name("TrueType"));
        dict.set("BaseFont", name("ABCDEF+LiberationSans"));
        dict.set("Encoding", encoding);
        dict.set("FirstChar", 65);
        dict.set("Widths", vec![Object::Integer(667), Object::Integer(667)]);
        dict
    }

    fn to_unicode(doc: &mut Document, cmap: &str) -> Object {
        let stream = lopdf::Stream::new(Dictionary::new(), cmap.as_bytes().to_vec());
        Object::Reference(doc.add_object(stream))
    }

    /// A ToUnicode CMap in the canonical layout, around `body`.
    fn cmap(body: &str) -> String {
        format!(
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
             /CMapName /Test def\n/CMapType 2 def\n{body}\nendcmap\n\
             CMapName currentdict /CMap defineresource pop\nend\nend\n"
        )
    }

    #[test]
    fn to_unicode_wins_over_the_encoding() {
        let mut doc = Document::new();
        let cmap = cmap(
            "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n\
             1 beginbfchar\n<41> <005A>\nendbfchar",
        );
        let mut dict = simple_font(name("WinAnsiEncoding"));
        dict.set("ToUnicode", to_unicode(&mut doc, &cmap));
        let font = Font::new(&doc, &dict);
        let codes = font.decode(b"AB");
        assert_eq!(&*codes[0].text, "Z", "ToUnicode maps A to Z");
        assert_eq!(
            &*codes[1].text, "B",
            "unmapped codes fall back to the encoding"
        );
        assert!(
            (codes[1].width - 0.667).abs() < 1e-6,
            "/Widths from /FirstChar"
        );
    }

    #[test]
    fn differences_name_glyphs_over_a_base_encoding() {
        let doc = Document::new();
        let mut encoding = Dictionary::new();
        encoding.set("BaseEncoding", name("WinAnsiEncoding"));
        encoding.set("Differences", vec![Object::Integer(65), name("eacute")]);
        let dict = simple_font(Object::Dictionary(encoding));
        let font = Font::new(&doc, &dict);
        let texts: Vec<String> = font
            .decode(b"AB")
            .iter()
            .map(|c| c.text.to_string())
            .collect();
        assert_eq!(texts, ["é", "B"]);
    }

    #[test]
    fn mac_roman_is_decoded() {
        let doc = Document::new();
        let dict = simple_font(name("MacRomanEncoding"));
        let font = Font::new(&doc, &dict);
        assert_eq!(&*font.decode(b"\x8e")[0].text, "é");
    }

    #[test]
    fn type0_fonts_use_two_byte_codes_their_cmap_and_w_widths() {
        let mut doc = Document::new();
        let cmap = cmap(
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n\
             2 beginbfchar\n<0003> <0020>\n<0024> <0041>\nendbfchar\n\
             1 beginbfrange\n<0040> <0041> <FB01>\nendbfrange",
        );
        let mut descendant = Dictionary::new();
        descendant.set("Type", name("Font"));
        descendant.set("Subtype", name("CIDFontType2"));
        descendant.set("DW", 1000);
        descendant.set(
            "W",
            vec![
                Object::Integer(3),
                Object::Array(vec![Object::Integer(250)]),
                Object::Integer(36),
                Object::Array(vec![Object::Integer(600)]),
            ],
        );
        let descendant = doc.add_object(descendant);
        let mut dict = Dictionary::new();
        dict.set("Type", name("Font"));
        dict.set("Subtype", name("Type0"));
        dict.set("Encoding", name("Identity-H"));
        dict.set("DescendantFonts", vec![Object::Reference(descendant)]);
        dict.set("ToUnicode", to_unicode(&mut doc, &cmap));
        let font = Font::new(&doc, &dict);
        let codes = font.decode(b"\x00\x24\x00\x03\x00\x40\x00\x99");
        let texts: Vec<&str> = codes.iter().map(|c| &*c.text).collect();
        assert_eq!(texts, ["A", " ", "fi", ""], "an unmapped code adds no text");
        let widths: Vec<f32> = codes.iter().map(|c| c.width).collect();
        assert_eq!(widths, [0.6, 0.25, 1.0, 1.0]);
        assert!(
            !codes[1].word_space,
            "Tw applies to single-byte code 32 only"
        );
    }

    #[test]
    fn a_standard_font_without_widths_uses_its_metrics() {
        let doc = Document::new();
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Font".to_vec()));
        dict.set("Subtype", Object::Name(b"Type1".to_vec()));
        dict.set("BaseFont", Object::Name(b"Helvetica".to_vec()));
        dict.set("Encoding", Object::Name(b"WinAnsiEncoding".to_vec()));
        let font = Font::new(&doc, &dict);
        let codes = font.decode(b"A \xe8");
        assert_eq!(&*codes[0].text, "A");
        assert!((codes[0].width - 0.667).abs() < 1e-6);
        assert!(codes[1].word_space);
        assert_eq!(&*codes[2].text, "è");
    }
}
