//! Right panel: what is selected and the source quotes behind it, with the entities highlighted,
//! each quote linked to its article; and the warnings extraction raised.

use egui::text::LayoutJob;
use egui::{Color32, FontId, RichText, TextFormat};
use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::app::command::{Command, Selection};
use crate::app::model::Model;
use crate::app::style;
use crate::graph::{EdgeKind, Evidence};
use crate::view::EdgeClass;

/// Quotes shown before "Show all".
const QUOTES_SHOWN: usize = 25;

#[derive(Default)]
pub struct EvidencePanel {
    show_all_quotes: bool,
    last_selection: Option<Selection>,
}

impl EvidencePanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, commands: &mut Vec<Command>) {
        if self.last_selection != model.selection {
            self.show_all_quotes = false;
            self.last_selection = model.selection;
        }
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            match model.selection {
                Some(Selection::Node(n)) => node_ui(ui, model, n, commands),
                Some(Selection::Edge(e)) => self.edge_ui(ui, model, e, commands),
                None => {
                    ui.heading("Evidence");
                    ui.label("Click a node or a tie on the map to see the sentences behind it.");
                }
            }
            ui.add_space(12.0);
            warnings_ui(ui, model, commands);
        });
    }

    fn edge_ui(&mut self, ui: &mut egui::Ui, model: &Model, edge: EdgeIndex, commands: &mut Vec<Command>) {
        let graph = &model.extraction.graph.graph;
        let Some(data) = graph.edge_weight(edge) else { return };
        let (Some(a), Some(b)) =
            (model.extraction.graph.node(&data.key.source), model.extraction.graph.node(&data.key.target))
        else {
            return;
        };
        let class = EdgeClass::of(data.key.kind, data.key.status.as_deref());
        ui.heading(format!("{} — {}", a.label, b.label));
        let visible = model.view.edges.iter().find(|e| e.index == edge);
        egui::Grid::new("edge-facts").num_columns(2).show(ui, |ui| {
            ui.label("Kind");
            ui.label(class.label());
            ui.end_row();
            if let Some(status) = &data.key.status {
                ui.label("Status");
                ui.label(status.replace('_', " "));
                ui.end_row();
            }
            ui.label("Weight");
            let weight = visible.map_or(data.weight(), |v| v.weight);
            ui.label(if data.key.kind.is_structural() {
                format!("{weight} articles")
            } else {
                format!("{weight} sentences")
            });
            ui.end_row();
            ui.label("Articles");
            ui.label(visible.map_or(data.docs.len(), |v| v.documents).to_string());
            ui.end_row();
            if let Some(detail) = &data.detail {
                ui.label("Office");
                ui.label(detail);
                ui.end_row();
            }
            if let Some(since) = data.since {
                ui.label("Since");
                ui.label(since.to_string());
                ui.end_row();
            }
        });
        if data.key.kind.is_structural() {
            ui.label(RichText::new("From the knowledge base, at each article's date.").weak());
            return;
        }
        ui.separator();
        let graph = &model.extraction.graph;
        let counted: Vec<&Evidence> =
            data.evidence.iter().filter(|ev| !model_excludes(model, graph.doc_id(ev.doc))).collect();
        ui.label(RichText::new(format!("{} source sentences", counted.len())).strong());
        let shown = if self.show_all_quotes { counted.len() } else { counted.len().min(QUOTES_SHOWN) };
        for ev in &counted[..shown] {
            quote_ui(ui, model, ev, commands);
        }
        if shown < counted.len() && ui.button(format!("Show all {}", counted.len())).clicked() {
            self.show_all_quotes = true;
        }
        if data.key.kind == EdgeKind::Meeting {
            ui.label(RichText::new("A meeting: one of these sentences says they met or will meet.").weak().small());
        }
    }
}

fn model_excludes(model: &Model, doc: &str) -> bool {
    model.excluded_docs.contains(doc)
}

fn node_ui(ui: &mut egui::Ui, model: &Model, node: NodeIndex, commands: &mut Vec<Command>) {
    let graph = &model.extraction.graph.graph;
    let data = &graph[node];
    ui.heading(&data.label);
    egui::Grid::new("node-facts").num_columns(2).show(ui, |ui| {
        ui.label("Kind");
        ui.label(format!("{} ({})", style::kind_label(data.kind), style::kind_shape_name(data.kind)));
        ui.end_row();
        if let Some(office) = &data.office {
            ui.label("Office");
            ui.label(office);
            ui.end_row();
        }
        if let Some(country) = &data.country {
            ui.label("Country");
            ui.label(model.label_of(country).unwrap_or(country));
            ui.end_row();
        }
        let mentions = model.view.node(node).map_or(data.mentions.len(), |n| n.mentions);
        ui.label("Mentions");
        ui.label(mentions.to_string());
        ui.end_row();
        if data.candidate {
            ui.label("Note");
            ui.label("Not in the knowledge base: named after an office title in the text.");
            ui.end_row();
        }
    });
    if !data.memberships.is_empty() {
        ui.separator();
        ui.label(RichText::new("Memberships").strong());
        for m in &data.memberships {
            let org = m.org.strip_prefix("org:").unwrap_or(&m.org);
            let mut text = format!("{org}: {}", m.status.as_str().replace('_', " "));
            if let Some(since) = m.since {
                text.push_str(&format!(" since {since}"));
            }
            if let Some(until) = m.until {
                text.push_str(&format!(" until {until}"));
            }
            ui.label(text);
        }
    }
    ui.separator();
    ui.label(RichText::new("Strongest ties").strong());
    let mut ties: Vec<(usize, EdgeIndex, NodeIndex)> = model
        .view
        .edges
        .iter()
        .filter_map(|e| {
            let (a, b) = graph.edge_endpoints(e.index)?;
            let other = if a == node {
                b
            } else if b == node {
                a
            } else {
                return None;
            };
            Some((e.weight, e.index, other))
        })
        .collect();
    ties.sort_by(|x, y| y.0.cmp(&x.0).then(graph[x.2].label.cmp(&graph[y.2].label)));
    if ties.is_empty() {
        ui.label(RichText::new("No visible ties.").weak());
    }
    for (weight, edge, other) in ties.into_iter().take(12) {
        let class = EdgeClass::of(graph[edge].key.kind, graph[edge].key.status.as_deref());
        ui.horizontal(|ui| {
            if ui.link(&graph[other].label).on_hover_text("Select this entity").clicked() {
                commands.push(Command::Select(Some(Selection::Node(other))));
                commands.push(Command::CentreOn(other));
            }
            if ui.small_button(format!("{} · {weight}", class.label())).on_hover_text("Show the quotes").clicked() {
                commands.push(Command::Select(Some(Selection::Edge(edge))));
            }
        });
    }
}

/// One source sentence: the text with the entities' mentions highlighted, and its article.
fn quote_ui(ui: &mut egui::Ui, model: &Model, ev: &Evidence, commands: &mut Vec<Command>) {
    let graph = &model.extraction.graph;
    let doc = graph.doc_id(ev.doc);
    let Some(sentence) = graph.doc_text(ev.doc).get(ev.byte_range()) else { return };
    let job = highlighted(ui, sentence, ev.byte_range().start, ev.mention_ranges());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.label(job);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(model.doc_title(doc)).small().weak());
            if ui.small_button("Open article").on_hover_text("Read the full text at this sentence").clicked() {
                commands.push(Command::OpenArticle {
                    doc: doc.to_string(),
                    sentence: (ev.byte_range().start, ev.byte_range().end),
                });
            }
        });
    });
}

/// `sentence` (starting at byte `offset` of its document) with the byte ranges `marks`
/// (document offsets) highlighted.
pub fn highlighted(
    ui: &egui::Ui,
    sentence: &str,
    offset: usize,
    marks: impl Iterator<Item = (usize, usize)>,
) -> LayoutJob {
    let font = FontId::proportional(14.0);
    let plain = TextFormat { font_id: font.clone(), color: ui.visuals().text_color(), ..Default::default() };
    let marked = TextFormat {
        font_id: font,
        color: if ui.visuals().dark_mode { Color32::BLACK } else { Color32::from_rgb(20, 20, 20) },
        background: Color32::from_rgb(255, 214, 102),
        ..Default::default()
    };
    let mut job = LayoutJob::default();
    job.wrap.max_width = ui.available_width() - 12.0;
    let mut at = 0;
    let mut ranges: Vec<(usize, usize)> = marks
        .filter_map(|(s, e)| Some((s.checked_sub(offset)?, e.checked_sub(offset)?)))
        .filter(|&(s, e)| s < e && e <= sentence.len() && sentence.is_char_boundary(s) && sentence.is_char_boundary(e))
        .collect();
    ranges.sort_unstable();
    for (s, e) in ranges {
        if s < at {
            continue;
        }
        job.append(&sentence[at..s], 0.0, plain.clone());
        job.append(&sentence[s..e], 0.0, marked.clone());
        at = e;
    }
    job.append(&sentence[at..], 0.0, plain);
    job
}

fn warnings_ui(ui: &mut egui::Ui, model: &Model, commands: &mut Vec<Command>) {
    let warnings = &model.extraction.warnings;
    let header = format!("Warnings ({})", warnings.len());
    egui::CollapsingHeader::new(RichText::new(header).strong()).id_salt("warnings").default_open(true).show(ui, |ui| {
        if warnings.is_empty() {
            ui.label(RichText::new("None.").weak());
        }
        for w in warnings {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(w.kind.replace('_', " ")).strong().color(ui.visuals().warn_fg_color));
                ui.label(&w.message);
                if let Some(text) = &w.text {
                    ui.label(RichText::new(format!("“{text}”")).italics());
                }
                if let (Some(doc), Some(text)) = (&w.doc, &w.text)
                    && let Some(full) = model.doc_text(doc)
                    && let Some(start) = full.find(text.as_str())
                {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(model.doc_title(doc)).small().weak());
                        if ui.small_button("Open article").clicked() {
                            commands
                                .push(Command::OpenArticle { doc: doc.clone(), sentence: (start, start + text.len()) });
                        }
                    });
                }
            });
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The entities of a quote stand out: exactly their bytes carry the highlight.
    #[test]
    fn highlights_exactly_the_mentions() {
        let ctx = egui::Context::default();
        let mut job = None;
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            // The sentence starts at byte 100 of its document; mentions are document offsets.
            let sentence = "Putin met Xi Jinping in Astana.";
            job = Some(highlighted(ui, sentence, 100, [(100, 105), (110, 120)].into_iter()));
        });
        // Nothing renders here: drop the font atlas upload egui prepared.
        output.textures_delta.clear();
        let job = job.unwrap();
        let marked: Vec<&str> = job
            .sections
            .iter()
            .filter(|s| s.format.background != Color32::TRANSPARENT)
            .map(|s| &job.text[s.byte_range.start.0..s.byte_range.end.0])
            .collect();
        assert_eq!(marked, vec!["Putin", "Xi Jinping"]);
        assert_eq!(job.text, "Putin met Xi Jinping in Astana.");
    }
}
