//! The knowledge base's file format: the TOML tables as written by people, before validation.

use serde::Deserialize;

/// One knowledge-base file: any mix of the four tables.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KbFile {
    #[serde(default)]
    pub country: Vec<RawCountry>,
    #[serde(default)]
    pub organisation: Vec<RawOrganisation>,
    #[serde(default)]
    pub membership: Vec<RawMembership>,
    #[serde(default)]
    pub person: Vec<RawPerson>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCountry {
    pub iso2: Option<String>,
    pub iso3: String,
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub demonyms: Vec<String>,
    pub capital: Option<String>,
    #[serde(default)]
    pub metonyms: Vec<String>,
    /// Other cities, which name only a place in the country ("arrived in Shanghai").
    #[serde(default)]
    pub cities: Vec<String>,
    pub executive: Option<String>,
    pub un_status: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOrganisation {
    pub acronym: String,
    pub name: Option<String>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMembership {
    pub org: String,
    pub country: String,
    pub status: String,
    pub since: Option<String>,
    pub until: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPerson {
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub offices: Vec<RawOffice>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOffice {
    pub role: String,
    pub country: Option<String>,
    pub org: Option<String>,
    pub title: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    #[serde(default)]
    pub acting: bool,
}
