//! The CSV tables, written plan by plan.
//!
//! [`CsvTables`] holds one CSV writer per [`Table`]; each call to
//! [`CsvTables::add`] appends one plan's rows to all of them, so an archive of
//! plans streams into one set of tables without being held in memory.

use std::io::Write;

use piano_model::{Due, Entry, Level, Objective, Plan, Structure};

use crate::cell::{RowWriter, Scratch, plan_weight};
use crate::table::{OBJECTIVE_LEVEL, PHASE_LEVEL};
use crate::{ExportError, ExportOptions, Table};

/// The five CSV tables, open for writing: UTF-8, comma-separated, RFC 4180
/// quoting, CRLF line ends, a header row.
pub struct CsvTables<W: Write> {
    options: ExportOptions,
    /// One writer per table, in [`Table::ALL`] order.
    writers: Vec<(Table, csv::Writer<W>)>,
    /// Where cells are formatted, reused for every row.
    scratch: Scratch,
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
        Ok(CsvTables {
            options,
            writers,
            scratch: Scratch::default(),
        })
    }

    /// Appends `plan`'s rows to every table.
    pub fn add(&mut self, plan: &Plan) -> Result<(), ExportError> {
        let plan = self.options.publishable(plan);
        for (table, writer) in &mut self.writers {
            let mut rows = Rows {
                writer,
                scratch: &mut self.scratch,
            };
            rows.write(*table, &plan)
                .map_err(|source| ExportError::Row {
                    table: table.file_name(),
                    plan_id: plan.plan_id.clone(),
                    source,
                })?;
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

/// The rows of one plan going into one table.
struct Rows<'a, W: Write> {
    writer: &'a mut csv::Writer<W>,
    scratch: &'a mut Scratch,
}

impl<W: Write> Rows<'_, W> {
    /// A new row of the table.
    fn row(&mut self) -> RowWriter<'_, W> {
        RowWriter::new(self.writer, self.scratch)
    }

    /// Writes the rows `plan` contributes to `table`.
    fn write(&mut self, table: Table, plan: &Plan) -> csv::Result<()> {
        match table {
            Table::Plans => self.plan(plan),
            Table::Structures => plan
                .structures
                .iter()
                .try_for_each(|structure| self.structure(plan, structure)),
            Table::Objectives => plan.structures.iter().try_for_each(|structure| {
                structure
                    .objectives
                    .iter()
                    .try_for_each(|objective| self.objective(plan, structure, objective))
            }),
            Table::Staff => self.staff(plan),
            Table::Diagnostics => self.diagnostics(plan),
            Table::Weights => self.weights(plan),
        }
    }

    fn plan(&mut self, plan: &Plan) -> csv::Result<()> {
        let objectives = plan.structures.iter().flat_map(|s| &s.objectives);
        let phases: usize = objectives.clone().map(|o| o.phases.len()).sum();
        let count = |level: Level| {
            plan.diagnostics
                .iter()
                .filter(|diagnostic| diagnostic.level == level)
                .count()
        };
        self.row()
            .text(&plan.plan_id)
            .text(&plan.source.file)
            .text(&plan.source.sha256)
            .name_of(Some(&plan.source.format))
            .integer(plan.source.pages)
            .name_of(plan.ente.kind.as_ref())
            .optional_text(plan.ente.name.as_deref())
            .optional_text(plan.ente.provincia.as_deref())
            .optional_text(plan.ente.istat.as_deref())
            .integer(plan.year)
            .optional_text(plan.title.as_deref())
            .integer(Some(plan.structures.len()))
            .integer(Some(objectives.count()))
            .integer(Some(phases))
            .integer(Some(count(Level::Error)))
            .integer(Some(count(Level::Warning)))
            .optional_text(plan.family.as_deref())
            .name_of(plan.document_kind.as_ref())
            .name_of(Some(&plan.quality.verdict))
            .number(Some(plan.quality.score))
            .integer(plan.source.ocr.as_ref().map(|ocr| ocr.pages.len()))
            .end()
    }

    fn structure(&mut self, plan: &Plan, structure: &Structure) -> csv::Result<()> {
        let missions = &structure.missions;
        self.row()
            .text(&plan.plan_id)
            .integer(Some(structure.ordinal))
            .text(&structure.name)
            .optional_text(structure.head.role.as_deref())
            .optional_text(structure.head.name.as_deref())
            .boolean(structure.head.ad_interim)
            .optional_text(structure.strategic_line.as_deref())
            .list(structure.strategic_objectives.iter().map(String::as_str))
            .list(missions.iter().map(|mission| mission.name.as_str()))
            .list(
                missions
                    .iter()
                    .map(|m| m.code.as_deref().unwrap_or_default()),
            )
            .optional_text(structure.operational_objective.as_deref())
            .optional_text(structure.objectives_label.as_deref())
            .optional_text(structure.kind.as_deref())
            .end()
    }

    /// The objective's row followed by one row per phase.
    fn objective(
        &mut self,
        plan: &Plan,
        structure: &Structure,
        objective: &Objective,
    ) -> csv::Result<()> {
        let own = &objective.entry;
        let place = Place { plan, structure };
        let kind = Kind {
            parent: None,
            level: OBJECTIVE_LEVEL,
            category: objective.category.as_ref(),
            plan_weight: own.weight,
        };
        self.entry(place, own, kind)?;
        for phase in &objective.phases {
            let kind = Kind {
                parent: Some(&own.number),
                level: PHASE_LEVEL,
                category: None,
                plan_weight: plan_weight(own.weight, phase.weight),
            };
            self.entry(place, phase, kind)?;
        }
        Ok(())
    }

    fn entry(&mut self, place: Place<'_>, entry: &Entry, kind: Kind<'_>) -> csv::Result<()> {
        let mut row = self.row();
        row.text(&place.plan.plan_id)
            .integer(Some(place.structure.ordinal))
            .text(&entry.number)
            .optional_text(kind.parent)
            .text(kind.level)
            .name_of(kind.category)
            .text(&entry.description)
            .number(entry.weight)
            .number(kind.plan_weight)
            .optional_text(entry.indicators.as_deref())
            .optional_text(entry.expected.as_deref());
        due_cells(&mut row, entry.due.as_ref());
        row.integer(entry.page)
            .integer(Some(entry.lines.0))
            .optional_text(entry.code.as_deref())
            .optional_text(entry.mission_code.as_deref())
            .optional_text(entry.programme_code.as_deref())
            .optional_text(entry.responsible.as_deref())
            .number(entry.achievement)
            .optional_text(entry.achievement_note.as_deref())
            .end()
    }

    fn weights(&mut self, plan: &Plan) -> csv::Result<()> {
        for structure in &plan.structures {
            for objective in &structure.objectives {
                for head_weight in &objective.entry.weights_by_head {
                    self.row()
                        .text(&plan.plan_id)
                        .integer(Some(structure.ordinal))
                        .text(&objective.entry.number)
                        .text(&head_weight.head)
                        .number(Some(head_weight.weight))
                        .end()?;
                }
            }
        }
        Ok(())
    }

    fn staff(&mut self, plan: &Plan) -> csv::Result<()> {
        for structure in &plan.structures {
            for staff in &structure.staff {
                self.row()
                    .text(&plan.plan_id)
                    .integer(Some(structure.ordinal))
                    .optional_text(staff.name.as_deref())
                    .optional_text(staff.objective.as_deref())
                    .number(staff.weight)
                    .end()?;
            }
        }
        Ok(())
    }

    fn diagnostics(&mut self, plan: &Plan) -> csv::Result<()> {
        for diagnostic in &plan.diagnostics {
            self.row()
                .text(&plan.plan_id)
                .name_of(Some(&diagnostic.level))
                .text(diagnostic.code.as_str())
                .text(&diagnostic.message)
                .integer(diagnostic.page)
                .integer(diagnostic.line)
                .integer(diagnostic.structure)
                .optional_text(diagnostic.number.as_deref())
                .optional_text(diagnostic.excerpt.as_deref())
                .end()?;
        }
        Ok(())
    }
}

/// Where an entry of `objectives.csv` sits.
#[derive(Clone, Copy)]
struct Place<'a> {
    plan: &'a Plan,
    structure: &'a Structure,
}

/// What sets an objective's row apart from a phase's.
struct Kind<'a> {
    /// The objective's number, for a phase.
    parent: Option<&'a str>,
    /// [`OBJECTIVE_LEVEL`] or [`PHASE_LEVEL`].
    level: &'a str,
    /// The objective's category; none for a phase.
    category: Option<&'a piano_model::Category>,
    /// The weight in percent of the structure.
    plan_weight: Option<f64>,
}

/// due_raw, due_date, due_precision, due_recurrence, due_multiyear, due_note.
fn due_cells<W: Write>(row: &mut RowWriter<'_, W>, due: Option<&Due>) {
    let Some(due) = due else {
        for _ in 0..6 {
            row.text("");
        }
        return;
    };
    row.text(&due.raw)
        .date(due.date)
        .name_of(due.precision.as_ref())
        .name_of(due.recurrence.as_ref())
        .boolean(due.multiyear)
        .optional_text(due.note.as_deref());
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
