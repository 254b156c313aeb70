//! Meetings and visits in one sentence: who met whom (held or planned), read from trigger
//! phrases ("met with", "held talks", "a meeting between", "will visit", "arrived in"), their
//! subject (a person, a coordinated group, a pronoun) and their objects (lists are stars, not
//! cliques). Speculation and negation ("could use the meeting to", "denied") are not meetings.

use std::sync::LazyLock;

use regex::Regex;

use super::{re, starts_with_ignore_ascii_case};

use super::mentions::CountryForm;
use super::resolve::{DocContext, Item, ItemKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Held,
    Planned,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Held => "held",
            Self::Planned => "planned",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Participant {
    Person(usize),
    Country(usize),
}

/// One meeting (or visit: person and country) read from a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFact {
    pub a: Participant,
    pub b: Participant,
    pub status: Status,
    /// Byte ranges (in the document) of the text naming `a` and `b`.
    pub spans: [(usize, usize); 2],
}

/// What the previous sentences leave for pronouns to point at.
#[derive(Debug, Default, Clone)]
pub struct Memory {
    /// Who "he" or "she" most likely is: the subject of the last meeting read, else the first
    /// person named in the last sentence that named people.
    pub last_subject: Option<(usize, (usize, usize))>,
    /// The subject of the last meeting or visit read (for "welcomed him").
    last_meeting_subject: Option<(usize, (usize, usize))>,
    /// The subject of a meeting read earlier in the current sentence.
    sentence_subject: Option<(usize, (usize, usize))>,
    pub last_group: Vec<(usize, (usize, usize))>,
    /// The two people of the last meeting read (for "the two leaders" after a sentence that
    /// named more people).
    last_pair: Vec<(usize, (usize, usize))>,
    /// Everyone of the last sentence that told of a meeting of people (for "their meeting"
    /// after a sentence that named others).
    last_met: Vec<Who>,
    /// The people named last, most recent last, each with whether they lead a state (for "the
    /// two leaders" after sentences that named them one at a time).
    recent: Vec<(Who, bool)>,
    /// How often each person has been named so far in the article.
    mentions: rustc_hash::FxHashMap<usize, u32>,
}

impl Memory {
    /// Who "he" or "she" is: the last subject; but in a sequence of moves ("then", "later"),
    /// the last meeting's subject when that is someone else named more often in the article
    /// ("Mr Wang began the tour in Namibia, where he met Mbumba. Mbumba took office last
    /// February. He then travelled to Congo": Wang, the article's traveller).
    fn he_or_she(&self, sequence: bool) -> Option<Who> {
        let count = |w: Who| self.mentions.get(&w.0).copied().unwrap_or(0);
        match (self.last_subject, self.last_meeting_subject) {
            (Some(last), Some(meeting)) if sequence && last.0 != meeting.0 && count(meeting) > count(last) => {
                Some(meeting)
            }
            (last, _) => last,
        }
    }

    /// Whether earlier sentences left someone for a pronoun to point at.
    fn remembers_someone(&self) -> bool {
        !self.last_group.is_empty() || self.last_subject.is_some()
    }

    /// The people "the two leaders" (n = 2), "the three" ... or an uncounted "they" point back
    /// to. "Leaders" and "presidents" are the last n leaders of states named (one sentence may
    /// have named each); otherwise the last group named, if it has that many; else, for "the
    /// two", the last pair met.
    fn group(&self, words: &str) -> Vec<Who> {
        let Some(n) = counted(words) else { return self.last_group.clone() };
        let lower = words.to_ascii_lowercase();
        if ["leaders", "presidents", "heads of state", "prime ministers"].iter().any(|w| lower.contains(w)) {
            let heads: Vec<Who> = self.recent.iter().filter(|(_, head)| *head).map(|(w, _)| *w).collect();
            if heads.len() >= n {
                return heads[heads.len() - n..].to_vec();
            }
        }
        if self.last_group.len() == n {
            return self.last_group.clone();
        }
        if n == 2 { self.last_pair.clone() } else { Vec::new() }
    }
}

/// How many people a group word counts: "the two leaders", "both men", "the four".
fn counted(words: &str) -> Option<usize> {
    let lower = words.to_ascii_lowercase();
    [("two", 2), ("both", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6)]
        .into_iter()
        .find(|(w, _)| lower.split(|c: char| !c.is_ascii_alphabetic()).any(|x| x == *w))
        .map(|(_, n)| n)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// "a meeting between X and Y"
    Between,
    /// "met with", "talks with", "held talks", "will meet"
    Meet,
    /// "told", "received", "hosted": the object follows at once
    Direct,
    /// "visited", "arrived in", "trip to"
    Visit,
    /// "their meeting", "the two leaders' talks"
    Their,
    /// "X and Y signed": only a coordinated subject right before the verb meets
    Jointly,
}

struct Trigger {
    start: usize,
    end: usize,
    kind: Kind,
    /// Where the sentence's next trigger starts: the objects of this one come before it ("met Xi
    /// before flying to Washington, leaving Sullivan ...").
    next: usize,
}

static TRIGGERS: LazyLock<Vec<(Regex, Kind)>> = LazyLock::new(|| {
    vec![
        (
            re(
                r"(?i)\b(?:(?:meeting|meetings|talks|summit|encounter|call|conversation|negotiations)\s+between|in the presence of)\b",
            ),
            Kind::Between,
        ),
        (
            re(
                r"(?i)\b(?:their|the two leaders'?|both leaders'?)\s+(?:[a-z-]+\s+){0,3}?(?:meeting|talks|summit|encounter)\b",
            ),
            Kind::Their,
        ),
        (
            re(
                r"(?i)\b(?:(?:meeting|meetings|talks|phone calls?|calls?|conversations?|encounter|bilateral|negotiations|summit|(?:news|press) conference|audiences?)\s+(?:[^,;.]{1,40}?\s+)??with|(?:phone|telephone) call\s+(?:[^,;.]{1,20}?\s+)??from)\b",
            ),
            Kind::Meet,
        ),
        (
            re(
                r"(?i)\b(?:meet|meets|met|(?:forward to|looking forward to) meeting)\b(?:\s+(?:again|separately|privately|briefly|personally|in person|face to face))?(?:\s+with\b)?",
            ),
            Kind::Meet,
        ),
        (
            re(
                r"(?i)\b(?:hold|holds|held|holding|had|have|has)\s+(?:a\s+|an\s+)?(?:[a-z-]+\s+){0,5}?(?:talks|meeting|meetings|phone calls?|calls?|conversations?|(?:news|press) conference|dinner|lunch|breakfast|luncheon)\b(?:\s+with\b)?",
            ),
            Kind::Meet,
        ),
        (
            re(
                r"(?i)\b(?:(?:talked|talks|spoke|speaks|talk|speak|spoken)\s+(?:(?:(?:separately|also|briefly|later|first)\s+)?(?:by\s+(?:tele)?phone|on\s+the\s+phone)\b(?:\s+with\b)?|(?:(?:late|early|earlier|again)\s+)?(?:on\s+\w+\s+)?with\b)|(?:talked|spoke|speaks|spoken|speaking|talking)\s+(?:(?:separately|again|directly|briefly|also|later|first)\s+)?to\b|(?:signed|signs|signing|to\s+sign)\s+[^,;.]{1,60}?\s+with\b|(?:tour|tours|toured|touring)\s+(?:the\s+)?(?-i:[a-z])[^,;.]{0,40}?\s+with\b|(?:(?:will|would|to|shall)\s+(?:also\s+)?)?(?:hosted|hosts|hosting|host|gave|gives|give|threw|throws|throw|offered|offers|offer)\s+(?:a|an)\s+(?:[a-z-]+\s+){0,2}?(?:luncheon|lunch|dinner|banquet|reception|breakfast)\s+(?:in\s+honou?r\s+of|in|for|honou?ring)\b|(?:handed|hands|handing|presented|presents|presenting)\s+(?:over\s+)?(?:[^,;.]{0,40}?\s+)?(?:letter|message|instruments?|credentials|invitation)\b[^,;.]{0,60}?\s+to\b)",
            ),
            Kind::Meet,
        ),
        (
            re(
                r"\b(?:received|receives|hosted|hosts|(?:will|would|to|shall)\s+(?:also\s+|then\s+)?(?:receive|host|welcome|join|greet|brief)|welcomed|welcomes|told|tells|joined|joins|greeted|greets|briefed|briefs|phoned|telephoned|shook hands with|guests? of|called on|calls on|calling on|(?:sat|sit|sits|sitting) down\s+(?:[^,;.]{1,40}?\s+)??with|called)\b|,\s+meeting\b",
            ),
            Kind::Direct,
        ),
        (
            re(
                r"(?i)\b(?:visit|visits|visited|visiting|trip to|trips to|(?:travel|travels|travelled|traveled|travelling|traveling|flew|flies|fly|flying|flown|head|heads|headed|heading|returns|returned|returning|went|goes)\s+(?:(?:on|later|earlier|early|late|this|next|last|then|also|straight|directly|on to|onward|onwards|instead|back|again|first|together|by)\s+(?:\w+\s+)?){0,2}(?:to|into)|(?:leave|leaves|left|leaving|depart|departs|departed|departing)\s+(?:(?-i:[A-Z])[\w'’-]*\s+){0,3}(?:(?:on|this|next|later|early|late)\s+(?:\w+\s+){1,2})?for|(?:set|sets|setting) off for|(?:began|begins|begin|started|starts|start|ended|ends|end|wrapped up|wraps up|concluded|concludes|finished|finishes|kicked off|kicks off)\s+(?:(?:a|an|the|his|her|their|its)\s+)?(?:[\w-]+\s+){0,3}?(?:tour|trip|visit|journey)\s+(?:in|at)|stopover|stopovers|stopped (?:over )?in|stops (?:over )?in|arrived in|arrives in|arrive in|arriving in|arrived at|arrives at|arriving at|landed in|lands in|landing in|land in|landed at|lands at|landing at|tour of|toured|take (?:him|her|them) to|took (?:him|her|them) to|takes (?:him|her|them) to|(?:led|leads) (?:him|her) (?:[^,;.]{0,30}? )?to|came to|comes to|come to|coming to|(?:is|are|was|were) (?:expected|due) in|(?:flew|flies|flying|flown) in|arrived|arrives|arriving)\b",
            ),
            Kind::Visit,
        ),
        (
            re(r"(?i)\b(?:signed|sign|signs|co-signed|initialled|initialed|shook hands|shake hands|embraced|hugged)\b"),
            Kind::Jointly,
        ),
    ]
});

/// All trigger patterns in one search: a match says which pattern it is, the first in order
/// that matches at the leftmost place (as an alternation of them would).
static ANY_TRIGGER: LazyLock<regex_automata::meta::Regex> = LazyLock::new(|| {
    let patterns: Vec<&str> = TRIGGERS.iter().map(|(r, _)| r.as_str()).collect();
    regex_automata::meta::Regex::new_many(&patterns).unwrap_or_else(|e| unreachable!("built-in trigger patterns: {e}"))
});
static CLAUSE_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r#"(?:[;:]\s|[“”"]|,\s+(?:while|whereas|but|although|though|even though|as|since|because|when|where|which|who|whom|whose|after|before|despite|according)\b|\s(?:while|whereas|but|although|though)\s|\s[—–]\s|\s-\s)"#,
    )
});
static RELATIVE_IN_LIST: LazyLock<Regex> = LazyLock::new(|| re(r"^,\s+(?:who|which|whose)\b"));
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| re(r"^,\s+(?:who|whom)\b"));
static WHOSE: LazyLock<Regex> = LazyLock::new(|| re(r"^,\s+whose\b"));
static BLOCKERS: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:[Cc]ould|might|may|unlikely|not|never|no|denied|denies|deny|refused|refuses|declined|declines|cancel(?:l)?ed|called off|calls off|call off|scrapped|scraps|axed|postponed|hopes?|hoped|wants?|wanted|wish|wishes|if|whether|possibility|possible|rumou?red|speculation|failed|instead|rather|cannot)\b|n't\b",
    )
});
static PLANNED: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:will|would|'ll|shall|scheduled|schedule|plans?|planned|planning|expected|expects?|due|set to|going to|agreed to|agree to|invited|invites?|invitation|upcoming|forward to|waiting for|awaits?|awaited|intends?|intended|preparing|prepares?|to (?:meet|visit|hold|travel|talk|speak|host|receive|fly|arrive))\b",
    )
});
/// Cues after the trigger: "a meeting between X and Y is expected in November".
static PLANNED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:is|are|was|were) (?:expected|scheduled|planned|due|set)\b|\bwill take place\b|\b(?:next|later this) (?:week|month|year)\b",
    )
});
/// "the first (sitting American president) to": what has been done once, not what is planned.
static FIRST_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:first|second|third|last|only|latest)\s+(?:[\w'’-]+\s+){0,8}$"));
/// "flew to Tokyo (on Monday) " before "to meet": a move already made.
static PAST_MOVE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:flew|travell?ed|went|came|headed|returned)\s+(?:on\s+)?(?:to|into)\s+[^,;]{1,60}$"));
/// "The Kremlin denied that Putin had met Trump."
static DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:denied|denies|deny|dismissed|rejected|refuted)\b(?:\s+\w+){0,3}?\s+(?:that|reports?|claims?)\b")
});
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:he|she|they|the (?:two|three|four|five) leaders|both leaders|the two presidents|the two men)\b")
});
static AUXILIARIES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*(?:(?:has|have|had|also|will|would|is|are|was|were|be|been|to|again|then|last|already|recently|reportedly|officially|first|later|finally|briefly|once|jointly|separately|scheduled|expected|set|due|plans?|planned|'s|’s|,)\s*)*$",
    )
});
static COORDINATION: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s*,[^;:]{0,60},)?\s*(?:,\s*)?(?:and|&)\s+(?:(?:then|former|ex)(?:-|\s+))?(?:[A-Z][\w.]*(?:'s|’s)\s+|(?:[A-Z][\w.]*\s+){1,4}(?:and\s+(?:[A-Z]\w+\s+){0,3})?)?$|^\s*,\s*(?:[A-Z][\w.]*(?:'s|’s)\s+)?$|^\s*(?:,\s*)?(?:and|&)\s+(?:the|their)\s+(?:[A-Z][\w'’-]*\s+(?:and\s+)?){1,3}(?:(?:foreign|defen[cs]e|finance|prime)\s+)?(?:ministers|leaders|presidents|counterparts|premiers)\s*,\s*$",
    )
});
/// "briefed European leaders, including X, Y and Z": the list after "including" is the object.
static INCLUDING: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s+(?:[A-Z]\w+\s+)?(?:leaders|counterparts|officials|ministers|heads of state)\s*,?\s+including\s+$")
});
/// A meeting of three or more at one table: everyone met everyone.
static MULTILATERAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:trilateral|three-way|three-party|quadrilateral|four-way)\b"));
static EXCLUDED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:death of|killing of|assassination of|funeral of|murder of|successor to|successor of|widow of|the late|predecessor of|predecessor to|legacy of|spokes(?:man|woman|person) for|aide to|adviser to|envoy of)\s+(?:the\s+)?$",
    )
});
/// "Trump was joined by Secretary of State Marco Rubio": his own delegation, not a meeting.
static PASSIVE_COMPANY: LazyLock<Regex> = LazyLock::new(|| re(r"^(?:joined|joins)\s+by\b"));
/// What may follow the person a call was made to: "called Albanese on Tuesday", ", ...".
static CALL_ENDS_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:\s*[,.;]|\s+(?:on|to|late|earlier|last|this|after|before|and|from|twice|again|by)\b|\s*$)")
});
/// "called on X to ...": the "to" of an appeal.
static APPEAL_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^[^,;.]{0,80}?\s+to\s+[a-z]"));
/// "his two-day trip to", "her talks with": a possessive right before the trigger.
static POSSESSIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:his|her)\s+(?:[\w-]+\s+){0,2}$"));
/// Triggers that are nouns, which a possessive can own ("his visit", "her talks with").
static NOUN_TRIGGER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:visit|visits|trip|trips|tour|stopover|talks|meeting|meetings|call|phone call|conversation|encounter|audience)\b",
    )
});
/// "took him to": the person taken is the one who travels.
static TAKEN_THERE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^(?:take|takes|took|led|leads)\s+(?:him|her)\b"));
/// "between" right after a noun trigger that another pattern took ("had ... a phone call").
static BETWEEN_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+between\b"));
/// "to", "in", "from" right before a place: the place is not a subject.
static PLACE_GONE_TO: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:to|into|in|at|from|via)\s+(?:the\s+)?$"));
/// "... and then to London": the next leg of a journey.
static THEN_TO_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?:,|\band)\s+then\s+(?:on\s+)?to\s+(?:the\s+)?$"));
/// "Mr ", "Mrs ", "Dr. " at the end of a gap before a name.
static HONORIFIC_END: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:Mr|Mrs|Ms|Dr|Messrs)\.?\s+$"));
/// "will visit", "to visit": a trigger that could be a noun is a verb after a modal or "to".
static MODAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:will|would|shall|to|may|might|could|can|did|does|do)\s+(?:also\s+|then\s+|first\s+|later\s+)?$")
});
/// A sentence that opens with a phrase of time or circumstance before its subject.
static INTRODUCTORY: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^(?:During|On|After|Before|Ahead of|Following|At the end of|In|Since|Throughout|Wrapping up|Ending)\b[^,]*$")
});
/// "flew in", "arrived" alone, with no preposition to say where.
static BARE_ARRIVAL: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)^(?:(?:flew|flies|flying|flown) in|arrived|arrives|arriving|arrive)$"));
/// What may stand between a bare "arrived" and its place: a time, then "in" or "at".
static PLACE_RIGHT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s+(?:on|late|early|last|this|that|in the|earlier|later)(?:\s+[\w-]+){0,2}\s*,?)?\s+(?:in|at|to)\s+(?:the\s+)?$",
    )
});
/// "At the Security Council", "in the Oval Office": a named venue, not the dateline's city.
static NAMED_VENUE: LazyLock<Regex> = LazyLock::new(|| re(r"\b(?:[Aa]t|[Ii]n)\s+the\s+[A-Z]"));
/// "He then travelled": a move in a sequence of moves.
static SEQUENCE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)^\s+(?:then|later|next|subsequently)\b"));
/// "before flying back to": a participle that goes with the clause's subject.
static PARTICIPLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:before|after|while|when|then|since)\s+$"));
static OPENED_BY_CONJUNCTION: LazyLock<Regex> = LazyLock::new(|| re(r"(?i),\s+(?:before|after|while|since)$"));
/// "before travelling", "after meeting": a participle right after the conjunction.
static PARTICIPLE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+[a-z]+ing\b"));
/// "flew in", "arrived", "landed at" (Palam airport): an arrival, whose place may be one the
/// knowledge base does not know.
static ARRIVAL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^(?:(?:flew|flies|flying|flown) in(?:to)?|(?:arrived|arrives|arriving|arrive|landed|lands|landing|land)(?: in| at)?)$",
    )
});
static GROUP_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^\s+(?:the\s+(?:two|three|four|five)|both)\s+(?:leaders|presidents|men|heads of state|prime ministers)\b")
});
/// Between the head of an apposition and a possessive in it: "Ding Xuexiang, [Xi's ...]".
static APPOSED: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*,\s*(?:(?:the|a|an)\s+)?(?:[a-z-]+\s+){0,3}$"));
static PRONOUN_AND: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:he|she)\s+and\s+$"));
static INVITER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:invitation|invitations|invite)\s+(?:from|of|by)\s+(?:the\s+)?$|\binvited\s+by\s+(?:the\s+)?$")
});
static INFINITIVE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^[^,;]{0,20}?\s+to\s+(?:[a-z]+\s+){0,4}$"));
static WEEKDAY: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow)\b"));
/// " by (the) ": the signatories follow, maybe after a title ("by Commerce and Industry Minister").
static SIGNED_BY: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(?:[a-z]+\s+){0,2}by\s+(?:the\s+)?(?:[A-Z][\w.]*\s+(?:and\s+)?){0,5}$"));
static HE_OR_SHE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:he|she)\b"));
static VEHICLE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\s(?:tour|trip|journey|plane|aircraft|motorcade|convoy|delegation)\s+$"));
static REPORTING_PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    re(r",\s+(?:describing|calling|saying|adding|noting|praising|accusing|warning|urging|recalling|citing)\b")
});
static NEW_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r",\s+(?:and|but)\s+(?:the|a|an)\s+[A-Za-z-]+(?:\s+[A-Za-z-]+)?\s+(?:(?:later|also|then|has|had|was|is|will|would|again)\s+)*$",
    )
});
static AND_BY: LazyLock<Regex> = LazyLock::new(|| re(r"^[^,;:]{0,60}?\s+and\s+by\s+(?:the\s+)?$"));
static OBJECT_PRONOUN: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+(?:him|her)\b"));
/// "will hold talks with him"; "her" only where it cannot be a possessive ("met her counterpart").
static MET_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^\s+(?:him\b|(?:his|her)\s+honou?r\b|her(?:\s*[,.;:]|\s*$|\s+(?:in|at|on|during|for|last|this|again|and|to|yesterday|today|when|after|before)\b))",
    )
});
/// "talks with X and a meeting with Y": the second meeting has the first one's subject.
static AND_ANOTHER: LazyLock<Regex> = LazyLock::new(|| re(r"^\s+and\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,2}$"));
static AND_VERB: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s+(?:this|last|on|in|at|for|earlier|later|early|late)(?:\s+[\w-]+){1,6})?\s*,?\s+and\s+(?:also\s+|later\s+|then\s+|separately\s+)?(?:will\s+|would\s+|is\s+to\s+|was\s+to\s+|to\s+|was\s+|were\s+|(?:has|have|had)\s+been\s+)?(?:(?:made|paid|took|makes|pays|takes|make|pay|take)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3})?$",
    )
});
/// "He arrived in Seoul, restoring \"shuttle diplomacy\", and told Yoon": a verb phrase that
/// goes on with the subject of the one before it.
static AND_ELLIPSIS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?:^|[\s,])and\s+(?:also\s+|later\s+|then\s+|separately\s+)?$"));
static PLACE_AFTER_VISITOR: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*,?\s*(?:(?:on|last|this|next)\s+\w+\s+)?(?:to|in)\s+(?:the\s+)?$"));
/// ", a member of ": an apposition after a name, up to a possessive in it.
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*,\s+(?:a|an|the)\s+[^,;]{0,60}$"));
static POSSESSIVE_NOT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^['’]s\s.*\b(?:to|of|for|and|was|is|has|had|will|who|which)\b|^['’]s\s+[\w-]+(?:\s+[\w-]+)?\s*,")
});
/// "was received", "had been welcomed": a passive, whose agent follows "by".
static PASSIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?i)\b(?:was|were|been|being|is|are|be)\s+(?:(?:also|later|then|warmly|first|personally)\s+)?$")
});
/// "The surprise meeting was " (hosted by X): a meeting told before, not a person, is hosted.
static MEETING_HOSTED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:meeting|talks|summit|encounter|negotiations)\s+(?:was|were|had been|has been|will be)\s+(?:also\s+)?$",
    )
});
static BY_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^[^,;:.]{0,40}?\s+by\s+(?:the\s+)?$"));
/// The agent of "was received ... by": after a place and a time ("at the airport in Bandar Seri
/// Begawan on Tuesday by"), and a title the knowledge base does not name with the person ("by
/// Singapore's Minister for Home Affairs and Law K Shanmugam", "by the Minister of State for
/// Foreign Affairs, Bianca Odumegwu-Ojukwu").
static AGENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(r"^[^,;:.]{0,80}?\s+by\s+(?:the\s+)?(?:(?:[A-Z][\w.'’-]*|of|for|and|the)\s+){0,8}?(?:[A-Z][\w.'’-]*\s*,\s*)?$")
});
static FROM_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bfrom\s+(?:the\s+)?$"));
static IN_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\bin\s+(?:the\s+)?$"));
static CONDITIONAL: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:if|unless|whether|in case)\b"));
static SPEAKER_AFTER: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s+(?:said|says|told|added|noted|stressed|wrote|announced)\b"));
/// "has not met ... since": a negation that says when they last met.
static NOT_SINCE_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(?:has|have|had)\s+not\s+(?:\w+\s+)?$|\b(?:hasn't|haven't|hadn't)\s+(?:\w+\s+)?$"));
static SINCE_AFTER: LazyLock<Regex> = LazyLock::new(|| re(r"^[^;:]{0,80}?\bsince\b"));
/// "at the White House", "at the Kremlin": a meeting at a seat of government.
static AT_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(?:at|in)\s+(?:the\s+)?$"));
/// ", but it was cancelled at the last minute": the next clause calls the meeting off.
static CALLED_OFF_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)^\s*,?\s*(?:but|and|only for)\s+(?:it|they|the\s+(?:meeting|meetings|talks|summit|visit|trip|call))\s+(?:was|were|has been|have been|had been|had to be)\s+(?:later\s+|then\s+|abruptly\s+|suddenly\s+)?(?:postponed|cancel(?:l)?ed|called off|scrapped|delayed|put off)\b",
    )
});
/// "... was postponed": the meeting the clause speaks of did not take place.
static CALLED_OFF_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)\b(?:was|were|has been|have been|had been)\s+(?:postponed|cancel(?:l)?ed|called off|scrapped|delayed|put off)\b",
    )
});

type Who = (usize, (usize, usize));

/// A cheap test before the arrival patterns run on a sentence with one person: each form that
/// `ARRIVAL` accepts contains one of these.
const ARRIVAL_WORDS: &[&str] =
    &["arriv", "flew in", "flies in", "flying in", "flown in", "landed", "landing", "lands", "land in", "land at"];

/// How many people named last the memory keeps.
const RECENT_PEOPLE: usize = 8;

/// How far after the trigger (or its last object) "in <place>" still says where the meeting was.
const HOST_PLACE_DISTANCE: usize = 30;

/// The meetings and visits of one sentence. `items` are sorted by position.
pub fn find(
    ctx: &DocContext<'_>,
    text: &str,
    sentence: (usize, usize),
    items: &[Item],
    memory: &mut Memory,
) -> Vec<MeetingFact> {
    let s = &text[sentence.0..sentence.1];
    let mut facts = Vec::new();
    // A meeting needs two parties: two people or places named here, or one and a pronoun.
    let named = items
        .iter()
        .filter(|i| !i.persons().is_empty() || matches!(i.kind, ItemKind::Country { descriptor: false, .. }))
        .count();
    let people_here = items.iter().any(|i| !i.persons().is_empty());
    // Or one person arriving where the dateline is: "Lula flew in on Friday".
    let arriving = || {
        ctx.dateline.is_some()
            && ARRIVAL_WORDS.iter().any(|w| memchr::memmem::find(s.as_bytes(), w.as_bytes()).is_some())
    };
    // Or one person hosting the meeting last told: "The surprise meeting was hosted by Tamim".
    let hosting = || memory.last_met.len() >= 2 && memchr::memmem::find(s.as_bytes(), b"hosted by").is_some();
    let found = if (named >= 2 && people_here) || refers_back(s, memory) || (people_here && (arriving() || hosting())) {
        triggers(s, sentence.0)
    } else {
        Vec::new()
    };
    if !found.is_empty() {
        // People who can take part: not "the death of X", not "the spokesman for X".
        let participants: Vec<&Item> = items
            .iter()
            .filter(|i| !i.persons().is_empty() && !EXCLUDED_BEFORE.is_match(&text[sentence.0..i.start]))
            .collect();
        for trigger in found {
            // The latest subject: "X visited A, and Y visited B, when he met Z" (he = Y); not
            // the owner of a noun ("he hosted King Charles on a state visit to Kenya").
            if let Some(subject) = read_trigger(ctx, text, sentence, items, memory, &participants, &trigger, &mut facts)
                && (!NOUN_TRIGGER.is_match(&text[trigger.start..trigger.end])
                    || MODAL_BEFORE.is_match(&text[sentence.0..trigger.start]))
            {
                memory.sentence_subject = Some(subject);
            }
        }
    }
    remember(ctx, text, sentence, items, &facts, memory);
    dedup(facts)
}

/// Whether a sentence that names nobody may still speak of a meeting of people named before.
pub fn refers_back(sentence: &str, memory: &Memory) -> bool {
    memory.remembers_someone() && has_anaphora(sentence)
}

/// Whether `s` has a word that points back to people named before: "he", "she", "him", "her",
/// "they", "their", "the two" (three, four), "both leaders" (any case, ASCII word boundaries).
/// Every one of them has an "h": the scan jumps from one "h" to the next (a regex's literal
/// prefilter stops at every "the" and "when" for "he").
fn has_anaphora(s: &str) -> bool {
    let bytes = s.as_bytes();
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut from = 0;
    while let Some(h) = memchr::memchr2(b'h', b'H', &bytes[from..]) {
        let at = from + h;
        let start = bytes[..at].iter().rposition(|&b| !word_byte(b)).map_or(0, |p| p + 1);
        let end = bytes[at..].iter().position(|&b| !word_byte(b)).map_or(bytes.len(), |p| at + p);
        let word = &bytes[start..end];
        let followed_by = |next: &[u8]| {
            bytes.get(end) == Some(&b' ')
                && bytes.len() >= end + 1 + next.len()
                && bytes[end + 1..end + 1 + next.len()].eq_ignore_ascii_case(next)
                && bytes.get(end + 1 + next.len()).is_none_or(|&b| !word_byte(b))
        };
        let lower = |w: &[u8]| word.eq_ignore_ascii_case(w);
        if ["he", "she", "him", "her", "they", "their"].iter().any(|w| lower(w.as_bytes()))
            || (lower(b"the") && [&b"two"[..], b"three", b"four", b"five"].iter().any(|n| followed_by(n)))
            || (lower(b"both") && followed_by(b"leaders"))
        {
            return true;
        }
        from = end.max(at + 1);
    }
    false
}

/// Every trigger in the sentence, in one scan with all patterns, each told where the next
/// one starts.
fn triggers(s: &str, offset: usize) -> Vec<Trigger> {
    let mut found: Vec<Trigger> = (ANY_TRIGGER.find_iter(s))
        .map(|m| {
            let kind = TRIGGERS[m.pattern().as_usize()].1;
            // "had been agreed during a phone call between X and Y": the call is between them.
            match BETWEEN_AFTER.find(&s[m.end()..]) {
                Some(b) if kind == Kind::Meet => Trigger {
                    start: offset + m.start(),
                    end: offset + m.end() + b.end(),
                    kind: Kind::Between,
                    next: usize::MAX,
                },
                _ => Trigger { start: offset + m.start(), end: offset + m.end(), kind, next: usize::MAX },
            }
        })
        .collect();
    for k in 1..found.len() {
        found[k - 1].next = found[k].start;
    }
    found
}

#[allow(clippy::too_many_arguments)]
fn read_trigger(
    ctx: &DocContext<'_>,
    text: &str,
    sentence: (usize, usize),
    items: &[Item],
    memory: &Memory,
    participants: &[&Item],
    t: &Trigger,
    facts: &mut Vec<MeetingFact>,
) -> Option<Who> {
    let (clause_start, relative) = clause_start(text, sentence, t.start);
    let clause_end = clause_end(text, sentence, t.end, items);
    if DENIAL.is_match(&text[clause_start..t.start])
        || CALLED_OFF_AFTER.is_match(&text[t.end..clause_end.max(t.end)])
        || CALLED_OFF_NEXT.is_match(&text[clause_end.max(t.end)..sentence.1])
    {
        return None;
    }
    // "the first sitting president to visit Angola": a record, not a plan, so that its "to"
    // is no cue (for any trigger of the clause).
    // "flew on to Tokyo to meet Kishida": the purpose of a move made, no plan either.
    let planned = planned_cue(text, clause_start, t.end)
        || PLANNED_AFTER.is_match(&text[t.end..clause_end.max(t.end)])
        || present_for_future(ctx, &text[t.start..t.end], &text[clause_start..clause_end.max(t.end)])
        || participle_of_plan(text, sentence, clause_start);
    let status = if planned { Status::Planned } else { Status::Held };
    // Not the speaker of a reporting clause: "..., Ushakov said."
    let after: Vec<&Item> = participants
        .iter()
        .copied()
        .filter(|i| {
            i.start >= t.end && i.end <= clause_end.min(t.next) && !SPEAKER_AFTER.is_match(&text[i.end..clause_end])
        })
        .collect();

    let subject = match t.kind {
        Kind::Between => {
            if blocked(text, clause_start, t.start) {
                return None;
            }
            let mut people = expand(&after);
            // "a meeting between the two presidents": the pair named before.
            if people.is_empty()
                && let Some(group) = GROUP_AFTER.find(&text[t.end..clause_end.max(t.end)])
            {
                people = memory.group(group.as_str());
            }
            clique(&people, status, facts);
            host_visits(ctx, text, items, t, clause_end, &people, status, facts);
            None
        }
        Kind::Their => {
            if blocked(text, clause_start, t.start) {
                return None;
            }
            let before: Vec<&Item> = participants.iter().copied().filter(|i| i.end <= t.start).collect();
            let mut people: Vec<Who> = memory.sentence_subject.into_iter().collect();
            people.extend(expand(&before));
            dedup_people(&mut people);
            // "Their" points back to earlier sentences only when this one names nobody before it:
            // to the people of the last meeting told ("... was received by Lula. Bolsonaro had
            // barred him. At a joint press conference after their meeting"), unless counted.
            if people.is_empty() {
                let words = &text[t.start..t.end];
                people = if counted(words).is_none() && memory.last_met.len() >= 2 {
                    memory.last_met.clone()
                } else {
                    memory.group(words)
                };
            }
            clique(&people, status, facts);
            host_visits(ctx, text, items, t, clause_end, &people, status, facts);
            None
        }
        Kind::Jointly => {
            // "The agreement was signed by Goyal and Reynolds": the signatories after "by".
            if PASSIVE_BEFORE.is_match(&text[clause_start..t.start])
                && let Some(first) = after.first().filter(|i| SIGNED_BY.is_match(&text[t.end..i.start]))
            {
                let mut people = expand(&list_run(text, items, participants, first));
                dedup_people(&mut people);
                clique(&people, status, facts);
                return None;
            }
            // "Fidan and Gerapetritis signed a road map": the pair right before the verb.
            let before: Vec<&Item> =
                participants.iter().copied().filter(|i| i.end <= t.start && i.start >= clause_start).collect();
            let last = before.last()?;
            if !AUXILIARIES.is_match(&text[last.end..t.start]) || blocked(text, clause_start, t.start) {
                return None;
            }
            let chain = coordinated_chain(text, items, &before);
            let mut people = expand(&chain);
            // "he and Lula are expected to sign": the pronoun's person too.
            if PRONOUN_AND.is_match(&text[clause_start..named_from(text, items, chain[0]).max(clause_start)])
                && let Some(p) = memory.sentence_subject.or(memory.last_subject)
            {
                people.insert(0, p);
            }
            dedup_people(&mut people);
            if people.len() >= 2 {
                clique(&people, status, facts);
            }
            None
        }
        Kind::Direct if PASSIVE_COMPANY.is_match(&text[t.start..clause_end.max(t.end)]) => None,
        // "called on Netanyahu to allow aid": an appeal, not a courtesy call ("called Albanese
        // to deliver the news" is a call).
        Kind::Direct
            if starts_with_ignore_ascii_case(&text[t.start..t.end], "call")
                && !text[t.start..t.end].eq_ignore_ascii_case("called")
                && APPEAL_AFTER.is_match(&text[t.end..clause_end.max(t.end)]) =>
        {
            None
        }
        // "Biden called Albanese on Tuesday": a phone call; not "called Trump a liar".
        Kind::Direct
            if text[t.start..t.end].eq_ignore_ascii_case("called") && !called_someone(text, items, t, &after) =>
        {
            None
        }
        // "The surprise meeting was hosted by Qatar's emir": the host met the people of the
        // meeting last told.
        Kind::Direct
            if MEETING_HOSTED_BEFORE.is_match(&text[clause_start..t.start])
                && memory.last_met.len() >= 2
                && starts_with_ignore_ascii_case(&text[t.start..t.end], "hosted") =>
        {
            let agent =
                after.iter().find(|i| BY_AFTER.is_match(&text[t.end..named_from(text, items, i).max(t.end)]))?;
            star(&expand(&[*agent]), &memory.last_met, status, facts);
            None
        }
        Kind::Meet | Kind::Direct => {
            let (subjects, subject_end) =
                subject(text, sentence, items, participants, memory, clause_start, relative, t)?;
            let from = subject_end.max(clause_start);
            let since = not_since(text, from, t, clause_end);
            if (blocked(text, from, t.start) && !since) || conditional(text, clause_start, &subjects) {
                return None;
            }
            // "has not met Xi since their talks in Bali": they met, whatever the plans after.
            let status = if since { Status::Held } else { status };
            let objects: Vec<Who> = if (t.kind == Kind::Direct
                && OBJECT_PRONOUN.is_match(&text[t.end..clause_end.max(t.end)]))
                || (t.kind == Kind::Meet && MET_PRONOUN.is_match(&text[t.end..clause_end.max(t.end)]))
            {
                // "The Indian leader flew to Sydney, where Albanese will host him": someone named
                // earlier in the sentence; "Vucic welcomed him": the person the previous
                // sentences were about.
                let earlier = participants
                    .iter()
                    .filter(|i| i.end <= t.start && !subjects.iter().any(|s| Some(s.0) == i.person()))
                    .find_map(|i| i.person().map(|p| (p, (i.start, i.end))));
                let mut objects: Vec<Who> = (earlier.or(memory.last_meeting_subject))
                    .filter(|o| !subjects.iter().any(|s| s.0 == o.0))
                    .into_iter()
                    .collect();
                // "will host him and Kishida"
                let pronoun_end = t.end + OBJECT_PRONOUN.find(&text[t.end..]).map_or(0, |m| m.end());
                if let Some(next) = after.first().filter(|i| {
                    i.start >= pronoun_end
                        && COORDINATION.is_match(&text[pronoun_end..named_from(text, items, i).max(pronoun_end)])
                }) {
                    objects.extend(expand(&list_run(text, items, participants, next)));
                }
                objects
            } else if t.kind == Kind::Direct
                && PASSIVE_BEFORE.is_match(&text[clause_start..t.start])
                && let Some(agent) =
                    after.iter().find(|i| AGENT_AFTER.is_match(&text[t.end..named_from(text, items, i).max(t.end)]))
            {
                // "was welcomed at the foot of the aircraft steps by Anwar": the agent; "received by
                // Mattarella at the Quirinale and by Meloni at Palazzo Chigi": each agent.
                let mut agents = list_run(text, items, participants, agent);
                while let Some(next) = after.iter().copied().find(|i| {
                    let from = agents[agents.len() - 1].end;
                    i.start >= from && AND_BY.is_match(&text[from..named_from(text, items, i).max(from)])
                }) {
                    agents.extend(list_run(text, items, participants, next));
                }
                expand(&agents)
            } else if t.kind == Kind::Direct {
                after
                    .first()
                    .filter(|i| {
                        let gap = &text[t.end..named_from(text, items, i).max(t.end)];
                        direct_object_gap(gap) || INCLUDING.is_match(gap)
                    })
                    .map(|first| expand(&list_run(text, items, participants, first)))
                    .unwrap_or_default()
            } else {
                // "a phone call with Mokhber, describing Raisi as a friend": not Raisi.
                let met: Vec<&Item> =
                    after.iter().copied().filter(|i| !REPORTING_PARTICIPLE.is_match(&text[t.end..i.start])).collect();
                expand(&met)
            };
            let objects: Vec<Who> = objects.into_iter().filter(|o| !subjects.iter().any(|s| s.0 == o.0)).collect();
            // "Putin and Xi met": they met each other. "Harris and Blinken will host a lunch":
            // co-hosts, not a meeting of the two. "Gan and Balakrishnan travelled to New Delhi and
            // met Jaishankar": one delegation, whose members do not meet each other.
            if subjects.len() >= 2 && t.kind == Kind::Meet {
                let delegation = !objects.is_empty();
                for (i, a) in subjects.iter().enumerate() {
                    for b in subjects[i + 1..].iter().filter(|b| !(delegation && same_country(ctx, a.0, b.0))) {
                        clique(&[*a, *b], status, facts);
                    }
                }
            }
            star(&subjects, &objects, status, facts);
            let subject = (subjects.len() == 1).then(|| subjects[0]);
            let mut everyone = subjects;
            everyone.extend(objects);
            if MULTILATERAL.is_match(&text[clause_start..clause_end.max(t.end)]) {
                clique(&everyone, status, facts);
            }
            if everyone.len() >= 2 {
                host_visits(ctx, text, items, t, clause_end, &everyone, status, facts);
            }
            subject
        }
        Kind::Visit => {
            let by =
                participants.iter().copied().find(|i| i.start >= t.end && BY_AFTER.is_match(&text[t.end..i.start]));
            let (visitors, targets): (Vec<Who>, Vec<&Item>) = if let Some(first) = by {
                if blocked(text, clause_start, t.start) {
                    return None;
                }
                let visitors = expand(&list_run(text, items, participants, first));
                let last_end = visitors.iter().map(|v| v.1.1).max().unwrap_or(first.end);
                // "a visit to Egypt by X", "visits by X to Egypt", "Kazakhstan ... visits by X"
                let mut targets = places_after(text, items, t.end, first.start);
                if targets.is_empty() {
                    // "visits by X to Egypt", not "a visit by X, Trump said Beijing ...".
                    targets = places_after(text, items, last_end, clause_end);
                    if targets.first().is_some_and(|p| !PLACE_AFTER_VISITOR.is_match(&text[last_end..p.start])) {
                        targets.clear();
                    }
                }
                if targets.is_empty() {
                    targets.extend(items.iter().find(|i| is_place(i) && i.end <= t.start));
                }
                (visitors, targets)
            } else {
                // "a regional tour that also took him to Saudi Arabia": him, the sentence's subject.
                // Else the first person of the sentence: "Xi concluded his tour, which led him to France".
                let taken = TAKEN_THERE.is_match(&text[t.start..t.end]).then(|| {
                    memory.sentence_subject.or_else(|| {
                        participants
                            .iter()
                            .find(|i| i.end <= t.start)
                            .and_then(|i| i.person().map(|p| (p, (i.start, i.end))))
                    })
                });
                let taken = taken.flatten();
                let (subjects, subject_end) = match taken {
                    Some(who) => (vec![who], t.start),
                    None => subject(text, sentence, items, participants, memory, clause_start, relative, t)?,
                };
                if blocked(text, subject_end.max(clause_start), t.start) || conditional(text, clause_start, &subjects) {
                    return None;
                }
                let mut targets = places_after(text, items, t.end, clause_end.min(t.next));
                // "flew to Paris for talks with Macron and then to London": the journey goes on.
                if let Some(last) = targets.last() {
                    let from = last.end;
                    targets.extend(items.iter().filter(|i| {
                        i.start >= from
                            && i.end <= sentence.1
                            && is_place(i)
                            && THEN_TO_BEFORE.is_match(&text[from..i.start])
                    }));
                }
                // "arrived on Saturday and announced aid for Ukraine": a bare "arrived" goes only
                // to a place said right after it ("arrived on Saturday in Kyiv").
                let bare = BARE_ARRIVAL.is_match(&text[t.start..t.end]);
                if bare {
                    targets.retain(|p| PLACE_RIGHT_AFTER.is_match(&text[t.end..p.start]));
                }
                // "went to war with Ukraine" is no visit: "went", "goes" only to a place at once.
                if starts_with_ignore_ascii_case(&text[t.start..t.end], "went")
                    || starts_with_ignore_ascii_case(&text[t.start..t.end], "goes")
                {
                    targets.retain(|p| matches!(text[t.end..p.start].trim(), "" | "the"));
                }
                // "Pashinyan flew to Washington, while Aliyev arrived later": where this sentence's
                // last visit went.
                if targets.is_empty() && bare {
                    let earlier = facts.iter().rev().find_map(|f| match f.b {
                        Participant::Country(_) => items.iter().find(|i| (i.start, i.end) == f.spans[1]),
                        Participant::Person(_) => None,
                    });
                    targets.extend(earlier);
                }
                // "Lula, who flew in on Friday", "landed at Palam airport": to the place of the
                // dateline; not "At the Security Council, Lavrov arrived only after ...".
                if targets.is_empty()
                    && ARRIVAL.is_match(&text[t.start..t.end])
                    && !NAMED_VENUE.is_match(&text[sentence.0..t.start])
                {
                    targets.extend(ctx.dateline.as_ref());
                }
                (subjects, targets)
            };
            for v in &visitors {
                let home =
                    ctx.kb.people.get(v.0).and_then(|p| p.country_at(ctx.date)).and_then(|c| ctx.kb.country_index(c));
                for place in &targets {
                    if let ItemKind::Country { country, .. } = place.kind
                        && Some(country) != home
                    {
                        facts.push(visit(*v, country, place, status));
                    }
                }
            }
            // "Modi will visit Putin": a person visited is a meeting; not "the visit of Indira
            // Gandhi" (her visit).
            if by.is_none()
                && starts_with_ignore_ascii_case(&text[t.start..t.end], "visit")
                && let Some(host) = after
                    .first()
                    .filter(|i| {
                        i.start - t.end <= 12
                            && !starts_with_ignore_ascii_case(text[t.end..i.start].trim_start(), "of ")
                    })
                    // "to visit Greece was Indira Gandhi": the place is what is visited.
                    .filter(|i| !items.iter().any(|x| x.start >= t.end && x.end <= i.start))
            {
                star(&visitors, &expand(&[*host]), status, facts);
            }
            (by.is_none() && visitors.len() == 1).then(|| visitors[0])
        }
    };
    // The subject of a relative clause ("..., who later hosted a banquet") is not who the
    // next "he" is.
    subject.filter(|_| !relative)
}

/// A cue of a plan in `text[from..to]`: "will", "is due", "to meet"; not the "to" of "the
/// first sitting president to visit Angola" (a record) or of "flew on to Tokyo to meet Kishida"
/// (the purpose of a move made).
fn planned_cue(text: &str, from: usize, to: usize) -> bool {
    PLANNED.find_iter(&text[from..to]).any(|m| {
        let before = &text[from..from + m.start()];
        !(starts_with_ignore_ascii_case(m.as_str(), "to ")
            && (FIRST_BEFORE.is_match(before) || PAST_MOVE_BEFORE.is_match(before)))
    })
}

/// "He is due in Rome on June 21 ..., before travelling on to France": a participle clause
/// opened by "before" or "after" shares the tense of the clause it hangs on.
fn participle_of_plan(text: &str, sentence: (usize, usize), clause_start: usize) -> bool {
    let opened = &text[sentence.0..clause_start.max(sentence.0)];
    if !OPENED_BY_CONJUNCTION.is_match(opened) || !PARTICIPLE_AFTER.is_match(&text[clause_start..]) {
        return false;
    }
    let Some(comma) = opened.rfind(',') else { return false };
    let comma = sentence.0 + comma;
    let (previous, _) = self::clause_start(text, sentence, comma);
    planned_cue(text, previous, comma)
}

/// "Lula leaves Beijing for Abu Dhabi on Saturday": a present-tense move on another day than
/// the article's is a plan ("arrives on Wednesday" in an article of that Wednesday is news).
fn present_for_future(ctx: &DocContext<'_>, trigger: &str, clause: &str) -> bool {
    const PRESENT: &[&str] = &[
        "leaves ", "flies ", "travels ", "heads ", "departs ", "arrives ", "visits ", "returns ", "sets off", "lands ",
    ];
    if !PRESENT.iter().any(|p| starts_with_ignore_ascii_case(trigger, p) || trigger.eq_ignore_ascii_case(p.trim_end()))
    {
        return false;
    }
    let Some(day) = WEEKDAY.captures(clause).and_then(|c| c.get(1)) else { return false };
    let Some(date) = ctx.date else { return true };
    let day = day.as_str().to_ascii_lowercase();
    if day == "tomorrow" {
        return true;
    }
    use chrono::Datelike;
    !date.weekday().to_string().eq_ignore_ascii_case(&day[..3])
}

/// Where the clause holding the trigger starts, and whether it is a relative clause ("..., who").
fn clause_start(text: &str, sentence: (usize, usize), at: usize) -> (usize, bool) {
    let s = &text[sentence.0..at];
    match CLAUSE_BREAK.find_iter(s).last() {
        Some(m) => (sentence.0 + m.end(), RELATIVE.is_match(m.as_str())),
        None => (sentence.0, false),
    }
}

/// Where the clause ends; a list may go on across ";" or ":" when the next entity follows at once.
/// Where the clause ends; a list may go on across ";" or ":" when the next entity follows at
/// once, and past a relative clause inside it ("met Abbas, Costa, who represented the EU,
/// Guterres and ...").
fn clause_end(text: &str, sentence: (usize, usize), from: usize, items: &[Item]) -> usize {
    let starts_soon_after = |at: usize, within: usize| {
        items.iter().any(|i| (!i.persons().is_empty() || is_place(i)) && i.start >= at && i.start <= at + within)
    };
    let mut resume = from;
    while let Some(m) = CLAUSE_BREAK.find(&text[resume..sentence.1]) {
        let (start, end) = (resume + m.start(), resume + m.end());
        if matches!(m.as_str().chars().next(), Some(';' | ':')) && starts_soon_after(end, 16) {
            resume = end;
            continue;
        }
        if RELATIVE_IN_LIST.is_match(m.as_str())
            && let Some(comma) = text[end..sentence.1].find(',').filter(|&c| c <= 60)
            && starts_soon_after(end + comma + 1, 3)
        {
            resume = end + comma + 1;
            continue;
        }
        // "met Saied, as well as Sudani and Pashinyan": the list goes on.
        if m.as_str().ends_with("as") && text[end..sentence.1].starts_with(" well as ") {
            resume = end + " well as ".len();
            continue;
        }
        return start;
    }
    sentence.1
}

/// Where the words naming `person` start: at the demonym of "Chinese President Xi Jinping".
fn named_from(text: &str, items: &[Item], person: &Item) -> usize {
    match items.iter().rfind(|i| i.end <= person.start) {
        Some(i)
            if matches!(
                i.kind,
                ItemKind::Country { descriptor: true, .. } | ItemKind::Country { form: CountryForm::Demonym, .. }
            ) && text[i.end..person.start].trim().is_empty() =>
        {
            i.start
        }
        _ => person.start,
    }
}

/// The object of "received", "told" ... follows at once: "told Putin", "received on Monday the
/// Chinese president"; not "told CNN that Zelensky ...".
/// Whether "called" is a call: a person right after it, then a time, a purpose, a place or the
/// clause's end ("called Albanese on Tuesday to deliver the news"), not a complement ("called
/// Trump a liar", "called Xi an old friend").
fn called_someone(text: &str, items: &[Item], t: &Trigger, after: &[&Item]) -> bool {
    after.first().is_some_and(|person| {
        direct_object_gap(&text[t.end..named_from(text, items, person).max(t.end)])
            && CALL_ENDS_AFTER.is_match(&text[person.end..])
    })
}

fn direct_object_gap(gap: &str) -> bool {
    // "meeting Mr Tinubu": an honorific the knowledge base does not name with the person.
    let gap = HONORIFIC_END.find(gap).map_or(gap, |m| &gap[..m.start()]);
    gap.len() <= 12 && !gap.contains(|c: char| c.is_uppercase()) && !gap.contains(" that")
}

/// "If Trump meets Putin", "Whether Modi will meet Xi": a condition, not a meeting.
fn conditional(text: &str, clause_start: usize, subjects: &[Who]) -> bool {
    let subject_start = subjects.iter().map(|s| s.1.0).min().unwrap_or(clause_start);
    clause_start < subject_start && CONDITIONAL.is_match(&text[clause_start..subject_start])
}

fn blocked(text: &str, from: usize, to: usize) -> bool {
    from < to && BLOCKERS.is_match(&text[from..to])
}

/// "X has not met Y since the summit in May": they did meet, then. The only blocker before the
/// trigger is that "not", and "since" follows in the clause.
fn not_since(text: &str, from: usize, t: &Trigger, clause_end: usize) -> bool {
    let before = &text[from.min(t.start)..t.start];
    NOT_SINCE_BEFORE.is_match(before)
        && BLOCKERS.find_iter(before).count() == 1
        && SINCE_AFTER.is_match(&text[t.end..clause_end.max(t.end)])
}

/// The subject of a trigger and where it ends: the nearest person before it, the people
/// coordinated with that person ("Putin and Xi met"), or a pronoun's antecedent.
#[allow(clippy::too_many_arguments)]
fn subject(
    text: &str,
    sentence: (usize, usize),
    items: &[Item],
    participants: &[&Item],
    memory: &Memory,
    clause_start: usize,
    relative: bool,
    t: &Trigger,
) -> Option<(Vec<Who>, usize)> {
    let before: Vec<&Item> =
        participants.iter().copied().filter(|i| i.end <= t.start && i.start >= clause_start).collect();
    // "Xi accepted an invitation from Lula to make a state visit": the one invited, not the host.
    let invited = before.last().is_some_and(|n| {
        INVITER_BEFORE.is_match(&text[clause_start..n.start]) && INFINITIVE_AFTER.is_match(&text[n.end..t.start])
    });
    let before = &before[..before.len() - usize::from(invited)];
    let nearest = before.last().copied();
    // "She met Zelensky before flying back to Washington": a participle after "before",
    // "after", "while" has the subject of the verb before it, not its object.
    // "..., before flying on to Tokyo to meet Kishida": so too in a clause a conjunction opened
    // that names nobody before the verb.
    if let Some(first) = memory.sentence_subject
        && match nearest {
            Some(n) => n.start > first.1.0 && PARTICIPLE_BEFORE.is_match(&text[clause_start.max(sentence.0)..t.start]),
            // Not in a relative clause: "Trump, who will fly on to Japan before travelling to
            // South Korea" (Trump travels).
            None => {
                !relative
                    && (PARTICIPLE_BEFORE.is_match(&text[sentence.0..t.start])
                        || OPENED_BY_CONJUNCTION.is_match(&text[sentence.0..clause_start.max(sentence.0)]))
            }
        }
    {
        return Some((vec![first], t.start));
    }
    // "Prabowo meets Biden as his tour heads to Lima": a trip, not the person before it, moves;
    // "..., and the Leader later received": a subject this sentence does not name.
    if let Some(n) = nearest
        && (VEHICLE_BEFORE.is_match(&text[n.end..t.start]) || NEW_SUBJECT.is_match(&text[n.end..t.start]))
    {
        return None;
    }
    let search_from = nearest.map_or(clause_start, |n| n.end);
    if let Some(p) = PRONOUN.find_iter(&text[search_from..t.start]).last() {
        let whole = p.range();
        let end = search_from + whole.end;
        if matches!(p.as_str(), "he" | "He" | "she" | "She") {
            // The sentence's subject, else the previous sentences' subject.
            let first_here = items
                .iter()
                .filter(|i| i.end <= search_from + whole.start && i.start >= sentence.0)
                .find_map(|i| i.person().map(|p| (p, (i.start, i.end))));
            // "He then travelled": the story's sequence of moves goes on.
            let sequence = SEQUENCE_AFTER.is_match(&text[end..t.start]);
            let person = memory.sentence_subject.or(first_here).or_else(|| memory.he_or_she(sequence))?;
            return Some((vec![person], end));
        }
        let mut here: Vec<Who> = items
            .iter()
            .filter(|i| i.end <= search_from + whole.start && i.start >= sentence.0)
            .filter_map(|i| i.person().map(|p| (p, (i.start, i.end))))
            .collect();
        dedup_people(&mut here);
        // "Peskov said Putin had invited Trump ... and that the two men had agreed": the last
        // two named, not the speaker.
        let counted = counted(p.as_str());
        if let Some(n) = counted
            && here.len() > n
        {
            here.drain(..here.len() - n);
        }
        // "They" reaches back to the previous sentences only from the head of its sentence
        // ("They met again in May"); later in a sentence it is more often someone unnamed
        // ("European leaders said they welcomed ...").
        let at_head = text[sentence.0..search_from + whole.start].split_whitespace().count() <= 3;
        let group = if here.len() >= 2 {
            here
        } else if at_head {
            memory.group(p.as_str())
        } else {
            Vec::new()
        };
        return (group.len() >= 2).then_some((group, end));
    }
    // "Guterres, who arrived in Baku and met Aliyev, will travel to Brazil", "Zelensky, who
    // flew to Ankara for talks with Erdogan, arrived in Tirana": the relative clause closed
    // before the verb, whose subject is the clause's antecedent.
    if relative
        && let Some(n) = nearest
        && let Some(comma) = text[n.end..t.start].rfind(',')
        && AUXILIARIES.is_match(&text[n.end + comma + 1..t.start])
    {
        let head = participants.iter().copied().rfind(|i| i.end <= clause_start)?;
        return Some((expand(&[head]), head.end));
    }
    let Some(nearest) = nearest else {
        // The person a relative clause ("..., who") is about.
        // Not a possessive: "Ding Xuexiang, Xi's special representative, who met Aliyev" is
        // about Ding (the head of the apposition), "Putin's spokesman, who" about nobody named.
        let antecedent = || {
            let last = participants.iter().copied().rfind(|i| i.end <= clause_start)?;
            if !text[last.end..].starts_with(['\'', '’']) {
                return Some(last);
            }
            participants.iter().copied().rfind(|p| p.end <= last.start && APPOSED.is_match(&text[p.end..last.start]))
        };
        // "During his two-day trip to Austria, Modi met ...": the person the clause after the
        // introductory phrase begins with; else "his" is who "he" would be.
        if NOUN_TRIGGER.is_match(&text[t.start..t.end]) && POSSESSIVE_BEFORE.is_match(&text[clause_start..t.start]) {
            let main = INTRODUCTORY.is_match(&text[sentence.0..t.start]).then(|| {
                participants
                    .iter()
                    .copied()
                    .find(|i| i.start >= t.end && text[t.end..i.start].trim_end().ends_with(','))
            });
            if let Some(Some(main)) = main {
                return Some((expand(&[main]), t.start));
            }
            // "Meloni, who made her first visit to India": the relative clause's antecedent.
            if relative && let Some(antecedent) = antecedent() {
                return Some((expand(&[antecedent]), t.start));
            }
            let person = memory.sentence_subject.or(memory.last_subject)?;
            return Some((vec![person], t.start));
        }
        if let Some(first) = memory.sentence_subject
            && AND_ELLIPSIS.is_match(&text[clause_start..t.start])
        {
            return Some((vec![first], first.1.1.min(t.start)));
        }
        if relative {
            let antecedent = antecedent()?;
            return Some((expand(&[antecedent]), antecedent.end));
        }
        // "Trudeau, who had called the tariffs \"dumb\", spoke to Trump": the person a relative
        // clause before this one is about. "Shoukry, whose trip was the first in a decade, met
        // Bagheri Kani": so too after a "whose" clause, once a comma has closed it.
        let closed_whose =
            |i: &Item| WHOSE.is_match(&text[i.end..clause_start]) && text[clause_start..t.start].contains(',');
        let head = participants.iter().copied().rfind(|i| {
            i.start >= sentence.0
                && i.end <= clause_start
                && (RELATIVE.is_match(&text[i.end..clause_start]) || closed_whose(i))
        })?;
        return Some((expand(&[head]), head.end));
    };
    // "the first member of Trump's cabinet to visit Ukraine": a possessive is the subject of
    // "Modi's visit", not of a verb further on.
    if POSSESSIVE_NOT_SUBJECT.is_match(&text[nearest.end..t.start]) {
        // "Burns, a member of Biden's Cabinet, traveled": the head of the apposition.
        let head = before.iter().rev().skip(1).find(|p| {
            p.end <= nearest.start
                && (APPOSITION.is_match(&text[p.end..nearest.start]) || APPOSED.is_match(&text[p.end..nearest.start]))
        });
        return head.map(|h| (expand(&[*h]), h.end));
    }
    // "7 million Russians visited Turkey": a country, not a person, is the subject.
    let closer = items.iter().rfind(|i| i.end <= t.start && i.start >= nearest.end && i.persons().is_empty());
    // Not for a participle after a comma ("flew on to Doha, meeting the Emir"): its subject is
    // the clause's.
    // Not a place in an apposition: "Erdogan, a close ally of Baku, held talks".
    if let Some(c) = closer
        && AUXILIARIES.is_match(&text[c.end..t.start])
        && !APPOSITION.is_match(&text[nearest.end..c.start])
        && !matches!(c.kind, ItemKind::Country { descriptor: true, .. })
        // Nor a place gone to, then the purpose: "flew to Moscow to meet Putin".
        && !(PLACE_GONE_TO.is_match(&text[nearest.end..c.start]) && text[c.end..t.start].trim() == "to")
        && !text[t.start..t.end].starts_with(',')
        // Nor for an infinitive of purpose: "travelled to Canberra to sign a treaty with X".
        && !starts_with_ignore_ascii_case(&text[t.start..t.end], "to ")
    {
        return None;
    }
    // "talks with X and a meeting with Y", "held talks with X and met Y": the verb after "and"
    // has the first verb's subject, not the person named just before it.
    if AND_ANOTHER.is_match(&text[nearest.end..t.start]) || AND_VERB.is_match(&text[nearest.end..t.start]) {
        // With no subject read before ("he" unknown), the person before "and" is an object.
        return memory.sentence_subject.map(|first| (vec![first], nearest.end));
    }
    let chain = coordinated_chain(text, items, before);
    let mut people = expand(&chain);
    // "he and Rutte held a meeting": the pronoun's person too.
    if PRONOUN_AND.is_match(&text[clause_start.max(sentence.0)..named_from(text, items, chain[0]).max(clause_start)])
        && let Some(p) = memory.sentence_subject.or(memory.last_subject)
    {
        people.insert(0, p);
    }
    dedup_people(&mut people);
    Some((people, nearest.end))
}

/// The people named in a coordination that ends with the last of `before` ("X, Y and Z"), in
/// text order; only that last one when no "and" joins them.
fn coordinated_chain<'a>(text: &str, items: &[Item], before: &[&'a Item]) -> Vec<&'a Item> {
    let Some(&last) = before.last() else { return Vec::new() };
    let mut chain = vec![last];
    let mut coordinated = false;
    for prev in before.iter().rev().skip(1) {
        let gap = &text[prev.end..named_from(text, items, chain[chain.len() - 1]).max(prev.end)];
        if !COORDINATION.is_match(gap) {
            break;
        }
        coordinated |= gap.contains("and") || gap.contains('&');
        chain.push(prev);
    }
    if !coordinated {
        chain.truncate(1);
    }
    chain.reverse();
    chain
}

/// The run of list items starting at `first` ("by X and Y").
fn list_run<'a>(text: &str, items: &[Item], participants: &[&'a Item], first: &'a Item) -> Vec<&'a Item> {
    let mut run = vec![first];
    for item in participants.iter().copied().filter(|i| i.start > first.end) {
        // "X and Chinese President Xi Jinping": the demonym is part of the name.
        let gap = &text[run[run.len() - 1].end..named_from(text, items, item).max(run[run.len() - 1].end)];
        if COORDINATION.is_match(gap) {
            run.push(item);
        } else {
            break;
        }
    }
    run
}

fn is_place(item: &Item) -> bool {
    matches!(item.kind, ItemKind::Country { place_like: true, descriptor: false, .. })
}

/// The places of a visit: the first place after `from`, then any that continue its list.
fn places_after<'a>(text: &str, items: &'a [Item], from: usize, to: usize) -> Vec<&'a Item> {
    let mut out: Vec<&Item> = Vec::new();
    for item in items.iter().filter(|i| i.start >= from && i.end <= to) {
        // "visiting the White House": a seat of government right after the verb is the country.
        let seat_visited = out.is_empty()
            && item.start - from <= 6
            && matches!(item.kind, ItemKind::Country { form: CountryForm::Seat, descriptor: false, .. });
        if seat_visited {
            out.push(item);
            break;
        }
        // "arrived in Abuja from N'Djamena", "flew from Beijing to Moscow": where they came from.
        if FROM_BEFORE.is_match(&text[from..item.start]) {
            continue;
        }
        if !is_place(item) {
            if matches!(item.kind, ItemKind::Country { .. }) && !out.is_empty() {
                break;
            }
            continue;
        }
        match out.last() {
            None if item.start - from <= 60 => out.push(item),
            None => return out,
            Some(prev) => {
                let gap = &text[prev.end..item.start];
                if gap.len() <= 60 && (gap.contains(',') || gap.contains(" and ")) {
                    out.push(item);
                } else {
                    break;
                }
            }
        }
    }
    out
}

/// A meeting in a participant's own country is a visit by the others: "their meeting in China".
#[allow(clippy::too_many_arguments)]
fn host_visits(
    ctx: &DocContext<'_>,
    text: &str,
    items: &[Item],
    t: &Trigger,
    clause_end: usize,
    people: &[Who],
    status: Status,
    facts: &mut Vec<MeetingFact>,
) {
    // Not people a group phrase stands for: "the presidents of X and Y" says nothing of who hosted.
    let people: Vec<Who> = people
        .iter()
        .copied()
        .filter(|p| !items.iter().any(|i| (i.start, i.end) == p.1 && matches!(i.kind, ItemKind::Group { .. })))
        .collect();
    let near = people.iter().map(|p| p.1.1).filter(|&e| e >= t.end).max().unwrap_or(t.end);
    let Some(place) = items.iter().find(|i| {
        i.start >= t.end
            && i.end <= clause_end
            && i.start <= near + HOST_PLACE_DISTANCE
            && (is_place(i) && IN_BEFORE.is_match(&text[t.end.min(i.start)..i.start])
                || matches!(i.kind, ItemKind::Country { form: CountryForm::Seat, descriptor: false, .. })
                    && AT_BEFORE.is_match(&text[t.end.min(i.start)..i.start]))
    }) else {
        return;
    };
    let ItemKind::Country { country, .. } = place.kind else { return };
    let iso3 = &ctx.kb.countries[country].iso3;
    let leads_here = |p: usize| {
        ctx.kb.people.get(p).is_some_and(|p| {
            p.offices_at(ctx.date).any(|o| o.role.leads_country() && o.country.as_deref() == Some(iso3))
        })
    };
    if !people.iter().any(|p| leads_here(p.0)) {
        return;
    }
    for p in
        people.iter().filter(|p| ctx.kb.people.get(p.0).and_then(|q| q.country_at(ctx.date)) != Some(iso3.as_str()))
    {
        facts.push(visit(*p, country, place, status));
    }
}

/// A person's visit to the country a place item names.
fn visit(visitor: Who, country: usize, place: &Item, status: Status) -> MeetingFact {
    fact(Participant::Person(visitor.0), visitor.1, Participant::Country(country), (place.start, place.end), status)
}

fn expand(items: &[&Item]) -> Vec<Who> {
    let mut out = Vec::new();
    for i in items {
        for &p in i.persons() {
            out.push((p, (i.start, i.end)));
        }
    }
    out
}

/// Keeps each person's first place (the lists are a sentence's people: a few, so a scan).
fn dedup_people(people: &mut Vec<Who>) {
    let mut kept = 0;
    for i in 0..people.len() {
        if !people[..kept].iter().any(|p| p.0 == people[i].0) {
            people[kept] = people[i];
            kept += 1;
        }
    }
    people.truncate(kept);
}

fn clique(people: &[Who], status: Status, facts: &mut Vec<MeetingFact>) {
    for (i, a) in people.iter().enumerate() {
        for b in &people[i + 1..] {
            if a.0 != b.0 {
                facts.push(fact(Participant::Person(a.0), a.1, Participant::Person(b.0), b.1, status));
            }
        }
    }
}

/// Each of `hubs` met each of `spokes` (not themselves).
fn star(hubs: &[Who], spokes: &[Who], status: Status, facts: &mut Vec<MeetingFact>) {
    for h in hubs {
        for s in spokes.iter().filter(|s| s.0 != h.0) {
            facts.push(fact(Participant::Person(h.0), h.1, Participant::Person(s.0), s.1, status));
        }
    }
}

/// Whether two people serve the same country at the article's date.
fn same_country(ctx: &DocContext<'_>, a: usize, b: usize) -> bool {
    let country = |p: usize| ctx.kb.people.get(p).and_then(|p| p.country_at(ctx.date));
    country(a).is_some() && country(a) == country(b)
}

fn fact(a: Participant, a_span: (usize, usize), b: Participant, b_span: (usize, usize), status: Status) -> MeetingFact {
    MeetingFact { a, b, status, spans: [a_span, b_span] }
}

fn remember(
    ctx: &DocContext<'_>,
    text: &str,
    sentence: (usize, usize),
    items: &[Item],
    facts: &[MeetingFact],
    memory: &mut Memory,
) {
    let mut people: Vec<Who> = Vec::new();
    // People the knowledge base knows: "the two leaders" later on are rarely an aide named here.
    for i in items {
        if let ItemKind::Person { person, .. } = i.kind {
            people.push((person, (i.start, i.end)));
            *memory.mentions.entry(person).or_default() += 1;
            let head =
                ctx.kb.people.get(person).is_some_and(|p| p.offices_at(ctx.date).any(|o| o.role.leads_country()));
            memory.recent.retain(|((q, _), _)| *q != person);
            memory.recent.push(((person, (i.start, i.end)), head));
        }
    }
    if memory.recent.len() > RECENT_PEOPLE {
        memory.recent.drain(..memory.recent.len() - RECENT_PEOPLE);
    }
    if memory.sentence_subject.is_some() {
        memory.last_meeting_subject = memory.sentence_subject;
    }
    // "He could also meet Ishiba": the first person named is not the subject when "he" comes
    // before them; "he" stays who it was.
    let pronoun_first = people.first().is_some_and(|first| HE_OR_SHE.is_match(&text[sentence.0..first.1.0]));
    let first_named = people.first().copied().filter(|_| !pronoun_first);
    if let Some(subject) = memory.sentence_subject.take().or(first_named) {
        memory.last_subject = Some(subject);
    }
    dedup_people(&mut people);
    // "Peskov said Putin had invited Trump ... The two men last met in 2019": the pair of a
    // meeting read here, rather than everyone named.
    let mut met: Vec<Who> = Vec::new();
    for f in facts {
        for (p, span) in [(f.a, f.spans[0]), (f.b, f.spans[1])] {
            if let Participant::Person(p) = p {
                met.push((p, span));
            }
        }
    }
    dedup_people(&mut met);
    if met.len() >= 2 {
        memory.last_met.clone_from(&met);
    }
    if let Some(pair) = facts.iter().rev().find_map(|f| match (f.a, f.b) {
        (Participant::Person(a), Participant::Person(b)) => Some(vec![(a, f.spans[0]), (b, f.spans[1])]),
        _ => None,
    }) {
        memory.last_pair = pair;
    }
    if met.len() == 2 {
        memory.last_group = met;
    } else if people.len() >= 2 {
        memory.last_group = people;
    }
}

fn dedup(facts: Vec<MeetingFact>) -> Vec<MeetingFact> {
    let mut out: Vec<MeetingFact> = Vec::new();
    for f in facts {
        if f.a == f.b {
            continue;
        }
        if !out.iter().any(|o| o.status == f.status && ((o.a == f.a && o.b == f.b) || (o.a == f.b && o.b == f.a))) {
            out.push(f);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sentences of the seed and held-out articles plus hand-made edge cases.
    fn sentences() -> Vec<String> {
        let mut texts: Vec<String> = crate::corpus::SEEDS.iter().map(|(_, t)| t.to_string()).collect();
        for set in ["heldout", "heldout2"] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(set);
            for entry in std::fs::read_dir(dir).unwrap() {
                texts.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
            }
        }
        let mut out: Vec<String> = texts
            .iter()
            .flat_map(|t| super::super::sentences::split(t).into_iter().map(|(a, b)| t[a..b].to_string()))
            .collect();
        for s in [
            "He met her.",
            "the two leaders met",
            "The Two",
            "the  two",
            "the twofold",
            "both leaders' talks",
            "bothleaders",
            "THEIR talks",
            "theirs",
            "she_ said",
            "x he",
            "other",
            "ſhe met",
            "talKs with",
            "They shook hands with Xi",
            "he sat down with",
            "it arrived at noon",
            "a meeting between",
            "Both Leaders",
            "The three",
            "the four-day",
            "him",
            "(her)",
            "9he",
        ] {
            out.push(s.to_string());
        }
        out
    }

    // Guards the prefilter of arrivals: whatever ARRIVAL accepts passes it.
    #[test]
    fn arrival_words_cover_the_arrival_pattern() {
        for verb in ["flew", "flies", "flying", "flown"] {
            for to in ["in", "into"] {
                let phrase = format!("{verb} {to}");
                assert!(ARRIVAL.is_match(&phrase), "{phrase}");
                assert!(ARRIVAL_WORDS.iter().any(|w| phrase.contains(w)), "{phrase}");
            }
        }
        // The trigger patterns give a bare "arrived" but "landed" only with "in" or "at".
        for (verb, bare) in [
            ("arrived", true),
            ("arrives", true),
            ("arriving", true),
            ("arrive", true),
            ("landed", false),
            ("lands", false),
            ("landing", false),
            ("land", false),
        ] {
            for to in ["", " in", " at"].into_iter().filter(|to| bare || !to.is_empty()) {
                let phrase = format!("{verb}{to}");
                assert!(ARRIVAL.is_match(&phrase), "{phrase}");
                assert!(ARRIVAL_WORDS.iter().any(|w| phrase.contains(w)), "{phrase}");
            }
        }
    }

    // Guards the "h"-jumping scan: it says what the plain pattern says (ASCII case folding).
    #[test]
    fn anaphora_scan_agrees_with_the_pattern() {
        let pattern = re(r"(?i-u)\b(?:he|she|him|her|they|their|the (?:two|three|four|five)|both leaders)\b");
        let mut hits = 0;
        for s in sentences() {
            assert_eq!(has_anaphora(&s), pattern.is_match(&s), "{s}");
            hits += usize::from(has_anaphora(&s));
        }
        assert!(hits > 50, "only {hits} sentences with a pronoun");
    }

    // Guards the one-scan trigger search: it finds what an alternation of the patterns finds,
    // each match's kind told by the first pattern that matches there.
    #[test]
    fn one_scan_finds_the_triggers_of_the_alternation() {
        let any = re(&TRIGGERS.iter().map(|(r, _)| format!("(?:{})", r.as_str())).collect::<Vec<_>>().join("|"));
        let anchored: Vec<(Regex, Kind)> =
            TRIGGERS.iter().map(|(r, kind)| (re(&format!("^(?:{})", r.as_str())), *kind)).collect();
        for s in sentences() {
            let mut want = Vec::new();
            for m in any.find_iter(&s) {
                let rest = &s[m.start()..];
                let kind = anchored.iter().find_map(|(regex, kind)| regex.find(rest).map(|t| (*kind, t.end())));
                if let Some((kind, len)) = kind {
                    want.push((m.start(), m.start() + len, kind));
                }
            }
            let got: Vec<_> = triggers(&s, 0).into_iter().map(|t| (t.start, t.end, t.kind)).collect();
            assert_eq!(got, want, "{s}");
        }
    }
}
