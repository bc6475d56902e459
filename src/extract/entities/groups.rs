//! Faiths and the peoples news names by faith or origin: "Islam",
//! "Muslims", "Jewish", "Sunni", "Latino", "Hispanics", "Kurds". Like a
//! nationality ("Russians"), such a word names a group of people, misc as
//! CoNLL-2003 tags them, never one person, place or organization; the
//! recognizer types them by their context ("Latino voters" read as a
//! person, "insulting Islam" as a person, "Muslim" as a place). A closed
//! class of English words, as the nationalities of the demonym table
//! are; a longer name that opens on one ("Muslim Brotherhood", "Catholic
//! Church", "Latino Victory Fund") is another name and keeps its type.

/// The words, lowercase. Not "christian" (a first name: "Christian
/// said"), nor "roma" (a football club's name).
const GROUP_WORDS: &[&str] = &[
    "islam",
    "christianity",
    "judaism",
    "hinduism",
    "buddhism",
    "sikhism",
    "catholicism",
    "protestantism",
    "mormonism",
    "muslim",
    "muslims",
    "christians",
    "jew",
    "jews",
    "jewish",
    "hindu",
    "hindus",
    "buddhist",
    "buddhists",
    "sikh",
    "sikhs",
    "catholic",
    "catholics",
    "protestant",
    "protestants",
    "mormon",
    "mormons",
    "evangelicals",
    "sunni",
    "sunnis",
    "shia",
    "shiite",
    "shiites",
    "druze",
    "yazidi",
    "yazidis",
    "latino",
    "latinos",
    "latina",
    "latinas",
    "latinx",
    "hispanic",
    "hispanics",
    "arab",
    "arabs",
    "kurd",
    "kurds",
    "kurdish",
    "uyghur",
    "uyghurs",
    "uighur",
    "uighurs",
    "pashtun",
    "pashtuns",
];

/// Whether `lower` (a word in lowercase) names a faith or a people of
/// one faith or origin.
pub(crate) fn is_group_word(lower: &str) -> bool {
    GROUP_WORDS.contains(&lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faiths_and_peoples_are_group_words() {
        for w in ["islam", "muslims", "latino", "hispanics", "sunni", "kurds"] {
            assert!(is_group_word(w), "{w}");
        }
        for w in ["christian", "roma", "russians", "islamabad", "Muslims"] {
            assert!(!is_group_word(w), "{w}");
        }
    }
}
