//! WAFR waivers: a `kind: wafr` document with zero high-risk issues in Security, Reliability
//! and Operational Excellence waives, for its case study, the evidence of the common
//! requirements (controls marked `wafr-waivable` in the pack).
//!
//! How "at least one customer example" combines with waivers (a cautious reading): an
//! each-case-study or at-least-one-case-study item is waived for a case study with a clean
//! WAFR; a practice item (the partner's SOPs) is waived only when *every* case study of the
//! program has a clean WAFR, because the checklist waives evidence "for the customer example"
//! the WAFR covers. Prerequisites (PRE-2.2's diagram) and RDS-001…009 are never waivable.

use std::collections::BTreeMap;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Repository;
use crate::model::document::HighRiskIssues;
use crate::model::values::DocKind;
use crate::packs::Control;

/// Registry entry for a WAFR that waives nothing.
pub const NOT_CLEAN: CodeInfo = CodeInfo {
    code: "wafr/high-risk-issues",
    severity: Severity::Warning,
    summary: "a WAFR export has high-risk issues, so it waives nothing",
    explanation: "\
A `kind: wafr` document waives the evidence of the common requirements (DOC-001, ACCT, OPE,
NETSEC, REL, COST) for its case study only when the review shows zero high-risk issues (HRIs)
in the Security, Reliability and Operational Excellence pillars. This one has HRIs (or does not
state a pillar's count), so every common requirement still needs its own evidence.

Example that triggers it:

    ---
    kind: wafr
    case-study: acme-payments
    high-risk-issues: { security: 2, reliability: 0, operational-excellence: 0 }
    ---

Fix: remediate the HRIs and export the review again, or provide the evidence of each common
requirement.",
};

/// The WAFR waivers in force for a program's case studies.
#[derive(Debug, Default)]
pub struct Waivers {
    clean: BTreeMap<String, String>,
    all_clean: Option<String>,
}

impl Waivers {
    /// Finds the clean WAFR documents of `case_studies`; reports those that are not clean.
    pub fn collect(repo: &Repository, case_studies: &[String], out: &mut Vec<Diagnostic>) -> Self {
        let mut clean = BTreeMap::new();
        for id in case_studies {
            for doc in repo.members(id).filter(|d| d.kind == Some(DocKind::Wafr)) {
                let hri = doc.high_risk_issues.clone().unwrap_or_default();
                match unclean_pillars(&hri) {
                    None => {
                        clean.entry(id.clone()).or_insert_with(|| format!("waived by the WAFR in {} (zero high-risk issues)", doc.path));
                    }
                    Some(why) => out.push(
                        Diagnostic::new(NOT_CLEAN.code, NOT_CLEAN.severity, format!("WAFR for case study `{id}` waives nothing: {why}"))
                            .at(doc.kind_location.clone())
                            .help("only a review with zero high-risk issues in Security, Reliability and Operational Excellence waives the common requirements")
                            .case_study(id.clone()),
                    ),
                }
            }
        }
        let all_clean = (!case_studies.is_empty()
            && case_studies.iter().all(|id| clean.contains_key(id)))
        .then(|| "waived: every case study has a WAFR with zero high-risk issues".to_string());
        Waivers { clean, all_clean }
    }

    /// The reason a case study's evidence of `control` is waived, if it is.
    pub fn waives(&self, control: &Control, case_study: &str) -> Option<&str> {
        if !control.wafr_waivable {
            return None;
        }
        self.clean.get(case_study).map(String::as_str)
    }

    /// The reason the practice evidence of `control` is waived, if it is.
    pub fn waives_practice(&self, control: &Control) -> Option<&str> {
        if !control.wafr_waivable {
            return None;
        }
        self.all_clean.as_deref()
    }
}

fn unclean_pillars(hri: &HighRiskIssues) -> Option<String> {
    let pillars = [
        ("Security", hri.security),
        ("Reliability", hri.reliability),
        ("Operational Excellence", hri.operational_excellence),
    ];
    let problems: Vec<String> = pillars
        .iter()
        .filter_map(|(name, count)| match count {
            Some(0) => None,
            Some(n) => Some(format!(
                "{n} high-risk issue{} in {name}",
                if *n == 1 { "" } else { "s" }
            )),
            None => Some(format!("no count for {name}")),
        })
        .collect();
    (!problems.is_empty()).then(|| problems.join(", "))
}
