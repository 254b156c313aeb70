//! From names to entities within one sentence: office descriptions ("the Turkish president",
//! "Kazakh President Kassym-Jomart Tokayev", "the acting president of Iran"), surnames shared by
//! several people, groups ("the leaders of Kazakhstan, Azerbaijan and Pakistan"), capitals used
//! as places, and unknown names after an office title (candidates).

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::{re, starts_with_ignore_ascii_case};

use super::mentions::{CountryForm, OfficeWord, RawMention};
use crate::kb::{Date, KnowledgeBase, Role};

/// What extraction knows while reading one document.
pub struct DocContext<'a> {
    pub kb: &'a KnowledgeBase,
    pub date: Option<Date>,
    /// People named unambiguously somewhere in the document (for "Sharif" = which Sharif).
    pub named_in_doc: FxHashSet<usize>,
    /// People the knowledge base does not know, met in this document: person number
    /// `kb.people.len() + i` is `unknown[i]` (an id like `person:jane-doe`).
    pub unknown: std::cell::RefCell<Vec<std::sync::Arc<str>>>,
    /// The country of the article's dateline ("KUALA LUMPUR, Oct 26 (Bernama) --") and where
    /// its name stands: where "flew in on Friday" went.
    pub dateline: Option<Item>,
}

impl DocContext<'_> {
    /// The person number of an unknown name's id, registering it on first sight.
    pub fn unknown_person(&self, id: &std::sync::Arc<str>) -> usize {
        let mut unknown = self.unknown.borrow_mut();
        let at = unknown.iter().position(|u| u == id).unwrap_or_else(|| {
            unknown.push(id.clone());
            unknown.len() - 1
        });
        self.kb.people.len() + at
    }

    /// The id of a person number, known or not.
    pub fn person_id(&self, person: usize) -> Option<std::sync::Arc<str>> {
        match self.kb.people.get(person) {
            Some(p) => Some(p.id.as_str().into()),
            None => self.unknown.borrow().get(person - self.kb.people.len()).cloned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    Person {
        person: usize,
        named: bool,
    },
    /// People a phrase like "the leaders of X, Y and Z" stands for (not mentions of them).
    Group {
        persons: Vec<usize>,
    },
    Country {
        country: usize,
        form: CountryForm,
        locative: bool,
        descriptor: bool,
        place_like: bool,
    },
    Organisation {
        org: usize,
    },
    /// A name the knowledge base does not know, after an office title: `candidate` indexes the
    /// sentence's candidates.
    Unknown {
        id: std::sync::Arc<str>,
        candidate: usize,
        /// Its person number for meetings (see [`DocContext::unknown_person`]).
        person: usize,
    },
}

/// A resolved entity reference in a sentence; byte offsets are in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub kind: ItemKind,
}

impl Item {
    pub fn person(&self) -> Option<usize> {
        match self.kind {
            ItemKind::Person { person, .. } | ItemKind::Unknown { person, .. } => Some(person),
            _ => None,
        }
    }

    /// The people a participant item stands for (one person, or a group).
    pub fn persons(&self) -> &[usize] {
        match &self.kind {
            ItemKind::Person { person, .. } | ItemKind::Unknown { person, .. } => std::slice::from_ref(person),
            ItemKind::Group { persons } => persons,
            _ => &[],
        }
    }
}

/// A capitalised name after an office title that the knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCandidate {
    pub name: String,
    pub title: String,
    pub start: usize,
    pub end: usize,
    pub country: Option<usize>,
}

static LEFT_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:'s|’s|')?\s+(?:(?:acting|interim|new|current|incumbent|presidential|sitting)\s+|[A-Z][a-z]+\s+(?:and\s+[A-Z][a-z]+\s+)?){0,3}$",
    )
});
static OF_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+of\s+(?:the\s+)?$"));
static OF_REPUBLIC: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+of\s+the\s+(?:Republic|Federation|Confederation)\b"));
/// Between a description and the name it gives: "his Turkish counterpart, Mevlut Cavusoglu",
/// "his counterpart at the time, Mevlut Cavusoglu".
static NAME_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:\s+at\s+the\s+time)?\s*,?\s*$"));
static OF_NAME_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*,\s*$"));
static BLOCKED_QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:former|ex|late|deputy|first deputy|vice|then|previous|future|next|first|last|a|an)\s*$")
});
static CANDIDATE_NAME: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s+((?:[A-Z][\p{L}'’.\-]+)(?:\s+(?:[A-Z][\p{L}'’.\-]+|al-[A-Z]\p{L}+|bin|bint|de|da|van|von)){1,3})")
});
static GROUP_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:the\s+)?(leaders|presidents|heads of state(?: and(?: of)? government)?|prime ministers|heads of government|foreign ministers)\s+of\s+(?:the\s+)?",
    )
});
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:and\s+)?(?:the\s+)?$"));
static LOCATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:in|at|to|from|into|near|outside|of|since|visit|visited|visiting|visits|a|an|via|toward|towards)\s+(?:the\s+)?$",
    )
});
static SEAT_AS_PLACE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:at|in|to|into|visit|visited|visiting|visits)\s+(?:the\s+)?$"));
static LOCATIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:summit|meeting|talks|conference|format|process|declaration|agreement|accords?|visit|trip|concert|airport|forum)\b",
    )
});
static PLACE_NOUN: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^\s+(?:capital|city|town|port|region|province|soil|territory|airspace|border|resort)\b"));
static THE_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bthe\s+$"));
static DETERMINER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:the|his|her|its|their)\s+$"));

/// Resolves the raw mentions of one sentence (`text` is the whole document).
pub fn sentence_items(
    ctx: &DocContext<'_>,
    text: &str,
    sentence: (usize, usize),
    raws: &[RawMention],
) -> (Vec<Item>, Vec<RawCandidate>) {
    let mut items = Vec::new();
    let mut candidates = Vec::new();
    let mut consumed = vec![false; raws.len()];
    let gap = |a: usize, b: usize| &text[a..b];

    for k in 0..raws.len() {
        let Some(office) = raws[k].office() else { continue };
        if consumed[k] {
            continue;
        }
        let mut desc_start = raws[k].start;
        let mut desc_end = raws[k].end;
        let mut country: Option<(usize, usize)> = None; // (raw index, country)
        let mut org: Option<(usize, usize)> = None;
        let mut next = k + 1;
        // "Kazakh President", "Iran's acting president", "the Kremlin leader", "UN Secretary-General"
        if k > 0 && !consumed[k - 1] && LEFT_GAP.is_match(gap(raws[k - 1].end, raws[k].start)) {
            let prev = &raws[k - 1];
            if let Some((c, form)) = prev.country()
                && form != CountryForm::Capital
            {
                country = Some((k - 1, c));
                desc_start = prev.start;
            } else if let Some(o) = prev.organisation()
                // "UN Secretary-General", "the NATO chief"; not "an EU leader" (a leader of a member).
                && (office == OfficeWord::SecretaryGeneral
                    || text[raws[k].start..raws[k].end].eq_ignore_ascii_case("chief"))
            {
                org = Some((k - 1, o));
                desc_start = prev.start;
            }
        }
        // "the president of China", "Secretary-General of the United Nations"
        if country.is_none()
            && org.is_none()
            && next < raws.len()
            && OF_GAP.is_match(gap(raws[k].end, raws[next].start))
        {
            let after = &raws[next];
            if let Some((c, form)) = after.country()
                && matches!(form, CountryForm::Name | CountryForm::Capital)
            {
                country = Some((next, c));
                desc_end = after.end;
                next += 1;
            } else if let Some(o) = after.organisation()
                && office == OfficeWord::SecretaryGeneral
            {
                org = Some((next, o));
                desc_end = after.end;
                next += 1;
            }
        }
        // "President of the Republic Katerina Sakellaropoulou": the formal title, then the name.
        let mut name_follows_title = false;
        if country.is_none()
            && org.is_none()
            && next < raws.len()
            && !raws[next].persons().is_empty()
            && let Some(m) = OF_REPUBLIC.find(gap(raws[k].end, raws[next].start))
        {
            desc_end = raws[k].end + m.end();
            name_follows_title = true;
        }
        let blocked = BLOCKED_QUALIFIER.is_match(gap(sentence.0, desc_start))
            || BLOCKED_QUALIFIER.is_match(gap(sentence.0.max(desc_start), raws[k].start));
        if let Some(m) = DETERMINER.find(gap(sentence.0, desc_start)) {
            desc_start = sentence.0 + m.start();
        }
        // A name right after the description: "Kazakh President Kassym-Jomart Tokayev".
        let name_gap = if desc_end > raws[k].end && !name_follows_title { &*OF_NAME_GAP } else { &*NAME_GAP };
        let named = (next < raws.len()
            && !raws[next].persons().is_empty()
            && name_gap.is_match(gap(desc_end, raws[next].start)))
        .then_some(next);
        if let Some(n) = named {
            let person = choose_person(ctx, raws[n].persons());
            consumed[k] = true;
            consumed[n] = true;
            keep_description_parts(text, sentence, raws, country, org, &mut consumed, &mut items);
            if let Some(p) = person {
                // "Deputy President Paul Mashatile", "the former President X": the qualifier
                // belongs to the words naming the person.
                let mut start = desc_start;
                if let Some(m) = BLOCKED_QUALIFIER.find(gap(sentence.0, start))
                    && !matches!(m.as_str().trim_end(), "a" | "an" | "A" | "An")
                {
                    start = sentence.0 + m.start();
                    if let Some(d) = DETERMINER.find(gap(sentence.0, start)) {
                        start = sentence.0 + d.start();
                    }
                }
                items.push(Item { start, end: raws[n].end, kind: ItemKind::Person { person: p, named: true } });
            }
            continue;
        }
        // "Indian Foreign Secretary Vikram Misri", a name the knowledge base does not know: a
        // candidate, and not a description of whoever holds the office.
        let title = &text[raws[k].start..raws[k].end];
        if let Some(c) = CANDIDATE_NAME.captures(&text[raws[k].end..sentence.1])
            && let Some(m) = c.get(1)
            && !party_title(&text[sentence.0..raws[k].start])
            && (title.starts_with(char::is_uppercase)
                || country.is_some()
                || org.is_some()
                || described_just_before(text, raws, k))
        {
            let start = raws[k].end + m.start();
            let end = raws[k].end + m.end();
            let known = raws.iter().any(|r| r.start < end && r.end > start);
            let name = strip_honorifics(m.as_str().trim_end_matches(['.', '\'', '’'])).to_string();
            if !known && !is_not_a_name(&name) {
                items.push(Item {
                    start,
                    end,
                    kind: {
                        let id: std::sync::Arc<str> = crate::kb::person_id(&name).into();
                        ItemKind::Unknown { person: ctx.unknown_person(&id), id, candidate: candidates.len() }
                    },
                });
                candidates.push(RawCandidate {
                    name,
                    title: title.to_string(),
                    start,
                    end,
                    country: country.map(|(_, c)| c),
                });
                consumed[k] = true;
                if let Some((ci, c)) = country {
                    consumed[ci] = true;
                    items.push(country_item(text, sentence, &raws[ci], c, true));
                }
                continue;
            }
        }
        // "to meet the president-elect at Mar-a-Lago".
        if !blocked
            && country.is_none()
            && org.is_none()
            && office == OfficeWord::PresidentElect
            && let Some(p) = president_elect(ctx, None)
        {
            consumed[k] = true;
            items.push(Item { start: desc_start, end: desc_end, kind: ItemKind::Person { person: p, named: false } });
            continue;
        }
        // "He was received by the crown prince", "the emir": the one person named in the
        // article who holds that royal title.
        if !blocked
            && country.is_none()
            && org.is_none()
            && matches!(
                office,
                OfficeWord::Monarch | OfficeWord::CrownPrince | OfficeWord::PrimeMinister | OfficeWord::President
            )
            && THE_BEFORE.is_match(gap(sentence.0, raws[k].start))
            && let Some(p) = titled_in_document(ctx, &text[raws[k].start..raws[k].end])
        {
            consumed[k] = true;
            items.push(Item { start: desc_start, end: desc_end, kind: ItemKind::Person { person: p, named: false } });
            continue;
        }
        if !blocked && (country.is_some() || org.is_some()) {
            let person = match (country, org) {
                (Some((_, c)), _) => {
                    let office = if starts_with_ignore_ascii_case(&text[raws[k].start..raws[k].end], "counterpart") {
                        counterpart_office(ctx, &raws[..k])
                    } else {
                        Some(office)
                    };
                    office.and_then(|office| describe(ctx, office, &ctx.kb.countries[c].iso3))
                }
                (None, Some((_, o))) => org_head(ctx, &ctx.kb.organisations[o].acronym),
                (None, None) => None,
            };
            if let Some(p) = person {
                consumed[k] = true;
                keep_description_parts(text, sentence, raws, country, org, &mut consumed, &mut items);
                items.push(Item {
                    start: desc_start,
                    end: desc_end,
                    kind: ItemKind::Person { person: p, named: false },
                });
                continue;
            }
        }
    }

    for (k, raw) in raws.iter().enumerate() {
        if consumed[k] {
            continue;
        }
        if let Some((c, _)) = raw.country() {
            items.push(country_item(text, sentence, raw, c, false));
        } else if let Some(o) = raw.organisation() {
            items.push(Item { start: raw.start, end: raw.end, kind: ItemKind::Organisation { org: o } });
        } else if let Some(p) = choose_person(ctx, raw.persons()) {
            items.push(Item { start: raw.start, end: raw.end, kind: ItemKind::Person { person: p, named: true } });
        }
    }
    items.extend(groups(ctx, text, sentence, raws));
    items.sort_by_key(|i| (i.start, std::cmp::Reverse(i.end)));
    (items, candidates)
}

/// The country or organisation inside a description ("Kazakh" in "Kazakh President ...") stays a
/// mention of its own, marked as describing the person.
fn keep_description_parts(
    text: &str,
    sentence: (usize, usize),
    raws: &[RawMention],
    country: Option<(usize, usize)>,
    org: Option<(usize, usize)>,
    consumed: &mut [bool],
    items: &mut Vec<Item>,
) {
    if let Some((ci, c)) = country {
        consumed[ci] = true;
        items.push(country_item(text, sentence, &raws[ci], c, true));
    }
    if let Some((oi, o)) = org {
        consumed[oi] = true;
        items.push(Item { start: raws[oi].start, end: raws[oi].end, kind: ItemKind::Organisation { org: o } });
    }
}

/// "ICC spokesperson", "Ukrainian foreign ministry spokesman": a state or organisation named
/// right before a lower-case office word makes it a title.
fn described_just_before(text: &str, raws: &[RawMention], k: usize) -> bool {
    k > 0
        && (raws[k - 1].country().is_some() || raws[k - 1].organisation().is_some())
        && raws[k].start - raws[k - 1].end <= 20
        && text[raws[k - 1].end..raws[k].start].chars().all(|c| c.is_lowercase() || c.is_whitespace())
}

/// "Sheikh Mansour bin Zayed" is Mansour bin Zayed.
fn strip_honorifics(name: &str) -> &str {
    // Honorifics and ranks ("spokesman Rear Admiral Daniel Hagari").
    const HONORIFICS: &[&str] = &[
        "Sheikh",
        "Sir",
        "Dame",
        "Dr",
        "Dr.",
        "Mr",
        "Mr.",
        "Mrs",
        "Mrs.",
        "Ms",
        "Ms.",
        "Prince",
        "Princess",
        "Rear",
        "Vice",
        "Admiral",
        "Adm.",
        "General",
        "Gen.",
        "Lieutenant",
        "Lt.",
        "Colonel",
        "Col.",
        "Major",
        "Maj.",
        "Brigadier",
        "Brig.",
        "Captain",
        "Capt.",
        "Commander",
        "Cmdr.",
        "Marshal",
        "Field",
        "Ambassador",
        "Judge",
        "Justice",
    ];
    let mut rest = name;
    while let Some((first, tail)) = rest.split_once(' ') {
        if !HONORIFICS.contains(&first) || !tail.contains(' ') {
            break;
        }
        rest = tail;
    }
    rest
}

fn is_not_a_name(name: &str) -> bool {
    const NOT_NAMES: &[&str] =
        &["The", "Of", "And", "In", "On", "At", "For", "Office", "Administration", "Council", "Mr", "Mrs", "Ms", "Dr"];
    name.split_whitespace().any(|w| NOT_NAMES.contains(&w.trim_end_matches('.')))
}

fn country_item(text: &str, sentence: (usize, usize), raw: &RawMention, country: usize, descriptor: bool) -> Item {
    let form = raw.country().map_or(CountryForm::Name, |(_, f)| f);
    let before = &text[sentence.0..raw.start];
    let after = &text[raw.end..sentence.1];
    let locative = form == CountryForm::City
        || form == CountryForm::Capital && (LOCATIVE_BEFORE.is_match(before) || LOCATIVE_AFTER.is_match(after));
    let place_like = match form {
        CountryForm::Name | CountryForm::Capital | CountryForm::City => true,
        CountryForm::Demonym => PLACE_NOUN.is_match(after),
        // "at the White House", "a visit to the Kremlin": the seat as a place.
        CountryForm::Seat => SEAT_AS_PLACE.is_match(before),
    };
    Item { start: raw.start, end: raw.end, kind: ItemKind::Country { country, form, locative, descriptor, place_like } }
}

/// Picks one person for a name several people share: one named in full in the document, else
/// one in office at the document's date. `None` when still ambiguous.
fn choose_person(ctx: &DocContext<'_>, candidates: &[usize]) -> Option<usize> {
    match candidates {
        [] => None,
        [one] => Some(*one),
        many => {
            let named: Vec<usize> = many.iter().copied().filter(|p| ctx.named_in_doc.contains(p)).collect();
            if named.len() == 1 {
                return Some(named[0]);
            }
            let pool = if named.is_empty() { many.to_vec() } else { named };
            let in_office: Vec<usize> =
                pool.iter().copied().filter(|&p| ctx.kb.people[p].in_office_at(ctx.date)).collect();
            (in_office.len() == 1).then(|| in_office[0])
        }
    }
}

/// The office-holder a description means at the document's date.
fn describe(ctx: &DocContext<'_>, office: OfficeWord, iso3: &str) -> Option<usize> {
    let kb = ctx.kb;
    let first = |role| kb.holders(iso3, role, ctx.date).first().copied();
    match office {
        OfficeWord::President => {
            // "President" is the head of state where the head of state is a president.
            kb.holders(iso3, Role::HeadOfState, ctx.date)
                .into_iter()
                .find(|&p| {
                    kb.people[p].offices.iter().any(|o| {
                        let title = o.title.to_lowercase();
                        o.role == Role::HeadOfState
                            && o.held_at(ctx.date)
                            && (title.contains("president") || title.contains("chairman"))
                    })
                })
                .or_else(|| first(Role::HeadOfState))
        }
        OfficeWord::PresidentElect => president_elect(ctx, Some(iso3)),
        OfficeWord::PrimeMinister => first(Role::HeadOfGovernment),
        OfficeWord::Leader => kb.leader_of(iso3, ctx.date),
        OfficeWord::Monarch => first(Role::HeadOfState),
        OfficeWord::CrownPrince => kb.people.iter().position(|p| {
            p.offices_at(ctx.date)
                .any(|o| o.country.as_deref() == Some(iso3) && o.title.to_lowercase().contains("crown prince"))
        }),
        OfficeWord::VicePresident => first(Role::VicePresident),
        OfficeWord::ForeignMinister => first(Role::ForeignMinister),
        OfficeWord::DefenceMinister => first(Role::DefenceMinister),
        OfficeWord::Spokesperson => first(Role::Spokesperson),
        OfficeWord::SecretaryGeneral => None,
    }
}

/// The one person named in the article whose office at its date has `title` in its title.
/// How long before taking office a winner is "the president-elect".
const PRESIDENT_ELECT_DAYS: i64 = 120;

/// "the president-elect", "the US president-elect": the person whose presidency (head of
/// state) begins after the article's date, within [`PRESIDENT_ELECT_DAYS`], in `country` if
/// given; the one the article names when there are several, else the only one.
fn president_elect(ctx: &DocContext<'_>, country: Option<&str>) -> Option<usize> {
    let date = ctx.date?;
    let elected: Vec<usize> = (0..ctx.kb.people.len())
        .filter(|&p| {
            ctx.kb.people[p].offices.iter().any(|o| {
                o.role == Role::HeadOfState
                    && !o.acting
                    && o.title.to_lowercase().contains("president")
                    && country.is_none_or(|c| o.country.as_deref() == Some(c))
                    && o.start.is_some_and(|s| s > date && (s - date).num_days() <= PRESIDENT_ELECT_DAYS)
            })
        })
        .collect();
    let named: Vec<usize> = elected.iter().copied().filter(|p| ctx.named_in_doc.contains(p)).collect();
    match (named.as_slice(), elected.as_slice()) {
        ([one], _) | ([], [one]) => Some(*one),
        _ => None,
    }
}

fn titled_in_document(ctx: &DocContext<'_>, title: &str) -> Option<usize> {
    let title = title.to_lowercase();
    // A royal title anywhere in the office's ("Crown Prince and Prime Minister"); "president" or
    // "prime minister" only at its head (not "Vice President").
    let royal = ["king", "emir", "sultan", "monarch", "crown prince"].iter().any(|r| title.contains(r));
    let holds = |office: &str| {
        let office = office.to_lowercase();
        if royal { office.contains(&title) } else { office.starts_with(&title) }
    };
    let mut holders = ctx
        .named_in_doc
        .iter()
        .copied()
        .filter(|&p| ctx.kb.people.get(p).is_some_and(|q| q.offices_at(ctx.date).any(|o| holds(&o.title))));
    let first = holders.next()?;
    holders.next().is_none().then_some(first)
}

/// The office "his Chinese counterpart" means: the one the nearest person named before it holds
/// (a foreign minister's counterpart is a foreign minister), the country's leader when nobody is
/// named before it; none when that person's office has no counterpart word.
fn counterpart_office(ctx: &DocContext<'_>, before: &[RawMention]) -> Option<OfficeWord> {
    let Some(raw) = before.iter().rfind(|r| !r.persons().is_empty()) else { return Some(OfficeWord::Leader) };
    let person = choose_person(ctx, raw.persons())?;
    let roles: Vec<Role> = ctx.kb.people.get(person)?.offices_at(ctx.date).map(|o| o.role).collect();
    if roles.iter().any(|r| r.leads_country()) {
        return Some(OfficeWord::Leader);
    }
    match roles.first()? {
        Role::ForeignMinister => Some(OfficeWord::ForeignMinister),
        Role::DefenceMinister => Some(OfficeWord::DefenceMinister),
        Role::VicePresident => Some(OfficeWord::VicePresident),
        Role::Spokesperson => Some(OfficeWord::Spokesperson),
        _ => None,
    }
}

fn org_head(ctx: &DocContext<'_>, acronym: &str) -> Option<usize> {
    ctx.kb.people.iter().position(|p| {
        p.offices.iter().any(|o| o.role == Role::OrgHead && o.org.as_deref() == Some(acronym) && o.held_at(ctx.date))
    })
}

/// "the leaders of Kazakhstan, Azerbaijan, Mongolia (Name) and Pakistan".
fn groups(ctx: &DocContext<'_>, text: &str, sentence: (usize, usize), raws: &[RawMention]) -> Vec<Item> {
    let mut out = Vec::new();
    if raws.iter().filter(|r| r.country().is_some()).count() < 1 {
        return out;
    }
    let s = &text[sentence.0..sentence.1];
    for whole in GROUP_HEAD.find_iter(s) {
        let lower = whole.as_str().to_lowercase();
        let word = lower.trim_start_matches("the").trim_start();
        let mut cursor = sentence.0 + whole.end();
        let mut persons = Vec::new();
        let mut end = cursor;
        let mut k = raws.partition_point(|r| r.start < cursor);
        while k < raws.len() {
            let raw = &raws[k];
            let Some((c, form)) = raw.country() else { break };
            if !matches!(form, CountryForm::Name) || !LIST_GAP.is_match(&text[cursor..raw.start]) {
                break;
            }
            // "Mongolia (Name)": the name the text gives wins over the knowledge base.
            let named = raws.get(k + 1).filter(|n| {
                !n.persons().is_empty()
                    && text[raw.end..n.start].trim() == "("
                    && text[n.end..].trim_start().starts_with(')')
            });
            let iso3 = &ctx.kb.countries[c].iso3;
            let person = match named {
                Some(n) => {
                    k += 1;
                    choose_person(ctx, n.persons())
                }
                None if word.starts_with("presidents") => describe(ctx, OfficeWord::President, iso3),
                None if word.starts_with("prime") || word.starts_with("heads of government") => {
                    describe(ctx, OfficeWord::PrimeMinister, iso3)
                }
                None if word.starts_with("foreign") => describe(ctx, OfficeWord::ForeignMinister, iso3),
                None => ctx.kb.leader_of(iso3, ctx.date),
            };
            persons.extend(person);
            cursor = raws[k].end;
            if text[cursor..].trim_start().starts_with(')') {
                cursor += text[cursor..].find(')').map_or(0, |p| p + 1);
            }
            end = cursor;
            k += 1;
        }
        persons.sort_unstable();
        persons.dedup();
        if !persons.is_empty() {
            out.push(Item { start: sentence.0 + whole.start(), end, kind: ItemKind::Group { persons } });
        }
    }
    out
}

/// Whether the title after `before` is a party's ("Conservative Leader Pierre Poilievre",
/// "opposition leader X"): not an office of state, so its holder is no candidate.
fn party_title(before: &str) -> bool {
    const PARTIES: &[&str] = &[
        "conservative",
        "labour",
        "liberal",
        "democratic",
        "republican",
        "opposition",
        "party",
        "green",
        "socialist",
        "communist",
        "nationalist",
        "progressive",
        "reform",
        "majority",
        "minority",
    ];
    let word = before.trim_end().rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    PARTIES.iter().any(|p| word.eq_ignore_ascii_case(p))
}
