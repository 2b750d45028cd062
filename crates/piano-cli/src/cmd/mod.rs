//! One module per subcommand; each exposes `run(args) -> anyhow::Result<ExitCode>`.

pub mod batch;
pub mod check;
pub mod debug;
pub mod extract;
pub mod schema;
pub mod site;
pub mod text;

use crate::args::{OcrArgs, OcrMode};

/// The OCR settings the arguments ask for, telling `progress` of the pages
/// recognised.
fn ocr_settings(args: &OcrArgs, progress: piano_ocr::ProgressHook) -> piano_ocr::Settings {
    piano_ocr::Settings {
        languages: args.languages.clone(),
        mode: match args.mode {
            OcrMode::Auto => piano_ocr::Mode::Auto,
            OcrMode::Always => piano_ocr::Mode::Always,
            OcrMode::Never => piano_ocr::Mode::Never,
        },
        cache: args.cache.clone(),
        clock: piano_ocr::PageClock::new(),
        progress,
    }
}
