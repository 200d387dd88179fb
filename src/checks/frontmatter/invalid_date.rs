//! `frontmatter/invalid-date`: a date key whose value is not a `YYYY-MM-DD` date.

use jiff::civil::Date;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::schema::{ValueType, key_spec};
use crate::model::values::DocKind;
use crate::parse::ParsedFile;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/invalid-date",
    severity: Severity::Error,
    summary: "a date in the front matter is not a valid YYYY-MM-DD date",
    explanation: "\
`start:` and `end:` of a case study must be calendar dates written `YYYY-MM-DD`: the 18-month
(RDS) and 24-month (Aurora) recency rules are judged on them. A date that does not exist
(`2025-02-30`), another format (`03/02/2025`, `Feb 2025`) or free text cannot be judged.

Example that triggers it:

    ---
    kind: case-study
    end: 2025-13-01
    ---

Fix: write the date as `YYYY-MM-DD`, e.g. `end: 2025-08-29`.",
};

/// Reports date keys that do not hold a valid date.
pub fn check(file: &ParsedFile, kind: DocKind, out: &mut Vec<Diagnostic>) {
    let Some(entries) = file.front_entries() else {
        return;
    };
    for (key, value) in entries {
        if key_spec(kind, &key.value).is_none_or(|s| s.value != ValueType::Date) {
            continue;
        }
        let text = value.value.as_scalar_text().unwrap_or_default();
        if text.trim().parse::<Date>().is_ok() && is_iso_shape(text.trim()) {
            continue;
        }
        out.push(
            Diagnostic::error(
                INFO.code,
                format!("`{}:` is not a valid date: `{text}`", key.value),
            )
            .at(file.node_location(value))
            .label("expected YYYY-MM-DD")
            .help(format!("write the date as `{}: 2025-08-29`", key.value)),
        );
    }
}

fn is_iso_shape(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-'
}
