//! Adopting evidencelint on a repository that is not ready yet (contract §7), end to end
//! through the binary: `fixtures/adoption` (every kind of inline suppression and waiver) laid
//! over `fixtures/rds-complete` in a temporary folder, severity overrides, and `check FILE...`.

mod common;

use common::{Repo, listing};

/// The date the fixture is judged against: the path waiver (2025-12-31) has expired.
const AS_OF: &str = "2026-01-15";

/// `fixtures/rds-complete` with `fixtures/adoption` copied over it.
fn adoption() -> Repo {
    Repo::from_fixtures(&["rds-complete", "adoption"])
}

const NOTES: &str = "case-studies/harbourline-logistics/adoption-notes.md";

#[test]
fn reports_exactly_the_unsilenced_findings() {
    let repo = adoption();
    let (code, json) = repo.json(&["--as-of", AS_OF]);
    assert_eq!(code, 1, "a link error and an expired waiver are errors");
    assert_eq!(
        listing(&json),
        [
            // After `evidencelint-enable link/`, links are checked again; the path waiver
            // that covered this file expired on 2025-12-31.
            format!("link/broken error {NOTES}:21"),
            format!("suppression/missing-reason warning {NOTES}:28"),
            format!("suppression/unused warning {NOTES}:31"),
            "waiver/expired error evidencelint.yaml:20".to_string(),
            "waiver/unused warning evidencelint.yaml:21".to_string(),
        ]
    );
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["summary"]["warnings"], 3);
}

#[test]
fn human_output_snapshot() {
    let repo = adoption();
    let out = repo.run(&["check", ".", "--as-of", AS_OF]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    insta::assert_snapshot!("adoption__human", out.stdout);
}

#[test]
fn include_suppressed_shows_how_each_finding_was_silenced() {
    let repo = adoption();
    let (code, json) = repo.json(&["--as-of", AS_OF, "--include-suppressed"]);
    assert_eq!(code, 1);
    let silenced: Vec<String> = listing(&json)
        .into_iter()
        .filter(|l| l.contains(" ["))
        .collect();
    let meridian_reason = "environments are documented in the customer's own wiki; copy requested";
    let waiver_reason = "non-production runbook is being rewritten for the new Terraform modules";
    let harbour = "case-studies/harbourline-logistics/non-production.md:3";
    let meridian = "case-studies/meridian-telehealth/non-production.md:3";
    assert_eq!(
        silenced,
        [
            // disable-next-line by code
            format!("link/broken error {NOTES}:10 [inline: the runbook is published with the release]"),
            // disable … enable by prefix `link/`
            format!("link/broken error {NOTES}:15 [inline: the legacy wiki export is being migrated]"),
            format!("link/outside-repo error {NOTES}:16 [inline: the legacy wiki export is being migrated]"),
            // disable-next-line by control ID (diagram/broken-link is about PRE-2.2)
            format!("diagram/broken-link error {NOTES}:26 [inline: the 2024 diagram is being redrawn in draw.io]"),
            // without a reason: still silences, and is reported itself
            format!("link/broken error {NOTES}:29 [inline: ]"),
            // waiver by control ID and case study
            format!("RDS-007/access-segregation error {harbour} [waiver: {waiver_reason}]"),
            format!("RDS-007/data-sanitization warning {harbour} [waiver: {waiver_reason}]"),
            format!("RDS-007/environment-provisioning error {harbour} [waiver: {waiver_reason}]"),
            // waiver by code and path glob
            "link/broken error case-studies/meridian-telehealth/handover.md:7 [waiver: the handover checklist is published in the customer's wiki first]".to_string(),
            // `disable RDS-007` first in the body also covers the `controls:` line
            format!("RDS-007/access-segregation error {meridian} [inline: {meridian_reason}]"),
            format!("RDS-007/data-sanitization warning {meridian} [inline: {meridian_reason}]"),
            format!("RDS-007/environment-provisioning error {meridian} [inline: {meridian_reason}]"),
        ]
    );
    // Silenced findings are listed, not counted.
    assert_eq!(json["summary"]["errors"], 2);
    let first = &json["diagnostics"][0];
    assert_eq!(
        first["suppressed"],
        serde_json::json!({"kind": "inline", "reason": "the runbook is published with the release"})
    );
}

#[test]
fn a_waiver_silences_until_it_expires() {
    let repo = adoption();
    let (code, json) = repo.json(&["--as-of", "2025-12-31"]);
    assert_eq!(code, 0, "on its last day the waiver still holds");
    assert_eq!(
        listing(&json),
        [
            format!("suppression/missing-reason warning {NOTES}:28"),
            format!("suppression/unused warning {NOTES}:31"),
            "waiver/unused warning evidencelint.yaml:21".to_string(),
        ]
    );
    let (code, json) = repo.json(&["--as-of", "2026-01-01"]);
    assert_eq!(code, 1);
    let codes = common::codes(&json);
    assert!(codes.contains(&"waiver/expired".to_string()));
    assert!(codes.contains(&"link/broken".to_string()));
}

#[test]
fn without_the_overlay_the_base_repository_is_clean() {
    // Guards the premise of these tests: every finding above comes from fixtures/adoption.
    let repo = Repo::from_fixtures(&["rds-complete"]);
    let (code, json) = repo.json(&["--as-of", AS_OF]);
    assert_eq!((code, listing(&json)), (0, Vec::<String>::new()));
}

/// Inserts `lines` after the front matter of `rel` (the findings below move down).
fn insert_after_front_matter(repo: &Repo, rel: &str, lines: &str) {
    let text = repo.read(rel);
    let end = text[3..].find("---\n").unwrap() + 3 + 4;
    repo.write(rel, &format!("{}{lines}{}", &text[..end], &text[end..]));
}

#[test]
fn write_baseline_then_baseline_hides_the_old_findings() {
    let repo = adoption();
    let out = repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--write-baseline",
        "baseline.json",
    ]);
    assert_eq!(
        out.code, 0,
        "writing a baseline is not a gate: {}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("wrote 5 findings to the baseline baseline.json"),
        "{}",
        out.stderr
    );
    let baseline: serde_json::Value = serde_json::from_str(&repo.read("baseline.json")).unwrap();
    let entries = baseline["findings"].as_array().unwrap();
    assert_eq!(entries.len(), 5);
    assert!(
        entries.iter().all(|e| e.get("line").is_none()),
        "no line numbers"
    );

    let (code, json) = repo.json(&["--as-of", AS_OF, "--baseline", "baseline.json"]);
    assert_eq!((code, listing(&json)), (0, Vec::<String>::new()));
    assert_eq!(json["summary"]["baselined"], 5);
    assert!(json["summary"].get("baseline_fixed").is_none());
    let human = repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--baseline",
        "baseline.json",
    ]);
    assert_eq!(human.code, 0);
    assert!(
        human.stdout.contains("ok: 0 errors, 0 warnings in 36 files (5 hidden by the baseline, 0 baseline entries now fixed)"),
        "{}",
        human.stdout
    );
}

#[test]
fn a_new_finding_is_shown_and_a_moved_one_stays_baselined() {
    let repo = adoption();
    repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--write-baseline",
        "baseline.json",
    ]);
    // Three lines above every finding of the notes: the broken link moves from line 21 to 24.
    insert_after_front_matter(&repo, NOTES, "Reviewed in January.\n\nSee also:\n");
    // A new broken link, with the same code as a baselined one, in another file.
    let summary = "case-studies/harbourline-logistics/summary.md";
    let text = repo.read(summary);
    repo.write(
        summary,
        &format!("{text}\nThe [press release](press-release.md) is linked here.\n"),
    );
    let (code, json) = repo.json(&["--as-of", AS_OF, "--baseline", "baseline.json"]);
    assert_eq!(code, 1, "the new broken link fails the run");
    let new_line = repo.read(summary).lines().count();
    assert_eq!(
        listing(&json),
        [format!("link/broken error {summary}:{new_line}")]
    );
    assert_eq!(
        json["summary"]["baselined"], 5,
        "the moved findings are still hidden"
    );
    // Without the baseline, the moved finding is there, three lines down.
    let (_, all) = repo.json(&["--as-of", AS_OF]);
    assert!(listing(&all).contains(&format!("link/broken error {NOTES}:24")));
}

#[test]
fn fixed_entries_are_counted_and_pruned_by_write_baseline() {
    let repo = adoption();
    repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--write-baseline",
        "baseline.json",
    ]);
    // Fix two findings: the broken link after the block, and the unused suppression.
    let text = repo
        .read(NOTES)
        .replace(
            "- [cost workbook](legacy/cost-workbook.md)",
            "- cost workbook: in the customer's drive",
        )
        .replace(
            "<!-- evidencelint-disable-next-line link/outside-repo -- kept for the old wiki -->\n",
            "",
        );
    repo.write(NOTES, &text);
    let (code, json) = repo.json(&["--as-of", AS_OF, "--baseline", "baseline.json"]);
    assert_eq!((code, listing(&json)), (0, Vec::<String>::new()));
    assert_eq!(json["summary"]["baselined"], 3);
    assert_eq!(json["summary"]["baseline_fixed"], 2);
    let human = repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--baseline",
        "baseline.json",
    ]);
    assert!(
        human
            .stdout
            .contains("(3 hidden by the baseline, 2 baseline entries now fixed)"),
        "{}",
        human.stdout
    );

    // Rewriting the baseline (even while reading it) keeps only what is still found.
    let out = repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--baseline",
        "baseline.json",
        "--write-baseline",
        "baseline.json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let baseline: serde_json::Value = serde_json::from_str(&repo.read("baseline.json")).unwrap();
    let codes: Vec<&str> = baseline["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        [
            "suppression/missing-reason",
            "waiver/expired",
            "waiver/unused"
        ]
    );
    let (_, json) = repo.json(&["--as-of", AS_OF, "--baseline", "baseline.json"]);
    assert_eq!(json["summary"]["baselined"], 3);
    assert!(json["summary"].get("baseline_fixed").is_none());
}

#[test]
fn an_unreadable_baseline_stops_the_run() {
    let repo = adoption();
    repo.write("baseline.json", "not json");
    let out = repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--baseline",
        "baseline.json",
    ]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("baseline `baseline.json` is not valid"),
        "{}",
        out.stderr
    );
}

#[test]
fn write_baseline_records_the_whole_repository_even_when_files_are_named() {
    let repo = adoption();
    let out = repo.run(&[
        "check",
        "case-studies/meridian-telehealth/handover.md",
        "--as-of",
        AS_OF,
        "--write-baseline",
        "baseline.json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let baseline: serde_json::Value = serde_json::from_str(&repo.read("baseline.json")).unwrap();
    assert_eq!(baseline["findings"].as_array().unwrap().len(), 5);
}

#[test]
fn changed_since_reports_the_files_git_sees_changed() {
    let repo = adoption();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
            .args(args)
            .current_dir(repo.path())
            .output()
            .expect("git runs");
        assert!(
            status.status.success(),
            "{}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-qm", "base"]);
    let summary = "case-studies/harbourline-logistics/summary.md";
    let text = repo.read(summary);
    repo.write(
        summary,
        &format!("{text}\nThe [press release](press-release.md).\n"),
    );
    let (code, json) = repo.json(&["--as-of", AS_OF, "--changed-since", "HEAD"]);
    assert_eq!(code, 1);
    let line = repo.read(summary).lines().count();
    assert_eq!(
        listing(&json),
        [format!("link/broken error {summary}:{line}")]
    );
}

#[test]
fn include_suppressed_changes_only_the_json() {
    let repo = adoption();
    for format in ["human", "github", "sarif"] {
        let plain = repo.run(&["check", ".", "--as-of", AS_OF, "--format", format]);
        let with = repo.run(&[
            "check",
            ".",
            "--as-of",
            AS_OF,
            "--format",
            format,
            "--include-suppressed",
        ]);
        assert_eq!((with.code, &with.stdout), (1, &plain.stdout), "{format}");
    }
    // The SARIF written beside the JSON does not list them either.
    let out = repo.run(&[
        "check",
        ".",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--include-suppressed",
        "--sarif-file",
        "out.sarif",
    ]);
    assert!(out.stdout.contains("\"suppressed\""));
    let sarif: serde_json::Value = serde_json::from_str(&repo.read("out.sarif")).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 5);
}

#[test]
fn enable_ends_only_the_codes_it_names() {
    let repo = Repo::new();
    repo.write(
        "notes.md",
        "# Notes\n\n\
         <!-- evidencelint-disable link/broken, link/outside-repo -- legacy export -->\n\
         [a](missing-a.md)\n\
         <!-- evidencelint-enable link/broken -->\n\
         [b](../outside.md)\n\
         [c](missing-c.md)\n",
    );
    let (code, json) = repo.json(&["--include-suppressed"]);
    assert_eq!(code, 1);
    assert_eq!(
        listing(&json),
        [
            "link/broken error notes.md:4 [inline: legacy export]",
            "link/outside-repo error notes.md:6 [inline: legacy export]",
            "link/broken error notes.md:7",
        ]
    );
}
