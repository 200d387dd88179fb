//! `link/outside-repo`: a relative link that climbs above the repository root.

use super::Target;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Repository;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "link/outside-repo",
    severity: Severity::Error,
    summary: "a relative link leaves the repository",
    explanation: "\
A relative link climbs with `../` above the repository root. It may work on one person's disk
but is broken for everyone else, on GitHub, and in the evidence package sent to AWS.
evidencelint never reads files outside the repository.

Example that triggers it (in `README.md` at the root):

    [old evidence](../archive/dr-plan.md)

Fix: copy the evidence into the repository and link it there, or use an absolute `https://`
link.",
};

/// Reports links that leave the repository root.
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    for doc in &repo.documents {
        for link in &doc.links {
            if link.target == Target::Outside {
                out.push(
                    Diagnostic::error(INFO.code, format!("link `{}` leaves the repository", link.dest))
                        .at(link.location.clone())
                        .label("climbs above the repository root")
                        .help("move the target into the repository, or link it with an absolute https:// URL"),
                );
            }
        }
    }
}
