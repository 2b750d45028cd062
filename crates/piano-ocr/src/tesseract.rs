//! The tesseract program, run as a subprocess: its version and languages are
//! asked once, then each page image goes in, as a temporary file (or on
//! standard input), and its words come out on standard output as TSV.
//!
//! Tesseract's own OpenMP threads are turned off (`OMP_THREAD_LIMIT=1`):
//! pages are recognised in parallel instead, which uses the cores far
//! better (its threads waste about four times the CPU for little speed).

use std::io::{ErrorKind, Write};
use std::path::Path;
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

    /// Recognises the image file `image` (PNG, JPEG …), page `page` of
    /// the input, handed over on standard input: tesseract's TSV output.
    pub fn recognise(&self, image: &[u8], page: u32) -> Result<String, OcrError> {
        let args = ["-l", &self.languages, "--psm", SEGMENTATION, "tsv"];
        pipe(&args, image).map_err(|reason| OcrError::Tesseract {
            page: Some(page),
            reason,
        })
    }

    /// Recognises the image file at `path`, page `page` of the input, as
    /// [`Tesseract::recognise`] does the same image on standard input
    /// (which tesseract reads a byte at a time, so that only a small,
    /// compressed image is worth handing over so).
    pub fn recognise_file(&self, path: &Path, page: u32) -> Result<String, OcrError> {
        self.read_file(path).map_err(|reason| OcrError::Tesseract {
            page: Some(page),
            reason,
        })
    }

    /// Recognises the images named in the text file at `list`, one file a
    /// line, in one run: each image is read as a page of its own (alike
    /// read alone), its rows of the TSV numbered by its line (`page_num`,
    /// from 1).
    pub fn recognise_list(&self, list: &Path) -> Result<String, OcrError> {
        self.read_file(list)
            .map_err(|reason| OcrError::Tesseract { page: None, reason })
    }

    /// Tesseract's TSV output for the file at `path` (an image, or a list
    /// of images), or why it failed.
    fn read_file(&self, path: &Path) -> Result<String, String> {
        Command::new(PROGRAM)
            .arg(path)
            .args([
                "stdout",
                "-l",
                &self.languages,
                "--psm",
                SEGMENTATION,
                "tsv",
            ])
            .env("OMP_THREAD_LIMIT", "1")
            .stdin(Stdio::null())
            .output()
            .map_err(|error| format!("it could not be started: {error}"))
            .and_then(answer)
    }

    /// How far the image file `image` is to be turned clockwise (90, 180 or
    /// 270 degrees) for its text to stand upright, as tesseract's orientation
    /// detection (`--psm 0`, with its `osd` data) tells with confidence; `None`
    /// when upright, or when it cannot tell (too little text).
    pub fn orientation(&self, image: &[u8]) -> Option<u32> {
        let report = pipe(&["--psm", "0"], image).ok()?;
        orientation_of(&report)
    }

    /// What names this engine's way of reading, for the cache's keys: its
    /// version and languages.
    pub fn identity(&self) -> String {
        format!("tesseract {} {}", self.version, self.languages)
    }

    /// The languages asked for, one by one.
    pub fn languages(&self) -> Vec<String> {
        self.languages.split('+').map(str::to_owned).collect()
    }
}

/// Runs tesseract on `image`, given on standard input, with `args` after
/// its input and output (standard output); what it printed, or why it failed.
fn pipe(args: &[&str], image: &[u8]) -> Result<String, String> {
    let mut child = Command::new(PROGRAM)
        .args(["stdin", "stdout"])
        .args(args)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|error| format!("it could not be started: {error}"))?;
    let mut stdin = child
        .stdin
        .take()
        .ok_or("its standard input could not be opened")?;
    // Written from a thread of its own, so that a program that answers
    // before reading everything cannot block both sides.
    let (output, written) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || stdin.write_all(image));
        (child.wait_with_output(), writer.join())
    });
    let output = output.map_err(|error| error.to_string())?;
    if output.status.success() {
        match written {
            Ok(Ok(())) => {}
            Ok(Err(error)) => return Err(format!("the image could not be handed over: {error}")),
            Err(_) => return Err("the image could not be handed over".to_owned()),
        }
    }
    answer(output)
}

/// What tesseract printed, once it has exited; or why it failed.
fn answer(output: Output) -> Result<String, String> {
    if !output.status.success() {
        return Err(format!(
            "it exited with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    String::from_utf8(output.stdout).map_err(|_| "its output is not UTF-8".to_owned())
}

/// Tesseract's orientation confidence under which its turn is not taken.
const ORIENTATION_CONFIDENCE: f32 = 2.0;

/// The clockwise turn an orientation report (`--psm 0`) asks for, when it
/// asks for one with [`ORIENTATION_CONFIDENCE`].
fn orientation_of(report: &str) -> Option<u32> {
    let field = |name: &str| {
        report
            .lines()
            .find_map(|line| line.strip_prefix(name)?.trim().parse::<f32>().ok())
    };
    let turn = field("Rotate:")? as u32;
    let sure = field("Orientation confidence:")? >= ORIENTATION_CONFIDENCE;
    (sure && matches!(turn, 90 | 180 | 270)).then_some(turn)
}

/// Runs tesseract with `args` and waits for it (nothing on its input).
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_orientation_report_gives_the_turn_when_sure() {
        let sideways = "Page number: 0\nOrientation in degrees: 90\nRotate: 270\n\
                        Orientation confidence: 13.37\nScript: Latin\nScript confidence: 6.09\n";
        assert_eq!(orientation_of(sideways), Some(270));
        let upright = sideways.replace("Rotate: 270", "Rotate: 0");
        assert_eq!(orientation_of(&upright), None);
        let unsure = sideways.replace("13.37", "0.8");
        assert_eq!(orientation_of(&unsure), None);
        assert_eq!(
            orientation_of("Too few characters. Skipping this page"),
            None
        );
    }
}
