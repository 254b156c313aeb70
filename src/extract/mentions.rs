//! Finding every knowledge-base name in a text in one pass (aho-corasick over folded text),
//! on word boundaries, longest match first, with case rules that keep "US" apart from "us".

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, MatchKind, StartKind};
use rustc_hash::FxHashMap;

use super::fold::{self, Folded, fold};
use crate::kb::KnowledgeBase;

/// Office words that describe a person ("the Turkish president"), matched in any case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OfficeWord {
    President,
    /// "president-elect": elected, not yet in office.
    PresidentElect,
    PrimeMinister,
    /// "leader", "chief", "counterpart": whoever leads the country.
    Leader,
    Monarch,
    /// "crown prince": whoever holds that title in the country.
    CrownPrince,
    VicePresident,
    ForeignMinister,
    DefenceMinister,
    Spokesperson,
    SecretaryGeneral,
}

const OFFICE_WORDS: &[(&str, OfficeWord)] = &[
    ("president", OfficeWord::President),
    ("president-elect", OfficeWord::PresidentElect),
    ("chairman", OfficeWord::President),
    ("prime minister", OfficeWord::PrimeMinister),
    ("premier", OfficeWord::PrimeMinister),
    ("chancellor", OfficeWord::PrimeMinister),
    ("leader", OfficeWord::Leader),
    ("chief", OfficeWord::Leader),
    ("counterpart", OfficeWord::Leader),
    ("strongman", OfficeWord::Leader),
    ("ruler", OfficeWord::Leader),
    ("head of state", OfficeWord::Leader),
    ("king", OfficeWord::Monarch),
    ("emir", OfficeWord::Monarch),
    ("sultan", OfficeWord::Monarch),
    ("monarch", OfficeWord::Monarch),
    ("crown prince", OfficeWord::CrownPrince),
    ("vice president", OfficeWord::VicePresident),
    ("vice-president", OfficeWord::VicePresident),
    ("foreign minister", OfficeWord::ForeignMinister),
    ("foreign secretary", OfficeWord::ForeignMinister),
    ("secretary of state", OfficeWord::ForeignMinister),
    ("minister of foreign affairs", OfficeWord::ForeignMinister),
    ("external affairs minister", OfficeWord::ForeignMinister),
    ("top diplomat", OfficeWord::ForeignMinister),
    ("defence minister", OfficeWord::DefenceMinister),
    ("defense minister", OfficeWord::DefenceMinister),
    ("defence secretary", OfficeWord::DefenceMinister),
    ("defense secretary", OfficeWord::DefenceMinister),
    ("secretary of defense", OfficeWord::DefenceMinister),
    ("minister of defence", OfficeWord::DefenceMinister),
    ("minister of defense", OfficeWord::DefenceMinister),
    ("spokesman", OfficeWord::Spokesperson),
    ("spokeswoman", OfficeWord::Spokesperson),
    ("spokesperson", OfficeWord::Spokesperson),
    ("press secretary", OfficeWord::Spokesperson),
    ("secretary general", OfficeWord::SecretaryGeneral),
    ("secretary-general", OfficeWord::SecretaryGeneral),
];

/// Metonyms that name a seat of government rather than a city: never read as a place.
const SEAT_WORDS: &[&str] = &[
    "kremlin",
    "white house",
    "downing street",
    "whitehall",
    "elysee",
    "zhongnanhai",
    "blue house",
    "pentagon",
    "number 10",
    "no 10",
    "quai d'orsay",
    "foggy bottom",
    "bankova",
    "knesset",
    "capitol",
];

/// Phrases that contain a country's name but do not mean the country; matched so that the
/// longer match wins and then dropped.
const NOT_ENTITIES: &[&str] = &[
    // Aircraft carriers named after presidents.
    "USS Dwight D. Eisenhower",
    "USS Harry S. Truman",
    "USS Gerald R. Ford",
    "USS Ronald Reagan",
    "USS George H.W. Bush",
    "USS George H. W. Bush",
    "USS John F. Kennedy",
    "USS Theodore Roosevelt",
    "USS Abraham Lincoln",
    "USS Carl Vinson",
    "Latin America",
    "South America",
    "North America",
    "Central America",
    "Latin American",
    "South American",
    "North American",
    "Central American",
    "Washington Post",
    "Washington Times",
    "New Mexico",
    "New Jersey",
    "Georgia State",
    "Jordan River",
    "Gulf of Mexico",
    "Indian Ocean",
    "American Samoa",
    "Turkey Point",
    "Chinese Taipei",
    "Paris Agreement",
    "Paris Climate Agreement",
    "Washington State",
    "Taiwan Strait",
    "South China Sea",
    "East China Sea",
    "Sea of Japan",
    "Korea Strait",
    "International Chamber of Commerce",
    // The US state, not the country.
    "Georgia Governor",
    "Governor of Georgia",
    "Georgia Republican",
    "Georgia Republicans",
    "Georgia Democrat",
    "Georgia Democrats",
    "University of Georgia",
    "Georgia Tech",
    "state of Georgia",
    // A mediation format, not Belarus.
    "Minsk Group",
    // Not the Commonwealth of Nations.
    "Foreign, Commonwealth and Development Office",
    "Foreign and Commonwealth Office",
    "Commonwealth Games",
    "Commonwealth Bank",
    "Commonwealth Fund",
    "Commonwealth War Graves",
    "Commonwealth of Virginia",
    "Commonwealth of Massachusetts",
    "Commonwealth of Pennsylvania",
    "Commonwealth of Kentucky",
    "Commonwealth of Puerto Rico",
    "Commonwealth of the Northern Mariana Islands",
    // Languages, not states.
    "Portuguese-speaking",
    "Spanish-speaking",
    "French-speaking",
    "English-speaking",
    "Arabic-speaking",
    "Russian-speaking",
    "German-speaking",
    "Chinese-speaking",
    "Persian-speaking",
];

/// How a country is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CountryForm {
    Name,
    Demonym,
    /// A capital or other city standing for the state: a place after "in", "to", ...
    Capital,
    /// A seat of government ("the Kremlin"): always the state.
    Seat,
    /// Another city ("Shanghai", "Osaka"): only ever a place in the country.
    City,
}

/// What a matched name refers to.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    Country(usize, CountryForm),
    Organisation(usize),
    Person(usize),
    Office(OfficeWord),
    /// A phrase that looks like a name but is none of ours ("Latin America").
    Nothing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CaseRule {
    /// All-capital aliases ("US", "NATO") match only in capitals.
    Capitals,
    /// Short names ("Xi") match only as written.
    Exact,
    /// Names match when their first letter is a capital (or the whole match is in capitals).
    Capitalised,
    /// Office words match in any case.
    Any,
}

struct Pattern {
    original: String,
    rule: CaseRule,
    targets: Vec<Target>,
    /// The people among `targets`, in order.
    persons: Vec<usize>,
}

/// A name found in a text: byte range in the original text and every entity it may refer to
/// (borrowed from the [`Matcher`] that found it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention<'m> {
    pub start: usize,
    pub end: usize,
    pub targets: &'m [Target],
    persons: &'m [usize],
}

impl<'m> RawMention<'m> {
    pub fn country(&self) -> Option<(usize, CountryForm)> {
        self.targets.iter().find_map(|t| match t {
            Target::Country(c, f) => Some((*c, *f)),
            _ => None,
        })
    }

    pub fn organisation(&self) -> Option<usize> {
        self.targets.iter().find_map(|t| match t {
            Target::Organisation(o) => Some(*o),
            _ => None,
        })
    }

    pub fn office(&self) -> Option<OfficeWord> {
        self.targets.iter().find_map(|t| match t {
            Target::Office(o) => Some(*o),
            _ => None,
        })
    }

    /// The people the name may refer to, in the order of `targets`.
    pub fn persons(&self) -> &'m [usize] {
        self.persons
    }
}

/// The compiled matcher for one knowledge base.
pub struct Matcher {
    /// Names, matched in folded text (lower case, no accents) only where a capitalised word
    /// starts: every name starts with a capital, and most words do not.
    names: Trie,
    /// Pattern index of each `names` pattern.
    names_ids: Vec<usize>,
    /// All-capital names (`US`, `NATO`), matched as written in the original text, also only at
    /// capitalised word starts.
    capitals: Trie,
    capitals_ids: Vec<usize>,
    /// Office words ("president", "prime minister"), matched anywhere in any case.
    offices: AhoCorasick,
    offices_ids: Vec<usize>,
    patterns: Vec<Pattern>,
    /// `[Target::Person(i)]` and `[i]` at `i`, for second mentions by family name.
    person_targets: Vec<Target>,
    person_numbers: Vec<usize>,
    /// Each person's family name, when it may stand alone (see [`Matcher::with_family_names`]).
    family_names: Vec<Option<String>>,
}

impl Matcher {
    pub fn new(kb: &KnowledgeBase) -> Self {
        let mut by_folded: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut add = |name: &str, target: Target, any_case: bool| {
            let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name).trim();
            let folded = fold(name);
            if folded.trim().is_empty() {
                return;
            }
            let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
            let rule = if any_case {
                CaseRule::Any
            } else if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
                CaseRule::Capitals
            } else if letters.len() <= 3 {
                CaseRule::Exact
            } else {
                CaseRule::Capitalised
            };
            // All-capital names are matched as written, the rest folded: "QUAD" and "Quad" are two
            // patterns, each with its own case rule.
            let key = if rule == CaseRule::Capitals { name.to_string() } else { folded };
            let i = *by_folded.entry(key).or_insert_with(|| {
                patterns.push(Pattern { original: name.to_string(), rule, targets: Vec::new(), persons: Vec::new() });
                patterns.len() - 1
            });
            let pattern = &mut patterns[i];
            // A stricter rule wins when two spellings fold alike ("Xi" and "XI" would).
            if rule != CaseRule::Capitals && rule_rank(rule) > rule_rank(pattern.rule) {
                pattern.rule = rule;
                pattern.original = name.to_string();
            }
            if !pattern.targets.contains(&target) {
                pattern.targets.push(target);
            }
        };
        for (i, c) in kb.countries.iter().enumerate() {
            for name in std::iter::once(&c.name).chain(&c.aliases) {
                add(name, Target::Country(i, CountryForm::Name), false);
            }
            for d in &c.demonyms {
                add(d, Target::Country(i, CountryForm::Demonym), false);
            }
            for m in c.metonyms.iter().chain(&c.capital) {
                let folded = fold(m);
                let form = if SEAT_WORDS.iter().any(|s| folded.contains(s)) {
                    CountryForm::Seat
                } else {
                    CountryForm::Capital
                };
                add(m, Target::Country(i, form), false);
            }
            for city in &c.cities {
                add(city, Target::Country(i, CountryForm::City), false);
            }
        }
        for (i, o) in kb.organisations.iter().enumerate() {
            for name in [&o.acronym, &o.name].into_iter().chain(&o.aliases) {
                add(name, Target::Organisation(i), false);
            }
        }
        for (i, p) in kb.people.iter().enumerate() {
            for name in std::iter::once(&p.name).chain(&p.aliases) {
                add(name, Target::Person(i), false);
            }
        }
        for phrase in NOT_ENTITIES {
            add(phrase, Target::Nothing, false);
        }
        for (word, office) in OFFICE_WORDS {
            add(word, Target::Office(*office), true);
        }
        // Abbreviations, only in capitals ("PM", never "pm").
        add("PM", Target::Office(OfficeWord::PrimeMinister), false);
        for p in &mut patterns {
            p.targets.sort_by_key(target_rank);
            p.persons = p
                .targets
                .iter()
                .filter_map(|t| match t {
                    Target::Person(i) => Some(*i),
                    _ => None,
                })
                .collect();
        }
        let ids_with =
            |rule: fn(CaseRule) -> bool| (0..patterns.len()).filter(|&i| rule(patterns[i].rule)).collect::<Vec<_>>();
        let capitals_ids = ids_with(|r| r == CaseRule::Capitals);
        let offices_ids = ids_with(|r| r == CaseRule::Any);
        let names_ids = ids_with(|r| matches!(r, CaseRule::Exact | CaseRule::Capitalised));
        let names = Trie::new(names_ids.iter().map(|&i| fold(&patterns[i].original)).collect());
        let capitals = Trie::new(capitals_ids.iter().map(|&i| patterns[i].original.clone()).collect());
        let offices = automaton(offices_ids.iter().map(|&i| fold(&patterns[i].original)), StartKind::Unanchored);
        Self {
            names,
            names_ids,
            capitals,
            capitals_ids,
            offices,
            offices_ids,
            patterns,
            person_targets: (0..kb.people.len()).map(Target::Person).collect(),
            person_numbers: (0..kb.people.len()).collect(),
            family_names: kb.people.iter().map(family_name).collect(),
        }
    }

    /// Every accepted mention in `text`, in order: leftmost-longest matches that pass the word
    /// boundary and case rules.
    pub fn find(&self, text: &str) -> Vec<RawMention<'_>> {
        let folded = Folded::new(text);
        let haystack = folded.text.as_bytes();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        let mut accept = |start: usize, end: usize, p: usize| {
            if at_boundaries(text, start, end) && case_ok(&self.patterns[p], &text[start..end]) {
                found.push((start, end, p));
            }
        };
        let bytes = text.as_bytes();
        // Only where a capital letter stands can a name start.
        folded.for_each_capital(text, |i, original| {
            if let Some((pattern, end)) = self.names.longest_at(haystack, i, bytes, original) {
                let (start, end) = folded.original_range(text, i, end);
                accept(start, end, self.names_ids[pattern]);
            }
            if let Some((pattern, end)) = self.capitals.longest_at(bytes, original, bytes, original) {
                accept(original, end, self.capitals_ids[pattern]);
            }
        });
        for m in self.offices.find_iter(haystack) {
            let (start, end) = folded.original_range(text, m.start(), m.end());
            accept(start, end, self.offices_ids[m.pattern().as_usize()]);
        }
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<RawMention> = Vec::with_capacity(found.len());
        let mut covered = 0;
        for (start, end, p) in found {
            if start < covered {
                // "President Xi Jinping": an alias with a title ("President Xi") and the full
                // name of the same person inside it make one mention.
                if let Some(last) = out.last_mut()
                    && end > last.end
                    && !last.persons.is_empty()
                    && self.patterns[p].persons == last.persons
                {
                    last.end = end;
                    covered = end;
                }
                continue;
            }
            covered = end;
            let pattern = &self.patterns[p];
            if pattern.targets.iter().all(|t| *t == Target::Nothing) {
                continue;
            }
            // "Kim Il Sung Square", "Nelson Mandela Bridge": a place named after a person.
            if !pattern.persons.is_empty() && named_after(&text[end..]) {
                continue;
            }
            out.push(RawMention { start, end, targets: &pattern.targets, persons: &pattern.persons });
        }
        out
    }
}

/// Whether `after` (the text after a person's name) makes the name part of a place's or an
/// institution's.
fn named_after(after: &str) -> bool {
    const NOUNS: &[&str] = &[
        "Square",
        "Stadium",
        "University",
        "Airport",
        "International",
        "Street",
        "Avenue",
        "Boulevard",
        "Bridge",
        "Prize",
        "Foundation",
        "Library",
        "Center",
        "Centre",
        "Hall",
        "Mausoleum",
        "Memorial",
        "Institute",
        "School",
        "Road",
        "Park",
        "Museum",
        // "Blair House", "Lancaster House", "the Truman Doctrine"
        "House",
        "Palace",
        "Hotel",
        "Tower",
        "Building",
        "Doctrine",
    ];
    let Some(rest) = after.strip_prefix(' ') else { return false };
    let word = rest.split(|c: char| !c.is_alphanumeric()).next().unwrap_or_default();
    NOUNS.contains(&word)
}

/// Countries whose people's names put the family name first ("Wang Yi" is "Wang" on second
/// mention, "Xi Jinping" is "Xi").
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "KOR", "PRK", "VNM", "KHM", "MMR", "HKG", "MAC"];

impl Matcher {
    /// Second mentions by family name: people named in full in `text` ("Wang Yi", "Vikram
    /// Misri" if known) are also found by their family name alone ("Wang") in the same text,
    /// even where that name alone is too common to be an alias everywhere. Returns `raws` with
    /// those mentions added, in order. A family name two people of the text share ("Kim" for
    /// Kim Jong Un and his late father Kim Jong Il) goes to the one of them `in_office` says
    /// holds office at the text's date, when there is exactly one.
    pub fn with_family_names<'m>(
        &'m self,
        text: &str,
        mut raws: Vec<RawMention<'m>>,
        in_office: impl Fn(usize) -> bool,
    ) -> Vec<RawMention<'m>> {
        let mut short: Vec<(&str, usize)> = Vec::new();
        for raw in &raws {
            let &[person] = raw.persons() else { continue };
            if !text[raw.start..raw.end].contains(' ') {
                continue;
            }
            let Some(family) = self.family_names[person].as_deref() else { continue };
            if !short.iter().any(|&(f, q)| f == family && q == person) {
                short.push((family, person));
            }
        }
        // A family name two people of this text share says nothing, unless only one of them
        // is in office.
        let shared = |f: &str| short.iter().filter(|(g, _)| *g == f).count() > 1;
        let in_office_sharing = |f: &str| short.iter().filter(|(g, q)| *g == f && in_office(*q)).count();
        let stands_for = |f: &str, p: usize| !shared(f) || (in_office(p) && in_office_sharing(f) == 1);
        let families: Vec<(&str, usize)> = short.iter().copied().filter(|&(f, p)| stands_for(f, p)).collect();
        let mut added = Vec::new();
        let mut found_at = |start: usize, family: &str, person: usize| {
            let end = start + family.len();
            // `raws` do not overlap and are in order, so their ends are in order too.
            let next = raws.partition_point(|r| r.end <= start);
            let covered = raws.get(next).is_some_and(|r| r.start < end);
            // "Mao Zedong" is not Mao Ning: a family name alone is not the head of another name.
            let another_name = text[end..].strip_prefix(' ').is_some_and(|rest| {
                let mut chars = rest.chars();
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
            });
            if !covered && !another_name && at_boundaries(text, start, end) {
                added.push(RawMention {
                    start,
                    end,
                    targets: &self.person_targets[person..=person],
                    persons: &self.person_numbers[person..=person],
                });
            }
        };
        // Family names start with a capital: those with an ASCII one are looked for at the
        // text's ASCII capitals, in one scan for all of them; the others one by one.
        let mut by_initial: [smallvec::SmallVec<[usize; 2]>; 26] = Default::default();
        for (k, &(family, person)) in families.iter().enumerate() {
            match family.as_bytes().first() {
                Some(&b) if b.is_ascii_uppercase() => by_initial[usize::from(b - b'A')].push(k),
                _ => {
                    for start in memchr::memmem::find_iter(text.as_bytes(), family.as_bytes()) {
                        found_at(start, family, person);
                    }
                }
            }
        }
        if by_initial.iter().any(|k| !k.is_empty()) {
            let bytes = text.as_bytes();
            fold::each_ascii_capital(bytes, |start| {
                for &k in &by_initial[usize::from(bytes[start] - b'A')] {
                    let (family, person) = families[k];
                    if bytes[start..].starts_with(family.as_bytes()) {
                        found_at(start, family, person);
                    }
                }
            });
        }
        if !added.is_empty() {
            raws.extend(added);
            raws.sort_by_key(|r| r.start);
            raws.dedup_by_key(|r| r.start);
        }
        raws
    }
}

/// A person's family name ("Wang" for "Wang Yi", "Misri" for "Vikram Misri"), when it is long
/// enough and capitalised.
fn family_name(p: &crate::kb::Person) -> Option<String> {
    let words: Vec<&str> = p.name.split_whitespace().collect();
    let family_first = p.country_at(None).is_some_and(|c| FAMILY_NAME_FIRST.contains(&c));
    let family = if family_first { words.first() } else { words.last() }?;
    let family = family.trim_start_matches("al-").trim_start_matches("el-");
    (family.chars().count() >= 2 && family.starts_with(char::is_uppercase)).then(|| family.to_string())
}

/// Names searched at one position at a time, only where the first bytes may start a name.
/// Where the text has a plain ASCII word, the candidates are the names whose first word it is
/// (one hash lookup, then a comparison of bytes); elsewhere an anchored automaton is walked.
/// Walking the automaton at every capital was a cache miss a byte: a DFA of the knowledge
/// base's ~5,600 names takes 12 MB, and even the packed NFA's states are spread over a megabyte.
struct Trie {
    /// Anchored search only: no failure transitions are followed.
    nfa: aho_corasick::nfa::contiguous::NFA,
    /// Which first bytes a pattern may start with, so that most capitals ("The", "In") are
    /// passed over at once.
    starts: StartFilter,
    /// By first word (its ASCII letters and digits): the patterns, longest first.
    by_first_word: FxHashMap<Box<[u8]>, Box<[u32]>>,
    patterns: Vec<Box<[u8]>>,
}

impl Trie {
    fn new(patterns: Vec<String>) -> Self {
        let nfa = aho_corasick::nfa::contiguous::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(&patterns)
            .unwrap_or_else(|e| unreachable!("aho-corasick cannot fail on plain patterns: {e}"));
        let starts = StartFilter::new(patterns.iter().map(String::as_bytes));
        let mut by_word: FxHashMap<Box<[u8]>, Vec<u32>> = FxHashMap::default();
        for (k, p) in patterns.iter().enumerate() {
            let word = &p.as_bytes()[..word_len(p.as_bytes())];
            if !word.is_empty() {
                by_word.entry(word.into()).or_default().push(u32::try_from(k).unwrap_or(u32::MAX));
            }
        }
        let by_first_word = by_word
            .into_iter()
            .map(|(word, mut list)| {
                list.sort_by_key(|&k| std::cmp::Reverse(patterns[k as usize].len()));
                (word, list.into_boxed_slice())
            })
            .collect();
        let patterns = patterns.into_iter().map(|p| p.into_bytes().into_boxed_slice()).collect();
        Self { nfa, starts, by_first_word, patterns }
    }

    /// The longest pattern that starts at `at` in `haystack` (the text, or its folding): its
    /// index and where it ends. `original[o..]` is the same place in the text as written.
    fn longest_at(&self, haystack: &[u8], at: usize, original: &[u8], o: usize) -> Option<(usize, usize)> {
        if !self.starts.may_start_at(haystack, at) {
            return None;
        }
        let len = word_len(&original[o..]);
        // A plain ASCII word, followed by ASCII or nothing, folds byte for byte: a pattern that
        // ends inside it is followed by a letter or digit, and the word-boundary rule turns it
        // down anyway, so only the patterns that start with the whole word can match.
        if len > 0 && original.get(o + len).is_none_or(u8::is_ascii) {
            let candidates = self.by_first_word.get(&haystack[at..at + len])?;
            let rest = &haystack[at..];
            return (candidates.iter())
                .find(|&&k| rest.starts_with(&self.patterns[k as usize]))
                .map(|&k| (k as usize, at + self.patterns[k as usize].len()));
        }
        longest_at(&self.nfa, haystack, at)
    }
}

/// How many ASCII letters and digits `bytes` starts with.
fn word_len(bytes: &[u8]) -> usize {
    bytes.iter().position(|b| !b.is_ascii_alphanumeric()).unwrap_or(bytes.len())
}

/// A filter on the first bytes of a set of patterns: exact for patterns of one or two bytes,
/// by a hash of the first three bytes for longer ones. It never says no where a pattern starts.
struct StartFilter {
    one: [bool; 256],
    two: Box<[u64]>,
    three: Box<[u64]>,
}

const FILTER_BITS: usize = 1 << 16;

impl StartFilter {
    fn new<'p>(patterns: impl IntoIterator<Item = &'p [u8]>) -> Self {
        let mut filter = Self {
            one: [false; 256],
            two: vec![0; FILTER_BITS / 64].into_boxed_slice(),
            three: vec![0; FILTER_BITS / 64].into_boxed_slice(),
        };
        for p in patterns {
            match *p {
                [] => filter.one = [true; 256],
                [a] => filter.one[usize::from(a)] = true,
                [a, b] => set_bit(&mut filter.two, pair(a, b)),
                [a, b, c, ..] => set_bit(&mut filter.three, triple(a, b, c)),
            }
        }
        filter
    }

    #[inline]
    fn may_start_at(&self, haystack: &[u8], at: usize) -> bool {
        match haystack.get(at..) {
            Some([a, b, c, ..]) => {
                self.one[usize::from(*a)] || bit(&self.two, pair(*a, *b)) || bit(&self.three, triple(*a, *b, *c))
            }
            Some([a, b]) => self.one[usize::from(*a)] || bit(&self.two, pair(*a, *b)),
            Some([a]) => self.one[usize::from(*a)],
            _ => false,
        }
    }
}

fn pair(a: u8, b: u8) -> usize {
    usize::from(a) << 8 | usize::from(b)
}

fn triple(a: u8, b: u8, c: u8) -> usize {
    let h = (u32::from(a) << 16 | u32::from(b) << 8 | u32::from(c)).wrapping_mul(0x9E37_79B1);
    (h >> 16) as usize
}

fn set_bit(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

#[inline]
fn bit(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

/// An anchored leftmost-longest search, as `AhoCorasick::find` with `Anchored::Yes` does it,
/// without the set-up of a general search (this runs at every capital letter).
#[inline]
fn longest_at<A: Automaton>(aut: &A, haystack: &[u8], at: usize) -> Option<(usize, usize)> {
    let mut sid = aut.start_state(Anchored::Yes).ok()?;
    let mut found = None;
    if aut.is_match(sid) {
        found = Some((aut.match_pattern(sid, 0).as_usize(), at));
    }
    for (k, &b) in haystack.get(at..)?.iter().enumerate() {
        sid = aut.next_state(Anchored::Yes, sid, b);
        if aut.is_special(sid) {
            if aut.is_dead(sid) {
                break;
            }
            if aut.is_match(sid) {
                let pattern = aut.match_pattern(sid, 0);
                let end = at + k + 1;
                // Matches copied along failure links start later: not ours.
                if end - aut.pattern_len(pattern) == at {
                    found = Some((pattern.as_usize(), end));
                }
            }
        }
    }
    found
}

fn automaton(patterns: impl IntoIterator<Item = String>, start: StartKind) -> AhoCorasick {
    let patterns: Vec<String> = patterns.into_iter().collect();
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(start)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
        .or_else(|_| AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).start_kind(start).build(&patterns))
        .unwrap_or_else(|e| unreachable!("aho-corasick cannot fail on plain patterns: {e}"))
}

fn rule_rank(rule: CaseRule) -> u8 {
    match rule {
        CaseRule::Any => 0,
        CaseRule::Capitalised => 1,
        CaseRule::Exact => 2,
        CaseRule::Capitals => 3,
    }
}

/// Countries before organisations before people before office words.
fn target_rank(t: &Target) -> u8 {
    match t {
        Target::Country(_, CountryForm::Name) => 0,
        Target::Organisation(_) => 1,
        Target::Person(_) => 2,
        Target::Country(_, CountryForm::Seat) => 3,
        Target::Country(_, CountryForm::Demonym) => 4,
        Target::Country(_, CountryForm::Capital) => 5,
        Target::Country(_, CountryForm::City) => 6,
        Target::Office(_) => 6,
        Target::Nothing => 7,
    }
}

/// A match must start and end at word boundaries; a capital glued to a lower-case letter
/// ("betweenRussia", scraped text that lost a space) still starts a word.
fn at_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let first = text[start..].chars().next();
    let after = text[end..].chars().next();
    let start_ok = match before {
        None => true,
        Some(b) if !b.is_alphanumeric() => true,
        Some(b) => b.is_lowercase() && first.is_some_and(char::is_uppercase),
    };
    let last = text[..end].chars().next_back();
    let end_ok = match after {
        None => true,
        Some(a) => !a.is_alphanumeric() || last.is_some_and(|l| !l.is_alphanumeric()),
    };
    start_ok && end_ok
}

fn case_ok(pattern: &Pattern, matched: &str) -> bool {
    let letters = || matched.chars().filter(|c| c.is_alphabetic());
    match pattern.rule {
        CaseRule::Any => true,
        CaseRule::Capitals => letters().all(char::is_uppercase),
        CaseRule::Exact => {
            let want = pattern.original.chars().filter(|c| c.is_alphabetic());
            letters().zip(want).all(|(a, b)| a.is_uppercase() == b.is_uppercase())
        }
        CaseRule::Capitalised => letters().next().is_some_and(char::is_uppercase),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_named_after_a_person_is_not_the_person() {
        assert!(named_after(" Square, attended by"));
        assert!(named_after(" International Airport"));
        assert!(!named_after(" said on Monday"));
        assert!(!named_after(", the Squareness"));
    }

    fn kb() -> KnowledgeBase {
        KnowledgeBase::from_sources([(
            "t.toml".to_string(),
            r#"
[[country]]
iso3 = "USA"
name = "United States"
aliases = ["US", "U.S.", "America"]
demonyms = ["American"]
metonyms = ["Washington", "the White House"]
[[country]]
iso3 = "TUR"
name = "Turkey"
aliases = ["Türkiye"]
demonyms = ["Turkish"]
[[country]]
iso3 = "KOR"
name = "South Korea"
[[country]]
iso3 = "RUS"
name = "Russia"
demonyms = ["Russian"]
[[person]]
name = "Xi Jinping"
aliases = ["Xi"]
offices = [{ role = "head_of_state", country = "USA" }]
[[person]]
name = "Recep Tayyip Erdoğan"
aliases = ["Erdogan"]
offices = [{ role = "head_of_state", country = "TUR" }]
"#
            .to_string(),
        )])
        .unwrap()
    }

    fn names(text: &str) -> Vec<&str> {
        let m = Matcher::new(&kb());
        m.find(text).into_iter().map(|r| &text[r.start..r.end]).collect::<Vec<_>>().leak().to_vec()
    }

    #[test]
    fn case_rules_keep_us_apart_from_us() {
        assert_eq!(names("Let us talk about the US and the U.S. economy"), vec!["US", "U.S."]);
        assert_eq!(names("Xi met him; XI is a number; xi is not"), vec!["Xi"]);
        assert_eq!(names("the turkey was Turkish"), vec!["Turkish"]);
    }

    #[test]
    fn accents_longest_and_boundaries() {
        assert_eq!(names("Erdoğan and Erdogan in Türkiye"), vec!["Erdoğan", "Erdogan", "Türkiye"]);
        assert_eq!(names("Xi Jinping visited South Korea"), vec!["Xi Jinping", "South Korea"]);
        assert_eq!(names("Turkeys and Russians"), Vec::<&str>::new());
        assert_eq!(names("talks betweenRussia and Turkey"), vec!["Russia", "Turkey"]);
        assert_eq!(names("the White House said"), vec!["White House"]);
        assert_eq!(names("trade with Latin America and the U.S."), vec!["U.S."]);
    }

    #[test]
    fn office_words_match_in_any_case() {
        let m = Matcher::new(&kb());
        let found = m.find("Turkish President Erdogan and the Russian president");
        let offices: Vec<_> = found.iter().filter_map(RawMention::office).collect();
        assert_eq!(offices, vec![OfficeWord::President, OfficeWord::President]);
    }

    // The word index finds what walking the automaton finds, wherever the match ends at a word
    // boundary (the only matches the matcher keeps).
    proptest::proptest! {
        #[test]
        fn word_index_agrees_with_the_automaton(parts in proptest::collection::vec(0usize..15, 1..12)) {
            const PIECES: [&str; 15] = [
                "Iran", "Iranian", "ian", "New York", "New Yorker", "s", " ", ", ", "-", "Kim Jong", "Un", "U.S.", "A",
                "Xi Jinping", "York",
            ];
            let text: String = parts.iter().map(|&k| PIECES[k]).collect();
            let patterns = ["iran", "iranian", "new york", "new yorker", "kim jong un", "u.s.", "u.s.a", "xi", "xi jinping", "york"];
            let trie = Trie::new(patterns.iter().map(|p| (*p).to_string()).collect());
            let folded = fold(&text);
            let (haystack, original) = (folded.as_bytes(), text.as_bytes());
            for at in (0..text.len()).filter(|&i| original[i].is_ascii_uppercase()) {
                let kept = |m: Option<(usize, usize)>| m.filter(|&(_, end)| at_boundaries(&text, at, end));
                proptest::prop_assert_eq!(
                    kept(trie.longest_at(haystack, at, original, at)),
                    kept(longest_at(&trie.nfa, haystack, at)),
                    "{} at {}", text, at
                );
            }
        }
    }
}
