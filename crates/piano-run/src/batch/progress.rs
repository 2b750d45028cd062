//! Telling people how the batch is going: a progress bar on a terminal
//! (and under it, once a scan is read, a bar of the pages recognised by
//! OCR), a plain line every few seconds when standard error is a file or a
//! pipe, nothing with `--quiet`; and a closing summary.

use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use piano_ocr::{PageProgress, ProgressHook};

use crate::batch::report::{Entry, Status, Totals};

/// How often plain progress lines are printed.
const PLAIN_EVERY: Duration = Duration::from_secs(2);

/// Progress over the inputs a run reads.
pub struct Progress {
    display: Display,
    total: usize,
    done: AtomicUsize,
    failed: AtomicUsize,
    started: Instant,
}

enum Display {
    Quiet,
    Bar(ProgressBar, Arc<PagesBar>),
    Plain(Mutex<Instant>),
}

/// The bar of pages recognised by OCR, drawn under the files' bar from the
/// first scan on: each scanned input adds its pages to its length.
struct PagesBar {
    multi: MultiProgress,
    bar: OnceLock<ProgressBar>,
}

impl PageProgress for PagesBar {
    fn expect(&self, pages: u64) {
        let bar = self.bar.get_or_init(|| {
            let style = ProgressStyle::with_template("{bar:30} {pos}/{len} pages recognised")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            self.multi.add(ProgressBar::new(0).with_style(style))
        });
        bar.inc_length(pages);
    }

    fn recognised(&self, _page: u32) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }
}

impl Progress {
    /// Starts showing progress over `total` inputs, in the way standard error allows.
    pub fn start(total: usize, quiet: bool) -> Progress {
        let display = if quiet {
            Display::Quiet
        } else if std::io::stderr().is_terminal() {
            let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr_with_hz(5));
            let style =
                ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg}, eta {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            let bar = multi.add(ProgressBar::new(total as u64).with_style(style));
            bar.set_message("0 failed");
            let pages = PagesBar {
                multi,
                bar: OnceLock::new(),
            };
            Display::Bar(bar, Arc::new(pages))
        } else {
            Display::Plain(Mutex::new(Instant::now()))
        };
        Progress {
            display,
            total,
            done: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            started: Instant::now(),
        }
    }

    /// Counts one input as done.
    pub fn advance(&self, status: Status) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        let failed = self.failed.load(Ordering::Relaxed) + usize::from(status == Status::Failed);
        if status == Status::Failed {
            self.failed.fetch_add(1, Ordering::Relaxed);
        }
        match &self.display {
            Display::Quiet => {}
            Display::Bar(bar, _) => {
                bar.set_message(format!("{failed} failed, {:.1} files/s", self.rate(done)));
                bar.inc(1);
            }
            Display::Plain(last) => {
                let Ok(mut last) = last.lock() else { return };
                if last.elapsed() >= PLAIN_EVERY || done == self.total {
                    *last = Instant::now();
                    crate::tell(format_args!(
                        "piano batch: {done}/{} files, {failed} failed, {:.1} files/s",
                        self.total,
                        self.rate(done)
                    ));
                }
            }
        }
    }

    /// Where the inputs' OCR tells of its pages: the pages' bar on a
    /// terminal, nowhere else.
    pub fn pages(&self) -> ProgressHook {
        match &self.display {
            Display::Bar(_, pages) => ProgressHook::new(pages.clone()),
            Display::Quiet | Display::Plain(_) => ProgressHook::default(),
        }
    }

    /// Files per second so far.
    fn rate(&self, done: usize) -> f64 {
        done as f64 / self.started.elapsed().as_secs_f64().max(1e-9)
    }

    /// Clears the bar; returns how many inputs were read and the time taken.
    pub fn finish(&self) -> (usize, Duration) {
        if let Display::Bar(bar, pages) = &self.display {
            if let Some(pages) = pages.bar.get() {
                pages.finish_and_clear();
            }
            bar.finish_and_clear();
        }
        (self.done.load(Ordering::Relaxed), self.started.elapsed())
    }
}

/// The closing summary: outcomes, contents, quality verdicts, failures,
/// wall time and speed.
pub fn summary(totals: &Totals, entries: &[Entry], read: usize, wall: Duration) -> String {
    let seconds = wall.as_secs_f64();
    let mut text = format!(
        "{} files: {} ok, {} with warnings, {} failed, {} duplicate(s)\n\
         {} plans: {} structures, {} objectives, {} phases\n\
         quality: {} good, {} to review, {} unreadable\n\
         {read} read in {seconds:.2} s ({:.1} files/s)",
        totals.inputs,
        totals.ok,
        totals.warnings,
        totals.failed,
        totals.duplicates,
        totals.plans,
        totals.structures,
        totals.objectives,
        totals.phases,
        totals.quality.good,
        totals.quality.review,
        totals.quality.unreadable,
        read as f64 / seconds.max(1e-9),
    );
    for entry in entries.iter().filter(|e| e.status == Status::Failed) {
        let error = entry.error.as_deref().unwrap_or("failed");
        text.push_str(&format!("\nfailed: {}: {error}", entry.path));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn off_a_terminal_no_pages_are_told() {
        // Under the test harness standard error is no terminal; with
        // `--quiet` it makes no difference.
        for quiet in [false, true] {
            let progress = Progress::start(1, quiet);
            if !quiet && std::io::stderr().is_terminal() {
                continue;
            }
            assert_eq!(progress.pages(), ProgressHook::default());
        }
    }

    #[test]
    fn the_pages_bar_counts_what_scans_tell() {
        let pages = PagesBar {
            multi: MultiProgress::with_draw_target(ProgressDrawTarget::hidden()),
            bar: OnceLock::new(),
        };
        pages.recognised(1);
        assert!(pages.bar.get().is_none(), "no bar before a scan is read");
        pages.expect(2);
        pages.expect(1);
        for page in [2, 1, 1] {
            pages.recognised(page);
        }
        let bar = pages.bar.get().map(|bar| (bar.position(), bar.length()));
        assert_eq!(bar, Some((3, Some(3))));
    }

    #[test]
    fn the_summary_counts_outcomes_and_lists_failures() {
        let entries = vec![Entry::failed(
            "a.txt".into(),
            None,
            "the file is empty".into(),
        )];
        let totals = Totals::of(&entries);
        let text = summary(&totals, &entries, 1, Duration::from_secs(2));
        assert!(text.starts_with("1 files: 0 ok, 0 with warnings, 1 failed, 0 duplicate(s)\n"));
        assert!(text.contains("\n1 read in 2.00 s (0.5 files/s)"), "{text}");
        // An input that gave no plan counts as unreadable.
        assert!(
            text.contains("\nquality: 0 good, 0 to review, 1 unreadable\n"),
            "{text}"
        );
        assert!(
            text.ends_with("\nfailed: a.txt: the file is empty"),
            "{text}"
        );
    }
}
