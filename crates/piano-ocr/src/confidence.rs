//! Cells read with low confidence, reported so that a person checks them
//! against the page. A cell's confidence is the lowest of its words', as the
//! rebuild gives it.

use piano_model::{Code, Diagnostic, TextLine};

/// Cells whose confidence is under this are reported (the model's, which the
/// parser's repairs share).
pub use piano_model::LOW_CONFIDENCE;

/// One `ocr-low-confidence` diagnostic per cell of `lines` with text read
/// with a confidence under [`LOW_CONFIDENCE`].
pub fn low_confidence_cells(lines: &[TextLine]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for line in lines {
        for (index, cell) in line.cells.iter().enumerate() {
            let Some(confidence) = cell.confidence.filter(|_| cell.is_doubtful()) else {
                continue;
            };
            let mut diagnostic = Diagnostic::new(
                Code::OcrLowConfidence,
                format!(
                    "cell {} {:?} was recognised with confidence {confidence:.2}",
                    index + 1,
                    cell.text
                ),
            )
            .at_line(line.number, line.page);
            diagnostic.excerpt = Some(cell.text.chars().take(piano_model::EXCERPT_CHARS).collect());
            found.push(diagnostic);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_cells_under_the_threshold_are_reported() {
        let mut line = TextLine::from_texts(7, Some(2), ["1", "Obiettivo", ""]);
        line.cells[0].confidence = Some(0.3);
        line.cells[1].confidence = Some(0.95);
        line.cells[2].confidence = Some(0.1);
        let found = low_confidence_cells(&[line]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, Code::OcrLowConfidence);
        assert_eq!((found[0].line, found[0].page), (Some(7), Some(2)));
        assert_eq!(
            found[0].message,
            "cell 1 \"1\" was recognised with confidence 0.30"
        );
    }
}
