//! Parallel map for the emit and format stages: each file is emitted and formatted on
//! its own, so the files are shared among one worker thread per core. The results come
//! back in input order, so the output never depends on scheduling.
//!
//! Tokens (`proc_macro2::TokenStream`) cannot cross threads; each worker keeps its
//! tokens and hands back only the formatted text.

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;

/// `work` applied to every item, on up to [`threads`] threads; the results in the order
/// of `items`. A panic in `work` is propagated.
pub fn map<T, R, F>(items: &[T], work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    map_heaviest_first(items, |_| 0, work)
}

/// [`map`], the items taken in decreasing `weight` (an estimate of their work): the
/// largest start first, and the small ones fill in at the end, so that no thread is
/// left alone with a large item while the others wait. The results keep the order of
/// `items`.
pub fn map_heaviest_first<T, R, F>(items: &[T], weight: impl Fn(&T) -> usize, work: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let threads = threads().min(items.len());
    if threads <= 1 {
        return items.iter().map(work).collect();
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by_key(|&index| std::cmp::Reverse(weight(&items[index])));
    let next = AtomicUsize::new(0);
    let done = Mutex::new(Vec::with_capacity(items.len()));
    thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut mine = Vec::new();
                while let Some(&index) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    mine.push((index, work(&items[index])));
                }
                done.lock().unwrap_or_else(|e| e.into_inner()).extend(mine);
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|e| e.into_inner());
    done.sort_unstable_by_key(|(index, _)| *index);
    done.into_iter().map(|(_, result)| result).collect()
}

/// How many threads to use: `NUM_JOBS` when set (Cargo sets it for build scripts, from
/// `-j`), else one per available core.
pub fn threads() -> usize {
    std::env::var("NUM_JOBS")
        .ok()
        .and_then(|jobs| jobs.parse::<usize>().ok())
        .filter(|&jobs| jobs > 0)
        .unwrap_or_else(|| thread::available_parallelism().map_or(1, NonZeroUsize::get))
}

#[cfg(test)]
mod tests {
    use super::map;

    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map(&items, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
    }

    #[test]
    fn heaviest_first_keeps_the_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let doubled = super::map_heaviest_first(&items, |n| (*n % 7) as usize, |n| n * 2);
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_items_no_results() {
        assert!(map(&[] as &[u8], |_| ()).is_empty());
    }
}
