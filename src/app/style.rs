//! The map's visual vocabulary: bloc colours, node shapes, edge styles, label size. The legend
//! and the canvas both read from here.

use egui::Color32;

use crate::graph::NodeKind;
use crate::view::{Bloc, EdgeClass};

/// Label size on screen, whatever the zoom.
pub const LABEL_SIZE: f32 = 13.0;

/// Fill colour of a bloc (colour-blind-safe Okabe-Ito hues).
pub fn bloc_colour(bloc: Bloc) -> Color32 {
    match bloc {
        Bloc::ScoMember => Color32::from_rgb(213, 94, 0),
        Bloc::ScoObserver => Color32::from_rgb(230, 159, 0),
        Bloc::ScoPartner => Color32::from_rgb(240, 228, 66),
        Bloc::Nato => Color32::from_rgb(0, 114, 178),
        Bloc::Csto => Color32::from_rgb(204, 121, 167),
        Bloc::Brics => Color32::from_rgb(0, 158, 115),
        Bloc::Eu => Color32::from_rgb(86, 180, 233),
        Bloc::Other => Color32::from_rgb(150, 150, 150),
    }
}

/// The blocs the colour legend shows (the colour classes of `view::colour_bloc`).
pub const COLOUR_CLASSES: [Bloc; 5] = [Bloc::ScoMember, Bloc::ScoObserver, Bloc::ScoPartner, Bloc::Nato, Bloc::Other];

/// Organisations are drawn in a neutral slate, so they never read as a country's bloc.
pub const ORGANISATION_COLOUR: Color32 = Color32::from_rgb(90, 100, 120);

pub fn kind_label(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Country => "Country",
        NodeKind::Leader => "Leader",
        NodeKind::Organisation => "Organisation",
    }
}

pub fn kind_shape_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Country => "circle",
        NodeKind::Leader => "diamond",
        NodeKind::Organisation => "square",
    }
}

/// Colour and base width of an edge class; `dark` for the dark theme.
pub fn edge_colour(class: EdgeClass, dark: bool) -> Color32 {
    match class {
        EdgeClass::CoMention if dark => Color32::from_rgba_unmultiplied(200, 200, 210, 70),
        EdgeClass::CoMention => Color32::from_rgba_unmultiplied(70, 70, 90, 60),
        EdgeClass::MeetingHeld | EdgeClass::MeetingPlanned if dark => Color32::from_rgb(255, 120, 90),
        EdgeClass::MeetingHeld | EdgeClass::MeetingPlanned => Color32::from_rgb(190, 40, 40),
        EdgeClass::Leads => Color32::from_rgb(120, 80, 170),
        EdgeClass::MemberOf => Color32::from_rgba_unmultiplied(0, 140, 140, 150),
    }
}

/// Stroke width in screen pixels for an edge of `weight` sentences: a log scale.
pub fn edge_width(class: EdgeClass, weight: usize) -> f32 {
    let base = match class {
        EdgeClass::CoMention => 0.8,
        EdgeClass::MeetingHeld | EdgeClass::MeetingPlanned => 2.2,
        EdgeClass::Leads | EdgeClass::MemberOf => 1.2,
    };
    base * (1.0 + (weight.max(1) as f32).ln() * 0.8)
}

/// Whether a class is drawn dashed.
pub fn edge_dashed(class: EdgeClass) -> bool {
    matches!(class, EdgeClass::MeetingPlanned | EdgeClass::MemberOf)
}
