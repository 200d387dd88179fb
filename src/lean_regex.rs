//! Regexes compiled without a literal prefilter.
//!
//! `regex::Regex` always builds a prefilter from the literals a pattern starts with. For a
//! case-insensitive alternation of words (`(?i)\b(?:zero|no)\s+data…`) that means every case
//! variant of every word, then a Teddy or Aho-Corasick searcher over them: building it costs
//! more than the matching it saves on the short sentences and cells these patterns read.

use regex_automata::meta::{Config, Regex};

/// Compiles `pattern` (known to be valid) as a [`Regex`] with no literal prefilter; it matches
/// exactly what `regex::Regex::new(pattern)` matches.
pub(crate) fn without_prefilter(pattern: &str) -> Regex {
    Regex::builder()
        .configure(Config::new().auto_prefilter(false))
        .build(pattern)
        .expect("built-in patterns are valid")
}

/// Compiles `pattern` (known to be valid) like [`without_prefilter`], with ASCII classes and
/// byte-level matching: it matches exactly what `regex::bytes::RegexBuilder::new(pattern)
/// .unicode(false)` matches.
pub(crate) fn bytes_without_prefilter(pattern: &str) -> Regex {
    Regex::builder()
        .syntax(
            regex_automata::util::syntax::Config::new()
                .unicode(false)
                .utf8(false),
        )
        .configure(Config::new().auto_prefilter(false))
        .build(pattern)
        .expect("built-in patterns are valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_match_what_an_ascii_bytes_regex_matches() {
        let pattern = r"(?i)key[ \t]*[=:]|\xC5\xBF|://[^\s/]*@|[^a-z]{3}";
        let reference = regex::bytes::RegexBuilder::new(pattern)
            .unicode(false)
            .build()
            .unwrap();
        let lean = bytes_without_prefilter(pattern);
        let texts: [&[u8]; 7] = [
            b"API_KEY = x",
            "ſ and \u{212A}".as_bytes(),
            b"postgres://a:b@host",
            b"\xFF\xFE\xC5",
            "é".as_bytes(),
            b"keys",
            b"",
        ];
        for text in texts {
            let expected: Vec<_> = reference.find_iter(text).map(|m| m.range()).collect();
            let found: Vec<_> = lean.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }

    #[test]
    fn matches_what_a_regex_crate_regex_matches() {
        let pattern = r"(?i)\b(?:zero|no)[\s-]+data[\s-]+loss\b|\bréel\b";
        let reference = regex::Regex::new(pattern).unwrap();
        let lean = without_prefilter(pattern);
        for text in [
            "Zero data loss",
            "no-data loss.",
            "RÉEL temps",
            "zéro data loss",
            "",
        ] {
            let expected: Vec<_> = reference.find_iter(text).map(|m| m.range()).collect();
            let found: Vec<_> = lean.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(found, expected, "{text:?}");
        }
    }
}
