//! Row numbers as tables print them, whatever the scheme: what tells a
//! row's first line from a header's or a label's.

/// The leading number of a row number ("3", "6.1.", "2.a", "1)", "II.1",
/// "A.1"): digits or a roman numeral, with levels parted by points, an
/// optional letter level, perhaps a structure's letter before them, and a
/// closing point or bracket; `None` for anything else, a
/// weight, a date or a year among them ("15%", "16,67", "31.12.2023").
pub(crate) fn row_number(text: &str) -> Option<u32> {
    let text = text.trim_end_matches(['.', ')']);
    numbered_levels(text).or_else(|| {
        // A structure's letter before the number ("A.1", "B.2.1"): the
        // number leads.
        let (letter, rest) = text.split_once('.')?;
        let letter = letter.len() == 1 && letter.chars().all(|c| c.is_ascii_uppercase());
        letter.then(|| numbered_levels(rest)).flatten()
    })
}

/// The leading number of levels parted by points ("6.1", "2.a", "II.1").
fn numbered_levels(text: &str) -> Option<u32> {
    let mut levels = text.split('.');
    let lead = levels.next()?;
    let digits = (1..=3)
        .contains(&lead.len())
        .then(|| lead.parse::<u32>().ok())
        .flatten();
    let lead_value = digits.or_else(|| piano_model::roman(lead))?;
    levels
        .all(|level| {
            (1..=3).contains(&level.len()) && level.chars().all(|c| c.is_ascii_digit())
                || level.len() == 1 && level.chars().all(|c| c.is_ascii_lowercase())
        })
        .then_some(lead_value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_numbers_and_what_is_not_one() {
        assert_eq!(row_number("3"), Some(3));
        assert_eq!(row_number("6.1."), Some(6));
        assert_eq!(row_number("2.a"), Some(2));
        assert_eq!(row_number("1)"), Some(1));
        assert_eq!(row_number("01.02.03"), Some(1));
        assert_eq!(row_number("II.1"), Some(2));
        assert_eq!(row_number("IV"), Some(4));
        assert_eq!(row_number("A.7"), Some(7));
        assert_eq!(row_number("B.2.1"), Some(2));
        for not in [
            "15%",
            "16,67",
            "31.12.2023",
            "2023",
            "N°",
            "Fase 1",
            "",
            "IIII",
            "Il",
        ] {
            assert_eq!(row_number(not), None, "{not}");
        }
    }
}
