//! Italian words and number formats for what the model holds: verdicts,
//! statuses, diagnostic levels, kinds of ente, weights and due dates.
//!
//! The site is for citizens reading Italian portals, so numbers take a
//! decimal comma and dates are written as Italians write them.

use piano_model::{Category, DueDate, EnteKind, Level, MONTH_NAMES, ReasonCode, Verdict};
use piano_run::batch::report::Status;

/// A file of the release the site publishes in its `dati/` folder, with
/// what it holds, for people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataFile {
    /// Its name, beside the release's data package.
    pub name: String,
    /// What it holds; blank for a file piano does not know.
    pub about: &'static str,
}

impl DataFile {
    /// The file named `name`, described.
    pub fn named(name: &str) -> DataFile {
        let about = match name {
            "plans.csv" => "i piani, uno per riga",
            "structures.csv" => "le strutture",
            "objectives.csv" => "gli obiettivi e le fasi",
            "staff.csv" => "il personale coinvolto",
            "diagnostics.csv" => "che cosa è stato notato leggendo i piani",
            "weights.csv" => "i pesi per responsabile delle matrici dei pesi",
            "datapackage.json" => "la descrizione delle tabelle (Frictionless Data Package)",
            "catalog.jsonld" => "i metadati della raccolta (DCAT-AP_IT)",
            _ => "",
        };
        DataFile {
            name: name.to_owned(),
            about,
        }
    }
}

/// A quality verdict, for people.
pub fn verdict(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Good => "buona",
        Verdict::Review => "da rivedere",
        Verdict::Unreadable => "illeggibile",
    }
}

/// What lowered a plan's score, in a few Italian words (the plan's own
/// sentence, in English, follows it on the page).
pub fn reason(code: ReasonCode) -> &'static str {
    match code {
        ReasonCode::NoObjectives => "nessun obiettivo letto",
        ReasonCode::NoFamily => "nessuna famiglia di impaginazione riconosciuta",
        ReasonCode::WeightsMissing => "righe senza peso",
        ReasonCode::WeightsUnparsed => "pesi non numerici",
        ReasonCode::WeightSums => "gruppi di pesi che non fanno 100",
        ReasonCode::DuesMissing => "righe senza scadenza",
        ReasonCode::DuesLost => "strutture senza scadenze dove le altre ne hanno",
        ReasonCode::DuesUnparsed => "scadenze senza una data riconosciuta",
        ReasonCode::DuesOverrun => "scadenze con testo di altre colonne",
        ReasonCode::FieldsOverrun => "campi di testo con pesi o date di altre righe",
        ReasonCode::DescriptionsMissing => "righe senza descrizione",
        ReasonCode::CellsUnplaced => "celle fuori da ogni colonna nota",
        ReasonCode::CellsByContent => "celle assegnate alla colonna dal contenuto",
        ReasonCode::RowsUnplaced => "righe con valori lasciate fuori",
        ReasonCode::TextUnplaced => "testo lasciato fuori",
        ReasonCode::RowsAmbiguous => "righe leggibili in due modi",
        ReasonCode::HeadersInRows => "righe d'intestazione lette come righe",
        ReasonCode::HeadersCut => "intestazioni di tabella divise per ipotesi",
        ReasonCode::HeadsRepeated => "responsabili con il nome ripetuto",
        ReasonCode::NumberingBroken => "numerazione interrotta",
        ReasonCode::RowsRecovered => "righe ricostruite o scartate come copie",
        ReasonCode::CellsLowConfidence => "righe con celle lette dall'OCR con poca sicurezza",
        ReasonCode::HeadsMissing => "strutture senza responsabile",
        ReasonCode::MissionsUnknown => "missioni non riconosciute",
        ReasonCode::EnteUnknown => "ente non riconosciuto",
        ReasonCode::YearUnknown => "anno non trovato",
        ReasonCode::PagesWithoutText => "pagine senza testo",
        ReasonCode::PdfDamaged => "parti del PDF danneggiate",
        ReasonCode::OcrConfidenceLow => "pagine lette dall'OCR con poca sicurezza",
    }
}

/// What became of an input, for people.
pub fn status(status: Status) -> &'static str {
    match status {
        Status::Ok => "letto",
        Status::Warnings => "letto con avvisi",
        Status::Failed => "non letto",
        Status::Duplicate => "duplicato",
    }
}

/// A diagnostic's level, for people.
pub fn level(level: Level) -> &'static str {
    match level {
        Level::Info => "informazione",
        Level::Warning => "avviso",
        Level::Error => "errore",
    }
}

/// A diagnostic's level as serialised, a CSS class that marks it.
pub fn level_class(level: Level) -> &'static str {
    match level {
        Level::Info => "info",
        Level::Warning => "warning",
        Level::Error => "error",
    }
}

/// The kind of objective a description's prefix declares.
pub fn category(category: Category) -> &'static str {
    match category {
        Category::Mantenimento => "mantenimento",
        Category::Sviluppo => "sviluppo",
    }
}

/// The kind of ente, as it precedes the name ("Comune di …").
pub fn ente_kind(kind: EnteKind) -> &'static str {
    match kind {
        EnteKind::Comune => "Comune",
        EnteKind::Provincia => "Provincia",
        EnteKind::CittaMetropolitana => "Città metropolitana",
        EnteKind::Unione => "Unione di comuni",
        EnteKind::Regione => "Regione",
    }
}

/// A percentage or weight with at most two decimals and a decimal comma:
/// `20`, `5,88`, `33,3`.
pub fn number(value: f64) -> String {
    let fixed = format!("{value:.2}");
    let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
    match trimmed {
        "-0" => "0".to_owned(),
        other => other.replace('.', ","),
    }
}

/// A due date as Italians write it: `31/12/2021`, `novembre 2021`,
/// `31/12 di ogni anno`.
pub fn due_date(date: DueDate) -> String {
    match date {
        DueDate::Day { year, month, day } => format!("{day:02}/{month:02}/{year}"),
        DueDate::Month { year, month } => month_year(year, month),
        DueDate::Yearly { month, day } => format!("{day:02}/{month:02} di ogni anno"),
    }
}

/// The name of month `month` (1 to 12); the number itself out of range.
pub fn month_name(month: u8) -> String {
    usize::from(month)
        .checked_sub(1)
        .and_then(|index| MONTH_NAMES.get(index))
        .map_or_else(|| month.to_string(), |name| (*name).to_owned())
}

/// A month of a year: "novembre 2021".
pub fn month_year(year: u16, month: u8) -> String {
    format!("{} {year}", month_name(month))
}

/// The first three letters of month `month`, for a chart's narrow columns.
pub fn month_short(month: u8) -> String {
    month_name(month).chars().take(3).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_decimal_comma_and_no_trailing_zeros() {
        assert_eq!(number(20.0), "20");
        assert_eq!(number(5.88), "5,88");
        assert_eq!(number(33.30), "33,3");
        assert_eq!(number(0.001), "0");
        assert_eq!(number(-0.001), "0");
    }

    #[test]
    fn every_reason_has_a_label_of_its_own() {
        let labels: std::collections::BTreeSet<&str> =
            ReasonCode::ALL.into_iter().map(reason).collect();
        assert_eq!(labels.len(), ReasonCode::ALL.len());
    }

    #[test]
    fn dates_are_written_the_italian_way() {
        let day = DueDate::Day {
            year: 2021,
            month: 3,
            day: 1,
        };
        assert_eq!(due_date(day), "01/03/2021");
        let month = DueDate::Month {
            year: 2021,
            month: 11,
        };
        assert_eq!(due_date(month), "novembre 2021");
        let yearly = DueDate::Yearly { month: 12, day: 31 };
        assert_eq!(due_date(yearly), "31/12 di ogni anno");
        assert_eq!(month_short(9), "set");
        assert_eq!(month_name(13), "13");
    }
}
