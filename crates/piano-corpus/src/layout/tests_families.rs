//! The objective-cards, weight-matrix and results-report families in the
//! layout space: each canonical layout writes its family's template, every
//! axis value drawn changes the document, and the expected plan stays the
//! canonical layout's but for the fields [`Layout::rewrites`] names.

use std::collections::{BTreeMap, BTreeSet};

use fastrand::Rng;

use super::tests::{check, laid};
use super::*;
use crate::draft::{Draft, DraftRow, random_draft_of};
use crate::{Format, OfficeLook, render_layout};

/// The families these tests cover.
const FAMILIES: [Family; 3] = [
    Family::ObjectiveCards,
    Family::WeightMatrix,
    Family::ResultsReport,
];

/// A draft of `family` with what every axis needs to show: two structures
/// (one for a matrix), two phase tables, page breaks before a later
/// objective and before a phase, a single-day due, a fractional weight
/// and achievement.
fn rich_draft(family: Family) -> Draft {
    (0..3000)
        .map(|seed| random_draft_of(&mut Rng::with_seed(seed), family))
        .find(|draft| {
            let objectives = || draft.structures.iter().flat_map(|s| &s.objectives);
            let rows = || objectives().flat_map(|o| std::iter::once(&o.row).chain(&o.phases));
            let fraction = |w: f64| w.fract() != 0.0;
            let matrix = family == Family::WeightMatrix;
            let later_break = objectives().skip(1).any(|o| o.row.page_break_before);
            let phase_break = objectives().any(|o| o.phases.iter().any(|p| p.page_break_before));
            let weights = |r: &DraftRow| r.entry.weights_by_head.iter().any(|w| fraction(w.weight));
            if matrix {
                return later_break && rows().any(weights) && objectives().count() >= 2;
            }
            draft.structures.len() >= 2
                && objectives().filter(|o| o.phases.len() >= 2).count() >= 2
                && later_break
                && phase_break
                && rows().any(|r| {
                    r.entry
                        .due
                        .as_ref()
                        .is_some_and(|d| DueForm::Words.written(d).is_some())
                })
                && (family != Family::ResultsReport
                    || rows().any(|r| r.entry.achievement.is_some_and(fraction)))
        })
        .expect("some seed under 3000 draws a rich draft")
}

#[test]
fn canonical_layouts_write_each_family_template() {
    let cards = rich_draft(Family::ObjectiveCards);
    let (text, _) = laid(
        &cards,
        &Layout::canonical(Family::ObjectiveCards),
        Format::Tab,
    );
    let first = &cards.structures[0].objectives[0].row.entry;
    let card = format!(
        "\nObiettivo n. 1\nDescrizione\t{}\nResponsabile\t",
        first.description
    );
    assert!(text.contains(&card), "{text}");
    assert!(text.contains("\nFase\tPeso\tScadenza\n"), "{text}");

    let matrix = rich_draft(Family::WeightMatrix);
    let (text, plan) = laid(
        &matrix,
        &Layout::canonical(Family::WeightMatrix),
        Format::Tab,
    );
    let heads = matrix.structures[0].heads.join("\t");
    assert!(
        text.contains(&format!("\nObiettivo n.\tDescrizione\t{heads}\n")),
        "{text}"
    );
    assert!(text.contains("\nTotale\t\t100\t"), "{text}");
    assert_eq!(plan["structures"][0]["kind"], serde_json::Value::Null);
    assert_eq!(
        plan["structures"][0]["objectives"][0]["weight"],
        serde_json::Value::Null
    );

    let report = rich_draft(Family::ResultsReport);
    let (text, plan) = laid(
        &report,
        &Layout::canonical(Family::ResultsReport),
        Format::Tab,
    );
    assert!(
        text.contains("\tData Fine Attesa\t% di raggiungimento\tNote\n"),
        "{text}"
    );
    assert_eq!(plan["document_kind"], "report");
    for family in FAMILIES {
        let mut rng = Rng::with_seed(1);
        assert_eq!(
            Layout::random_on(&mut rng, family, 0),
            Layout::canonical(family)
        );
        assert!(Layout::canonical(family).varied().is_empty());
        assert!(Layout::canonical(family).rewrites().is_empty());
    }
}

#[test]
fn every_axis_value_changes_the_document_and_keeps_the_plan() {
    for family in FAMILIES {
        let draft = rich_draft(family);
        let canonical = Layout::canonical(family);
        let canonical_axes: BTreeMap<String, String> = canonical.axes().into_iter().collect();
        let canonical_text = check(&draft, &canonical);
        let mut seen: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut rng = Rng::with_seed(17);
        for _ in 0..150 {
            let drawn = Layout::random(&mut rng, family);
            for axis in Layout::axes_of(family) {
                let mut layout = canonical.clone();
                layout.take(axis, &drawn);
                let value = layout
                    .axes()
                    .into_iter()
                    .find(|(name, _)| name == axis)
                    .map(|(_, value)| value)
                    .unwrap_or_default();
                if Some(&value) == canonical_axes.get(axis)
                    || !seen.entry(axis).or_default().insert(value.clone())
                {
                    continue;
                }
                // A matrix is one table: a header above the first table only
                // is the header above every table.
                let same = family == Family::WeightMatrix && axis == "header" && value == "once";
                let text = check(&draft, &layout);
                assert!(
                    same || text != canonical_text,
                    "{family:?}: {axis} = {value} changes nothing"
                );
            }
        }
        for axis in Layout::axes_of(family) {
            assert!(
                !seen.get(axis).is_none_or(BTreeSet::is_empty),
                "{family:?}: {axis} never varied"
            );
        }
    }
}

#[test]
fn random_layouts_of_every_family_keep_the_plan_as_pdf_too() {
    for family in FAMILIES {
        let draft = rich_draft(family);
        for seed in 0..3 {
            let layout = Layout::random(&mut Rng::with_seed(seed), family);
            check(&draft, &layout);
            let (bytes, plan) = render_layout(
                &draft,
                &layout,
                OfficeLook::canonical(),
                Format::Pdf,
                "plan.pdf",
            )
            .expect("PDF");
            assert!(bytes.starts_with(b"%PDF"));
            let pages = plan.source.pages.expect("a PDF has pages");
            let rows = plan.structures.iter().flat_map(|s| &s.objectives);
            assert!(
                rows.clone()
                    .all(|o| o.entry.page.is_some_and(|p| p <= pages)),
                "{family:?}"
            );
        }
    }
}

#[test]
fn a_card_spans_its_lines_and_its_phases_their_own() {
    let draft = rich_draft(Family::ObjectiveCards);
    let (bytes, plan) = render_layout(
        &draft,
        &Layout::canonical(Family::ObjectiveCards),
        OfficeLook::canonical(),
        Format::Tab,
        "plan.txt",
    )
    .expect("text");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    let objective = &plan.structures[0].objectives[0];
    let (first, last) = (
        objective.entry.lines.0 as usize,
        objective.entry.lines.1 as usize,
    );
    assert!(
        lines[first - 1].starts_with("Obiettivo n. 1"),
        "{}",
        lines[first - 1]
    );
    assert!(last - first >= 6, "opener and six fields");
    for phase in &objective.phases {
        assert!(lines[phase.lines.0 as usize - 1].starts_with(&phase.description));
    }
}
