//! Exports of a map: images (`scene` -> `svg`, `png`) and data for other tools (`gexf`,
//! `graphml`, `table` for CSV and the evidence appendix, JSON with positions). Everything is
//! drawn or written from a `MapSnapshot`, sorted, so the same map gives the same bytes.

pub mod data;
pub mod png;
pub mod scene;
pub mod svg;

use std::collections::BTreeMap;

use petgraph::stable_graph::NodeIndex;

use crate::extraction::Extraction;
use crate::view::View;

/// Everything an export needs: the extraction, what is visible, where it is, how big.
pub struct MapSnapshot<'a> {
    pub extraction: &'a Extraction,
    pub view: &'a View,
    /// Layout positions by node id.
    pub positions: &'a BTreeMap<String, [f32; 2]>,
    /// Node radii in layout units.
    pub radii: &'a BTreeMap<NodeIndex, f32>,
    pub pinned: &'a BTreeMap<String, [f32; 2]>,
    /// Articles the filter leaves out: their quotes are not exported.
    pub excluded_docs: &'a std::collections::BTreeSet<String>,
    /// An article's text by id (quotes in the evidence appendix).
    pub doc_text: &'a dyn Fn(&str) -> Option<&'a str>,
}

impl MapSnapshot<'_> {
    pub fn scene(&self, options: &scene::ImageOptions) -> scene::Scene {
        scene::Scene::build(&self.extraction.graph, self.view, self.positions, self.radii, self.pinned, options)
    }
}
