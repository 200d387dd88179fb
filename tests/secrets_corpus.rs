//! The secret scanner over the real Amazon RDS User Guide (June 2023 snapshot): AWS's own
//! documentation is full of example keys, ARNs and connection strings, so it is the harshest
//! false-positive test we have.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use evidencelint::secrets::{Scanner, find_account_ids};

const CORPUS: &str = "/work/shared/corpora/rds-user-guide-2023-06.tar.gz";

/// Extracts the corpus into a fresh temporary directory and returns `(dir guard, files)`.
fn corpus() -> (tempfile::TempDir, Vec<(String, String)>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let status = Command::new("tar")
        .arg("-xzf")
        .arg(CORPUS)
        .arg("-C")
        .arg(dir.path())
        .status()
        .expect("run tar");
    assert!(status.success(), "tar failed");
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir.path()).sort_by_file_name() {
        let entry = entry.expect("walk");
        if !entry.file_type().is_file() {
            continue;
        }
        let bytes = std::fs::read(entry.path()).expect("read");
        let Ok(text) = String::from_utf8(bytes) else {
            continue;
        };
        files.push((relative(dir.path(), entry.path()), text));
    }
    assert!(
        files.len() > 600,
        "corpus looks truncated: {} files",
        files.len()
    );
    (dir, files)
}

fn relative(root: &Path, path: &Path) -> String {
    let rel: PathBuf = path.strip_prefix(root).expect("under root").to_path_buf();
    rel.to_string_lossy().replace('\\', "/")
}

/// Every `secret/*` hit in the guide, each inspected by hand. The guide's many documented
/// example credentials (`AKIAIOSFODNN7EXAMPLE`, `AKIAI44QH8DHBEXAMPLE`,
/// `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, `…EXAMPLEKEY` KMS key IDs) are *not* here: values
/// containing `EXAMPLE` are documented examples by policy. What remains would be a real leak if
/// a consultant pasted it into evidence, so reporting it is correct. (`TestPa$$word#1` in
/// `SQLServer.ReadReplicas.md` is not here: it spells "password", so it is a placeholder.)
const EXPECTED_SECRET_HITS: [(&str, &str, &str); 4] = [
    // A literal linked-server password in a SQL example (`@rmtpassword='Test#1234'`): weak,
    // but a literal password all the same; pasted into evidence it must be redacted.
    (
        "rds-user-guide/doc_source/Appendix.SQLServer.Options.LinkedServers_Oracle_OLEDB.md",
        "secret/token",
        "Test#1234",
    ),
    // A literal, high-entropy password assigned to `PASSWORD` in a TDE certificate backup
    // example (`ENCRYPTION BY PASSWORD = '…'`). Not `EXAMPLE`-marked, so it is indistinguishable
    // from a real one.
    (
        "rds-user-guide/doc_source/Appendix.SQLServer.Options.TDE.md",
        "secret/token",
        "U/fpGtmzGCYBi8A2+0/9qcRQRK2zmG/aOn939ZnKi/0=",
    ),
    // An STS session token in an `X-Amz-Security-Token:` header of a signed REST request.
    (
        "rds-user-guide/doc_source/DownloadCompleteDBLogFile.md",
        "secret/token",
        "AQoDYXdzEIH//////////wEa0AIXLhngC5zp9CyB1R6abwKrXHVR5efnAVN3XvR7IwqKYalFSn6UyJuEFTft9nObglx4QJ+GXV9cpACkETq=",
    ),
    // A real-format access key ID in `X-Amz-Credential=` of a presigned IAM auth token; no
    // `EXAMPLE` marker. A key ID names a live credential, so evidence must not carry it.
    (
        "rds-user-guide/doc_source/UsingWithRDS.IAMDBAuth.Connecting.Java.md",
        "secret/aws-access-key",
        "AKIAPFXHGVDI5RNFO4AQ",
    ),
];

#[test]
fn rds_user_guide_has_only_justified_secret_hits() {
    let (_dir, files) = corpus();
    let scanner = Scanner::new();
    let mut found = Vec::new();
    for (path, text) in &files {
        for hit in scanner.scan(text) {
            assert!(!hit.masked.contains(&text[hit.span.clone()]), "{hit:?}");
            found.push((path.clone(), hit.kind.code(), text[hit.span].to_string()));
        }
    }
    let expected: Vec<(String, &str, String)> = EXPECTED_SECRET_HITS
        .iter()
        .map(|&(p, c, v)| (p.to_string(), c, v.to_string()))
        .collect();
    assert_eq!(found, expected);
}

/// The prefilter in front of the detectors skips none of their hits: on every page of the
/// guide (thousands of near-misses), `scan` equals running every detector on the whole page.
#[test]
fn rds_user_guide_prefilter_skips_nothing() {
    let (_dir, files) = corpus();
    let scanner = Scanner::new();
    for (path, text) in &files {
        assert_eq!(scanner.scan(text), scanner.scan_unfiltered(text), "{path}");
    }
}

/// The 12-digit account IDs the guide uses, in ARNs, `--…-owner-id` options, EventBridge
/// `"account"` fields, S3 paths and placeholder endpoint host names
/// (`mypginstance.555555555555.aws-region.rds.amazonaws.com`).
const EXPECTED_ACCOUNT_IDS: [&str; 16] = [
    "001234567890",
    "012345678912",
    "111111111111",
    "111122221111",
    "111122223333",
    "123456789012",
    "123456789102",
    "123456789123",
    "222222222222",
    "444455556666",
    "555555555555",
    "666666666666",
    "732027699161",
    "806242271698",
    "868710585169",
    "987654321021",
];

#[test]
fn rds_user_guide_account_ids_are_real_account_ids() {
    let (_dir, files) = corpus();
    let mut ids = BTreeSet::new();
    let mut sixes = 0;
    for (_path, text) in &files {
        for span in find_account_ids(text) {
            let id = &text[span];
            // Decimals such as `0.5166666666666667` must not count; the one real use is a host.
            if id == "666666666666" {
                sixes += 1;
            }
            ids.insert(id.to_string());
        }
    }
    let expected: BTreeSet<String> = EXPECTED_ACCOUNT_IDS.iter().map(|s| s.to_string()).collect();
    // Not found: the `202110202230` log-file timestamp, `b441901545441d3c…` inside a signature.
    assert_eq!(ids, expected);
    assert_eq!(sixes, 1);
}
