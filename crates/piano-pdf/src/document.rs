//! Opening a PDF with lopdf, and what a page needs besides its content:
//! its box, rotation and (inherited) resources.

use lopdf::{Dictionary, Document, LoadOptions, Object, ObjectId};
use piano_model::{Code, Diagnostic};

use crate::{PdfError, repair};

/// What a guarded load returns: lopdf's result, or the panic it raised.
type Loading = std::thread::Result<lopdf::Result<Document>>;

/// How far `/Parent` links are followed for inherited attributes.
const MAX_TREE_DEPTH: usize = 32;

/// A loaded document and what loading noticed.
pub(crate) struct Loaded {
    /// The document, decrypted when it opens with an empty password.
    pub document: Document,
    /// Repairs made while loading.
    pub diagnostics: Vec<Diagnostic>,
}

/// Loads a PDF: classic or stream cross-references, object streams,
/// incremental updates, empty-password encryption (all lopdf's work);
/// a damaged cross-reference table is rebuilt by scanning the file.
pub(crate) fn load(bytes: &[u8]) -> Result<Loaded, PdfError> {
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    let open = |options: LoadOptions| {
        std::panic::catch_unwind(|| Document::load_mem_with_options(bytes, options))
    };
    let mut loaded: Loading = open(LoadOptions::default());
    let mut diagnostics = Vec::new();
    let failed = |loaded: &Loading| matches!(loaded, Ok(Err(error)) if !matches!(error, lopdf::Error::InvalidPassword));
    let repaired;
    let pageless = matches!(&loaded, Ok(Ok(document))
        if !document.is_encrypted() && document.get_pages().is_empty());
    if (failed(&loaded) || pageless)
        && let Some(bytes) = repair::with_page_tree(bytes)
    {
        // Truncated before its catalog or page tree: read the pages that survive.
        repaired = bytes;
        let rebuilt = std::panic::catch_unwind(|| {
            Document::load_mem_with_options(
                &repaired,
                LoadOptions {
                    force_reconstruct: true,
                    ..LoadOptions::default()
                },
            )
        });
        let found_pages = matches!(&rebuilt, Ok(Ok(document)) if !document.get_pages().is_empty());
        if found_pages {
            diagnostics.push(Diagnostic::new(
                Code::PdfDamaged,
                "the page tree is lost (the file is cut short or damaged): the pages \
                 found by scanning the file were read",
            ));
            loaded = rebuilt;
        }
    }
    let document = match loaded {
        Ok(Ok(document)) => document,
        Ok(Err(lopdf::Error::InvalidPassword)) => return Err(PdfError::PasswordProtected),
        Ok(Err(error)) => {
            return Err(PdfError::Unreadable {
                reason: format!("damaged or cut short, and no page survives ({error})"),
            });
        }
        Err(_) => {
            return Err(PdfError::Unreadable {
                reason: "the PDF library failed on this file".into(),
            });
        }
    };
    if document.is_encrypted() {
        return Err(PdfError::PasswordProtected);
    }
    if let Some(recovery) = document.xref_recovery {
        diagnostics.push(Diagnostic::new(
            Code::PdfDamaged,
            format!(
                "the cross-reference table is damaged and was rebuilt ({recovery:?}); \
                 objects may be missing"
            ),
        ));
    }
    Ok(Loaded {
        document,
        diagnostics,
    })
}

/// An attribute of a page, looked up through its ancestors when inherited.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(value) = node.get(key) {
            return Some(resolve(doc, value));
        }
        let parent = node.get(b"Parent").ok()?.as_reference().ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// Follows a reference.
pub(crate) fn resolve<'a>(doc: &'a Document, object: &'a Object) -> &'a Object {
    match object {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(object),
        _ => object,
    }
}

/// The page's visible box (CropBox, else MediaBox, else US Letter) and its `/Rotate`.
pub(crate) fn page_box(doc: &Document, page: ObjectId) -> ([f32; 4], i64) {
    let letter = [0.0, 0.0, 612.0, 792.0];
    let Ok(dict) = doc.get_dictionary(page) else {
        return (letter, 0);
    };
    let read_box = |key: &[u8]| -> Option<[f32; 4]> {
        let values: Vec<f32> = inherited(doc, dict, key)?
            .as_array()
            .ok()?
            .iter()
            .filter_map(|v| resolve(doc, v).as_float().ok())
            .collect();
        let area: [f32; 4] = values.try_into().ok()?;
        ((area[2] - area[0]).abs() > 1.0 && (area[3] - area[1]).abs() > 1.0).then_some(area)
    };
    let area = read_box(b"CropBox")
        .or_else(|| read_box(b"MediaBox"))
        .unwrap_or(letter);
    let rotate = inherited(doc, dict, b"Rotate")
        .and_then(|r| r.as_i64().ok())
        .unwrap_or(0);
    (area, rotate)
}

/// The page's resource dictionaries, its own first, then inherited ones.
pub(crate) fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let Ok((own, inherited)) = doc.get_page_resources(page) else {
        return Vec::new();
    };
    let mut all: Vec<&Dictionary> = own.into_iter().collect();
    all.extend(
        inherited
            .iter()
            .filter_map(|id| doc.get_dictionary(*id).ok()),
    );
    all
}
