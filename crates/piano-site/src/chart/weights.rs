//! The weights chart: one bar per structure, cut into one segment per
//! objective, each as long as the objective's weight.
//!
//! Bars share one scale, 0 to 100 percent (further when a structure's
//! weights add up to more), so a structure whose weights fall short of or
//! run past 100 shows it at a glance.

use piano_model::Structure;

use super::{WIDTH, tenth};
use crate::label;

/// Height of the line of text above each bar.
const LABEL_HEIGHT: f64 = 18.0;
/// Height of a bar.
const BAR_HEIGHT: f64 = 24.0;
/// Space below each bar.
const GAP: f64 = 14.0;
/// Height of the axis under the bars.
const AXIS_HEIGHT: f64 = 22.0;
/// Narrowest segment that shows its objective's number inside it.
const LABEL_MIN_WIDTH: f64 = 26.0;
/// Longest structure name shown in full above its bar (the rest is in the
/// bar's title and in the table beside the chart).
const NAME_MAX_CHARS: usize = 70;

/// The chart of a plan's structures, ready to draw.
#[derive(Debug)]
pub struct WeightChart {
    /// The chart's width and height, in SVG user units.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// One bar per structure with weighted objectives, top to bottom.
    pub rows: Vec<WeightRow>,
    /// The axis' ticks.
    pub ticks: Vec<Tick>,
    /// Where the axis line lies.
    pub axis_y: f64,
    /// What the chart shows, in a sentence for assistive technology.
    pub description: String,
}

/// One structure's bar.
#[derive(Debug)]
pub struct WeightRow {
    /// The structure's name as written.
    pub name: String,
    /// The text above the bar: ordinal, name (cut when long) and total.
    pub label: String,
    /// The baseline of that text.
    pub label_y: f64,
    /// The top of the bar.
    pub bar_y: f64,
    /// The bar's height.
    pub bar_height: f64,
    /// The baseline of the numbers inside the segments.
    pub number_y: f64,
    /// One segment per weighted objective, left to right.
    pub segments: Vec<Segment>,
}

/// One objective's part of a bar.
#[derive(Debug)]
pub struct Segment {
    /// Its left edge.
    pub x: f64,
    /// Its width.
    pub width: f64,
    /// Its centre, where its number is drawn.
    pub centre: f64,
    /// The objective's number, when the segment is wide enough to show it.
    pub number: Option<String>,
    /// The segment's title: objective and weight.
    pub title: String,
    /// 0 or 1, alternating, so neighbouring segments differ.
    pub shade: usize,
}

/// One tick of the axis.
#[derive(Debug)]
pub struct Tick {
    /// Where it lies.
    pub x: f64,
    /// Its percent, as written.
    pub label: String,
}

/// The weights chart of `structures`, or `None` when no objective has a weight.
pub fn chart(structures: &[Structure]) -> Option<WeightChart> {
    let weighted: Vec<(&Structure, Vec<(&str, f64)>)> = structures
        .iter()
        .map(|structure| {
            let weights = structure
                .objectives
                .iter()
                .filter_map(|o| Some((o.entry.number.as_str(), o.entry.weight?)))
                .filter(|(_, weight)| weight.is_finite() && *weight > 0.0)
                .collect();
            (structure, weights)
        })
        .filter(|(_, weights): &(_, Vec<_>)| !weights.is_empty())
        .collect();
    if weighted.is_empty() {
        return None;
    }
    let scale = weighted
        .iter()
        .map(|(_, weights)| weights.iter().map(|(_, w)| w).sum::<f64>())
        .fold(100.0, f64::max);
    let unit = WIDTH / scale;
    let rows: Vec<WeightRow> = weighted
        .iter()
        .enumerate()
        .map(|(index, (structure, weights))| row(index, structure, weights, unit))
        .collect();
    let axis_y = rows.len() as f64 * (LABEL_HEIGHT + BAR_HEIGHT + GAP);
    let ticks = (0..)
        .map(|step| f64::from(step) * 25.0)
        .take_while(|percent| *percent <= scale)
        .map(|percent| Tick {
            x: tenth(percent * unit),
            label: format!("{}%", label::number(percent)),
        })
        .collect();
    let description = format!(
        "Per ciascuna di {} strutture, una barra divisa tra i suoi obiettivi in proporzione al loro peso; la scala va da 0 a {}%.",
        rows.len(),
        label::number(scale)
    );
    Some(WeightChart {
        width: WIDTH,
        height: axis_y + AXIS_HEIGHT,
        rows,
        ticks,
        axis_y,
        description,
    })
}

/// The bar of `structure`, the `index`-th drawn, at `unit` per percent.
fn row(index: usize, structure: &Structure, weights: &[(&str, f64)], unit: f64) -> WeightRow {
    let top = index as f64 * (LABEL_HEIGHT + BAR_HEIGHT + GAP);
    let total: f64 = weights.iter().map(|(_, weight)| weight).sum();
    let mut x = 0.0;
    let segments = weights
        .iter()
        .enumerate()
        .map(|(position, (number, weight))| {
            let width = weight * unit;
            let segment = Segment {
                x: tenth(x),
                width: tenth(width),
                centre: tenth(x + width / 2.0),
                number: (width >= LABEL_MIN_WIDTH).then(|| (*number).to_owned()),
                title: format!("Obiettivo {number}: {}%", label::number(*weight)),
                shade: position % 2,
            };
            x += width;
            segment
        })
        .collect();
    WeightRow {
        name: structure.name.clone(),
        label: format!(
            "{}. {} (totale {}%)",
            structure.ordinal,
            shortened(&structure.name),
            label::number(total)
        ),
        label_y: tenth(top + LABEL_HEIGHT - 5.0),
        bar_y: tenth(top + LABEL_HEIGHT),
        bar_height: BAR_HEIGHT,
        number_y: tenth(top + LABEL_HEIGHT + BAR_HEIGHT / 2.0 + 5.0),
        segments,
    }
}

/// `name` cut to [`NAME_MAX_CHARS`] characters, an ellipsis marking the cut.
fn shortened(name: &str) -> String {
    match name.char_indices().nth(NAME_MAX_CHARS) {
        Some((end, _)) => format!("{}…", name[..end].trim_end()),
        None => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use piano_model::{Entry, Objective};

    fn structure(ordinal: u32, weights: &[Option<f64>]) -> Structure {
        let objectives = weights
            .iter()
            .enumerate()
            .map(|(index, weight)| Objective {
                entry: Entry {
                    number: (index + 1).to_string(),
                    weight: *weight,
                    ..Entry::default()
                },
                category: None,
                phases: Vec::new(),
            })
            .collect();
        fixture::structure(ordinal, format!("Settore {ordinal}"), objectives)
    }

    #[test]
    fn segments_are_contiguous_and_a_full_structure_fills_the_width() {
        let chart = chart(&[structure(1, &[Some(50.0), Some(30.0), Some(20.0)])])
            .expect("weights give a chart");
        let segments = &chart.rows[0].segments;
        assert_eq!(segments.len(), 3);
        assert_eq!(segments[0].x, 0.0);
        for pair in segments.windows(2) {
            assert!((pair[0].x + pair[0].width - pair[1].x).abs() < 0.2);
        }
        let last = &segments[2];
        assert!((last.x + last.width - WIDTH).abs() < 0.2);
        assert_eq!(segments[0].width, 320.0);
        assert_eq!(chart.rows[0].label, "1. Settore 1 (totale 100%)");
        assert_eq!(segments[1].title, "Obiettivo 2: 30%");
        assert_eq!(segments[1].shade, 1);
    }

    #[test]
    fn a_structure_past_100_percent_widens_the_scale_for_all() {
        let chart = chart(&[
            structure(1, &[Some(60.0), Some(60.0)]),
            structure(2, &[Some(60.0)]),
        ])
        .expect("weights give a chart");
        let over = &chart.rows[0].segments[1];
        assert!((over.x + over.width - WIDTH).abs() < 0.2);
        assert!((chart.rows[1].segments[0].width - WIDTH / 2.0).abs() < 0.2);
        assert_eq!(chart.ticks.last().map(|t| t.label.as_str()), Some("100%"));
        assert!(chart.description.contains("120%"));
    }

    #[test]
    fn bars_do_not_overlap_and_the_axis_is_below_them() {
        let chart = chart(&[structure(1, &[Some(100.0)]), structure(2, &[Some(100.0)])])
            .expect("weights give a chart");
        let [first, second] = &chart.rows[..] else {
            panic!("two rows expected");
        };
        assert!(first.bar_y + first.bar_height < second.label_y - 10.0);
        assert!(second.bar_y + second.bar_height <= chart.axis_y);
        assert!(chart.axis_y < chart.height);
    }

    #[test]
    fn unweighted_objectives_and_structures_are_left_out() {
        let chart = chart(&[
            structure(1, &[None, None]),
            structure(2, &[Some(10.0), None, Some(1.0)]),
        ])
        .expect("one structure has weights");
        assert_eq!(chart.rows.len(), 1);
        assert_eq!(chart.rows[0].segments.len(), 2);
        assert_eq!(
            chart.rows[0].segments[1].number, None,
            "too narrow for its number"
        );
        assert!(super::chart(&[structure(1, &[None])]).is_none());
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        let long = "A".repeat(NAME_MAX_CHARS + 5);
        assert_eq!(shortened(&long).chars().count(), NAME_MAX_CHARS + 1);
        assert!(shortened(&long).ends_with('…'));
        assert_eq!(shortened("Breve"), "Breve");
    }
}
