//! Severity overrides from `rules:` in the config: the most specific name wins (exact code,
//! then control ID, then prefix).

use crate::config::{RuleLevel, RuleOverride};
use crate::diagnostic::{Diagnostic, Severity};

use super::matcher::{covers, is_known, specificity, unknown_name};

/// Config errors for override names that match nothing known (with did-you-mean).
pub fn validate(rules: &[RuleOverride], codes: &[String], controls: &[&str]) -> Vec<Diagnostic> {
    rules
        .iter()
        .filter(|r| !is_known(&r.name, codes, controls))
        .map(|r| unknown_name("`rules:`", &r.name, &r.location, codes, controls))
        .collect()
}

/// Applies the overrides; findings set to `off` are removed.
pub fn apply(rules: &[RuleOverride], diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.retain_mut(|diag| {
        let chosen = rules
            .iter()
            .filter(|r| covers(&r.name, diag))
            .max_by_key(|r| specificity(&r.name, diag));
        match chosen.map(|r| r.level) {
            Some(RuleLevel::Off) => false,
            Some(RuleLevel::Error) => {
                diag.severity = Severity::Error;
                true
            }
            Some(RuleLevel::Warning) => {
                diag.severity = Severity::Warning;
                true
            }
            None => true,
        }
    });
}
