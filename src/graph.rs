//! The relationship graph: a petgraph `StableGraph` of typed nodes and edges with an id index,
//! the evidence behind every node and edge, the queries the app needs, and an associative,
//! commutative merge.

use std::sync::Arc;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::kb::{Date, MemberStatus};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NodeKind {
    Country,
    Leader,
    Organisation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeKind {
    CoMention,
    Meeting,
    Leads,
    MemberOf,
}

impl EdgeKind {
    /// Edges that come from the knowledge base rather than from a sentence.
    pub fn is_structural(self) -> bool {
        matches!(self, Self::Leads | Self::MemberOf)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::CoMention => "co_mention",
            Self::Meeting => "meeting",
            Self::Leads => "leads",
            Self::MemberOf => "member_of",
        }
    }
}

/// Byte ranges of mentions; two fit without a heap allocation (the usual pair).
pub type Spans = smallvec::SmallVec<[(usize, usize); 2]>;

/// A set kept as a sorted vector. Inserting in order, the usual case while documents are read
/// in id order, is a push; anything else is a binary search.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SortedSet<T: Ord>(Vec<T>);

impl<T: Ord> Default for SortedSet<T> {
    fn default() -> Self {
        Self(Vec::new())
    }
}

impl<T: Ord> SortedSet<T> {
    pub fn new() -> Self {
        Self::default()
    }

    /// A set from a vector already sorted and without duplicates.
    pub(crate) fn from_sorted(values: Vec<T>) -> Self {
        debug_assert!(values.windows(2).all(|w| w[0] < w[1]));
        Self(values)
    }

    /// Inserts `value`; `false` when it was already there.
    pub fn insert(&mut self, value: T) -> bool {
        match self.0.last() {
            Some(last) if *last >= value => match self.0.binary_search(&value) {
                Ok(_) => false,
                Err(i) => {
                    self.0.insert(i, value);
                    true
                }
            },
            _ => {
                self.0.push(value);
                true
            }
        }
    }

    pub fn contains<Q: Ord + ?Sized>(&self, value: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.0.binary_search_by(|x| x.borrow().cmp(value)).is_ok()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T: Ord> Extend<T> for SortedSet<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for v in iter {
            self.insert(v);
        }
    }
}

impl<T: Ord> FromIterator<T> for SortedSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Self::new();
        set.extend(iter);
        set
    }
}

impl<'a, T: Ord> IntoIterator for &'a SortedSet<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl<T: Ord> IntoIterator for SortedSet<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// Where an entity is named: document, sentence index and byte range of the mention.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MentionRef {
    pub doc: Arc<str>,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// True when the text describes the entity ("the Russian president") rather than names it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub described: bool,
}

/// A membership as shown on a node.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MembershipInfo {
    pub org: String,
    pub status: MemberStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
}

/// Everything known about an entity, from the knowledge base and from the text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct NodeData {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub memberships: Vec<MembershipInfo>,
    /// A person the knowledge base does not know, named after an office title in the text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub candidate: bool,
    pub mentions: SortedSet<MentionRef>,
}

/// One sentence behind an edge, with the byte ranges of the entities in it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: Arc<str>,
    pub sentence: usize,
    /// Byte range of the sentence in the document's text.
    pub start: usize,
    pub end: usize,
    /// Shared by every edge of the sentence.
    pub text: Arc<str>,
    /// Byte ranges (in the document) of the two entities' mentions in this sentence, sorted.
    pub mentions: Spans,
}

/// What identifies an edge: the same key from two extractions is the same edge.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EdgeKey {
    pub source: Arc<str>,
    pub target: Arc<str>,
    pub kind: EdgeKind,
    /// `held`/`planned` for meetings, the membership status for `member_of`.
    pub status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EdgeData {
    pub key: EdgeKey,
    /// Sentences behind the edge, sorted by (document, sentence index), one per sentence.
    pub evidence: Vec<Evidence>,
    /// Documents the edge comes from.
    pub docs: SortedSet<Arc<str>>,
    /// For `leads` the office, for `member_of` the dates of the membership.
    pub detail: Option<String>,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl EdgeData {
    pub fn new(key: EdgeKey) -> Self {
        Self { key, evidence: Vec::new(), docs: SortedSet::new(), detail: None, since: None, until: None }
    }

    /// Sentences for text edges, documents for structural ones.
    pub fn weight(&self) -> usize {
        if self.key.kind.is_structural() { self.docs.len() } else { self.evidence.len() }
    }

    pub fn add_evidence(&mut self, ev: Evidence) {
        if self.docs.iter().next_back() != Some(&ev.doc) {
            self.docs.insert(ev.doc.clone());
        }
        let key = (&ev.doc, ev.sentence);
        let at = match self.evidence.last() {
            Some(last) if (&last.doc, last.sentence) >= key => {
                self.evidence.binary_search_by(|e| (&e.doc, e.sentence).cmp(&key))
            }
            _ => Err(self.evidence.len()),
        };
        match at {
            Ok(i) => {
                let mentions = &mut self.evidence[i].mentions;
                mentions.extend(ev.mentions);
                mentions.sort_unstable();
                mentions.dedup();
            }
            Err(i) => self.evidence.insert(i, ev),
        }
    }

    fn absorb(&mut self, other: EdgeData) {
        for ev in other.evidence {
            self.add_evidence(ev);
        }
        self.docs.extend(other.docs);
        self.detail = self.detail.take().max(other.detail);
        self.since = self.since.max(other.since);
        self.until = self.until.max(other.until);
    }
}

/// The graph with its id indices.
#[derive(Debug, Clone, Default)]
pub struct RelGraph {
    pub graph: StableGraph<NodeData, EdgeData>,
    nodes_by_id: FxHashMap<String, NodeIndex>,
    edges_by_key: FxHashMap<EdgeKey, EdgeIndex>,
}

impl RelGraph {
    pub fn node_index(&self, id: &str) -> Option<NodeIndex> {
        self.nodes_by_id.get(id).copied()
    }

    pub fn node(&self, id: &str) -> Option<&NodeData> {
        self.node_index(id).map(|i| &self.graph[i])
    }

    pub fn edge(&self, key: &EdgeKey) -> Option<&EdgeData> {
        self.edges_by_key.get(key).map(|&i| &self.graph[i])
    }

    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Adds a mention to an existing node; `false` when there is no node with that id.
    pub fn add_mention(&mut self, id: &str, mention: MentionRef) -> bool {
        match self.nodes_by_id.get(id) {
            Some(&i) => {
                self.graph[i].mentions.insert(mention);
                true
            }
            None => false,
        }
    }

    /// Adds a node, or merges its mentions into the node with the same id.
    pub fn upsert_node(&mut self, node: NodeData) -> NodeIndex {
        match self.nodes_by_id.get(&node.id) {
            Some(&i) => {
                let old = &mut self.graph[i];
                old.mentions.extend(node.mentions);
                if (&node.label, &node.office, &node.country) > (&old.label, &old.office, &old.country) {
                    old.label = node.label;
                    old.office = node.office;
                    old.country = node.country;
                }
                for a in node.aliases {
                    if !old.aliases.contains(&a) {
                        old.aliases.push(a);
                    }
                }
                old.aliases.sort();
                for m in node.memberships {
                    if !old.memberships.contains(&m) {
                        old.memberships.push(m);
                    }
                }
                old.memberships.sort();
                i
            }
            None => {
                let id = node.id.clone();
                let i = self.graph.add_node(node);
                self.nodes_by_id.insert(id, i);
                i
            }
        }
    }

    /// Adds an edge between two existing nodes, or merges it into the edge with the same key.
    /// Returns `None` when an endpoint is missing.
    pub fn upsert_edge(&mut self, edge: EdgeData) -> Option<EdgeIndex> {
        if let Some(&i) = self.edges_by_key.get(&edge.key) {
            self.graph[i].absorb(edge);
            return Some(i);
        }
        let a = self.node_index(&edge.key.source)?;
        let b = self.node_index(&edge.key.target)?;
        let key = edge.key.clone();
        let i = self.graph.add_edge(a, b, edge);
        self.edges_by_key.insert(key, i);
        Some(i)
    }

    /// Nodes sorted by id.
    pub fn nodes_sorted(&self) -> Vec<&NodeData> {
        let mut nodes: Vec<&NodeData> = self.graph.node_weights().collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        nodes
    }

    /// Edges sorted by key.
    pub fn edges_sorted(&self) -> Vec<&EdgeData> {
        let mut edges: Vec<&EdgeData> = self.graph.edge_weights().collect();
        edges.sort_by(|a, b| a.key.cmp(&b.key));
        edges
    }

    /// Ids of the nodes linked to `id` by any edge, sorted.
    pub fn neighbours(&self, id: &str) -> Vec<&str> {
        let Some(i) = self.node_index(id) else { return Vec::new() };
        let mut out: Vec<&str> = self.graph.neighbors_undirected(i).map(|n| self.graph[n].id.as_str()).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Edges of one kind, sorted by key.
    pub fn edges_of_kind(&self, kind: EdgeKind) -> Vec<&EdgeData> {
        self.edges_sorted().into_iter().filter(|e| e.key.kind == kind).collect()
    }

    /// The edges touching `id`, sorted by key.
    pub fn edges_of(&self, id: &str) -> Vec<&EdgeData> {
        let Some(i) = self.node_index(id) else { return Vec::new() };
        let mut out: Vec<&EdgeData> = self
            .graph
            .edges_directed(i, petgraph::Direction::Outgoing)
            .chain(self.graph.edges_directed(i, petgraph::Direction::Incoming))
            .map(|e| &self.graph[petgraph::visit::EdgeRef::id(&e)])
            .collect();
        out.sort_by(|a, b| a.key.cmp(&b.key));
        out
    }

    /// The evidence sentences of an edge, in document order.
    pub fn evidence(&self, key: &EdgeKey) -> Vec<&Evidence> {
        self.edge(key).map(|e| e.evidence.iter().collect()).unwrap_or_default()
    }

    /// Nodes that hold `status` in `org` at `date` (by the memberships on the nodes), sorted by id.
    pub fn entities_in(&self, org: &str, status: MemberStatus, date: Option<Date>) -> Vec<&str> {
        self.nodes_sorted()
            .into_iter()
            .filter(|n| {
                n.memberships.iter().any(|m| {
                    m.org == org
                        && m.status == status
                        && match date {
                            Some(d) => m.since.is_none_or(|s| s <= d) && m.until.is_none_or(|u| d < u),
                            None => m.until.is_none(),
                        }
                })
            })
            .map(|n| n.id.as_str())
            .collect()
    }

    /// Merges `other` into `self`: nodes by id, edges by key, evidence by sentence.
    pub fn merge(&mut self, other: &RelGraph) {
        self.merge_owned(other.clone());
    }

    /// Like [`RelGraph::merge`], moving `other`'s data instead of copying it.
    pub fn merge_owned(&mut self, mut other: RelGraph) {
        let mut edges: Vec<EdgeData> = other
            .graph
            .edge_indices()
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(|e| other.graph.remove_edge(e))
            .collect();
        let mut nodes: Vec<NodeData> = other
            .graph
            .node_indices()
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(|n| other.graph.remove_node(n))
            .collect();
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        edges.sort_by(|a, b| a.key.cmp(&b.key));
        for node in nodes {
            self.upsert_node(node);
        }
        for edge in edges {
            self.upsert_edge(edge);
        }
    }
}
