//! `diagram/unverifiable`: a raster or PDF diagram (which cannot be looked into) whose
//! description does not say what DOC-001 requires it to show.

use super::collect::CaseStudyDiagrams;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::diagram::{Readable, describe_text};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "diagram/unverifiable",
    severity: Severity::Warning,
    summary: "a raster or PDF diagram cannot be verified",
    explanation: "\
PNG, JPEG and PDF diagrams cannot be read, so evidencelint cannot verify that they show the
VPC, Availability Zones and subnets DOC-001 requires. They pass when their alt text (or link
text) describes those elements.

Example that triggers it:

    ![Architecture](diagrams/architecture.png)

Fix: export from draw.io as `.drawio.png` or `.drawio.svg` (the diagram stays readable), or
describe it: `![Architecture: VPC, Availability Zones A and B, private DB subnets, RDS Multi-AZ](diagrams/architecture.png)`.",
};

/// Reports opaque diagrams whose description names neither VPC, AZs nor subnets — only when
/// the case study has no readable diagram.
pub fn check(cs: &CaseStudyDiagrams, out: &mut Vec<Diagnostic>) {
    if cs.contents().next().is_some() {
        return;
    }
    for r in cs
        .refs
        .iter()
        .filter(|r| matches!(*r.read, Some(Ok(Readable::Opaque(_)))))
    {
        let f = describe_text(&r.text);
        let mut missing = Vec::new();
        if !f.vpc {
            missing.push("the VPC");
        }
        if f.availability_zones == 0 && !f.multi_az_statement {
            missing.push("the Availability Zones");
        }
        if !f.subnets {
            missing.push("the subnets");
        }
        if missing.is_empty() {
            continue;
        }
        out.push(
            Diagnostic::warning(INFO.code, format!("diagram `{}` cannot be read, and its description does not name {}", r.path, missing.join(", ")))
                .at(r.location.clone())
                .label("raster/PDF diagram")
                .help("export it from draw.io as `.drawio.png` or `.drawio.svg`, or describe it in the alt text: `![Architecture: VPC, Availability Zones A and B, private DB subnets](…)`")
                .control("DOC-001")
                .case_study(cs.id.clone()),
        );
    }
}
