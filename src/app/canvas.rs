//! The map canvas: egui_graphs' `GraphView` showing the current view at the core layout's
//! positions (the one place where the core layout meets egui_graphs), with relmap's own node
//! and edge drawing, labels at a fixed screen size, hover highlighting, legend, zoom and drag.

use std::collections::HashMap;

use egui::{Align2, Color32, CornerRadius, FontId, Pos2, Rect, Shape, Stroke, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, DrawContext, EdgeProps, Graph, GraphChange, GraphView, Layout, LayoutState,
    MetadataFrame, Node, NodeProps, SettingsInteraction, SettingsNavigation, SettingsStyle,
};
use petgraph::Undirected;
use petgraph::stable_graph::{DefaultIx, EdgeIndex, NodeIndex};
use serde::{Deserialize, Serialize};

use super::command::{Command, Selection};
use super::model::Model;
use super::settings::Settings;
use super::style;
use crate::graph::NodeKind;
use crate::view::EdgeClass;

/// The id under which egui_graphs keeps this canvas's zoom and pan.
const VIEW_ID: &str = "relmap-map";

/// What a node looks like, computed from the view and the settings.
#[derive(Debug, Clone)]
pub struct NodeVisual {
    pub rel: NodeIndex,
    pub kind: NodeKind,
    pub colour: Color32,
    /// Radius in layout units.
    pub radius: f32,
    pub pinned: bool,
    pub faded: bool,
    pub dark: bool,
}

#[derive(Debug, Clone)]
pub struct EdgeVisual {
    pub rel: EdgeIndex,
    pub class: EdgeClass,
    pub weight: usize,
    pub faded: bool,
    pub dark: bool,
}

/// Node drawing: circle (country), diamond (leader), square (organisation), pin mark.
#[derive(Debug, Clone)]
pub struct NodeShape {
    location: Pos2,
    visual: NodeVisual,
    selected: bool,
    hovered: bool,
    zoom: f32,
}

impl From<NodeProps<NodeVisual>> for NodeShape {
    fn from(props: NodeProps<NodeVisual>) -> Self {
        Self {
            location: props.location(),
            visual: props.payload.clone(),
            selected: props.selected,
            hovered: props.hovered,
            zoom: 1.0,
        }
    }
}

/// Nodes are never drawn smaller than this on screen.
const MIN_NODE_PX: f32 = 4.0;

impl NodeShape {
    fn screen_radius(&self, zoom: f32) -> f32 {
        (self.visual.radius * zoom).max(MIN_NODE_PX)
    }
}

impl DisplayNode<NodeVisual, EdgeVisual, Undirected, DefaultIx> for NodeShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        self.location + dir.normalized() * self.visual.radius
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom;
        let centre = ctx.meta.canvas_to_screen_pos(self.location);
        let r = self.screen_radius(ctx.meta.zoom);
        let mut fill = self.visual.colour;
        let outline_colour = if self.visual.dark { Color32::from_gray(20) } else { Color32::WHITE };
        let mut outline = Stroke::new(1.5, outline_colour);
        if self.visual.faded {
            fill = fill.gamma_multiply(0.25);
            outline = Stroke::new(1.0, outline_colour.gamma_multiply(0.3));
        }
        if self.selected {
            outline = Stroke::new(3.0, ctx.ctx.global_style().visuals.selection.stroke.color);
        } else if self.hovered {
            outline = Stroke::new(2.5, if self.visual.dark { Color32::WHITE } else { Color32::BLACK });
        }
        let mut shapes = vec![kind_shape(self.visual.kind, centre, r, fill, outline)];
        if self.visual.pinned {
            shapes.extend(pin_mark(centre + Vec2::new(r * 0.8, -r * 0.8), self.visual.dark));
        }
        shapes
    }

    fn update(&mut self, state: &NodeProps<NodeVisual>) {
        self.location = state.location();
        self.visual = state.payload.clone();
        self.selected = state.selected;
        self.hovered = state.hovered;
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        let zoom = self.zoom.max(1e-3);
        (pos - self.location).length() <= self.screen_radius(zoom) / zoom + 2.0 / zoom
    }
}

/// The shape of a node kind: circle (country), diamond (leader), rounded square (organisation).
pub fn kind_shape(kind: NodeKind, centre: Pos2, r: f32, fill: Color32, stroke: Stroke) -> Shape {
    match kind {
        NodeKind::Country => Shape::Circle(egui::epaint::CircleShape { center: centre, radius: r, fill, stroke }),
        NodeKind::Leader => {
            let d = r * crate::style::DIAMOND_FACTOR;
            let points = vec![
                centre + Vec2::new(0.0, -d),
                centre + Vec2::new(d, 0.0),
                centre + Vec2::new(0.0, d),
                centre + Vec2::new(-d, 0.0),
            ];
            Shape::convex_polygon(points, fill, stroke)
        }
        NodeKind::Organisation => {
            let rect = Rect::from_center_size(centre, Vec2::splat(2.0 * r * crate::style::SQUARE_FACTOR));
            Shape::Rect(egui::epaint::RectShape::new(
                rect,
                CornerRadius::same(3),
                fill,
                stroke,
                egui::StrokeKind::Outside,
            ))
        }
    }
}

/// A small pushpin: a dark head with a light rim and a needle.
pub fn pin_mark(at: Pos2, dark: bool) -> Vec<Shape> {
    let (head, rim) = if dark {
        (Color32::from_rgb(255, 210, 80), Color32::BLACK)
    } else {
        (Color32::from_rgb(40, 40, 40), Color32::WHITE)
    };
    vec![
        Shape::line_segment([at, at + Vec2::new(-3.0, 5.0)], Stroke::new(1.5, head)),
        Shape::circle_filled(at, 4.0, head),
        Shape::circle_stroke(at, 4.0, Stroke::new(1.2, rim)),
    ]
}

/// Edge drawing: width by weight on a log scale; held meetings solid, planned dashed,
/// co-mentions thin and translucent.
#[derive(Debug, Clone)]
pub struct EdgeShape {
    visual: EdgeVisual,
    order: usize,
    selected: bool,
    zoom: f32,
}

impl From<EdgeProps<EdgeVisual>> for EdgeShape {
    fn from(props: EdgeProps<EdgeVisual>) -> Self {
        Self { visual: props.payload.clone(), order: props.order, selected: props.selected, zoom: 1.0 }
    }
}

type MapNode = Node<NodeVisual, EdgeVisual, Undirected, DefaultIx, NodeShape>;

impl EdgeShape {
    /// Parallel edges (a co-mention and a meeting between the same two) sit side by side.
    fn offset(&self, a: Pos2, b: Pos2) -> Vec2 {
        let along = b - a;
        if along.length() < 1e-3 || self.order == 0 {
            return Vec2::ZERO;
        }
        along.normalized().rot90() * (self.order as f32 * 4.0)
    }

    fn width(&self) -> f32 {
        style::edge_width(self.visual.class, self.visual.weight)
    }
}

impl DisplayEdge<NodeVisual, EdgeVisual, Undirected, DefaultIx, NodeShape> for EdgeShape {
    fn shapes(&mut self, start: &MapNode, end: &MapNode, ctx: &DrawContext) -> Vec<Shape> {
        self.zoom = ctx.meta.zoom;
        let a = ctx.meta.canvas_to_screen_pos(start.location());
        let b = ctx.meta.canvas_to_screen_pos(end.location());
        let offset = self.offset(a, b);
        let (a, b) = (a + offset, b + offset);
        let mut colour = style::edge_colour(self.visual.class, self.visual.dark);
        if self.visual.faded {
            colour = colour.gamma_multiply(0.15);
        }
        let mut width = self.width();
        if self.selected {
            colour = ctx.ctx.global_style().visuals.selection.stroke.color;
            width += 2.0;
        }
        let stroke = Stroke::new(width, colour);
        if style::edge_dashed(self.visual.class) {
            Shape::dashed_line(&[a, b], stroke, 8.0, 5.0)
        } else {
            vec![Shape::line_segment([a, b], stroke)]
        }
    }

    fn update(&mut self, state: &EdgeProps<EdgeVisual>) {
        self.visual = state.payload.clone();
        self.order = state.order;
        self.selected = state.selected;
    }

    fn is_inside(&self, start: &MapNode, end: &MapNode, pos: Pos2) -> bool {
        let zoom = self.zoom.max(1e-3);
        let offset = self.offset(start.location(), end.location()) / zoom;
        let (a, b) = (start.location() + offset, end.location() + offset);
        let tolerance = (self.width() / 2.0 + 3.0) / zoom;
        distance_to_segment(pos, a, b) <= tolerance
    }
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = if ab.length_sq() < 1e-9 { 0.0 } else { ((p - a).dot(ab) / ab.length_sq()).clamp(0.0, 1.0) };
    (p - (a + ab * t)).length()
}

/// egui_graphs asks a layout for positions every frame; relmap's layout lives in the core and
/// the canvas copies its positions in, so this one does nothing.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CoreLayoutState;

impl LayoutState for CoreLayoutState {}

#[derive(Debug, Default)]
pub struct CoreLayout;

impl Layout<CoreLayoutState> for CoreLayout {
    fn from_state(_state: CoreLayoutState) -> impl Layout<CoreLayoutState> {
        CoreLayout
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _g: &mut Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::stable_graph::IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> CoreLayoutState {
        CoreLayoutState
    }
}

pub type MapGraph = Graph<NodeVisual, EdgeVisual, Undirected, DefaultIx, NodeShape, EdgeShape>;

/// Screen transform of the canvas after the last frame: screen = layout * zoom + pan + origin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub zoom: f32,
    pub pan: Vec2,
    pub rect: Rect,
}

impl Transform {
    pub fn to_screen(&self, p: [f32; 2]) -> Pos2 {
        Pos2::new(p[0], p[1]) * self.zoom + self.pan + self.rect.min.to_vec2()
    }

    pub fn to_layout(&self, screen: Pos2) -> [f32; 2] {
        let v = (screen - self.rect.min - self.pan) / self.zoom;
        [v.x, v.y]
    }
}

/// The canvas's own view state.
#[derive(Default)]
pub struct Canvas {
    graph: MapGraph,
    map_of: HashMap<NodeIndex, NodeIndex>,
    rel_of: HashMap<NodeIndex, NodeIndex>,
    edge_rel_of: HashMap<EdgeIndex, EdgeIndex>,
    built_version: Option<u64>,
    pub transform: Option<Transform>,
    fit_requested: bool,
    centre_requested: Option<NodeIndex>,
    /// A rectangle of the map (layout units) to show whole, centred (a reopened project).
    show_requested: Option<([f32; 2], [f32; 2])>,
    context_node: Option<NodeIndex>,
    /// The node under the pointer (relmap index), as of the last frame.
    pub hovered: Option<NodeIndex>,
}

impl Canvas {
    /// Whether a node (relmap index) is drawn on the canvas now.
    pub fn shows(&self, node: NodeIndex) -> bool {
        self.map_of.contains_key(&node)
    }

    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    pub fn request_centre(&mut self, node: NodeIndex) {
        self.centre_requested = Some(node);
    }

    /// Shows the rectangle `min`..`max` of the map (layout units) whole, centred.
    pub fn request_show(&mut self, min: [f32; 2], max: [f32; 2]) {
        self.show_requested = Some((min, max));
        self.fit_requested = false;
    }

    /// The part of the map the canvas shows, in layout units (after the first frame).
    pub fn visible_rect(&self) -> Option<([f32; 2], [f32; 2])> {
        self.transform.map(|t| (t.to_layout(t.rect.min), t.to_layout(t.rect.max)))
    }

    /// Rebuilds the egui_graphs graph for the model's current view.
    fn rebuild(&mut self, model: &Model) {
        self.graph = MapGraph::new();
        self.map_of.clear();
        self.rel_of.clear();
        self.edge_rel_of.clear();
        for n in &model.view.nodes {
            let visual = NodeVisual {
                rel: n.index,
                kind: NodeKind::Country,
                colour: Color32::GRAY,
                radius: 8.0,
                pinned: false,
                faded: false,
                dark: false,
            };
            let label = model.extraction.graph.graph[n.index].label.clone();
            let idx = self.graph.add_node_custom(visual, |node| node.set_label(label));
            self.map_of.insert(n.index, idx);
            self.rel_of.insert(idx, n.index);
        }
        for e in &model.view.edges {
            let Some((a, b)) = model.extraction.graph.graph.edge_endpoints(e.index) else { continue };
            let (Some(&a), Some(&b)) = (self.map_of.get(&a), self.map_of.get(&b)) else { continue };
            let visual = EdgeVisual { rel: e.index, class: e.class, weight: e.weight, faded: false, dark: false };
            let idx = self.graph.add_edge(a, b, visual);
            self.edge_rel_of.insert(idx, e.index);
        }
        self.built_version = Some(model.view_version);
    }

    /// Copies positions and looks from the model into the egui_graphs graph.
    fn sync(&mut self, model: &Model, dark: bool) {
        if self.built_version != Some(model.view_version) {
            self.rebuild(model);
        }
        let graph = &model.extraction.graph.graph;
        let neighbours = self.hovered.map(|h| model.visible_neighbours(h));
        let dragged = self.graph.dragged_node();
        for n in &model.view.nodes {
            let Some(&idx) = self.map_of.get(&n.index) else { continue };
            let data = &graph[n.index];
            let layout_index = model.layout.index_of(&data.id);
            let position = layout_index.map(|i| model.layout.engine.positions()[i]);
            let pinned = layout_index.is_some_and(|i| model.layout.engine.is_pinned(i));
            let colour = style::colour(crate::style::node_colour(data.kind, &n.blocs));
            let faded = match (&neighbours, self.hovered) {
                (Some(set), Some(h)) => h != n.index && !set.contains(&n.index),
                _ => false,
            };
            let selected = model.selection == Some(Selection::Node(n.index));
            if let Some(node) = self.graph.node_mut(idx) {
                let visual = node.payload_mut();
                visual.kind = data.kind;
                visual.colour = colour;
                visual.radius = model.radii.get(&n.index).copied().unwrap_or(5.0);
                visual.pinned = pinned;
                visual.faded = faded;
                visual.dark = dark;
                if Some(idx) != dragged
                    && let Some([x, y]) = position
                {
                    node.set_location(Pos2::new(x, y));
                }
                node.set_selected(selected);
            }
        }
        let edge_ids: Vec<(EdgeIndex, EdgeIndex)> = self.edge_rel_of.iter().map(|(k, v)| (*k, *v)).collect();
        for (idx, rel) in edge_ids {
            let faded = match (self.hovered, graph.edge_endpoints(rel)) {
                (Some(h), Some((a, b))) => a != h && b != h,
                _ => false,
            };
            let selected = model.selection == Some(Selection::Edge(rel));
            if let Some(edge) = self.graph.edge_mut(idx) {
                edge.payload_mut().faded = faded;
                edge.payload_mut().dark = dark;
                edge.set_selected(selected);
            }
        }
    }

    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, settings: &Settings, commands: &mut Vec<Command>) {
        let dark = ui.visuals().dark_mode;
        self.sync(model, dark);
        let size = ui.available_size();
        if let Some(node) = self.centre_requested.take()
            && let Some(&idx) = self.map_of.get(&node)
            && let Some(n) = self.graph.node(idx)
        {
            let mut meta = MetadataFrame::new(Some(VIEW_ID.into())).load(ui);
            meta.pan = (size / 2.0) - n.location().to_vec2() * meta.zoom;
            meta.save(ui);
        }
        if let Some((min, max)) = self.show_requested.take() {
            let (w, h) = ((max[0] - min[0]).max(1e-3), (max[1] - min[1]).max(1e-3));
            let mut meta = MetadataFrame::new(Some(VIEW_ID.into())).load(ui);
            meta.zoom = (size.x / w).min(size.y / h);
            let centre = egui::vec2((min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0);
            meta.pan = (size / 2.0) - centre * meta.zoom;
            meta.save(ui);
        }
        let interactions = SettingsInteraction::new()
            .with_dragging_enabled(true)
            .with_hover_enabled(true)
            .with_node_clicking_enabled(true)
            .with_edge_clicking_enabled(true);
        let fit = std::mem::take(&mut self.fit_requested);
        let navigation = SettingsNavigation::new()
            .with_zoom_and_pan_enabled(true)
            .with_fit_to_screen_enabled(fit)
            .with_fit_to_screen_padding(0.12);
        let response = GraphView::<CoreLayoutState, CoreLayout>::new()
            .with_interactions(&interactions)
            .with_navigations(&navigation)
            .with_styles(&SettingsStyle::new().with_labels_always(false))
            .with_id(Some(VIEW_ID.into()))
            .show(ui, &mut self.graph);
        let rect = response.response.rect;
        let meta = MetadataFrame::new(Some(VIEW_ID.into())).load(ui);
        self.transform = Some(Transform { zoom: meta.zoom, pan: meta.pan, rect });
        self.hovered = self.graph.hovered_node().and_then(|i| self.rel_of.get(&i).copied());

        let mut clicked_something = false;
        for change in &response.changes {
            match change {
                GraphChange::NodeClicked { node } => {
                    clicked_something = true;
                    if let Some(&rel) = self.rel_of.get(node) {
                        commands.push(Command::Select(Some(Selection::Node(rel))));
                    }
                }
                GraphChange::EdgeClicked { edge } => {
                    clicked_something = true;
                    if let Some(&rel) = self.edge_rel_of.get(edge) {
                        commands.push(Command::Select(Some(Selection::Edge(rel))));
                    }
                }
                GraphChange::NodeMoved { node, new_position, .. } => {
                    if let Some(&rel) = self.rel_of.get(node) {
                        commands.push(Command::Pin { node: rel, at: [new_position.x, new_position.y] });
                    }
                }
                GraphChange::NodeDoubleClicked { node } => {
                    if let Some(&rel) = self.rel_of.get(node) {
                        commands.push(Command::Unpin(rel));
                    }
                }
                _ => {}
            }
        }
        if response.response.clicked() && !clicked_something && self.hovered.is_none() {
            commands.push(Command::Select(None));
        }
        self.wheel_zoom(ui, &response.response);
        if let Some(t) = self.transform {
            self.labels_ui(ui, model, settings, t);
            if settings.show_legend {
                legend_ui(ui, rect, dark);
            }
        }
        if response.response.secondary_clicked() {
            self.context_node = self.hovered;
        }
        let hovered_node = self.hovered;
        let response = response.response;
        if let Some(h) = hovered_node
            && self.graph.dragged_node().is_none()
        {
            response.clone().on_hover_ui_at_pointer(|ui| node_tooltip_ui(ui, model, h));
        }
        let context_node = self.context_node;
        response.context_menu(|ui| context_menu_ui(ui, model, context_node, commands));
    }

    /// The mouse wheel zooms around the pointer (egui_graphs zooms only with Ctrl held).
    fn wheel_zoom(&mut self, ui: &mut egui::Ui, response: &egui::Response) {
        if !response.hovered() {
            return;
        }
        let (scroll, pointer, ctrl) = ui.input(|i| (i.smooth_scroll_delta.y, i.pointer.hover_pos(), i.modifiers.ctrl));
        let Some(pointer) = pointer else { return };
        if scroll.abs() < 0.1 || ctrl {
            return;
        }
        let mut meta = MetadataFrame::new(Some(VIEW_ID.into())).load(ui);
        let factor = (scroll * 0.0025).exp();
        let local = pointer - response.rect.min;
        let new_zoom = (meta.zoom * factor).clamp(0.02, 50.0);
        let graph_point = (local - meta.pan) / meta.zoom;
        meta.pan = local - graph_point * new_zoom;
        meta.zoom = new_zoom;
        meta.save(ui);
        ui.ctx().request_repaint();
    }

    /// Labels at a fixed screen size, below their node, placed most important first and
    /// skipped where they would overlap one already placed (so they thin out when zoomed out).
    fn labels_ui(&self, ui: &egui::Ui, model: &Model, settings: &Settings, t: Transform) {
        let painter = ui.painter_at(t.rect);
        let graph = &model.extraction.graph.graph;
        let neighbours = self.hovered.map(|h| model.visible_neighbours(h));
        let mut order: Vec<(u8, f32, NodeIndex)> = model
            .view
            .nodes
            .iter()
            .filter_map(|n| {
                let idx = *self.map_of.get(&n.index)?;
                let radius = self.graph.node(idx)?.payload().radius;
                let important = model.selection == Some(Selection::Node(n.index)) || self.hovered == Some(n.index);
                let near_hover = neighbours.as_ref().is_some_and(|s| s.contains(&n.index));
                Some((
                    if important {
                        0
                    } else if near_hover {
                        1
                    } else {
                        2
                    },
                    -radius,
                    n.index,
                ))
            })
            .collect();
        order.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut placed: Vec<Rect> = Vec::new();
        let font = FontId::proportional(style::LABEL_SIZE);
        let text_colour = ui.visuals().strong_text_color();
        let halo = ui.visuals().extreme_bg_color.gamma_multiply(0.8);
        for (rank, neg_radius, rel) in order {
            if rank == 2 && !settings.show_labels {
                continue;
            }
            let Some(&idx) = self.map_of.get(&rel) else { continue };
            let Some(node) = self.graph.node(idx) else { continue };
            let centre = t.to_screen([node.location().x, node.location().y]);
            if !t.rect.expand(50.0).contains(centre) {
                continue;
            }
            let r = (-neg_radius * t.zoom).max(MIN_NODE_PX);
            let faded = neighbours.is_some() && rank == 2;
            let colour = if faded { text_colour.gamma_multiply(0.3) } else { text_colour };
            let galley = painter.layout_no_wrap(graph[rel].label.clone(), font.clone(), colour);
            let extra = if graph[rel].kind == NodeKind::Leader { r * 0.25 } else { 0.0 };
            let size = galley.size();
            let gap = r + extra + 2.0;
            // Below the node first, then above, right, left: the first spot that is free.
            let candidates = [
                Pos2::new(centre.x - size.x / 2.0, centre.y + gap),
                Pos2::new(centre.x - size.x / 2.0, centre.y - gap - size.y),
                Pos2::new(centre.x + gap + 2.0, centre.y - size.y / 2.0),
                Pos2::new(centre.x - gap - 2.0 - size.x, centre.y - size.y / 2.0),
            ];
            let free = |top_left: Pos2| {
                let rect = Rect::from_min_size(top_left, size).expand(1.5);
                !placed.iter().any(|p| p.intersects(rect))
            };
            let top_left = match candidates.iter().copied().find(|c| free(*c)) {
                Some(spot) => spot,
                None if rank < 2 => candidates[0],
                None => continue,
            };
            let label_rect = Rect::from_min_size(top_left, size).expand(1.5);
            placed.push(label_rect);
            if !faded {
                painter.rect_filled(label_rect, CornerRadius::same(3), halo);
            }
            painter.galley(top_left, galley, colour);
        }
    }
}

fn node_tooltip_ui(ui: &mut egui::Ui, model: &Model, node: NodeIndex) {
    let data = &model.extraction.graph.graph[node];
    ui.strong(&data.label);
    ui.label(style::kind_label(data.kind));
    if let Some(office) = &data.office {
        ui.label(office);
    }
    if let Some(country) = data.country.as_deref().and_then(|c| model.label_of(c)) {
        ui.label(format!("Country: {country}"));
    }
    let memberships = model.memberships_text(data);
    if !memberships.is_empty() {
        ui.label(memberships);
    }
    let mentions = model.view.node(node).map_or(0, |n| n.mentions);
    ui.label(format!("{mentions} mentions"));
}

fn context_menu_ui(ui: &mut egui::Ui, model: &Model, node: Option<NodeIndex>, commands: &mut Vec<Command>) {
    if let Some(node) = node {
        let data = &model.extraction.graph.graph[node];
        ui.label(egui::RichText::new(&data.label).strong());
        if ui.button("Select").clicked() {
            commands.push(Command::Select(Some(Selection::Node(node))));
            ui.close();
        }
        let pinned = model.layout.index_of(&data.id).is_some_and(|i| model.layout.engine.is_pinned(i));
        if pinned && ui.button("Unpin").clicked() {
            commands.push(Command::Unpin(node));
            ui.close();
        }
        if ui.button("Focus on its neighbours").clicked() {
            commands.push(Command::Focus(Some((data.id.clone(), 1))));
            ui.close();
        }
        if ui.button("Focus, two steps out").clicked() {
            commands.push(Command::Focus(Some((data.id.clone(), 2))));
            ui.close();
        }
        ui.separator();
    }
    if ui.button("Fit to view").clicked() {
        commands.push(Command::FitView);
        ui.close();
    }
    if ui.button("Re-run layout").clicked() {
        commands.push(Command::RerunLayout);
        ui.close();
    }
    if ui.button("Unpin all").clicked() {
        commands.push(Command::UnpinAll);
        ui.close();
    }
}

/// One legend entry: how to draw its swatch at a point, and its label.
type Swatch = Box<dyn Fn(&egui::Painter, Pos2)>;

/// The legend, a strip along the bottom of the canvas: bloc colours, kind shapes, edge styles
/// and the pin mark, wrapping to a second row when the canvas is narrow.
fn legend_ui(ui: &egui::Ui, canvas: Rect, dark: bool) {
    let painter = ui.painter_at(canvas);
    let grey = Color32::from_gray(if dark { 200 } else { 90 });
    let mut items: Vec<(Swatch, &str)> = Vec::new();
    for bloc in style::COLOUR_CLASSES {
        let colour = style::bloc_colour(bloc);
        let label = crate::style::colour_class_label(bloc);
        items.push((
            Box::new(move |p: &egui::Painter, at: Pos2| {
                p.circle_filled(at, 5.5, colour);
            }),
            label,
        ));
    }
    let kinds = [
        (NodeKind::Organisation, style::ORGANISATION_COLOUR, Stroke::NONE, "organisation"),
        (NodeKind::Country, Color32::TRANSPARENT, Stroke::new(1.5, grey), "country"),
        (NodeKind::Leader, Color32::TRANSPARENT, Stroke::new(1.5, grey), "leader"),
    ];
    for (kind, fill, stroke, label) in kinds {
        items.push((
            Box::new(move |p: &egui::Painter, at: Pos2| {
                p.add(kind_shape(kind, at, 5.0, fill, stroke));
            }),
            label,
        ));
    }
    let held = style::edge_colour(EdgeClass::MeetingHeld, dark);
    let co = style::edge_colour(EdgeClass::CoMention, dark).gamma_multiply(1.8);
    let seg = |at: Pos2| [at - Vec2::new(9.0, 0.0), at + Vec2::new(9.0, 0.0)];
    items.push((
        Box::new(move |p: &egui::Painter, at: Pos2| {
            p.line_segment(seg(at), Stroke::new(2.5, held));
        }),
        "meeting held",
    ));
    items.push((
        Box::new(move |p: &egui::Painter, at: Pos2| {
            p.extend(Shape::dashed_line(&seg(at), Stroke::new(2.5, held), 4.0, 3.0));
        }),
        "meeting planned",
    ));
    items.push((
        Box::new(move |p: &egui::Painter, at: Pos2| {
            p.line_segment(seg(at), Stroke::new(1.5, co));
        }),
        "same sentence",
    ));
    items.push((
        Box::new(move |p: &egui::Painter, at: Pos2| {
            p.extend(pin_mark(at, dark));
        }),
        "pinned",
    ));

    let font = FontId::proportional(12.0);
    let text = ui.visuals().text_color();
    let (row_height, pad, swatch) = (20.0, 8.0, 22.0);
    let widths: Vec<f32> = items
        .iter()
        .map(|(_, label)| swatch + painter.layout_no_wrap((*label).to_string(), font.clone(), text).size().x + 14.0)
        .collect();
    let max_width = canvas.width() - 20.0;
    let mut rows: Vec<Vec<usize>> = vec![Vec::new()];
    let mut x = 0.0;
    for (i, w) in widths.iter().enumerate() {
        if x + w > max_width && !rows.last().is_some_and(Vec::is_empty) {
            rows.push(Vec::new());
            x = 0.0;
        }
        x += w;
        if let Some(row) = rows.last_mut() {
            row.push(i);
        }
    }
    let width = rows.iter().map(|r| r.iter().map(|&i| widths[i]).sum::<f32>()).fold(0.0f32, f32::max) + 2.0 * pad;
    let height = rows.len() as f32 * row_height + pad;
    let rect = Rect::from_min_size(canvas.left_bottom() + Vec2::new(10.0, -height - 8.0), Vec2::new(width, height));
    painter.rect_filled(rect, CornerRadius::same(6), ui.visuals().extreme_bg_color.gamma_multiply(0.92));
    painter.rect_stroke(
        rect,
        CornerRadius::same(6),
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    for (r, row) in rows.iter().enumerate() {
        let y = rect.top() + pad / 2.0 + row_height * (r as f32 + 0.5);
        let mut x = rect.left() + pad;
        for &i in row {
            let (draw, label) = &items[i];
            draw(&painter, Pos2::new(x + swatch / 2.0 - 2.0, y));
            painter.text(Pos2::new(x + swatch, y), Align2::LEFT_CENTER, *label, font.clone(), text);
            x += widths[i];
        }
    }
}
