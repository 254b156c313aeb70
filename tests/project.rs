//! `.relmap` projects: a save and an open give back the same project; an interrupted save leaves
//! the old file; damaged, truncated, foreign or newer files are errors naming the file, not panics.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

use relmap::Corpus;
use relmap::error::ProjectError;
use relmap::project::{NamedView, Project, ProjectArticles};
use relmap::view::{Bloc, SizeMeasure, ViewFilter};

fn sample() -> Project {
    let mut p = Project::new(Project::embedded(&Corpus::seeds()));
    p.positions.insert("country:KAZ".into(), [12.5, -40.25]);
    p.pinned.insert("country:KAZ".into(), [12.5, -40.25]);
    p.filter.hidden_blocs.insert(Bloc::Nato);
    p.size_measure = SizeMeasure::Betweenness;
    p.selection = Some("person:vladimir-putin".into());
    p.viewport = Some(relmap::project::Viewport { min: [-120.5, -80.0], max: [240.0, 160.25] });
    p.kb_additions = Some("[[country]]\niso3 = \"XKX\"\nname = \"Kosovo\"\n".into());
    p.named_views.push(NamedView {
        name: "SCO only".into(),
        filter: ViewFilter { only_blocs: [Bloc::ScoMember].into(), ..ViewFilter::default() },
    });
    p
}

#[test]
fn save_then_open_gives_the_same_project() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.relmap");
    let project = sample();
    project.save(&path).unwrap();
    assert_eq!(Project::open(&path).unwrap(), project);
    // The seeds travel inside the project: it reopens without them on disk.
    let (corpus, errors) = Project::open(&path).unwrap().corpus();
    assert!(errors.is_empty());
    assert_eq!(corpus.documents.len(), 5);
    assert_eq!(corpus.documents, Corpus::seeds().documents);
}

/// About `mb` MB of articles in `dir`, mostly sentences that name nobody (so that reading them is
/// quick and writing the project is a large part of the run), a few that name leaders.
fn write_big_corpus(dir: &std::path::Path, mb: usize) {
    let filler = "The ministry did not respond to a request for comment on the report, officials said. ";
    let named = "Vladimir Putin met Xi Jinping in Astana on Wednesday. ";
    let mut article = String::new();
    while article.len() < 200_000 {
        article.push_str(if article.len() % 7 == 0 { named } else { filler });
    }
    for i in 0..(mb * 1_000_000).div_ceil(article.len()) {
        std::fs::write(dir.join(format!("article-{i:03}.txt")), &article).unwrap();
    }
}

fn temp_files(dir: &std::path::Path) -> Vec<String> {
    let names = std::fs::read_dir(dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned());
    names.filter(|n| n.ends_with(".tmp")).collect()
}

// Guards the promise that a crash or kill during a save leaves the previous file intact: real
// `relmap project` processes are killed (SIGKILL) at times spread over their run, many in the
// middle of writing.
#[cfg(unix)]
#[test]
fn a_save_killed_midway_leaves_the_old_file_whole() {
    use std::time::Instant;
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    write_big_corpus(&articles, 40);
    let out = dir.path().join("maps");
    std::fs::create_dir(&out).unwrap();
    let path = out.join("map.relmap");
    // Each seed lays the map out differently: every save writes different bytes.
    let save = |seed: u32| {
        Command::new(env!("CARGO_BIN_EXE_relmap"))
            .args(["project", "--embed", "--seed", &seed.to_string(), "--out"])
            .arg(&path)
            .arg(&articles)
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let started = Instant::now();
    assert!(save(0).wait().unwrap().success());
    let full_run = started.elapsed();
    let mut old = std::fs::read(&path).unwrap();
    assert!(old.len() > 40_000_000, "the project embeds the articles");
    let (mut killed_mid_write, mut trials) = (0, 0);
    while trials < 40 && killed_mid_write < 3 {
        trials += 1;
        // Kill times sweep the second half of a run (the write is at its end), then start over.
        let fraction = 0.45 + 0.6 * f64::from(trials % 12) / 12.0;
        let temps_before = temp_files(&out);
        let mut child = save(trials);
        std::thread::sleep(full_run.mul_f64(fraction));
        let _ = child.kill();
        child.wait().unwrap();
        // Killed or not, the file is a whole project: the old one, or (when the kill came after
        // the rename) the one this trial wrote.
        let now = std::fs::read(&path).unwrap();
        let reopened = Project::open(&path).unwrap_or_else(|e| panic!("trial {trials}: {e}"));
        if now != old {
            assert_eq!(reopened.layout_seed, u64::from(trials), "trial {trials}: the file is neither save's");
            old = now;
            continue;
        }
        if temp_files(&out).iter().any(|t| !temps_before.contains(t)) {
            killed_mid_write += 1;
        }
    }
    eprintln!("{trials} saves killed, {killed_mid_write} of them while writing");
    assert!(killed_mid_write >= 1, "no kill landed during a write in {trials} trials (a run takes {full_run:?})");
    // A save that completes replaces the file and clears what the killed ones left behind.
    assert!(save(1000).wait().unwrap().success());
    assert_ne!(std::fs::read(&path).unwrap(), old);
    assert_eq!(temp_files(&out), Vec::<String>::new(), "stale temporary files are removed");
    assert!(temp_files(&articles).is_empty());
}

#[test]
fn truncated_foreign_and_newer_files_are_errors_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.relmap");
    sample().save(&good).unwrap();
    let text = std::fs::read_to_string(&good).unwrap();
    let cases = [
        ("truncated.relmap", text[..text.len() / 2].to_string()),
        ("foreign.relmap", r#"{"nodes": []}"#.to_string()),
        ("newer.relmap", text.replace("relmap.project/1", "relmap.project/7")),
        ("binary.relmap", "\u{0}\u{1}\u{2}".to_string()),
    ];
    for (name, content) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, content).unwrap();
        let err = Project::open(&path).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(name), "{message}");
        if name == "newer.relmap" {
            assert!(matches!(err, ProjectError::Newer { .. }), "{message}");
            assert!(message.contains("newer relmap"), "{message}");
        } else {
            assert!(matches!(err, ProjectError::Parse { .. }), "{message}");
        }
    }
    assert!(matches!(Project::open(&dir.path().join("missing.relmap")), Err(ProjectError::Read { .. })));
}

#[test]
fn the_cli_exports_a_project_with_its_positions_and_refuses_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.relmap");
    let mut project = sample();
    project.filter = ViewFilter::default();
    project.save(&path).unwrap();
    let json = dir.path().join("map.json");
    let out = Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(["export", &path.display().to_string(), "--json", &json.display().to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(
        doc["layout"]["positions"]["country:KAZ"],
        serde_json::json!([12.5, -40.25]),
        "the pinned position is kept"
    );
    assert_eq!(doc["documents"].as_array().unwrap().len(), 5);

    let broken = dir.path().join("broken.relmap");
    std::fs::write(&broken, "{\"schema\": \"relmap.project/1\", \"articles\"").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(["export", &broken.display().to_string(), "--json", &json.display().to_string()])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("broken.relmap") && !err.contains("panicked"), "{err}");
}

#[test]
fn a_project_of_paths_reads_its_folders_again() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/heldout");
    let project = Project::new(ProjectArticles::Paths { paths: vec![folder] });
    let (corpus, errors) = project.corpus();
    assert!(errors.is_empty());
    assert_eq!(corpus.documents.len(), 8);
}

// `relmap project`: a project of paths (absolute) with the user's knowledge-base file and the
// layout's positions, which `relmap export` and `relmap open` take as they are.
#[test]
fn the_cli_makes_a_project_with_the_users_knowledge_base() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), "Prime Minister Zorvan Kelt of Freedonia met Vladimir Putin in Moscow.")
        .unwrap();
    let kb = dir.path().join("mine.toml");
    let kb_text = "[[country]]\niso3 = \"FRD\"\nname = \"Freedonia\"\n";
    std::fs::write(&kb, kb_text).unwrap();
    let path = dir.path().join("p.relmap");
    let run = Command::new(env!("CARGO_BIN_EXE_relmap"))
        .current_dir(dir.path())
        .args(["project", "articles", "--kb", "mine.toml", "--out", "p.relmap"])
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let project = Project::open(&path).unwrap();
    assert_eq!(project.kb_additions.as_deref(), Some(kb_text));
    match &project.articles {
        ProjectArticles::Paths { paths } => assert_eq!(paths, &vec![articles.clone()]),
        other => panic!("{other:?}"),
    }
    assert!(project.positions.contains_key("country:FRD"), "{:?}", project.positions.keys());
    assert!(project.positions.contains_key("person:vladimir-putin"));
    let json = dir.path().join("p.json");
    let export =
        Command::new(env!("CARGO_BIN_EXE_relmap")).arg("export").arg(&path).arg("--json").arg(&json).output().unwrap();
    assert!(export.status.success(), "{}", String::from_utf8_lossy(&export.stderr));
    assert!(std::fs::read_to_string(&json).unwrap().contains("country:FRD"));
    // A missing input is an input error naming it.
    let missing = Command::new(env!("CARGO_BIN_EXE_relmap"))
        .args(["project", "nowhere", "--out"])
        .arg(dir.path().join("q.relmap"))
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere"));
    assert!(!dir.path().join("q.relmap").exists());
}
