//! Due cells in the forms Italian plans write them, each with the [`Due`] it means.
//!
//! Judgement calls, the same for every generated plan:
//! - "entro il 30.06.2021" means the day; "entro il" ("by") says what every due
//!   date says, so it is not a note.
//! - "pluriennale" sets `multiyear` and leaves no note.
//! - a bracketed remark ("(salvo diverso termine indicato dall'ANAC)") is the
//!   note, brackets removed.

use fastrand::Rng;
use piano_model::{Due, DueDate, MONTH_NAMES};

/// A random due in `year` (or the January after it), in one of the forms
/// plans use; its `raw` is the cell as written.
pub fn random_due(rng: &mut Rng, year: u16) -> Due {
    let (year, month, day) = random_day(rng, year);
    let dotted = format!("{day:02}.{month:02}.{year}");
    let month_name = MONTH_NAMES[usize::from(month - 1)];
    let on_day = DueDate::day(year, month, day);
    let yearly = DueDate::yearly(month, day);
    let (written, date, multiyear, note) = match rng.u32(0..100) {
        0..=44 => (dotted, on_day, false, None),
        45..=54 => (format!("{day:02}/{month:02}/{year}"), on_day, false, None),
        55..=61 => (
            format!("{month_name} {year}"),
            DueDate::month(year, month),
            false,
            None,
        ),
        62..=67 => (format!("{day} {month_name} {year}"), on_day, false, None),
        68..=73 => (
            format!("{day:02}.{month:02} di ogni anno"),
            yearly,
            false,
            None,
        ),
        74..=78 => (
            format!("{day} {month_name} di ogni anno"),
            yearly,
            false,
            None,
        ),
        79..=85 => (format!("entro il {dotted}"), on_day, false, None),
        86..=90 => (format!("{dotted} pluriennale"), on_day, true, None),
        91..=94 => (
            format!("{day:02}.{month:02} di ogni anno (pluriennale)"),
            yearly,
            true,
            None,
        ),
        _ => (
            format!("{dotted} (salvo diverso termine indicato dall'ANAC)"),
            on_day,
            false,
            Some("salvo diverso termine indicato dall'ANAC".to_owned()),
        ),
    };
    Due::new(written, date, multiyear, note)
}

/// A plausible due day: mostly the end of a month of `year`, sometimes the
/// middle, now and then January of the next year.
fn random_day(rng: &mut Rng, year: u16) -> (u16, u8, u8) {
    let (year, month) = if rng.u32(0..10) == 0 {
        (year + 1, 1)
    } else if rng.bool() {
        (year, 12)
    } else {
        (year, rng.u8(1..=12))
    };
    let day = match rng.u32(0..4) {
        0 => 15,
        1 => 1,
        _ => [31u8, 30, 29, 28]
            .into_iter()
            .find(|&day| DueDate::day(year, month, day).is_some())
            .unwrap_or(28),
    };
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_written_due_has_a_date() {
        let mut rng = Rng::with_seed(7);
        for _ in 0..500 {
            let due = random_due(&mut rng, 2021);
            assert!(due.date.is_some(), "{} has a date", due.raw);
            assert_eq!(due.multiyear, due.raw.contains("pluriennale"));
        }
    }
}
