//! Whole-app flows, headless (egui_kittest): filters, evidence, search, dragging, loading.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::Arc;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use relmap::KnowledgeBase;
use relmap::app::RelmapApp;
use relmap::app::command::Selection;
use relmap::app::loader::Sources;
use relmap::app::settings::Settings;
use relmap::view::Bloc;

fn kb() -> Arc<KnowledgeBase> {
    Arc::new(KnowledgeBase::builtin().unwrap())
}

fn harness(app: RelmapApp) -> Harness<'static, RelmapApp> {
    let mut harness =
        Harness::builder().with_size([1600.0, 1000.0]).build_ui_state(|ui, app: &mut RelmapApp| app.ui(ui), app);
    // GraphView asks for a repaint every frame: step a fixed number of frames.
    harness.run_steps(8);
    harness
}

fn seeds_app() -> RelmapApp {
    RelmapApp::new_loaded(kb(), Settings::default(), Sources::Seeds)
}

fn node_index(app: &RelmapApp, id: &str) -> petgraph::stable_graph::NodeIndex {
    app.model.as_ref().unwrap().extraction.graph.node_index(id).unwrap()
}

fn visible_ids(app: &RelmapApp) -> Vec<String> {
    let model = app.model.as_ref().unwrap();
    model.view.nodes.iter().map(|n| model.extraction.graph.graph[n.index].id.clone()).collect()
}

#[test]
fn unticking_nato_removes_nato_members_from_the_canvas() {
    let mut h = harness(seeds_app());
    assert!(visible_ids(h.state()).contains(&"country:TUR".to_string()), "Türkiye is on the map at first");
    assert!(h.state().canvas.shows(node_index(h.state(), "country:TUR")));
    h.get_by_label_contains("NATO (").click();
    h.run_steps(4);
    let app = h.state();
    let model = app.model.as_ref().unwrap();
    assert!(app.settings.filter.hidden_blocs.contains(&Bloc::Nato));
    for n in &model.view.nodes {
        assert!(
            !n.blocs.contains(&Bloc::Nato),
            "{} is a NATO member but still shown",
            model.extraction.graph.graph[n.index].id
        );
    }
    for id in ["country:TUR", "person:recep-tayyip-erdogan"] {
        let idx = node_index(app, id);
        assert!(!model.view.contains_node(idx), "{id} still in the view");
        assert!(!app.canvas.shows(idx), "{id} still drawn on the canvas");
    }
    // SCO members stay.
    assert!(app.canvas.shows(node_index(app, "country:KAZ")));
}

#[test]
fn searching_erdogan_selects_and_centres_his_node() {
    let mut h = harness(seeds_app());
    // Ctrl+F puts the cursor in the search box.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_steps(2);
    let search = h.get_by(|n| n.role() == Role::TextInput && n.is_focused());
    search.type_text("Erdogan");
    h.run_steps(2);
    h.key_press(egui::Key::Enter);
    h.run_steps(4);
    let app = h.state();
    let erdogan = node_index(app, "person:recep-tayyip-erdogan");
    assert_eq!(app.model.as_ref().unwrap().selection, Some(Selection::Node(erdogan)));
    let t = app.canvas.transform.unwrap();
    let pos = t.to_screen(app.model.as_ref().unwrap().layout.position("person:recep-tayyip-erdogan").unwrap());
    let centre = t.rect.center();
    assert!((pos - centre).length() < 3.0, "Erdogan drawn at {pos:?}, canvas centre {centre:?}");
    // The evidence panel shows him (his name as heading, besides the search suggestion).
    h.get_by_label("Leader (diamond)");
    assert!(h.query_all_by_label("Recep Tayyip Erdoğan").count() >= 2);
}

#[test]
fn selecting_an_edge_shows_its_quotes() {
    let mut h = harness(seeds_app());
    let putin = node_index(h.state(), "person:vladimir-putin");
    h.state_mut().push_command(relmap::app::command::Command::Select(Some(Selection::Node(putin))));
    h.run_steps(3);
    // The strongest ties list has a button per tie; choose his held meeting with Erdogan.
    let model = h.state().model.as_ref().unwrap();
    let meeting = model
        .view
        .edges
        .iter()
        .find(|e| {
            let key = &model.extraction.graph.graph[e.index].key;
            key.kind == relmap::graph::EdgeKind::Meeting
                && (&*key.source, &*key.target) == ("person:recep-tayyip-erdogan", "person:vladimir-putin")
        })
        .expect("Putin–Erdogan meeting in the seeds")
        .clone();
    let quote = {
        let data = &model.extraction.graph.graph[meeting.index];
        let ev = &data.evidence[0];
        model.extraction.graph.sentence_text(ev).to_string()
    };
    h.state_mut().push_command(relmap::app::command::Command::Select(Some(Selection::Edge(meeting.index))));
    h.run_steps(3);
    assert_eq!(h.state().model.as_ref().unwrap().selection, Some(Selection::Edge(meeting.index)));
    h.get_by_label_contains("Recep Tayyip Erdoğan — Vladimir Putin");
    h.get_by_label(&quote);
    // Opening the article shows its full text with the sentence.
    h.get_all_by_label("Open article").next().unwrap().click();
    h.run_steps(3);
    assert!(h.state().article.is_some());
}

#[test]
fn dragging_a_node_pins_it_where_it_was_dropped() {
    let mut h = harness(seeds_app());
    let id = "country:KAZ";
    let (from, to) = {
        let app = h.state();
        let t = app.canvas.transform.unwrap();
        let from = t.to_screen(app.model.as_ref().unwrap().layout.position(id).unwrap());
        (from, from + egui::vec2(120.0, -80.0))
    };
    assert!(
        !h.state()
            .model
            .as_ref()
            .unwrap()
            .layout
            .engine
            .is_pinned(h.state().model.as_ref().unwrap().layout.index_of(id).unwrap())
    );
    h.hover_at(from);
    h.run_steps(2);
    h.drag_at(from);
    h.run_steps(2);
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(6);
    let app = h.state();
    let model = app.model.as_ref().unwrap();
    let i = model.layout.index_of(id).unwrap();
    assert!(model.layout.engine.is_pinned(i), "the dragged node is pinned");
    let t = app.canvas.transform.unwrap();
    let now = t.to_screen(model.layout.engine.positions()[i]);
    assert!((now - to).length() < 4.0, "dropped at {to:?}, drawn at {now:?}");
    // Pins are remembered for this corpus.
    assert!(app.settings.pins.get("seeds").is_some_and(|p| p.contains_key(id)));
}

#[test]
fn loads_a_folder_given_on_the_command_line_in_the_background() {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/heldout");
    let mut h = Harness::builder().with_size([1600.0, 1000.0]).build_ui_state(
        move |ui, app: &mut Option<RelmapApp>| {
            let app = app.get_or_insert_with(|| {
                RelmapApp::new(kb(), Settings::default(), Sources::Paths(vec![folder.clone()]), ui.ctx())
            });
            app.ui(ui);
        },
        None,
    );
    for _ in 0..300 {
        h.run_steps(1);
        if h.state().as_ref().is_some_and(|a| a.model.is_some()) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let app = h.state().as_ref().unwrap();
    let model = app.model.as_ref().expect("the folder loaded");
    assert_eq!(model.extraction.documents.len(), 8);
    assert!(model.view.nodes.len() > 20);
    h.run_steps(3);
    h.get_by_label_contains("Articles (8)");
}

#[test]
fn an_unreadable_file_is_reported_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Putin met Xi Jinping in Astana on Wednesday.").unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let app = RelmapApp::new_loaded(kb(), Settings::default(), Sources::Paths(vec![dir.path().to_path_buf()]));
    assert_eq!(app.model.as_ref().unwrap().extraction.documents.len(), 1);
    assert!(app.problems.iter().any(|p| p.contains("empty.txt")), "{:?}", app.problems);
    let mut h = harness(app);
    h.get_by_label("Some files could not be read");
    h.get_by_label("OK").click();
    h.run_steps(2);
    assert!(h.state().problems.is_empty());
}

#[test]
fn pinned_positions_come_back_with_the_settings() {
    // What eframe stores on exit and hands back at start.
    let mut first = harness(seeds_app());
    let india = node_index(first.state(), "country:IND");
    first.state_mut().push_command(relmap::app::command::Command::Pin { node: india, at: [321.0, -123.0] });
    first.run_steps(3);
    let stored = serde_json::to_string(&first.state().settings).unwrap();
    let settings: Settings = serde_json::from_str(&stored).unwrap();
    let app = RelmapApp::new_loaded(kb(), settings, Sources::Seeds);
    let layout = &app.model.as_ref().unwrap().layout;
    let i = layout.index_of("country:IND").unwrap();
    assert!(layout.engine.is_pinned(i));
    assert_eq!(layout.engine.positions()[i], [321.0, -123.0]);
}

/// A file dropped onto the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn files_dropped_onto_the_window_are_added() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.txt");
    let second = dir.path().join("second.txt");
    std::fs::write(&first, "Putin met Xi Jinping in Astana on Wednesday.").unwrap();
    std::fs::write(&second, "Narendra Modi will visit Kazakhstan next month.").unwrap();
    let start = first.clone();
    let mut h = Harness::builder().with_size([1600.0, 1000.0]).build_ui_state(
        move |ui, app: &mut Option<RelmapApp>| {
            let app = app.get_or_insert_with(|| {
                RelmapApp::new(kb(), Settings::default(), Sources::Paths(vec![start.clone()]), ui.ctx())
            });
            app.ui(ui);
        },
        None,
    );
    let docs = |h: &Harness<'_, Option<RelmapApp>>| {
        h.state().as_ref().and_then(|a| a.model.as_ref()).map_or(0, |m| m.extraction.documents.len())
    };
    let wait_for = |h: &mut Harness<'_, Option<RelmapApp>>, n: usize| {
        for _ in 0..300 {
            h.run_steps(1);
            if docs(h) == n {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    wait_for(&mut h, 1);
    assert_eq!(docs(&h), 1);
    h.input_mut().dropped_files.push(Arc::new(Dropped(second)));
    wait_for(&mut h, 2);
    assert_eq!(docs(&h), 2, "the dropped article joined the open one");
    let model = h.state().as_ref().unwrap().model.as_ref().unwrap();
    assert!(model.extraction.graph.node("person:narendra-modi").is_some());
}

#[test]
fn the_as_of_date_changes_blocs_on_the_map() {
    let mut h = harness(seeds_app());
    let belarus = node_index(h.state(), "country:BLR");
    let blocs =
        |h: &Harness<'_, RelmapApp>| h.state().model.as_ref().unwrap().view.node(belarus).unwrap().blocs.clone();
    assert!(blocs(&h).contains(&Bloc::ScoObserver), "3 July 2024, the seeds' latest date");
    let date = relmap::kb::parse_date(Some("2024-07-04")).unwrap();
    h.state_mut().push_command(relmap::app::command::Command::SetDate(date));
    h.run_steps(3);
    assert!(blocs(&h).contains(&Bloc::ScoMember), "joined on 4 July");
    h.get_by_label_contains("latest article").click();
    h.run_steps(3);
    assert!(blocs(&h).contains(&Bloc::ScoObserver));
}

#[test]
fn exporting_from_the_app_writes_a_slide_and_the_current_view() {
    use relmap::app::command::{Command, ExportFormat, ExportRequest};
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(seeds_app());
    let request = |format, current_view, name: &str| ExportRequest {
        format,
        current_view,
        width: 1280,
        height: 720,
        scale: 1.0,
        background: relmap::export::scene::Background::White,
        legend: true,
        caption: true,
        title: "SCO summit, Astana".into(),
        path: Some(dir.path().join(name)),
    };
    // A filter the caption should name.
    let mut filter = h.state().settings.filter.clone();
    filter.hidden_blocs.insert(Bloc::Nato);
    h.state_mut().push_command(Command::SetFilter(filter));
    h.run_steps(1);
    h.state_mut().push_command(Command::Export(request(ExportFormat::Png, false, "slide.png")));
    h.state_mut().push_command(Command::Export(request(ExportFormat::Png, true, "view.png")));
    h.state_mut().push_command(Command::Export(request(ExportFormat::Gexf, false, "map.gexf")));
    h.state_mut().push_command(Command::Export(request(ExportFormat::Svg, false, "slide.svg")));
    let done = || ["slide.png", "view.png", "map.gexf", "slide.svg"].iter().all(|f| dir.path().join(f).exists());
    for _ in 0..300 {
        h.run_steps(1);
        if done() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(done(), "the exports were not written");
    let size = |name: &str| {
        let reader = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(dir.path().join(name)).unwrap()))
            .read_info()
            .unwrap();
        (reader.info().width, reader.info().height)
    };
    assert_eq!(size("slide.png"), (1280, 720));
    let canvas = h.state().canvas.transform.unwrap().rect;
    assert_eq!(
        size("view.png"),
        (canvas.width().round() as u32, canvas.height().round() as u32),
        "the current view at screen size"
    );
    // The caption: the user's title, then the articles, their dates and the filter.
    let svg = std::fs::read_to_string(dir.path().join("slide.svg")).unwrap();
    let caption = svg.lines().find(|l| l.contains(r#"id="caption""#)).expect("a caption");
    for part in ["SCO summit, Astana — 5 articles", "2024-07-0", "without NATO"] {
        assert!(caption.contains(part), "{part:?} not in {caption}");
    }
    h.run_steps(3);
    h.get_by_label_contains("Exported");
}

#[test]
fn a_saved_project_reopens_with_pins_filters_selection_and_views() {
    use relmap::app::command::Command;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("astana.relmap");
    let mut h = harness(seeds_app());
    let india = node_index(h.state(), "country:IND");
    let putin = node_index(h.state(), "person:vladimir-putin");
    h.state_mut().push_command(Command::Pin { node: india, at: [111.0, 222.0] });
    h.state_mut().push_command(Command::Select(Some(Selection::Node(putin))));
    let mut filter = h.state().settings.filter.clone();
    filter.hidden_blocs.insert(Bloc::Nato);
    h.state_mut().push_command(Command::SetFilter(filter));
    h.state_mut().push_command(Command::SaveNamedView("no NATO".into()));
    // Pan away from the fitted view: the project keeps what the canvas shows.
    h.state_mut().push_command(Command::CentreOn(india));
    h.run_steps(2);
    let (shown_min, shown_max) = h.state().canvas.visible_rect().expect("a drawn canvas");
    h.state_mut().push_command(Command::SaveProject(Some(path.clone())));
    for _ in 0..200 {
        h.run_steps(1);
        if path.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(path.exists(), "the project was not saved");

    // A fresh app opens it: same pins, filter, selection and named view.
    let mut fresh = harness(seeds_app());
    fresh.state_mut().push_command(Command::OpenProject(Some(path.clone())));
    for _ in 0..300 {
        fresh.run_steps(1);
        if fresh.state().model.as_ref().is_some_and(|m| matches!(m.sources, Sources::Project(..))) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let app = fresh.state();
    let model = app.model.as_ref().expect("loaded");
    assert!(matches!(model.sources, Sources::Project(..)), "the project did not load");
    let i = model.layout.index_of("country:IND").unwrap();
    assert!(model.layout.engine.is_pinned(i));
    assert_eq!(model.layout.engine.positions()[i], [111.0, 222.0]);
    assert!(app.settings.filter.hidden_blocs.contains(&Bloc::Nato));
    assert_eq!(
        model.selection.map(|s| match s {
            Selection::Node(n) => model.extraction.graph.graph[n].id.clone(),
            Selection::Edge(_) => String::new(),
        }),
        Some("person:vladimir-putin".into())
    );
    assert_eq!(model.named_views.len(), 1);
    assert_eq!(app.settings.recent_projects.first(), Some(&path));
    fresh.run_steps(2);
    let (min, max) = fresh.state().canvas.visible_rect().unwrap();
    let close = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).abs() < 1.0 && (a[1] - b[1]).abs() < 1.0;
    assert!(
        close(min, shown_min) && close(max, shown_max),
        "the canvas shows {min:?}..{max:?}, the project saved {shown_min:?}..{shown_max:?}"
    );

    // Ctrl+S saves the opened project to its own file, without asking where.
    let before = std::fs::read_to_string(&path).unwrap();
    let china = node_index(fresh.state(), "country:CHN");
    fresh.state_mut().push_command(Command::Pin { node: china, at: [-50.0, 60.0] });
    fresh.run_steps(1);
    fresh.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    for _ in 0..200 {
        fresh.run_steps(1);
        if std::fs::read_to_string(&path).unwrap() != before {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let saved = relmap::project::Project::open(&path).unwrap();
    assert_eq!(saved.pinned.get("country:CHN"), Some(&[-50.0, 60.0]), "Ctrl+S wrote the project's file");

    // A broken file leaves the map as it was and says why.
    let broken = dir.path().join("broken.relmap");
    std::fs::write(&broken, "{ not json").unwrap();
    fresh.state_mut().push_command(Command::OpenProject(Some(broken)));
    fresh.run_steps(3);
    assert!(matches!(fresh.state().model.as_ref().unwrap().sources, Sources::Project(..)));
    fresh.get_by_label_contains("broken.relmap");
}

// An article without a headline is listed by its first words, not by its file id.
#[test]
fn articles_without_a_headline_are_named_by_their_first_words() {
    let h = harness(seeds_app());
    h.get_by_label_contains("Russian President Vladimir Putin has used one of his… (undated)");
    assert!(h.query_by_label_contains("000_b23909d84b658e04 (").is_none());
}

// A project saved from a map opened with `--kb FILE` keeps the user's knowledge-base entries.
#[test]
fn a_project_keeps_the_knowledge_base_file_the_app_was_opened_with() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "President Ana Brel of Freedonia met Vladimir Putin.").unwrap();
    let text = "[[country]]\niso3 = \"FRD\"\nname = \"Freedonia\"\n";
    let kb = Arc::new(KnowledgeBase::builtin_with_user_text("mine.toml", text).unwrap());
    let app = RelmapApp::new_loaded(kb, Settings::default(), Sources::Paths(vec![dir.path().to_path_buf()]));
    let model = app.model.as_ref().expect("loaded");
    assert!(model.layout.index_of("country:FRD").is_some(), "the user's entry is on the map");
    let project = app.project().expect("a project of the open map");
    assert_eq!(project.kb_additions.as_deref(), Some(text));
    // The built-in knowledge base alone has no additions to keep.
    assert_eq!(seeds_app().project().unwrap().kb_additions, None);
}

// Undo and redo: a drag (many moves, one step), a filter, then back and forth by menu and keys.
#[test]
fn undo_and_redo_take_back_moves_and_filters() {
    use relmap::app::command::Command;
    let mut h = harness(seeds_app());
    let putin = node_index(h.state(), "person:vladimir-putin");
    let i = h.state().model.as_ref().unwrap().layout.index_of("person:vladimir-putin").unwrap();
    let start = h.state().model.as_ref().unwrap().layout.engine.positions()[i];
    // A drag sends a move every frame.
    for step in 0..5 {
        h.state_mut().push_command(Command::Pin { node: putin, at: [300.0 + step as f32, 300.0] });
        h.run_steps(1);
    }
    let mut filter = h.state().settings.filter.clone();
    filter.hidden_blocs.insert(Bloc::Nato);
    h.state_mut().push_command(Command::SetFilter(filter));
    h.run_steps(2);
    assert!(h.state().settings.filter.hidden_blocs.contains(&Bloc::Nato));

    // Edit → Undo names what it undoes.
    h.get_by_label("Edit").click();
    h.run_steps(2);
    h.get_by_label_contains("Undo Filter change").click();
    h.run_steps(2);
    assert!(!h.state().settings.filter.hidden_blocs.contains(&Bloc::Nato), "the filter is back");
    let engine = &h.state().model.as_ref().unwrap().layout.engine;
    assert!(engine.is_pinned(i), "the move is not undone yet");

    // Ctrl+Z: the whole drag goes back at once.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run_steps(1);
    let engine = &h.state().model.as_ref().unwrap().layout.engine;
    assert!(!engine.is_pinned(i));
    assert_eq!(engine.positions()[i], start, "Putin is where he was before the drag");

    // Ctrl+Shift+Z: and forward again.
    h.key_press_modifiers(egui::Modifiers::COMMAND | egui::Modifiers::SHIFT, egui::Key::Z);
    h.run_steps(1);
    let engine = &h.state().model.as_ref().unwrap().layout.engine;
    assert!(engine.is_pinned(i));
    assert_eq!(engine.positions()[i], [304.0, 300.0]);
    assert_eq!(h.state().history.redo_label(), Some("Filter change"));
}
