//! `.relmap` projects: the articles (paths, or the seeds' text itself), the user's
//! knowledge-base additions, positions and pins, filters, selection and named views, as JSON
//! (`relmap.project/1`). Saved atomically; opening a damaged or newer file is an error that
//! changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Document};
use crate::error::{InputError, ProjectError};
use crate::kb::Date;
use crate::view::{SizeMeasure, ViewFilter};

pub const PROJECT_SCHEMA: &str = "relmap.project/1";

/// Where a project's articles come from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ProjectArticles {
    /// Files and folders, read again when the project opens.
    Paths { paths: Vec<PathBuf> },
    /// Articles kept in the project itself (the seeds), so it reopens the same anywhere.
    Embedded { documents: Vec<EmbeddedArticle> },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EmbeddedArticle {
    pub id: String,
    pub path: String,
    pub text: String,
}

/// A saved filter (and focus) the user can switch back to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NamedView {
    pub name: String,
    pub filter: ViewFilter,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub schema: String,
    pub articles: ProjectArticles,
    /// The user's own knowledge-base file (TOML), merged over the built-in one.
    #[serde(default)]
    pub kb_additions: Option<String>,
    #[serde(default)]
    pub layout_seed: u64,
    /// Every node's position, by id.
    #[serde(default)]
    pub positions: BTreeMap<String, [f32; 2]>,
    #[serde(default)]
    pub pinned: BTreeMap<String, [f32; 2]>,
    #[serde(default)]
    pub filter: ViewFilter,
    #[serde(default)]
    pub size_measure: SizeMeasure,
    /// The date blocs are read at, when the user chose one.
    #[serde(default)]
    pub date: Option<Date>,
    /// The selected node's id, or `edge:<source>|<target>|<kind>|<status>`.
    #[serde(default)]
    pub selection: Option<String>,
    #[serde(default)]
    pub named_views: Vec<NamedView>,
    /// The part of the map the canvas showed (zoom and pan), as a rectangle in layout units:
    /// the window shows it again, whatever its size.
    #[serde(default)]
    pub viewport: Option<Viewport>,
}

/// A rectangle of the map in layout units: top-left and bottom-right corners.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Viewport {
    pub min: [f32; 2],
    pub max: [f32; 2],
}

impl Project {
    /// A project of articles with nothing arranged yet.
    pub fn new(articles: ProjectArticles) -> Self {
        Self {
            schema: PROJECT_SCHEMA.into(),
            articles,
            kb_additions: None,
            layout_seed: crate::layout::LayoutSettings::default().seed,
            positions: BTreeMap::new(),
            pinned: BTreeMap::new(),
            filter: ViewFilter::default(),
            size_measure: SizeMeasure::default(),
            date: None,
            selection: None,
            named_views: Vec::new(),
            viewport: None,
        }
    }

    /// The seeds, embedded.
    pub fn embedded(corpus: &Corpus) -> ProjectArticles {
        ProjectArticles::Embedded {
            documents: corpus
                .documents
                .iter()
                .map(|d| EmbeddedArticle { id: d.id.clone(), path: d.path.clone(), text: d.text.to_string() })
                .collect(),
        }
    }

    /// The built-in knowledge base with the project's additions merged over it, when it has
    /// some (named "the project's knowledge base" in errors).
    pub fn knowledge_base(&self) -> Option<Result<crate::kb::KnowledgeBase, crate::error::KbError>> {
        let text = self.kb_additions.as_deref()?;
        Some(crate::kb::KnowledgeBase::builtin_with_user_text("the project's knowledge base", text))
    }

    /// The project's articles, and the inputs that could not be read.
    pub fn corpus(&self) -> (Corpus, Vec<InputError>) {
        match &self.articles {
            ProjectArticles::Paths { paths } => Corpus::load(paths, &crate::LoadOptions::default()),
            ProjectArticles::Embedded { documents } => {
                let mut corpus = Corpus::default();
                for d in documents {
                    let mut doc = Document::from_text(&d.id, &d.path, d.text.clone());
                    doc.id.clone_from(&d.id);
                    corpus.documents.push(doc);
                }
                corpus.documents.sort_by(|a, b| a.id.cmp(&b.id));
                (corpus, Vec::new())
            }
        }
    }

    /// Writes the project as JSON, atomically: a crash during the save leaves the old file.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        let json = serde_json::to_string_pretty(self)
            .map_err(|e| ProjectError::Write { path: path.display().to_string(), message: e.to_string() })?;
        crate::output::write_atomically(path, format!("{json}\n").as_bytes())
            .map_err(|e| ProjectError::Write { path: path.display().to_string(), message: e.to_string() })
    }

    /// Reads a project. A damaged, truncated, foreign or newer file is an error naming it.
    pub fn open(path: &Path) -> Result<Project, ProjectError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| ProjectError::Read { path: name.clone(), message: e.to_string() })?;
        // The schema first, so that a newer file says so rather than failing on a new field.
        let head: serde_json::Value = serde_json::from_str(&text)
            .map_err(|e| ProjectError::Parse { path: name.clone(), message: e.to_string() })?;
        let schema = head.get("schema").and_then(|s| s.as_str()).unwrap_or_default();
        let Some(version) = schema.strip_prefix("relmap.project/") else {
            return Err(ProjectError::Parse { path: name, message: format!("no `{PROJECT_SCHEMA}` schema") });
        };
        if version.parse::<u32>().map_or(true, |v| v > 1) {
            return Err(ProjectError::Newer { path: name, found: schema.into(), supported: PROJECT_SCHEMA.into() });
        }
        serde_json::from_value(head).map_err(|e| ProjectError::Parse { path: name, message: e.to_string() })
    }
}

/// Whether `path` names a project file.
pub fn is_project(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("relmap"))
}
