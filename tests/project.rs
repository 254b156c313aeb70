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

#[test]
fn an_interrupted_save_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("map.relmap");
    sample().save(&path).unwrap();
    let before = std::fs::read(&path).unwrap();
    // A save that dies before its rename: the new bytes only ever reach a temporary file.
    let mut other = sample();
    other.selection = None;
    let read_only = dir.path().join("locked");
    std::fs::create_dir(&read_only).unwrap();
    let target = read_only.join("map.relmap");
    sample().save(&target).unwrap();
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o555)).unwrap();
    let failed = other.save(&target);
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o755)).unwrap();
    // Root may write anyway; the guarantee that matters is that the file is whole either way.
    let reopened = Project::open(&target).unwrap();
    if failed.is_err() {
        assert_eq!(reopened, sample(), "a failed save changed the old file");
    } else {
        assert_eq!(reopened, other);
    }
    // And the unrelated file next to it is untouched, with no temporary files left behind.
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
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
