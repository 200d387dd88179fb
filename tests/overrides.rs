//! Severity overrides (`rules:` in evidencelint.yaml) and `check FILE...`, through the binary.

mod common;

use common::{Repo, listing};

const AS_OF: &str = "2026-01-15";

/// A repository without a program (structural checks only) with one broken link and one link
/// out of the repository, and `rules` as its config's `rules:` block.
fn with_rules(rules: &str) -> Repo {
    let repo = Repo::new();
    repo.write("evidencelint.yaml", &format!("rules:\n{rules}"))
        .write(
            "notes.md",
            "# Notes\n\n[a](missing.md)\n\n[b](../outside.md)\n",
        );
    repo
}

#[test]
fn without_overrides_links_are_errors() {
    let (code, json) = with_rules("  {}\n").json(&[]);
    assert_eq!(code, 1);
    assert_eq!(
        listing(&json),
        [
            "link/broken error notes.md:3",
            "link/outside-repo error notes.md:5"
        ]
    );
}

#[test]
fn a_prefix_lowers_every_link_code_to_a_warning() {
    let repo = with_rules("  link/: warning\n");
    let (code, json) = repo.json(&[]);
    assert_eq!(code, 0, "warnings only");
    assert_eq!(
        listing(&json),
        [
            "link/broken warning notes.md:3",
            "link/outside-repo warning notes.md:5"
        ]
    );
    assert_eq!(repo.json(&["--fail-on", "warning"]).0, 1);
}

#[test]
fn the_most_specific_name_wins_and_off_removes() {
    let (code, json) = with_rules("  link/: off\n  link/broken: error\n").json(&[]);
    assert_eq!(
        (code, listing(&json)),
        (1, vec!["link/broken error notes.md:3".to_string()])
    );
    let (code, json) = with_rules("  link/broken: off\n").json(&[]);
    assert_eq!(
        (code, listing(&json)),
        (1, vec!["link/outside-repo error notes.md:5".to_string()])
    );
}

#[test]
fn a_control_id_overrides_all_its_items() {
    let repo = Repo::from_fixtures(&["rds-complete", "adoption"]);
    let config = repo.read("evidencelint.yaml");
    repo.write(
        "evidencelint.yaml",
        &format!("{config}rules:\n  RDS-007: warning\n"),
    );
    let (_, json) = repo.json(&["--as-of", AS_OF, "--include-suppressed"]);
    let rds007: Vec<String> = listing(&json)
        .into_iter()
        .filter(|l| l.starts_with("RDS-007/"))
        .collect();
    assert_eq!(rds007.len(), 6);
    assert!(rds007.iter().all(|l| l.contains(" warning ")), "{rds007:?}");
}

#[test]
fn an_unknown_rule_name_is_a_config_error_with_did_you_mean() {
    let out = with_rules("  link/brokn: warning\n").run(&["check", "."]);
    assert_eq!(out.code, 2, "a bad config stops the run (contract §1)");
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr
            .contains("error[config/invalid]: `rules:` names unknown code `link/brokn`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("evidencelint.yaml:2:3"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `link/broken`?"),
        "{}",
        out.stderr
    );
    let out = with_rules("  link/broken: fatal\n").run(&["check", "."]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

/// `fixtures/adoption` over `fixtures/rds-complete`, without the ACCT-001 practice page (so
/// the practice items of ACCT-001 are missing: repository-wide findings, with no path).
fn scoped() -> Repo {
    let repo = Repo::from_fixtures(&["rds-complete", "adoption"]);
    std::fs::remove_file(repo.path().join("practice/account-governance.md")).unwrap();
    repo
}

fn check_files(repo: &Repo, files: &[&str]) -> (i32, serde_json::Value) {
    let mut args = vec!["check"];
    args.extend_from_slice(files);
    args.extend_from_slice(&["--format", "json", "--as-of", AS_OF]);
    let out = repo.run(&args);
    (
        out.code,
        serde_json::from_str(&out.stdout).expect(&out.stderr),
    )
}

#[test]
fn check_files_reports_those_files_and_repository_wide_findings() {
    let repo = scoped();
    let (_, all) = repo.json(&["--as-of", AS_OF]);
    let repository_wide: Vec<String> = listing(&all)
        .into_iter()
        .filter(|l| l.ends_with(" -"))
        .collect();
    assert!(
        !repository_wide.is_empty(),
        "the premise: some findings have no path"
    );

    let notes = "case-studies/harbourline-logistics/adoption-notes.md";
    let (code, json) = check_files(&repo, &[notes]);
    assert_eq!(code, 1);
    let mut expected = repository_wide.clone();
    expected.extend([
        format!("link/broken error {notes}:21"),
        format!("suppression/missing-reason warning {notes}:28"),
        format!("suppression/unused warning {notes}:31"),
    ]);
    let mut got = listing(&json);
    got.sort();
    expected.sort();
    assert_eq!(
        got, expected,
        "not the waivers in evidencelint.yaml, not other files"
    );
}

#[test]
fn check_files_still_evaluates_the_whole_repository() {
    // The case study's own file holds none of its evidence: were it linted alone, every item
    // would be missing and point at it. Its evidence is pooled from the other files.
    let repo = Repo::from_fixtures(&["rds-complete"]);
    let (code, json) = check_files(&repo, &["case-studies/meridian-telehealth/case-study.md"]);
    assert_eq!((code, listing(&json)), (0, Vec::<String>::new()));
    // And findings of other files are left out, while their own file shows them.
    let repo = Repo::from_fixtures(&["rds-complete", "adoption"]);
    let (_, json) = check_files(&repo, &["case-studies/meridian-telehealth/case-study.md"]);
    assert_eq!(listing(&json), Vec::<String>::new());
    let (_, json) = check_files(
        &repo,
        &[
            "case-studies/meridian-telehealth/handover.md",
            "--include-suppressed",
        ],
    );
    assert_eq!(
        listing(&json),
        [
            "link/broken error case-studies/meridian-telehealth/handover.md:7 [waiver: the handover checklist is published in the customer's wiki first]"
        ]
    );
}

/// A repository with broken links in `sub/a.md` and `sub/deep/b.md`, and one waiver for
/// `code` limited to `path`.
fn with_waiver(code: &str, path: &str) -> Repo {
    let repo = Repo::new();
    repo.write(
        "evidencelint.yaml",
        &format!(
            "waivers:\n  - code: {code}\n    path: \"{path}\"\n    reason: moved\n    owner: a@example.com\n    expires: 2030-01-01\n"
        ),
    )
    .write("sub/a.md", "# A\n\n[a](missing.md)\n")
    .write("sub/deep/b.md", "# B\n\n[b](missing.md)\n");
    repo
}

#[test]
fn a_waiver_path_glob_matches_like_include_and_exclude() {
    // `*` stays within a folder; `**` crosses folders.
    let (code, json) = with_waiver("link/broken", "sub/*.md").json(&[]);
    assert_eq!(
        (code, listing(&json)),
        (1, vec!["link/broken error sub/deep/b.md:3".to_string()])
    );
    let (code, json) = with_waiver("link/broken", "sub/**/*.md").json(&[]);
    assert_eq!((code, listing(&json)), (0, Vec::<String>::new()));
}

#[test]
fn a_waiver_for_an_unknown_code_is_a_config_error_with_did_you_mean() {
    let out = with_waiver("link/brokn", "sub/*.md").run(&["check", "."]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("a waiver names unknown code `link/brokn`"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("did you mean `link/broken`?"),
        "{}",
        out.stderr
    );
    let out = with_waiver("link/brokn", "sub/*.md").run(&["report", "."]);
    assert_eq!(out.code, 2, "report cannot run either: {}", out.stderr);
}
