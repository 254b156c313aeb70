//! A scene as SVG: vector shapes, and text that stays text (one `<text>` per label).

use std::fmt::Write as _;

use super::scene::{Scene, Swatch};
use crate::graph::NodeKind;
use crate::style::{self, Rgba};

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

#[allow(clippy::too_many_arguments)] // a shape: kind, centre, radius, paint
fn node_shape(out: &mut String, kind: NodeKind, x: f32, y: f32, r: f32, fill: Rgba, outline: Rgba, stroke_width: f32) {
    let fill = paint("fill", fill);
    let stroke = paint("stroke", outline);
    match kind {
        NodeKind::Country => {
            let _ = writeln!(
                out,
                r#"<circle cx="{x:.2}" cy="{y:.2}" r="{r:.2}" {fill} {stroke} stroke-width="{stroke_width:.2}"/>"#
            );
        }
        NodeKind::Leader => {
            let d = r * style::DIAMOND_FACTOR;
            let _ = writeln!(
                out,
                r#"<polygon points="{x:.2},{:.2} {:.2},{y:.2} {x:.2},{:.2} {:.2},{y:.2}" {fill} {stroke} stroke-width="{stroke_width:.2}"/>"#,
                y - d,
                x + d,
                y + d,
                x - d
            );
        }
        NodeKind::Organisation => {
            let half = r * style::SQUARE_FACTOR;
            let _ = writeln!(
                out,
                r#"<rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" {fill} {stroke} stroke-width="{stroke_width:.2}"/>"#,
                x - half,
                y - half,
                2.0 * half,
                2.0 * half,
                half * 0.2
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
    let mut groups: Vec<(String, String, usize)> = Vec::new();
    let mut edges: Vec<&super::scene::SceneEdge> = scene.edges.iter().collect();
    edges.sort_by(|a, b| {
        let key = |e: &super::scene::SceneEdge| {
            (
                !matches!(e.class, crate::view::EdgeClass::CoMention),
                e.class,
                (e.width * 4.0).round() as i64,
                e.dashed,
                e.colour.0,
            )
        };
        key(a).cmp(&key(b))
    });
    for e in edges {
        let width = (e.width * 4.0).round() / 4.0;
        let dash = if e.dashed {
            format!(r#" stroke-dasharray="{:.1} {:.1}""#, width * 3.5 + 4.0, width * 2.0 + 3.0)
        } else {
            String::new()
        };
        let style = format!(r#"{} stroke-width="{width:.2}"{dash}"#, paint("stroke", e.colour));
        let segment = format!("M{:.1} {:.1}L{:.1} {:.1}", e.from[0], e.from[1], e.to[0], e.to[1]);
        match groups.last_mut() {
            Some((last, d, n)) if *last == style => {
                d.push_str(&segment);
                *n += 1;
            }
            _ => groups.push((style, segment, 1)),
        }
    }
    for (style, d, _) in groups {
        let _ = writeln!(out, r#"<path d="{d}" {style}/>"#);
    }
    out.push_str("</g>\n<g id=\"nodes\">\n");
    for n in &scene.nodes {
        node_shape(&mut out, n.kind, n.x, n.y, n.r, n.fill, n.outline, (n.r * 0.12).clamp(1.0, 3.0));
        if n.pinned {
            let (px, py) = (n.x + n.r * 0.8, n.y - n.r * 0.8);
            let pr = (n.r * 0.25).clamp(2.5, 6.0);
            let _ = writeln!(
                out,
                r##"<circle cx="{px:.2}" cy="{py:.2}" r="{pr:.2}" fill="#282828" stroke="#ffffff" stroke-width="1"/>"##
            );
        }
    }
    out.push_str("</g>\n");
    // Halos first, as rounded boxes (the app's look, and far cheaper to rasterise than a stroke
    // around every glyph), then the text on top.
    out.push_str("<g id=\"halos\">\n");
    for l in &scene.labels {
        let w = super::scene::text_width(&l.text, l.size) + l.size * 0.3;
        let _ = writeln!(
            out,
            r#"<rect x="{:.2}" y="{:.2}" width="{w:.2}" height="{:.2}" rx="{:.2}" {}/>"#,
            l.x - w / 2.0,
            l.y - l.size * 0.95,
            l.size * 1.25,
            l.size * 0.2,
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
    if let Some(b) = scene.legend_box {
        let panel = if scene.text_colour.0[0] > 128 {
            Rgba::with_alpha(40, 40, 44, 230)
        } else {
            Rgba::with_alpha(248, 248, 250, 235)
        };
        let _ = writeln!(
            out,
            r##"<g id="legend"><rect x="{:.2}" y="{:.2}" width="{:.2}" height="{:.2}" rx="{:.2}" {} stroke="#b4b4b4" stroke-width="0.8"/>"##,
            b[0],
            b[1],
            b[2] - b[0],
            b[3] - b[1],
            scene.legend_size * 0.4,
            paint("fill", panel)
        );
        let size = scene.legend_size;
        for item in &scene.legend {
            let (sx, sy) = (item.x + size * 0.7, item.y);
            match item.swatch {
                Swatch::Node { kind, fill, outline } => {
                    node_shape(&mut out, kind, sx, sy, size * 0.4, fill, outline, 1.2)
                }
                Swatch::Line { colour, width, dashed } => {
                    let dash = if dashed { r#" stroke-dasharray="4 3""# } else { "" };
                    let _ = writeln!(
                        out,
                        r#"<line x1="{:.2}" y1="{sy:.2}" x2="{:.2}" y2="{sy:.2}" {} stroke-width="{width:.2}"{dash}/>"#,
                        sx - size * 0.6,
                        sx + size * 0.6,
                        paint("stroke", colour)
                    );
                }
            }
            let _ = writeln!(
                out,
                r#"<text x="{:.2}" y="{:.2}" font-size="{size:.2}" {}>{}</text>"#,
                item.x + size * 1.8,
                item.y + size * 0.35,
                paint("fill", scene.text_colour),
                escape(item.text)
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}
