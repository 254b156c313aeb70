//! The real binary in a virtual display: it opens a window and draws the map (not a blank or
//! black screen). Needs xvfb-run and ImageMagick; `.ci/run` installs them and sets
//! RELMAP_REQUIRE_XVFB=1 so that CI cannot skip this, and runs the tests in release so that this
//! is the release binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn have(tool: &str) -> bool {
    Command::new("sh").arg("-c").arg(format!("command -v {tool}")).output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_binary_draws_a_non_blank_window_under_xvfb() {
    if !(have("xvfb-run") && have("import") && have("convert")) {
        assert!(std::env::var_os("RELMAP_REQUIRE_XVFB").is_none(), "xvfb-run and ImageMagick are required here");
        eprintln!("skipped: xvfb-run or ImageMagick not installed");
        return;
    }
    // The binary of this test run: the release binary under `cargo test --release` (as in CI).
    let binary = env!("CARGO_BIN_EXE_relmap");
    let dir = tempfile::tempdir().unwrap();
    let shot = dir.path().join("shot.png");
    let script = format!(
        "'{binary}' & pid=$!; sleep 8; import -window root '{}'; kill $pid; wait $pid 2>/dev/null; true",
        shot.display()
    );
    let out = Command::new("xvfb-run")
        .args(["-a", "-s", "-screen 0 1600x1000x24", "sh", "-c", &script])
        .env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .unwrap();
    assert!(shot.exists(), "no screenshot: {}", String::from_utf8_lossy(&out.stderr));
    let measure = |format: &str| {
        let o = Command::new("convert").arg(&shot).args(["-format", format, "info:"]).output().unwrap();
        String::from_utf8_lossy(&o.stdout).trim().parse::<f64>().unwrap()
    };
    let colours = measure("%k");
    let spread = measure("%[fx:standard_deviation]");
    // A blank or black screen has one colour; the map has many (nodes, labels, panels).
    assert!(colours > 200.0, "only {colours} colours on screen");
    assert!(spread > 0.05, "screen almost uniform (standard deviation {spread})");
    // And it is mostly the light theme's panels, not the black root window.
    let mean = measure("%[fx:mean]");
    assert!(mean > 0.5, "screen mostly dark (mean {mean}): did the window open?");
}
