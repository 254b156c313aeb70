//! The relationship graph: a petgraph `StableGraph` of typed nodes and edges with an id index,
//! the evidence behind every node and edge (by reference into the documents it keeps), the
//! queries the app needs, and an associative, commutative merge.

use std::ops::Range;
use std::sync::Arc;

use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::corpus::Document;
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

/// A document's number in a graph: its place among the graph's document ids, so numbers sort as
/// the ids do. [`RelGraph::doc_id`] and [`RelGraph::doc_text`] read it.
pub type DocNo = u32;

/// Byte ranges of mentions in a document; three fit without a heap allocation (nine evidence
/// sentences in ten have two, most of the others three).
pub type Spans = smallvec::SmallVec<[(u32, u32); 3]>;

/// A document the graph's evidence refers to: its id and its text, kept once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    pub id: Arc<str>,
    pub text: Arc<str>,
}

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

    /// Changes every value in place with `f`, which must keep their order (a renumbering that
    /// keeps order, as [`RelGraph`] does when documents join it).
    pub(crate) fn renumber(&mut self, f: impl FnMut(&mut T)) {
        self.0.iter_mut().for_each(f);
        debug_assert!(self.0.windows(2).all(|w| w[0] < w[1]));
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

/// Where an entity is named: document number, sentence index and byte range of the mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MentionRef {
    pub doc: DocNo,
    pub sentence: u32,
    pub start: u32,
    pub end: u32,
    /// True when the text describes the entity ("the Russian president") rather than names it.
    pub described: bool,
}

impl MentionRef {
    /// Byte range of the mention in its document's text.
    pub fn byte_range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
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
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NodeData {
    pub id: String,
    pub label: String,
    pub kind: NodeKind,
    pub aliases: Vec<String>,
    pub country: Option<String>,
    pub office: Option<String>,
    pub memberships: Vec<MembershipInfo>,
    /// A person the knowledge base does not know, named after an office title in the text.
    pub candidate: bool,
    pub mentions: SortedSet<MentionRef>,
}

/// One sentence behind an edge, with the byte ranges of the entities in it. Its text is
/// [`RelGraph::sentence_text`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Evidence {
    pub doc: DocNo,
    pub sentence: u32,
    /// Byte range of the sentence in the document's text.
    pub start: u32,
    pub end: u32,
    /// Byte ranges (in the document) of the two entities' mentions in this sentence, sorted.
    pub mentions: Spans,
}

impl Evidence {
    /// Byte range of the sentence in its document's text.
    pub fn byte_range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Byte ranges (in the document) of the entities' mentions, sorted.
    pub fn mention_ranges(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.mentions.iter().map(|&(s, e)| (s as usize, e as usize))
    }
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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EdgeData {
    pub key: EdgeKey,
    /// Sentences behind the edge, sorted by (document, sentence index), one per sentence.
    pub evidence: Vec<Evidence>,
    /// Documents the edge comes from.
    pub docs: SortedSet<DocNo>,
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
            self.docs.insert(ev.doc);
        }
        let key = (ev.doc, ev.sentence);
        let at = match self.evidence.last() {
            Some(last) if (last.doc, last.sentence) >= key => {
                self.evidence.binary_search_by(|e| (e.doc, e.sentence).cmp(&key))
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

    /// Changes the document numbers with `map` (old number -> new), which keeps their order.
    fn renumber_docs(&mut self, map: &[DocNo]) {
        let new = |d: DocNo| map.get(d as usize).copied().unwrap_or(d);
        self.docs.renumber(|d| *d = new(*d));
        for ev in &mut self.evidence {
            ev.doc = new(ev.doc);
        }
    }
}

/// The graph with its id indices and the documents its evidence refers to.
#[derive(Debug, Clone, Default)]
pub struct RelGraph {
    pub graph: StableGraph<NodeData, EdgeData>,
    nodes_by_id: FxHashMap<String, NodeIndex>,
    edges_by_key: FxHashMap<EdgeKey, EdgeIndex>,
    /// By document number, sorted by id.
    docs: Vec<DocEntry>,
}

impl RelGraph {
    /// The id of document `doc`; empty for a number this graph did not give.
    pub fn doc_id(&self, doc: DocNo) -> &str {
        self.docs.get(doc as usize).map_or("", |d| &d.id)
    }

    /// The text of document `doc`; empty for a number this graph did not give.
    pub fn doc_text(&self, doc: DocNo) -> &str {
        self.docs.get(doc as usize).map_or("", |d| &d.text)
    }

    /// The number of the document with id `id`.
    pub fn doc_no(&self, id: &str) -> Option<DocNo> {
        self.docs.binary_search_by(|d| (*d.id).cmp(id)).ok().map(doc_no)
    }

    /// The documents, by number (so sorted by id).
    pub fn documents(&self) -> &[DocEntry] {
        &self.docs
    }

    /// The text of an evidence sentence.
    pub fn sentence_text(&self, ev: &Evidence) -> &str {
        self.doc_text(ev.doc).get(ev.byte_range()).unwrap_or("")
    }

    /// Makes `docs` known to the graph and returns their numbers, in the same order. A document
    /// whose id the graph knows keeps the text it had (the first reading of an id keeps its
    /// text); numbers already given may change, and the graph's data follows them.
    pub fn add_documents(&mut self, docs: &[Document]) -> Vec<DocNo> {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        // Stable: of two documents with one id, the first read comes first.
        order.sort_by(|&a, &b| docs[a].id.cmp(&docs[b].id));
        let mut new: Vec<DocEntry> = Vec::new();
        for i in order {
            let doc = &docs[i];
            if new.last().is_some_and(|d| *d.id == *doc.id) || self.doc_no(&doc.id).is_some() {
                continue;
            }
            new.push(DocEntry { id: Arc::from(doc.id.as_str()), text: doc.text.clone() });
        }
        self.insert_docs(new);
        docs.iter().map(|d| self.doc_no(&d.id).unwrap_or(DocNo::MAX)).collect()
    }

    /// Makes one document known and returns its number (see [`RelGraph::add_documents`]).
    pub fn add_document(&mut self, id: &str, text: Arc<str>) -> DocNo {
        if let Some(no) = self.doc_no(id) {
            return no;
        }
        self.insert_docs(vec![DocEntry { id: Arc::from(id), text }]);
        self.doc_no(id).unwrap_or(DocNo::MAX)
    }

    /// Adds `new` (sorted by id, none known yet) to the documents, renumbering the graph's
    /// data when a new id sorts before a known one.
    fn insert_docs(&mut self, new: Vec<DocEntry>) {
        if new.is_empty() {
            return;
        }
        if self.docs.last().is_none_or(|last| last.id < new[0].id) {
            self.docs.extend(new);
            return;
        }
        let old = std::mem::take(&mut self.docs);
        let mut map = Vec::with_capacity(old.len());
        let mut merged = Vec::with_capacity(old.len() + new.len());
        let mut new = new.into_iter().peekable();
        for entry in old {
            while let Some(n) = new.next_if(|n| n.id < entry.id) {
                merged.push(n);
            }
            map.push(doc_no(merged.len()));
            merged.push(entry);
        }
        merged.extend(new);
        self.docs = merged;
        self.renumber_docs(&map);
    }

    /// Changes the document numbers in every node and edge with `map` (old number -> new),
    /// which keeps their order.
    fn renumber_docs(&mut self, map: &[DocNo]) {
        if map.iter().enumerate().all(|(i, &n)| n as usize == i) {
            return;
        }
        let new = |d: DocNo| map.get(d as usize).copied().unwrap_or(d);
        for node in self.graph.node_weights_mut() {
            node.mentions.renumber(|m| m.doc = new(m.doc));
        }
        for edge in self.graph.edge_weights_mut() {
            edge.renumber_docs(map);
        }
    }

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
        // One table of documents, sorted by id: both sides' numbers follow it.
        let new: Vec<DocEntry> = other.docs.iter().filter(|d| self.doc_no(&d.id).is_none()).cloned().collect();
        self.insert_docs(new);
        let map: Vec<DocNo> = other.docs.iter().map(|d| self.doc_no(&d.id).unwrap_or(DocNo::MAX)).collect();
        other.renumber_docs(&map);
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

fn doc_no(i: usize) -> DocNo {
    DocNo::try_from(i).unwrap_or(DocNo::MAX)
}
