//! The status bar: what is shown of the total, articles, warnings, the layout's state, loading
//! progress and the last message.

use egui::RichText;

use crate::app::model::Model;

pub struct StatusInfo<'a> {
    pub model: Option<&'a Model>,
    pub progress: Option<&'a (String, f32)>,
    pub message: Option<&'a str>,
    pub frame_ms: f32,
}

pub fn status_ui(ui: &mut egui::Ui, info: &StatusInfo<'_>) {
    ui.horizontal(|ui| {
        if let Some((stage, fraction)) = info.progress {
            ui.add(egui::ProgressBar::new(*fraction).desired_width(160.0).show_percentage());
            ui.label(stage);
            ui.separator();
        }
        if let Some(model) = info.model {
            ui.label(format!(
                "Nodes {} of {} · ties {} of {} · {} articles",
                model.view.nodes.len(),
                model.view.total_nodes,
                model.view.edges.len(),
                model.view.total_edges,
                model.extraction.documents.len()
            ));
            ui.separator();
            let warnings = model.extraction.warnings.len();
            let text = format!("{warnings} warning{}", if warnings == 1 { "" } else { "s" });
            if warnings > 0 {
                ui.label(RichText::new(text).color(ui.visuals().warn_fg_color));
            } else {
                ui.label(text);
            }
            ui.separator();
            let layout = if model.layout.engine.is_at_rest() {
                "layout at rest".to_string()
            } else {
                format!("layout running (step {})", model.layout.engine.steps())
            };
            ui.label(layout);
        }
        if let Some(message) = info.message {
            ui.separator();
            ui.label(RichText::new(message).color(ui.visuals().warn_fg_color));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(format!("{:.1} ms/frame", info.frame_ms)).weak().small());
        });
    });
}
