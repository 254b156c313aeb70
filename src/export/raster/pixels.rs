//! Premultiplied RGBA pixels, as tiny-skia keeps them: colours ready to blend, source-over at
//! a coverage (two channels at a time in one word), and coverage from a distance to an edge.

use crate::style::Rgba;

/// A colour premultiplied by its alpha, two channels to a word, 16 bits apart (red and blue,
/// green and alpha), so that a blend works on two channels at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Premultiplied {
    red_blue: u32,
    green_alpha: u32,
}

impl Premultiplied {
    /// `None` for a fully transparent colour (nothing to draw).
    pub fn new(colour: Rgba) -> Option<Self> {
        let [r, g, b, a] = colour.0.map(u32::from);
        (a > 0).then(|| Self { red_blue: div255(r * a) | div255(b * a) << 16, green_alpha: div255(g * a) | a << 16 })
    }
}

/// Pixel `i` of premultiplied RGBA bytes.
#[inline]
pub fn pixel_mut(data: &mut [u8], i: usize) -> Option<&mut [u8; 4]> {
    data.get_mut(i * 4..i * 4 + 4)?.try_into().ok()
}

/// `x / 255`, rounded, for `x` up to 255 × 255.
#[inline]
pub fn div255(x: u32) -> u32 {
    (x + 128 + ((x + 128) >> 8)) >> 8
}

/// `div255` of both 16-bit halves.
#[inline]
fn div255_pairs(x: u32) -> u32 {
    const LOW_BYTES: u32 = 0x00ff_00ff;
    let t = x + 0x0080_0080;
    ((t + ((t >> 8) & LOW_BYTES)) >> 8) & LOW_BYTES
}

/// A coverage in 0..=1 as 0..=255.
#[inline]
pub fn coverage_u8(coverage: f32) -> u8 {
    (coverage.clamp(0.0, 1.0) * 255.0 + 0.5) as u8
}

/// Source-over of `colour` at `coverage` (0..=255) onto the premultiplied pixel `dst`.
#[inline]
pub fn blend(dst: &mut [u8; 4], colour: Premultiplied, coverage: u8) {
    let coverage = u32::from(coverage);
    let (red_blue, green_alpha) = if coverage == 255 {
        (colour.red_blue, colour.green_alpha)
    } else {
        (div255_pairs(colour.red_blue * coverage), div255_pairs(colour.green_alpha * coverage))
    };
    over(dst, red_blue, green_alpha, 255 - (green_alpha >> 16));
}

/// `dst` under a colour already scaled by its coverage (two channels to a word), of which
/// `keep` of 255 shows through: each channel colour + dst × keep, all within 0..=255.
#[inline]
fn over(dst: &mut [u8; 4], red_blue: u32, green_alpha: u32, keep: u32) {
    const LOW_BYTES: u32 = 0x00ff_00ff;
    let d = u32::from_le_bytes(*dst);
    let red_blue = red_blue + div255_pairs((d & LOW_BYTES) * keep);
    let green_alpha = green_alpha + div255_pairs((d >> 8 & LOW_BYTES) * keep);
    *dst = (red_blue | green_alpha << 8).to_le_bytes();
}

/// One colour's blend at every coverage, worked out ahead: for the many pixels of a stroke style.
#[derive(Debug, Clone)]
pub struct Blender {
    /// The colour at each coverage: red and blue, green and alpha.
    source: [[u32; 2]; 256],
    /// How much of the pixel under it stays, at each coverage.
    keep: [u32; 256],
}

impl Blender {
    pub fn new(colour: Premultiplied) -> Self {
        let (mut source, mut keep) = ([[0; 2]; 256], [0; 256]);
        for coverage in 0..256u32 {
            let (red_blue, green_alpha) =
                (div255_pairs(colour.red_blue * coverage), div255_pairs(colour.green_alpha * coverage));
            source[coverage as usize] = [red_blue, green_alpha];
            keep[coverage as usize] = 255 - (green_alpha >> 16);
        }
        Self { source, keep }
    }

    /// Source-over of the colour at `coverage` onto the premultiplied pixel `dst` (as `blend`).
    #[inline]
    pub fn blend(&self, dst: &mut [u8; 4], coverage: u8) {
        let [red_blue, green_alpha] = self.source[usize::from(coverage)];
        over(dst, red_blue, green_alpha, self.keep[usize::from(coverage)]);
    }
}

/// How much of the pixel-wide interval around `d` lies within `half_width` of zero: the coverage
/// of a pixel whose centre is at signed distance `d` from the middle of a band (a stroke).
#[inline]
pub fn band_coverage(d: f32, half_width: f32) -> f32 {
    ((d + 0.5).min(half_width) - (d - 0.5).max(-half_width)).max(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opaque_colour_over_anything_at_full_coverage_is_that_colour() {
        let mut px = [10, 20, 30, 40];
        blend(&mut px, Premultiplied::new(Rgba::rgb(200, 100, 0)).unwrap(), 255);
        assert_eq!(px, [200, 100, 0, 255]);
        // Translucent over opaque: each channel mixed by the colour's alpha.
        let mut px = [255, 255, 255, 255];
        blend(&mut px, Premultiplied::new(Rgba::with_alpha(70, 70, 90, 60)).unwrap(), 255);
        assert_eq!(px, [211, 211, 216, 255]);
        // Half white over transparent: premultiplied half grey, half alpha.
        let mut px = [0, 0, 0, 0];
        blend(&mut px, Premultiplied::new(Rgba::rgb(255, 255, 255)).unwrap(), 128);
        assert_eq!(px, [128, 128, 128, 128]);
    }

    #[test]
    fn band_coverage_is_the_overlap_of_pixel_and_band() {
        assert_eq!(band_coverage(0.0, 1.0), 1.0);
        assert_eq!(band_coverage(1.0, 1.0), 0.5);
        assert_eq!(band_coverage(2.0, 1.0), 0.0);
        // A band thinner than a pixel covers its width at most.
        assert!((band_coverage(0.0, 0.2) - 0.4).abs() < 1e-6);
    }

    #[test]
    fn a_blender_blends_as_blend_does() {
        let colour = Premultiplied::new(Rgba::with_alpha(70, 70, 90, 60)).unwrap();
        let blender = Blender::new(colour);
        for coverage in [0, 1, 77, 128, 254, 255] {
            for dst in [[0, 0, 0, 0], [255, 255, 255, 255], [10, 120, 30, 200]] {
                let (mut a, mut b) = (dst, dst);
                blend(&mut a, colour, coverage);
                blender.blend(&mut b, coverage);
                assert_eq!(a, b, "coverage {coverage} over {dst:?}");
            }
        }
    }
}
