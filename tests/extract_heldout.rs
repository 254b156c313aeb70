//! Held-out articles (tests/data/heldout: eight 2024-2025 diplomacy stories written and
//! annotated independently of the extraction rules). A regression guard on generalisation: the
//! bounds sit a little under today's scores, which the test prints.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use relmap::eval::{Gold, score};
use relmap::{Corpus, ExtractOptions, Extractor, KnowledgeBase, LoadOptions};

#[test]
fn held_out_articles_score_as_measured() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/heldout");
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let (corpus, errors) = Corpus::load(&[dir], &LoadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(corpus.documents.len(), 8);
    let kb = KnowledgeBase::builtin().unwrap();
    let ex = Extractor::new(&kb).extract(&corpus, &ExtractOptions::default());
    let report = score(&ex, &kb, &gold);
    println!("{}", report.render(true));
    assert!(report.entities.f1() >= 0.94, "entity F1 {:.3}", report.entities.f1());
    assert!(report.meetings.precision() >= 0.90, "meeting precision {:.3}", report.meetings.precision());
    assert!(report.meetings.f1() >= 0.80, "meeting F1 {:.3}", report.meetings.f1());
}
