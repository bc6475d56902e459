//! Common nouns that news writes in capitals: initialisms of things, not
//! of bodies ("the AI boom", "EV makers", "GDP grew", "the IPO", "an ETF",
//! "VAT was cut", "the CEO"). The model, which learned that a word in
//! capitals is most often an organization, tags them as one; each is no
//! name at all. A body with such letters is written otherwise in news
//! (Amnesty International is not "AI"), and a body the article defines
//! by a long form keeps that form's entity.

/// The initialisms, lowercase, each a thing or a trade's term in
/// economics, finance, technology, health or politics; their plurals
/// ("EVs", "IPOs", "CEOs") are read through [`is_common_initialism`].
const COMMON: &[&str] = &[
    "agm", "ai", "aids", "api", "atm", "cbd", "ccs", "cctv", "cd", "ceo", "cfo", "cio", "coo",
    "cpi", "cpu", "cto", "dna", "dvd", "ebitda", "eps", "esg", "etf", "ev", "faq", "fdi", "fpso",
    "gdp", "gmo", "gp", "gps", "gpu", "hgv", "hiv", "hr", "hvdc", "icu", "id", "ipo", "iq", "isp",
    "ivf", "lcd", "led", "lgbt", "lgbtq", "lng", "lpg", "mri", "nfc", "nft", "oled", "pc", "pdf",
    "pin", "pmi", "ppa", "ppe", "qe", "ram", "reit", "rfid", "rna", "roi", "sim", "sme", "sms",
    "spac", "ssd", "suv", "tv", "uav", "ufo", "url", "usb", "vat", "vpn", "vr",
];

/// Whether a token (`lower`, in lowercase) is a common initialism
/// written in capitals (`all_caps`), or its plural with a lowercase "s"
/// (`plural`: "EVs", "IPOs"; "PCS", all in capitals, is a union, not
/// personal computers).
pub(crate) fn is_common_initialism(lower: &str, all_caps: bool, plural: bool) -> bool {
    (all_caps && COMMON.contains(&lower))
        || (plural
            && lower
                .strip_suffix('s')
                .is_some_and(|one| one.len() >= 2 && COMMON.contains(&one)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_lowercase_and_once() {
        assert!(COMMON.windows(2).all(|w| w[0] < w[1]), "sort the list");
        assert!(COMMON.iter().all(|w| *w == w.to_lowercase()));
    }

    #[test]
    fn initialisms_and_their_plurals_in_capitals() {
        assert!(is_common_initialism("ai", true, false));
        assert!(is_common_initialism("evs", false, true));
        assert!(is_common_initialism("ipos", false, true));
        assert!(!is_common_initialism("ai", false, false));
        assert!(!is_common_initialism("pcs", true, false));
        assert!(!is_common_initialism("nhs", true, false));
        assert!(!is_common_initialism("s", false, true));
    }
}
