//! Severity overrides from `rules:` in the config: the most specific name wins (exact code,
//! then control ID, then prefix).

use crate::checks::suggest::closest;
use crate::config::{INVALID, RuleLevel, RuleOverride};
use crate::diagnostic::{Diagnostic, Severity};

use super::matcher::{covers, is_known, specificity};

/// Config errors for override names that match nothing known (with did-you-mean).
pub fn validate(rules: &[RuleOverride], codes: &[String], controls: &[&str]) -> Vec<Diagnostic> {
    rules
        .iter()
        .filter(|r| !is_known(&r.name, codes, controls))
        .map(|r| {
            let candidates = codes.iter().map(String::as_str).chain(controls.iter().copied());
            let mut d = Diagnostic::error(INVALID.code, format!("`rules:` names unknown code `{}`", r.name)).at(r.location.clone());
            d = match closest(&r.name, candidates) {
                Some(c) => d.label(format!("did you mean `{c}`?")).help(format!("rename `{}` to `{c}`", r.name)),
                None => d.label("unknown code").help("use a code (`link/broken`), a prefix ending in `/` (`link/`) or a control ID (`RDS-009`)"),
            };
            d
        })
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
