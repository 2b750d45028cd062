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

/// One value per office axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OfficeLook {
    /// Whether cells are ruled.
    pub borders: Borders,
    /// How columns share the width.
    pub widths: ColumnWidths,
}

impl OfficeLook {
    /// Word's defaults: ruled cells of equal widths.
    pub fn canonical() -> OfficeLook {
        OfficeLook {
            borders: Borders::On,
            widths: ColumnWidths::Equal,
        }
    }

    /// Every office axis drawn at random.
    pub fn random(rng: &mut Rng) -> OfficeLook {
        OfficeLook {
            borders: Borders::random(rng),
            widths: ColumnWidths::random(rng),
        }
    }

    /// Each axis by name (`office.borders`, `office.widths`) with its value,
    /// and whether it differs from [`OfficeLook::canonical`], for the sidecar.
    pub fn axes(&self) -> [(&'static str, &'static str, bool); 2] {
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
        ]
    }
}
