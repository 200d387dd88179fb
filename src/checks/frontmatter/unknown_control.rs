//! `frontmatter/unknown-control`: a `controls:` entry that is not a control of any known pack.

use crate::checks::registry::CodeInfo;
use crate::checks::suggest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Document;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/unknown-control",
    severity: Severity::Error,
    summary: "`controls:` names a control that no checklist has",
    explanation: "\
Every entry of `controls:` must be a control ID of a known checklist (`evidencelint controls`
lists them). A misspelt ID means the document's evidence is counted for nothing, and the real
control is reported as missing.

Example that triggers it:

    ---
    kind: evidence
    controls: [RDS-0099]
    ---

Fix: use the suggested ID (`RDS-009`). IDs are written as in the checklist: `RDS-001` …
`RDS-009`, `DOC-001`, `ACCT-001`, `PRE-2.1`, `AUR-1.0`, …",
};

/// Reports control IDs that are not in `known`.
pub fn check(doc: &Document, known: &[&str], out: &mut Vec<Diagnostic>) {
    for control in &doc.controls {
        if known.contains(&control.id.as_str()) {
            continue;
        }
        let mut diag = Diagnostic::error(INFO.code, format!("unknown control `{}`", control.id))
            .at(control.location.clone());
        match closest(&control.id, known.iter().copied()) {
            Some(s) => {
                diag = diag
                    .label(format!("did you mean `{s}`?"))
                    .help(format!("replace `{}` with `{s}`", control.id));
            }
            None => {
                diag = diag
                    .label("not a control of any checklist")
                    .help("run `evidencelint controls` to list the control IDs");
            }
        }
        out.push(diag);
    }
}
