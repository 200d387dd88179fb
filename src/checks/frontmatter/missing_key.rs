//! `frontmatter/missing-key`: a required key is absent.

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::schema::keys_for;
use crate::model::values::DocKind;
use crate::parse::ParsedFile;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "frontmatter/missing-key",
    severity: Severity::Error,
    summary: "a required front matter key is missing",
    explanation: "\
A document of this `kind:` must carry the key named in the message. Without it evidencelint
cannot judge the prerequisites (a case study without `status:` or `end:` cannot be checked for
production use and recency) or map the document to controls (an evidence document without
`controls:` evidences nothing). A document with evidencelint keys but no `kind:` is reported
too.

Example that triggers it:

    ---
    kind: case-study
    customer: Acme Payments Ltd.
    engine: aurora-postgresql
    ---

Fix: add the key shown in the help line, e.g. `status: production`.",
};

/// Reports required keys that are absent (and a missing `kind:`).
pub fn check(file: &ParsedFile, kind: Option<DocKind>, out: &mut Vec<Diagnostic>) {
    let Some(entries) = file.front_entries() else {
        return;
    };
    let at = match file.front_value("kind") {
        Some((key, _)) => file.node_location(key),
        None => file.yaml_location(1, 1, 1),
    };
    let Some(kind) = kind else {
        if file.front_value("kind").is_none() {
            out.push(
                Diagnostic::error(INFO.code, "front matter has no `kind:`")
                    .at(at)
                    .label("add `kind:` here")
                    .help("add `kind: case-study`, `kind: evidence`, `kind: practice` or `kind: wafr`"),
            );
        }
        return;
    };
    for spec in keys_for(kind).iter().filter(|s| s.required) {
        if entries.iter().any(|(k, _)| k.value == spec.name) {
            continue;
        }
        out.push(
            Diagnostic::error(
                INFO.code,
                format!("{} document needs `{}:`", kind.with_article(), spec.name),
            )
            .at(at.clone())
            .label(format!("`{}:` missing", spec.name))
            .help(format!("add `{}` to the front matter", spec.hint)),
        );
    }
}
