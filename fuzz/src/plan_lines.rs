//! Plan-like text built from fuzzer bytes: lines of tab-separated cells made
//! of the tokens the parser looks for (row numbers, weights, dates, section
//! and column words, brackets), so that mutations reach the parser's line
//! grammar and assembly rules instead of stopping at "no structure here".

use arbitrary::Arbitrary;

/// A whole dump: lines, each ended by one of the line ends plans use.
#[derive(Debug, Arbitrary)]
pub struct PlanText {
    /// The lines in order.
    pub lines: Vec<PlanLine>,
}

/// One line: cells joined by tabs, then a line end.
#[derive(Debug, Arbitrary)]
pub struct PlanLine {
    /// The cells; an empty cell still holds its column.
    pub cells: Vec<PlanCell>,
    /// How the line ends.
    pub end: LineEnd,
}

/// One cell: tokens joined by single spaces.
#[derive(Debug, Arbitrary)]
pub struct PlanCell(pub Vec<Token>);

/// How a line ends (a form feed also starts a page).
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum LineEnd {
    /// `\n`.
    Lf,
    /// `\r\n`.
    CrLf,
    /// `\r`.
    Cr,
    /// `\n` then a blank line: a paragraph break.
    Blank,
    /// A form feed: a new page, same line.
    FormFeed,
}

/// The pieces plan cells are made of.
#[derive(Debug, Arbitrary)]
pub enum Token {
    /// "3", "3.1", "3.1.", "3.10".
    RowNumber {
        /// Objective number.
        objective: u8,
        /// Phase number, if a phase.
        phase: Option<u8>,
        /// Whether a dot follows ("1.1.").
        trailing_dot: bool,
    },
    /// "20%", "(50%)", "12,5 %".
    Weight {
        /// Whole percent.
        value: u16,
        /// Decimal digit, if any.
        decimal: Option<u8>,
        /// Comma (Italian) or dot decimal separator.
        comma: bool,
        /// Whether the weight is bracketed (phases).
        parens: bool,
        /// Whether a space comes before the `%`.
        spaced: bool,
    },
    /// A due date in one of the ways plans write them.
    Date(Date),
    /// A word of the plans' vocabulary.
    Word(Word),
    /// Punctuation the grammar cares about.
    Mark(Mark),
    /// Any short text.
    Free(String),
}

/// A due date: "31.12.2021", "31/12/2021", "31 dicembre 2021", "2021-12-31",
/// "31.12" or a year broken by a space ("31.12.202 1").
#[derive(Debug, Arbitrary)]
pub struct Date {
    /// Day, any value (out of range ones too).
    pub day: u8,
    /// Month, any value.
    pub month: u8,
    /// Year, any value.
    pub year: u16,
    /// How it is written.
    pub style: DateStyle,
    /// A space inserted after this many characters of the year, if any.
    pub year_break: Option<u8>,
}

/// How a date is written.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum DateStyle {
    /// "31.12.2021".
    Dots,
    /// "31/12/2021".
    Slashes,
    /// "31-12-2021".
    Dashes,
    /// "31 dicembre 2021".
    MonthName,
    /// "2021-12-31".
    Iso,
    /// "31.12" (no year).
    DayMonth,
    /// "entro il 31.12.2021".
    Entro,
}

/// Words the vocabulary and the header grammar know.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Word {
    /// "STRUTTURA:".
    Struttura,
    /// "SETTORE".
    Settore,
    /// "AREA".
    Area,
    /// "Servizio".
    Servizio,
    /// "U.O.".
    UnitaOperativa,
    /// "DIRIGENTE/RESPONSABILE:".
    Responsabile,
    /// "Dott.".
    Dott,
    /// "ad interim".
    AdInterim,
    /// "Linea Strategica".
    LineaStrategica,
    /// "Obiettivo Strategico".
    ObiettivoStrategico,
    /// "Missione".
    Missione,
    /// "Obiettivo Operativo".
    ObiettivoOperativo,
    /// "N°".
    Numero,
    /// "Descrizione Obiettivi Gestionali".
    Descrizione,
    /// "Peso %".
    Peso,
    /// "Indicatori di Misurazione".
    Indicatori,
    /// "Valori Attesi".
    ValoriAttesi,
    /// "Data Fine Attesa".
    DataFineAttesa,
    /// "Scadenza".
    Scadenza,
    /// "Fase:".
    Fase,
    /// "Obiettivo di mantenimento:".
    Mantenimento,
    /// "Obiettivo di sviluppo:".
    Sviluppo,
    /// "Dipendenti coinvolti sugli obiettivi".
    DipendentiCoinvolti,
    /// "Obiettivo".
    Obiettivo,
    /// "Cognome e Nome".
    CognomeNome,
    /// "COMUNE DI".
    ComuneDi,
    /// "Provincia di".
    ProvinciaDi,
    /// "PIANO DELLA PERFORMANCE".
    Piano,
    /// "Servizi istituzionali, generali e di gestione".
    MissionName,
    /// "di ogni anno".
    OgniAnno,
    /// "pluriennale".
    Pluriennale,
}

/// Punctuation.
#[derive(Debug, Clone, Copy, Arbitrary)]
pub enum Mark {
    /// ":".
    Colon,
    /// ";".
    Semicolon,
    /// "(".
    Open,
    /// ")".
    Close,
    /// "[".
    OpenSquare,
    /// "]".
    CloseSquare,
    /// "–" (en dash, as between a structure's name and its head).
    Dash,
    /// "-".
    Hyphen,
    /// "•".
    Bullet,
    /// A non-breaking space.
    Nbsp,
}

impl PlanText {
    /// The dump as text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            line.render(&mut out);
        }
        out
    }
}

impl PlanLine {
    fn render(&self, out: &mut String) {
        for (index, cell) in self.cells.iter().enumerate() {
            if index > 0 {
                out.push('\t');
            }
            cell.render(out);
        }
        out.push_str(match self.end {
            LineEnd::Lf => "\n",
            LineEnd::CrLf => "\r\n",
            LineEnd::Cr => "\r",
            LineEnd::Blank => "\n\n",
            LineEnd::FormFeed => "\u{c}",
        });
    }
}

impl PlanCell {
    fn render(&self, out: &mut String) {
        for (index, token) in self.0.iter().enumerate() {
            if index > 0 {
                out.push(' ');
            }
            token.render(out);
        }
    }
}

impl Token {
    fn render(&self, out: &mut String) {
        match self {
            Token::RowNumber {
                objective,
                phase,
                trailing_dot,
            } => {
                out.push_str(&objective.to_string());
                if let Some(phase) = phase {
                    out.push_str(&format!(".{phase}"));
                }
                if *trailing_dot {
                    out.push('.');
                }
            }
            Token::Weight {
                value,
                decimal,
                comma,
                parens,
                spaced,
            } => {
                let mut weight = value.to_string();
                if let Some(decimal) = decimal {
                    weight.push(if *comma { ',' } else { '.' });
                    weight.push_str(&(decimal % 100).to_string());
                }
                if *spaced {
                    weight.push(' ');
                }
                weight.push('%');
                if *parens {
                    weight = format!("({weight})");
                }
                out.push_str(&weight);
            }
            Token::Date(date) => date.render(out),
            Token::Word(word) => out.push_str(word.text()),
            Token::Mark(mark) => out.push_str(mark.text()),
            Token::Free(text) => out.push_str(text),
        }
    }
}

impl Date {
    fn render(&self, out: &mut String) {
        let mut year = self.year.to_string();
        if let Some(at) = self.year_break {
            let at = usize::from(at) % (year.len() + 1);
            year.insert(at, ' ');
        }
        let (day, month) = (self.day, self.month);
        let text = match self.style {
            DateStyle::Dots => format!("{day:02}.{month:02}.{year}"),
            DateStyle::Slashes => format!("{day}/{month}/{year}"),
            DateStyle::Dashes => format!("{day:02}-{month:02}-{year}"),
            DateStyle::MonthName => format!("{day} {} {year}", month_name(month)),
            DateStyle::Iso => format!("{year}-{month:02}-{day:02}"),
            DateStyle::DayMonth => format!("{day:02}.{month:02}"),
            DateStyle::Entro => format!("entro il {day:02}.{month:02}.{year}"),
        };
        out.push_str(&text);
    }
}

/// A month's Italian name, `month` taken modulo 13 (January at 0), or for
/// the thirteenth "mese", a word that names no month.
fn month_name(month: u8) -> &'static str {
    piano_model::MONTH_NAMES
        .get(usize::from(month) % 13)
        .copied()
        .unwrap_or("mese")
}

impl Word {
    fn text(self) -> &'static str {
        match self {
            Word::Struttura => "STRUTTURA:",
            Word::Settore => "SETTORE",
            Word::Area => "AREA",
            Word::Servizio => "Servizio",
            Word::UnitaOperativa => "U.O.",
            Word::Responsabile => "DIRIGENTE/RESPONSABILE:",
            Word::Dott => "Dott.",
            Word::AdInterim => "ad interim",
            Word::LineaStrategica => "Linea Strategica",
            Word::ObiettivoStrategico => "Obiettivo Strategico",
            Word::Missione => "Missione",
            Word::ObiettivoOperativo => "Obiettivo Operativo",
            Word::Numero => "N°",
            Word::Descrizione => "Descrizione Obiettivi Gestionali",
            Word::Peso => "Peso %",
            Word::Indicatori => "Indicatori di Misurazione",
            Word::ValoriAttesi => "Valori Attesi",
            Word::DataFineAttesa => "Data Fine Attesa",
            Word::Scadenza => "Scadenza",
            Word::Fase => "Fase:",
            Word::Mantenimento => "Obiettivo di mantenimento:",
            Word::Sviluppo => "Obiettivo di sviluppo:",
            Word::DipendentiCoinvolti => "Dipendenti coinvolti sugli obiettivi",
            Word::Obiettivo => "Obiettivo",
            Word::CognomeNome => "Cognome e Nome",
            Word::ComuneDi => "COMUNE DI",
            Word::ProvinciaDi => "Provincia di",
            Word::Piano => "PIANO DELLA PERFORMANCE",
            Word::MissionName => "Servizi istituzionali, generali e di gestione",
            Word::OgniAnno => "di ogni anno",
            Word::Pluriennale => "pluriennale",
        }
    }
}

impl Mark {
    fn text(self) -> &'static str {
        match self {
            Mark::Colon => ":",
            Mark::Semicolon => ";",
            Mark::Open => "(",
            Mark::Close => ")",
            Mark::OpenSquare => "[",
            Mark::CloseSquare => "]",
            Mark::Dash => "–",
            Mark::Hyphen => "-",
            Mark::Bullet => "•",
            Mark::Nbsp => "\u{a0}",
        }
    }
}
