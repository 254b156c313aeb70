//! relmap's core: knowledge base, article loading, extraction with evidence, the relationship
//! graph and its JSON form. No GUI code lives here (see ARCHITECTURE.md).

pub mod app;
pub mod corpus;
pub mod error;
pub mod eval;
pub mod export;
pub mod extract;
pub mod extraction;
pub mod graph;
pub mod kb;
pub mod layout;
pub mod map;
pub mod output;
pub mod project;
pub mod style;
pub mod view;
pub mod warning;

pub use corpus::{Corpus, Document, LoadOptions};
pub use error::{ExportError, InputError, KbError, ProjectError};
pub use extract::{ExtractOptions, Extractor};
pub use extraction::Extraction;
pub use graph::RelGraph;
pub use kb::KnowledgeBase;
