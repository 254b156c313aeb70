//! Held-out articles (tests/data/heldout: eight 2024-2025 diplomacy stories written and
//! annotated independently of the extraction rules). A regression guard on generalisation: the
//! bounds sit a little under today's scores, which the test prints.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use relmap::eval::{Gold, score};
use relmap::{Corpus, ExtractOptions, Extractor, KnowledgeBase, LoadOptions};

fn score_folder(folder: &str, articles: usize) -> relmap::eval::Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data").join(folder);
    let gold: Gold = serde_json::from_str(&std::fs::read_to_string(dir.join("gold.json")).unwrap()).unwrap();
    let (corpus, errors) = Corpus::load(&[dir], &LoadOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(corpus.documents.len(), articles);
    let kb = KnowledgeBase::builtin().unwrap();
    let ex = Extractor::new(&kb).extract(&corpus, &ExtractOptions::default());
    let report = score(&ex, &kb, &gold);
    println!("{folder}\n{}", report.render(true));
    report
}

/// The bounds a set must keep: entity F1, meeting precision, meeting F1.
fn assert_at_least(report: &relmap::eval::Report, entity_f1: f64, meeting_precision: f64, meeting_f1: f64) {
    assert!(report.entities.f1() >= entity_f1, "entity F1 {:.3}", report.entities.f1());
    assert!(report.meetings.precision() >= meeting_precision, "meeting precision {:.3}", report.meetings.precision());
    assert!(report.meetings.f1() >= meeting_f1, "meeting F1 {:.3}", report.meetings.f1());
}

#[test]
fn held_out_articles_score_as_measured() {
    assert_at_least(&score_folder("heldout", 8), 0.97, 0.97, 0.94);
}

/// A second set, written later (Tianjin SCO 2025, Putin in Mongolia, the Quad in Wilmington,
/// Erdogan in Iraq, the Oval Office clash, the Beijing parade).
#[test]
fn second_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout2", 6), 0.96, 0.97, 0.90);
}

/// A third set, written after the rules above (the G7 in Apulia, Putin in Pyongyang, Modi in
/// Kyiv, Biden and Xi at Woodside, Trump in Riyadh, Xi's South-east Asian tour, the Pope's
/// funeral, the NATO summit in The Hague). First run, before any fix it revealed: entities 0.984,
/// meetings 0.718 (precision 0.90, recall 0.60).
#[test]
fn third_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout3", 8), 0.97, 0.96, 0.91);
}

/// A fourth set, of other kinds of story (a phone-call readout, a state visit, foreign
/// ministers, a Security Council session, a trade-deal signing, a speech to Congress, a cancelled
/// trip, a regional crisis). First run, after the fixes from set 3 and before any from this set:
/// entities 0.948, meetings 0.637 (precision 0.80, recall 0.53).
#[test]
fn fourth_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout4", 8), 0.96, 0.97, 0.89);
}

/// A fifth set, from other regions and story types (an ASEAN summit, Biden in Angola, a Mercosur
/// summit, a secretary of state's shuttle, an EU summit live blog, an analysis piece spanning
/// months, an inauguration, a day of phone diplomacy). First run, after the fixes from set 4 and
/// before any from this set: entities 0.986, meetings 0.702 (precision 0.87, recall 0.59).
#[test]
fn fifth_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout5", 8), 0.98, 0.95, 0.91);
}

/// A sixth set (a G20 and a BRICS summit, the Ukraine peace summit, Ruto's state visit, Lula in
/// Beijing, the Gaza truce talks, Albanese in Beijing, Aliyev and Pashinyan at the White House).
/// First run, after the rules from sets 4 and 5 and before its own misses were looked at:
/// entities 0.952, meetings 0.671 (precision 0.85, recall 0.56).
#[test]
fn sixth_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout6", 8), 0.98, 0.97, 0.89);
}

/// A seventh set (Erdogan in Athens, the Riyadh US-Russia talks, APEC Lima, COP29 in Baku, Putin
/// in Beijing, the African peace mission, Zelenskyy in Ottawa, Modi in the UAE). First run:
/// 0.975 / P 0.827 / 0.717.
#[test]
fn seventh_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout7", 8), 0.98, 0.96, 0.84);
}

/// An eighth set (Macron's state visit to Germany, Scholz in Beijing, Erdogan in Cairo, Prabowo's
/// first tour, Raisi's funeral, Modi at the White House, Carney in Washington, Milei in Israel and
/// Rome). First run: 0.976 / P 0.816 / 0.667.
#[test]
fn eighth_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout8", 8), 0.98, 0.94, 0.85);
}

/// A ninth set (Tshisekedi and Kagame in Doha, the South American summit in Brasilia, the
/// Central Asia-EU summit in Samarkand, Modi in Brunei and Singapore, Australia's Pacific
/// treaties, Finland joining NATO, the EPC in Tirana, Wang Yi's African tour). First run:
/// 0.957 / P 0.835 / 0.745.
#[test]
fn ninth_held_out_set_scores_as_measured() {
    assert_at_least(&score_folder("heldout9", 8), 0.98, 0.93, 0.89);
}
