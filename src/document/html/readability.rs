//! Finds the element that holds the article, the way Arc90/Mozilla
//! Readability does: every paragraph of 25 characters or more gives points
//! (for its length and commas) to its container and, decreasingly, to the
//! containers above; a container's points are discounted by the share of its
//! text inside links; the best container wins, and its siblings that score
//! nearly as well (or read like article paragraphs) join it.

use std::collections::HashMap;

use html5ever::local_name;

use super::analysis::Analysis;
use super::boilerplate::{self, TagKind};
use super::dom::{Dom, NodeId, ROOT};
use super::tuning::Tuning;

/// How many containers above a paragraph receive its points.
const ANCESTOR_LEVELS: usize = 5;
/// Candidates looked at when deciding whether the top one is too narrow.
const TOP_CANDIDATES: usize = 5;
/// Close runners-up needed under one ancestor to prefer that ancestor.
const MIN_SHARED_CANDIDATES: usize = 3;

/// The article's content: the top candidate and the siblings that join it,
/// in document order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Selection {
    /// Subtrees to render, in document order.
    pub roots: Vec<NodeId>,
}

/// Chooses the content of the page analysed by `a`.
pub(crate) fn select(dom: &Dom, a: &Analysis<'_>, tuning: &Tuning) -> Selection {
    let body = dom
        .find(&local_name!("body"))
        .filter(|&b| a.is_kept(b))
        .unwrap_or(ROOT);
    let mut scores: Vec<Option<f32>> = vec![None; dom.len()];
    let mut candidates: Vec<NodeId> = Vec::new();
    score_paragraphs(
        dom,
        a,
        tuning.min_paragraph_chars,
        &mut scores,
        &mut candidates,
    );

    // Discount each candidate by its link density.
    for &c in &candidates {
        if let Some(s) = scores[c.index()].as_mut() {
            *s *= 1.0 - a.stats(c).link_density();
        }
    }
    let score = |scores: &[Option<f32>], n: NodeId| scores[n.index()];
    let mut ranked: Vec<(NodeId, f32)> = candidates
        .iter()
        .filter_map(|&c| score(&scores, c).map(|s| (c, s)))
        .collect();
    ranked.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    ranked.truncate(TOP_CANDIDATES);

    let Some(&(mut top, top_score)) = ranked.first() else {
        return Selection { roots: vec![body] };
    };
    if top == body {
        return Selection { roots: vec![body] };
    }

    // Several close runners-up under one ancestor: the article spans them.
    let close: Vec<NodeId> = ranked[1..]
        .iter()
        .filter(|(_, s)| top_score > 0.0 && *s / top_score >= 0.75)
        .map(|(n, _)| *n)
        .collect();
    if close.len() >= MIN_SHARED_CANDIDATES {
        // How many close runners-up each ancestor holds (one walk up each).
        let mut holds: HashMap<NodeId, usize> = HashMap::new();
        for &c in &close {
            let mut cur = dom.node(c).parent;
            while let Some(p) = cur {
                *holds.entry(p).or_default() += 1;
                cur = dom.node(p).parent;
            }
        }
        let mut parent = dom.node(top).parent;
        while let Some(p) = parent.filter(|&p| p != body && p != ROOT) {
            if holds.get(&p).copied().unwrap_or(0) >= MIN_SHARED_CANDIDATES {
                top = p;
                break;
            }
            parent = dom.node(p).parent;
        }
    }
    if scores[top.index()].is_none() {
        scores[top.index()] = Some(initial_score(dom, a, top));
    }

    // Climb while the containers above score higher (the top candidate is
    // one part of a larger article).
    let mut last = score(&scores, top).unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut parent = dom.node(top).parent;
    while let Some(p) = parent.filter(|&p| p != body && p != ROOT) {
        let Some(ps) = score(&scores, p) else {
            parent = dom.node(p).parent;
            continue;
        };
        if ps < threshold {
            break;
        }
        if ps > last {
            top = p;
            break;
        }
        last = ps;
        parent = dom.node(p).parent;
    }

    // An only child says nothing its parent does not.
    while let Some(p) = dom.node(top).parent.filter(|&p| p != body && p != ROOT) {
        let elements = a
            .kept_children(dom, p)
            .filter(|&c| dom.element(c).is_some())
            .count();
        if elements != 1 {
            break;
        }
        top = p;
    }
    let top_score = score(&scores, top).unwrap_or(top_score);
    let Some(parent) = dom.node(top).parent.filter(|&p| p != ROOT) else {
        return Selection { roots: vec![top] };
    };
    let threshold = (top_score * tuning.sibling_share).max(10.0);
    let top_class = dom.attr(top, "class").filter(|c| !c.trim().is_empty());
    let mut roots = Vec::new();
    for s in a.kept_children(dom, parent) {
        if s == top {
            roots.push(s);
            continue;
        }
        let Some(tag) = dom.tag(s) else {
            continue;
        };
        let same_class = matches!((top_class, dom.attr(s, "class")), (Some(t), Some(c)) if t == c);
        let bonus = if same_class {
            top_score * tuning.sibling_share
        } else {
            0.0
        };
        if score(&scores, s).is_some_and(|sc| sc + bonus >= threshold) {
            roots.push(s);
            continue;
        }
        let stats = a.stats(s);
        // A part of the article split off by ads or figures: same class,
        // prose rather than links.
        if same_class && stats.chars > tuning.prose_chars && stats.link_density() < 0.25 {
            roots.push(s);
            continue;
        }
        let paragraph_like =
            *tag == local_name!("p") || (*tag == local_name!("div") && !stats.has_block);
        if !paragraph_like {
            continue;
        }
        let density = stats.link_density();
        if stats.chars > tuning.prose_chars && density < 0.25 {
            roots.push(s);
        } else if stats.chars > 0 && stats.chars <= tuning.prose_chars && density == 0.0 {
            let text = dom.text_content(s);
            if text.ends_with('.') || text.contains(". ") {
                roots.push(s);
            }
        }
    }
    Selection { roots }
}

/// Gives every paragraph of `min_chars` or more its points for its
/// containers.
fn score_paragraphs(
    dom: &Dom,
    a: &Analysis<'_>,
    min_chars: u32,
    scores: &mut [Option<f32>],
    candidates: &mut Vec<NodeId>,
) {
    let mut give = |container: NodeId, chars: u32, commas: u32| {
        if chars >= min_chars {
            award(dom, a, scores, candidates, container, chars, commas);
        }
    };
    for &id in &a.order {
        let Some(tag) = dom.tag(id) else {
            continue;
        };
        let stats = a.stats(id);
        match *tag {
            local_name!("p")
            | local_name!("pre")
            | local_name!("td")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => {
                if let Some(parent) = dom.node(id).parent {
                    give(parent, stats.chars, stats.commas);
                }
            }
            local_name!("div")
            | local_name!("section")
            | local_name!("article")
            | local_name!("main")
            | local_name!("center")
            | local_name!("blockquote")
            | local_name!("font")
            | local_name!("span") => {
                if !stats.has_block {
                    // A container of phrasing content only is a paragraph.
                    if boilerplate::tag_kind(tag) == TagKind::Block
                        && let Some(parent) = dom.node(id).parent
                    {
                        give(parent, stats.chars, stats.commas);
                    }
                    continue;
                }
                // Runs of phrasing content between blocks are paragraphs
                // of this container.
                let (mut chars, mut commas) = (0u32, 0u32);
                for c in a.kept_children(dom, id) {
                    let cs = a.stats(c);
                    if a.block[c.index()] || cs.has_block {
                        give(id, chars, commas);
                        (chars, commas) = (0, 0);
                    } else {
                        chars = chars.saturating_add(cs.chars);
                        commas = commas.saturating_add(cs.commas);
                    }
                }
                give(id, chars, commas);
            }
            _ => {}
        }
    }
}

/// Adds one paragraph's points to `container` and the containers above it.
fn award(
    dom: &Dom,
    a: &Analysis<'_>,
    scores: &mut [Option<f32>],
    candidates: &mut Vec<NodeId>,
    container: NodeId,
    chars: u32,
    commas: u32,
) {
    let points = 2.0 + commas as f32 + (chars / 100).min(3) as f32;
    let mut node = Some(container);
    for level in 0..ANCESTOR_LEVELS {
        let Some(n) = node else {
            break;
        };
        let parent = dom.node(n).parent;
        // The root element and the document itself are never candidates.
        if n == ROOT || parent.is_none_or(|p| p == ROOT) {
            break;
        }
        let slot = &mut scores[n.index()];
        if slot.is_none() {
            *slot = Some(initial_score(dom, a, n));
            candidates.push(n);
        }
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            l => l as f32 * 3.0,
        };
        if let Some(s) = slot.as_mut() {
            *s += points / divider;
        }
        node = parent;
    }
}

/// A container's score before any paragraph: its tag and class/id words.
fn initial_score(dom: &Dom, a: &Analysis<'_>, id: NodeId) -> f32 {
    let tag_points = match dom.tag(id).map(|t| &**t) {
        Some("div") => 5.0,
        Some("pre" | "td" | "blockquote") => 3.0,
        Some("address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form") => -3.0,
        Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th") => -5.0,
        _ => 0.0,
    };
    let weight = if a.flags.weight_classes {
        boilerplate::class_weight(dom, id) as f32
    } else {
        0.0
    };
    tag_points + weight
}
