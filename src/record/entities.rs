//! The record's `entities`: ids in order of first mention, mentions as
//! code-point spans, coordinates to four decimals.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::place::Locator;
use crate::extract;
use crate::extract::entities::EntityType;

/// One entity of the article: a person, organization, place or other name,
/// with every mention of it.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Canonical name: the fullest form the article uses, without titles.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<EntityMention>,
    /// Titles and offices written before a person's name ("Defense Minister").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<String>,
    /// ISO 3166-1 alpha-2 code of a place's country, or of a nationality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// "country", "region" or "city" for a place found in the gazetteer;
    /// "nationality" for a nationality word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Latitude of a located place (a country's: the population-weighted
    /// centre of its cities).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude of a located place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// The short form the article defines for it ("NATO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acronym: Option<String>,
}

/// One mention of an entity: `[start, end)` code points in `text.body`.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct EntityMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// The linked entities, numbered `e1`, `e2`, … in the order found.
pub(super) fn entities(at: &Locator<'_>, found: &[extract::entities::Entity]) -> Vec<Entity> {
    found
        .iter()
        .enumerate()
        .map(|(i, e)| Entity {
            id: format!("e{}", i + 1),
            entity_type: e.ty,
            name: e.name.clone(),
            mentions: e
                .mentions
                .iter()
                .map(|r| {
                    let [start, end] = at.span(r);
                    EntityMention {
                        start,
                        end,
                        text: at.text(r),
                    }
                })
                .collect(),
            roles: e.roles.clone(),
            country: e.country.clone(),
            kind: e.kind.map(str::to_string),
            lat: e.lat.map(round4),
            lon: e.lon.map(round4),
            acronym: e.acronym.clone(),
        })
        .collect()
}

/// Four decimals of a degree: about 11 m, finer than any gazetteer entry.
fn round4(x: f64) -> f64 {
    (x * 1e4).round() / 1e4
}
