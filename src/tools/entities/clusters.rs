//! Learning word clusters and capitalization statistics from unlabeled text
//! (`wirewatch train-clusters`). Brown clustering is slow; this is a fast,
//! deterministic stand-in with the same use: each frequent word is described
//! by its neighbours two words either side (positive PMI over the 1 000
//! most frequent words), projected to 256 dimensions with a seeded random
//! projection, and clustered by spherical k-means three levels deep
//! (16 × 12 × 8), so a word's path gives coarse to fine classes like a
//! Brown bit-string's prefixes. Runs in about a minute on one core.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::extract::entities::hash::FxMap;
use crate::extract::entities::tokens::tokenize;

/// Clusters per level.
pub(crate) const LEVELS: [usize; 3] = [16, 12, 8];
/// Words clustered (most frequent first).
const VOCAB: usize = 60_000;
/// Least count of a clustered word.
const MIN_COUNT: u32 = 3;
/// Context words (most frequent).
const CONTEXT: usize = 1_000;
/// Dimensions of the projected vectors.
const DIM: usize = 256;
/// Neighbour positions describing a word.
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];
/// k-means iterations per split.
const ITERATIONS: usize = 12;

/// Deterministic xorshift64* generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Text lines of the Reuters-21578 SGML files in `dir` (titles and bodies).
pub(crate) fn reuters_lines(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        // Latin-1: every byte is its code point.
        let text: String = std::fs::read(&f)?.into_iter().map(char::from).collect();
        for tag in ["TITLE", "BODY"] {
            let open = format!("<{tag}>");
            let close = format!("</{tag}>");
            let mut rest = text.as_str();
            while let Some(a) = rest.find(&open) {
                let after = &rest[a + open.len()..];
                let Some(b) = after.find(&close) else { break };
                let body = unescape_sgml(&after[..b]);
                let body = body.trim_end().trim_end_matches("Reuter").trim_end();
                // Paragraphs are indented lines; join wrapped lines.
                for para in body.split("\n    ") {
                    let line = para.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !line.is_empty() {
                        out.push(line);
                    }
                }
                rest = &after[b..];
            }
        }
    }
    Ok(out)
}

fn unescape_sgml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&e| e <= 8);
        match end {
            Some(e) => {
                let ent = &tail[1..e];
                match ent {
                    "lt" => out.push('<'),
                    "gt" => out.push('>'),
                    "amp" => out.push('&'),
                    "quot" => out.push('"'),
                    _ => {
                        if let Some(c) = ent
                            .strip_prefix('#')
                            .and_then(|n| n.parse::<u32>().ok())
                            .and_then(char::from_u32)
                            .filter(|c| !c.is_control())
                        {
                            out.push(c);
                        }
                    }
                }
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect()
}

/// Titles and descriptions of the AG News CSV file.
pub(crate) fn ag_news_lines(file: &Path) -> std::io::Result<Vec<String>> {
    let text = String::from_utf8_lossy(&std::fs::read(file)?).into_owned();
    let mut out = Vec::new();
    for row in csv_rows(&text) {
        for field in row.iter().skip(1) {
            let f = field
                .replace("#36;", "$")
                .replace("#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
                .replace("\\", " ");
            let line = f.split_whitespace().collect::<Vec<_>>().join(" ");
            if !line.is_empty() {
                out.push(line);
            }
        }
    }
    Ok(out)
}

/// Rows of a CSV text with `"`-quoted fields (`""` escapes a quote).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Non-empty lines of every `.txt` file under `dir` (UTF-8, else Latin-1).
pub(crate) fn text_lines(dir: &Path) -> std::io::Result<Vec<String>> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt")
                && p.file_name().is_none_or(|n| n != "README.TXT")
            {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let bytes = std::fs::read(&f)?;
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => e.into_bytes().into_iter().map(char::from).collect(),
        };
        out.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_string),
        );
    }
    Ok(out)
}

/// Sentences of a CoNLL file as lines of words (labels are not read).
pub(crate) fn conll_lines(file: &Path) -> std::io::Result<Vec<String>> {
    let text = std::fs::read_to_string(file)?;
    Ok(super::conll::read(&text)
        .into_iter()
        .flat_map(|d| d.sentences)
        .map(|s| s.words.join(" "))
        .collect())
}

/// The two tables' text: `clusters.tsv` and `caps.tsv`.
pub(crate) struct Tables {
    pub clusters: String,
    pub caps: String,
    pub words: usize,
    pub tokens: usize,
}

/// Learns the tables from lines of text. `log` receives progress lines.
pub(crate) fn learn(lines: &[String], seed: u64, log: &mut dyn FnMut(String)) -> Tables {
    // Intern lowercase tokens; record the token stream with line breaks.
    let mut ids: FxMap<String, u32> = FxMap::default();
    let mut words: Vec<String> = Vec::new();
    let mut counts: Vec<u32> = Vec::new();
    let mut caps: Vec<(u32, u32)> = Vec::new();
    const BREAK: u32 = u32::MAX;
    let mut stream: Vec<u32> = Vec::new();
    for line in lines {
        let toks: Vec<&str> = tokenize(line, 0).into_iter().map(|r| &line[r]).collect();
        let letters: Vec<&&str> = toks
            .iter()
            .filter(|t| t.chars().any(char::is_alphabetic))
            .collect();
        let all_caps =
            letters.len() >= 2 && letters.iter().all(|t| !t.chars().any(char::is_lowercase));
        let mut initial = true;
        for t in &toks {
            let lower = crate::extract::entities::gazetteer::key(t);
            let id = match ids.get(&lower) {
                Some(&id) => id,
                None => {
                    let id = words.len() as u32;
                    ids.insert(lower.clone(), id);
                    words.push(lower);
                    counts.push(0);
                    caps.push((0, 0));
                    id
                }
            };
            counts[id as usize] += 1;
            let first = t.chars().next().unwrap_or(' ');
            if !initial && !all_caps && first.is_alphabetic() {
                let c = &mut caps[id as usize];
                c.1 += 1;
                if first.is_uppercase() {
                    c.0 += 1;
                }
            }
            initial = matches!(
                *t,
                "." | "!" | "?" | "\"" | "“" | "'" | ":" | "(" | "-" | "—"
            );
            stream.push(id);
        }
        stream.push(BREAK);
    }
    log(format!(
        "{} lines, {} tokens, {} distinct words",
        lines.len(),
        stream.len() - lines.len(),
        words.len()
    ));

    // Vocabulary and context words, by count then spelling.
    let mut by_count: Vec<u32> = (0..words.len() as u32).collect();
    by_count.sort_by(|&a, &b| {
        counts[b as usize]
            .cmp(&counts[a as usize])
            .then_with(|| words[a as usize].cmp(&words[b as usize]))
    });
    let context: FxMap<u32, u32> = by_count
        .iter()
        .take(CONTEXT)
        .enumerate()
        .map(|(i, &w)| (w, i as u32))
        .collect();
    let vocab: Vec<u32> = by_count
        .iter()
        .copied()
        .filter(|&w| {
            counts[w as usize] >= MIN_COUNT && words[w as usize].chars().any(char::is_alphabetic)
        })
        .take(VOCAB)
        .collect();
    let index: FxMap<u32, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, &w)| (w, i as u32))
        .collect();

    // Neighbour counts: for each offset -2, -1, +1, +2 its own block of
    // CONTEXT dimensions, plus one dimension for a line edge.
    let edge = (OFFSETS.len() * CONTEXT) as u32;
    let mut pairs: FxMap<u64, u32> = FxMap::default();
    for i in 0..stream.len() {
        let w = stream[i];
        let Some(&vi) = index.get(&w) else { continue };
        for (slot, &off) in OFFSETS.iter().enumerate() {
            let j = i as isize + off;
            let mid = i as isize + off / 2;
            let crosses = off.abs() == 2 && (mid < 0 || stream.get(mid as usize) == Some(&BREAK));
            let other = if j < 0 || crosses {
                BREAK
            } else {
                stream.get(j as usize).copied().unwrap_or(BREAK)
            };
            let d = if other == BREAK {
                // Only the nearest neighbour reports an edge.
                (off.abs() == 1).then_some(edge)
            } else {
                context.get(&other).map(|c| c + (slot * CONTEXT) as u32)
            };
            if let Some(d) = d {
                *pairs.entry(u64::from(vi) << 32 | u64::from(d)).or_insert(0) += 1;
            }
        }
    }
    let mut pairs: Vec<(u64, u32)> = pairs.into_iter().collect();
    pairs.sort_unstable();
    let dims = OFFSETS.len() * CONTEXT + 1;
    let mut word_tot = vec![0f64; vocab.len()];
    let mut dim_tot = vec![0f64; dims];
    let mut total = 0f64;
    for &(k, n) in &pairs {
        word_tot[(k >> 32) as usize] += f64::from(n);
        dim_tot[(k & 0xffff_ffff) as usize] += f64::from(n);
        total += f64::from(n);
    }
    let mut rng = Rng(seed | 1);
    let projection: Vec<f32> = (0..dims * DIM)
        .map(|_| if rng.next() & 1 == 0 { 1.0 } else { -1.0 })
        .collect();
    let mut vecs = vec![0f32; vocab.len() * DIM];
    for &(k, n) in &pairs {
        let (wi, d) = ((k >> 32) as usize, (k & 0xffff_ffff) as usize);
        let pmi = (f64::from(n) * total / (word_tot[wi] * dim_tot[d])).ln();
        if pmi > 0.0 {
            let p = &projection[d * DIM..(d + 1) * DIM];
            let v = &mut vecs[wi * DIM..(wi + 1) * DIM];
            for j in 0..DIM {
                v[j] += pmi as f32 * p[j];
            }
        }
    }
    for v in vecs.chunks_exact_mut(DIM) {
        normalize(v);
    }
    log(format!("{} words to cluster", vocab.len()));

    // Three levels of spherical k-means.
    let mut paths: Vec<[usize; 3]> = vec![[0; 3]; vocab.len()];
    let mut groups: Vec<Vec<usize>> = vec![(0..vocab.len()).collect()];
    for (level, &k) in LEVELS.iter().enumerate() {
        let mut next = Vec::new();
        for g in &groups {
            let assign = kmeans(&vecs, g, k, &mut rng);
            let mut parts: Vec<Vec<usize>> = vec![Vec::new(); k];
            for (&p, &a) in g.iter().zip(&assign) {
                paths[p][level] = a;
                parts[a].push(p);
            }
            next.extend(parts.into_iter().filter(|p| !p.is_empty()));
        }
        log(format!("level {}: {} clusters", level + 1, next.len()));
        groups = next;
    }

    let mut sorted: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for (i, &w) in vocab.iter().enumerate() {
        sorted.insert(&words[w as usize], paths[i]);
    }
    let mut clusters = String::from(
        "# Word clusters learned by `wirewatch train-clusters` (lowercase word, path coarse.middle.fine).\n",
    );
    for (w, p) in &sorted {
        let _ = writeln!(clusters, "{w}\t{}.{}.{}", p[0], p[1], p[2]);
    }
    let mut caps_sorted: BTreeMap<&str, u8> = BTreeMap::new();
    for (i, w) in words.iter().enumerate() {
        let (cap, tot) = caps[i];
        if tot >= MIN_COUNT && w.chars().any(char::is_alphabetic) {
            let r = f64::from(cap) / f64::from(tot);
            let k = match r {
                x if x < 0.05 => 0,
                x if x < 0.3 => 1,
                x if x < 0.7 => 2,
                x if x < 0.95 => 3,
                _ => 4,
            };
            caps_sorted.insert(w, k);
        }
    }
    let mut caps_text = String::from(
        "# How often each lowercase word is capitalized in mid-sentence: 0 <5%, 1 <30%, 2 <70%, 3 <95%, 4 more.\n",
    );
    for (w, k) in &caps_sorted {
        let _ = writeln!(caps_text, "{w}\t{k}");
    }
    Tables {
        clusters,
        caps: caps_text,
        words: vocab.len(),
        tokens: stream.len() - lines.len(),
    }
}

fn normalize(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        for x in v {
            *x /= n;
        }
    }
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Spherical k-means of the points `ids` (rows of `vecs`) into `k` groups;
/// k-means++ seeding from `rng`.
fn kmeans(vecs: &[f32], ids: &[usize], k: usize, rng: &mut Rng) -> Vec<usize> {
    let row = |i: usize| &vecs[i * DIM..(i + 1) * DIM];
    if ids.len() <= k {
        return (0..ids.len()).collect();
    }
    let mut centres: Vec<f32> = Vec::with_capacity(k * DIM);
    let first = ids[(rng.next() % ids.len() as u64) as usize];
    centres.extend_from_slice(row(first));
    let mut dist: Vec<f64> = ids
        .iter()
        .map(|&i| f64::from(1.0 - dot(row(i), row(first))).max(0.0))
        .collect();
    for c in 1..k {
        let total: f64 = dist.iter().sum();
        let mut target = rng.unit() * total;
        let mut pick = ids.len() - 1;
        for (j, d) in dist.iter().enumerate() {
            target -= d;
            if target <= 0.0 {
                pick = j;
                break;
            }
        }
        let p = ids[pick];
        centres.extend_from_slice(row(p));
        let cen = &centres[c * DIM..(c + 1) * DIM];
        for (j, &i) in ids.iter().enumerate() {
            let d = f64::from(1.0 - dot(row(i), cen)).max(0.0);
            if d < dist[j] {
                dist[j] = d;
            }
        }
    }
    let mut assign = vec![0usize; ids.len()];
    for _ in 0..ITERATIONS {
        for (j, &i) in ids.iter().enumerate() {
            let v = row(i);
            let mut best = (0usize, f32::NEG_INFINITY);
            for c in 0..k {
                let s = dot(v, &centres[c * DIM..(c + 1) * DIM]);
                if s > best.1 {
                    best = (c, s);
                }
            }
            assign[j] = best.0;
        }
        let mut sums = vec![0f32; k * DIM];
        for (j, &i) in ids.iter().enumerate() {
            let c = assign[j];
            for (s, x) in sums[c * DIM..(c + 1) * DIM].iter_mut().zip(row(i)) {
                *s += x;
            }
        }
        for c in 0..k {
            let s = &mut sums[c * DIM..(c + 1) * DIM];
            if s.iter().any(|x| *x != 0.0) {
                normalize(s);
                centres[c * DIM..(c + 1) * DIM].copy_from_slice(s);
            }
        }
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgml_and_csv_readers() {
        assert_eq!(unescape_sgml("a &lt;b&gt; &amp; c&#3;"), "a <b> & c");
        let rows = csv_rows("\"3\",\"Oil \"\"up\"\"\",\"desc, here\"\n\"1\",\"t\",\"d\"\n");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], ["3", "Oil \"up\"", "desc, here"]);
    }

    #[test]
    fn learning_is_deterministic() {
        let mut lines = Vec::new();
        for i in 0..200 {
            lines.push(format!(
                "Mr Smith{} said the price of oil rose on Monday .",
                i % 7
            ));
            lines.push(format!(
                "The company said Mr Jones{} would go to Paris .",
                i % 5
            ));
        }
        let a = learn(&lines, 7, &mut |_| {});
        let b = learn(&lines, 7, &mut |_| {});
        assert_eq!(a.clusters, b.clusters);
        assert_eq!(a.caps, b.caps);
        assert!(a.caps.contains("paris\t4"));
        assert!(a.caps.contains("oil\t0"));
    }
}
