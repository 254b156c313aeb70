//! Sentence splitting for news text: abbreviations (U.S., Mr., Gen., Jan.), initials, numbers,
//! closing quotes, and headlines or captions that end without a full stop.

/// Words that end with a full stop without ending a sentence (compared without the dot, lower case).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "adm", "cmdr", "gov", "sen",
    "rep", "reps", "pres", "st", "sr", "jr", "rev", "hon", "amb", "sec", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "no", "nos", "vol",
    "vs", "etc", "e.g", "i.e", "approx", "est", "inc", "corp", "ltd", "co", "dept", "u.s", "u.k", "u.n", "e.u",
    "u.s.a", "d.c", "a.m", "p.m", "fig", "ft", "mt",
];

const LONGEST_ABBREVIATION: usize = 6;

/// Byte ranges of the sentences of `text`, in order, trimmed of surrounding white space.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    // The next line break and the next full stop, question or exclamation mark at or after `i`.
    let mut next_line = memchr::memchr(b'\n', bytes).unwrap_or(bytes.len());
    let mut next_stop = memchr::memchr3(b'.', b'!', b'?', bytes).unwrap_or(bytes.len());
    while i < bytes.len() {
        if next_line < i {
            next_line = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |j| i + j);
        }
        if next_stop < i {
            next_stop = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]).map_or(bytes.len(), |j| i + j);
        }
        // Nothing but those bytes ends a sentence.
        i = next_line.min(next_stop);
        if i >= bytes.len() {
            break;
        }
        let b = bytes[i];
        if b == b'\n' {
            let next_line_continues = next_non_space(bytes, i + 1).is_some_and(|j| bytes[j].is_ascii_lowercase())
                && !blank_line_between(bytes, i + 1);
            if !next_line_continues {
                push(text, start, i, &mut out);
                start = i + 1;
            }
        } else if matches!(b, b'.' | b'!' | b'?') {
            let mut end = i + 1;
            while end < bytes.len() && matches!(bytes[end], b'.' | b'!' | b'?') {
                end += 1;
            }
            end = skip_closers(bytes, end);
            let at_space = end >= bytes.len() || bytes[end].is_ascii_whitespace();
            if at_space && b == b'.' && !ends_sentence(text, start, i, end) {
                i = end;
                continue;
            }
            if at_space {
                push(text, start, end, &mut out);
                start = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    push(text, start, bytes.len(), &mut out);
    out
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let slice = &text[start..end];
    let trimmed_start = start + (slice.len() - slice.trim_start().len());
    let trimmed_end = start + slice.trim_end().len();
    if trimmed_end > trimmed_start {
        out.push((trimmed_start, trimmed_end));
    }
}

/// Closing quotes and brackets that belong to the sentence before them (ASCII and UTF-8 quotes).
fn skip_closers(bytes: &[u8], mut i: usize) -> usize {
    loop {
        if i < bytes.len() && matches!(bytes[i], b'"' | b'\'' | b')' | b']') {
            i += 1;
        } else if bytes[i.min(bytes.len())..].starts_with("\u{201d}".as_bytes())
            || bytes[i.min(bytes.len())..].starts_with("\u{2019}".as_bytes())
        {
            i += 3;
        } else {
            return i;
        }
    }
}

fn next_non_space(bytes: &[u8], from: usize) -> Option<usize> {
    (from..bytes.len()).find(|&j| !matches!(bytes[j], b' ' | b'\t' | b'\r'))
}

fn blank_line_between(bytes: &[u8], from: usize) -> bool {
    next_non_space(bytes, from).is_some_and(|j| bytes[j] == b'\n')
}

/// Decides whether the full stop at `dot` (followed by white space at `after`) ends a sentence.
fn ends_sentence(text: &str, start: usize, dot: usize, after: usize) -> bool {
    let bytes = text.as_bytes();
    let word_start =
        text[start..dot].rfind(|c: char| c.is_whitespace() || c == '(' || c == '"').map_or(start, |p| start + p + 1);
    let word = &text[word_start..dot];
    let next = next_non_space(bytes, after);
    let next_is_lower = next.is_some_and(|j| bytes[j].is_ascii_lowercase() || bytes[j].is_ascii_digit());
    if next_is_lower {
        return false;
    }
    // Initials: "J. D. Vance", "George W. Bush".
    if word.len() == 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
        return false;
    }
    if word.len() <= LONGEST_ABBREVIATION && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
        // "in the U.S." ending a sentence is rarer than "U.S. Secretary of State": keep going
        // unless a paragraph break follows.
        return next.is_none_or(|j| bytes[j] == b'\n');
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let got: Vec<&str> = split(text).into_iter().map(|(s, e)| &text[s..e]).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_length_checked_first() {
        assert!(ABBREVIATIONS.iter().all(|a| a.len() <= LONGEST_ABBREVIATION));
        assert!(ABBREVIATIONS.iter().any(|a| a.len() == LONGEST_ABBREVIATION));
    }

    #[test]
    fn news_sentences() {
        check("Putin met Xi. They talked.", &["Putin met Xi.", "They talked."]);
        check(
            "U.S. Secretary of State Antony Blinken met Mr. Wang in Jan. 2024. It went well.",
            &["U.S. Secretary of State Antony Blinken met Mr. Wang in Jan. 2024.", "It went well."],
        );
        check("George W. Bush spoke. Trade hit $3.5 billion.", &["George W. Bush spoke.", "Trade hit $3.5 billion."]);
        check("“I will go,” he said. “Soon.” Then he left.", &["“I will go,” he said.", "“Soon.”", "Then he left."]);
        check(
            "Putin meets Xi in Astana\nThe Russian leader arrived.",
            &["Putin meets Xi in Astana", "The Russian leader arrived."],
        );
        check("in Astana on Wednesday. to show his harmony", &["in Astana on Wednesday. to show his harmony"]);
        check("Is it over? No!", &["Is it over?", "No!"]);
        check("a line that wraps\nhere and ends.\n\nNext para.", &["a line that wraps\nhere and ends.", "Next para."]);
    }
}
