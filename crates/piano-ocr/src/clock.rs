//! When the last page recognition of an input began: a batch counts its time
//! limit from it, so that the limit holds per page of OCR, not per file.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

/// Shared between whoever recognises an input's pages (which sets it as each
/// page begins) and whoever watches the time (which reads it).
#[derive(Debug, Clone, Default)]
pub struct PageClock {
    last: Arc<Mutex<Option<Instant>>>,
}

impl PageClock {
    /// A clock no page has started yet.
    pub fn new() -> PageClock {
        PageClock::default()
    }

    /// Notes that a page's recognition begins now.
    pub fn start_page(&self) {
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        *last = Some(Instant::now());
    }

    /// When the latest page's recognition began, if any has.
    pub fn last_page_start(&self) -> Option<Instant> {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Two clocks are equal when they are the same clock.
impl PartialEq for PageClock {
    fn eq(&self, other: &PageClock) -> bool {
        Arc::ptr_eq(&self.last, &other.last)
    }
}

impl Eq for PageClock {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clone_sees_the_pages_started() {
        let clock = PageClock::new();
        let watcher = clock.clone();
        assert_eq!(watcher.last_page_start(), None);
        let before = Instant::now();
        clock.start_page();
        assert!(
            watcher
                .last_page_start()
                .is_some_and(|start| start >= before)
        );
        assert_eq!(clock, watcher);
        assert_ne!(clock, PageClock::new());
    }
}
