//! What the app remembers between runs (eframe persistence): filters, encoding choices, theme,
//! and the nodes the user pinned, per corpus.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::view::{SizeMeasure, ViewFilter};

/// The key under which the settings are stored.
pub const STORAGE_KEY: &str = "relmap-settings";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub filter: ViewFilter,
    pub size_measure: SizeMeasure,
    pub dark_mode: bool,
    pub show_labels: bool,
    pub show_legend: bool,
    /// Pinned positions by corpus key (see `Sources::key`), then node id.
    pub pins: BTreeMap<String, BTreeMap<String, [f32; 2]>>,
    /// Projects opened or saved, latest first.
    pub recent_projects: Vec<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            filter: ViewFilter::default(),
            size_measure: SizeMeasure::default(),
            dark_mode: false,
            show_labels: true,
            show_legend: true,
            pins: BTreeMap::new(),
            recent_projects: Vec::new(),
        }
    }
}
