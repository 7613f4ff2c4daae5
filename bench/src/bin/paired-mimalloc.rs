//! [`paired`](paired.rs) with both sides allocating through mimalloc instead of the
//! system allocator (glibc's malloc on Linux): the same cases, rounds and arguments, to
//! show how much of each ratio the allocator decides. `bench/run` prints its ratios
//! beside the targets, which are the system allocator's.
//!
//! ```sh
//! target/release/paired-mimalloc [--rounds N] [--json PATH] [--only TEXT]
//! ```

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "paired.rs"]
mod paired;

fn main() {
    paired::main();
}
