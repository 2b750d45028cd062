//! Synthetic Italian performance plans, for testing and benchmarking piano.
//!
//! From a seed, [`sample`] draws one realistic plan of varied size and shape
//! (a real comune from the bundled ISTAT list, 1–8 structures, 1–20 objectives
//! each with 0–5 phases, the weight and due forms plans use, empty cells,
//! blank lines and page numbers between rows) and lays it out as a text dump
//! in the template of real dumps and, on request, as a PDF. Each layout comes
//! with the plan it means ([`expect`]): written by the generator from what it
//! put in the document, never from what a parser reads back.
//!
//! [`layout_sample`] writes a plan of any [`Family`] in a layout of the
//! layout space ([`layout`]): the same draft along independent axes (column
//! order, empty columns, header placement, shape and wording, numbering,
//! weight and due forms, headings, blank rows, page breaks, and each
//! family's own: budget codes, card openers and fields, a matrix's totals,
//! a report's achievements), with the plan each layout means. A layout
//! without a header keeps what its cells still say: a weight matrix always
//! prints its header (its heads are named there alone), and columns no
//! content tells apart keep the family's order among themselves.
//!
//! [`compare`] checks plans read back against those expectations, field by
//! field. The library does no I/O; the `piano-corpus` binary writes files.

pub mod compare;
mod draft;
mod dues;
pub mod expect;
pub mod family;
mod helvetica;
pub mod layout;
mod pdf;
pub mod sheet;
mod text;
mod vocab;

use piano_model::{Plan, SourceFormat};

pub use family::Family;
pub use layout::Layout;
pub use layout::office::OfficeLook;

/// One generated document and the plan it means.
pub struct Document {
    /// The file name to give it (`plan-00001.txt`).
    pub file: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The plan it means (diagnostics empty).
    pub expected: Plan,
}

/// Why a sample could not be laid out.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// lopdf failed to write the PDF of sample `index`.
    #[error("writing the PDF of sample {index}: {source}")]
    Pdf {
        /// The sample's index.
        index: usize,
        /// lopdf's error.
        source: lopdf::Error,
    },
}

/// The `index`-th plan of the corpus `seed`, as a text dump and, when `pdf`
/// is set, as a PDF. The same seed and index always give the same bytes,
/// whatever the corpus size.
pub fn sample(seed: u64, index: usize, pdf: bool) -> Result<Vec<Document>, CorpusError> {
    let mut rng = fastrand::Rng::with_seed(mix(seed, index as u64));
    let mut draft = draft::random_draft(&mut rng);
    let stem = format!("plan-{index:05}");
    let mut documents = Vec::new();
    let text = text::render(&mut draft);
    let file = format!("{stem}.txt");
    let expected = expect::expected_plan(&draft, &file, SourceFormat::Text, &text);
    documents.push(Document {
        file,
        bytes: text.bytes,
        expected,
    });
    if pdf {
        let laid_out =
            pdf::render(&mut draft).map_err(|source| CorpusError::Pdf { index, source })?;
        let file = format!("{stem}.pdf");
        let expected = expect::expected_plan(&draft, &file, SourceFormat::Pdf, &laid_out);
        documents.push(Document {
            file,
            bytes: laid_out.bytes,
            expected,
        });
    }
    Ok(documents)
}

/// The formats a layout is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tab-separated cells (`plan-00001-00.txt`).
    Tab,
    /// Columns aligned with spaces, as `pdftotext -layout` writes (`plan-00001-00.aligned.txt`).
    Aligned,
    /// A PDF with bordered tables (`plan-00001-00.pdf`).
    Pdf,
    /// An HTML document of real tables (`plan-00001-00.html`), drawn in the
    /// sample's [`OfficeLook`]: the source of the PDFs offices make
    /// (through a Word document or not), which `scripts/office-pdfs.sh`
    /// renders with LibreOffice and Chromium.
    Html,
}

impl Format {
    /// The file name's ending for this format.
    fn extension(self) -> &'static str {
        match self {
            Format::Tab => "txt",
            Format::Aligned => "aligned.txt",
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

/// One plan of the corpus in one layout, and the documents written in it.
pub struct LayoutSample {
    /// The layout drawn.
    pub layout: Layout,
    /// How its office documents draw their tables ([`Format::Html`]).
    pub office: OfficeLook,
    /// The file stem shared by its documents and its sidecar (`plan-00001-00`).
    pub stem: String,
    /// One document per format asked for.
    pub documents: Vec<Document>,
}

/// The `plan`-th plan of corpus `seed` in `family` (for struttura-table,
/// the same draft [`sample`] lays out) in its `variant`-th layout, which
/// differs from the family's canonical one on at most `vary` axes drawn at
/// random (0: the canonical layout; as many as the family has, 20 at most,
/// or more: every axis drawn), and its office look drawn after it (Word's
/// defaults for the canonical layout); written in each of `formats`. The same arguments always give the same bytes.
pub fn layout_sample(
    seed: u64,
    plan: usize,
    variant: usize,
    vary: usize,
    family: Family,
    formats: &[Format],
) -> Result<LayoutSample, CorpusError> {
    let mut rng = fastrand::Rng::with_seed(mix(seed, plan as u64));
    let draft = draft::random_draft_of(&mut rng, family);
    let mut rng = fastrand::Rng::with_seed(mix(mix(seed, plan as u64), variant as u64));
    let layout = Layout::random_on(&mut rng, family, vary);
    let office = if vary == 0 {
        OfficeLook::canonical()
    } else {
        OfficeLook::random(&mut rng)
    };
    let stem = format!("plan-{plan:05}-{variant:02}");
    let documents =
        formats
            .iter()
            .map(|&format| {
                let file = format!("{stem}.{}", format.extension());
                let (bytes, expected) = render_layout(&draft, &layout, office, format, &file)
                    .map_err(|source| CorpusError::Pdf {
                        index: plan,
                        source,
                    })?;
                Ok(Document {
                    file,
                    bytes,
                    expected,
                })
            })
            .collect::<Result<_, CorpusError>>()?;
    Ok(LayoutSample {
        layout,
        office,
        stem,
        documents,
    })
}

/// `draft` in `layout` (its office documents in `office`) as `format`,
/// named `file`: its bytes and the plan they mean (for HTML, the plan of
/// the PDFs made from it).
fn render_layout(
    draft: &draft::Draft,
    layout: &Layout,
    office: OfficeLook,
    format: Format,
    file: &str,
) -> Result<(Vec<u8>, Plan), lopdf::Error> {
    let mut draft = layout.apply(draft);
    let sheet = sheet::build(&draft, layout);
    let (written, source) = match format {
        Format::Tab => (sheet::tab::write(&sheet), SourceFormat::Text),
        Format::Aligned => (sheet::aligned::write(&sheet), SourceFormat::Text),
        Format::Pdf => (sheet::pdf::write(&sheet)?, SourceFormat::Pdf),
        Format::Html => (sheet::html::write(&sheet, office), SourceFormat::Pdf),
    };
    let mut laid_out = sheet::finish(&mut draft, &sheet, written);
    if format == Format::Pdf {
        laid_out.preamble = sheet::pdf::preamble(&sheet);
    }
    let expected = expect::expected_plan(&draft, file, source, &laid_out);
    Ok((laid_out.bytes, expected))
}

/// A well-spread 64-bit seed for sample `index` of corpus `seed` (SplitMix64).
fn mix(seed: u64, index: u64) -> u64 {
    let mut z = seed
        .wrapping_add(index.wrapping_mul(0x9e37_79b9_7f4a_7c15))
        .wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_bytes() {
        let first = sample(42, 3, true).expect("sample 3 lays out");
        let second = sample(42, 3, true).expect("sample 3 lays out");
        for (a, b) in first.iter().zip(&second) {
            assert_eq!(a.bytes, b.bytes, "{}", a.file);
        }
        let other = sample(43, 3, false).expect("sample 3 lays out");
        assert_ne!(first[0].bytes, other[0].bytes);
    }

    #[test]
    fn the_canonical_layout_is_the_template_sample_writes() {
        for index in 0..20 {
            let text = sample(11, index, false).expect("text lays out").remove(0);
            let canonical = layout_sample(11, index, 0, 0, Family::StrutturaTable, &[Format::Tab])
                .expect("text lays out");
            let laid = &canonical.documents[0];
            assert_eq!(
                String::from_utf8_lossy(&laid.bytes),
                String::from_utf8_lossy(&text.bytes)
            );
            let json = |plan: &Plan| {
                let mut value = expect::expected_json(plan);
                value["source"] = serde_json::Value::Null;
                value["plan_id"] = serde_json::Value::Null;
                value
            };
            assert_eq!(json(&laid.expected), json(&text.expected), "plan {index}");
        }
    }

    #[test]
    fn every_row_of_the_text_dump_is_on_the_lines_the_plan_says() {
        for index in 0..30 {
            let documents = sample(7, index, false).expect("text always lays out");
            let text = String::from_utf8(documents[0].bytes.clone()).expect("UTF-8 text");
            let lines: Vec<&str> = text.lines().collect();
            let plan = &documents[0].expected;
            for structure in &plan.structures {
                let header = lines[structure.lines.0 as usize - 1];
                assert!(header.contains(&structure.name), "{header}");
                assert!(structure.lines.1 as usize <= lines.len());
                for objective in &structure.objectives {
                    let entries = std::iter::once(&objective.entry).chain(&objective.phases);
                    for entry in entries {
                        let line = lines[entry.lines.0 as usize - 1];
                        assert!(line.contains(&entry.description), "{line}");
                    }
                }
            }
            assert_eq!(
                plan.structures.last().map(|s| s.lines.1 as usize),
                Some(lines.len())
            );
        }
    }

    #[test]
    fn shapes_vary_across_the_corpus() {
        let plans: Vec<Plan> = (0..60)
            .map(|i| sample(1, i, false).expect("lays out").remove(0).expected)
            .collect();
        let structures: Vec<usize> = plans.iter().map(|p| p.structures.len()).collect();
        assert!(structures.contains(&1) && structures.iter().any(|&n| n >= 5));
        let objectives = plans
            .iter()
            .flat_map(|p| &p.structures)
            .map(|s| s.objectives.len());
        assert!(objectives.clone().any(|n| n == 1) && objectives.clone().any(|n| n >= 12));
        let inferred_year = |p: &Plan| {
            let year = p.year.map(|y| y.to_string()).unwrap_or_default();
            p.year.is_some() && !p.title.as_deref().unwrap_or_default().contains(&year)
        };
        assert!(
            plans.iter().any(inferred_year),
            "some years come from the dues"
        );
    }

    #[test]
    fn pdf_rows_know_their_pages() {
        let documents = sample(5, 0, true).expect("lays out");
        let pdf = &documents[1];
        assert!(pdf.bytes.starts_with(b"%PDF-1.5"));
        let pages = pdf.expected.source.pages.expect("a PDF has pages");
        for structure in &pdf.expected.structures {
            for objective in &structure.objectives {
                let page = objective.entry.page.expect("PDF rows have a page");
                assert!(page >= structure.page.unwrap_or(0) && page <= pages);
            }
        }
    }
}
