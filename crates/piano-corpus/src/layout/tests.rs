//! Each axis changes the document as it says, and the expected plan stays
//! the canonical layout's but for the fields [`Layout::rewrites`] names.

use fastrand::Rng;
use serde_json::Value;

use super::*;
use crate::draft::{Draft, random_draft};
use crate::expect::expected_json;
use crate::layout::columns::{Column, EmptyColumn};
use crate::{Family, Format, OfficeLook, render_layout};

/// A draft with what every axis needs to show: two structures or more, an
/// objective with phases, a drafted page break inside a table, a single-day
/// due and a weight.
fn rich_draft() -> Draft {
    (0..500)
        .map(|seed| random_draft(&mut Rng::with_seed(seed)))
        .find(|draft| {
            let rows = || {
                draft
                    .structures
                    .iter()
                    .flat_map(|s| &s.objectives)
                    .flat_map(|o| std::iter::once(&o.row).chain(&o.phases))
            };
            draft.structures.len() >= 2
                && draft.structures[0].objectives.len() >= 2
                && draft.structures[0]
                    .objectives
                    .iter()
                    .any(|o| !o.phases.is_empty())
                && rows().any(|r| r.page_break_before)
                && rows().any(|r| DueForm::Words.written_for(r).is_some())
        })
        .expect("some seed under 500 draws a rich draft")
}

impl DueForm {
    fn written_for(self, row: &crate::draft::DraftRow) -> Option<String> {
        self.written(row.entry.due.as_ref()?)
    }
}

/// The text (tab or aligned) of `draft` in `layout`, and its expected JSON
/// with what only the layout's geometry knows (source, lines, pages) and the
/// fields the layout rewrites left out, weights by head in one order.
pub(super) fn laid(draft: &Draft, layout: &Layout, format: Format) -> (String, Value) {
    let (bytes, plan) = render_layout(draft, layout, OfficeLook::canonical(), format, "plan.txt")
        .expect("text lays out");
    let mut json = expected_json(&plan);
    json["source"] = Value::Null;
    json["plan_id"] = Value::Null;
    let mut left_out = vec!["lines", "page"];
    for field in layout.rewrites() {
        left_out.push(match field {
            "due.raw" => "raw",
            other => other,
        });
    }
    for key in left_out {
        remove_key(&mut json, key);
    }
    sort_heads(&mut json);
    (String::from_utf8(bytes).expect("UTF-8 text"), json)
}

/// Sorts every row's weights by head by head: their order is the table's,
/// which a layout may change (a score keys them by head).
fn sort_heads(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(heads)) = map.get_mut("weights_by_head") {
                heads.sort_by(|a, b| a["head"].as_str().cmp(&b["head"].as_str()));
            }
            map.values_mut().for_each(sort_heads);
        }
        Value::Array(items) => items.iter_mut().for_each(sort_heads),
        _ => {}
    }
}

pub(super) fn remove_key(value: &mut Value, key: &str) {
    match value {
        Value::Object(map) => {
            map.remove(key);
            map.values_mut().for_each(|v| remove_key(v, key));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| remove_key(v, key)),
        _ => {}
    }
}

/// Lays `draft` out in `layout` as tab text and aligned dump; asserts that
/// the plan is the canonical one but for the rewritten fields; returns the
/// tab text.
pub(super) fn check(draft: &Draft, layout: &Layout) -> String {
    let mut tab = String::new();
    for format in [Format::Tab, Format::Aligned] {
        let (text, json) = laid(draft, layout, format);
        let (_, mut expected) = laid(draft, &Layout::canonical(layout.family), format);
        for key in layout.rewrites() {
            remove_key(&mut expected, if key == "due.raw" { "raw" } else { key });
        }
        assert!(
            json == expected,
            "{layout:?} as {format:?} changes the plan"
        );
        if format == Format::Tab {
            tab = text;
        }
    }
    tab
}

fn with(change: impl FnOnce(&mut Layout)) -> Layout {
    let mut layout = Layout::canonical(Family::StrutturaTable);
    change(&mut layout);
    layout
}

/// The rows of the first objectives table (the lines after its header).
fn table_lines(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| !l.contains("Data Fine Attesa") && !l.starts_with("1\t"))
        .collect()
}

#[test]
fn column_order_moves_header_and_cells_together() {
    let draft = rich_draft();
    let order = ColumnOrder(vec![
        Column::Number,
        Column::Due,
        Column::Weight,
        Column::Description,
        Column::Indicators,
        Column::Expected,
    ]);
    let text = check(&draft, &with(|l| l.order = order));
    assert!(text.contains("N°\tData Fine Attesa\tPeso %\t"), "{text}");
    let first = &draft.structures[0].objectives[0].row;
    let line = format!(
        "1\t{}\t{}\t{}",
        first.cells[5], first.cells[2], first.cells[1]
    );
    assert!(text.contains(&line), "{line}");
}

#[test]
fn empty_columns_stand_where_drawn() {
    let draft = rich_draft();
    for &kind in EmptyColumn::ALL {
        let text = check(
            &draft,
            &with(|l| l.empty = columns::EmptyColumns { kind, at: 2 }),
        );
        let header = table_lines(&text)[0];
        let expected = match kind {
            EmptyColumn::None => "N°\tDescrizione",
            EmptyColumn::Leading => "\tN°\tDescrizione",
            EmptyColumn::Between => "\t\tPeso %",
            EmptyColumn::Trailing => "Data Fine Attesa\t",
            EmptyColumn::Note => "Data Fine Attesa\tNote",
        };
        assert!(header.contains(expected), "{kind:?}: {header}");
    }
}

#[test]
fn header_placement_draws_the_header_where_it_says() {
    let draft = rich_draft();
    let structures = draft.structures.len();
    let breaks = draft
        .structures
        .iter()
        .flat_map(|s| &s.objectives)
        .flat_map(|o| std::iter::once(&o.row).chain(&o.phases))
        .filter(|r| r.page_break_before)
        .count();
    for &placement in HeaderPlacement::ALL {
        let text = check(&draft, &with(|l| l.header = placement));
        let headers = text.matches("\tPeso %\tIndicatori di Misurazione").count();
        let expected = match placement {
            HeaderPlacement::EveryTable => structures,
            HeaderPlacement::Once => 1,
            HeaderPlacement::EveryPage => structures + breaks,
            HeaderPlacement::Missing => 0,
        };
        assert_eq!(headers, expected, "{placement:?}");
    }
}

#[test]
fn header_shapes_spread_the_header_over_two_lines() {
    let draft = rich_draft();
    let wrapped = check(&draft, &with(|l| l.shape = HeaderShape::Wrapped));
    assert!(
        wrapped.contains("\tIndicatori di\tValori\tData Fine\n"),
        "{wrapped}"
    );
    assert!(wrapped.contains("\tMisurazione\tAttesi\tAttesa\n"));
    let grouped = check(&draft, &with(|l| l.shape = HeaderShape::Grouped));
    assert!(grouped.contains("Peso %\tMisurazione\t\tData Fine Attesa\n"));
    assert!(grouped.contains("\t\t\tIndicatori di Misurazione\tValori Attesi\t\n"));
}

#[test]
fn wording_puts_its_words_in_the_header_and_the_label() {
    let draft = rich_draft();
    let mut rng = Rng::with_seed(9);
    for _ in 0..20 {
        let wording = Wording::random(&mut rng);
        let layout = with(|l| l.wording = wording);
        let text = check(&draft, &layout);
        let header = table_lines(&text)
            .into_iter()
            .find(|l| l.contains(wording.weight) && l.contains(wording.due))
            .unwrap_or_else(|| panic!("a header with the words of {wording:?}"));
        assert!(
            header.starts_with(&format!("{}\t", wording.number)),
            "{header}"
        );
        let (_, plan) = render_layout(
            &draft,
            &layout,
            OfficeLook::canonical(),
            Format::Tab,
            "plan.txt",
        )
        .expect("text lays out");
        let label = plan.structures[0].objectives_label.clone();
        let own = wording::label_of(&draft.structures[0].description_header);
        assert_eq!(
            label,
            Some(wording.description.map_or(own, wording::label_of))
        );
    }
}

#[test]
fn numbering_prints_numbers_and_keeps_ordinals() {
    let draft = rich_draft();
    for &scheme in Numbering::ALL {
        let layout = with(|l| l.numbering = scheme);
        check(&draft, &layout);
        let (text, _) = laid(&draft, &layout, Format::Tab);
        let (_, plan) = render_layout(
            &draft,
            &layout,
            OfficeLook::canonical(),
            Format::Tab,
            "plan.txt",
        )
        .expect("text lays out");
        let second = &plan.structures[1].objectives[0].entry;
        assert_eq!(second.number, "1");
        let printed = second.code.clone().unwrap_or_else(|| second.number.clone());
        let printed = match scheme {
            Numbering::TrailingDots => format!("{printed}."),
            _ => printed,
        };
        let line = format!("\n{printed}\t{}", second.description);
        assert!(text.contains(&line), "{scheme:?}: {line}");
    }
}

#[test]
fn weights_and_dues_are_written_in_the_form_drawn() {
    let draft = rich_draft();
    let decimal = check(&draft, &with(|l| l.weights = WeightForm::Decimal));
    assert!(decimal.contains(",00 %\t"));
    let bracketed = check(&draft, &with(|l| l.weights = WeightForm::Bracketed));
    let first = &draft.structures[0].objectives[0].row.entry.description;
    let line = bracketed.lines().find(|l| l.contains(first.as_str()));
    assert!(line.is_some_and(|l| l.contains("%)\t")), "{line:?}");
    for &form in &DueForm::ALL[1..] {
        let text = check(&draft, &with(|l| l.dues = form));
        let rows = draft.structures.iter().flat_map(|s| &s.objectives);
        for row in rows.map(|o| &o.row) {
            if let Some(written) = form.written_for(row) {
                assert!(
                    text.contains(&format!("\t{written}")),
                    "{form:?}: {written}"
                );
            }
        }
    }
}

#[test]
fn headings_and_field_labels_change_their_punctuation_only() {
    let draft = rich_draft();
    let first = &draft.structures[0];
    for &style in HeadingStyle::ALL {
        let text = check(&draft, &with(|l| l.heading = style));
        let word = &first.kind;
        let opening = match style {
            HeadingStyle::AsDrafted => format!("{word}: {} ", first.name),
            HeadingStyle::TitleWord => format!("{}: {} ", title(word), first.name),
            HeadingStyle::NoColon => format!("{word} {} ", first.name),
            HeadingStyle::DashAfterWord => format!("{word} - {} ", first.name),
            HeadingStyle::HeadOwnLine => format!("{word}: {}\n", first.name),
        };
        assert!(text.contains(&opening), "{style:?}: {opening}");
    }
    let colon = check(&draft, &with(|l| l.fields = FieldLabels::UpperColon));
    assert!(colon.contains("\nLINEA STRATEGICA:\t"));
}

fn title(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_string() + &chars.as_str().to_lowercase()
    })
}

#[test]
fn blank_rows_and_split_rows_space_the_table() {
    let draft = rich_draft();
    let every = check(&draft, &with(|l| l.blank_rows = BlankRows::EveryRow));
    let rows = table_lines(&every);
    assert!(rows[1].is_empty() || rows[2].is_empty(), "{rows:?}");
    let split = check(&draft, &with(|l| l.page_breaks = PageBreaks::SplitRows));
    let numbers: Vec<&str> = split.lines().filter(|l| l.parse::<u32>().is_ok()).collect();
    assert!(!numbers.is_empty());
    assert!(
        split
            .lines()
            .any(|l| l.starts_with('\t') && !l.trim().is_empty())
    );
}

#[test]
fn random_layouts_keep_the_plan_and_repeat_with_their_seed() {
    let draft = rich_draft();
    for seed in 0..30 {
        let layout = Layout::random(&mut Rng::with_seed(seed), Family::StrutturaTable);
        assert_eq!(
            layout,
            Layout::random(&mut Rng::with_seed(seed), Family::StrutturaTable)
        );
        let first = render_layout(
            &draft,
            &layout,
            OfficeLook::canonical(),
            Format::Aligned,
            "plan.txt",
        )
        .expect("text")
        .0;
        let again = render_layout(
            &draft,
            &layout,
            OfficeLook::canonical(),
            Format::Aligned,
            "plan.txt",
        )
        .expect("text")
        .0;
        assert_eq!(first, again);
        let (_, json) = laid(&draft, &layout, Format::Tab);
        let (_, mut canonical) = laid(
            &draft,
            &Layout::canonical(Family::StrutturaTable),
            Format::Tab,
        );
        for key in layout.rewrites() {
            remove_key(&mut canonical, if key == "due.raw" { "raw" } else { key });
        }
        assert!(json == canonical, "{layout:?} changes the plan");
    }
}

#[test]
fn random_on_varies_at_most_the_axes_asked() {
    let mut rng = Rng::with_seed(4);
    for _ in 0..30 {
        let layout = Layout::random_on(&mut rng, Family::StrutturaTable, 1);
        assert!(layout.varied().len() <= 1, "{layout:?}");
    }
    let everything = Layout::random_on(&mut rng, Family::CodeTable, usize::MAX);
    assert!(everything.varied().len() > 1, "{everything:?}");
    assert_eq!(
        Layout::random_on(&mut rng, Family::StrutturaTable, 0),
        Layout::canonical(Family::StrutturaTable)
    );
}

#[test]
fn pdf_layouts_keep_the_plan_and_repeat_with_their_seed() {
    let draft = rich_draft();
    let plan_of = |layout: &Layout| {
        let (bytes, plan) = render_layout(
            &draft,
            layout,
            OfficeLook::canonical(),
            Format::Pdf,
            "plan.pdf",
        )
        .expect("PDF");
        let mut json = expected_json(&plan);
        for key in ["source", "plan_id", "page"] {
            remove_key(&mut json, key);
        }
        for key in layout.rewrites() {
            remove_key(&mut json, if key == "due.raw" { "raw" } else { key });
        }
        (bytes, json, plan)
    };
    for seed in 0..4 {
        let layout = Layout::random(&mut Rng::with_seed(seed), Family::StrutturaTable);
        let (bytes, json, plan) = plan_of(&layout);
        assert!(bytes.starts_with(b"%PDF"));
        assert_eq!(bytes, plan_of(&layout).0, "the same layout, the same bytes");
        let (_, mut canonical, _) = plan_of(&Layout::canonical(Family::StrutturaTable));
        for key in layout.rewrites() {
            remove_key(&mut canonical, if key == "due.raw" { "raw" } else { key });
        }
        assert!(json == canonical, "{layout:?} changes the plan");
        let pages = plan.source.pages.expect("a PDF has pages");
        let rows = plan.structures.iter().flat_map(|s| &s.objectives);
        assert!(
            rows.clone()
                .all(|o| o.entry.page.is_some_and(|p| p <= pages))
        );
    }
}

/// A code-table draft with two missions or more and phases.
fn code_table_draft() -> Draft {
    (0..500)
        .map(|seed| crate::draft::random_draft_of(&mut Rng::with_seed(seed), Family::CodeTable))
        .find(|draft| {
            let missions = draft
                .structures
                .iter()
                .filter_map(|s| s.budget.as_ref().map(|b| b.mission_code.clone()))
                .collect::<std::collections::BTreeSet<_>>();
            missions.len() >= 2
                && draft.structures[0]
                    .objectives
                    .iter()
                    .any(|o| !o.phases.is_empty())
        })
        .expect("some seed under 500 draws two missions and phases")
}

#[test]
fn a_code_table_prints_budget_headings_codes_and_responsibles() {
    let draft = code_table_draft();
    let canonical = Layout::canonical(Family::CodeTable);
    let (text, _) = laid(&draft, &canonical, Format::Tab);
    let budget = draft.structures[0].budget.clone().expect("a programme");
    let mission = format!("MISSIONE {} – {}", budget.mission_code, budget.mission_name);
    assert_eq!(text.matches(&mission).count(), 1, "{text}");
    assert!(text.contains(
        "\nCod.\tObiettivo operativo\tIndicatore\tTarget\tPeso\tScadenza\tResponsabile\n"
    ));
    let (_, plan) = render_layout(
        &draft,
        &canonical,
        OfficeLook::canonical(),
        Format::Tab,
        "plan.txt",
    )
    .expect("text");
    let structure = &plan.structures[0];
    assert_eq!(structure.kind.as_deref(), Some("MISSIONE/PROGRAMMA"));
    assert_eq!(structure.name, budget.programme_name);
    let objective = &structure.objectives[0];
    let code = format!("{}.{}.01", budget.mission_code, budget.programme_code);
    assert_eq!(objective.entry.code.as_deref(), Some(code.as_str()));
    assert_eq!(objective.entry.number, "1");
    assert!(text.contains(&format!("\n{code}\t")));
    let with_phases = structure.objectives.iter().find(|o| !o.phases.is_empty());
    let phase = &with_phases.expect("a phase").phases[0];
    assert!(
        phase.number.ends_with(".1") && phase.code.as_deref().is_some_and(|c| c.ends_with(".1"))
    );
    assert_eq!(phase.mission_code, objective.entry.mission_code);
}

#[test]
fn code_styles_and_budget_headings_rewrite_only_codes() {
    let draft = code_table_draft();
    let mut layout = Layout::canonical(Family::CodeTable);
    for &style in CodeStyle::ALL {
        layout.codes = style;
        let text = check(&draft, &layout);
        let budget = draft.structures[0].budget.clone().expect("a programme");
        let code = style.code(&budget.mission_code, &budget.programme_code, 1);
        assert!(text.contains(&format!("\n{code}\t")), "{style:?}: {code}");
    }
    for &heading in BudgetHeading::ALL {
        layout.budget_heading = heading;
        let text = check(&draft, &layout);
        let budget = draft.structures[0].budget.clone().expect("a programme");
        assert!(text.contains(&format!("\n{}\n", heading.programme(&budget))));
        assert!(text.contains(&format!("\n{}\n", heading.mission(&budget))));
    }
}

#[test]
fn random_code_table_layouts_keep_the_plan() {
    let draft = code_table_draft();
    for seed in 0..30 {
        let layout = Layout::random(&mut Rng::with_seed(seed), Family::CodeTable);
        check(&draft, &layout);
    }
}

#[test]
fn layouts_without_a_header_keep_what_their_cells_say() {
    let mut rng = Rng::with_seed(5);
    let mut headerless = 0;
    for _ in 0..400 {
        for family in Family::ALL {
            let layout = Layout::random(&mut rng, family);
            if layout.header != HeaderPlacement::Missing {
                continue;
            }
            headerless += 1;
            assert_ne!(
                family,
                Family::WeightMatrix,
                "heads are named in the header alone"
            );
            for group in Column::ALIKE {
                let in_layout: Vec<Column> = layout
                    .order
                    .0
                    .iter()
                    .copied()
                    .filter(|c| group.contains(c))
                    .collect();
                let in_family: Vec<Column> = Column::of(family)
                    .iter()
                    .copied()
                    .filter(|c| group.contains(c))
                    .collect();
                assert_eq!(in_layout, in_family, "{family:?} {:?}", layout.order);
            }
        }
    }
    assert!(headerless > 100, "{headerless}");
}
