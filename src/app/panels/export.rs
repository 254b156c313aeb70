//! The export window: an image of the map (the current view, or a slide at a preset size, with
//! background, legend and caption) or its data (GEXF, GraphML, CSV, JSON, evidence appendix).

use crate::app::command::{Command, ExportFormat, ExportRequest};
use crate::export::scene::Background;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Preset {
    FullHd,
    FourK,
    Square,
    Custom,
}

pub struct ExportPanel {
    pub open: bool,
    current_view: bool,
    preset: Preset,
    width: u32,
    height: u32,
    scale: f32,
    background: Background,
    legend: bool,
    caption: bool,
    title: String,
    format: ExportFormat,
}

impl Default for ExportPanel {
    fn default() -> Self {
        Self {
            open: false,
            current_view: false,
            preset: Preset::FullHd,
            width: 1920,
            height: 1080,
            scale: 1.0,
            background: Background::White,
            legend: true,
            caption: true,
            title: String::new(),
            format: ExportFormat::Png,
        }
    }
}

impl ExportPanel {
    pub fn ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let mut open = self.open;
        egui::Window::new("Export").open(&mut open).resizable(false).default_pos([420.0, 120.0]).show(ctx, |ui| {
            ui.label(egui::RichText::new("Image").strong());
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.format, ExportFormat::Png, "PNG");
                ui.radio_value(&mut self.format, ExportFormat::Svg, "SVG (vector, text stays text)");
            });
            ui.horizontal(|ui| {
                ui.radio_value(&mut self.current_view, false, "Slide: the whole visible map");
                ui.radio_value(&mut self.current_view, true, "Current view");
            });
            ui.add_enabled_ui(!self.current_view, |ui| {
                ui.horizontal(|ui| {
                    for (preset, label, w, h) in [
                        (Preset::FullHd, "1920×1080", 1920, 1080),
                        (Preset::FourK, "3840×2160", 3840, 2160),
                        (Preset::Square, "1080×1080", 1080, 1080),
                    ] {
                        if ui.radio(self.preset == preset, label).clicked() {
                            self.preset = preset;
                            self.width = w;
                            self.height = h;
                        }
                    }
                    ui.radio_value(&mut self.preset, Preset::Custom, "custom");
                });
                ui.add_enabled_ui(self.preset == Preset::Custom, |ui| {
                    ui.horizontal(|ui| {
                        ui.add(egui::DragValue::new(&mut self.width).range(100..=16384).suffix(" px"));
                        ui.label("×");
                        ui.add(egui::DragValue::new(&mut self.height).range(100..=16384).suffix(" px"));
                    });
                });
            });
            ui.add(egui::Slider::new(&mut self.scale, 0.5..=4.0).text("scale"));
            ui.horizontal(|ui| {
                ui.label("Background");
                ui.radio_value(&mut self.background, Background::White, "white");
                ui.radio_value(&mut self.background, Background::Dark, "dark");
                ui.radio_value(&mut self.background, Background::Transparent, "transparent");
            });
            ui.checkbox(&mut self.legend, "Legend");
            ui.horizontal(|ui| {
                ui.label("Title");
                ui.add(
                    egui::TextEdit::singleline(&mut self.title)
                        .hint_text("optional, heads the caption")
                        .desired_width(260.0),
                );
            });
            ui.checkbox(&mut self.caption, "Caption: articles, dates, filters");
            if ui.button("Export image…").clicked() {
                commands.push(Command::Export(self.request()));
            }
            ui.separator();
            ui.label(egui::RichText::new("Data (the visible map)").strong());
            ui.horizontal_wrapped(|ui| {
                for (format, label) in [
                    (ExportFormat::Gexf, "GEXF (Gephi)…"),
                    (ExportFormat::GraphMl, "GraphML…"),
                    (ExportFormat::Csv, "CSV folder…"),
                    (ExportFormat::Json, "JSON…"),
                    (ExportFormat::Evidence, "Evidence appendix (CSV)…"),
                ] {
                    if ui.button(label).clicked() {
                        commands.push(Command::Export(ExportRequest { format, path: None, ..self.request() }));
                    }
                }
            });
        });
        self.open = open;
    }

    fn request(&self) -> ExportRequest {
        ExportRequest {
            format: self.format,
            current_view: self.current_view,
            width: self.width,
            height: self.height,
            scale: self.scale,
            background: self.background,
            legend: self.legend,
            caption: self.caption,
            title: self.title.clone(),
            path: None,
        }
    }
}
