//! `diagram/missing`: a case study links or embeds no architecture diagram.

use super::collect::CaseStudyDiagrams;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "diagram/missing",
    severity: Severity::Error,
    summary: "a case study has no architecture diagram",
    explanation: "\
Every case study must include an architecture diagram of the customer deployment (RDS PRE-2.2
and DOC-001, Aurora AUR-PRE-2.2). evidencelint looks for `.drawio`, `.drawio.xml`, `.svg`,
`.drawio.svg`, `.drawio.png`, `.png`, `.jpg` or `.pdf` files linked (`[x](arch.drawio)`) or
embedded (`![alt](arch.svg)`, `<img src>`) from any document of the case study.

Example that triggers it: a case study folder with only Markdown and no diagram linked.

Fix: export the diagram from draw.io as `.drawio.svg` or `.drawio.png` (keeps it readable),
put it in the case study's folder and embed it: `![Architecture: VPC over two AZs](architecture.drawio.svg)`.",
};

/// Reports case studies without any diagram reference.
pub fn check(cs: &CaseStudyDiagrams, out: &mut Vec<Diagnostic>) {
    if !cs.refs.is_empty() {
        return;
    }
    out.push(
        Diagnostic::error(INFO.code, format!("case study `{}` has no architecture diagram", cs.id))
            .at(cs.kind_location.clone())
            .label("no diagram linked from this case study")
            .help("embed the diagram in a document of this case study, e.g. `![Architecture: VPC, two AZs, private subnets](architecture.drawio.svg)`")
            .control("PRE-2.2")
            .case_study(cs.id.clone()),
    );
}
