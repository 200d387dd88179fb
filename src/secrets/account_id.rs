//! AWS account IDs (privacy, not secrets): twelve digits, bare or inside an ARN, and the
//! dashed `1234-5678-9012` form when the line calls it an account.
//!
//! A bare run counts only as a whole token: no letter, digit or `_` on either side, not
//! preceded by `+` or a phone label (`Phone:`, `tel:`, `fax`, `mobile`), not part of a
//! decimal (`0.5166666666666667`) or a dashed number (`555-123456789012`), not the last group
//! of a UUID or the tail of a resource ID (`vpce-987654321098`), and not a `YYYYMMDDhhmm` timestamp such as `202501011230`, which is far likelier
//! than an account ID with that shape. Quantities are skipped too: a number followed by a unit
//! (`107374182400 bytes`) or the value of a key that does not name an account, owner or
//! principal (`"FreeStorageSpace": 107374182400`).

use std::ops::Range;
use std::sync::LazyLock;

use regex_automata::meta::Regex;

use crate::lean_regex::without_prefilter;

use super::heuristics::is_uuid;

static DASHED: LazyLock<Regex> = LazyLock::new(|| without_prefilter(r"[0-9]{4}-[0-9]{4}-[0-9]{4}"));

/// Digits in a bare account ID.
const ID_DIGITS: usize = 12;

/// Where `[0-9]{12}` matches in `text`, leftmost first, without overlap: each run of at least
/// twelve digits cut into twelve-digit pieces from its start. Scanned by hand, skipping twelve
/// bytes at a time where the last of them is no digit (no run of twelve can then start among
/// them): the whole text of every file is searched, and most of it has no such run.
fn twelve_digit_runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let bytes = text.as_bytes();
    let is_digit = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    // Every run of digits that starts before `i` and reaches `i` has been read.
    let mut i = 0;
    std::iter::from_fn(move || {
        while i + ID_DIGITS <= bytes.len() {
            let probe = i + ID_DIGITS - 1;
            if !is_digit(probe) {
                i = probe + 1;
                continue;
            }
            let mut start = probe;
            while start > i && is_digit(start - 1) {
                start -= 1;
            }
            let mut end = probe + 1;
            while end < start + ID_DIGITS && is_digit(end) {
                end += 1;
            }
            if end - start == ID_DIGITS {
                // The rest of the run is searched again from the end of this piece.
                i = end;
                return Some(start..end);
            }
            // A run shorter than twelve: skip past it.
            i = end;
        }
        None
    })
}

/// Case-insensitive `account`. Built with its literal prefilter: it searches the whole text of
/// every file, where a vectorized scan for the literal pays.
static ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)account").expect("valid regex"));

/// How far before a dashed number (same line) the word `account` may be.
const LABEL_WINDOW: usize = 40;

/// Byte spans of the AWS account IDs in `text`, in order.
pub fn find_account_ids(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let at = |i: Option<usize>| i.and_then(|i| bytes.get(i).copied());
    let mut out = Vec::new();
    for Range { start: s, end: e } in twelve_digit_runs(text) {
        let before = at(s.checked_sub(1));
        let before2 = at(s.checked_sub(2));
        let after = at(Some(e));
        let after2 = at(Some(e + 1));
        let word = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_');
        let digit = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_digit());
        let joiner = |b: Option<u8>| matches!(b, Some(b'.' | b'-' | b',' | b'/'));
        let escaped = before2 == Some(b'\\') && matches!(before, Some(b'n' | b't' | b'r'));
        if (word(before) && !escaped) || word(after) || before == Some(b'+') {
            continue;
        }
        // Decimals, dashed or dotted digit groups: `0.516666666666`, `1-123456789012`.
        if (joiner(before) && digit(before2)) || (joiner(after) && digit(after2)) {
            continue;
        }
        if id_suffix(text, s)
            || is_timestamp(&text[s..e])
            || phone_labelled(text, s)
            || unit_follows(&text[e..])
            || (!matches!(after, Some(b'.' | b'/' | b':')) && !key_allows(text, s))
        {
            continue;
        }
        out.push(s..e);
    }
    // The dashed form needs `account` shortly before it on the same line: search only there.
    for label in ACCOUNT.find_iter(text).map(|m| m.range()) {
        let line_end = text[label.end..]
            .find('\n')
            .map_or(text.len(), |i| label.end + i);
        let mut window_end = (label.end + LABEL_WINDOW + 14).min(line_end);
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        for m in DASHED.find_iter(&text[label.end..window_end]) {
            let (s, e) = (label.end + m.start(), label.end + m.end());
            let glued = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-');
            if s - label.end <= LABEL_WINDOW && !glued(at(s.checked_sub(1))) && !glued(at(Some(e)))
            {
                out.push(s..e);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

/// AWS resource-ID prefixes: `vpce-987654321098` is an endpoint ID, not an account.
const RESOURCE_PREFIXES: [&str; 14] = [
    "vpce", "vpc", "sg", "subnet", "i", "vol", "snap", "ami", "eni", "rtb", "igw", "nat", "tgw",
    "pcx",
];

/// True when the number ends another identifier: the last group of a UUID (a CloudTrail
/// `eventID` such as `…-bcde-444444444444`, also with Markdown-escaped `\-`) or the tail of a
/// resource ID (`vpce-987654321098`).
fn id_suffix(text: &str, start: usize) -> bool {
    let head = &text[..start];
    let Some(head) = head.strip_suffix('-') else {
        return false;
    };
    let head = head.strip_suffix('\\').unwrap_or(head);
    let tail: String = head
        .chars()
        .rev()
        .take(40)
        .filter(|&c| c != '\\')
        .collect::<Vec<char>>()
        .into_iter()
        .rev()
        .collect();
    let word_len = tail
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let word = &tail[tail.len() - word_len..];
    if RESOURCE_PREFIXES.contains(&word) {
        return true;
    }
    let cut = tail.len().saturating_sub(23);
    tail.len() >= 23
        && tail.is_char_boundary(cut)
        && is_uuid(&format!("{}-000000000000", &tail[cut..]))
}

/// Units that make a number a quantity (`107374182400 bytes`), not an account.
const UNITS: [&str; 10] = [
    "bytes", "byte", "b", "kb", "mb", "gb", "kib", "mib", "gib", "ms",
];

/// True when a unit word follows the number (after optional spaces).
fn unit_follows(rest: &str) -> bool {
    let rest = rest.trim_start_matches([' ', '\t']);
    let word_len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    let word = rest[..word_len].to_ascii_lowercase();
    UNITS.contains(&word.as_str())
}

/// Key fragments (lower case) under which a 12-digit value is an account ID.
const ACCOUNT_KEYS: [&str; 5] = ["account", "owner", "principal", "aws", "id"];

/// When the number is the whole value of a key (not the start of a host name or path) (`"Key": 123…`, `key: "123…"`, `key=123…`), true
/// only if the key names an account, owner or principal (ARNs always count); `"FreeStorageSpace": 107374182400`
/// is a metric. True when there is no key.
fn key_allows(text: &str, start: usize) -> bool {
    // Inside an ARN (`arn:aws:iam::123456789012:role/x`) the `:` is not a key separator.
    let token_start = text[..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || matches!(c, '"' | '\'' | '`' | '(' | '[' | ','))
        .map_or(0, |(i, c)| i + c.len_utf8());
    if text[token_start..start].starts_with("arn:") {
        return true;
    }
    let before = text[..start]
        .trim_end_matches(['"', '\''])
        .trim_end_matches([' ', '\t']);
    let Some(before) = before.strip_suffix([':', '=']) else {
        return true;
    };
    let before = before
        .trim_end_matches([' ', '\t'])
        .trim_end_matches(['"', '\'']);
    let key_len = before
        .bytes()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    let key = before[before.len() - key_len..].to_ascii_lowercase();
    key.is_empty() || ACCOUNT_KEYS.iter().any(|k| key.contains(k))
}

/// Words that, shortly before a number on the same line, make it a phone number.
const PHONE_LABELS: [&str; 6] = ["phone", "tel:", "tel.", "fax", "mobile", "cell"];

/// True when a phone label precedes `start` within 24 bytes on the same line.
fn phone_labelled(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let mut from = start.saturating_sub(24).max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = text[from..start].to_ascii_lowercase();
    PHONE_LABELS.iter().any(|l| window.contains(l))
}

/// True for `YYYYMMDDhhmm` with a year 1970–2099 and a valid month, day, hour and minute.
fn is_timestamp(digits: &str) -> bool {
    let n = |r: Range<usize>| digits[r].parse::<u32>().unwrap_or(u32::MAX);
    (1970..=2099).contains(&n(0..4))
        && (1..=12).contains(&n(4..6))
        && (1..=31).contains(&n(6..8))
        && n(8..10) <= 23
        && n(10..12) <= 59
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts mixing runs of digits of several lengths with words, separators and non-ASCII
    /// characters, from a fixed pseudo-random seed.
    fn mixed_texts() -> Vec<String> {
        let pieces = [
            "0",
            "12",
            "1234",
            "123456789012",
            "9",
            " ",
            "\n",
            "-",
            ".",
            "a",
            "A",
            "account",
            "ACCOUNT",
            "AcCoUnT",
            "accoun",
            "ccount",
            "accounts",
            "ſ",
            "\u{212A}",
            "é",
            "x",
        ];
        let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
        (0..5_000)
            .map(|_| (0..12).map(|_| rng.pick(&pieces)).collect())
            .collect()
    }

    #[test]
    fn twelve_digit_runs_are_what_the_regex_finds() {
        let regex = regex::Regex::new(r"[0-9]{12}").unwrap();
        let mut total = 0;
        for text in mixed_texts() {
            let found: Vec<_> = twelve_digit_runs(&text).collect();
            let want: Vec<_> = regex.find_iter(&text).map(|m| m.range()).collect();
            assert_eq!(found, want, "{text:?}");
            total += found.len();
        }
        assert!(
            total > 1_000,
            "the texts hold too few matches to compare: {total}"
        );
    }

    fn ids(text: &str) -> Vec<&str> {
        find_account_ids(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
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
}
