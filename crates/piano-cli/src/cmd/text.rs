//! `piano text`: prints the lines of cells a reader hands to the parser, one
//! line per row with tab-separated cells, so a person sees what the parser
//! sees. The same printer serves PDFs and text dumps; line numbers in
//! diagnostics point into this output. With `--roles` the plan is parsed too,
//! and each line opens with what it became (`objective`, `table-header` …).

use crate::progress::pages_hook;
use std::io::Write;
use std::process::ExitCode;

use anyhow::Context;
use piano_model::{Layout, Roles};

use crate::args::TextArgs;
use piano_run::input::{display_name, load_profiles, read_input, read_layout};

/// Runs `piano text`.
pub fn run(args: &TextArgs) -> anyhow::Result<ExitCode> {
    let name = display_name(&args.file);
    let bytes = read_input(&args.file).with_context(|| name.clone())?;
    let read = read_layout(&bytes, &super::ocr_settings(&args.ocr, pages_hook(true)))
        .with_context(|| name.clone())?;
    let source = read.source(&name, &bytes);
    let layout = read.layout;
    let roles = if args.roles {
        let profiles = load_profiles(&args.profiles)?;
        let (_, roles) = piano_parse::parse_with_roles(layout.clone(), source, &profiles);
        Some(roles)
    } else {
        None
    };
    let mut stdout = std::io::stdout().lock();
    write_layout(&layout, roles.as_ref(), &mut stdout)?;
    stdout.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Writes each line as its tab-separated cells at its line number, with
/// blank lines where the numbering skips (paragraph breaks); with `roles`,
/// each line's role first, in a column of its own.
pub fn write_layout(
    layout: &Layout,
    roles: Option<&Roles>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut printed = 0u32;
    for line in &layout.lines {
        while printed + 1 < line.number {
            out.write_all(b"\n")?;
            printed += 1;
        }
        if let Some(roles) = roles {
            // The parser gives every line of the layout a role; "-" would
            // show one it missed.
            let role = roles.of(line).map_or("-", |role| role.as_str());
            out.write_all(role.as_bytes())?;
            out.write_all(b"\t")?;
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
    use piano_model::{LineRole, TextLine};

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
        write_layout(&layout, None, &mut out).expect("writing to memory");
        assert_eq!(String::from_utf8_lossy(&out), "TITOLO\n\nN°\t\tPeso %\n");
    }

    #[test]
    fn roles_open_their_lines_and_blank_lines_stay_blank() {
        let layout = Layout {
            lines: vec![
                TextLine::from_texts(1, Some(1), ["TITOLO"]),
                TextLine::from_texts(3, Some(1), ["N°", "", "Peso %"]),
                TextLine::from_texts(4, Some(1), ["1", "x", "100%"]),
            ],
            pages: Some(1),
            diagnostics: Vec::new(),
        };
        let mut roles = Roles::new();
        roles.set(1, Some(1), LineRole::Title);
        roles.set(3, Some(1), LineRole::TableHeader);
        let mut out = Vec::new();
        write_layout(&layout, Some(&roles), &mut out).expect("writing to memory");
        assert_eq!(
            String::from_utf8_lossy(&out),
            "title\tTITOLO\n\ntable-header\tN°\t\tPeso %\n-\t1\tx\t100%\n"
        );
    }
}
