//! Left panel: search, blocs, entity kinds, tie kinds, minimum weight, articles, node size,
//! focus and layout actions. Every change applies at once.

use egui::RichText;

use crate::app::command::{Command, Selection};
use crate::app::model::Model;
use crate::app::settings::Settings;
use crate::graph::NodeKind;
use crate::view::{Bloc, EdgeClass, SizeMeasure, ViewFilter};

/// The search box's id, so a shortcut can focus it.
pub const SEARCH_ID: &str = "relmap-search";

#[derive(Default)]
pub struct FiltersPanel {
    pub query: String,
    /// The date being typed in "Blocs as of".
    date_text: String,
    date_error: Option<String>,
    view_name: String,
}

impl FiltersPanel {
    pub fn ui(&mut self, ui: &mut egui::Ui, model: &Model, settings: &Settings, commands: &mut Vec<Command>) {
        self.search_ui(ui, model, commands);
        ui.separator();
        let mut filter = settings.filter.clone();
        egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
            egui::CollapsingHeader::new("Blocs").default_open(true).show(ui, |ui| {
                self.date_ui(ui, model, commands);
                for bloc in Bloc::ALL {
                    let count = model.view.bloc_counts.get(&bloc).copied().unwrap_or(0);
                    let mut shown = !filter.hidden_blocs.contains(&bloc);
                    let label = format!("{} ({count})", bloc.label());
                    if ui.checkbox(&mut shown, label).changed() {
                        if shown {
                            filter.hidden_blocs.remove(&bloc);
                        } else {
                            filter.hidden_blocs.insert(bloc);
                        }
                    }
                }
                ui.label(RichText::new("An entity in any unticked bloc is hidden.").weak().small());
            });
            egui::CollapsingHeader::new("Entities").default_open(true).show(ui, |ui| {
                let count =
                    |kind: NodeKind| model.extraction.graph.graph.node_weights().filter(|n| n.kind == kind).count();
                ui.checkbox(&mut filter.show_countries, format!("Countries ({})", count(NodeKind::Country)));
                ui.checkbox(&mut filter.show_leaders, format!("Leaders ({})", count(NodeKind::Leader)));
                ui.checkbox(
                    &mut filter.show_organisations,
                    format!("Organisations ({})", count(NodeKind::Organisation)),
                );
            });
            egui::CollapsingHeader::new("Ties").default_open(true).show(ui, |ui| {
                for class in EdgeClass::ALL {
                    let count = model
                        .extraction
                        .graph
                        .graph
                        .edge_weights()
                        .filter(|e| EdgeClass::of(e.key.kind, e.key.status.as_deref()) == class)
                        .count();
                    let mut shown = filter.edge_classes.contains(&class);
                    if ui.checkbox(&mut shown, format!("{} ({count})", class.label())).changed() {
                        if shown {
                            filter.edge_classes.insert(class);
                        } else {
                            filter.edge_classes.remove(&class);
                        }
                    }
                }
                let max =
                    model.extraction.graph.graph.edge_weights().map(crate::graph::EdgeData::weight).max().unwrap_or(1);
                ui.add(egui::Slider::new(&mut filter.min_weight, 1..=max.max(2)).text("min. sentences"));
            });
            egui::CollapsingHeader::new(format!("Articles ({})", model.extraction.documents.len()))
                .default_open(true)
                .show(ui, |ui| {
                    for doc in &model.extraction.documents {
                        let mut counted = !filter.excluded_docs.contains(&doc.id);
                        let title = model.doc_title(&doc.id);
                        let date = doc.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into());
                        let response = ui
                            .checkbox(&mut counted, format!("{title} ({date})"))
                            .on_hover_text(format!("{} · {}", doc.id, doc.path));
                        if response.changed() {
                            if counted {
                                filter.excluded_docs.remove(&doc.id);
                            } else {
                                filter.excluded_docs.insert(doc.id.clone());
                            }
                        }
                    }
                });
            egui::CollapsingHeader::new("Node size").default_open(true).show(ui, |ui| {
                for measure in SizeMeasure::ALL {
                    if ui.radio(settings.size_measure == measure, measure.label()).clicked() {
                        commands.push(Command::SetSizeMeasure(measure));
                    }
                }
            });
            egui::CollapsingHeader::new("Focus").default_open(true).show(ui, |ui| focus_ui(ui, model, &mut filter));
            egui::CollapsingHeader::new(format!("Saved views ({})", model.named_views.len())).default_open(false).show(
                ui,
                |ui| {
                    for (i, view) in model.named_views.iter().enumerate() {
                        ui.horizontal(|ui| {
                            if ui.button(&view.name).on_hover_text("Apply this view's filters and focus").clicked() {
                                filter = view.filter.clone();
                            }
                            if ui.small_button("✕").on_hover_text("Forget this view").clicked() {
                                commands.push(Command::DeleteNamedView(i));
                            }
                        });
                    }
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut self.view_name).hint_text("name").desired_width(120.0));
                        if ui.add_enabled(!self.view_name.trim().is_empty(), egui::Button::new("Save view")).clicked() {
                            commands.push(Command::SaveNamedView(self.view_name.trim().to_string()));
                            self.view_name.clear();
                        }
                    });
                },
            );
            egui::CollapsingHeader::new("Layout").default_open(true).show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    if ui.button("Fit to view").on_hover_text("F").clicked() {
                        commands.push(Command::FitView);
                    }
                    if ui.button("Re-run layout").on_hover_text("R").clicked() {
                        commands.push(Command::RerunLayout);
                    }
                    if ui.button("Unpin all").on_hover_text("Shift+U").clicked() {
                        commands.push(Command::UnpinAll);
                    }
                });
                if ui.button("Reset filters").clicked() {
                    filter = ViewFilter::default();
                }
            });
        });
        if filter != settings.filter {
            commands.push(Command::SetFilter(filter));
        }
    }

    /// "Blocs as of": memberships and offices change (Belarus joined the SCO on 2024-07-04);
    /// by default the map reads them at the latest article date.
    fn date_ui(&mut self, ui: &mut egui::Ui, model: &Model, commands: &mut Vec<Command>) {
        let latest = model.corpus.reference_date();
        ui.horizontal(|ui| {
            ui.label("as of");
            let shown = model.date.map(|d| d.to_string()).unwrap_or_else(|| "today".into());
            let response = ui.add(egui::TextEdit::singleline(&mut self.date_text).hint_text(shown).desired_width(90.0));
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                match crate::kb::parse_date(Some(self.date_text.trim())) {
                    Ok(date) => {
                        self.date_error = None;
                        commands.push(Command::SetDate(date));
                    }
                    Err(e) => self.date_error = Some(e),
                }
            }
            if model.date != latest && ui.small_button("latest article").clicked() {
                self.date_text.clear();
                commands.push(Command::SetDate(None));
            }
        });
        if let Some(e) = &self.date_error {
            ui.label(RichText::new(e).color(ui.visuals().error_fg_color).small());
        }
    }

    fn search_ui(&mut self, ui: &mut egui::Ui, model: &Model, commands: &mut Vec<Command>) {
        let edit = egui::TextEdit::singleline(&mut self.query)
            .id(egui::Id::new(SEARCH_ID))
            .hint_text("Search entities (Ctrl+F)")
            .desired_width(f32::INFINITY);
        let response = ui.add(edit);
        let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if entered && !self.query.trim().is_empty() {
            commands.push(Command::Search(self.query.clone()));
        }
        if self.query.trim().is_empty() {
            return;
        }
        let hits = model.search(&self.query);
        if hits.is_empty() {
            ui.label(RichText::new("No entity matches.").weak());
        }
        for index in hits.into_iter().take(6) {
            let node = &model.extraction.graph.graph[index];
            let hidden = !model.view.contains_node(index);
            let text = if hidden { format!("{} (hidden by filters)", node.label) } else { node.label.clone() };
            if ui.selectable_label(model.selection == Some(Selection::Node(index)), text).clicked() {
                commands.push(Command::Select(Some(Selection::Node(index))));
                commands.push(Command::CentreOn(index));
            }
        }
    }
}

fn focus_ui(ui: &mut egui::Ui, model: &Model, filter: &mut ViewFilter) {
    match &filter.focus {
        Some((id, depth)) => {
            let label = model.label_of(id).unwrap_or(id).to_string();
            ui.label(format!("Showing {label} and ties up to {depth} step(s) away."));
            let mut depth = *depth;
            ui.horizontal(|ui| {
                ui.radio_value(&mut depth, 1, "1 step");
                ui.radio_value(&mut depth, 2, "2 steps");
            });
            let id = id.clone();
            filter.focus = Some((id, depth));
            if ui.button("Show everything").clicked() {
                filter.focus = None;
            }
        }
        None => {
            let selected = match model.selection {
                Some(Selection::Node(n)) => Some(model.extraction.graph.graph[n].id.clone()),
                _ => None,
            };
            ui.add_enabled_ui(selected.is_some(), |ui| {
                if ui.button("Focus on selection").on_disabled_hover_text("Select a node first").clicked()
                    && let Some(id) = selected
                {
                    filter.focus = Some((id, 1));
                }
            });
        }
    }
}
