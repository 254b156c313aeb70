//! Text drawn from the embedded Ubuntu Light outlines, the way usvg lays out an SVG `<text>`
//! (harfrust shaping with kerning, the same advances and anchor), but without building an SVG
//! tree per label: each glyph is rasterised by tiny-skia once per size and quarter-pixel
//! position, and its coverage blended wherever it appears. Text that needs a glyph the font
//! lacks goes through usvg, which falls back to the other embedded font.

use std::sync::{Arc, OnceLock};

use harfrust::{Direction, FontRef, ShapeOptions, Shaper, ShaperData, UnicodeBuffer};
use resvg::tiny_skia::{self, FillRule, Path, PathBuilder, Pixmap, Transform};
use rustc_hash::FxHashMap;
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use skrifa::outline::{DrawSettings, OutlinePen};

use super::pixels::{Premultiplied, blend, pixel_mut};
use crate::error::ExportError;
use crate::export::svg::FONT_FAMILY;
use crate::style::Rgba;

/// The font database for usvg: only the embedded fonts, never the system's (same pixels on
/// every machine).
pub fn font_database() -> Arc<resvg::usvg::fontdb::Database> {
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

/// usvg's options for the exported SVG: the embedded fonts, Ubuntu first.
pub fn usvg_options() -> resvg::usvg::Options<'static> {
    resvg::usvg::Options { fontdb: font_database(), font_family: "Ubuntu".into(), ..Default::default() }
}

/// Ubuntu Light, parsed once, with harfrust's tables for it.
struct EmbeddedFont {
    font: FontRef<'static>,
    shaper_data: ShaperData,
    units_per_em: f32,
}

fn ubuntu_light() -> Option<&'static EmbeddedFont> {
    static FONT: OnceLock<Option<EmbeddedFont>> = OnceLock::new();
    FONT.get_or_init(|| {
        let font = FontRef::new(epaint_default_fonts::UBUNTU_LIGHT).ok()?;
        let units_per_em = f32::from(font.metrics(Size::unscaled(), LocationRef::default()).units_per_em);
        (units_per_em > 0.0).then(|| EmbeddedFont { shaper_data: ShaperData::new(&font), font, units_per_em })
    })
    .as_ref()
}

/// Where `x` is on a line of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
}

/// A line of text: `y` is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine<'a> {
    pub text: &'a str,
    pub x: f32,
    pub y: f32,
    pub size: f32,
    pub anchor: Anchor,
    pub colour: Rgba,
}

/// A glyph outline in font units (y up) as tiny-skia's path, and its control box.
#[derive(Default)]
struct Outline {
    path: PathBuilder,
    min: [f32; 2],
    max: [f32; 2],
}

impl Outline {
    fn extend(&mut self, points: &[(f32, f32)]) {
        for &(x, y) in points {
            self.min = [self.min[0].min(x), self.min[1].min(y)];
            self.max = [self.max[0].max(x), self.max[1].max(y)];
        }
    }
}

impl OutlinePen for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.extend(&[(x, y)]);
        self.path.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.extend(&[(x, y)]);
        self.path.line_to(x, y);
    }
    fn quad_to(&mut self, cx0: f32, cy0: f32, x: f32, y: f32) {
        self.extend(&[(cx0, cy0), (x, y)]);
        self.path.quad_to(cx0, cy0, x, y);
    }
    fn curve_to(&mut self, cx0: f32, cy0: f32, cx1: f32, cy1: f32, x: f32, y: f32) {
        self.extend(&[(cx0, cy0), (cx1, cy1), (x, y)]);
        self.path.cubic_to(cx0, cy0, cx1, cy1, x, y);
    }
    fn close(&mut self) {
        self.path.close();
    }
}

/// Glyph positions are rounded to a quarter pixel, so each glyph is rasterised at most 16 times
/// per size.
const PHASES: f32 = 4.0;

/// A glyph's coverage at one size and quarter-pixel position: `left`, `top` are its top-left
/// pixel relative to the pixel that holds the glyph's origin.
struct GlyphCoverage {
    left: i32,
    top: i32,
    width: usize,
    coverage: Vec<u8>,
}

/// A glyph's outline in font units, and the corners of its control box.
type GlyphOutline = (Path, [f32; 2], [f32; 2]);

/// Which glyph, at what size (f32 bits) and quarter-pixel phase (x + 4 y).
type GlyphKey = (u32, u32, u8);

/// Shapes text and keeps each glyph's outline and coverage, for one image.
pub struct Typesetter {
    font: Option<&'static EmbeddedFont>,
    shaper: Option<Shaper<'static>>,
    outlines: FxHashMap<u32, Option<GlyphOutline>>,
    glyphs: FxHashMap<GlyphKey, Option<GlyphCoverage>>,
    buffer: Option<UnicodeBuffer>,
}

impl Default for Typesetter {
    fn default() -> Self {
        let font = ubuntu_light();
        Self {
            font,
            shaper: font.map(|f| f.shaper_data.shaper(&f.font).build()),
            outlines: FxHashMap::default(),
            glyphs: FxHashMap::default(),
            buffer: None,
        }
    }
}

impl Typesetter {
    /// Draws `lines` in order onto `pixmap`.
    pub fn draw(&mut self, pixmap: &mut Pixmap, lines: &[TextLine]) -> Result<(), ExportError> {
        let mut without_font: Vec<&TextLine> = Vec::new();
        let mut placed = Vec::new();
        for line in lines {
            let Some(colour) = Premultiplied::new(line.colour) else { continue };
            placed.clear();
            if !self.place(line, &mut placed) {
                without_font.push(line);
                continue;
            }
            for &(key, origin) in &placed {
                if let Some(glyph) = self.coverage(key) {
                    blit(pixmap, glyph, origin, colour);
                }
            }
        }
        if without_font.is_empty() { Ok(()) } else { draw_with_usvg(pixmap, &without_font) }
    }

    /// Shapes `line` and lists its glyphs with the pixel holding each one's origin; false if
    /// Ubuntu Light lacks one of its characters.
    fn place(&mut self, line: &TextLine, placed: &mut Vec<(GlyphKey, [i32; 2])>) -> bool {
        let (Some(font), Some(shaper)) = (self.font, self.shaper.as_ref()) else { return false };
        let text = collapse_spaces(line.text);
        if text.is_empty() {
            return true;
        }
        let mut buffer = self.buffer.take().unwrap_or_default();
        buffer.push_str(&text);
        buffer.set_direction(Direction::LeftToRight);
        buffer.guess_segment_properties();
        let shaped = shaper.shape(buffer, ShapeOptions::new());
        let (infos, positions) = (shaped.glyph_infos(), shaped.glyph_positions());
        let covered = infos.iter().all(|g| g.glyph_id != 0);
        if covered {
            // As usvg lays out a text chunk: advances in font units times size / units per em,
            // the anchor from the total advance.
            let scale = line.size / font.units_per_em;
            let advance: f32 = positions.iter().map(|p| p.x_advance as f32 * scale).sum();
            let mut pen_x = match line.anchor {
                Anchor::Start => line.x,
                Anchor::Middle => line.x - advance / 2.0,
            };
            for (info, pos) in infos.iter().zip(positions) {
                let (x, y) = (pen_x + pos.x_offset as f32 * scale, line.y - pos.y_offset as f32 * scale);
                let (qx, qy) = ((x * PHASES).round(), (y * PHASES).round());
                let origin = [(qx / PHASES).floor(), (qy / PHASES).floor()];
                let phase = (qx - origin[0] * PHASES) as u8 + 4 * (qy - origin[1] * PHASES) as u8;
                if origin.iter().all(|o| o.abs() < 1e6) {
                    placed.push(((info.glyph_id, line.size.to_bits(), phase), origin.map(|o| o as i32)));
                }
                pen_x += pos.x_advance as f32 * scale;
            }
        }
        self.buffer = Some(shaped.clear());
        covered
    }

    /// The coverage of a glyph at a size and phase, rasterised the first time it is asked for.
    fn coverage(&mut self, key: GlyphKey) -> Option<&GlyphCoverage> {
        let (glyph_id, size_bits, phase) = key;
        if !self.glyphs.contains_key(&key) {
            let font = self.font?;
            let outline = self
                .outlines
                .entry(glyph_id)
                .or_insert_with(|| {
                    let mut pen = Outline { min: [f32::MAX; 2], max: [f32::MIN; 2], ..Outline::default() };
                    let glyph = font.font.outline_glyphs().get(skrifa::GlyphId::new(glyph_id))?;
                    glyph.draw(DrawSettings::unhinted(Size::unscaled(), LocationRef::default()), &mut pen).ok()?;
                    Some((pen.path.finish()?, pen.min, pen.max))
                })
                .as_ref();
            let rasterised = outline.and_then(|(path, min, max)| {
                let scale = f32::from_bits(size_bits) / font.units_per_em;
                let fraction = [f32::from(phase % 4) / PHASES, f32::from(phase / 4) / PHASES];
                // Pixels from the origin's pixel, y down, one spare on each side.
                let left = (fraction[0] + min[0] * scale).floor() as i32 - 1;
                let top = (fraction[1] - max[1] * scale).floor() as i32 - 1;
                let right = (fraction[0] + max[0] * scale).ceil() as i32 + 1;
                let bottom = (fraction[1] - min[1] * scale).ceil() as i32 + 1;
                let (width, height) = (u32::try_from(right - left).ok()?, u32::try_from(bottom - top).ok()?);
                let mut mask = tiny_skia::Mask::new(width, height)?;
                let transform =
                    Transform::from_row(scale, 0.0, 0.0, -scale, fraction[0] - left as f32, fraction[1] - top as f32);
                mask.fill_path(path, FillRule::Winding, true, transform);
                Some(GlyphCoverage { left, top, width: width as usize, coverage: mask.take() })
            });
            self.glyphs.insert(key, rasterised);
        }
        self.glyphs.get(&key)?.as_ref()
    }
}

/// Blends `colour` at the glyph's coverage into `pixmap`, the glyph's origin in pixel `origin`.
fn blit(pixmap: &mut Pixmap, glyph: &GlyphCoverage, origin: [i32; 2], colour: Premultiplied) {
    let (width, height) = (pixmap.width() as i64, pixmap.height() as i64);
    let (x0, y0) = (i64::from(origin[0] + glyph.left), i64::from(origin[1] + glyph.top));
    let pixels = pixmap.data_mut();
    for (dy, row) in glyph.coverage.chunks_exact(glyph.width).enumerate() {
        let y = y0 + dy as i64;
        if !(0..height).contains(&y) {
            continue;
        }
        for (dx, &coverage) in row.iter().enumerate() {
            let x = x0 + dx as i64;
            if coverage == 0 || !(0..width).contains(&x) {
                continue;
            }
            if let Some(px) = pixel_mut(pixels, (y * width + x) as usize) {
                blend(px, colour, coverage);
            }
        }
    }
}

/// Spaces as SVG reads a `<text>` (no `xml:space`): line breaks and tabs become spaces, runs of
/// spaces one space, none at either end.
fn collapse_spaces(text: &str) -> String {
    text.split([' ', '\t', '\n', '\r']).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Draws `lines` through usvg and resvg, as the SVG would show them.
fn draw_with_usvg(pixmap: &mut Pixmap, lines: &[&TextLine]) -> Result<(), ExportError> {
    use std::fmt::Write as _;
    let (w, h) = (pixmap.width(), pixmap.height());
    let mut svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#
    );
    for l in lines {
        let anchor = match l.anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
        };
        let [r, g, b, a] = l.colour.0;
        let _ = write!(
            svg,
            r##"<text x="{:.2}" y="{:.2}" font-size="{:.2}" text-anchor="{anchor}" fill="#{r:02x}{g:02x}{b:02x}" fill-opacity="{:.3}">{}</text>"##,
            l.x,
            l.y,
            l.size,
            f32::from(a) / 255.0,
            quick_xml::escape::escape(l.text)
        );
    }
    svg.push_str("</svg>");
    let tree = resvg::usvg::Tree::from_str(&svg, &usvg_options()).map_err(|e| ExportError::Render(e.to_string()))?;
    resvg::render(&tree, tiny_skia::Transform::identity(), &mut pixmap.as_mut());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, colour: Rgba) -> TextLine<'_> {
        TextLine { text, x: 100.0, y: 40.0, size: 24.0, anchor: Anchor::Middle, colour }
    }

    fn inked_columns(pixmap: &Pixmap) -> Vec<u32> {
        let w = pixmap.width();
        (0..w).filter(|x| (0..pixmap.height()).any(|y| pixmap.data()[((y * w + x) * 4 + 3) as usize] > 0)).collect()
    }

    #[test]
    fn spaces_collapse_as_in_svg() {
        assert_eq!(collapse_spaces("  Xi \t Jinping\n"), "Xi Jinping");
        assert_eq!(collapse_spaces(" "), "");
    }

    #[test]
    fn text_is_centred_on_its_anchor_and_looks_like_usvgs() {
        let black = Rgba::rgb(0, 0, 0);
        let mut direct = Pixmap::new(200, 60).unwrap();
        Typesetter::default().draw(&mut direct, &[line("Vladimir Putin", black)]).unwrap();
        let mut reference = Pixmap::new(200, 60).unwrap();
        draw_with_usvg(&mut reference, &[&line("Vladimir Putin", black)]).unwrap();
        let (a, b) = (inked_columns(&direct), inked_columns(&reference));
        assert!(!a.is_empty());
        let centre = (a[0] + a[a.len() - 1]) as f32 / 2.0;
        assert!((centre - 100.0).abs() < 2.0, "centred at {centre}");
        assert_eq!((a[0], a[a.len() - 1]), (b[0], b[b.len() - 1]), "same extent as usvg's");
        let diff: u64 = direct.data().iter().zip(reference.data()).map(|(x, y)| u64::from(x.abs_diff(*y))).sum::<u64>();
        assert!(diff / (200 * 60 * 4) < 2, "mean difference {}", diff / (200 * 60 * 4));
    }

    #[test]
    fn characters_ubuntu_lacks_still_show() {
        // Box drawing: in Hack, not in Ubuntu Light.
        let mut pixmap = Pixmap::new(200, 60).unwrap();
        Typesetter::default().draw(&mut pixmap, &[line("a ─── b", Rgba::rgb(0, 0, 0))]).unwrap();
        assert!(inked_columns(&pixmap).len() > 40);
    }
}
