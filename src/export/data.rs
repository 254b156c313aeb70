//! Data exports of the visible map: GEXF 1.3 (Gephi), GraphML, CSV (nodes, edges), the evidence
//! appendix (every quote behind the visible edges) and JSON (`relmap.graph/1` plus positions).
//! Same attributes everywhere; rows sorted by id and edge key.

use std::collections::BTreeMap;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde::Serialize;

use super::MapSnapshot;
use crate::graph::{EdgeData, NodeData};
use crate::style;
use crate::view::{Bloc, VisibleEdge, VisibleNode, colour_bloc};

/// One visible node with everything the data formats write about it.
pub struct NodeRow<'a> {
    pub data: &'a NodeData,
    pub visible: &'a VisibleNode,
    pub position: [f32; 2],
    pub radius: f32,
    pub pinned: bool,
}

impl NodeRow<'_> {
    pub fn bloc(&self) -> Bloc {
        colour_bloc(&self.visible.blocs)
    }

    /// Every bloc, `;`-separated.
    pub fn blocs(&self) -> String {
        self.visible.blocs.iter().map(|b| format!("{b:?}")).collect::<Vec<_>>().join(";")
    }

    pub fn colour(&self) -> style::Rgba {
        style::node_colour(self.data.kind, &self.visible.blocs)
    }
}

pub struct EdgeRow<'a> {
    pub data: &'a EdgeData,
    pub visible: &'a VisibleEdge,
}

impl EdgeRow<'_> {
    pub fn kind(&self) -> &'static str {
        self.data.key.kind.as_str()
    }

    pub fn status(&self) -> &str {
        self.data.key.status.as_deref().unwrap_or("")
    }
}

impl MapSnapshot<'_> {
    /// Visible nodes, sorted by id.
    pub fn node_rows(&self) -> Vec<NodeRow<'_>> {
        let graph = &self.extraction.graph.graph;
        let mut rows: Vec<NodeRow> = self
            .view
            .nodes
            .iter()
            .filter_map(|v| {
                let data = graph.node_weight(v.index)?;
                Some(NodeRow {
                    data,
                    visible: v,
                    position: self.positions.get(&data.id).copied().unwrap_or([0.0, 0.0]),
                    radius: self.radii.get(&v.index).copied().unwrap_or(6.0),
                    pinned: self.pinned.contains_key(&data.id),
                })
            })
            .collect();
        rows.sort_by(|a, b| a.data.id.cmp(&b.data.id));
        rows
    }

    /// Visible edges, sorted by key.
    pub fn edge_rows(&self) -> Vec<EdgeRow<'_>> {
        let graph = &self.extraction.graph.graph;
        let mut rows: Vec<EdgeRow> = self
            .view
            .edges
            .iter()
            .filter_map(|v| Some(EdgeRow { data: graph.edge_weight(v.index)?, visible: v }))
            .collect();
        rows.sort_by(|a, b| a.data.key.cmp(&b.data.key));
        rows
    }

    /// GEXF 1.3 with positions, colours, sizes and attributes, as Gephi reads it.
    pub fn to_gexf(&self) -> String {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let mut root = BytesStart::new("gexf");
        root.push_attribute(("xmlns", "http://gexf.net/1.3"));
        root.push_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"));
        root.push_attribute(("version", "1.3"));
        let _ = w.write_event(Event::Start(root));
        let _ = w.write_event(Event::Start(BytesStart::new("meta")));
        text_element(&mut w, "creator", "relmap");
        text_element(&mut w, "description", "Relationship map of countries, leaders and organisations");
        let _ = w.write_event(Event::End(BytesEnd::new("meta")));
        let mut graph = BytesStart::new("graph");
        graph.push_attribute(("defaultedgetype", "undirected"));
        graph.push_attribute(("mode", "static"));
        let _ = w.write_event(Event::Start(graph));
        attribute_block(&mut w, "node", &NODE_ATTRIBUTES);
        attribute_block(&mut w, "edge", &EDGE_ATTRIBUTES);
        let _ = w.write_event(Event::Start(BytesStart::new("nodes")));
        for n in self.node_rows() {
            let mut node = BytesStart::new("node");
            node.push_attribute(("id", n.data.id.as_str()));
            node.push_attribute(("label", n.data.label.as_str()));
            let _ = w.write_event(Event::Start(node));
            attvalues(&mut w, &node_values(&n));
            let [r, g, b, _] = n.colour().0;
            empty(&mut w, "viz:color", &[("r", r.to_string()), ("g", g.to_string()), ("b", b.to_string())]);
            empty(&mut w, "viz:position", &[("x", fmt(n.position[0])), ("y", fmt(-n.position[1])), ("z", "0".into())]);
            empty(&mut w, "viz:size", &[("value", fmt(n.radius))]);
            let _ = w.write_event(Event::End(BytesEnd::new("node")));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("nodes")));
        let _ = w.write_event(Event::Start(BytesStart::new("edges")));
        for (i, e) in self.edge_rows().iter().enumerate() {
            let mut edge = BytesStart::new("edge");
            let id = format!("e{i}");
            let weight = e.visible.weight.to_string();
            edge.push_attribute(("id", id.as_str()));
            edge.push_attribute(("source", &*e.data.key.source));
            edge.push_attribute(("target", &*e.data.key.target));
            edge.push_attribute(("label", e.kind()));
            edge.push_attribute(("weight", weight.as_str()));
            let _ = w.write_event(Event::Start(edge));
            attvalues(&mut w, &edge_values(e));
            let [r, g, b, _] = style::edge_colour(e.visible.class, false).0;
            empty(&mut w, "viz:color", &[("r", r.to_string()), ("g", g.to_string()), ("b", b.to_string())]);
            let _ = w.write_event(Event::End(BytesEnd::new("edge")));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("edges")));
        let _ = w.write_event(Event::End(BytesEnd::new("graph")));
        let _ = w.write_event(Event::End(BytesEnd::new("gexf")));
        String::from_utf8_lossy(&w.into_inner()).into_owned() + "\n"
    }

    /// GraphML with the same attributes (positions as `x`, `y`).
    pub fn to_graphml(&self) -> String {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let mut root = BytesStart::new("graphml");
        root.push_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"));
        let _ = w.write_event(Event::Start(root));
        for (domain, attributes) in [("node", &NODE_ATTRIBUTES[..]), ("edge", &EDGE_ATTRIBUTES[..])] {
            for (id, kind) in attributes {
                let graphml_type = match *kind {
                    "integer" => "int",
                    "double" => "double",
                    "boolean" => "boolean",
                    _ => "string",
                };
                empty(
                    &mut w,
                    "key",
                    &[
                        ("id", format!("{domain}_{id}")),
                        ("for", domain.into()),
                        ("attr.name", (*id).into()),
                        ("attr.type", graphml_type.into()),
                    ],
                );
            }
        }
        for (id, kind) in
            [("label", "string"), ("x", "double"), ("y", "double"), ("size", "double"), ("colour", "string")]
        {
            empty(
                &mut w,
                "key",
                &[
                    ("id", format!("node_{id}")),
                    ("for", "node".into()),
                    ("attr.name", id.into()),
                    ("attr.type", kind.into()),
                ],
            );
        }
        let mut graph = BytesStart::new("graph");
        graph.push_attribute(("id", "relmap"));
        graph.push_attribute(("edgedefault", "undirected"));
        let _ = w.write_event(Event::Start(graph));
        for n in self.node_rows() {
            let mut node = BytesStart::new("node");
            node.push_attribute(("id", n.data.id.as_str()));
            let _ = w.write_event(Event::Start(node));
            let mut values = node_values(&n);
            values.push(("label", n.data.label.clone()));
            values.push(("x", fmt(n.position[0])));
            values.push(("y", fmt(n.position[1])));
            values.push(("size", fmt(n.radius)));
            values.push(("colour", n.colour().hex()));
            for (key, value) in values {
                data_element(&mut w, &format!("node_{key}"), &value);
            }
            let _ = w.write_event(Event::End(BytesEnd::new("node")));
        }
        for (i, e) in self.edge_rows().iter().enumerate() {
            let mut edge = BytesStart::new("edge");
            let id = format!("e{i}");
            edge.push_attribute(("id", id.as_str()));
            edge.push_attribute(("source", &*e.data.key.source));
            edge.push_attribute(("target", &*e.data.key.target));
            let _ = w.write_event(Event::Start(edge));
            for (key, value) in edge_values(e) {
                data_element(&mut w, &format!("edge_{key}"), &value);
            }
            let _ = w.write_event(Event::End(BytesEnd::new("edge")));
        }
        let _ = w.write_event(Event::End(BytesEnd::new("graph")));
        let _ = w.write_event(Event::End(BytesEnd::new("graphml")));
        String::from_utf8_lossy(&w.into_inner()).into_owned() + "\n"
    }

    /// `nodes.csv`: one row per visible node.
    pub fn nodes_csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec!["id"];
        header.extend(NODE_ATTRIBUTES.iter().map(|(id, _)| *id));
        header.extend(["label", "x", "y", "size", "colour"]);
        let _ = w.write_record(&header);
        for n in self.node_rows() {
            let mut row = vec![n.data.id.clone()];
            row.extend(node_values(&n).into_iter().map(|(_, v)| v));
            row.extend([n.data.label.clone(), fmt(n.position[0]), fmt(n.position[1]), fmt(n.radius), n.colour().hex()]);
            let _ = w.write_record(&row);
        }
        w.into_inner().unwrap_or_default()
    }

    /// `edges.csv`: one row per visible edge.
    pub fn edges_csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec!["source", "target"];
        header.extend(EDGE_ATTRIBUTES.iter().map(|(id, _)| *id));
        let _ = w.write_record(&header);
        for e in self.edge_rows() {
            let mut row = vec![e.data.key.source.to_string(), e.data.key.target.to_string()];
            row.extend(edge_values(&e).into_iter().map(|(_, v)| v));
            let _ = w.write_record(&row);
        }
        w.into_inner().unwrap_or_default()
    }

    /// The evidence appendix: every quote behind the visible edges (edge, article, sentence).
    pub fn evidence_csv(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "source", "target", "kind", "status", "article", "title", "date", "sentence", "start", "end", "quote",
        ]);
        let docs: BTreeMap<&str, &crate::extraction::DocumentMeta> =
            self.extraction.documents.iter().map(|d| (d.id.as_str(), d)).collect();
        for e in self.edge_rows() {
            for ev in &e.data.evidence {
                let graph = &self.extraction.graph;
                let id = graph.doc_id(ev.doc);
                let doc = docs.get(id);
                if doc.is_none() || self.excluded_docs.contains(id) {
                    continue;
                }
                let quote = graph.sentence_text(ev);
                let _ = w.write_record([
                    e.data.key.source.to_string(),
                    e.data.key.target.to_string(),
                    e.kind().to_string(),
                    e.status().to_string(),
                    id.to_string(),
                    doc.and_then(|d| d.title.clone()).unwrap_or_default(),
                    doc.and_then(|d| d.date).map(|d| d.to_string()).unwrap_or_default(),
                    ev.sentence.to_string(),
                    ev.start.to_string(),
                    ev.end.to_string(),
                    quote.split_whitespace().collect::<Vec<_>>().join(" "),
                ]);
            }
        }
        w.into_inner().unwrap_or_default()
    }

    /// `relmap.graph/1` of the whole extraction plus `layout`: positions, pins and the visible ids.
    pub fn to_json(&self) -> String {
        #[derive(Serialize)]
        struct Layout<'a> {
            positions: &'a BTreeMap<String, [f32; 2]>,
            pinned: Vec<&'a str>,
            visible_nodes: Vec<&'a str>,
        }
        #[derive(Serialize)]
        struct WithLayout<'a> {
            #[serde(flatten)]
            graph: crate::output::GraphJson,
            layout: Layout<'a>,
        }
        let rows = self.node_rows();
        let doc = WithLayout {
            graph: crate::output::GraphJson::from_extraction(self.extraction),
            layout: Layout {
                positions: self.positions,
                pinned: self.pinned.keys().map(String::as_str).collect(),
                visible_nodes: rows.iter().map(|n| n.data.id.as_str()).collect(),
            },
        };
        serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
    }
}

/// Node attributes: id and type (GEXF names).
const NODE_ATTRIBUTES: [(&str, &str); 9] = [
    ("kind", "string"),
    ("bloc", "string"),
    ("blocs", "string"),
    ("country", "string"),
    ("office", "string"),
    ("mentions", "integer"),
    ("weighted_degree", "integer"),
    ("betweenness", "double"),
    ("pinned", "boolean"),
];

const EDGE_ATTRIBUTES: [(&str, &str); 5] = [
    ("kind", "string"),
    ("status", "string"),
    ("weight", "integer"),
    ("documents", "integer"),
    ("structural", "boolean"),
];

fn node_values(n: &NodeRow<'_>) -> Vec<(&'static str, String)> {
    vec![
        ("kind", format!("{:?}", n.data.kind).to_lowercase()),
        ("bloc", format!("{:?}", n.bloc())),
        ("blocs", n.blocs()),
        ("country", n.data.country.clone().unwrap_or_default()),
        ("office", n.data.office.clone().unwrap_or_default()),
        ("mentions", n.visible.mentions.to_string()),
        ("weighted_degree", n.visible.weighted_degree.to_string()),
        ("betweenness", format!("{:.6}", n.visible.betweenness)),
        ("pinned", n.pinned.to_string()),
    ]
}

fn edge_values(e: &EdgeRow<'_>) -> Vec<(&'static str, String)> {
    vec![
        ("kind", e.kind().to_string()),
        ("status", e.status().to_string()),
        ("weight", e.visible.weight.to_string()),
        ("documents", e.visible.documents.to_string()),
        ("structural", e.data.key.kind.is_structural().to_string()),
    ]
}

/// Numbers with a fixed number of decimals, so the text does not depend on float printing.
fn fmt(x: f32) -> String {
    format!("{x:.3}")
}

fn text_element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) {
    let _ = w.write_event(Event::Start(BytesStart::new(name)));
    let _ = w.write_event(Event::Text(BytesText::new(text)));
    let _ = w.write_event(Event::End(BytesEnd::new(name)));
}

fn data_element(w: &mut Writer<Vec<u8>>, key: &str, value: &str) {
    let mut start = BytesStart::new("data");
    start.push_attribute(("key", key));
    let _ = w.write_event(Event::Start(start));
    let _ = w.write_event(Event::Text(BytesText::new(value)));
    let _ = w.write_event(Event::End(BytesEnd::new("data")));
}

fn empty(w: &mut Writer<Vec<u8>>, name: &str, attributes: &[(&str, String)]) {
    let mut e = BytesStart::new(name);
    for (k, v) in attributes {
        e.push_attribute((*k, v.as_str()));
    }
    let _ = w.write_event(Event::Empty(e));
}

fn attribute_block(w: &mut Writer<Vec<u8>>, class: &str, attributes: &[(&str, &str)]) {
    let mut start = BytesStart::new("attributes");
    start.push_attribute(("class", class));
    let _ = w.write_event(Event::Start(start));
    for (id, kind) in attributes {
        empty(w, "attribute", &[("id", (*id).into()), ("title", (*id).into()), ("type", (*kind).into())]);
    }
    let _ = w.write_event(Event::End(BytesEnd::new("attributes")));
}

fn attvalues(w: &mut Writer<Vec<u8>>, values: &[(&'static str, String)]) {
    let _ = w.write_event(Event::Start(BytesStart::new("attvalues")));
    for (key, value) in values {
        empty(w, "attvalue", &[("for", (*key).into()), ("value", value.clone())]);
    }
    let _ = w.write_event(Event::End(BytesEnd::new("attvalues")));
}
