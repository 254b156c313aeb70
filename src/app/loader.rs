//! Loading and extracting a corpus on a named background thread, reporting progress through a
//! channel, so the window never freezes.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::corpus::Corpus;
use crate::extract::{ExtractOptions, Extractor};
use crate::extraction::Extraction;
use crate::kb::KnowledgeBase;
use crate::layout::{GraphLayout, LayoutSettings};
use crate::view::{SizeMeasure, ViewFilter};
use crate::{InputError, LoadOptions};

/// What to open.
#[derive(Debug, Clone, PartialEq)]
pub enum Sources {
    /// The five seed articles embedded in the binary.
    Seeds,
    Paths(Vec<PathBuf>),
    /// A saved project (already read and checked) and where it lives.
    Project(Box<crate::project::Project>, PathBuf),
}

impl Sources {
    /// A key for what the user opened, under which pinned positions are remembered.
    pub fn key(&self) -> String {
        match self {
            Sources::Seeds => "seeds".to_string(),
            Sources::Paths(paths) => {
                let mut names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
                names.sort();
                names.join("|")
            }
            Sources::Project(_, path) => format!("project:{}", path.display()),
        }
    }
}

/// A loaded corpus with its extraction and first layout.
#[derive(Debug)]
pub struct Loaded {
    pub sources: Sources,
    pub corpus: Corpus,
    pub extraction: Extraction,
    /// Files that could not be read, one message each (naming the file).
    pub errors: Vec<String>,
    pub layout: GraphLayout,
    /// The knowledge base a project brings (its additions merged over the built-in one).
    pub kb: Option<Arc<KnowledgeBase>>,
}

/// Messages from the loading thread.
#[derive(Debug)]
pub enum LoadMessage {
    Progress { stage: String, fraction: f32 },
    Done(Box<Loaded>),
    Failed(String),
}

/// Loads `sources` on the calling thread, reporting progress to `progress`. `pinned` positions
/// (remembered from an earlier run) are kept.
pub fn load(
    sources: &Sources,
    kb: &KnowledgeBase,
    pinned: &std::collections::BTreeMap<String, [f32; 2]>,
    measure: SizeMeasure,
    progress: &dyn Fn(&str, f32),
) -> Loaded {
    progress("Reading articles", 0.05);
    let mut project_kb = None;
    let mut kb_errors = Vec::new();
    let (mut known, mut pinned, mut settings) = (BTreeMap::new(), pinned.clone(), LayoutSettings::default());
    let (corpus, errors) = match sources {
        Sources::Seeds => (Corpus::seeds(), Vec::new()),
        Sources::Paths(paths) => Corpus::load(paths, &LoadOptions::default()),
        Sources::Project(project, _) => {
            match project.knowledge_base() {
                Some(Ok(kb)) => project_kb = Some(Arc::new(kb)),
                Some(Err(e)) => kb_errors.push(e.to_string()),
                None => {}
            }
            known.clone_from(&project.positions);
            pinned.clone_from(&project.pinned);
            settings.seed = project.layout_seed;
            project.corpus()
        }
    };
    let kb: &KnowledgeBase = project_kb.as_deref().unwrap_or(kb);
    let mut errors: Vec<String> = errors.iter().map(InputError::to_string).collect();
    errors.extend(kb_errors);
    progress(&format!("Extracting {} articles", corpus.documents.len()), 0.3);
    let extraction = Extractor::new(kb).extract(&corpus, &ExtractOptions::default());
    progress(&format!("Laying out {} entities", extraction.graph.node_count()), 0.7);
    let mut layout = GraphLayout::new(&extraction.graph, settings, &known, &pinned);
    let base = crate::view::apply(&extraction.graph, kb, &ViewFilter::default(), corpus.reference_date());
    layout.set_radii(&extraction.graph, &crate::view::node_radii(&base, measure));
    layout.engine.run_to_rest();
    progress("Done", 1.0);
    Loaded { sources: sources.clone(), corpus, extraction, errors, layout, kb: project_kb }
}

/// The background loader: one job at a time, the latest request wins.
#[derive(Default)]
pub struct Loader {
    receiver: Option<Receiver<LoadMessage>>,
    /// Stage and fraction of the running job.
    pub progress: Option<(String, f32)>,
}

impl Loader {
    /// Starts loading on a thread named `relmap-loader`; `wake` is called after each message
    /// (the app passes a repaint request).
    pub fn start(
        &mut self,
        sources: Sources,
        kb: Arc<KnowledgeBase>,
        pinned: std::collections::BTreeMap<String, [f32; 2]>,
        measure: SizeMeasure,
        wake: impl Fn() + Send + Sync + 'static,
    ) {
        let (sender, receiver): (Sender<LoadMessage>, Receiver<LoadMessage>) = channel();
        self.receiver = Some(receiver);
        self.progress = Some(("Starting".into(), 0.0));
        let wake = Arc::new(wake);
        let spawned = std::thread::Builder::new().name("relmap-loader".into()).spawn({
            let sender = sender.clone();
            let wake = wake.clone();
            move || {
                let report = |stage: &str, fraction: f32| {
                    let _ = sender.send(LoadMessage::Progress { stage: stage.to_string(), fraction });
                    wake();
                };
                let loaded = load(&sources, &kb, &pinned, measure, &report);
                let _ = sender.send(LoadMessage::Done(Box::new(loaded)));
                wake();
            }
        });
        if let Err(e) = spawned {
            let _ = sender.send(LoadMessage::Failed(format!("cannot start the loading thread: {e}")));
        }
    }

    pub fn is_busy(&self) -> bool {
        self.receiver.is_some()
    }

    /// The messages that arrived since the last call; the finished result, if any.
    pub fn poll(&mut self) -> Option<Result<Box<Loaded>, String>> {
        let receiver = self.receiver.as_ref()?;
        let mut finished = None;
        loop {
            match receiver.try_recv() {
                Ok(LoadMessage::Progress { stage, fraction }) => self.progress = Some((stage, fraction)),
                Ok(LoadMessage::Done(loaded)) => finished = Some(Ok(loaded)),
                Ok(LoadMessage::Failed(e)) => finished = Some(Err(e)),
                Err(std::sync::mpsc::TryRecvError::Empty) => break,
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    if finished.is_none() {
                        finished = Some(Err("loading stopped unexpectedly".to_string()));
                    }
                    break;
                }
            }
        }
        if finished.is_some() {
            self.receiver = None;
            self.progress = None;
        }
        finished
    }
}
