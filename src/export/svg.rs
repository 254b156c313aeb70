//! A scene as SVG: vector shapes, and text that stays text (one `<text>` per label).

use std::fmt::Write as _;

use super::scene::{
    LEGEND_DASH, LEGEND_SWATCH_OUTLINE_WIDTH, LegendItem, PIN_FILL, PIN_OUTLINE, PIN_OUTLINE_WIDTH, Scene, Shape,
    Swatch,
};
use crate::style::Rgba;

/// The font family the export uses (embedded for PNG rendering; SVG viewers fall back to sans).
pub const FONT_FAMILY: &str = "Ubuntu, 'Ubuntu Light', 'Helvetica Neue', Arial, sans-serif";

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

fn paint(attr: &str, c: Rgba) -> String {
    if c.0[3] == 0 {
        format!(r#"{attr}="none""#)
    } else if c.0[3] == 255 {
        format!(r#"{attr}="{}""#, c.hex())
    } else {
        format!(r#"{attr}="{}" {attr}-opacity="{:.3}""#, c.hex(), c.opacity())
    }
}

#[allow(clippy::too_many_arguments)] // a shape: its geometry, centre, paint
fn shape_element(out: &mut String, shape: Shape, x: f32, y: f32, fill: Rgba, outline: Rgba, stroke_width: f32) {
    let fill = paint("fill", fill);
    let stroke = paint("stroke", outline);
    match shape {
        Shape::Circle { r } => {
            let _ = writeln!(
                out,
                r#"<circle cx="{x:.2}" cy="{y:.2}" r="{r:.2}" {fill} {stroke} stroke-width="{stroke_width:.2}"/>"#
            );
        }
        Shape::Diamond { half_diagonal: d } => {
            let _ = writeln!(
                out,
                r#"<polygon points="{x:.2},{:.2} {:.2},{y:.2} {x:.2},{:.2} {:.2},{y:.2}" {fill} {stroke} stroke-width="{stroke_width:.2}"/>"#,
                y - d,
                x + d,
                y + d,
                x - d
            );
        }
        Shape::RoundedRect { half_width, half_height, corner } => {
            let _ = writeln!(
                out,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{corner:.2}" {fill} {stroke} stroke-width="{stroke_width:.2}"/>"#,
                x - half_width,
                y - half_height,
                2.0 * half_width,
                2.0 * half_height,
            );
        }
    }
}

/// The SVG document of `scene`.
pub fn to_svg(scene: &Scene) -> String {
    let (w, h) = (scene.width, scene.height);
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#);
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{FONT_FAMILY}">"#
    );
    if let Some(bg) = scene.background {
        let _ = writeln!(out, r#"<rect x="0" y="0" width="{w}" height="{h}" {}/>"#, paint("fill", bg));
    }
    // Edges of one style go into one path: the same picture (co-mentions sit under meetings),
    // thousands of times fewer elements for a renderer to set up.
    out.push_str("<g id=\"edges\" stroke-linecap=\"round\" fill=\"none\">\n");
    for group in scene.edge_groups() {
        let dash = match group.dash {
            Some([on, off]) => format!(r#" stroke-dasharray="{on:.1} {off:.1}""#),
            None => String::new(),
        };
        let mut d = String::with_capacity(group.edges.len() * 28);
        for e in &group.edges {
            let _ = write!(d, "M{:.1} {:.1}L{:.1} {:.1}", e.from[0], e.from[1], e.to[0], e.to[1]);
        }
        let _ = writeln!(
            out,
            r#"<path d="{d}" {} stroke-width="{:.2}"{dash}/>"#,
            paint("stroke", group.colour),
            group.width
        );
    }
    out.push_str("</g>\n<g id=\"nodes\">\n");
    for n in &scene.nodes {
        shape_element(&mut out, n.shape(), n.x, n.y, n.fill, n.outline, n.outline_width());
        if let Some(([px, py], pr)) = n.pin_marker() {
            let _ = writeln!(
                out,
                r#"<circle cx="{px:.2}" cy="{py:.2}" r="{pr:.2}" {} {} stroke-width="{PIN_OUTLINE_WIDTH}"/>"#,
                paint("fill", PIN_FILL),
                paint("stroke", PIN_OUTLINE)
            );
        }
    }
    out.push_str("</g>\n");
    // Halos first, as rounded boxes (the app's look, and far cheaper to rasterise than a stroke
    // around every glyph), then the text on top.
    out.push_str("<g id=\"halos\">\n");
    for l in &scene.labels {
        let ([x, y, w, h], corner) = l.halo_box();
        let _ = writeln!(
            out,
            r#"<rect x="{x:.2}" y="{y:.2}" width="{w:.2}" height="{h:.2}" rx="{corner:.2}" {}/>"#,
            paint("fill", l.halo)
        );
    }
    out.push_str("</g>\n");
    out.push_str("<g id=\"labels\" text-anchor=\"middle\" font-weight=\"normal\">\n");
    for l in &scene.labels {
        let _ = writeln!(
            out,
            r#"<text x="{:.2}" y="{:.2}" font-size="{:.2}" {}>{}</text>"#,
            l.x,
            l.y,
            l.size,
            paint("fill", l.colour),
            escape(&l.text)
        );
    }
    out.push_str("</g>\n");
    if let Some(c) = &scene.caption {
        let _ = writeln!(
            out,
            r#"<text id="caption" x="{:.2}" y="{:.2}" font-size="{:.2}" text-anchor="middle" {}>{}</text>"#,
            c.x,
            c.y,
            c.size,
            paint("fill", c.colour),
            escape(&c.text)
        );
    }
    if let Some(panel) = scene.legend_panel() {
        let b = panel.bbox;
        let _ = writeln!(
            out,
            r#"<g id="legend"><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" {} {} stroke-width="{}"/>"#,
            b[0],
            b[1],
            b[2] - b[0],
            b[3] - b[1],
            panel.corner,
            paint("fill", panel.fill),
            paint("stroke", panel.outline),
            panel.outline_width
        );
        let size = scene.legend_size;
        for item in &scene.legend {
            let [sx, sy] = item.swatch_centre(size);
            match item.swatch {
                Swatch::Node { kind, fill, outline } => shape_element(
                    &mut out,
                    Shape::of_node(kind, LegendItem::swatch_radius(size)),
                    sx,
                    sy,
                    fill,
                    outline,
                    LEGEND_SWATCH_OUTLINE_WIDTH,
                ),
                Swatch::Line { colour, width, dashed } => {
                    let dash = if dashed {
                        format!(r#" stroke-dasharray="{} {}""#, LEGEND_DASH[0], LEGEND_DASH[1])
                    } else {
                        String::new()
                    };
                    let half = LegendItem::swatch_half_length(size);
                    let _ = writeln!(
                        out,
                        r#"<line x1="{:.2}" y1="{sy:.2}" x2="{:.2}" y2="{sy:.2}" {} stroke-width="{width:.2}"{dash}/>"#,
                        sx - half,
                        sx + half,
                        paint("stroke", colour)
                    );
                }
            }
            let [tx, ty] = item.text_at(size);
            let _ = writeln!(
                out,
                r#"<text x="{tx:.2}" y="{ty:.2}" font-size="{size:.2}" {}>{}</text>"#,
                paint("fill", scene.text_colour),
                escape(item.text)
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}
