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
        let texts: BTreeMap<&str, &str> =
            self.corpus.documents.iter().map(|d| (d.id.as_str(), d.text.as_str())).collect();
        let doc_text = |id: &str| texts.get(id).copied();
        let excluded: BTreeSet<String> = self.filter.excluded_docs.clone();
        let snapshot = MapSnapshot {
            extraction: &self.extraction,
            view: &self.view,
            positions: &positions,
            radii: &self.radii,
            pinned: &pinned,
            excluded_docs: &excluded,
            doc_text: &doc_text,
        };
        f(&snapshot)
    }

    /// A one-line caption: articles, their dates, the date blocs are read at, active filters.
    pub fn caption(&self) -> String {
        let dates: Vec<Date> = self.extraction.documents.iter().filter_map(|d| d.date).collect();
        let range = match (dates.iter().min(), dates.iter().max()) {
            (Some(a), Some(b)) if a == b => format!(" · {a}"),
            (Some(a), Some(b)) => format!(" · {a} – {b}"),
            _ => String::new(),
        };
        let n = self.extraction.documents.len();
        let mut text = format!("{n} article{}{range}", if n == 1 { "" } else { "s" });
        let mut filters = Vec::new();
        if !self.filter.only_blocs.is_empty() {
            filters.push(format!("only {}", blocs(&self.filter.only_blocs)));
        }
        if !self.filter.hidden_blocs.is_empty() {
            filters.push(format!("without {}", blocs(&self.filter.hidden_blocs)));
        }
        if self.filter.min_weight > 1 {
            filters.push(format!("ties of {}+ sentences", self.filter.min_weight));
        }
        if !filters.is_empty() {
            text.push_str(" · ");
            text.push_str(&filters.join(", "));
        }
        text
    }
}

fn blocs(set: &BTreeSet<view::Bloc>) -> String {
    set.iter().map(|b| b.label()).collect::<Vec<_>>().join(", ")
}
