//! Extraction throughput on a generated news-like corpus of about 24 MB (one core).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use relmap::corpus::SEEDS;
use relmap::{Corpus, Document, ExtractOptions, Extractor, KnowledgeBase};

/// A deterministic generator (xorshift), so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Articles built from the seeds' sentences and templated diplomacy sentences with names from
/// the knowledge base, until `target_bytes`.
pub fn news_corpus(kb: &KnowledgeBase, target_bytes: usize) -> Corpus {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let seed_sentences: Vec<&str> = SEEDS.iter().flat_map(|(_, t)| t.split(". ")).filter(|s| s.len() > 40).collect();
    let people: Vec<&str> = kb.people.iter().map(|p| p.name.as_str()).collect();
    let countries: Vec<&str> = kb.countries.iter().map(|c| c.name.as_str()).collect();
    let orgs: Vec<&str> = kb.organisations.iter().map(|o| o.name.as_str()).collect();
    let templates = [
        "{P} met {Q} in {C} on Tuesday to discuss trade and security.",
        "{P} will visit {C} next month, the foreign ministry said.",
        "Officials from {C} and {D} held talks on the sidelines of the {O} summit.",
        "The leaders of {C}, {D} and {E} are scheduled to meet in the capital.",
        "{P} told {Q} that the {O} would stand by its members.",
        "Analysts said the meeting between {P} and {Q} could reshape relations with {C}.",
        "Markets in {C} rose after the announcement, while {D} said it would respond.",
    ];
    let mut documents = Vec::new();
    let mut total = 0;
    let mut n = 0;
    while total < target_bytes {
        let mut text = String::with_capacity(8 * 1024);
        while text.len() < 7 * 1024 {
            if rng.next() % 3 == 0 {
                text.push_str(rng.pick(&seed_sentences));
                text.push_str(". ");
            } else {
                let t = rng
                    .pick(&templates[..])
                    .replace("{P}", rng.pick(&people))
                    .replace("{Q}", rng.pick(&people))
                    .replace("{C}", rng.pick(&countries))
                    .replace("{D}", rng.pick(&countries))
                    .replace("{E}", rng.pick(&countries))
                    .replace("{O}", rng.pick(&orgs));
                text.push_str(&t);
                text.push(if rng.next() % 4 == 0 { '\n' } else { ' ' });
            }
        }
        total += text.len();
        documents.push(Document::from_text(&format!("gen{n:05}"), "generated", text));
        n += 1;
    }
    Corpus { documents, warnings: Vec::new() }
}

fn bench_extract(c: &mut Criterion) {
    let kb = KnowledgeBase::builtin().expect("built-in knowledge base");
    let extractor = Extractor::new(&kb);
    let corpus = news_corpus(&kb, 24 * 1024 * 1024);
    let options = ExtractOptions::default();
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(corpus.total_bytes() as u64));
    group.sample_size(10);
    group.measurement_time(std::time::Duration::from_secs(30));
    group.bench_function("news_corpus_24MB", |b| b.iter(|| black_box(extractor.extract(black_box(&corpus), &options))));
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
