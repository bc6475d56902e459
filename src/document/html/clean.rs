//! Removes what the chosen content still carries besides the article:
//! share bars, bylines, link lists, forms, image galleries and short
//! fragments, judged block by block from the inside out (Readability's
//! "clean conditionally"), so a block's judgement sees its already-cleaned
//! contents.

use html5ever::local_name;

use super::analysis::{Analysis, ctx};
use super::boilerplate::{self, word};
use super::dom::{Dom, NodeId};

/// A share bar longer than this is probably not just a share bar.
const MAX_SHARE_CHARS: u32 = 500;
/// A byline longer than this is probably not just a byline.
const MAX_BYLINE_CHARS: u32 = 100;
/// An author box (byline with a biography) longer than this is probably
/// not just an author box.
const MAX_AUTHOR_BOX_CHARS: u32 = 1_000;
/// A caption, credit or figure longer than this is probably article text.
const MAX_CAPTION_CHARS: u32 = 500;
/// A date line longer than this is probably not just a date.
const MAX_DATE_CHARS: u32 = 100;
/// Nodes examined when deciding whether a table holds data.
const TABLE_SCAN_BUDGET: usize = 5_000;

/// Marks (by node index) what to leave out of `roots`. Recomputes the
/// subtree sums of `a` for the nodes under `roots` as it goes. A paragraph
/// that is almost all link text and shorter than `link_paragraph_chars` is
/// a pointer to another page ("Read more: …"), not article text.
pub(crate) fn clean(
    dom: &Dom,
    a: &mut Analysis<'_>,
    roots: &[NodeId],
    link_paragraph_chars: u32,
) -> Vec<bool> {
    let mut removed = vec![false; dom.len()];
    for &root in roots {
        let order: Vec<NodeId> = subtree(dom, a, root);
        // Top-down: which nodes are inside a data table.
        let mut data_table = vec![false; order.len()];
        let mut in_data_table = std::collections::HashSet::new();
        for (k, &id) in order.iter().enumerate() {
            let inherited = id != root
                && dom
                    .node(id)
                    .parent
                    .is_some_and(|p| in_data_table.contains(&p));
            let is_data = dom.tag(id) == Some(&local_name!("table")) && is_data_table(dom, id);
            data_table[k] = is_data;
            if inherited || is_data {
                in_data_table.insert(id);
            }
        }
        let mut holds_data_table = std::collections::HashSet::new();
        for &id in &order {
            a.total[id.index()] = a.own[id.index()];
        }
        for (k, &id) in order.iter().enumerate().rev() {
            let holds = holds_data_table.contains(&id);
            if !in_data_table.contains(&id) && !holds && remove(dom, a, id, link_paragraph_chars) {
                removed[id.index()] = true;
                continue;
            }
            if id == root {
                continue;
            }
            let Some(parent) = dom.node(id).parent else {
                continue;
            };
            let mut t = a.total[id.index()];
            t.has_block |= a.block[id.index()];
            a.total[parent.index()].add(&t);
            if holds || data_table[k] {
                holds_data_table.insert(parent);
            }
        }
    }
    removed
}

/// The kept nodes under `root`, in document order.
fn subtree(dom: &Dom, a: &Analysis<'_>, root: NodeId) -> Vec<NodeId> {
    let mut out = Vec::new();
    let mut next = Some(root);
    while let Some(id) = next {
        if a.is_kept(id) {
            out.push(id);
            next = dom
                .node(id)
                .first_child
                .or_else(|| dom.next_skipping_children(root, id));
        } else {
            next = dom.next_skipping_children(root, id);
        }
    }
    out
}

/// Whether element `id`, whose subtree sums are final, is not article text.
fn remove(dom: &Dom, a: &Analysis<'_>, id: NodeId, link_paragraph_chars: u32) -> bool {
    let Some(tag) = dom.tag(id) else {
        return false;
    };
    let c = a.ctx[id.index()];
    if c & ctx::PRE != 0 {
        return false;
    }
    let t = a.stats(id);
    let vocab = a.vocab[id.index()];
    if vocab & word::SHARE != 0 && t.chars < MAX_SHARE_CHARS {
        return true;
    }
    if is_byline(dom, id, vocab) && t.chars < MAX_BYLINE_CHARS {
        return true;
    }
    if vocab & word::BYLINE != 0 && vocab & word::MAYBE == 0 && t.chars < MAX_AUTHOR_BOX_CHARS {
        return true;
    }
    if (vocab & word::CAPTION != 0 || *tag == local_name!("figure")) && t.chars < MAX_CAPTION_CHARS
    {
        return true;
    }
    if t.chars < MAX_DATE_CHARS
        && (vocab & word::DATE != 0
            || dom
                .attr(id, "itemprop")
                .is_some_and(|p| p.starts_with("date"))
            || (a.block[id.index()] && t.time_chars * 2 > t.chars))
    {
        return true;
    }
    let weight = if a.flags.weight_classes {
        boilerplate::class_weight(dom, id)
    } else {
        0
    };
    if matches!(*tag, local_name!("h1") | local_name!("h2")) && weight < 0 {
        return true;
    }
    if a.flags.clean_conditionally
        && matches!(*tag, local_name!("p") | local_name!("div"))
        && !t.has_block
        && t.chars < link_paragraph_chars
        && t.link_density() > 0.8
    {
        return true;
    }
    if !a.flags.clean_conditionally
        || !matches!(
            *tag,
            local_name!("form")
                | local_name!("fieldset")
                | local_name!("table")
                | local_name!("ul")
                | local_name!("ol")
                | local_name!("div")
                | local_name!("section")
        )
    {
        return false;
    }
    if weight < 0 {
        return true;
    }
    if t.commas >= 10 {
        return false;
    }
    let chars = t.chars as f32;
    let is_list = matches!(*tag, local_name!("ul") | local_name!("ol"))
        || (chars > 0.0 && t.list_chars as f32 / chars > 0.9);
    let in_figure = c & ctx::FIGURE != 0;
    let p = t.paras as f32;
    let img = t.imgs as f32;
    let li = t.lis as f32 - 100.0;
    let heading_density = if chars > 0.0 {
        t.heading_chars as f32 / chars
    } else {
        0.0
    };
    let link_density = t.link_density();
    (!in_figure && img > 1.0 && p / img < 0.5)
        || (!is_list && li > p)
        || t.inputs as f32 > (p / 3.0).floor()
        || (!is_list
            && !in_figure
            && heading_density < 0.9
            && t.chars < 25
            && (img == 0.0 || img > 2.0))
        || (!is_list && weight < 25 && link_density > 0.2)
        || (weight >= 25 && link_density > 0.5)
        || (t.embeds == 1 && t.chars < 75)
        || t.embeds > 1
}

/// Bylines: class/id words, `rel=author`, `itemprop=author`.
fn is_byline(dom: &Dom, id: NodeId, vocab: u8) -> bool {
    vocab & word::BYLINE != 0
        || dom.attr(id, "rel").is_some_and(|r| r.contains("author"))
        || dom
            .attr(id, "itemprop")
            .is_some_and(|r| r.contains("author"))
}

/// Readability's test for a table of data rather than of layout: header
/// cells, a caption or summary, or many rows or columns.
pub(crate) fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    if dom
        .attr(table, "role")
        .is_some_and(|r| r.eq_ignore_ascii_case("presentation"))
        || dom.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if dom
        .attr(table, "summary")
        .is_some_and(|s| !s.trim().is_empty())
    {
        return true;
    }
    let (mut rows, mut max_cols, mut cols) = (0usize, 0usize, 0usize);
    for (seen, n) in dom.descendants(table).skip(1).enumerate() {
        if seen > TABLE_SCAN_BUDGET {
            break;
        }
        match dom.tag(n).map(|t| &**t) {
            Some("caption" | "th" | "thead" | "tfoot" | "colgroup") => return true,
            Some("table") => return false,
            Some("tr") => {
                rows += 1;
                max_cols = max_cols.max(cols);
                cols = 0;
            }
            Some("td") => cols += 1,
            _ => {}
        }
    }
    max_cols = max_cols.max(cols);
    rows >= 10 || max_cols > 4 || rows * max_cols > 10
}
