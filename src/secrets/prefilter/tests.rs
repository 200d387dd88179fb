//! The prefilter never skips a detector that would report something, and dismisses ordinary
//! evidence prose.

use super::*;
use crate::secrets::Scanner;

const KEY: &str = "kT9e2Vb/1qXz+R7mYw3LpQ8sHcN0uJd5FaG6oIiE";
const RSA_BODY: &str = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK";

/// Texts each detector reports on, with the detector's index in the scanner's list.
fn positives() -> Vec<(usize, String)> {
    vec![
        (
            0,
            format!("-----BEGIN RSA PRIVATE KEY-----\n{RSA_BODY}\n-----END RSA PRIVATE KEY-----"),
        ),
        (0, format!("-----BEGIN EC PRIVATE KEY-----\n{RSA_BODY}\n\nmore")),
        (1, "aws_access_key_id = AKIAZ3MSJV4WSPLDMQ4R".into()),
        (1, "X-Amz-Credential=AKIAPFXHGVDI5RNFO4AQ%2F2017".into()),
        (2, format!("aws_secret_access_key = {KEY}")),
        (2, format!("\"SecretAccessKey\": \"{KEY}\",")),
        (2, format!("Access key: AKIAZ3MSJV4WSPLDMQ4R\n\n\nSecret: {KEY}")),
        (2, format!("{{\"env\": \"AWS_SECRET_ACCESS_KEY\\n{KEY}\\nREGION=x\"}}")),
        // `ſ` is an `s` to the context regex's Unicode case folding.
        (2, format!("aws_ſecret_access_key = {KEY}")),
        (3, "postgres://app:S3cr3tPw@db.internal:5432/app".into()),
        (3, "jdbc:oracle:thin:scott/Tig3r99@//db:1521/ORCL".into()),
        (3, "JDBC:ORACLE:THIN:scott/Tig3r99@//db:1521/ORCL thin:".into()),
        (3, "Data Source=orcl;User Id=app;Pwd='a b;c9Z';".into()),
        (3, "host=db.internal port=5432 user=app password=Lp9qZt2x".into()),
        (3, "Server=db;PAſSWORD=Qw3rty!9;".into()),
        (4, "see ghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4Gu.".into()),
        (
            4,
            "slack: xoxb-2736451827-8327162534-Zq8RtY3mNp1LkW4vXs7Ab2Cd".into(),
        ),
        (
            4,
            "https://hooks.slack.com/services/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".into(),
        ),
        (
            4,
            "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk".into(),
        ),
        (5, "api_key: \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"".into()),
        (5, "**Password**: `Jq8#vL2!mZ5@xR9p`".into()),
        (5, "MasterUserPassword=Jq8vL2mZ5xR9pT4w".into()),
        (5, "<mxCell value=\"api_key=&quot;Zx81Kq0pLm72NvB4ty6R&quot;\"/>".into()),
        (5, "--master-user-password 'Xk9#mP2$vL7q' \\".into()),
        (5, "--auth-token\tZx81Kq0pLm72NvB4ty6R".into()),
        (5, "ENCRYPTION BY PASSWORD = 'U/fpGtmzGCYBi8A2+0/9qcRQRK2zmG/aOn939ZnKi/0='".into()),
    ]
}

#[test]
fn every_detector_runs_on_its_own_positives() {
    let scanner = Scanner::new();
    for (index, text) in positives() {
        assert!(
            possible(&text).has(index),
            "detector {index} skipped: {text}"
        );
        let hits = scanner.scan(&text);
        assert!(!hits.is_empty(), "{text}");
        assert_eq!(hits, scanner.scan_unfiltered(&text), "{text}");
    }
}

#[test]
fn ordinary_evidence_needs_no_detector() {
    let prose = "---\ntitle: Backup and restore\ncontrols: [RDS-009]\n---\n\n\
        # Backups\n\nWe store the database credentials in AWS Secrets Manager and rotate the key \
        every 30 days; the KMS key policy grants access to the backup role only. See \
        [the guide](https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html) \
        and the token rotation runbook. Passwords are never written down.\n\n\
        | Setting | Value |\n|---|---|\n| Retention | 35 days |\n";
    assert!(possible(prose).is_empty(), "{:?}", possible(prose));
    assert!(Scanner::new().scan(prose).is_empty());
}

/// Random concatenations of trigger fragments, near-misses and the two Unicode case-folding
/// characters: the filtered scan always equals running every detector.
#[test]
fn random_fragments_agree_with_every_detector() {
    const FRAGMENTS: [&str; 40] = [
        "password",
        "PWD",
        "token",
        "api_key",
        "secret",
        "Secret access key",
        "--",
        "=",
        ":",
        " ",
        "\t",
        "\n",
        "\\n",
        "\\",
        "n",
        "%22",
        "'",
        "\"",
        "`",
        "*",
        "@",
        "://",
        "postgres",
        "Server=x;",
        "jdbc:oracle:thin:",
        "a/",
        "AKIAZ3MSJV4WSPLDMQ4R",
        "aws",
        KEY,
        "+",
        "-----BEGIN RSA PRIVATE KEY-----",
        "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgO",
        "ghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4Gu",
        "xoxb-1-",
        "eyJhbGciOiJIUzI1",
        ".",
        "Xk9mP2vL7qZx81Kq",
        "ſ",
        "\u{212A}",
        "é",
    ];
    let scanner = Scanner::new();
    for text in crate::secrets::tests::fragment_texts(&FRAGMENTS, 0x2545_F491_4F6C_DD1D, 30_000, 10)
    {
        assert_eq!(
            scanner.scan(&text),
            scanner.scan_unfiltered(&text),
            "{text:?}"
        );
    }
}
