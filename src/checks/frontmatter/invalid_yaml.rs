//! `frontmatter/invalid-yaml`: the front matter is not valid YAML, is never closed, or is not
//! a mapping of keys to values.

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::yaml::{Node, YamlError};
use crate::parse::{FrontMatter, ParsedFile};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/invalid-yaml",
    severity: Severity::Error,
    summary: "the front matter is not valid YAML",
    explanation: "\
The YAML front matter between the `---` lines at the top of the file could not be parsed, so
evidencelint cannot tell what the document is or which controls it evidences. Typical causes:
an unclosed quote, a tab used for indentation, a key written twice, a list that is not closed,
an opening `---` without a closing one, or front matter that is a list or a bare value rather
than `key: value` lines.

Example that triggers it:

    ---
    kind: evidence
    controls: [RDS-009, REL-002
    ---

Fix: correct the YAML at the position shown (here: close the list with `]`). Front matter
must start on the first line with `---` and end with a line containing only `---`.",
};

/// Reports unparsable, unclosed or non-mapping front matter.
pub fn check(file: &ParsedFile, out: &mut Vec<Diagnostic>) {
    match &file.front {
        FrontMatter::Invalid(err) => out.push(syntax_error(file, err)),
        FrontMatter::Unclosed(range) => out.push(
            Diagnostic::error(INFO.code, "front matter is never closed")
                .at(file.source.location(range.clone()))
                .label("opened here")
                .help("end the front matter with a line containing only `---`"),
        ),
        FrontMatter::Parsed(tree) => {
            if !matches!(tree.value, Node::Map(_) | Node::Null) {
                out.push(
                    Diagnostic::error(
                        INFO.code,
                        format!(
                            "front matter is {}, not a mapping of keys to values",
                            tree.value.type_name()
                        ),
                    )
                    .at(file.node_location(tree))
                    .label(format!(
                        "expected `key: value`, found {}",
                        tree.value.type_name()
                    ))
                    .help("write front matter as `key: value` lines, e.g. `kind: evidence`"),
                );
            }
        }
        FrontMatter::Absent => {}
    }
}

/// A YAML syntax error, reworded for the common causes with a help line saying what to write.
fn syntax_error(file: &ParsedFile, err: &YamlError) -> Diagnostic {
    let (line, mut column) = (err.line.max(1), err.column.max(1));
    let message = err.message.as_str();
    let len = duplicate_key(message).map_or(1, |k| k.chars().count());
    let (text, label, help) = if let Some(key) = duplicate_key(message) {
        (
            format!("front matter has `{key}:` twice"),
            format!("second `{key}:`"),
            format!("keep one `{key}:` line and delete the other"),
        )
    } else if message.contains("tab") {
        // The parser reports the first character after the tabs; point at the first tab.
        let yaml_line = file.yaml_first_line + line - 1;
        let range = file.source.line_range(yaml_line);
        if let Some(tab) = file.source.text[range].chars().position(|c| c == '\t') {
            column = tab + 1;
        }
        (
            "front matter is indented with a tab".to_string(),
            "tab".to_string(),
            "indent with spaces; YAML does not allow tabs for indentation".to_string(),
        )
    } else if message.contains("unclosed quote") {
        (
            "front matter has a quote that is never closed".to_string(),
            "this quote is never closed".to_string(),
            "add the closing quote at the end of the value, or remove the opening one".to_string(),
        )
    } else if message.contains("unclosed bracket") {
        (
            "front matter has a list that is never closed".to_string(),
            "this `[` is never closed".to_string(),
            "close the list with `]` on the same line, e.g. `controls: [RDS-009, REL-002]`"
                .to_string(),
        )
    } else {
        (
            format!("front matter is not valid YAML: {message}"),
            message.to_string(),
            "fix the YAML at this position; quote values that contain `: ` or `#`, and indent with spaces, never tabs"
                .to_string(),
        )
    };
    Diagnostic::error(INFO.code, text)
        .at(file.yaml_location(line, column, len))
        .label(label)
        .help(help)
}

/// The key named by a "duplicate mapping key" parser message.
fn duplicate_key(message: &str) -> Option<&str> {
    let rest = message.split_once("duplicate mapping key")?.1;
    let key = rest
        .trim_start_matches([':', ' '])
        .split([',', ' '])
        .next()?;
    (!key.is_empty()).then_some(key)
}
