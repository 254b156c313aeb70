//! Articles in: reading files and folders (.txt, .md, .html, .jsonl) into documents with an id,
//! a title and a date, never failing as a whole: each unreadable input is reported on its own.

mod formats;
mod meta;
mod seeds;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::InputError;
use crate::kb::Date;
use crate::warning::Warning;
pub use meta::{detect_date, detect_title};
pub use seeds::SEEDS;

/// One article as relmap analyses it. Byte offsets in evidence refer to `text`, which the
/// extraction's graph shares rather than copies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub path: String,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub text: Arc<str>,
}

impl Document {
    /// A document from plain text, with title and date detected from its head.
    pub fn from_text(id: &str, path: &str, text: String) -> Self {
        Self {
            id: id.into(),
            path: path.into(),
            title: detect_title(&text),
            date: detect_date(&text),
            text: text.into(),
        }
    }
}

/// The articles of one extraction, in a stable order (by id).
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    /// Problems that did not stop loading (lossy decoding, duplicate ids).
    pub warnings: Vec<Warning>,
}

/// Limits and choices for reading inputs.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    pub max_file_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self { max_file_bytes: 64 * 1024 * 1024 }
    }
}

impl Corpus {
    /// The embedded seed articles.
    pub fn seeds() -> Self {
        let mut corpus = Corpus::default();
        for (name, text) in SEEDS {
            let id = name.trim_end_matches(".txt");
            corpus.documents.push(Document::from_text(id, &format!("seeds/{name}"), (*text).to_string()));
        }
        corpus.finish();
        corpus
    }

    /// Reads files and folders (recursively). Returns the corpus of everything readable and
    /// one error per input that could not be read.
    pub fn load(paths: &[PathBuf], options: &LoadOptions) -> (Self, Vec<InputError>) {
        let mut corpus = Corpus::default();
        let mut errors = Vec::new();
        for path in paths {
            if !path.exists() {
                errors.push(InputError::Missing { path: path.display().to_string() });
            } else if path.is_dir() {
                let mut files = Vec::new();
                collect_files(path, &mut files, &mut errors);
                files.sort();
                for file in files {
                    corpus.load_file(&file, options, &mut errors);
                }
            } else {
                corpus.load_file(path, options, &mut errors);
            }
        }
        corpus.finish();
        errors.sort();
        errors.dedup();
        (corpus, errors)
    }

    fn load_file(&mut self, path: &Path, options: &LoadOptions, errors: &mut Vec<InputError>) {
        match formats::read_file(path, options) {
            Ok(read) => {
                self.warnings.extend(read.warnings);
                errors.extend(read.errors);
                self.documents.extend(read.docs);
            }
            Err(e) => errors.push(e),
        }
    }

    /// Makes ids unique (a second `a.txt` in another folder becomes `a~2`) and sorts by id.
    fn finish(&mut self) {
        let mut seen = BTreeSet::new();
        for doc in &mut self.documents {
            if !seen.insert(doc.id.clone()) {
                let original = doc.id.clone();
                let mut n = 2;
                while seen.contains(&format!("{original}~{n}")) {
                    n += 1;
                }
                doc.id = format!("{original}~{n}");
                seen.insert(doc.id.clone());
                self.warnings.push(Warning::about_doc(
                    "duplicate_id",
                    &doc.id,
                    format!("{}: another document already has the id `{original}`", doc.path),
                ));
            }
        }
        self.documents.sort_by(|a, b| a.id.cmp(&b.id));
        self.warnings.sort();
        self.warnings.dedup();
    }

    /// The date undated articles are resolved at: the latest article date in the corpus.
    pub fn reference_date(&self) -> Option<Date> {
        self.documents.iter().filter_map(|d| d.date).max()
    }

    pub fn total_bytes(&self) -> usize {
        self.documents.iter().map(|d| d.text.len()).sum()
    }
}

fn collect_files(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            errors.push(InputError::Unreadable { path: dir.display().to_string(), message: e.to_string() });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if path.is_dir() {
            collect_files(&path, files, errors);
        } else if formats::is_supported(&path) {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_five_sorted_documents_with_dates_where_stated() {
        let corpus = Corpus::seeds();
        assert_eq!(corpus.documents.len(), 5);
        assert_eq!(corpus.documents[0].id, "000_b23909d84b658e04");
        assert_eq!(corpus.documents[4].date, crate::kb::parse_date(Some("2024-07-03")).unwrap());
        assert_eq!(corpus.documents[1].title.as_deref(), Some("Putin meets Xi and Erdogan in Astana"));
        assert_eq!(corpus.reference_date(), crate::kb::parse_date(Some("2024-07-03")).unwrap());
    }
}
