//! Widths of the standard 14 fonts, for simple fonts that carry no `/Widths`.
//!
//! The Adobe AFM files come from the `pdf-core-14-font-afms` crate; this module
//! only reads their `C code ; WX width` lines (StandardEncoding codes).

use std::collections::HashMap;
use std::sync::OnceLock;

/// Widths, in thousandths of the font size, by character code.
#[derive(Debug)]
pub(crate) struct StandardMetrics {
    by_code: HashMap<u8, f32>,
    average: f32,
}

impl StandardMetrics {
    /// The width of a code; codes the AFM gives no code to get the average.
    pub fn width(&self, code: u8) -> f32 {
        // WinAnsi and Standard differ on the quotes at 39 and 96.
        match code {
            39 | 96 => 250.0,
            _ => self.by_code.get(&code).copied().unwrap_or(self.average),
        }
    }
}

fn parse(afm: &str) -> StandardMetrics {
    let mut by_code = HashMap::new();
    for line in afm.lines().filter(|line| line.starts_with("C ")) {
        let mut code = None;
        let mut width = None;
        for field in line.split(';').map(str::trim) {
            if let Some(value) = field.strip_prefix("C ") {
                code = value.trim().parse::<i32>().ok();
            } else if let Some(value) = field.strip_prefix("WX ") {
                width = value.trim().parse::<f32>().ok();
            }
        }
        if let (Some(code), Some(width)) = (code, width)
            && let Ok(code) = u8::try_from(code)
        {
            by_code.insert(code, width);
        }
    }
    let lower: Vec<f32> = (b'a'..=b'z')
        .filter_map(|c| by_code.get(&c).copied())
        .collect();
    let average = if lower.is_empty() {
        500.0
    } else {
        lower.iter().sum::<f32>() / lower.len() as f32
    };
    StandardMetrics { by_code, average }
}

/// The metrics of a standard 14 font (or a common alias such as Arial), by
/// base font name without a subset prefix.
pub(crate) fn standard_metrics(base_font: &str) -> Option<&'static StandardMetrics> {
    use pdf_core_14_font_afms as afm;
    static CACHE: OnceLock<Vec<(&'static str, StandardMetrics)>> = OnceLock::new();
    let table = CACHE.get_or_init(|| {
        [
            ("Courier", afm::COURIER),
            ("Courier-Bold", afm::COURIER_BOLD),
            ("Helvetica", afm::HELVETICA),
            ("Helvetica-Bold", afm::HELVETICA_BOLD),
            ("Times-Roman", afm::TIMES_ROMAN),
            ("Times-Bold", afm::TIMES_BOLD),
            ("Times-Italic", afm::TIMES_ITALIC),
            ("Times-BoldItalic", afm::TIMES_BOLD_ITALIC),
            ("Symbol", afm::SYMBOL),
            ("ZapfDingbats", afm::ZAPF_DINGBATS),
        ]
        .into_iter()
        .map(|(name, text)| (name, parse(text)))
        .collect()
    });
    let name = canonical_name(base_font);
    table
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, metrics)| metrics)
}

fn canonical_name(base_font: &str) -> &'static str {
    let lower = base_font.to_ascii_lowercase();
    let bold = lower.contains("bold");
    let italic = lower.contains("italic") || lower.contains("oblique");
    if lower.contains("courier") {
        if bold { "Courier-Bold" } else { "Courier" }
    } else if lower.contains("times") {
        match (bold, italic) {
            (true, true) => "Times-BoldItalic",
            (true, false) => "Times-Bold",
            (false, true) => "Times-Italic",
            (false, false) => "Times-Roman",
        }
    } else if lower.contains("symbol") {
        "Symbol"
    } else if lower.contains("dingbats") {
        "ZapfDingbats"
    } else if lower.contains("helvetica") || lower.contains("arial") {
        if bold { "Helvetica-Bold" } else { "Helvetica" }
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helvetica_widths_come_from_its_afm() {
        let metrics = standard_metrics("Helvetica").expect("Helvetica is standard");
        assert_eq!(metrics.width(b' '), 278.0);
        assert_eq!(metrics.width(b'A'), 667.0);
    }

    #[test]
    fn aliases_and_styles_find_their_face() {
        let bold = standard_metrics("Arial,Bold").expect("Arial maps to Helvetica");
        assert_eq!(bold.width(b'!'), 333.0);
        assert!(standard_metrics("Times-Italic").is_some());
        assert!(standard_metrics("DejaVuSans").is_none());
    }
}
