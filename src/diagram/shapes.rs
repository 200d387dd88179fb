//! Collects what a parser finds — shapes with their label and style — within the text
//! budget, and turns it into a [`DiagramContent`].

use super::html::{collapse_whitespace, html_to_text};
use super::limits::Budget;
use super::{DiagramContent, DiagramError, DiagramFormat, features};

/// One drawn thing: a draw.io cell, or a piece of SVG text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    /// Its visible text, decoded; may be empty.
    pub label: String,
    /// Its draw.io style; empty for SVG text.
    pub style: String,
}

/// Accumulates shapes while a file is parsed.
#[derive(Debug)]
pub(crate) struct Collector {
    /// Limits shared by every stage reading this file.
    pub budget: Budget,
    shapes: Vec<Shape>,
}

impl Collector {
    /// An empty collector with a fresh budget.
    pub(crate) fn new() -> Self {
        Self {
            budget: Budget::new(),
            shapes: Vec::new(),
        }
    }

    /// Records a shape from a raw (possibly HTML) label and a style; skips it if both are empty.
    pub(crate) fn shape(&mut self, raw_label: &str, style: &str) -> Result<(), DiagramError> {
        self.push(html_to_text(raw_label), style)
    }

    /// Records already-decoded plain text with no style (SVG text).
    pub(crate) fn text(&mut self, plain: &str) -> Result<(), DiagramError> {
        self.push(collapse_whitespace(plain), "")
    }

    /// Records a decoded label and a style, within the text budget.
    fn push(&mut self, label: String, style: &str) -> Result<(), DiagramError> {
        let style = style.trim();
        if label.is_empty() && style.is_empty() {
            return Ok(());
        }
        self.budget.spend_text(label.len() + style.len())?;
        self.shapes.push(Shape {
            label,
            style: style.to_string(),
        });
        Ok(())
    }

    /// Records text with no style (a tooltip, an SVG `<title>`).
    pub(crate) fn label(&mut self, raw_label: &str) -> Result<(), DiagramError> {
        self.shape(raw_label, "")
    }

    /// Finishes the file: labels, styles and features of everything collected.
    pub(crate) fn finish(self, format: DiagramFormat, pages: usize) -> DiagramContent {
        let features = features::derive(&self.shapes);
        let labels = self.shapes.iter().map(|s| &s.label);
        let styles = self.shapes.iter().map(|s| &s.style);
        DiagramContent {
            format,
            pages,
            labels: labels.filter(|l| !l.is_empty()).cloned().collect(),
            styles: styles.filter(|s| !s.is_empty()).cloned().collect(),
            features,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_labels_and_styles_in_order() {
        let mut collector = Collector::new();
        collector
            .shape("<b>VPC</b>", "shape=mxgraph.aws4.group")
            .unwrap();
        collector.shape("", "").unwrap();
        collector.label("Amazon&nbsp;RDS").unwrap();
        let content = collector.finish(DiagramFormat::Drawio, 1);
        assert_eq!(content.labels, ["VPC", "Amazon RDS"]);
        assert_eq!(content.styles, ["shape=mxgraph.aws4.group"]);
        assert!(content.features.vpc && content.features.database);
    }

    #[test]
    fn stops_at_the_text_limit() {
        let mut collector = Collector::new();
        let big = "x".repeat(1 << 20);
        let result = (0..5).try_for_each(|_| collector.label(&big));
        assert!(result.unwrap_err().message().contains("text passes"));
    }
}
