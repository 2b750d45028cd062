//! The tesseract program, run as a subprocess: its version and languages are
//! asked once, then each page image goes in on standard input and its words
//! come out on standard output as TSV. No file is written.
//!
//! Tesseract's own OpenMP threads are turned off (`OMP_THREAD_LIMIT=1`):
//! pages are recognised in parallel instead, which uses the cores far
//! better (its threads waste about four times the CPU for little speed).

use std::io::{ErrorKind, Write};
use std::process::{Command, Output, Stdio};

use crate::OcrError;

/// The program's name, looked for on the `PATH`.
const PROGRAM: &str = "tesseract";

/// Tesseract's page segmentation mode: 6, one block of text lines. Its
/// default (3, automatic layout analysis) drops narrow columns of a table
/// (a column of weights); a table's row is best read as one line across
/// the page, and the rebuild finds the columns.
const SEGMENTATION: &str = "6";

/// The installed tesseract program, checked to know the languages asked for.
#[derive(Debug, Clone)]
pub struct Tesseract {
    /// Its version, as it reports it (`5.3.0`).
    pub version: String,
    /// The languages asked for, as tesseract's `-l` takes them (`ita+eng`).
    languages: String,
}

impl Tesseract {
    /// Finds the program and checks that it has the data of every language in
    /// `languages` (`ita`, or several joined by `+`).
    pub fn find(languages: &str) -> Result<Tesseract, OcrError> {
        let version = run(&["--version"])?;
        // Tesseract 5 prints its version on standard output, 4 on standard error.
        let banner = [&version.stdout, &version.stderr]
            .map(|stream| String::from_utf8_lossy(stream).into_owned())
            .join("\n");
        let version = banner
            .lines()
            .find_map(|line| line.strip_prefix("tesseract "))
            .map(|rest| rest.trim().trim_start_matches('v').to_owned())
            .ok_or_else(|| OcrError::Tesseract {
                page: None,
                reason: format!("`tesseract --version` printed no version: {banner:?}"),
            })?;
        let listed = run(&["--list-langs"])?;
        let listed = String::from_utf8_lossy(&listed.stdout).into_owned();
        let known: Vec<&str> = listed.lines().skip(1).map(str::trim).collect();
        if let Some(missing) = languages.split('+').find(|l| !known.contains(l)) {
            return Err(OcrError::LanguageMissing {
                language: missing.to_owned(),
            });
        }
        Ok(Tesseract {
            version,
            languages: languages.to_owned(),
        })
    }

    /// Recognises the image file `image` (PNG, JPEG, PGM …), page `page` of
    /// the input: tesseract's TSV output.
    pub fn recognise(&self, image: &[u8], page: u32) -> Result<String, OcrError> {
        let failed = |reason: String| OcrError::Tesseract {
            page: Some(page),
            reason,
        };
        let mut child = Command::new(PROGRAM)
            .args([
                "stdin",
                "stdout",
                "-l",
                &self.languages,
                "--psm",
                SEGMENTATION,
                "tsv",
            ])
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| spawn_error(&error))?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| failed("its standard input could not be opened".to_owned()))?;
        // Written from a thread of its own, so that a program that answers
        // before reading everything cannot block both sides.
        let output = std::thread::scope(|scope| {
            let writer = scope.spawn(move || stdin.write_all(image));
            let output = child.wait_with_output();
            let written = writer.join();
            (output, written)
        });
        let output = match output {
            (Ok(output), _) if !output.status.success() => {
                return Err(failed(format!(
                    "it exited with {}: {}",
                    output.status,
                    String::from_utf8_lossy(&output.stderr).trim()
                )));
            }
            (Ok(output), Ok(Ok(()))) => output,
            (Err(error), _) => return Err(failed(error.to_string())),
            (Ok(_), Ok(Err(error))) => {
                return Err(failed(format!(
                    "the image could not be handed over: {error}"
                )));
            }
            (Ok(_), Err(_)) => return Err(failed("the image could not be handed over".to_owned())),
        };
        String::from_utf8(output.stdout).map_err(|_| failed("its output is not UTF-8".to_owned()))
    }

    /// The languages asked for, one by one.
    pub fn languages(&self) -> Vec<String> {
        self.languages.split('+').map(str::to_owned).collect()
    }
}

/// Runs tesseract with `args` and waits for it.
fn run(args: &[&str]) -> Result<Output, OcrError> {
    Command::new(PROGRAM)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|error| spawn_error(&error))
}

/// The error of a program that could not be started: missing, or another cause.
fn spawn_error(error: &std::io::Error) -> OcrError {
    if error.kind() == ErrorKind::NotFound {
        OcrError::TesseractMissing
    } else {
        OcrError::Tesseract {
            page: None,
            reason: format!("it could not be started: {error}"),
        }
    }
}
