//! Exports of the seeds' map: images that decode at the asked size and show each node's colour
//! where it is, SVG that parses with one text element per label, data files that networkx
//! reads with the right counts and attributes, and the same bytes every time.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use relmap::export::scene::{Background, ImageOptions, Scene};
use relmap::layout::LayoutSettings;
use relmap::map::Map;
use relmap::view::{SizeMeasure, ViewFilter};
use relmap::{Corpus, KnowledgeBase};

fn seeds_map(filter: ViewFilter) -> Map {
    let kb = KnowledgeBase::builtin().unwrap();
    Map::build(
        &kb,
        Corpus::seeds(),
        filter,
        SizeMeasure::Mentions,
        LayoutSettings::default(),
        &Default::default(),
        &Default::default(),
    )
}

fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    (info.width, info.height, buf[..info.buffer_size()].to_vec())
}

/// Whether `(x, y)` lies inside node `n`'s shape.
fn inside(n: &relmap::export::scene::SceneNode, x: f32, y: f32) -> bool {
    let (dx, dy) = (x - n.x, y - n.y);
    match n.kind {
        relmap::graph::NodeKind::Country => dx * dx + dy * dy <= n.r * n.r,
        relmap::graph::NodeKind::Leader => dx.abs() + dy.abs() <= n.r * relmap::style::DIAMOND_FACTOR,
        relmap::graph::NodeKind::Organisation => dx.abs().max(dy.abs()) <= n.r * relmap::style::SQUARE_FACTOR,
    }
}

#[test]
fn png_has_the_asked_size_and_each_nodes_colour_where_it_is() {
    let map = seeds_map(ViewFilter::default());
    let options = ImageOptions { width: 1280, height: 720, scale: 1.5, ..ImageOptions::default() };
    let (scene, png) = map.with_snapshot(|s| {
        let scene = s.scene(&options);
        let png = relmap::export::png::to_png(&scene).unwrap();
        (scene, png)
    });
    let (w, h, pixels) = decode_png(&png);
    assert_eq!((w, h), (1920, 1080), "1280×720 at scale 1.5");
    let colours: std::collections::BTreeSet<[u8; 4]> = pixels.chunks(4).map(|p| [p[0], p[1], p[2], p[3]]).collect();
    assert!(colours.len() > 100, "an almost blank image: {} colours", colours.len());
    assert!(scene.nodes.len() > 30);
    let label_boxes: Vec<[f32; 4]> = scene
        .labels
        .iter()
        .map(|l| {
            let tw = relmap::export::scene::text_width(&l.text, l.size);
            [l.x - tw / 2.0 - l.size, l.y - l.size * 1.2, l.x + tw / 2.0 + l.size, l.y + l.size * 0.5]
        })
        .collect();
    let mut checked = 0;
    for n in &scene.nodes {
        let (x, y) = (n.x, n.y);
        // The node drawn last at this point is the one that shows; labels are drawn on top.
        let Some(top) = scene.nodes.iter().rev().find(|m| inside(m, x, y)) else { continue };
        if top.id != n.id || label_boxes.iter().any(|b| x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]) {
            continue;
        }
        let i = ((y.round() as u32 * w + x.round() as u32) * 4) as usize;
        let got = &pixels[i..i + 3];
        let want = n.fill.0;
        let close = got.iter().zip(&want[..3]).all(|(a, b)| a.abs_diff(*b) <= 6);
        assert!(close, "{} at ({x:.0}, {y:.0}): pixel {got:?}, node colour {:?}", n.id, &want[..3]);
        checked += 1;
    }
    assert!(checked >= scene.nodes.len() * 3 / 4, "only {checked} of {} nodes checked", scene.nodes.len());
}

/// The PNG renderer draws the scene itself; resvg's rasterisation of the scene's SVG is the
/// reference. Both must show the same picture: the same colour at every node's centre, and
/// differences elsewhere only in anti-aliasing (small on average, large almost nowhere).
#[test]
fn direct_png_rendering_looks_like_resvgs_rendering_of_the_svg() {
    let mut filter = ViewFilter::default();
    // Structural ties too: dashed and solid lines of every kind.
    filter.edge_classes.extend([relmap::view::EdgeClass::Leads, relmap::view::EdgeClass::MemberOf]);
    let map = seeds_map(filter);
    for background in [Background::White, Background::Dark, Background::Transparent] {
        let options = ImageOptions {
            background,
            caption: Some("Seeds — Übersicht & <caption>".into()),
            ..ImageOptions::default()
        };
        let scene = map.with_snapshot(|s| s.scene(&options));
        assert!(scene.edges.iter().any(|e| e.dashed) && scene.legend_box.is_some());
        let direct = relmap::export::png::render(&scene).unwrap();
        let reference = relmap::export::png::render_svg(&scene).unwrap();
        assert_eq!((direct.width(), direct.height()), (reference.width(), reference.height()));
        let (a, b) = (direct.data(), reference.data());
        let w = direct.width() as usize;
        for n in &scene.nodes {
            let i = ((n.y as usize) * w + n.x as usize) * 4;
            let close = a[i..i + 4].iter().zip(&b[i..i + 4]).all(|(x, y)| x.abs_diff(*y) <= 8);
            assert!(
                close,
                "{background:?}: {} at ({:.0}, {:.0}): {:?} vs resvg's {:?}",
                n.id,
                n.x,
                n.y,
                &a[i..i + 4],
                &b[i..i + 4]
            );
        }
        // Each label's text where it belongs: few pixels of its box far off.
        let far = |i: usize| a[i..i + 4].iter().zip(&b[i..i + 4]).any(|(x, y)| x.abs_diff(*y) > 64);
        for l in scene.labels.iter().chain(&scene.caption) {
            let ([x, y, bw, bh], _) = l.halo_box();
            let (xs, ys) = (x.max(0.0) as usize..((x + bw) as usize).min(w), y.max(0.0) as usize..(y + bh) as usize);
            let total = xs.len() * ys.len();
            let off = ys.flat_map(|y| xs.clone().map(move |x| (y * w + x) * 4)).filter(|&i| far(i)).count();
            assert!(off * 50 < total, "{background:?}: label {}: {off} of {total} pixels far off", l.text);
        }
        let squares: f64 = a.iter().zip(b).map(|(x, y)| f64::from(x.abs_diff(*y)).powi(2)).sum();
        let rmse = (squares / a.len() as f64).sqrt() / 255.0;
        let far_off =
            a.chunks(4).zip(b.chunks(4)).filter(|(p, q)| p.iter().zip(*q).any(|(x, y)| x.abs_diff(*y) > 64)).count();
        let share = far_off as f64 / (a.len() / 4) as f64;
        assert!(rmse < 0.02, "{background:?}: RMSE {rmse:.4}");
        assert!(
            share < 0.0001,
            "{background:?}: {far_off} pixels ({:.3}%) differ by more than a quarter",
            share * 100.0
        );
        eprintln!("{background:?}: RMSE {rmse:.4}, {far_off} pixels differ by more than a quarter");
    }
}

#[test]
fn svg_parses_and_holds_one_text_element_per_label() {
    let map = seeds_map(ViewFilter::default());
    let scene: Scene = map.with_snapshot(|s| s.scene(&ImageOptions::default()));
    let svg = relmap::export::svg::to_svg(&scene);
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).expect("usvg parses the SVG");
    assert_eq!(tree.size().width() as u32, 1920);
    let labels_group = svg.split("<g id=\"labels\"").nth(1).unwrap().split("</g>").next().unwrap();
    assert_eq!(labels_group.matches("<text ").count(), scene.labels.len());
    // Every label in the scene is there as text, escaped as XML.
    for l in &scene.labels {
        let escaped = quick_xml::escape::escape(l.text.as_str()).into_owned();
        assert!(labels_group.contains(&format!(">{escaped}</text>")), "label {} missing", l.text);
    }
    assert!(scene.labels.iter().any(|l| l.text == "Vladimir Putin"), "the map's protagonist is labelled");
}

#[test]
fn no_label_is_clipped_at_the_border() {
    for (w, h) in [(1920, 1080), (1080, 1080), (3840, 2160), (800, 1400)] {
        let map = seeds_map(ViewFilter::default());
        let options = ImageOptions { width: w, height: h, ..ImageOptions::default() };
        let scene = map.with_snapshot(|s| s.scene(&options));
        for l in &scene.labels {
            let tw = relmap::export::scene::text_width(&l.text, l.size);
            assert!(l.x - tw / 2.0 >= 0.0 && l.x + tw / 2.0 <= w as f32, "{} clipped in {w}×{h}", l.text);
            assert!(l.y - l.size >= 0.0 && l.y <= h as f32, "{} clipped in {w}×{h}", l.text);
        }
    }
}

fn relmap(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_relmap")).args(args).output().unwrap()
}

fn export_all(dir: &Path) {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let d = |name: &str| dir.join(name).display().to_string();
    let out = relmap(&[
        "export",
        &seeds.display().to_string(),
        "--png",
        &d("map.png"),
        "--svg",
        &d("map.svg"),
        "--gexf",
        &d("map.gexf"),
        "--graphml",
        &d("map.graphml"),
        "--csv",
        &d("csv"),
        "--json",
        &d("map.json"),
        "--width",
        "1280",
        "--height",
        "720",
        "--background",
        "dark",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn exporting_twice_gives_the_same_bytes() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    export_all(a.path());
    export_all(b.path());
    for name in [
        "map.png",
        "map.svg",
        "map.gexf",
        "map.graphml",
        "csv/nodes.csv",
        "csv/edges.csv",
        "csv/evidence.csv",
        "map.json",
    ] {
        let (x, y) = (std::fs::read(a.path().join(name)).unwrap(), std::fs::read(b.path().join(name)).unwrap());
        assert!(!x.is_empty(), "{name} is empty");
        assert!(x == y, "{name} differs between two exports");
    }
}

#[test]
fn bad_export_options_are_usage_errors() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds").display().to_string();
    for (args, problem) in [
        (vec!["export", seeds.as_str()], "nothing to export"),
        (vec!["export", seeds.as_str(), "--png", "/tmp/x.png", "--background", "pink"], "--background"),
        (vec!["export", seeds.as_str(), "--png", "/tmp/x.png", "--filter", "warsaw-pact"], "unknown bloc"),
        (vec!["export", seeds.as_str(), "--png", "/tmp/x.png", "--width", "0"], "--width"),
    ] {
        let out = relmap(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(problem), "{args:?}: {err}");
    }
}

/// networkx is the client; CI installs it (`.ci/run`) and sets RELMAP_REQUIRE_NETWORKX=1.
fn networkx() -> bool {
    let ok = Command::new("python3").args(["-c", "import networkx"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("RELMAP_REQUIRE_NETWORKX").is_none(), "python3 with networkx is required here");
        eprintln!("skipped: python3 with networkx not installed");
    }
    ok
}

#[test]
fn networkx_reads_gexf_and_graphml_with_counts_and_attributes() {
    if !networkx() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    export_all(dir.path());
    let map = seeds_map(ViewFilter::default());
    let (nodes, edges) = (map.view.nodes.len(), map.view.edges.len());
    let script = r#"
import sys, networkx as nx
for path, reader in [(sys.argv[1], nx.read_gexf), (sys.argv[2], nx.read_graphml)]:
    g = reader(path)
    putin = g.nodes["person:vladimir-putin"]
    turkey = g.nodes["country:TUR"]
    kinds = sorted({d.get("kind") for _, _, d in g.edges(data=True)})
    print(path.split(".")[-1], g.number_of_nodes(), g.number_of_edges(), putin.get("kind"), turkey.get("bloc"), ",".join(kinds), putin.get("label"))
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(dir.path().join("map.gexf"))
        .arg(dir.path().join("map.graphml"))
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{}{}", stdout, String::from_utf8_lossy(&out.stderr));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    for line in lines {
        let f: Vec<&str> = line.split(' ').collect();
        assert_eq!(f[1].parse::<usize>().unwrap(), nodes, "{line}");
        assert_eq!(f[2].parse::<usize>().unwrap(), edges, "{line}");
        assert_eq!(f[3], "leader", "{line}");
        assert_eq!(f[4], "Nato", "{line}");
        assert_eq!(f[5], "co_mention,meeting", "{line}");
        assert!(line.ends_with("Vladimir Putin"), "{line}");
    }
}

#[test]
fn csv_and_evidence_appendix_cover_the_visible_map() {
    let map = seeds_map(ViewFilter::default());
    let (nodes, edges, evidence) = map.with_snapshot(|s| (s.nodes_csv(), s.edges_csv(), s.evidence_csv()));
    let rows = |b: &[u8]| csv::Reader::from_reader(b).records().count();
    assert_eq!(rows(&nodes), map.view.nodes.len());
    assert_eq!(rows(&edges), map.view.edges.len());
    let quotes: usize = map.view.edges.iter().map(|e| e.weight).sum();
    assert_eq!(rows(&evidence), quotes, "one row per sentence behind each visible text edge");
    let text = String::from_utf8(evidence).unwrap();
    assert!(text.contains("Belarusian President Alexander Lukashenko"), "quotes are in the appendix");
}

#[test]
fn a_dark_transparent_or_white_background_is_what_was_asked() {
    let map = seeds_map(ViewFilter::default());
    for (background, corner) in [
        (Background::White, [255, 255, 255, 255]),
        (Background::Dark, [27, 27, 30, 255]),
        (Background::Transparent, [0, 0, 0, 0]),
    ] {
        let options = ImageOptions {
            width: 400,
            height: 300,
            background,
            legend: false,
            caption: None,
            ..ImageOptions::default()
        };
        let png = map.with_snapshot(|s| relmap::export::png::to_png(&s.scene(&options)).unwrap());
        let (_, _, pixels) = decode_png(&png);
        assert_eq!(&pixels[..4], &corner, "{background:?}");
    }
}
