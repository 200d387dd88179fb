//! `frontmatter/invalid-yaml`: the front matter is not valid YAML, is never closed, or is not
//! a mapping of keys to values.

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::yaml::Node;
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
        FrontMatter::Invalid(err) => {
            let location = file.yaml_location(err.line.max(1), err.column.max(1), 1);
            out.push(
                Diagnostic::error(INFO.code, format!("front matter is not valid YAML: {}", err.message))
                    .at(location)
                    .label(err.message.clone())
                    .help("fix the YAML at this position; quote values that contain `: ` or `#`, and indent with spaces, never tabs"),
            );
        }
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
                    .help("write front matter as `key: value` lines, e.g. `kind: evidence`"),
                );
            }
        }
        FrontMatter::Absent => {}
    }
}
