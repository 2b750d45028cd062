//! Row labels of numbering schemes other than plain ordinals: roman numerals
//! ("II", "II.1"), letters ("a)", "A.1", "2.b"), codes with leading zeros
//! ("01.03.1"), and a phase marker with its number ("Fase 2").
//!
//! A label is read as its parts, each of a scheme, so that the assembler can
//! tell a row's level by comparing labels whatever the scheme: a label that
//! extends the objective's by one part is its phase. Plain ordinals ("1",
//! "1.2") are [`super::number`]'s: they are the rows' numbers as printed,
//! where these labels are kept as codes beside an ordinal number.

use piano_model::reference::fold;
use piano_model::roman;

/// Most parts a label has ("A.1.2.3").
const MAX_PARTS: usize = 5;
/// Most digits in one part of a label ("001").
const MAX_PART_DIGITS: usize = 3;

/// How one part of a label counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// Digits; `padded` when written with leading zeros, as codes are ("01").
    Digits {
        /// Whether the part has a leading zero.
        padded: bool,
    },
    /// An upper-case roman numeral ("IV").
    Roman,
    /// A letter ("a", "B").
    Letter,
}

/// One part of a label: its scheme and its value (a letter's place in the
/// alphabet, a numeral's value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// How the part counts.
    pub scheme: Scheme,
    /// Its value: "IV" is 4, "b" is 2, "03" is 3.
    pub value: u32,
    /// The part as written.
    pub text: String,
}

impl Part {
    /// A part of digits, as a profile's code gives them ("0102").
    pub fn digits(text: &str) -> Option<Part> {
        let value = text.parse().ok()?;
        Some(Part {
            scheme: Scheme::Digits {
                padded: text.len() > 1 && text.starts_with('0'),
            },
            value,
            text: text.to_owned(),
        })
    }

    /// A plain ordinal's part ("3").
    pub fn ordinal(value: u32) -> Part {
        Part {
            scheme: Scheme::Digits { padded: false },
            value,
            text: value.to_string(),
        }
    }

    /// Whether two parts are written the same way and with the same value.
    pub fn same_as(&self, other: &Part) -> bool {
        self.text == other.text
    }

    /// Whether two parts count in one scheme: a single capital that is also a
    /// roman numeral ("C", "I") counts in both the letters and the numerals.
    pub fn same_scheme(&self, other: &Part) -> bool {
        let digits = |part: &Part| matches!(part.scheme, Scheme::Digits { .. });
        if digits(self) || digits(other) {
            return digits(self) && digits(other);
        }
        self.scheme == other.scheme || self.is_capital_numeral() || other.is_capital_numeral()
    }

    fn is_capital_numeral(&self) -> bool {
        self.scheme == Scheme::Roman && self.text.len() == 1
    }
}

/// A row label: its parts, and whether a phase marker opened it ("Fase 2").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    /// The parts between the dots.
    pub parts: Vec<Part>,
    /// Whether the label names itself a phase.
    pub marked_phase: bool,
}

/// The label a whole cell is, when it is one of a scheme other than plain
/// ordinals. `phase_markers` are the profile's folded words that open a
/// phase ("fase"): "Fase 2" is a phase's label.
pub fn parse_label(cell: &str, phase_markers: &[String]) -> Option<Label> {
    let cell = cell.trim();
    if cell.is_empty() || cell.len() > 24 {
        return None;
    }
    if let Some(label) = marked_label(cell, phase_markers) {
        return Some(label);
    }
    // "1.a." and "a)" close the label; the mark is not part of it.
    let body = cell
        .strip_suffix(['.', ')'])
        .unwrap_or(cell)
        .trim_start_matches('(');
    let Some(parts) = body.split('.').map(part).collect::<Option<Vec<Part>>>() else {
        return abbreviated_label(body);
    };
    let plain = parts
        .iter()
        .all(|part| part.scheme == Scheme::Digits { padded: false });
    (!plain && parts.len() <= MAX_PARTS).then_some(Label {
        parts,
        marked_phase: false,
    })
}

/// "OB.1", "OS-2.1", "Ob. 3": an abbreviation of two to four letters ("OB"
/// for obiettivo) before a number, as plans code their objectives: in
/// capitals, or capitalised and closed by a point; the number's parts are
/// the label's.
fn abbreviated_label(body: &str) -> Option<Label> {
    let capitals = body.bytes().take_while(u8::is_ascii_uppercase).count();
    let letters = body.bytes().take_while(u8::is_ascii_alphabetic).count();
    if !(2..=MAX_ABBREVIATION).contains(&letters) || capitals == 0 {
        return None;
    }
    let rest = &body[letters..];
    let number = if capitals == letters {
        rest.strip_prefix(['.', '-', ' '])?
    } else {
        rest.strip_prefix('.')?
    };
    let number = number.strip_prefix(' ').unwrap_or(number);
    let parts = number.split('.').map(part).collect::<Option<Vec<Part>>>()?;
    let digits = parts
        .iter()
        .all(|part| matches!(part.scheme, Scheme::Digits { .. }));
    (digits && parts.len() <= MAX_PARTS).then_some(Label {
        parts,
        marked_phase: false,
    })
}

/// Longest abbreviation before a code's number ("OBJ").
const MAX_ABBREVIATION: usize = 4;

/// "Fase 2", "Fase 2.", "FASE 2)": a phase marker, a space and a number.
fn marked_label(cell: &str, phase_markers: &[String]) -> Option<Label> {
    let (word, number) = cell.rsplit_once(' ')?;
    // The number first: most cells with a space end in a word, and folding
    // the word before costs more than reading the number.
    let number = number.trim_end_matches(['.', ')', ':']);
    let parts = number.split('.').map(part).collect::<Option<Vec<Part>>>()?;
    if !phase_markers.contains(&fold(word)) {
        return None;
    }
    Some(Label {
        parts,
        marked_phase: true,
    })
}

/// part = 1 to 3 digits | a roman numeral in capitals | one letter
fn part(text: &str) -> Option<Part> {
    let mut chars = text.chars();
    let first = chars.next()?;
    if text.bytes().all(|byte| byte.is_ascii_digit()) {
        return (text.len() <= MAX_PART_DIGITS)
            .then(|| Part::digits(text))
            .flatten();
    }
    if let Some(value) = roman(text) {
        return Some(Part {
            scheme: Scheme::Roman,
            value,
            text: text.to_owned(),
        });
    }
    let single = chars.next().is_none();
    (single && first.is_ascii_alphabetic()).then(|| Part {
        scheme: Scheme::Letter,
        value: u32::from(first.to_ascii_lowercase()) - u32::from('a') + 1,
        text: text.to_owned(),
    })
}

/// Whether `label` extends `parent` by `levels` parts: it starts with
/// the parent's parts, written the same way.
pub fn extends(label: &[Part], parent: &[Part], levels: usize) -> bool {
    label.len() == parent.len() + levels
        && label.iter().zip(parent).all(|(part, of)| part.same_as(of))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers() -> Vec<String> {
        vec![fold("Fase")]
    }

    /// The parts' texts and schemes a cell gives, and whether it is marked.
    fn read(cell: &str) -> Option<(Vec<(String, char)>, bool)> {
        let label = parse_label(cell, &markers())?;
        let parts = label
            .parts
            .iter()
            .map(|part| {
                let scheme = match part.scheme {
                    Scheme::Digits { padded: true } => '0',
                    Scheme::Digits { padded: false } => 'd',
                    Scheme::Roman => 'r',
                    Scheme::Letter => 'l',
                };
                (part.text.clone(), scheme)
            })
            .collect();
        Some((parts, label.marked_phase))
    }

    fn parts(spec: &[(&str, char)]) -> Vec<(String, char)> {
        spec.iter()
            .map(|(text, scheme)| ((*text).to_owned(), *scheme))
            .collect()
    }

    #[test]
    fn reads_the_schemes_plans_number_rows_with() {
        type Case<'a> = (&'a str, &'a [(&'a str, char)], bool);
        let cases: &[Case<'_>] = &[
            ("II", &[("II", 'r')], false),
            ("II.1", &[("II", 'r'), ("1", 'd')], false),
            ("XIV.", &[("XIV", 'r')], false),
            ("a)", &[("a", 'l')], false),
            ("(b)", &[("b", 'l')], false),
            ("A.1", &[("A", 'l'), ("1", 'd')], false),
            ("A.1.2", &[("A", 'l'), ("1", 'd'), ("2", 'd')], false),
            ("2.b", &[("2", 'd'), ("b", 'l')], false),
            ("01.03.1", &[("01", '0'), ("03", '0'), ("1", 'd')], false),
            ("Fase 2", &[("2", 'd')], true),
            ("FASE 1.", &[("1", 'd')], true),
            ("OB.1", &[("1", 'd')], false),
            ("OS-2.1", &[("2", 'd'), ("1", 'd')], false),
            ("Ob. 3", &[("3", 'd')], false),
            ("Obj.2.1", &[("2", 'd'), ("1", 'd')], false),
        ];
        for (cell, expected, marked) in cases {
            assert_eq!(
                read(cell),
                Some((parts(expected), *marked)),
                "cell {cell:?}"
            );
        }
    }

    #[test]
    fn leaves_plain_ordinals_words_and_values_alone() {
        for cell in [
            "1",
            "1.2",
            "1)",
            "",
            "Fase",
            "Fase: avvio",
            "Fase uno",
            "Obiettivo 2",
            "Peso",
            "IIII",
            "VV",
            "XL",
            "ab",
            "20%",
            "31.12.2021",
            "1.2.3.4.5.6",
            "Responsabile",
            "OBIETTIVO.1",
            "OB.a",
            "Ob 1",
            "Area 1",
            "oB. 1",
        ] {
            assert_eq!(read(cell), None, "cell {cell:?}");
        }
    }

    #[test]
    fn a_phase_extends_its_objective_by_one_part() {
        let label = |cell| parse_label(cell, &markers()).expect("a label").parts;
        assert!(extends(&label("II.1"), &label("II"), 1));
        assert!(extends(&label("A.1.1"), &label("A.1"), 1));
        assert!(!extends(&label("A.2.1"), &label("A.1"), 1));
        assert!(!extends(&label("A.1"), &label("A.1"), 1));
        assert!(extends(&label("A.1.1.a"), &label("A.1"), 2));
    }

    #[test]
    fn a_single_capital_numeral_counts_as_a_letter_too() {
        let part_of = |cell| parse_label(cell, &markers()).expect("a label").parts[0].clone();
        assert!(part_of("C)").same_scheme(&part_of("B)")));
        assert!(part_of("II").same_scheme(&part_of("IV")));
        assert!(!part_of("a)").same_scheme(&part_of("01.1")));
        assert!(!part_of("II").same_scheme(&part_of("b)")));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(cell in "\\PC*") {
            let _ = parse_label(&cell, &markers());
        }
    }
}
