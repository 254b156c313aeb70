//! The core never depends on the GUI: outside `src/app/` (and the thin `main.rs`), no source
//! file mentions egui, eframe, egui_graphs or rfd.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_never_imports_the_gui() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut offenders = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        if relative.starts_with("app/") || relative == "main.rs" || relative == "lib.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if ["egui", "eframe", "rfd::"].iter().any(|gui| code.contains(gui)) {
                offenders.push(format!("src/{relative}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "GUI code outside src/app/:\n{}", offenders.join("\n"));
}
