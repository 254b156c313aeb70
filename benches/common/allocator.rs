//! The allocator the `relmap` binary uses (`src/main.rs`), so that benchmarks and profiles
//! measure what users run.

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
