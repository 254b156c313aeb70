//! Accent- and case-folding of text for matching, with a map back to the original byte offsets.

/// Folds one string: lower case, accents removed (`Erdoğan` -> `erdogan`), typographic quotes to
/// ASCII, hyphens and dashes to spaces (`Kim Jong-un` matches `Kim Jong Un`).
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

/// Folded text plus, for non-ASCII input, the original byte offset of every folded byte.
pub struct Folded {
    pub text: String,
    /// `None` when the input was ASCII: offsets are then the same in both.
    origin: Option<Vec<u32>>,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            let folded: Vec<u8> = bytes.iter().map(|&b| fold_ascii(b)).collect();
            // ASCII in, ASCII out.
            return Self { text: String::from_utf8(folded).unwrap_or_default(), origin: None };
        }
        let mut folded = String::with_capacity(text.len());
        let mut origin: Vec<u32> = Vec::with_capacity(text.len());
        let mut buf = [0u8; 4];
        let mut i = 0;
        while i < bytes.len() {
            let pos = u32::try_from(i).unwrap_or(u32::MAX);
            // Runs of ASCII, the bulk of any English text, in one go.
            let run = bytes[i..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - i);
            if run > 0 {
                folded.extend(bytes[i..i + run].iter().map(|&b| char::from(fold_ascii(b))));
                origin.extend(pos..pos + u32::try_from(run).unwrap_or(0));
                i += run;
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            let before = folded.len();
            match c {
                '\u{2018}' | '\u{2019}' | '\u{02bc}' => folded.push('\''),
                '\u{201c}' | '\u{201d}' => folded.push('"'),
                '\u{2010}'..='\u{2015}' | '\u{00a0}' | '\u{2212}' => folded.push(' '),
                _ => match deunicode::deunicode_char(c) {
                    Some(s) if !s.is_empty() && s.is_ascii() && s.chars().all(|d| d.is_ascii_alphanumeric()) => {
                        folded.extend(s.chars().map(|d| d.to_ascii_lowercase()));
                    }
                    // Keep other characters as they are so that nothing spurious matches.
                    _ => folded.push_str(c.encode_utf8(&mut buf)),
                },
            }
            origin.extend(std::iter::repeat_n(pos, folded.len() - before));
            i += c.len_utf8();
        }
        Self { text: folded, origin: Some(origin) }
    }

    /// The original byte offset of a folded byte.
    pub fn original_pos(&self, folded: usize) -> usize {
        match &self.origin {
            None => folded,
            Some(origin) => origin[folded] as usize,
        }
    }

    /// The original byte range of a folded byte range.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        match &self.origin {
            None => (start, end),
            Some(origin) => {
                let s = origin[start] as usize;
                let last = origin[end - 1] as usize;
                let len = original[last..].chars().next().map_or(1, char::len_utf8);
                (s, last + len)
            }
        }
    }
}

fn fold_ascii(b: u8) -> u8 {
    match b {
        b'-' => b' ',
        b'`' => b'\'',
        _ => b.to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_hyphens() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Kim Jong-un"), "kim jong un");
        assert_eq!(fold("Iran’s"), "iran's");
        assert_eq!(fold("António Guterres"), "antonio guterres");
    }

    #[test]
    fn maps_back_to_original_offsets() {
        let text = "Le président Erdoğan a dit";
        let folded = Folded::new(text);
        let start = folded.text.find("erdogan").unwrap();
        let (s, e) = folded.original_range(text, start, start + "erdogan".len());
        assert_eq!(&text[s..e], "Erdoğan");
    }
}
