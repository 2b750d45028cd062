//! Loading one plan: read the bytes (a file, or standard input for `-`), tell
//! a PDF from a text dump, and run the matching reader and the parser.

use std::io::Read;
use std::path::Path;

use anyhow::Context;
use piano_model::{Plan, Source, SourceFormat};

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// How far into the input the `%PDF-` signature is looked for (PDF readers
/// accept junk before it, and so does piano).
const PDF_SIGNATURE_WINDOW: usize = 1024;

/// Reads and parses the plan at `path` (`-` for standard input). Errors name the path.
pub fn load_plan(path: &Path) -> anyhow::Result<Plan> {
    let name = display_name(path);
    let bytes = read_input(path).with_context(|| name.clone())?;
    parse_bytes(&name, &bytes).with_context(|| name.clone())
}

/// The name of `path` in messages: as given, `-` for standard input.
pub fn display_name(path: &Path) -> String {
    path.display().to_string()
}

/// The bytes at `path`, or standard input's for `-`.
pub fn read_input(path: &Path) -> anyhow::Result<Vec<u8>> {
    if path == Path::new(STDIN) {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        return Ok(bytes);
    }
    Ok(std::fs::read(path)?)
}

/// Parses `bytes` read from the input named `name`: as a PDF when it carries
/// the `%PDF-` signature in its first kilobyte, else as a text dump.
pub fn parse_bytes(name: &str, bytes: &[u8]) -> anyhow::Result<Plan> {
    if is_pdf(bytes) {
        let layout = piano_pdf::read_pdf(bytes)?;
        let source = Source::from_bytes(name, bytes, SourceFormat::Pdf);
        return Ok(piano_parse::parse(layout, source));
    }
    Ok(piano_parse::parse_text(name, bytes)?)
}

/// Whether `bytes` look like a PDF.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(PDF_SIGNATURE_WINDOW)];
    window.windows(5).any(|part| part == b"%PDF-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_pdf_signature_in_the_first_kilobyte() {
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(is_pdf(b"\xef\xbb\xbfjunk %PDF-1.4"));
        let mut late = vec![b' '; PDF_SIGNATURE_WINDOW];
        late.extend_from_slice(b"%PDF-1.4");
        assert!(!is_pdf(&late));
        assert!(!is_pdf(b"COMUNE DI PORTOFERRAIO\n%PDF"));
        assert!(!is_pdf(b""));
    }

    #[test]
    fn text_input_is_parsed_as_text() {
        let plan = parse_bytes("dir/plan.txt", b"COMUNE DI PROVA\n").expect("text is read");
        assert_eq!(plan.source.format, SourceFormat::Text);
        assert_eq!(plan.source.file, "plan.txt");
    }

    #[test]
    fn empty_input_is_refused() {
        assert!(parse_bytes("empty.txt", b"").is_err());
    }
}
