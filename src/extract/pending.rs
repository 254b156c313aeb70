//! What reading a run of documents gathers before it goes into the graph: mentions by node,
//! text edges (co-mentions, meetings) and structural edges by a key of entity numbers, with
//! documents as the graph's document numbers and sentences as indices, so the reading loop
//! neither compares ids nor clones them. [`Pending::flush`] moves it into the graph once at the
//! end.

use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;
use rustc_hash::FxHashMap;

use crate::graph::{DocNo, EdgeData, EdgeKind, Evidence, MentionRef, RelGraph, SortedSet};

/// Entity numbers of an edge, its kind and a number for its status.
pub(super) type EdgeNo = (u32, u32, EdgeKind, u8);

/// An edge being gathered: its key and details in `data`; evidence and documents come at flush.
pub(super) struct PendingEdge {
    pub data: EdgeData,
    pub evidence: Vec<Evidence>,
    /// Documents of a structural edge.
    pub docs: Vec<DocNo>,
}

#[derive(Default)]
pub(super) struct Pending {
    /// Edges in the order they were first seen, and where each key's edge is.
    edges: Vec<PendingEdge>,
    edge_at: FxHashMap<EdgeNo, u32>,
    /// Names the knowledge base does not know, numbered as they come.
    pub unknown: FxHashMap<Arc<str>, u32>,
    /// The graph node of each known entity, by entity number, once looked up.
    pub nodes: Vec<Option<NodeIndex>>,
    /// Mentions by node index.
    mentions: Vec<Vec<MentionRef>>,
}

impl Pending {
    /// Ready to read with `entities` known entities.
    pub fn new(entities: usize) -> Self {
        Self { nodes: vec![None; entities], ..Self::default() }
    }

    /// The edge with key `no`, made by `make` if there is none yet; `true` when it is new.
    pub fn edge(&mut self, no: EdgeNo, make: impl FnOnce() -> PendingEdge) -> (&mut PendingEdge, bool) {
        let next = u32::try_from(self.edges.len()).unwrap_or(u32::MAX);
        let at = *self.edge_at.entry(no).or_insert(next);
        let new = at == next;
        if new {
            self.edges.push(make());
        }
        (&mut self.edges[at as usize], new)
    }

    pub fn add_mention(&mut self, node: NodeIndex, mention: MentionRef) {
        let i = node.index();
        if self.mentions.len() <= i {
            self.mentions.resize_with(i + 1, Vec::new);
        }
        self.mentions[i].push(mention);
    }

    /// Adds everything gathered to `graph`: mentions to their nodes, then the edges.
    pub fn flush(self, graph: &mut RelGraph) {
        let Self { edges, mentions, .. } = self;
        for (i, mut list) in mentions.into_iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            // Documents are mostly read in id order, sentences always in order.
            if !list.windows(2).all(|w| w[0] < w[1]) {
                list.sort_unstable();
                list.dedup();
            }
            let Some(node) = graph.graph.node_weight_mut(NodeIndex::new(i)) else { continue };
            if node.mentions.is_empty() {
                node.mentions = SortedSet::from_sorted(list);
            } else {
                node.mentions.extend(list);
            }
        }
        // In the order first seen: any fixed order will do, the graph's output is sorted by key.
        for edge in edges {
            let PendingEdge { mut data, mut evidence, mut docs } = edge;
            if !evidence.windows(2).all(|w| (w[0].doc, w[0].sentence) < (w[1].doc, w[1].sentence)) {
                // Documents not read in id order, or two with one id: the first reading of a
                // sentence keeps its byte range and takes the other's mentions.
                evidence.sort_by_key(|e| (e.doc, e.sentence));
                let mut merged: Vec<Evidence> = Vec::with_capacity(evidence.len());
                for e in evidence {
                    match merged.last_mut() {
                        Some(last) if (last.doc, last.sentence) == (e.doc, e.sentence) => {
                            last.mentions.extend(e.mentions);
                            last.mentions.sort_unstable();
                            last.mentions.dedup();
                        }
                        _ => merged.push(e),
                    }
                }
                evidence = merged;
            }
            if docs.is_empty() {
                // Evidence is sorted by document.
                docs.extend(evidence.iter().map(|e| e.doc));
                docs.dedup();
            } else {
                docs.extend(evidence.iter().map(|e| e.doc));
                docs.sort_unstable();
                docs.dedup();
            }
            data.docs = SortedSet::from_sorted(docs);
            data.evidence = evidence;
            graph.upsert_edge(data);
        }
    }
}
