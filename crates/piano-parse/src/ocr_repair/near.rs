//! Names read with errors, found in a reference list: the one name of the
//! list within a few edits of what OCR read.
//!
//! A name is compared [`fold`]ed (case, accents and punctuation do not
//! count), by edit distance: a character read as another, dropped or added
//! is one edit ("Cortoma" is one from "Cortona", "Trasponi" two from
//! "Trasporti"). How many edits a name may be off by grows with its
//! length; a name so short that one edit makes another name is never
//! taken.

use piano_model::reference::fold;

/// The one of `names` (folded) within `allowed(len)` edits of `read`
/// folded, where `len` is the folded reading's length in characters;
/// `None` when none is, or more than one.
pub fn one_near<'n>(
    read: &str,
    names: impl IntoIterator<Item = &'n str>,
    allowed: impl Fn(usize) -> usize,
) -> Option<&'n str> {
    let wanted: Vec<char> = fold(read).chars().collect();
    let most = allowed(wanted.len());
    if most == 0 {
        return None;
    }
    let mut found: Option<&'n str> = None;
    for name in names {
        if distance_within(&wanted, name, most).is_none() {
            continue;
        }
        if found.is_some_and(|one| one != name) {
            return None;
        }
        found = Some(name);
    }
    found
}

/// The edit distance (Levenshtein, over characters) from `read` to `name`,
/// when it is `most` or less.
fn distance_within(read: &[char], name: &str, most: usize) -> Option<usize> {
    let name: Vec<char> = name.chars().collect();
    if read.len().abs_diff(name.len()) > most {
        return None;
    }
    let mut previous: Vec<usize> = (0..=name.len()).collect();
    for (i, a) in read.iter().enumerate() {
        let mut current = vec![i + 1; name.len() + 1];
        for (j, b) in name.iter().enumerate() {
            let substitution = previous[j] + usize::from(a != b);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        if current.iter().min().is_some_and(|&least| least > most) {
            return None;
        }
        previous = current;
    }
    previous
        .last()
        .copied()
        .filter(|&distance| distance <= most)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(read: &str, name: &str) -> Option<usize> {
        let read: Vec<char> = read.chars().collect();
        distance_within(&read, name, 3)
    }

    #[test]
    fn edits_are_counted_by_character() {
        assert_eq!(distance("cortoma", "cortona"), Some(1));
        assert_eq!(distance("trasponi", "trasporti"), Some(2));
        assert_eq!(distance("città", "citta"), Some(1));
        assert_eq!(distance("abc", "abc"), Some(0));
        assert_eq!(distance("pianto", "piano"), Some(1));
        assert_eq!(distance("roma", "cortona"), None);
    }

    #[test]
    fn only_one_name_within_reach_is_taken() {
        let names = ["cortona", "cortina", "vellano"];
        let two = |_| 2;
        assert_eq!(one_near("CORTOMA", names, |_| 1), Some("cortona"));
        // "cortqna" is one edit from both.
        assert_eq!(one_near("CORTQNA", names, two), None);
        assert_eq!(one_near("Vellano", names, two), Some("vellano"));
        assert_eq!(one_near("Velluto", names, |_| 1), None);
        // "pianto" is one edit from both.
        assert_eq!(one_near("pianto", ["piano", "pianta"], two), None);
        // A name met twice (a comune's two spellings) is still one.
        assert_eq!(one_near("pianto", ["piano", "piano"], two), Some("piano"));
        assert_eq!(one_near("cortona", names, |_| 0), None);
    }
}
