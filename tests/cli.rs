//! The `relmap` command as a user runs it: outputs, messages and exit codes for good and bad input.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn relmap(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_relmap")).args(args).output().expect("run relmap")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds")
}

/// Runs relmap on one bad input and checks the exit code and that the message names the file.
fn check_bad_input(args: &[&str], expected_code: i32, named: &str, problem: &str) {
    let out = relmap(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(expected_code), "exit code for {args:?}; stderr: {err}");
    assert!(err.contains(named), "message should name {named}: {err}");
    assert!(err.to_lowercase().contains(problem), "message should say {problem}: {err}");
    assert!(!err.contains("panicked"), "no panic: {err}");
}

#[test]
fn extract_writes_the_json_contract() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("graph.json");
    let out = relmap(&["extract", seeds_dir().to_str().unwrap(), "--out", out_path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(json["schema"], "relmap.graph/1");
    assert_eq!(json["documents"].as_array().unwrap().len(), 5);
    let nodes = json["nodes"].as_array().unwrap();
    let putin = nodes.iter().find(|n| n["id"] == "person:vladimir-putin").unwrap();
    assert_eq!(putin["kind"], "leader");
    assert_eq!(putin["country"], "country:RUS");
    assert!(putin["mentions"].as_array().unwrap().len() > 10);
    let edges = json["edges"].as_array().unwrap();
    for kind in ["co_mention", "meeting", "leads", "member_of"] {
        assert!(edges.iter().any(|e| e["kind"] == kind), "no {kind} edge");
    }
    let meeting = edges.iter().find(|e| e["kind"] == "meeting").unwrap();
    assert!(meeting["status"] == "held" || meeting["status"] == "planned");
    let ev = &meeting["evidence"][0];
    for field in ["doc", "sentence", "start", "end", "text"] {
        assert!(!ev[field].is_null(), "evidence has {field}");
    }
    // Same input, same bytes.
    let again = dir.path().join("again.json");
    relmap(&["extract", seeds_dir().to_str().unwrap(), "--out", again.to_str().unwrap()]);
    assert_eq!(std::fs::read(&out_path).unwrap(), std::fs::read(&again).unwrap());
}

#[test]
fn summary_without_out_is_for_people() {
    let out = relmap(&["extract", seeds_dir().to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("5 documents"), "{text}");
    assert!(text.contains("strongest ties"), "{text}");
    assert!(text.contains("contradiction"), "{text}");
}

#[test]
fn summary_prints_the_embedded_seeds_from_any_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_relmap")).arg("summary").current_dir(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 documents"));
}

#[test]
fn no_display_is_a_clear_message_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_relmap"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot open a window") && err.contains("relmap summary"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn open_with_only_missing_paths_is_an_input_error() {
    check_bad_input(&["open", "/no/such/articles"], 2, "/no/such/articles", "no such file");
}

#[test]
fn missing_path_is_an_input_error() {
    check_bad_input(&["extract", "/no/such/articles"], 2, "/no/such/articles", "no such file");
}

#[test]
fn empty_file_is_named_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Vladimir Putin met Xi Jinping in Beijing.").unwrap();
    let out_path = dir.path().join("g.json");
    check_bad_input(
        &["extract", dir.path().to_str().unwrap(), "--out", out_path.to_str().unwrap()],
        2,
        "empty.txt",
        "empty",
    );
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1, "the good file still loads");
}

#[test]
fn binary_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bin = dir.path().join("photo.txt");
    std::fs::write(&bin, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xfe]).unwrap();
    check_bad_input(&["extract", bin.to_str().unwrap()], 2, "photo.txt", "binary");
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let latin1 = dir.path().join("latin1.txt");
    std::fs::write(&latin1, b"Recep Tayyip Erdo\xf0an met Vladimir Putin in Astana.\n").unwrap();
    let out_path = dir.path().join("g.json");
    let out = relmap(&["extract", latin1.to_str().unwrap(), "--out", out_path.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("latin1.txt") && err.contains("UTF-8"), "{err}");
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert!(json["warnings"].as_array().unwrap().iter().any(|w| w["kind"] == "invalid_utf8"));
    assert!(json["nodes"].as_array().unwrap().iter().any(|n| n["id"] == "person:vladimir-putin"));
}

#[test]
fn a_200_mb_file_is_refused_with_its_size() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.txt");
    // A sparse file: 200 MB on paper, nothing on disk.
    std::fs::File::create(&big).unwrap().set_len(200 * 1024 * 1024).unwrap();
    check_bad_input(&["extract", big.to_str().unwrap()], 2, "huge.txt", "larger than");
}

#[test]
fn malformed_knowledge_base_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("mine.toml");
    std::fs::write(&kb, "[[person]]\nname = \"Jane Doe\"\noffices = [{ role = \"queen\", country = \"GBR\" }]\n")
        .unwrap();
    check_bad_input(&["extract", seeds_dir().to_str().unwrap(), "--kb", kb.to_str().unwrap()], 2, "mine.toml", "queen");
    std::fs::write(&kb, "[[country]\n").unwrap();
    check_bad_input(&["extract", seeds_dir().to_str().unwrap(), "--kb", kb.to_str().unwrap()], 2, "mine.toml", "toml");
}

#[test]
fn user_knowledge_base_adds_an_entity_without_rebuilding() {
    let dir = tempfile::tempdir().unwrap();
    let kb = dir.path().join("mine.toml");
    std::fs::write(
        &kb,
        "[[person]]\nname = \"Jane Example\"\naliases = [\"Example\"]\noffices = [{ role = \"head_of_government\", country = \"KAZ\", title = \"Prime Minister\", start = \"2020-01-01\" }]\n",
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Jane Example met Vladimir Putin in Moscow on Monday.").unwrap();
    let out_path = dir.path().join("g.json");
    let out = relmap(&[
        "extract",
        article.to_str().unwrap(),
        "--kb",
        kb.to_str().unwrap(),
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert!(
        json["edges"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "meeting" && e["source"] == "person:jane-example")
    );
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let out = relmap(&["extract", "--frobnicate", "seeds"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--frobnicate"));
}

#[test]
fn bad_jsonl_line_is_named_with_its_line_number() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("batch.jsonl");
    std::fs::write(&f, "{\"text\": \"Putin met Xi.\"}\n{not json}\n").unwrap();
    let out_path = dir.path().join("g.json");
    check_bad_input(
        &["extract", f.to_str().unwrap(), "--out", out_path.to_str().unwrap()],
        2,
        "batch.jsonl: line 2",
        "not a json article",
    );
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap()).unwrap();
    assert_eq!(json["documents"].as_array().unwrap().len(), 1, "the good line still loads");
}
