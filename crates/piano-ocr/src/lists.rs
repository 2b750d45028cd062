//! Many small images (the strips of pages' second looks) read in a few
//! runs of tesseract: each run is handed a text file naming one image file
//! a line, which it reads as the pages of one input, each segmented on its
//! own, and prints one TSV whose `page_num` tells the image (from 1).
//!
//! A tesseract process costs about a tenth of a second of CPU before it
//! reads anything (its Italian model and tables loaded), more than most
//! strips take to read: run once per strip, the second look cost a page
//! about as much again as that; run once per list, it is paid once per
//! thread. The words are those each image gives read alone.

use std::io::Write;
use std::path::Path;

use rayon::prelude::*;

/// The indices of `sizes`' items shared out among `lists` lists at most
/// (none empty), each in turn, largest first, to the list holding least so
/// far, so that runs read in parallel end close together; each list in
/// its items' order.
pub(crate) fn shares(sizes: &[u64], lists: usize) -> Vec<Vec<usize>> {
    let lists = lists.clamp(1, sizes.len().max(1));
    let mut order: Vec<usize> = (0..sizes.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(sizes[index]));
    let mut shares: Vec<(u64, Vec<usize>)> = vec![(0, Vec::new()); lists];
    for index in order {
        if let Some(least) = shares.iter_mut().min_by_key(|(held, _)| *held) {
            least.0 += sizes[index];
            least.1.push(index);
        }
    }
    shares
        .into_iter()
        .filter(|(_, items)| !items.is_empty())
        .map(|(_, mut items)| {
            items.sort_unstable();
            items
        })
        .collect()
}

/// Tesseract's TSV output `tsv` for a list of `count` images cut into one
/// TSV per image: its header, then the rows whose `page_num` is the
/// image's (1 for the first), each numbered page 1, as the image read
/// alone gives them (and the cache keeps them).
pub(crate) fn by_image(tsv: &str, count: usize) -> Vec<String> {
    let mut lines = tsv.lines();
    let header = lines.next().unwrap_or_default();
    let mut found: Vec<String> = vec![format!("{header}\n"); count];
    for line in lines {
        let mut fields = line.splitn(3, '\t');
        let (Some(level), Some(page), rest) = (fields.next(), fields.next(), fields.next()) else {
            continue;
        };
        let page = page.trim().parse::<usize>().ok();
        if let Some(tsv) = page.and_then(|page| found.get_mut(page.wrapping_sub(1))) {
            tsv.push_str(level);
            tsv.push_str("\t1");
            if let Some(rest) = rest {
                tsv.push('\t');
                tsv.push_str(rest);
            }
            tsv.push('\n');
        }
    }
    found
}

/// Most images in one list: a run stays short (a few seconds at most,
/// which a batch's time limit for a page allows), and a run that fails
/// loses no more than these.
const MOST_IMAGES: usize = 64;

/// How many lists `images` images are read in by `threads` threads: one a
/// thread, more where a list would hold over [`MOST_IMAGES`].
fn lists(images: usize, threads: usize) -> usize {
    threads.max(images.div_ceil(MOST_IMAGES))
}

/// The TSV of each of `images` (a file and its size in pixels), read in
/// one run of `read` a thread of `threads` (more for many images,
/// [`MOST_IMAGES`]), run in parallel: `read` is handed a text file naming
/// image files, one a line. `None` for the images of a list that could not
/// be written or read.
pub(crate) fn read_all<E>(
    images: &[(&Path, u64)],
    threads: usize,
    read: impl Fn(&Path) -> Result<String, E> + Sync,
) -> Vec<Option<String>> {
    let sizes: Vec<u64> = images.iter().map(|&(_, size)| size).collect();
    let shares = shares(&sizes, lists(images.len(), threads));
    let read_share = |share: &Vec<usize>| {
        let paths: Vec<&Path> = share.iter().map(|&index| images[index].0).collect();
        let tsv = list_file(&paths)
            .ok()
            .and_then(|list| read(list.path()).ok());
        match tsv {
            Some(tsv) => by_image(&tsv, share.len()).into_iter().map(Some).collect(),
            None => vec![None; share.len()],
        }
    };
    let read: Vec<Vec<Option<String>>> =
        shares.par_iter().with_max_len(1).map(read_share).collect();
    let mut found = vec![None; images.len()];
    for (share, tsvs) in shares.iter().zip(read) {
        for (&index, tsv) in share.iter().zip(tsvs) {
            found[index] = tsv;
        }
    }
    found
}

/// A temporary text file naming `paths`, one a line (removed when dropped).
pub(crate) fn list_file(paths: &[&Path]) -> std::io::Result<tempfile::NamedTempFile> {
    let mut file = tempfile::Builder::new()
        .prefix("piano-list-")
        .suffix(".txt")
        .tempfile()?;
    for path in paths {
        file.write_all(path.as_os_str().as_encoded_bytes())?;
        file.write_all(b"\n")?;
    }
    file.flush()?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn items_go_largest_first_to_the_list_holding_least() {
        assert_eq!(shares(&[5, 9, 1, 4], 2), [vec![1, 2], vec![0, 3]]);
        assert_eq!(shares(&[5, 9], 1), [vec![0, 1]]);
        // No list is left empty.
        assert_eq!(shares(&[3], 4), [vec![0]]);
        assert!(shares(&[], 2).is_empty());
    }

    #[test]
    fn a_thread_reads_one_list_unless_it_would_be_long() {
        assert_eq!(lists(3, 2), 2);
        assert_eq!(lists(MOST_IMAGES * 2, 2), 2);
        assert_eq!(lists(MOST_IMAGES * 2 + 1, 2), 3);
        assert_eq!(lists(MOST_IMAGES * 2 + 1, 1), 3);
    }

    #[test]
    fn a_list_s_reading_is_cut_by_page_number() {
        let tsv = "level\tpage_num\ttext\n\
                   1\t1\t\n5\t1\tuno\n1\t2\t\n5\t2\tdue\n5\t3\tfuori\n5\tx\tmale\n";
        let found = by_image(tsv, 2);
        assert_eq!(found[0], "level\tpage_num\ttext\n1\t1\t\n5\t1\tuno\n");
        // Numbered page 1, as read alone.
        assert_eq!(found[1], "level\tpage_num\ttext\n1\t1\t\n5\t1\tdue\n");
    }

    #[test]
    fn each_image_gets_its_own_reading_back_from_the_lists() {
        let names = ["a.tif", "b.tif", "c.tif"];
        let images: Vec<(&Path, u64)> = names
            .iter()
            .zip([10, 30, 20])
            .map(|(name, size)| (Path::new(*name), size))
            .collect();
        let lists = Mutex::new(Vec::new());
        let found = read_all(&images, 2, |list| {
            let named = std::fs::read_to_string(list).map_err(|_| ())?;
            let named: Vec<String> = named.lines().map(str::to_owned).collect();
            lists.lock().map_err(|_| ())?.push(named.clone());
            let mut tsv = "level\tpage_num\ttext\n".to_owned();
            for (page, name) in (1..).zip(&named) {
                tsv.push_str(&format!("5\t{page}\t{name}\n"));
            }
            Ok::<_, ()>(tsv)
        });
        let header = "level\tpage_num\ttext\n";
        assert_eq!(
            found[0].as_deref(),
            Some(&*format!("{header}5\t1\ta.tif\n"))
        );
        assert_eq!(
            found[1].as_deref(),
            Some(&*format!("{header}5\t1\tb.tif\n"))
        );
        assert_eq!(
            found[2].as_deref(),
            Some(&*format!("{header}5\t1\tc.tif\n"))
        );
        assert_eq!(lists.into_inner().map(|lists| lists.len()).ok(), Some(2));
        let failed = read_all(&images, 2, |_| Err::<String, _>(()));
        assert_eq!(failed, [None, None, None]);
    }
}
