//! Which files a batch reads: the inputs named on the command line (or listed
//! on standard input after `-`), folders searched recursively for plans
//! ([`PLAN_EXTENSIONS`], any case), the whole sorted by path with repeats removed.

use std::io::BufRead;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::input::STDIN;

/// The extensions of the files a folder gives: PDFs, text dumps and scans.
pub const PLAN_EXTENSIONS: [&str; 7] = ["pdf", "txt", "png", "jpg", "jpeg", "tif", "tiff"];

/// Why the inputs could not be listed: usage errors, reported with exit code 2.
#[derive(Debug, thiserror::Error)]
pub enum DiscoverError {
    /// A named input does not exist.
    #[error("{0}: no such file or folder")]
    Missing(PathBuf),
    /// The list of paths on standard input could not be read.
    #[error("reading the list of inputs from standard input: {0}")]
    Stdin(std::io::Error),
    /// `-` was given more than once.
    #[error("`-` (read the list of inputs from standard input) may be given only once")]
    StdinTwice,
}

/// The files to read, sorted by path, each once. Files named explicitly are
/// taken whatever their extension; folders give their files of [`PLAN_EXTENSIONS`].
/// Entries of a folder that cannot be read are kept, so they fail visibly.
pub fn discover(inputs: &[PathBuf], stdin: impl BufRead) -> Result<Vec<PathBuf>, DiscoverError> {
    let named = expand_stdin(inputs, stdin)?;
    let mut files = Vec::new();
    for input in named {
        if input.is_dir() {
            files.extend(walk(&input));
        } else if input.exists() {
            files.push(input);
        } else {
            return Err(DiscoverError::Missing(input));
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

/// The inputs with `-` replaced by the non-blank lines of `stdin`.
fn expand_stdin(inputs: &[PathBuf], stdin: impl BufRead) -> Result<Vec<PathBuf>, DiscoverError> {
    let dashes = inputs
        .iter()
        .filter(|i| i.as_path() == Path::new(STDIN))
        .count();
    if dashes > 1 {
        return Err(DiscoverError::StdinTwice);
    }
    let mut listed = Vec::new();
    if dashes == 1 {
        for line in stdin.lines() {
            let line = line.map_err(DiscoverError::Stdin)?;
            let line = line.trim_end_matches('\r');
            if !line.trim().is_empty() {
                listed.push(PathBuf::from(line));
            }
        }
    }
    let mut named = Vec::with_capacity(inputs.len() + listed.len());
    for input in inputs {
        if input.as_path() == Path::new(STDIN) {
            named.append(&mut listed);
        } else {
            named.push(input.clone());
        }
    }
    Ok(named)
}

/// The files of [`PLAN_EXTENSIONS`] under `folder`, following links.
fn walk(folder: &Path) -> Vec<PathBuf> {
    WalkDir::new(folder)
        .follow_links(true)
        .into_iter()
        .filter_map(|entry| match entry {
            Ok(entry) if entry.file_type().is_file() => Some(entry.into_path()),
            Ok(_) => None,
            Err(error) => error.path().map(Path::to_path_buf),
        })
        .filter(|path| is_plan_file(path))
        .collect()
}

/// Whether `path` ends in one of [`PLAN_EXTENSIONS`], in any case.
fn is_plan_file(path: &Path) -> bool {
    path.extension()
        .and_then(|ext| ext.to_str())
        .is_some_and(|ext| {
            PLAN_EXTENSIONS
                .iter()
                .any(|plan| ext.eq_ignore_ascii_case(plan))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn touch(path: &Path) {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folder created");
        std::fs::write(path, b"x").expect("file written");
    }

    #[test]
    fn walks_folders_for_plans_in_any_case_and_sorts() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let root = dir.path();
        for name in [
            "b/2.TXT",
            "a.pdf",
            "b/c/1.Pdf",
            "notes.md",
            "b/x.json",
            "s/1.TIF",
            "s/2.jpeg",
        ] {
            touch(&root.join(name));
        }
        let found = discover(&[root.to_path_buf()], &b""[..]).expect("inputs found");
        let names: Vec<PathBuf> = found
            .iter()
            .map(|p| p.strip_prefix(root).expect("under root").to_path_buf())
            .collect();
        assert_eq!(
            names,
            [
                PathBuf::from("a.pdf"),
                PathBuf::from("b/2.TXT"),
                PathBuf::from("b/c/1.Pdf"),
                PathBuf::from("s/1.TIF"),
                PathBuf::from("s/2.jpeg")
            ]
        );
    }

    #[test]
    fn reads_a_list_from_stdin_and_removes_repeats() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("plan.dat");
        touch(&file);
        let list = format!("{0}\n\n{0}\r\n", file.display());
        let found =
            discover(&[PathBuf::from("-"), file.clone()], list.as_bytes()).expect("inputs found");
        assert_eq!(found, [file]);
    }

    #[test]
    fn a_missing_input_is_a_usage_error() {
        let error = discover(&[PathBuf::from("/no/such/plan.txt")], &b""[..]);
        assert!(matches!(error, Err(DiscoverError::Missing(_))));
    }
}
