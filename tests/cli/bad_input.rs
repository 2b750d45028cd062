//! Hostile text, end to end: huge single lines, files of nothing but spaces,
//! binary bytes inside a dump, box-drawing characters alone, a table 500
//! columns wide. Each input is written at test time into a temporary folder
//! and given to `piano extract`, which must either refuse it clearly
//! (non-zero exit, a message naming the file) or read it into a plan (exit 0,
//! valid JSON); never panic (exit code 101, "panicked" on stderr) and never
//! hang (the run is killed after [`TIMEOUT`] and the test fails).
//!
//! The CLI tests run the debug binary, which is several times slower than the
//! release one, so some inputs are smaller than their release-sized
//! originals (said at each case). To run the same cases with another binary
//! and see the time of each: `PIANO_BAD_INPUT_BIN=target/release/piano cargo
//! test -p piano-cli --test cli bad_input -- --nocapture --test-threads 1`;
//! `PIANO_BAD_INPUT_SCALE=N` multiplies the sizes of the shrunk cases by N
//! (6 gives the 50 MB originals) and `PIANO_BAD_INPUT_KEEP=DIR` keeps the
//! inputs in DIR.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::support::{fixtures, temp_dir};

/// How long a run may take before it counts as a hang.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The exit code of a Rust program that panicked.
const PANIC_EXIT: i32 = 101;

/// One MB.
const MB: usize = 1_000_000;

/// What a run of `piano extract` came to.
#[derive(Debug)]
enum Outcome {
    /// Exit 0 with a plan.
    Plan,
    /// A clear refusal, with its message.
    Refused(String),
}

/// The binary under test: the debug build of this package unless
/// `PIANO_BAD_INPUT_BIN` names another (a relative path is taken from the
/// repository's root).
fn binary() -> PathBuf {
    match std::env::var_os("PIANO_BAD_INPUT_BIN") {
        Some(path) => Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../..")
            .join(path),
        None => PathBuf::from(env!("CARGO_BIN_EXE_piano")),
    }
}

/// `PIANO_BAD_INPUT_SCALE`, 1 unless set.
fn scale() -> usize {
    std::env::var("PIANO_BAD_INPUT_SCALE")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(1)
}

/// A small deterministic generator (xorshift), so every run writes the same bytes.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// A lowercase word of 1 to 12 letters.
    fn word(&mut self, out: &mut Vec<u8>) {
        for _ in 0..=self.below(12) {
            out.push(b'a' + self.below(26) as u8);
        }
    }
}

/// One line of `len` bytes (no line end): words between runs of `gap` spaces.
fn words_line(len: usize, gap: usize, seed: u64) -> Vec<u8> {
    let mut random = Random(seed);
    let mut out = Vec::with_capacity(len + 16);
    while out.len() < len {
        random.word(&mut out);
        out.extend(std::iter::repeat_n(b' ', gap));
    }
    out.truncate(len);
    while out.last() == Some(&b' ') {
        out.pop();
    }
    out
}

/// A real space-aligned dump (`pdftotext -layout` of a fixture PDF).
fn aligned_dump() -> Vec<u8> {
    let path = fixtures().join("aligned/pdf/portoferraio-2021.libreoffice.pdftotext-layout.txt");
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `dump` with `insert` put at the start of its middle line.
fn inside_dump(dump: &[u8], insert: &[u8]) -> Vec<u8> {
    let ends: Vec<usize> = dump
        .iter()
        .enumerate()
        .filter(|(_, byte)| **byte == b'\n')
        .map(|(at, _)| at + 1)
        .collect();
    let at = ends[ends.len() / 2];
    [&dump[..at], insert, &dump[at..]].concat()
}

/// Writes `bytes` as `name` into `dir` (or `PIANO_BAD_INPUT_KEEP`) and runs
/// `piano extract` on it; fails the test on a panic, a hang or an unclear
/// outcome.
fn extract(dir: &Path, name: &str, bytes: &[u8]) -> Outcome {
    let folder = std::env::var_os("PIANO_BAD_INPUT_KEEP")
        .map(PathBuf::from)
        .unwrap_or_else(|| dir.to_path_buf());
    std::fs::create_dir_all(&folder).expect("the input folder");
    let input = folder.join(name);
    std::fs::write(&input, bytes).expect("the input is written");
    let stdout = dir.join(format!("{name}.stdout"));
    let stderr = dir.join(format!("{name}.stderr"));
    let started = Instant::now();
    let mut child = Command::new(binary())
        .arg("extract")
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout).expect("stdout file"))
        .stderr(File::create(&stderr).expect("stderr file"))
        .spawn()
        .expect("the piano binary starts");
    let status = loop {
        if let Some(status) = child.try_wait().expect("piano is waited for") {
            break status;
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "{name}: piano extract {} still ran after {TIMEOUT:?} (a hang); {} bytes",
                input.display(),
                bytes.len()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    let err =
        String::from_utf8_lossy(&std::fs::read(&stderr).expect("stderr is read")).into_owned();
    let code = status.code();
    eprintln!(
        "bad_input {name}: {} bytes, exit {code:?}, {:.2} s",
        bytes.len(),
        elapsed.as_secs_f64()
    );
    assert!(
        code != Some(PANIC_EXIT) && !err.contains("panicked"),
        "{name}: piano extract {} panicked (exit {code:?}):\n{}",
        input.display(),
        tail(&err)
    );
    let code =
        code.unwrap_or_else(|| panic!("{name}: killed by a signal ({status}):\n{}", tail(&err)));
    if code == 0 {
        let out = std::fs::read(&stdout).expect("stdout is read");
        let plan: Value = serde_json::from_slice(&out)
            .unwrap_or_else(|e| panic!("{name}: exit 0 but the output is not JSON: {e}"));
        assert_eq!(plan["schema"], "piano.plan/1", "{name}: not a plan");
        Outcome::Plan
    } else {
        let file = input.to_string_lossy();
        assert!(
            err.contains(file.as_ref()),
            "{name}: exit {code}, but the message does not name the file {file}:\n{}",
            tail(&err)
        );
        Outcome::Refused(err)
    }
}

/// The last lines of a long stderr.
fn tail(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(20)..].join("\n")
}

#[test]
fn a_50_mb_line_of_words_and_single_spaces() {
    // 50 MB in release; 8 MB here (x PIANO_BAD_INPUT_SCALE), the debug build
    // being several times slower: still one line far beyond any real one.
    let dir = temp_dir();
    let bytes = words_line(8 * MB * scale(), 1, 1);
    extract(dir.path(), "single-line.txt", &bytes);
}

#[test]
fn a_50_mb_line_with_aligned_gaps() {
    // Runs of two spaces between words: the aligned route, which a dump takes
    // with two or more aligned lines, so a short aligned line comes first.
    // 50 MB in release; 8 MB here (x PIANO_BAD_INPUT_SCALE), see above.
    let dir = temp_dir();
    let mut bytes = b"N.  Obiettivo  Peso\n".to_vec();
    bytes.extend(words_line(8 * MB * scale(), 2, 2));
    bytes.push(b'\n');
    extract(dir.path(), "single-line-aligned.txt", &bytes);
}

#[test]
fn a_file_of_only_spaces() {
    let dir = temp_dir();
    let outcome = extract(dir.path(), "spaces.txt", &vec![b' '; 5 * MB]);
    if let Outcome::Refused(message) = outcome {
        assert!(!message.trim().is_empty());
    }
}

#[test]
fn a_file_of_spaces_and_newlines() {
    let dir = temp_dir();
    let mut random = Random(3);
    let mut bytes = Vec::with_capacity(5 * MB);
    while bytes.len() < 5 * MB {
        bytes.extend(std::iter::repeat_n(b' ', random.below(300)));
        bytes.extend(std::iter::repeat_n(b'\n', 1 + random.below(3)));
    }
    extract(dir.path(), "spaces-newlines.txt", &bytes);
}

#[test]
fn a_line_of_a_million_characters_inside_an_aligned_dump() {
    // Words between one and two spaces, as an aligned line has them.
    let dir = temp_dir();
    let mut random = Random(4);
    let mut line = Vec::with_capacity(MB + 16);
    while line.len() < MB {
        random.word(&mut line);
        line.extend(std::iter::repeat_n(b' ', 1 + random.below(2)));
    }
    line.truncate(MB);
    line.push(b'\n');
    let bytes = inside_dump(&aligned_dump(), &line);
    extract(dir.path(), "long-line-aligned.txt", &bytes);
}

#[test]
fn nul_bytes_in_the_middle_of_an_aligned_dump() {
    let dir = temp_dir();
    let bytes = inside_dump(&aligned_dump(), b"Obiettivo\0\0\0\0  Peso  \0\x01\x02\n");
    let outcome = extract(dir.path(), "nul-aligned.txt", &bytes);
    if let Outcome::Refused(message) = outcome {
        assert!(message.contains("not a text file"), "{message}");
    }
}

#[test]
fn a_png_header_in_an_aligned_dump() {
    let dir = temp_dir();
    let png: &[u8] =
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    let at_start = [png, &aligned_dump()].concat();
    extract(dir.path(), "png-start-aligned.txt", &at_start);
    let inside = inside_dump(&aligned_dump(), png);
    extract(dir.path(), "png-inside-aligned.txt", &inside);
}

#[test]
fn a_dump_of_only_box_drawing_characters() {
    let dir = temp_dir();
    // A grid of bordered cells, then the same characters at random.
    let mut text = String::new();
    for row in 0..2_000 {
        let (left, mid, right, fill) = match row % 2 {
            0 => ('├', '┼', '┤', '─'),
            _ => ('│', '│', '│', ' '),
        };
        text.push(left);
        for column in 0..30 {
            if column > 0 {
                text.push(mid);
            }
            text.extend(std::iter::repeat_n(fill, 5));
        }
        text.push(right);
        text.push('\n');
    }
    let boxes = [
        '─', '│', '┌', '┐', '└', '┘', '├', '┤', '┬', '┴', '┼', '═', '║', '╔', '╗', '╚', '╝', '╠',
        '╣', '╦', '╩', '╬', '━', '┃', '╭', '╮', '╯', '╰', '╴', '╵', '╶', '╷',
    ];
    let mut random = Random(5);
    for _ in 0..2_000 {
        for _ in 0..random.below(200) {
            text.push(boxes[random.below(boxes.len())]);
        }
        text.push('\n');
    }
    extract(dir.path(), "box-drawing.txt", text.as_bytes());
}

#[test]
fn an_aligned_table_500_columns_wide() {
    let dir = temp_dir();
    let mut random = Random(6);
    let mut bytes = b"Comune di Portoferraio\n\nSTRUTTURA 1 - SEGRETERIA\n\n".to_vec();
    let cell = |random: &mut Random, out: &mut Vec<u8>, row: usize, column: usize| {
        let start = out.len();
        match (row, column % 4) {
            (0, _) => out.extend(format!("Colonna{column}").bytes()),
            (_, 0) => out.extend(format!("{row}.{column}").bytes()),
            (_, 1) => out.extend(b"20%"),
            (_, 2) => out.extend(b"31.12.2021"),
            _ => random.word(out),
        }
        // Columns 14 characters wide, at least two spaces apart.
        let width = out.len() - start;
        out.extend(std::iter::repeat_n(
            b' ',
            14usize.saturating_sub(width).max(2),
        ));
    };
    for row in 0..200 {
        for column in 0..500 {
            cell(&mut random, &mut bytes, row, column);
        }
        bytes.push(b'\n');
    }
    extract(dir.path(), "wide-table.txt", &bytes);
}
