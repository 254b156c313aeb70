//! Extraction throughput on a generated news-like corpus of about 24 MB (one core): half the
//! sentences name no entity, three in ten are the seeds' own sentences, two in ten are templated
//! meetings and visits with names from the knowledge base.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use relmap::{Corpus, ExtractOptions, Extractor, KnowledgeBase};

#[path = "common/news_corpus.rs"]
mod news_corpus;

use news_corpus::news_corpus;

#[path = "common/allocator.rs"]
mod allocator;

fn bench_extract(c: &mut Criterion) {
    let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
    let extractor = Extractor::new(&kb);
    let corpus = news_corpus(&kb, 24 * 1024 * 1024);
    // One core: the figure the target is about.
    let options = ExtractOptions { threads: 1, ..ExtractOptions::default() };
    let all_cores = ExtractOptions::default();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(corpus.total_bytes() as u64));
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(30));
    group.bench_function("news_corpus_24MB", |b| b.iter(|| black_box(extractor.extract(black_box(&corpus), &options))));
    group.bench_function("news_corpus_24MB_all_cores", |b| {
        b.iter(|| black_box(extractor.extract(black_box(&corpus), &all_cores)))
    });
    group.finish();

    // The stages alone, to see where the time goes.
    let matcher = relmap::extract::mentions::Matcher::new(&kb);
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(corpus.total_bytes() as u64));
    group.sample_size(10);
    group.bench_function("match_names", |b| {
        b.iter(|| corpus.documents.iter().map(|d| matcher.find(black_box(&d.text)).len()).sum::<usize>())
    });
    group.bench_function("split_sentences", |b| {
        b.iter(|| {
            corpus.documents.iter().map(|d| relmap::extract::sentences::split(black_box(&d.text)).len()).sum::<usize>()
        })
    });
    group.finish();

    let seeds = Corpus::seeds();
    let mut group = c.benchmark_group("seeds");
    group.throughput(Throughput::Bytes(seeds.total_bytes() as u64));
    group.bench_function("extract_seeds", |b| b.iter(|| black_box(extractor.extract(black_box(&seeds), &options))));
    group.bench_function("build_matcher", |b| b.iter(|| black_box(Extractor::new(&kb))));
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
