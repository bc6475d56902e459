//! Words that are never a keyword nor part of one: function words, the
//! commonest verbs and adverbs, reporting verbs, and the calendar words news
//! puts in every article ("Monday", "said"). A phrase candidate ends at each
//! of them.

use std::collections::HashSet;
use std::sync::LazyLock;

/// The list, lowercase.
const WORDS: &str = "
a about above according across actually after afterwards again against ago ahead all almost
alone along already also although always am among amongst an and another any anybody anyone
anything anyway anywhere are around as at away back be became because become becomes becoming
been before beforehand behind being below beside besides between beyond both but by can cannot
could did do does doing done down due during each either else elsewhere enough especially even
ever every everyone everything everywhere except far few first for former formerly from further
furthermore get gets getting given go goes going gone got had has have having he her here hereby
herein hers herself him himself his how however i ie if in inc indeed instead into is it its
itself just last later latter least less let like likely many may maybe me meanwhile might mine
more moreover most mostly much must my myself namely near nearly neither never nevertheless new
next no nobody none nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps put quite rather really said same
say saying says second see seem seemed seeming seems several she should since so some somehow
someone something sometime sometimes somewhere still such than that the their theirs them
themselves then thence there thereafter thereby therefore therein thereupon these they thing
things this those though through throughout thru thus to together too toward towards under until
up upon us use used uses using very via was we well were what whatever when whence whenever
where whereafter whereas whereby wherein whereupon wherever whether which while whither who
whoever whole whom whose why will with within without would yet you your yours yourself
yourselves also told tell tells telling asked asks added adds noted notes stated says
make makes made making take takes took taken come comes came coming want wants wanted
know knows knew known think thinks thought look looks looked year years day days week weeks
month months today yesterday tomorrow time times way ways lot lots part parts kind sort
monday tuesday wednesday thursday friday saturday sunday january february march april june july
august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
mr mrs ms dr st jr sr ltd co corp plc etc vs am pm re ll ve don didn doesn isn wasn aren weren
won wouldn couldn shouldn haven hasn hadn can't won't don't didn't doesn't isn't wasn't
aren't weren't wouldn't couldn't shouldn't haven't hasn't hadn't it's he's she's that's
there's what's who's i'm you're we're they're i've you've we've they've i'd you'd he'd she'd
we'd they'd i'll you'll he'll she'll we'll they'll let's n't 's s t d m o y
two three four five six seven eight nine ten eleven twelve hundred thousand million billion
trillion dozen dozens hundreds thousands millions billions percent per cent
";

static SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| WORDS.split_whitespace().collect());

/// Whether the lowercase `word` is a stop word (straight or curly apostrophe).
pub(crate) fn is_stop(word: &str) -> bool {
    if word.contains('’') {
        return SET.contains(word.replace('’', "'").as_str());
    }
    SET.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_and_calendar_words_stop() {
        for w in ["the", "said", "friday", "march", "don’t", "million"] {
            assert!(is_stop(w), "{w}");
        }
        for w in ["merger", "covid-19", "g7", "acquisition"] {
            assert!(!is_stop(w), "{w}");
        }
    }
}
