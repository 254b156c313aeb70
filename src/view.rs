//! What the map shows: blocs of each entity, the filters a user sets (blocs, kinds, edge kinds,
//! minimum weight, articles, focus) and the visible subgraph with its measures. The app and the
//! exporters both draw a `View`, so they show the same thing.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};
use serde::{Deserialize, Serialize};

use crate::graph::{DocNo, EdgeKind, NodeData, NodeKind, RelGraph};
use crate::kb::{Date, KnowledgeBase, MemberStatus};

/// The blocs the map colours and filters by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Bloc {
    ScoMember,
    ScoObserver,
    ScoPartner,
    Nato,
    Csto,
    Brics,
    Eu,
    /// In none of the above.
    Other,
}

impl Bloc {
    /// Blocs by the names the command line uses: `sco` (members, observers and partners),
    /// `sco-members`, `sco-observers`, `sco-partners`, `nato`, `csto`, `brics`, `eu`, `other`.
    pub fn parse_list(list: &str) -> Result<BTreeSet<Bloc>, String> {
        let mut out = BTreeSet::new();
        for name in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            match name.to_ascii_lowercase().as_str() {
                "sco" => out.extend([Bloc::ScoMember, Bloc::ScoObserver, Bloc::ScoPartner]),
                "sco-members" | "sco-member" => {
                    out.insert(Bloc::ScoMember);
                }
                "sco-observers" | "sco-observer" => {
                    out.insert(Bloc::ScoObserver);
                }
                "sco-partners" | "sco-partner" | "sco-dialogue-partners" => {
                    out.insert(Bloc::ScoPartner);
                }
                "nato" => {
                    out.insert(Bloc::Nato);
                }
                "csto" => {
                    out.insert(Bloc::Csto);
                }
                "brics" => {
                    out.insert(Bloc::Brics);
                }
                "eu" => {
                    out.insert(Bloc::Eu);
                }
                "other" | "none" => {
                    out.insert(Bloc::Other);
                }
                other => {
                    return Err(format!(
                        "unknown bloc `{other}` (use sco, sco-members, sco-observers, sco-partners, nato, csto, brics, eu, other)"
                    ));
                }
            }
        }
        Ok(out)
    }

    pub const ALL: [Bloc; 8] = [
        Bloc::ScoMember,
        Bloc::ScoObserver,
        Bloc::ScoPartner,
        Bloc::Nato,
        Bloc::Csto,
        Bloc::Brics,
        Bloc::Eu,
        Bloc::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Bloc::ScoMember => "SCO members",
            Bloc::ScoObserver => "SCO observers",
            Bloc::ScoPartner => "SCO dialogue partners",
            Bloc::Nato => "NATO",
            Bloc::Csto => "CSTO",
            Bloc::Brics => "BRICS",
            Bloc::Eu => "EU",
            Bloc::Other => "none of these",
        }
    }

    /// The organisation node that stands for the bloc.
    pub fn org_id(self) -> Option<&'static str> {
        match self {
            Bloc::ScoMember | Bloc::ScoObserver | Bloc::ScoPartner => Some("org:SCO"),
            Bloc::Nato => Some("org:NATO"),
            Bloc::Csto => Some("org:CSTO"),
            Bloc::Brics => Some("org:BRICS"),
            Bloc::Eu => Some("org:EU"),
            Bloc::Other => None,
        }
    }
}

/// The colour class of a node: the first bloc that applies in this order. NATO comes before
/// the SCO's looser ties, so Türkiye reads as NATO.
pub fn colour_bloc(blocs: &BTreeSet<Bloc>) -> Bloc {
    [Bloc::ScoMember, Bloc::ScoObserver, Bloc::Nato, Bloc::ScoPartner]
        .into_iter()
        .find(|b| blocs.contains(b))
        .unwrap_or(Bloc::Other)
}

/// The blocs a country belongs to at `date` (ISO3 code).
pub fn country_blocs(kb: &KnowledgeBase, iso3: &str, date: Option<Date>) -> BTreeSet<Bloc> {
    let mut out = BTreeSet::new();
    for m in kb.memberships_of(iso3).into_iter().filter(|m| m.active_at(date)) {
        let bloc = match (m.org.as_str(), m.status) {
            ("SCO", MemberStatus::Member) => Bloc::ScoMember,
            ("SCO", MemberStatus::Observer) => Bloc::ScoObserver,
            ("SCO", MemberStatus::DialoguePartner | MemberStatus::Partner) => Bloc::ScoPartner,
            ("NATO", MemberStatus::Member) => Bloc::Nato,
            ("CSTO", MemberStatus::Member) => Bloc::Csto,
            ("BRICS", MemberStatus::Member) => Bloc::Brics,
            ("EU", MemberStatus::Member) => Bloc::Eu,
            _ => continue,
        };
        out.insert(bloc);
    }
    if out.is_empty() {
        out.insert(Bloc::Other);
    }
    out
}

/// The blocs of a node: a country's own, a leader's country's, and for an organisation the bloc
/// it stands for (the SCO node is an SCO member, so unticking SCO members hides it too).
pub fn node_blocs(kb: &KnowledgeBase, node: &NodeData, date: Option<Date>) -> BTreeSet<Bloc> {
    let iso3 = match node.kind {
        NodeKind::Country => node.id.strip_prefix("country:"),
        NodeKind::Leader => node.country.as_deref().and_then(|c| c.strip_prefix("country:")),
        NodeKind::Organisation => {
            let bloc = Bloc::ALL.into_iter().find(|b| b.org_id() == Some(node.id.as_str()));
            return BTreeSet::from([bloc.unwrap_or(Bloc::Other)]);
        }
    };
    iso3.map_or_else(|| BTreeSet::from([Bloc::Other]), |iso3| country_blocs(kb, iso3, date))
}

/// Edge classes the user can show or hide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EdgeClass {
    CoMention,
    MeetingHeld,
    MeetingPlanned,
    Leads,
    MemberOf,
}

impl EdgeClass {
    pub const ALL: [EdgeClass; 5] = [
        EdgeClass::CoMention,
        EdgeClass::MeetingHeld,
        EdgeClass::MeetingPlanned,
        EdgeClass::Leads,
        EdgeClass::MemberOf,
    ];

    pub fn of(kind: EdgeKind, status: Option<&str>) -> Self {
        match kind {
            EdgeKind::CoMention => EdgeClass::CoMention,
            EdgeKind::Meeting if status == Some("planned") => EdgeClass::MeetingPlanned,
            EdgeKind::Meeting => EdgeClass::MeetingHeld,
            EdgeKind::Leads => EdgeClass::Leads,
            EdgeKind::MemberOf => EdgeClass::MemberOf,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EdgeClass::CoMention => "Co-mentions",
            EdgeClass::MeetingHeld => "Meetings held",
            EdgeClass::MeetingPlanned => "Meetings planned",
            EdgeClass::Leads => "Leads (structural)",
            EdgeClass::MemberOf => "Member of (structural)",
        }
    }
}

/// What node size stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SizeMeasure {
    #[default]
    Mentions,
    WeightedDegree,
    Betweenness,
}

impl SizeMeasure {
    pub const ALL: [SizeMeasure; 3] = [SizeMeasure::Mentions, SizeMeasure::WeightedDegree, SizeMeasure::Betweenness];

    pub fn label(self) -> &'static str {
        match self {
            SizeMeasure::Mentions => "Mentions",
            SizeMeasure::WeightedDegree => "Weighted degree",
            SizeMeasure::Betweenness => "Betweenness",
        }
    }
}

/// The user's filters. The default shows everything but structural edges.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewFilter {
    /// Blocs whose entities are hidden.
    pub hidden_blocs: BTreeSet<Bloc>,
    /// When not empty, only entities in at least one of these blocs are shown.
    pub only_blocs: BTreeSet<Bloc>,
    pub show_countries: bool,
    pub show_leaders: bool,
    pub show_organisations: bool,
    pub edge_classes: BTreeSet<EdgeClass>,
    /// Text edges need at least this many sentences (structural edges: articles).
    pub min_weight: usize,
    /// Articles left out: their mentions and sentences do not count.
    pub excluded_docs: BTreeSet<String>,
    /// Show only this node's neighbourhood, to this depth (1 or 2).
    pub focus: Option<(String, u8)>,
}

impl Default for ViewFilter {
    fn default() -> Self {
        Self {
            hidden_blocs: BTreeSet::new(),
            only_blocs: BTreeSet::new(),
            show_countries: true,
            show_leaders: true,
            show_organisations: true,
            edge_classes: [EdgeClass::CoMention, EdgeClass::MeetingHeld, EdgeClass::MeetingPlanned].into(),
            min_weight: 1,
            excluded_docs: BTreeSet::new(),
            focus: None,
        }
    }
}

/// A visible edge with its weight and article count under the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct VisibleEdge {
    pub index: EdgeIndex,
    pub class: EdgeClass,
    pub weight: usize,
    pub documents: usize,
}

/// A visible node with its measures under the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct VisibleNode {
    pub index: NodeIndex,
    pub blocs: BTreeSet<Bloc>,
    pub mentions: usize,
    pub weighted_degree: usize,
    pub betweenness: f64,
}

impl VisibleNode {
    pub fn measure(&self, measure: SizeMeasure) -> f64 {
        match measure {
            SizeMeasure::Mentions => self.mentions as f64,
            SizeMeasure::WeightedDegree => self.weighted_degree as f64,
            SizeMeasure::Betweenness => self.betweenness,
        }
    }
}

/// The visible part of the graph, nodes sorted by id, edges by key.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct View {
    pub nodes: Vec<VisibleNode>,
    pub edges: Vec<VisibleEdge>,
    /// Node counts per bloc and per kind before bloc/kind filters (for the filter panel).
    pub bloc_counts: BTreeMap<Bloc, usize>,
    pub total_nodes: usize,
    pub total_edges: usize,
}

impl View {
    pub fn node(&self, index: NodeIndex) -> Option<&VisibleNode> {
        self.nodes.iter().find(|n| n.index == index)
    }

    pub fn contains_node(&self, index: NodeIndex) -> bool {
        self.node(index).is_some()
    }

    pub fn contains_edge(&self, index: EdgeIndex) -> bool {
        self.edges.iter().any(|e| e.index == index)
    }
}

/// Node radii in layout units for `measure` over `view`: 4 for the least, 18 for the most, by
/// the square root (area follows the measure).
pub fn node_radii(view: &View, measure: SizeMeasure) -> BTreeMap<NodeIndex, f32> {
    let max = view.nodes.iter().map(|n| n.measure(measure)).fold(0.0f64, f64::max).max(1e-9);
    view.nodes.iter().map(|n| (n.index, 4.0 + 14.0 * (n.measure(measure) / max).sqrt() as f32)).collect()
}

/// Applies `filter` to `graph`, reading blocs at `date`.
pub fn apply(graph: &RelGraph, kb: &KnowledgeBase, filter: &ViewFilter, date: Option<Date>) -> View {
    let g = &graph.graph;
    let counted: Vec<bool> = graph.documents().iter().map(|d| !filter.excluded_docs.contains(&*d.id)).collect();
    let counts_doc = |doc: DocNo| counted.get(doc as usize).copied().unwrap_or(true);
    let mut bloc_counts: BTreeMap<Bloc, usize> = BTreeMap::new();
    // Candidate nodes: kind, bloc and articles.
    let mut nodes: BTreeMap<&str, (NodeIndex, BTreeSet<Bloc>, usize)> = BTreeMap::new();
    for index in g.node_indices() {
        let node = &g[index];
        let mentions = node.mentions.iter().filter(|m| counts_doc(m.doc)).count();
        let in_some_article = mentions > 0 || node.mentions.is_empty();
        if !in_some_article {
            continue;
        }
        let blocs = node_blocs(kb, node, date);
        for b in &blocs {
            *bloc_counts.entry(*b).or_default() += 1;
        }
        let kind_shown = match node.kind {
            NodeKind::Country => filter.show_countries,
            NodeKind::Leader => filter.show_leaders,
            NodeKind::Organisation => filter.show_organisations,
        };
        let in_chosen = filter.only_blocs.is_empty() || !blocs.is_disjoint(&filter.only_blocs);
        if kind_shown && in_chosen && blocs.is_disjoint(&filter.hidden_blocs) {
            nodes.insert(node.id.as_str(), (index, blocs, mentions));
        }
    }
    let mut edges: Vec<(&crate::graph::EdgeKey, VisibleEdge)> = Vec::new();
    for e in g.edge_references() {
        let data = e.weight();
        let class = EdgeClass::of(data.key.kind, data.key.status.as_deref());
        if !filter.edge_classes.contains(&class)
            || !nodes.contains_key(&*data.key.source)
            || !nodes.contains_key(&*data.key.target)
        {
            continue;
        }
        let (weight, documents) = if data.key.kind.is_structural() {
            let docs = data.docs.iter().filter(|&&d| counts_doc(d)).count();
            (docs, docs)
        } else {
            let weight = data.evidence.iter().filter(|ev| counts_doc(ev.doc)).count();
            (weight, data.docs.iter().filter(|&&d| counts_doc(d)).count())
        };
        if weight == 0 || weight < filter.min_weight {
            continue;
        }
        edges.push((&data.key, VisibleEdge { index: e.id(), class, weight, documents }));
    }
    edges.sort_by(|a, b| a.0.cmp(b.0));
    if let Some((focus, depth)) = &filter.focus
        && graph.node(focus).is_some()
    {
        let keep = neighbourhood(graph, &edges, focus, *depth);
        nodes.retain(|id, _| keep.contains(id));
        edges.retain(|(key, _)| keep.contains(&*key.source) && keep.contains(&*key.target));
    }
    let edges: Vec<VisibleEdge> = edges.into_iter().map(|(_, e)| e).collect();
    let mut visible: Vec<VisibleNode> = nodes
        .into_values()
        .map(|(index, blocs, mentions)| VisibleNode { index, blocs, mentions, weighted_degree: 0, betweenness: 0.0 })
        .collect();
    let position: BTreeMap<NodeIndex, usize> = visible.iter().enumerate().map(|(i, n)| (n.index, i)).collect();
    let mut adjacency: Vec<Vec<usize>> = vec![Vec::new(); visible.len()];
    for e in &edges {
        if let Some((a, b)) = g.edge_endpoints(e.index)
            && let (Some(&a), Some(&b)) = (position.get(&a), position.get(&b))
        {
            visible[a].weighted_degree += e.weight;
            visible[b].weighted_degree += e.weight;
            if !adjacency[a].contains(&b) {
                adjacency[a].push(b);
                adjacency[b].push(a);
            }
        }
    }
    for (node, value) in visible.iter_mut().zip(betweenness(&adjacency)) {
        node.betweenness = value;
    }
    View { nodes: visible, edges, bloc_counts, total_nodes: g.node_count(), total_edges: g.edge_count() }
}

/// Ids within `depth` steps of `focus` over the given edges (the focus itself included).
fn neighbourhood<'a>(
    graph: &'a RelGraph,
    edges: &[(&'a crate::graph::EdgeKey, VisibleEdge)],
    focus: &str,
    depth: u8,
) -> BTreeSet<&'a str> {
    let mut keep: BTreeSet<&str> = BTreeSet::new();
    let Some(start) = graph.node(focus) else { return keep };
    keep.insert(start.id.as_str());
    let mut frontier: Vec<&str> = vec![start.id.as_str()];
    for _ in 0..depth {
        let mut next = Vec::new();
        for (key, _) in edges {
            for (a, b) in [(&*key.source, &*key.target), (&*key.target, &*key.source)] {
                if frontier.contains(&a) && keep.insert(b) {
                    next.push(b);
                }
            }
        }
        frontier = next;
    }
    keep
}

/// Betweenness centrality (Brandes), unweighted, undirected, normalised to 0..1.
pub fn betweenness(adjacency: &[Vec<usize>]) -> Vec<f64> {
    let n = adjacency.len();
    let mut centrality = vec![0.0f64; n];
    let mut stack = Vec::with_capacity(n);
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut sigma = vec![0.0f64; n];
    let mut distance = vec![-1i64; n];
    let mut delta = vec![0.0f64; n];
    let mut queue = VecDeque::new();
    for s in 0..n {
        stack.clear();
        predecessors.iter_mut().for_each(Vec::clear);
        sigma.iter_mut().for_each(|x| *x = 0.0);
        distance.iter_mut().for_each(|x| *x = -1);
        sigma[s] = 1.0;
        distance[s] = 0;
        queue.push_back(s);
        while let Some(v) = queue.pop_front() {
            stack.push(v);
            for &w in &adjacency[v] {
                if distance[w] < 0 {
                    distance[w] = distance[v] + 1;
                    queue.push_back(w);
                }
                if distance[w] == distance[v] + 1 {
                    sigma[w] += sigma[v];
                    predecessors[w].push(v);
                }
            }
        }
        delta.iter_mut().for_each(|x| *x = 0.0);
        while let Some(w) = stack.pop() {
            for &v in &predecessors[w] {
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if w != s {
                centrality[w] += delta[w];
            }
        }
    }
    // Each pair was counted from both ends.
    let pairs = if n > 2 { ((n - 1) * (n - 2)) as f64 } else { 1.0 };
    centrality.iter().map(|c| c / pairs).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn betweenness_of_a_path_peaks_in_the_middle() {
        // 0 - 1 - 2 - 3 - 4
        let adjacency = vec![vec![1], vec![0, 2], vec![1, 3], vec![2, 4], vec![3]];
        let b = betweenness(&adjacency);
        assert_eq!(b[0], 0.0);
        assert!(b[2] > b[1] && b[1] > b[0], "{b:?}");
        // The centre lies on 4 of the 6 pairs that do not include it: 2*4/(4*3).
        assert!((b[2] - 8.0 / 12.0).abs() < 1e-9, "{b:?}");
    }

    #[test]
    fn colour_bloc_prefers_membership_over_partnership() {
        let turkey = BTreeSet::from([Bloc::Nato, Bloc::ScoPartner]);
        assert_eq!(colour_bloc(&turkey), Bloc::Nato);
        assert_eq!(colour_bloc(&BTreeSet::from([Bloc::ScoMember, Bloc::Brics])), Bloc::ScoMember);
        assert_eq!(colour_bloc(&BTreeSet::from([Bloc::Eu])), Bloc::Other);
    }
}
