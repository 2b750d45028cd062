//! The bar of pages recognised by OCR, drawn on standard error while a scan
//! is read, when standard error is a terminal: recognising a long scan takes
//! minutes. Nothing is drawn on a pipe or a file (CI, logs), nor ever on
//! standard output. (`piano batch` draws its own, under its files' bar.)

use std::io::IsTerminal;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressFinish, ProgressStyle};
use piano_ocr::{PageProgress, ProgressHook};

/// How often the bar is drawn again, at most, per second.
const REFRESH_HZ: u8 = 5;

/// Pages recognised of the pages to recognise, as a bar that clears itself
/// once they are all read (or when dropped, the reading given up).
struct PagesBar {
    bar: ProgressBar,
}

impl PagesBar {
    /// A bar drawn to `target`, of no pages yet (nothing is drawn until a
    /// scan's pages are counted).
    fn drawn_to(target: ProgressDrawTarget) -> PagesBar {
        let style =
            ProgressStyle::with_template("{bar:30} {pos}/{len} pages recognised, eta {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
        let bar = ProgressBar::with_draw_target(Some(0), target)
            .with_style(style)
            .with_finish(ProgressFinish::AndClear);
        PagesBar { bar }
    }
}

impl PageProgress for PagesBar {
    fn expect(&self, pages: u64) {
        self.bar.inc_length(pages);
    }

    fn recognised(&self, _page: u32) {
        self.bar.inc(1);
        if Some(self.bar.position()) >= self.bar.length() {
            self.bar.finish_and_clear();
        }
    }
}

/// Where OCR tells of its pages: a bar on standard error when `shown` and
/// standard error is a terminal, nowhere else.
pub fn pages_hook(shown: bool) -> ProgressHook {
    hook_for(shown && std::io::stderr().is_terminal())
}

/// A bar on standard error when `terminal`, no hook else.
fn hook_for(terminal: bool) -> ProgressHook {
    if !terminal {
        return ProgressHook::default();
    }
    let bar = PagesBar::drawn_to(ProgressDrawTarget::stderr_with_hz(REFRESH_HZ));
    ProgressHook::new(Arc::new(bar))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_a_terminal_nothing_is_told() {
        assert_eq!(hook_for(false), ProgressHook::default());
        assert_eq!(pages_hook(false), ProgressHook::default());
        assert_ne!(hook_for(true), ProgressHook::default());
    }

    #[test]
    fn the_bar_counts_each_page_and_clears_when_all_are_read() {
        let pages = PagesBar::drawn_to(ProgressDrawTarget::hidden());
        pages.expect(3);
        for page in [2, 1] {
            pages.recognised(page);
        }
        assert_eq!((pages.bar.position(), pages.bar.length()), (2, Some(3)));
        assert!(!pages.bar.is_finished());
        pages.recognised(3);
        assert!(pages.bar.is_finished());
    }
}
