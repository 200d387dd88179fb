//! Stage 2: parse front matter (YAML) and Markdown into located structures.

pub mod blocks;
pub mod frontmatter;
pub mod markdown;
pub mod yaml;

use std::ops::Range;

use crate::diagnostic::Location;
use crate::source::SourceText;
use frontmatter::FrontMatterSplit;
use markdown::MarkdownDoc;
use yaml::{Located, Node, YamlError};

/// The front matter of a file, as far as it could be parsed.
#[derive(Debug, Clone)]
pub enum FrontMatter {
    /// No front matter: an ordinary document.
    Absent,
    /// An opening `---` that is never closed (range of the opening line).
    Unclosed(Range<usize>),
    /// YAML that does not parse.
    Invalid(YamlError),
    /// Parsed YAML.
    Parsed(Located<Node>),
}

/// One Markdown file, parsed: its text, front matter and Markdown structure.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    /// The text and its line index.
    pub source: SourceText,
    /// The front matter.
    pub front: FrontMatter,
    /// 1-based file line of the first YAML line (for mapping YAML positions).
    pub yaml_first_line: usize,
    /// Byte offset where the Markdown body starts.
    pub body_start: usize,
    /// The Markdown structure of the body.
    pub markdown: MarkdownDoc,
}

impl ParsedFile {
    /// Parses a file's decoded text (BOM removed).
    pub fn parse(path: &str, text: String) -> Self {
        let (front, yaml_first_line, body_start) = match frontmatter::split(&text) {
            FrontMatterSplit::None => (FrontMatter::Absent, 0, 0),
            FrontMatterSplit::Unclosed(range) => (FrontMatter::Unclosed(range), 0, text.len()),
            FrontMatterSplit::Found {
                yaml,
                first_line,
                body_start,
            } => {
                let front = match yaml::parse(&text[yaml]) {
                    Ok(tree) => FrontMatter::Parsed(tree),
                    Err(err) => FrontMatter::Invalid(err),
                };
                (front, first_line, body_start)
            }
        };
        let markdown = markdown::parse(&text, body_start);
        Self {
            source: SourceText::new(path, text),
            front,
            yaml_first_line,
            body_start,
            markdown,
        }
    }

    /// The file location of a YAML position (1-based line/column in the YAML text) spanning
    /// `len` characters (at least one).
    pub fn yaml_location(&self, line: usize, column: usize, len: usize) -> Location {
        let file_line = self.yaml_first_line + line.saturating_sub(1);
        let start = self.source.offset_of(file_line, column.max(1));
        let line_end = self.source.line_range(file_line).end.max(start);
        let end = self.source.text[start..line_end]
            .char_indices()
            .nth(len.max(1))
            .map_or(line_end, |(i, _)| start + i);
        self.source.location(start..end)
    }

    /// The location of a located YAML node.
    pub fn node_location<T>(&self, node: &Located<T>) -> Location {
        self.yaml_location(node.line, node.column, node.len)
    }

    /// The front matter mapping entries, when the front matter is a mapping.
    pub fn front_entries(&self) -> Option<&[(Located<String>, Located<Node>)]> {
        match &self.front {
            FrontMatter::Parsed(Located {
                value: Node::Map(entries),
                ..
            }) => Some(entries),
            _ => None,
        }
    }

    /// The value of a front matter key.
    pub fn front_value(&self, key: &str) -> Option<&(Located<String>, Located<Node>)> {
        self.front_entries()?.iter().find(|(k, _)| k.value == key)
    }
}
