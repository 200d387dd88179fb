//! Denials: a migration record that says it has no fallback plan, in any of the usual ways,
//! is reported for `RDS-008/fallback-plan` (a keyword match would have taken "fallback" as
//! the evidence), while an access standard that forbids shared accounts ("there are no shared
//! accounts") still proves `ACCT-002/dedicated-credentials`, which the pack writes with
//! `mention:`.

mod common;

use common::Repo;

const AS_OF: &str = "--as-of=2026-01-15";

/// A migration record whose last section is `{fallback}`.
const MIGRATION: &str = "---
kind: evidence
controls: [RDS-008]
---
# Migration: Oracle 12c on premises to Amazon RDS for PostgreSQL 16

The source was an on-premises Oracle 12c database; the target is Amazon RDS for PostgreSQL 16.

## Decision matrix

| Option | Licence cost | Code changes | Verdict |
|---|---|---|---|
| RDS for Oracle (homogeneous) | high | none | rejected |
| RDS for PostgreSQL (heterogeneous) | none | 40 packages | chosen |

## Assessment

The AWS SCT assessment report rated 91% of objects as converting automatically.

## Cutover

On the night we froze writes at 22:00, waited for DMS lag to reach zero, switched the
application's DNS record to RDS and reopened traffic at 01:30.

## Afterwards

{fallback}
";

/// The findings of `control` for case study `harbourline-logistics` when its file `file`
/// reads `text`.
fn findings(file: &str, text: &str, control: &str) -> Vec<String> {
    let repo = Repo::from_fixtures(&["rds-complete"]);
    repo.write(file, text);
    let (_, json) = repo.json(&[AS_OF]);
    (json["diagnostics"].as_array().unwrap().iter())
        .filter(|d| {
            d["code"]
                .as_str()
                .unwrap()
                .starts_with(&format!("{control}/"))
        })
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap(),
                d["path"].as_str().unwrap()
            )
        })
        .collect()
}

fn fallback_findings(fallback: &str) -> Vec<String> {
    let record = MIGRATION.replace("{fallback}", fallback);
    let file = "case-studies/harbourline-logistics/migration.md";
    findings(file, &record, "RDS-008")
}

#[test]
fn a_fallback_plan_stated_satisfies_the_item() {
    for fallback in [
        "Our fallback plan kept reverse replication to Oracle running for seven days.",
        "Fallback plan: DMS replicated every change back to Oracle for a week, so we could \
         switch back within 30 minutes.",
        "The fallback plan was not needed: no defect was severe enough to roll back.",
    ] {
        assert_eq!(
            fallback_findings(fallback),
            Vec::<String>::new(),
            "{fallback}"
        );
    }
}

#[test]
fn a_fallback_plan_denied_is_reported() {
    let reported = ["RDS-008/fallback-plan case-studies/harbourline-logistics/migration.md"];
    for fallback in [
        "We have no fallback plan: the Oracle servers were switched off that night.",
        "There was no documented rollback procedure for this migration.",
        "Fallback plan: none.",
        "Fallback plan: not documented yet.",
        "A roll-back plan was not prepared, as the customer accepted the risk.",
        "The customer did not want a fallback, so the Oracle servers were wiped the same week.",
        "| Item | Status |\n|---|---|\n| Fallback plan | Not in place |\n",
        "### Fallback plan\n\nNot documented yet.\n",
    ] {
        assert_eq!(fallback_findings(fallback), reported, "{fallback}");
    }
}

#[test]
fn forbidding_shared_accounts_is_still_evidence_of_dedicated_credentials() {
    let path = "practice/identity-and-access.md";
    let original = Repo::from_fixtures(&["rds-complete"]).read(path);
    let start = original.find("**Dedicated identities.**").unwrap();
    let end = start + original[start..].find("\n\n").unwrap();
    let with = |paragraph: &str| {
        let text = [&original[..start], paragraph, &original[end..]].concat();
        findings(path, &text, "ACCT-002")
    };
    assert_eq!(
        with("**Identities.** There are no shared accounts, even for a one-hour task."),
        Vec::<String>::new()
    );
    assert_eq!(
        with("**Identities.** Engineers sign in through the identity provider."),
        ["ACCT-002/dedicated-credentials practice/identity-and-access.md"]
    );
}
