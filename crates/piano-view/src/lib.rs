//! Pictures of what piano read: one page as an SVG, for people writing a
//! layout profile (`piano debug`), as pdfplumber's visual debugging and
//! Camelot's plots show theirs.
//!
//! A [`PageView`] is the page's trace ([`piano_table::PageTrace`]: the words
//! and ruling lines the reader found, the columns the table rebuild
//! inferred), the layout's lines of that page with their cells, and each
//! line's role once parsed. [`draw`] lays them out, bottom to top:
//!
//! - `page.rs`: a scan's page image, a dump's grid of characters, the
//!   ruling lines and the tables' column edges (dashed);
//! - `lines.rs`: each line as a translucent band coloured by its role,
//!   labelled with its number and role in the left margin, and its cells as
//!   outlined boxes, the cell's text as their tooltip;
//! - `words.rs`: the words as thin boxes with their text, those in no cell
//!   (set apart by the rebuild: page furniture, a repeated header) dashed;
//! - `legend.rs`: the roles on the page and what each mark means.
//!
//! Every element carries what a program needs to check it (`data-line`,
//! `data-column`, `data-role`). Units are the reader's (points, a scan's
//! pixels, a dump's characters), origin at the top left, y growing down, as
//! in [`piano_model::BBox`] and SVG alike; `frame.rs` sizes the picture so
//! that body text shows at a readable size. All text is escaped by the
//! `svg` crate, and characters XML cannot hold are replaced (`text.rs`).
//! No I/O: the picture is returned as a string.

mod frame;
mod legend;
mod lines;
mod page;
mod palette;
mod text;
mod words;

use piano_model::{Roles, TextLine};
use piano_table::PageTrace;
use svg::Document;
use svg::node::element::Style;

use crate::frame::Frame;

/// One page to draw.
#[derive(Debug, Clone, Copy)]
pub struct PageView<'a> {
    /// What the table rebuild saw and inferred on the page.
    pub trace: &'a PageTrace,
    /// The layout's lines (all of them: those of the traced page are drawn).
    pub lines: &'a [TextLine],
    /// Each line's role once parsed.
    pub roles: &'a Roles,
    /// The page's image, drawn under everything, for a scan.
    pub image: Option<Background<'a>>,
}

/// A page's image, in the units of its words.
#[derive(Debug, Clone, Copy)]
pub struct Background<'a> {
    /// The image, a PNG file.
    pub png: &'a [u8],
    /// Its width.
    pub width: f32,
    /// Its height.
    pub height: f32,
}

impl<'a> PageView<'a> {
    /// The lines of the traced page.
    fn lines(&self) -> impl Iterator<Item = &'a TextLine> + 'a {
        let page = self.trace.number;
        self.lines
            .iter()
            .filter(move |line| line.page.unwrap_or(1) == page)
    }
}

/// The page of `view` as an SVG document.
pub fn draw(view: &PageView<'_>) -> String {
    let frame = Frame::of(view);
    let (width, height) = frame.shown_size();
    let mut document = Document::new()
        .set("viewBox", frame.view_box())
        .set("width", width)
        .set("height", height)
        .add(Style::new(palette::style_sheet()));
    if let Some(image) = view.image {
        document = document.set("class", "scan").add(page::image(image));
    }
    if let Some(pitch) = view.trace.pitch {
        document = document.add(page::character_grid(&frame, pitch));
    }
    document = document
        .add(lines::bands(view, &frame))
        .add(page::rules(&view.trace.rules))
        .add(page::columns(&view.trace.tables))
        .add(lines::cells(view))
        .add(words::words(view))
        .add(legend::legend(view, &frame));
    document.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use piano_model::{BBox, LineRole};
    use piano_table::Word;

    #[test]
    fn text_from_a_plan_is_text_in_the_picture_never_markup() {
        let text = "<script>alert(1)</script> & \u{1}";
        let mut line = TextLine::from_texts(1, Some(1), [text]);
        let bbox = BBox {
            left: 10.0,
            top: 10.0,
            right: 200.0,
            bottom: 22.0,
        };
        line.bbox = Some(bbox);
        line.cells[0].bbox = Some(bbox);
        let mut roles = Roles::new();
        roles.set_line(&line, LineRole::Unplaced);
        let trace = PageTrace {
            number: 1,
            height: 100.0,
            pitch: None,
            words: vec![Word {
                text: text.into(),
                x0: 10.0,
                x1: 200.0,
                y: 20.0,
                size: 10.0,
                confidence: None,
            }],
            rules: Vec::new(),
            tables: Vec::new(),
        };
        let lines = [line];
        let picture = draw(&PageView {
            trace: &trace,
            lines: &lines,
            roles: &roles,
            image: Some(Background {
                png: b"\x89PNG",
                width: 300.0,
                height: 100.0,
            }),
        });
        let svg = roxmltree::Document::parse(&picture).expect("the picture is XML");
        assert!(!svg.descendants().any(|node| node.has_tag_name("script")));
        let shown = "<script>alert(1)</script> & \u{fffd}";
        let texts: Vec<&str> = svg
            .descendants()
            .filter_map(|n| n.text())
            .map(str::trim)
            .collect();
        assert!(texts.contains(&shown), "{texts:?}");
        assert_eq!(svg.root_element().attribute("class"), Some("scan"));
        let band = svg
            .descendants()
            .find(|n| n.attribute("data-role").is_some());
        assert_eq!(
            band.and_then(|n| n.attribute("data-role")),
            Some("unplaced")
        );
    }
}
