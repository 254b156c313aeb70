//! A scene rendered to PNG off-screen: the SVG of `svg.rs` rasterised by resvg (tiny-skia), with
//! the app's font embedded, so it works with no display and no GPU and gives the same bytes on
//! every machine.

use std::sync::{Arc, OnceLock};

use super::scene::Scene;
use super::svg::to_svg;
use crate::error::ExportError;

/// The font database: only the embedded font, never the system's (same pixels everywhere).
fn fonts() -> Arc<resvg::usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    FONTS
        .get_or_init(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            db.load_font_data(epaint_default_fonts::UBUNTU_LIGHT.to_vec());
            db.load_font_data(epaint_default_fonts::HACK_REGULAR.to_vec());
            Arc::new(db)
        })
        .clone()
}

/// The scene as RGBA pixels (premultiplied alpha, tiny-skia's layout).
pub fn render(scene: &Scene) -> Result<resvg::tiny_skia::Pixmap, ExportError> {
    let svg = to_svg(scene);
    let options = resvg::usvg::Options { fontdb: fonts(), font_family: "Ubuntu".into(), ..Default::default() };
    let tree = resvg::usvg::Tree::from_str(&svg, &options).map_err(|e| ExportError::Render(e.to_string()))?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(scene.width.max(1), scene.height.max(1))
        .ok_or_else(|| ExportError::Render(format!("cannot allocate a {}×{} image", scene.width, scene.height)))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The scene as PNG bytes (RGBA, 8 bits per channel).
pub fn to_png(scene: &Scene) -> Result<Vec<u8>, ExportError> {
    let pixmap = render(scene)?;
    let mut rgba = Vec::with_capacity(pixmap.data().len());
    for p in pixmap.pixels() {
        let c = p.demultiply();
        rgba.extend_from_slice(&[c.red(), c.green(), c.blue(), c.alpha()]);
    }
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        // The fastest deflate: a 4K slide encodes in a fraction of the default level's time, for
        // files about a third larger.
        encoder.set_compression(png::Compression::Fastest);
        let mut writer = encoder.write_header().map_err(|e| ExportError::Render(e.to_string()))?;
        writer.write_image_data(&rgba).map_err(|e| ExportError::Render(e.to_string()))?;
    }
    Ok(out)
}
