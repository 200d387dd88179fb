//! Waivers from `evidencelint.yaml`: accepted findings with a reason, an owner and an expiry.

use jiff::civil::Date;

use crate::checks::registry::CodeInfo;
use crate::config::Waiver;
use crate::diagnostic::{Diagnostic, Severity, Suppressed};

use super::matcher::{covers, is_known, unknown_name};

/// Registry entries.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "waiver/expired",
        severity: Severity::Error,
        summary: "a waiver in evidencelint.yaml has expired",
        explanation: "\
A waiver accepts a finding until its `expires:` date. After that date (judged against
`--as-of`) it no longer silences anything, and the expired waiver is itself an error so that
the debt it recorded is not forgotten.

Example that triggers it (`--as-of 2027-01-05`):

    waivers:
      - code: RDS-009/availability-sla
        reason: SLA agreed verbally; written copy requested
        owner: j.smith@example.com
        expires: 2026-12-31

Fix: provide the evidence and delete the waiver, or — if the reason still holds — extend
`expires:` deliberately.",
    },
    CodeInfo {
        code: "waiver/unused",
        severity: Severity::Warning,
        summary: "a waiver in evidencelint.yaml matches no finding",
        explanation: "\
The waiver matches no finding: the evidence was added (good — delete the waiver), or the
waiver's `code`, `case-study` or `path` is wrong.

Example that triggers it: a waiver for `RDS-009/rto` after the RTO was written down.

Fix: delete the waiver, or correct what it matches.",
    },
];

/// Config errors for waivers whose `code` names nothing known (with did-you-mean): such a
/// waiver could never match.
pub fn validate(waivers: &[Waiver], codes: &[String], controls: &[&str]) -> Vec<Diagnostic> {
    waivers
        .iter()
        .filter(|w| !is_known(&w.code, codes, controls))
        .map(|w| unknown_name("a waiver", &w.code, &w.location, codes, controls))
        .collect()
}

/// Applies the waivers (expired ones silence nothing); returns findings about the waivers.
pub fn apply(waivers: &[Waiver], as_of: Date, diagnostics: &mut [Diagnostic]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for waiver in waivers {
        if waiver.expires < as_of {
            out.push(
                Diagnostic::error(
                    "waiver/expired",
                    format!("waiver for `{}` expired on {}", waiver.code, waiver.expires),
                )
                .at(waiver.expires_location.clone())
                .label("expired")
                .note(format!(
                    "reason: {}; owner: {}",
                    waiver.reason, waiver.owner
                ))
                .help(
                    "provide the evidence and remove the waiver, or extend `expires:` deliberately",
                ),
            );
            continue;
        }
        let mut used = false;
        for diag in diagnostics
            .iter_mut()
            .filter(|d| d.suppressed.is_none() && matches(waiver, d))
        {
            used = true;
            diag.suppressed = Some(Suppressed {
                kind: "waiver",
                reason: waiver.reason.clone(),
            });
        }
        if !used {
            out.push(
                Diagnostic::warning("waiver/unused", format!("waiver for `{}` matches no finding", waiver.code))
                    .at(waiver.location.clone())
                    .label("matches nothing")
                    .help("remove the waiver if the evidence is there now, or fix its `code`, `case-study` or `path`"),
            );
        }
    }
    out
}

fn matches(waiver: &Waiver, diag: &Diagnostic) -> bool {
    if !covers(&waiver.code, diag) {
        return false;
    }
    if let Some(cs) = &waiver.case_study
        && diag.case_study.as_ref() != Some(cs)
    {
        return false;
    }
    if let Some(pattern) = &waiver.path {
        let Some(loc) = &diag.location else {
            return false;
        };
        if !pattern.matches_with(&loc.path, crate::discover::match_options()) {
            return false;
        }
    }
    true
}
