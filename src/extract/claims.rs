//! Membership claims in the text checked against the knowledge base: "his country becomes a full
//! member of NATO" about Belarus is a contradiction (the knowledge base is the truth).

use std::sync::LazyLock;

use regex::Regex;

use super::re;

use super::resolve::{DocContext, Item, ItemKind};
use crate::kb::MemberStatus;

static CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:\b(?:becomes?|became|becoming|join(?:s|ed|ing)?|is|was|as|has been|will be|being)\s+|,\s+)(?:a\s+|an\s+|the\s+|its\s+)?(?:full(?:-fledged)?\s+|new\s+|permanent\s+|[a-z]+th\s+)?members?\s+(?:state\s+)?of\s+(?:the\s+)?$|\b(?:join(?:s|ed|ing)?|accession to|admission to|admitted to|admitted into|membership (?:of|in))\s+(?:the\s+)?$",
    )
});
static HEDGED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:want|wants|wanted|hope|hopes|seek|seeks|sought|aspir\w*|bid|appl\w*|could|may|might|would|not|never|no longer|if|whether|candidate|aim\w*|path|talks on|negotiat\w*|invit\w*|expected|deny|denies|denied)\b",
    )
});
static POSSESSIVE_COUNTRY: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:his|her|whose|their) country\b"));

/// A membership the text claims and the knowledge base never had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contradiction {
    pub country: usize,
    pub org: usize,
    pub message: String,
}

pub fn check(ctx: &DocContext<'_>, text: &str, sentence: (usize, usize), items: &[Item]) -> Vec<Contradiction> {
    let mut out = Vec::new();
    for (k, item) in items.iter().enumerate() {
        let ItemKind::Organisation { org } = item.kind else { continue };
        let before = &text[sentence.0..item.start];
        let Some(claim) = CLAIM.find(before) else { continue };
        let claim_start = sentence.0 + claim.start();
        let country = if POSSESSIVE_COUNTRY.is_match(&text[sentence.0..claim_start]) {
            items[..k].iter().rev().find_map(|i| {
                let p = i.person()?;
                let iso3 = ctx.kb.people.get(p)?.country_at(ctx.date)?;
                ctx.kb.country_index(iso3).map(|c| (c, i.end))
            })
        } else {
            items[..k].iter().rev().find_map(|i| match i.kind {
                ItemKind::Country { country, locative: false, .. } if i.end <= claim_start => Some((country, i.end)),
                _ => None,
            })
        };
        let Some((country, country_end)) = country else { continue };
        if HEDGED.is_match(&text[country_end.min(claim_start)..claim_start]) {
            continue;
        }
        let c = &ctx.kb.countries[country];
        let o = &ctx.kb.organisations[org];
        let ever_member = ctx
            .kb
            .memberships
            .iter()
            .any(|m| m.country == c.iso3 && m.org == o.acronym && m.status == MemberStatus::Member);
        if !ever_member {
            let actual: Vec<String> = ctx
                .kb
                .memberships_of(&c.iso3)
                .iter()
                .filter(|m| m.active_at(ctx.date) || starts_soon_after(m.since, ctx.date))
                .map(|m| match m.since {
                    Some(s) => format!("{} {} since {s}", m.org, m.status.as_str()),
                    None => format!("{} {}", m.org, m.status.as_str()),
                })
                .collect();
            out.push(Contradiction {
                country,
                org,
                message: format!(
                    "the text says {} is a member of {}; the knowledge base has no such membership (it has: {}); kept the knowledge base's memberships",
                    c.name,
                    o.acronym,
                    if actual.is_empty() { "none".to_string() } else { actual.join(", ") }
                ),
            });
        }
    }
    out
}

/// A membership starting within a month after the article ("Belarus joins the SCO tomorrow").
fn starts_soon_after(since: Option<crate::kb::Date>, date: Option<crate::kb::Date>) -> bool {
    match (since, date) {
        (Some(s), Some(d)) => s > d && (s - d).num_days() <= 31,
        _ => false,
    }
}
