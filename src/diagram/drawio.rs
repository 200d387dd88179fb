//! draw.io documents: `<mxfile>` with one `<diagram>` per page, each holding either an
//! `<mxGraphModel>` or compressed text (base64 → raw deflate → URL encoding); a bare
//! `<mxGraphModel>` is one page. Every `<mxCell>` gives a shape from its `value` and `style`;
//! `<object>` / `<UserObject>` wrappers supply the `label` and `tooltip` instead.

use super::inflate::decompress_page;
use super::shapes::Collector;
use super::xml::{Node, Walker, attr, local_name};
use super::{DiagramContent, DiagramError, DiagramFormat};

/// Reads a standalone draw.io document.
pub(crate) fn read(text: &str) -> Result<DiagramContent, DiagramError> {
    let mut collector = Collector::new();
    let pages = parse(text, &mut collector)?;
    Ok(collector.finish(DiagramFormat::Drawio, pages))
}

/// Parses a draw.io document (from a file, an SVG `content` attribute or a PNG chunk) into
/// `collector`; returns its page count.
pub(crate) fn parse(text: &str, collector: &mut Collector) -> Result<usize, DiagramError> {
    let mut walk = DocumentWalk::default();
    walk.run(text, collector, true)?;
    Ok(walk.pages.max(usize::from(walk.saw_model)))
}

/// An `<object>` / `<UserObject>` wrapper whose label belongs to the cell inside it.
#[derive(Debug)]
struct Wrapper {
    depth: usize,
    label: String,
    used: bool,
}

/// State of one pass over a document.
#[derive(Debug, Default)]
struct DocumentWalk {
    pages: usize,
    saw_model: bool,
    /// Depth of the open `<diagram>` and its text so far, while one is open.
    page: Option<(usize, String)>,
    wrappers: Vec<Wrapper>,
}

impl DocumentWalk {
    /// Walks `text`; compressed pages are expanded only when `expand_pages` (never inside an
    /// already-expanded page).
    fn run(
        &mut self,
        text: &str,
        collector: &mut Collector,
        expand_pages: bool,
    ) -> Result<(), DiagramError> {
        let mut walker = Walker::new(text);
        while let Some(node) = walker.next_node()? {
            match node {
                Node::Open(start) => self.open(&start, walker.depth(), collector)?,
                Node::Text(chunk) => self.text(&chunk, walker.depth()),
                Node::Close => self.close(walker.depth(), collector, expand_pages)?,
            }
        }
        Ok(())
    }

    /// Handles an element opening at `depth`.
    fn open(
        &mut self,
        start: &quick_xml::events::BytesStart<'_>,
        depth: usize,
        collector: &mut Collector,
    ) -> Result<(), DiagramError> {
        match local_name(start).as_str() {
            "diagram" => {
                self.pages += 1;
                self.page = Some((depth, String::new()));
            }
            "mxGraphModel" => self.saw_model = true,
            "object" | "UserObject" => self.open_wrapper(start, depth, collector)?,
            "mxCell" => self.cell(start, depth, collector)?,
            _ => {}
        }
        Ok(())
    }

    /// Remembers a wrapper's label for its cell and records its tooltip.
    fn open_wrapper(
        &mut self,
        start: &quick_xml::events::BytesStart<'_>,
        depth: usize,
        collector: &mut Collector,
    ) -> Result<(), DiagramError> {
        if let Some(tooltip) = attr(start, "tooltip") {
            collector.label(&tooltip)?;
        }
        self.wrappers.push(Wrapper {
            depth,
            label: attr(start, "label").unwrap_or_default(),
            used: false,
        });
        Ok(())
    }

    /// Records a cell, taking its label from the wrapper directly around it if there is one.
    fn cell(
        &mut self,
        start: &quick_xml::events::BytesStart<'_>,
        depth: usize,
        collector: &mut Collector,
    ) -> Result<(), DiagramError> {
        let style = attr(start, "style").unwrap_or_default();
        let label = match self.wrappers.last_mut() {
            Some(wrapper) if wrapper.depth + 1 == depth && !wrapper.used => {
                wrapper.used = true;
                std::mem::take(&mut wrapper.label)
            }
            _ => attr(start, "value").unwrap_or_default(),
        };
        if let Some(tooltip) = attr(start, "tooltip") {
            collector.label(&tooltip)?;
        }
        collector.shape(&label, &style)
    }

    /// Accumulates text directly inside an open `<diagram>` (a compressed page).
    fn text(&mut self, chunk: &str, depth: usize) {
        if let Some((page_depth, body)) = &mut self.page
            && *page_depth == depth
        {
            body.push_str(chunk);
        }
    }

    /// Handles the element at `depth + 1` closing: expands a finished compressed page, and
    /// keeps the label of a wrapper that had no cell.
    fn close(
        &mut self,
        depth: usize,
        collector: &mut Collector,
        expand_pages: bool,
    ) -> Result<(), DiagramError> {
        if let Some(wrapper) = self.wrappers.pop_if(|w| w.depth == depth + 1)
            && !wrapper.used
        {
            collector.label(&wrapper.label)?;
        }
        match self.page.take() {
            Some((page_depth, body)) if page_depth == depth + 1 => {
                self.expand(&body, collector, expand_pages)
            }
            other => {
                self.page = other;
                Ok(())
            }
        }
    }

    /// Decompresses and walks a compressed page body, if it has one.
    fn expand(
        &mut self,
        body: &str,
        collector: &mut Collector,
        expand_pages: bool,
    ) -> Result<(), DiagramError> {
        if body.trim().is_empty() || !expand_pages {
            return Ok(());
        }
        let model = decompress_page(body, &mut collector.budget)?;
        DocumentWalk::default().run(&model, collector, false)
    }
}

#[cfg(test)]
mod tests;
