//! AWS access key IDs and IAM unique identifiers: `AKIA`/`ASIA`/`AGPA`/`AIDA`/`AROA`/`ANPA`/
//! `ANVA`/`AIPA` followed by 16 uppercase letters or digits, as a whole token.
//!
//! An access key ID alone cannot sign requests, but it names a live credential, it is usually
//! pasted next to its secret, and evidence must not carry it. Documented examples
//! (`AKIAIOSFODNN7EXAMPLE`) are skipped: see [`super::is_documented_example`].

use std::sync::LazyLock;

use regex::Regex;

use super::heuristics::{is_documented_example, whole_token};
use super::{SecretHit, SecretKind};

/// The key-ID shape; token boundaries are checked by hand (the regex crate has no lookaround
/// and `\b` treats `_` as a word character).
pub(crate) static ACCESS_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}").expect("valid regex")
});

/// Byte spans of every key-shaped token, documented examples included (used as context by the
/// secret-key detector).
pub(crate) fn key_shaped(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    ACCESS_KEY
        .find_iter(text)
        .map(|m| m.range())
        .filter(|span| whole_token(text, span, |b| b.is_ascii_alphanumeric()))
}

/// Pushes a hit for every access key ID in `text` that is not a documented example.
pub(crate) fn find(text: &str, out: &mut Vec<SecretHit>) {
    for span in key_shaped(text) {
        if !is_documented_example(&text[span.clone()]) {
            out.push(SecretHit::masked_from(SecretKind::AwsAccessKey, text, span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|h| (h.span, h.masked)).collect()
    }

    #[test]
    fn positives() {
        let cases = [
            (
                "aws_access_key_id = AKIAZ3MSJV4WSPLDMQ4R",
                20..40,
                "AKIA…MQ4R",
            ),
            (
                "\"AccessKeyId\": \"ASIAY34FZKBOKMUTVV7A\",",
                16..36,
                "ASIA…VV7A",
            ),
            ("key_AKIAZ3MSJV4WSPLDMQ4R", 4..24, "AKIA…MQ4R"),
            (
                "X-Amz-Credential=AKIAPFXHGVDI5RNFO4AQ%2F2017",
                17..37,
                "AKIA…O4AQ",
            ),
            (
                "role AROAJ2UCCR6DPCEXAMPLE? no; AROAJ2UCCR6DPCQ7ABCD",
                32..52,
                "AROA…ABCD",
            ),
        ];
        for (text, span, masked) in cases {
            assert_eq!(spans(text), vec![(span, masked.to_string())], "{text}");
        }
    }

    #[test]
    fn negatives() {
        let cases = [
            "AKIAIOSFODNN7EXAMPLE",
            "AKIAI44QH8DHBEXAMPLE",
            "AKIAZ3MSJV4WSPLDMQ4",
            "AKIAZ3MSJV4WSPLDMQ4RX",
            "xAKIAZ3MSJV4WSPLDMQ4R",
            "akiaz3msjv4wspldmq4r",
            "AKIA-style keys start with AKIA",
        ];
        for text in cases {
            assert_eq!(spans(text), vec![], "{text}");
        }
    }
}
