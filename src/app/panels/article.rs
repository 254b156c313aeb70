//! The article reader: an article's full text in a window, scrolled to the quoted sentence,
//! which is highlighted.

use egui::RichText;

use crate::app::command::Command;
use crate::app::model::Model;

#[derive(Debug, Clone, PartialEq)]
pub struct ArticleView {
    pub doc: String,
    pub sentence: (usize, usize),
    /// Scroll to the sentence on the next frame only, then leave scrolling to the user.
    pub scroll_pending: bool,
}

impl ArticleView {
    pub fn ui(&mut self, ctx: &egui::Context, model: &Model, commands: &mut Vec<Command>) {
        let mut open = true;
        let title = model.doc_title(&self.doc);
        egui::Window::new(RichText::new(format!("Article: {title}")).strong())
            .id(egui::Id::new("relmap-article"))
            .open(&mut open)
            .default_size([560.0, 620.0])
            .default_pos([300.0, 60.0])
            .resizable(true)
            .show(ctx, |ui| {
                let Some(text) = model.doc_text(&self.doc) else {
                    ui.label("This article is no longer loaded.");
                    return;
                };
                if let Some(meta) = model.extraction.documents.iter().find(|d| d.id == self.doc) {
                    ui.label(
                        RichText::new(format!(
                            "{} · {}",
                            meta.path,
                            meta.date.map(|d| d.to_string()).unwrap_or_else(|| "undated".into())
                        ))
                        .weak(),
                    );
                }
                ui.separator();
                let (s, e) = self.sentence;
                let (before, sentence, after) = match (text.get(..s), text.get(s..e), text.get(e..)) {
                    (Some(b), Some(m), Some(a)) => (b, m, a),
                    _ => (text, "", ""),
                };
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    ui.label(before);
                    let marked = ui.label(
                        RichText::new(sentence)
                            .background_color(egui::Color32::from_rgb(255, 214, 102))
                            .color(egui::Color32::BLACK),
                    );
                    if self.scroll_pending {
                        marked.scroll_to_me(Some(egui::Align::Center));
                        self.scroll_pending = false;
                    }
                    ui.label(after);
                });
            });
        if !open {
            commands.push(Command::CloseArticle);
        }
    }
}
