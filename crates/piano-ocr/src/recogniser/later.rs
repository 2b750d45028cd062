//! Pages finished together: a page read surely enough at its first look
//! waits for its second (`reread.rs`), its strips written to files, until
//! every page of the input is looked at; then all their strips are read in
//! a few runs of tesseract (`lists.rs`), one a thread, rather than one or
//! two runs a page, each of which cost about as much to start as to read
//! its strip.

use std::path::Path;

use image::GrayImage;
use tempfile::TempPath;

use super::{PageText, Recogniser, words_of};
use crate::cache::Entry;
use crate::{OcrError, lists, pages, reread};

/// A page read but for its second look (`reread.rs`), which
/// [`Recogniser::finish`] reads together with other pages'.
#[derive(Debug)]
pub struct Looked(Look);

impl Looked {
    /// A page read whole.
    pub(super) fn read(text: PageText) -> Looked {
        Looked(Look::Read(text))
    }
}

/// How far a page is read.
#[derive(Debug)]
enum Look {
    /// Whole: read back from the cache, blank, with nothing to read again,
    /// or read again at once.
    Read(PageText),
    /// Its second look's strips written to files, to be read.
    Pending(Box<Pending>),
}

/// A page waiting for its second look.
#[derive(Debug)]
struct Pending {
    /// Its number in the input, for messages.
    page: u32,
    /// Its first reading.
    first: PageText,
    /// Tesseract's TSV output of its first reading.
    tsv: String,
    /// What the strips are read for.
    plan: reread::Plan,
    /// Each strip's file and its size in pixels, in the plan's order.
    strips: Vec<(TempPath, u64)>,
    /// Its key in the cache, when there is one.
    key: Option<String>,
}

impl Recogniser {
    /// The pages `looked` read whole, in their order: the strips of all
    /// their second looks read in one run of tesseract a thread (more for
    /// many strips; `lists.rs`), not one or two a page; each page then
    /// cached. A strip whose run fails leaves its page as first read.
    pub fn finish(&self, looked: Vec<Looked>) -> Result<Vec<PageText>, OcrError> {
        let readings = {
            let strips: Vec<(&Path, u64)> = looked
                .iter()
                .filter_map(|looked| match &looked.0 {
                    Look::Pending(pending) => Some(&pending.strips),
                    Look::Read(_) => None,
                })
                .flatten()
                .map(|(path, size)| (path.as_ref(), *size))
                .collect();
            lists::read_all(&strips, rayon::current_num_threads(), |list| {
                self.clock.start_page();
                self.engine.recognise_list(list, |_| {})
            })
        };
        let mut readings = readings.into_iter();
        looked
            .into_iter()
            .map(|looked| match looked.0 {
                Look::Read(text) => Ok(text),
                Look::Pending(pending) => {
                    let read: Vec<Option<String>> =
                        readings.by_ref().take(pending.strips.len()).collect();
                    let Pending {
                        page,
                        first,
                        tsv,
                        plan,
                        key,
                        ..
                    } = *pending;
                    self.settle(first, plan.apply(tsv, &read), page, key.as_deref())
                }
            })
            .collect()
    }

    /// `first`, read from `image` (none when blank) with the TSV `tsv`, left
    /// to its second look: its strips written to files, to be read by
    /// [`Recogniser::finish`] with other pages'. A page with nothing to
    /// read again is read whole (and cached under `key`); one whose strips
    /// cannot be written has them read at once.
    pub(super) fn later(
        &self,
        first: PageText,
        tsv: String,
        image: Option<&GrayImage>,
        page: u32,
        key: Option<String>,
    ) -> Result<Looked, OcrError> {
        let (plan, strips) = match image {
            Some(image) => reread::plan(&tsv, image, first.scale),
            None => (reread::Plan::default(), Vec::new()),
        };
        if strips.is_empty() {
            self.remember(key.as_deref(), first.scale, tsv);
            return Ok(Looked::read(first));
        }
        let files: Result<Vec<(TempPath, u64)>, String> = strips
            .iter()
            .map(|strip| {
                let size = u64::from(strip.width()) * u64::from(strip.height());
                pages::tiff_file(strip).map(|file| (file.into_temp_path(), size))
            })
            .collect();
        match files {
            Ok(files) => Ok(Looked(Look::Pending(Box::new(Pending {
                page,
                first,
                tsv,
                plan,
                strips: files,
                key,
            })))),
            Err(_) => {
                let read: Vec<Option<String>> = strips
                    .iter()
                    .map(|strip| self.hand_over(strip, page).ok())
                    .collect();
                let text = self.settle(first, plan.apply(tsv, &read), page, key.as_deref())?;
                Ok(Looked::read(text))
            }
        }
    }

    /// `first` with its words read from `tsv`, its final TSV (turned by
    /// none), which is cached under `key`.
    fn settle(
        &self,
        first: PageText,
        tsv: String,
        page: u32,
        key: Option<&str>,
    ) -> Result<PageText, OcrError> {
        let words = words_of(&tsv, page)?;
        self.remember(key, first.scale, tsv);
        Ok(PageText { words, ..first })
    }

    /// Caches `tsv`, a page's final reading (turned by none, read at
    /// `scale`), under `key` when there is a cache.
    fn remember(&self, key: Option<&str>, scale: u32, tsv: String) {
        if let (Some(cache), Some(key)) = (&self.cache, key) {
            cache.put(
                key,
                &Entry {
                    turn: 0,
                    scale,
                    tsv,
                },
            );
        }
    }
}
