//! Extraction: articles + knowledge base -> graph with evidence. Never fails: what it cannot
//! use becomes a warning or a candidate.

pub mod claims;
pub mod fold;
pub mod meetings;
pub mod mentions;
pub mod resolve;
pub mod sentences;

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::corpus::{Corpus, Document};
use crate::extraction::{Candidate, DocumentMeta, Extraction};
use crate::graph::{EdgeData, EdgeKey, EdgeKind, Evidence, MembershipInfo, MentionRef, NodeData, NodeKind, RelGraph};
use crate::kb::{Date, EntityRef, KnowledgeBase};
use crate::warning::Warning;
use meetings::{Memory, Participant};
use mentions::{Matcher, RawMention};
use resolve::{DocContext, Item, ItemKind};

/// Choices that change what extraction produces.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The date undated articles are read at; by default the corpus's latest article date.
    pub reference_date: Option<Date>,
}

/// A knowledge base compiled for matching; build once, extract many corpora.
pub struct Extractor<'kb> {
    kb: &'kb KnowledgeBase,
    matcher: Matcher,
}

impl<'kb> Extractor<'kb> {
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        Self { kb, matcher: Matcher::new(kb) }
    }

    pub fn kb(&self) -> &KnowledgeBase {
        self.kb
    }

    /// Extracts the whole corpus.
    pub fn extract(&self, corpus: &Corpus, options: &ExtractOptions) -> Extraction {
        let reference = options.reference_date.or_else(|| corpus.reference_date());
        let mut out = Extraction::default();
        out.warnings.extend(corpus.warnings.iter().cloned());
        for doc in &corpus.documents {
            self.extract_document(doc, reference, &mut out);
        }
        out
    }

    /// Extracts one document into `out` (undated documents are read at `reference`).
    pub fn extract_document(&self, doc: &Document, reference: Option<Date>, out: &mut Extraction) {
        out.documents.insert(DocumentMeta {
            id: doc.id.clone(),
            path: doc.path.clone(),
            title: doc.title.clone(),
            date: doc.date,
        });
        let text = doc.text.as_str();
        let raws = self.matcher.find(text);
        let named_in_doc: HashSet<usize> = raws
            .iter()
            .filter_map(|r| match r.persons().as_slice() {
                [one] if r.country().is_none() && r.organisation().is_none() => Some(*one),
                _ => None,
            })
            .collect();
        let date = doc.date.or(reference);
        let ctx = DocContext { kb: self.kb, date, named_in_doc };
        let mut builder = DocBuilder { ex: self, doc, date, graph: &mut out.graph, present: BTreeSet::new() };
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
                continue;
            }
            let (items, candidates) = resolve::sentence_items(&ctx, text, sentence, sentence_raws);
            builder.mentions(index, &items);
            builder.co_mentions(index, sentence, &items);
            for fact in meetings::find(&ctx, text, sentence, &items, &mut memory) {
                builder.meeting(index, sentence, &fact);
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
    date: Option<Date>,
    graph: &'a mut RelGraph,
    /// Entity ids this document names or describes (for structural edges).
    present: BTreeSet<String>,
}

impl DocBuilder<'_, '_> {
    fn kb(&self) -> &KnowledgeBase {
        self.ex.kb
    }

    fn mentions(&mut self, sentence: usize, items: &[Item]) {
        for item in items {
            let (id, described) = match item.kind {
                ItemKind::Person { person, named } => (self.kb().people[person].id.clone(), !named),
                ItemKind::Country { country, locative: false, .. } => {
                    (format!("country:{}", self.kb().countries[country].iso3), false)
                }
                ItemKind::Organisation { org } => (format!("org:{}", self.kb().organisations[org].acronym), false),
                _ => continue,
            };
            let mut node = node_data(self.kb(), &id, self.date);
            node.mentions.insert(MentionRef {
                doc: self.doc.id.clone(),
                sentence,
                start: item.start,
                end: item.end,
                described,
            });
            self.graph.upsert_node(node);
            self.present.insert(id);
        }
    }

    fn co_mentions(&mut self, index: usize, sentence: (usize, usize), items: &[Item]) {
        let mut spans: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for item in items {
            let id = match item.kind {
                ItemKind::Person { person, .. } => self.kb().people[person].id.clone(),
                ItemKind::Country { country, locative: false, descriptor: false, .. } => {
                    format!("country:{}", self.kb().countries[country].iso3)
                }
                ItemKind::Organisation { org } => format!("org:{}", self.kb().organisations[org].acronym),
                _ => continue,
            };
            spans.entry(id).or_default().push((item.start, item.end));
        }
        let mut ids: Vec<&String> = spans.keys().collect();
        ids.sort();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let key =
                    EdgeKey { source: (*a).clone(), target: (*b).clone(), kind: EdgeKind::CoMention, status: None };
                let mentions = spans[*a].iter().chain(&spans[*b]).copied().collect();
                self.add_text_edge(key, index, sentence, mentions);
            }
        }
    }

    fn meeting(&mut self, index: usize, sentence: (usize, usize), fact: &meetings::MeetingFact) {
        let id = |p: Participant| match p {
            Participant::Person(i) => self.kb().people[i].id.clone(),
            Participant::Country(c) => format!("country:{}", self.kb().countries[c].iso3),
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
            self.graph.upsert_node(node_data(self.kb(), node_id, self.date));
            self.present.insert(node_id.clone());
        }
        let key = EdgeKey { source, target, kind: EdgeKind::Meeting, status: Some(fact.status.as_str().into()) };
        self.add_text_edge(key, index, sentence, fact.spans.iter().copied().collect());
    }

    fn add_text_edge(
        &mut self,
        key: EdgeKey,
        index: usize,
        sentence: (usize, usize),
        mentions: BTreeSet<(usize, usize)>,
    ) {
        let mut edge = EdgeData::new(key);
        edge.add_evidence(Evidence {
            doc: self.doc.id.clone(),
            sentence: index,
            start: sentence.0,
            end: sentence.1,
            text: self.doc.text[sentence.0..sentence.1].to_string(),
            // A pronoun's antecedent may stand in an earlier sentence: keep what this one shows.
            mentions: mentions.into_iter().filter(|&(s, e)| s >= sentence.0 && e <= sentence.1).collect(),
        });
        self.graph.upsert_edge(edge);
    }

    /// `leads` and `member_of` edges among the entities of this document, at its date.
    fn structural(&mut self) {
        let kb = self.ex.kb;
        let present = std::mem::take(&mut self.present);
        for id in &present {
            if let Some(person) = kb.person_by_id(id) {
                for office in person.offices_at(self.date).filter(|o| o.role.leads_country()) {
                    let Some(country) = &office.country else { continue };
                    let target = format!("country:{country}");
                    if present.contains(&target) {
                        let mut edge =
                            EdgeData::new(EdgeKey { source: id.clone(), target, kind: EdgeKind::Leads, status: None });
                        edge.docs.insert(self.doc.id.clone());
                        edge.detail = Some(office.title.clone());
                        self.graph.upsert_edge(edge);
                    }
                }
            }
            let Some(iso3) = id.strip_prefix("country:") else { continue };
            for m in kb.memberships_of(iso3).into_iter().filter(|m| m.active_at(self.date)) {
                let target = format!("org:{}", m.org);
                if present.contains(&target) {
                    let key = EdgeKey {
                        source: id.clone(),
                        target,
                        kind: EdgeKind::MemberOf,
                        status: Some(m.status.as_str().into()),
                    };
                    let mut edge = EdgeData::new(key);
                    edge.docs.insert(self.doc.id.clone());
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
        mentions: BTreeSet::new(),
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
