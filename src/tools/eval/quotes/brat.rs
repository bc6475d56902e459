//! PolNeAR's layout: `text/<name>.txt` and `attributions/<name>_<annotator>.ann`
//! (brat standoff; the first file in sorted order when there are several).
//! Each attribution (`E` line) becomes one gold quote: its Content span
//! (possibly in fragments), its Source and its Cue, in code points.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use anyhow::Context as _;

/// A span of the text: code-point fragments and their text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Span {
    pub fragments: Vec<Range<usize>>,
    pub text: String,
}

/// One annotated attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Gold {
    pub content: Span,
    pub source: Option<Span>,
    pub cue: Option<Span>,
    /// The content is inside quotation marks.
    pub direct: bool,
}

/// One article: its text and its attributions.
#[derive(Debug, Clone)]
pub(crate) struct Article {
    pub name: String,
    pub text: String,
    pub gold: Vec<Gold>,
}

/// Every article of `dir` (a split folder holding `text/` and
/// `attributions/`), by name.
pub(crate) fn read_split(dir: &Path) -> anyhow::Result<Vec<Article>> {
    let texts = dir.join("text");
    let anns = dir.join("attributions");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&texts)
        .with_context(|| format!("cannot list {} (expected DIR/text/*.txt)", texts.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let mut ann_files: Vec<PathBuf> = std::fs::read_dir(&anns)
        .with_context(|| format!("cannot list {}", anns.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ann"))
        .collect();
    ann_files.sort();
    let mut out = Vec::with_capacity(names.len());
    for path in names {
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let prefix = format!("{name}_");
        let ann = ann_files.iter().find(|p| {
            p.file_stem()
                .and_then(|s| s.to_str())
                .and_then(|s| s.strip_prefix(&prefix))
                .is_some_and(|rest| !rest.contains('_'))
        });
        let gold = match ann {
            Some(a) => {
                let s = std::fs::read_to_string(a)
                    .with_context(|| format!("cannot read {}", a.display()))?;
                parse(&s)
            }
            None => Vec::new(),
        };
        out.push(Article {
            name: name.to_string(),
            text,
            gold,
        });
    }
    Ok(out)
}

/// The attributions of one `.ann` file. Lines that are not `T` or `E`
/// records (a span's text running over a line break) are skipped.
pub(crate) fn parse(ann: &str) -> Vec<Gold> {
    let mut spans: HashMap<&str, (&str, Span)> = HashMap::new();
    let mut events: Vec<Vec<(&str, &str)>> = Vec::new();
    for line in ann.lines() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(spec)) = (cols.next(), cols.next()) else {
            continue;
        };
        let text = cols.next().unwrap_or_default();
        if id.starts_with('T') && id[1..].chars().all(|c| c.is_ascii_digit()) {
            let Some((label, offsets)) = spec.split_once(' ') else {
                continue;
            };
            let fragments: Option<Vec<Range<usize>>> = offsets
                .split(';')
                .map(|f| {
                    let mut it = f.split_whitespace().map(|n| n.parse::<usize>().ok());
                    Some(it.next()??..it.next()??)
                })
                .collect();
            if let Some(fragments) = fragments {
                spans.insert(
                    id,
                    (
                        label,
                        Span {
                            fragments,
                            text: text.to_string(),
                        },
                    ),
                );
            }
        } else if id.starts_with('E') {
            events.push(
                spec.split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .collect(),
            );
        }
    }
    let mut out = Vec::new();
    for e in events {
        let get = |role: &str| {
            e.iter()
                .find(|(r, _)| *r == role)
                .and_then(|(_, id)| spans.get(id))
                .map(|(_, s)| s.clone())
        };
        let Some(content) = get("Content") else {
            continue;
        };
        let direct = is_direct(&content.text);
        out.push(Gold {
            content,
            source: get("Source"),
            cue: get("Cue"),
            direct,
        });
    }
    out
}

/// Whether a content is inside quotation marks: it opens with a double
/// mark and closes with one (trailing punctuation aside).
pub(crate) fn is_direct(text: &str) -> bool {
    let t = text.trim();
    let opens = t.starts_with(['"', '“', '«', '„']) || t.starts_with("``") || t.starts_with("''");
    let body = t.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | ')')
    });
    let closes = body.ends_with(['"', '”', '»', '“']) || body.ends_with("''");
    opens && closes && t.chars().count() > 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_attributions_with_fragments() {
        let ann = "T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 12 20;25 30\t“a b,” “c”\nwrapped text\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nT5\tContent 40 50\tplain words\nE2\tContent:T5\n";
        let g = parse(ann);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].content.fragments, [12..20, 25..30]);
        assert_eq!(g[0].source.as_ref().map(|s| s.text.as_str()), Some("Smith"));
        assert_eq!(g[0].cue.as_ref().map(|s| s.text.as_str()), Some("said"));
        assert!(g[0].direct);
        assert!(!g[1].direct);
        assert!(g[1].source.is_none());
    }

    #[test]
    fn direct_means_inside_marks() {
        assert!(is_direct("“We will win,”"));
        assert!(is_direct("\"Yes.\" "));
        assert!(is_direct("''Wire copy,''"));
        assert!(!is_direct("that the plan was “dead”, he"));
        assert!(!is_direct("“2,521 shooting incidents” in the city"));
    }
}
