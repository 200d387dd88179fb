//! `privacy/aws-account-id`: a 12-digit AWS account ID (bare or in an ARN) in a case study
//! that may be published (`visibility: public` or `anonymized`).

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Repository;
use crate::model::values::Visibility;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "privacy/aws-account-id",
    severity: Severity::Error,
    summary: "an AWS account ID is in a case study that may be published",
    explanation: "\
Public and anonymized case studies may be published by AWS. A customer's AWS account ID
(12 digits, bare or inside an ARN such as `arn:aws:iam::123456789012:role/x`) identifies the
customer and its environment and must not be published. Private case studies may carry it
(the Aurora checklist asks for it). The old spelling `secret/aws-account-id` is accepted in
`rules:`, waivers and suppressions.

Example that triggers it (in a `visibility: public` case study):

    The DR replica runs in account 123456789012 (eu-west-1).

Fix: remove the ID (write `<customer account>`), or make the case study `visibility: private`.",
};

/// Reports account IDs in the documents of public and anonymized case studies.
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    for cs in repo.case_studies.values() {
        let Some(fields) = &repo.documents[cs.doc].case_study else {
            continue;
        };
        let Some(visibility @ (Visibility::Public | Visibility::Anonymized)) = fields.visibility
        else {
            continue;
        };
        for doc in repo.members(&cs.id) {
            for location in &doc.account_ids {
                out.push(
                    Diagnostic::error(INFO.code, format!("AWS account ID in the {} case study `{}`", visibility.as_str(), cs.id))
                        .at(location.clone())
                        .label("account ID")
                        .help("remove the account ID (write `<customer account>`), or set `visibility: private`")
                        .case_study(cs.id.clone()),
                );
            }
        }
    }
}
