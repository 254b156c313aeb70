//! Exports from the app: the map's data is copied into a job that runs on the `relmap-export`
//! thread (after the save dialog, if no path was given), so the window never waits.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use petgraph::stable_graph::NodeIndex;

use super::command::{ExportFormat, ExportRequest};
use super::model::Model;
use crate::export::MapSnapshot;
use crate::export::scene::{Frame, ImageOptions};
use crate::extraction::Extraction;
use crate::view::{View, ViewFilter};

/// Everything an export needs, owned, so it can leave the UI thread.
pub struct ExportJob {
    pub request: ExportRequest,
    extraction: Extraction,
    view: View,
    positions: BTreeMap<String, [f32; 2]>,
    radii: BTreeMap<NodeIndex, f32>,
    pinned: BTreeMap<String, [f32; 2]>,
    excluded_docs: BTreeSet<String>,
    caption: Option<String>,
    /// The canvas's visible rectangle in layout units and its size in pixels (current view).
    viewport: Option<([f32; 2], [f32; 2], [u32; 2])>,
}

impl ExportJob {
    pub fn new(
        model: &Model,
        filter: &ViewFilter,
        request: ExportRequest,
        viewport: Option<([f32; 2], [f32; 2], [u32; 2])>,
    ) -> Self {
        let details = request.caption.then(|| crate::map::caption(&model.extraction, filter, model.chosen_date()));
        let caption = crate::map::caption_line(&request.title, details);
        Self {
            request,
            extraction: model.extraction.clone(),
            view: model.view.clone(),
            positions: model.layout.positions_by_id(),
            radii: model.radii.clone(),
            pinned: model.layout.pinned_by_id(),
            excluded_docs: model.excluded_docs.clone(),
            caption,
            viewport,
        }
    }

    /// Writes the export to `path` (a folder for CSV); returns what was written.
    pub fn write(&self, path: &Path) -> Result<String, String> {
        let snapshot = MapSnapshot {
            extraction: &self.extraction,
            view: &self.view,
            positions: &self.positions,
            radii: &self.radii,
            pinned: &self.pinned,
            excluded_docs: &self.excluded_docs,
        };
        let r = &self.request;
        let (frame, width, height) = match (r.current_view, self.viewport) {
            (true, Some((min, max, [w, h]))) => (Frame::Viewport { min, max }, w, h),
            _ => (Frame::Fit, r.width, r.height),
        };
        let options = ImageOptions {
            width,
            height,
            scale: r.scale,
            background: r.background,
            legend: r.legend,
            caption: self.caption.clone(),
            frame,
            all_labels: false,
        };
        let written = snapshot.write(r.format, path, &options).map_err(|e| e.to_string())?;
        Ok(match r.format {
            ExportFormat::Png | ExportFormat::Svg => format!(
                "Exported {} ({}×{})",
                path.display(),
                (width as f32 * r.scale.max(0.05)).round(),
                (height as f32 * r.scale.max(0.05)).round()
            ),
            _ if written.len() > 1 => format!("Exported {} files to {}", written.len(), path.display()),
            _ => format!("Exported {}", path.display()),
        })
    }

    /// The path from the request, or from a save dialog (None if the user cancels).
    pub fn choose_path(&self) -> Option<PathBuf> {
        if let Some(p) = &self.request.path {
            return Some(p.clone());
        }
        let dialog = rfd::FileDialog::new().set_title("Export");
        match self.request.format {
            ExportFormat::Csv => dialog.pick_folder(),
            f => {
                let name = format!("relmap.{}", f.extension());
                dialog.set_file_name(name).add_filter(f.extension().to_uppercase(), &[f.extension()]).save_file()
            }
        }
    }
}
