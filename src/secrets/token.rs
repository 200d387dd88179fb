//! Tokens, two ways:
//!
//! * **Known shapes** ([`find_known`]): GitHub tokens (`ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` + 36,
//!   `github_pat_` + 82), Slack tokens (`xoxb-123…-…`), the secret path segment of Slack
//!   webhooks (`hooks.slack.com/services/T…/B…/<secret>`) and JWTs (`eyJ….eyJ….sig`).
//! * **Assigned values** ([`find_assigned`]): a value assigned (`=`, `:`, `:=`, `=>`) to a key
//!   ending in `token`, `secret`, `password`, `passwd`, `pwd`, `api_key`/`apikey`,
//!   `secret_key`, `private_key` or `access_key`, when the value is at least 16 characters,
//!   has letters and digits, and carries at least 3.5 bits of entropy per character. Values
//!   of password keys (`password`, `passwd`, `pwd`) need only 8 characters and 2.5 bits:
//!   people choose passwords, machines choose tokens. Command-line flags count as keys with
//!   a space as separator too: `--master-user-password 'Xk9#mP2$vL7q'`.
//!
//! Never reported: placeholders and documented examples, UUIDs (AWS `ClientToken`s and
//! idempotency keys), ARNs, URLs and paths, pagination tokens (`NextToken`, `Marker`-style
//! keys), function calls (`token = getToken(…)`), and anything in prose that is not assigned
//! to such a key — so long words, Markdown anchors, base64 images and hashes in URLs are safe.
//! Values assigned to password-like keys are masked as `****`.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use super::heuristics::{
    Classes, entity_quoted, is_placeholder, is_uuid, shannon_entropy, whole_token,
};
use super::{SecretHit, SecretKind};

/// Minimum length of an assigned value.
const MIN_LEN: usize = 16;
/// Minimum Shannon entropy (bits per character) of an assigned value.
const MIN_ENTROPY: f64 = 3.5;
/// Minimum length of a value assigned to a password key (`password`, `passwd`, `pwd`).
const MIN_PASSWORD_LEN: usize = 8;
/// Minimum entropy of a value assigned to a password key.
const MIN_PASSWORD_ENTROPY: f64 = 2.5;

static KNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:gh[pousr]_[A-Za-z0-9]{36}",
        r"|github_pat_[A-Za-z0-9_]{82}",
        r"|xox[baprs]-(?:[0-9]+-)+[0-9A-Za-z]{8,}(?:-[0-9A-Za-z]+)*",
        r"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})",
    ))
    .expect("valid regex")
});

static SLACK_WEBHOOK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"hooks\.slack\.com/services/T[A-Z0-9]{6,}/B[A-Z0-9]{6,}/([A-Za-z0-9]{20,})")
        .expect("valid regex")
});

/// The words a secret-sounding key ends with (`key` only counts after `api`, `secret`,
/// `private` or `access`), found case-insensitively with one Aho-Corasick pass.
static KEY_WORDS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(["token", "secret", "password", "passwd", "pwd", "key"])
        .expect("valid automaton")
});

/// Key endings (lower case, without `_`, `-`, `.`) that make a `…key` secret-sounding.
const SECRET_KEY_ENDINGS: [&str; 4] = ["apikey", "secretkey", "privatekey", "accesskey"];

/// Keys (lower case, without `_`, `-`, `.`) whose values are opaque but not secret.
const NOT_SECRET_KEYS: [&str; 10] = [
    "nexttoken",
    "paginationtoken",
    "continuationtoken",
    "startingtoken",
    "clienttoken",
    "clientrequesttoken",
    "idempotencytoken",
    "pagetoken",
    "synctoken",
    "resumetoken",
];

fn token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Pushes a hit for every token of a known vendor shape in `text`.
pub(crate) fn find_known(text: &str, out: &mut Vec<SecretHit>) {
    for m in KNOWN.find_iter(text) {
        let span = m.range();
        let value = m.as_str();
        if whole_token(text, &span, token_char) && !is_placeholder(value) {
            out.push(SecretHit::masked_from(SecretKind::Token, text, span));
        }
    }
    if text.contains("hooks.slack.com") {
        for caps in SLACK_WEBHOOK.captures_iter(text) {
            let span = caps.get(1).expect("group 1").range();
            if whole_token(text, &span, |b| b.is_ascii_alphanumeric())
                && !is_placeholder(&text[span.clone()])
            {
                out.push(SecretHit::masked_from(SecretKind::Token, text, span));
            }
        }
    }
}

/// Pushes a hit for every high-entropy value assigned to a secret-sounding key in `text`.
pub(crate) fn find_assigned(text: &str, out: &mut Vec<SecretHit>) {
    for m in KEY_WORDS.find_iter(text) {
        // The key is the word plus the identifier characters before it.
        let key_len = text.as_bytes()[..m.start()]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
            .count();
        let key_start = m.start() - key_len;
        let cli_flag = text[key_start..].starts_with("--");
        let value_start = match after_separator(text, m.end()) {
            Some(start) => start,
            None if cli_flag => match cli_value_start(text, m.end()) {
                Some(start) => start,
                None => continue,
            },
            None => continue,
        };
        // `…:secret:rds!db-…` inside an ARN, `/token/…` in a path: not a key.
        if matches!(text[..key_start].bytes().last(), Some(b':' | b'/')) {
            continue;
        }
        let normalized: String = text[key_start..m.end()]
            .chars()
            .filter(|c| !matches!(c, '_' | '-' | '.'))
            .collect::<String>()
            .to_ascii_lowercase();
        if NOT_SECRET_KEYS.iter().any(|k| normalized.ends_with(k)) {
            continue;
        }
        if normalized.ends_with("key")
            && !SECRET_KEY_ENDINGS.iter().any(|k| normalized.ends_with(k))
        {
            continue;
        }
        let Some(span) = value_span(text, value_start) else {
            continue;
        };
        let password = normalized.contains("pass") || normalized.ends_with("pwd");
        let (min_len, min_entropy) = if password {
            (MIN_PASSWORD_LEN, MIN_PASSWORD_ENTROPY)
        } else {
            (MIN_LEN, MIN_ENTROPY)
        };
        if !secret_like(&text[span.clone()], min_len, min_entropy) {
            continue;
        }
        if password {
            out.push(SecretHit::password(SecretKind::Token, span));
        } else {
            out.push(SecretHit::masked_from(SecretKind::Token, text, span));
        }
    }
}

/// Where the value starts after a key ending at `from`: closing quotes, escaped quotes or
/// Markdown emphasis (`"`, `\"`, `'`, `*`, a backtick), spaces, then `=`, `:`, `:=` or `=>`, then spaces. `None` when
/// no assignment follows.
fn after_separator(text: &str, from: usize) -> Option<usize> {
    let b = text.as_bytes();
    let skip = |mut i: usize, f: fn(u8) -> bool| {
        while b.get(i).copied().is_some_and(f) {
            i += 1;
        }
        i
    };
    let mut i = skip(from, |c| matches!(c, b'"' | b'\'' | b'*' | b'`' | b'\\'));
    i = skip(i, |c| c == b' ' || c == b'\t');
    match b.get(i) {
        Some(b'=') if b.get(i + 1) == Some(&b'>') => i += 2,
        Some(b':') if b.get(i + 1) == Some(&b'=') => i += 2,
        Some(b'=' | b':') => i += 1,
        _ => return None,
    }
    Some(skip(i, |c| c == b' ' || c == b'\t'))
}

/// Where the value of a command-line flag (`--master-user-password 'Xk9…'`) starts: after
/// spaces, unless what follows is another flag or a line continuation.
fn cli_value_start(text: &str, from: usize) -> Option<usize> {
    let rest = &text[from..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    let spaces = rest.len() - trimmed.len();
    let next = trimmed.chars().next()?;
    (spaces > 0 && !matches!(next, '-' | '\\' | '^' | '`' | '\r' | '\n')).then_some(from + spaces)
}

/// The value at `start`: quoted with `"`, `'`, a backtick or an entity (`&quot;`), or bare up to whitespace or
/// punctuation. `None` for a bare value that is a function call.
fn value_span(text: &str, start: usize) -> Option<Range<usize>> {
    let rest = &text[start..];
    if let Some(inner) = entity_quoted(rest) {
        return Some(start + inner.start..start + inner.end);
    }
    let first = rest.chars().next()?;
    if matches!(first, '"' | '\'' | '`') {
        let len = rest[1..].find([first, '\n', '\r'])?;
        return (rest.as_bytes()[1 + len] == first as u8).then_some(start + 1..start + 1 + len);
    }
    let len = rest
        .find(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '"' | '\'' | '`' | ',' | ';' | ')' | '}' | ']' | '<' | '>'
                )
        })
        .unwrap_or(rest.len());
    if rest[len..].starts_with('(') || rest[..len].contains('(') {
        return None;
    }
    Some(start..start + len)
}

/// True when an assigned value looks like a real, random secret.
fn secret_like(value: &str, min_len: usize, min_entropy: f64) -> bool {
    let classes = Classes::of(value);
    value.chars().count() >= min_len
        && !value.contains(char::is_whitespace)
        && (classes.lower || classes.upper)
        && classes.digit
        && !is_placeholder(value)
        && !is_uuid(value)
        && !value.starts_with("arn:")
        && !value.starts_with('/')
        && !value.contains("://")
        && shannon_entropy(value) >= min_entropy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(text: &str) -> Vec<(&str, String)> {
        let mut out = Vec::new();
        find_known(text, &mut out);
        let mut assigned = Vec::new();
        find_assigned(text, &mut assigned);
        for hit in assigned {
            if !out
                .iter()
                .any(|h| h.span.start < hit.span.end && hit.span.start < h.span.end)
            {
                out.push(hit);
            }
        }
        out.into_iter().map(|h| (&text[h.span], h.masked)).collect()
    }

    #[test]
    fn positives() {
        let gh = "ghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4Gu";
        let pat = format!("github_pat_11ABCDEFG0{}", "aZ3x".repeat(18));
        let cases: Vec<(String, &str, &str)> = vec![
            (format!("GITHUB_TOKEN={gh}"), gh, "ghp_…e4Gu"),
            (format!("see {gh}."), gh, "ghp_…e4Gu"),
            (format!("pat: {pat}"), &pat, "gith…aZ3x"),
            (
                "slack: xoxb-2736451827-8327162534-Zq8RtY3mNp1LkW4vXs7Ab2Cd".into(),
                "xoxb-2736451827-8327162534-Zq8RtY3mNp1LkW4vXs7Ab2Cd",
                "xoxb…b2Cd",
            ),
            (
                "url: https://hooks.slack.com/services/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"
                    .into(),
                "q7Wz3Rt9Yp2Lm5Nx8Kc1Vb4D",
                "q7Wz…Vb4D",
            ),
            (
                "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"
                    .into(),
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk",
                "eyJh…EjXk",
            ),
            ("api_key: \"sk_live_4eC39HqLyjWDarjtT1zdp7dc\"".into(), "sk_live_4eC39HqLyjWDarjtT1zdp7dc", "sk_l…p7dc"),
            ("x-api-key = 'Zx81Kq0pLm72NvB4ty6R'".into(), "Zx81Kq0pLm72NvB4ty6R", "Zx81…ty6R"),
            ("client_secret: 9fK2mQ7xZ1pL8vR3tY6w".into(), "9fK2mQ7xZ1pL8vR3tY6w", "9fK2…tY6w"),
            ("**Password**: `Jq8#vL2!mZ5@xR9p`".into(), "Jq8#vL2!mZ5@xR9p", "****"),
            ("MasterUserPassword=Jq8vL2mZ5xR9pT4w".into(), "Jq8vL2mZ5xR9pT4w", "****"),
            ("db_password: Winter2024".into(), "Winter2024", "****"),
            (
                r#""SecretString": "{\"username\":\"admin\",\"password\":\"Xk9mP2vL7q\"}","#.into(),
                "Xk9mP2vL7q",
                "****",
            ),
            (
                "<mxCell value=\"api_key=&quot;Zx81Kq0pLm72NvB4ty6R&quot;\"/>".into(),
                "Zx81Kq0pLm72NvB4ty6R",
                "Zx81…ty6R",
            ),
            ("@rmtpassword='Test#1234'".into(), "Test#1234", "****"),
            (
                "aws rds create-db-instance --master-user-password 'Xk9#mP2$vL7q' \\".into(),
                "Xk9#mP2$vL7q",
                "****",
            ),
            ("--auth-token Zx81Kq0pLm72NvB4ty6R".into(), "Zx81Kq0pLm72NvB4ty6R", "Zx81…ty6R"),
            (
                "ENCRYPTION BY PASSWORD = 'U/fpGtmzGCYBi8A2+0/9qcRQRK2zmG/aOn939ZnKi/0='".into(),
                "U/fpGtmzGCYBi8A2+0/9qcRQRK2zmG/aOn939ZnKi/0=",
                "****",
            ),
            (
                "aws_session_token = IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ".into(),
                "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQ",
                "IQoJ…UCIQ",
            ),
        ];
        for (text, value, masked) in &cases {
            assert_eq!(hits(text), vec![(*value, masked.to_string())], "{text}");
        }
    }

    #[test]
    fn negatives() {
        let cases = [
            "ghp_short",
            "xghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4Gu",
            "ghp_R9x2Lq7Zt4Vb8Nc1Md6Fk3Hj5Pw0Sy2Ae4GuX",
            "xoxb-your-token-here",
            "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
            "token: 1234abcd-12cd-34ef-56ab-1234567890ab",
            "\"ClientToken\": \"a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6\"",
            "\"NextToken\": \"eyJ2IjoiMiIsImMiOiJ4c2RmZ2g0NTY3In0=\"",
            "SecretArn: arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbC123",
            "\"SecretArn\": \"arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!db-033d7456-2c96-450d-9d48-f5de3025e51c-xmJRDx\"",
            "see https://vault.corp/v1/token:Zx81Kq0pLm72NvB4ty6R",
            "password: ${{ secrets.DB_PASSWORD }}",
            "password: '{{resolve:secretsmanager:prod/db:SecretString:password}}'",
            "MasterUserPassword: !Ref DbPassword1234567",
            "token = RDSAuthTokenGenerator.GenerateAuthToken(RegionEndpoint.USEast1",
            "pwd = Amazon.RDS.Util.RDSAuthTokenGenerator.GenerateAuthToken(x, y)",
            "secret: an_extremely_long_identifier_name",
            "The token: a short one",
            "token_url: https://auth.example.com/oauth2/token?x=3f786850e387550fdab836ed7e6dc881de23001b",
            "api_key: aaaaaaaaaaaaaaaaaaaa1",
            "api_key: Winter2024",
            "--master-user-password secret123",
            "--master-user-password masteruserpassword",
            "psql --password --dbname=labdb",
            "--rotate-master-user-password ^",
            "--starting-token 0a1b2c3d4e5f6a7b8c9d",
            "the password Xk9mP2vL7q is not assigned",
            "password: required",
            "password: 8 characters minimum",
            "password = args[5]",
            "password: P@ssw0rd123",
            "PASSWORD = 'TestPa$$word#1'",
            "password: /run/secrets/db_password_file_2024",
            "See [token rotation](#token-rotation-2024-procedure) and supercalifragilistic1234word",
            "![diagram](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk)",
            "api_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        ];
        for text in cases {
            assert_eq!(hits(text), vec![], "{text}");
        }
    }
}
