//! Scoring an extraction against a hand annotation (`seeds-gold.json` format): per document,
//! entity sets by kind and unordered meeting pairs; uncertain meetings count neither way.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;

use serde::Deserialize;

use crate::extract::fold::fold;
use crate::extraction::Extraction;
use crate::graph::{EdgeKind, NodeKind};
use crate::kb::{KnowledgeBase, slug};

#[derive(Debug, Deserialize)]
pub struct Gold {
    pub articles: Vec<GoldArticle>,
}

#[derive(Debug, Deserialize)]
pub struct GoldArticle {
    pub file: String,
    #[serde(default)]
    pub entities: GoldEntities,
    #[serde(default)]
    pub meetings: Vec<GoldMeeting>,
    #[serde(default)]
    pub uncertain_meetings: Vec<GoldMeeting>,
}

#[derive(Debug, Default, Deserialize)]
pub struct GoldEntities {
    #[serde(default)]
    pub countries: Vec<String>,
    #[serde(default)]
    pub leaders: Vec<String>,
    #[serde(default)]
    pub organisations: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct GoldMeeting {
    pub a: String,
    pub b: String,
}

/// True and false positives and negatives.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Counts {
    pub fn precision(self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
    fn add<T: Ord + Clone>(&mut self, predicted: &BTreeSet<T>, gold: &BTreeSet<T>) -> (Vec<T>, Vec<T>) {
        self.tp += predicted.intersection(gold).count();
        let fp: Vec<T> = predicted.difference(gold).cloned().collect();
        let fn_: Vec<T> = gold.difference(predicted).cloned().collect();
        self.fp += fp.len();
        self.fn_ += fn_.len();
        (fp, fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// Scores and the differences behind them.
#[derive(Debug, Default)]
pub struct Report {
    pub entities: Counts,
    pub entities_by_kind: BTreeMap<&'static str, Counts>,
    pub meetings: Counts,
    /// Per document: (false positives, false negatives) of entities and meetings.
    pub details: BTreeMap<String, Vec<String>>,
}

type Pair = (String, String);

impl Report {
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        let line = |name: &str, c: Counts| {
            format!(
                "{name:<14} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        out.push_str(&line("entities", self.entities));
        for (k, c) in &self.entities_by_kind {
            out.push_str(&line(&format!("  {k}"), *c));
        }
        out.push_str(&line("meetings", self.meetings));
        if verbose {
            for (doc, lines) in &self.details {
                let _ = writeln!(out, "\n{doc}");
                for l in lines {
                    let _ = writeln!(out, "  {l}");
                }
            }
        }
        out
    }
}

/// Scores `ex` against `gold`; gold documents are matched to extracted ones by file stem.
pub fn score(ex: &Extraction, kb: &KnowledgeBase, gold: &Gold) -> Report {
    let names = name_index(kb);
    let id_of = |name: &str| -> String {
        if name.len() == 3 && name.bytes().all(|b| b.is_ascii_uppercase()) && kb.country(name).is_some() {
            return format!("country:{name}");
        }
        names.get(&fold(name)).cloned().unwrap_or_else(|| format!("person:{}", slug(name)))
    };
    let mut report = Report::default();
    for article in &gold.articles {
        let doc = article.file.rsplit_once('.').map_or(article.file.as_str(), |(stem, _)| stem);
        let mut lines = Vec::new();
        let doc_no = ex.graph.doc_no(doc);
        let gold_sets = [
            (
                "countries",
                NodeKind::Country,
                article.entities.countries.iter().map(|c| format!("country:{c}")).collect::<BTreeSet<_>>(),
            ),
            ("leaders", NodeKind::Leader, article.entities.leaders.iter().map(|l| id_of(l)).collect()),
            (
                "organisations",
                NodeKind::Organisation,
                article.entities.organisations.iter().map(|o| format!("org:{o}")).collect(),
            ),
        ];
        for (name, kind, gold_ids) in gold_sets {
            let predicted: BTreeSet<String> = ex
                .graph
                .graph
                .node_weights()
                .filter(|n| n.kind == kind && n.mentions.iter().any(|m| Some(m.doc) == doc_no && !m.described))
                .map(|n| n.id.clone())
                .collect();
            let (fp, fn_) = report.entities_by_kind.entry(name).or_default().add(&predicted, &gold_ids);
            report.entities.add(&predicted, &gold_ids);
            lines.extend(fp.into_iter().map(|x| format!("entity fp {x}")));
            lines.extend(fn_.into_iter().map(|x| format!("entity fn {x}")));
        }
        let pair = |a: String, b: String| -> Pair { if a <= b { (a, b) } else { (b, a) } };
        let gold_pairs: BTreeSet<Pair> = article.meetings.iter().map(|m| pair(id_of(&m.a), id_of(&m.b))).collect();
        let uncertain: BTreeSet<Pair> =
            article.uncertain_meetings.iter().map(|m| pair(id_of(&m.a), id_of(&m.b))).collect();
        let predicted: BTreeSet<Pair> = ex
            .graph
            .edges_of_kind(EdgeKind::Meeting)
            .into_iter()
            .filter(|e| doc_no.is_some_and(|d| e.docs.contains(&d)))
            .map(|e| pair(e.key.source.to_string(), e.key.target.to_string()))
            .filter(|p| gold_pairs.contains(p) || !uncertain.contains(p))
            .collect();
        let (fp, fn_) = report.meetings.add(&predicted, &gold_pairs);
        lines.extend(fp.into_iter().map(|(a, b)| format!("meeting fp {a} - {b}")));
        lines.extend(fn_.into_iter().map(|(a, b)| format!("meeting fn {a} - {b}")));
        report.details.insert(doc.to_string(), lines);
    }
    report
}

/// Folded name or alias -> person id.
fn name_index(kb: &KnowledgeBase) -> HashMap<String, String> {
    let mut index = HashMap::new();
    for p in &kb.people {
        for n in std::iter::once(&p.name).chain(&p.aliases) {
            index.entry(fold(n)).or_insert_with(|| p.id.clone());
        }
    }
    index
}
