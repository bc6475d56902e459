//! CoNLL-style files and conlleval scoring. A file is tokens one per line
//! (word first, gold tag last), sentences separated by blank lines,
//! documents by `-DOCSTART-` lines. Tags may be IOB1, IOB2 or IOBES: chunks
//! are read with conlleval's rules, so all score alike.

use std::collections::BTreeMap;

use crate::extract::entities::tagger;

/// One sentence: its words, gold tags as written, and the file lines they
/// came from (for writing predictions back).
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

/// Reads a file's text into documents. A file without `-DOCSTART-` lines is
/// one document.
pub(crate) fn read(text: &str) -> Vec<Doc> {
    let mut docs = vec![Doc::default()];
    let mut sent = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            flush(&mut docs, &mut sent);
            continue;
        };
        if word == "-DOCSTART-" {
            flush(&mut docs, &mut sent);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Doc::default());
            }
            continue;
        }
        let tag = cols.next_back().unwrap_or("O");
        sent.words.push(word.to_string());
        sent.gold.push(tag.to_string());
        sent.lines.push(n);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    docs
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
