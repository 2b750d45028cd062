//! Charts of a plan, computed here as geometry and drawn by the plan page's
//! template as inline SVG (so every label goes through the template's
//! escaping, and nothing is fetched or scripted).
//!
//! - [`weights`]: how each structure's weight is spread over its objectives;
//! - [`timeline`]: how many objectives and phases fall due in each month.
//!
//! Each chart carries a title and a description for assistive technology;
//! the page sets its data beside it as a table, the text alternative.

pub mod timeline;
pub mod weights;

/// The width of every chart, in SVG user units; the page scales it to fit.
pub const WIDTH: f64 = 640.0;

/// Rounds a coordinate to a tenth of a unit, so the SVG stays short.
fn tenth(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}
