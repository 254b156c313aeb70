//! Extraction: articles + knowledge base -> graph with evidence. Never fails: what it cannot
//! use becomes a warning or a candidate.

pub mod claims;
pub mod fold;
pub mod meetings;
pub mod mentions;
pub mod resolve;
pub mod sentences;

use std::collections::HashSet;
use std::sync::Arc;

use crate::corpus::{Corpus, Document};
use crate::extraction::{Candidate, DocumentMeta, Extraction};
use crate::graph::{EdgeData, EdgeKey, EdgeKind, Evidence, MembershipInfo, MentionRef, NodeData, NodeKind, RelGraph};
use crate::kb::{Date, EntityRef, KnowledgeBase};
use crate::warning::Warning;
use meetings::{Memory, Participant};
use mentions::{Matcher, RawMention};
use resolve::{DocContext, Item, ItemKind};

/// Compiles a built-in pattern. Word boundaries are ASCII ones, so that the fast DFA engines
/// also run on text with curly quotes or accents (a Unicode `\b` makes the regex crate fall back
/// to a backtracker there).
pub(crate) fn re(pattern: &str) -> regex::Regex {
    let ascii_boundaries = pattern.replace(r"\b", r"(?-u:\b)");
    regex::Regex::new(&ascii_boundaries).unwrap_or_else(|e| unreachable!("built-in pattern {pattern}: {e}"))
}

/// Choices that change what extraction produces.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The date undated articles are read at; by default the corpus's latest article date.
    pub reference_date: Option<Date>,
    /// Threads to read a large corpus with; 0 = one per core (at most 8). The result is the
    /// same whatever the number.
    pub threads: usize,
}

/// Below this many bytes a corpus is read on the calling thread.
const PARALLEL_MIN_BYTES: usize = 2 * 1024 * 1024;

/// A knowledge base compiled for matching; build once, extract many corpora.
pub struct Extractor<'kb> {
    kb: &'kb KnowledgeBase,
    matcher: Matcher,
    country_ids: Vec<Arc<str>>,
    org_ids: Vec<Arc<str>>,
    person_ids: Vec<Arc<str>>,
}

impl<'kb> Extractor<'kb> {
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        Self {
            kb,
            matcher: Matcher::new(kb),
            country_ids: kb.countries.iter().map(|c| Arc::from(format!("country:{}", c.iso3))).collect(),
            org_ids: kb.organisations.iter().map(|o| Arc::from(format!("org:{}", o.acronym))).collect(),
            person_ids: kb.people.iter().map(|p| Arc::from(p.id.as_str())).collect(),
        }
    }

    /// Extracts the whole corpus.
    pub fn extract(&self, corpus: &Corpus, options: &ExtractOptions) -> Extraction {
        let reference = options.reference_date.or_else(|| corpus.reference_date());
        let threads = match options.threads {
            0 if corpus.total_bytes() < PARALLEL_MIN_BYTES => 1,
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZero::get).min(8),
            n => n,
        };
        let docs = &corpus.documents;
        let mut out = if threads <= 1 || docs.len() < 2 {
            self.extract_documents(docs, reference)
        } else {
            // Documents are independent given the reference date, and merging is associative
            // and commutative: the result does not depend on how the corpus is cut.
            let chunk = docs.len().div_ceil(threads);
            let parts: Vec<Extraction> = std::thread::scope(|scope| {
                let handles: Vec<_> = docs
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || self.extract_documents(part, reference)))
                    .collect();
                handles.into_iter().map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
            });
            let mut parts = parts.into_iter();
            let mut out = parts.next().unwrap_or_default();
            for part in parts {
                out.merge_owned(part);
            }
            out
        };
        out.warnings.extend(corpus.warnings.iter().cloned());
        out
    }

    fn extract_documents(&self, docs: &[Document], reference: Option<Date>) -> Extraction {
        let mut out = Extraction::default();
        let mut pending = PendingEdges::default();
        for doc in docs {
            self.read_document(doc, reference, &mut out, &mut pending);
        }
        flush(pending, &mut out.graph);
        out
    }

    /// Extracts one document into `out` (undated documents are read at `reference`).
    pub fn extract_document(&self, doc: &Document, reference: Option<Date>, out: &mut Extraction) {
        let mut pending = PendingEdges::default();
        self.read_document(doc, reference, out, &mut pending);
        flush(pending, &mut out.graph);
    }

    /// Reads one document: nodes and structural edges go to `out`, text edges to `pending`.
    fn read_document(&self, doc: &Document, reference: Option<Date>, out: &mut Extraction, pending: &mut PendingEdges) {
        out.documents.insert(DocumentMeta {
            id: doc.id.clone(),
            path: doc.path.clone(),
            title: doc.title.clone(),
            date: doc.date,
        });
        let text = doc.text.as_str();
        let raws = self.matcher.find(text);
        let raws = self.matcher.with_family_names(self.kb, text, raws);
        let named_in_doc: HashSet<usize> = raws
            .iter()
            .filter_map(|r| match r.persons().as_slice() {
                [one] if r.country().is_none() && r.organisation().is_none() => Some(*one),
                _ => None,
            })
            .collect();
        let date = doc.date.or(reference);
        let ctx = DocContext { kb: self.kb, date, named_in_doc, unknown: std::cell::RefCell::default() };
        let mut builder = DocBuilder {
            ex: self,
            doc,
            doc_id: Arc::from(doc.id.as_str()),
            date,
            graph: &mut out.graph,
            present: rustc_hash::FxHashSet::default(),
            sentence_text: None,
            pending,
        };
        let mut memory = Memory::default();
        let mut next_raw = 0;
        for (index, &sentence) in sentences::split(text).iter().enumerate() {
            while next_raw < raws.len() && raws[next_raw].start < sentence.0 {
                next_raw += 1;
            }
            let first = next_raw;
            while next_raw < raws.len() && raws[next_raw].end <= sentence.1 {
                next_raw += 1;
            }
            let sentence_raws: &[RawMention] = &raws[first..next_raw];
            if sentence_raws.is_empty() {
                // "The four leaders held talks": no name, but a meeting of people named before.
                if meetings::refers_back(&text[sentence.0..sentence.1], &memory) {
                    for fact in meetings::find(&ctx, text, sentence, &[], &mut memory) {
                        builder.meeting(&ctx, index, sentence, &fact);
                    }
                }
                continue;
            }
            let (items, candidates) = resolve::sentence_items(&ctx, text, sentence, sentence_raws);
            builder.mentions(index, &items, &candidates);
            builder.co_mentions(index, sentence, &items);
            for fact in meetings::find(&ctx, text, sentence, &items, &mut memory) {
                builder.meeting(&ctx, index, sentence, &fact);
            }
            for c in claims::check(&ctx, text, sentence, &items) {
                out.warnings.insert(Warning {
                    kind: "contradiction".into(),
                    doc: Some(doc.id.clone()),
                    sentence: Some(index),
                    message: format!(
                        "{} (country:{} / org:{})",
                        c.message, self.kb.countries[c.country].iso3, self.kb.organisations[c.org].acronym
                    ),
                    text: Some(text[sentence.0..sentence.1].to_string()),
                });
            }
            for c in candidates {
                out.candidates.insert(Candidate {
                    name: c.name,
                    title: c.title,
                    country: c.country.map(|i| format!("country:{}", self.kb.countries[i].iso3)),
                    doc: doc.id.clone(),
                    sentence: index,
                    start: c.start,
                    end: c.end,
                    text: text[sentence.0..sentence.1].to_string(),
                });
            }
        }
        builder.structural();
    }
}

/// Adds one document's nodes and edges to the graph.
struct DocBuilder<'a, 'kb> {
    ex: &'a Extractor<'kb>,
    doc: &'a Document,
    doc_id: Arc<str>,
    date: Option<Date>,
    graph: &'a mut RelGraph,
    /// Entity ids this document names or describes (for structural edges).
    present: rustc_hash::FxHashSet<Arc<str>>,
    /// The current sentence's text, shared by all its evidence.
    sentence_text: Option<(usize, Arc<str>)>,
    /// Text edges, added to the graph at the end of the corpus (one graph insert per edge).
    pending: &'a mut PendingEdges,
}

/// Text edges (co-mentions, meetings) gathered while reading, by a key of entity numbers
/// (cheaper to hash than ids): countries, then organisations, then people, then names the
/// knowledge base does not know, numbered as they come.
#[derive(Default)]
struct PendingEdges {
    edges: rustc_hash::FxHashMap<(u32, u32, EdgeKind, u8), EdgeData>,
    unknown: rustc_hash::FxHashMap<Arc<str>, u32>,
}

/// Adds gathered text edges to the graph, in key order.
fn flush(pending: PendingEdges, graph: &mut RelGraph) {
    let mut edges: Vec<EdgeData> = pending.edges.into_values().collect();
    edges.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    for edge in edges {
        graph.upsert_edge(edge);
    }
}

impl DocBuilder<'_, '_> {
    fn kb(&self) -> &KnowledgeBase {
        self.ex.kb
    }

    fn mentions(&mut self, sentence: usize, items: &[Item], candidates: &[resolve::RawCandidate]) {
        for item in items {
            if let ItemKind::Unknown { id, candidate, .. } = &item.kind {
                self.candidate_mention(sentence, item, id, &candidates[*candidate]);
                continue;
            }
            let (id, described) = match item.kind {
                ItemKind::Person { person, named } => (&self.ex.person_ids[person], !named),
                ItemKind::Country { country, locative: false, .. } => (&self.ex.country_ids[country], false),
                ItemKind::Organisation { org } => (&self.ex.org_ids[org], false),
                _ => continue,
            };
            let id = id.clone();
            let mention =
                MentionRef { doc: self.doc_id.clone(), sentence, start: item.start, end: item.end, described };
            if !self.graph.add_mention(&id, mention.clone()) {
                let mut node = node_data(self.kb(), &id, self.date);
                node.mentions.insert(mention);
                self.graph.upsert_node(node);
            }
            self.present.insert(id);
        }
    }

    /// The entity an item names for co-mentions: its number and id.
    fn entity(&mut self, kind: &ItemKind) -> Option<(u32, Arc<str>)> {
        let (countries, orgs) = (self.ex.country_ids.len(), self.ex.org_ids.len());
        let no = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        match kind {
            ItemKind::Person { person, .. } => {
                Some((no(countries + orgs + person), self.ex.person_ids[*person].clone()))
            }
            ItemKind::Country { country, locative: false, descriptor: false, .. } => {
                Some((no(*country), self.ex.country_ids[*country].clone()))
            }
            ItemKind::Organisation { org } => Some((no(countries + org), self.ex.org_ids[*org].clone())),
            ItemKind::Unknown { id, .. } if self.ex.kb.entity(id).is_none() => {
                let next = no(countries + orgs + self.ex.person_ids.len() + self.pending.unknown.len());
                Some((*self.pending.unknown.entry(id.clone()).or_insert(next), id.clone()))
            }
            _ => None,
        }
    }

    /// A node for a name after an office title that the knowledge base does not know.
    fn candidate_mention(&mut self, sentence: usize, item: &Item, id: &str, c: &resolve::RawCandidate) {
        if self.kb().entity(id).is_some() {
            return;
        }
        let mention =
            MentionRef { doc: self.doc_id.clone(), sentence, start: item.start, end: item.end, described: false };
        if !self.graph.add_mention(id, mention.clone()) {
            let mut node = node_data(self.kb(), id, self.date);
            node.kind = NodeKind::Leader;
            node.label.clone_from(&c.name);
            node.aliases = vec![c.name.clone()];
            node.office = Some(c.title.clone());
            node.country = c.country.map(|i| self.ex.country_ids[i].to_string());
            node.candidate = true;
            node.mentions.insert(mention);
            self.graph.upsert_node(node);
        }
        self.present.insert(Arc::from(id));
    }

    fn co_mentions(&mut self, index: usize, sentence: (usize, usize), items: &[Item]) {
        let mut spans: Vec<(u32, Arc<str>, (usize, usize))> = Vec::with_capacity(items.len());
        for item in items {
            if let Some((no, id)) = self.entity(&item.kind) {
                spans.push((no, id, (item.start, item.end)));
            }
        }
        if spans.len() < 2 {
            return;
        }
        spans.sort_unstable_by_key(|(no, _, span)| (*no, *span));
        let mut entities: Vec<(u32, Arc<str>)> = spans.iter().map(|(no, id, _)| (*no, id.clone())).collect();
        entities.dedup_by_key(|(no, _)| *no);
        for (i, (a_no, a)) in entities.iter().enumerate() {
            for (b_no, b) in &entities[i + 1..] {
                let mentions =
                    spans.iter().filter(|(no, _, _)| no == a_no || no == b_no).map(|(_, _, span)| *span).collect();
                let (source, target) = if a <= b { (a, b) } else { (b, a) };
                let key = || EdgeKey {
                    source: source.clone(),
                    target: target.clone(),
                    kind: EdgeKind::CoMention,
                    status: None,
                };
                self.add_text_edge((*a_no, *b_no, EdgeKind::CoMention, 0), key, index, sentence, mentions);
            }
        }
    }

    fn meeting(&mut self, ctx: &DocContext<'_>, index: usize, sentence: (usize, usize), fact: &meetings::MeetingFact) {
        let id = |p: Participant| -> Arc<str> {
            match p {
                Participant::Person(i) => match self.ex.person_ids.get(i) {
                    Some(id) => id.clone(),
                    None => ctx.person_id(i).unwrap_or_else(|| Arc::from("person:unknown")),
                },
                Participant::Country(c) => self.ex.country_ids[c].clone(),
            }
        };
        let (a, b) = (id(fact.a), id(fact.b));
        // Person-person meetings are unordered; a visit goes from the person to the country.
        let (source, target) = match (fact.a, fact.b) {
            (Participant::Country(_), Participant::Person(_)) => (b, a),
            (Participant::Person(_), Participant::Country(_)) => (a, b),
            _ if a <= b => (a, b),
            _ => (b, a),
        };
        for node_id in [&source, &target] {
            if self.graph.node_index(node_id).is_none() {
                self.graph.upsert_node(node_data(self.kb(), node_id, self.date));
            }
            self.present.insert(node_id.clone());
        }
        let known = self.ex.country_ids.len() + self.ex.org_ids.len() + self.ex.person_ids.len();
        let mut no = |p: Participant, id: &Arc<str>| -> u32 {
            let n = match p {
                Participant::Country(c) => c,
                Participant::Person(i) if i < self.ex.person_ids.len() => {
                    self.ex.country_ids.len() + self.ex.org_ids.len() + i
                }
                // A name the knowledge base does not know: numbered across the whole corpus.
                Participant::Person(_) => {
                    let next = known + self.pending.unknown.len();
                    let n = *self.pending.unknown.entry(id.clone()).or_insert(u32::try_from(next).unwrap_or(u32::MAX));
                    return n;
                }
            };
            u32::try_from(n).unwrap_or(u32::MAX)
        };
        let (id_a, id_b) = (id(fact.a), id(fact.b));
        let (na, nb) = (no(fact.a, &id_a), no(fact.b, &id_b));
        let (a_no, b_no) = (na.min(nb), na.max(nb));
        let status = fact.status;
        let key = || EdgeKey { source, target, kind: EdgeKind::Meeting, status: Some(status.as_str().into()) };
        let status_no = match status {
            meetings::Status::Held => 1,
            meetings::Status::Planned => 2,
        };
        self.add_text_edge(
            (a_no, b_no, EdgeKind::Meeting, status_no),
            key,
            index,
            sentence,
            fact.spans.iter().copied().collect(),
        );
    }

    fn add_text_edge(
        &mut self,
        pending_key: (u32, u32, EdgeKind, u8),
        key: impl FnOnce() -> EdgeKey,
        index: usize,
        sentence: (usize, usize),
        mut mentions: crate::graph::Spans,
    ) {
        // A pronoun's antecedent may stand in an earlier sentence: keep what this one shows.
        mentions.retain(|&mut (s, e)| s >= sentence.0 && e <= sentence.1);
        mentions.sort_unstable();
        mentions.dedup();
        let text = match &self.sentence_text {
            Some((i, t)) if *i == index => t.clone(),
            _ => {
                let t: Arc<str> = Arc::from(&self.doc.text[sentence.0..sentence.1]);
                self.sentence_text = Some((index, t.clone()));
                t
            }
        };
        let evidence =
            Evidence { doc: self.doc_id.clone(), sentence: index, start: sentence.0, end: sentence.1, text, mentions };
        self.pending.edges.entry(pending_key).or_insert_with(|| EdgeData::new(key())).add_evidence(evidence);
    }

    /// `leads` and `member_of` edges among the entities of this document, at its date.
    fn structural(&mut self) {
        let kb = self.ex.kb;
        let present = std::mem::take(&mut self.present);
        // Sorted, so that edges enter the graph in the same order every run.
        let mut ids: Vec<&Arc<str>> = present.iter().collect();
        ids.sort();
        for id in ids {
            if let Some(person) = kb.person_by_id(id) {
                for office in person.offices_at(self.date).filter(|o| o.role.leads_country()) {
                    let Some(country) = &office.country else { continue };
                    let target = format!("country:{country}");
                    if present.contains(target.as_str()) {
                        let mut edge = EdgeData::new(EdgeKey {
                            source: id.clone(),
                            target: target.into(),
                            kind: EdgeKind::Leads,
                            status: None,
                        });
                        edge.docs.insert(self.doc_id.clone());
                        edge.detail = Some(office.title.clone());
                        self.graph.upsert_edge(edge);
                    }
                }
            }
            let Some(iso3) = id.strip_prefix("country:") else { continue };
            for m in kb.memberships_of(iso3).into_iter().filter(|m| m.active_at(self.date)) {
                let target = format!("org:{}", m.org);
                if present.contains(target.as_str()) {
                    let key = EdgeKey {
                        source: id.clone(),
                        target: target.into(),
                        kind: EdgeKind::MemberOf,
                        status: Some(m.status.as_str().into()),
                    };
                    let mut edge = EdgeData::new(key);
                    edge.docs.insert(self.doc_id.clone());
                    edge.since = m.since;
                    edge.until = m.until;
                    self.graph.upsert_edge(edge);
                }
            }
        }
    }
}

/// A node for a knowledge-base entity, with no mentions yet.
pub fn node_data(kb: &KnowledgeBase, id: &str, date: Option<Date>) -> NodeData {
    let mut node = NodeData {
        id: id.to_string(),
        label: id.to_string(),
        kind: NodeKind::Country,
        aliases: Vec::new(),
        country: None,
        office: None,
        memberships: Vec::new(),
        candidate: false,
        mentions: crate::graph::SortedSet::new(),
    };
    match kb.entity(id) {
        Some(EntityRef::Country(i)) => {
            let c = &kb.countries[i];
            node.label.clone_from(&c.name);
            node.aliases = std::iter::once(&c.name)
                .chain(&c.aliases)
                .chain(&c.demonyms)
                .chain(&c.metonyms)
                .chain(&c.capital)
                .cloned()
                .collect();
            node.memberships = kb
                .memberships_of(&c.iso3)
                .into_iter()
                .map(|m| MembershipInfo {
                    org: format!("org:{}", m.org),
                    status: m.status,
                    since: m.since,
                    until: m.until,
                })
                .collect();
        }
        Some(EntityRef::Organisation(i)) => {
            let o = &kb.organisations[i];
            node.kind = NodeKind::Organisation;
            node.label.clone_from(&o.acronym);
            node.aliases =
                std::iter::once(&o.acronym).chain(std::iter::once(&o.name)).chain(&o.aliases).cloned().collect();
        }
        Some(EntityRef::Person(i)) => {
            let p = &kb.people[i];
            node.kind = NodeKind::Leader;
            node.label.clone_from(&p.name);
            node.aliases = std::iter::once(&p.name).chain(&p.aliases).cloned().collect();
            if let Some(office) = p.office_at(date) {
                node.office = Some(match (&office.country, &office.org) {
                    (_, Some(org)) => format!("{} ({org})", office.title),
                    _ => office.title.clone(),
                });
            }
            node.country = p.country_at(date).map(|c| format!("country:{c}"));
        }
        None => {}
    }
    node.aliases.sort();
    node.aliases.dedup();
    node
}
