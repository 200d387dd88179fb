//! SVG drawings: the text of `<text>` (with its `<tspan>`s), `<title>`, `<desc>` and
//! `<foreignObject>` (draw.io renders HTML labels that way), plus `aria-label` attributes.
//! A `<switch>` shows only its first child, as SVG renders it, so draw.io's fallback text is
//! not read twice. An SVG exported by draw.io carries the whole diagram in the root's
//! `content` attribute; that is read as a draw.io document instead.

use quick_xml::events::BytesStart;

use super::inflate::url_decode_if_needed;
use super::shapes::Collector;
use super::xml::{Node, Walker, attr, local_name};
use super::{DiagramContent, DiagramError, DiagramFormat, drawio};

/// Elements whose whole content is one label.
const TEXT_ELEMENTS: &[&str] = &["text", "title", "desc", "foreignObject"];

/// Elements whose content is never visible text.
const HIDDEN_ELEMENTS: &[&str] = &["style", "script"];

/// Elements inside a label whose boundaries separate words.
const WORD_BREAKS: &[&str] = &["tspan", "br", "div", "p", "li", "tr", "td", "th"];

/// Reads an SVG document.
pub(crate) fn read(text: &str) -> Result<DiagramContent, DiagramError> {
    let mut collector = Collector::new();
    if let Some(mxfile) = embedded_mxfile(text)? {
        let pages = drawio::parse(&mxfile, &mut collector)?;
        return Ok(collector.finish(DiagramFormat::DrawioSvg, pages));
    }
    SvgWalk::default().run(text, &mut collector)?;
    Ok(collector.finish(DiagramFormat::Svg, 1))
}

/// The draw.io document in the root `<svg content="…">`, if there is one.
fn embedded_mxfile(text: &str) -> Result<Option<String>, DiagramError> {
    let mut walker = Walker::new(text);
    while let Some(node) = walker.next_node()? {
        if let Node::Open(root) = node {
            let content = attr(&root, "content").unwrap_or_default();
            let decoded = url_decode_if_needed(content.trim());
            return Ok(decoded.trim_start().starts_with('<').then_some(decoded));
        }
    }
    Ok(None)
}

/// State of one pass over an SVG document.
#[derive(Debug, Default)]
struct SvgWalk {
    /// Depth of the label element being read, and its text so far.
    label: Option<(usize, String)>,
    /// Depth of the hidden subtree being skipped.
    skip: Option<usize>,
    /// Open `<switch>` elements: their depth and whether a child was already shown.
    switches: Vec<(usize, bool)>,
}

impl SvgWalk {
    /// Walks the document, sending each label to `collector`.
    fn run(&mut self, text: &str, collector: &mut Collector) -> Result<(), DiagramError> {
        let mut walker = Walker::new(text);
        while let Some(node) = walker.next_node()? {
            let depth = walker.depth();
            match node {
                Node::Open(start) => self.open(&start, depth, collector)?,
                Node::Text(chunk) => self.text(&chunk),
                Node::Close => self.close(depth, collector)?,
            }
        }
        Ok(())
    }

    /// Handles an element opening at `depth`.
    fn open(
        &mut self,
        start: &BytesStart<'_>,
        depth: usize,
        collector: &mut Collector,
    ) -> Result<(), DiagramError> {
        if self.skip.is_some() {
            return Ok(());
        }
        let name = local_name(start);
        if HIDDEN_ELEMENTS.contains(&name.as_str()) || self.hidden_by_switch(depth) {
            self.skip = Some(depth);
            return Ok(());
        }
        if name == "switch" {
            self.switches.push((depth, false));
        }
        if let Some(aria) = attr(start, "aria-label") {
            collector.text(&aria)?;
        }
        match &mut self.label {
            Some((_, buffer)) if WORD_BREAKS.contains(&name.as_str()) => buffer.push(' '),
            Some(_) => {}
            None if TEXT_ELEMENTS.contains(&name.as_str()) => {
                self.label = Some((depth, String::new()));
            }
            None => {}
        }
        Ok(())
    }

    /// True when a `<switch>` directly around `depth` already showed a child; marks it shown.
    fn hidden_by_switch(&mut self, depth: usize) -> bool {
        match self.switches.last_mut() {
            Some((switch_depth, shown)) if *switch_depth + 1 == depth => {
                std::mem::replace(shown, true)
            }
            _ => false,
        }
    }

    /// Appends character data to the label being read.
    fn text(&mut self, chunk: &str) {
        if let (None, Some((_, buffer))) = (self.skip, &mut self.label) {
            buffer.push_str(chunk);
        }
    }

    /// Handles the element at `depth + 1` closing.
    fn close(&mut self, depth: usize, collector: &mut Collector) -> Result<(), DiagramError> {
        let closed = depth + 1;
        if self.skip == Some(closed) {
            self.skip = None;
            return Ok(());
        }
        if self.skip.is_some() {
            return Ok(());
        }
        self.switches
            .pop_if(|(switch_depth, _)| *switch_depth == closed);
        match self.label.take() {
            Some((label_depth, buffer)) if label_depth == closed => collector.text(&buffer),
            other => {
                self.label = other;
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests;
