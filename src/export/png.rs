//! A scene as PNG bytes, off-screen (no display, no GPU): drawn straight onto a pixmap by
//! `raster` with the embedded font, so it gives the same bytes on every machine. `render_svg`,
//! resvg rasterising the scene's SVG, is the reference the direct drawing is checked against.

use resvg::tiny_skia::Pixmap;

use super::raster::{self, text};
use super::scene::Scene;
use super::svg::to_svg;
use crate::error::ExportError;

/// The scene as RGBA pixels (premultiplied alpha, tiny-skia's layout).
pub fn render(scene: &Scene) -> Result<Pixmap, ExportError> {
    raster::render(scene)
}

/// The scene's SVG rasterised by resvg: the same picture as `render`, several times slower.
pub fn render_svg(scene: &Scene) -> Result<Pixmap, ExportError> {
    let svg = to_svg(scene);
    let tree =
        resvg::usvg::Tree::from_str(&svg, &text::usvg_options()).map_err(|e| ExportError::Render(e.to_string()))?;
    let mut pixmap = Pixmap::new(scene.width.max(1), scene.height.max(1))
        .ok_or_else(|| ExportError::Render(format!("cannot allocate a {}×{} image", scene.width, scene.height)))?;
    resvg::render(&tree, resvg::tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The scene as PNG bytes (RGBA, 8 bits per channel).
pub fn to_png(scene: &Scene) -> Result<Vec<u8>, ExportError> {
    let pixmap = render(scene)?;
    // On an opaque background every pixel is opaque: premultiplied and straight alpha agree.
    if scene.background.is_some_and(|c| c.0[3] == 255) {
        let (width, height) = (pixmap.width(), pixmap.height());
        encode_rgba(&pixmap.take(), width, height)
    } else {
        encode(pixmap)
    }
}

/// A pixmap as PNG bytes (RGBA, 8 bits per channel, straight alpha).
pub fn encode(pixmap: Pixmap) -> Result<Vec<u8>, ExportError> {
    let (width, height) = (pixmap.width(), pixmap.height());
    encode_rgba(&pixmap.take_demultiplied(), width, height)
}

/// Straight-alpha RGBA bytes as PNG.
fn encode_rgba(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, ExportError> {
    // About a byte per pixel for a busy image: fewer copies as the output grows.
    let mut out = Vec::with_capacity(rgba.len() / 4);
    {
        let mut encoder = png::Encoder::new(&mut out, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        // The fastest deflate: a 4K slide encodes in a fraction of the default level's time, for
        // files about a third larger. Paeth prediction rather than `Fastest`'s usual Up: on
        // anti-aliased lines it leaves fdeflate less to do, so files are 10-20% smaller and a
        // busy 4K image encodes faster.
        encoder.set_compression(png::Compression::Fastest);
        encoder.set_filter(png::Filter::Paeth);
        let mut writer = encoder.write_header().map_err(|e| ExportError::Render(e.to_string()))?;
        writer.write_image_data(rgba).map_err(|e| ExportError::Render(e.to_string()))?;
    }
    Ok(out)
}
