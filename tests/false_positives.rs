//! False-positive guard: ordinary documents (pages of the Amazon RDS user guide, prose nobody
//! here wrote) placed in a complete repository, inside a case study's folder and without
//! claiming any control, create no evidence finding; and documents claiming nothing satisfy
//! nothing.

mod common;

use std::path::Path;
use std::process::Command;

use common::copy_dir;

fn corpus_pages(limit: usize) -> Vec<std::path::PathBuf> {
    let archive = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/rds-user-guide-2023-06.tar.gz");
    let dir = tempfile::tempdir().unwrap().keep();
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(&archive)
        .arg("-C")
        .arg(&dir)
        .status()
        .expect("tar");
    assert!(status.success(), "cannot extract {}", archive.display());
    let mut pages: Vec<_> = walkdir::WalkDir::new(&dir)
        .into_iter()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| e.path().to_path_buf())
        .collect();
    pages.sort();
    pages.into_iter().step_by(13).take(limit).collect()
}

#[test]
fn ordinary_pages_in_a_case_study_create_no_evidence_findings() {
    let repo = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rds-complete"),
        repo.path(),
    );
    let target = repo
        .path()
        .join("case-studies/harbourline-logistics/background");
    std::fs::create_dir_all(&target).unwrap();
    for page in corpus_pages(40) {
        std::fs::copy(&page, target.join(page.file_name().unwrap())).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_evidencelint"))
        .args(["check", ".", "--format", "json", "--as-of", "2026-01-15"])
        .current_dir(repo.path())
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let evidence: Vec<&serde_json::Value> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d.get("control").is_some())
        .collect();
    assert!(
        evidence.is_empty(),
        "ordinary pages changed the evidence verdict: {evidence:#?}"
    );
}
