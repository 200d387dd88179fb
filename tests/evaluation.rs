//! Evidence pooling and where findings point (contract §3), prerequisites, WAFR waivers and
//! the checklist lifecycle, on small repositories built per test.

mod common;

use common::{Repo, case_study, codes, with_code};

const AS_OF: &str = "--as-of=2026-01-15";

fn migration_repo() -> Repo {
    let repo = Repo::new();
    repo.write(
        "case-studies/acme/case-study.md",
        &case_study("Acme Payments Ltd.", "RDS-008", ""),
    );
    repo.write(
        "case-studies/globex/case-study.md",
        &case_study("Globex", "RDS-008", ""),
    );
    repo
}

#[test]
fn missing_item_points_at_the_controls_entry_of_the_first_claiming_document() {
    let repo = migration_repo();
    repo.write(
        "case-studies/acme/migration.md",
        "---\nkind: evidence\ncontrols: [RDS-001, RDS-008]\n---\n\nThe cutover runbook moved traffic at 01:00.\n",
    );
    let (code, json) = repo.json(&[AS_OF]);
    assert_eq!(code, 1);
    let fallback: Vec<_> = with_code(&json, "RDS-008/fallback-plan")
        .into_iter()
        .filter(|d| d["case_study"] == "acme")
        .collect();
    assert_eq!(fallback.len(), 1, "{json:#}");
    let d = fallback[0];
    // case-study.md claims RDS-008 too and comes first by path.
    assert_eq!(d["path"], "case-studies/acme/case-study.md");
    assert_eq!(d["line"], 12);
    assert_eq!(d["control"], "RDS-008");
    // The cutover plan is stated in migration.md, which claims RDS-008: no finding.
    assert!(
        with_code(&json, "RDS-008/cutover-plan")
            .iter()
            .all(|d| d["case_study"] != "acme"),
        "{json:#}"
    );
}

#[test]
fn evidence_in_a_document_that_does_not_claim_the_control_is_named_in_help() {
    let repo = migration_repo();
    repo.write(
        "case-studies/acme/notes.md",
        "---\nkind: evidence\ncontrols: [RDS-001]\n---\n\nOur fallback plan keeps reverse replication to Oracle for seven days.\n",
    );
    let (_, json) = repo.json(&[AS_OF]);
    let d = with_code(&json, "RDS-008/fallback-plan")
        .into_iter()
        .find(|d| d["case_study"] == "acme")
        .expect("finding");
    let help = d["help"].as_array().unwrap();
    assert!(
        help[0]
            .as_str()
            .unwrap()
            .contains("stated in case-studies/acme/notes.md, which does not list RDS-008"),
        "{help:?}"
    );
}

#[test]
fn an_unclaimed_control_points_at_the_kind_line_of_the_case_study() {
    let repo = Repo::new();
    repo.write(
        "case-studies/acme/case-study.md",
        &case_study("Acme", "RDS-001", ""),
    );
    let (_, json) = repo.json(&[AS_OF]);
    let d = with_code(&json, "RDS-009/rto")
        .into_iter()
        .next()
        .expect("RTO missing");
    assert_eq!(d["path"], "case-studies/acme/case-study.md");
    assert_eq!(d["line"], 2);
    assert_eq!(d["column"], 1);
    assert_eq!(d["case_study"], "acme");
}

#[test]
fn a_practice_control_nobody_claims_is_repository_wide() {
    let repo = migration_repo();
    let (_, json) = repo.json(&[AS_OF]);
    let d = with_code(&json, "OPE-002/runbook").into_iter().next();
    let d = d
        .or_else(|| {
            json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["control"] == "OPE-002")
        })
        .expect("OPE-002 finding");
    assert!(d.get("path").is_none(), "{d:#}");
}

#[test]
fn migration_only_items_do_not_apply_to_new_applications() {
    let repo = Repo::new();
    repo.write(
        "case-studies/acme/case-study.md",
        &case_study("Acme", "RDS-008", "")
            .replace("project: migration", "project: new-application"),
    );
    let (_, json) = repo.json(&[AS_OF]);
    assert!(
        codes(&json).iter().all(|c| !c.starts_with("RDS-008/")),
        "{:?}",
        codes(&json)
    );
}

#[test]
fn recency_is_judged_on_end_against_as_of() {
    let repo = Repo::new();
    repo.write(
        "case-studies/old/case-study.md",
        &case_study("Old Co", "RDS-001", "").replace("end: 2025-09-30", "end: 2024-06-30"),
    );
    let (_, json) = repo.json(&[AS_OF]);
    let d = with_code(&json, "case-study/too-old");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["line"], 7);
    assert_eq!(d[0]["control"], "PRE-2.1");
    let (_, json) = repo.json(&["--as-of=2025-10-01"]);
    assert!(with_code(&json, "case-study/too-old").is_empty());
}

#[test]
fn duplicate_customers_are_compared_normalized() {
    let repo = Repo::new();
    repo.write(
        "case-studies/a/case-study.md",
        &case_study("Acme Payments Ltd.", "RDS-001", ""),
    );
    repo.write(
        "case-studies/b/case-study.md",
        &case_study("ACME payments limited", "RDS-001", ""),
    );
    let (_, json) = repo.json(&[AS_OF]);
    let d = with_code(&json, "case-study/duplicate-customer");
    assert_eq!(d.len(), 1, "{json:#}");
    assert_eq!(d[0]["path"], "case-studies/b/case-study.md");
    // Only one qualifies now: too few for the engine.
    assert_eq!(with_code(&json, "case-study/too-few").len(), 1);
}

#[test]
fn two_case_studies_per_engine_with_the_aurora_allowance() {
    let repo = Repo::new();
    repo.write(
        "cs/a/case-study.md",
        &case_study("A", "RDS-001", "").replace("rds-postgresql", "aurora-mysql"),
    );
    repo.write(
        "cs/b/case-study.md",
        &case_study("B", "RDS-001", "").replace("rds-postgresql", "aurora-postgresql"),
    );
    let (_, json) = repo.json(&[AS_OF]);
    assert!(
        with_code(&json, "case-study/too-few").is_empty(),
        "{json:#}"
    );
    let repo = Repo::new();
    repo.write("cs/a/case-study.md", &case_study("A", "RDS-001", ""));
    let (_, json) = repo.json(&[AS_OF]);
    let d = with_code(&json, "case-study/too-few");
    assert_eq!(d.len(), 1);
    assert!(d[0].get("path").is_none());
    assert!(
        d[0]["message"]
            .as_str()
            .unwrap()
            .contains("`rds-postgresql`")
    );
}

#[test]
fn program_lifecycle_by_as_of() {
    let repo = Repo::new();
    repo.write("cs/a/case-study.md", &case_study("A", "RDS-001", ""));
    let (_, json) = repo.json(&["--as-of=2026-01-15"]);
    assert!(codes(&json).iter().all(|c| !c.starts_with("program/")));
    let (_, json) = repo.json(&["--as-of=2026-03-15"]);
    assert_eq!(with_code(&json, "program/superseded").len(), 1);
    assert_eq!(
        with_code(&json, "program/superseded")[0]["severity"],
        "warning"
    );
    let (code, json) = repo.json(&["--as-of=2026-06-15"]);
    assert_eq!(code, 1);
    let expired = with_code(&json, "program/expired");
    assert_eq!(expired.len(), 1);
    assert!(
        expired[0]["message"]
            .as_str()
            .unwrap()
            .contains("2026-05-31")
    );
}

#[test]
fn a_clean_wafr_waives_common_requirements_and_a_wafr_with_hris_waives_nothing() {
    let repo = Repo::new();
    repo.write(
        "cs/a/case-study.md",
        &case_study("A", "RDS-001, DOC-001", ""),
    );
    repo.write(
        "cs/a/wafr.md",
        "---\nkind: wafr\nhigh-risk-issues: { security: 0, reliability: 0, operational-excellence: 0 }\n---\n",
    );
    repo.write(
        "cs/b/case-study.md",
        &case_study("B", "RDS-001, DOC-001", ""),
    );
    repo.write(
        "cs/b/wafr.md",
        "---\nkind: wafr\nhigh-risk-issues: { security: 2, reliability: 0, operational-excellence: 0 }\n---\n",
    );
    let (_, json) = repo.json(&[AS_OF]);
    let doc = |cs: &str| {
        codes_for(&json, cs)
            .into_iter()
            .filter(|c| c.starts_with("DOC-001/"))
            .count()
    };
    assert_eq!(doc("a"), 0, "{json:#}");
    assert!(doc("b") > 0);
    // RDS-00x and prerequisites are never waived.
    assert!(
        codes_for(&json, "a")
            .iter()
            .any(|c| c.starts_with("RDS-009/"))
    );
    let hri = with_code(&json, "wafr/high-risk-issues");
    assert_eq!(hri.len(), 1);
    assert!(
        hri[0]["message"]
            .as_str()
            .unwrap()
            .contains("2 high-risk issues in Security")
    );
}

fn codes_for(json: &serde_json::Value, case_study: &str) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["case_study"] == case_study)
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn controls_diff_lists_added_and_removed_controls() {
    let out = common::run_in(
        &common::project_root(),
        &["controls", "--diff", "aurora-sd-2019-12", "rds-sd-2025-08"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.starts_with("aurora-sd-2019-12 → rds-sd-2025-08"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "+ RDS-009 High availability, Scalability and Disaster Recovery (new control)"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("    + RDS-009/rto — Recovery Time Objective (RTO)"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("- AUR-1.0 "), "{}", out.stdout);
    let same = common::run_in(
        &common::project_root(),
        &["controls", "--diff", "rds-sd-2025-08", "rds-sd-2025-08"],
    );
    assert!(
        same.stdout
            .contains("no changes to controls or evidence items"),
        "{}",
        same.stdout
    );
    let bad = common::run_in(
        &common::project_root(),
        &["controls", "--diff", "rds-sd-2025-8", "rds-sd-2025-08"],
    );
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("did you mean `rds-sd-2025-08`?"),
        "{}",
        bad.stderr
    );
}
