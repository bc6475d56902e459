//! US states as news abbreviates them: AP style ("Calif.", "N.Y.") after
//! a city or a lawmaker's party, and the postal codes ("CA") in a
//! lawmaker's "(D-CA)". Written with their dots dropped, lowercase.

/// AP-style abbreviations and the state each names. States AP writes
/// in full ("Texas", "Ohio") are the table's own names.
const AP_STYLE: &[(&str, &str)] = &[
    ("ala", "Alabama"),
    ("ariz", "Arizona"),
    ("ark", "Arkansas"),
    ("calif", "California"),
    ("colo", "Colorado"),
    ("conn", "Connecticut"),
    ("del", "Delaware"),
    ("fla", "Florida"),
    ("ga", "Georgia"),
    ("ill", "Illinois"),
    ("ind", "Indiana"),
    ("kan", "Kansas"),
    ("kans", "Kansas"),
    ("ky", "Kentucky"),
    ("la", "Louisiana"),
    ("md", "Maryland"),
    ("mass", "Massachusetts"),
    ("mich", "Michigan"),
    ("minn", "Minnesota"),
    ("miss", "Mississippi"),
    ("mo", "Missouri"),
    ("mont", "Montana"),
    ("neb", "Nebraska"),
    ("nev", "Nevada"),
    ("nh", "New Hampshire"),
    ("nj", "New Jersey"),
    ("nm", "New Mexico"),
    ("ny", "New York"),
    ("nc", "North Carolina"),
    ("nd", "North Dakota"),
    ("okla", "Oklahoma"),
    ("ore", "Oregon"),
    ("pa", "Pennsylvania"),
    ("ri", "Rhode Island"),
    ("sc", "South Carolina"),
    ("sd", "South Dakota"),
    ("tenn", "Tennessee"),
    ("tex", "Texas"),
    ("vt", "Vermont"),
    ("va", "Virginia"),
    ("wash", "Washington"),
    ("wva", "West Virginia"),
    ("wis", "Wisconsin"),
    ("wyo", "Wyoming"),
];

/// States AP spells in full, which also follow a party ("R-Texas").
const IN_FULL: &[&str] = &[
    "alaska", "hawaii", "idaho", "iowa", "maine", "ohio", "texas", "utah",
];

/// The postal codes (besides those AP style shares).
const POSTAL: &[&str] = &[
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "fl", "hi", "id", "il", "in", "ia", "ks", "me",
    "mi", "mn", "ms", "mt", "ne", "nv", "ok", "or", "tn", "tx", "ut", "wa", "wv", "wi", "wy", "dc",
];

/// Lowercase, without dots ("N.Y." → "ny").
fn plain(word: &str) -> String {
    word.chars()
        .filter(|&c| c != '.')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The state an AP-style abbreviation names ("Calif." → "California").
pub(crate) fn ap_style(word: &str) -> Option<&'static str> {
    let w = plain(word);
    AP_STYLE
        .iter()
        .find(|(a, _)| *a == w)
        .map(|&(_, name)| name)
}

/// Whether `word` abbreviates a state as a lawmaker's party tag writes
/// it: AP style, in full, or a postal code.
pub(crate) fn is_state_tag(word: &str) -> bool {
    let w = plain(word);
    ap_style(&w).is_some() || IN_FULL.contains(&w.as_str()) || POSTAL.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_name_their_states() {
        assert_eq!(ap_style("Calif."), Some("California"));
        assert_eq!(ap_style("N.Y."), Some("New York"));
        assert_eq!(ap_style("Paris"), None);
        assert!(is_state_tag("CA") && is_state_tag("Texas") && is_state_tag("W.Va."));
        assert!(!is_state_tag("Day"));
    }
}
