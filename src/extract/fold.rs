//! Accent- and case-folding of text for matching, with a map back to the original byte offsets.

/// Folds one string: lower case, accents removed (`Erdoğan` -> `erdogan`), typographic quotes to
/// ASCII, hyphens and dashes to spaces (`Kim Jong-un` matches `Kim Jong Un`).
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

/// Folded text plus, for non-ASCII input, the map back to the original byte offsets.
pub struct Folded {
    pub text: String,
    /// `None` when the input was ASCII: offsets are then the same in both. Otherwise the
    /// pieces of the folded text in order: a run of ASCII maps byte for byte, the bytes a
    /// non-ASCII character folds to all map to that character's first byte.
    origin: Option<Vec<Piece>>,
}

/// A piece of folded text: where it starts in the folded and in the original text, and whether
/// it is an ASCII run (offsets advance together) or one character.
#[derive(Debug, Clone, Copy)]
struct Piece {
    folded: usize,
    original: usize,
    run: bool,
}

impl Folded {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        if text.is_ascii() {
            let mut folded = bytes.to_vec();
            fold_ascii_in_place(&mut folded);
            // ASCII in, ASCII out.
            return Self { text: String::from_utf8(folded).unwrap_or_default(), origin: None };
        }
        let mut folded: Vec<u8> = Vec::with_capacity(text.len());
        let mut origin: Vec<Piece> = Vec::new();
        let mut buf = [0u8; 4];
        let mut i = 0;
        while i < bytes.len() {
            // Runs of ASCII, the bulk of any English text, in one go.
            let run = ascii_prefix_len(&bytes[i..]);
            if run > 0 {
                origin.push(Piece { folded: folded.len(), original: i, run: true });
                let from = folded.len();
                folded.extend_from_slice(&bytes[i..i + run]);
                fold_ascii_in_place(&mut folded[from..]);
                i += run;
                continue;
            }
            let Some(c) = text[i..].chars().next() else { break };
            origin.push(Piece { folded: folded.len(), original: i, run: false });
            match c {
                '\u{2018}' | '\u{2019}' | '\u{02bc}' => folded.push(b'\''),
                '\u{201c}' | '\u{201d}' => folded.push(b'"'),
                '\u{2010}'..='\u{2015}' | '\u{00a0}' | '\u{2212}' => folded.push(b' '),
                _ => match deunicode::deunicode_char(c) {
                    Some(s) if !s.is_empty() && s.is_ascii() && s.chars().all(|d| d.is_ascii_alphanumeric()) => {
                        folded.extend(s.bytes().map(|d| d.to_ascii_lowercase()));
                    }
                    // Keep other characters as they are so that nothing spurious matches.
                    _ => folded.extend_from_slice(c.encode_utf8(&mut buf).as_bytes()),
                },
            }
            i += c.len_utf8();
        }
        // Only ASCII bytes and whole characters were pushed.
        Self { text: String::from_utf8(folded).unwrap_or_default(), origin: Some(origin) }
    }

    /// The original byte offset of a folded byte.
    pub fn original_pos(&self, folded: usize) -> usize {
        match &self.origin {
            None => folded,
            Some(origin) => {
                let piece = origin[origin.partition_point(|p| p.folded <= folded).saturating_sub(1)];
                if piece.run { piece.original + (folded - piece.folded) } else { piece.original }
            }
        }
    }

    /// The original byte range of a folded byte range.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        match &self.origin {
            None => (start, end),
            Some(_) => {
                let s = self.original_pos(start);
                let last = self.original_pos(end - 1);
                let len = original[last..].chars().next().map_or(1, char::len_utf8);
                (s, last + len)
            }
        }
    }

    /// Calls `f(folded, original)` with the offsets of every character of `original` (the text
    /// this was folded from) that is an upper-case letter, in order.
    pub fn for_each_capital(&self, original: &str, mut f: impl FnMut(usize, usize)) {
        let bytes = original.as_bytes();
        let Some(origin) = &self.origin else {
            for_each_ascii_capital(bytes, 0, 0, &mut f);
            return;
        };
        for (k, piece) in origin.iter().enumerate() {
            if piece.run {
                let len = origin.get(k + 1).map_or(self.text.len(), |next| next.folded) - piece.folded;
                let run = &bytes[piece.original..piece.original + len];
                for_each_ascii_capital(run, piece.folded, piece.original, &mut f);
            } else if original[piece.original..].starts_with(char::is_uppercase) {
                f(piece.folded, piece.original);
            }
        }
    }
}

/// Calls `f(folded + i, original + i)` for every ASCII capital at `i` in `run` (all ASCII).
fn for_each_ascii_capital(run: &[u8], folded: usize, original: usize, f: &mut impl FnMut(usize, usize)) {
    each_ascii_capital(run, |i| f(folded + i, original + i));
}

/// Calls `f(i)` for every ASCII capital at `i` in `bytes` (any bytes), eight bytes at a time:
/// most stretches of text have none.
pub(crate) fn each_ascii_capital(bytes: &[u8], mut f: impl FnMut(usize)) {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = ONES * 0x80;
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        // With the high bits cleared no addition carries into the next byte: the high bit is
        // then set where the byte is at least b'A' and not above b'Z' (and was ASCII).
        let low = word & !HIGH;
        let mut capitals =
            (low + ONES * (0x80 - u64::from(b'A'))) & !(low + ONES * (0x80 - u64::from(b'Z') - 1)) & !word & HIGH;
        while capitals != 0 {
            f(at + (capitals.trailing_zeros() / 8) as usize);
            capitals &= capitals - 1;
        }
        at += 8;
    }
    for (i, b) in chunks.remainder().iter().enumerate() {
        if b.is_ascii_uppercase() {
            f(at + i);
        }
    }
}

/// How many bytes `bytes` starts with are ASCII, looked at eight at a time.
fn ascii_prefix_len(bytes: &[u8]) -> usize {
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        let word = u64::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7]]);
        let high = word & HIGH;
        if high != 0 {
            return at + (high.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    at + chunks.remainder().iter().position(|b| !b.is_ascii()).unwrap_or(chunks.remainder().len())
}

fn fold_ascii_in_place(run: &mut [u8]) {
    for b in run {
        *b = fold_ascii(*b);
    }
}

/// Lower case, `-` to a space, `` ` `` to `'`; without branches, so that folding a run of
/// ASCII compiles to vector instructions.
fn fold_ascii(b: u8) -> u8 {
    let lower = b | (u8::from(b.wrapping_sub(b'A') < 26) << 5);
    let spaced = if lower == b'-' { b' ' } else { lower };
    if spaced == b'`' { b'\'' } else { spaced }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The eight-at-a-time capital scan finds every ASCII capital among any bytes, and no
    // byte of a non-ASCII character.
    #[test]
    fn capitals_among_any_bytes() {
        let text = "Ädam Élise ZAR zaÀ@[ Q ÿÝ Kim Wang Yi, ĀĂ Oz";
        let mut got = Vec::new();
        each_ascii_capital(text.as_bytes(), |i| got.push(i));
        let want: Vec<usize> =
            (text.bytes().enumerate()).filter(|(_, b)| b.is_ascii_uppercase()).map(|(i, _)| i).collect();
        assert_eq!(got, want);
        let bytes: Vec<u8> = (0..=255).collect();
        let mut got = Vec::new();
        each_ascii_capital(&bytes, |i| got.push(i));
        assert_eq!(got, (65..=90).collect::<Vec<usize>>());
    }

    // The eight-at-a-time ASCII scan finds a non-ASCII character wherever it stands.
    #[test]
    fn ascii_runs_end_at_the_first_non_ascii_byte() {
        for len in 0..20 {
            for at in 0..=len {
                let text: String = (0..len).map(|i| if i == at { 'é' } else { 'A' }).collect();
                let want = text.bytes().position(|b| !b.is_ascii()).unwrap_or(text.len());
                assert_eq!(ascii_prefix_len(text.as_bytes()), want, "{text}");
                let folded: String = text.chars().map(|c| if c == 'é' { 'e' } else { 'a' }).collect();
                assert_eq!(fold(&text), folded);
            }
        }
        assert_eq!(fold("A-B`C[Z]@"), "a b'c[z]@");
    }

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

    #[test]
    fn finds_every_capital() {
        let text = "Le Président ÉRDOĞAN met Xi at NATO-HQ in Zürich; SZ?";
        let folded = Folded::new(text);
        let mut got = Vec::new();
        folded.for_each_capital(text, |f, o| got.push((f, o)));
        let want: Vec<(usize, usize)> = text
            .char_indices()
            .filter(|(_, c)| c.is_uppercase())
            .map(|(o, _)| ((0..folded.text.len()).find(|&f| folded.original_pos(f) == o).unwrap(), o))
            .collect();
        assert_eq!(got, want);
        let ascii = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ abcdefghijklmnopqrstuvwxyz Zz";
        let mut got = Vec::new();
        Folded::new(ascii).for_each_capital(ascii, |_, o| got.push(o));
        assert_eq!(
            got,
            ascii.char_indices().filter(|(_, c)| c.is_ascii_uppercase()).map(|(o, _)| o).collect::<Vec<_>>()
        );
    }
}
