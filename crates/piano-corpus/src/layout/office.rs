//! How an office document draws its tables: the axes of the HTML writer
//! (and of the Word documents and PDFs that LibreOffice and Chromium make
//! from it). Text dumps do not show them, so they are drawn beside a
//! layout, after it, and never change what a seed draws for the dumps.

use fastrand::Rng;

use super::axis;

axis! {
    /// Whether table cells are ruled.
    Borders {
        /// Every cell ruled, as a Word table is by default.
        On => "on",
        /// No rules at all (Word's "no borders").
        Off => "off",
    }
}

axis! {
    /// How the page width is shared among a table's columns.
    ColumnWidths {
        /// Equal widths, as Word gives a table it inserts.
        Equal => "equal",
        /// In proportion to what the columns hold (a description wider than
        /// a weight), as an office that resized its columns has them.
        Content => "content",
    }
}

axis! {
    /// Where a cell's text stands when its row is taller than it.
    CellAlign {
        /// At the top, Word's default.
        Top => "top",
        /// In the middle, as HTML's default and as offices that centre
        /// their cells have it (a short cell level with the middle line of
        /// a description wrapped over several).
        Middle => "middle",
    }
}

/// One value per office axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeLook {
    /// Whether cells are ruled.
    pub borders: Borders,
    /// How columns share the width.
    pub widths: ColumnWidths,
    /// Where cells' text stands.
    pub cells: CellAlign,
}

impl OfficeLook {
    /// Word's defaults: ruled cells of equal widths, their text at the top.
    pub fn canonical() -> OfficeLook {
        OfficeLook {
            borders: Borders::On,
            widths: ColumnWidths::Equal,
            cells: CellAlign::Top,
        }
    }

    /// Every office axis drawn at random.
    pub fn random(rng: &mut Rng) -> OfficeLook {
        OfficeLook {
            borders: Borders::random(rng),
            widths: ColumnWidths::random(rng),
            cells: CellAlign::random(rng),
        }
    }

    /// Each axis by name (`office.borders`, `office.widths`, `office.cells`)
    /// with its value, and whether it differs from
    /// [`OfficeLook::canonical`], for the sidecar.
    pub fn axes(&self) -> [(&'static str, &'static str, bool); 3] {
        let canonical = OfficeLook::canonical();
        [
            (
                "office.borders",
                self.borders.name(),
                self.borders != canonical.borders,
            ),
            (
                "office.widths",
                self.widths.name(),
                self.widths != canonical.widths,
            ),
            (
                "office.cells",
                self.cells.name(),
                self.cells != canonical.cells,
            ),
        ]
    }
}
