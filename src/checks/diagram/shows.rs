//! `diagram/no-vpc`, `diagram/no-availability-zones`, `diagram/no-subnets`,
//! `diagram/no-database`: what DOC-001 says every architecture diagram must show, judged over
//! the case study's readable diagrams (draw.io, SVG, `.drawio.png`).

use super::collect::CaseStudyDiagrams;
use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::diagram::Features;

/// Registry entries.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "diagram/no-vpc",
        severity: Severity::Error,
        summary: "no architecture diagram of the case study shows a VPC",
        explanation: "\
DOC-001 requires the diagram to show how the AWS services are deployed, including the virtual
private clouds (VPCs). None of the case study's readable diagrams has a VPC group or label.

Example that triggers it: a diagram with only service icons floating in the AWS Cloud.

Fix: draw the VPC group around the deployed resources and label it (e.g. `VPC 10.0.0.0/16`).",
    },
    CodeInfo {
        code: "diagram/no-availability-zones",
        severity: Severity::Error,
        summary: "no architecture diagram of the case study shows Availability Zones",
        explanation: "\
DOC-001 requires the diagram to show the availability zones the solution is deployed in, and
multi-AZ or multi-Region high availability. None of the readable diagrams names an AZ
(`Availability Zone A`, `AZ 1`, `us-east-1a`) or states `Multi-AZ`.

Example that triggers it: a diagram with the VPC, the subnets and the Aurora cluster, but no
Availability Zone boxes or labels.

Fix: draw one box per Availability Zone inside the VPC and label them.",
    },
    CodeInfo {
        code: "diagram/no-subnets",
        severity: Severity::Error,
        summary: "no architecture diagram of the case study shows subnets",
        explanation: "\
DOC-001 requires the diagram to show subnets. None of the readable diagrams has a subnet group
or a `subnet` label.

Example that triggers it: a diagram whose VPC holds the application and the database directly,
with no subnet drawn.

Fix: draw the public/private (database) subnets in each AZ and label them.",
    },
    CodeInfo {
        code: "diagram/no-database",
        severity: Severity::Error,
        summary: "no architecture diagram of the case study shows the RDS or Aurora database",
        explanation: "\
An Amazon RDS / Aurora Service Delivery case study's diagram must show the database. None of
the readable diagrams has an RDS/Aurora icon or a label such as `Amazon RDS for PostgreSQL`,
`Aurora writer`, `DB instance`.

Example that triggers it: a diagram of the VPC, AZs and subnets showing only the application
tier, the database left out.

Fix: add the database (primary, standby, replicas) with the AWS RDS/Aurora icon and a label.",
    },
];

struct Requirement {
    code: &'static str,
    what: &'static str,
    help: &'static str,
    shown: fn(&Features) -> bool,
}

const REQUIREMENTS: &[Requirement] = &[
    Requirement {
        code: "diagram/no-vpc",
        what: "a VPC",
        help: "draw and label the VPC around the deployed resources",
        shown: |f| f.vpc,
    },
    Requirement {
        code: "diagram/no-availability-zones",
        what: "Availability Zones",
        help: "draw and label each Availability Zone (e.g. `Availability Zone A`, `us-east-1b`)",
        shown: |f| f.availability_zones > 0 || f.multi_az_statement,
    },
    Requirement {
        code: "diagram/no-subnets",
        what: "subnets",
        help: "draw and label the subnets (e.g. `Private DB subnet`)",
        shown: |f| f.subnets,
    },
    Requirement {
        code: "diagram/no-database",
        what: "the RDS or Aurora database",
        help: "add the database with the RDS/Aurora icon and a label",
        shown: |f| f.database,
    },
];

/// Reports what none of the readable diagrams shows.
pub fn check(cs: &CaseStudyDiagrams, out: &mut Vec<Diagnostic>) {
    let contents: Vec<_> = cs.contents().collect();
    let Some((first, _)) = contents.first() else {
        return;
    };
    for req in REQUIREMENTS {
        if contents.iter().any(|(_, c)| (req.shown)(&c.features)) {
            continue;
        }
        let files: Vec<&str> = contents.iter().map(|(r, _)| r.path.as_str()).collect();
        out.push(
            Diagnostic::error(
                req.code,
                format!(
                    "no architecture diagram of case study `{}` shows {}",
                    cs.id, req.what
                ),
            )
            .at(first.location.clone())
            .label(format!("does not show {}", req.what))
            .note(format!("diagrams read: {}", files.join(", ")))
            .help(req.help)
            .control("DOC-001")
            .case_study(cs.id.clone()),
        );
    }
}
