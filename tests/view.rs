//! The view model on the seeds: blocs at the corpus date, filters, focus, article exclusion and
//! measures. The app and the exporters draw this.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use relmap::view::{self, Bloc, EdgeClass, SizeMeasure, ViewFilter};
use relmap::{Corpus, ExtractOptions, Extraction, Extractor, KnowledgeBase};

fn seeds() -> (KnowledgeBase, Corpus, Extraction) {
    let kb = KnowledgeBase::builtin().unwrap();
    let corpus = Corpus::seeds();
    let ex = Extractor::new(&kb).extract(&corpus, &ExtractOptions::default());
    (kb, corpus, ex)
}

fn ids(ex: &Extraction, v: &view::View) -> Vec<String> {
    v.nodes.iter().map(|n| ex.graph.graph[n.index].id.clone()).collect()
}

#[test]
fn belarus_joins_the_sco_on_the_summits_second_day_and_never_nato() {
    let (kb, _, ex) = seeds();
    let blocs_on = |date: &str| {
        let v = view::apply(&ex.graph, &kb, &ViewFilter::default(), relmap::kb::parse_date(Some(date)).unwrap());
        v.nodes.iter().find(|n| ex.graph.graph[n.index].id == "country:BLR").unwrap().blocs.clone()
    };
    // The seeds' latest date is 3 July 2024: Belarus was still an observer.
    assert!(blocs_on("2024-07-03").contains(&Bloc::ScoObserver));
    let member = blocs_on("2024-07-04");
    assert!(member.contains(&Bloc::ScoMember) && !member.contains(&Bloc::ScoObserver), "{member:?}");
    assert!(!member.contains(&Bloc::Nato), "the text's NATO claim must not make it a member");
}

#[test]
fn hiding_a_bloc_hides_its_countries_leaders_and_organisation() {
    let (kb, corpus, ex) = seeds();
    let filter = ViewFilter { hidden_blocs: [Bloc::Nato].into(), ..ViewFilter::default() };
    let v = view::apply(&ex.graph, &kb, &filter, corpus.reference_date());
    let shown = ids(&ex, &v);
    for gone in ["country:TUR", "person:recep-tayyip-erdogan", "org:NATO", "country:USA"] {
        assert!(!shown.contains(&gone.to_string()), "{gone} still shown");
    }
    assert!(shown.contains(&"country:CHN".to_string()));
    // Edges only join visible nodes.
    for e in &v.edges {
        let (a, b) = ex.graph.graph.edge_endpoints(e.index).unwrap();
        assert!(v.contains_node(a) && v.contains_node(b));
    }
}

#[test]
fn structural_ties_are_off_by_default_and_come_back_on_request() {
    let (kb, corpus, ex) = seeds();
    let v = view::apply(&ex.graph, &kb, &ViewFilter::default(), corpus.reference_date());
    assert!(v.edges.iter().all(|e| !matches!(e.class, EdgeClass::Leads | EdgeClass::MemberOf)));
    let mut filter = ViewFilter::default();
    filter.edge_classes.insert(EdgeClass::MemberOf);
    let v = view::apply(&ex.graph, &kb, &filter, corpus.reference_date());
    assert!(v.edges.iter().any(|e| e.class == EdgeClass::MemberOf));
}

#[test]
fn leaving_out_an_article_lowers_weights_and_drops_what_only_it_names() {
    let (kb, corpus, ex) = seeds();
    let all = view::apply(&ex.graph, &kb, &ViewFilter::default(), corpus.reference_date());
    let doc = corpus.documents[0].id.clone();
    let filter = ViewFilter { excluded_docs: [doc.clone()].into(), ..ViewFilter::default() };
    let some = view::apply(&ex.graph, &kb, &filter, corpus.reference_date());
    let total = |v: &view::View| v.edges.iter().map(|e| e.weight).sum::<usize>();
    assert!(total(&some) < total(&all));
    // Every remaining edge's weight counts only sentences of the other articles.
    for e in &some.edges {
        let data = &ex.graph.graph[e.index];
        if !data.key.kind.is_structural() {
            assert_eq!(e.weight, data.evidence.iter().filter(|ev| ex.graph.doc_id(ev.doc) != doc).count());
        }
    }
}

#[test]
fn focus_keeps_the_neighbourhood_only() {
    let (kb, corpus, ex) = seeds();
    let focus = "person:shehbaz-sharif".to_string();
    let one = ViewFilter { focus: Some((focus.clone(), 1)), ..ViewFilter::default() };
    let two = ViewFilter { focus: Some((focus.clone(), 2)), ..ViewFilter::default() };
    let all = view::apply(&ex.graph, &kb, &ViewFilter::default(), corpus.reference_date());
    let v1 = view::apply(&ex.graph, &kb, &one, corpus.reference_date());
    let v2 = view::apply(&ex.graph, &kb, &two, corpus.reference_date());
    assert!(ids(&ex, &v1).contains(&focus));
    assert!(
        v1.nodes.len() < v2.nodes.len() && v2.nodes.len() <= all.nodes.len(),
        "{} {} {}",
        v1.nodes.len(),
        v2.nodes.len(),
        all.nodes.len()
    );
    let sharif = ex.graph.node_index(&focus).unwrap();
    for n in &v1.nodes {
        if n.index != sharif {
            assert!(v1.edges.iter().any(|e| {
                let (a, b) = ex.graph.graph.edge_endpoints(e.index).unwrap();
                (a, b) == (sharif, n.index) || (b, a) == (sharif, n.index)
            }));
        }
    }
    // A focus on an entity that is not in the graph (a saved filter from another corpus) is ignored.
    let stale = ViewFilter { focus: Some(("person:nobody".into(), 1)), ..ViewFilter::default() };
    assert_eq!(view::apply(&ex.graph, &kb, &stale, corpus.reference_date()).nodes.len(), all.nodes.len());
}

#[test]
fn measures_rank_the_hubs_first() {
    let (kb, corpus, ex) = seeds();
    let v = view::apply(&ex.graph, &kb, &ViewFilter::default(), corpus.reference_date());
    let top = |m: SizeMeasure| {
        let best = v.nodes.iter().max_by(|a, b| a.measure(m).total_cmp(&b.measure(m))).unwrap();
        ex.graph.graph[best.index].id.clone()
    };
    // Russia (named, and as "Russian", "Moscow", "the Kremlin") and its president lead the seeds.
    let mut by_mentions: Vec<_> = v.nodes.iter().collect();
    by_mentions.sort_by_key(|n| std::cmp::Reverse(n.mentions));
    let top2: Vec<&str> = by_mentions[..2].iter().map(|n| ex.graph.graph[n.index].id.as_str()).collect();
    assert!(top2.contains(&"country:RUS") && top2.contains(&"person:vladimir-putin"), "{top2:?}");
    assert_eq!(top(SizeMeasure::Mentions), "country:RUS");
    assert_eq!(top(SizeMeasure::WeightedDegree), "person:vladimir-putin");
    let radii = view::node_radii(&v, SizeMeasure::Mentions);
    let russia = ex.graph.node_index("country:RUS").unwrap();
    assert!((radii[&russia] - 18.0).abs() < 1e-4, "the most mentioned gets the largest radius");
    assert!(radii.values().all(|r| *r <= radii[&russia] && *r >= 4.0));
}
