//! Drift guards over the registry: every code is unique, has an `explain` text with an example
//! and a fix, and is triggered by a fixture; plus the `explain` command itself.

mod harness;

use std::collections::BTreeSet;

use evidencelint::diagnostic::Severity;
use evidencelint::registry::all_codes;
use harness::{check, fixture, run};

/// How a code is triggered end to end.
#[derive(Debug, Clone, Copy)]
enum Trigger {
    /// `fixtures/<dir>/fail` reports it in the JSON output.
    Fixture(&'static str),
    /// `fixtures/<dir>/fail` stops the run (exit 2) with it on standard error.
    UsageError(&'static str),
    /// Built at run time in a temporary directory (see `hostile.rs`).
    Generated,
    /// `fixtures/<dir>/fail` reports it once a program is in force: needs the built-in packs.
    NeedsPacks(&'static str),
}

/// Every code and the fixture that triggers it.
const TRIGGERS: &[(&str, Trigger)] = &[
    (
        "frontmatter/invalid-yaml",
        Trigger::Fixture("frontmatter-invalid-yaml"),
    ),
    (
        "frontmatter/unknown-key",
        Trigger::Fixture("frontmatter-unknown-key"),
    ),
    (
        "frontmatter/missing-key",
        Trigger::Fixture("frontmatter-missing-key"),
    ),
    (
        "frontmatter/invalid-value",
        Trigger::Fixture("frontmatter-invalid-value"),
    ),
    (
        "frontmatter/invalid-date",
        Trigger::Fixture("frontmatter-invalid-date"),
    ),
    (
        "frontmatter/unknown-control",
        Trigger::Fixture("frontmatter-unknown-control"),
    ),
    (
        "frontmatter/unknown-case-study",
        Trigger::Fixture("frontmatter-unknown-case-study"),
    ),
    ("case-study/dates", Trigger::Fixture("case-study-dates")),
    ("link/broken", Trigger::Fixture("link-broken")),
    ("link/outside-repo", Trigger::Fixture("link-outside-repo")),
    ("file/not-utf8", Trigger::Fixture("file-not-utf8")),
    ("file/unreadable", Trigger::Generated),
    ("config/invalid", Trigger::UsageError("config-invalid")),
    ("pack/invalid", Trigger::UsageError("pack-invalid")),
    (
        "case-study/not-production",
        Trigger::NeedsPacks("case-study-not-production"),
    ),
    (
        "case-study/too-old",
        Trigger::NeedsPacks("case-study-too-old"),
    ),
    (
        "case-study/affiliate",
        Trigger::NeedsPacks("case-study-affiliate"),
    ),
    (
        "case-study/duplicate-customer",
        Trigger::NeedsPacks("case-study-duplicate-customer"),
    ),
    (
        "case-study/too-few",
        Trigger::NeedsPacks("case-study-too-few"),
    ),
    ("program/expired", Trigger::NeedsPacks("program-expired")),
    (
        "program/superseded",
        Trigger::NeedsPacks("program-superseded"),
    ),
    (
        "wafr/high-risk-issues",
        Trigger::NeedsPacks("wafr-high-risk-issues"),
    ),
    (
        "diagram/broken-link",
        Trigger::Fixture("diagram-broken-link"),
    ),
    ("diagram/missing", Trigger::Fixture("diagram-missing")),
    (
        "diagram/no-alt-text",
        Trigger::Fixture("diagram-no-alt-text"),
    ),
    (
        "diagram/no-availability-zones",
        Trigger::Fixture("diagram-no-availability-zones"),
    ),
    (
        "diagram/no-database",
        Trigger::Fixture("diagram-no-database"),
    ),
    ("diagram/no-subnets", Trigger::Fixture("diagram-no-subnets")),
    ("diagram/no-vpc", Trigger::Fixture("diagram-no-vpc")),
    (
        "diagram/not-an-image",
        Trigger::Fixture("diagram-not-an-image"),
    ),
    ("diagram/single-az", Trigger::Fixture("diagram-single-az")),
    ("diagram/unreadable", Trigger::Fixture("diagram-unreadable")),
    (
        "diagram/unverifiable",
        Trigger::Fixture("diagram-unverifiable"),
    ),
    (
        "privacy/aws-account-id",
        Trigger::Fixture("privacy-aws-account-id"),
    ),
    (
        "privacy/customer-named",
        Trigger::Fixture("privacy-customer-named"),
    ),
    (
        "secret/aws-access-key",
        Trigger::Fixture("secret-aws-access-key"),
    ),
    (
        "secret/aws-secret-key",
        Trigger::Fixture("secret-aws-secret-key"),
    ),
    (
        "secret/connection-string",
        Trigger::Fixture("secret-connection-string"),
    ),
    ("secret/private-key", Trigger::Fixture("secret-private-key")),
    ("secret/token", Trigger::Fixture("secret-token")),
    (
        "suppression/missing-reason",
        Trigger::Fixture("suppression-missing-reason"),
    ),
    (
        "suppression/unknown-code",
        Trigger::Fixture("suppression-unknown-code"),
    ),
    ("suppression/unused", Trigger::Fixture("suppression-unused")),
    ("waiver/expired", Trigger::Fixture("waiver-expired")),
    ("waiver/unused", Trigger::Fixture("waiver-unused")),
];

/// Codes whose passing fixture is clean only once the built-in packs are loaded (it names a
/// real control ID, unknown until then).
const PASS_NEEDS_PACKS: &[&str] = &["frontmatter/unknown-control"];

fn severity(code: &str) -> Severity {
    all_codes()
        .iter()
        .find(|c| c.code == code)
        .map_or(Severity::Error, |c| c.severity)
}

fn trigger(code: &str) -> Option<Trigger> {
    TRIGGERS.iter().find(|(c, _)| *c == code).map(|(_, t)| *t)
}

#[test]
fn codes_are_unique_and_listed() {
    let codes: Vec<&str> = all_codes().iter().map(|c| c.code).collect();
    let unique: BTreeSet<&str> = codes.iter().copied().collect();
    assert_eq!(unique.len(), codes.len(), "duplicated codes in {codes:?}");
    let list: Vec<&str> = unique.into_iter().collect();
    insta::assert_snapshot!("codes__list", list.join("\n"));
}

#[test]
fn every_code_has_an_explanation_with_an_example_and_a_fix() {
    for info in all_codes() {
        let text = info.explanation;
        assert!(
            !info.summary.trim().is_empty(),
            "`{}` has no summary",
            info.code
        );
        assert!(
            text.contains("Example"),
            "`{}`: explanation has no example",
            info.code
        );
        assert!(
            text.contains("Fix"),
            "`{}`: explanation has no fix",
            info.code
        );
        let explained = run(&["explain", info.code]);
        explained.assert_exit(0);
        assert!(
            explained.stdout.contains(text.trim()),
            "`explain {}` omits the explanation",
            info.code
        );
    }
}

#[test]
fn every_code_has_a_trigger_and_every_trigger_a_code() {
    let codes: BTreeSet<&str> = all_codes().iter().map(|c| c.code).collect();
    let missing: Vec<&&str> = codes.iter().filter(|c| trigger(c).is_none()).collect();
    assert!(
        missing.is_empty(),
        "codes without a fixture in TRIGGERS: {missing:?}"
    );
    let stale: Vec<&str> = TRIGGERS
        .iter()
        .map(|(c, _)| *c)
        .filter(|c| !codes.contains(c))
        .collect();
    assert!(
        stale.is_empty(),
        "TRIGGERS names codes that no longer exist: {stale:?}"
    );
}

#[test]
fn every_fixture_triggers_its_code() {
    for (code, how) in TRIGGERS {
        match how {
            Trigger::Fixture(dir) => {
                let out = check(&fixture(&format!("{dir}/fail")), "json", &[]);
                // A warning alone does not fail the run; an error does.
                if severity(code) == Severity::Error {
                    out.assert_exit(1);
                } else {
                    assert!(matches!(out.code, 0 | 1), "`{dir}/fail`: exit {}", out.code);
                }
                assert!(
                    out.codes().iter().any(|c| c == code),
                    "`{dir}/fail` does not report `{code}`:\n{}",
                    out.stdout
                );
                if PASS_NEEDS_PACKS.contains(code) {
                    continue;
                }
                let pass = check(&fixture(&format!("{dir}/pass")), "json", &[]);
                assert!(
                    !pass.codes().iter().any(|c| c == code),
                    "`{dir}/pass` reports `{code}`:\n{}",
                    pass.stdout
                );
            }
            Trigger::UsageError(dir) => {
                let out = check(&fixture(&format!("{dir}/fail")), "json", &[]);
                out.assert_exit(2);
                assert!(
                    out.stderr.contains(&format!("[{code}]")),
                    "`{dir}/fail` does not stop with `{code}`:\n{}",
                    out.stderr
                );
                check(&fixture(&format!("{dir}/pass")), "json", &[]).assert_exit(0);
            }
            Trigger::Generated => {}
            Trigger::NeedsPacks(dir) => {
                // The fixture exists now; its test runs once the packs land.
                fixture(&format!("{dir}/fail"));
                fixture(&format!("{dir}/pass"));
            }
        }
    }
}

#[test]
fn every_pack_fixture_triggers_its_code() {
    for (code, how) in TRIGGERS {
        let Trigger::NeedsPacks(dir) = how else {
            continue;
        };
        // These fixtures carry their own `as-of:` in evidencelint.yaml.
        let out = run(&[
            "check",
            &fixture(&format!("{dir}/fail")),
            "--format",
            "json",
        ]);
        assert!(
            out.codes().iter().any(|c| c == code),
            "`{dir}/fail` does not report `{code}`:\n{}{}",
            out.stdout,
            out.stderr
        );
        let pass = run(&[
            "check",
            &fixture(&format!("{dir}/pass")),
            "--format",
            "json",
        ]);
        assert!(
            !pass.codes().iter().any(|c| c == code),
            "`{dir}/pass` reports `{code}`:\n{}",
            pass.stdout
        );
    }
}

#[test]
fn explain_link_broken() {
    let out = run(&["explain", "link/broken"]);
    out.assert_exit(0);
    assert!(out.stdout.contains("Example"));
    assert!(out.stdout.contains("Fix"));
    insta::assert_snapshot!("explain__link_broken", out.stdout);
}

#[test]
fn explain_unknown_code_is_exit_2_with_a_suggestion() {
    let out = run(&["explain", "link/brokn"]);
    out.assert_exit(2);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("did you mean `link/broken`?"),
        "{}",
        out.stderr
    );
    let out = run(&["explain", "frontmatter/unknown-kee"]);
    out.assert_exit(2);
    assert!(
        out.stderr
            .contains("did you mean `frontmatter/unknown-key`?"),
        "{}",
        out.stderr
    );
    let out = run(&["explain", "no-such-thing"]);
    out.assert_exit(2);
    assert!(
        out.stderr
            .contains("unknown code or control `no-such-thing`"),
        "{}",
        out.stderr
    );
}
