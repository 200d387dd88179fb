//! `case-study/dates`: a case study that ends before it starts.

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "case-study/dates",
    severity: Severity::Error,
    summary: "a case study's `end:` is before its `start:`",
    explanation: "\
A case study's `end:` (go-live or completion) must not be earlier than its `start:`. Swapped
dates also break the recency rules, which are judged on `end:` (RDS 2025: 18 months) or
`start:` (Aurora 2019: 24 months).

Example that triggers it:

    ---
    kind: case-study
    start: 2025-08-29
    end: 2025-02-03
    ---

Fix: correct the dates so that `start:` comes first.",
};

/// Reports case studies whose end precedes their start.
pub fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    let Some(cs) = &doc.case_study else { return };
    let (Some(start), Some(end)) = (cs.start, cs.end) else {
        return;
    };
    if end >= start {
        return;
    }
    let Some(location) = cs.end_location.clone() else {
        return;
    };
    out.push(
        Diagnostic::error(
            INFO.code,
            format!(
                "case study `{}` ends ({end}) before it starts ({start})",
                cs.id
            ),
        )
        .at(location)
        .label("before `start:`")
        .help("swap or correct `start:` and `end:`")
        .case_study(cs.id.clone()),
    );
}
