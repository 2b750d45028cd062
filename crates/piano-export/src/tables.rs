//! The CSV tables, written plan by plan.
//!
//! [`CsvTables`] holds one CSV writer per [`Table`]; each call to
//! [`CsvTables::add`] appends one plan's rows to all of them, so an archive of
//! plans streams into one set of tables without being held in memory.

use std::io::Write;

use piano_model::{Due, Entry, Level, Objective, Plan, Structure};

use crate::cell::{
    boolean, list, name_of, optional_integer, optional_name_of, optional_number, optional_text,
    plan_weight,
};
use crate::table::{OBJECTIVE_LEVEL, PHASE_LEVEL};
use crate::{ExportError, ExportOptions, Table};

/// One row: a cell per column of its table.
type Row = Vec<String>;

/// The five CSV tables, open for writing: UTF-8, comma-separated, RFC 4180
/// quoting, CRLF line ends, a header row.
pub struct CsvTables<W: Write> {
    options: ExportOptions,
    /// One writer per table, in [`Table::ALL`] order.
    writers: Vec<(Table, csv::Writer<W>)>,
}

impl<W: Write> CsvTables<W> {
    /// Opens every table with `open` (called once per table, in
    /// [`Table::ALL`] order) and writes the header rows.
    pub fn new<F>(options: ExportOptions, mut open: F) -> Result<CsvTables<W>, ExportError>
    where
        F: FnMut(Table) -> std::io::Result<W>,
    {
        let mut writers = Vec::with_capacity(Table::ALL.len());
        for table in Table::ALL {
            let sink = open(table).map_err(|source| ExportError::Open {
                table: table.file_name(),
                source,
            })?;
            let mut writer = csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(sink);
            let header = table.columns().iter().map(|column| column.name);
            writer
                .write_record(header)
                .map_err(|source| ExportError::Header {
                    table: table.file_name(),
                    source,
                })?;
            writers.push((table, writer));
        }
        Ok(CsvTables { options, writers })
    }

    /// Appends `plan`'s rows to every table.
    pub fn add(&mut self, plan: &Plan) -> Result<(), ExportError> {
        let plan = self.options.publishable(plan);
        for (table, writer) in &mut self.writers {
            for row in rows(*table, &plan) {
                writer
                    .write_record(&row)
                    .map_err(|source| ExportError::Row {
                        table: table.file_name(),
                        plan_id: plan.plan_id.clone(),
                        source,
                    })?;
            }
        }
        Ok(())
    }

    /// Flushes every table and gives back the underlying writers, in
    /// [`Table::ALL`] order (to persist temporary files, for example).
    pub fn finish(self) -> Result<Vec<(Table, W)>, ExportError> {
        self.writers
            .into_iter()
            .map(|(table, writer)| {
                let sink = writer.into_inner().map_err(|error| ExportError::Finish {
                    table: table.file_name(),
                    source: error.into_error(),
                })?;
                Ok((table, sink))
            })
            .collect()
    }
}

/// The rows `plan` contributes to `table`.
fn rows(table: Table, plan: &Plan) -> Vec<Row> {
    match table {
        Table::Plans => vec![plan_row(plan)],
        Table::Structures => plan
            .structures
            .iter()
            .map(|structure| structure_row(plan, structure))
            .collect(),
        Table::Objectives => plan
            .structures
            .iter()
            .flat_map(|structure| {
                structure
                    .objectives
                    .iter()
                    .flat_map(move |objective| objective_rows(plan, structure, objective))
            })
            .collect(),
        Table::Staff => staff_rows(plan),
        Table::Diagnostics => diagnostic_rows(plan),
        Table::Weights => weight_rows(plan),
    }
}

fn plan_row(plan: &Plan) -> Row {
    let objectives = plan.structures.iter().flat_map(|s| &s.objectives);
    let phases: usize = objectives.clone().map(|o| o.phases.len()).sum();
    let count = |level: Level| {
        plan.diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.level == level)
            .count()
            .to_string()
    };
    vec![
        plan.plan_id.clone(),
        plan.source.file.clone(),
        plan.source.sha256.clone(),
        name_of(&plan.source.format),
        optional_integer(plan.source.pages),
        optional_name_of(plan.ente.kind.as_ref()),
        optional_text(plan.ente.name.as_deref()),
        optional_text(plan.ente.provincia.as_deref()),
        optional_text(plan.ente.istat.as_deref()),
        optional_integer(plan.year),
        optional_text(plan.title.as_deref()),
        plan.structures.len().to_string(),
        objectives.count().to_string(),
        phases.to_string(),
        count(Level::Error),
        count(Level::Warning),
        optional_text(plan.family.as_deref()),
        optional_name_of(plan.document_kind.as_ref()),
    ]
}

fn structure_row(plan: &Plan, structure: &Structure) -> Row {
    let missions = &structure.missions;
    vec![
        plan.plan_id.clone(),
        structure.ordinal.to_string(),
        structure.name.clone(),
        optional_text(structure.head.role.as_deref()),
        optional_text(structure.head.name.as_deref()),
        boolean(structure.head.ad_interim),
        optional_text(structure.strategic_line.as_deref()),
        list(structure.strategic_objectives.iter().map(String::as_str)),
        list(missions.iter().map(|mission| mission.name.as_str())),
        list(
            missions
                .iter()
                .map(|m| m.code.as_deref().unwrap_or_default()),
        ),
        optional_text(structure.operational_objective.as_deref()),
        optional_text(structure.objectives_label.as_deref()),
        optional_text(structure.kind.as_deref()),
    ]
}

/// The objective's row followed by one row per phase.
fn objective_rows(plan: &Plan, structure: &Structure, objective: &Objective) -> Vec<Row> {
    let own = &objective.entry;
    let mut rows = vec![entry_row(
        plan,
        structure,
        own,
        None,
        OBJECTIVE_LEVEL,
        optional_name_of(objective.category.as_ref()),
        own.weight,
    )];
    for phase in &objective.phases {
        rows.push(entry_row(
            plan,
            structure,
            phase,
            Some(&own.number),
            PHASE_LEVEL,
            String::new(),
            plan_weight(own.weight, phase.weight),
        ));
    }
    rows
}

fn entry_row(
    plan: &Plan,
    structure: &Structure,
    entry: &Entry,
    parent: Option<&str>,
    level: &str,
    category: String,
    plan_weight: Option<f64>,
) -> Row {
    let mut row = vec![
        plan.plan_id.clone(),
        structure.ordinal.to_string(),
        entry.number.clone(),
        optional_text(parent),
        level.to_owned(),
        category,
        entry.description.clone(),
        optional_number(entry.weight),
        optional_number(plan_weight),
        optional_text(entry.indicators.as_deref()),
        optional_text(entry.expected.as_deref()),
    ];
    row.extend(due_cells(entry.due.as_ref()));
    row.push(optional_integer(entry.page));
    row.push(entry.lines.0.to_string());
    row.extend([
        optional_text(entry.code.as_deref()),
        optional_text(entry.mission_code.as_deref()),
        optional_text(entry.programme_code.as_deref()),
        optional_text(entry.responsible.as_deref()),
        optional_number(entry.achievement),
        optional_text(entry.achievement_note.as_deref()),
    ]);
    row
}

fn weight_rows(plan: &Plan) -> Vec<Row> {
    let mut rows = Vec::new();
    for structure in &plan.structures {
        for objective in &structure.objectives {
            for head_weight in &objective.entry.weights_by_head {
                rows.push(vec![
                    plan.plan_id.clone(),
                    structure.ordinal.to_string(),
                    objective.entry.number.clone(),
                    head_weight.head.clone(),
                    optional_number(Some(head_weight.weight)),
                ]);
            }
        }
    }
    rows
}

/// due_raw, due_date, due_precision, due_recurrence, due_multiyear, due_note.
fn due_cells(due: Option<&Due>) -> [String; 6] {
    let Some(due) = due else {
        return Default::default();
    };
    [
        due.raw.clone(),
        due.date.map(|date| date.to_string()).unwrap_or_default(),
        optional_name_of(due.precision.as_ref()),
        optional_name_of(due.recurrence.as_ref()),
        boolean(due.multiyear),
        optional_text(due.note.as_deref()),
    ]
}

fn staff_rows(plan: &Plan) -> Vec<Row> {
    let mut rows = Vec::new();
    for structure in &plan.structures {
        for staff in &structure.staff {
            rows.push(vec![
                plan.plan_id.clone(),
                structure.ordinal.to_string(),
                optional_text(staff.name.as_deref()),
                optional_text(staff.objective.as_deref()),
                optional_number(staff.weight),
            ]);
        }
    }
    rows
}

fn diagnostic_rows(plan: &Plan) -> Vec<Row> {
    plan.diagnostics
        .iter()
        .map(|diagnostic| {
            vec![
                plan.plan_id.clone(),
                name_of(&diagnostic.level),
                diagnostic.code.as_str().to_owned(),
                diagnostic.message.clone(),
                optional_integer(diagnostic.page),
                optional_integer(diagnostic.line),
                optional_integer(diagnostic.structure),
                optional_text(diagnostic.number.as_deref()),
                optional_text(diagnostic.excerpt.as_deref()),
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::sample_plan;

    /// Writes `plans` through [`CsvTables`] and reads every table back as records.
    fn write_tables(options: ExportOptions, plans: &[Plan]) -> Vec<(Table, Vec<Vec<String>>)> {
        let mut tables = CsvTables::new(options, |_| Ok(Vec::new())).expect("tables open");
        for plan in plans {
            tables.add(plan).expect("rows are written");
        }
        tables
            .finish()
            .expect("tables are flushed")
            .into_iter()
            .map(|(table, bytes)| {
                let records = csv::ReaderBuilder::new()
                    .has_headers(false)
                    .from_reader(bytes.as_slice())
                    .records()
                    .map(|record| {
                        let record = record.expect("a valid CSV record");
                        record.iter().map(str::to_owned).collect()
                    })
                    .collect();
                (table, records)
            })
            .collect()
    }

    fn table(written: &[(Table, Vec<Vec<String>>)], wanted: Table) -> &[Vec<String>] {
        &written
            .iter()
            .find(|(table, _)| *table == wanted)
            .expect("every table is written")
            .1
    }

    /// The cell of `column` in `row` of `table`.
    fn cell<'a>(rows: &'a [Vec<String>], table: Table, row: usize, column: &str) -> &'a str {
        let index = table
            .columns()
            .iter()
            .position(|c| c.name == column)
            .expect("the column exists");
        &rows[row + 1][index]
    }

    #[test]
    fn every_row_has_a_cell_per_column() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        for (table, records) in &written {
            assert!(records.len() > 1, "{} has rows", table.name());
            for record in records {
                assert_eq!(record.len(), table.columns().len(), "{}", table.name());
            }
        }
    }

    #[test]
    fn objectives_and_phases_get_one_row_each() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Objectives);
        let numbers: Vec<&str> = (0..rows.len() - 1)
            .map(|row| cell(rows, Table::Objectives, row, "number"))
            .collect();
        assert_eq!(numbers, ["1", "1.1", "1.2", "2", "2.1"]);
        let t = Table::Objectives;
        assert_eq!(cell(rows, t, 0, "level"), "objective");
        assert_eq!(cell(rows, t, 0, "parent"), "");
        assert_eq!(cell(rows, t, 0, "category"), "sviluppo");
        assert_eq!(cell(rows, t, 0, "weight"), "20");
        assert_eq!(cell(rows, t, 0, "plan_weight"), "20");
        assert_eq!(cell(rows, t, 0, "due_date"), "2021-12-31");
        assert_eq!(cell(rows, t, 0, "due_multiyear"), "false");
        assert_eq!(cell(rows, t, 1, "level"), "phase");
        assert_eq!(cell(rows, t, 1, "parent"), "1");
        assert_eq!(cell(rows, t, 1, "plan_weight"), "10");
        assert_eq!(cell(rows, t, 1, "due_date"), "2021-11");
        assert_eq!(cell(rows, t, 1, "due_precision"), "month");
        assert_eq!(cell(rows, t, 1, "due_note"), "salvo proroghe");
        assert_eq!(cell(rows, t, 2, "weight"), "5.88");
        assert_eq!(cell(rows, t, 2, "plan_weight"), "1.176");
        assert_eq!(cell(rows, t, 2, "description"), "Fase: report\nannuale");
        assert_eq!(cell(rows, t, 2, "due_multiyear"), "");
        assert_eq!(cell(rows, t, 3, "weight"), "");
        assert_eq!(cell(rows, t, 3, "due_date"), "--12-31");
        assert_eq!(cell(rows, t, 3, "due_recurrence"), "yearly");
        assert_eq!(cell(rows, t, 4, "plan_weight"), "");
        assert_eq!(cell(rows, t, 4, "line"), "56");
        assert_eq!(cell(rows, t, 4, "page"), "7");
    }

    #[test]
    fn plans_count_what_they_hold() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Plans);
        let t = Table::Plans;
        assert_eq!(cell(rows, t, 0, "file"), "sample.txt");
        assert_eq!(cell(rows, t, 0, "format"), "text");
        assert_eq!(cell(rows, t, 0, "pages"), "");
        assert_eq!(cell(rows, t, 0, "ente_kind"), "comune");
        assert_eq!(cell(rows, t, 0, "year"), "2021");
        assert_eq!(cell(rows, t, 0, "structures"), "1");
        assert_eq!(cell(rows, t, 0, "objectives"), "2");
        assert_eq!(cell(rows, t, 0, "phases"), "3");
        assert_eq!(cell(rows, t, 0, "errors"), "1");
        assert_eq!(cell(rows, t, 0, "warnings"), "1");
    }

    #[test]
    fn structures_join_lists_keeping_mission_codes_aligned() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Structures);
        let t = Table::Structures;
        assert_eq!(
            cell(rows, t, 0, "strategic_objectives"),
            "Gestire | Migliorare"
        );
        assert_eq!(
            cell(rows, t, 0, "missions"),
            "Servizi istituzionali, generali e di gestione | Missione ignota"
        );
        assert_eq!(cell(rows, t, 0, "mission_codes"), "01 | ");
        assert_eq!(cell(rows, t, 0, "head_ad_interim"), "true");
        assert_eq!(cell(rows, t, 0, "head_name"), "DOTT. MARIO ROSSI");
    }

    #[test]
    fn diagnostics_keep_their_locations_and_quotes() {
        let written = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&written, Table::Diagnostics);
        let t = Table::Diagnostics;
        assert_eq!(cell(rows, t, 0, "code"), "weight-missing");
        assert_eq!(cell(rows, t, 0, "level"), "warning");
        assert_eq!(cell(rows, t, 0, "excerpt"), "2\tArchivio");
        assert_eq!(cell(rows, t, 1, "message"), "nothing, \"quoted\"");
        assert_eq!(cell(rows, t, 1, "line"), "");
    }

    #[test]
    fn staff_names_are_left_out_unless_asked() {
        let hidden = write_tables(ExportOptions::default(), &[sample_plan()]);
        let rows = table(&hidden, Table::Staff);
        assert_eq!(rows.len(), 3, "rows are kept");
        assert_eq!(cell(rows, Table::Staff, 0, "name"), "");
        assert_eq!(cell(rows, Table::Staff, 0, "weight"), "30");
        let shown = write_tables(
            ExportOptions {
                include_staff: true,
            },
            &[sample_plan()],
        );
        let rows = table(&shown, Table::Staff);
        assert_eq!(cell(rows, Table::Staff, 0, "name"), "Mario Rossi");
        assert_eq!(cell(rows, Table::Staff, 1, "name"), "Anna Bianchi");
    }

    #[test]
    fn many_plans_stream_into_one_header() {
        let mut other = sample_plan();
        other.plan_id = "0123456789ab".to_owned();
        let written = write_tables(ExportOptions::default(), &[sample_plan(), other]);
        let rows = table(&written, Table::Plans);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0][0], "plan_id");
        assert_eq!(rows[2][0], "0123456789ab");
    }

    #[test]
    fn lines_end_with_crlf() {
        let mut tables =
            CsvTables::new(ExportOptions::default(), |_| Ok(Vec::new())).expect("tables open");
        tables.add(&sample_plan()).expect("rows are written");
        let finished = tables.finish().expect("tables are flushed");
        let staff = &finished[3];
        assert_eq!(staff.0, Table::Staff);
        let text = String::from_utf8(staff.1.clone()).expect("UTF-8");
        assert!(text.starts_with("plan_id,structure,name,objective,weight\r\n"));
    }

    #[test]
    fn open_errors_name_the_table() {
        let failed = CsvTables::<Vec<u8>>::new(ExportOptions::default(), |table| {
            if table == Table::Objectives {
                Err(std::io::Error::other("disk full"))
            } else {
                Ok(Vec::new())
            }
        });
        let message = failed.err().map(|error| error.to_string());
        assert_eq!(
            message.as_deref(),
            Some("cannot open table objectives.csv: disk full")
        );
    }
}
