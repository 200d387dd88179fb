//! Evidence written in words the packs' examples do not use: a disaster recovery plan and a
//! migration record in another author's style (bullets, tables, "held for five weeks", "keep
//! running through the failure of a single AZ", an on-call runbook, a Lambda that reboots a
//! replica, "moving off Oracle", "replicated back to", "engine change") satisfy every item of
//! RDS-009 and RDS-008, and each sentence that only the broader phrases recognize is what
//! satisfies its item.

mod common;

use std::path::Path;

use common::Repo;

const AS_OF: &str = "--as-of=2026-01-15";

/// The plan, with `{ha}`, `{sop}` and `{automation}` standing for the three sentences under
/// test.
const PLAN: &str = "---
kind: evidence
controls: [RDS-009]
---
# Resilience design — booking platform

Owner: Harbourline platform team. Reviewed with the customer's COO in February 2025; the
signed-off copy sits in Harbourline's SharePoint under \"Resilience design v1.3\".

## What the business told us

* Uptime commitment to their shipping partners: 99.9% measured monthly.
* {ha}

| Objective | Zone failure | Regional disaster |
|---|---|---|
| Recovery time | 1 h | 4 h |
| Recovery point | 0 | 15 min |

Backups are held for five weeks (point-in-time restore), monthly snapshots for a year.

## Design we landed on

The new design (PostgreSQL on RDS, Multi-AZ, with a replica in Ireland) answers each of the
objectives above and was handed over to Harbourline as the resilience design document.

Apps connect through Route 53 names, never to instance hostnames, with a short TTL so
clients follow a failover; the driver retries failed transactions.

## Backups

Daily automated snapshots plus PITR; AWS Backup copies to Ireland every night. We sent
Harbourline a cost estimate for the backup storage (about £1,300 a month) before go-live.

## When things go wrong

{sop} CloudWatch alarms on replica lag, failed connections and instance health page the
on-call engineer through PagerDuty. {automation}
";

const HA: &str = "The platform has to keep running through the failure of a single AZ.";
const SOP: &str = "The on-call runbook lists the steps: confirm the outage, promote the \
                   Ireland replica, flip the DNS variable, run the smoke tests.";
const AUTOMATION: &str = "An EventBridge rule triggers a Lambda that reboots a stuck read \
                          replica automatically.";

/// The findings of control `control` for case study `harbourline-logistics` when its file
/// `file` reads `text`.
fn findings(file: &str, text: &str, control: &str) -> Vec<String> {
    let repo = Repo::from_fixtures(&["rds-complete"]);
    repo.write(&format!("case-studies/harbourline-logistics/{file}"), text);
    let (_, json) = repo.json(&[AS_OF]);
    (json["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["case_study"] == "harbourline-logistics")
        .filter_map(|d| d["code"].as_str())
        .filter(|code| code.starts_with(&format!("{control}/")))
        .map(str::to_string)
        .collect()
}

/// The RDS-009 findings when the DR plan is `PLAN` with the three sentences given.
fn rds_009_findings(ha: &str, sop: &str, automation: &str) -> Vec<String> {
    let plan = (PLAN.replace("{ha}", ha))
        .replace("{sop}", sop)
        .replace("{automation}", automation);
    findings("dr-plan.md", &plan, "RDS-009")
}

#[test]
fn a_plan_in_other_words_satisfies_every_rds_009_item() {
    assert_eq!(rds_009_findings(HA, SOP, AUTOMATION), Vec::<String>::new());
}

#[test]
fn each_sentence_in_other_words_is_what_satisfies_its_item() {
    let filler = "The team meets every Monday.";
    assert_eq!(
        rds_009_findings(filler, SOP, AUTOMATION),
        ["RDS-009/ha-requirements"]
    );
    assert_eq!(
        rds_009_findings(HA, filler, AUTOMATION),
        ["RDS-009/dr-procedure"]
    );
    assert_eq!(
        rds_009_findings(HA, SOP, filler),
        ["RDS-009/failure-automation"]
    );
}

/// The migration record, with `{source}`, `{target}`, `{decision}` and `{fallback}` standing
/// for the sentences under test.
const MIGRATION: &str = "---
kind: evidence
controls: [RDS-008]
---
# {source}

Tidemark served the ports from two servers in Felixstowe until March 2025. {target}

## Why PostgreSQL

| Option | Licence cost | Code changes | Verdict |
|---|---|---|---|
| {decision} | high, BYOL | none | too expensive |
| PostgreSQL | none | ~40 PL/SQL packages | taken |

## How much would have to change

We ran the AWS Schema Conversion Tool against the Oracle schemas. Its report rated 91% of
objects as converting automatically; the 38 packages it could not convert were rewritten by
hand and unit-tested.

## Go-live weekend

The switch happened on Saturday 8 March 2025. DMS kept the target in sync with change data
capture for two weeks before; on the night we froze writes at 22:00, waited for DMS lag to
reach zero, ran row counts and checksums, repointed the application config to the new
endpoint and reopened the booking screens at 01:30. The go/no-go call at 01:00 was owned by
Harbourline's IT director.

## If it had gone wrong

{fallback}
";

const SOURCE: &str = "Tidemark: moving off Oracle 12c";
const TARGET: &str = "Tidemark now runs on Amazon RDS for PostgreSQL 16.";
const DECISION: &str = "Oracle again (no engine change)";
const FALLBACK: &str = "Until the Monday sign-off, DMS replicated every change back to the \
                        servers in Felixstowe, so the application could be pointed at them \
                        again within 20 minutes.";

/// The RDS-008 findings when the migration record is `MIGRATION` with the sentences given.
fn rds_008_findings(source: &str, target: &str, decision: &str, fallback: &str) -> Vec<String> {
    let record = (MIGRATION.replace("{source}", source))
        .replace("{target}", target)
        .replace("{decision}", decision)
        .replace("{fallback}", fallback);
    findings("migration.md", &record, "RDS-008")
}

#[test]
fn a_migration_record_in_other_words_satisfies_every_rds_008_item() {
    assert_eq!(
        rds_008_findings(SOURCE, TARGET, DECISION, FALLBACK),
        Vec::<String>::new()
    );
}

#[test]
fn each_migration_sentence_in_other_words_is_what_satisfies_its_item() {
    let filler = "The team meets every Monday.";
    let cases = [
        (
            rds_008_findings(filler, TARGET, DECISION, FALLBACK),
            "source-database",
        ),
        (
            rds_008_findings(SOURCE, filler, DECISION, FALLBACK),
            "target-database",
        ),
        (
            rds_008_findings(SOURCE, TARGET, filler, FALLBACK),
            "decision-matrix",
        ),
        (
            rds_008_findings(SOURCE, TARGET, DECISION, filler),
            "fallback-plan",
        ),
    ];
    for (found, item) in cases {
        assert_eq!(found, [format!("RDS-008/{item}")]);
    }
}

#[test]
fn security_guidance_walked_through_is_the_notice_of_best_practices() {
    let security = |notice: &str| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/rds-complete/case-studies/harbourline-logistics/security.md");
        let original = std::fs::read_to_string(path).unwrap();
        // The fixture's own notice sentences give way to the one under test.
        let kept: Vec<&str> = (original.lines())
            .filter(|line| !line.to_lowercase().contains("best practice"))
            .collect();
        format!("{}\n\n{notice}\n", kept.join("\n"))
    };
    let notice = "We walked Harbourline's team through the AWS guidance on RDS security.";
    assert_eq!(
        findings("security.md", &security(notice), "RDS-003"),
        Vec::<String>::new()
    );
    assert_eq!(
        findings(
            "security.md",
            &security("The team meets every Monday."),
            "RDS-003"
        ),
        ["RDS-003/security-best-practices-notice"]
    );
}
