//! The colour of each role, and the style sheet that gives every layer its
//! look: one class a role (`role-objective`), one a layer (`word`, `cell`,
//! `column`, `rule`, `grid`).

use std::fmt::Write;

use piano_model::LineRole;

/// The fill of a line's band, by what the line became. Neighbouring parts of
/// a plan take hues far apart (a header orange, its objectives green, their
/// phases blue); lines set aside are grey, but text left unplaced is red, the
/// first thing a profile's author looks for.
pub fn colour(role: LineRole) -> &'static str {
    match role {
        LineRole::Ente => "#8c564b",
        LineRole::Title => "#bc80bd",
        LineRole::Preamble => "#c7c7c7",
        LineRole::StructureHeading => "#9467bd",
        LineRole::MissionHeading => "#6a3d9a",
        LineRole::StructureField => "#cab2d6",
        LineRole::TableHeader => "#ff7f0e",
        LineRole::Objective => "#2ca02c",
        LineRole::Phase => "#1f77b4",
        LineRole::CardField => "#17becf",
        LineRole::StaffRow => "#bcbd22",
        LineRole::PageNumber => "#7f7f7f",
        LineRole::Furniture => "#999999",
        LineRole::OutsidePerformance => "#b0b0b0",
        LineRole::TotalRow => "#e7ba52",
        LineRole::GarbledRow => "#e377c2",
        LineRole::Unplaced => "#d62728",
    }
}

/// The style sheet: strokes keep their width whatever the page's units
/// (`vector-effect`), bands are translucent so the words show through, and
/// over a scan's image the words read are blue, apart from its ink.
pub fn style_sheet() -> String {
    let mut css = String::from(
        "\
.band { fill-opacity: 0.25; stroke: none; }
.band.role-none { fill: #000000; fill-opacity: 0.1; }
.label { font-family: sans-serif; fill: #333333; }
.cell { fill: none; stroke: #333333; stroke-width: 1; vector-effect: non-scaling-stroke; }
.word rect { fill: none; stroke: #1f5fbf; stroke-opacity: 0.6; stroke-width: 0.5; vector-effect: non-scaling-stroke; }
.word.set-apart rect { stroke: #d62728; stroke-dasharray: 2 2; }
.word text { font-family: sans-serif; fill: #000000; }
.scan .word text { fill: #1f5fbf; fill-opacity: 0.7; }
.rule { stroke: #000000; stroke-width: 1.5; vector-effect: non-scaling-stroke; }
.column { stroke: #d62728; stroke-width: 1.5; stroke-dasharray: 6 4; vector-effect: non-scaling-stroke; }
.column.ruled { stroke: #ff7f0e; }
.grid { stroke: #000000; stroke-opacity: 0.12; stroke-width: 0.5; vector-effect: non-scaling-stroke; }
.grid.tenth { stroke-opacity: 0.35; }
.legend text { font-family: sans-serif; fill: #000000; }
",
    );
    for role in LineRole::ALL {
        // Writing to a String cannot fail.
        let _ = writeln!(css, ".role-{role} {{ fill: {}; }}", colour(role));
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_has_a_colour_of_its_own_in_the_style_sheet() {
        let mut colours: Vec<&str> = LineRole::ALL.into_iter().map(colour).collect();
        colours.sort_unstable();
        colours.dedup();
        assert_eq!(colours.len(), LineRole::ALL.len());
        let css = style_sheet();
        assert!(css.contains(".role-objective { fill: #2ca02c; }"), "{css}");
        assert!(css.contains(".role-unplaced { fill: #d62728; }"), "{css}");
    }
}
