//! End-to-end tests of the codes that need a checklist program in force: case study
//! prerequisites, program lifecycle and WAFR waivers. Each fixture names its program and its
//! evaluation date in its own `evidencelint.yaml` (`programs:`, `as-of:`).
//!
//! The built-in packs are not embedded yet (`BUILTIN` in src/packs/mod.rs is empty), so these
//! tests needed the built-in packs, which are now embedded.

mod harness;

use harness::{Run, all_with, find, fixture, fixture_abs, pointed_text, run};

/// `check fixtures/<case>/<variant> --format json`, judged on the fixture's own `as-of:`.
fn check_case(case: &str, variant: &str) -> Run {
    run(&[
        "check",
        &fixture(&format!("{case}/{variant}")),
        "--color",
        "never",
        "--format",
        "json",
    ])
}

/// The failing variant reports `code` (with `severity`) at `token` of `path`; the passing
/// variant does not report `code` at all.
fn located(case: &str, code: &str, severity: &str, path: &str, token: &str) -> serde_json::Value {
    let fail = check_case(case, "fail");
    assert!(fail.code == 0 || fail.code == 1, "{}", fail.stderr);
    let json = fail.json();
    let diag = find(&json, code, path);
    assert_eq!(diag["severity"], severity, "{diag}");
    assert_eq!(
        pointed_text(&fixture_abs(&format!("{case}/fail")), diag),
        token,
        "{diag}"
    );
    absent_in_pass(case, code);
    diag.clone()
}

/// The failing variant reports `code` once, without a path (a repository-wide finding).
fn repository_wide(case: &str, code: &str, severity: &str) -> serde_json::Value {
    let fail = check_case(case, "fail");
    let json = fail.json();
    let found = all_with(&json, code);
    assert_eq!(found.len(), 1, "{}", fail.stdout);
    let diag = found[0].clone();
    assert_eq!(diag["severity"], severity);
    assert!(
        diag.get("path").is_none() && diag.get("line").is_none(),
        "{diag}"
    );
    absent_in_pass(case, code);
    diag
}

fn absent_in_pass(case: &str, code: &str) {
    let pass = check_case(case, "pass");
    assert!(pass.code == 0 || pass.code == 1, "{}", pass.stderr);
    assert!(
        !pass.codes().iter().any(|c| c == code),
        "`{code}` in the passing variant:\n{}",
        pass.stdout
    );
}

#[test]
fn case_study_not_production() {
    let cs = "case-studies/northwind-logistics/case-study.md";
    let diag = located(
        "case-study-not-production",
        "case-study/not-production",
        "error",
        cs,
        "pilot",
    );
    assert_eq!(diag["control"], "PRE-2.1");
    assert_eq!(diag["case_study"], "northwind-logistics");
}

#[test]
fn case_study_too_old() {
    // RDS 2025: 18 months, judged on `end:` against `as-of: 2025-11-15`.
    let cs = "case-studies/northwind-logistics/case-study.md";
    let diag = located(
        "case-study-too-old",
        "case-study/too-old",
        "error",
        cs,
        "2024-03-29",
    );
    assert_eq!(diag["case_study"], "northwind-logistics");
}

#[test]
fn case_study_affiliate() {
    // Aurora 2019 rejects affiliate customers (RDS 2025 accepts them).
    let cs = "case-studies/example-cloud-logistics/case-study.md";
    located(
        "case-study-affiliate",
        "case-study/affiliate",
        "error",
        cs,
        "true",
    );
}

#[test]
fn case_study_duplicate_customer() {
    // `NORTHWIND LOGISTICS` is `Northwind Logistics GmbH`: the later case study (by path) is flagged.
    let cs = "case-studies/northwind-reporting/case-study.md";
    let diag = located(
        "case-study-duplicate-customer",
        "case-study/duplicate-customer",
        "error",
        cs,
        "NORTHWIND LOGISTICS",
    );
    assert!(
        diag["message"]
            .as_str()
            .unwrap()
            .contains("`northwind-logistics`"),
        "{diag}"
    );
}

#[test]
fn case_study_too_few() {
    let diag = repository_wide("case-study-too-few", "case-study/too-few", "error");
    assert_eq!(diag["control"], "PRE-4.1");
    assert!(
        diag["message"].as_str().unwrap().contains("`rds-mysql`"),
        "{diag}"
    );
}

#[test]
fn program_expired() {
    let diag = repository_wide("program-expired", "program/expired", "error");
    assert!(
        diag["message"].as_str().unwrap().contains("rds-sd-2025-08"),
        "{diag}"
    );
    assert_eq!(check_case("program-expired", "fail").code, 1);
}

#[test]
fn program_superseded() {
    repository_wide("program-superseded", "program/superseded", "warning");
}

#[test]
fn wafr_high_risk_issues() {
    let path = "case-studies/northwind-logistics/wafr.md";
    let fail = check_case("wafr-high-risk-issues", "fail");
    let json = fail.json();
    let diag = find(&json, "wafr/high-risk-issues", path);
    assert_eq!(diag["severity"], "warning");
    assert_eq!(diag["case_study"], "northwind-logistics");
    assert!(
        diag["message"]
            .as_str()
            .unwrap()
            .contains("2 high-risk issues in Security"),
        "{diag}"
    );
    absent_in_pass("wafr-high-risk-issues", "wafr/high-risk-issues");
}
