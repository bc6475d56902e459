//! `wirewatch build-keyword-table DATA`: builds `data/keywords/df.tsv`, the
//! background table of the keyword extractor — in how many news documents
//! each word stem occurs — from the news corpora under DATA (the shared
//! data folder): the BBC articles (`news/bbc/<topic>/*.txt`), the
//! Reuters-21578 newswire (`unlabeled/reuters21578/*.sgm`) and the AG News
//! test split (`unlabeled/ag_news_test/test.csv`). Words are read exactly
//! as the extractor reads them (its tokenizer, stop words and stemmer), so
//! the table and the articles agree. The output is sorted and
//! byte-for-byte reproducible.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

use crate::extract::keywords::stems_of;

/// Stems in fewer documents are left out: rare either way, and the table
/// stays small.
const MIN_DOCUMENTS: u32 = 3;

/// The table's text for the corpora under `data`.
pub fn build(data: &Path) -> anyhow::Result<String> {
    let mut docs: Vec<String> = Vec::new();
    bbc(&data.join("news/bbc"), &mut docs)?;
    reuters(&data.join("unlabeled/reuters21578"), &mut docs)?;
    ag_news(&data.join("unlabeled/ag_news_test/test.csv"), &mut docs)?;
    if docs.is_empty() {
        anyhow::bail!("no documents under {}", data.display());
    }
    let mut df: BTreeMap<String, u32> = BTreeMap::new();
    for d in &docs {
        for s in stems_of(d) {
            *df.entry(s).or_insert(0) += 1;
        }
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Document frequencies of word stems in news (BBC 2004-05, Reuters-21578, AG News test),\n\
         # stems in at least {MIN_DOCUMENTS} documents; built by `wirewatch build-keyword-table`."
    );
    let _ = writeln!(out, "documents\t{}", docs.len());
    for (stem, n) in df {
        if n >= MIN_DOCUMENTS && !stem.contains('\t') {
            let _ = writeln!(out, "{stem}\t{n}");
        }
    }
    Ok(out)
}

/// The files of `dir` with extension `ext`, sorted, recursively.
fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let entries =
        std::fs::read_dir(dir).with_context(|| format!("cannot read {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            files(&path, ext, out)?;
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
    out.sort();
    Ok(())
}

/// One document per BBC article (headline and body).
fn bbc(dir: &Path, docs: &mut Vec<String>) -> anyhow::Result<()> {
    let mut paths = Vec::new();
    files(dir, "txt", &mut paths)?;
    for p in paths {
        let bytes = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
        docs.push(String::from_utf8_lossy(&bytes).into_owned());
    }
    Ok(())
}

/// One document per Reuters article with a body (title and body; the SGML
/// files are Latin-1).
fn reuters(dir: &Path, docs: &mut Vec<String>) -> anyhow::Result<()> {
    let mut paths = Vec::new();
    files(dir, "sgm", &mut paths)?;
    for p in paths {
        let bytes = std::fs::read(&p).with_context(|| format!("cannot read {}", p.display()))?;
        let text: String = bytes.iter().map(|&b| char::from(b)).collect();
        for article in text.split("</REUTERS>") {
            let Some(body) = element(article, "BODY") else {
                continue;
            };
            let title = element(article, "TITLE").unwrap_or_default();
            docs.push(format!("{}\n\n{}", unescape(&title), unescape(&body)));
        }
    }
    Ok(())
}

/// The text of the first `<name>` element of `sgml`.
fn element(sgml: &str, name: &str) -> Option<String> {
    let open = format!("<{name}>");
    let start = sgml.find(&open)? + open.len();
    let end = sgml[start..].find(&format!("</{name}>"))? + start;
    Some(sgml[start..end].to_string())
}

/// SGML character references: the named ones the corpus uses, numeric ones
/// dropped when they are control characters.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(j) = tail.find(';').filter(|&j| j <= 8) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let entity = &tail[1..j];
        match entity {
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "amp" => out.push('&'),
            "quot" => out.push('"'),
            _ => {
                if let Some(c) = entity
                    .strip_prefix('#')
                    .and_then(|n| n.parse::<u32>().ok())
                    .and_then(char::from_u32)
                    .filter(|c| !c.is_control())
                {
                    out.push(c);
                } else if !entity.starts_with('#') {
                    out.push_str(&tail[..=j]);
                }
            }
        }
        rest = &tail[j + 1..];
    }
    out.push_str(rest);
    out
}

/// One document per AG News row (title and description).
fn ag_news(path: &Path, docs: &mut Vec<String>) -> anyhow::Result<()> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    for row in reader.records() {
        let row = row.with_context(|| format!("bad row in {}", path.display()))?;
        let title = row.get(1).unwrap_or_default();
        let description = row.get(2).unwrap_or_default().replace("\\n", " ");
        docs.push(format!("{title}\n\n{description}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sgml_references_are_read() {
        assert_eq!(unescape("a &lt;b&gt; &amp; c&#3;"), "a <b> & c");
        assert_eq!(element("<X><BODY>hi</BODY>", "BODY").as_deref(), Some("hi"));
        assert_eq!(element("<X>", "BODY"), None);
    }
}
