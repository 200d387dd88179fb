//! `file/unreadable`: a Markdown file that could not be read.

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, LineCol, Location, Severity};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "file/unreadable",
    severity: Severity::Error,
    summary: "a Markdown file could not be read",
    explanation: "\
The file was found but reading it failed: its permissions forbid it, it vanished while the
repository was being read, or it is too large. Its evidence counts for nothing.

Example that triggers it: a file with mode 000, or a 100 MB generated Markdown file.

Fix: make the file readable (`chmod a+r FILE`), or exclude it with `exclude:` in
`evidencelint.yaml`.",
};

/// The diagnostic for a file that could not be read.
pub fn diagnostic(path: &str, reason: &str) -> Diagnostic {
    let start = LineCol { line: 1, column: 1 };
    Diagnostic::error(INFO.code, format!("cannot read file: {reason}"))
        .at(Location {
            path: path.to_string(),
            span: 0..0,
            start,
            end: start,
        })
        .help(if reason.contains("limit") {
            "split the file, or exclude it with `exclude:` in evidencelint.yaml"
        } else {
            "make the file readable, or exclude it with `exclude:` in evidencelint.yaml"
        })
}
