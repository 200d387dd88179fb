//! Shared judgement calls: documented examples, placeholders, entropy, character classes and
//! token boundaries.

use std::ops::Range;

/// True when `value` is a documented example credential: it contains `EXAMPLE` in any case.
///
/// AWS documentation marks every sample credential this way (`AKIAIOSFODNN7EXAMPLE`,
/// `wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY`, `AIDACKCEVSQ6C2EXAMPLE`), and evidence often
/// quotes that documentation. A random key containing these seven letters is vanishingly
/// unlikely, so such values are never reported.
pub fn is_documented_example(value: &str) -> bool {
    contains_ignore_case(value, "example")
}

/// Words that make a value an obvious stand-in rather than a credential.
const PLACEHOLDER_WORDS: [&str; 16] = [
    "mypass",
    "mypwd",
    "password",
    "passwd",
    "example",
    "changeme",
    "changeit",
    "placeholder",
    "redacted",
    "replace",
    "your",
    "dummy",
    "sample",
    "secret",
    "xxxx",
    "****",
];

/// Whole values that are obviously not real secrets.
const PLACEHOLDER_VALUES: [&str; 22] = [
    "pass",
    "pwd",
    "pw",
    "admin",
    "root",
    "user",
    "none",
    "null",
    "nil",
    "undefined",
    "empty",
    "token",
    "foo",
    "bar",
    "foobar",
    "test",
    "1234",
    "12345",
    "123456",
    "abc123",
    "true",
    "false",
];

/// True when `value` is an obvious placeholder: a template or variable (`${X}`, `$X`, `%X%`,
/// `{{ x }}`, `{x}`, `<x>`, `[x]`, YAML tags such as `!Ref X`), a mask (`****`, `xxxx`, `…`),
/// a value naming itself (`mypassword`, `YOUR_PASSWORD`, `P@ssw0rd`, `changeme`, anything containing
/// `example`), or a bare default like `admin` or `test`.
pub fn is_placeholder(value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() {
        return true;
    }
    if v.starts_with(['$', '%', '!', '&', '@', ':']) {
        return true;
    }
    if v.contains(['{', '}', '<', '>', '…']) || v.contains("...") {
        return true;
    }
    if v.starts_with('[') && v.ends_with(']') || v.starts_with('(') && v.ends_with(')') {
        return true;
    }
    if v.chars()
        .all(|c| matches!(c, '*' | 'x' | 'X' | '.' | '#' | '-' | '_' | '•'))
    {
        return true;
    }
    let first = v.chars().next().unwrap_or_default();
    if v.chars().all(|c| c == first) {
        return true;
    }
    let lower = v.to_ascii_lowercase();
    if unleet(&lower).contains("password") {
        return true;
    }
    PLACEHOLDER_VALUES.contains(&lower.as_str())
        || PLACEHOLDER_WORDS.iter().any(|w| lower.contains(w))
}

/// Undoes common letter substitutions (`P@$$w0rd` → `password`).
fn unleet(lower: &str) -> String {
    lower
        .chars()
        .map(|c| match c {
            '@' | '4' => 'a',
            '$' | '5' => 's',
            '0' => 'o',
            '3' => 'e',
            '1' | '!' => 'l',
            c => c,
        })
        .collect()
}

/// Quotes written as XML/HTML entities (`.drawio`, HTML exports) or backslash escapes (JSON
/// nested in a JSON string, such as a Secrets Manager `SecretString`).
const ENTITY_QUOTES: [&str; 5] = ["&quot;", "&#34;", "&apos;", "&#39;", "\\\""];

/// When `rest` starts with an escaped quote (`&quot;…&quot;`, `\"…\"`), the byte range of
/// the quoted content within `rest`.
pub fn entity_quoted(rest: &str) -> Option<Range<usize>> {
    let quote = ENTITY_QUOTES.iter().find(|q| rest.starts_with(**q))?;
    let body = &rest[quote.len()..];
    let end = body.find(quote).filter(|&e| !body[..e].contains('\n'))?;
    Some(quote.len()..quote.len() + end)
}

/// Shannon entropy of `value` in bits per character.
pub fn shannon_entropy(value: &str) -> f64 {
    let mut counts = std::collections::HashMap::<char, usize>::new();
    let mut total = 0usize;
    for c in value.chars() {
        *counts.entry(c).or_default() += 1;
        total += 1;
    }
    if total == 0 {
        return 0.0;
    }
    let total = total as f64;
    counts
        .values()
        .map(|&n| {
            let p = n as f64 / total;
            -p * p.log2()
        })
        .sum()
}

/// Which ASCII character classes a value uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classes {
    /// Has `a-z`.
    pub lower: bool,
    /// Has `A-Z`.
    pub upper: bool,
    /// Has `0-9`.
    pub digit: bool,
    /// Has any other character.
    pub other: bool,
}

impl Classes {
    /// The classes present in `value`.
    pub fn of(value: &str) -> Self {
        let mut c = Classes::default();
        for ch in value.chars() {
            match ch {
                'a'..='z' => c.lower = true,
                'A'..='Z' => c.upper = true,
                '0'..='9' => c.digit = true,
                _ => c.other = true,
            }
        }
        c
    }
}

/// True when `value` is a UUID (`8-4-4-4-12` hex digits).
pub fn is_uuid(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// True when the bytes just outside `span` are not `inner` characters, i.e. the match is a
/// whole token rather than a slice of a longer one. A string escape right before the span
/// (`\n`, `\t`, `\r` in JSON or YAML double-quoted strings) or a percent-escape (`%22` in
/// a URL-encoded value) counts as a boundary.
pub fn whole_token(text: &str, span: &Range<usize>, inner: fn(u8) -> bool) -> bool {
    let bytes = text.as_bytes();
    let before = span.start.checked_sub(1).map(|i| bytes[i]);
    let after = bytes.get(span.end).copied();
    let escaped = span.start >= 2
        && bytes[span.start - 2] == b'\\'
        && matches!(before, Some(b'n' | b't' | b'r'));
    let percent = span.start >= 3
        && bytes[span.start - 3] == b'%'
        && bytes[span.start - 2].is_ascii_hexdigit()
        && bytes[span.start - 1].is_ascii_hexdigit();
    let escaped = escaped || percent;
    (escaped || !before.is_some_and(inner)) && !after.is_some_and(inner)
}

/// ASCII case-insensitive substring test without allocating.
pub fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    let n = needle.len();
    haystack.len() >= n
        && haystack
            .as_bytes()
            .windows(n)
            .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        let yes = [
            "",
            "password",
            "<password>",
            "${DB_PASSWORD}",
            "$PASSWORD",
            "{{ db.pass }}",
            "****",
            "xxx",
            "XXXXXXXX",
            "changeme",
            "YOUR_PASSWORD",
            "mypassword",
            "%DB_PASS%",
            "!Ref DbPassword",
            "{pwd}",
            "[PASSWORD]",
            "admin",
            "…",
            "a...b",
            "masterUserPasswordVal",
            "my_truststore_password",
            "SuperSecret",
        ];
        for v in yes {
            assert!(is_placeholder(v), "{v:?} should be a placeholder");
        }
        let no = ["hunter2hunter2", "Tr0ub4dor&3", "s3cr3t-Pa55", "q8Zr!x2LmP"];
        for v in no {
            assert!(!is_placeholder(v), "{v:?} should not be a placeholder");
        }
    }

    #[test]
    fn examples_entropy_classes_uuid() {
        assert!(is_documented_example("AKIAIOSFODNN7EXAMPLE"));
        assert!(is_documented_example("bPxRfiCYexampleKEY"));
        assert!(!is_documented_example("AKIAIOSFODNN7ABCDEFG"));
        assert!(shannon_entropy("aaaa") < 0.01);
        assert!((shannon_entropy("abcd") - 2.0).abs() < 1e-9);
        let c = Classes::of("aB3/");
        assert!(c.lower && c.upper && c.digit && c.other);
        assert!(is_uuid("1234abcd-12cd-34ef-56ab-1234567890ab"));
        assert!(!is_uuid("1234abcd-12cd-34ef-56ab-1234567890az"));
    }

    #[test]
    fn entity_quotes() {
        assert_eq!(entity_quoted("&quot;abc&quot; x"), Some(6..9));
        assert_eq!(entity_quoted("&#39;abc&#39;"), Some(5..8));
        assert_eq!(entity_quoted("&quot;abc"), None);
        assert_eq!(entity_quoted("\\\"abc\\\","), Some(2..5));
        assert_eq!(entity_quoted("abc"), None);
    }

    #[test]
    fn whole_token_checks_both_sides() {
        let alnum = |b: u8| b.is_ascii_alphanumeric();
        assert!(whole_token("x AKIA y", &(2..6), alnum));
        assert!(!whole_token("xAKIA y", &(1..5), alnum));
        assert!(!whole_token("AKIAz", &(0..4), alnum));
        assert!(whole_token("x\\nAKIA\\n", &(3..7), alnum));
        assert!(whole_token("%22AKIA%22", &(3..7), alnum));
    }
}
