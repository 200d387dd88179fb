//! `privacy/customer-named`: an `anonymized` case study whose text names the customer.

use regex::RegexBuilder;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::evaluate::prerequisites::customer_core;
use crate::model::Repository;
use crate::model::values::Visibility;
use crate::source::SourceText;

/// Registry entry.
pub const INFO: CodeInfo = CodeInfo {
    code: "privacy/customer-named",
    severity: Severity::Error,
    summary: "an anonymized case study names its customer",
    explanation: "\
An `anonymized` case study is published without the customer's name, which stays private (in
`customer:` of the front matter). Its text must not name the customer: AWS publishes it as
written. The name is matched without case and legal suffixes (`Acme Payments Ltd.` matches
`ACME Payments`).

Example that triggers it (front matter `customer: Acme Payments Ltd.`, `visibility: anonymized`):

    Acme Payments moved its ledger to Amazon Aurora PostgreSQL.

Fix: write \"the customer\" or a description (\"a European payments provider\") instead.",
};

/// Reports anonymized case studies whose documents name the customer (re-reads those few files).
pub fn check(repo: &Repository, out: &mut Vec<Diagnostic>) {
    for cs in repo.case_studies.values() {
        let Some(fields) = &repo.documents[cs.doc].case_study else {
            continue;
        };
        if fields.visibility != Some(Visibility::Anonymized) {
            continue;
        }
        let Some(customer) = fields.customer.as_deref() else {
            continue;
        };
        let core = customer_core(customer);
        if core.chars().filter(|c| c.is_alphanumeric()).count() < 3 {
            continue;
        }
        let words: Vec<String> = core.split_whitespace().map(regex::escape).collect();
        let pattern = format!(r"\b{}\b", words.join(r"[\s\-.,&]+"));
        let Ok(re) = RegexBuilder::new(&pattern).case_insensitive(true).build() else {
            continue;
        };
        for doc in repo.members(&cs.id) {
            let Ok(bytes) = std::fs::read(repo.root.join(&doc.path)) else {
                continue;
            };
            let Ok(text) = crate::discover::read::decode(&doc.path, bytes) else {
                continue;
            };
            let body_start = doc.body_start.min(text.len());
            let Some(m) = re.find_at(&text, body_start) else {
                continue;
            };
            let source = SourceText::new(doc.path.as_str(), text.clone());
            out.push(
                Diagnostic::error(INFO.code, format!("the anonymized case study `{}` names its customer", cs.id))
                    .at(source.location(m.range()))
                    .label("customer name")
                    .help("write \"the customer\" or a description such as \"a European payments provider\" instead")
                    .case_study(cs.id.clone()),
            );
        }
    }
}
