//! Extracts the benchmark's generated corpus on one thread, for profilers (callgrind, perf):
//! `cargo run --release --example profile_extract -- [MB] [RUNS]`. Only `extract_once` (the
//! extraction and the freeing of its result) is worth counting:
//! `valgrind --tool=callgrind --toggle-collect='*extract_once*' target/release/examples/profile_extract 24 1`.

#[path = "../benches/common/news_corpus.rs"]
mod news_corpus;

use std::process::ExitCode;
use std::time::Instant;

use relmap::{Corpus, ExtractOptions, Extractor, KnowledgeBase};

#[path = "../benches/common/allocator.rs"]
mod allocator;

#[inline(never)]
fn extract_once(extractor: &Extractor<'_>, corpus: &Corpus) -> usize {
    let ex = extractor.extract(corpus, &ExtractOptions { threads: 1, ..ExtractOptions::default() });
    ex.graph.edge_count()
}

/// Nanoseconds this thread has run on a CPU (Linux), so that a busy machine skews less.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

/// Clock ticks this thread has spent in user and in kernel mode (Linux): page faults on fresh
/// memory show as kernel time.
fn user_and_kernel_ticks() -> (u64, u64) {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    // Fields after the command name in brackets: state is field 3, utime 14, stime 15.
    let fields: Vec<&str> =
        stat.rsplit_once(')').map(|(_, rest)| rest.split_whitespace().collect()).unwrap_or_default();
    let field = |n: usize| fields.get(n - 3).and_then(|f| f.parse().ok()).unwrap_or(0);
    (field(14), field(15))
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mb: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(24);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    // "match": only the name matcher, as the `stages/match_names` benchmark.
    let only_matching = args.next().as_deref() == Some("match");
    let kb = match KnowledgeBase::builtin() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("profile_extract: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let extractor = Extractor::new(&kb);
    // Compiles the lazily built patterns outside the counted runs.
    std::hint::black_box(extractor.extract(&Corpus::seeds(), &ExtractOptions::default()));
    let corpus = news_corpus::news_corpus(&kb, mb * 1024 * 1024);
    let bytes = corpus.total_bytes() as f64;
    let mut secs = Vec::new();
    let mut cpu_best = f64::MAX;
    for _ in 0..runs {
        let t = Instant::now();
        let cpu = cpu_ns();
        let ticks = user_and_kernel_ticks();
        let edges = if only_matching {
            let matcher = relmap::extract::mentions::Matcher::new(&kb);
            let t = Instant::now();
            let found: usize = corpus.documents.iter().map(|d| matcher.find(&d.text).len()).sum();
            secs.push(t.elapsed().as_secs_f64());
            eprintln!("{found} mentions in {:.3} s", secs[secs.len() - 1]);
            continue;
        } else {
            std::hint::black_box(extract_once(&extractor, &corpus))
        };
        secs.push(t.elapsed().as_secs_f64());
        let cpu_secs = cpu_ns().saturating_sub(cpu) as f64 / 1e9;
        cpu_best = cpu_best.min(cpu_secs);
        let (user, kernel) = user_and_kernel_ticks();
        eprintln!(
            "{edges} edges in {:.3} s ({cpu_secs:.3} s on the CPU, {} user and {} kernel ticks)",
            secs[secs.len() - 1],
            user - ticks.0,
            kernel - ticks.1
        );
    }
    secs.sort_by(f64::total_cmp);
    if let Some(best) = secs.first() {
        println!("best of {runs}: {:.1} MB/s ({:.1} MB/s of CPU time)", bytes / 1e6 / best, bytes / 1e6 / cpu_best);
    }
    ExitCode::SUCCESS
}
