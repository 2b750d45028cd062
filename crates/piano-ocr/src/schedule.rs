//! Pages handed to rayon's threads in a given order, each thread taking the
//! next page as it is free. A page takes tesseract from a tenth of a second
//! to a second: read in the file's order, the last page may be a long one,
//! read by one thread while the others have nothing left to do. Taken
//! largest first (`Pages::largest_first`), the pages read last are short
//! ones, and the threads finish close together.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

/// `work` done on each item of `order` (the indices `0..order.len()`, in
/// the order they are to be taken), on rayon's threads: the results by
/// index. Once an item fails no other is begun, and the error of the first
/// failed index is returned.
pub fn in_order<T, E>(
    order: &[usize],
    work: impl Fn(usize) -> Result<T, E> + Sync,
) -> Result<Vec<T>, E>
where
    T: Send,
    E: Send,
{
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let threads = rayon::current_num_threads().clamp(1, order.len().max(1));
    let mut done: Vec<(usize, Result<T, E>)> = (0..threads)
        .into_par_iter()
        .with_max_len(1)
        .flat_map_iter(|_| {
            let mut done = Vec::new();
            while !failed.load(Ordering::Relaxed) {
                let Some(&index) = order.get(next.fetch_add(1, Ordering::Relaxed)) else {
                    break;
                };
                let result = work(index);
                failed.fetch_or(result.is_err(), Ordering::Relaxed);
                done.push((index, result));
            }
            done
        })
        .collect();
    done.sort_by_key(|&(index, _)| index);
    done.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn every_item_is_done_once_in_the_order_given_and_returned_by_index() {
        let taken = Mutex::new(Vec::new());
        let order = [3, 0, 4, 1, 2];
        let squares = in_order(&order, |index| {
            taken.lock().expect("not poisoned").push(index);
            Ok::<_, String>(index * index)
        });
        assert_eq!(squares, Ok(vec![0, 1, 4, 9, 16]));
        let mut taken = taken.into_inner().expect("not poisoned");
        taken.sort_unstable();
        assert_eq!(taken, [0, 1, 2, 3, 4]);
        assert_eq!(in_order(&[], Ok::<_, String>), Ok(vec![]));
    }

    #[test]
    fn a_failed_item_is_the_error() {
        let result = in_order(&[2, 1, 0], |index| {
            if index == 1 {
                Err(format!("item {index}"))
            } else {
                Ok(index)
            }
        });
        assert_eq!(result, Err("item 1".to_owned()));
    }
}
