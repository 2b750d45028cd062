//! An OCR layer read worse than its picture: when the plan read from a PDF's
//! OCR layer (another program's reading of a scan) is unreadable, its
//! pictures are recognised by piano's own OCR and the better plan kept.
//!
//! The program that made the layer read the scan as it could (its own page
//! segmentation, rules read as text, shaded cells as noise); piano's OCR
//! wipes rules and specks first. Reading again costs a recognition, so it is
//! done only where the layer gave no usable plan, and only by default
//! (`--ocr auto`): `never` forbids OCR, `always` recognised already.

use std::path::Path;

use piano_model::{Code, Diagnostic, Plan, Verdict};
use piano_ocr::{Mode, Settings};
use piano_parse::Vocabulary;

use crate::input::{STDIN, parse_owned};

/// Parses `bytes`, read from `path` (named `name`), as
/// [`parse_owned`] does; a plan read from an OCR layer that is unreadable is
/// read again with its pictures recognised (the file read anew, so that its
/// bytes are not held twice meanwhile), and the better of the two kept.
pub fn parse_file(
    name: &str,
    path: &Path,
    bytes: Vec<u8>,
    profiles: &[Vocabulary],
    ocr: &Settings,
) -> anyhow::Result<Plan> {
    let plan = parse_owned(name, bytes, profiles, ocr)?;
    if !worth_recognising(&plan, ocr) || path == Path::new(STDIN) {
        return Ok(plan);
    }
    let always = Settings {
        mode: Mode::Always,
        ..ocr.clone()
    };
    // Without tesseract, or when the file cannot be read again, the layer's
    // plan stands.
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(plan);
    };
    match parse_owned(name, bytes, profiles, &always) {
        Ok(recognised) if recognised.quality.score > plan.quality.score => {
            Ok(said_again(recognised, &plan))
        }
        _ => Ok(plan),
    }
}

/// Whether `plan` was read from an OCR layer, gave nothing usable, and may
/// be recognised (`--ocr auto`).
fn worth_recognising(plan: &Plan, ocr: &Settings) -> bool {
    ocr.mode == Mode::Auto
        && plan.quality.verdict == Verdict::Unreadable
        && plan.diagnostics.iter().any(|d| d.code == Code::OcrLayer)
}

/// `recognised`, with a diagnostic saying why its pictures were recognised:
/// the OCR layer's reading (`layer`) was unreadable.
fn said_again(mut recognised: Plan, layer: &Plan) -> Plan {
    let Some(read) = layer.diagnostics.iter().find(|d| d.code == Code::OcrLayer) else {
        return recognised;
    };
    let mut diagnostic = Diagnostic::new(
        Code::OcrLayer,
        format!(
            "{}; read from it, the plan was unreadable (quality score {}), so the \
             pictures were recognised by OCR instead (score {})",
            read.message, layer.quality.score, recognised.quality.score
        ),
    );
    diagnostic.page = read.page;
    recognised.diagnostics.push(diagnostic);
    recognised
}
