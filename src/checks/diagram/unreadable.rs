//! `diagram/unreadable` and `diagram/not-an-image`: a diagram file that is corrupt, too large
//! to inflate safely, or not what its extension says.

use super::collect::CaseStudyDiagrams;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::diagram::DiagramError;

/// Registry entries.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "diagram/unreadable",
        severity: Severity::Error,
        summary: "a diagram file is corrupt or exceeds a safety limit",
        explanation: "\
The diagram could not be read: the file is truncated or corrupt, or its compressed content
inflates past the safety limit (16 MiB), which is how decompression bombs are stopped. A
reviewer will likely not be able to open it either.

Example that triggers it: a `.drawio` file cut off in the middle of its XML.

Fix: re-export the diagram from draw.io and commit the new file.",
    },
    CodeInfo {
        code: "diagram/not-an-image",
        severity: Severity::Error,
        summary: "a diagram file's content does not match its extension",
        explanation: "\
The file's bytes say something else than its extension: a `.png` that is text (often a Git LFS
pointer or an HTML error page saved by mistake), an `.svg` that is not XML.

Example that triggers it: `architecture.png` containing `version https://git-lfs.github.com/spec/v1`.

Fix: commit the real image (check Git LFS), or fix the extension.",
    },
];

/// Reports diagrams that could not be read.
pub fn check(cs: &CaseStudyDiagrams, out: &mut Vec<Diagnostic>) {
    for r in &cs.refs {
        let Some(Err(error)) = &*r.read else { continue };
        let (code, help) = match error {
            DiagramError::Unreadable(_) => (
                "diagram/unreadable",
                "re-export the diagram from draw.io and commit the new file",
            ),
            DiagramError::NotAnImage(_) => (
                "diagram/not-an-image",
                "commit the real image (check Git LFS), or correct the extension",
            ),
        };
        out.push(
            Diagnostic::error(
                code,
                format!("diagram `{}` cannot be read: {}", r.path, error.message()),
            )
            .at(r.location.clone())
            .label("unreadable diagram")
            .help(help)
            .control("PRE-2.2")
            .case_study(cs.id.clone()),
        );
    }
}
