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

/// Trigger fragments, near-misses and the two Unicode case-folding characters.
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

/// Random concatenations of [`FRAGMENTS`]: the filtered scan always equals running every
/// detector.
#[test]
fn random_fragments_agree_with_every_detector() {
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

/// The secret-key detector's candidate as the trigger regex wrote it before the probe
/// replaced it: a run of exactly 40 key characters (41 after a string escape's backslash).
const KEY_CANDIDATE: &str = r"(?:\A|[^A-Za-z0-9/+]|\\[ntr])[A-Za-z0-9/+]{40}(?:[^A-Za-z0-9/+]|\z)";

fn key_candidate_regex() -> regex::bytes::Regex {
    regex::bytes::RegexBuilder::new(KEY_CANDIDATE)
        .unicode(false)
        .build()
        .unwrap()
}

/// Runs of 37 to 43 key characters at the start and end of a text, after and before every
/// kind of neighbour (escapes, CRLF, multi-byte characters), one or two to a text: the probe
/// finds exactly what the candidate pattern matched.
#[test]
fn key_candidates_are_what_the_candidate_pattern_matched() {
    let pattern = key_candidate_regex();
    let neighbours = [
        "", " ", "\n", "\r\n", "\t", "\\", "\\n", "\\t", "\\r", "\\x", "\\N", "n", "-", "é", "ſ",
        "\u{212A}", "=", "xx \\n",
    ];
    let runs: Vec<String> = (37..=43)
        .flat_map(|len| {
            [
                KEY.repeat(2)[..len].to_string(),
                "n".repeat(len),
                "+/".repeat(len)[..len].to_string(),
            ]
        })
        .collect();
    let mut found = 0;
    for before in neighbours {
        for run in &runs {
            for after in neighbours {
                for tail in ["", " AAAA", &format!(" {}", runs[3])] {
                    let text = format!("{before}{run}{after}{tail}");
                    let expected = pattern.is_match(text.as_bytes());
                    assert_eq!(
                        key_run::has_key_candidate(text.as_bytes()),
                        expected,
                        "{text:?}"
                    );
                    found += usize::from(expected);
                }
            }
        }
    }
    assert!(found > 1_000, "{found}");
}

/// Random texts of key-character runs of every length between separators, so runs start at
/// every offset from the probes: the probe agrees with the candidate pattern on each.
#[test]
fn key_candidates_at_every_offset_are_what_the_pattern_matched() {
    let pattern = key_candidate_regex();
    let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
    let mut next = |below: usize| rng.below(below);
    let (mut found, mut missed) = (0, 0);
    for _ in 0..20_000 {
        let mut text = Vec::new();
        for _ in 0..1 + next(6) {
            match next(5) {
                0 => text.extend_from_slice(b"\\n"),
                1 => text.extend_from_slice("é".as_bytes()),
                2 => text.push(b' '),
                _ => text.extend_from_slice(b"\\"),
            }
            let len = if next(2) == 0 { 38 + next(5) } else { next(90) };
            text.extend((0..len).map(|i| b"nA9/+xZ"[(i + next(7)) % 7]));
        }
        let expected = pattern.is_match(&text);
        assert_eq!(
            key_run::has_key_candidate(&text),
            expected,
            "{:?}",
            String::from_utf8_lossy(&text)
        );
        if expected { found += 1 } else { missed += 1 }
    }
    assert!(found > 2_000 && missed > 2_000, "{found} {missed}");
}

/// The set reads a text from the leftmost trigger on: it finds the triggers that reading the
/// whole text finds, on random concatenations of [`FRAGMENTS`].
#[test]
fn the_set_from_the_first_trigger_finds_every_trigger_of_the_text() {
    let (set, _) = &*SET;
    let mut texts_with_triggers = 0;
    for text in crate::secrets::tests::fragment_texts(&FRAGMENTS, 0x9E37_79B9_7F4A_7C15, 20_000, 10)
    {
        let bytes = text.as_bytes();
        let whole: Vec<usize> = set.matches(bytes).into_iter().collect();
        let Some(first) = ANY.find(bytes) else {
            assert!(whole.is_empty(), "{text:?}");
            continue;
        };
        let from_first: Vec<usize> = set.matches_at(bytes, first.start()).into_iter().collect();
        assert_eq!(from_first, whole, "{text:?}");
        texts_with_triggers += 1;
    }
    assert!(texts_with_triggers > 10_000, "{texts_with_triggers}");
}
