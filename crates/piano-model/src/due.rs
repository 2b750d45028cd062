//! Due dates as Italian plans write them, and as the contract publishes them.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A due cell: what was written, and the date it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Due {
    /// The cell as written, whitespace-normalised.
    pub raw: String,
    /// The date, when one was recognised.
    pub date: Option<DueDate>,
    /// Whether the date names a day or only a month; `null` without a date.
    pub precision: Option<Precision>,
    /// `yearly` for a date that recurs every year ("31.12 di ogni anno").
    pub recurrence: Option<Recurrence>,
    /// Whether the cell says the work spans several years ("pluriennale").
    pub multiyear: bool,
    /// Text left over beside the date, brackets removed.
    pub note: Option<String>,
}

impl Due {
    /// A due cell with the precision and recurrence that `date` implies.
    pub fn new(raw: String, date: Option<DueDate>, multiyear: bool, note: Option<String>) -> Due {
        Due {
            raw,
            precision: date.map(DueDate::precision),
            recurrence: date.and_then(DueDate::recurrence),
            date,
            multiyear,
            note,
        }
    }
}

/// How precise a due date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A day: `2021-12-31`, or `--12-31` every year.
    Day,
    /// A month: `2021-11`.
    Month,
}

/// How a due date recurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Recurrence {
    /// The same day every year.
    Yearly,
}

/// The Italian names of the months, January first, in lower case, as plans
/// write them in due cells ("novembre 2021"); one list for everything that
/// writes a month back in Italian (the site's charts, generated plans).
pub const MONTH_NAMES: [&str; 12] = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
];

/// A calendar date as plans give them, serialised in ISO 8601:
/// `YYYY-MM-DD`, `YYYY-MM`, or `--MM-DD` for a day that recurs every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DueDate {
    /// A day of a year.
    Day {
        /// Four-digit year.
        year: u16,
        /// Month, 1 to 12.
        month: u8,
        /// Day of the month, 1 to 31.
        day: u8,
    },
    /// A month of a year ("novembre 2021").
    Month {
        /// Four-digit year.
        year: u16,
        /// Month, 1 to 12.
        month: u8,
    },
    /// A day of every year ("31.12 di ogni anno").
    Yearly {
        /// Month, 1 to 12.
        month: u8,
        /// Day of the month, 1 to 31.
        day: u8,
    },
}

impl DueDate {
    /// The day, if `year-month-day` exists in the Gregorian calendar.
    pub fn day(year: u16, month: u8, day: u8) -> Option<DueDate> {
        (day >= 1 && day <= days_in_month(Some(year), month)).then_some(DueDate::Day {
            year,
            month,
            day,
        })
    }

    /// The month, if `month` is 1 to 12.
    pub fn month(year: u16, month: u8) -> Option<DueDate> {
        (1..=12)
            .contains(&month)
            .then_some(DueDate::Month { year, month })
    }

    /// The yearly day, if it exists in some year (29 February does).
    pub fn yearly(month: u8, day: u8) -> Option<DueDate> {
        (day >= 1 && day <= days_in_month(None, month)).then_some(DueDate::Yearly { month, day })
    }

    /// The precision this date has.
    pub fn precision(self) -> Precision {
        match self {
            DueDate::Day { .. } | DueDate::Yearly { .. } => Precision::Day,
            DueDate::Month { .. } => Precision::Month,
        }
    }

    /// The recurrence this date has.
    pub fn recurrence(self) -> Option<Recurrence> {
        matches!(self, DueDate::Yearly { .. }).then_some(Recurrence::Yearly)
    }

    /// The year, for dates that have one.
    pub fn year(self) -> Option<u16> {
        match self {
            DueDate::Day { year, .. } | DueDate::Month { year, .. } => Some(year),
            DueDate::Yearly { .. } => None,
        }
    }

    /// Parses the ISO 8601 forms this type writes.
    pub fn parse_iso(text: &str) -> Option<DueDate> {
        let number = |part: &str| part.parse::<u16>().ok();
        if let Some(rest) = text.strip_prefix("--") {
            let (month, day) = rest.split_once('-')?;
            return DueDate::yearly(
                u8::try_from(number(month)?).ok()?,
                u8::try_from(number(day)?).ok()?,
            );
        }
        let mut parts = text.split('-');
        let year = number(parts.next()?)?;
        let month = u8::try_from(number(parts.next()?)?).ok()?;
        match parts.next() {
            None => DueDate::month(year, month),
            Some(day) if parts.next().is_none() => {
                DueDate::day(year, month, u8::try_from(number(day)?).ok()?)
            }
            Some(_) => None,
        }
    }
}

fn days_in_month(year: Option<u16>, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(year) if !(year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 0,
    }
}

impl fmt::Display for DueDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DueDate::Day { year, month, day } => write!(f, "{year:04}-{month:02}-{day:02}"),
            DueDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DueDate::Yearly { month, day } => write!(f, "--{month:02}-{day:02}"),
        }
    }
}

impl Serialize for DueDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DueDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<DueDate, D::Error> {
        let text = Cow::<str>::deserialize(deserializer)?;
        DueDate::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a due date: {text:?}")))
    }
}

impl JsonSchema for DueDate {
    fn schema_name() -> Cow<'static, str> {
        "DueDate".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "description": "ISO 8601: YYYY-MM-DD, YYYY-MM (month only), or --MM-DD for a day that recurs every year",
            "pattern": "^(\\d{4}-\\d{2}(-\\d{2})?|--\\d{2}-\\d{2})$"
        })
    }
}

/// Whether `text` is a year written alone in figures ("2021", 1900 to
/// 2099): not a page number, a row number or a budget code, which readers
/// of every kind would otherwise take it for.
pub fn is_bare_year(text: &str) -> bool {
    let text = text.trim();
    text.len() == 4
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text.starts_with("19") || text.starts_with("20"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_alone_is_four_figures_of_this_century_or_the_last() {
        for text in ["2021", " 1999 "] {
            assert!(is_bare_year(text), "{text}");
        }
        for text in ["21", "2021a", "3021", "12.2021", "0102"] {
            assert!(!is_bare_year(text), "{text}");
        }
    }

    #[test]
    fn writes_and_reads_the_three_iso_forms() {
        for text in ["2021-12-31", "2021-11", "--02-29"] {
            let date = DueDate::parse_iso(text).expect("valid ISO date");
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn rejects_days_that_do_not_exist() {
        assert_eq!(DueDate::day(2021, 2, 29), None);
        assert_eq!(DueDate::day(2021, 13, 1), None);
        assert!(DueDate::day(2024, 2, 29).is_some());
        assert_eq!(DueDate::parse_iso("2021-04-31"), None);
    }

    #[test]
    fn derives_precision_and_recurrence() {
        let due = Due::new(
            "31.12 di ogni anno".into(),
            DueDate::yearly(12, 31),
            false,
            None,
        );
        assert_eq!(due.precision, Some(Precision::Day));
        assert_eq!(due.recurrence, Some(Recurrence::Yearly));
        let due = Due::new("?".into(), None, false, None);
        assert_eq!((due.precision, due.recurrence), (None, None));
    }
}
