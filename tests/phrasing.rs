//! Evidence written in words the packs' examples do not use: a disaster recovery plan in
//! another author's style (bullets, a table, "held for five weeks", "keep running through the
//! failure of a single AZ", an on-call runbook, a Lambda that reboots a replica) satisfies
//! every RDS-009 item, and each of the sentences that only the broader phrases recognize is
//! what satisfies its item.

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

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The RDS-009 findings of case study `harbourline-logistics` when its DR plan is `PLAN`
/// with the three sentences given.
fn rds_009_findings(ha: &str, sop: &str, automation: &str) -> Vec<String> {
    let repo = Repo::new();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rds-complete"),
        repo.path(),
    );
    let plan = (PLAN.replace("{ha}", ha))
        .replace("{sop}", sop)
        .replace("{automation}", automation);
    repo.write("case-studies/harbourline-logistics/dr-plan.md", &plan);
    let (_, json) = repo.json(&[AS_OF]);
    (json["diagnostics"].as_array().unwrap().iter())
        .filter(|d| d["case_study"] == "harbourline-logistics")
        .filter_map(|d| d["code"].as_str())
        .filter(|code| code.starts_with("RDS-009/"))
        .map(str::to_string)
        .collect()
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
