//! The page's words: thin boxes with their text squeezed to fit, each
//! word's text and confidence as its tooltip. A word in no cell of the
//! page's lines was set apart by the rebuild (page furniture, a header
//! repeated after a page break) and is drawn dashed.

use piano_model::BBox;
use piano_table::Word;
use svg::node::element::{Group, Rectangle, Text as Label};

use crate::PageView;
use crate::text::{title, xml_safe};

/// The share of its font size a word's text is drawn at, so that it fits
/// its box's height.
const TEXT_SIZE: f32 = 0.8;
/// Where a word's middle lies above its baseline, as the rebuild places words.
const MIDDLE: f32 = 0.3;

/// Every word of the page.
pub fn words(view: &PageView<'_>) -> Group {
    let cells: Vec<BBox> = view
        .lines()
        .flat_map(|line| line.cells.iter().filter_map(|cell| cell.bbox))
        .collect();
    view.trace
        .words
        .iter()
        .fold(Group::new().set("class", "words"), |group, word| {
            let placed = cells.iter().any(|cell| holds(cell, word));
            group.add(drawn(word, placed))
        })
}

/// One word, `placed` in a cell or not.
fn drawn(word: &Word, placed: bool) -> Group {
    let width = (word.x1 - word.x0).max(0.0);
    let class = if placed { "word" } else { "word set-apart" };
    let tooltip = match word.confidence {
        Some(confidence) => format!("{} (confidence {confidence:.2})", word.text),
        None => word.text.to_string(),
    };
    let mut text = Label::new(xml_safe(&word.text))
        .set("x", word.x0)
        .set("y", word.y)
        .set("font-size", TEXT_SIZE * word.size);
    if width > 0.0 {
        text = text
            .set("textLength", width)
            .set("lengthAdjust", "spacingAndGlyphs");
    }
    Group::new()
        .set("class", class)
        .add(title(&tooltip))
        .add(
            Rectangle::new()
                .set("x", word.x0)
                .set("y", word.y - word.size)
                .set("width", width)
                .set("height", word.size),
        )
        .add(text)
}

/// Whether `word`'s middle lies in `cell`.
fn holds(cell: &BBox, word: &Word) -> bool {
    let x = (word.x0 + word.x1) / 2.0;
    let y = word.y - MIDDLE * word.size;
    (cell.left..=cell.right).contains(&x) && (cell.top..=cell.bottom).contains(&y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, x0: f32) -> Word {
        Word {
            text: text.into(),
            x0,
            x1: x0 + 20.0,
            y: 110.0,
            size: 10.0,
            confidence: Some(0.5),
        }
    }

    #[test]
    fn a_word_outside_every_cell_is_drawn_set_apart() {
        let cell = BBox {
            left: 0.0,
            top: 100.0,
            right: 50.0,
            bottom: 112.0,
        };
        assert!(holds(&cell, &word("Peso", 10.0)));
        assert!(!holds(&cell, &word("3", 60.0)));
        let drawn = drawn(&word("a&b", 60.0), false).to_string();
        assert!(drawn.contains(r#"class="word set-apart""#), "{drawn}");
        assert!(drawn.contains("a&amp;b (confidence 0.50)"), "{drawn}");
        assert!(drawn.contains(r#"textLength="20""#), "{drawn}");
    }
}
