//! Loading one plan: read the bytes (a file, or standard input for `-`), tell
//! a PDF from a text dump, and run the matching reader and the parser.

use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;
use piano_model::{Layout, Plan, Source, SourceFormat};
use piano_parse::Vocabulary;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// How far into the input the `%PDF-` signature is looked for (PDF readers
/// accept junk before it, and so does piano).
const PDF_SIGNATURE_WINDOW: usize = 1024;

/// Reads and parses the plan at `path` (`-` for standard input). Errors name the path.
pub fn load_plan(path: &Path, profiles: &[Vocabulary]) -> anyhow::Result<Plan> {
    let name = display_name(path);
    let bytes = read_input(path).with_context(|| name.clone())?;
    parse_bytes_with(&name, &bytes, profiles).with_context(|| name.clone())
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

/// Parses `bytes` read from the input named `name` with the layout
/// `profiles`: as a PDF when it carries the `%PDF-` signature in its first
/// kilobyte, else as a text dump.
pub fn parse_bytes_with(name: &str, bytes: &[u8], profiles: &[Vocabulary]) -> anyhow::Result<Plan> {
    let (layout, format) = read_layout(bytes)?;
    let source = Source::from_bytes(name, bytes, format);
    Ok(piano_parse::parse_with(layout, source, profiles))
}

/// The lines of cells in `bytes`, read as a PDF when it carries the `%PDF-`
/// signature in its first kilobyte, else as a text dump, with the format read.
pub fn read_layout(bytes: &[u8]) -> anyhow::Result<(Layout, SourceFormat)> {
    Ok(if is_pdf(bytes) {
        (piano_pdf::read_pdf(bytes)?, SourceFormat::Pdf)
    } else {
        (piano_text::read_text(bytes)?, SourceFormat::Text)
    })
}

/// The bundled profiles with the user's, read from `files`.
pub fn load_profiles(files: &[PathBuf]) -> anyhow::Result<Vec<Vocabulary>> {
    let user = files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).with_context(|| display_name(path))?;
            Vocabulary::from_toml(&text).with_context(|| display_name(path))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok(Vocabulary::with_user_profiles(user))
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
        assert!(!is_pdf(b"COMUNE DI PROVA\n%PDF"));
        assert!(!is_pdf(b""));
    }

    #[test]
    fn text_input_is_parsed_as_text() {
        let plan = parse_bytes_with("dir/plan.txt", b"COMUNE DI PROVA\n", Vocabulary::bundled())
            .expect("text is read");
        assert_eq!(plan.source.format, SourceFormat::Text);
        assert_eq!(plan.source.file, "plan.txt");
    }

    #[test]
    fn empty_input_is_refused() {
        assert!(parse_bytes_with("empty.txt", b"", Vocabulary::bundled()).is_err());
    }
}
