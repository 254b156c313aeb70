//! File formats: plain text, Markdown, HTML (text content only) and JSON Lines.

use std::path::Path;

use scraper::{Html, Node};
use serde::Deserialize;

use super::{Document, LoadOptions, detect_date, detect_title};
use crate::error::InputError;
use crate::warning::Warning;

const SCAN_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "jsonl", "ndjson"];

/// Files a folder scan picks up.
pub fn is_supported(path: &Path) -> bool {
    extension(path).is_some_and(|e| SCAN_EXTENSIONS.contains(&e.as_str()))
}

fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

/// Reads one file into its documents (several for JSON Lines).
/// What one file gave: its documents, warnings, and the parts of it that could not be read
/// (bad JSON lines) while the rest loaded.
#[derive(Debug, Default)]
pub struct FileRead {
    pub docs: Vec<Document>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<InputError>,
}

pub fn read_file(path: &Path, options: &LoadOptions) -> Result<FileRead, InputError> {
    let shown = path.display().to_string();
    let size = std::fs::metadata(path)
        .map_err(|e| InputError::Unreadable { path: shown.clone(), message: e.to_string() })?
        .len();
    if size > options.max_file_bytes {
        return Err(InputError::TooLarge {
            path: shown,
            size_bytes: size,
            limit_mb: options.max_file_bytes / (1024 * 1024),
        });
    }
    let bytes =
        std::fs::read(path).map_err(|e| InputError::Unreadable { path: shown.clone(), message: e.to_string() })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty { path: shown });
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Err(InputError::Binary { path: shown });
    }
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string();
    let mut warnings = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid_up_to = e.utf8_error().valid_up_to();
            warnings.push(Warning::about_doc(
                "invalid_utf8",
                &stem,
                format!("{shown}: not valid UTF-8 (first bad byte at offset {valid_up_to}); decoded with replacement characters"),
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    let mut errors = Vec::new();
    let docs = match extension(path).as_deref() {
        Some("jsonl" | "ndjson") => {
            let (docs, bad_lines) = read_jsonl(&stem, &shown, &text)?;
            errors = bad_lines;
            docs
        }
        Some("html" | "htm") => vec![read_html(&stem, &shown, &text)],
        Some("md" | "markdown") => vec![Document::from_text(&stem, &shown, strip_markdown(&text))],
        _ => vec![Document::from_text(&stem, &shown, text)],
    };
    Ok(FileRead { docs, warnings, errors })
}

#[derive(Deserialize)]
struct JsonArticle {
    text: String,
    id: Option<serde_json::Value>,
    title: Option<String>,
    date: Option<String>,
    url: Option<String>,
    source: Option<String>,
}

/// The articles of a JSON Lines file, and one error per line that is not an article (the other
/// lines still load).
fn read_jsonl(stem: &str, shown: &str, text: &str) -> Result<(Vec<Document>, Vec<InputError>), InputError> {
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let article: JsonArticle = match serde_json::from_str(line) {
            Ok(a) => a,
            Err(e) => {
                errors.push(InputError::BadJsonLine { path: shown.into(), line: i + 1, message: e.to_string() });
                continue;
            }
        };
        let id = match article.id {
            Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
            Some(serde_json::Value::Number(n)) => n.to_string(),
            _ => format!("{stem}:{}", i + 1),
        };
        let path = article.url.or(article.source).unwrap_or_else(|| format!("{shown}:{}", i + 1));
        let date = article.date.as_deref().and_then(metadata_date).or_else(|| detect_date(&article.text));
        let title = article.title.or_else(|| detect_title(&article.text));
        docs.push(Document { id, path, title, date, text: article.text.into() });
    }
    if docs.is_empty() && errors.is_empty() {
        return Err(InputError::Empty { path: shown.into() });
    }
    Ok((docs, errors))
}

/// A date from metadata: ISO 8601 (`2024-07-03`, `2024-07-03T10:00:00Z`) or any form the
/// article-head detector knows.
fn metadata_date(value: &str) -> Option<crate::kb::Date> {
    crate::kb::parse_date(value.trim().get(..10)).ok().flatten().or_else(|| detect_date(value))
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "title",
    "ul",
    "ol",
    "table",
];
const SKIPPED_TAGS: &[&str] = &["script", "style", "noscript", "template", "head", "svg", "nav"];

/// The visible text of an HTML page, one block per line; title and date from its metadata.
fn read_html(stem: &str, shown: &str, html: &str) -> Document {
    let page = Html::parse_document(html);
    let mut text = String::new();
    walk_html(page.root_element(), &mut text);
    let text = tidy_lines(&text);
    let title = select_first(&page, "title").or_else(|| select_first(&page, "h1"));
    let date = page
        .select(&selector("meta[property='article:published_time'], meta[name='date'], meta[itemprop='datePublished']"))
        .find_map(|m| m.value().attr("content").map(str::to_owned))
        .or_else(|| {
            page.select(&selector("time[datetime]")).find_map(|t| t.value().attr("datetime").map(str::to_owned))
        })
        .and_then(|d| metadata_date(&d))
        .or_else(|| detect_date(&text));
    let mut doc = Document::from_text(stem, shown, text);
    doc.title = title.or(doc.title);
    doc.date = date;
    doc
}

fn selector(s: &str) -> scraper::Selector {
    // The selectors are constants of this file; a failure is a programming error caught by tests.
    scraper::Selector::parse(s).unwrap_or_else(|_| unreachable!("bad built-in selector {s}"))
}

fn select_first(page: &Html, css: &str) -> Option<String> {
    page.select(&selector(css))
        .map(|e| e.text().collect::<String>().split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|t| !t.is_empty())
}

fn walk_html(element: scraper::ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if SKIPPED_TAGS.contains(&name) {
                    continue;
                }
                if let Some(child_el) = scraper::ElementRef::wrap(child) {
                    let block = BLOCK_TAGS.contains(&name);
                    if block {
                        out.push('\n');
                    }
                    walk_html(child_el, out);
                    if block {
                        out.push('\n');
                    }
                }
            }
            _ => {}
        }
    }
}

/// Collapses runs of spaces inside lines and drops empty lines.
fn tidy_lines(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Markdown to plain text: heading marks, emphasis and link targets go, the words stay.
fn strip_markdown(md: &str) -> String {
    let mut out = String::with_capacity(md.len());
    for line in md.lines() {
        let mut l = line.trim_start_matches('#').trim_start();
        if let Some(rest) = l.strip_prefix("> ") {
            l = rest;
        }
        let mut chars = l.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '*' => {}
                '_' if !out.ends_with(char::is_alphanumeric) || !chars.peek().is_some_and(|n| n.is_alphanumeric()) => {}
                '!' if chars.peek() == Some(&'[') => {}
                '[' => {}
                ']' if chars.peek() == Some(&'(') => {
                    for n in chars.by_ref() {
                        if n == ')' {
                            break;
                        }
                    }
                }
                _ => out.push(c),
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_keeps_visible_text_only() {
        let doc = read_html(
            "a",
            "a.html",
            "<html><head><title>Putin meets Xi</title><meta property='article:published_time' content='2024-05-16T09:30:00Z'><script>var x = 'Biden';</script></head>\
             <body><h1>Putin meets Xi</h1><p>Vladimir Putin met <b>Xi Jinping</b>.</p><p>Second.</p></body></html>",
        );
        assert_eq!(doc.title.as_deref(), Some("Putin meets Xi"));
        assert_eq!(doc.date, crate::kb::parse_date(Some("2024-05-16")).unwrap());
        assert!(!doc.text.contains("Biden"));
        assert!(doc.text.contains("Vladimir Putin met Xi Jinping."), "{}", doc.text);
        assert!(doc.text.contains("\nSecond."));
    }

    #[test]
    fn markdown_loses_marks_not_words() {
        let text = strip_markdown("# Summit in **Astana**\nSee [the Kremlin](https://x.y/z) statement.");
        assert_eq!(text, "Summit in Astana\nSee the Kremlin statement.\n");
    }

    #[test]
    fn jsonl_ids_fall_back_to_stem_and_line() {
        let (docs, errors) = read_jsonl(
            "batch",
            "batch.jsonl",
            "{\"text\":\"Putin met Xi.\",\"id\":\"a1\",\"date\":\"2024-07-03\"}\n\n{\"text\":\"Erdogan spoke.\"}\n",
        )
        .unwrap();
        assert!(errors.is_empty());
        assert_eq!(docs[0].id, "a1");
        assert_eq!(docs[0].date, crate::kb::parse_date(Some("2024-07-03")).unwrap());
        assert_eq!(docs[1].id, "batch:3");
        let (docs, errors) = read_jsonl("b", "b.jsonl", "{\"id\":1}\n{\"text\":\"Putin spoke.\"}").unwrap();
        assert_eq!(docs.len(), 1, "the good line still loads");
        assert!(errors[0].to_string().contains("b.jsonl: line 1"), "{}", errors[0]);
    }
}
