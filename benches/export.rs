//! Images end to end: the seeds to a 4K slide PNG (extraction, layout, scene, render, encode),
//! and the render + encode of a 4K PNG of a generated 10k-node, 30k-edge scene. Targets: ≤ 0.5 s
//! each.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use relmap::export::scene::{ImageOptions, Scene, SceneEdge, SceneLabel, SceneNode};
use relmap::graph::NodeKind;
use relmap::layout::LayoutSettings;
use relmap::map::Map;
use relmap::style::{self, Rgba};
use relmap::view::{Bloc, EdgeClass, SizeMeasure, ViewFilter};
use relmap::{Corpus, KnowledgeBase};

#[path = "common/allocator.rs"]
mod allocator;

/// 10k nodes on a jittered grid, 3 edges each, mostly to nearby nodes as a force layout places
/// them (one in fifty spans the map), a label on every tenth node.
fn big_scene() -> Scene {
    let (w, h) = (3840u32, 2160u32);
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let kinds = [NodeKind::Country, NodeKind::Leader, NodeKind::Organisation];
    let blocs = [Bloc::ScoMember, Bloc::ScoObserver, Bloc::ScoPartner, Bloc::Nato, Bloc::Other];
    let nodes: Vec<SceneNode> = (0..10_000u32)
        .map(|i| SceneNode {
            id: format!("n{i}"),
            kind: kinds[(i % 3) as usize],
            x: 40.0 + (i % 125) as f32 * 30.0 + (next() % 10) as f32,
            y: 40.0 + (i / 125) as f32 * 26.0 + (next() % 10) as f32,
            r: 3.0 + (next() % 9) as f32,
            fill: style::bloc_colour(blocs[(i % 5) as usize]),
            outline: Rgba::rgb(255, 255, 255),
            pinned: i % 500 == 0,
        })
        .collect();
    let edges: Vec<SceneEdge> = (0..30_000usize)
        .map(|i| {
            let a = i % 10_000;
            let b = if next() % 50 == 0 {
                (next() % 10_000) as usize
            } else {
                let (dx, dy) = ((next() % 5) as i64 - 2, (next() % 5) as i64 - 2);
                (a as i64 + dx + 125 * dy).clamp(0, 9_999) as usize
            };
            let (a, b) = (&nodes[a], &nodes[b]);
            let class = if i % 10 == 0 { EdgeClass::MeetingHeld } else { EdgeClass::CoMention };
            SceneEdge {
                class,
                from: [a.x, a.y],
                to: [b.x, b.y],
                width: style::edge_width(class, 1 + (i % 7)),
                colour: style::edge_colour(class, false),
                dashed: i % 20 == 0,
            }
        })
        .collect();
    let labels = nodes
        .iter()
        .step_by(10)
        .map(|n| SceneLabel {
            text: format!("Entity {}", n.id),
            x: n.x,
            y: n.y + 20.0,
            size: 14.0,
            colour: Rgba::rgb(25, 25, 30),
            halo: Rgba::with_alpha(255, 255, 255, 210),
        })
        .collect();
    Scene {
        width: w,
        height: h,
        background: Some(Rgba::rgb(255, 255, 255)),
        text_colour: Rgba::rgb(25, 25, 30),
        edges,
        nodes,
        labels,
        legend_box: None,
        legend: Vec::new(),
        legend_size: 0.0,
        caption: None,
    }
}

fn bench_export(c: &mut Criterion) {
    let kb = KnowledgeBase::builtin().unwrap();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    group.bench_function("seeds_to_4k_png_end_to_end", |b| {
        b.iter(|| {
            let map = Map::build(
                &kb,
                Corpus::seeds(),
                ViewFilter::default(),
                SizeMeasure::Mentions,
                LayoutSettings::default(),
                &Default::default(),
                &Default::default(),
            );
            let options = ImageOptions { width: 3840, height: 2160, ..ImageOptions::default() };
            black_box(map.with_snapshot(|s| relmap::export::png::to_png(&s.scene(&options)).unwrap()))
        });
    });
    let scene = big_scene();
    group.bench_function("render_encode_4k_png_10k_nodes", |b| {
        b.iter(|| black_box(relmap::export::png::to_png(black_box(&scene)).unwrap()));
    });
    group.finish();
}

criterion_group!(benches, bench_export);
criterion_main!(benches);
