//! `piano debug`: one page drawn as piano read it, as an SVG: the words and
//! ruling lines the reader found, the columns the table rebuild inferred,
//! and each line of cells coloured by what the parser made of it. For
//! people writing a layout profile (docs/debug.md).

use piano_ocr::ProgressHook;
use std::process::ExitCode;

use anyhow::Context;
use piano_run::input::{display_name, load_profiles, read_input, read_traced};
use piano_run::output::write_file;
use piano_view::{Background, PageView};

use crate::args::DebugArgs;

/// Runs `piano debug`.
pub fn run(args: &DebugArgs) -> anyhow::Result<ExitCode> {
    let name = display_name(&args.file);
    let bytes = read_input(&args.file).with_context(|| name.clone())?;
    let ocr = super::ocr_settings(&args.ocr, ProgressHook::default());
    let traced = read_traced(&bytes, &ocr, args.page).with_context(|| name.clone())?;
    let profiles = load_profiles(&args.profiles.files)?;
    let source = traced.reading.source(&name, &bytes);
    let layout = traced.reading.layout;
    let (_, roles) = piano_parse::parse_with_roles(layout.clone(), source, &profiles);
    let image = traced.image.as_ref().map(|image| Background {
        png: &image.png,
        width: image.width as f32,
        height: image.height as f32,
    });
    let picture = piano_view::draw(&PageView {
        trace: &traced.trace,
        lines: &layout.lines,
        roles: &roles,
        image,
    });
    write_file(&args.output, |out| Ok(out.write_all(picture.as_bytes())?))?;
    Ok(ExitCode::SUCCESS)
}
