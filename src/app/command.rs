//! What panels ask the app to do. Panels never change the model; they push commands, and the
//! app applies them once per frame in one place (`RelmapApp::apply`).

use std::path::PathBuf;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::view::{SizeMeasure, ViewFilter};

/// What is selected on the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selection {
    Node(NodeIndex),
    Edge(EdgeIndex),
}

/// What to export (the core's export formats).
pub use crate::export::Format as ExportFormat;

/// An export the user asked for; `path` is asked with a save dialog when `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub format: ExportFormat,
    /// The canvas as it is (zoom and pan) instead of a slide of the whole map.
    pub current_view: bool,
    pub width: u32,
    pub height: u32,
    pub scale: f32,
    pub background: crate::export::scene::Background,
    pub legend: bool,
    /// The caption line says what the map shows (articles, dates, filters).
    pub caption: bool,
    /// The user's title, at the head of the caption line (none when empty).
    pub title: String,
    pub path: Option<PathBuf>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Keep the current filter and focus under a name (saved in projects).
    SaveNamedView(String),
    DeleteNamedView(usize),
    /// Save the map as a `.relmap` project (asks where when `None`).
    SaveProject(Option<PathBuf>),
    /// Open a `.relmap` project (asks which when `None`); a bad file leaves the map as it is.
    OpenProject(Option<PathBuf>),
    /// Export an image or data (on a background thread).
    Export(ExportRequest),
    ShowExportWindow,
    /// Open articles (files or folders); `add` keeps the current ones.
    Open {
        paths: Vec<PathBuf>,
        add: bool,
    },
    OpenSeeds,
    /// Show the system's file dialog (on a thread of its own).
    ShowOpenDialog {
        folder: bool,
    },
    SetFilter(ViewFilter),
    SetSizeMeasure(SizeMeasure),
    /// The date blocs and offices are read at; `None` = the latest article date.
    SetDate(Option<crate::kb::Date>),
    Select(Option<Selection>),
    /// Select the best match for a search and centre the map on it.
    Search(String),
    CentreOn(NodeIndex),
    Focus(Option<(String, u8)>),
    Pin {
        node: NodeIndex,
        at: [f32; 2],
    },
    Unpin(NodeIndex),
    UnpinAll,
    RerunLayout,
    FitView,
    /// Show an article's full text, scrolled to a sentence (byte range).
    OpenArticle {
        doc: String,
        sentence: (usize, usize),
    },
    CloseArticle,
    SetDarkMode(bool),
    SetShowLabels(bool),
    SetShowLegend(bool),
    DismissProblems,
    /// Undo the last change to the map (a move, a pin, a filter, ...), or redo it.
    Undo,
    Redo,
}
