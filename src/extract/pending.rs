//! What reading a run of documents gathers before it goes into the graph: mentions by node,
//! text edges (co-mentions, meetings) and structural edges by a key of entity numbers, with
//! documents as the graph's document numbers and sentences as indices, so the reading loop
//! neither compares ids nor clones them. [`Pending::flush`] moves it into the graph once at the
//! end.
//!
//! Evidence goes to one log in reading order, not to its edge: an edge's evidence list is
//! somewhere else in memory for every pair of a sentence, and appending to it was a cache miss
//! or three per pair. The flush sorts the log by edge (stable, so reading order is kept).

use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;
use rustc_hash::FxHashMap;

use crate::graph::{DocNo, EdgeData, EdgeKind, Evidence, MentionRef, RelGraph, SortedSet};

/// Entity numbers of an edge, its kind and a number for its status.
pub(super) type EdgeNo = (u32, u32, EdgeKind, u8);

/// An edge being gathered: its key and details in `data`; evidence and documents come at flush.
pub(super) struct PendingEdge {
    pub data: EdgeData,
    /// Documents of a structural edge.
    pub docs: Vec<DocNo>,
}

#[derive(Default)]
pub(super) struct Pending {
    /// Edges in the order they were first seen, and where each key's edge is.
    edges: Vec<PendingEdge>,
    edge_at: FxHashMap<EdgeNo, u32>,
    /// Evidence of text edges in reading order, with the edge's place in `edges`.
    evidence: Vec<(u32, Evidence)>,
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

    /// The place of the edge with key `no`, made by `make` if there is none yet; `true` when it
    /// is new.
    fn edge_at(&mut self, no: EdgeNo, make: impl FnOnce() -> PendingEdge) -> (u32, bool) {
        let next = u32::try_from(self.edges.len()).unwrap_or(u32::MAX);
        let at = *self.edge_at.entry(no).or_insert(next);
        let new = at == next;
        if new {
            self.edges.push(make());
        }
        (at, new)
    }

    /// The edge with key `no`, made by `make` if there is none yet; `true` when it is new.
    pub fn edge(&mut self, no: EdgeNo, make: impl FnOnce() -> PendingEdge) -> (&mut PendingEdge, bool) {
        let (at, new) = self.edge_at(no, make);
        (&mut self.edges[at as usize], new)
    }

    /// Adds a sentence's evidence to the text edge with key `no`, made by `make` if there is
    /// none yet.
    pub fn add_evidence(&mut self, no: EdgeNo, make: impl FnOnce() -> PendingEdge, evidence: Evidence) {
        let (at, _) = self.edge_at(no, make);
        self.evidence.push((at, evidence));
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
        let Self { edges, mentions, evidence, .. } = self;
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
        let mut by_edge = evidence_by_edge(evidence, edges.len());
        // In the order first seen: any fixed order will do, the graph's output is sorted by key.
        for (edge, mut evidence) in edges.into_iter().zip(by_edge.drain(..)) {
            let PendingEdge { mut data, mut docs } = edge;
            if !evidence.windows(2).all(|w| (w[0].doc, w[0].sentence) < (w[1].doc, w[1].sentence)) {
                // Documents not read in id order, or two with one id: the first reading of a
                // sentence keeps its byte range and takes the other's mentions.
                evidence.sort_by_key(|e| (e.doc, e.sentence));
                let mut merged: Vec<Evidence> = Vec::with_capacity(evidence.len());
                for e in evidence {
                    push_sentence(&mut merged, e);
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

/// The log's evidence by edge (`edges` of them), each edge's in reading order, one entry a
/// sentence: the same sentence again (two mentions of one entity, or a co-mention and a meeting
/// of one pair) adds its mentions to the entry before.
fn evidence_by_edge(log: Vec<(u32, Evidence)>, edges: usize) -> Vec<Vec<Evidence>> {
    let mut counts = vec![0usize; edges];
    for (at, _) in &log {
        counts[*at as usize] += 1;
    }
    let mut by_edge: Vec<Vec<Evidence>> = counts.into_iter().map(Vec::with_capacity).collect();
    // Documents are read in order, and sentences.
    for (at, ev) in log {
        push_sentence(&mut by_edge[at as usize], ev);
    }
    by_edge
}

/// Adds `ev` to `list`, sorted by sentence: a sentence already last in the list takes its
/// mentions instead.
fn push_sentence(list: &mut Vec<Evidence>, ev: Evidence) {
    match list.last_mut() {
        Some(last) if (last.doc, last.sentence) == (ev.doc, ev.sentence) => {
            last.mentions.extend(ev.mentions);
            last.mentions.sort_unstable();
            last.mentions.dedup();
        }
        _ => list.push(ev),
    }
}
