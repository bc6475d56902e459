//! Scraper residue: the page furniture a copy of an article drags into its
//! text ("Listen 3 min", "Share this article", "Gift Article", "Sign up
//! for our newsletter", "FG Trade via Getty Images", "Advertisement", "12
//! comments", "Read more: …"). Such a line is short, is not a sentence, and
//! speaks to the reader as an interface does (an imperative such as
//! "listen", "share", "subscribe"; words such as "newsletter", "min read")
//! or credits a picture ("via Getty Images", "Photo: …"). Each line is
//! scored on those signs, not matched against one site's strings, and the
//! lines that score high enough leave the body; the record counts them.

use std::ops::Range;

use super::DocLink;
use super::body::remove_paragraph;

/// Verbs only an interface uses at the start of a line ("Subscribe",
/// "Download the app"); "sign" and "log" count when "up", "in" or "out"
/// follows.
const UI_ONLY_VERBS: &[&str] = &[
    "subscribe",
    "download",
    "bookmark",
    "unlock",
    "install",
    "tweet",
    "email",
    "e-mail",
    "gift",
    "donate",
    "register",
    "advertise",
];

/// Everyday verbs a page also addresses its reader with ("Share this
/// article", "Watch the video above"): a sign only beside an interface word,
/// since a subheading may start with them too ("Follow the money").
const UI_VERBS: &[&str] = &[
    "listen", "share", "follow", "save", "print", "read", "watch", "click", "tap", "skip", "copy",
    "view", "continue", "join", "support", "like", "reply", "report", "get", "enter", "comment",
    "comments",
];

/// Words of a page's interface rather than of a story.
const UI_NOUNS: &[&str] = &[
    "article",
    "story",
    "newsletter",
    "newsletters",
    "inbox",
    "app",
    "podcast",
    "link",
    "min",
    "mins",
    "minute",
    "minutes",
    "comments",
    "comment",
    "shares",
    "subscribers",
    "subscription",
    "advertisement",
    "sponsored",
    "ad",
    "here",
    "now",
    "gift",
    "audio",
    "video",
    "email",
    "updates",
    "alerts",
    "notifications",
    "account",
    "facebook",
    "twitter",
    "whatsapp",
    "linkedin",
    "instagram",
    "x",
    "above",
    "below",
    "address",
];

/// A line made of nothing but one of these is an ad slot or a label.
const LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "ad",
    "promoted",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading",
    "continue reading below",
    "read more",
    "see more",
    "show more",
    "load more",
    "more",
    "related",
    "related articles",
    "related stories",
    "recommended",
    "most read",
    "most popular",
    "trending",
    "share",
    "share this",
    "comments",
    "comment",
    "listen",
    "watch",
    "close",
    "menu",
    "skip",
    "back to top",
    "copy link",
    "print",
];

/// Lead-ins of a link to another story ("Read more: …", "Related article: …").
const TAIL_LEADS: &[&str] = &[
    "read more:",
    "read more",
    "related:",
    "related article:",
    "related articles:",
    "related story:",
    "related stories:",
    "see also:",
    "more:",
    "more on this story:",
    "also read:",
    "read also:",
    "recommended:",
    "watch:",
    "listen:",
    "read:",
];

/// Credit markers of a picture ("FG Trade via Getty Images", "Photo: AP").
const CREDIT_MARKERS: &[&str] = &[
    "getty images",
    "shutterstock",
    "photo:",
    "photo by",
    "photograph:",
    "photograph by",
    "picture:",
    "pictures:",
    "image:",
    "image by",
    "image credit",
    "credit:",
    "photo credit",
    "illustration:",
    "illustration by",
    "ap photo",
    "reuters/",
    "/reuters",
    "afp via",
    "via afp",
    "/ap",
    "ap/",
    "pa media",
    "pa wire",
    "alamy",
    "epa-efe",
    "©",
];

/// Score from which a line is residue.
const THRESHOLD: i32 = 4;
/// Longest line that can be residue (a credit or a "Read more" tail).
const MAX_WORDS: usize = 20;
/// Longest line that is short as a button or prompt is.
const SHORT_WORDS: usize = 8;

/// How likely `line` is page furniture: the signs it shows, added up.
fn score(line: &str) -> i32 {
    let text = line.trim().trim_matches(['*', '_', '|', '•', '·']).trim();
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return 0;
    }
    let bare = words.join(" ");
    if LABELS.contains(&bare.as_str()) {
        return THRESHOLD;
    }
    let mut s = 0;
    let sentence_end = text.ends_with(['.', '!', '?', '"', '”', '’']) && !text.ends_with("...");
    if words.len() <= SHORT_WORDS {
        s += 1;
        if !sentence_end {
            s += 1;
        }
    }
    let ui_noun = words.iter().skip(1).any(|w| UI_NOUNS.contains(w));
    let account = matches!(
        (words.first(), words.get(1)),
        (Some(&"sign" | &"log"), Some(&"up" | &"in" | &"out" | &"on"))
    );
    match words.first() {
        Some(w) if account || UI_ONLY_VERBS.contains(w) => s += 3,
        Some(w) if UI_VERBS.contains(w) => s += if ui_noun { 3 } else { 1 },
        _ if ui_noun => s += 1,
        _ => {}
    }
    // "3 min read", "12 comments", "1.2K shares": a counter.
    let has_number = words
        .iter()
        .any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    if has_number && words.len() <= 4 && words.iter().any(|w| UI_NOUNS.contains(w)) {
        s += 1;
    }
    if CREDIT_MARKERS.iter().any(|m| lower.contains(m)) && !sentence_end {
        s += 3;
        // A caption ending with its picture's credit: "… on Monday. (Jane Roe/AFP/Getty Images)"
        if lower.ends_with(')')
            && lower
                .rfind('(')
                .is_some_and(|open| CREDIT_MARKERS.iter().any(|m| lower[open..].contains(m)))
        {
            s += 1;
        }
    }
    if !sentence_end && TAIL_LEADS.iter().any(|l| lower.starts_with(l)) {
        s += 3;
    }
    // A line with a clause in it ("Share prices fell, traders said.") is prose.
    if sentence_end && words.len() > SHORT_WORDS {
        s -= 2;
    }
    s
}

/// Whether a paragraph is scraper residue rather than text.
pub(crate) fn is_residue(paragraph: &str) -> bool {
    score(paragraph) >= THRESHOLD
}

/// Removes the residue paragraphs of a body (keeping at least one
/// paragraph) and returns how many it removed.
pub(crate) fn strip(
    body: &mut String,
    paragraphs: &mut Vec<Range<usize>>,
    links: &mut Vec<DocLink>,
) -> usize {
    let mut removed = 0;
    let mut i = 0;
    while i < paragraphs.len() {
        if paragraphs.len() > 1 && is_residue(&body[paragraphs[i].clone()]) {
            remove_paragraph(body, paragraphs, links, i);
            removed += 1;
        } else {
            i += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widgets_prompts_credits_and_labels_are_residue() {
        for line in [
            "Listen 3 min",
            "Listen to this article",
            "Comment on this story",
            "Gift Article",
            "Share this article",
            "Share on Facebook",
            "Sign up for our Morning Briefing newsletter",
            "Sign up for the daily newsletter.",
            "Subscribe now",
            "FG Trade via Getty Images",
            "Photo: Jane Roe/AP",
            "(Photograph: John Doe/Reuters)",
            "Advertisement",
            "ADVERTISEMENT",
            "Story continues below advertisement",
            "12 Comments",
            "Comments (34)",
            "5 min read",
            "Read more: Why the pound fell again",
            "Related article: Talks Resume After a Long Pause",
            "Read more",
            "Follow Jane Roe on Twitter @janeroe.",
            "Watch the full interview above.",
            "Enter your email address:",
            "The senator speaks in Ohio on October 2, 2015. (Jane Roe/AFP/Getty Images)",
        ] {
            assert!(is_residue(line), "{line:?} is residue ({})", score(line));
        }
    }

    #[test]
    fn sentences_of_a_story_are_not_residue() {
        for line in [
            "Share prices fell on Monday.",
            "Listen to the people, he said.",
            "Sign language interpreters joined the talks.",
            "Read the full report, which runs to 300 pages, before you judge it.",
            "Follow the money, investigators say.",
            "The photo, taken by a bystander, went viral.",
            "Getty Images, the picture agency, reported higher sales in 2004.",
            "He said the app had 12 million users.",
            "More than 5.2 million Germans were out of work in February, new figures show.",
            "Watch out for rising prices, the bank warned.",
            "Click and collect sales rose 20%.",
            "Comments by the minister angered unions.",
            "Follow the money",
            "Read between the lines",
            "Get more for less",
            "Share prices fell",
        ] {
            assert!(!is_residue(line), "{line:?} is prose ({})", score(line));
        }
    }

    #[test]
    fn strip_counts_what_it_removes() {
        let mut body =
            "Listen 3 min\n\nThe text begins here.\n\nAdvertisement\n\nIt ends.".to_string();
        let mut paras = vec![0..12, 14..35, 37..50, 52..60];
        let n = strip(&mut body, &mut paras, &mut Vec::new());
        assert_eq!(n, 2);
        assert_eq!(body, "The text begins here.\n\nIt ends.");
    }
}
