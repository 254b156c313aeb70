//! Force layout of the relationship graph (ForceAtlas2-class): Barnes-Hut repulsion scaled by
//! degree, attraction by edge weight, gravity and adaptive speed. Deterministic for a seed; it
//! converges and then rests. The app and every exporter use these positions.

pub mod quadtree;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::graph::{EdgeKind, RelGraph};
use quadtree::QuadTree;

/// Tuning of the force layout. The defaults suit maps of tens to thousands of nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LayoutSettings {
    /// Strength of repulsion (ForceAtlas2's scaling ratio).
    pub scaling: f32,
    /// Pull towards the centre, so that components do not drift apart.
    pub gravity: f32,
    /// How much edge weight adds to attraction (0 = none, 1 = linear).
    pub edge_weight_influence: f32,
    /// Barnes-Hut accuracy: larger is faster and coarser.
    pub theta: f32,
    /// How much swinging is tolerated before nodes slow down.
    pub jitter_tolerance: f32,
    /// Seed of the initial placement.
    pub seed: u64,
    /// The layout rests after this many steps even if it still moves.
    pub max_steps: u32,
}

impl Default for LayoutSettings {
    fn default() -> Self {
        Self {
            scaling: 30.0,
            gravity: 1.0,
            edge_weight_influence: 1.0,
            theta: 1.2,
            jitter_tolerance: 1.0,
            seed: 0x5eed,
            max_steps: 1500,
        }
    }
}

/// A force layout over nodes `0..n` and weighted edges between them.
#[derive(Debug)]
pub struct ForceLayout {
    settings: LayoutSettings,
    positions: Vec<[f32; 2]>,
    masses: Vec<f32>,
    edges: Vec<(u32, u32, f32)>,
    pinned: Vec<bool>,
    /// Node radii in layout units: nodes are pushed apart until they do not overlap.
    radii: Vec<f32>,
    forces: Vec<[f32; 2]>,
    previous_forces: Vec<[f32; 2]>,
    speed: f32,
    speed_efficiency: f32,
    steps: u32,
    at_rest: bool,
    tree: QuadTree,
    order: Vec<u32>,
}

/// What one step did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepReport {
    /// Mean distance a free node moved.
    pub mean_displacement: f32,
    /// True once the layout has converged (or reached `max_steps`).
    pub at_rest: bool,
}

impl ForceLayout {
    /// A layout of `positions.len()` nodes. Masses are degree + 1 (counting edges, not weights),
    /// so hubs push harder and leaves settle close to them.
    pub fn new(positions: Vec<[f32; 2]>, edges: Vec<(u32, u32, f32)>, settings: LayoutSettings) -> Self {
        let n = positions.len();
        let mut masses = vec![1.0f32; n];
        let edges: Vec<(u32, u32, f32)> =
            edges.into_iter().filter(|&(a, b, _)| a != b && (a as usize) < n && (b as usize) < n).collect();
        for &(a, b, _) in &edges {
            masses[a as usize] += 1.0;
            masses[b as usize] += 1.0;
        }
        Self {
            settings,
            positions,
            masses,
            edges,
            pinned: vec![false; n],
            radii: vec![0.0; n],
            forces: vec![[0.0; 2]; n],
            previous_forces: vec![[0.0; 2]; n],
            speed: 1.0,
            speed_efficiency: 1.0,
            steps: 0,
            at_rest: n == 0,
            tree: QuadTree::default(),
            order: Vec::new(),
        }
    }

    /// Sets node radii (layout units); the layout keeps a margin between nodes so that none
    /// overlap. Wakes the layout when they change.
    pub fn set_radii(&mut self, radii: Vec<f32>) {
        if radii.len() == self.positions.len() && radii != self.radii {
            self.radii = radii;
            self.wake();
        }
    }

    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    pub fn is_at_rest(&self) -> bool {
        self.at_rest
    }

    pub fn steps(&self) -> u32 {
        self.steps
    }

    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Puts a node at `pos` and keeps it there; the rest of the layout reacts.
    pub fn pin(&mut self, node: usize, pos: [f32; 2]) {
        if node < self.positions.len() {
            self.positions[node] = pos;
            self.pinned[node] = true;
            self.wake();
        }
    }

    pub fn unpin(&mut self, node: usize) {
        if let Some(p) = self.pinned.get_mut(node) {
            *p = false;
            self.wake();
        }
    }

    /// Which nodes are pinned, by layout index.
    pub fn pins(&self) -> &[bool] {
        &self.pinned
    }

    /// Puts every node back where `positions` says, with `pinned` pins, and stops there (undo):
    /// the map looks exactly as it did. Does nothing when the sizes do not match this layout.
    pub fn restore(&mut self, positions: &[[f32; 2]], pinned: &[bool]) {
        if positions.len() == self.positions.len() && pinned.len() == self.pinned.len() {
            self.positions.copy_from_slice(positions);
            self.pinned.copy_from_slice(pinned);
            self.at_rest = true;
        }
    }

    pub fn unpin_all(&mut self) {
        self.pinned.iter_mut().for_each(|p| *p = false);
        self.wake();
    }

    /// Lets the layout move again (after a pin, an unpin or a drag), gently: nodes that are
    /// settled stay near where they are.
    pub fn wake(&mut self) {
        self.at_rest = self.positions.is_empty();
        self.steps = 0;
        self.speed = self.speed.min(0.5);
    }

    /// One step of the simulation. Does nothing at rest.
    pub fn step(&mut self) -> StepReport {
        if self.at_rest {
            return StepReport { mean_displacement: 0.0, at_rest: true };
        }
        let n = self.positions.len();
        std::mem::swap(&mut self.forces, &mut self.previous_forces);
        self.forces.iter_mut().for_each(|f| *f = [0.0; 2]);
        let s = &self.settings;

        // Repulsion, Barnes-Hut, bodies in spatial order; lumped coincident bodies (not in the
        // order) are done after.
        self.tree.build(&self.positions, &self.masses);
        let mut order = std::mem::take(&mut self.order);
        self.tree.spatial_order(&mut order);
        let mut done = vec![false; n];
        for &i in &order {
            done[i as usize] = true;
        }
        let rest: Vec<u32> = (0..n).filter(|&i| !done[i]).map(|i| u32::try_from(i).unwrap_or(u32::MAX)).collect();
        for i in order.iter().chain(&rest).map(|&i| i as usize) {
            let mut f = [0.0f32; 2];
            self.tree.repulsion(i, self.positions[i], self.masses[i], s.scaling, s.theta, &mut f);
            self.forces[i] = f;
        }
        self.order = order;
        // Gravity: towards the origin, proportional to mass, independent of distance.
        for i in 0..n {
            let [x, y] = self.positions[i];
            let d = len(x, y);
            if d > 0.0 {
                let g = s.gravity * self.masses[i] / d;
                self.forces[i][0] -= x * g;
                self.forces[i][1] -= y * g;
            }
        }
        // Attraction along edges: linear in distance, scaled by weight.
        for &(a, b, w) in &self.edges {
            let (a, b) = (a as usize, b as usize);
            let dx = self.positions[a][0] - self.positions[b][0];
            let dy = self.positions[a][1] - self.positions[b][1];
            let k =
                if (s.edge_weight_influence - 1.0).abs() < f32::EPSILON { w } else { w.powf(s.edge_weight_influence) };
            self.forces[a][0] -= dx * k;
            self.forces[a][1] -= dy * k;
            self.forces[b][0] += dx * k;
            self.forces[b][1] += dy * k;
        }

        // Adaptive speed (ForceAtlas2): swinging nodes slow down, nodes that keep going speed up.
        let (mut swing, mut traction) = (0.0f32, 0.0f32);
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let (f, p) = (self.forces[i], self.previous_forces[i]);
            swing += self.masses[i] * len(f[0] - p[0], f[1] - p[1]);
            traction += self.masses[i] * 0.5 * len(f[0] + p[0], f[1] + p[1]);
        }
        let estimated = 0.05 * (n as f32).sqrt();
        let min_jitter = estimated.sqrt();
        let mut jitter =
            s.jitter_tolerance * min_jitter.max(10.0f32.min(estimated * traction / (n as f32 * n as f32).max(1.0)));
        let min_speed_efficiency = 0.05;
        if traction > 0.0 && swing / traction > 2.0 {
            if self.speed_efficiency > min_speed_efficiency {
                self.speed_efficiency *= 0.5;
            }
            jitter = jitter.max(s.jitter_tolerance);
        }
        let target_speed = if swing > 0.0 { jitter * self.speed_efficiency * traction / swing } else { self.speed };
        if swing > jitter * traction {
            if self.speed_efficiency > min_speed_efficiency {
                self.speed_efficiency *= 0.7;
            }
        } else if self.speed < 1000.0 {
            self.speed_efficiency *= 1.3;
        }
        // Speed grows by at most half per step.
        self.speed += (target_speed - self.speed).min(0.5 * self.speed);

        let mut moved = 0.0f32;
        let mut free = 0usize;
        for i in 0..n {
            if self.pinned[i] {
                continue;
            }
            let (f, p) = (self.forces[i], self.previous_forces[i]);
            let node_swing = self.masses[i] * len(f[0] - p[0], f[1] - p[1]);
            let mut factor = self.speed / (1.0 + (self.speed * node_swing).sqrt());
            let force = len(f[0], f[1]);
            // No node jumps more than 10 units in one step.
            if force * factor > 10.0 {
                factor = 10.0 / force;
            }
            self.positions[i][0] += f[0] * factor;
            self.positions[i][1] += f[1] * factor;
            moved += force * factor;
            free += 1;
        }
        moved += self.separate_overlaps();
        self.steps += 1;
        let mean = if free == 0 { 0.0 } else { moved / free as f32 };
        if free == 0 || mean < 0.02 || self.steps >= self.settings.max_steps {
            self.at_rest = true;
        }
        StepReport { mean_displacement: mean, at_rest: self.at_rest }
    }

    /// Pushes overlapping nodes apart (half each; a pinned node does not move). Returns the
    /// total distance moved. A grid of cells twice the largest radius finds the close pairs.
    fn separate_overlaps(&mut self) -> f32 {
        const MARGIN: f32 = 3.0;
        let max_r = self.radii.iter().copied().fold(0.0f32, f32::max);
        if max_r <= 0.0 {
            return 0.0;
        }
        let cell = 2.0 * max_r + MARGIN;
        let key = |p: [f32; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
        let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> = std::collections::HashMap::new();
        for (i, p) in self.positions.iter().enumerate() {
            grid.entry(key(*p)).or_default().push(i);
        }
        let mut moved = 0.0;
        for i in 0..self.positions.len() {
            let (cx, cy) = key(self.positions[i]);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let Some(cell_nodes) = grid.get(&(cx + dx, cy + dy)) else { continue };
                    for &j in cell_nodes {
                        if j <= i || (self.pinned[i] && self.pinned[j]) {
                            continue;
                        }
                        let (a, b) = (self.positions[i], self.positions[j]);
                        let (vx, vy) = (b[0] - a[0], b[1] - a[1]);
                        let d = len(vx, vy);
                        let want = self.radii[i] + self.radii[j] + MARGIN;
                        if d >= want {
                            continue;
                        }
                        let (ux, uy) = if d > 1e-4 {
                            (vx / d, vy / d)
                        } else {
                            let angle = (i * 31 + j) as f32 * 2.399_963;
                            (angle.cos(), angle.sin())
                        };
                        let push = want - d;
                        let (share_i, share_j) = match (self.pinned[i], self.pinned[j]) {
                            (true, _) => (0.0, 1.0),
                            (_, true) => (1.0, 0.0),
                            _ => (0.5, 0.5),
                        };
                        self.positions[i][0] -= ux * push * share_i;
                        self.positions[i][1] -= uy * push * share_i;
                        self.positions[j][0] += ux * push * share_j;
                        self.positions[j][1] += uy * push * share_j;
                        moved += push;
                    }
                }
            }
        }
        moved
    }

    /// Runs until rest (or `max_steps`); returns the number of steps taken.
    pub fn run_to_rest(&mut self) -> u32 {
        let mut steps = 0;
        while !self.step().at_rest {
            steps += 1;
        }
        steps
    }
}

/// Length of (x, y); plain sqrt, much cheaper than `hypot` and exact enough here.
#[inline]
fn len(x: f32, y: f32) -> f32 {
    (x * x + y * y).sqrt()
}

/// Where a node starts: a point fixed by its id and the seed, so a node starts at the same place
/// whatever else is in the graph.
pub fn initial_position(id: &str, seed: u64, spread: f32) -> [f32; 2] {
    // FNV-1a over the id, mixed with the seed (splitmix64): stable across runs and platforms.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let mut z = h.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    let a = (z & 0xffff_ffff) as f32 / u32::MAX as f32;
    let b = (z >> 32) as f32 / u32::MAX as f32;
    let angle = a * std::f32::consts::TAU;
    let radius = spread * b.sqrt();
    [radius * angle.cos(), radius * angle.sin()]
}

/// How much an edge of each kind pulls its ends together (before its weight).
fn kind_pull(kind: EdgeKind) -> f32 {
    match kind {
        EdgeKind::CoMention => 1.0,
        EdgeKind::Meeting => 2.0,
        EdgeKind::Leads => 2.0,
        EdgeKind::MemberOf => 0.6,
    }
}

/// The layout of a relationship graph, by node id: the positions the app shows and the
/// exporters draw.
#[derive(Debug)]
pub struct GraphLayout {
    /// Node ids, sorted; index = node number in `engine`.
    pub ids: Vec<String>,
    index: BTreeMap<String, usize>,
    pub engine: ForceLayout,
}

impl GraphLayout {
    /// A layout of every node of `graph`. `known` positions (from a previous layout or a saved
    /// project) are kept; `pinned` nodes stay where they are.
    pub fn new(
        graph: &RelGraph,
        settings: LayoutSettings,
        known: &BTreeMap<String, [f32; 2]>,
        pinned: &BTreeMap<String, [f32; 2]>,
    ) -> Self {
        let mut ids: Vec<String> = graph.graph.node_weights().map(|n| n.id.clone()).collect();
        ids.sort();
        let index: BTreeMap<String, usize> = ids.iter().enumerate().map(|(i, id)| (id.clone(), i)).collect();
        let spread = 20.0 * (ids.len() as f32).sqrt().max(1.0);
        let positions: Vec<[f32; 2]> = ids
            .iter()
            .map(|id| {
                pinned
                    .get(id)
                    .or_else(|| known.get(id))
                    .copied()
                    .unwrap_or_else(|| initial_position(id, settings.seed, spread))
            })
            .collect();
        // Parallel edges (a co-mention and a meeting) add up.
        let mut pulls: BTreeMap<(u32, u32), f32> = BTreeMap::new();
        for e in graph.graph.edge_weights() {
            let (Some(&a), Some(&b)) = (index.get(&*e.key.source), index.get(&*e.key.target)) else { continue };
            let (a, b) = (a.min(b), a.max(b));
            let key = (u32::try_from(a).unwrap_or(u32::MAX), u32::try_from(b).unwrap_or(u32::MAX));
            *pulls.entry(key).or_default() += kind_pull(e.key.kind) * (1.0 + (e.weight() as f32).ln());
        }
        let edges = pulls.into_iter().map(|((a, b), w)| (a, b, w)).collect();
        let mut engine = ForceLayout::new(positions, edges, settings);
        for (id, pos) in pinned {
            if let Some(&i) = index.get(id) {
                engine.pin(i, *pos);
            }
        }
        engine.wake();
        if !known.is_empty() && ids.iter().all(|id| known.contains_key(id) || pinned.contains_key(id)) {
            // Everything has a place already: start calm.
            engine.speed = 0.1;
        }
        Self { ids, index, engine }
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    pub fn position(&self, id: &str) -> Option<[f32; 2]> {
        self.index_of(id).map(|i| self.engine.positions()[i])
    }

    /// Every position by node id, sorted.
    pub fn positions_by_id(&self) -> BTreeMap<String, [f32; 2]> {
        self.ids.iter().cloned().zip(self.engine.positions().iter().copied()).collect()
    }

    /// Sets node radii by graph node (see `view::node_radii`); nodes not listed get none.
    pub fn set_radii(&mut self, graph: &RelGraph, radii: &BTreeMap<petgraph::stable_graph::NodeIndex, f32>) {
        let mut by_layout = vec![0.0f32; self.ids.len()];
        for (node, r) in radii {
            if let Some(data) = graph.graph.node_weight(*node)
                && let Some(&i) = self.index.get(&data.id)
            {
                by_layout[i] = *r;
            }
        }
        self.engine.set_radii(by_layout);
    }

    /// The pinned nodes and where they are.
    pub fn pinned_by_id(&self) -> BTreeMap<String, [f32; 2]> {
        self.ids
            .iter()
            .enumerate()
            .filter(|(i, _)| self.engine.is_pinned(*i))
            .map(|(i, id)| (id.clone(), self.engine.positions()[i]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: u32) -> ForceLayout {
        let positions = (0..n).map(|i| initial_position(&i.to_string(), 1, 50.0)).collect();
        let edges = (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect();
        ForceLayout::new(positions, edges, LayoutSettings::default())
    }

    #[test]
    fn a_restored_layout_stands_exactly_where_it_was() {
        let mut layout = ring(12);
        layout.run_to_rest();
        let (positions, pins) = (layout.positions().to_vec(), layout.pins().to_vec());
        layout.pin(3, [500.0, -500.0]);
        for _ in 0..20 {
            layout.step();
        }
        assert_ne!(layout.positions(), &positions[..]);
        layout.restore(&positions, &pins);
        assert_eq!(layout.positions(), &positions[..]);
        assert!(!layout.is_pinned(3));
        layout.step();
        assert_eq!(layout.positions(), &positions[..], "restored, the layout stays still");
        // A snapshot of another graph changes nothing.
        layout.restore(&positions[..5], &pins[..5]);
        assert_eq!(layout.positions(), &positions[..]);
    }

    #[test]
    fn converges_and_then_rests() {
        let mut layout = ring(30);
        let steps = layout.run_to_rest();
        assert!(steps < LayoutSettings::default().max_steps, "did not converge in {steps} steps");
        let before = layout.positions().to_vec();
        let report = layout.step();
        assert!(report.at_rest);
        assert_eq!(layout.positions(), &before[..], "a resting layout must not move");
    }

    #[test]
    fn same_seed_same_positions() {
        let mut a = ring(40);
        let mut b = ring(40);
        a.run_to_rest();
        b.run_to_rest();
        assert_eq!(a.positions(), b.positions());
    }

    #[test]
    fn linked_nodes_end_closer_than_unlinked() {
        // Two triangles joined by nothing: within-triangle distances are smaller than across.
        let positions = (0..6).map(|i| initial_position(&i.to_string(), 7, 50.0)).collect();
        let edges = vec![(0, 1, 1.0), (1, 2, 1.0), (0, 2, 1.0), (3, 4, 1.0), (4, 5, 1.0), (3, 5, 1.0)];
        let mut layout = ForceLayout::new(positions, edges, LayoutSettings::default());
        layout.run_to_rest();
        let p = layout.positions();
        let d = |a: usize, b: usize| len(p[a][0] - p[b][0], p[a][1] - p[b][1]);
        assert!(d(0, 1) < d(0, 4) && d(3, 5) < d(2, 3), "{p:?}");
    }

    #[test]
    fn nodes_with_radii_end_apart() {
        let mut layout = ring(40);
        layout.set_radii(vec![12.0; 40]);
        layout.run_to_rest();
        let p = layout.positions();
        for i in 0..40 {
            for j in i + 1..40 {
                let d = len(p[i][0] - p[j][0], p[i][1] - p[j][1]);
                assert!(d >= 23.0, "nodes {i} and {j} overlap: {d}");
            }
        }
    }

    #[test]
    fn pinned_nodes_stay_where_dropped() {
        let mut layout = ring(20);
        layout.run_to_rest();
        layout.pin(3, [500.0, -200.0]);
        assert!(!layout.is_at_rest(), "pinning wakes the layout");
        layout.run_to_rest();
        assert_eq!(layout.positions()[3], [500.0, -200.0]);
        // Its neighbours followed it part of the way.
        let p = layout.positions()[4];
        assert!(p[0] > 0.0, "neighbour did not react: {p:?}");
    }
}
