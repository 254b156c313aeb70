//! The generated news-like corpus the extraction benchmark measures, shared with the example
//! that dumps its extraction (so the bench's output can be compared byte for byte).

use relmap::corpus::SEEDS;
use relmap::{Corpus, Document, KnowledgeBase};

/// A deterministic generator (xorshift), so every run measures the same corpus.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 >> 11) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.next() % items.len()]
    }
}

/// Articles built from the seeds' sentences and templated diplomacy sentences with names from
/// the knowledge base, until `target_bytes`.
pub fn news_corpus(kb: &KnowledgeBase, target_bytes: usize) -> Corpus {
    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let seed_sentences: Vec<&str> = SEEDS.iter().flat_map(|(_, t)| t.split(". ")).filter(|s| s.len() > 40).collect();
    let people: Vec<&str> = kb.people.iter().map(|p| p.name.as_str()).collect();
    let countries: Vec<&str> = kb.countries.iter().map(|c| c.name.as_str()).collect();
    let orgs: Vec<&str> = kb.organisations.iter().map(|o| o.name.as_str()).collect();
    let templates = [
        "{P} met {Q} in {C} on Tuesday to discuss trade and security.",
        "{P} will visit {C} next month, the foreign ministry said.",
        "Officials from {C} and {D} held talks on the sidelines of the {O} summit.",
        "The leaders of {C}, {D} and {E} are scheduled to meet in the capital.",
        "{P} told {Q} that the {O} would stand by its members.",
        "Analysts said the meeting between {P} and {Q} could reshape relations with {C}.",
        "Markets in {C} rose after the announcement, while {D} said it would respond.",
    ];
    // Most sentences of a news article name no state, leader or organisation.
    let filler = [
        "The central bank kept interest rates unchanged on Thursday, citing persistent inflation in services.",
        "Officials said the talks had been constructive but that several issues remained unresolved.",
        "Shares of energy companies fell sharply after the announcement, while bond yields edged higher.",
        "The ministry did not respond to a request for comment on the report.",
        "Thousands of people gathered in the square on Sunday evening to mark the anniversary.",
        "Analysts expect growth to slow in the second half of the year as demand weakens.",
        "The agreement, which runs for five years, covers trade, energy and transport links.",
        "A spokesperson for the delegation declined to give details of the closed-door session.",
        "Heavy rain disrupted flights and road traffic across the region for a second day.",
        "The opposition called the decision a mistake and said it would challenge it in court.",
        "Negotiators worked late into the night to finalise the wording of the joint statement.",
        "Critics argue that the new rules will raise costs for small businesses and farmers.",
        "The document was signed in the presence of senior officials and business leaders.",
        "Security was tight around the venue, with roads closed and checkpoints on every approach.",
        "Observers noted that the final communique avoided any direct mention of the conflict.",
        "Prices of wheat and fertiliser have risen since the start of the year, officials said.",
    ];
    let mut documents = Vec::new();
    let mut total = 0;
    let mut n = 0;
    while total < target_bytes {
        let mut text = String::with_capacity(8 * 1024);
        while text.len() < 7 * 1024 {
            let roll = rng.next() % 10;
            if roll < 5 {
                text.push_str(rng.pick(&filler[..]));
                text.push(if rng.next() % 3 == 0 { '\n' } else { ' ' });
            } else if roll < 8 {
                text.push_str(rng.pick(&seed_sentences));
                text.push_str(". ");
            } else {
                let t = rng
                    .pick(&templates[..])
                    .replace("{P}", rng.pick(&people))
                    .replace("{Q}", rng.pick(&people))
                    .replace("{C}", rng.pick(&countries))
                    .replace("{D}", rng.pick(&countries))
                    .replace("{E}", rng.pick(&countries))
                    .replace("{O}", rng.pick(&orgs));
                text.push_str(&t);
                text.push(if rng.next() % 4 == 0 { '\n' } else { ' ' });
            }
        }
        total += text.len();
        documents.push(Document::from_text(&format!("gen{n:05}"), "generated", text));
        n += 1;
    }
    Corpus { documents, warnings: Vec::new() }
}
