//! `file/not-utf8`: a Markdown file that is not valid UTF-8.

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, LineCol, Location, Severity};
use crate::source::{line_col_in, line_starts};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "file/not-utf8",
    severity: Severity::Error,
    summary: "a Markdown file is not UTF-8",
    explanation: "\
Markdown evidence must be UTF-8 (GitHub renders it that way, and evidencelint reads it that
way). The file contains bytes that are not valid UTF-8 — typically it was saved as
Windows-1252/Latin-1 or UTF-16 by an editor or an export tool — so it is not read at all, and
its evidence counts for nothing.

Example that triggers it: a file saved from Excel or Notepad as \"Unicode\" (UTF-16), or with
`é` stored as the single byte 0xE9.

Fix: re-save the file as UTF-8 (e.g. `iconv -f WINDOWS-1252 -t UTF-8 in.md > out.md`).",
};

/// The diagnostic for `bytes` of `path`, which failed to decode at `valid_up_to`.
pub fn diagnostic(path: &str, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let prefix = std::str::from_utf8(&bytes[..valid_up_to]).unwrap_or_default();
    let start = if prefix.is_empty() {
        LineCol { line: 1, column: 1 }
    } else {
        line_col_in(prefix, &line_starts(prefix), prefix.len())
    };
    let message = if utf16 {
        "file is UTF-16, not UTF-8".to_string()
    } else {
        format!(
            "file is not valid UTF-8 (byte 0x{:02X} at line {}, column {})",
            bytes[valid_up_to], start.line, start.column
        )
    };
    Diagnostic::error(INFO.code, message)
        .at(Location {
            path: path.to_string(),
            span: 0..0,
            start,
            end: start,
        })
        .help(format!(
            "re-save the file as UTF-8 (e.g. `iconv -f {} -t UTF-8`); its evidence is ignored until then",
            if utf16 { "UTF-16" } else { "WINDOWS-1252" }
        ))
}
