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

/// The postal codes and the state each names (besides those AP style
/// shares: "ga", "ky", "nc", "ny", "pa" …).
const POSTAL: &[(&str, &str)] = &[
    ("al", "Alabama"),
    ("ak", "Alaska"),
    ("az", "Arizona"),
    ("ar", "Arkansas"),
    ("ca", "California"),
    ("co", "Colorado"),
    ("ct", "Connecticut"),
    ("de", "Delaware"),
    ("fl", "Florida"),
    ("hi", "Hawaii"),
    ("id", "Idaho"),
    ("il", "Illinois"),
    ("in", "Indiana"),
    ("ia", "Iowa"),
    ("ks", "Kansas"),
    ("me", "Maine"),
    ("mi", "Michigan"),
    ("mn", "Minnesota"),
    ("ms", "Mississippi"),
    ("mt", "Montana"),
    ("ne", "Nebraska"),
    ("nv", "Nevada"),
    ("ok", "Oklahoma"),
    ("or", "Oregon"),
    ("tn", "Tennessee"),
    ("tx", "Texas"),
    ("ut", "Utah"),
    ("wa", "Washington"),
    ("wv", "West Virginia"),
    ("wi", "Wisconsin"),
    ("wy", "Wyoming"),
    ("dc", "District of Columbia"),
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

/// The state a postal code in capitals names ("NC" → "North Carolina",
/// "TN" → "Tennessee"), as addresses and listings write it after a city.
pub(crate) fn postal(word: &str) -> Option<&'static str> {
    if word.len() != 2 || !word.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let w = word.to_ascii_lowercase();
    POSTAL
        .iter()
        .find(|(code, _)| *code == w)
        .map(|&(_, name)| name)
        .or_else(|| ap_style(&w))
}

/// The state an abbreviation written as dotted initials names ("N.C.",
/// "D.C.", "W.Va."): in that form no word of English reads the same, so
/// it needs no city before it ("D.C. lobbyists").
pub(crate) fn dotted(word: &str) -> Option<&'static str> {
    let dots = word.matches('.').count();
    if dots < 2 || !word.ends_with('.') || !word.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let w = plain(word);
    if !DOTTED.contains(&w.as_str()) {
        return None;
    }
    ap_style(&w).or_else(|| (w == "dc").then_some("District of Columbia"))
}

/// The states AP writes as dotted initials. Other initials that read as
/// a state's code are words or titles: "O.K.", "I.D.", "M.D.", "L.A.",
/// "V.A.", "P.A.".
const DOTTED: &[&str] = &[
    "nh", "nj", "nm", "ny", "nc", "nd", "ri", "sc", "sd", "wva", "dc",
];

/// Whether `word` abbreviates a state as a lawmaker's party tag writes
/// it: AP style, in full, or a postal code.
pub(crate) fn is_state_tag(word: &str) -> bool {
    let w = plain(word);
    ap_style(&w).is_some()
        || IN_FULL.contains(&w.as_str())
        || POSTAL.iter().any(|(code, _)| *code == w)
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
        assert_eq!(postal("NC"), Some("North Carolina"));
        assert_eq!(postal("TN"), Some("Tennessee"));
        assert_eq!(postal("DE"), Some("Delaware"));
        assert_eq!(postal("Tn"), None);
        assert_eq!(postal("UK"), None);
        assert_eq!(dotted("N.C."), Some("North Carolina"));
        assert_eq!(dotted("D.C."), Some("District of Columbia"));
        assert_eq!(dotted("W.Va."), Some("West Virginia"));
        // One dot is an abbreviation that may be a word; no state, no initials.
        assert_eq!(dotted("Calif."), None);
        assert_eq!(dotted("U.K."), None);
        assert_eq!(dotted("n.c."), None);
        for word in ["O.K.", "I.D.", "M.D.", "L.A.", "V.A.", "P.A."] {
            assert_eq!(dotted(word), None, "{word}");
        }
    }
}
