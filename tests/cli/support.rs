//! Helpers shared by the CLI tests: run the binary, locate fixtures, make
//! temporary folders.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The outcome of one run of `piano`.
pub struct Run {
    /// Exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output as text.
    pub stdout: String,
    /// Standard error as text.
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code(),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// The plan `piano extract --quiet --include-staff` writes of `path` as
/// JSON (exit 1, an unreadable verdict, writes one all the same), or why
/// there is none.
pub fn extracted(path: &Path) -> Result<serde_json::Value, String> {
    let run = piano(&[
        "extract",
        "--quiet",
        "--include-staff",
        &path.to_string_lossy(),
    ]);
    if !matches!(run.code, Some(0 | 1)) || run.stdout.is_empty() {
        return Err(format!(
            "piano exited with {:?}: {}",
            run.code,
            run.stderr.trim()
        ));
    }
    serde_json::from_str(&run.stdout).map_err(|e| format!("the output is not JSON: {e}"))
}

/// Runs `piano` with `args` and an empty standard input.
pub fn piano(args: &[&str]) -> Run {
    piano_with_stdin(args, b"")
}

/// Runs `piano` with `args`, feeding `stdin` to it.
pub fn piano_with_stdin(args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_piano"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the piano binary starts");
    let mut input = child.stdin.take().expect("stdin is piped");
    input.write_all(stdin).expect("piano reads its stdin");
    drop(input);
    child
        .wait_with_output()
        .expect("piano runs to the end")
        .into()
}

/// The repository's `fixtures/` folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// A path under `fixtures/` named from there ("text/rio-2022.txt"), for
/// messages.
pub fn fixture_name(path: &Path) -> String {
    path.strip_prefix(fixtures())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A fixture's path as a string, for command lines.
pub fn fixture(name: &str) -> String {
    fixtures().join(name).to_string_lossy().into_owned()
}

/// Every text fixture (`fixtures/*.txt`), sorted.
pub fn text_fixtures() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .expect("fixtures/ is readable")
        .map(|entry| entry.expect("fixture entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    found.sort();
    found
}

/// A fresh temporary folder, removed when dropped.
pub fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// The names of the entries of `dir`, sorted.
pub fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("folder is readable")
        .map(|entry| {
            entry
                .expect("folder entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// Whether tesseract can be run, for the tests that read scans. When it
/// cannot, says so and fails under `PIANO_REQUIRE_OCR=1` (CI installs it),
/// else tells `test` to skip: `cargo test` holds on a machine with a Rust
/// toolchain only.
pub fn tesseract_at_hand(test: &str) -> bool {
    let found = std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success());
    let message = "the OCR tests need tesseract with its Italian data: run \
                   scripts/install-ocr.sh (apt-get install tesseract-ocr tesseract-ocr-ita)";
    let required = std::env::var("PIANO_REQUIRE_OCR").is_ok_and(|value| value == "1");
    assert!(found || !required, "{message}");
    if !found {
        // Written to the stream itself, so that it shows although the test
        // harness captures output.
        let _ = writeln!(std::io::stderr(), "skipped {test}: {message}");
    }
    found
}
