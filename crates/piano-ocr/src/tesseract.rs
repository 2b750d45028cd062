//! The tesseract program, run as a subprocess: its version and languages are
//! asked once, then each page image goes in, as a temporary file (or on
//! standard input), and its words come out on standard output as TSV.
//!
//! Tesseract's own OpenMP threads are turned off (`OMP_THREAD_LIMIT=1`):
//! pages are recognised in parallel instead, which uses the cores far
//! better (its threads waste about four times the CPU for little speed).

use std::io::{BufRead, BufReader, ErrorKind, Read, Write};
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
    /// from 1). `begun` is told the 0-based line of each image as
    /// tesseract begins it (it says so on its standard error, read as it
    /// runs; lines it says nothing of are not told).
    pub fn recognise_list(
        &self,
        list: &Path,
        begun: impl FnMut(usize),
    ) -> Result<String, OcrError> {
        self.read_list(list, begun)
            .map_err(|reason| OcrError::Tesseract { page: None, reason })
    }

    /// Tesseract's TSV output for the list of images at `list`, `begun` told
    /// of each image begun; or why it failed.
    fn read_list(&self, list: &Path, mut begun: impl FnMut(usize)) -> Result<String, String> {
        let mut child = self
            .command(list)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|error| format!("it could not be started: {error}"))?;
        let (Some(mut stdout), Some(stderr)) = (child.stdout.take(), child.stderr.take()) else {
            return Err("its output could not be opened".to_owned());
        };
        // Its standard output read from a thread of its own, so that
        // neither stream, filling, can block the program.
        let (read, said) = std::thread::scope(|scope| {
            let reader = scope.spawn(move || {
                let mut read = Vec::new();
                stdout.read_to_end(&mut read).map(|_| read)
            });
            let (mut said, mut images) = (Vec::new(), 0);
            for line in BufReader::new(stderr).split(b'\n').map_while(Result::ok) {
                let line = String::from_utf8_lossy(&line).into_owned();
                if begins_image(&line) {
                    begun(images);
                    images += 1;
                } else {
                    said.push(line);
                }
            }
            (reader.join(), said)
        });
        let status = child.wait().map_err(|error| error.to_string())?;
        let stdout = match read {
            Ok(Ok(read)) => read,
            _ => return Err("its output could not be read".to_owned()),
        };
        answer(Output {
            status,
            stdout,
            stderr: said.join("\n").into_bytes(),
        })
    }

    /// Tesseract's TSV output for the file at `path`, or why it failed.
    fn read_file(&self, path: &Path) -> Result<String, String> {
        self.command(path)
            .output()
            .map_err(|error| format!("it could not be started: {error}"))
            .and_then(answer)
    }

    /// The command reading the file at `path` (an image, or a list of
    /// images) into TSV on its standard output, on one thread.
    fn command(&self, path: &Path) -> Command {
        let mut command = Command::new(PROGRAM);
        command
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
            .stdin(Stdio::null());
        command
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

/// Whether a line of tesseract's standard error says it begins the next
/// image of a list (`Page 2 : /tmp/page.tif`; numbered from 0 or 1 by the
/// version, so the lines are counted instead).
fn begins_image(line: &str) -> bool {
    line.strip_prefix("Page ")
        .and_then(|rest| rest.split_once(" : "))
        .is_some_and(|(number, _)| number.trim().parse::<usize>().is_ok())
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
    fn a_list_s_pages_are_told_as_tesseract_begins_them() {
        assert!(begins_image("Page 0 : /tmp/piano-page-a.tif"));
        assert!(begins_image("Page 12 : b c.tif"));
        assert!(!begins_image("Estimating resolution as 200"));
        assert!(!begins_image("Page 3"));
        assert!(!begins_image("Page x : a.tif"));
    }

    #[test]
    fn a_run_over_a_list_tells_of_each_image_it_begins() {
        let Ok(tesseract) = Tesseract::find("ita") else {
            return;
        };
        let page = image::GrayImage::from_pixel(64, 32, image::Luma([255]));
        let file = crate::pages::tiff_file(&page).expect("a page file");
        let list = crate::lists::list_file(&[file.path(), file.path()]).expect("a list");
        let mut begun = Vec::new();
        let tsv = tesseract.recognise_list(list.path(), |image| begun.push(image));
        assert!(tsv.is_ok_and(|tsv| tsv.starts_with("level")));
        assert_eq!(begun, [0, 1]);
    }

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
