//! `piano text`: prints the lines of cells a reader hands to the parser, one
//! line per row with tab-separated cells, so a person sees what the parser
//! sees. The same printer serves PDFs and text dumps; line numbers in
//! diagnostics point into this output.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use piano_model::Layout;

use crate::args::TextArgs;
use crate::input::{display_name, is_pdf, read_input};

/// Runs `piano text`.
pub fn run(args: &TextArgs) -> anyhow::Result<ExitCode> {
    let name = display_name(&args.file);
    let bytes = read_input(&args.file).with_context(|| name.clone())?;
    let layout = if is_pdf(&bytes) {
        piano_pdf::read_pdf(&bytes).with_context(|| name.clone())?
    } else {
        piano_text::read_text(&bytes).with_context(|| name.clone())?
    };
    let mut stdout = std::io::stdout().lock();
    write_layout(&layout, &mut stdout)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes each line as its tab-separated cells at its line number, with
/// blank lines where the numbering skips (paragraph breaks).
pub fn write_layout(layout: &Layout, out: &mut dyn Write) -> std::io::Result<()> {
    let mut printed = 0u32;
    for line in &layout.lines {
        while printed + 1 < line.number {
            out.write_all(b"\n")?;
            printed += 1;
        }
        out.write_all(line.to_tab_separated().as_bytes())?;
        out.write_all(b"\n")?;
        printed = line.number;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::TextLine;

    #[test]
    fn gaps_in_numbering_print_as_blank_lines() {
        let layout = Layout {
            lines: vec![
                TextLine::from_texts(1, Some(1), ["TITOLO"]),
                TextLine::from_texts(3, Some(1), ["N°", "", "Peso %"]),
            ],
            pages: Some(1),
            diagnostics: Vec::new(),
        };
        let mut out = Vec::new();
        write_layout(&layout, &mut out).expect("writing to memory");
        assert_eq!(String::from_utf8_lossy(&out), "TITOLO\n\nN°\t\tPeso %\n");
    }
}
