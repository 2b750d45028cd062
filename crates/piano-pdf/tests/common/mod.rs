//! What the PDF tests over other producers' files share: piano's reading of
//! a PDF as text, and how much of poppler's reading it holds.

use std::collections::HashMap;

use piano_pdf::{PdfError, read_pdf};

/// What piano reads in a PDF: its lines, cells joined by tabs.
pub fn piano_text(bytes: &[u8]) -> Result<String, PdfError> {
    let layout = read_pdf(bytes)?;
    let lines: Vec<String> = layout.lines.iter().map(|l| l.to_tab_separated()).collect();
    Ok(lines.join("\n"))
}

/// Share of poppler's words (with multiplicity) that are in `ours` too.
pub fn agreement(ours: &str, poppler: &str) -> f64 {
    let ours = words(ours);
    let theirs = words(poppler);
    let total: usize = theirs.values().sum();
    let shared: usize = theirs
        .iter()
        .map(|(word, n)| (*n).min(ours.get(word).copied().unwrap_or(0)))
        .sum();
    shared as f64 / total.max(1) as f64
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text.split_whitespace() {
        *counts.entry(word.to_string()).or_insert(0) += 1;
    }
    counts
}
