//! `diagram/no-alt-text`: an embedded diagram without alt text.

use super::collect::CaseStudyDiagrams;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "diagram/no-alt-text",
    severity: Severity::Warning,
    summary: "an embedded diagram has no alt text",
    explanation: "\
An embedded diagram (`![](arch.png)`) has no alt text. Alt text makes the evidence accessible,
shows in exports when the image fails to load, and is how evidencelint verifies a raster or PDF
diagram it cannot look into.

Example that triggers it:

    ![](diagrams/architecture.png)

Fix: describe what the diagram shows: `![Architecture: VPC across two AZs, private DB subnets, Aurora writer and reader](diagrams/architecture.png)`.",
};

/// Reports embedded diagrams with empty alt text.
pub fn check(cs: &CaseStudyDiagrams, out: &mut Vec<Diagnostic>) {
    for r in cs
        .refs
        .iter()
        .filter(|r| r.is_image && r.text.trim().is_empty() && r.read.is_some())
    {
        out.push(
            Diagnostic::warning(INFO.code, format!("diagram `{}` is embedded without alt text", r.path))
                .at(r.location.clone())
                .label("no alt text")
                .help("describe what it shows in the brackets, e.g. `![Architecture: VPC across two AZs, private DB subnets, Aurora writer and reader](…)`")
                .case_study(cs.id.clone()),
        );
    }
}
