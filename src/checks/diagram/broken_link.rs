//! `diagram/broken-link`: a case study links a diagram file that does not exist.

use super::collect::CaseStudyDiagrams;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "diagram/broken-link",
    severity: Severity::Error,
    summary: "a linked architecture diagram does not exist",
    explanation: "\
A document of a case study links or embeds a diagram file that is not in the repository, so
the reviewer gets no diagram. Paths are relative to the linking file.

Example that triggers it:

    ![Architecture](diagrams/architecure.drawio.svg)

Fix: correct the path or add the file.",
};

/// Reports diagram references whose file does not exist.
pub fn check(cs: &CaseStudyDiagrams, out: &mut Vec<Diagnostic>) {
    for r in cs.refs.iter().filter(|r| r.read.is_none()) {
        out.push(
            Diagnostic::error(INFO.code, format!("diagram `{}` does not exist", r.path))
                .at(r.location.clone())
                .label("no such file")
                .help("fix the path (relative to this file) or add the diagram to the repository")
                .control("PRE-2.2")
                .case_study(cs.id.clone()),
        );
    }
}
