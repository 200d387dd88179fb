//! A located YAML tree, deserialized with `serde-saphyr`: every key and value keeps its line
//! and column, so front matter and config problems point at the offending token.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

/// A YAML value with the position of every node.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `~`, `null` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string (also unquoted dates such as `2025-02-03`).
    Str(String),
    /// A sequence.
    Seq(Vec<Located<Node>>),
    /// A mapping, in document order.
    Map(Vec<(Located<String>, Located<Node>)>),
}

/// A value and where it starts: 1-based line and character column, plus its length in
/// characters when the parser reports it (scalars).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// 1-based line in the YAML text.
    pub line: usize,
    /// 1-based character column in the YAML text.
    pub column: usize,
    /// Length in characters, 0 when unknown.
    pub len: usize,
}

impl<T> Located<T> {
    fn from_spanned(spanned: Spanned<T>) -> Self {
        let loc = spanned.referenced;
        Self {
            value: spanned.value,
            line: loc.line() as usize,
            column: loc.column() as usize,
            len: loc.span().len() as usize,
        }
    }
}

impl Node {
    /// A short name of the node's type, for messages ("a list", "a string").
    pub fn type_name(&self) -> &'static str {
        match self {
            Node::Null => "nothing",
            Node::Bool(_) => "a boolean",
            Node::Int(_) | Node::Float(_) => "a number",
            Node::Str(_) => "a string",
            Node::Seq(_) => "a list",
            Node::Map(_) => "a mapping",
        }
    }

    /// The scalar as text (numbers and booleans rendered), or `None` for collections/null.
    pub fn as_scalar_text(&self) -> Option<String> {
        match self {
            Node::Bool(b) => Some(b.to_string()),
            Node::Int(i) => Some(i.to_string()),
            Node::Float(f) => Some(f.to_string()),
            Node::Str(s) => Some(s.clone()),
            _ => None,
        }
    }
}

/// A YAML parse error with a 1-based position in the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What went wrong, without a snippet.
    pub message: String,
    /// 1-based line, 0 when unknown.
    pub line: usize,
    /// 1-based character column, 0 when unknown.
    pub column: usize,
}

/// Parses YAML text into a located tree. Alias expansion and document size are bounded by the
/// parser's budget, so a "billion laughs" document is an error, not a hang.
pub fn parse(text: &str) -> Result<Located<Node>, YamlError> {
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options) {
        Ok(node) => Ok(Located::from_spanned(node)),
        Err(err) => {
            let (line, column) = err
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((0, 0));
            Err(YamlError {
                message: clean_message(&err.to_string()),
                line,
                column,
            })
        }
    }
}

/// Removes the " at line X column Y" suffix the parser adds: our renderer shows the position.
fn clean_message(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let trimmed = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    trimmed.trim_end_matches(':').to_string()
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(i64::try_from(v).map_or(Node::Float(v as f64), Node::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Node, E> {
        Ok(Node::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<Node>>()? {
            items.push(Located::from_spanned(item));
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<Node>>()? {
            let value = map.next_value::<Spanned<Node>>()?;
            let key = Located::from_spanned(key);
            let key_text = key.value.as_scalar_text().unwrap_or_default();
            let key = Located {
                value: key_text,
                line: key.line,
                column: key.column,
                len: key.len,
            };
            entries.push((key, Located::from_spanned(value)));
        }
        Ok(Node::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(text: &str) -> Vec<(Located<String>, Located<Node>)> {
        match parse(text).unwrap().value {
            Node::Map(entries) => entries,
            other => panic!("not a map: {other:?}"),
        }
    }

    #[test]
    fn keys_and_values_keep_positions() {
        let entries = map("kind: case-study\ncontrols: [RDS-001, RDS-0099]\n");
        assert_eq!(entries[0].0.value, "kind");
        assert_eq!((entries[0].0.line, entries[0].0.column), (1, 1));
        assert_eq!((entries[0].1.line, entries[0].1.column), (1, 7));
        let Node::Seq(items) = &entries[1].1.value else {
            panic!()
        };
        assert_eq!((items[1].line, items[1].column, items[1].len), (2, 21, 8));
    }

    #[test]
    fn unquoted_dates_stay_strings() {
        let entries = map("start: 2025-02-03\n");
        assert_eq!(entries[0].1.value, Node::Str("2025-02-03".into()));
    }

    #[test]
    fn duplicate_keys_are_errors_with_a_position() {
        let err = parse("kind: a\nkind: b\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.to_lowercase().contains("duplicate"), "{err:?}");
    }

    #[test]
    fn unclosed_quotes_and_tabs_are_errors() {
        assert!(parse("customer: \"Acme\nkind: x\n").is_err());
        assert!(parse("a:\n\t- b\n").is_err());
    }

    #[test]
    fn alias_bombs_are_bounded() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            let prev = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}, *a{prev}]\n"
            ));
        }
        assert!(parse(&text).is_err());
    }
}
