//! Masking secrets for display, and redacting them out of snippets.

use std::borrow::Cow;

use super::{Scanner, SecretHit};

/// What a password is shown as: nothing of it survives.
pub const PASSWORD_MASK: &str = "****";

/// Masks a secret for display, keeping at most 8 of its characters (whitespace ignored):
///
/// | length    | shown                          | example            |
/// |-----------|--------------------------------|--------------------|
/// | < 8       | `…`                            | `…`                |
/// | 8 – 11    | first 2 + `…`                  | `ab…`              |
/// | 12 – 19   | first 2 + `…` + last 2         | `ab…yz`            |
/// | ≥ 20      | first 4 + `…` + last 4         | `AKIA…MPLE`        |
///
/// The first four characters of long secrets are usually the type prefix (`AKIA`, `ASIA`,
/// `ghp_`, `xoxb`, `MIIE` for an RSA key body), so the reader can tell what leaked without
/// learning the middle, which is where the entropy is.
pub fn mask(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().filter(|c| !c.is_whitespace()).collect();
    let n = chars.len();
    let (head, tail) = match n {
        0..8 => (0, 0),
        8..12 => (2, 0),
        12..20 => (2, 2),
        _ => (4, 4),
    };
    let mut out: String = chars[..head].iter().collect();
    out.push('…');
    out.extend(&chars[n - tail..]);
    out
}

/// Replaces each hit's span in `text` by its masked form. Hits may come in any order; hits
/// that overlap an earlier one, fall outside `text` or split a character are skipped.
pub fn redact(text: &str, hits: &[SecretHit]) -> String {
    let mut ordered: Vec<&SecretHit> = hits.iter().collect();
    ordered.sort_by_key(|h| (h.span.start, h.span.end));
    let mut out = String::with_capacity(text.len());
    let mut cursor = 0;
    for hit in ordered {
        let span = &hit.span;
        let valid = span.start >= cursor
            && span.end <= text.len()
            && span.start <= span.end
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end);
        if !valid {
            continue;
        }
        out.push_str(&text[cursor..span.start]);
        out.push_str(&hit.masked);
        cursor = span.end;
    }
    out.push_str(&text[cursor..]);
    out
}

/// `text` with every secret the scanner finds in it replaced by its masked form (borrowed
/// when there is none): for free text shown to the user, such as a message quoting a value.
pub fn mask_in(text: &str) -> Cow<'_, str> {
    let hits = Scanner::new().scan(text);
    if hits.is_empty() {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(redact(text, &hits))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secrets::SecretKind;

    #[test]
    fn mask_keeps_at_most_eight_characters() {
        let cases = [
            ("", "…"),
            ("abc", "…"),
            ("abcdefg", "…"),
            ("abcdefgh", "ab…"),
            ("abcdefghijk", "ab…"),
            ("abcdefghijkl", "ab…kl"),
            ("AKIAIOSFODNN7EXAMPLE", "AKIA…MPLE"),
            ("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJal…EKEY"),
            ("é€ü😀é€ü😀é€ü😀", "é€…ü😀"),
        ];
        for (secret, want) in cases {
            let got = mask(secret);
            assert_eq!(got, want, "mask({secret:?})");
            assert!(got.chars().filter(|&c| c != '…').count() <= 8);
        }
    }

    #[test]
    fn redact_replaces_values_and_skips_bad_spans() {
        let text = "key=AKIAIOSFODNN7EXAMPLE pass=hunter2hunter2 é";
        let hits = [
            SecretHit::password(SecretKind::ConnectionString, 30..44),
            SecretHit::masked_from(SecretKind::AwsAccessKey, text, 4..24),
            SecretHit::password(SecretKind::Token, 35..36),
            SecretHit::password(SecretKind::Token, 45..46),
            SecretHit::password(SecretKind::Token, 40..400),
        ];
        assert_eq!(redact(text, &hits), "key=AKIA…MPLE pass=**** é");
    }
}
