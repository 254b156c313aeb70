//! Straight strokes (edges, legend lines), anti-aliased, each style's coverage gathered before it
//! is blended: where two edges of one style cross, the colour is laid down once, as when SVG
//! strokes them as one path, so translucent co-mentions do not darken where they bunch.
//!
//! The image is drawn in bands of rows, every style in turn within a band, so that the coverage
//! and the pixels being blended stay in the processor's cache however far the edges reach.

use std::ops::Range;
use std::sync::Mutex;

use resvg::tiny_skia::Pixmap;

use super::pixels::{Blender, Premultiplied, band_coverage, coverage_u8};
use crate::style::Rgba;

/// How a stroke ends (and each of its dashes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cap {
    /// Half a disc beyond each end.
    Round,
    /// Square at the end point.
    Butt,
}

/// 1 in 16.16 fixed point, and a half.
const FIXED_ONE: f32 = 65536.0;
const FIXED_HALF: i32 = 1 << 15;

/// From this many line pieces on, bands are drawn on several threads, at most this many.
const PARALLEL_FROM: usize = 4096;
const MAX_THREADS: usize = 8;

/// Rows per band.
const BAND: usize = 32;

/// One straight piece of a stroke (a whole line, or one dash), cut to the image.
#[derive(Debug, Clone, Copy)]
struct Segment {
    from: [f32; 2],
    to: [f32; 2],
    half_width: f32,
    cap: Cap,
}

/// Strokes grouped by style, in drawing order.
#[derive(Debug, Default)]
pub struct Strokes {
    width: usize,
    height: usize,
    segments: Vec<Segment>,
    /// Each style's colour and its segments.
    styles: Vec<(Rgba, Range<usize>)>,
}

impl Strokes {
    /// Strokes for an image of `width` × `height` pixels.
    pub fn new(width: u32, height: u32) -> Self {
        Self { width: width as usize, height: height as usize, ..Self::default() }
    }

    /// Ends the current style: the lines added since the last call are drawn in `colour`.
    pub fn end_style(&mut self, colour: Rgba) {
        let start = self.styles.last().map_or(0, |(_, r)| r.end);
        self.styles.push((colour, start..self.segments.len()));
    }

    /// Adds a dashed line: `dash` = [on, off] lengths, starting with a dash at `from`.
    pub fn add_dashed_line(&mut self, from: [f32; 2], to: [f32; 2], width: f32, cap: Cap, dash: [f32; 2]) {
        let [on, off] = dash.map(f64::from);
        let (dx, dy) = (f64::from(to[0] - from[0]), f64::from(to[1] - from[1]));
        let length = (dx * dx + dy * dy).sqrt();
        let period = on + off;
        if !(on > 0.0 && off >= 0.0 && period.is_finite() && length.is_finite()) {
            self.add_line(from, to, width, cap);
            return;
        }
        // In f64: along an edge thousands of screens long, f32 positions would not advance.
        let at = |s: f64| {
            let t = if length > 0.0 { s / length } else { 0.0 };
            [(f64::from(from[0]) + dx * t) as f32, (f64::from(from[1]) + dy * t) as f32]
        };
        // Only the dashes near the image are worth drawing: a zoomed-in view can hold edges far
        // longer than the image.
        let Some((visible_from, visible_to)) = self.visible_span(from, to, width) else { return };
        let (visible_from, visible_to) = (visible_from * length, visible_to * length);
        let mut k = (visible_from / period).floor().max(0.0);
        loop {
            let s = k * period;
            if s > visible_to || s >= length {
                break;
            }
            self.add_line(at(s), at((s + on).min(length)), width, cap);
            k += 1.0;
        }
    }

    /// Adds a straight line of `width` from `from` to `to`.
    pub fn add_line(&mut self, from: [f32; 2], to: [f32; 2], width: f32, cap: Cap) {
        if !(from.iter().chain(&to).all(|c| c.is_finite()) && width > 0.0) {
            return;
        }
        // Cut to the image (and a margin wider than the caps), so that coordinates stay small
        // enough for f32 distances to be exact to a fraction of a pixel.
        let Some((t0, t1)) = self.visible_span(from, to, width) else { return };
        let (from, to) = if t0 > 0.0 || t1 < 1.0 {
            let at = |t: f64| {
                let [a, b] = [from, to].map(|p| p.map(f64::from));
                [(a[0] + (b[0] - a[0]) * t) as f32, (a[1] + (b[1] - a[1]) * t) as f32]
            };
            (at(t0), at(t1))
        } else {
            (from, to)
        };
        let degenerate = (to[0] - from[0]).abs() + (to[1] - from[1]).abs() < 1e-6;
        if degenerate && cap == Cap::Butt {
            return;
        }
        self.segments.push(Segment { from, to, half_width: width / 2.0, cap });
    }

    /// The part of the line `from`-`to` (as fractions of its length) that lies within reach of
    /// the image, or `None` if all of it is off the image.
    fn visible_span(&self, from: [f32; 2], to: [f32; 2], width: f32) -> Option<(f64, f64)> {
        let margin = f64::from(width) + 2.0;
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (a, b, size) in [(from[0], to[0], self.width), (from[1], to[1], self.height)] {
            let (a, b, size) = (f64::from(a), f64::from(b), size as f64);
            let d = b - a;
            let (lo, hi) = (-margin - a, size + margin - a);
            if d == 0.0 {
                if lo > 0.0 || hi < 0.0 {
                    return None;
                }
            } else {
                let (u, v) = if d > 0.0 { (lo / d, hi / d) } else { (hi / d, lo / d) };
                t0 = t0.max(u);
                t1 = t1.min(v);
            }
        }
        (t0 <= t1).then_some((t0, t1))
    }

    /// Draws the strokes onto `pixmap` (which must have the size given to `new`), style after
    /// style; lines added after the last `end_style` are left out. Many strokes are drawn on
    /// as many threads as there are cores (the same pixels as on one).
    pub fn draw(&self, pixmap: &mut Pixmap) {
        let threads = if self.segments.len() >= PARALLEL_FROM {
            std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_THREADS)
        } else {
            1
        };
        self.draw_on_threads(pixmap, threads);
    }

    fn draw_on_threads(&self, pixmap: &mut Pixmap, threads: usize) {
        let (width, height) = (self.width, self.height);
        if pixmap.width() as usize != width || pixmap.height() as usize != height || self.styles.is_empty() {
            return;
        }
        let bands = height.div_ceil(BAND);
        // The segments that reach into each band, in drawing order (counted, then placed).
        let band_range = |s: &Segment| {
            let reach = s.half_width + 1.0;
            let lo = (s.from[1].min(s.to[1]) - reach).max(0.0) as usize / BAND;
            let hi = ((s.from[1].max(s.to[1]) + reach).max(0.0) as usize / BAND).min(bands - 1);
            lo..hi + 1
        };
        let mut starts = vec![0usize; bands + 1];
        for s in &self.segments {
            for b in band_range(s) {
                starts[b + 1] += 1;
            }
        }
        for b in 0..bands {
            starts[b + 1] += starts[b];
        }
        let mut in_band = vec![0u32; starts[bands]];
        let mut next = starts.clone();
        for (i, s) in self.segments.iter().enumerate() {
            for b in band_range(s) {
                in_band[next[b]] = i as u32;
                next[b] += 1;
            }
        }

        let blenders: Vec<Option<Blender>> =
            self.styles.iter().map(|(colour, _)| Premultiplied::new(*colour).map(Blender::new)).collect();
        let data = pixmap.data_mut();
        // Bands are taken one by one by each thread: a band's pixels depend on nothing but the
        // strokes, so the image is the same whatever the number of threads or the order the
        // bands are drawn in.
        let mut bands_left: Vec<(usize, &mut [u8])> = data.chunks_mut(BAND * width * 4).enumerate().collect();
        bands_left.reverse();
        let queue = Mutex::new(bands_left);
        let draw_bands = || {
            let mut band = Band { width, rows: 0..0, coverage: vec![0; width * BAND], touched: Vec::new() };
            loop {
                let next = match queue.lock() {
                    Ok(mut queue) => queue.pop(),
                    Err(poisoned) => poisoned.into_inner().pop(),
                };
                let Some((b, pixels)) = next else { break };
                band.rows = b * BAND..((b + 1) * BAND).min(height);
                let mut here = in_band[starts[b]..starts[b + 1]].iter().peekable();
                for ((_, range), blender) in self.styles.iter().zip(&blenders) {
                    while let Some(&&i) = here.peek() {
                        if i as usize >= range.end {
                            break;
                        }
                        band.cover(&self.segments[i as usize]);
                        here.next();
                    }
                    band.blend_into(pixels, blender.as_ref());
                }
            }
        };
        if threads <= 1 {
            draw_bands();
            return;
        }
        std::thread::scope(|scope| {
            for i in 1..threads {
                // A thread that cannot be started leaves its bands to the others.
                let _ = std::thread::Builder::new().name(format!("relmap-raster-{i}")).spawn_scoped(scope, draw_bands);
            }
            draw_bands();
        });
    }
}

/// The coverage of one style in one band of rows.
struct Band {
    width: usize,
    rows: Range<usize>,
    /// `BAND` rows of coverage, one byte per pixel, the band's first row first.
    coverage: Vec<u8>,
    /// Runs of cells along a row that may hold coverage: start and count.
    touched: Vec<[u32; 2]>,
}

impl Band {
    /// Lays down the coverage of `s` within the band, keeping the larger where some is already.
    /// Row by row: on each row, the pixels within reach of the segment are one run, and those
    /// between its ends (all but a few at the caps) take their coverage from the distance
    /// across the line alone, stepped in fixed point from one pixel to the next.
    fn cover(&mut self, s: &Segment) {
        let (half, cap) = (s.half_width, s.cap);
        // Pixel centres further than this from the line get no coverage.
        let reach = half + 0.5;
        let [fx, fy] = s.from;
        let (dx, dy) = (s.to[0] - fx, s.to[1] - fy);
        let length = (dx * dx + dy * dy).sqrt();
        let (ux, uy) = if length > 0.0 { (dx / length, dy / length) } else { (1.0, 0.0) };
        // How far along the line (beyond its ends with the caps) a pixel can be covered.
        let (along_min, along_max) = match cap {
            Cap::Round => (-reach, length + reach),
            Cap::Butt => (-0.5, length + 0.5),
        };
        let Some(rows) = centres(fy.min(s.to[1]) - reach, fy.max(s.to[1]) + reach, self.rows.start, self.rows.end)
        else {
            return;
        };
        // The coverage at distance d across is reach - d, at most 1 (or the width of a band
        // thinner than a pixel): in 16.16 fixed point.
        let reach_fixed = (reach * FIXED_ONE) as i32;
        let ceiling_fixed = ((2.0 * half).min(1.0) * FIXED_ONE) as i32;
        let step_fixed = (uy * FIXED_ONE) as i32;
        // Where on a row (x from `from`, as rx) `value + rx × slope` lies within lo..hi: all of
        // it, none, or an interval.
        let within = |value: f32, slope: f32, lo: f32, hi: f32| -> Option<(f32, f32)> {
            if slope == 0.0 {
                (lo..=hi).contains(&value).then_some((f32::NEG_INFINITY, f32::INFINITY))
            } else {
                let (a, b) = ((lo - value) / slope, (hi - value) / slope);
                Some((a.min(b), a.max(b)))
            }
        };
        for y in rows {
            let ry = y as f32 + 0.5 - fy;
            // Across the line: rx × uy - ry × ux; along it: rx × ux + ry × uy.
            let (across0, along0) = (-ry * ux, ry * uy);
            let Some((a0, a1)) = within(across0, uy, -reach, reach) else { continue };
            let Some((b0, b1)) = within(along0, ux, along_min, along_max) else { continue };
            let Some(run) = centres(fx + a0.max(b0), fx + a1.min(b1), 0, self.width) else { continue };
            // Between the ends, where the distance to the segment is the distance across.
            let middle = match (cap, within(along0, ux, 0.0, length)) {
                (Cap::Round, Some((m0, m1))) => centres(fx + m0, fx + m1, run.start, run.end),
                _ => None,
            }
            .unwrap_or(run.end..run.end);
            let row = (y - self.rows.start) * self.width;
            let Some(cells) = self.coverage.get_mut(row + run.start..row + run.end) else { continue };
            let coverage_at = |x: usize| {
                let rx = x as f32 + 0.5 - fx;
                let (across, along) = (across0 + rx * uy, along0 + rx * ux);
                let coverage = match cap {
                    Cap::Round => {
                        // Beyond an end: the distance to that end.
                        let beyond = if along < 0.0 { along } else { (along - length).max(0.0) };
                        band_coverage((beyond * beyond + across * across).sqrt(), half)
                    }
                    Cap::Butt => {
                        let lengthwise = ((along + 0.5).min(length) - (along - 0.5).max(0.0)).max(0.0);
                        band_coverage(across.abs(), half) * lengthwise
                    }
                };
                coverage_u8(coverage)
            };
            let (start, split) = (run.start, middle.start.max(run.start).min(run.end));
            let end_of_middle = middle.end.max(split).min(run.end);
            let (before, rest) = cells.split_at_mut(split - start);
            let (inside, after) = rest.split_at_mut(end_of_middle - split);
            for (x, cell) in (start..).zip(before.iter_mut()) {
                *cell = (*cell).max(coverage_at(x));
            }
            let mut across = ((across0 + (split as f32 + 0.5 - fx) * uy) * FIXED_ONE) as i32;
            for cell in inside.iter_mut() {
                let coverage = (reach_fixed - across.abs()).clamp(0, ceiling_fixed);
                *cell = (*cell).max(((coverage * 255 + FIXED_HALF) >> 16) as u8);
                across += step_fixed;
            }
            for (x, cell) in (end_of_middle..).zip(after.iter_mut()) {
                *cell = (*cell).max(coverage_at(x));
            }
            self.touched.push([(row + run.start) as u32, run.len() as u32]);
        }
    }

    /// Blends `colour` into the band's `pixels` at the coverage laid down, and clears it.
    fn blend_into(&mut self, pixels: &mut [u8], blender: Option<&Blender>) {
        let Some(blender) = blender else {
            self.coverage.fill(0);
            self.touched.clear();
            return;
        };
        for &[start, count] in &self.touched {
            let (start, end) = (start as usize, start as usize + count as usize);
            let (Some(cells), Some(pixels)) = (self.coverage.get_mut(start..end), pixels.get_mut(start * 4..end * 4))
            else {
                continue;
            };
            for (cell, px) in cells.iter_mut().zip(pixels.chunks_exact_mut(4)) {
                // Taken, so that a pixel in two runs is blended once.
                let coverage = std::mem::take(cell);
                if let (true, Ok(px)) = (coverage > 0, <&mut [u8; 4]>::try_from(px)) {
                    blender.blend(px, coverage);
                }
            }
        }
        self.touched.clear();
    }
}

/// The pixels whose centres lie from `lo` to `hi`, within `min`..`max`.
fn centres(lo: f32, hi: f32, min: usize, max: usize) -> Option<Range<usize>> {
    // Within ±2^30 the casts to i32 are exact truncations (cheaper than to usize, and `floor`
    // and `ceil` are libm calls without SSE4.1); beyond, nothing is drawn anyway.
    const LIMIT: f32 = 1_073_741_824.0;
    if !(lo > -LIMIT && (0.5..LIMIT).contains(&hi)) {
        return None;
    }
    // Centre n + 0.5 ≥ lo: n is at least the ceiling of lo - 0.5.
    let below = lo - 0.5;
    let truncated = below as i32;
    let first = if below > truncated as f32 { truncated + 1 } else { truncated };
    let end = (hi - 0.5) as i32 + 1;
    let (first, end) = ((first.max(0) as usize).max(min), (end as usize).min(max));
    (first < end).then_some(first..end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alpha(pixmap: &Pixmap, x: u32, y: u32) -> u8 {
        pixmap.data()[((y * pixmap.width() + x) * 4 + 3) as usize]
    }

    #[test]
    fn centres_are_the_pixels_whose_middle_is_in_range() {
        assert_eq!(centres(0.0, 3.0, 0, 10), Some(0..3));
        assert_eq!(centres(0.6, 3.5, 0, 10), Some(1..4));
        assert_eq!(centres(-5.0, 0.4, 0, 10), None);
        assert_eq!(centres(2.0, 20.0, 1, 10), Some(2..10));
        assert_eq!(centres(f32::NAN, 20.0, 0, 10), None);
    }

    #[test]
    fn crossing_strokes_of_one_style_lay_their_colour_down_once() {
        let mut pixmap = Pixmap::new(40, 40).unwrap();
        let mut strokes = Strokes::new(40, 40);
        strokes.add_line([0.0, 20.5], [40.0, 20.5], 3.0, Cap::Round);
        strokes.add_line([20.5, 0.0], [20.5, 40.0], 3.0, Cap::Round);
        strokes.end_style(Rgba::with_alpha(0, 0, 0, 100));
        strokes.draw(&mut pixmap);
        assert_eq!(alpha(&pixmap, 20, 20), 100, "the crossing");
        assert_eq!(alpha(&pixmap, 5, 20), 100, "one line");
        assert_eq!(alpha(&pixmap, 20, 35), 100, "the other line, in another band");
        assert_eq!(alpha(&pixmap, 5, 5), 0, "off the lines");
    }

    #[test]
    fn styles_are_drawn_in_order() {
        let mut pixmap = Pixmap::new(40, 40).unwrap();
        let mut strokes = Strokes::new(40, 40);
        strokes.add_line([0.0, 20.5], [40.0, 20.5], 3.0, Cap::Round);
        strokes.end_style(Rgba::rgb(255, 0, 0));
        strokes.add_line([20.5, 0.0], [20.5, 40.0], 3.0, Cap::Round);
        strokes.end_style(Rgba::rgb(0, 0, 255));
        strokes.draw(&mut pixmap);
        assert_eq!(&pixmap.data()[(20 * 40 + 20) * 4..(20 * 40 + 20) * 4 + 4], &[0, 0, 255, 255]);
        assert_eq!(&pixmap.data()[(20 * 40 + 5) * 4..(20 * 40 + 5) * 4 + 4], &[255, 0, 0, 255]);
    }

    #[test]
    fn round_caps_reach_past_the_end_and_butt_caps_stop_there() {
        for (cap, past_end) in [(Cap::Round, true), (Cap::Butt, false)] {
            let mut pixmap = Pixmap::new(30, 10).unwrap();
            let mut strokes = Strokes::new(30, 10);
            strokes.add_line([5.0, 5.0], [20.0, 5.0], 4.0, cap);
            strokes.end_style(Rgba::rgb(0, 0, 0));
            strokes.draw(&mut pixmap);
            assert_eq!(alpha(&pixmap, 12, 5), 255, "{cap:?}");
            // Pixel centre half a pixel past the end.
            assert_eq!(alpha(&pixmap, 20, 5) == 255, past_end, "{cap:?}");
            assert_eq!(alpha(&pixmap, 20, 5) == 0, !past_end, "{cap:?}");
        }
    }

    #[test]
    fn steep_and_shallow_lines_across_bands_are_whole() {
        let (w, h) = (100u32, 200u32);
        let mut pixmap = Pixmap::new(w, h).unwrap();
        let mut strokes = Strokes::new(w, h);
        strokes.add_line([10.0, 5.0], [90.0, 195.0], 2.0, Cap::Round);
        strokes.add_line([5.0, 150.0], [95.0, 120.0], 2.0, Cap::Round);
        strokes.end_style(Rgba::rgb(0, 0, 0));
        strokes.draw(&mut pixmap);
        for t in 0..=20 {
            let t = t as f32 / 20.0;
            for (a, b) in [([10.0, 5.0], [90.0, 195.0]), ([5.0, 150.0], [95.0, 120.0])] {
                let (x, y) = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t);
                assert!(alpha(&pixmap, x as u32, y as u32) > 0, "gap at ({x}, {y})");
            }
        }
    }

    // Guards the invariant that threads change nothing.
    #[test]
    fn threads_draw_the_same_pixels_as_one() {
        let (w, h) = (300u32, 200u32);
        let mut strokes = Strokes::new(w, h);
        let mut state = 7u32;
        let mut next = move || {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            (state >> 16) as f32 / 65536.0
        };
        for style in 0..3u8 {
            for _ in 0..400 {
                let (a, b) = ([next() * 300.0, next() * 200.0], [next() * 300.0, next() * 200.0]);
                strokes.add_dashed_line(a, b, 0.5 + next() * 4.0, Cap::Round, [6.0, 3.0]);
            }
            strokes.end_style(Rgba::with_alpha(40 * style, 90, 200, 60 + 60 * style));
        }
        let draw = |threads| {
            let mut pixmap = Pixmap::new(w, h).unwrap();
            pixmap.fill(resvg::tiny_skia::Color::WHITE);
            strokes.draw_on_threads(&mut pixmap, threads);
            pixmap
        };
        let one = draw(1);
        assert!(one.data().chunks(4).any(|p| p[0] < 200), "something is drawn");
        for threads in [2, 3, 8] {
            assert!(draw(threads).data() == one.data(), "{threads} threads");
        }
    }

    #[test]
    fn dashes_start_at_the_source_and_leave_gaps() {
        let mut pixmap = Pixmap::new(40, 5).unwrap();
        let mut strokes = Strokes::new(40, 5);
        strokes.add_dashed_line([0.0, 2.5], [40.0, 2.5], 2.0, Cap::Butt, [4.0, 3.0]);
        strokes.end_style(Rgba::rgb(0, 0, 0));
        strokes.draw(&mut pixmap);
        let row: Vec<bool> = (0..14).map(|x| alpha(&pixmap, x, 2) > 128).collect();
        let on = [true, true, true, true, false, false, false];
        assert_eq!(row, [on, on].concat());
    }

    #[test]
    fn lines_far_off_the_image_or_not_finite_draw_nothing() {
        let mut pixmap = Pixmap::new(20, 20).unwrap();
        let mut strokes = Strokes::new(20, 20);
        strokes.add_dashed_line([-1e9, -5.0], [1e9, -5.0], 2.0, Cap::Round, [5.0, 3.0]);
        strokes.add_line([f32::NAN, 0.0], [10.0, 10.0], 2.0, Cap::Round);
        strokes.add_line([-1e9, 1e9], [1e9, 1e9], 2.0, Cap::Round);
        strokes.end_style(Rgba::rgb(0, 0, 0));
        strokes.draw(&mut pixmap);
        assert!(pixmap.data().iter().all(|&b| b == 0));
    }
}
