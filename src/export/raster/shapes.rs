//! Anti-aliased shapes (circles, diamonds, rounded boxes; fill and outline) blended straight
//! into a pixmap. A pixel's coverage comes from the distance of its centre to the shape's edge:
//! a few steps of arithmetic per pixel at the rim and none inside, where a path rasteriser
//! spends most of its time setting up each of thousands of small paths.

use resvg::tiny_skia::Pixmap;

use super::pixels::{Premultiplied, band_coverage, blend, coverage_u8};
use crate::export::scene::Shape;
use crate::style::Rgba;

/// Signed distance from the shape's centre-relative point (dx, dy) to its edge: negative inside.
/// A diamond's and a box's straight sides meet in sharp corners, inside and out, as SVG's
/// mitred outline does.
#[inline]
fn signed_distance(shape: Shape, dx: f32, dy: f32) -> f32 {
    match shape {
        Shape::Circle { r } => (dx * dx + dy * dy).sqrt() - r,
        Shape::Diamond { half_diagonal } => {
            let s = std::f32::consts::FRAC_1_SQRT_2;
            let (u, v) = ((dx + dy) * s, (dx - dy) * s);
            u.abs().max(v.abs()) - half_diagonal * s
        }
        Shape::RoundedRect { half_width, half_height, corner } => {
            let corner = corner.min(half_width).min(half_height).max(0.0);
            let qx = dx.abs() - (half_width - corner);
            let qy = dy.abs() - (half_height - corner);
            let (ox, oy) = (qx.max(0.0), qy.max(0.0));
            (ox * ox + oy * oy).sqrt() + qx.max(qy).min(0.0) - corner
        }
    }
}

/// Half the width and height of the box the shape fits in.
fn half_extent(shape: Shape) -> [f32; 2] {
    match shape {
        Shape::Circle { r } => [r, r],
        Shape::Diamond { half_diagonal } => [half_diagonal, half_diagonal],
        Shape::RoundedRect { half_width, half_height, .. } => [half_width, half_height],
    }
}

/// Half the width of the row `dy` from the centre (|dy|) where the signed distance is at most
/// `t`, or a negative number where no pixel of the row is.
fn half_row(shape: Shape, dy: f32, t: f32) -> f32 {
    match shape {
        Shape::Circle { r } => {
            let r = r + t;
            if r > 0.0 && r * r > dy * dy { (r * r - dy * dy).sqrt() } else { -1.0 }
        }
        Shape::Diamond { half_diagonal } => half_diagonal + t * std::f32::consts::SQRT_2 - dy,
        Shape::RoundedRect { half_width, half_height, corner } => {
            let corner = corner.min(half_width).min(half_height).max(0.0);
            // Within `t` of the box: a box `t` larger with corners of radius corner + t (sharp
            // corners once that is below zero).
            let (hw, hh, rc) = (half_width + t, half_height + t, corner + t);
            if rc <= 0.0 {
                return if dy <= hh { hw } else { -1.0 };
            }
            let into_corner = dy - (hh - rc);
            if into_corner <= 0.0 {
                hw
            } else if into_corner < rc {
                hw - rc + (rc * rc - into_corner * into_corner).sqrt()
            } else {
                -1.0
            }
        }
    }
}

/// Draws `shape` centred at `centre`: the fill, then an outline of `outline_width` centred on the
/// edge (as SVG strokes it). A transparent fill or outline is left out.
pub fn draw_shape(pixmap: &mut Pixmap, shape: Shape, centre: [f32; 2], fill: Rgba, outline: Rgba, outline_width: f32) {
    // An opaque fill is simply written inside the shape.
    let opaque_fill = (fill.0[3] == 255).then_some(fill.0);
    let fill = Premultiplied::new(fill);
    let outline = Premultiplied::new(outline).filter(|_| outline_width > 0.0);
    if fill.is_none() && outline.is_none() {
        return;
    }
    let half_outline = if outline.is_some() { outline_width / 2.0 } else { 0.0 };
    // Beyond this distance from the edge nothing is covered; this far inside, only the fill.
    let reach = half_outline + 0.5;
    let [hx, hy] = half_extent(shape);
    // A mitred diamond's corner reaches √2 times the outline's half-width beyond the shape.
    let margin = 2.0 * reach + 1.0;
    let (width, height) = (pixmap.width() as usize, pixmap.height() as usize);
    let [cx, cy] = centre;
    let Some((x0, x1)) = pixel_range(cx - hx - margin, cx + hx + margin, width) else { return };
    let Some((y0, y1)) = pixel_range(cy - hy - margin, cy + hy + margin, height) else { return };
    let pixels = pixmap.data_mut();
    for y in y0..=y1 {
        let dy = y as f32 + 0.5 - cy;
        // The pixels within reach of the edge, and those well inside it (a little narrower, to
        // be safe from rounding), which take the fill alone.
        let outer = half_row(shape, dy.abs(), reach) + 0.01;
        if outer < 0.0 {
            continue;
        }
        let Some((xa, xb)) = pixel_range(cx - outer - 0.5, cx + outer - 0.5, width) else { continue };
        let (xa, xb) = (xa.max(x0), xb.min(x1));
        let inner = half_row(shape, dy.abs(), -reach) - 0.01;
        // Pixel centres x + 0.5 within cx ± inner.
        let inside = (inner > 0.0 && fill.is_some() && cx + inner - 0.5 >= 0.0)
            .then(|| (cx - inner - 0.5).max(0.0).ceil() as usize..=(cx + inner - 0.5) as usize);
        let Some(row) = pixels.get_mut((y * width + xa) * 4..(y * width + xb + 1) * 4) else { return };
        for (x, px) in (xa..=xb).zip(row.chunks_exact_mut(4)) {
            let Ok(px) = <&mut [u8; 4]>::try_from(px) else { continue };
            if inside.as_ref().is_some_and(|inside| inside.contains(&x)) {
                match (opaque_fill, fill) {
                    (Some(colour), _) => *px = colour,
                    (None, Some(fill)) => blend(px, fill, 255),
                    (None, None) => {}
                }
                continue;
            }
            let d = signed_distance(shape, x as f32 + 0.5 - cx, dy);
            if d >= reach {
                continue;
            }
            if let Some(fill) = fill {
                let coverage = coverage_u8(0.5 - d);
                if coverage > 0 {
                    blend(px, fill, coverage);
                }
            }
            if let Some(outline) = outline {
                let coverage = coverage_u8(band_coverage(d, half_outline));
                if coverage > 0 {
                    blend(px, outline, coverage);
                }
            }
        }
    }
}

/// The pixels from `lo` to `hi` (inclusive) that lie in 0..`size`, or `None` if none do.
pub fn pixel_range(lo: f32, hi: f32, size: usize) -> Option<(usize, usize)> {
    if lo.is_nan() || hi.is_nan() || hi < 0.0 || size == 0 {
        return None;
    }
    // Truncation is the floor for what is not negative (`floor` is a libm call without SSE4.1).
    let (lo, hi) = (lo.max(0.0) as usize, (hi as usize).min(size - 1));
    (lo <= hi).then_some((lo, hi))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pixel(pixmap: &Pixmap, x: u32, y: u32) -> [u8; 4] {
        let i = ((y * pixmap.width() + x) * 4) as usize;
        let d = pixmap.data();
        [d[i], d[i + 1], d[i + 2], d[i + 3]]
    }

    #[test]
    fn shapes_fill_inside_outline_on_the_edge_and_leave_the_outside() {
        let mut pixmap = Pixmap::new(60, 60).unwrap();
        let (fill, ring) = (Rgba::rgb(0, 114, 178), Rgba::rgb(255, 255, 255));
        for (shape, centre) in [
            (Shape::Circle { r: 10.0 }, [15.5, 15.5]),
            (Shape::Diamond { half_diagonal: 10.0 }, [45.5, 15.5]),
            (Shape::RoundedRect { half_width: 10.0, half_height: 10.0, corner: 2.0 }, [15.5, 45.5]),
        ] {
            draw_shape(&mut pixmap, shape, centre, fill, ring, 2.0);
            let [x, y] = centre.map(|c| c as u32);
            assert_eq!(pixel(&pixmap, x, y), [0, 114, 178, 255], "{shape:?} centre");
            assert_eq!(pixel(&pixmap, x + 10, y), [255, 255, 255, 255], "{shape:?} edge");
            assert_eq!(pixel(&pixmap, x + 13, y), [0, 0, 0, 0], "{shape:?} outside");
        }
        // Pixel centre 0.5 beyond a diamond's side: outside its box corners.
        assert_eq!(pixel(&pixmap, 45 + 8, 15 + 8), [0, 0, 0, 0]);
    }

    #[test]
    fn shapes_off_the_image_draw_nothing_and_do_not_panic() {
        let mut pixmap = Pixmap::new(10, 10).unwrap();
        let c = Rgba::rgb(1, 2, 3);
        draw_shape(&mut pixmap, Shape::Circle { r: 5.0 }, [-100.0, 5.0], c, c, 1.0);
        draw_shape(&mut pixmap, Shape::Circle { r: 5.0 }, [f32::NAN, 5.0], c, c, 1.0);
        assert!(pixmap.data().iter().all(|&b| b == 0));
        draw_shape(&mut pixmap, Shape::Circle { r: 1e30 }, [5.0, 5.0], c, c, 1.0);
        assert_eq!(pixel(&pixmap, 5, 5), [1, 2, 3, 255]);
    }
}
