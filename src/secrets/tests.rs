//! Scanner-level tests: detector priority, overlap removal, redaction and the negative table.

use super::*;

/// `count` texts of up to `longest - 1` fragments each, picked by the tests' seeded
/// generator (deterministic, no dependency).
pub(super) fn fragment_texts(
    fragments: &'static [&'static str],
    seed: u64,
    count: usize,
    longest: usize,
) -> impl Iterator<Item = String> {
    let mut rng = crate::test_rng::Rng(seed);
    (0..count).map(move |_| rng.text(fragments, longest - 1))
}

#[test]
fn codes_are_unique_and_namespaced() {
    let codes: Vec<&str> = SecretKind::ALL.iter().map(SecretKind::code).collect();
    let mut sorted = codes.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), codes.len());
    assert!(codes.iter().all(|c| c.starts_with("secret/")));
}

#[test]
fn scan_sorts_and_prefers_specific_detectors() {
    let text = "aws_access_key_id = AKIAZ3MSJV4WSPLDMQ4R\n\
                aws_secret_access_key = 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\n\
                url: postgres://app:ghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4Gu@db/app\n\
                token: ghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4Gu\n";
    let hits = Scanner::new().scan(text);
    let kinds: Vec<SecretKind> = hits.iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [
            SecretKind::AwsAccessKey,
            SecretKind::AwsSecretKey,
            SecretKind::ConnectionString,
            SecretKind::Token,
        ]
    );
    for pair in hits.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
    let redacted = redact(text, &hits);
    assert_eq!(
        redacted,
        "aws_access_key_id = AKIA…MQ4R\n\
         aws_secret_access_key = kT9e…oIiE\n\
         url: postgres://app:****@db/app\n\
         token: ghp_…e4Gu\n"
    );
}

#[test]
fn masked_forms_never_contain_the_middle() {
    let text =
        "AKIAZ3MSJV4WSPLDMQ4R aws_secret_access_key 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";
    for hit in Scanner::new().scan(text) {
        let value = &text[hit.span.clone()];
        let middle = &value[4..value.len() - 4];
        assert!(!hit.masked.contains(middle), "{hit:?}");
        assert!(hit.masked.chars().filter(|&c| c != '…').count() <= 8);
    }
}

/// AWS documentation prose and evidence boilerplate that must produce no hit at all.
#[test]
fn negative_table() {
    let cases = [
        "arn:aws:iam::123456789012:role/rds-monitoring-role",
        "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12cd-34ef-56ab-1234567890ab",
        "Commit 3f786850e387550fdab836ed7e6dc881de23001b fixed it (sha1).",
        "Request ID: 5c2a7a06-1f0b-4b5a-9c4e-0f9a2b3c4d5e",
        "postgres://mydb.cluster-abc.us-east-1.rds.amazonaws.com:5432/app",
        "postgres://app@mydb.cluster-abc.us-east-1.rds.amazonaws.com/app",
        "DATABASE_URL=postgresql://app:${PASSWORD}@db/app",
        "Call +1 206-555-0100 or +441234567890.",
        "Snapshot taken 202501011230.",
        "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
        "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "Use a secret access key and an access key ID to sign requests.",
        "The `MasterUserPassword` parameter sets the password: see docs.",
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
        "Pneumonoultramicroscopicsilicovolcanoconiosis is a long word.",
        "[See encryption](#encryption-at-rest-with-aws-kms-keys-2024)",
        "![arch](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==)",
        "https://github.com/org/repo/commit/3f786850e387550fdab836ed7e6dc881de23001b",
        "-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ\n-----END CERTIFICATE-----",
    ];
    let scanner = Scanner::new();
    for text in cases {
        assert_eq!(scanner.scan(text), vec![], "{text}");
    }
}

/// Every prefix and suffix of a text dense with near-misses and multi-byte characters: no
/// panic, spans on character boundaries, sorted, disjoint, masks short.
#[test]
fn truncations_never_panic_and_spans_stay_valid() {
    let text = "épassword=Xk9mP2vL7q\u{3000}123456789012 €token: Zx81Kq0pLm72NvB4ty6R é password=\"Jq8#vL2!mZ5@xR9p€\" -----BEGIN RSA PRIVATE KEY-----\n\
                MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n\
                -----END RSA PRIVATE KEY-----€ postgres://a:Zz9é@h Server=x;Pwd={é9Zq;};\n\
                AKIAZ3MSJV4WSPLDMQ4R😀 aws_secret kT9e2Vb/1qXz+R7mYw3LpQ8sHcN0uJd5FaG6oIiE\\n\
                Account: 1234-5678-90€ arn:aws:iam::123456789012:😀 token: 'ab\ncd' ghp_é";
    let scanner = Scanner::new();
    let kinds: Vec<SecretKind> = scanner.scan(text).iter().map(|h| h.kind).collect();
    assert_eq!(
        kinds,
        [
            SecretKind::Token,
            SecretKind::Token,
            SecretKind::Token,
            SecretKind::PrivateKey,
            SecretKind::ConnectionString,
            SecretKind::ConnectionString,
            SecretKind::AwsAccessKey,
            SecretKind::AwsSecretKey,
        ]
    );
    let boundaries: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    for &i in &boundaries {
        for piece in [&text[..i], &text[i..]] {
            let hits = scanner.scan(piece);
            for pair in hits.windows(2) {
                assert!(pair[0].span.end <= pair[1].span.start, "{piece:?}");
            }
            for hit in &hits {
                assert!(
                    piece.is_char_boundary(hit.span.start) && piece.is_char_boundary(hit.span.end)
                );
                assert!(hit.masked.chars().filter(|&c| c != '…').count() <= 8);
            }
            redact(piece, &hits);
            for span in find_account_ids(piece) {
                assert!(piece[span].bytes().all(|b| b.is_ascii_digit() || b == b'-'));
            }
        }
    }
}

/// Random concatenations of syntax fragments and multi-byte characters (a deterministic
/// xorshift, so failures reproduce): no panic, and every span is valid, sorted and disjoint.
#[test]
fn random_fragments_never_panic() {
    const FRAGMENTS: [&str; 44] = [
        "password",
        "Pwd",
        "token",
        "api_key",
        "secret",
        "--",
        "=",
        ":",
        " ",
        "\t",
        "\n",
        "\\n",
        "é",
        "\u{3000}",
        "€",
        "😀",
        "'",
        "\"",
        "`",
        "{",
        "}",
        "&quot;",
        "%22",
        "@",
        "://",
        "postgres",
        "Server=x;",
        "AKIAZ3MSJV4WSPLDMQ4R",
        "aws_secret",
        "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",
        "-----BEGIN RSA PRIVATE KEY-----",
        "-----END RSA PRIVATE KEY-----",
        "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgO",
        "123456789012",
        "account",
        "-",
        "\\-",
        "abcd",
        "vpce",
        "1234-5678-9012",
        "arn:aws:iam::",
        "Xk9mP2vL7qZx81Kq",
        "ghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4Gu",
        "hooks.slack.com/services/T0ABCDE12/B0FGHIJ34/",
    ];
    let scanner = Scanner::new();
    for text in fragment_texts(&FRAGMENTS, 0x9E37_79B9_7F4A_7C15, 20_000, 12) {
        let hits = scanner.scan(&text);
        for pair in hits.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start, "{text:?}");
        }
        for hit in &hits {
            assert!(text.is_char_boundary(hit.span.start) && text.is_char_boundary(hit.span.end));
        }
        redact(&text, &hits);
        for span in find_account_ids(&text) {
            assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}
