//! Exports of a map: images (`scene` -> `svg`, or -> `raster` -> `png`) and data for other tools (`gexf`,
//! `graphml`, `table` for CSV and the evidence appendix, JSON with positions). Everything is
//! drawn or written from a `MapSnapshot`, sorted, so the same map gives the same bytes.

pub mod data;
pub mod png;
mod raster;
pub mod scene;
pub mod svg;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use petgraph::stable_graph::NodeIndex;

use crate::extraction::Extraction;
use crate::view::View;

/// Everything an export needs: the extraction, what is visible, where it is, how big.
pub struct MapSnapshot<'a> {
    pub extraction: &'a Extraction,
    pub view: &'a View,
    /// Layout positions by node id.
    pub positions: &'a BTreeMap<String, [f32; 2]>,
    /// Node radii in layout units.
    pub radii: &'a BTreeMap<NodeIndex, f32>,
    pub pinned: &'a BTreeMap<String, [f32; 2]>,
    /// Articles the filter leaves out: their quotes are not exported.
    pub excluded_docs: &'a std::collections::BTreeSet<String>,
}

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Gexf,
    GraphMl,
    /// A folder with nodes.csv, edges.csv and evidence.csv.
    Csv,
    Json,
    /// The evidence appendix alone (CSV).
    Evidence,
}

impl Format {
    /// The file extension (none for the CSV folder).
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Gexf => "gexf",
            Self::GraphMl => "graphml",
            Self::Csv => "",
            Self::Json => "json",
            Self::Evidence => "csv",
        }
    }
}

impl MapSnapshot<'_> {
    /// Writes the map in `format` to `path` (a folder for CSV), atomically; images use
    /// `options`. Returns the files written.
    pub fn write(
        &self,
        format: Format,
        path: &Path,
        options: &scene::ImageOptions,
    ) -> Result<Vec<PathBuf>, crate::ExportError> {
        let write = |p: &Path, bytes: &[u8]| {
            crate::output::write_atomically(p, bytes)
                .map_err(|e| crate::ExportError::Write { path: p.display().to_string(), message: e.to_string() })
        };
        match format {
            Format::Png => write(path, &png::to_png(&self.scene(options))?)?,
            Format::Svg => write(path, svg::to_svg(&self.scene(options)).as_bytes())?,
            Format::Gexf => write(path, self.to_gexf().as_bytes())?,
            Format::GraphMl => write(path, self.to_graphml().as_bytes())?,
            Format::Json => write(path, self.to_json().as_bytes())?,
            Format::Evidence => write(path, &self.evidence_csv())?,
            Format::Csv => {
                std::fs::create_dir_all(path).map_err(|e| crate::ExportError::Write {
                    path: path.display().to_string(),
                    message: format!("cannot create the folder: {e}"),
                })?;
                let files = [
                    ("nodes.csv", self.nodes_csv()),
                    ("edges.csv", self.edges_csv()),
                    ("evidence.csv", self.evidence_csv()),
                ];
                let mut written = Vec::new();
                for (name, bytes) in files {
                    write(&path.join(name), &bytes)?;
                    written.push(path.join(name));
                }
                return Ok(written);
            }
        }
        Ok(vec![path.to_path_buf()])
    }

    pub fn scene(&self, options: &scene::ImageOptions) -> scene::Scene {
        scene::Scene::build(&self.extraction.graph, self.view, self.positions, self.radii, self.pinned, options)
    }
}
