//! The picture of a map, independent of any window: nodes, edges, labels, legend and caption in
//! output pixels. The SVG and PNG exporters draw a `Scene`; the app's canvas draws the same
//! positions, colours and edge styles.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::graph::{NodeKind, RelGraph};
use crate::style::{self, Rgba};
use crate::view::{EdgeClass, View};

/// The background of an image.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Background {
    #[default]
    White,
    Dark,
    Transparent,
}

impl Background {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "white" => Some(Self::White),
            "dark" => Some(Self::Dark),
            "transparent" => Some(Self::Transparent),
            _ => None,
        }
    }

    fn fill(self) -> Option<Rgba> {
        match self {
            Self::White => Some(Rgba::rgb(255, 255, 255)),
            Self::Dark => Some(Rgba::rgb(27, 27, 30)),
            Self::Transparent => None,
        }
    }

    fn is_dark(self) -> bool {
        self == Self::Dark
    }
}

/// What part of the map the image shows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Frame {
    /// The whole visible graph, fitted with margins (a slide).
    Fit,
    /// Exactly this rectangle of the layout (the app's current view): min and max corners.
    Viewport { min: [f32; 2], max: [f32; 2] },
}

/// Choices for an image.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageOptions {
    /// Size in pixels at scale 1.
    pub width: u32,
    pub height: u32,
    /// Multiplies the pixel size and everything drawn (2 = the same slide at twice the resolution).
    pub scale: f32,
    pub background: Background,
    pub legend: bool,
    /// A line of text at the top (title, dates, articles, filters).
    pub caption: Option<String>,
    pub frame: Frame,
    /// Draw every label whatever the overlap (otherwise overlapping ones are thinned).
    pub all_labels: bool,
}

impl Default for ImageOptions {
    fn default() -> Self {
        Self {
            width: 1920,
            height: 1080,
            scale: 1.0,
            background: Background::White,
            legend: true,
            caption: None,
            frame: Frame::Fit,
            all_labels: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SceneNode {
    pub id: String,
    pub kind: NodeKind,
    pub x: f32,
    pub y: f32,
    pub r: f32,
    pub fill: Rgba,
    pub outline: Rgba,
    pub pinned: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SceneEdge {
    pub class: EdgeClass,
    pub from: [f32; 2],
    pub to: [f32; 2],
    pub width: f32,
    pub colour: Rgba,
    pub dashed: bool,
}

/// A label: `x` is its centre, `y` its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneLabel {
    pub text: String,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub colour: Rgba,
    pub halo: Rgba,
}

/// One legend row item: a swatch and its text.
#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    Node { kind: NodeKind, fill: Rgba, outline: Rgba },
    Line { colour: Rgba, width: f32, dashed: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    pub swatch: Swatch,
    pub text: &'static str,
    pub x: f32,
    pub y: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Pixel size.
    pub width: u32,
    pub height: u32,
    pub background: Option<Rgba>,
    pub text_colour: Rgba,
    pub edges: Vec<SceneEdge>,
    pub nodes: Vec<SceneNode>,
    pub labels: Vec<SceneLabel>,
    pub legend_box: Option<[f32; 4]>,
    pub legend: Vec<LegendItem>,
    pub legend_size: f32,
    pub caption: Option<SceneLabel>,
}

/// A node's outline, or a legend swatch's, in output pixels around its centre.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Circle {
        r: f32,
    },
    /// A square standing on a corner: centre to corner.
    Diamond {
        half_diagonal: f32,
    },
    /// An axis-aligned box with rounded corners.
    RoundedRect {
        half_width: f32,
        half_height: f32,
        corner: f32,
    },
}

impl Shape {
    /// The shape of a node of `kind` and radius `r` (leaders a diamond, organisations a square).
    pub fn of_node(kind: NodeKind, r: f32) -> Self {
        match kind {
            NodeKind::Country => Self::Circle { r },
            NodeKind::Leader => Self::Diamond { half_diagonal: r * style::DIAMOND_FACTOR },
            NodeKind::Organisation => {
                let half = r * style::SQUARE_FACTOR;
                Self::RoundedRect { half_width: half, half_height: half, corner: half * 0.2 }
            }
        }
    }
}

/// The marker on a pinned node: a small dark disc with a white ring at its upper right.
pub const PIN_FILL: Rgba = Rgba::rgb(0x28, 0x28, 0x28);
pub const PIN_OUTLINE: Rgba = Rgba::rgb(255, 255, 255);
pub const PIN_OUTLINE_WIDTH: f32 = 1.0;

impl SceneNode {
    pub fn shape(&self) -> Shape {
        Shape::of_node(self.kind, self.r)
    }

    /// Width of the outline around the fill.
    pub fn outline_width(&self) -> f32 {
        (self.r * 0.12).clamp(1.0, 3.0)
    }

    /// Centre and radius of the pin marker, for a pinned node.
    pub fn pin_marker(&self) -> Option<([f32; 2], f32)> {
        self.pinned.then(|| ([self.x + self.r * 0.8, self.y - self.r * 0.8], (self.r * 0.25).clamp(2.5, 6.0)))
    }
}

impl SceneEdge {
    /// The stroke width as drawn: rounded to a quarter pixel, so that edges of almost the same
    /// weight share one path.
    pub fn stroke_width(&self) -> f32 {
        (self.width * 4.0).round() / 4.0
    }

    /// Dash and gap lengths of a dashed edge (the pattern starts again at each edge's source),
    /// to a tenth of a pixel as the SVG writes them: along a long edge, a twentieth of a pixel
    /// per dash would add up to a visible shift between the SVG's dashes and the PNG's.
    pub fn dash(&self) -> Option<[f32; 2]> {
        // Rounded as `{:.1}` formats: half to even, from the exact value (exact in f64).
        let tenths = |x: f32| ((f64::from(x) * 10.0).round_ties_even() / 10.0) as f32;
        let w = self.stroke_width();
        self.dashed.then_some([tenths(w * 3.5 + 4.0), tenths(w * 2.0 + 3.0)])
    }
}

/// Edges drawn with one stroke style, in drawing order.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeGroup<'a> {
    pub colour: Rgba,
    pub width: f32,
    pub dash: Option<[f32; 2]>,
    pub edges: Vec<&'a SceneEdge>,
}

impl SceneLabel {
    /// The halo box behind the text: left, top, width, height and corner radius.
    pub fn halo_box(&self) -> ([f32; 4], f32) {
        let w = text_width(&self.text, self.size) + self.size * 0.3;
        ([self.x - w / 2.0, self.y - self.size * 0.95, w, self.size * 1.25], self.size * 0.2)
    }
}

/// The legend's panel: box (x0, y0, x1, y1), corner radius, fill and outline.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LegendPanel {
    pub bbox: [f32; 4],
    pub corner: f32,
    pub fill: Rgba,
    pub outline: Rgba,
    pub outline_width: f32,
}

/// A dashed line swatch's dash and gap.
pub const LEGEND_DASH: [f32; 2] = [4.0, 3.0];
/// The outline width of a node swatch.
pub const LEGEND_SWATCH_OUTLINE_WIDTH: f32 = 1.2;

impl LegendItem {
    /// Centre of the swatch for legend text of `size` px.
    pub fn swatch_centre(&self, size: f32) -> [f32; 2] {
        [self.x + size * 0.7, self.y]
    }

    /// Radius of a node swatch.
    pub fn swatch_radius(size: f32) -> f32 {
        size * 0.4
    }

    /// Half the length of a line swatch.
    pub fn swatch_half_length(size: f32) -> f32 {
        size * 0.6
    }

    /// Start of the text's baseline.
    pub fn text_at(&self, size: f32) -> [f32; 2] {
        [self.x + size * 1.8, self.y + size * 0.35]
    }
}

impl Scene {
    /// Edges grouped by stroke style: co-mentions under meetings, then by class, width, dashes
    /// and colour; each group is one path in SVG and one stroke in PNG.
    pub fn edge_groups(&self) -> Vec<EdgeGroup<'_>> {
        let mut edges: Vec<&SceneEdge> = self.edges.iter().collect();
        edges.sort_by(|a, b| {
            let key = |e: &SceneEdge| {
                (
                    !matches!(e.class, EdgeClass::CoMention),
                    e.class,
                    (e.width * 4.0).round() as i64,
                    e.dashed,
                    e.colour.0,
                )
            };
            key(a).cmp(&key(b))
        });
        let mut groups: Vec<EdgeGroup> = Vec::new();
        for e in edges {
            let (colour, width, dash) = (e.colour, e.stroke_width(), e.dash());
            match groups.last_mut() {
                Some(g) if g.colour == colour && g.width == width && g.dash == dash => g.edges.push(e),
                _ => groups.push(EdgeGroup { colour, width, dash, edges: vec![e] }),
            }
        }
        groups
    }

    /// The legend's panel, when the scene has a legend: light on a light image, dark on a dark one.
    pub fn legend_panel(&self) -> Option<LegendPanel> {
        let bbox = self.legend_box?;
        let fill = if self.text_colour.0[0] > 128 {
            Rgba::with_alpha(40, 40, 44, 230)
        } else {
            Rgba::with_alpha(248, 248, 250, 235)
        };
        Some(LegendPanel {
            bbox,
            corner: self.legend_size * 0.4,
            fill,
            outline: Rgba::rgb(0xb4, 0xb4, 0xb4),
            outline_width: 0.8,
        })
    }
}

/// Width of `text` at `size` px in the export font (Ubuntu Light), estimated per character
/// class; slightly generous so that a label never runs past the image border.
pub fn text_width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' => 0.26,
            'f' | 't' | 'r' | ' ' | 'I' | '(' | ')' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' => 0.82,
            c if c.is_uppercase() => 0.64,
            _ => 0.53,
        })
        .sum::<f32>()
        * size
}

impl Scene {
    /// The scene of `view` at `positions` (layout units, by node id), nodes sized by `radii`.
    pub fn build(
        graph: &RelGraph,
        view: &View,
        positions: &BTreeMap<String, [f32; 2]>,
        radii: &BTreeMap<petgraph::stable_graph::NodeIndex, f32>,
        pinned: &BTreeMap<String, [f32; 2]>,
        options: &ImageOptions,
    ) -> Scene {
        let s = options.scale.max(0.05);
        let (w, h) = (options.width as f32 * s, options.height as f32 * s);
        let dark = options.background.is_dark();
        let text_colour = if dark { Rgba::rgb(235, 235, 235) } else { Rgba::rgb(25, 25, 30) };
        let halo = match options.background {
            Background::Dark => Rgba::with_alpha(27, 27, 30, 200),
            _ => Rgba::with_alpha(255, 255, 255, 210),
        };
        // One slide unit: a pixel of a 1080-pixel-high image at scale 1. Labels are 18 units,
        // strokes scale the same way, so a 4K slide looks like a 1080p one, only sharper.
        let unit = (options.width.min(options.height) as f32 / 1080.0).max(0.6) * s;
        let label_size = 18.0 * unit;
        let margin = 0.04 * w.min(h);
        let caption_height = if options.caption.is_some() { label_size * 2.2 } else { 0.0 };
        let legend_height = if options.legend { label_size * 2.9 } else { 0.0 };
        let area = [margin, margin + caption_height, w - margin, h - margin - legend_height];

        struct Item<'a> {
            id: &'a str,
            label: &'a str,
            kind: NodeKind,
            p: [f32; 2],
            r: f32,
            fill: Rgba,
        }
        let items: Vec<Item> = view
            .nodes
            .iter()
            .filter_map(|n| {
                let data = graph.graph.node_weight(n.index)?;
                Some(Item {
                    id: &data.id,
                    label: &data.label,
                    kind: data.kind,
                    p: *positions.get(&data.id)?,
                    r: radii.get(&n.index).copied().unwrap_or(6.0),
                    fill: style::node_colour(data.kind, &n.blocs),
                })
            })
            .collect();

        // Layout units -> pixels.
        let (k, offset) = match options.frame {
            Frame::Viewport { min, max } => {
                let k = ((area[2] - area[0]) / (max[0] - min[0]).max(1e-3))
                    .min((area[3] - area[1]) / (max[1] - min[1]).max(1e-3));
                let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
                (k, [(area[0] + area[2]) / 2.0 - centre[0] * k, (area[1] + area[3]) / 2.0 - centre[1] * k])
            }
            Frame::Fit => fit(
                &items.iter().map(|i| (i.p, i.r, text_width(i.label, label_size))).collect::<Vec<_>>(),
                area,
                label_size,
            ),
        };
        let to_px = |p: [f32; 2]| [p[0] * k + offset[0], p[1] * k + offset[1]];
        let radius_px = |r: f32| (r * k).clamp(3.0 * unit, 80.0 * unit);

        let mut nodes: Vec<SceneNode> = items
            .iter()
            .map(|i| {
                let [x, y] = to_px(i.p);
                SceneNode {
                    id: i.id.to_string(),
                    kind: i.kind,
                    x,
                    y,
                    r: radius_px(i.r),
                    fill: i.fill,
                    outline: if dark { Rgba::rgb(20, 20, 20) } else { Rgba::rgb(255, 255, 255) },
                    pinned: pinned.contains_key(i.id),
                }
            })
            .collect();
        // Small nodes first, so that hubs stay on top (as in the app, drawing order by id otherwise).
        nodes.sort_by(|a, b| a.r.total_cmp(&b.r).then(a.id.cmp(&b.id)));

        let at: BTreeMap<&str, [f32; 2]> = nodes.iter().map(|n| (n.id.as_str(), [n.x, n.y])).collect();
        let mut edges: Vec<SceneEdge> = view
            .edges
            .iter()
            .filter_map(|e| {
                let data = graph.graph.edge_weight(e.index)?;
                let (a, b) = (at.get(&*data.key.source)?, at.get(&*data.key.target)?);
                Some(SceneEdge {
                    class: e.class,
                    from: *a,
                    to: *b,
                    width: style::edge_width(e.class, e.weight) * unit,
                    colour: style::edge_colour(e.class, dark),
                    dashed: style::edge_dashed(e.class),
                })
            })
            .collect();
        // Co-mentions under meetings; edges of one style together (one path each in SVG).
        edges.sort_by(|a, b| {
            let key =
                |e: &SceneEdge| (!matches!(e.class, EdgeClass::CoMention), e.class, (e.width * 4.0).round() as i64);
            key(a).cmp(&key(b))
        });

        let label_of: BTreeMap<&str, &str> = items.iter().map(|i| (i.id, i.label)).collect();
        let labels =
            place_labels(&nodes, &label_of, label_size, [0.0, 0.0, w, h], options.all_labels, text_colour, halo);
        let caption = options.caption.as_ref().map(|text| SceneLabel {
            text: text.clone(),
            x: w / 2.0,
            y: margin + label_size * 1.2,
            size: label_size * 1.2,
            colour: text_colour,
            halo: Rgba::with_alpha(0, 0, 0, 0),
        });
        let (legend_box, legend, legend_size) =
            if options.legend { legend(w, h, margin, label_size * 0.8, dark) } else { (None, Vec::new(), 0.0) };
        Scene {
            width: w.round() as u32,
            height: h.round() as u32,
            background: options.background.fill(),
            text_colour,
            edges,
            nodes,
            labels,
            legend_box,
            legend,
            legend_size,
            caption,
        }
    }
}

/// Scale and offset that fit nodes (position, radius, label width) into `area`, labels included.
fn fit(items: &[([f32; 2], f32, f32)], area: [f32; 4], label_size: f32) -> (f32, [f32; 2]) {
    if items.is_empty() {
        return (1.0, [(area[0] + area[2]) / 2.0, (area[1] + area[3]) / 2.0]);
    }
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for (p, _, _) in items {
        for a in 0..2 {
            min[a] = min[a].min(p[a]);
            max[a] = max[a].max(p[a]);
        }
    }
    // Room for the widest half-label at the sides and a label line below.
    let half_label = items.iter().map(|i| i.2 / 2.0).fold(0.0f32, f32::max);
    let (pad_x, pad_y) = (half_label + 4.0, label_size * 1.6 + 30.0);
    let avail = [(area[2] - area[0] - 2.0 * pad_x).max(10.0), (area[3] - area[1] - 2.0 * pad_y).max(10.0)];
    let span = [(max[0] - min[0]).max(1e-3), (max[1] - min[1]).max(1e-3)];
    let k = (avail[0] / span[0]).min(avail[1] / span[1]);
    let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    (k, [(area[0] + area[2]) / 2.0 - centre[0] * k, (area[1] + area[3]) / 2.0 - centre[1] * k])
}

/// Labels below their node (else above, right, left), largest nodes first; a label that would
/// overlap one already placed or cross the image border is left out unless `all` is set.
#[allow(clippy::too_many_arguments)]
fn place_labels(
    nodes: &[SceneNode],
    label_of: &BTreeMap<&str, &str>,
    size: f32,
    bounds: [f32; 4],
    all: bool,
    colour: Rgba,
    halo: Rgba,
) -> Vec<SceneLabel> {
    let mut order: Vec<&SceneNode> = nodes.iter().collect();
    order.sort_by(|a, b| b.r.total_cmp(&a.r).then(a.id.cmp(&b.id)));
    let mut placed: Vec<[f32; 4]> = Vec::new();
    let mut labels = Vec::new();
    // Nodes are obstacles too: a label never covers another node.
    let node_boxes: Vec<(&str, [f32; 4])> = nodes
        .iter()
        .map(|n| {
            let r = n.r * if n.kind == NodeKind::Leader { style::DIAMOND_FACTOR } else { 1.0 };
            (n.id.as_str(), [n.x - r, n.y - r, n.x + r, n.y + r])
        })
        .collect();
    let overlaps = |a: &[f32; 4], b: &[f32; 4]| a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    // The biggest nodes always get a label (the map's protagonists), avoiding other labels only.
    let forced = (nodes.len() / 10).clamp(3, 12);
    for (rank, n) in order.into_iter().enumerate() {
        let Some(text) = label_of.get(n.id.as_str()) else { continue };
        let (tw, th) = (text_width(text, size), size * 1.15);
        let extra = if n.kind == NodeKind::Leader { n.r * (style::DIAMOND_FACTOR - 1.0) } else { 0.0 };
        let gap = n.r + extra + size * 0.25;
        // Candidate boxes [x0, y0, x1, y1]: below, above, right, left, then the four corners
        // (where a crowded centre still has room).
        let d = gap * std::f32::consts::FRAC_1_SQRT_2;
        let candidates = [
            [n.x - tw / 2.0, n.y + gap, n.x + tw / 2.0, n.y + gap + th],
            [n.x - tw / 2.0, n.y - gap - th, n.x + tw / 2.0, n.y - gap],
            [n.x + gap, n.y - th / 2.0, n.x + gap + tw, n.y + th / 2.0],
            [n.x - gap - tw, n.y - th / 2.0, n.x - gap, n.y + th / 2.0],
            [n.x + d, n.y + d, n.x + d + tw, n.y + d + th],
            [n.x + d, n.y - d - th, n.x + d + tw, n.y - d],
            [n.x - d - tw, n.y + d, n.x - d, n.y + d + th],
            [n.x - d - tw, n.y - d - th, n.x - d, n.y - d],
        ];
        let inside = |b: &[f32; 4]| b[0] >= bounds[0] && b[1] >= bounds[1] && b[2] <= bounds[2] && b[3] <= bounds[3];
        let free = |b: &[f32; 4]| {
            !placed.iter().any(|p| overlaps(b, p)) && !node_boxes.iter().any(|(id, nb)| *id != n.id && overlaps(b, nb))
        };
        let label_free = |b: &[f32; 4]| !placed.iter().any(|p| overlaps(b, p));
        let spot = candidates.iter().find(|b| inside(b) && free(b)).or_else(|| {
            if all || rank < forced {
                candidates
                    .iter()
                    .find(|b| inside(b) && label_free(b))
                    .or(candidates.iter().find(|b| inside(b)))
                    .or(candidates.first())
            } else {
                None
            }
        });
        let Some(b) = spot else { continue };
        placed.push(*b);
        labels.push(SceneLabel {
            text: (*text).to_string(),
            x: (b[0] + b[2]) / 2.0,
            y: b[3] - th * 0.25,
            size,
            colour,
            halo,
        });
    }
    labels
}

/// The legend strip along the bottom: colour classes, kinds, tie styles.
fn legend(w: f32, h: f32, margin: f32, size: f32, dark: bool) -> (Option<[f32; 4]>, Vec<LegendItem>, f32) {
    let grey = if dark { Rgba::rgb(200, 200, 200) } else { Rgba::rgb(90, 90, 90) };
    let none = Rgba::with_alpha(0, 0, 0, 0);
    let mut entries: Vec<(Swatch, &'static str)> = style::COLOUR_CLASSES
        .iter()
        .map(|b| {
            (
                Swatch::Node { kind: NodeKind::Country, fill: style::bloc_colour(*b), outline: none },
                style::colour_class_label(*b),
            )
        })
        .collect();
    entries.push((
        Swatch::Node { kind: NodeKind::Organisation, fill: style::ORGANISATION_COLOUR, outline: none },
        "organisation",
    ));
    entries.push((Swatch::Node { kind: NodeKind::Country, fill: none, outline: grey }, "country"));
    entries.push((Swatch::Node { kind: NodeKind::Leader, fill: none, outline: grey }, "leader"));
    let held = style::edge_colour(EdgeClass::MeetingHeld, dark);
    entries.push((Swatch::Line { colour: held, width: 2.5, dashed: false }, "meeting held"));
    entries.push((Swatch::Line { colour: held, width: 2.5, dashed: true }, "meeting planned"));
    entries.push((Swatch::Line { colour: grey, width: 1.2, dashed: false }, "named in one sentence"));
    let swatch = size * 1.8;
    let widths: Vec<f32> = entries.iter().map(|(_, t)| swatch + text_width(t, size) + size * 1.2).collect();
    let total: f32 = widths.iter().sum();
    let x0 = ((w - total) / 2.0).max(margin);
    let y = h - margin - size * 0.9;
    let mut x = x0;
    let mut items = Vec::new();
    for ((swatch_kind, text), width) in entries.into_iter().zip(&widths) {
        items.push(LegendItem { swatch: swatch_kind, text, x, y });
        x += width;
    }
    let bbox = [x0 - size * 0.6, y - size * 1.1, x.min(w - margin) + size * 0.2, y + size * 1.1];
    (Some(bbox), items, size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dashes_are_the_lengths_the_svg_writes() {
        for quarters in 1..=40 {
            let width = quarters as f32 / 4.0;
            let edge = SceneEdge {
                class: EdgeClass::MeetingPlanned,
                from: [0.0, 0.0],
                to: [1.0, 1.0],
                width,
                colour: Rgba::rgb(0, 0, 0),
                dashed: true,
            };
            let [on, off] = edge.dash().unwrap();
            let written = |x: f32| format!("{x:.1}").parse::<f32>().unwrap();
            assert_eq!([on, off], [written(width * 3.5 + 4.0), written(width * 2.0 + 3.0)], "width {width}");
        }
    }

    #[test]
    fn text_width_grows_with_text_and_size() {
        assert!(text_width("Kassym-Jomart Tokayev", 18.0) > text_width("Xi Jinping", 18.0));
        assert!((text_width("Putin", 36.0) - 2.0 * text_width("Putin", 18.0)).abs() < 1e-3);
    }

    fn node(id: &str, x: f32, y: f32, r: f32) -> SceneNode {
        SceneNode {
            id: id.into(),
            kind: NodeKind::Country,
            x,
            y,
            r,
            fill: Rgba::rgb(200, 80, 0),
            outline: Rgba::rgb(255, 255, 255),
            pinned: false,
        }
    }

    // A node hemmed in below, above, left and right still gets its label at a free corner.
    #[test]
    fn a_crowded_node_is_labelled_at_a_corner() {
        let nodes = vec![
            node("big", 500.0, 500.0, 60.0),
            node("centre", 500.0, 300.0, 10.0),
            node("below", 500.0, 335.0, 8.0),
            node("above", 500.0, 265.0, 8.0),
            node("right", 545.0, 300.0, 10.0),
            node("left", 455.0, 300.0, 10.0),
        ];
        let label_of: BTreeMap<&str, &str> = [("centre", "Centre")].into();
        let (ink, halo) = (Rgba::rgb(0, 0, 0), Rgba::rgb(255, 255, 255));
        let labels = place_labels(&nodes, &label_of, 18.0, [0.0, 0.0, 1000.0, 1000.0], false, ink, halo);
        assert_eq!(labels.len(), 1, "the label is placed");
        let label = &labels[0];
        assert!(label.x != 500.0 && label.y != 300.0, "at a corner, not on an axis: {}, {}", label.x, label.y);
    }
}
