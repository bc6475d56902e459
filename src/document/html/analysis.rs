//! One pass down the tree deciding which nodes can hold article text, and one
//! pass up summing what each subtree holds (text length, link text, commas,
//! paragraphs, images…). Scoring and cleaning read these sums instead of
//! re-walking subtrees, which keeps extraction linear in the page size.

use html5ever::local_name;

use super::boilerplate::{self, TagKind, word};
use super::dom::{Dom, NodeData, NodeId, ROOT};

/// Which of Readability's heuristics are on; later attempts relax them when
/// the strict one finds too little text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Flags {
    /// Drop elements whose class/id name page chrome before scoring.
    pub strip_unlikely: bool,
    /// Let class/id vocabulary raise or lower scores.
    pub weight_classes: bool,
    /// Drop link-heavy, short or form-like blocks from the chosen content.
    pub clean_conditionally: bool,
}

impl Flags {
    /// Strict first, then each heuristic relaxed in turn, as Readability does.
    pub(crate) const ATTEMPTS: [Flags; 4] = [
        Flags {
            strip_unlikely: true,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: true,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: true,
        },
        Flags {
            strip_unlikely: false,
            weight_classes: false,
            clean_conditionally: false,
        },
    ];
}

/// What a subtree holds. Text lengths count characters with each run of
/// white space as one.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Stats {
    /// Text length.
    pub chars: u32,
    /// Characters inside links (`#fragment` links count 0.3).
    pub link_chars: f32,
    /// Commas of Latin, Arabic and CJK scripts.
    pub commas: u32,
    /// `<p>` elements.
    pub paras: u32,
    /// `<img>` elements.
    pub imgs: u32,
    /// `<li>` elements.
    pub lis: u32,
    /// `<input>` elements (dropped, but a sign of forms).
    pub inputs: u32,
    /// `<object>`, `<embed>`, `<iframe>` elements (dropped, but a sign of widgets).
    pub embeds: u32,
    /// Characters inside `h1`–`h6`.
    pub heading_chars: u32,
    /// Characters inside `ul`/`ol`.
    pub list_chars: u32,
    /// Characters inside `<time>`.
    pub time_chars: u32,
    /// Contains a block-level element below it (so it is not one paragraph).
    pub has_block: bool,
}

impl Stats {
    /// Adds a child subtree's sums.
    pub(crate) fn add(&mut self, o: &Stats) {
        self.chars = self.chars.saturating_add(o.chars);
        self.link_chars += o.link_chars;
        self.commas = self.commas.saturating_add(o.commas);
        self.paras = self.paras.saturating_add(o.paras);
        self.imgs = self.imgs.saturating_add(o.imgs);
        self.lis = self.lis.saturating_add(o.lis);
        self.inputs = self.inputs.saturating_add(o.inputs);
        self.embeds = self.embeds.saturating_add(o.embeds);
        self.heading_chars = self.heading_chars.saturating_add(o.heading_chars);
        self.list_chars = self.list_chars.saturating_add(o.list_chars);
        self.time_chars = self.time_chars.saturating_add(o.time_chars);
        self.has_block |= o.has_block;
    }

    /// Share of the text that sits inside links.
    pub(crate) fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            (self.link_chars / self.chars as f32).min(1.0)
        }
    }
}

/// Context bits inherited from ancestors.
pub(crate) mod ctx {
    /// Inside a link to another page.
    pub(crate) const LINK: u8 = 1;
    /// Inside a link to a `#fragment` of this page.
    pub(crate) const HASH_LINK: u8 = 2;
    /// Inside `h1`–`h6`.
    pub(crate) const HEADING: u8 = 4;
    /// Inside `ul`/`ol`.
    pub(crate) const LIST: u8 = 8;
    /// Inside a table or code, where Readability never strips by class name.
    pub(crate) const TABLE_OR_CODE: u8 = 16;
    /// Inside `<figure>`.
    pub(crate) const FIGURE: u8 = 32;
    /// Inside `<pre>`, which is kept as it is.
    pub(crate) const PRE: u8 = 64;
    /// Inside `<time>`.
    pub(crate) const TIME: u8 = 128;
}

/// The kept nodes of a page and their subtree sums, for one set of [`Flags`].
pub(crate) struct Analysis<'v> {
    /// The heuristics in force.
    pub flags: Flags,
    /// Kept nodes in document order (pre-order).
    pub order: Vec<NodeId>,
    /// Whether each node (by index) is kept.
    pub kept: Vec<bool>,
    /// Inherited context bits of each kept node (see [`ctx`]).
    pub ctx: Vec<u8>,
    /// The node's own contribution (its text, or one `p`/`img`/`li`, plus
    /// dropped form controls and embeds directly inside it).
    pub own: Vec<Stats>,
    /// Subtree sums over kept nodes.
    pub total: Vec<Stats>,
    /// Class/id word families of each element (see [`boilerplate::word`]).
    pub vocab: &'v [u8],
    /// Whether each kept element is a block (see [`TagKind::Block`]).
    pub block: Vec<bool>,
}

impl<'v> Analysis<'v> {
    /// Analyses `dom` under `flags`. `vocab` is the per-node vocabulary,
    /// computed once per page with [`vocabulary`].
    pub(crate) fn new(dom: &Dom, flags: Flags, vocab: &'v [u8]) -> Analysis<'v> {
        let n = dom.len();
        let mut a = Analysis {
            flags,
            order: Vec::with_capacity(n),
            kept: vec![false; n],
            ctx: vec![0; n],
            own: vec![Stats::default(); n],
            total: vec![Stats::default(); n],
            vocab,
            block: vec![false; n],
        };
        a.walk_down(dom);
        a.sum_up(dom, |_| false);
        a
    }

    fn walk_down(&mut self, dom: &Dom) {
        let mut next = Some(ROOT);
        while let Some(id) = next {
            let keep = id == ROOT || self.keep(dom, id);
            if keep {
                let i = id.index();
                self.kept[i] = true;
                self.order.push(id);
                let parent_ctx = dom.node(id).parent.map_or(0, |p| self.ctx[p.index()]);
                self.ctx[i] = parent_ctx | self.own_ctx(dom, id);
                self.own[i] = self.own_stats(dom, id, self.ctx[i]);
                self.block[i] = dom
                    .tag(id)
                    .is_some_and(|t| boilerplate::tag_kind(t) == TagKind::Block);
                next = dom
                    .node(id)
                    .first_child
                    .or_else(|| dom.next_skipping_children(ROOT, id));
            } else {
                self.count_dropped(dom, id);
                next = dom.next_skipping_children(ROOT, id);
            }
        }
    }

    /// Whether node `id` (whose parent is kept) can hold article text.
    fn keep(&self, dom: &Dom, id: NodeId) -> bool {
        match &dom.node(id).data {
            NodeData::Text(_) => true,
            NodeData::Document | NodeData::Other => false,
            NodeData::Element(_) => {
                let Some(tag) = dom.tag(id) else {
                    return false;
                };
                if boilerplate::tag_kind(tag) == TagKind::Skip
                    || boilerplate::is_hidden(dom, id)
                    || boilerplate::is_chrome_role(dom, id)
                {
                    return false;
                }
                if self.flags.strip_unlikely
                    && !matches!(
                        *tag,
                        local_name!("html") | local_name!("body") | local_name!("a")
                    )
                {
                    let v = self.vocab[id.index()];
                    let parent_ctx = dom.node(id).parent.map_or(0, |p| self.ctx[p.index()]);
                    if v & word::UNLIKELY != 0
                        && v & word::MAYBE == 0
                        && parent_ctx & ctx::TABLE_OR_CODE == 0
                    {
                        return false;
                    }
                }
                true
            }
        }
    }

    fn own_ctx(&self, dom: &Dom, id: NodeId) -> u8 {
        let Some(tag) = dom.tag(id) else {
            return 0;
        };
        match *tag {
            local_name!("a") => match dom.attr(id, "href") {
                Some(h) if h.trim_start().starts_with('#') => ctx::HASH_LINK,
                Some(_) => ctx::LINK,
                None => 0,
            },
            local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => ctx::HEADING,
            local_name!("ul") | local_name!("ol") => ctx::LIST,
            local_name!("table") | local_name!("code") => ctx::TABLE_OR_CODE,
            local_name!("pre") => ctx::TABLE_OR_CODE | ctx::PRE,
            local_name!("figure") => ctx::FIGURE,
            local_name!("time") => ctx::TIME,
            _ => 0,
        }
    }

    fn own_stats(&self, dom: &Dom, id: NodeId, c: u8) -> Stats {
        let mut s = Stats::default();
        match &dom.node(id).data {
            NodeData::Text(t) => {
                let (chars, commas) = measure(t);
                s.chars = chars;
                s.commas = commas;
                if c & ctx::LINK != 0 {
                    s.link_chars = chars as f32;
                } else if c & ctx::HASH_LINK != 0 {
                    s.link_chars = chars as f32 * 0.3;
                }
                if c & ctx::HEADING != 0 {
                    s.heading_chars = chars;
                }
                if c & ctx::LIST != 0 {
                    s.list_chars = chars;
                }
                if c & ctx::TIME != 0 {
                    s.time_chars = chars;
                }
            }
            NodeData::Element(_) => {
                if let Some(tag) = dom.tag(id) {
                    match *tag {
                        local_name!("p") => s.paras = 1,
                        local_name!("img") => s.imgs = 1,
                        local_name!("li") => s.lis = 1,
                        _ => {}
                    }
                }
            }
            _ => {}
        }
        s
    }

    /// Form controls and embeds are dropped but still count against their
    /// parent in conditional cleaning.
    fn count_dropped(&mut self, dom: &Dom, id: NodeId) {
        let (Some(tag), Some(parent)) = (dom.tag(id), dom.node(id).parent) else {
            return;
        };
        let p = &mut self.own[parent.index()];
        match *tag {
            local_name!("input") => p.inputs = p.inputs.saturating_add(1),
            local_name!("object") | local_name!("embed") | local_name!("iframe") => {
                p.embeds = p.embeds.saturating_add(1)
            }
            _ => {}
        }
    }

    /// Recomputes `total` bottom-up, leaving out nodes for which `removed`
    /// holds (and their subtrees).
    pub(crate) fn sum_up(&mut self, dom: &Dom, removed: impl Fn(NodeId) -> bool) {
        for &id in &self.order {
            self.total[id.index()] = self.own[id.index()];
        }
        for &id in self.order.iter().rev() {
            if id == ROOT || removed(id) {
                continue;
            }
            let mut t = self.total[id.index()];
            t.has_block |= self.block[id.index()];
            if let Some(p) = dom.node(id).parent {
                self.total[p.index()].add(&t);
            }
        }
    }

    /// The subtree sums of `id`.
    pub(crate) fn stats(&self, id: NodeId) -> &Stats {
        &self.total[id.index()]
    }

    /// Whether `id` is kept.
    pub(crate) fn is_kept(&self, id: NodeId) -> bool {
        self.kept[id.index()]
    }

    /// The kept children of `id`.
    pub(crate) fn kept_children<'a>(
        &'a self,
        dom: &'a Dom,
        id: NodeId,
    ) -> impl Iterator<Item = NodeId> + 'a {
        dom.children(id).filter(move |c| self.kept[c.index()])
    }
}

/// Class/id word families of every element, computed once per page.
pub(crate) fn vocabulary(dom: &Dom) -> Vec<u8> {
    let mut v = vec![0; dom.len()];
    for id in dom.descendants(ROOT) {
        if dom.element(id).is_some() {
            v[id.index()] = boilerplate::vocabulary(dom, id);
        }
    }
    v
}

/// Length (white-space runs count one) and comma count of a text.
pub(crate) fn measure(text: &str) -> (u32, u32) {
    let mut chars = 0u32;
    let mut commas = 0u32;
    let mut in_space = true;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                chars = chars.saturating_add(1);
                in_space = true;
            }
            continue;
        }
        in_space = false;
        chars = chars.saturating_add(1);
        if matches!(
            c,
            ',' | '،' | '、' | '，' | '﹐' | '︐' | '︑' | '⸁' | '⸴' | '⸲'
        ) {
            commas = commas.saturating_add(1);
        }
    }
    (chars, commas)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_collapse_space() {
        assert_eq!(measure("  a  b,\n c  "), (7, 1));
        assert_eq!(measure("東京、大阪，"), (6, 2));
    }

    #[test]
    fn sums_and_drops() {
        let dom = Dom::parse(
            "<body><div id=main><p>Hello, <a href=/x>world</a></p><script>no</script><input></div><nav>menu</nav><div class=sidebar>x</div></body>",
        );
        let vocab = vocabulary(&dom);
        let a = Analysis::new(&dom, Flags::ATTEMPTS[0], &vocab);
        let main = dom
            .descendants(ROOT)
            .find(|&n| dom.attr(n, "id") == Some("main"))
            .expect("main");
        let s = a.stats(main);
        assert_eq!(s.chars, 12);
        assert_eq!(s.link_chars, 5.0);
        assert_eq!(s.commas, 1);
        assert_eq!(s.paras, 1);
        assert_eq!(s.inputs, 1);
        assert!(s.has_block);
        let body = dom.node(main).parent.expect("body");
        assert_eq!(a.stats(body).chars, 12, "nav and sidebar are dropped");
        let relaxed = Analysis::new(&dom, Flags::ATTEMPTS[1], &vocab);
        assert_eq!(relaxed.stats(body).chars, 13, "the sidebar is back");
    }
}
