//! A compact arena DOM filled by html5ever's spec-compliant tree builder.
//!
//! Nodes live in one `Vec` and point at each other by index, so the tree is
//! cheap to build, walk and drop: no reference counting, and every traversal
//! here is iterative, so a page nested a million levels deep cannot overflow
//! the stack.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};
use std::sync::LazyLock;

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{Attribute, LocalName, QualName, ns};

/// Index of a node in its [`Dom`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct NodeId(usize);

impl NodeId {
    /// The node's position in the arena, for side tables indexed by node.
    pub(crate) fn index(self) -> usize {
        self.0
    }
}

/// What a node is.
#[derive(Debug)]
pub(crate) enum NodeData {
    /// The root (also the root of a `<template>`'s contents).
    Document,
    /// An element with its attributes.
    Element(Element),
    /// A run of character data, adjacent runs merged.
    Text(StrTendril),
    /// Comments, processing instructions: kept only so the builder has a handle.
    Other,
}

/// An element's name and attributes.
#[derive(Debug)]
pub(crate) struct Element {
    /// Namespace and local name.
    pub name: QualName,
    /// Attributes in source order (the first of duplicates wins).
    pub attrs: Vec<Attribute>,
    template: Option<NodeId>,
    mathml_integration_point: bool,
}

/// One node and its links to parent and siblings.
#[derive(Debug)]
pub(crate) struct Node {
    /// `None` for the root and for nodes removed from the tree.
    pub parent: Option<NodeId>,
    /// First child, for walking down.
    pub first_child: Option<NodeId>,
    /// Last child, for appending in constant time.
    pub last_child: Option<NodeId>,
    /// Previous sibling, for inserting and unlinking in constant time.
    pub prev_sibling: Option<NodeId>,
    /// Next sibling, for walking across.
    pub next_sibling: Option<NodeId>,
    /// What the node is.
    pub data: NodeData,
}

impl Node {
    fn new(data: NodeData) -> Self {
        Node {
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
            data,
        }
    }
}

/// A parsed HTML document. Node 0 is the document root.
#[derive(Debug)]
pub(crate) struct Dom {
    nodes: Vec<Node>,
}

/// The root of every [`Dom`].
pub(crate) const ROOT: NodeId = NodeId(0);

impl Dom {
    /// Parses `html` the way a browser would (implied tags, misnested
    /// formatting, stray end tags), never failing. Nesting is capped first
    /// (see [`super::nesting`]), so parsing stays near linear in the size.
    pub(crate) fn parse(html: &str) -> Dom {
        let sink = Sink {
            nodes: RefCell::new(vec![Node::new(NodeData::Document)]),
        };
        let html = super::nesting::cap_depth(html);
        html5ever::parse_document(sink, Default::default()).one(&*html)
    }

    /// Number of nodes, for side tables indexed by [`NodeId::index`].
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The node `id`.
    pub(crate) fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0]
    }

    /// The element data of `id`, if it is an element.
    pub(crate) fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id.0].data {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// The local name of an HTML element (`None` for text, comments, SVG…).
    pub(crate) fn tag(&self, id: NodeId) -> Option<&LocalName> {
        self.element(id)
            .filter(|e| e.name.ns == ns!(html))
            .map(|e| &e.name.local)
    }

    /// The value of attribute `name` (lowercase) on element `id`.
    pub(crate) fn attr(&self, id: NodeId, name: &str) -> Option<&str> {
        self.element(id)?
            .attrs
            .iter()
            .find(|a| a.name.ns == ns!() && &*a.name.local == name)
            .map(|a| &*a.value)
    }

    /// The text of a text node.
    pub(crate) fn text(&self, id: NodeId) -> Option<&str> {
        match &self.nodes[id.0].data {
            NodeData::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The children of `id`, in document order.
    pub(crate) fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            dom: self,
            next: self.nodes[id.0].first_child,
        }
    }

    /// `id` and everything below it, in document order (pre-order),
    /// without recursion.
    pub(crate) fn descendants(&self, id: NodeId) -> Descendants<'_> {
        Descendants {
            dom: self,
            root: id,
            next: Some(id),
        }
    }

    /// The node after `id` in document order that is not inside `id`, within `root`.
    pub(crate) fn next_skipping_children(&self, root: NodeId, id: NodeId) -> Option<NodeId> {
        let mut cur = id;
        loop {
            if cur == root {
                return None;
            }
            let n = &self.nodes[cur.0];
            if let Some(next) = n.next_sibling {
                return Some(next);
            }
            cur = n.parent?;
        }
    }

    /// The concatenated text below `id`, white space collapsed to single
    /// spaces (element boundaries add no space, as in `textContent`).
    pub(crate) fn text_content(&self, id: NodeId) -> String {
        let mut raw = String::new();
        for n in self.descendants(id) {
            if let Some(t) = self.text(n) {
                raw.push_str(t);
            }
        }
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The first element named `tag` in document order.
    pub(crate) fn find(&self, tag: &LocalName) -> Option<NodeId> {
        self.descendants(ROOT).find(|&n| self.tag(n) == Some(tag))
    }
}

/// Iterator over a node's children.
pub(crate) struct Children<'a> {
    dom: &'a Dom,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.dom.nodes[cur.0].next_sibling;
        Some(cur)
    }
}

/// Pre-order iterator over a subtree.
pub(crate) struct Descendants<'a> {
    dom: &'a Dom,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = match self.dom.nodes[cur.0].first_child {
            Some(child) => Some(child),
            None => self.dom.next_skipping_children(self.root, cur),
        };
        Some(cur)
    }
}

/// The html5ever tree sink writing into the arena.
struct Sink {
    nodes: RefCell<Vec<Node>>,
}

/// Name reported for a handle that is not an element (never expected).
static NO_NAME: LazyLock<QualName> =
    LazyLock::new(|| QualName::new(None, ns!(html), LocalName::from("")));

impl Sink {
    fn push(&self, data: NodeData) -> NodeId {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        NodeId(nodes.len() - 1)
    }

    fn detach(nodes: &mut [Node], id: NodeId) {
        let (parent, prev, next) = {
            let n = &nodes[id.0];
            (n.parent, n.prev_sibling, n.next_sibling)
        };
        let Some(parent) = parent else {
            return;
        };
        match prev {
            Some(p) => nodes[p.0].next_sibling = next,
            None => nodes[parent.0].first_child = next,
        }
        match next {
            Some(n) => nodes[n.0].prev_sibling = prev,
            None => nodes[parent.0].last_child = prev,
        }
        let n = &mut nodes[id.0];
        n.parent = None;
        n.prev_sibling = None;
        n.next_sibling = None;
    }

    fn append_child(nodes: &mut [Node], parent: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let last = nodes[parent.0].last_child;
        {
            let c = &mut nodes[child.0];
            c.parent = Some(parent);
            c.prev_sibling = last;
        }
        match last {
            Some(l) => nodes[l.0].next_sibling = Some(child),
            None => nodes[parent.0].first_child = Some(child),
        }
        nodes[parent.0].last_child = Some(child);
    }

    fn insert_before(nodes: &mut [Node], sibling: NodeId, child: NodeId) {
        Self::detach(nodes, child);
        let Some(parent) = nodes[sibling.0].parent else {
            return;
        };
        let prev = nodes[sibling.0].prev_sibling;
        {
            let c = &mut nodes[child.0];
            c.parent = Some(parent);
            c.prev_sibling = prev;
            c.next_sibling = Some(sibling);
        }
        nodes[sibling.0].prev_sibling = Some(child);
        match prev {
            Some(p) => nodes[p.0].next_sibling = Some(child),
            None => nodes[parent.0].first_child = Some(child),
        }
    }

    /// Appends `text` to node `id` if it is a text node.
    fn extend_text(nodes: &mut [Node], id: Option<NodeId>, text: &StrTendril) -> bool {
        match id.map(|i| &mut nodes[i.0].data) {
            Some(NodeData::Text(t)) => {
                t.push_tendril(text);
                true
            }
            _ => false,
        }
    }

    /// The node to insert for `child`: the node itself, a new text node, or
    /// `None` when the text was merged into the text node `neighbour` (the
    /// node it would stand next to), as browsers merge adjacent text.
    fn node_or_merged_text(
        &self,
        child: NodeOrText<NodeId>,
        neighbour: Option<NodeId>,
    ) -> Option<NodeId> {
        match child {
            NodeOrText::AppendNode(n) => Some(n),
            NodeOrText::AppendText(text) => {
                if Self::extend_text(&mut self.nodes.borrow_mut(), neighbour, &text) {
                    None
                } else {
                    Some(self.push(NodeData::Text(text)))
                }
            }
        }
    }
}

impl TreeSink for Sink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.nodes.borrow(), |nodes| match &nodes[target.0].data {
            NodeData::Element(e) => &e.name,
            _ => &NO_NAME,
        })
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template = flags.template.then(|| self.push(NodeData::Document));
        self.push(NodeData::Element(Element {
            name,
            attrs,
            template,
            mathml_integration_point: flags.mathml_annotation_xml_integration_point,
        }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.push(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        let last = self.nodes.borrow()[parent.0].last_child;
        if let Some(child) = self.node_or_merged_text(child, last) {
            Self::append_child(&mut self.nodes.borrow_mut(), *parent, child);
        }
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        let has_parent = self.nodes.borrow()[element.0].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.nodes.borrow()[target.0].data {
            NodeData::Element(Element {
                template: Some(t), ..
            }) => *t,
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let prev = self.nodes.borrow()[sibling.0].prev_sibling;
        if let Some(child) = self.node_or_merged_text(new_node, prev) {
            Self::insert_before(&mut self.nodes.borrow_mut(), *sibling, child);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<Attribute>) {
        if let NodeData::Element(e) = &mut self.nodes.borrow_mut()[target.0].data {
            for a in attrs {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    e.attrs.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut nodes = self.nodes.borrow_mut();
        while let Some(child) = nodes[node.0].first_child {
            Self::append_child(&mut nodes, *new_parent, child);
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        match &self.nodes.borrow()[handle.0].data {
            NodeData::Element(e) => e.mathml_integration_point,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use html5ever::local_name;

    fn names(dom: &Dom) -> Vec<String> {
        dom.descendants(ROOT)
            .filter_map(|n| dom.tag(n).map(|t| t.to_string()))
            .collect()
    }

    #[test]
    fn builds_the_tree_a_browser_would() {
        let dom = Dom::parse("<p>One<p>Two <b>bold<i>both</b>italic</i><div id=x>d</div>");
        assert_eq!(
            names(&dom),
            ["html", "head", "body", "p", "p", "b", "i", "i", "div"]
        );
        let div = dom.find(&local_name!("div")).expect("div");
        assert_eq!(dom.attr(div, "id"), Some("x"));
        let body = dom.find(&local_name!("body")).expect("body");
        assert_eq!(dom.text_content(body), "OneTwo boldbothitalicd");
    }

    #[test]
    fn deep_nesting_is_capped_and_keeps_its_text() {
        let html = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000) + "<p>end</p>";
        let dom = Dom::parse(&html);
        let depth = |mut n: NodeId| {
            let mut d = 0;
            while let Some(p) = dom.node(n).parent {
                d += 1;
                n = p;
            }
            d
        };
        let deepest = dom.descendants(ROOT).map(depth).max().unwrap_or(0);
        assert!(deepest <= super::super::nesting::MAX_DEPTH + 8, "{deepest}");
        assert_eq!(dom.text_content(ROOT), "deepend");
    }

    #[test]
    fn template_contents_are_apart() {
        let dom = Dom::parse("<body><template><p>hidden</p></template><p>shown</p>");
        assert_eq!(dom.text_content(ROOT), "shown");
    }
}
