//! Adapters for the `NumberWithUnit/*` specs: money, dimensions,
//! temperatures and ages, from the money and quantity extractors.
//!
//! The spec names units in English ("Dollar", "Kilometer per hour"); the
//! records use ISO 4217 codes and unit symbols. The mapping lives here and
//! only here. Two of the spec's conventions are followed: an amount written
//! with an ambiguous sign or name (`$`, `£`, "francs") has no ISO code but
//! the generic unit name ("Dollar"), and gallons and barrels count as weight.

use super::{Expected, Model, Prediction, chars, same_number, spec_number};
use crate::document::offsets::CharOffsets;
use crate::extract::quantities::{self, Measure};
use crate::extract::units::Dimension;
use crate::extract::{currency, money, numbers, percent};

/// Gold unit names compare in lower case and in the singular.
fn unit_key(name: &str) -> String {
    let n = name.trim().to_lowercase();
    n.strip_suffix('s')
        .filter(|_| !n.ends_with("ss"))
        .map(str::to_string)
        .unwrap_or(n)
}

/// `CurrencyModel`: amounts of money; a currency named alone has no value.
pub(crate) struct Currencies;

impl Model for Currencies {
    fn predict(&self, input: &str) -> Vec<Prediction> {
        let offsets = CharOffsets::new(input);
        let nums = numbers::scan(input);
        money::find(input, &nums)
            .iter()
            .map(|m| {
                let (s, e) = chars(&offsets, &m.head);
                let amount = m.span.map(|(_, high)| high).or(m.amount);
                let mut units: Vec<String> = Vec::new();
                let value = if let Some(minor) = m.minor {
                    units.push(unit_key(minor));
                    amount.map(|a| (a * 100.0 * 1e9).round() / 1e9)
                } else {
                    if let Some(f) = m.family {
                        units.push(unit_key(f));
                    } else {
                        if let Some(n) = currency::name(m.currency) {
                            units.push(unit_key(n));
                        }
                        units.extend(
                            currency::forms_of(m.currency)
                                .filter(|f| f.kind == currency::FormKind::Word)
                                .map(|f| unit_key(f.text)),
                        );
                    }
                    amount
                };
                Prediction {
                    units,
                    iso: Some(m.currency),
                    ..Prediction::number(s, e, "currency", value)
                }
            })
            .collect()
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        let value_ok = match (spec_number(expected.resolution.get("value")), p.value) {
            (Some(a), Some(b)) => same_number(a, b),
            (None, None) => true,
            _ => false,
        };
        let unit_ok = match expected.field("isoCurrency") {
            Some(iso) => p.iso == Some(iso),
            None => expected
                .field("unit")
                .is_some_and(|u| p.units.contains(&unit_key(u))),
        };
        expected.kind == p.kind && value_ok && unit_ok
    }
}

/// The spec's name and subtype of a unit symbol.
fn spec_unit(symbol: &str, text: &str) -> Option<(&'static str, &'static str)> {
    Some(match symbol {
        "mm" => ("Millimeter", "Length"),
        "cm" => ("Centimeter", "Length"),
        "m" => ("Meter", "Length"),
        "km" => ("Kilometer", "Length"),
        "in" => ("Inch", "Length"),
        "ft" => ("Foot", "Length"),
        "yd" => ("Yard", "Length"),
        "mi" => ("Mile", "Length"),
        "nmi" => ("Nautical mile", "Length"),
        "µm" => ("Micrometer", "Length"),
        "nm" => ("Nanometer", "Length"),
        "pm" => ("Picometer", "Length"),
        "ly" => ("Light year", "Length"),
        "mg" => ("Milligram", "Weight"),
        "µg" => ("Microgram", "Weight"),
        "g" => ("Gram", "Weight"),
        "kg" => ("Kilogram", "Weight"),
        "t" if text.to_lowercase().contains("metric") => ("Metric ton", "Weight"),
        "t" | "ton" => ("Ton", "Weight"),
        "lb" => ("Pound", "Weight"),
        "oz" => ("Ounce", "Weight"),
        "st" => ("Stone", "Weight"),
        "ct" => ("Carat", "Weight"),
        "cm2" => ("Square centimeter", "Area"),
        "m2" => ("Square meter", "Area"),
        "km2" => ("Square kilometer", "Area"),
        "ha" => ("Hectare", "Area"),
        "acre" => ("Acre", "Area"),
        "ft2" => ("Square foot", "Area"),
        "mi2" => ("Square mile", "Area"),
        "yd2" => ("Square yard", "Area"),
        "ml" => ("Milliliter", "Volume"),
        "l" => ("Liter", "Volume"),
        "m3" => ("Cubic meter", "Volume"),
        "km3" => ("Cubic kilometer", "Volume"),
        "ft3" => ("Cubic foot", "Volume"),
        // The spec files gallons and barrels under weight.
        "gal" => ("Gallon", "Weight"),
        "bbl" => ("Barrel", "Weight"),
        "pt" => ("Pint", "Volume"),
        "qt" => ("Quart", "Volume"),
        "tsp" => ("Teaspoon", "Volume"),
        "tbsp" => ("Tablespoon", "Volume"),
        "km/h" => ("Kilometer per hour", "Speed"),
        "mph" => ("Mile per hour", "Speed"),
        "m/s" => ("Meter per second", "Speed"),
        "kn" => ("Knot", "Speed"),
        "bit" => ("Bit", "Information"),
        "B" => ("Byte", "Information"),
        "kb" => ("Kilobit", "Information"),
        "KB" => ("Kilobyte", "Information"),
        "Mb" => ("Megabit", "Information"),
        "MB" => ("Megabyte", "Information"),
        "Gb" => ("Gigabit", "Information"),
        "GB" => ("Gigabyte", "Information"),
        "Tb" => ("Terabit", "Information"),
        "TB" => ("Terabyte", "Information"),
        "PB" => ("Petabyte", "Information"),
        "°" => ("Degree", "Angle"),
        "rad" => ("Radian", "Angle"),
        _ => return None,
    })
}

fn quantities_of(input: &str) -> Vec<quantities::Quantity> {
    let nums = numbers::scan(input);
    let money = money::find(input, &nums);
    let mut taken: Vec<_> = money
        .iter()
        .filter(|m| m.amount.is_some())
        .map(|m| m.range.clone())
        .collect();
    taken.extend(
        percent::find(input, &nums, &taken)
            .into_iter()
            .filter(|p| p.value.is_some())
            .map(|p| p.range),
    );
    quantities::find(input, &nums, &taken)
}

fn unit_matches(expected: &Expected, p: &Prediction) -> bool {
    let value_ok = match (spec_number(expected.resolution.get("value")), p.value) {
        (Some(a), Some(b)) => same_number(a, b),
        (None, None) => true,
        _ => false,
    };
    let unit_ok = expected
        .field("unit")
        .is_some_and(|u| p.units.contains(&unit_key(u)));
    let subtype_ok = match expected.field("subtype") {
        Some(s) => p.subtype == Some(s) || p.subtype.is_some_and(|t| t.eq_ignore_ascii_case(s)),
        None => true,
    };
    expected.kind == p.kind && value_ok && unit_ok && subtype_ok
}

/// A spec unit name and, where the spec gives one, its subtype.
type SpecUnit = (&'static str, Option<&'static str>);

/// A model of quantities with a unit: the spec's kind of result and the
/// spec unit and subtype of each quantity it covers (`None` for the others).
pub(crate) struct UnitModel {
    kind: &'static str,
    unit_of: fn(&quantities::Quantity, &str) -> Option<SpecUnit>,
}

impl Model for UnitModel {
    /// One prediction for each quantity the model covers, valued at the top
    /// of a range.
    fn predict(&self, input: &str) -> Vec<Prediction> {
        let offsets = CharOffsets::new(input);
        quantities_of(input)
            .iter()
            .filter_map(|q| {
                let (unit, subtype) = (self.unit_of)(q, input)?;
                let (s, e) = chars(&offsets, &q.head);
                let value = q.span.map_or(q.value, |(_, high)| high);
                Some(Prediction {
                    units: vec![unit_key(unit)],
                    subtype,
                    ..Prediction::number(s, e, self.kind, Some(value))
                })
            })
            .collect()
    }

    fn matches(&self, expected: &Expected, p: &Prediction) -> bool {
        unit_matches(expected, p)
    }
}

/// `DimensionModel`: lengths, weights, areas, volumes, speeds, information
/// and angles.
pub(crate) const DIMENSIONS: UnitModel = UnitModel {
    kind: "dimension",
    unit_of: |q, input| {
        let Measure::Unit(u) = &q.measure else {
            return None;
        };
        if !matches!(
            u.dimension,
            Dimension::Length
                | Dimension::Mass
                | Dimension::Area
                | Dimension::Volume
                | Dimension::Speed
                | Dimension::Information
                | Dimension::Angle
        ) {
            return None;
        }
        let (name, subtype) = spec_unit(u.symbol, &input[q.head.clone()])?;
        Some((name, Some(subtype)))
    },
};

/// `TemperatureModel`: degrees Celsius, Fahrenheit, or unnamed.
pub(crate) const TEMPERATURES: UnitModel = UnitModel {
    kind: "temperature",
    unit_of: |q, _| {
        let Measure::Unit(u) = &q.measure else {
            return None;
        };
        let unit = match (u.dimension, u.symbol) {
            (Dimension::Temperature, "°C") => "C",
            (Dimension::Temperature, "°F") => "F",
            (Dimension::Temperature, "K") => "K",
            (Dimension::Temperature, _) => "Degree",
            _ => return None,
        };
        Some((unit, None))
    },
};

/// `AgeModel`: ages in years, months, weeks or days.
pub(crate) const AGES: UnitModel = UnitModel {
    kind: "age",
    unit_of: |q, _| {
        let Measure::Age(u) = &q.measure else {
            return None;
        };
        let unit = match u.symbol {
            "year" => "Year",
            "month" => "Month",
            "week" => "Week",
            "day" => "Day",
            _ => return None,
        };
        Some((unit, None))
    },
};
