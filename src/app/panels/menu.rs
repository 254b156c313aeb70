//! The menu bar: File, Edit, View, Help.

use crate::app::command::Command;
use crate::app::settings::Settings;

/// What the menus need to know of the app beyond its settings.
pub struct MenuContext<'a> {
    /// Articles are loading: opening more waits.
    pub busy: bool,
    /// What Undo and Redo would undo and redo, if anything.
    pub history: (Option<&'a str>, Option<&'a str>),
    /// The project file Save writes to, when the map came from one.
    pub project_path: Option<std::path::PathBuf>,
}

pub fn menu_ui(ui: &mut egui::Ui, settings: &Settings, context: &MenuContext<'_>, commands: &mut Vec<Command>) {
    let (busy, history) = (context.busy, context.history);
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            ui.add_enabled_ui(!busy, |ui| {
                if ui.button("Open files…").clicked() {
                    commands.push(Command::ShowOpenDialog { folder: false });
                    ui.close();
                }
                if ui.button("Open folder…").clicked() {
                    commands.push(Command::ShowOpenDialog { folder: true });
                    ui.close();
                }
                if ui.button("Open the seed articles").clicked() {
                    commands.push(Command::OpenSeeds);
                    ui.close();
                }
                ui.separator();
                if ui.button("Open project…").clicked() {
                    commands.push(Command::OpenProject(None));
                    ui.close();
                }
                ui.add_enabled_ui(!settings.recent_projects.is_empty(), |ui| {
                    ui.menu_button("Recent projects", |ui| {
                        for path in &settings.recent_projects {
                            let name = path
                                .file_name()
                                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
                            if ui.button(name).on_hover_text(path.display().to_string()).clicked() {
                                commands.push(Command::OpenProject(Some(path.clone())));
                                ui.close();
                            }
                        }
                    });
                });
            });
            // Save writes the open project's file; a map of articles is asked a name.
            let save = if context.project_path.is_some() { "Save project" } else { "Save project…" };
            if ui.add(egui::Button::new(save).shortcut_text("Ctrl+S")).clicked() {
                commands.push(Command::SaveProject(context.project_path.clone()));
                ui.close();
            }
            if ui.add(egui::Button::new("Save project as…").shortcut_text("Ctrl+Shift+S")).clicked() {
                commands.push(Command::SaveProject(None));
                ui.close();
            }
            ui.separator();
            if ui.add(egui::Button::new("Export image or data…").shortcut_text("Ctrl+E")).clicked() {
                commands.push(Command::ShowExportWindow);
                ui.close();
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| {
            let (undo, redo) = history;
            let undo_text = undo.map_or_else(|| "Undo".to_string(), |l| format!("Undo {l}"));
            if ui.add_enabled(undo.is_some(), egui::Button::new(undo_text).shortcut_text("Ctrl+Z")).clicked() {
                commands.push(Command::Undo);
                ui.close();
            }
            let redo_text = redo.map_or_else(|| "Redo".to_string(), |l| format!("Redo {l}"));
            if ui.add_enabled(redo.is_some(), egui::Button::new(redo_text).shortcut_text("Ctrl+Shift+Z")).clicked() {
                commands.push(Command::Redo);
                ui.close();
            }
        });
        ui.menu_button("View", |ui| {
            if ui.button("Fit to view (F)").clicked() {
                commands.push(Command::FitView);
                ui.close();
            }
            if ui.button("Re-run layout (R)").clicked() {
                commands.push(Command::RerunLayout);
                ui.close();
            }
            if ui.button("Unpin all (Shift+U)").clicked() {
                commands.push(Command::UnpinAll);
                ui.close();
            }
            ui.separator();
            let mut labels = settings.show_labels;
            if ui.checkbox(&mut labels, "Labels (L)").changed() {
                commands.push(Command::SetShowLabels(labels));
            }
            let mut legend = settings.show_legend;
            if ui.checkbox(&mut legend, "Legend").changed() {
                commands.push(Command::SetShowLegend(legend));
            }
            let mut dark = settings.dark_mode;
            if ui.checkbox(&mut dark, "Dark theme").changed() {
                commands.push(Command::SetDarkMode(dark));
            }
        });
        ui.menu_button("Help", |ui| {
            ui.label("Drag a node to pin it; double-click to unpin.");
            ui.label("Wheel: zoom · drag the background: pan.");
            ui.label("Shortcuts: F fit · R re-run layout · L labels");
            ui.label("Ctrl+F search · U unpin selected · Shift+U unpin all · Esc clear selection");
            ui.label("Drop article files onto the window to add them.");
        });
    });
}
