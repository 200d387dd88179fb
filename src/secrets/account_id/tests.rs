//! Tests of account ID finding.

use super::*;

fn ids(text: &str) -> Vec<&str> {
    find_account_ids(text)
        .into_iter()
        .map(|r| &text[r])
        .collect()
}

#[test]
fn twelve_digits_finds_what_the_regex_finds() {
    let regex = regex::Regex::new(r"[0-9]{12}").expect("valid regex");
    let digits = "0123456789".repeat(4);
    for len in 0..digits.len() {
        for text in [
            digits[..len].to_string(),
            format!("a{}b 12 {}", &digits[..len], &digits[len..]),
            format!("é{}€9", &digits[..len]),
        ] {
            let want: Vec<_> = regex.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(twelve_digits(text.as_bytes()).collect::<Vec<_>>(), want);
        }
    }
}

#[test]
fn positives() {
    let cases: &[(&str, &[&str])] = &[
        ("arn:aws:iam::123456789012:role/x", &["123456789012"]),
        (
            "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12cd-34ef-56ab-1234567890ab",
            &["111122223333"],
        ),
        ("account `444455556666`.", &["444455556666"]),
        ("Account ID: 1234-5678-9012", &["1234-5678-9012"]),
        (
            "--ec2-security-group-owner-id 987654321021",
            &["987654321021"],
        ),
        (
            "host mypg.555555555555.aws-region.rds.amazonaws.com",
            &["555555555555"],
        ),
        ("s3://bucket/806242271698/cev1/", &["806242271698"]),
        ("\"account\": \"012345678912\"", &["012345678912"]),
        ("OwnerId: 210987654321", &["210987654321"]),
        (
            "ARN\u{3000}arn:aws:iam::210987654321:root",
            &["210987654321"],
        ),
        (
            "psql --host=222222222222.aws-region.rds.amazonaws.com",
            &["222222222222"],
        ),
        ("aws:SourceAccount = '210987654321'", &["210987654321"]),
        ("\"recipientAccountId\":\"210987654321\"", &["210987654321"]),
        ("{\"ids\": \"a\\n210987654321\\n\"}", &["210987654321"]),
    ];
    for (text, want) in cases {
        assert_eq!(ids(text), *want, "{text}");
    }
}

#[test]
fn negatives() {
    let cases = [
        "1234567890123",
        "call +441234567890 now",
        "Mobile: 447700900123",
        "\"eventID\": \"33333333-bcde-5555-bcde-444444444444\"",
        "key/1234abcd-12cd-34ef-56ab-123456789012",
        "ask.skill.a3103cee\\-c48c\\-40a0\\-a2c9\\-251141888863",
        "us-west-2a:vpce-987654321098",
        "\"FreeStorageSpace\": 107374182400,",
        "size: 549755813888 bytes",
        "Volume is 549755813888 B",
        "tel:001206555010",
        "value 0.5166666666666667",
        "signature b441901545441d3c",
        "file 202110202230.11.1634769287",
        "at 202501011230 UTC",
        "card 1234-5678-9012-3456 for account",
        "serial 1234-5678-9012",
        "ORD_123456789012",
        "12345678901",
    ];
    for text in cases {
        assert_eq!(ids(text), Vec::<&str>::new(), "{text}");
    }
}
