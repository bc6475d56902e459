//! Labelled NER files and conlleval scoring. Three layouts are read, told
//! apart by their lines (see [`Layout`]): CoNLL (word first, tag last,
//! documents split at `-DOCSTART-`), UNER (CoNLL-U-like: `#` comments,
//! `# newdoc` documents, the tag in the third tab column) and CrossNER
//! passages (`word<TAB>tag`, each blank-line block a passage of its own).
//! Tags may be IO, IOB1, IOB2 or IOBES: chunks are read with conlleval's
//! rules, so all score alike. CrossNER's fine types are mapped to the four
//! CoNLL types on reading (see [`coarse_type`]).

use std::collections::BTreeMap;

use crate::extract::entities::tagger;

/// How a labelled file lays out its tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// CoNLL-2003 and WikiGold: one token a line, word first and tag last
    /// (space or tab separated), blank lines between sentences,
    /// `-DOCSTART-` lines between documents (none: one document).
    Conll,
    /// Universal NER (UNER English-PUD): lines starting with `#` are
    /// comments and `# newdoc` starts a document; token lines are tab
    /// separated: index, word, tag, then columns that are not read. UNER
    /// tags no MISC (names CoNLL would tag MISC are `O` there), so only
    /// PER, ORG and LOC are scored on it.
    Uner,
    /// CrossNER: `word<TAB>tag`, no document markers; a blank-line block is
    /// one passage (one or a few sentences of one Wikipedia article) and is
    /// read as a document of one sentence, so no evidence crosses from one
    /// unrelated passage to the next.
    Passages,
}

impl Layout {
    /// The layout of a file's text: UNER when its first line is a `#`
    /// comment or starts with a token index followed by two more tab
    /// columns; CrossNER passages when its token lines are two tab columns
    /// and it has no `-DOCSTART-`; CoNLL otherwise.
    pub(crate) fn detect(text: &str) -> Layout {
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let Some(first) = lines.next() else {
            return Layout::Conll;
        };
        let cols: Vec<&str> = first.split('\t').collect();
        if first.starts_with('#')
            || (cols.len() >= 3 && cols[0].bytes().all(|b| b.is_ascii_digit()))
        {
            return Layout::Uner;
        }
        let two_tab_columns = |l: &str| l.split('\t').count() == 2;
        if two_tab_columns(first)
            && !text.contains("-DOCSTART-")
            && text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .all(two_tab_columns)
        {
            return Layout::Passages;
        }
        Layout::Conll
    }

    /// The entity types the layout's gold annotates, so the only ones
    /// scored on it.
    pub(crate) fn scored_types(self) -> &'static [&'static str] {
        match self {
            Layout::Uner => &["PER", "ORG", "LOC"],
            Layout::Conll | Layout::Passages => &tagger::TYPES,
        }
    }

    /// The word and the tag of a token line; `None` for lines that are no
    /// token (comments, document markers).
    fn token(self, line: &str) -> Option<(&str, &str)> {
        match self {
            Layout::Conll => {
                let mut cols = line.split_whitespace();
                let word = cols.next()?;
                if word == "-DOCSTART-" {
                    return None;
                }
                Some((word, cols.next_back().unwrap_or("O")))
            }
            Layout::Uner => {
                if line.starts_with('#') {
                    return None;
                }
                let mut cols = line.split('\t');
                let _index = cols.next()?;
                let word = cols.next()?;
                Some((word, cols.next().unwrap_or("O")))
            }
            Layout::Passages => {
                let (word, tag) = line.split_once('\t').unwrap_or((line, "O"));
                Some((word, tag.trim()))
            }
        }
    }

    /// Whether the line starts a new document.
    fn starts_document(self, line: &str) -> bool {
        match self {
            Layout::Conll => line.starts_with("-DOCSTART-"),
            Layout::Uner => line.starts_with("# newdoc"),
            Layout::Passages => false,
        }
    }
}

/// CrossNER's fine types as the CoNLL types they are (approximately: a
/// whole election name such as "2016 Belarusian parliamentary election" is
/// one CrossNER entity, where CoNLL tags only "Belarusian"): politicians
/// and persons are PER, parties and organisations ORG, locations and
/// countries LOC, elections, events and other names MISC. Other types are
/// kept as written.
pub(crate) fn coarse_type(ty: &str) -> &str {
    match ty {
        "politician" | "person" => "PER",
        "politicalparty" | "organisation" | "organization" => "ORG",
        "location" | "country" => "LOC",
        "election" | "event" | "misc" => "MISC",
        other => other,
    }
}

/// A gold tag with its type made coarse (`B-politician` → `B-PER`).
fn coarse_tag(tag: &str) -> String {
    match tag.split_once('-') {
        Some((p, t)) if p.len() == 1 => format!("{p}-{}", coarse_type(t)),
        _ => tag.to_string(),
    }
}

/// One sentence: its words, gold tags as written (types made coarse), and
/// the file lines they came from (for writing predictions back).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Sentence {
    pub words: Vec<String>,
    pub gold: Vec<String>,
    pub lines: Vec<usize>,
}

/// One document (one `-DOCSTART-` to the next).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Doc {
    pub sentences: Vec<Sentence>,
}

/// Reads a file's text into documents, in the layout its lines show.
pub(crate) fn read(text: &str) -> Vec<Doc> {
    read_as(text, Layout::detect(text))
}

/// Reads a file's text laid out as `layout` into documents.
pub(crate) fn read_as(text: &str, layout: Layout) -> Vec<Doc> {
    let mut docs = vec![Doc::default()];
    let mut sent = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            flush(&mut docs, &mut sent);
            if layout == Layout::Passages {
                new_document(&mut docs);
            }
            continue;
        }
        if layout.starts_document(line) {
            flush(&mut docs, &mut sent);
            new_document(&mut docs);
            continue;
        }
        let Some((word, tag)) = layout.token(line) else {
            continue;
        };
        sent.words.push(word.to_string());
        sent.gold.push(coarse_tag(tag));
        sent.lines.push(n);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

/// Starts a new document unless the current one is still empty.
fn new_document(docs: &mut Vec<Doc>) {
    if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
        docs.push(Doc::default());
    }
}

fn flush(docs: &mut [Doc], sent: &mut Sentence) {
    if !sent.words.is_empty()
        && let Some(d) = docs.last_mut()
    {
        d.sentences.push(std::mem::take(sent));
    }
}

fn split(tag: &str) -> (char, &str) {
    if tag == "O" || tag.is_empty() {
        return ('O', "");
    }
    match tag.split_once('-') {
        Some((p, t)) if p.len() == 1 => (p.chars().next().unwrap_or('I'), t),
        _ => ('I', tag),
    }
}

/// Chunks `(start, end, type)` of a tag sequence, by conlleval's rules: a
/// chunk starts at `B-`/`S-`, or at `I-`/`E-` after `O`, after another
/// type, or after an `E-`/`S-`; it ends before `O`, before a start, or
/// after `E-`/`S-`.
pub(crate) fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let mut prev = ('O', "");
    for (i, tag) in tags.iter().enumerate() {
        let (p, ty) = split(tag.as_ref());
        let starts = match p {
            'O' => false,
            'B' | 'S' => true,
            _ => prev.0 == 'O' || prev.1 != ty || matches!(prev.0, 'E' | 'S'),
        };
        if (starts || p == 'O')
            && let Some((s, t)) = open.take()
        {
            out.push((s, i, t.to_string()));
        }
        if starts {
            open = Some((i, ty));
        }
        if matches!(p, 'E' | 'S')
            && let Some((s, t)) = open.take()
        {
            out.push((s, i + 1, t.to_string()));
        }
        prev = (p, ty);
    }
    if let Some((s, t)) = open {
        out.push((s, tags.len(), t.to_string()));
    }
    out
}

/// Counts for one type: correct, found (predicted), gold.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub correct: usize,
    pub found: usize,
    pub gold: usize,
}

impl Counts {
    pub(crate) fn precision(&self) -> f64 {
        ratio(self.correct, self.found)
    }
    pub(crate) fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub(crate) fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Scores per type and in all, plus token counts.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Score {
    pub by_type: BTreeMap<String, Counts>,
    pub tokens: usize,
    pub tokens_correct: usize,
}

impl Score {
    /// Adds one sentence: gold and predicted tags.
    pub(crate) fn add<A: AsRef<str>, B: AsRef<str>>(&mut self, gold: &[A], pred: &[B]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for (_, _, t) in &g {
            self.by_type.entry(t.clone()).or_default().gold += 1;
        }
        for c in &p {
            let e = self.by_type.entry(c.2.clone()).or_default();
            e.found += 1;
            if g.contains(c) {
                e.correct += 1;
            }
        }
        // Token accuracy on IOB2-normalized tags, so IOB1 gold and IOB2
        // predictions compare fairly.
        let (gn, pn) = (iob2(&g, gold.len()), iob2(&p, pred.len()));
        self.tokens += gold.len();
        self.tokens_correct += gn.iter().zip(&pn).filter(|(a, b)| a == b).count();
    }

    /// Micro-averaged counts over all types.
    pub(crate) fn micro(&self) -> Counts {
        self.by_type
            .values()
            .fold(Counts::default(), |a, c| Counts {
                correct: a.correct + c.correct,
                found: a.found + c.found,
                gold: a.gold + c.gold,
            })
    }
}

/// Tags with every type outside `types` turned into `O`: what a score
/// restricted to those types compares (a set without MISC gold must not
/// count MISC predictions as wrong, nor score their spans).
pub(crate) fn only_types<S: AsRef<str>>(tags: &[S], types: &[&str]) -> Vec<String> {
    tags.iter()
        .map(|t| {
            let t = t.as_ref();
            match split(t) {
                ('O', _) => "O".to_string(),
                (_, ty) if types.contains(&ty) => t.to_string(),
                _ => "O".to_string(),
            }
        })
        .collect()
}

/// IOB2 labels of chunks over `n` tokens.
fn iob2(chunks: &[(usize, usize, String)], n: usize) -> Vec<String> {
    let mut out = vec!["O".to_string(); n];
    for (s, e, t) in chunks {
        for (i, o) in out.iter_mut().enumerate().take(*e).skip(*s) {
            *o = format!("{}-{t}", if i == *s { "B" } else { "I" });
        }
    }
    out
}

/// Gold tags of a sentence as tag ids (IOB1 or IOB2 → IOB2 ids; unknown
/// types as O).
pub(crate) fn tag_ids(gold: &[String]) -> Vec<u8> {
    let mut out = vec![0u8; gold.len()];
    for (s, e, t) in chunks(gold) {
        let Some(ty) = tagger::TYPES.iter().position(|x| *x == t) else {
            continue;
        };
        out[s] = tagger::begin(ty);
        for o in out.iter_mut().take(e).skip(s + 1) {
            *o = tagger::inside(ty);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_docs_sentences_and_last_column() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\n\n-DOCSTART- -X- -X- O\n\nBonn x B-LOC\n";
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words, ["EU", "rejects"]);
        assert_eq!(docs[0].sentences[0].gold, ["I-ORG", "O"]);
        assert_eq!(docs[0].sentences[0].lines, [2, 3]);
        assert_eq!(docs[1].sentences[0].gold, ["B-LOC"]);
        // No DOCSTART: one document.
        assert_eq!(read("a O\n\nb O\n").len(), 1);
    }

    #[test]
    fn reads_uner_documents_and_third_column() {
        let text = "# newdoc id = n01\n# sent_id = n01-1\n# text = Ada met NASA.\n\
                    1\tAda\tB-PER\t-\tx\n2\tmet\tO\t-\t-\n3\tNASA\tB-ORG\t-\tx\n\n\
                    # newdoc id = w02\n# sent_id = w02-1\n1\tRome\tB-LOC\t-\tx\n";
        assert_eq!(Layout::detect(text), Layout::Uner);
        let docs = read(text);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences[0].words, ["Ada", "met", "NASA"]);
        assert_eq!(docs[0].sentences[0].gold, ["B-PER", "O", "B-ORG"]);
        assert_eq!(docs[0].sentences[0].lines, [3, 4, 5]);
        assert_eq!(docs[1].sentences[0].gold, ["B-LOC"]);
        assert_eq!(Layout::Uner.scored_types(), ["PER", "ORG", "LOC"]);
    }

    #[test]
    fn reads_crossner_passages_with_coarse_types() {
        let text = "The\tO\nGreens\tB-politicalparty\nbeat\tO\nAda\tB-politician\nOkafor\tI-politician\n\n\
                    2001\tB-election\nItalian\tI-election\nelection\tI-election\nin\tO\nRome\tB-location\n";
        assert_eq!(Layout::detect(text), Layout::Passages);
        let docs = read(text);
        assert_eq!(docs.len(), 2, "each passage is a document");
        assert_eq!(
            docs[0].sentences[0].gold,
            ["O", "B-ORG", "O", "B-PER", "I-PER"]
        );
        assert_eq!(
            docs[1].sentences[0].gold,
            ["B-MISC", "I-MISC", "I-MISC", "O", "B-LOC"]
        );
        assert_eq!(coarse_type("country"), "LOC");
        assert_eq!(coarse_type("PER"), "PER");
        // CoNLL and WikiGold stay CoNLL.
        assert_eq!(
            Layout::detect("-DOCSTART- O\n\nCapsule I-ORG\n"),
            Layout::Conll
        );
        assert_eq!(Layout::detect("EU NNP I-NP I-ORG\n"), Layout::Conll);
    }

    #[test]
    fn unscored_types_become_o() {
        let tags = ["B-PER", "I-PER", "B-MISC", "I-MISC", "O", "I-LOC"];
        assert_eq!(
            only_types(&tags, &["PER", "ORG", "LOC"]),
            ["B-PER", "I-PER", "O", "O", "O", "I-LOC"]
        );
        let mut s = Score::default();
        let gold = ["B-PER", "O", "O"];
        let pred = ["B-PER", "O", "B-MISC"];
        let types = ["PER", "ORG", "LOC"];
        s.add(&only_types(&gold, &types), &only_types(&pred, &types));
        let m = s.micro();
        assert_eq!((m.correct, m.found, m.gold), (1, 1, 1));
    }

    #[test]
    fn iob1_and_iob2_chunk_alike() {
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"];
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "B-ORG"];
        let want = vec![
            (0, 2, "PER".to_string()),
            (2, 3, "PER".to_string()),
            (4, 5, "LOC".to_string()),
            (5, 6, "ORG".to_string()),
        ];
        assert_eq!(chunks(&iob1), want);
        assert_eq!(chunks(&iob2), want);
        let iobes = ["B-PER", "E-PER", "S-PER", "O", "S-LOC", "S-ORG"];
        assert_eq!(chunks(&iobes), want);
        assert_eq!(tag_ids(&iob1.map(String::from)), [1, 2, 1, 0, 5, 3]);
    }

    #[test]
    fn exact_span_and_type() {
        let mut s = Score::default();
        // Gold: PER(0..2), LOC(3..4). Predicted: PER(0..1) wrong span,
        // LOC(3..4) right, MISC(5..6) spurious.
        s.add(
            &["B-PER", "I-PER", "O", "B-LOC", "O", "O"],
            &["B-PER", "O", "O", "B-LOC", "O", "B-MISC"],
        );
        let m = s.micro();
        assert_eq!((m.correct, m.found, m.gold), (1, 3, 2));
        assert!((m.precision() - 1.0 / 3.0).abs() < 1e-12);
        assert!((m.recall() - 0.5).abs() < 1e-12);
        assert!((m.f1() - 0.4).abs() < 1e-12);
        assert_eq!(s.by_type["PER"].correct, 0);
        assert_eq!(s.by_type["MISC"].found, 1);
        assert_eq!((s.tokens, s.tokens_correct), (6, 4));
    }
}
