//! A thin, bounded walk over XML with quick-xml: element opens and closes, text with only the
//! five predefined entities and character references resolved (entities declared in a DOCTYPE
//! are never expanded), nesting capped at [`MAX_DEPTH`], truncation reported.

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::escape::resolve_xml_entity;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;

use super::DiagramError;
use super::limits::{MAX_DEPTH, depth_error};

/// One step of the walk.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    /// An element opens (self-closing elements open and then close).
    Open(BytesStart<'a>),
    /// The innermost open element closes.
    Close,
    /// Character data inside the root element, decoded.
    Text(Cow<'a, str>),
}

/// Walks one XML document from its root element's start to its end.
pub(crate) struct Walker<'a> {
    reader: Reader<&'a [u8]>,
    depth: usize,
    started: bool,
    done: bool,
}

impl<'a> Walker<'a> {
    /// Starts a walk over `text`.
    pub(crate) fn new(text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        Self {
            reader,
            depth: 0,
            started: false,
            done: false,
        }
    }

    /// How many elements are open.
    pub(crate) fn depth(&self) -> usize {
        self.depth
    }

    /// The next node, or `None` once the root element has closed.
    pub(crate) fn next_node(&mut self) -> Result<Option<Node<'a>>, DiagramError> {
        while !self.done {
            let event = self.reader.read_event().map_err(|e| self.malformed(e))?;
            if let Some(node) = self.step(event)? {
                return Ok(Some(node));
            }
        }
        Ok(None)
    }

    /// Turns one parser event into a node, if it makes one.
    fn step(&mut self, event: Event<'a>) -> Result<Option<Node<'a>>, DiagramError> {
        Ok(match event {
            Event::Start(start) => {
                self.open()?;
                Some(Node::Open(start))
            }
            Event::End(_) => {
                self.depth = self.depth.saturating_sub(1);
                self.done = self.depth == 0;
                Some(Node::Close)
            }
            Event::Text(text) if self.depth > 0 => Some(Node::Text(text.xml10_content())),
            Event::CData(data) if self.depth > 0 => Some(Node::Text(data.xml10_content())),
            Event::GeneralRef(reference) if self.depth > 0 => {
                Some(Node::Text(Cow::Owned(resolve_reference(&reference))))
            }
            Event::Eof => return Err(self.early_end()),
            _ => None,
        })
    }

    /// Enters an element, enforcing the nesting limit.
    fn open(&mut self) -> Result<(), DiagramError> {
        if self.depth >= MAX_DEPTH {
            return Err(depth_error());
        }
        self.depth += 1;
        self.started = true;
        Ok(())
    }

    /// The error for input that ends before the root element closes.
    fn early_end(&self) -> DiagramError {
        DiagramError::Unreadable(if self.started {
            "XML ends before its root element closes (is the file truncated?)".to_string()
        } else {
            "XML has no root element".to_string()
        })
    }

    /// The error for a syntax error reported by the parser.
    fn malformed(&self, error: quick_xml::Error) -> DiagramError {
        DiagramError::Unreadable(format!(
            "malformed XML near byte {}: {error}",
            self.reader.error_position()
        ))
    }
}

/// Resolves `&lt;`-style predefined entities and `&#…;` character references; any other
/// reference is kept literally, never expanded.
fn resolve_reference(reference: &BytesRef<'_>) -> String {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return c.to_string();
    }
    let name = reference.xml10_content();
    match resolve_xml_entity(&name) {
        Some(text) => text.to_string(),
        None => format!("&{name};"),
    }
}

/// The local name of an element (`svg` for `<svg:svg>`).
pub(crate) fn local_name(start: &BytesStart<'_>) -> String {
    start.local_name().as_ref().to_string()
}

/// The decoded value of the attribute whose local name is `name`, if present. Values with
/// references other than the predefined ones are returned raw rather than expanded.
pub(crate) fn attr(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(
            |a| match a.normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_xml_entity) {
                Ok(value) => value.into_owned(),
                Err(_) => a.value.into_owned(),
            },
        )
}

/// The local name of the document's root element.
pub(crate) fn root_name(text: &str) -> Result<String, DiagramError> {
    let mut walker = Walker::new(text);
    loop {
        match walker.next_node()? {
            Some(Node::Open(start)) => return Ok(local_name(&start)),
            Some(_) => continue,
            None => return Err(walker.early_end()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(xml: &str) -> Result<String, DiagramError> {
        let mut walker = Walker::new(xml);
        let mut out = String::new();
        while let Some(node) = walker.next_node()? {
            if let Node::Text(text) = node {
                out.push_str(&text);
            }
        }
        Ok(out)
    }

    #[test]
    fn resolves_only_predefined_and_character_references() {
        assert_eq!(
            texts("<a>x &lt;&#65;&#x42; &custom;</a>").unwrap(),
            "x <AB &custom;"
        );
    }

    #[test]
    fn never_expands_doctype_entities() {
        let laughs = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;">]>
<svg a="&lol2;">&lol2;</svg>"#;
        assert_eq!(texts(laughs).unwrap(), "&lol2;");
        let mut walker = Walker::new(laughs);
        let Some(Node::Open(start)) = walker.next_node().unwrap() else {
            panic!("expected the root");
        };
        assert_eq!(attr(&start, "a").unwrap(), "&lol2;");
    }

    #[test]
    fn reports_truncation_depth_and_syntax() {
        assert!(
            texts("<a><b>text")
                .unwrap_err()
                .message()
                .contains("truncated")
        );
        assert!(texts("").unwrap_err().message().contains("no root"));
        assert!(
            texts("<a></b>")
                .unwrap_err()
                .message()
                .contains("malformed XML")
        );
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(texts(&deep).unwrap_err().message().contains("256-level"));
    }

    #[test]
    fn finds_the_root_name() {
        assert_eq!(
            root_name("<?xml version='1.0'?><!-- c --><svg:svg/>").unwrap(),
            "svg"
        );
        assert_eq!(
            root_name("<mxfile host='x'><diagram/></mxfile>").unwrap(),
            "mxfile"
        );
    }
}
