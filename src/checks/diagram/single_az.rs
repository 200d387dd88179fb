//! `diagram/single-az`: the diagrams show one Availability Zone and nothing states multi-AZ
//! or multi-Region high availability.

use super::collect::CaseStudyDiagrams;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "diagram/single-az",
    severity: Severity::Warning,
    summary: "the architecture shows a single Availability Zone",
    explanation: "\
DOC-001 asks for a design with high availability through multi-AZ or multi-Region deployment;
when a single-AZ design was an intentional trade-off (e.g. cost), the customer's requirements
must be explained. The case study's diagrams show exactly one Availability Zone, and neither
the diagrams nor its documents state a multi-AZ or multi-Region deployment.

Example that triggers it: a diagram with one `Availability Zone A` box and no `Multi-AZ` note.

Fix: draw the standby/replica in its second AZ, or state the deployment (\"Multi-AZ DB cluster
across three AZs\") or the trade-off and the customer's requirement in the DOC-001 document.",
};

/// Reports case studies whose readable diagrams show one AZ and no multi-AZ statement.
pub fn check(cs: &CaseStudyDiagrams, out: &mut Vec<Diagnostic>) {
    let contents: Vec<_> = cs.contents().collect();
    let Some((first, _)) = contents.first() else {
        return;
    };
    let zones = contents
        .iter()
        .map(|(_, c)| c.features.availability_zones)
        .max()
        .unwrap_or(0);
    let stated = cs.states_multi_az || contents.iter().any(|(_, c)| c.features.multi_az_statement);
    if zones != 1 || stated {
        return;
    }
    out.push(
        Diagnostic::warning(INFO.code, format!("the architecture of case study `{}` shows a single Availability Zone", cs.id))
            .at(first.location.clone())
            .label("one Availability Zone")
            .help("show the standby or replicas in a second AZ, or state the multi-AZ deployment or the trade-off in the DOC-001 document")
            .control("DOC-001")
            .case_study(cs.id.clone()),
    );
}
