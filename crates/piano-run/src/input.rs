//! Loading one plan: read the bytes (a file, or standard input for `-`), tell
//! an image or a PDF from a text dump by their signatures, and run the
//! matching reader and the parser.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::Context;
use piano_model::{Layout, Ocr, Plan, Source, SourceFormat};
use piano_ocr::{PageImage, Settings as OcrSettings};
use piano_parse::Vocabulary;
use piano_table::PageTrace;

/// The path that stands for standard input.
pub const STDIN: &str = "-";

/// How far into the input the `%PDF-` signature is looked for (PDF readers
/// accept junk before it, and so does piano).
const PDF_SIGNATURE_WINDOW: usize = 1024;

/// Reads and parses the plan at `path` (`-` for standard input); a PDF's
/// OCR layer that gives no usable plan is recognised again (`again.rs`).
/// Errors name the path.
pub fn load_plan(path: &Path, profiles: &[Vocabulary], ocr: &OcrSettings) -> anyhow::Result<Plan> {
    let name = display_name(path);
    let bytes = read_input(path).with_context(|| name.clone())?;
    crate::again::parse_file(&name, path, bytes, profiles, ocr).with_context(|| name.clone())
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
/// `profiles`, by the route [`read_layout`] takes.
pub fn parse_bytes_with(
    name: &str,
    bytes: &[u8],
    profiles: &[Vocabulary],
    ocr: &OcrSettings,
) -> anyhow::Result<Plan> {
    let read = read_layout(bytes, ocr)?;
    let source = read.source(name, bytes);
    Ok(piano_parse::parse_with(read.layout, source, profiles))
}

/// Parses `bytes` as [`parse_bytes_with`] does, letting a PDF's bytes go
/// once it is loaded: a long scan's pictures are then held once while they
/// are recognised, not twice.
pub fn parse_owned(
    name: &str,
    bytes: Vec<u8>,
    profiles: &[Vocabulary],
    ocr: &OcrSettings,
) -> anyhow::Result<Plan> {
    let source = Source::from_bytes(name, &bytes, format_of(&bytes));
    let read = read_by_route(Cow::Owned(bytes), ocr)?;
    let source = read.completed(source);
    Ok(piano_parse::parse_with(read.layout, source, profiles))
}

/// What a reader made of an input.
pub struct Reading {
    /// The lines of cells.
    pub layout: Layout,
    /// The route taken.
    pub format: SourceFormat,
    /// How the text was recognised, for a scan.
    pub ocr: Option<Ocr>,
}

impl Reading {
    /// The plan's `source` for `bytes` read from the input named `name`: a
    /// scan's pages, and the OCR of a scan or of a PDF's scanned pages (a
    /// PDF's pages are set by the parser).
    pub fn source(&self, name: &str, bytes: &[u8]) -> Source {
        self.completed(Source::from_bytes(name, bytes, self.format))
    }

    /// `source`, made of the input's bytes, with what the reading adds.
    fn completed(&self, mut source: Source) -> Source {
        if self.format == SourceFormat::Image {
            source.pages = self.layout.pages;
        }
        source.ocr.clone_from(&self.ocr);
        source
    }
}

/// The lines of cells in `bytes`: read by OCR when they start with an
/// image's signature (PNG, JPEG, TIFF), as a PDF when they carry the `%PDF-`
/// signature in their first kilobyte (its scanned pages read by OCR as `ocr`
/// says), else as a text dump.
pub fn read_layout(bytes: &[u8], ocr: &OcrSettings) -> anyhow::Result<Reading> {
    read_by_route(Cow::Borrowed(bytes), ocr)
}

/// The route `bytes` take, by their signature: an image, a PDF or a text dump.
fn format_of(bytes: &[u8]) -> SourceFormat {
    if piano_ocr::image_kind(bytes).is_some() {
        SourceFormat::Image
    } else if is_pdf(bytes) {
        SourceFormat::Pdf
    } else {
        SourceFormat::Text
    }
}

/// Reads `bytes` as [`read_layout`] does; owned bytes of a PDF are let go
/// once it is loaded.
fn read_by_route(bytes: Cow<'_, [u8]>, ocr: &OcrSettings) -> anyhow::Result<Reading> {
    Ok(match format_of(&bytes) {
        SourceFormat::Image => {
            let scan = piano_ocr::read_image(&bytes, ocr)?;
            Reading {
                layout: scan.layout,
                format: SourceFormat::Image,
                ocr: Some(scan.ocr),
            }
        }
        SourceFormat::Pdf => crate::scanned::read_pdf(bytes, ocr)?,
        SourceFormat::Text => Reading {
            layout: piano_text::read_text(&bytes)?,
            format: SourceFormat::Text,
            ocr: None,
        },
    })
}

/// One page of an input as piano read it, for views of it (`piano debug`).
pub struct TracedPage {
    /// What the reader made of the whole input.
    pub reading: Reading,
    /// What the table rebuild saw and inferred on the page.
    pub trace: PageTrace,
    /// The page's image, for a scan (its words are in its pixels).
    pub image: Option<PageImage>,
}

/// Reads `bytes` by the route [`read_layout`] takes, keeping page `page`
/// (1-based) as the table rebuild saw it. An input without that page is an
/// error naming its page count, and so is a tab-separated dump: its cells
/// have no positions.
pub fn read_traced(bytes: &[u8], ocr: &OcrSettings, page: u32) -> anyhow::Result<TracedPage> {
    let (reading, trace) = if piano_ocr::image_kind(bytes).is_some() {
        let (scan, trace) = piano_ocr::read_image_traced(bytes, ocr, page)?;
        let reading = Reading {
            layout: scan.layout,
            format: SourceFormat::Image,
            ocr: Some(scan.ocr),
        };
        (reading, trace)
    } else if is_pdf(bytes) {
        let (layout, trace) = piano_pdf::read_pdf_traced(bytes, page)?;
        (reading_of(layout, SourceFormat::Pdf), trace)
    } else {
        let (layout, trace) = piano_text::read_text_traced(bytes, page)?;
        (reading_of(layout, SourceFormat::Text), trace)
    };
    let pages = reading.layout.pages.unwrap_or(1);
    if page == 0 || page > pages {
        let counted = if pages == 1 { "page" } else { "pages" };
        anyhow::bail!("there is no page {page}: the input has {pages} {counted}");
    }
    let Some(trace) = trace else {
        anyhow::bail!(
            "a tab-separated dump has no positions to draw: its cells are as \
             `piano text` prints them"
        );
    };
    let image = match reading.format {
        SourceFormat::Image => Some(piano_ocr::page_image(bytes, page)?),
        _ => None,
    };
    Ok(TracedPage {
        reading,
        trace,
        image,
    })
}

/// The reading of a PDF or a text dump: no OCR.
fn reading_of(layout: Layout, format: SourceFormat) -> Reading {
    Reading {
        layout,
        format,
        ocr: None,
    }
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
        let plan = parse_bytes_with(
            "dir/plan.txt",
            b"COMUNE DI PROVA\n",
            Vocabulary::bundled(),
            &OcrSettings::default(),
        )
        .expect("text is read");
        assert_eq!(plan.source.format, SourceFormat::Text);
        assert_eq!(plan.source.file, "plan.txt");
    }

    #[test]
    fn owned_bytes_give_the_plan_borrowed_ones_give() {
        let ocr = OcrSettings::default();
        let text = b"COMUNE DI PROVA\nN.\tObiettivo\tPeso\n1\tDigitalizzare\t100%\n";
        let borrowed = parse_bytes_with("plan.txt", text, Vocabulary::bundled(), &ocr);
        let owned = parse_owned("plan.txt", text.to_vec(), Vocabulary::bundled(), &ocr);
        let shown = |plan: anyhow::Result<Plan>| plan.ok().map(|plan| format!("{plan:?}"));
        assert!(
            shown(parse_owned(
                "e.txt",
                Vec::new(),
                Vocabulary::bundled(),
                &ocr
            ))
            .is_none()
        );
        assert_eq!(shown(owned), shown(borrowed));
    }

    #[test]
    fn a_traced_page_must_exist_and_have_positions() {
        let ocr = OcrSettings::default();
        let aligned =
            b"N.  Obiettivo        Peso\n1   Digitalizzare    40%\n2   Formare          60%\n";
        let traced = read_traced(aligned, &ocr, 1).expect("page 1 is traced");
        assert_eq!(traced.reading.format, SourceFormat::Text);
        assert_eq!(traced.trace.number, 1);
        assert!(traced.image.is_none());
        let missing = read_traced(aligned, &ocr, 2).err().map(|e| e.to_string());
        assert_eq!(
            missing.as_deref(),
            Some("there is no page 2: the input has 1 page")
        );
        let tabs = read_traced(b"N.\tObiettivo\n1\tDigitalizzare\n", &ocr, 1);
        let refusal = tabs.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(refusal.contains("tab-separated"), "{refusal}");
    }

    #[test]
    fn empty_input_is_refused() {
        let ocr = OcrSettings::default();
        assert!(parse_bytes_with("empty.txt", b"", Vocabulary::bundled(), &ocr).is_err());
    }
}
