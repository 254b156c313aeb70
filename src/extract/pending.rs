//! What reading a run of documents gathers before it goes into the graph: mentions by node,
//! text edges (co-mentions, meetings) and structural edges by a key of entity numbers, with
//! documents as ranks and sentences as indices, so the reading loop neither compares ids nor
//! clones them. [`Pending::flush`] turns it into graph data once at the end.

use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;
use rustc_hash::FxHashMap;

use crate::corpus::Document;
use crate::graph::{EdgeData, EdgeKind, Evidence, MentionRef, RelGraph, SortedSet, Spans};

/// Entity numbers of an edge, its kind and a number for its status.
pub(super) type EdgeNo = (u32, u32, EdgeKind, u8);

/// A document's rank: its place among the distinct ids of the documents read, so that ranks
/// sort as the ids do.
pub(super) type Rank = u32;

/// One mention: document rank, sentence index, byte range, described.
type PendingMention = (Rank, usize, usize, usize, bool);

/// One evidence sentence of a text edge.
pub(super) struct PendingEvidence {
    pub doc: Rank,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// Index into [`Pending::sentence_texts`].
    pub text: u32,
    pub mentions: Spans,
}

/// An edge being gathered: its key and details in `data`; evidence and documents come at flush.
pub(super) struct PendingEdge {
    pub data: EdgeData,
    pub evidence: Vec<PendingEvidence>,
    /// Documents of a structural edge.
    pub docs: Vec<Rank>,
}

#[derive(Default)]
pub(super) struct Pending {
    /// Ids by rank.
    doc_ids: Vec<Arc<str>>,
    /// The rank of each document, in reading order.
    pub ranks: Vec<Rank>,
    /// The text of every sentence that is evidence, once.
    pub sentence_texts: Vec<Arc<str>>,
    /// Edges in the order they were first seen, and where each key's edge is.
    edges: Vec<PendingEdge>,
    edge_at: FxHashMap<EdgeNo, u32>,
    /// Names the knowledge base does not know, numbered as they come.
    pub unknown: FxHashMap<Arc<str>, u32>,
    /// The graph node of each known entity, by entity number, once looked up.
    pub nodes: Vec<Option<NodeIndex>>,
    /// Mentions by node index.
    mentions: Vec<Vec<PendingMention>>,
}

impl Pending {
    /// Ready to read `docs`, in that order, with `entities` known entities.
    pub fn new(docs: &[Document], entities: usize) -> Self {
        let mut ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        let ranks = docs.iter().map(|d| rank_no(ids.binary_search(&d.id.as_str()).unwrap_or(0))).collect();
        Self {
            doc_ids: ids.into_iter().map(Arc::from).collect(),
            ranks,
            nodes: vec![None; entities],
            ..Self::default()
        }
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

    pub fn add_mention(&mut self, node: NodeIndex, mention: PendingMention) {
        let i = node.index();
        if self.mentions.len() <= i {
            self.mentions.resize_with(i + 1, Vec::new);
        }
        self.mentions[i].push(mention);
    }

    /// Adds everything gathered to `graph`: mentions to their nodes, then the edges.
    pub fn flush(self, graph: &mut RelGraph) {
        let Self { doc_ids, sentence_texts, edges, mentions, .. } = self;
        for (i, mut list) in mentions.into_iter().enumerate() {
            if list.is_empty() {
                continue;
            }
            // Documents are mostly read in id order, sentences always in order.
            if !list.windows(2).all(|w| w[0] < w[1]) {
                list.sort_unstable();
                list.dedup();
            }
            let refs = list.into_iter().map(|(doc, sentence, start, end, described)| MentionRef {
                doc: doc_ids[doc as usize].clone(),
                sentence,
                start,
                end,
                described,
            });
            let Some(node) = graph.graph.node_weight_mut(NodeIndex::new(i)) else { continue };
            if node.mentions.is_empty() {
                node.mentions = SortedSet::from_sorted(refs.collect());
            } else {
                node.mentions.extend(refs);
            }
        }
        // In the order first seen: any fixed order will do, the graph's output is sorted by key.
        for edge in edges {
            let PendingEdge { mut data, mut evidence, mut docs } = edge;
            if !evidence.windows(2).all(|w| (w[0].doc, w[0].sentence) < (w[1].doc, w[1].sentence)) {
                // Documents not read in id order, or two with one id: the first reading of a
                // sentence keeps its text and takes the other's mentions.
                evidence.sort_by_key(|e| (e.doc, e.sentence));
                let mut merged: Vec<PendingEvidence> = Vec::with_capacity(evidence.len());
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
            docs.extend(evidence.iter().map(|e| e.doc));
            docs.sort_unstable();
            docs.dedup();
            data.docs = SortedSet::from_sorted(docs.into_iter().map(|d| doc_ids[d as usize].clone()).collect());
            data.evidence = evidence
                .into_iter()
                .map(|e| Evidence {
                    doc: doc_ids[e.doc as usize].clone(),
                    sentence: e.sentence,
                    start: e.start,
                    end: e.end,
                    text: sentence_texts[e.text as usize].clone(),
                    mentions: e.mentions,
                })
                .collect();
            graph.upsert_edge(data);
        }
    }
}

fn rank_no(i: usize) -> Rank {
    Rank::try_from(i).unwrap_or(Rank::MAX)
}
