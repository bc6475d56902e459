//! Units of measurement written after a number ("3,000 km", "5 tonnes",
//! "68-ounce", "10kph", "20 degrees Celsius"), each with its dimension and
//! how to convert it to the SI unit of that dimension, so quantities from
//! different articles compare.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What a quantity measures. Months and years convert to seconds as 1/12
/// and 1 Julian year (365.25 days).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, JsonSchema, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Dimension {
    Length,
    Mass,
    Area,
    Volume,
    Speed,
    Information,
    DataRate,
    Angle,
    Temperature,
    Energy,
    Power,
    Duration,
    /// An age ("69-year-old"); `unit` is year, month, week or day.
    Age,
    /// Things counted ("4,800 radios"); `unit` names them.
    Count,
}

impl Dimension {
    /// The SI (or customary base) unit values convert to; none for an age
    /// or a count, which no unit of [`UNITS`] measures.
    pub(crate) fn si_unit(self) -> Option<&'static str> {
        Some(match self {
            Dimension::Length => "m",
            Dimension::Mass => "kg",
            Dimension::Area => "m2",
            Dimension::Volume => "m3",
            Dimension::Speed => "m/s",
            Dimension::Information => "bit",
            Dimension::DataRate => "bit/s",
            Dimension::Angle => "rad",
            Dimension::Temperature => "K",
            Dimension::Energy => "J",
            Dimension::Power => "W",
            Dimension::Duration => "s",
            Dimension::Age | Dimension::Count => return None,
        })
    }
}

/// How a value converts to the SI unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Conv {
    Factor(f64),
    Celsius,
    Fahrenheit,
    /// No conversion: the scale is not known ("40 degrees" of heat).
    Unknown,
}

/// One unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Unit {
    /// Normalized symbol used in records ("km", "t", "°C").
    pub symbol: &'static str,
    pub dimension: Dimension,
    pub conv: Conv,
    /// Names and abbreviations read in any case.
    pub words: &'static [&'static str],
    /// Symbols read only as written ("MB" is a megabyte, "Mb" a megabit).
    pub signs: &'static [&'static str],
}

impl Unit {
    /// `value` in the SI unit of the dimension, when the unit says which.
    pub(crate) fn to_si(self, value: f64) -> Option<f64> {
        match self.conv {
            Conv::Factor(f) => Some(value * f),
            Conv::Celsius => Some(value + 273.15),
            Conv::Fahrenheit => Some((value - 32.0) * 5.0 / 9.0 + 273.15),
            Conv::Unknown => None,
        }
    }

    /// A unit of time (which can also give an age: "69-year-old").
    pub(crate) fn is_time(&self) -> bool {
        self.dimension == Dimension::Duration
    }
}

use Dimension::*;

const fn u(
    symbol: &'static str,
    dimension: Dimension,
    factor: f64,
    words: &'static [&'static str],
    signs: &'static [&'static str],
) -> Unit {
    Unit {
        symbol,
        dimension,
        conv: Conv::Factor(factor),
        words,
        signs,
    }
}

/// Every unit. The symbol "°" (degrees) is an angle unless the text is
/// about temperature; the caller decides.
pub(crate) static UNITS: &[Unit] = &[
    u(
        "mm",
        Length,
        1e-3,
        &["millimeter", "millimeters", "millimetre", "millimetres"],
        &["mm"],
    ),
    u(
        "cm",
        Length,
        1e-2,
        &["centimeter", "centimeters", "centimetre", "centimetres"],
        &["cm"],
    ),
    u(
        "m",
        Length,
        1.0,
        &["meter", "meters", "metre", "metres"],
        &["m"],
    ),
    u(
        "km",
        Length,
        1e3,
        &["kilometer", "kilometers", "kilometre", "kilometres", "kms"],
        &["km", "Km", "KM"],
    ),
    u("in", Length, 0.0254, &["inch", "inches"], &[]),
    u("ft", Length, 0.3048, &["foot", "feet", "ft"], &[]),
    u("yd", Length, 0.9144, &["yard", "yards", "yd", "yds"], &[]),
    u("mi", Length, 1609.344, &["mile", "miles"], &["mi"]),
    u(
        "nmi",
        Length,
        1852.0,
        &["nautical mile", "nautical miles"],
        &[],
    ),
    u(
        "µm",
        Length,
        1e-6,
        &[
            "micrometre",
            "micrometres",
            "micrometer",
            "micrometers",
            "micron",
            "microns",
        ],
        &["µm", "μm"],
    ),
    u(
        "nm",
        Length,
        1e-9,
        &["nanometre", "nanometres", "nanometer", "nanometers"],
        &["nm"],
    ),
    u(
        "pm",
        Length,
        1e-12,
        &["picometre", "picometres", "picometer", "picometers"],
        &[],
    ),
    u(
        "ly",
        Length,
        9.4607304725808e15,
        &["light year", "light years", "light-year", "light-years"],
        &[],
    ),
    u(
        "mg",
        Mass,
        1e-6,
        &["milligram", "milligrams", "milligramme", "milligrammes"],
        &["mg"],
    ),
    u(
        "µg",
        Mass,
        1e-9,
        &["microgram", "micrograms", "mcg"],
        &["µg", "μg"],
    ),
    u(
        "g",
        Mass,
        1e-3,
        &["gram", "grams", "gramme", "grammes"],
        &["g"],
    ),
    u(
        "kg",
        Mass,
        1.0,
        &[
            "kilogram",
            "kilograms",
            "kilogramme",
            "kilogrammes",
            "kilo",
            "kilos",
            "kgs",
        ],
        &["kg", "Kg", "KG"],
    ),
    u(
        "t",
        Mass,
        1e3,
        &[
            "tonne",
            "tonnes",
            "metric ton",
            "metric tons",
            "metric tonne",
            "metric tonnes",
        ],
        &["t"],
    ),
    u(
        "ton",
        Mass,
        907.18474,
        &["ton", "tons", "short ton", "short tons"],
        &[],
    ),
    u(
        "lb",
        Mass,
        0.45359237,
        &["pound", "pounds", "lb", "lbs"],
        &[],
    ),
    u("oz", Mass, 0.028349523125, &["ounce", "ounces", "oz"], &[]),
    u("st", Mass, 6.35029318, &["stone", "stones"], &[]),
    u("ct", Mass, 2e-4, &["carat", "carats"], &[]),
    u(
        "cm2",
        Area,
        1e-4,
        &[
            "square centimetre",
            "square centimetres",
            "square centimeter",
            "square centimeters",
            "sq cm",
        ],
        &["cm2", "cm²"],
    ),
    u(
        "m2",
        Area,
        1.0,
        &[
            "square metre",
            "square metres",
            "square meter",
            "square meters",
            "sq m",
            "sqm",
            "sq metres",
            "sq meters",
        ],
        &["m2", "m²"],
    ),
    u(
        "km2",
        Area,
        1e6,
        &[
            "square kilometre",
            "square kilometres",
            "square kilometer",
            "square kilometers",
            "sq km",
            "sq kms",
        ],
        &["km2", "km²"],
    ),
    u("ha", Area, 1e4, &["hectare", "hectares"], &["ha"]),
    u("acre", Area, 4046.8564224, &["acre", "acres"], &[]),
    u(
        "ft2",
        Area,
        0.09290304,
        &["square foot", "square feet", "sq ft"],
        &["ft2", "ft²"],
    ),
    u(
        "mi2",
        Area,
        2589988.110336,
        &["square mile", "square miles", "sq mi"],
        &["mi2", "mi²"],
    ),
    u(
        "yd2",
        Area,
        0.83612736,
        &["square yard", "square yards"],
        &[],
    ),
    u(
        "ml",
        Volume,
        1e-6,
        &[
            "millilitre",
            "millilitres",
            "milliliter",
            "milliliters",
            "ml",
        ],
        &["mL"],
    ),
    u(
        "l",
        Volume,
        1e-3,
        &["litre", "litres", "liter", "liters"],
        &["l", "L"],
    ),
    u(
        "m3",
        Volume,
        1.0,
        &["cubic metre", "cubic metres", "cubic meter", "cubic meters"],
        &["m3", "m³"],
    ),
    u(
        "km3",
        Volume,
        1e9,
        &[
            "cubic kilometre",
            "cubic kilometres",
            "cubic kilometer",
            "cubic kilometers",
        ],
        &["km3", "km³"],
    ),
    u("bcm", Volume, 1e9, &["bcm"], &[]),
    u(
        "ft3",
        Volume,
        0.028316846592,
        &["cubic foot", "cubic feet", "cu ft"],
        &[],
    ),
    u(
        "gal",
        Volume,
        0.003785411784,
        &["gallon", "gallons", "gal"],
        &[],
    ),
    u(
        "bbl",
        Volume,
        0.158987294928,
        &["barrel", "barrels", "bbl", "bbls"],
        &[],
    ),
    u("pt", Volume, 0.000473176473, &["pint", "pints"], &[]),
    u("qt", Volume, 0.000946352946, &["quart", "quarts"], &[]),
    u(
        "tsp",
        Volume,
        4.92892159375e-6,
        &["teaspoon", "teaspoons", "tsp"],
        &[],
    ),
    u(
        "tbsp",
        Volume,
        1.478676478125e-5,
        &["tablespoon", "tablespoons", "tbsp"],
        &[],
    ),
    u(
        "km/h",
        Speed,
        1.0 / 3.6,
        &[
            "kilometres per hour",
            "kilometers per hour",
            "kilometre per hour",
            "kilometer per hour",
            "km per hour",
            "km/h",
            "km/hr",
            "kph",
            "kmph",
            "kmh",
        ],
        &[],
    ),
    u(
        "mph",
        Speed,
        0.44704,
        &["miles per hour", "mile per hour", "mph"],
        &[],
    ),
    u(
        "m/s",
        Speed,
        1.0,
        &[
            "metres per second",
            "meters per second",
            "metre per second",
            "meter per second",
            "m/s",
        ],
        &[],
    ),
    u("kn", Speed, 1852.0 / 3600.0, &["knot", "knots"], &[]),
    u("bit", Information, 1.0, &["bit", "bits"], &[]),
    u("B", Information, 8.0, &["byte", "bytes"], &[]),
    u(
        "kb",
        Information,
        1e3,
        &["kilobit", "kilobits"],
        &["kb", "Kb", "kbit"],
    ),
    u(
        "KB",
        Information,
        8e3,
        &["kilobyte", "kilobytes"],
        &["KB", "kB"],
    ),
    u(
        "Mb",
        Information,
        1e6,
        &["megabit", "megabits"],
        &["Mb", "mb", "Mbit"],
    ),
    u("MB", Information, 8e6, &["megabyte", "megabytes"], &["MB"]),
    u(
        "Gb",
        Information,
        1e9,
        &["gigabit", "gigabits"],
        &["Gb", "gb"],
    ),
    u("GB", Information, 8e9, &["gigabyte", "gigabytes"], &["GB"]),
    u(
        "Tb",
        Information,
        1e12,
        &["terabit", "terabits"],
        &["Tb", "tb"],
    ),
    u("TB", Information, 8e12, &["terabyte", "terabytes"], &["TB"]),
    u("PB", Information, 8e15, &["petabyte", "petabytes"], &["PB"]),
    u("kbit/s", DataRate, 1e3, &["kbps"], &[]),
    u("Mbit/s", DataRate, 1e6, &["mbps"], &[]),
    u("Gbit/s", DataRate, 1e9, &["gbps"], &[]),
    u(
        "°",
        Angle,
        std::f64::consts::PI / 180.0,
        &["degree", "degrees", "deg"],
        &["°", "º"],
    ),
    u("rad", Angle, 1.0, &["radian", "radians", "rad"], &[]),
    Unit {
        symbol: "°C",
        dimension: Temperature,
        conv: Conv::Celsius,
        words: &[
            "degrees celsius",
            "degree celsius",
            "degrees centigrade",
            "degree centigrade",
            "celsius",
            "centigrade",
            "celcius",
            "degrees c",
            "degree c",
            "deg c",
            "°c",
            "ºc",
            "° c",
        ],
        signs: &[],
    },
    Unit {
        symbol: "°F",
        dimension: Temperature,
        conv: Conv::Fahrenheit,
        words: &[
            "degrees fahrenheit",
            "degree fahrenheit",
            "fahrenheit",
            "farenheit",
            "degrees f",
            "degree f",
            "deg f",
            "°f",
            "ºf",
            "° f",
        ],
        signs: &[],
    },
    u("K", Temperature, 1.0, &["kelvin", "kelvins"], &[]),
    u(
        "kWh",
        Energy,
        3.6e6,
        &[
            "kilowatt hour",
            "kilowatt hours",
            "kilowatt-hour",
            "kilowatt-hours",
            "kwh",
        ],
        &[],
    ),
    u(
        "MWh",
        Energy,
        3.6e9,
        &[
            "megawatt hour",
            "megawatt hours",
            "megawatt-hour",
            "megawatt-hours",
            "mwh",
        ],
        &[],
    ),
    u(
        "GWh",
        Energy,
        3.6e12,
        &[
            "gigawatt hour",
            "gigawatt hours",
            "gigawatt-hour",
            "gigawatt-hours",
            "gwh",
        ],
        &[],
    ),
    u(
        "TWh",
        Energy,
        3.6e15,
        &[
            "terawatt hour",
            "terawatt hours",
            "terawatt-hour",
            "terawatt-hours",
            "twh",
        ],
        &[],
    ),
    u("J", Energy, 1.0, &["joule", "joules"], &[]),
    u(
        "kcal",
        Energy,
        4184.0,
        &["kilocalorie", "kilocalories", "kcal"],
        &[],
    ),
    u("W", Power, 1.0, &["watt", "watts"], &[]),
    u("kW", Power, 1e3, &["kilowatt", "kilowatts", "kw"], &[]),
    u("MW", Power, 1e6, &["megawatt", "megawatts", "mw"], &[]),
    u("GW", Power, 1e9, &["gigawatt", "gigawatts", "gw"], &[]),
    u("TW", Power, 1e12, &["terawatt", "terawatts"], &[]),
    u(
        "hp",
        Power,
        745.699_871_582_270_2,
        &["horsepower", "hp", "bhp"],
        &[],
    ),
    u(
        "s",
        Duration,
        1.0,
        &["second", "seconds", "sec", "secs"],
        &[],
    ),
    u(
        "min",
        Duration,
        60.0,
        &["minute", "minutes", "min", "mins"],
        &[],
    ),
    u(
        "h",
        Duration,
        3600.0,
        &["hour", "hours", "hr", "hrs"],
        &["h"],
    ),
    u("day", Duration, 86400.0, &["day", "days"], &[]),
    u(
        "week",
        Duration,
        604800.0,
        &["week", "weeks", "wk", "wks"],
        &[],
    ),
    u("month", Duration, 2629800.0, &["month", "months"], &[]),
    u(
        "year",
        Duration,
        31557600.0,
        &["year", "years", "yr", "yrs"],
        &[],
    ),
    u("decade", Duration, 315576000.0, &["decade", "decades"], &[]),
    u(
        "century",
        Duration,
        3155760000.0,
        &["century", "centuries"],
        &[],
    ),
];

/// Pattern index → (unit index, exact-case form or `None` for any case).
struct Index {
    automaton: Option<AhoCorasick>,
    entries: Vec<Vec<(usize, Option<&'static str>)>>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut patterns: Vec<String> = Vec::new();
    let mut entries: Vec<Vec<(usize, Option<&'static str>)>> = Vec::new();
    let mut add = |text: &'static str, unit: usize, exact: bool| {
        let key = text.to_lowercase();
        let p = match patterns.iter().position(|q| *q == key) {
            Some(p) => p,
            None => {
                patterns.push(key);
                entries.push(Vec::new());
                patterns.len() - 1
            }
        };
        entries[p].push((unit, exact.then_some(text)));
    };
    for (i, unit) in UNITS.iter().enumerate() {
        for w in unit.words {
            add(w, i, false);
        }
        for s in unit.signs {
            add(s, i, true);
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .start_kind(StartKind::Anchored)
        .build(&patterns)
        .ok();
    Index { automaton, entries }
});

/// Whether `written` is, exactly as written, a unit's symbol or sign with
/// a capital letter ("GW", "MWh", "kWh"): the recognizer sometimes takes
/// one for a name.
pub(crate) fn is_capital_symbol(written: &str) -> bool {
    written.chars().any(char::is_uppercase)
        && UNITS
            .iter()
            .any(|u| u.symbol == written || u.signs.contains(&written))
}

/// The unit written at byte `pos` of `text`, and where it ends. The unit
/// must end at a word boundary.
pub(crate) fn at(text: &str, pos: usize) -> Option<(&'static Unit, usize)> {
    let index = &*INDEX;
    let ac = index.automaton.as_ref()?;
    let input = Input::new(text).range(pos..).anchored(Anchored::Yes);
    let m = ac.find(input)?;
    let end = m.end();
    if !text.is_char_boundary(end) {
        return None;
    }
    let written = &text[pos..end];
    let next = text[end..].chars().next();
    let last = written.chars().next_back();
    if next.is_some_and(|c| {
        c.is_alphanumeric() && (last.is_some_and(char::is_alphabetic) || c.is_ascii_digit())
    }) {
        return None;
    }
    let candidates = &index.entries[m.pattern().as_usize()];
    let exact = candidates
        .iter()
        .find(|(_, form)| form.is_some_and(|f| f == written));
    let any = candidates.iter().find(|(_, form)| form.is_none());
    let (unit, _) = exact.or(any)?;
    Some((&UNITS[*unit], end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str) -> Option<(&'static str, &str)> {
        at(text, 0).map(|(u, end)| (u.symbol, &text[..end]))
    }

    #[test]
    fn units_by_name_and_sign() {
        assert_eq!(unit("km road"), Some(("km", "km")));
        assert_eq!(unit("square meters of"), Some(("m2", "square meters")));
        assert_eq!(unit("metric tons of"), Some(("t", "metric tons")));
        assert_eq!(unit("MB file"), Some(("MB", "MB")));
        assert_eq!(unit("mb file"), Some(("Mb", "mb")));
        assert_eq!(
            unit("Kilometers per hour"),
            Some(("km/h", "Kilometers per hour"))
        );
        assert_eq!(unit("km/hr"), Some(("km/h", "km/hr")));
        assert_eq!(unit("degrees Celsius"), Some(("°C", "degrees Celsius")));
        assert_eq!(unit("M people"), None);
        assert_eq!(unit("kmx"), None);
        assert_eq!(unit("m2 plot"), Some(("m2", "m2")));
        assert_eq!(unit("m212"), None);
    }

    #[test]
    fn conversions() {
        let km = UNITS.iter().find(|u| u.symbol == "km").expect("km");
        assert_eq!(km.to_si(3.0), Some(3000.0));
        let c = UNITS.iter().find(|u| u.symbol == "°C").expect("C");
        assert!(c.to_si(20.0).is_some_and(|k| (k - 293.15).abs() < 1e-9));
    }
}
