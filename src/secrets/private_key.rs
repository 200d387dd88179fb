//! Private key blocks: `-----BEGIN [RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP ]PRIVATE KEY[ BLOCK]-----`.
//!
//! The span is the key body between the armour lines (so a snippet still shows what kind of
//! key it was); without an `END` line it runs to the end of the base64 lines that follow.
//! Public keys and certificates are not secrets and never match. A body with fewer than 40
//! base64 characters, a line that is not base64 (`...`, `<your key>`), or `EXAMPLE` is a
//! placeholder and is not reported.

use std::sync::LazyLock;

use regex::Regex;

use super::heuristics::is_documented_example;
use super::{SecretHit, SecretKind, mask};

static BEGIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----",
    )
    .expect("valid regex")
});

/// Minimum number of base64 characters for a body to count as a key.
const MIN_BODY: usize = 40;

fn body_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '=')
}

/// End of the run of base64-looking lines starting at `from` (for a block without `END`).
fn body_end_without_footer(text: &str, from: usize) -> usize {
    let mut end = from;
    let mut offset = from;
    for line in text[from..].split_inclusive('\n') {
        let content = line.trim().trim_start_matches(['"', '\'', '|', '>']).trim();
        let content = content
            .trim_end_matches(['"', '\'', ','])
            .replace("\\n", "");
        if content.is_empty() && end == from {
            offset += line.len();
            end = offset;
            continue;
        }
        if content.is_empty() || !content.chars().all(body_char) {
            break;
        }
        offset += line.len();
        end = offset;
    }
    end
}

/// Pushes a hit for every private key body in `text`.
pub(crate) fn find(text: &str, out: &mut Vec<SecretHit>) {
    if !text.contains("PRIVATE KEY") {
        return;
    }
    let mut resume = 0;
    for caps in BEGIN.captures_iter(text) {
        let header = caps.get(0).expect("group 0");
        if header.start() < resume {
            continue;
        }
        let footer = format!("-----END {}-----", &caps[1]);
        let body_start = header.end();
        let (raw_end, block_end) = match text[body_start..].find(&footer) {
            Some(i) => (body_start + i, body_start + i + footer.len()),
            None => {
                let end = body_end_without_footer(text, body_start);
                (end, end)
            }
        };
        resume = block_end;
        let Some(span) = trimmed_body(text, body_start, raw_end) else {
            continue;
        };
        let body = &text[span.clone()];
        let base64 = body.chars().filter(|&c| body_char(c)).count();
        if base64 < MIN_BODY || !all_lines_base64(body) || is_documented_example(body) {
            continue;
        }
        let compact: String = body
            .replace("\\n", "")
            .chars()
            .filter(|&c| body_char(c))
            .collect();
        out.push(SecretHit {
            kind: SecretKind::PrivateKey,
            span,
            masked: mask(&compact),
        });
    }
}

/// True when every non-empty body line is base64 or an RFC 1421 header (`DEK-Info: …`), so
/// illustrations such as `...`, `(truncated)` or `<your key>` are not keys.
fn all_lines_base64(body: &str) -> bool {
    body.replace("\\n", "\n").lines().all(|line| {
        let line = line.trim();
        line.is_empty()
            || line.chars().all(body_char)
            || line.starts_with("Proc-Type:")
            || line.starts_with("DEK-Info:")
            || line.starts_with("Comment:")
            || line.starts_with("Version:")
    })
}

/// The body range with surrounding whitespace, quotes and literal `\n` escapes removed.
fn trimmed_body(text: &str, start: usize, end: usize) -> Option<std::ops::Range<usize>> {
    let mut s = start;
    let mut e = end;
    let junk = |b: u8| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b',');
    let bytes = text.as_bytes();
    loop {
        if s < e && junk(bytes[s]) {
            s += 1;
        } else if text[s..e].starts_with("\\n") || text[s..e].starts_with("\\r") {
            s += 2;
        } else {
            break;
        }
    }
    loop {
        if e > s && junk(bytes[e - 1]) {
            e -= 1;
        } else if text[s..e].ends_with("\\n") || text[s..e].ends_with("\\r") {
            e -= 2;
        } else {
            break;
        }
    }
    (s < e).then_some(s..e)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\nLxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvredZiKRkgwlL9xNAwxXFg0x/XFw005UWVRIkdgcKWTjpBP2dPwVZ4WWC+9aGVd+Gyn1o0CLelf4rEjGoXbAAEgAqeGUxrcIlbjXfbcmwIDAQAB";

    fn spans(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
        let mut out = Vec::new();
        find(text, &mut out);
        out.into_iter().map(|h| (h.span, h.masked)).collect()
    }

    #[test]
    fn positives() {
        let pem =
            format!("-----BEGIN RSA PRIVATE KEY-----\n{BODY}\n-----END RSA PRIVATE KEY-----\n");
        let json = format!(
            "{{\"key\": \"-----BEGIN PRIVATE KEY-----\\n{}\\n-----END PRIVATE KEY-----\\n\"}}",
            BODY.replace('\n', "\\n")
        );
        let yaml = format!(
            "key: |\n  -----BEGIN OPENSSH PRIVATE KEY-----\n  {}\n  -----END OPENSSH PRIVATE KEY-----\n",
            BODY.replace('\n', "\n  ")
        );
        let truncated = format!("-----BEGIN EC PRIVATE KEY-----\n{BODY}\n\nmore prose");
        for text in [&pem, &json, &yaml, &truncated] {
            let start = text.find("MIIE").unwrap();
            let end = text.find("AQAB").unwrap() + 4;
            assert_eq!(
                spans(text),
                vec![(start..end, "MIIE…AQAB".to_string())],
                "{text}"
            );
        }
    }

    #[test]
    fn negatives() {
        let cases = [
            format!("-----BEGIN PUBLIC KEY-----\n{BODY}\n-----END PUBLIC KEY-----"),
            format!("-----BEGIN CERTIFICATE-----\n{BODY}\n-----END CERTIFICATE-----"),
            "-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----".to_string(),
            "-----BEGIN RSA PRIVATE KEY-----\n<your key here>\n-----END RSA PRIVATE KEY-----"
                .to_string(),
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n(truncated)\n-----END PRIVATE KEY-----".to_string(),
            format!("-----BEGIN PRIVATE KEY-----\nEXAMPLE{BODY}\n-----END PRIVATE KEY-----"),
            "Store the private key (the file starting with -----BEGIN RSA PRIVATE KEY-----) safely."
                .to_string(),
        ];
        for text in &cases {
            assert_eq!(spans(text), vec![], "{text}");
        }
    }
}
