//! The curated knowledge base: countries, organisations, memberships and office-holders,
//! loaded from TOML, validated, and indexed for the queries extraction needs.

mod schema;

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::error::KbError;
pub use schema::KbFile;
use schema::{RawCountry, RawMembership, RawOffice, RawOrganisation, RawPerson};

/// A calendar date (no time zone: news dates are days).
pub type Date = NaiveDate;

/// The built-in knowledge-base files, embedded in the binary so relmap runs from any folder.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("assets/kb/countries.toml", include_str!("../../assets/kb/countries.toml")),
    ("assets/kb/organisations.toml", include_str!("../../assets/kb/organisations.toml")),
    ("assets/kb/people/heads_a_l.toml", include_str!("../../assets/kb/people/heads_a_l.toml")),
    ("assets/kb/people/heads_m_z.toml", include_str!("../../assets/kb/people/heads_m_z.toml")),
    ("assets/kb/people/officials.toml", include_str!("../../assets/kb/people/officials.toml")),
    ("assets/kb/people/officials_more.toml", include_str!("../../assets/kb/people/officials_more.toml")),
    ("assets/kb/people/officials_extra.toml", include_str!("../../assets/kb/people/officials_extra.toml")),
    ("assets/kb/people/officials_envoys.toml", include_str!("../../assets/kb/people/officials_envoys.toml")),
    ("assets/kb/people/officials_regions.toml", include_str!("../../assets/kb/people/officials_regions.toml")),
    ("assets/kb/people/historical.toml", include_str!("../../assets/kb/people/historical.toml")),
];

/// What an office is, as far as resolving "the Turkish president" or "the leader of X" goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    HeadOfState,
    HeadOfGovernment,
    VicePresident,
    ForeignMinister,
    DefenceMinister,
    Spokesperson,
    OrgHead,
    Other,
}

impl Role {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "head_of_state" => Self::HeadOfState,
            "head_of_government" => Self::HeadOfGovernment,
            "vice_president" => Self::VicePresident,
            "foreign_minister" => Self::ForeignMinister,
            "defence_minister" | "defense_minister" => Self::DefenceMinister,
            "spokesperson" => Self::Spokesperson,
            "org_head" => Self::OrgHead,
            "other" => Self::Other,
            _ => return None,
        })
    }

    /// Heads of state and government lead their country (a `leads` edge).
    pub fn leads_country(self) -> bool {
        matches!(self, Self::HeadOfState | Self::HeadOfGovernment)
    }
}

/// A country's status in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Member,
    Observer,
    DialoguePartner,
    Partner,
}

impl MemberStatus {
    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "member" => Self::Member,
            "observer" => Self::Observer,
            "dialogue_partner" => Self::DialoguePartner,
            "partner" => Self::Partner,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Observer => "observer",
            Self::DialoguePartner => "dialogue_partner",
            Self::Partner => "partner",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Country {
    pub iso2: String,
    pub iso3: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: Option<String>,
    pub metonyms: Vec<String>,
    /// Other cities: places in the country, never the state itself.
    pub cities: Vec<String>,
    /// Whose office "the leader of <country>" means.
    pub executive: Role,
    pub un_status: String,
}

#[derive(Debug, Clone)]
pub struct Organisation {
    pub acronym: String,
    pub name: String,
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Membership {
    pub org: String,
    pub country: String,
    pub status: MemberStatus,
    pub since: Option<Date>,
    pub until: Option<Date>,
}

impl Membership {
    pub fn active_at(&self, date: Option<Date>) -> bool {
        active(self.since, self.until, date)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Office {
    pub role: Role,
    /// ISO alpha-3 of the country, for national offices.
    pub country: Option<String>,
    /// Acronym of the organisation, for heads of organisations.
    pub org: Option<String>,
    pub title: String,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub acting: bool,
}

impl Office {
    pub fn held_at(&self, date: Option<Date>) -> bool {
        active(self.start, self.end, date)
    }
}

/// Is an interval `[since, until)` active at `date`? With no date: is it open-ended (current)?
fn active(since: Option<Date>, until: Option<Date>, date: Option<Date>) -> bool {
    match date {
        Some(d) => since.is_none_or(|s| s <= d) && until.is_none_or(|u| d < u),
        None => until.is_none(),
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    /// `person:<ascii slug>`.
    pub id: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub offices: Vec<Office>,
}

impl Person {
    pub fn offices_at(&self, date: Option<Date>) -> impl Iterator<Item = &Office> {
        self.offices.iter().filter(move |o| o.held_at(date))
    }

    /// Whether the person holds any office at `date`.
    pub fn in_office_at(&self, date: Option<Date>) -> bool {
        self.offices_at(date).next().is_some()
    }

    /// The country the person serves at `date`, else the country of their latest office.
    pub fn country_at(&self, date: Option<Date>) -> Option<&str> {
        self.offices_at(date)
            .find_map(|o| o.country.as_deref())
            .or_else(|| self.latest_office().and_then(|o| o.country.as_deref()))
    }

    /// The office shown as a label: held at `date`, else the latest one.
    pub fn office_at(&self, date: Option<Date>) -> Option<&Office> {
        let mut held: Vec<&Office> = self.offices_at(date).collect();
        held.sort_by_key(|o| (o.role, o.acting));
        held.first().copied().or_else(|| self.latest_office())
    }

    fn latest_office(&self) -> Option<&Office> {
        self.offices.iter().max_by_key(|o| (o.end.is_none(), o.end, o.start))
    }
}

/// Which table an entity id points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityRef {
    Country(usize),
    Organisation(usize),
    Person(usize),
}

/// The validated, indexed knowledge base.
#[derive(Debug, Clone, Default)]
pub struct KnowledgeBase {
    pub countries: Vec<Country>,
    pub organisations: Vec<Organisation>,
    pub memberships: Vec<Membership>,
    pub people: Vec<Person>,
    by_id: HashMap<String, EntityRef>,
    by_iso3: HashMap<String, usize>,
    by_acronym: HashMap<String, usize>,
    /// (country index, role) -> people who ever held that office there.
    by_office: HashMap<(usize, Role), Vec<usize>>,
    /// ISO alpha-3 -> indices into `memberships`.
    by_member: HashMap<String, Vec<usize>>,
    /// The text of the user's own file merged over the built-in one (`--kb FILE`, a project's
    /// additions), kept so that a project saved from this knowledge base keeps it too.
    pub user_text: Option<String>,
}

/// The raw tables of several files, merged entry by entry before validation.
#[derive(Debug, Default)]
struct Staging {
    countries: BTreeMap<String, (String, RawCountry)>,
    organisations: BTreeMap<String, (String, RawOrganisation)>,
    memberships: Vec<(String, RawMembership)>,
    people: BTreeMap<String, (String, RawPerson)>,
}

impl KnowledgeBase {
    /// The knowledge base shipped with relmap.
    pub fn builtin() -> Result<Self, KbError> {
        Self::from_sources(BUILTIN_FILES.iter().map(|(f, t)| (f.to_string(), t.to_string())))
    }

    /// The built-in knowledge base with a user's file merged over it.
    pub fn builtin_with_user_file(path: &Path) -> Result<Self, KbError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| KbError::Read { file: path.display().to_string(), message: e.to_string() })?;
        let builtin = BUILTIN_FILES.iter().map(|(f, t)| (f.to_string(), t.to_string()));
        let mut kb = Self::from_sources(builtin.chain(std::iter::once((path.display().to_string(), text.clone()))))?;
        kb.user_text = Some(text);
        Ok(kb)
    }

    /// The built-in knowledge base with a user's file given as text (from a project), named
    /// `name` in errors.
    pub fn builtin_with_user_text(name: &str, text: &str) -> Result<Self, KbError> {
        let builtin = BUILTIN_FILES.iter().map(|(f, t)| (f.to_string(), t.to_string()));
        let mut kb = Self::from_sources(builtin.chain(std::iter::once((name.to_string(), text.to_string()))))?;
        kb.user_text = Some(text.to_string());
        Ok(kb)
    }

    /// Parses, merges (later files extend earlier entries) and validates `(file name, text)` pairs.
    pub fn from_sources(sources: impl IntoIterator<Item = (String, String)>) -> Result<Self, KbError> {
        let mut staging = Staging::default();
        for (file, text) in sources {
            let parsed: KbFile = toml::from_str(&text)
                .map_err(|e| KbError::Parse { file: file.clone(), message: e.to_string().trim_end().to_string() })?;
            staging.add(&file, parsed);
        }
        staging.validate()
    }

    pub fn entity(&self, id: &str) -> Option<EntityRef> {
        self.by_id.get(id).copied()
    }

    pub fn country(&self, iso3: &str) -> Option<&Country> {
        self.by_iso3.get(iso3).map(|&i| &self.countries[i])
    }

    pub fn country_index(&self, iso3: &str) -> Option<usize> {
        self.by_iso3.get(iso3).copied()
    }

    pub fn organisation(&self, acronym: &str) -> Option<&Organisation> {
        self.by_acronym.get(acronym).map(|&i| &self.organisations[i])
    }

    pub fn person_by_id(&self, id: &str) -> Option<&Person> {
        match self.entity(id)? {
            EntityRef::Person(i) => Some(&self.people[i]),
            _ => None,
        }
    }

    /// People holding an office of `role` in `country` at `date` (acting holders last).
    pub fn holders(&self, country: &str, role: Role, date: Option<Date>) -> Vec<usize> {
        let Some(candidates) = self.by_iso3.get(country).and_then(|&c| self.by_office.get(&(c, role))) else {
            return Vec::new();
        };
        let mut found: Vec<(bool, usize)> = candidates
            .iter()
            .filter_map(|&i| {
                let held = self.people[i]
                    .offices
                    .iter()
                    .find(|o| o.role == role && o.country.as_deref() == Some(country) && o.held_at(date))?;
                Some((!held.acting, i))
            })
            .collect();
        found.sort_by_key(|&(substantive, i)| (!substantive, i));
        found.into_iter().map(|(_, i)| i).collect()
    }

    /// The person who "the leader of `country`" means at `date`.
    pub fn leader_of(&self, country: &str, date: Option<Date>) -> Option<usize> {
        let executive = self.country(country)?.executive;
        let other = if executive == Role::HeadOfState { Role::HeadOfGovernment } else { Role::HeadOfState };
        let first = self.holders(country, executive, date).first().copied();
        first.or_else(|| self.holders(country, other, date).first().copied())
    }

    /// Every membership of a country (all statuses, all dates), sorted.
    pub fn memberships_of(&self, iso3: &str) -> Vec<&Membership> {
        // `memberships` is sorted, so a country's entries come out sorted too.
        self.by_member.get(iso3).map(|list| list.iter().map(|&i| &self.memberships[i]).collect()).unwrap_or_default()
    }

    /// The country's status in `org` at `date`, if any.
    pub fn status_at(&self, iso3: &str, org: &str, date: Option<Date>) -> Option<MemberStatus> {
        self.memberships
            .iter()
            .filter(|m| m.country == iso3 && m.org == org && m.active_at(date))
            .map(|m| m.status)
            .min()
    }
}

/// `person:<slug>` from a canonical name: ASCII, lower case, words joined by `-`.
pub fn person_id(name: &str) -> String {
    format!("person:{}", slug(name))
}

pub fn slug(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn push_unique(into: &mut Vec<String>, from: Vec<String>) {
    for s in from {
        if !into.contains(&s) {
            into.push(s);
        }
    }
}

impl Staging {
    fn add(&mut self, file: &str, parsed: KbFile) {
        for c in parsed.country {
            match self.countries.get_mut(&c.iso3) {
                Some((_, old)) => {
                    old.iso2 = c.iso2.or(old.iso2.take());
                    old.name = c.name.or(old.name.take());
                    old.capital = c.capital.or(old.capital.take());
                    old.executive = c.executive.or(old.executive.take());
                    old.un_status = c.un_status.or(old.un_status.take());
                    push_unique(&mut old.aliases, c.aliases);
                    push_unique(&mut old.demonyms, c.demonyms);
                    push_unique(&mut old.metonyms, c.metonyms);
                    push_unique(&mut old.cities, c.cities);
                }
                None => {
                    self.countries.insert(c.iso3.clone(), (file.to_string(), c));
                }
            }
        }
        for o in parsed.organisation {
            match self.organisations.get_mut(&o.acronym) {
                Some((_, old)) => {
                    old.name = o.name.or(old.name.take());
                    push_unique(&mut old.aliases, o.aliases);
                }
                None => {
                    self.organisations.insert(o.acronym.clone(), (file.to_string(), o));
                }
            }
        }
        self.memberships.extend(parsed.membership.into_iter().map(|m| (file.to_string(), m)));
        for p in parsed.person {
            let key = p.id.clone().unwrap_or_else(|| person_id(&p.name));
            match self.people.get_mut(&key) {
                Some((_, old)) => {
                    push_unique(&mut old.aliases, p.aliases);
                    for office in p.offices {
                        if !old.offices.iter().any(|o| same_office(o, &office)) {
                            old.offices.push(office);
                        }
                    }
                }
                None => {
                    self.people.insert(key, (file.to_string(), p));
                }
            }
        }
    }

    fn validate(self) -> Result<KnowledgeBase, KbError> {
        let mut kb = KnowledgeBase::default();
        for (iso3, (file, c)) in self.countries {
            let entry = format!("country {iso3}");
            let bad = |problem: String| KbError::Invalid { file: file.clone(), entry: entry.clone(), problem };
            if iso3.len() != 3 || !iso3.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(bad("iso3 must be three capital letters".into()));
            }
            let name = c.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| bad("has no name".into()))?;
            let executive = match c.executive.as_deref() {
                None => Role::HeadOfState,
                Some(s) => match Role::parse(s) {
                    Some(r @ (Role::HeadOfState | Role::HeadOfGovernment)) => r,
                    _ => return Err(bad(format!("executive `{s}` must be head_of_state or head_of_government"))),
                },
            };
            check_strings(&c.aliases, &bad)?;
            check_strings(&c.demonyms, &bad)?;
            check_strings(&c.metonyms, &bad)?;
            check_strings(&c.cities, &bad)?;
            kb.by_iso3.insert(iso3.clone(), kb.countries.len());
            kb.by_id.insert(format!("country:{iso3}"), EntityRef::Country(kb.countries.len()));
            kb.countries.push(Country {
                iso2: c.iso2.unwrap_or_default(),
                iso3,
                name,
                aliases: c.aliases,
                demonyms: c.demonyms,
                capital: c.capital,
                metonyms: c.metonyms,
                cities: c.cities,
                executive,
                un_status: c.un_status.unwrap_or_else(|| "none".into()),
            });
        }
        for (acronym, (file, o)) in self.organisations {
            let bad = |problem: String| KbError::Invalid {
                file: file.clone(),
                entry: format!("organisation {acronym}"),
                problem,
            };
            if acronym.trim().is_empty() || acronym.contains(char::is_whitespace) {
                return Err(bad("acronym must be one word".into()));
            }
            let name = o.name.filter(|n| !n.trim().is_empty()).ok_or_else(|| bad("has no name".into()))?;
            check_strings(&o.aliases, &bad)?;
            kb.by_acronym.insert(acronym.clone(), kb.organisations.len());
            kb.by_id.insert(format!("org:{acronym}"), EntityRef::Organisation(kb.organisations.len()));
            kb.organisations.push(Organisation { acronym, name, aliases: o.aliases });
        }
        for (file, m) in self.memberships {
            let bad = |problem: String| KbError::Invalid {
                file: file.clone(),
                entry: format!("membership {} in {}", m.country, m.org),
                problem,
            };
            if !kb.by_acronym.contains_key(&m.org) {
                return Err(bad(format!("unknown organisation `{}`", m.org)));
            }
            if !kb.by_iso3.contains_key(&m.country) {
                return Err(bad(format!("unknown country `{}`", m.country)));
            }
            let status = MemberStatus::parse(&m.status).ok_or_else(|| {
                bad(format!("status `{}` must be member, observer, dialogue_partner or partner", m.status))
            })?;
            let since = parse_date(m.since.as_deref()).map_err(|e| bad(format!("since: {e}")))?;
            let until = parse_date(m.until.as_deref()).map_err(|e| bad(format!("until: {e}")))?;
            if let (Some(s), Some(u)) = (since, until)
                && s > u
            {
                return Err(bad(format!("since {s} is after until {u}")));
            }
            let membership = Membership { org: m.org, country: m.country, status, since, until };
            if !kb.memberships.contains(&membership) {
                kb.memberships.push(membership);
            }
        }
        kb.memberships.sort();
        for (i, m) in kb.memberships.iter().enumerate() {
            kb.by_member.entry(m.country.clone()).or_default().push(i);
        }
        for (id, (file, p)) in self.people {
            let bad = |problem: String| KbError::Invalid {
                file: file.clone(),
                entry: format!("person '{}'", p.name),
                problem,
            };
            if p.name.trim().is_empty() || slug(&p.name).is_empty() {
                return Err(bad("has no name".into()));
            }
            check_strings(&p.aliases, &bad)?;
            let mut offices = Vec::with_capacity(p.offices.len());
            for o in &p.offices {
                offices.push(validate_office(o, &kb).map_err(&bad)?);
            }
            for o in &offices {
                if let Some(&c) = o.country.as_ref().and_then(|c| kb.by_iso3.get(c)) {
                    let list = kb.by_office.entry((c, o.role)).or_default();
                    if !list.contains(&kb.people.len()) {
                        list.push(kb.people.len());
                    }
                }
            }
            kb.by_id.insert(id.clone(), EntityRef::Person(kb.people.len()));
            kb.people.push(Person { id, name: p.name, aliases: p.aliases, offices });
        }
        Ok(kb)
    }
}

fn same_office(a: &RawOffice, b: &RawOffice) -> bool {
    a.role == b.role && a.country == b.country && a.org == b.org && a.start == b.start
}

fn validate_office(o: &RawOffice, kb: &KnowledgeBase) -> Result<Office, String> {
    let role = Role::parse(&o.role).ok_or_else(|| {
        format!(
            "role `{}` is not one of head_of_state, head_of_government, vice_president, \
             foreign_minister, defence_minister, spokesperson, org_head, other",
            o.role
        )
    })?;
    if let Some(c) = &o.country
        && !kb.by_iso3.contains_key(c)
    {
        return Err(format!("office `{}`: unknown country `{c}`", o.role));
    }
    if let Some(org) = &o.org
        && !kb.by_acronym.contains_key(org)
    {
        return Err(format!("office `{}`: unknown organisation `{org}`", o.role));
    }
    if o.country.is_none() && o.org.is_none() {
        return Err(format!("office `{}` names neither a country nor an org", o.role));
    }
    let start = parse_date(o.start.as_deref()).map_err(|e| format!("office start: {e}"))?;
    let end = parse_date(o.end.as_deref()).map_err(|e| format!("office end: {e}"))?;
    if let (Some(s), Some(e)) = (start, end)
        && s > e
    {
        return Err(format!("office starts {s}, after it ends {e}"));
    }
    Ok(Office {
        role,
        country: o.country.clone(),
        org: o.org.clone(),
        title: o.title.clone().unwrap_or_else(|| o.role.replace('_', " ")),
        start,
        end,
        acting: o.acting,
    })
}

fn check_strings(list: &[String], bad: &dyn Fn(String) -> KbError) -> Result<(), KbError> {
    match list.iter().find(|s| s.trim().is_empty() || s.trim() != s.as_str()) {
        Some(s) => Err(bad(format!("name `{s}` is empty or has surrounding spaces"))),
        None => Ok(()),
    }
}

/// Parses `YYYY-MM-DD`.
pub fn parse_date(s: Option<&str>) -> Result<Option<Date>, String> {
    match s {
        None | Some("") => Ok(None),
        Some(s) => {
            NaiveDate::parse_from_str(s, "%Y-%m-%d").map(Some).map_err(|_| format!("`{s}` is not a date (YYYY-MM-DD)"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINI: &str = r#"
[[country]]
iso2 = "RU"
iso3 = "RUS"
name = "Russia"
demonyms = ["Russian"]
[[country]]
iso2 = "BY"
iso3 = "BLR"
name = "Belarus"
[[organisation]]
acronym = "SCO"
name = "Shanghai Cooperation Organisation"
[[membership]]
org = "SCO"
country = "BLR"
status = "observer"
since = "2015-07-10"
until = "2024-07-04"
[[membership]]
org = "SCO"
country = "BLR"
status = "member"
since = "2024-07-04"
[[person]]
name = "Vladimir Putin"
aliases = ["Putin"]
offices = [{ role = "head_of_state", country = "RUS", title = "President", start = "2012-05-07" }]
"#;

    fn mini() -> KnowledgeBase {
        KnowledgeBase::from_sources([("mini.toml".to_string(), MINI.to_string())]).unwrap()
    }

    fn d(s: &str) -> Option<Date> {
        parse_date(Some(s)).unwrap()
    }

    #[test]
    fn membership_status_follows_dates() {
        let kb = mini();
        assert_eq!(kb.status_at("BLR", "SCO", d("2024-07-03")), Some(MemberStatus::Observer));
        assert_eq!(kb.status_at("BLR", "SCO", d("2024-07-04")), Some(MemberStatus::Member));
        assert_eq!(kb.status_at("BLR", "SCO", None), Some(MemberStatus::Member));
        assert_eq!(kb.status_at("BLR", "SCO", d("2001-01-01")), None);
    }

    #[test]
    fn leader_of_uses_the_executive_office() {
        let kb = mini();
        let putin = kb.leader_of("RUS", d("2024-07-03")).unwrap();
        assert_eq!(kb.people[putin].id, "person:vladimir-putin");
        assert_eq!(kb.leader_of("RUS", d("2010-01-01")), None);
    }

    #[test]
    fn slug_folds_accents() {
        assert_eq!(person_id("Recep Tayyip Erdoğan"), "person:recep-tayyip-erdogan");
        assert_eq!(person_id("António Guterres"), "person:antonio-guterres");
        assert_eq!(person_id("Kim Jong Un"), "person:kim-jong-un");
    }

    #[test]
    fn user_file_extends_an_entry() {
        let user = "[[person]]\nname = \"Vladimir Putin\"\naliases = [\"V. Putin\"]\n";
        let kb = KnowledgeBase::from_sources([
            ("mini.toml".to_string(), MINI.to_string()),
            ("user.toml".to_string(), user.to_string()),
        ])
        .unwrap();
        let p = kb.person_by_id("person:vladimir-putin").unwrap();
        assert_eq!(p.aliases, vec!["Putin", "V. Putin"]);
        assert_eq!(p.offices.len(), 1);
    }

    #[test]
    fn errors_name_file_entry_and_problem() {
        let broken = MINI.replace("status = \"member\"", "status = \"friend\"");
        let err = KnowledgeBase::from_sources([("kb.toml".to_string(), broken)]).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("kb.toml") && msg.contains("BLR in SCO") && msg.contains("friend"), "{msg}");

        let bad_date = MINI.replace("2012-05-07", "2012-13-07");
        let msg = KnowledgeBase::from_sources([("kb.toml".to_string(), bad_date)]).unwrap_err().to_string();
        assert!(msg.contains("Vladimir Putin") && msg.contains("2012-13-07"), "{msg}");

        let syntax = "[[country]\niso3 = 1";
        let msg = KnowledgeBase::from_sources([("x.toml".to_string(), syntax.to_string())]).unwrap_err().to_string();
        assert!(msg.contains("x.toml"), "{msg}");
    }
}
