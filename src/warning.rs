//! Warnings: what extraction noticed but did not stop for (lossy decoding, contradictions, ...).

use serde::{Deserialize, Serialize};

/// One warning, sorted and deduplicated in every output.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Warning {
    /// `contradiction`, `invalid_utf8`, `duplicate_id`, `no_text`, `input`.
    pub kind: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<usize>,
    pub message: String,
    /// The sentence the warning is about, quoted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl Warning {
    pub fn about_doc(kind: &str, doc: &str, message: impl Into<String>) -> Self {
        Self { kind: kind.into(), doc: Some(doc.into()), sentence: None, message: message.into(), text: None }
    }
}
