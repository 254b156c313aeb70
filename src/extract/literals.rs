//! Cheap tests that rule a pattern out before it runs: the words every match of a pattern
//! contains, and word scans that stand in for small patterns on ASCII text.

use aho_corasick::{AhoCorasick, MatchKind};

/// Words one of which every match of some pattern contains, in any ASCII case.
pub struct Required(AhoCorasick);

impl Required {
    pub fn new(words: &[&str]) -> Self {
        let ac = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .unwrap_or_else(|e| unreachable!("aho-corasick cannot fail on plain words: {e}"));
        Self(ac)
    }

    /// Whether the pattern may match `s`: `false` only when `s` is ASCII and has none of the
    /// words. (Text with other characters is always searched: under `(?i)` the pattern's `s`
    /// and `k` also match `ſ` and the Kelvin sign.)
    pub fn may_match(&self, s: &str) -> bool {
        !s.is_ascii() || self.0.is_match(s)
    }

    /// The byte ranges of the words found in `text`, in order, without overlaps.
    pub fn find_all(&self, text: &str) -> Vec<(usize, usize)> {
        self.0.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }
}

/// The ASCII words of `s` (runs of letters, digits and `_`, as `(?-u:\b)` sees them), with
/// their byte ranges.
pub fn ascii_words(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !is_word_byte(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && is_word_byte(bytes[i]) {
            i += 1;
        }
        Some((start, i))
    })
}

pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_required_words() {
        let s = "He met_them, at 10:30 (twice).";
        let words: Vec<&str> = ascii_words(s).map(|(a, b)| &s[a..b]).collect();
        assert_eq!(words, ["He", "met_them", "at", "10", "30", "twice"]);
        let required = Required::new(&["talks", "met"]);
        assert!(required.may_match("They MET."));
        assert!(!required.may_match("Nothing here."));
        assert!(required.may_match("ſomething non-ASCII"));
    }
}
