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

use regex::Regex;

use super::heuristics::is_uuid;

static DASHED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{4}-[0-9]{4}-[0-9]{4}").expect("valid regex"));

static ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)account").expect("valid regex"));

/// How far before a dashed number (same line) the word `account` may be.
const LABEL_WINDOW: usize = 40;

/// Byte spans of the AWS account IDs in `text`, in order.
pub fn find_account_ids(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let at = |i: Option<usize>| i.and_then(|i| bytes.get(i).copied());
    let mut out = Vec::new();
    for span in twelve_digits(bytes) {
        let (s, e) = (span.start, span.end);
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
    for label in ACCOUNT.find_iter(text) {
        let line_end = text[label.end()..]
            .find('\n')
            .map_or(text.len(), |i| label.end() + i);
        let mut window_end = (label.end() + LABEL_WINDOW + 14).min(line_end);
        while !text.is_char_boundary(window_end) {
            window_end -= 1;
        }
        for m in DASHED.find_iter(&text[label.end()..window_end]) {
            let (s, e) = (label.end() + m.start(), label.end() + m.end());
            let glued = |b: Option<u8>| b.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'-');
            if s - label.end() <= LABEL_WINDOW
                && !glued(at(s.checked_sub(1)))
                && !glued(at(Some(e)))
            {
                out.push(s..e);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

/// Every run of twelve ASCII digits, left to right without overlap, as the regex `[0-9]{12}`
/// finds them: a run of 25 digits gives its first 12 and the next 12. One loop over the bytes,
/// cheaper than the regex engine for a one-class pattern.
fn twelve_digits(bytes: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let start = i + bytes[i..].iter().position(u8::is_ascii_digit)?;
            let len = bytes[start..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count();
            i = start + len;
            if len >= 12 {
                // Later groups of a long run come from the next calls.
                i = start + 12;
                return Some(start..start + 12);
            }
        }
        None
    })
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
mod tests;
