//! The output contract: the `relmap.graph/1` JSON document, and the short summary for people.
//! Everything is sorted, so the same input gives the same bytes.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::extraction::{Candidate, DocumentMeta, Extraction};
use crate::graph::{EdgeKind, Evidence, MembershipInfo, MentionRef, NodeData, NodeKind, RelGraph};
use crate::kb::Date;
use crate::warning::Warning;

pub const SCHEMA: &str = "relmap.graph/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GraphJson {
    pub schema: String,
    pub documents: Vec<DocumentMeta>,
    pub nodes: Vec<NodeJson>,
    pub edges: Vec<EdgeJson>,
    pub warnings: Vec<Warning>,
    pub candidates: Vec<Candidate>,
}

/// A node as the JSON shows it: [`NodeData`] with its mentions' documents by id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NodeJson {
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
    pub mentions: Vec<MentionJson>,
}

/// Where an entity is named: document id, sentence index and byte range of the mention.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionJson {
    pub doc: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    /// True when the text describes the entity ("the Russian president") rather than names it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub described: bool,
}

/// One sentence behind an edge: document id, sentence index, byte range, its text, and the
/// byte ranges of the entities in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceJson {
    pub doc: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub mentions: Vec<(usize, usize)>,
}

impl NodeJson {
    pub fn from_node(node: &NodeData, graph: &RelGraph) -> Self {
        Self {
            id: node.id.clone(),
            label: node.label.clone(),
            kind: node.kind,
            aliases: node.aliases.clone(),
            country: node.country.clone(),
            office: node.office.clone(),
            memberships: node.memberships.clone(),
            candidate: node.candidate,
            mentions: node.mentions.iter().map(|m| MentionJson::from_mention(m, graph)).collect(),
        }
    }
}

impl MentionJson {
    pub fn from_mention(m: &MentionRef, graph: &RelGraph) -> Self {
        Self {
            doc: graph.doc_id(m.doc).to_string(),
            sentence: m.sentence as usize,
            start: m.start as usize,
            end: m.end as usize,
            described: m.described,
        }
    }
}

impl EvidenceJson {
    pub fn from_evidence(ev: &Evidence, graph: &RelGraph) -> Self {
        Self {
            doc: graph.doc_id(ev.doc).to_string(),
            sentence: ev.sentence as usize,
            start: ev.start as usize,
            end: ev.end as usize,
            text: graph.sentence_text(ev).to_string(),
            mentions: ev.mention_ranges().collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EdgeJson {
    pub source: String,
    pub target: String,
    pub kind: EdgeKind,
    pub weight: usize,
    pub documents: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// True for `leads` and `member_of`: from the knowledge base, not from a sentence.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub structural: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub office: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    pub evidence: Vec<EvidenceJson>,
}

impl GraphJson {
    pub fn from_extraction(ex: &Extraction) -> Self {
        let g = &ex.graph;
        let edges = ex
            .graph
            .edges_sorted()
            .into_iter()
            .map(|e| EdgeJson {
                source: e.key.source.to_string(),
                target: e.key.target.to_string(),
                kind: e.key.kind,
                weight: e.weight(),
                documents: e.docs.len(),
                status: e.key.status.clone(),
                structural: e.key.kind.is_structural(),
                office: e.detail.clone(),
                since: e.since,
                until: e.until,
                evidence: e.evidence.iter().map(|ev| EvidenceJson::from_evidence(ev, g)).collect(),
            })
            .collect();
        Self {
            schema: SCHEMA.into(),
            documents: ex.documents.iter().cloned().collect(),
            nodes: g.nodes_sorted().into_iter().map(|n| NodeJson::from_node(n, g)).collect(),
            edges,
            warnings: ex.warnings.iter().cloned().collect(),
            candidates: ex.candidates.iter().cloned().collect(),
        }
    }

    pub fn to_json_pretty(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_else(|e| unreachable!("graph JSON: {e}"))
    }
}

/// Writes `contents` to `path` atomically: a temporary file beside it, flushed, then renamed,
/// so an interrupted write leaves the previous file intact. The folder is flushed after the
/// rename (so the new name survives a power cut), and temporary files that killed writers of
/// the same file left behind are removed.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(temp_name(&name, std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
        return result;
    }
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    remove_stale_temp_files(dir, &name);
    Ok(())
}

/// The temporary file process `pid` writes `name` through.
fn temp_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

/// Removes the temporary files of `name` in `dir` whose writer is no longer running (it was
/// killed mid-save). Only where the system says which processes run (Linux's /proc).
fn remove_stale_temp_files(dir: &Path, name: &str) {
    let proc = Path::new("/proc/self");
    if !proc.exists() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file = entry.file_name();
        let Some(pid) = file
            .to_str()
            .and_then(|f| f.strip_prefix(&prefix))
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// A short report for a person: documents, entities by kind, edges by kind, strongest ties, warnings.
pub fn summary(ex: &Extraction) -> String {
    let g = &ex.graph;
    let mut out = String::new();
    let dated = ex.documents.iter().filter_map(|d| d.date).collect::<Vec<_>>();
    let range = match (dated.iter().min(), dated.iter().max()) {
        (Some(a), Some(b)) if a == b => format!(", dated {a}"),
        (Some(a), Some(b)) => format!(", dated {a} to {b}"),
        _ => String::new(),
    };
    let _ = writeln!(out, "{} documents{range}", ex.documents.len());
    let mut kinds: BTreeMap<NodeKind, usize> = BTreeMap::new();
    for n in g.graph.node_weights() {
        *kinds.entry(n.kind).or_default() += 1;
    }
    let kind_name = |k: NodeKind| match k {
        NodeKind::Country => "countries",
        NodeKind::Leader => "leaders",
        NodeKind::Organisation => "organisations",
    };
    let entities: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {}", kind_name(*k))).collect();
    let _ = writeln!(out, "entities: {} ({})", g.node_count(), entities.join(", "));
    let mut edge_kinds: BTreeMap<EdgeKind, usize> = BTreeMap::new();
    for e in g.graph.edge_weights() {
        *edge_kinds.entry(e.key.kind).or_default() += 1;
    }
    let edges: Vec<String> = edge_kinds.iter().map(|(k, n)| format!("{n} {}", k.as_str())).collect();
    let _ = writeln!(out, "edges: {} ({})", g.edge_count(), edges.join(", "));
    let label = |id: &str| g.node(id).map_or_else(|| id.to_string(), |n| n.label.clone());

    let mut meetings = g.edges_of_kind(EdgeKind::Meeting);
    meetings.sort_by(|a, b| b.weight().cmp(&a.weight()).then(a.key.cmp(&b.key)));
    if !meetings.is_empty() {
        let _ = writeln!(out, "\nmeetings and visits:");
        for e in meetings.iter().take(15) {
            let _ = writeln!(
                out,
                "  {} - {} ({}, {} sentence{})",
                label(&e.key.source),
                label(&e.key.target),
                e.key.status.as_deref().unwrap_or(""),
                e.weight(),
                if e.weight() == 1 { "" } else { "s" }
            );
        }
    }
    let mut ties = g.edges_of_kind(EdgeKind::CoMention);
    ties.sort_by(|a, b| b.weight().cmp(&a.weight()).then(a.key.cmp(&b.key)));
    if !ties.is_empty() {
        let _ = writeln!(out, "\nstrongest ties (sentences together):");
        for e in ties.iter().take(10) {
            let _ = writeln!(
                out,
                "  {:>3}  {} - {}  ({} docs)",
                e.weight(),
                label(&e.key.source),
                label(&e.key.target),
                e.docs.len()
            );
        }
    }
    if !ex.warnings.is_empty() {
        let _ = writeln!(out, "\nwarnings:");
        for w in &ex.warnings {
            let doc = w.doc.as_deref().map(|d| format!("[{d}] ")).unwrap_or_default();
            let _ = writeln!(out, "  {doc}{}: {}", w.kind, w.message);
            if let Some(t) = &w.text {
                let _ = writeln!(out, "      \"{}\"", t);
            }
        }
    }
    if !ex.candidates.is_empty() {
        let names: Vec<String> = ex.candidates.iter().map(|c| format!("{} {}", c.title, c.name)).collect();
        let mut names = names;
        names.dedup();
        let _ = writeln!(out, "\nunknown names after an office title (candidates): {}", names.join("; "));
    }
    out
}
