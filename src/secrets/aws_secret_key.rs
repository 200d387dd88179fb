//! AWS secret access keys: 40 characters of `[A-Za-z0-9/+]` as a whole token, reported only
//! with AWS context within three lines (a name such as `aws_secret_access_key`,
//! `SecretAccessKey`, `secret access key`, `AWS_SECRET`, or an access key ID).
//!
//! A bare 40-character string is far more often a git SHA, a SHA-1 or a path, so the value must
//! also look random: lower case, upper case and a digit or `/`/`+`, and at least 4 bits of
//! entropy per character. A 40-character hex string is never reported.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::aws_access_key::key_shaped;
use super::heuristics::{Classes, is_documented_example, shannon_entropy, whole_token};
use super::{SecretHit, SecretKind};
use crate::source::line_starts;

/// How many lines above or below a candidate the AWS context may be.
const CONTEXT_LINES: usize = 3;

/// A run of 40 or more key characters, after an optional string escape (`\n`) so that the
/// escape's `n` is not taken for the first character of the run.
static CANDIDATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\\[ntr])?([A-Za-z0-9/+]{40,})").expect("valid regex"));

static CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)aws_?secret|secret_?access_?key|secret[ -]access[ -]key|aws[ _-]?secret")
        .expect("valid regex")
});

fn base64ish(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'/' | b'+')
}

/// True when the candidate sits inside a longer word, path or encoded string.
fn glued(text: &str, span: &Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let before = span.start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(span.end).copied();
    let after2 = bytes.get(span.end + 1).copied();
    matches!(before, Some(b'.' | b'-' | b'_' | b'%' | b'\\' | b'#'))
        || matches!(after, Some(b'-' | b'_' | b'%' | b'='))
        || (after == Some(b'.') && after2.is_some_and(|b| b.is_ascii_alphanumeric()))
}

fn looks_random(value: &str) -> bool {
    let c = Classes::of(value);
    c.lower && c.upper && (c.digit || c.other) && shannon_entropy(value) >= 4.0
}

/// Pushes a hit for every context-backed secret access key in `text`.
pub(crate) fn find(text: &str, out: &mut Vec<SecretHit>) {
    // Context first: most files have none, and then the candidate scan is skipped.
    let context: Vec<usize> = CONTEXT
        .find_iter(text)
        .map(|m| m.start())
        .chain(key_shaped(text).map(|s| s.start))
        .collect();
    if context.is_empty() {
        return;
    }
    let candidates: Vec<Range<usize>> = CANDIDATE
        .captures_iter(text)
        .map(|c| c.get(1).expect("group 1").range())
        .filter(|span| span.len() == 40)
        .filter(|span| whole_token(text, span, base64ish) && !glued(text, span))
        .filter(|span| looks_random(&text[span.clone()]))
        .filter(|span| !is_documented_example(&text[span.clone()]))
        .collect();
    if candidates.is_empty() {
        return;
    }
    let starts = line_starts(text);
    let line_of = |offset: usize| starts.partition_point(|&s| s <= offset) - 1;
    let context_lines: Vec<usize> = context.into_iter().map(line_of).collect();
    for span in candidates {
        let line = line_of(span.start);
        if context_lines
            .iter()
            .any(|&l| l.abs_diff(line) <= CONTEXT_LINES)
        {
            out.push(SecretHit::masked_from(SecretKind::AwsSecretKey, text, span));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &str = "kT9e2Vb/1qXz+R7mYw3LpQ8sHcN0uJd5FaG6oIiE";

    fn spans(text: &str) -> Vec<(Range<usize>, String)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|h| (h.span, h.masked)).collect()
    }

    #[test]
    fn positives() {
        let cases = [
            format!("aws_secret_access_key = {KEY}"),
            format!("\"SecretAccessKey\": \"{KEY}\","),
            format!("AWS_SECRET_ACCESS_KEY={KEY}"),
            format!("Access key: AKIAZ3MSJV4WSPLDMQ4R\n\n\nSecret: {KEY}"),
            format!("Secret access key\n\n| {KEY} |"),
            format!("{{\"env\": \"AWS_SECRET_ACCESS_KEY\\n{KEY}\\nREGION=x\"}}"),
        ];
        for text in &cases {
            let start = text.find(KEY).unwrap();
            assert_eq!(
                spans(text),
                vec![(start..start + 40, "kT9e…oIiE".to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn negatives() {
        let cases = [
            // No AWS context at all.
            KEY.to_string(),
            // Context too far away.
            format!("aws_secret_access_key:\n\n\n\n\nvalue {KEY}"),
            // Documented example.
            "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".to_string(),
            // A git SHA and an upper-case hex digest near the words.
            "aws_secret commit 3f786850e387550fdab836ed7e6dc881de23001b".to_string(),
            "AWS secret: 3F786850E387550FDAB836ED7E6DC881DE23001B".to_string(),
            // Longer and shorter runs.
            format!("aws_secret_access_key = {KEY}A"),
            format!("aws_secret_access_key = {}", &KEY[1..]),
            // Part of a URL path or a dotted name.
            "aws secret see docs.aws.amazon.com/AmazonRDS/latest/UserGuideWelcomePag.html"
                .to_string(),
        ];
        for text in &cases {
            assert_eq!(spans(text), vec![], "{text}");
        }
    }
}
