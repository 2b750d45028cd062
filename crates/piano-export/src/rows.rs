//! A plan's rows in each table, cell by cell in column order, handed to a
//! [`RowSink`]: the one place that says which value goes in which column,
//! shared by the CSV and Parquet writers.

use piano_model::{Due, Entry, Level, Objective, Plan, Structure};

use crate::Table;
use crate::cell::{RowSink, RowWriter, Scratch, due_by, plan_weight};
use crate::table::{OBJECTIVE_LEVEL, PHASE_LEVEL};

/// The rows of one plan going into one table.
pub(crate) struct Rows<'a, S: RowSink> {
    /// Where the rows go.
    pub sink: &'a mut S,
    /// Where cells are formatted, reused for every row.
    pub scratch: &'a mut Scratch,
}

impl<S: RowSink> Rows<'_, S> {
    /// A new row of the table.
    fn row(&mut self) -> RowWriter<'_, S> {
        RowWriter::new(self.sink, self.scratch)
    }

    /// Writes the rows `plan` contributes to `table`.
    pub fn write(&mut self, table: Table, plan: &Plan) -> Result<(), S::Error> {
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

    fn plan(&mut self, plan: &Plan) -> Result<(), S::Error> {
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

    fn structure(&mut self, plan: &Plan, structure: &Structure) -> Result<(), S::Error> {
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
    ) -> Result<(), S::Error> {
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

    fn entry(&mut self, place: Place<'_>, entry: &Entry, kind: Kind<'_>) -> Result<(), S::Error> {
        let due_date = entry.due.as_ref().and_then(|due| due.date);
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
            .day(due_date.and_then(|date| due_by(date, place.plan.year)))
            .end()
    }

    fn weights(&mut self, plan: &Plan) -> Result<(), S::Error> {
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

    fn staff(&mut self, plan: &Plan) -> Result<(), S::Error> {
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

    fn diagnostics(&mut self, plan: &Plan) -> Result<(), S::Error> {
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
fn due_cells<S: RowSink>(row: &mut RowWriter<'_, S>, due: Option<&Due>) {
    let Some(due) = due else {
        for _ in 0..6 {
            row.null();
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
