//! `report --diff-base REF` on a Git repository built in the test.

use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .current_dir(dir)
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const CASE_STUDY: &str = "---\nkind: case-study\ncustomer: Acme\nengine: rds-mysql\nstatus: production\n\
start: 2025-06-02\nend: 2025-11-28\nmanagement: partner-managed\nproject: new-application\ncontrols: [PRE-2.1]\n---\n";
const PROBLEM: &str =
    "Acme could not scale its database, so we moved it to Amazon RDS for MySQL.\n";

/// A repository whose first commit states the customer problem and has no diagram; the working
/// tree drops the problem and adds a diagram.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q"]);
    write(root, "evidencelint.yaml", "programs: [rds-sd-2025-08]\n");
    write(
        root,
        "case-studies/acme/case-study.md",
        &format!("{CASE_STUDY}# Acme\n\n{PROBLEM}"),
    );
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "first"]);
    write(
        root,
        "case-studies/acme/case-study.md",
        &format!("{CASE_STUDY}# Acme\n\nTo be written.\n"),
    );
    write(
        root,
        "case-studies/acme/architecture.md",
        "---\nkind: evidence\ncontrols: [PRE-2.2]\n---\n![diagram](arch.svg)\n",
    );
    write(
        root,
        "case-studies/acme/arch.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
    );
    dir
}

fn report(root: &Path, format: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_evidencelint"))
        .args([
            "report",
            ".",
            "--diff-base",
            "HEAD",
            "--as-of",
            "2026-01-15",
            "--color",
            "never",
            "--format",
            format,
        ])
        .current_dir(root)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn human_diff_names_newly_met_and_newly_missing_cells() {
    let dir = repository();
    let (code, out, err) = report(dir.path(), "human");
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("Readiness compared with HEAD: 1 newly met, 1 newly missing"),
        "{out}"
    );
    assert!(
        out.contains(
            "Newly met\n  ✓ PRE-2.2/diagram acme: case-studies/acme/architecture.md; was missing\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("Newly missing\n  ✗ PRE-2.1/customer-problem acme: was met\n"),
        "{out}"
    );
    assert!(out.contains("  acme: 1/"), "{out}");
}

#[test]
fn markdown_diff_links_the_evidence() {
    let dir = repository();
    let (code, out, _) = report(dir.path(), "markdown");
    assert_eq!(code, Some(0));
    assert!(out.contains("- ✅ `PRE-2.2/diagram` acme: [architecture.md](case-studies/acme/architecture.md) (was missing)"), "{out}");
    assert!(
        out.contains("- ❌ `PRE-2.1/customer-problem` acme (was met)"),
        "{out}"
    );
}

#[test]
fn diff_in_a_subdirectory_compares_that_subtree() {
    let outer = tempfile::tempdir().unwrap();
    let inner = repository();
    // Move the repository one level down, so the report root is a subdirectory of the Git root.
    let sub = outer.path().join("evidence");
    std::fs::rename(inner.path(), &sub).unwrap();
    std::fs::rename(sub.join(".git"), outer.path().join(".git")).unwrap();
    git(outer.path(), &["add", "-A"]);
    git(outer.path(), &["commit", "-q", "-m", "moved"]);
    write(
        &sub,
        "case-studies/acme/case-study.md",
        &format!("{CASE_STUDY}# Acme\n\n{PROBLEM}"),
    );
    let (code, out, err) = report(&sub, "human");
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("1 newly met, 0 newly missing"), "{out}");
}

#[test]
fn bad_revision_or_format_exits_2() {
    let dir = repository();
    let out = Command::new(env!("CARGO_BIN_EXE_evidencelint"))
        .args(["report", ".", "--diff-base", "no-such-ref"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-ref"));
    let (code, _, err) = report(dir.path(), "json");
    assert_eq!(code, Some(2));
    assert!(err.contains("human or markdown"));
}
