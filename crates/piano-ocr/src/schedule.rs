//! Pages handed to rayon's threads in runs, in a given order, each thread
//! taking the next run as it is free. A page takes tesseract from a tenth
//! of a second to a second, and each run of tesseract a tenth of a second
//! more to start (its model loaded): a run reads several pages, handed a
//! list of their files (`recogniser/run.rs`), so that the start is paid
//! once a run, not once a page. Taken largest first
//! (`Pages::largest_first`), in runs that shrink as the pages left do
//! ([`run_length`]), the pages read last are short ones in short runs, and
//! the threads finish close together.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

/// Most pages in one run: their files wait on disk while the run reads
/// them, and a batch's time limit holds for each of them (`run.rs`).
const MOST_PAGES: usize = 8;

/// How many of the `left` pages the next run takes, `threads` threads
/// reading: a share of what is left small enough that every thread still
/// has runs to take after it (so that one long run does not end alone),
/// at most [`MOST_PAGES`], at least one.
pub fn run_length(left: usize, threads: usize) -> usize {
    left.div_ceil(2 * threads.max(1)).clamp(1, MOST_PAGES)
}

/// A run taken, and what its work gave.
type Done<'a, T, E> = (&'a [usize], Result<Vec<T>, E>);

/// `work` done on each run of `order` (the indices `0..order.len()`, in
/// the order they are to be taken, cut into runs by [`run_length`]), on
/// rayon's threads: `work` gives one result an index of its run, and the
/// results come back by index. Once a run fails no other is begun, and
/// the error of the run holding the first failed index is returned.
pub fn in_runs<T, E>(
    order: &[usize],
    work: impl Fn(&[usize]) -> Result<Vec<T>, E> + Sync,
) -> Result<Vec<T>, E>
where
    T: Send,
    E: Send,
{
    let next = Mutex::new(0);
    let failed = AtomicBool::new(false);
    let threads = rayon::current_num_threads().clamp(1, order.len().max(1));
    let take = || {
        let mut next = next.lock().unwrap_or_else(PoisonError::into_inner);
        let length = run_length(order.len().saturating_sub(*next), threads);
        let run = order.get(*next..(*next + length).min(order.len()))?;
        *next += run.len();
        (!run.is_empty()).then_some(run)
    };
    let done: Vec<Done<'_, T, E>> = (0..threads)
        .into_par_iter()
        .with_max_len(1)
        .flat_map_iter(|_| {
            let mut done = Vec::new();
            while !failed.load(Ordering::Relaxed) {
                let Some(run) = take() else {
                    break;
                };
                let result = work(run);
                failed.fetch_or(result.is_err(), Ordering::Relaxed);
                done.push((run, result));
            }
            done
        })
        .collect();
    let mut read = Vec::with_capacity(order.len());
    let mut first_failed: Option<(usize, E)> = None;
    for (run, result) in done {
        match result {
            Ok(results) => read.extend(run.iter().copied().zip(results)),
            Err(error) => {
                let first = run.iter().copied().min().unwrap_or(0);
                if first_failed
                    .as_ref()
                    .is_none_or(|(failed, _)| first < *failed)
                {
                    first_failed = Some((first, error));
                }
            }
        }
    }
    if let Some((_, error)) = first_failed {
        return Err(error);
    }
    read.sort_by_key(|&(index, _)| index);
    Ok(read.into_iter().map(|(_, result)| result).collect())
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn every_item_is_done_once_in_the_order_given_and_returned_by_index() {
        let taken = Mutex::new(Vec::new());
        let order = [3, 0, 4, 1, 2];
        let squares = in_runs(&order, |run| {
            taken.lock().expect("not poisoned").extend_from_slice(run);
            Ok::<_, String>(run.iter().map(|index| index * index).collect())
        });
        assert_eq!(squares, Ok(vec![0, 1, 4, 9, 16]));
        let mut taken = taken.into_inner().expect("not poisoned");
        taken.sort_unstable();
        assert_eq!(taken, [0, 1, 2, 3, 4]);
        assert_eq!(
            in_runs(&[], |run| Ok::<_, String>(run.to_vec())),
            Ok(vec![])
        );
    }

    #[test]
    fn runs_shrink_with_the_pages_left_and_stay_short() {
        // Two threads, 29 pages: a quarter of what is left, 8 at most.
        let mut left = 29;
        let mut lengths = Vec::new();
        while left > 0 {
            let length = run_length(left, 2);
            lengths.push(length);
            left -= length;
        }
        assert_eq!(lengths, [8, 6, 4, 3, 2, 2, 1, 1, 1, 1]);
        assert_eq!(run_length(1000, 2), MOST_PAGES);
        assert_eq!(run_length(3, 1), 2);
        assert_eq!(run_length(1, 4), 1);
    }

    #[test]
    fn runs_are_taken_in_the_order_given() {
        let runs = Mutex::new(Vec::new());
        let order: Vec<usize> = (0..12).rev().collect();
        let read = in_runs(&order, |run| {
            runs.lock().expect("not poisoned").push(run.to_vec());
            Ok::<_, String>(run.to_vec())
        });
        assert_eq!(read, Ok((0..12).collect()));
        let mut runs = runs.into_inner().expect("not poisoned");
        runs.sort_by_key(|run| std::cmp::Reverse(run[0]));
        let threads = rayon::current_num_threads().clamp(1, 12);
        assert_eq!(runs[0], order[..run_length(12, threads)]);
        assert!(
            runs.iter()
                .all(|run| run.windows(2).all(|pair| pair[0] > pair[1]))
        );
    }

    #[test]
    fn a_failed_run_is_the_error() {
        let result = in_runs(&[2, 1, 0], |run| {
            if run.contains(&1) {
                Err("a run with item 1".to_owned())
            } else {
                Ok(run.to_vec())
            }
        });
        assert_eq!(result, Err("a run with item 1".to_owned()));
    }
}
