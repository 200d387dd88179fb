//! Checklist lifecycle: a program past its usable-until date is expired; past its validity
//! period but within the grace period, it is superseded.

use jiff::civil::Date;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::packs::Pack;

/// Registry entries.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "program/expired",
        severity: Severity::Error,
        summary: "the checklist version can no longer be used for applications",
        explanation: "\
Each checklist version is usable for applications until a date AWS states in it (the RDS
checklist of August 2025: until May 2026). After that date, an application against it is
returned. The date is compared with `--as-of` (default: today).

Example that triggers it: `evidencelint check --program rds-sd-2025-08 --as-of 2026-06-15`.

Fix: move the repository to the newer program (`evidencelint controls --diff OLD NEW` shows
what changed), or run with the `--as-of` date of your submission.",
    },
    CodeInfo {
        code: "program/superseded",
        severity: Severity::Warning,
        summary: "a newer checklist version is expected or out; this one is in its grace period",
        explanation: "\
The checklist's validity period has ended (for RDS Aug 2025: February 2026), but AWS lets
partners keep using it until its usable-until date (May 2026). Applications still work, but
plan the move to the newer version.

Example that triggers it: `evidencelint check --program rds-sd-2025-08 --as-of 2026-03-15`.

Fix: nothing yet; submit before the usable-until date or move to the newer program.",
    },
];

/// Reports an expired or superseded program.
pub fn check(pack: &Pack, as_of: Date, out: &mut Vec<Diagnostic>) {
    let v = &pack.validity;
    let newer = v
        .superseded_by
        .as_ref()
        .map_or("the newer checklist version".to_string(), |p| {
            format!("`{p}`")
        });
    if let Some(usable) = v.usable_until
        && as_of > usable
    {
        out.push(
            Diagnostic::error("program/expired", format!("program `{}` could be used for applications until {usable}; as of {as_of} it has expired", pack.program))
                .help(format!("move the evidence to {newer}, or run with the --as-of date of your submission")),
        );
        return;
    }
    if let Some(valid) = v.valid_until
        && as_of > valid
    {
        let until = v
            .usable_until
            .map_or(String::new(), |u| format!(" until {u}"));
        out.push(
            Diagnostic::warning(
                "program/superseded",
                format!(
                    "program `{}` was valid until {valid}; it may still be used{until}",
                    pack.program
                ),
            )
            .help(format!("plan the move to {newer}")),
        );
    }
}
