//! The core's visual vocabulary (`crate::style`) in egui's colour type.

use egui::Color32;

use crate::style::Rgba;
pub use crate::style::{COLOUR_CLASSES, LABEL_SIZE, edge_dashed, edge_width, kind_label, kind_shape_name};
use crate::view::{Bloc, EdgeClass};

pub fn colour(c: Rgba) -> Color32 {
    let [r, g, b, a] = c.0;
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

pub fn bloc_colour(bloc: Bloc) -> Color32 {
    colour(crate::style::bloc_colour(bloc))
}

pub const ORGANISATION_COLOUR: Color32 = {
    let [r, g, b, _] = crate::style::ORGANISATION_COLOUR.0;
    Color32::from_rgb(r, g, b)
};

pub fn edge_colour(class: EdgeClass, dark: bool) -> Color32 {
    colour(crate::style::edge_colour(class, dark))
}
