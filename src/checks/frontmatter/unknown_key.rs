//! `frontmatter/unknown-key`: a key that the document's kind does not take.

use crate::checks::registry::CodeInfo;
use crate::checks::suggest::closest;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::schema::{METADATA_KEYS, keys_for};
use crate::model::values::DocKind;
use crate::parse::ParsedFile;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/unknown-key",
    severity: Severity::Error,
    summary: "a front matter key that this kind of document does not take",
    explanation: "\
The front matter has a key that evidencelint does not know for this `kind:`. Usually it is a
typo, and the information it carries (for example the controls a document evidences) is then
silently lost.

Example that triggers it:

    ---
    kind: evidence
    contorls: [RDS-009]
    ---

Fix: rename the key to the one suggested (`controls`). The keys of each kind are listed in the
contract: case-study (id, customer, engine, status, start, end, management, project,
visibility, affiliate, programs, controls), evidence (case-study, controls, programs), practice
(controls, programs), wafr (case-study, high-risk-issues, programs). Ordinary page metadata
(title, description, author, date, tags, …) is always allowed.",
};

/// Reports keys the document's kind does not take.
pub fn check(file: &ParsedFile, kind: DocKind, out: &mut Vec<Diagnostic>) {
    let Some(entries) = file.front_entries() else {
        return;
    };
    let specs = keys_for(kind);
    for (key, _) in entries {
        let name = key.value.as_str();
        if specs.iter().any(|s| s.name == name) || METADATA_KEYS.contains(&name) {
            continue;
        }
        let mut diag = Diagnostic::error(
            INFO.code,
            format!(
                "unknown key `{name}` in the front matter of {} document",
                kind.with_article()
            ),
        )
        .at(file.node_location(key));
        match closest(name, specs.iter().map(|s| s.name)) {
            Some(suggestion) => {
                diag = diag
                    .label(format!("did you mean `{suggestion}`?"))
                    .help(format!("rename `{name}` to `{suggestion}`"));
            }
            None => {
                let names: Vec<_> = specs.iter().map(|s| s.name).collect();
                diag = diag.label("unknown key").help(format!(
                    "{} document takes: {}",
                    kind.with_article(),
                    names.join(", ")
                ));
            }
        }
        out.push(diag);
    }
}
