//! The panels around the map. Each owns only its own view state and pushes commands.

pub mod article;
pub mod evidence;
pub mod export;
pub mod filters;
pub mod menu;
pub mod status;
