//! Pages read in runs: a thread takes a few pages at a time
//! (`schedule.rs`), sets each straight and writes it to a file, and hands
//! tesseract a list of the files, which it reads in one run, as it reads
//! the strips of second looks (`lists.rs`): the tenth of a second its
//! start costs is paid once a run, not once a page, and each page reads
//! as it does alone. Only the files wait on disk; a page's image is read
//! back from its file once its words are read, and a page read
//! doubtfully is decoded again for its orientation to be asked.
//!
//! A batch's time limit holds per page still: the clock is told as each
//! page of a run begins (tesseract says so on its standard error, as it
//! goes), and again as each is settled. Progress is told of each page as
//! tesseract moves on to the next of its run (the run's last once it is
//! settled), so that a bar moves page by page. A run that fails (a page that
//! crashes tesseract) loses no page: its pages are then read one by one,
//! and only a page that fails alone is an error.

use std::path::Path;

use image::GrayImage;
use tempfile::TempPath;

use super::{Looked, PageText, Recogniser, straightened, words_of};
use crate::{OcrError, blank, lists, pages, schedule};

/// A page made ready for its run.
enum Prepared<E> {
    /// Set straight and written to a file, for the run to read.
    Waiting(Waiting),
    /// Looked at already, or not decoded.
    Done(Result<Looked, E>),
}

/// A page set straight and written to a file, waiting for its run to be
/// read.
struct Waiting {
    /// Its place in its run.
    slot: usize,
    /// Its index among the input's pages, to decode it again.
    index: usize,
    /// Its number in the input, for messages.
    page: u32,
    /// Its rules, and its size, no word read yet.
    unread: PageText,
    /// The file its straight image is written to.
    file: TempPath,
    /// Its key in the cache, when there is one.
    key: Option<String>,
}

impl Recogniser {
    /// Looks at the pages `order` gives (0-based indices, in the order to
    /// take them), each decoded by `decode` as its run begins and numbered
    /// by `number` (1-based, for messages): each page's [`Looked`], or why
    /// it could not be decoded, by index, for [`Recogniser::finish`]. Pages
    /// are read in runs of a few on rayon's threads, each run by one
    /// tesseract process. A page read with a mean confidence under 0.75
    /// may be scanned sideways or upside down: tesseract is asked its
    /// orientation, and the page read again turned upright, the better
    /// reading kept (such a page is read whole at once). With a cache, a
    /// page recognised before is read back from it instead. The settings'
    /// progress hook is told of each page once it is read.
    pub fn look_all<E: Send>(
        &self,
        order: &[usize],
        number: impl Fn(usize) -> u32 + Sync,
        decode: impl Fn(usize) -> Result<GrayImage, E> + Sync,
    ) -> Result<Vec<Result<Looked, E>>, OcrError> {
        schedule::in_runs(order, |run| self.look_run(run, &number, &decode))
    }

    /// Looks at the pages `run`, each in its place: read back from the
    /// cache, blank, or written to a file for one run of tesseract over
    /// all the files.
    fn look_run<E>(
        &self,
        run: &[usize],
        number: impl Fn(usize) -> u32,
        decode: impl Fn(usize) -> Result<GrayImage, E>,
    ) -> Result<Vec<Result<Looked, E>>, OcrError> {
        self.clock.start_page();
        let mut looked: Vec<Option<Result<Looked, E>>> = Vec::with_capacity(run.len());
        let mut waiting = Vec::new();
        for (slot, &index) in run.iter().enumerate() {
            let page = number(index);
            let prepared = match decode(index) {
                Ok(image) => self.prepare(image, slot, index, page)?,
                Err(error) => Prepared::Done(Err(error)),
            };
            match prepared {
                Prepared::Waiting(wait) => {
                    waiting.push(wait);
                    looked.push(None);
                }
                Prepared::Done(done) => {
                    if done.is_ok() {
                        self.progress.recognised(page);
                    }
                    looked.push(Some(done));
                }
            }
        }
        let files: Vec<(&Path, u32)> = waiting.iter().map(|w| (w.file.as_ref(), w.page)).collect();
        // A page is told as read once tesseract moves on to the next of
        // the run (the last, and those of a failed run, once settled).
        let mut told = vec![false; files.len()];
        let readings = self.read_run(&files, |image| {
            let read = image.checked_sub(1);
            if let Some((told, &(_, page))) = read.and_then(|i| told.get_mut(i).zip(files.get(i))) {
                *told = true;
                self.progress.recognised(page);
            }
        });
        for ((wait, tsv), told) in waiting.into_iter().zip(readings).zip(told) {
            self.clock.start_page();
            let (slot, index, page) = (wait.slot, wait.index, wait.page);
            let done = self.settle_waiting(wait, tsv?, || decode(index).ok())?;
            if !told {
                self.progress.recognised(page);
            }
            looked[slot] = Some(Ok(done));
        }
        Ok(looked.into_iter().flatten().collect())
    }

    /// `image`, page `page` at `slot` of its run and `index` of the input,
    /// made ready for its run: waiting, written to a file, or looked at
    /// already (read back from the cache, blank, or, where no file can be
    /// written, read at once).
    fn prepare<E>(
        &self,
        image: GrayImage,
        slot: usize,
        index: usize,
        page: u32,
    ) -> Result<Prepared<E>, OcrError> {
        let (read, key) = self.cached(&image);
        if let Some(text) = read {
            return Ok(Prepared::Done(Ok(Looked::read(text))));
        }
        let (straight, unread) = straightened(image.clone());
        if blank::is_blank(&straight) {
            let tsv = blank::tsv(unread.columns, unread.rows);
            let first = PageText {
                words: words_of(&tsv, page)?,
                ..unread
            };
            let looked = self.settle_first(first, tsv, None, page, key, || Some(image))?;
            return Ok(Prepared::Done(Ok(looked)));
        }
        match pages::tiff_file(&straight) {
            Ok(file) => Ok(Prepared::Waiting(Waiting {
                slot,
                index,
                page,
                unread,
                file: file.into_temp_path(),
                key,
            })),
            Err(_) => {
                let tsv = self.hand_over(&straight, page)?;
                let first = PageText {
                    words: words_of(&tsv, page)?,
                    ..unread
                };
                let looked =
                    self.settle_first(first, tsv, Some(&straight), page, key, || Some(image))?;
                Ok(Prepared::Done(Ok(looked)))
            }
        }
    }

    /// The TSV of each of `files` (a page's file and its number): read in
    /// one run of tesseract, handed a list of them, `begun` told the index
    /// of each as the run begins it; one page alone, or the pages of a run
    /// that failed, each read alone.
    fn read_run(
        &self,
        files: &[(&Path, u32)],
        mut begun: impl FnMut(usize),
    ) -> Vec<Result<String, OcrError>> {
        if files.len() > 1 {
            let paths: Vec<&Path> = files.iter().map(|&(path, _)| path).collect();
            let read = lists::list_file(&paths).ok().and_then(|list| {
                self.engine
                    .recognise_list(list.path(), |image| {
                        self.clock.start_page();
                        begun(image);
                    })
                    .ok()
            });
            if let Some(tsv) = read {
                return lists::by_image(&tsv, files.len())
                    .into_iter()
                    .map(Ok)
                    .collect();
            }
        }
        files
            .iter()
            .map(|&(path, page)| {
                self.clock.start_page();
                self.engine.recognise_file(path, page)
            })
            .collect()
    }

    /// The page `wait` settled given `tsv`, its run's reading of it: its
    /// straight image read back from its file for its second look, and
    /// the page as it came had again from `image` if it reads doubtfully.
    fn settle_waiting(
        &self,
        wait: Waiting,
        tsv: String,
        image: impl FnOnce() -> Option<GrayImage>,
    ) -> Result<Looked, OcrError> {
        let Waiting {
            page,
            unread,
            file,
            key,
            ..
        } = wait;
        let straight = pages::read_back(&file).map_err(|reason| OcrError::Tesseract {
            page: Some(page),
            reason: format!("the page image could not be read back: {reason}"),
        })?;
        drop(file);
        let first = PageText {
            words: words_of(&tsv, page)?,
            ..unread
        };
        self.settle_first(first, tsv, Some(&straight), page, key, image)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use image::Luma;

    use super::*;
    use crate::{PageProgress, ProgressHook, Settings};

    /// The recogniser of the default settings, `None` without tesseract.
    fn recogniser() -> Option<Recogniser> {
        recogniser_of(&Settings::default())
    }

    /// The recogniser of `settings`, `None` without tesseract.
    fn recogniser_of(settings: &Settings) -> Option<Recogniser> {
        match Recogniser::new(settings) {
            Err(OcrError::TesseractMissing | OcrError::LanguageMissing { .. }) => None,
            made => Some(made.expect("tesseract is found")),
        }
    }

    #[test]
    fn a_run_that_fails_loses_only_the_page_that_fails_alone() {
        let Some(recogniser) = recogniser() else {
            return;
        };
        let page = GrayImage::from_pixel(64, 32, Luma([255]));
        let good = pages::tiff_file(&page).expect("a page file");
        let mut bad = tempfile::NamedTempFile::new().expect("a file");
        std::io::Write::write_all(&mut bad, b"no image").expect("written");
        let files = [(good.path(), 1), (bad.path(), 2), (good.path(), 3)];
        let read = recogniser.read_run(&files, |_| {});
        assert_eq!(read.len(), 3);
        assert!(read[0].as_ref().is_ok_and(|tsv| tsv.starts_with("level")));
        assert!(matches!(
            read[1],
            Err(OcrError::Tesseract { page: Some(2), .. })
        ));
        assert_eq!(read[2].as_ref().ok(), read[0].as_ref().ok());
    }

    #[test]
    fn each_page_of_a_run_reads_as_it_does_alone() {
        let Some(recogniser) = recogniser() else {
            return;
        };
        let blank = GrayImage::from_pixel(64, 32, Luma([255]));
        let mut marked = GrayImage::from_pixel(80, 40, Luma([255]));
        for x in 10..30 {
            marked.put_pixel(x, 20, Luma([0]));
        }
        let files: Vec<_> = [&blank, &marked]
            .map(|image| pages::tiff_file(image).expect("a page file"))
            .into_iter()
            .collect();
        let listed: Vec<(&Path, u32)> = files.iter().zip(1..).map(|(f, n)| (f.path(), n)).collect();
        let mut begun = Vec::new();
        let together = recogniser.read_run(&listed, |image| begun.push(image));
        assert_eq!(begun, [0, 1]);
        for (read, (path, page)) in together.iter().zip(&listed) {
            let alone = recogniser.read_run(&[(path, *page)], |_| {});
            assert_eq!(read.as_ref().ok(), alone[0].as_ref().ok());
        }
    }

    /// Keeps the pages it is told of.
    #[derive(Default)]
    struct Told(Mutex<Vec<u32>>);

    impl PageProgress for Told {
        fn expect(&self, _pages: u64) {}
        fn recognised(&self, page: u32) {
            if let Ok(mut told) = self.0.lock() {
                told.push(page);
            }
        }
    }

    #[test]
    fn each_page_of_a_run_is_told_once() {
        let told = Arc::new(Told::default());
        let settings = Settings {
            progress: ProgressHook::new(told.clone()),
            ..Settings::default()
        };
        let Some(recogniser) = recogniser_of(&settings) else {
            return;
        };
        let page = |shade| {
            let mut page = GrayImage::from_pixel(80, 40, Luma([255]));
            page.put_pixel(10, 10, Luma([shade]));
            page
        };
        // One thread: runs of 3, 2 and 1 of the 6 pages.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .expect("a pool");
        let shades = [0, 40, 80, 120, 160, 200];
        let looked = pool.install(|| {
            recogniser.look_all(
                &[0, 1, 2, 3, 4, 5],
                |index| index as u32 + 1,
                |index| Ok::<_, ()>(page(shades[index])),
            )
        });
        assert!(looked.is_ok_and(|looked| looked.iter().all(Result::is_ok)));
        let mut told = told.0.lock().map(|told| told.clone()).unwrap_or_default();
        told.sort_unstable();
        assert_eq!(told, [1, 2, 3, 4, 5, 6]);
    }
}
