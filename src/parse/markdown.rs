//! Markdown body parsing with `pulldown-cmark`'s offset iterator: headings (with GitHub-style
//! anchors), links and images, HTML comments, code block spans and the plain-text blocks that
//! recognizers read.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use regex::Regex;

use super::blocks::{BlockKind, TextBlock};

/// A heading and its anchor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// Level 1–6.
    pub level: u8,
    /// Plain text.
    pub text: String,
    /// GitHub-style anchor (deduplicated with `-1`, `-2`, …).
    pub anchor: String,
    /// Byte range of the heading in the file.
    pub span: Range<usize>,
}

/// A link or image reference found in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// The destination as written.
    pub dest: String,
    /// Byte range to point at: the destination inside the link when it can be found,
    /// else the whole link.
    pub span: Range<usize>,
    /// An image (`![alt](x)` or `<img src>`), rather than a link.
    pub is_image: bool,
    /// The link text or image alt text.
    pub text: String,
}

/// An HTML comment and its text (without `<!--` `-->`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Inner text.
    pub text: String,
    /// Byte range of the whole comment.
    pub span: Range<usize>,
}

/// Everything collected from one Markdown body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkdownDoc {
    /// Headings in order.
    pub headings: Vec<Heading>,
    /// Links and images in order.
    pub links: Vec<Link>,
    /// HTML comments in order.
    pub comments: Vec<Comment>,
    /// Anchors defined in HTML (`<a name="x">`, `id="x"`), as written.
    pub html_anchors: Vec<String>,
    /// Byte ranges of fenced and indented code blocks.
    pub code_blocks: Vec<Range<usize>>,
    /// Plain-text blocks in order.
    pub blocks: Vec<TextBlock>,
}

/// Parses the Markdown in `text[body_start..]`; every range is an offset into `text`.
pub fn parse(text: &str, body_start: usize) -> MarkdownDoc {
    let body = &text[body_start..];
    let mut builder = Builder::default();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let range = range.start + body_start..range.end + body_start;
        builder.event(event, range, text);
    }
    builder.finish()
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_DEFINITION_LIST
}

#[derive(Default)]
struct Builder {
    doc: MarkdownDoc,
    current: Option<OpenBlock>,
    /// The open block's text and pieces, reused from block to block; `flush` copies them out
    /// at their final size, so a block costs two allocations however many pieces it has.
    text: String,
    pieces: Vec<(usize, usize, usize)>,
    /// Open containers that decide the kind of a text block opened implicitly.
    list_items: usize,
    table: Option<TableState>,
    tables_seen: usize,
    heading: Option<(u8, Range<usize>)>,
    in_code_block: bool,
    open_links: Vec<(String, Range<usize>, bool, usize, LinkType)>,
    anchors: HashMap<String, usize>,
}

/// The block being collected; its text and pieces are the builder's buffers.
struct OpenBlock {
    kind: BlockKind,
    span: Range<usize>,
}

struct TableState {
    index: usize,
    row: usize,
    column: usize,
}

impl Builder {
    fn event(&mut self, event: Event<'_>, range: Range<usize>, text: &str) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) if !self.in_code_block => self.push_text(&t, range, text),
            Event::Code(code) => self.push_code(&code, range),
            Event::SoftBreak | Event::HardBreak => self.push_space(),
            Event::Html(html) | Event::InlineHtml(html) => self.html(&html, range),
            Event::TaskListMarker(_) => {}
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph => self.open(BlockKind::Paragraph, range),
            Tag::Heading { level, .. } => {
                let level = level as u8;
                self.heading = Some((level, range.clone()));
                self.open(BlockKind::Heading(level), range);
            }
            Tag::Item => {
                self.flush();
                self.list_items += 1;
            }
            Tag::List(_) => self.flush(),
            Tag::Table(_) => {
                self.flush();
                self.table = Some(TableState {
                    index: self.tables_seen,
                    row: 0,
                    column: 0,
                });
                self.tables_seen += 1;
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.column = 0;
                }
            }
            Tag::TableCell => {
                if let Some(t) = &self.table {
                    let kind = BlockKind::TableCell {
                        table: t.index,
                        row: t.row,
                        column: t.column,
                    };
                    self.open(kind, range);
                }
            }
            Tag::DefinitionListTitle => self.open(BlockKind::DefinitionTitle, range),
            Tag::DefinitionListDefinition => self.open(BlockKind::DefinitionBody, range),
            Tag::CodeBlock(_) => {
                self.flush();
                self.in_code_block = true;
                self.doc.code_blocks.push(range);
            }
            Tag::Link {
                link_type,
                dest_url,
                ..
            } => self.open_link(dest_url.to_string(), range, false, link_type),
            Tag::Image {
                link_type,
                dest_url,
                ..
            } => self.open_link(dest_url.to_string(), range, true, link_type),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, _range: Range<usize>) {
        match tag {
            TagEnd::Paragraph | TagEnd::DefinitionListTitle | TagEnd::DefinitionListDefinition => {
                self.flush()
            }
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::Item => {
                self.flush();
                self.list_items = self.list_items.saturating_sub(1);
            }
            TagEnd::TableCell => {
                self.flush();
                if let Some(t) = self.table.as_mut() {
                    t.column += 1;
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.row += 1;
                }
            }
            TagEnd::Table => self.table = None,
            TagEnd::CodeBlock => self.in_code_block = false,
            TagEnd::Link | TagEnd::Image => self.close_link(),
            _ => {}
        }
    }

    fn open(&mut self, kind: BlockKind, range: Range<usize>) {
        self.flush();
        self.current = Some(OpenBlock { kind, span: range });
    }

    /// Text outside any explicit block (tight list items) opens an implicit one.
    fn ensure_block(&mut self, range: &Range<usize>) {
        if self.current.is_none() {
            let kind = if self.list_items > 0 {
                BlockKind::ListItem
            } else {
                BlockKind::Paragraph
            };
            self.current = Some(OpenBlock {
                kind,
                span: range.clone(),
            });
        }
    }

    fn push_text(&mut self, t: &str, range: Range<usize>, source: &str) {
        self.ensure_block(&range);
        let text_offset = self.text.len();
        // Map to the source only when the text appears verbatim there (escapes and entities
        // change the bytes; such pieces map to the start of their range).
        let src_offset = if source.get(range.clone()) == Some(t) {
            range.start
        } else {
            source
                .get(range.clone())
                .and_then(|s| s.find(t))
                .map_or(range.start, |i| range.start + i)
        };
        self.text.push_str(t);
        self.pieces.push((text_offset, src_offset, t.len()));
        let block = self.current.as_mut().expect("block opened above");
        block.span.end = block.span.end.max(range.end);
    }

    fn push_code(&mut self, code: &str, range: Range<usize>) {
        self.ensure_block(&range);
        let text_offset = self.text.len();
        // The code text sits inside the backticks.
        let inner_start = range.start + (range.len().saturating_sub(code.len())) / 2;
        self.text.push_str(code);
        self.pieces.push((text_offset, inner_start, code.len()));
    }

    fn push_space(&mut self) {
        if self.current.is_some() {
            self.text.push(' ');
        }
    }

    fn flush(&mut self) {
        if let Some(block) = self.current.take() {
            let trimmed_len = self.text.trim_end().len();
            self.text.truncate(trimmed_len);
            // Pieces of the trimmed whitespace go too, so every piece lies inside the text.
            self.pieces.retain(|&(t, _, _)| t < trimmed_len);
            if let Some(last) = self.pieces.last_mut() {
                last.2 = last.2.min(trimmed_len - last.0);
            }
            if !self.text.trim().is_empty() {
                self.doc.blocks.push(TextBlock {
                    kind: block.kind,
                    text: self.text.clone(),
                    span: block.span,
                    pieces: self.pieces.clone(),
                });
            }
            self.text.clear();
            self.pieces.clear();
        }
    }

    /// The open block's text so far, if a block is open.
    fn current_text(&self) -> Option<&str> {
        self.current.as_ref().map(|_| self.text.as_str())
    }

    fn end_heading(&mut self) {
        let text = self
            .current_text()
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        self.flush();
        if let Some((level, span)) = self.heading.take() {
            let anchor = self.unique_anchor(slug(&text));
            self.doc.headings.push(Heading {
                level,
                text,
                anchor,
                span,
            });
        }
    }

    fn unique_anchor(&mut self, base: String) -> String {
        let count = self.anchors.entry(base.clone()).or_insert(0);
        let anchor = if *count == 0 {
            base
        } else {
            format!("{base}-{count}")
        };
        *count += 1;
        anchor
    }

    fn open_link(&mut self, dest: String, range: Range<usize>, is_image: bool, kind: LinkType) {
        let start_len = self.current_text().map_or(0, str::len);
        self.open_links
            .push((dest, range, is_image, start_len, kind));
    }

    fn close_link(&mut self) {
        let Some((dest, range, is_image, start_len, kind)) = self.open_links.pop() else {
            return;
        };
        if matches!(kind, LinkType::Email) {
            return;
        }
        let text = self
            .current_text()
            .and_then(|t| t.get(start_len..))
            .unwrap_or_default()
            .to_string();
        self.doc.links.push(Link {
            dest,
            span: range,
            is_image,
            text,
        });
    }

    fn html(&mut self, html: &str, range: Range<usize>) {
        for m in COMMENT.captures_iter(html) {
            let whole = m.get(0).expect("group 0");
            self.doc.comments.push(Comment {
                text: m[1].trim().to_string(),
                span: range.start + whole.start()..range.start + whole.end(),
            });
        }
        for m in HTML_ANCHOR.captures_iter(html) {
            let value = m.get(1).or_else(|| m.get(2)).expect("one alternative");
            self.doc.html_anchors.push(value.as_str().to_string());
        }
        for m in HTML_REF.captures_iter(html) {
            let value = m.get(2).or_else(|| m.get(3)).expect("one alternative");
            let is_image = m[1].eq_ignore_ascii_case("src");
            self.doc.links.push(Link {
                dest: value.as_str().to_string(),
                span: range.start + value.start()..range.start + value.end(),
                is_image,
                text: String::new(),
            });
        }
    }

    fn finish(mut self) -> MarkdownDoc {
        self.flush();
        self.doc.links.sort_by_key(|l| l.span.start);
        self.doc
    }
}

static COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--(.*?)-->").expect("valid regex"));
static HTML_ANCHOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:name|id)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid regex")
});
static HTML_REF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(src|href)\s*=\s*(?:"([^"]*)"|'([^']*)')"#).expect("valid regex")
});

/// The anchor GitHub gives a heading: lowercase, punctuation removed (except `-` and `_`),
/// spaces turned into `-`.
pub fn slug(text: &str) -> String {
    let text = text.trim();
    if text.is_ascii() {
        return ascii_slug(text);
    }
    text.to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// [`slug`] of ASCII text: the same rules byte by byte, without the lowercase copy.
fn ascii_slug(text: &str) -> String {
    let mut anchor = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b' ' => anchor.push('-'),
            b'-' | b'_' => anchor.push(char::from(byte)),
            b if b.is_ascii_alphanumeric() => anchor.push(char::from(b.to_ascii_lowercase())),
            _ => {}
        }
    }
    anchor
}

/// Narrows a link's span to its destination text when the destination appears in it.
pub fn destination_span(text: &str, link: &Link) -> Range<usize> {
    let Some(source) = text.get(link.span.clone()) else {
        return link.span.clone();
    };
    if link.dest.is_empty() {
        return link.span.clone();
    }
    match source.rfind(link.dest.as_str()) {
        Some(i) => link.span.start + i..link.span.start + i + link.dest.len(),
        None => link.span.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_github_anchors() {
        let doc = parse("# RTO & RPO targets\n## Plan\n## Plan\n", 0);
        let anchors: Vec<_> = doc.headings.iter().map(|h| h.anchor.as_str()).collect();
        assert_eq!(anchors, ["rto--rpo-targets", "plan", "plan-1"]);
    }

    #[test]
    fn html_anchors_are_collected() {
        let doc = parse(
            "## Limits<a name=\"MySQL.Limits\"></a>\n\n<div id='x'></div>\n",
            0,
        );
        assert_eq!(doc.html_anchors, ["MySQL.Limits", "x"]);
    }

    #[test]
    fn links_images_and_html_references_are_collected() {
        let text =
            "See [plan](dr.md#rto) and ![diagram](arch.svg).\n\n<img src=\"x.png\" alt=\"x\">\n";
        let doc = parse(text, 0);
        let dests: Vec<_> = doc
            .links
            .iter()
            .map(|l| (l.dest.as_str(), l.is_image))
            .collect();
        assert_eq!(
            dests,
            [("dr.md#rto", false), ("arch.svg", true), ("x.png", true)]
        );
        assert_eq!(&text[destination_span(text, &doc.links[0])], "dr.md#rto");
    }

    #[test]
    fn code_is_not_linked_or_text() {
        let text = "```\n[x](missing.md)\nRTO: 1 hour\n```\n\nUse `[y](gone.md)`.\n";
        let doc = parse(text, 0);
        assert!(doc.links.is_empty());
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(doc.code_blocks.len(), 1);
    }

    #[test]
    fn tables_give_cells_with_coordinates() {
        let doc = parse("| Metric | Target |\n|---|---|\n| RTO | 1 hour |\n", 0);
        let cells: Vec<_> = doc
            .blocks
            .iter()
            .map(|b| (b.kind.clone(), b.text.as_str()))
            .collect();
        assert_eq!(
            cells[3],
            (
                BlockKind::TableCell {
                    table: 0,
                    row: 1,
                    column: 1
                },
                "1 hour"
            )
        );
    }

    #[test]
    fn list_items_and_comments() {
        let text = "- RPO is five minutes\n- nested:\n  - inner\n\n<!-- evidencelint-disable x -- why -->\n";
        let doc = parse(text, 0);
        assert_eq!(doc.blocks[0].kind, BlockKind::ListItem);
        assert_eq!(doc.blocks[0].text, "RPO is five minutes");
        assert_eq!(doc.comments[0].text, "evidencelint-disable x -- why");
    }

    #[test]
    fn block_text_maps_back_to_source() {
        let text = "The *RTO* is one hour.\n";
        let doc = parse(text, 0);
        let block = &doc.blocks[0];
        let at = block.text.find("one hour").unwrap();
        let range = block.source_range(at..at + 8);
        assert_eq!(&text[range], "one hour");
    }
}
