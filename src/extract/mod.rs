//! Extraction: articles + knowledge base -> graph with evidence. Never fails: what it cannot
//! use becomes a warning or a candidate.

pub mod claims;
pub mod fold;
pub mod meetings;
pub mod mentions;
mod pending;
pub mod resolve;
pub mod sentences;

use rustc_hash::FxHashSet;
use std::sync::Arc;

use crate::corpus::{Corpus, Document};
use crate::extraction::{Candidate, DocumentMeta, Extraction};
use crate::graph::{
    DocNo, EdgeData, EdgeKey, EdgeKind, Evidence, MembershipInfo, MentionRef, NodeData, NodeKind, RelGraph, Spans,
};
use crate::kb::{Date, EntityRef, KnowledgeBase};
use crate::warning::Warning;
use meetings::{Memory, Participant};
use mentions::{CountryForm, Matcher, RawMention};
use pending::{EdgeNo, Pending, PendingEdge};
use petgraph::stable_graph::NodeIndex;
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
    /// By person number: the offices that lead a country, as (person the id names, office
    /// index, country number).
    leads: Vec<Vec<(usize, usize, u32)>>,
    /// By country number: its memberships, as (membership index, organisation number).
    memberships: Vec<Vec<(usize, u32)>>,
}

impl<'kb> Extractor<'kb> {
    pub fn new(kb: &'kb KnowledgeBase) -> Self {
        Self {
            kb,
            matcher: Matcher::new(kb),
            country_ids: kb.countries.iter().map(|c| Arc::from(format!("country:{}", c.iso3))).collect(),
            org_ids: kb.organisations.iter().map(|o| Arc::from(format!("org:{}", o.acronym))).collect(),
            person_ids: kb.people.iter().map(|p| Arc::from(p.id.as_str())).collect(),
            leads: kb.people.iter().map(|p| leading_offices(kb, &p.id)).collect(),
            memberships: kb
                .countries
                .iter()
                .map(|c| {
                    (kb.memberships.iter().enumerate())
                        .filter(|(_, m)| m.country == c.iso3)
                        .filter_map(|(i, m)| match kb.entity(&format!("org:{}", m.org)) {
                            Some(EntityRef::Organisation(o)) => Some((i, number(o))),
                            _ => None,
                        })
                        .collect()
                })
                .collect(),
        }
    }

    /// Known entities: countries, then organisations, then people.
    fn entity_count(&self) -> usize {
        self.country_ids.len() + self.org_ids.len() + self.person_ids.len()
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
        let numbers = out.graph.add_documents(docs);
        let mut pending = Pending::new(self.entity_count());
        for (doc, no) in docs.iter().zip(numbers) {
            self.read_document(doc, no, reference, &mut out, &mut pending);
        }
        pending.flush(&mut out.graph);
        out
    }

    /// Extracts one document into `out` (undated documents are read at `reference`).
    pub fn extract_document(&self, doc: &Document, reference: Option<Date>, out: &mut Extraction) {
        let no = out.graph.add_documents(std::slice::from_ref(doc)).first().copied().unwrap_or(DocNo::MAX);
        let mut pending = Pending::new(self.entity_count());
        self.read_document(doc, no, reference, out, &mut pending);
        pending.flush(&mut out.graph);
    }

    /// Reads one document: nodes and structural edges go to `out`, text edges to `pending`.
    fn read_document(
        &self,
        doc: &Document,
        doc_no: DocNo,
        reference: Option<Date>,
        out: &mut Extraction,
        pending: &mut Pending,
    ) {
        out.documents.insert(DocumentMeta {
            id: doc.id.clone(),
            path: doc.path.clone(),
            title: doc.title.clone(),
            date: doc.date,
        });
        let text: &str = &doc.text;
        let raws = self.matcher.find(text);
        let date = doc.date.or(reference);
        let raws = self.matcher.with_family_names(text, raws, |p| self.kb.people[p].in_office_at(date));
        let named_in_doc: FxHashSet<usize> = raws
            .iter()
            .filter_map(|r| match r.persons() {
                [one] if r.country().is_none() && r.organisation().is_none() => Some(*one),
                _ => None,
            })
            .collect();
        let dateline = dateline_country(text, &raws);
        let ctx = DocContext { kb: self.kb, date, named_in_doc, unknown: std::cell::RefCell::default(), dateline };
        let mut builder = DocBuilder {
            ex: self,
            doc_no,
            date,
            reference,
            graph: &mut out.graph,
            present: Vec::new(),
            pending,
            spans: Vec::new(),
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

/// How far into an article a dateline may stand (after a headline and a byline).
const DATELINE_BYTES: usize = 600;

/// A dateline: a place in capitals at the start of a line, then a comma, a colon, a dash or an
/// agency in brackets ("KUALA LUMPUR, Oct 26 (Bernama) --", "ISLAMABAD:", "BEIJING (AFP) -").
static DATELINE: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| re(r"(?m)^[ \t]*([A-Z][A-Z'’.\- ]{2,40}?)[ \t]*(?:,|:|\(|[-–—])"));

/// A dateline in title case before an agency in brackets: "Doha (AFP) –", "Nairobi (Reuters) -".
static DATELINE_AGENCY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    re(r"(?m)^[ \t]*([A-Z][\p{L}'’.\-]+(?: [A-Z][\p{L}'’.\-]+){0,3})[ \t]*\([A-Z][A-Za-z]+\)[ \t]*[-–—]")
});

/// The place of the article's dateline, when the knowledge base knows it, as an item of its
/// country (where "flew in" went).
fn dateline_country(text: &str, raws: &[RawMention]) -> Option<Item> {
    let mut end = text.len().min(DATELINE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let place = (DATELINE.captures_iter(head).find_map(|c| c.get(1)))
        .or_else(|| DATELINE_AGENCY.captures_iter(head).find_map(|c| c.get(1)))?;
    let raw = raws.iter().find(|r| r.start >= place.start() && r.end <= place.end() && r.country().is_some())?;
    let (country, _) = raw.country()?;
    let kind =
        ItemKind::Country { country, form: CountryForm::Capital, locative: true, descriptor: false, place_like: true };
    Some(Item { start: raw.start, end: raw.end, kind })
}

/// Whether `s` starts with `prefix`, ignoring ASCII case.
pub(crate) fn starts_with_ignore_ascii_case(s: &str, prefix: &str) -> bool {
    s.as_bytes().get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// The offices of the person `id` names that lead a country: (person index, office index,
/// country number).
fn leading_offices(kb: &KnowledgeBase, id: &str) -> Vec<(usize, usize, u32)> {
    let Some(EntityRef::Person(p)) = kb.entity(id) else { return Vec::new() };
    (kb.people[p].offices.iter().enumerate())
        .filter(|(_, o)| o.role.leads_country())
        .filter_map(|(i, o)| Some((p, i, number(kb.country_index(o.country.as_deref()?)?))))
        .collect()
}

fn number(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// A byte range as the graph keeps it (documents are far below 4 GiB: files are read up to
/// `LoadOptions::max_file_bytes`).
fn offsets((start, end): (usize, usize)) -> (u32, u32) {
    (number(start), number(end))
}

impl Extractor<'_> {
    /// The id of entity `no` as an item names it.
    fn entity_id(&self, no: u32, kind: &ItemKind) -> Arc<str> {
        let (countries, orgs) = (self.country_ids.len(), self.org_ids.len());
        let no = no as usize;
        match kind {
            ItemKind::Unknown { id, .. } => id.clone(),
            _ if no < countries => self.country_ids[no].clone(),
            _ if no < countries + orgs => self.org_ids[no - countries].clone(),
            _ => self.person_ids[no - countries - orgs].clone(),
        }
    }
}

/// Adds one document's nodes to the graph and its edges to `pending`.
struct DocBuilder<'a, 'kb> {
    ex: &'a Extractor<'kb>,
    doc_no: DocNo,
    date: Option<Date>,
    /// The corpus's reference date: nodes describe entities (office, country) at this date, the
    /// same whichever document or thread creates them.
    reference: Option<Date>,
    graph: &'a mut RelGraph,
    /// Numbers of the known entities this document names or describes (for structural edges).
    present: Vec<u32>,
    pending: &'a mut Pending,
    /// Co-mentions of the current sentence: entity number, item index and byte range.
    spans: Vec<(u32, usize, (usize, usize))>,
}

impl DocBuilder<'_, '_> {
    fn kb(&self) -> &KnowledgeBase {
        self.ex.kb
    }

    /// The graph node of known entity `no` (id `id`), made from the knowledge base at the
    /// reference date if there is none yet.
    fn known_node(&mut self, no: u32, id: &Arc<str>) -> NodeIndex {
        if let Some(Some(i)) = self.pending.nodes.get(no as usize) {
            return *i;
        }
        let i = match self.graph.node_index(id) {
            Some(i) => i,
            None => self.graph.upsert_node(node_data(self.ex.kb, id, self.reference)),
        };
        if let Some(slot) = self.pending.nodes.get_mut(no as usize) {
            *slot = Some(i);
        }
        i
    }

    fn mentions(&mut self, sentence: usize, items: &[Item], candidates: &[resolve::RawCandidate]) {
        let (countries, orgs) = (self.ex.country_ids.len(), self.ex.org_ids.len());
        for item in items {
            if let ItemKind::Unknown { id, candidate, .. } = &item.kind {
                self.candidate_mention(sentence, item, id, &candidates[*candidate]);
                continue;
            }
            let (no, id, described) = match item.kind {
                ItemKind::Person { person, named } => (countries + orgs + person, &self.ex.person_ids[person], !named),
                ItemKind::Country { country, locative: false, .. } => (country, &self.ex.country_ids[country], false),
                ItemKind::Organisation { org } => (countries + org, &self.ex.org_ids[org], false),
                _ => continue,
            };
            let no = number(no);
            let node = self.known_node(no, id);
            self.pending.add_mention(node, self.mention(sentence, item, described));
            self.present.push(no);
        }
    }

    fn mention(&self, sentence: usize, item: &Item, described: bool) -> MentionRef {
        MentionRef {
            doc: self.doc_no,
            sentence: number(sentence),
            start: number(item.start),
            end: number(item.end),
            described,
        }
    }

    /// The entity an item names for co-mentions: its number.
    fn entity(&mut self, kind: &ItemKind) -> Option<u32> {
        let (countries, orgs) = (self.ex.country_ids.len(), self.ex.org_ids.len());
        match kind {
            ItemKind::Person { person, .. } => Some(number(countries + orgs + person)),
            ItemKind::Country { country, locative: false, descriptor: false, .. } => Some(number(*country)),
            ItemKind::Organisation { org } => Some(number(countries + org)),
            ItemKind::Unknown { id, .. } if self.ex.kb.entity(id).is_none() => Some(self.unknown_number(id)),
            _ => None,
        }
    }

    /// The number of a name the knowledge base does not know, numbered across the whole corpus.
    fn unknown_number(&mut self, id: &Arc<str>) -> u32 {
        let next = number(self.ex.entity_count() + self.pending.unknown.len());
        *self.pending.unknown.entry(id.clone()).or_insert(next)
    }

    /// A node for a name after an office title that the knowledge base does not know.
    fn candidate_mention(&mut self, sentence: usize, item: &Item, id: &str, c: &resolve::RawCandidate) {
        if self.kb().entity(id).is_some() {
            return;
        }
        let node = match self.graph.node_index(id) {
            Some(i) => i,
            None => {
                let mut node = node_data(self.kb(), id, self.reference);
                node.kind = NodeKind::Leader;
                node.label.clone_from(&c.name);
                node.aliases = vec![c.name.clone()];
                node.office = Some(c.title.clone());
                node.country = c.country.map(|i| self.ex.country_ids[i].to_string());
                node.candidate = true;
                self.graph.upsert_node(node)
            }
        };
        let mention = self.mention(sentence, item, false);
        self.pending.add_mention(node, mention);
    }

    fn co_mentions(&mut self, index: usize, sentence: (usize, usize), items: &[Item]) {
        let mut spans = std::mem::take(&mut self.spans);
        spans.clear();
        for (k, item) in items.iter().enumerate() {
            if let Some(no) = self.entity(&item.kind) {
                spans.push((no, k, (item.start, item.end)));
            }
        }
        if spans.len() >= 2 {
            spans.sort_unstable_by_key(|&(no, _, span)| (no, span));
            // The first span of each entity, in entity order.
            let mut firsts: smallvec::SmallVec<[usize; 8]> = smallvec::SmallVec::new();
            for (i, s) in spans.iter().enumerate() {
                if i == 0 || spans[i - 1].0 != s.0 {
                    firsts.push(i);
                }
            }
            for (x, &i) in firsts.iter().enumerate() {
                for &j in &firsts[x + 1..] {
                    let (a_no, b_no) = (spans[i].0, spans[j].0);
                    let mentions = spans
                        .iter()
                        .filter(|(no, _, _)| *no == a_no || *no == b_no)
                        .map(|&(_, _, span)| offsets(span))
                        .collect();
                    let (a_item, b_item) = (spans[i].1, spans[j].1);
                    let ex = self.ex;
                    let key = || {
                        let a = ex.entity_id(a_no, &items[a_item].kind);
                        let b = ex.entity_id(b_no, &items[b_item].kind);
                        let (source, target) = if a <= b { (a, b) } else { (b, a) };
                        EdgeKey { source, target, kind: EdgeKind::CoMention, status: None }
                    };
                    self.add_text_edge((a_no, b_no, EdgeKind::CoMention, 0), key, index, sentence, mentions);
                }
            }
        }
        self.spans = spans;
    }

    fn meeting(&mut self, ctx: &DocContext<'_>, index: usize, sentence: (usize, usize), fact: &meetings::MeetingFact) {
        let (countries, orgs) = (self.ex.country_ids.len(), self.ex.org_ids.len());
        // The id of a participant, and its number when the knowledge base knows it.
        let id = |p: Participant| -> (Arc<str>, Option<u32>) {
            match p {
                Participant::Person(i) => match self.ex.person_ids.get(i) {
                    Some(id) => (id.clone(), Some(number(countries + orgs + i))),
                    None => (ctx.person_id(i).unwrap_or_else(|| Arc::from("person:unknown")), None),
                },
                Participant::Country(c) => (self.ex.country_ids[c].clone(), Some(number(c))),
            }
        };
        let ((a, a_known), (b, b_known)) = (id(fact.a), id(fact.b));
        // Person-person meetings are unordered; a visit goes from the person to the country.
        let swap = match (fact.a, fact.b) {
            (Participant::Country(_), Participant::Person(_)) => true,
            (Participant::Person(_), Participant::Country(_)) => false,
            _ => a > b,
        };
        let ((source, source_known), (target, target_known)) = if swap {
            ((b.clone(), b_known), (a.clone(), a_known))
        } else {
            ((a.clone(), a_known), (b.clone(), b_known))
        };
        for (node_id, known) in [(&source, source_known), (&target, target_known)] {
            match known {
                Some(no) => {
                    self.known_node(no, node_id);
                    self.present.push(no);
                }
                None if self.graph.node_index(node_id).is_none() => {
                    self.graph.upsert_node(node_data(self.kb(), node_id, self.reference));
                }
                None => {}
            }
        }
        let na = a_known.unwrap_or_else(|| self.unknown_number(&a));
        let nb = b_known.unwrap_or_else(|| self.unknown_number(&b));
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
            fact.spans.iter().map(|&span| offsets(span)).collect(),
        );
    }

    fn add_text_edge(
        &mut self,
        no: EdgeNo,
        key: impl FnOnce() -> EdgeKey,
        index: usize,
        sentence: (usize, usize),
        mut mentions: Spans,
    ) {
        let (start, end) = offsets(sentence);
        // A pronoun's antecedent may stand in an earlier sentence: keep what this one shows.
        mentions.retain(|&mut (s, e)| s >= start && e <= end);
        mentions.sort_unstable();
        mentions.dedup();
        let (doc, index) = (self.doc_no, number(index));
        let make = || PendingEdge { data: EdgeData::new(key()), docs: Vec::new() };
        self.pending.add_evidence(no, make, Evidence { doc, sentence: index, start, end, mentions });
    }

    /// A `leads` or `member_of` edge from this document, merged as the graph merges them.
    fn structural_edge(&mut self, no: EdgeNo, make: impl Fn() -> EdgeData) {
        let doc = self.doc_no;
        let (edge, new) = self.pending.edge(no, || PendingEdge { data: make(), docs: Vec::new() });
        if !new {
            let other = make();
            edge.data.detail = edge.data.detail.take().max(other.detail);
            edge.data.since = edge.data.since.max(other.since);
            edge.data.until = edge.data.until.max(other.until);
        }
        edge.docs.push(doc);
    }

    /// `leads` and `member_of` edges among the entities of this document, at its date.
    fn structural(&mut self) {
        let ex = self.ex;
        let kb = ex.kb;
        let mut present = std::mem::take(&mut self.present);
        present.sort_unstable();
        present.dedup();
        let (countries, orgs) = (ex.country_ids.len(), ex.org_ids.len());
        for &no in &present {
            let n = no as usize;
            if n >= countries + orgs {
                let person = n - countries - orgs;
                for &(p, office, country) in &ex.leads[person] {
                    let office = &kb.people[p].offices[office];
                    if !office.held_at(self.date) || present.binary_search(&country).is_err() {
                        continue;
                    }
                    self.structural_edge((no, country, EdgeKind::Leads, 0), || {
                        let mut edge = EdgeData::new(EdgeKey {
                            source: ex.person_ids[person].clone(),
                            target: ex.country_ids[country as usize].clone(),
                            kind: EdgeKind::Leads,
                            status: None,
                        });
                        edge.detail = Some(office.title.clone());
                        edge
                    });
                }
            } else if n < countries {
                for &(m, org) in &ex.memberships[n] {
                    let m = &kb.memberships[m];
                    let org_no = number(countries) + org;
                    if !m.active_at(self.date) || present.binary_search(&org_no).is_err() {
                        continue;
                    }
                    let status_no = m.status as u8 + 1;
                    self.structural_edge((no, org_no, EdgeKind::MemberOf, status_no), || {
                        let mut edge = EdgeData::new(EdgeKey {
                            source: ex.country_ids[n].clone(),
                            target: ex.org_ids[org as usize].clone(),
                            kind: EdgeKind::MemberOf,
                            status: Some(m.status.as_str().into()),
                        });
                        edge.since = m.since;
                        edge.until = m.until;
                        edge
                    });
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
