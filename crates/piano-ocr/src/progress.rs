//! How the recognition of pages goes, told to whoever shows it: the number
//! of pages to recognise once an input's are counted, then each page as it
//! is recognised. This crate draws nothing; the caller decides what to show
//! (the `piano` command a bar on a terminal, nothing on a pipe).

use std::fmt;
use std::sync::Arc;

/// Told how page recognition goes. Called from rayon's threads, pages
/// finishing in any order.
pub trait PageProgress: Send + Sync {
    /// `pages` more pages are to be recognised (an input's, once counted;
    /// a batch tells of each input's in turn).
    fn expect(&self, pages: u64);
    /// Page `page` (1-based, of its input) is recognised, or read back
    /// from the cache.
    fn recognised(&self, page: u32);
}

/// Where page progress is told: nowhere by default.
#[derive(Clone, Default)]
pub struct ProgressHook(Option<Arc<dyn PageProgress>>);

impl ProgressHook {
    /// Progress told to `to`.
    pub fn new(to: Arc<dyn PageProgress>) -> ProgressHook {
        ProgressHook(Some(to))
    }

    /// Tells that `pages` more pages are to be recognised.
    pub fn expect(&self, pages: usize) {
        if let Some(to) = &self.0 {
            to.expect(u64::try_from(pages).unwrap_or(u64::MAX));
        }
    }

    /// Tells that page `page` is recognised.
    pub fn recognised(&self, page: u32) {
        if let Some(to) = &self.0 {
            to.recognised(page);
        }
    }
}

/// Says only whether progress is told anywhere (what it is told to has no
/// `Debug`).
impl fmt::Debug for ProgressHook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let to = if self.0.is_some() { "told" } else { "none" };
        f.debug_tuple("ProgressHook").field(&to).finish()
    }
}

/// Two hooks are equal when they tell the same listener, or none.
impl PartialEq for ProgressHook {
    fn eq(&self, other: &ProgressHook) -> bool {
        match (&self.0, &other.0) {
            (Some(one), Some(other)) => Arc::ptr_eq(one, other),
            (None, None) => true,
            _ => false,
        }
    }
}

impl Eq for ProgressHook {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Keeps what it is told.
    #[derive(Default)]
    struct Told(Mutex<(u64, Vec<u32>)>);

    impl PageProgress for Told {
        fn expect(&self, pages: u64) {
            if let Ok(mut told) = self.0.lock() {
                told.0 += pages;
            }
        }
        fn recognised(&self, page: u32) {
            if let Ok(mut told) = self.0.lock() {
                told.1.push(page);
            }
        }
    }

    #[test]
    fn a_hook_tells_its_listener_and_none_tells_nobody() {
        let told = Arc::new(Told::default());
        let hook = ProgressHook::new(told.clone());
        hook.expect(2);
        hook.recognised(2);
        hook.recognised(1);
        ProgressHook::default().recognised(3);
        let told = told.0.lock().map(|told| told.clone()).unwrap_or_default();
        assert_eq!(told, (2, vec![2, 1]));
        assert_eq!(hook.clone(), hook);
        assert_ne!(hook, ProgressHook::default());
        assert_eq!(format!("{hook:?}"), "ProgressHook(\"told\")");
    }

    #[test]
    fn reading_a_scan_tells_of_each_page_once() {
        let mut bytes = std::io::Cursor::new(Vec::new());
        let mut encoder = tiff::encoder::TiffEncoder::new(&mut bytes).expect("an encoder");
        for _ in 0..3 {
            encoder
                .write_image::<tiff::encoder::colortype::Gray8>(64, 32, &[255; 64 * 32])
                .expect("a white page is written");
        }
        let told = Arc::new(Told::default());
        let settings = crate::Settings {
            progress: ProgressHook::new(told.clone()),
            ..crate::Settings::default()
        };
        match crate::read_image(bytes.get_ref(), &settings) {
            // Without tesseract nothing is recognised, nor told.
            Err(crate::OcrError::TesseractMissing | crate::OcrError::LanguageMissing { .. }) => {
                return;
            }
            read => {
                read.expect("three white pages are read");
            }
        }
        let (expected, mut pages) = told.0.lock().map(|told| told.clone()).unwrap_or_default();
        pages.sort_unstable();
        assert_eq!((expected, pages), (3, vec![1, 2, 3]));
    }
}
