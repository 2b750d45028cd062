//! Which columns each CSV table has, in order: name, type, title,
//! description and constraint, declared once for the CSV header rows and
//! `datapackage.json` alike.

use piano_model::{
    Category, DocumentKind, EnteKind, Level, Precision, Recurrence, SourceFormat, Verdict,
};
use schemars::JsonSchema;

use super::FieldType::{Boolean, Date, Integer, Number, String as Text};
use super::{Column, Constraint, FieldType, OBJECTIVE_LEVEL, PHASE_LEVEL};

const PLAN_ID_PATTERN: &str = "[0-9a-f]{12}";
const SHA256_PATTERN: &str = "[0-9a-f]{64}";
const ISTAT_PATTERN: &str = "[0-9]{6}";
const MISSION_CODES_PATTERN: &str = "([0-9]{2})?( \\| ([0-9]{2})?)*";
/// A due date: `YYYY-MM-DD`, `YYYY-MM`, or `--MM-DD` for a yearly day.
const DUE_DATE_PATTERN: &str = "([0-9]{4}-[0-9]{2}(-[0-9]{2})?|--[0-9]{2}-[0-9]{2})";

const fn column(
    name: &'static str,
    field_type: FieldType,
    title: &'static str,
    description: &'static str,
) -> Column {
    Column {
        name,
        field_type,
        title,
        description,
        required: false,
        constraint: Constraint::Any,
    }
}

const fn required(column: Column) -> Column {
    Column {
        required: true,
        ..column
    }
}

const fn constrained(column: Column, constraint: Constraint) -> Column {
    Column {
        constraint,
        ..column
    }
}

const PLAN_ID: Column = required(constrained(
    column(
        "plan_id",
        Text,
        "Identificativo del piano",
        "First 12 hex digits of the input's SHA-256: the plan's key in every table.",
    ),
    Constraint::Pattern(PLAN_ID_PATTERN),
));

const STRUCTURE: Column = required(column(
    "structure",
    Integer,
    "Struttura (n. d'ordine)",
    "1-based position of the structure in the document.",
));

pub(super) const PLANS: &[Column] = &[
    PLAN_ID,
    required(column(
        "file",
        Text,
        "File di origine",
        "The input's file name as given, without directories (`-` for standard input).",
    )),
    required(constrained(
        column(
            "sha256",
            Text,
            "Impronta SHA-256",
            "Lower-case hex SHA-256 of the input bytes.",
        ),
        Constraint::Pattern(SHA256_PATTERN),
    )),
    required(constrained(
        column(
            "format",
            Text,
            "Formato di origine",
            "Whether the input was a text dump, a PDF or an image (a scan).",
        ),
        Constraint::OneOf(json_names::<SourceFormat>),
    )),
    column(
        "pages",
        Integer,
        "Pagine",
        "Number of pages of a PDF or an image; empty for text input.",
    ),
    constrained(
        column(
            "ente_kind",
            Text,
            "Tipo di ente",
            "The kind of public body that adopted the plan.",
        ),
        Constraint::OneOf(json_names::<EnteKind>),
    ),
    column(
        "ente_name",
        Text,
        "Ente",
        "The public body's name in title case.",
    ),
    column(
        "provincia",
        Text,
        "Provincia",
        "The body's provincia or città metropolitana.",
    ),
    constrained(
        column(
            "istat",
            Text,
            "Codice ISTAT",
            "Six-digit ISTAT code of the comune, when found in the ISTAT list.",
        ),
        Constraint::Pattern(ISTAT_PATTERN),
    ),
    column(
        "year",
        Integer,
        "Anno di riferimento",
        "Reference year: from the title, else the most common due year.",
    ),
    column(
        "title",
        Text,
        "Titolo del piano",
        "The plan's title as written.",
    ),
    required(column(
        "structures",
        Integer,
        "Numero di strutture",
        "Number of structures.",
    )),
    required(column(
        "objectives",
        Integer,
        "Numero di obiettivi",
        "Number of objectives, phases not counted.",
    )),
    required(column(
        "phases",
        Integer,
        "Numero di fasi",
        "Number of phases.",
    )),
    required(column(
        "errors",
        Integer,
        "Errori",
        "Number of error-level diagnostics.",
    )),
    required(column(
        "warnings",
        Integer,
        "Avvisi",
        "Number of warning-level diagnostics.",
    )),
    column(
        "family",
        Text,
        "Famiglia di impaginazione",
        "The layout family the plan was read as (`struttura-table`, …).",
    ),
    constrained(
        column(
            "document_kind",
            Text,
            "Tipo di documento",
            "`plan`, or `report` for a results report of the performance cycle.",
        ),
        Constraint::OneOf(json_names::<DocumentKind>),
    ),
    required(constrained(
        column(
            "quality_verdict",
            Text,
            "Esito della lettura",
            "How well the plan was read: `good` (nothing to correct), `review` (usable, some values missing or uncertain) or `unreadable` (no plan, or too little of one); the JSON's `quality` gives the reasons.",
        ),
        Constraint::OneOf(json_names::<Verdict>),
    )),
    required(column(
        "quality_score",
        Number,
        "Punteggio della lettura",
        "From 0 (nothing read) to 1 (nothing doubtful): the share of rows read without doubt, weighted by what was found.",
    )),
    column(
        "ocr_pages",
        Integer,
        "Pagine lette con OCR",
        "Number of pages whose text piano recognised by OCR (a scan's); empty when none.",
    ),
];

pub(super) const STRUCTURES: &[Column] = &[
    PLAN_ID,
    STRUCTURE,
    column(
        "name",
        Text,
        "Struttura",
        "The structure's name as written; empty for a table read under no structure heading.",
    ),
    column(
        "head_role",
        Text,
        "Ruolo del responsabile",
        "The head's role as written before the colon (\"DIRIGENTE/RESPONSABILE\").",
    ),
    column(
        "head_name",
        Text,
        "Dirigente/Responsabile",
        "The head as written, honorific included; empty when left blank. Heads are public officials.",
    ),
    required(column(
        "head_ad_interim",
        Boolean,
        "Ad interim",
        "Whether the head holds the post ad interim.",
    )),
    column(
        "strategic_line",
        Text,
        "Linea Strategica",
        "The structure's strategic line.",
    ),
    column(
        "strategic_objectives",
        Text,
        "Obiettivo Strategico",
        "The strategic objectives, joined with ` | `.",
    ),
    column(
        "missions",
        Text,
        "Missione",
        "The budget missions named, joined with ` | `.",
    ),
    constrained(
        column(
            "mission_codes",
            Text,
            "Codice Missione",
            "The D.Lgs. 118/2011 codes of the missions, in the same order, joined with ` | `; an unrecognised mission leaves its item empty.",
        ),
        Constraint::Pattern(MISSION_CODES_PATTERN),
    ),
    column(
        "operational_objective",
        Text,
        "Obiettivo Operativo",
        "The structure's operational objective.",
    ),
    column(
        "objectives_label",
        Text,
        "Descrizione",
        "The header of the objectives' description column, a leading \"Descrizione\" dropped (\"Obiettivi Gestionali\").",
    ),
    column(
        "kind",
        Text,
        "Tipo di struttura",
        "The grouping word as written (STRUTTURA, SETTORE, AREA, MISSIONE/PROGRAMMA …).",
    ),
];

pub(super) const OBJECTIVES: &[Column] = &[
    PLAN_ID,
    STRUCTURE,
    required(column(
        "number",
        Text,
        "N°",
        "The row's number: \"1\" for an objective, \"1.1\" for a phase.",
    )),
    column(
        "parent",
        Text,
        "N° obiettivo",
        "For a phase, the number of its objective; empty for an objective.",
    ),
    required(constrained(
        column("level", Text, "Livello", "`objective` or `phase`."),
        Constraint::OneOf(levels),
    )),
    constrained(
        column(
            "category",
            Text,
            "Tipo di obiettivo",
            "From an \"Obiettivo di mantenimento/sviluppo:\" prefix.",
        ),
        Constraint::OneOf(json_names::<Category>),
    ),
    column(
        "description",
        Text,
        "Descrizione",
        "The description cell's text, whitespace-normalised; empty when the row has none \
         (a `description-missing` diagnostic says so).",
    ),
    column(
        "weight",
        Number,
        "Peso %",
        "Percent of the structure (objective) or of the parent objective (phase).",
    ),
    column(
        "plan_weight",
        Number,
        "Peso % sulla struttura",
        "Percent of the structure: an objective's weight, or for a phase the objective's weight × the phase's weight / 100, rounded to 4 decimals; empty if either is empty.",
    ),
    column(
        "indicators",
        Text,
        "Indicatori di Misurazione",
        "The indicators cell.",
    ),
    column(
        "expected",
        Text,
        "Valori Attesi",
        "The expected values cell.",
    ),
    column(
        "due_raw",
        Text,
        "Data Fine Attesa",
        "The due cell as written, whitespace-normalised.",
    ),
    constrained(
        column(
            "due_date",
            Text,
            "Data Fine Attesa (ISO 8601)",
            "The due date: YYYY-MM-DD, YYYY-MM (month only), or --MM-DD for a day that recurs every year.",
        ),
        Constraint::Pattern(DUE_DATE_PATTERN),
    ),
    constrained(
        column(
            "due_precision",
            Text,
            "Precisione della scadenza",
            "`day` or `month`; empty without a date.",
        ),
        Constraint::OneOf(json_names::<Precision>),
    ),
    constrained(
        column(
            "due_recurrence",
            Text,
            "Ricorrenza della scadenza",
            "`yearly` for a date that recurs every year.",
        ),
        Constraint::OneOf(json_names::<Recurrence>),
    ),
    column(
        "due_multiyear",
        Boolean,
        "Pluriennale",
        "Whether the due cell says the work spans several years; empty without a due cell.",
    ),
    column(
        "due_note",
        Text,
        "Nota sulla scadenza",
        "Text left over beside the due date.",
    ),
    column(
        "page",
        Integer,
        "Pagina",
        "PDF page of the row's first line.",
    ),
    required(column(
        "line",
        Integer,
        "Riga",
        "First line of the row in the intermediate text.",
    )),
    column(
        "code",
        Text,
        "Codice",
        "The identifier as printed when it is not a plain ordinal (\"01.01.03\", \"OB.3\").",
    ),
    constrained(
        column(
            "mission_code",
            Text,
            "Missione",
            "The D.Lgs. 118/2011 mission code, two digits.",
        ),
        Constraint::Pattern(TWO_DIGITS),
    ),
    constrained(
        column(
            "programme_code",
            Text,
            "Programma",
            "The budget programme code, two digits.",
        ),
        Constraint::Pattern(TWO_DIGITS),
    ),
    column(
        "responsible",
        Text,
        "Responsabile",
        "Who answers for the row, when the row names it.",
    ),
    column(
        "achievement",
        Number,
        "% di raggiungimento",
        "Percent reached, in results reports.",
    ),
    column(
        "achievement_note",
        Text,
        "Note",
        "The note on what was reached, in results reports.",
    ),
    column(
        "due_by",
        Date,
        "Scadenza",
        "The day the row falls due by, to sort and filter on: due_date's day, the last day of its month, or its yearly day in the plan's year; empty without one.",
    ),
];

/// Two-digit budget codes ("01").
const TWO_DIGITS: &str = "[0-9]{2}";

pub(super) const WEIGHTS: &[Column] = &[
    PLAN_ID,
    STRUCTURE,
    required(column("number", Text, "N°", "The objective's number.")),
    required(column(
        "head",
        Text,
        "Responsabile",
        "The head, as the weight matrix's header cell names them.",
    )),
    required(column(
        "weight",
        Number,
        "Peso",
        "The objective's weight under this head, in the matrix's own unit.",
    )),
];

pub(super) const STAFF: &[Column] = &[
    PLAN_ID,
    STRUCTURE,
    column(
        "name",
        Text,
        "Dipendenti",
        "The employee: personal data, empty unless exported with --include-staff.",
    ),
    column(
        "objective",
        Text,
        "Obiettivo",
        "The objective the employee works on, as written.",
    ),
    column(
        "weight",
        Number,
        "Peso %",
        "The employee's share, in percent.",
    ),
];

pub(super) const DIAGNOSTICS: &[Column] = &[
    PLAN_ID,
    required(constrained(
        column("level", Text, "Livello", "`error`, `warning` or `info`."),
        Constraint::OneOf(json_names::<Level>),
    )),
    required(constrained(
        column(
            "code",
            Text,
            "Codice",
            "Stable kebab-case code, listed in docs/diagnostics.md.",
        ),
        Constraint::OneOf(json_names::<piano_model::Code>),
    )),
    required(column(
        "message",
        Text,
        "Messaggio",
        "A sentence for people.",
    )),
    column("page", Integer, "Pagina", "1-based PDF page."),
    column(
        "line",
        Integer,
        "Riga",
        "1-based line of the intermediate text.",
    ),
    column(
        "structure",
        Integer,
        "Struttura (n. d'ordine)",
        "Ordinal of the structure concerned.",
    ),
    column(
        "number",
        Text,
        "N°",
        "Number of the objective or phase concerned.",
    ),
    column(
        "excerpt",
        Text,
        "Estratto",
        "The input line concerned, cut to 200 characters.",
    ),
];

fn levels() -> Vec<String> {
    vec![OBJECTIVE_LEVEL.to_owned(), PHASE_LEVEL.to_owned()]
}

/// The names a unit enum takes in JSON, read from its generated JSON Schema
/// so the tables' constraints follow the model when a variant is added.
fn json_names<T: JsonSchema>() -> Vec<String> {
    let schema = schemars::schema_for!(T).to_value();
    let mut names = Vec::new();
    collect_names(&schema, &mut names);
    names
}

fn collect_names(schema: &serde_json::Value, names: &mut Vec<String>) {
    if let Some(name) = schema.get("const").and_then(|value| value.as_str()) {
        names.push(name.to_owned());
    }
    for key in ["enum", "oneOf", "anyOf"] {
        let Some(items) = schema.get(key).and_then(|value| value.as_array()) else {
            continue;
        };
        for item in items {
            match item.as_str() {
                Some(name) => names.push(name.to_owned()),
                None => collect_names(item, names),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_constraints_follow_the_model() {
        let codes: Vec<String> = piano_model::Code::ALL
            .iter()
            .map(|code| code.as_str().to_owned())
            .collect();
        assert_eq!(json_names::<piano_model::Code>(), codes);
        assert_eq!(json_names::<Level>(), ["info", "warning", "error"]);
        assert_eq!(json_names::<SourceFormat>(), ["text", "pdf", "image"]);
        assert_eq!(json_names::<EnteKind>().len(), 5);
        assert_eq!(json_names::<Verdict>(), ["good", "review", "unreadable"]);
    }
}
