//! Helvetica in WinAnsiEncoding: encoding text to bytes and measuring it, so
//! table cells can be wrapped to their column as a word processor would.
//!
//! Widths are the standard Helvetica AFM advance widths (thousandths of an
//! em); accented letters take their base letter's width.

/// Advance widths of the printable ASCII characters, from space (32) to `~` (126).
const ASCII_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // ' '../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0..9
    278, 278, 584, 584, 584, 556, 1015, // :..@
    667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
    611, 722, 667, 944, 667, 667, 611, // A..Z
    278, 278, 278, 469, 556, 333, // [..`
    556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, // a..z
    334, 260, 334, 584, // {..~
];

/// How much wider Helvetica-Bold is, at most, than Helvetica.
pub const BOLD_FACTOR: f32 = 1.12;

/// The WinAnsiEncoding bytes of `text`; characters it lacks become `?`.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars().map(encode_char).collect()
}

fn encode_char(c: char) -> u8 {
    match c {
        '€' => 0x80,
        '…' => 0x85,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '–' => 0x96,
        '—' => 0x97,
        c if (' '..='~').contains(&c) || ('\u{a0}'..='ÿ').contains(&c) => {
            u8::try_from(u32::from(c)).unwrap_or(b'?')
        }
        _ => b'?',
    }
}

/// The width of `text` in Helvetica at `size` points.
pub fn width(text: &str, size: f32) -> f32 {
    let units: u32 = text.chars().map(|c| u32::from(char_width(c))).sum();
    units as f32 * size / 1000.0
}

fn char_width(c: char) -> u16 {
    let base = match c {
        'à' | 'á' | 'â' | 'ä' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'À' | 'Á' => 'A',
        'È' | 'É' => 'E',
        'Ì' | 'Í' => 'I',
        'Ò' | 'Ó' => 'O',
        'Ù' | 'Ú' => 'U',
        other => other,
    };
    match base {
        '°' => 400,
        '–' | '€' => 556,
        '—' | '…' => 1000,
        '‘' | '’' => 222,
        '“' | '”' => 333,
        c if (' '..='~').contains(&c) => ASCII_WIDTHS[(u32::from(c) - 32) as usize],
        _ => 1000,
    }
}

/// `text` broken at spaces into lines no wider than `max` at `size` points.
/// A single word wider than `max` gets a line of its own.
pub fn wrap(text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if current.is_empty() {
            current.push_str(word);
            continue;
        }
        let candidate = format!("{current} {word}");
        if width(&candidate, size) <= max {
            current = candidate;
        } else {
            lines.push(std::mem::replace(&mut current, word.to_owned()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_accents_and_dashes_in_winansi() {
        assert_eq!(encode("è–°"), vec![0xe8, 0x96, 0xb0]);
    }

    #[test]
    fn wrapping_keeps_every_word_in_order() {
        let text = "Rispetto degli obblighi e adempimenti relativi alla trasparenza";
        let lines = wrap(text, 8.0, 60.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        assert!(
            lines
                .iter()
                .all(|l| width(l, 8.0) <= 60.0 || !l.contains(' '))
        );
    }
}
