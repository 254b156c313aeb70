//! The map's visual vocabulary, shared by the app and every exporter: bloc colours, node shapes,
//! edge colours, widths and dashes, label size. Colours are RGBA bytes (straight alpha).

use crate::graph::NodeKind;
use crate::view::{Bloc, EdgeClass};

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgba(pub [u8; 4]);

impl Rgba {
    pub const fn rgb(r: u8, g: u8, b: u8) -> Self {
        Self([r, g, b, 255])
    }

    pub const fn with_alpha(r: u8, g: u8, b: u8, a: u8) -> Self {
        Self([r, g, b, a])
    }

    /// `#rrggbb`, for SVG and GEXF.
    pub fn hex(self) -> String {
        let [r, g, b, _] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }

    /// Alpha as 0..1.
    pub fn opacity(self) -> f32 {
        f32::from(self.0[3]) / 255.0
    }
}

/// Label size on screen (the app) and at scale 1 on a slide, whatever the zoom.
pub const LABEL_SIZE: f32 = 13.0;

/// Fill colour of a bloc (colour-blind-safe Okabe-Ito hues).
pub fn bloc_colour(bloc: Bloc) -> Rgba {
    match bloc {
        Bloc::ScoMember => Rgba::rgb(213, 94, 0),
        Bloc::ScoObserver => Rgba::rgb(230, 159, 0),
        Bloc::ScoPartner => Rgba::rgb(240, 228, 66),
        Bloc::Nato => Rgba::rgb(0, 114, 178),
        Bloc::Csto => Rgba::rgb(204, 121, 167),
        Bloc::Brics => Rgba::rgb(0, 158, 115),
        Bloc::Eu => Rgba::rgb(86, 180, 233),
        Bloc::Other => Rgba::rgb(150, 150, 150),
    }
}

/// The blocs the colour legend shows (the colour classes of `view::colour_bloc`).
pub const COLOUR_CLASSES: [Bloc; 5] = [Bloc::ScoMember, Bloc::ScoObserver, Bloc::ScoPartner, Bloc::Nato, Bloc::Other];

/// Organisations are drawn in a neutral slate, so they never read as a country's bloc.
pub const ORGANISATION_COLOUR: Rgba = Rgba::rgb(90, 100, 120);

/// The fill of a node: its kind and the blocs it belongs to.
pub fn node_colour(kind: NodeKind, blocs: &std::collections::BTreeSet<Bloc>) -> Rgba {
    match kind {
        NodeKind::Organisation => ORGANISATION_COLOUR,
        _ => bloc_colour(crate::view::colour_bloc(blocs)),
    }
}

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

/// Half the diagonal of a leader's diamond, for a node of radius `r`.
pub const DIAMOND_FACTOR: f32 = 1.25;
/// Half the side of an organisation's square, for a node of radius `r`.
pub const SQUARE_FACTOR: f32 = 0.9;

/// Colour of an edge class; `dark` for a dark background.
pub fn edge_colour(class: EdgeClass, dark: bool) -> Rgba {
    match class {
        EdgeClass::CoMention if dark => Rgba::with_alpha(200, 200, 210, 70),
        EdgeClass::CoMention => Rgba::with_alpha(70, 70, 90, 60),
        EdgeClass::MeetingHeld | EdgeClass::MeetingPlanned if dark => Rgba::rgb(255, 120, 90),
        EdgeClass::MeetingHeld | EdgeClass::MeetingPlanned => Rgba::rgb(190, 40, 40),
        EdgeClass::Leads => Rgba::rgb(120, 80, 170),
        EdgeClass::MemberOf => Rgba::with_alpha(0, 140, 140, 150),
    }
}

/// Stroke width (screen pixels at scale 1) for an edge of `weight` sentences: a log scale.
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

/// Legend label of a colour class.
pub fn colour_class_label(bloc: Bloc) -> &'static str {
    if bloc == Bloc::Other { "other" } else { bloc.label() }
}
