//! Peak memory of parsing the `depth2` response, one side per process:
//! `peak-memory ours|ours-client|aws`. Prints one line of JSON: the most heap bytes live
//! at once during the measured call, above what was live before it (a counting global
//! allocator), the bytes allocated in total, and the process's peak resident set (VmHWM).
//!
//! Each side makes one call first (lazy set-up, caches), then the measured one.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use fsx_bench::{aws, fixture, ours, runtime};

/// The system allocator, counting the bytes live now, at most, and in total.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);
static COUNT: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK.fetch_max(live, Ordering::Relaxed);
    TOTAL.fetch_add(bytes, Ordering::Relaxed);
    COUNT.fetch_add(1, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call forwards to `System` with the caller's arguments unchanged; the
// counters are only bookkeeping.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        shrank(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = System.realloc(ptr, layout, new_size);
        if !new.is_null() {
            shrank(layout.size());
            grew(new_size);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What one call cost the heap.
struct HeapUse {
    /// Bytes at most live during the call, above those live before it.
    peak: usize,
    /// Bytes allocated (reallocations count their new size).
    allocated: usize,
    /// Allocations and reallocations.
    allocations: usize,
}

fn measure<T>(f: impl FnOnce() -> T) -> HeapUse {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let total_before = TOTAL.load(Ordering::Relaxed);
    let count_before = COUNT.load(Ordering::Relaxed);
    let value = f();
    let used = HeapUse {
        peak: PEAK.load(Ordering::Relaxed) - before,
        allocated: TOTAL.load(Ordering::Relaxed) - total_before,
        allocations: COUNT.load(Ordering::Relaxed) - count_before,
    };
    drop(value);
    used
}

/// The process's peak resident set in KiB, from `/proc/self/status` (Linux).
fn max_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let side = std::env::args().nth(1).unwrap_or_default();
    let Some(body) = fixture("copy-backup-response.depth2.json") else {
        return;
    };
    let rt = runtime();
    let used = match side.as_str() {
        "ours" => {
            let response = ours::response(&body);
            drop(ours::parse(&response));
            measure(|| ours::parse(&response))
        }
        "ours-client" => {
            let client = ours::client(&body);
            let input = ours::example_input();
            drop(rt.block_on(ours::call(&client, input.clone())));
            measure(|| rt.block_on(ours::call(&client, input)))
        }
        "aws" => {
            let client = aws::client(&body);
            let request = aws::example_input(&client);
            drop(rt.block_on(aws::call(request.clone())));
            measure(|| rt.block_on(aws::call(request)))
        }
        other => {
            eprintln!("usage: peak-memory ours|ours-client|aws (got `{other}`)");
            std::process::exit(2);
        }
    };
    println!(
        "{{\"side\":\"{side}\",\"body_bytes\":{},\"peak_heap_bytes\":{},\"allocated_bytes\":{},\"allocations\":{},\"max_rss_kib\":{}}}",
        body.len(),
        used.peak,
        used.allocated,
        used.allocations,
        max_rss_kib().unwrap_or(0)
    );
}
