//! Merging extractions is associative and commutative, so a corpus can be split and merged.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use relmap::extraction::{Candidate, DocumentMeta, Extraction};
use relmap::graph::{DocNo, EdgeData, EdgeKey, EdgeKind, Evidence, MentionRef, NodeData, NodeKind, RelGraph};
use relmap::output::GraphJson;
use relmap::warning::Warning;
use relmap::{Corpus, ExtractOptions, Extractor, KnowledgeBase};

const IDS: &[&str] = &["country:RUS", "country:CHN", "org:SCO", "person:a", "person:b"];

/// The number of document `d{d}` in `graph`, which learns of it if need be (numbers given before
/// may change: the merge must follow them).
fn doc(graph: &mut RelGraph, d: u8) -> DocNo {
    graph.add_document(&format!("d{d}"), format!("doc d{d}.").into())
}

fn node(graph: &mut RelGraph, id: usize, mentions: Vec<(u8, u8)>) -> NodeData {
    for &(d, _) in &mentions {
        doc(graph, d);
    }
    NodeData {
        id: IDS[id].into(),
        label: IDS[id].to_uppercase(),
        kind: if IDS[id].starts_with("person") { NodeKind::Leader } else { NodeKind::Country },
        aliases: vec![IDS[id].into()],
        country: None,
        office: None,
        memberships: Vec::new(),
        candidate: false,
        mentions: mentions
            .into_iter()
            .map(|(d, s)| MentionRef {
                doc: doc(graph, d),
                sentence: u32::from(s),
                start: u32::from(s) * 10,
                end: u32::from(s) * 10 + 3,
                described: false,
            })
            .collect(),
    }
}

prop_compose! {
    fn extraction()(
        nodes in prop::collection::vec((0..IDS.len(), prop::collection::vec((0u8..3, 0u8..4), 0..3)), 0..5),
        edges in prop::collection::vec((0..IDS.len(), 0..IDS.len(), 0u8..2, 0u8..3, 0u8..4), 0..6),
        docs in prop::collection::btree_set(0u8..3, 0..3),
        warnings in prop::collection::btree_set(0u8..4, 0..3),
    ) -> Extraction {
        let mut ex = Extraction::default();
        for d in docs {
            ex.documents.insert(DocumentMeta { id: format!("d{d}"), path: format!("d{d}.txt"), title: None, date: None });
        }
        for (id, mentions) in nodes {
            let node = node(&mut ex.graph, id, mentions);
            ex.graph.upsert_node(node);
        }
        for (a, b, kind, d, sentence) in edges {
            if a == b { continue; }
            for n in [a, b] { let node = node(&mut ex.graph, n, vec![]); ex.graph.upsert_node(node); }
            let (s, t) = if IDS[a] < IDS[b] { (a, b) } else { (b, a) };
            let kind = if kind == 0 { EdgeKind::CoMention } else { EdgeKind::Meeting };
            let status = (kind == EdgeKind::Meeting).then(|| "held".to_string());
            let mut e = EdgeData::new(EdgeKey { source: IDS[s].into(), target: IDS[t].into(), kind, status });
            e.add_evidence(Evidence {
                doc: doc(&mut ex.graph, d), sentence: u32::from(sentence), start: 0, end: 5,
                mentions: vec![(u32::from(sentence), u32::from(sentence) + 1)].into(),
            });
            ex.graph.upsert_edge(e);
        }
        for w in warnings {
            ex.warnings.insert(Warning { kind: "contradiction".into(), doc: None, sentence: None, message: format!("w{w}"), text: None });
        }
        ex.candidates.insert(Candidate { name: "X".into(), title: "President".into(), country: None, doc: "d0".into(), sentence: 0, start: 0, end: 1, text: "t".into() });
        ex
    }
}

fn canonical(ex: &Extraction) -> String {
    GraphJson::from_extraction(ex).to_json_pretty()
}

fn merged(a: &Extraction, b: &Extraction) -> Extraction {
    let mut out = a.clone();
    out.merge(b);
    out
}

proptest! {
    #[test]
    fn merge_is_commutative(a in extraction(), b in extraction()) {
        prop_assert_eq!(canonical(&merged(&a, &b)), canonical(&merged(&b, &a)));
    }

    #[test]
    fn merge_is_associative(a in extraction(), b in extraction(), c in extraction()) {
        prop_assert_eq!(canonical(&merged(&merged(&a, &b), &c)), canonical(&merged(&a, &merged(&b, &c))));
    }

    #[test]
    fn merge_is_idempotent(a in extraction()) {
        prop_assert_eq!(canonical(&merged(&a, &a)), canonical(&a));
    }
}

#[test]
fn extracting_a_split_corpus_and_merging_equals_extracting_it_whole() {
    let kb = KnowledgeBase::builtin().unwrap();
    let extractor = Extractor::new(&kb);
    let corpus = Corpus::seeds();
    let options = ExtractOptions { reference_date: corpus.reference_date(), threads: 1 };
    let whole = extractor.extract(&corpus, &options);
    let mut parts = Extraction::default();
    for doc in corpus.documents.iter().rev() {
        let one = Corpus { documents: vec![doc.clone()], warnings: Vec::new() };
        parts.merge(&extractor.extract(&one, &options));
    }
    assert_eq!(canonical(&whole), canonical(&parts));
}

#[test]
fn reading_with_several_threads_gives_the_same_bytes() {
    let kb = KnowledgeBase::builtin().unwrap();
    let extractor = Extractor::new(&kb);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/heldout");
    let (mut corpus, _) = relmap::Corpus::load(&[dir], &relmap::LoadOptions::default());
    corpus.documents.extend(Corpus::seeds().documents);
    let one = extractor.extract(&corpus, &ExtractOptions { threads: 1, ..ExtractOptions::default() });
    for threads in [2, 3, 5] {
        let many = extractor.extract(&corpus, &ExtractOptions { threads, ..ExtractOptions::default() });
        assert_eq!(canonical(&one), canonical(&many), "{threads} threads");
    }
}

// Regression: a node's office was read at the date of whichever document created it first, so
// one thread and two threads could disagree when a person changed office between articles.
#[test]
fn a_nodes_office_does_not_depend_on_which_thread_saw_it_first() {
    let kb = KnowledgeBase::builtin().unwrap();
    let extractor = Extractor::new(&kb);
    let doc = |id: &str, date: &str| relmap::Document {
        id: id.into(),
        path: format!("{id}.txt"),
        title: None,
        date: relmap::kb::parse_date(Some(date)).unwrap(),
        text: "Mohammad Mokhber met Vladimir Putin in Moscow.".into(),
    };
    // First vice president in March 2024, acting president in June.
    let corpus = Corpus { documents: vec![doc("a", "2024-03-01"), doc("b", "2024-06-15")], warnings: Vec::new() };
    let one = extractor.extract(&corpus, &ExtractOptions { threads: 1, ..ExtractOptions::default() });
    let two = extractor.extract(&corpus, &ExtractOptions { threads: 2, ..ExtractOptions::default() });
    assert_eq!(canonical(&one), canonical(&two));
    // Nodes describe entities at the corpus's reference date (the latest article).
    let mokhber = one.graph.node("person:mohammad-mokhber").unwrap();
    assert_eq!(mokhber.office.as_deref(), Some("President"));
}
