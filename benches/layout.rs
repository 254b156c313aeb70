//! One step of the force layout at 1k and 10k generated nodes (3 edges per node), and egui_graphs'
//! own Fruchterman-Reingold step on the same graphs, in one run. Target: ≤ 5 ms per step at
//! 10k nodes / 30k edges on one core.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_graphs::{ForceAlgorithm, FruchtermanReingold};
use relmap::layout::{ForceLayout, LayoutSettings, initial_position};

#[path = "common/allocator.rs"]
mod allocator;

/// A deterministic scale-free-ish graph: node i links to 3 earlier nodes, favouring low numbers
/// (hubs), like a news map with a few central leaders.
fn generated(n: u32) -> Vec<(u32, u32, f32)> {
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut edges = Vec::new();
    for i in 1..n {
        for _ in 0..3 {
            let r = (next() % 1_000_000) as f64 / 1_000_000.0;
            let j = ((r * r) * f64::from(i)) as u32;
            edges.push((i, j.min(i - 1), 1.0 + (next() % 5) as f32));
        }
    }
    edges
}

fn positions(n: u32) -> Vec<[f32; 2]> {
    (0..n).map(|i| initial_position(&i.to_string(), 7, 20.0 * (n as f32).sqrt())).collect()
}

fn bench_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout_step");
    group.sample_size(10);
    for n in [1_000u32, 10_000] {
        let edges = generated(n);
        let mut layout = ForceLayout::new(positions(n), edges.clone(), LayoutSettings::default());
        // Past the first chaotic steps, as in use.
        for _ in 0..30 {
            layout.step();
        }
        group.bench_with_input(
            BenchmarkId::new("relmap_forceatlas2", format!("{n}_nodes_{}_edges", edges.len())),
            &n,
            |b, _| {
                b.iter(|| {
                    layout.wake();
                    black_box(layout.step())
                });
            },
        );

        let mut graph: egui_graphs::Graph<(), (), petgraph::Undirected> = egui_graphs::Graph::new();
        let ids: Vec<_> =
            positions(n).into_iter().map(|[x, y]| graph.add_node_with_location((), egui::Pos2::new(x, y))).collect();
        for &(a, b, _) in &edges {
            graph.add_edge(ids[a as usize], ids[b as usize], ());
        }
        let mut fr = FruchtermanReingold::from_state(Default::default());
        let view = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
        group.bench_with_input(
            BenchmarkId::new("egui_graphs_fruchterman_reingold", format!("{n}_nodes_{}_edges", edges.len())),
            &n,
            |b, _| b.iter(|| fr.step(black_box(&mut graph), view)),
        );
    }
    group.finish();
}

criterion_group!(benches, bench_layout);
criterion_main!(benches);
