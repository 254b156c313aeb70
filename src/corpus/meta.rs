//! An article's title and date, read from its head when no metadata gives them.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::kb::Date;

/// How far into an article a date still counts as the article's date.
const HEAD_BYTES: usize = 400;

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    Regex::new(&format!(
        r"\b(?:(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)|(?P<m2>{month})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d)|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m3>{month}),?\s+(?P<y3>(?:19|20)\d\d)|(?P<n1>\d{{1,2}})[/.](?P<n2>\d{{1,2}})[/.](?P<y4>(?:19|20)\d\d))\b"
    ))
    .unwrap_or_else(|e| unreachable!("date pattern: {e}"))
});

/// The first line, when it reads as a headline: short, capitalised, no closing full stop.
pub fn detect_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    let words = line.split_whitespace().count();
    let capitalised = line.chars().next().is_some_and(char::is_uppercase);
    let headline =
        (2..=25).contains(&words) && line.len() <= 200 && capitalised && !line.ends_with(['.', ',', ';', ':']);
    headline.then(|| line.to_string())
}

/// The first date in the article's head (`2024-07-03`, `July 3, 2024`, `3 July 2024`, `3rd of
/// July, 2024`, `03/07/2024` day first, `12/25/2024` month first where only that reads).
pub fn detect_date(text: &str) -> Option<Date> {
    let mut end = text.len().min(HEAD_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    DATE.captures_iter(&text[..end]).find_map(|c| {
        let (y, m, d) = if let Some(y) = c.name("y") {
            (y.as_str().parse().ok()?, c["m"].parse().ok()?, c["d"].parse().ok()?)
        } else if let Some(y) = c.name("y2") {
            (y.as_str().parse().ok()?, month_number(&c["m2"])?, c["d2"].parse().ok()?)
        } else if let Some(y) = c.name("y3") {
            (y.as_str().parse().ok()?, month_number(&c["m3"])?, c["d3"].parse().ok()?)
        } else {
            let (first, second): (u32, u32) = (c["n1"].parse().ok()?, c["n2"].parse().ok()?);
            // Day first, as most of the world writes it, unless only month first can be
            // right ("12/25/2024").
            let (m, d) = if second > 12 { (first, second) } else { (second, first) };
            (c["y4"].parse().ok()?, m, d)
        };
        NaiveDate::from_ymd_opt(y, m, d)
    })
}

fn month_number(name: &str) -> Option<u32> {
    let key = name.get(..3)?.to_ascii_lowercase();
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    months.iter().position(|m| *m == key).and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_date(text: &str, expected: Option<&str>) {
        let want = expected.map(|e| NaiveDate::parse_from_str(e, "%Y-%m-%d").unwrap());
        assert_eq!(detect_date(text), want, "{text}");
    }

    #[test]
    fn dates_in_the_head() {
        check_date(" date 2024-07-03 ANDRussian President", Some("2024-07-03"));
        check_date("ASTANA, July 3, 2024 (Reuters) - Putin met Xi.", Some("2024-07-03"));
        check_date("Published 4 Jul 2024. Putin met Xi.", Some("2024-07-04"));
        check_date("Putin met Xi on 2024-02-30 in Astana.", None);
        check_date("Updated: 04/12/2024 - 18:05", Some("2024-12-04"));
        check_date("Posted 12/25/2024 at noon", Some("2024-12-25"));
        check_date("Posted 25.12.2024", Some("2024-12-25"));
        check_date("On the 3rd of July, 2024", Some("2024-07-03"));
        check_date("July 3rd, 2024", Some("2024-07-03"));
        check_date("13/13/2024", None);
        let late = format!("{}July 3, 2024", "x ".repeat(300));
        check_date(&late, None);
    }

    #[test]
    fn titles_are_headline_like_first_lines() {
        assert_eq!(
            detect_title("Putin meets Xi and Erdogan in Astana\nIn the face"),
            Some("Putin meets Xi and Erdogan in Astana".into())
        );
        assert_eq!(detect_title("Russian President Vladimir Putin has used one of his rare trips.\n"), None);
        assert_eq!(detect_title(" date 2024-07-03 ANDRussian"), None);
    }
}
