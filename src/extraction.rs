//! The result of extraction: documents, graph, warnings and candidates; mergeable, so a large
//! corpus can be split, extracted in parts and merged (associative and commutative).

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::graph::RelGraph;
use crate::kb::Date;
use crate::warning::Warning;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct DocumentMeta {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub date: Option<Date>,
}

/// A capitalised name after an office title that the knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Candidate {
    pub name: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub doc: String,
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub documents: BTreeSet<DocumentMeta>,
    pub graph: RelGraph,
    pub warnings: BTreeSet<Warning>,
    pub candidates: BTreeSet<Candidate>,
}

impl Extraction {
    /// Merges `other` into `self`. `a.merge(b)` equals `b.merge(a)`, and grouping does not matter.
    pub fn merge(&mut self, other: &Extraction) {
        self.documents.extend(other.documents.iter().cloned());
        self.graph.merge(&other.graph);
        self.warnings.extend(other.warnings.iter().cloned());
        self.candidates.extend(other.candidates.iter().cloned());
    }

    /// Like [`Extraction::merge`], moving `other`'s data instead of copying it.
    pub fn merge_owned(&mut self, other: Extraction) {
        self.documents.extend(other.documents);
        self.graph.merge_owned(other.graph);
        self.warnings.extend(other.warnings);
        self.candidates.extend(other.candidates);
    }
}
