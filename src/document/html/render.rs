//! Chosen content → body text: block elements become paragraphs, inline
//! elements flow, table cells are separated by spaces, and each link's
//! anchor text is located in the body as it is pushed. A subheading with no
//! text under it (its section was page chrome, now removed: "Comments",
//! "Related") is left out.

use html5ever::local_name;

use super::analysis::Analysis;
use super::boilerplate::{self, TagKind};
use super::dom::{Dom, NodeId};
use crate::document::DocLink;
use crate::document::body::BodyBuilder;

/// The article text of one extraction attempt.
#[derive(Debug)]
pub(crate) struct Rendered {
    /// The text, paragraph by paragraph.
    pub builder: BodyBuilder,
    /// Links at their anchor text's byte range in the body.
    pub links: Vec<DocLink>,
    /// Characters of text pushed (white-space runs count one).
    pub chars: usize,
}

struct OpenLink {
    url: String,
    start: Option<usize>,
    end: usize,
}

/// What the walk met, in order; replayed into the body once headings
/// without content are known.
enum Event<'a> {
    Text(&'a str),
    Space,
    Break,
    LinkStart(&'a str),
    LinkEnd,
    /// A subheading of this rank (2–6) starts.
    Heading(u8),
    HeadingEnd,
}

struct Renderer<'a> {
    dom: &'a Dom,
    a: &'a Analysis<'a>,
    removed: &'a [bool],
    title_key: Option<String>,
    events: Vec<Event<'a>>,
}

/// Renders `roots` (in order), leaving out nodes the analysis dropped or
/// `removed` marks, and headings that repeat the title.
pub(crate) fn render(
    dom: &Dom,
    a: &Analysis<'_>,
    removed: &[bool],
    roots: &[NodeId],
    title: Option<&str>,
) -> Rendered {
    let mut r = Renderer {
        dom,
        a,
        removed,
        title_key: title.map(key).filter(|k| !k.is_empty()),
        events: Vec::new(),
    };
    for &root in roots {
        r.walk(root);
        r.events.push(Event::Break);
    }
    let mut events = r.events;
    drop_empty_sections(&mut events);
    replay(&events)
}

/// Removes subheadings followed by no text before the next heading of the
/// same or higher rank, or the end.
fn drop_empty_sections(events: &mut Vec<Event<'_>>) {
    let mut drop = vec![false; events.len()];
    // Open headings: (rank, index of its start, text seen since its end).
    let mut open: Vec<(u8, usize, bool)> = Vec::new();
    let mut in_heading: Option<usize> = None;
    for (i, e) in events.iter().enumerate() {
        match e {
            Event::Heading(rank) => {
                while let Some(&(r, start, seen)) = open.last() {
                    if r < *rank {
                        break;
                    }
                    open.pop();
                    if !seen {
                        mark_heading(events, &mut drop, start);
                    }
                }
                open.push((*rank, i, false));
                in_heading = Some(i);
            }
            Event::HeadingEnd => in_heading = None,
            Event::Text(t) if in_heading.is_none() && !t.trim().is_empty() => {
                for o in open.iter_mut() {
                    o.2 = true;
                }
            }
            _ => {}
        }
    }
    for (_, start, seen) in open {
        if !seen {
            mark_heading(events, &mut drop, start);
        }
    }
    let mut i = 0;
    events.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Marks the text of the heading starting at `start` for removal.
fn mark_heading(events: &[Event<'_>], drop: &mut [bool], start: usize) {
    for (j, e) in events.iter().enumerate().skip(start) {
        if let Event::Text(_) = e {
            drop[j] = true;
        }
        if let Event::HeadingEnd = e {
            break;
        }
    }
}

/// Pushes the events into a body, locating each link's anchor text.
fn replay(events: &[Event<'_>]) -> Rendered {
    let mut out = Rendered {
        builder: BodyBuilder::new(),
        links: Vec::new(),
        chars: 0,
    };
    let mut link: Option<OpenLink> = None;
    for e in events {
        match e {
            Event::Text(t) => {
                if let Some(range) = out.builder.push(t) {
                    out.chars += super::analysis::measure(t).0 as usize;
                    if let Some(l) = link.as_mut() {
                        l.start.get_or_insert(range.start);
                        l.end = range.end;
                    }
                }
            }
            Event::Space => out.builder.space(),
            Event::Break | Event::Heading(_) | Event::HeadingEnd => out.builder.end_paragraph(),
            Event::LinkStart(url) => {
                finish_link(&mut out, link.take());
                link = Some(OpenLink {
                    url: url.to_string(),
                    start: None,
                    end: 0,
                });
            }
            Event::LinkEnd => finish_link(&mut out, link.take()),
        }
    }
    finish_link(&mut out, link);
    out
}

fn finish_link(out: &mut Rendered, link: Option<OpenLink>) {
    if let Some(l) = link
        && let Some(start) = l.start
    {
        out.links.push(DocLink {
            url: l.url,
            range: start..l.end,
        });
    }
}

impl<'a> Renderer<'a> {
    /// Visits the subtree of `root` without recursion: `enter` on the way
    /// down, `leave` on the way up for every node entered with children.
    fn walk(&mut self, root: NodeId) {
        let dom = self.dom;
        let mut cur = root;
        'outer: loop {
            if self.enter(cur) {
                if let Some(child) = dom.node(cur).first_child {
                    cur = child;
                    continue;
                }
                self.leave(cur);
            }
            loop {
                if cur == root {
                    break 'outer;
                }
                if let Some(next) = dom.node(cur).next_sibling {
                    cur = next;
                    continue 'outer;
                }
                match dom.node(cur).parent {
                    Some(p) => {
                        cur = p;
                        self.leave(cur);
                    }
                    None => break 'outer,
                }
            }
        }
    }

    /// Handles the start of a node; true to visit its children.
    fn enter(&mut self, id: NodeId) -> bool {
        if !self.a.is_kept(id) || self.removed[id.index()] {
            return false;
        }
        let dom = self.dom;
        if let Some(text) = dom.text(id) {
            self.events.push(Event::Text(text));
            return false;
        }
        let Some(tag) = dom.tag(id) else {
            return false;
        };
        match *tag {
            local_name!("br") | local_name!("hr") => {
                self.events.push(Event::Break);
                false
            }
            local_name!("img") => false,
            local_name!("td") | local_name!("th") => {
                self.events.push(Event::Space);
                true
            }
            local_name!("h1") => false,
            local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => {
                if self.repeats_title(id) {
                    return false;
                }
                let rank = tag.as_bytes().get(1).map_or(6, |b| b.saturating_sub(b'0'));
                self.events.push(Event::Heading(rank));
                true
            }
            local_name!("a") => {
                if let Some(url) = dom.attr(id, "href").map(str::trim)
                    && !url.is_empty()
                    && !url.starts_with('#')
                    && !url
                        .get(..11)
                        .is_some_and(|s| s.eq_ignore_ascii_case("javascript:"))
                {
                    self.events.push(Event::LinkStart(url));
                }
                true
            }
            _ => {
                if boilerplate::tag_kind(tag) == TagKind::Block {
                    self.events.push(Event::Break);
                }
                true
            }
        }
    }

    /// Handles the end of an entered node.
    fn leave(&mut self, id: NodeId) {
        let Some(tag) = self.dom.tag(id) else {
            return;
        };
        match *tag {
            local_name!("td") | local_name!("th") => self.events.push(Event::Space),
            local_name!("a") => self.events.push(Event::LinkEnd),
            local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6") => self.events.push(Event::HeadingEnd),
            _ => {
                if boilerplate::tag_kind(tag) == TagKind::Block {
                    self.events.push(Event::Break);
                }
            }
        }
    }

    /// A heading that says the same as the page title.
    fn repeats_title(&self, id: NodeId) -> bool {
        let Some(title) = &self.title_key else {
            return false;
        };
        let heading = key(&self.dom.text_content(id));
        !heading.is_empty()
            && (heading == *title || title.contains(&heading) && heading.len() * 2 > title.len())
    }
}

/// Lowercase letters and digits only, for comparing headings with titles.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
