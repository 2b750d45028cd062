//! Telling people how the batch is going: a progress bar on a terminal,
//! a plain line every few seconds when standard error is a file or a pipe,
//! nothing with `--quiet`; and a closing summary.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

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
    Bar(ProgressBar),
    Plain(Mutex<Instant>),
}

impl Progress {
    /// Starts showing progress over `total` inputs, in the way standard error allows.
    pub fn start(total: usize, quiet: bool) -> Progress {
        let display = if quiet {
            Display::Quiet
        } else if std::io::stderr().is_terminal() {
            let bar = ProgressBar::with_draw_target(
                Some(total as u64),
                ProgressDrawTarget::stderr_with_hz(5),
            );
            let style =
                ProgressStyle::with_template("{bar:30} {pos}/{len} files, {msg}, eta {eta}")
                    .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.set_style(style);
            bar.set_message("0 failed");
            Display::Bar(bar)
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
            Display::Bar(bar) => {
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

    /// Files per second so far.
    fn rate(&self, done: usize) -> f64 {
        done as f64 / self.started.elapsed().as_secs_f64().max(1e-9)
    }

    /// Clears the bar; returns how many inputs were read and the time taken.
    pub fn finish(&self) -> (usize, Duration) {
        if let Display::Bar(bar) = &self.display {
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
