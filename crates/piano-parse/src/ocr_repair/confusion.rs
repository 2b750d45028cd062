//! The characters OCR gives for digits it misreads, and the readings a
//! misread cell may have had.
//!
//! The table is small on purpose: each letter or sign is one tesseract is
//! seen to give for a digit in print ("l" or "|" for 1, "O" for 0, "S" for
//! 5). A letter may stand for more than one digit ("E" for 1 or 3): the
//! plan's structure then tells which, or nothing is repaired.

/// The digits `c` may be a misreading of; empty for a digit and for
/// characters never taken for one.
pub fn digits_for(c: char) -> &'static [char] {
    match c {
        'O' | 'o' | 'D' | 'Q' | 'U' => &['0'],
        'l' | 'I' | '|' | 'i' | '!' | ']' | '[' | 'J' | 'L' => &['1'],
        'E' => &['1', '3'],
        'T' => &['1', '7'],
        'Z' | 'z' => &['2'],
        'A' => &['4'],
        'S' | 's' | '$' => &['5'],
        'G' | 'b' => &['6'],
        'B' => &['8'],
        'g' | 'q' => &['9'],
        _ => &[],
    }
}

/// Most readings tried for one piece of text; a piece with more is left as
/// read (so many confusable characters prove nothing).
const MOST_READINGS: usize = 64;

/// Every text `piece` may have been before OCR misread it: each confusable
/// character replaced by each digit it may stand for, every other
/// character kept. Empty when `piece` holds no confusable character, or
/// too many.
pub fn readings(piece: &str) -> Vec<String> {
    let mut found = vec![String::new()];
    let mut changed = false;
    for c in piece.chars() {
        let digits = digits_for(c);
        if digits.is_empty() {
            for reading in &mut found {
                reading.push(c);
            }
            continue;
        }
        changed = true;
        if found.len() * digits.len() > MOST_READINGS {
            return Vec::new();
        }
        found = found
            .iter()
            .flat_map(|reading| {
                digits.iter().map(move |digit| {
                    let mut next = reading.clone();
                    next.push(*digit);
                    next
                })
            })
            .collect();
    }
    if changed { found } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_confusable_character_gives_each_of_its_digits() {
        assert_eq!(readings("E"), ["1", "3"]);
        assert_eq!(readings("l.2"), ["1.2"]);
        assert_eq!(readings("1O"), ["10"]);
        assert_eq!(readings("E.T"), ["1.1", "1.7", "3.1", "3.7"]);
    }

    #[test]
    fn a_piece_without_a_confusable_character_has_no_reading() {
        assert!(readings("12").is_empty());
        assert!(readings("x").is_empty());
        assert!(readings("").is_empty());
    }

    #[test]
    fn a_piece_with_too_many_confusable_characters_is_left_alone() {
        assert!(readings("EEEEEEE").is_empty());
    }
}
