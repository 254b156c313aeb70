//! Barnes-Hut quadtree: groups far-away nodes into one mass so that repulsion costs
//! O(n log n) per step instead of O(n²).

/// One cell of the tree: a square with the total mass and the centre of mass of what it holds.
#[derive(Debug, Clone, Copy)]
struct Cell {
    mass: f32,
    /// (2 * half size)², for the opening test.
    size2: f32,
    mass_centre: [f32; 2],
    /// Index of the first of four children in `cells`, or 0 for a leaf.
    children: u32,
    /// The body a leaf holds (u32::MAX when empty or when it holds several coincident bodies).
    body: u32,
}

impl Cell {
    fn empty(half: f32) -> Self {
        Self { size2: 4.0 * half * half, mass: 0.0, mass_centre: [0.0; 2], children: 0, body: u32::MAX }
    }
}

/// Deeper than this, bodies are lumped together (coincident points would recurse forever).
const MAX_DEPTH: u32 = 24;

/// A quadtree over weighted points, rebuilt every layout step (cells are reused).
#[derive(Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    /// Centre and half size of each cell, needed only while building.
    geometry: Vec<([f32; 2], f32)>,
    /// Reused traversal stack.
    stack: Vec<u32>,
}

impl QuadTree {
    /// Builds the tree over `positions` with `masses`.
    pub fn build(&mut self, positions: &[[f32; 2]], masses: &[f32]) {
        self.cells.clear();
        self.geometry.clear();
        if positions.is_empty() {
            return;
        }
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for p in positions {
            for axis in 0..2 {
                min[axis] = min[axis].min(p[axis]);
                max[axis] = max[axis].max(p[axis]);
            }
        }
        let half = ((max[0] - min[0]).max(max[1] - min[1]) / 2.0).max(1.0) * 1.0001;
        let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
        self.cells.push(Cell::empty(half));
        self.geometry.push((centre, half));
        for (i, (p, &m)) in positions.iter().zip(masses).enumerate() {
            self.insert(0, u32::try_from(i).unwrap_or(u32::MAX), *p, m, positions, masses, 0);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn insert(
        &mut self,
        cell: usize,
        body: u32,
        p: [f32; 2],
        m: f32,
        positions: &[[f32; 2]],
        masses: &[f32],
        depth: u32,
    ) {
        let mut cell = cell;
        let mut depth = depth;
        loop {
            let c = self.cells[cell];
            let total = c.mass + m;
            self.cells[cell].mass_centre =
                [(c.mass_centre[0] * c.mass + p[0] * m) / total, (c.mass_centre[1] * c.mass + p[1] * m) / total];
            self.cells[cell].mass = total;
            let (centre, half) = self.geometry[cell];
            if c.children != 0 {
                cell = c.children as usize + quadrant(centre, p);
                depth += 1;
                continue;
            }
            if c.mass == 0.0 {
                self.cells[cell].body = body;
                return;
            }
            if depth >= MAX_DEPTH {
                // Coincident bodies: keep them lumped in this leaf.
                self.cells[cell].body = u32::MAX;
                return;
            }
            // Split the leaf and push its body down, then continue with the new one.
            let first = u32::try_from(self.cells.len()).unwrap_or(u32::MAX);
            let half = half / 2.0;
            for q in 0..4 {
                let dx = if q & 1 == 0 { -half } else { half };
                let dy = if q & 2 == 0 { -half } else { half };
                self.geometry.push(([centre[0] + dx, centre[1] + dy], half));
                self.cells.push(Cell::empty(half));
            }
            self.cells[cell].children = first;
            self.cells[cell].body = u32::MAX;
            if c.body != u32::MAX {
                let old = c.body as usize;
                let child = first as usize + quadrant(centre, positions[old]);
                let pos = positions[old];
                let mass = masses[old];
                let cc = &mut self.cells[child];
                cc.mass = mass;
                cc.mass_centre = pos;
                cc.body = c.body;
            } else {
                // A lumped leaf (only at MAX_DEPTH, never split) cannot reach here.
                return;
            }
            cell = first as usize + quadrant(centre, p);
            depth += 1;
        }
    }

    /// Adds to `force` the repulsion on body `i` (at `p`, with mass `m`): `k * m * m_other / d`
    /// for every other body, far groups approximated by their centre of mass (`theta`).
    pub fn repulsion(&mut self, i: usize, p: [f32; 2], m: f32, k: f32, theta: f32, force: &mut [f32; 2]) {
        if self.cells.is_empty() {
            return;
        }
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        let theta2 = theta * theta;
        let body = u32::try_from(i).unwrap_or(u32::MAX);
        let (mut fx, mut fy) = (0.0f32, 0.0f32);
        // Each cell is tested when reached: a far cell or a leaf is one interaction, a near
        // cell with children is opened (its non-empty children pushed).
        let mut visit = |index: u32, stack: &mut Vec<u32>| {
            let c = &self.cells[index as usize];
            if c.mass <= 0.0 {
                return;
            }
            let dx = p[0] - c.mass_centre[0];
            let dy = p[1] - c.mass_centre[1];
            let d2 = dx * dx + dy * dy;
            if c.children != 0 {
                if c.size2 >= theta2 * d2 {
                    stack.push(c.children);
                    return;
                }
            } else if c.body == body {
                return;
            }
            let own = if c.children == 0 && c.body == u32::MAX && d2 < 1e-6 { m } else { 0.0 };
            let mass = c.mass - own;
            if mass <= 0.0 {
                return;
            }
            if d2 < 1e-6 {
                // Coincident: push apart along a direction fixed by the body's index.
                let angle = (i as f32) * 2.399_963;
                fx += k * m * mass * angle.cos();
                fy += k * m * mass * angle.sin();
                return;
            }
            // F = k m1 m2 / d along the unit vector: (dx, dy) * k m1 m2 / d².
            let f = k * m * mass / d2;
            fx += dx * f;
            fy += dy * f;
        };
        visit(0, &mut stack);
        // The stack holds the first of four children of each opened cell.
        while let Some(first) = stack.pop() {
            for child in first..first + 4 {
                visit(child, &mut stack);
            }
        }
        force[0] += fx;
        force[1] += fy;
        self.stack = stack;
    }

    /// The bodies in the tree's spatial order (depth first), so that consecutive bodies walk
    /// nearly the same cells: much kinder to the cache than index order.
    pub fn spatial_order(&self, out: &mut Vec<u32>) {
        out.clear();
        if self.cells.is_empty() {
            return;
        }
        let mut stack = vec![0u32];
        while let Some(index) = stack.pop() {
            let c = &self.cells[index as usize];
            if c.children != 0 {
                stack.extend((c.children..c.children + 4).rev());
            } else if c.body != u32::MAX {
                out.push(c.body);
            }
        }
    }
}

fn quadrant(centre: [f32; 2], p: [f32; 2]) -> usize {
    usize::from(p[0] >= centre[0]) | (usize::from(p[1] >= centre[1]) << 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree's approximation stays close to the exact sum (theta small = nearly exact).
    #[test]
    fn approximates_exact_repulsion() {
        let positions: Vec<[f32; 2]> =
            (0..200).map(|i| [((i * 37) % 101) as f32 * 3.0, ((i * 53) % 97) as f32 * 2.0]).collect();
        let masses: Vec<f32> = (0..200).map(|i| 1.0 + (i % 5) as f32).collect();
        let mut tree = QuadTree::default();
        tree.build(&positions, &masses);
        for i in [0, 17, 123] {
            let mut exact = [0.0f32; 2];
            for j in 0..positions.len() {
                if j == i {
                    continue;
                }
                let dx = positions[i][0] - positions[j][0];
                let dy = positions[i][1] - positions[j][1];
                let d2 = dx * dx + dy * dy;
                exact[0] += dx * masses[i] * masses[j] / d2;
                exact[1] += dy * masses[i] * masses[j] / d2;
            }
            let mut approx = [0.0f32; 2];
            tree.repulsion(i, positions[i], masses[i], 1.0, 0.3, &mut approx);
            let norm = (exact[0].hypot(exact[1])).max(1e-3);
            let err = (exact[0] - approx[0]).hypot(exact[1] - approx[1]) / norm;
            assert!(err < 0.05, "body {i}: relative error {err}");
        }
    }

    #[test]
    fn coincident_points_do_not_recurse_forever() {
        let positions = vec![[1.0, 1.0]; 50];
        let masses = vec![1.0; 50];
        let mut tree = QuadTree::default();
        tree.build(&positions, &masses);
        let mut f = [0.0; 2];
        tree.repulsion(3, positions[3], 1.0, 1.0, 1.2, &mut f);
        assert!(f[0].is_finite() && f[1].is_finite());
    }
}
