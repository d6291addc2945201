//! The document tree: elements and text, built from tokens with the nesting repairs browsers
//! mostly make ([`parse_html`]), and rendered as paragraphs of text.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::tokenizer::{decode_entities, find_end_tag, markup_at, Token};
use crate::text::data_lines;

/// ARIA roles of page furniture, dropped like the elements marked `dropped`.
const DROPPED_ROLES: [&str; 5] = ["navigation", "banner", "contentinfo", "complementary", "search"];

/// What `data/html_elements.txt` says of the element `name`: whether it is in `category`
/// (`dropped`, `block`, `void`, `raw`, `head` or `closes-p`).
fn is(name: &str, category: &str) -> bool {
    static TABLE: OnceLock<HashMap<&'static str, Vec<&'static str>>> = OnceLock::new();
    TABLE
        .get_or_init(|| {
            data_lines(include_str!("../../../data/html_elements.txt"))
                .filter_map(|line| {
                    let mut words = line.split_whitespace();
                    Some((words.next()?, words.collect()))
                })
                .collect()
        })
        .get(name)
        .is_some_and(|categories| categories.contains(&category))
}

const HEADINGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

enum Node {
    Element {
        name: String,
        attrs: Vec<(String, String)>,
        children: Vec<usize>,
    },
    Text(String),
}

/// A forgiving tree of the document: node 0 is the root.
pub(super) struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    pub(super) fn name(&self, id: usize) -> &str {
        match &self.nodes[id] {
            Node::Element { name, .. } => name,
            Node::Text(_) => "",
        }
    }

    pub(super) fn attr(&self, id: usize, key: &str) -> Option<&str> {
        match &self.nodes[id] {
            Node::Element { attrs, .. } => attrs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str()),
            Node::Text(_) => None,
        }
    }

    fn children(&self, id: usize) -> &[usize] {
        match &self.nodes[id] {
            Node::Element { children, .. } => children,
            Node::Text(_) => &[],
        }
    }

    /// Whether an element's content is page furniture rather than article text.
    pub(super) fn dropped(&self, id: usize) -> bool {
        let name = self.name(id);
        is(name, "dropped")
            || self.attr(id, "hidden").is_some()
            || self
                .attr(id, "aria-hidden")
                .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || self
                .attr(id, "role")
                .is_some_and(|v| DROPPED_ROLES.contains(&v.trim().to_ascii_lowercase().as_str()))
    }

    /// Elements under `root` (depth first, in document order) for which `want` holds, not
    /// descending into those found nor into subtrees where `enter` is false.
    pub(super) fn find_all(
        &self,
        root: usize,
        want: &dyn Fn(usize) -> bool,
        enter: &dyn Fn(usize) -> bool,
    ) -> Vec<usize> {
        self.found(root, want, enter).collect()
    }

    /// The first of [`Tree::find_all`], looking no further.
    pub(super) fn find_first(
        &self,
        root: usize,
        want: &dyn Fn(usize) -> bool,
        enter: &dyn Fn(usize) -> bool,
    ) -> Option<usize> {
        self.found(root, want, enter).next()
    }

    /// What [`Tree::find_all`] finds, one at a time.
    fn found<'a>(
        &'a self,
        root: usize,
        want: &'a dyn Fn(usize) -> bool,
        enter: &'a dyn Fn(usize) -> bool,
    ) -> impl Iterator<Item = usize> + 'a {
        let mut stack = vec![root];
        std::iter::from_fn(move || {
            while let Some(id) = stack.pop() {
                if id != root && want(id) {
                    return Some(id);
                }
                if id == root || enter(id) {
                    stack.extend(self.children(id).iter().rev());
                }
            }
            None
        })
    }

    /// The text under `root`, paragraphs separated by blank lines; dropped elements (and `skip`)
    /// left out.
    pub(super) fn render(&self, root: usize, skip: Option<usize>) -> String {
        enum Step {
            Enter(usize),
            Leave,
        }
        let mut out = TextOut::default();
        let mut stack = vec![Step::Enter(root)];
        while let Some(step) = stack.pop() {
            let id = match step {
                Step::Enter(id) => id,
                Step::Leave => {
                    out.paragraph();
                    continue;
                }
            };
            match &self.nodes[id] {
                Node::Text(t) => out.text(t),
                Node::Element { name, children, .. } => {
                    if id != root && (Some(id) == skip || self.dropped(id)) {
                        continue;
                    }
                    if is(name, "block") {
                        out.paragraph();
                        stack.push(Step::Leave);
                    } else if matches!(name.as_str(), "td" | "th") {
                        out.space();
                    }
                    stack.extend(children.iter().rev().map(|&c| Step::Enter(c)));
                }
            }
        }
        out.s
    }
}

/// Collects text with white space collapsed: single spaces within a paragraph, a blank line
/// between paragraphs, nothing at either end.
#[derive(Default)]
struct TextOut {
    s: String,
    space: bool,
    paragraph: bool,
}

impl TextOut {
    fn text(&mut self, t: &str) {
        for c in t.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else if c.is_control() || matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}') {
                // Invisible: soft hyphens, zero-width spaces, stray controls.
            } else {
                if !self.s.is_empty() {
                    if self.paragraph {
                        self.s.push_str("\n\n");
                    } else if self.space {
                        self.s.push(' ');
                    }
                }
                self.paragraph = false;
                self.space = false;
                self.s.push(c);
            }
        }
    }

    fn space(&mut self) {
        self.space = true;
    }

    fn paragraph(&mut self) {
        self.paragraph = true;
    }
}

/// How deep elements nest before further start tags stop opening new levels.
const MAX_DEPTH: usize = 512;

/// Builds the tree from tokens, repairing nesting the way browsers mostly do.
struct Builder {
    tree: Tree,
    /// Open elements; `stack[0]` is the root.
    stack: Vec<usize>,
    /// The stack position of the `<head>` that was opened last, if it may still be open.
    head: Option<usize>,
}

impl Builder {
    fn new() -> Builder {
        Builder {
            tree: Tree {
                nodes: vec![Node::Element {
                    name: String::new(),
                    attrs: Vec::new(),
                    children: Vec::new(),
                }],
            },
            stack: vec![0],
            head: None,
        }
    }

    fn top(&self) -> usize {
        self.stack.last().copied().unwrap_or(0)
    }

    fn top_is(&self, names: &[&str]) -> bool {
        names.contains(&self.tree.name(self.top())) && self.stack.len() > 1
    }

    fn append(&mut self, node: Node) -> usize {
        let id = self.tree.nodes.len();
        self.tree.nodes.push(node);
        let parent = self.top();
        if let Node::Element { children, .. } = &mut self.tree.nodes[parent] {
            children.push(id);
        }
        id
    }

    /// Appends text (with its character references decoded) to the open element. Text outside
    /// an element of the head (`in_element` false) ends an open `<head>`, unless it is only white
    /// space.
    fn text(&mut self, raw: &str, in_element: bool) {
        if raw.is_empty() {
            return;
        }
        let decoded = decode_entities(raw);
        if !in_element && !decoded.trim().is_empty() {
            self.close_head();
        }
        if let Some(&last) = self.tree.children(self.top()).last() {
            if let Node::Text(t) = &mut self.tree.nodes[last] {
                t.push_str(&decoded);
                return;
            }
        }
        self.append(Node::Text(decoded));
    }

    fn close_head(&mut self) {
        if let Some(pos) = self.head.take() {
            let id = self.stack.get(pos).copied();
            if id.is_some_and(|id| self.tree.name(id) == "head") {
                self.stack.truncate(pos);
            }
        }
    }

    /// The stack position of the nearest open element named in `names`, not looking past one
    /// named in `boundaries`.
    fn position(&self, names: &[&str], boundaries: &[&str]) -> Option<usize> {
        for (pos, &id) in self.stack.iter().enumerate().skip(1).rev() {
            let name = self.tree.name(id);
            if names.contains(&name) {
                return Some(pos);
            }
            if boundaries.contains(&name) {
                return None;
            }
        }
        None
    }

    fn close_in_scope(&mut self, names: &[&str], boundaries: &[&str]) {
        if let Some(pos) = self.position(names, boundaries) {
            self.stack.truncate(pos);
        }
    }

    /// Handles a start tag; returns whether the element was left open.
    fn start(&mut self, name: String, attrs: Vec<(String, String)>, self_closing: bool) -> bool {
        let n = name.as_str();
        if !is(n, "head") {
            self.close_head();
        }
        if is(n, "closes-p") && self.top_is(&["p"]) {
            self.stack.pop();
        }
        if HEADINGS.contains(&n) && self.top_is(&HEADINGS) {
            self.stack.pop();
        }
        match n {
            "li" => self.close_in_scope(&["li"], &["ul", "ol", "menu", "table"]),
            "dt" | "dd" => self.close_in_scope(&["dt", "dd"], &["dl", "table"]),
            "tr" => self.close_in_scope(&["tr", "td", "th"], &["table"]),
            "td" | "th" => self.close_in_scope(&["td", "th"], &["tr", "table"]),
            "option" if self.top_is(&["option"]) => {
                self.stack.pop();
            }
            _ => {}
        }
        let open = !self_closing && !is(n, "void");
        let is_head = n == "head";
        let id = self.append(Node::Element {
            name,
            attrs,
            children: Vec::new(),
        });
        // Deeper elements are kept (as empty siblings) but not opened: this bounds the work of
        // every end tag.
        if open && self.stack.len() < MAX_DEPTH {
            if is_head {
                self.head = Some(self.stack.len());
            }
            self.stack.push(id);
        }
        open
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" => {
                self.start("br".to_string(), Vec::new(), true);
            }
            "p" if self.position(&["p"], &[]).is_none() => {
                self.start("p".to_string(), Vec::new(), true);
            }
            _ => {
                if let Some(pos) = self.position(&[name], &[]) {
                    self.stack.truncate(pos);
                }
            }
        }
    }
}

/// Parses HTML into a [`Tree`]. Markup that is not understood is text; nothing is lost outside
/// tags, comments and raw-text elements.
pub(super) fn parse_html(html: &str) -> Tree {
    let mut builder = Builder::new();
    let bytes = html.as_bytes();
    // Past the last `>` no markup can end, so every `<` there is text; this keeps malformed
    // input linear.
    let last_gt = html.rfind('>').map_or(0, |p| p + 1);
    let last_quotes = (html.rfind('"'), html.rfind('\''));
    let (mut i, mut text_start) = (0, 0);
    while i < last_gt {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let Some((token, end)) = markup_at(html, i, last_quotes) else {
            i += 1;
            continue;
        };
        builder.text(&html[text_start..i], false);
        i = end;
        match token {
            Token::Start {
                name,
                attrs,
                self_closing,
            } => {
                let raw = is(&name, "raw").then(|| name.clone());
                let open = builder.start(name, attrs, self_closing);
                if let (Some(name), true) = (raw, open) {
                    let (content_end, after) = find_end_tag(html, i, &name);
                    if matches!(name.as_str(), "title" | "textarea") {
                        builder.text(&html[i..content_end], true);
                    }
                    builder.end(&name);
                    i = after;
                }
            }
            Token::End(name) => builder.end(&name),
            Token::Skip => {}
        }
        text_start = i;
    }
    builder.text(&html[text_start..], false);
    builder.tree
}
