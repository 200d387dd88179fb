//! Front matter: the `---` splitter, then the located YAML tree of what it found.
//!
//! Invariants: the split's ranges lie in the text on character boundaries, and every located
//! YAML node maps to a file location inside the text (the path every front matter finding
//! takes).
#![no_main]

use evidencelint::parse::frontmatter::{self, FrontMatterSplit};
use evidencelint::parse::yaml::{self, Located, Node};
use evidencelint::parse::{FrontMatter, ParsedFile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match frontmatter::split(text) {
        FrontMatterSplit::None => {}
        FrontMatterSplit::Unclosed(range) => {
            assert!(range.end <= text.len() && text.is_char_boundary(range.end));
        }
        FrontMatterSplit::Found {
            yaml,
            first_line,
            body_start,
        } => {
            assert!(yaml.start <= yaml.end && yaml.end <= body_start && body_start <= text.len());
            assert!(text.is_char_boundary(yaml.start) && text.is_char_boundary(yaml.end));
            assert!(text.is_char_boundary(body_start));
            assert_eq!(first_line, 2);
            let _ = yaml::parse(&text[yaml]);
        }
    }
    // The same text as a whole file: every node's location must be inside it.
    let file = ParsedFile::parse("fuzz.md", text.to_string());
    if let FrontMatter::Parsed(tree) = &file.front {
        visit(&file, tree);
    }
});

fn visit(file: &ParsedFile, node: &Located<Node>) {
    check(file, node);
    match &node.value {
        Node::Seq(items) => items.iter().for_each(|item| visit(file, item)),
        Node::Map(entries) => {
            for (key, value) in entries {
                check(file, key);
                visit(file, value);
            }
        }
        _ => {}
    }
}

fn check<T>(file: &ParsedFile, node: &Located<T>) {
    let location = file.node_location(node);
    let text = &file.source.text;
    assert!(location.span.start <= location.span.end && location.span.end <= text.len());
    assert!(text.is_char_boundary(location.span.start) && text.is_char_boundary(location.span.end));
}
