//! The record's `entities`: ids in order of first mention, mentions as
//! code-point spans, coordinates to four decimals.

use super::place::Locator;
use super::{Entity, EntityMention};
use crate::extract;

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
