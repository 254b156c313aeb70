//! Writes the relmap.graph/1 JSON of the benchmark's generated corpus, so that a change meant
//! only to speed extraction up can be checked to give the same bytes:
//! `cargo run --release --example bench_corpus_json -- OUT.json [THREADS]`.

#[path = "../benches/common/news_corpus.rs"]
mod news_corpus;

use std::process::ExitCode;

use relmap::output::GraphJson;
use relmap::{ExtractOptions, Extractor, KnowledgeBase};

#[path = "../benches/common/allocator.rs"]
mod allocator;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(out) = args.next() else {
        eprintln!("usage: bench_corpus_json OUT.json [THREADS]");
        return ExitCode::from(2);
    };
    let threads = args.next().and_then(|t| t.parse().ok()).unwrap_or(1);
    let kb = match KnowledgeBase::builtin() {
        Ok(kb) => kb,
        Err(e) => {
            eprintln!("bench_corpus_json: {e:#}");
            return ExitCode::FAILURE;
        }
    };
    let corpus = news_corpus::news_corpus(&kb, 24 * 1024 * 1024);
    let ex = Extractor::new(&kb).extract(&corpus, &ExtractOptions { threads, ..ExtractOptions::default() });
    let json = GraphJson::from_extraction(&ex).to_json_pretty();
    if let Err(e) = std::fs::write(&out, json) {
        eprintln!("bench_corpus_json: {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
