//! `frontmatter/unknown-case-study`: an evidence or WAFR document names a case study that does
//! not exist.

use crate::checks::registry::CodeInfo;
use crate::checks::suggest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Repository;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/unknown-case-study",
    severity: Severity::Error,
    summary: "`case-study:` names a case study that does not exist",
    explanation: "\
An evidence or WAFR document says which case study it belongs to with `case-study:`. The id
must be the `id:` of a `kind: case-study` document, or that document's folder name when it has
no `id:`. Otherwise the evidence counts for no case study.

Example that triggers it:

    ---
    kind: evidence
    case-study: acme-payment
    controls: [RDS-009]
    ---

Fix: use the id suggested (`acme-payments`), or remove `case-study:` and keep the file in the
case study's folder.",
};

/// Reports `case-study:` references to missing case studies.
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    let ids: Vec<&str> = repo.case_studies.keys().map(String::as_str).collect();
    for doc in &repo.documents {
        let Some((id, location)) = &doc.case_study_ref else {
            continue;
        };
        if doc.case_study.is_some() || repo.case_studies.contains_key(id) {
            continue;
        }
        let mut diag = Diagnostic::error(INFO.code, format!("no case study has the id `{id}`"))
            .at(location.clone());
        diag = match closest(id, ids.iter().copied()) {
            Some(s) => diag
                .label(format!("did you mean `{s}`?"))
                .help(format!("write `case-study: {s}`")),
            None if ids.is_empty() => diag
                .label("unknown case study")
                .help("add a `kind: case-study` document, or fix the id"),
            None => diag
                .label("unknown case study")
                .note(format!("case studies: {}", ids.join(", "))),
        };
        out.push(diag);
    }
}
