//! Case study prerequisites judged from front matter: production status, recency, affiliate
//! customers, one case study per customer, and the number of case studies per engine.

use std::collections::BTreeMap;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::checks::registry::CodeInfo;
use crate::diagnostic::{Diagnostic, Severity};
use crate::model::Repository;
use crate::model::document::CaseStudyFields;
use crate::model::values::Engine;
use crate::packs::Pack;

/// Registry entries of the prerequisite codes.
pub const CODES: &[CodeInfo] = &[
    CodeInfo {
        code: "case-study/not-production",
        severity: Severity::Error,
        summary: "a case study is not in production",
        explanation: "\
AWS accepts only case studies of projects that are in production with the customer, not in
pilot, proof-of-concept or development stage (RDS PRE-2.1, Aurora AUR-PRE-2.1).

Example that triggers it:

    status: pilot

Fix: submit a case study whose project is live (`status: production`), or wait until this one
goes live.",
    },
    CodeInfo {
        code: "case-study/too-old",
        severity: Severity::Error,
        summary: "a case study is older than the checklist allows",
        explanation: "\
The Amazon RDS checklist (Aug 2025) accepts deployments performed within the past 18 months,
judged here on `end:` (go-live or completion); the Amazon Aurora checklist (v2.2) accepts
projects started within the past 24 months, judged on `start:`. Dates are compared with
`--as-of` (default: today), so run with the date you plan to submit.

Example that triggers it (RDS, `--as-of 2026-01-15`):

    end: 2024-03-31

Fix: choose a more recent engagement, or correct the date if it is wrong.",
    },
    CodeInfo {
        code: "case-study/affiliate",
        severity: Severity::Error,
        summary: "a case study's customer is an internal or affiliate company",
        explanation: "\
The Amazon Aurora checklist (v2.2) does not accept case studies in which the customer is an
internal or affiliate company of the partner. (The RDS 2025 checklist accepts them when the
offering is available to outside customers.)

Example that triggers it (Aurora):

    affiliate: true

Fix: submit a case study for an unaffiliated customer.",
    },
    CodeInfo {
        code: "case-study/duplicate-customer",
        severity: Severity::Error,
        summary: "two case studies for the same engine have the same customer",
        explanation: "\
AWS accepts one case study per customer for an engine (each customer a separate legal entity).
Customer names are compared ignoring case, punctuation and legal suffixes (Ltd, Limited, Inc,
LLC, GmbH, …), so `Acme Payments Ltd.` and `ACME Payments Limited` are the same customer.

Example that triggers it: two `kind: case-study` documents with the same `engine:`, one with

    customer: Acme Payments Ltd.

and the other with

    customer: ACME Payments Limited

Fix: replace one of them with a case study for another customer.",
    },
    CodeInfo {
        code: "case-study/too-few",
        severity: Severity::Error,
        summary: "an engine has fewer qualifying case studies than required",
        explanation: "\
Each database engine needs two qualifying case studies (production, recent enough, for unique
customers). The RDS 2025 checklist allows one Amazon Aurora MySQL plus one Amazon Aurora
PostgreSQL case study for initial participation; the Aurora 2019 checklist treats Aurora MySQL
and Aurora PostgreSQL as separate engines, two each.

Example that triggers it: a repository checked against `rds-sd-2025-08` whose only
`engine: rds-mysql` case study is the one with `status: pilot`.

Fix: add case studies for the engine named, or fix the ones that do not qualify (see their own
findings).",
    },
];

/// Reports prerequisite problems of the case studies a pack applies to.
pub fn check(
    repo: &Repository,
    pack: &Pack,
    case_studies: &[String],
    as_of: Date,
    out: &mut Vec<Diagnostic>,
) {
    let rules = &pack.case_studies;
    let mut qualifying: BTreeMap<Engine, usize> = BTreeMap::new();
    let mut customers: BTreeMap<(Engine, String), String> = BTreeMap::new();
    for id in case_studies {
        let Some(cs) = repo.case_study_doc(id).and_then(|d| d.case_study.as_ref()) else {
            continue;
        };
        let mut ok =
            status(pack, cs, out) & recency(pack, cs, as_of, out) & affiliate(pack, cs, out);
        if rules.one_per_customer
            && let (Some(engine), Some(customer)) = (cs.engine, &cs.customer)
        {
            let key = (engine, normalize_customer(customer));
            match customers.get(&key) {
                Some(first) => {
                    ok = false;
                    out.push(
                        Diagnostic::error("case-study/duplicate-customer", format!("case study `{id}` has the same customer as `{first}`"))
                            .at_opt(cs.customer_location.clone())
                            .label("same customer")
                            .help("AWS accepts one case study per customer for an engine; submit one for another customer")
                            .control(rules.control.clone())
                            .case_study(id.clone()),
                    );
                }
                None => {
                    customers.insert(key, id.clone());
                }
            }
        }
        if ok && let Some(engine) = cs.engine {
            *qualifying.entry(engine).or_default() += 1;
        }
    }
    per_engine(repo, pack, case_studies, &qualifying, out);
}

fn status(pack: &Pack, cs: &CaseStudyFields, out: &mut Vec<Diagnostic>) -> bool {
    let Some(status) = cs.status else {
        return false;
    };
    if pack
        .case_studies
        .statuses
        .iter()
        .any(|s| s == status.as_str())
    {
        return true;
    }
    out.push(
        Diagnostic::error(
            "case-study/not-production",
            format!(
                "case study `{}` is in `{}` stage, not in production",
                cs.id,
                status.as_str()
            ),
        )
        .at_opt(cs.status_location.clone())
        .label("not production")
        .help(format!(
            "{} accepts only projects in production with the customer",
            pack.program
        ))
        .control(pack.case_studies.control.clone())
        .case_study(cs.id.clone()),
    );
    false
}

fn recency(pack: &Pack, cs: &CaseStudyFields, as_of: Date, out: &mut Vec<Diagnostic>) -> bool {
    let rules = &pack.case_studies;
    let (date, location, verb) = if rules.recency_field == "start" {
        (cs.start, &cs.start_location, "started")
    } else {
        (cs.end, &cs.end_location, "ended")
    };
    let Some(date) = date else { return false };
    let months = i64::from(rules.recency_months);
    let Ok(cutoff) = as_of.checked_sub(months.months()) else {
        return true;
    };
    if date >= cutoff {
        return true;
    }
    out.push(
        Diagnostic::error(
            "case-study/too-old",
            format!(
                "case study `{}` {verb} on {date}, more than {months} months before {as_of}",
                cs.id
            ),
        )
        .at_opt(location.clone())
        .label(format!("before {cutoff}"))
        .help(format!(
            "{} accepts projects {verb} on or after {cutoff} (judged on `{}:` against --as-of)",
            pack.program, rules.recency_field
        ))
        .control(rules.recency_control.clone())
        .case_study(cs.id.clone()),
    );
    false
}

fn affiliate(pack: &Pack, cs: &CaseStudyFields, out: &mut Vec<Diagnostic>) -> bool {
    if !cs.affiliate || pack.case_studies.affiliate_allowed {
        return true;
    }
    out.push(
        Diagnostic::error(
            "case-study/affiliate",
            format!(
                "case study `{}` is for an internal or affiliate customer",
                cs.id
            ),
        )
        .at_opt(cs.affiliate_location.clone())
        .label("affiliate customer")
        .help(format!(
            "{} does not accept internal or affiliate customers",
            pack.program
        ))
        .control(pack.case_studies.control.clone())
        .case_study(cs.id.clone()),
    );
    false
}

fn per_engine(
    repo: &Repository,
    pack: &Pack,
    case_studies: &[String],
    qualifying: &BTreeMap<Engine, usize>,
    out: &mut Vec<Diagnostic>,
) {
    let rules = &pack.case_studies;
    let minimum = rules.per_engine_minimum as usize;
    let engines: Vec<Engine> = {
        let mut e: Vec<Engine> = case_studies
            .iter()
            .filter_map(|id| repo.case_study_doc(id)?.case_study.as_ref()?.engine)
            .collect();
        e.sort();
        e.dedup();
        e
    };
    if engines.is_empty() {
        out.push(
            Diagnostic::error(
                "case-study/too-few",
                format!(
                    "no case study for {}: {minimum} per engine are required",
                    pack.program
                ),
            )
            .help("add a `kind: case-study` document for each customer engagement")
            .control(rules.per_engine_control.clone()),
        );
        return;
    }
    for engine in engines {
        let count = qualifying.get(&engine).copied().unwrap_or(0);
        if count >= minimum || group_satisfied(&rules.one_each_groups, engine, qualifying) {
            continue;
        }
        let mut diag = Diagnostic::error(
            "case-study/too-few",
            format!(
                "{} needs {minimum} qualifying case studies for `{}`; {count} qualif{}",
                pack.program,
                engine.as_str(),
                if count == 1 { "ies" } else { "y" }
            ),
        )
        .help(format!(
            "add case studies for `{}` (production, recent, one per customer)",
            engine.as_str()
        ))
        .control(rules.per_engine_control.clone());
        if let Some(group) = rules.one_each_groups.iter().find(|g| g.contains(&engine)) {
            let names: Vec<&str> = group.iter().map(|e| e.as_str()).collect();
            diag = diag.note(format!(
                "one case study each of {} also qualifies",
                names.join(" and ")
            ));
        }
        out.push(diag);
    }
}

fn group_satisfied(
    groups: &[Vec<Engine>],
    engine: Engine,
    qualifying: &BTreeMap<Engine, usize>,
) -> bool {
    groups.iter().filter(|g| g.contains(&engine)).any(|g| {
        g.iter()
            .all(|e| qualifying.get(e).copied().unwrap_or(0) >= 1)
    })
}

/// A customer name without legal suffixes and trailing punctuation, case kept
/// (`Acme Payments Ltd.` → `Acme Payments`).
pub fn customer_core(name: &str) -> String {
    let normalized = normalize_customer(name);
    let count = normalized.split(' ').count();
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .take(count)
        .collect();
    words.join(" ")
}

/// A customer name compared without case, punctuation or legal suffixes.
pub fn normalize_customer(name: &str) -> String {
    const SUFFIXES: &[&str] = &[
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "llc",
        "plc",
        "gmbh",
        "corp",
        "corporation",
        "co",
        "sa",
        "ag",
        "bv",
        "pty",
        "srl",
        "sas",
    ];
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut end = words.len();
    while end > 1 && SUFFIXES.contains(&words[end - 1]) {
        end -= 1;
    }
    words[..end].join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn customer_names_are_normalized() {
        assert_eq!(
            normalize_customer("Acme Payments Ltd."),
            normalize_customer("ACME payments limited")
        );
        assert_eq!(normalize_customer("Acme, Inc"), "acme");
        assert_ne!(
            normalize_customer("Acme Payments"),
            normalize_customer("Acme Pay")
        );
    }
}
