//! A map without a window: an extraction, the view a filter makes of it, and its layout run to
//! rest. The command line exports from a `Map`; the app keeps the same pieces in its model.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::NodeIndex;

use crate::corpus::Corpus;
use crate::export::MapSnapshot;
use crate::extract::{ExtractOptions, Extractor};
use crate::extraction::Extraction;
use crate::kb::{Date, KnowledgeBase};
use crate::layout::{GraphLayout, LayoutSettings};
use crate::view::{self, SizeMeasure, View, ViewFilter};

pub struct Map {
    pub corpus: Corpus,
    pub extraction: Extraction,
    /// The date blocs are read at.
    pub date: Option<Date>,
    pub filter: ViewFilter,
    pub view: View,
    pub layout: GraphLayout,
    pub radii: BTreeMap<NodeIndex, f32>,
}

impl Map {
    /// Extracts `corpus`, applies `filter` and runs the layout (seeded by `layout.seed`) to rest.
    /// `known` positions are kept; `pinned` nodes stay where they are.
    pub fn build(
        kb: &KnowledgeBase,
        corpus: Corpus,
        filter: ViewFilter,
        measure: SizeMeasure,
        layout: LayoutSettings,
        known: &BTreeMap<String, [f32; 2]>,
        pinned: &BTreeMap<String, [f32; 2]>,
    ) -> Map {
        let extraction = Extractor::new(kb).extract(&corpus, &ExtractOptions::default());
        let date = corpus.reference_date();
        let base = view::apply(&extraction.graph, kb, &ViewFilter::default(), date);
        let radii = view::node_radii(&base, measure);
        let mut graph_layout = GraphLayout::new(&extraction.graph, layout, known, pinned);
        graph_layout.set_radii(&extraction.graph, &radii);
        graph_layout.engine.run_to_rest();
        let view = view::apply(&extraction.graph, kb, &filter, date);
        Map { corpus, extraction, date, filter, view, layout: graph_layout, radii }
    }

    /// What the exporters need, borrowed from this map.
    pub fn with_snapshot<R>(&self, f: impl FnOnce(&MapSnapshot<'_>) -> R) -> R {
        let positions = self.layout.positions_by_id();
        let pinned = self.layout.pinned_by_id();
        let excluded: BTreeSet<String> = self.filter.excluded_docs.clone();
        let snapshot = MapSnapshot {
            extraction: &self.extraction,
            view: &self.view,
            positions: &positions,
            radii: &self.radii,
            pinned: &pinned,
            excluded_docs: &excluded,
        };
        f(&snapshot)
    }

    /// A one-line caption: articles, their dates, active filters (see [`caption`]).
    pub fn caption(&self) -> String {
        caption(&self.extraction, &self.filter, None)
    }
}

/// A one-line caption for a slide of a map: how many articles (and how many the filter leaves
/// out), their dates, the date blocs are read at (`as_of`, when the user chose one), and the
/// filters that hide something: blocs, kinds of entity, kinds of tie, weights, a focus.
pub fn caption(extraction: &Extraction, filter: &ViewFilter, as_of: Option<Date>) -> String {
    let docs = || extraction.documents.iter().filter(|d| !filter.excluded_docs.contains(&d.id));
    let dates: Vec<Date> = docs().filter_map(|d| d.date).collect();
    let range = match (dates.iter().min(), dates.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(" · {a}"),
        (Some(a), Some(b)) => format!(" · {a} – {b}"),
        _ => String::new(),
    };
    let n = docs().count();
    let mut text = format!("{n} article{}", if n == 1 { "" } else { "s" });
    let left_out = extraction.documents.len() - n;
    if left_out > 0 {
        text.push_str(&format!(" ({left_out} left out)"));
    }
    text.push_str(&range);
    if let Some(date) = as_of {
        text.push_str(&format!(" · blocs as of {date}"));
    }
    let mut filters = Vec::new();
    if let Some((id, depth)) = &filter.focus {
        let label = (extraction.graph.node_index(id).and_then(|i| extraction.graph.graph.node_weight(i)))
            .map_or(id.as_str(), |n| n.label.as_str());
        let within = if *depth > 1 { format!(" ({depth} steps)") } else { String::new() };
        filters.push(format!("around {label}{within}"));
    }
    if !filter.only_blocs.is_empty() {
        filters.push(format!("only {}", blocs(&filter.only_blocs)));
    }
    if !filter.hidden_blocs.is_empty() {
        filters.push(format!("without {}", blocs(&filter.hidden_blocs)));
    }
    let hidden_kinds: Vec<&str> = [
        (filter.show_countries, "countries"),
        (filter.show_leaders, "leaders"),
        (filter.show_organisations, "organisations"),
    ]
    .into_iter()
    .filter_map(|(shown, kind)| (!shown).then_some(kind))
    .collect();
    if !hidden_kinds.is_empty() {
        filters.push(format!("no {}", hidden_kinds.join(" or ")));
    }
    if filter.edge_classes != ViewFilter::default().edge_classes {
        let ties: Vec<String> = filter.edge_classes.iter().map(|c| c.label().to_lowercase()).collect();
        filters.push(if ties.is_empty() { "no ties".into() } else { format!("ties: {}", ties.join(", ")) });
    }
    if filter.min_weight > 1 {
        filters.push(format!("ties of {}+ sentences", filter.min_weight));
    }
    if !filters.is_empty() {
        text.push_str(" · ");
        text.push_str(&filters.join(", "));
    }
    text
}

/// A slide's caption line: the user's title, then (when `details`) what the map shows.
pub fn caption_line(title: &str, details: Option<String>) -> Option<String> {
    match (title.trim(), details) {
        ("", details) => details,
        (title, None) => Some(title.to_string()),
        (title, Some(details)) => Some(format!("{title} — {details}")),
    }
}

fn blocs(set: &BTreeSet<view::Bloc>) -> String {
    set.iter().map(|b| b.label()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{Bloc, EdgeClass};

    fn seeds() -> Extraction {
        let kb = KnowledgeBase::builtin().unwrap();
        Extractor::new(&kb).extract(&Corpus::seeds(), &ExtractOptions::default())
    }

    #[test]
    fn the_caption_says_what_the_map_leaves_out() {
        let ex = seeds();
        assert_eq!(caption(&ex, &ViewFilter::default(), None), "5 articles · 2024-07-03");
        let first = ex.documents.iter().next().unwrap().id.clone();
        let filter = ViewFilter {
            hidden_blocs: [Bloc::Nato].into(),
            show_organisations: false,
            edge_classes: [EdgeClass::MeetingHeld].into(),
            min_weight: 2,
            excluded_docs: [first].into(),
            focus: Some(("person:vladimir-putin".into(), 2)),
            ..ViewFilter::default()
        };
        let as_of = crate::kb::parse_date(Some("2024-01-01")).unwrap();
        assert_eq!(
            caption(&ex, &filter, as_of),
            "4 articles (1 left out) · 2024-07-03 · blocs as of 2024-01-01 · around Vladimir Putin \
             (2 steps), without NATO, no organisations, ties: meetings held, ties of 2+ sentences"
        );
    }

    #[test]
    fn a_title_heads_the_caption_line() {
        assert_eq!(caption_line("  ", Some("5 articles".into())), Some("5 articles".into()));
        assert_eq!(caption_line("Astana", None), Some("Astana".into()));
        assert_eq!(caption_line("Astana", Some("5 articles".into())), Some("Astana — 5 articles".into()));
        assert_eq!(caption_line("", None), None);
    }
}
