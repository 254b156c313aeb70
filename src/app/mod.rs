//! The desktop app (the only part of relmap that uses egui): a window with the relationship map,
//! filters on the left, evidence on the right. State = model (no egui types) + settings + each
//! panel's own view state; panels push `Command`s that `RelmapApp::apply` carries out.

pub mod canvas;
pub mod command;
pub mod exporting;
pub mod history;
pub mod loader;
pub mod model;
pub mod panels;
pub mod settings;
pub mod style;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Instant;

use canvas::Canvas;
use command::{Command, Selection};
use loader::{Loader, Sources};
use model::Model;
use panels::article::ArticleView;
use panels::evidence::EvidencePanel;
use panels::export::ExportPanel;
use panels::filters::FiltersPanel;
use settings::{STORAGE_KEY, Settings};

use crate::kb::KnowledgeBase;
use crate::layout::{GraphLayout, LayoutSettings};

/// Layout work per frame while the layout is moving, so dragging stays smooth.
const LAYOUT_BUDGET_MS: u128 = 8;
/// Idle after this long without input or motion.
const IDLE_AFTER_MS: u128 = 600;
/// Frame spacing when idle (doubled after a longer idle spell).
const IDLE_FRAME_MS: u64 = 50;

/// What an export thread reports: a message for the status line, or what went wrong.
type ExportOutcome = Result<String, String>;

pub struct RelmapApp {
    kb: Arc<KnowledgeBase>,
    pub model: Option<Model>,
    pub settings: Settings,
    pub canvas: Canvas,
    filters: FiltersPanel,
    evidence: EvidencePanel,
    pub article: Option<ArticleView>,
    loader: Loader,
    dialog_results: (Sender<Vec<PathBuf>>, Receiver<Vec<PathBuf>>),
    pub export_panel: ExportPanel,
    /// Finished exports: a message for the status line.
    export_results: (Sender<ExportOutcome>, Receiver<ExportOutcome>),
    /// Problems to show: unreadable files, a failed load.
    pub problems: Vec<String>,
    message: Option<String>,
    commands: Vec<Command>,
    frame_ms: f32,
    theme_applied: Option<bool>,
    last_activity: Instant,
    /// Undo and redo of the user's changes to the map.
    pub history: history::History,
}

impl RelmapApp {
    /// An app that starts loading `sources` at once (in the background).
    pub fn new(kb: Arc<KnowledgeBase>, settings: Settings, sources: Sources, ctx: &egui::Context) -> Self {
        let mut app = Self::empty(kb, settings);
        app.start_loading(sources, ctx);
        app
    }

    /// An app that loads `sources` before returning (for tests and scripted runs).
    pub fn new_loaded(kb: Arc<KnowledgeBase>, settings: Settings, sources: Sources) -> Self {
        let mut app = Self::empty(kb, settings);
        let pinned = app.settings.pins.get(&sources.key()).cloned().unwrap_or_default();
        let loaded = loader::load(&sources, &app.kb, &pinned, app.settings.size_measure, &|_, _| {});
        app.install(loaded);
        app
    }

    fn empty(kb: Arc<KnowledgeBase>, settings: Settings) -> Self {
        Self {
            kb,
            model: None,
            settings,
            canvas: Canvas::default(),
            filters: FiltersPanel::default(),
            evidence: EvidencePanel::default(),
            article: None,
            loader: Loader::default(),
            dialog_results: channel(),
            export_panel: ExportPanel::default(),
            export_results: channel(),
            problems: Vec::new(),
            message: None,
            commands: Vec::new(),
            frame_ms: 0.0,
            theme_applied: None,
            last_activity: Instant::now(),
            history: history::History::default(),
        }
    }

    fn start_loading(&mut self, sources: Sources, ctx: &egui::Context) {
        let pinned = self.settings.pins.get(&sources.key()).cloned().unwrap_or_default();
        let ctx = ctx.clone();
        self.loader.start(sources, self.kb.clone(), pinned, self.settings.size_measure, move || {
            ctx.request_repaint();
        });
    }

    fn install(&mut self, mut loaded: loader::Loaded) {
        if let Some(kb) = loaded.kb.take() {
            self.kb = kb;
        }
        let project = match &loaded.sources {
            Sources::Project(p, _) => Some(p.as_ref().clone()),
            _ => None,
        };
        let reopened = self.model.as_ref().is_some_and(|m| m.sources == loaded.sources);
        self.history.clear();
        if !reopened {
            // Filters that name articles or entities of another corpus mean nothing here.
            self.settings.filter.focus = None;
            self.settings.filter.excluded_docs.clear();
        }
        self.problems = loaded.errors.clone();
        if let Some(p) = &project {
            self.settings.filter = p.filter.clone();
            self.settings.size_measure = p.size_measure;
        }
        let mut model = Model::new(loaded, &self.kb, &self.settings.filter);
        model.set_size_measure(&self.kb, self.settings.size_measure);
        if let Some(p) = &project {
            if p.date.is_some() {
                model.date = p.date;
                model.refresh_view(&self.kb, &self.settings.filter);
            }
            model.selection =
                p.selection.as_deref().and_then(|id| model.extraction.graph.node_index(id)).map(Selection::Node);
            model.named_views.clone_from(&p.named_views);
        }
        if model.corpus.documents.is_empty() {
            self.message = Some("No readable articles in what was opened.".into());
        } else {
            self.message = None;
        }
        self.model = Some(model);
        self.article = None;
        match project.as_ref().and_then(|p| p.viewport) {
            Some(v) => self.canvas.request_show(v.min, v.max),
            None => self.canvas.request_fit(),
        }
    }

    /// The whole window; `eframe::App::ui` calls this, and so do the UI tests.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        let started = Instant::now();
        let ctx = ui.ctx().clone();
        if self.theme_applied != Some(self.settings.dark_mode) {
            ctx.set_theme(if self.settings.dark_mode { egui::Theme::Dark } else { egui::Theme::Light });
            self.theme_applied = Some(self.settings.dark_mode);
        }
        if let Some(result) = self.loader.poll() {
            match result {
                Ok(loaded) => self.install(*loaded),
                Err(e) => self.problems.push(e),
            }
        }
        while let Ok(result) = self.export_results.1.try_recv() {
            self.message = Some(match result {
                Ok(done) => done,
                Err(e) => format!("Export failed: {e}"),
            });
        }
        while let Ok(paths) = self.dialog_results.1.try_recv() {
            match paths.as_slice() {
                [] => {}
                [one] if crate::project::is_project(one) => self.commands.push(Command::OpenProject(Some(one.clone()))),
                _ => self.commands.push(Command::Open { paths, add: false }),
            }
        }
        self.dropped_files(&ctx);
        self.shortcuts(&ctx);
        self.step_layout(&ctx);

        let mut commands = std::mem::take(&mut self.commands);
        egui::Panel::top("relmap-menu").show(ui, |ui| {
            let history = (self.history.undo_label(), self.history.redo_label());
            let project_path = self.project_path();
            let context = panels::menu::MenuContext { busy: self.loader.is_busy(), history, project_path };
            panels::menu::menu_ui(ui, &self.settings, &context, &mut commands);
        });
        egui::Panel::bottom("relmap-status").show(ui, |ui| {
            panels::status::status_ui(
                ui,
                &panels::status::StatusInfo {
                    model: self.model.as_ref(),
                    progress: self.loader.progress.as_ref(),
                    message: self.message.as_deref(),
                    frame_ms: self.frame_ms,
                },
            );
        });
        if let Some(model) = &self.model {
            egui::Panel::left("relmap-filters").resizable(true).default_size(270.0).show(ui, |ui| {
                self.filters.ui(ui, model, &self.settings, &mut commands);
            });
            egui::Panel::right("relmap-evidence").resizable(true).default_size(380.0).show(ui, |ui| {
                self.evidence.ui(ui, model, &mut commands);
            });
        }
        egui::CentralPanel::default().show(ui, |ui| match &self.model {
            Some(model) => self.canvas.ui(ui, model, &self.settings, &mut commands),
            None => {
                ui.centered_and_justified(|ui| {
                    if self.loader.is_busy() {
                        ui.spinner();
                    } else {
                        ui.label("Open articles with File → Open, or drop files here.");
                    }
                });
            }
        });
        if let (Some(article), Some(model)) = (&mut self.article, &self.model) {
            article.ui(&ctx, model, &mut commands);
        }
        if self.export_panel.open {
            self.export_panel.ui(&ctx, &mut commands);
        }
        self.problems_ui(&ctx, &mut commands);
        for command in commands {
            self.apply(command, &ctx);
        }
        self.frame_ms = started.elapsed().as_secs_f32() * 1000.0;
    }

    fn problems_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.problems.is_empty() {
            return;
        }
        egui::Window::new("Some files could not be read").collapsible(false).default_width(520.0).show(ctx, |ui| {
            for p in &self.problems {
                ui.label(p);
            }
            ui.label(egui::RichText::new("Everything else was loaded.").weak());
            if ui.button("OK").clicked() {
                commands.push(Command::DismissProblems);
            }
        });
    }

    /// Runs layout steps within the frame budget while the layout moves.
    fn step_layout(&mut self, ctx: &egui::Context) {
        let Some(model) = &mut self.model else { return };
        if model.layout.engine.is_at_rest() {
            return;
        }
        let start = Instant::now();
        while !model.layout.engine.is_at_rest() && start.elapsed().as_millis() < LAYOUT_BUDGET_MS {
            model.layout.engine.step();
        }
        ctx.request_repaint();
    }

    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_path_buf()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if !dropped.is_empty() {
            self.commands.push(Command::Open { paths: dropped, add: true });
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::S)) {
            self.commands.push(Command::SaveProject(None));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
            // Save: to the project's own file when there is one, else ask where.
            self.commands.push(Command::SaveProject(self.project_path()));
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::E)) {
            self.commands.push(Command::ShowExportWindow);
        }
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            ctx.memory_mut(|m| m.request_focus(egui::Id::new(panels::filters::SEARCH_ID)));
        }
        if ctx.egui_wants_keyboard_input() {
            // A text field has its own undo.
            return;
        }
        let (undo, redo) = ctx.input_mut(|i| {
            let redo = i.consume_key(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z)
                || i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y);
            (i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z), redo)
        });
        if undo {
            self.commands.push(Command::Undo);
        }
        if redo {
            self.commands.push(Command::Redo);
        }
        let (fit, rerun, labels, unpin, unpin_all, escape) = ctx.input(|i| {
            (
                i.key_pressed(egui::Key::F) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::R) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::L) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::U) && i.modifiers.is_none(),
                i.key_pressed(egui::Key::U) && i.modifiers.shift,
                i.key_pressed(egui::Key::Escape),
            )
        });
        if fit {
            self.commands.push(Command::FitView);
        }
        if rerun {
            self.commands.push(Command::RerunLayout);
        }
        if labels {
            self.commands.push(Command::SetShowLabels(!self.settings.show_labels));
        }
        if unpin && let Some(Selection::Node(n)) = self.model.as_ref().and_then(|m| m.selection) {
            self.commands.push(Command::Unpin(n));
        }
        if unpin_all {
            self.commands.push(Command::UnpinAll);
        }
        if escape {
            self.commands.push(Command::Select(None));
        }
    }

    /// egui_graphs' GraphView asks for a new frame every frame, so a still window would redraw
    /// as fast as it can. Once nothing has moved for a moment (no input, layout at rest, nothing
    /// loading), frames are spaced out to 20, then 10 per second; the first input brings full speed back.
    fn throttle_when_idle(&mut self, ctx: &egui::Context) {
        let active = ctx.input(|i| !i.events.is_empty() || i.pointer.is_moving() || i.pointer.any_down())
            || self.loader.is_busy()
            || self.model.as_ref().is_some_and(|m| !m.layout.engine.is_at_rest());
        let now = Instant::now();
        if active {
            self.last_activity = now;
        } else {
            let idle = now.duration_since(self.last_activity).as_millis();
            let pause = if idle > 3 * IDLE_AFTER_MS {
                IDLE_FRAME_MS * 2
            } else if idle > IDLE_AFTER_MS {
                IDLE_FRAME_MS
            } else {
                0
            };
            std::thread::sleep(std::time::Duration::from_millis(pause));
        }
    }

    /// Queues a command for the next frame, as a panel would.
    pub fn push_command(&mut self, command: Command) {
        self.commands.push(command);
    }

    /// Carries out one command: the only place where the model and settings change.
    pub fn apply(&mut self, command: Command, ctx: &egui::Context) {
        if let Some(label) = self.undo_label_of(&command)
            && let Some(before) = self.snapshot(label)
        {
            self.history.record(before);
        }
        match command {
            Command::Undo => {
                if let Some(now) = self.snapshot(String::new())
                    && let Some(before) = self.history.undo(now)
                {
                    self.message = Some(format!("Undid: {}", before.label));
                    self.restore(before);
                }
            }
            Command::Redo => {
                if let Some(now) = self.snapshot(String::new())
                    && let Some(after) = self.history.redo(now)
                {
                    self.message = Some(format!("Redid: {}", after.label));
                    self.restore(after);
                }
            }
            Command::Open { paths, add } => {
                let paths = match (&self.model, add) {
                    (Some(model), true) => match &model.sources {
                        Sources::Paths(existing) => existing.iter().cloned().chain(paths).collect(),
                        Sources::Project(p, _) => match &p.articles {
                            crate::project::ProjectArticles::Paths { paths: existing } => {
                                existing.iter().cloned().chain(paths).collect()
                            }
                            crate::project::ProjectArticles::Embedded { .. } => {
                                self.message = Some("Dropped files replace the project's embedded articles.".into());
                                paths
                            }
                        },
                        Sources::Seeds => {
                            self.message = Some("Dropped files replace the seed articles.".into());
                            paths
                        }
                    },
                    _ => paths,
                };
                self.start_loading(Sources::Paths(paths), ctx);
            }
            Command::OpenSeeds => self.start_loading(Sources::Seeds, ctx),
            Command::ShowExportWindow => self.export_panel.open = true,
            Command::SaveProject(path) => self.save_project(path, ctx),
            Command::SaveNamedView(name) => {
                if let Some(model) = &mut self.model {
                    model.named_views.retain(|v| v.name != name);
                    model.named_views.push(crate::project::NamedView { name, filter: self.settings.filter.clone() });
                }
            }
            Command::DeleteNamedView(i) => {
                if let Some(model) = &mut self.model
                    && i < model.named_views.len()
                {
                    model.named_views.remove(i);
                }
            }
            Command::OpenProject(Some(path)) => match crate::project::Project::open(&path) {
                Ok(project) => {
                    self.remember_project(&path);
                    self.start_loading(Sources::Project(Box::new(project), path), ctx);
                }
                // The map stays as it was.
                Err(e) => self.message = Some(e.to_string()),
            },
            Command::OpenProject(None) => {
                let sender = self.dialog_results.0.clone();
                let ctx = ctx.clone();
                let _ = std::thread::Builder::new().name("relmap-file-dialog".into()).spawn(move || {
                    let path = rfd::FileDialog::new().add_filter("relmap project", &["relmap"]).pick_file();
                    let _ = sender.send(path.into_iter().collect());
                    ctx.request_repaint();
                });
            }
            Command::Export(request) => self.start_export(request, ctx),
            Command::ShowOpenDialog { folder } => self.show_open_dialog(folder, ctx),
            Command::SetFilter(filter) => {
                self.settings.filter = filter;
                if let Some(model) = &mut self.model {
                    model.refresh_view(&self.kb, &self.settings.filter);
                }
            }
            Command::SetSizeMeasure(measure) => {
                self.settings.size_measure = measure;
                if let Some(model) = &mut self.model {
                    model.set_size_measure(&self.kb, measure);
                }
            }
            Command::SetDate(date) => {
                if let Some(model) = &mut self.model {
                    model.date = date.or_else(|| model.corpus.reference_date());
                    model.refresh_view(&self.kb, &self.settings.filter);
                }
            }
            Command::Select(selection) => {
                if let Some(model) = &mut self.model {
                    model.selection = selection;
                }
            }
            Command::Search(query) => {
                let Some(model) = &mut self.model else { return };
                let hits = model.search(&query);
                match hits.iter().find(|n| model.view.contains_node(**n)).or(hits.first()) {
                    Some(&node) => {
                        if !model.view.contains_node(node) {
                            self.message =
                                Some(format!("{} is hidden by the filters.", model.extraction.graph.graph[node].label));
                        }
                        model.selection = Some(Selection::Node(node));
                        self.canvas.request_centre(node);
                    }
                    None => self.message = Some(format!("No entity matches “{query}”.")),
                }
            }
            Command::CentreOn(node) => self.canvas.request_centre(node),
            Command::Focus(focus) => {
                self.settings.filter.focus = focus;
                if let Some(model) = &mut self.model {
                    model.refresh_view(&self.kb, &self.settings.filter);
                }
                self.canvas.request_fit();
            }
            Command::Pin { node, at } => self.with_layout_node(node, |layout, i| layout.engine.pin(i, at)),
            Command::Unpin(node) => self.with_layout_node(node, |layout, i| layout.engine.unpin(i)),
            Command::UnpinAll => {
                if let Some(model) = &mut self.model {
                    model.layout.engine.unpin_all();
                }
                self.remember_pins();
            }
            Command::RerunLayout => {
                if let Some(model) = &mut self.model {
                    let pinned = model.layout.pinned_by_id();
                    let seed = LayoutSettings::default();
                    model.layout = GraphLayout::new(&model.extraction.graph, seed, &Default::default(), &pinned);
                    model.layout.set_radii(&model.extraction.graph, &model.radii);
                }
                self.canvas.request_fit();
            }
            Command::FitView => self.canvas.request_fit(),
            Command::OpenArticle { doc, sentence } => {
                self.article = Some(ArticleView { doc, sentence, scroll_pending: true });
            }
            Command::CloseArticle => self.article = None,
            Command::SetDarkMode(dark) => self.settings.dark_mode = dark,
            Command::SetShowLabels(show) => self.settings.show_labels = show,
            Command::SetShowLegend(show) => self.settings.show_legend = show,
            Command::DismissProblems => self.problems.clear(),
        }
    }

    /// The name of the change `command` makes, when it is one the user can undo (and changes
    /// something).
    fn undo_label_of(&self, command: &Command) -> Option<String> {
        let model = self.model.as_ref()?;
        let name = |node: &petgraph::stable_graph::NodeIndex| {
            model.extraction.graph.graph.node_weight(*node).map_or_else(String::new, |n| n.label.clone())
        };
        Some(match command {
            Command::SetFilter(filter) if *filter != self.settings.filter => "Filter change".into(),
            Command::Focus(focus) if *focus != self.settings.filter.focus => "Focus".into(),
            Command::SetSizeMeasure(measure) if *measure != self.settings.size_measure => "Node size".into(),
            Command::SetDate(_) => "As-of date".into(),
            Command::Pin { node, .. } => format!("Move {}", name(node)),
            Command::Unpin(node) => format!("Unpin {}", name(node)),
            Command::UnpinAll => "Unpin all".into(),
            Command::RerunLayout => "Re-run layout".into(),
            _ => return None,
        })
    }

    /// The state the user can undo changes of, named `label`.
    fn snapshot(&self, label: String) -> Option<history::Snapshot> {
        let model = self.model.as_ref()?;
        Some(history::Snapshot::new(
            label,
            self.settings.filter.clone(),
            self.settings.size_measure,
            model.date,
            model.layout.engine.positions().to_vec(),
            model.layout.engine.pins().to_vec(),
        ))
    }

    fn restore(&mut self, state: history::Snapshot) {
        let Some(model) = &mut self.model else { return };
        self.settings.filter = state.filter;
        self.settings.size_measure = state.size_measure;
        model.date = state.date;
        model.refresh_view(&self.kb, &self.settings.filter);
        model.set_size_measure(&self.kb, state.size_measure);
        // After the radii, which wake the layout: the picture is the one from before.
        model.layout.engine.restore(&state.positions, &state.pinned);
        self.remember_pins();
    }

    fn with_layout_node(&mut self, node: petgraph::stable_graph::NodeIndex, f: impl FnOnce(&mut GraphLayout, usize)) {
        if let Some(model) = &mut self.model
            && let Some(data) = model.extraction.graph.graph.node_weight(node)
            && let Some(i) = model.layout.index_of(&data.id)
        {
            f(&mut model.layout, i);
        }
        self.remember_pins();
    }

    fn remember_pins(&mut self) {
        if let Some(model) = &self.model {
            let pins = model.layout.pinned_by_id();
            let key = model.sources.key();
            if pins.is_empty() {
                self.settings.pins.remove(&key);
            } else {
                self.settings.pins.insert(key, pins);
            }
        }
    }

    /// The file the open map is saved to by Save: the project it came from.
    pub fn project_path(&self) -> Option<PathBuf> {
        match &self.model.as_ref()?.sources {
            Sources::Project(_, path) => Some(path.clone()),
            _ => None,
        }
    }

    /// The current map as a project.
    pub fn project(&self) -> Option<crate::project::Project> {
        use crate::project::{Project, ProjectArticles};
        let model = self.model.as_ref()?;
        let articles = match &model.sources {
            Sources::Seeds => Project::embedded(&model.corpus),
            Sources::Paths(paths) => ProjectArticles::Paths { paths: paths.clone() },
            Sources::Project(p, _) => p.articles.clone(),
        };
        let mut project = Project::new(articles);
        // The user's own knowledge-base entries, whether from `--kb FILE` or an opened project.
        project.kb_additions.clone_from(&self.kb.user_text);
        if let Sources::Project(p, _) = &model.sources {
            project.layout_seed = p.layout_seed;
        }
        project.positions = model.layout.positions_by_id();
        project.pinned = model.layout.pinned_by_id();
        project.filter = self.settings.filter.clone();
        project.size_measure = self.settings.size_measure;
        project.date = model.chosen_date();
        project.selection = match model.selection {
            Some(Selection::Node(n)) => model.extraction.graph.graph.node_weight(n).map(|d| d.id.clone()),
            _ => None,
        };
        project.named_views.clone_from(&model.named_views);
        project.viewport = self.canvas.visible_rect().map(|(min, max)| crate::project::Viewport { min, max });
        Some(project)
    }

    fn save_project(&mut self, path: Option<PathBuf>, ctx: &egui::Context) {
        let Some(project) = self.project() else { return };
        if let Some(path) = &path {
            self.remember_project(path);
        }
        self.in_background("relmap-save", "Save", ctx, move || {
            let path = path.or_else(|| {
                rfd::FileDialog::new().add_filter("relmap project", &["relmap"]).set_file_name("map.relmap").save_file()
            });
            match path {
                Some(path) => {
                    project.save(&path).map(|()| format!("Saved {}", path.display())).map_err(|e| e.to_string())
                }
                None => Ok("Save cancelled.".into()),
            }
        });
    }

    /// Runs `work` (a save or an export, with its dialog) on a thread named `name`; what it
    /// reports goes to the status line. `what` names the work if the thread cannot start.
    fn in_background(
        &mut self,
        name: &str,
        what: &str,
        ctx: &egui::Context,
        work: impl FnOnce() -> ExportOutcome + Send + 'static,
    ) {
        let sender = self.export_results.0.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name(name.into()).spawn(move || {
            let _ = sender.send(work());
            ctx.request_repaint();
        });
        if let Err(e) = spawned {
            self.message = Some(format!("{what} failed: cannot start a thread: {e}"));
        }
    }

    fn remember_project(&mut self, path: &std::path::Path) {
        let recent = &mut self.settings.recent_projects;
        recent.retain(|p| p != path);
        recent.insert(0, path.to_path_buf());
        recent.truncate(8);
    }

    /// Copies what the export needs and runs it on the `relmap-export` thread.
    fn start_export(&mut self, request: command::ExportRequest, ctx: &egui::Context) {
        let Some(model) = &self.model else { return };
        let viewport = (self.canvas.visible_rect().zip(self.canvas.transform))
            .map(|((min, max), t)| (min, max, [t.rect.width().round() as u32, t.rect.height().round() as u32]));
        let job = exporting::ExportJob::new(model, &self.settings.filter, request, viewport);
        self.message = Some("Exporting…".into());
        self.in_background("relmap-export", "Export", ctx, move || match job.choose_path() {
            Some(path) => job.write(&path),
            None => Ok("Export cancelled.".into()),
        });
    }

    /// The system file dialog runs on its own thread; its answer comes back through a channel.
    fn show_open_dialog(&mut self, folder: bool, ctx: &egui::Context) {
        let sender = self.dialog_results.0.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("relmap-file-dialog".into()).spawn(move || {
            let dialog =
                rfd::FileDialog::new().set_title(if folder { "Open a folder of articles" } else { "Open articles" });
            let paths = if folder {
                dialog.pick_folder().map(|p| vec![p])
            } else {
                dialog.add_filter("Articles", &["txt", "md", "html", "htm", "jsonl"]).pick_files()
            };
            let _ = sender.send(paths.unwrap_or_default());
            ctx.request_repaint();
        });
        if spawned.is_err() {
            self.message =
                Some("Could not open the file dialog; drop files onto the window or run `relmap open PATH`.".into());
        }
    }
}

impl eframe::App for RelmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        RelmapApp::ui(self, ui);
        self.throttle_when_idle(ui.ctx());
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.remember_pins();
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }
}

/// Opens the window on `sources`. Returns when the window closes.
pub fn run(kb: KnowledgeBase, sources: Sources) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("relmap")
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let kb = Arc::new(kb);
    eframe::run_native(
        "relmap",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc.storage.and_then(|s| eframe::get_value(s, STORAGE_KEY)).unwrap_or_default();
            Ok(Box::new(RelmapApp::new(kb, settings, sources, &cc.egui_ctx)))
        }),
    )
}
