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

#[cfg(test)]
mod tests {
    use super::*;

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
