//! Masks secrets in any source text shown to the user (snippets of every format).

use crate::secrets::Scanner;

/// Returns `text` with every detected secret value replaced by `*`, keeping byte offsets
/// (so spans into the text stay valid). Long values keep their first and last four
/// characters, as the masked form in messages does.
pub fn redact(text: &str) -> String {
    let hits = Scanner::new().scan(text);
    if hits.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for hit in hits {
        out.push_str(&text[last..hit.span.start]);
        out.push_str(&mask_same_length(
            &text[hit.span.clone()],
            hit.masked.starts_with('*'),
        ));
        last = hit.span.end;
    }
    out.push_str(&text[last..]);
    out
}

fn mask_same_length(value: &str, hide_all: bool) -> String {
    let chars: Vec<char> = value.chars().collect();
    let keep = if hide_all || chars.len() < 20 { 0 } else { 4 };
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if c.is_whitespace() || (i < keep || i >= chars.len() - keep) {
                c.to_string()
            } else {
                "*".repeat(c.len_utf8())
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_masked_with_offsets_kept() {
        let text = "key: AKIA2OGYBAH6STMMNXNN here\nok";
        let out = redact(text);
        assert_eq!(out.len(), text.len());
        assert!(!out.contains("2OGYBAH6STMM"), "{out}");
        assert!(out.contains("AKIA************NXNN"), "{out}");
    }

    #[test]
    fn passwords_are_fully_hidden() {
        let out = redact("postgres://app:Wint3r-2025-x@db.example.com/orders");
        assert!(!out.contains("Wint3r"), "{out}");
    }
}
