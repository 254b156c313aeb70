//! The app's model: the loaded corpus, its extraction, the current view and layout, and the
//! selection. No egui types here.

use std::collections::{BTreeMap, BTreeSet};

use petgraph::stable_graph::NodeIndex;

use super::command::Selection;
use super::loader::{Loaded, Sources};
use crate::corpus::Corpus;
use crate::extraction::Extraction;
use crate::graph::NodeData;
use crate::kb::{Date, KnowledgeBase};
use crate::layout::GraphLayout;
use crate::view::{self, SizeMeasure, View, ViewFilter};

pub struct Model {
    pub sources: Sources,
    pub corpus: Corpus,
    pub extraction: Extraction,
    /// The date blocs and offices are read at: the latest article date.
    pub date: Option<Date>,
    pub view: View,
    /// Bumped whenever `view` changes, so the canvas knows to rebuild.
    pub view_version: u64,
    pub layout: GraphLayout,
    pub selection: Option<Selection>,
    pub load_errors: Vec<String>,
    /// Node radii (layout units) for the chosen size measure, over the whole graph: sizes do
    /// not change as filters change.
    pub radii: BTreeMap<NodeIndex, f32>,
    /// Saved filters the user can switch between (kept in projects).
    pub named_views: Vec<crate::project::NamedView>,
    /// Articles the filter leaves out (their quotes are not listed).
    pub excluded_docs: BTreeSet<String>,
}

impl Model {
    pub fn new(loaded: Loaded, kb: &KnowledgeBase, filter: &ViewFilter) -> Self {
        let date = loaded.corpus.reference_date();
        let view = view::apply(&loaded.extraction.graph, kb, filter, date);
        Self {
            sources: loaded.sources,
            corpus: loaded.corpus,
            extraction: loaded.extraction,
            date,
            view,
            view_version: 0,
            layout: loaded.layout,
            selection: None,
            load_errors: loaded.errors,
            excluded_docs: filter.excluded_docs.clone(),
            radii: BTreeMap::new(),
            named_views: Vec::new(),
        }
    }

    pub fn refresh_view(&mut self, kb: &KnowledgeBase, filter: &ViewFilter) {
        self.view = view::apply(&self.extraction.graph, kb, filter, self.date);
        self.view_version += 1;
        self.excluded_docs.clone_from(&filter.excluded_docs);
        // A selection that the filter hid goes away with it.
        match self.selection {
            Some(Selection::Node(n)) if !self.view.contains_node(n) => self.selection = None,
            Some(Selection::Edge(e)) if !self.view.contains_edge(e) => self.selection = None,
            _ => {}
        }
    }

    /// Sizes nodes by `measure` (measured on the whole graph, default ties) and lets the layout
    /// make room for them.
    pub fn set_size_measure(&mut self, kb: &KnowledgeBase, measure: SizeMeasure) {
        let base = view::apply(&self.extraction.graph, kb, &ViewFilter::default(), self.date);
        self.radii = view::node_radii(&base, measure);
        self.layout.set_radii(&self.extraction.graph, &self.radii);
    }

    /// Nodes adjacent to `node` over visible edges.
    pub fn visible_neighbours(&self, node: NodeIndex) -> BTreeSet<NodeIndex> {
        let graph = &self.extraction.graph.graph;
        self.view
            .edges
            .iter()
            .filter_map(|e| graph.edge_endpoints(e.index))
            .filter_map(|(a, b)| {
                if a == node {
                    Some(b)
                } else if b == node {
                    Some(a)
                } else {
                    None
                }
            })
            .collect()
    }

    /// The label of a node id, if it is in the graph.
    pub fn label_of(&self, id: &str) -> Option<&str> {
        self.extraction.graph.node(id).map(|n| n.label.as_str())
    }

    /// "SCO member since 2024-07-04 · BRICS member" for a country (memberships active at the
    /// model's date).
    pub fn memberships_text(&self, node: &NodeData) -> String {
        node.memberships
            .iter()
            .filter(|m| match self.date {
                Some(d) => m.since.is_none_or(|s| s <= d) && m.until.is_none_or(|u| d < u),
                None => m.until.is_none(),
            })
            .map(|m| {
                let org = m.org.strip_prefix("org:").unwrap_or(&m.org);
                let status = m.status.as_str().replace('_', " ");
                match m.since {
                    Some(since) => format!("{org} {status} since {since}"),
                    None => format!("{org} {status}"),
                }
            })
            .collect::<Vec<_>>()
            .join(" · ")
    }

    /// Nodes whose label or alias matches `query` (accent- and case-insensitive), best first:
    /// exact, then prefix, then substring; visible nodes before hidden ones.
    pub fn search(&self, query: &str) -> Vec<NodeIndex> {
        let q = crate::extract::fold::fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let graph = &self.extraction.graph.graph;
        let mut hits: Vec<(u8, bool, String, NodeIndex)> = Vec::new();
        for index in graph.node_indices() {
            let node = &graph[index];
            let names = std::iter::once(&node.label).chain(&node.aliases);
            let rank = names
                .map(|n| {
                    let f = crate::extract::fold::fold(n);
                    if f == q {
                        0
                    } else if f.starts_with(&q) || f.split(' ').any(|w| w.starts_with(&q)) {
                        1
                    } else if f.contains(&q) {
                        2
                    } else {
                        3
                    }
                })
                .min()
                .unwrap_or(3);
            if rank < 3 {
                hits.push((rank, !self.view.contains_node(index), node.label.clone(), index));
            }
        }
        hits.sort();
        hits.into_iter().map(|h| h.3).collect()
    }

    /// The title of a document; for an article without a headline, its first words (an id like
    /// `000_b23909d84b658e04` tells a reader nothing).
    pub fn doc_title(&self, doc: &str) -> String {
        if let Some(title) = self.extraction.documents.iter().find(|d| d.id == doc).and_then(|d| d.title.clone()) {
            return title;
        }
        match self.doc_text(doc) {
            Some(text) => {
                let words: Vec<&str> = text.split_whitespace().take(9).collect();
                let more = text.split_whitespace().nth(9).is_some();
                format!("{}{}", words.join(" "), if more { "…" } else { "" })
            }
            None => doc.to_string(),
        }
    }

    /// The date blocs are read at, when the user chose one other than the articles' own.
    pub fn chosen_date(&self) -> Option<crate::kb::Date> {
        self.date.filter(|d| Some(*d) != self.corpus.reference_date())
    }

    pub fn doc_text(&self, doc: &str) -> Option<&str> {
        self.corpus.documents.iter().find(|d| d.id == doc).map(|d| &*d.text)
    }
}
