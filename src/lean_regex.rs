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

/// A pattern whose `\b`s are Unicode word boundaries, asked only whether it matches, and
/// kept in the lazy DFA on text with non-ASCII characters.
///
/// The lazy DFA gives up on a Unicode `\b` at the first non-ASCII byte, and the search falls
/// back to a far slower engine: evidence written in a word processor (curly quotes, dashes)
/// would pay it on most sentences. So the pattern is first compiled with ASCII word
/// boundaries, which the DFA keeps on any text. On ASCII text the two are the same pattern.
/// On other text the ASCII one is a necessary condition, provided every `\b` stands next to
/// a character of the pattern that only ASCII word characters match: a Unicode boundary there
/// is then an ASCII one too. Only `ſ` and the Kelvin sign, which case-insensitive patterns
/// match for `s` and `k`, break that, so a text holding either goes to the Unicode pattern
/// directly. The Unicode pattern is compiled only when some text needs it.
pub(crate) struct WordBounded {
    /// The pattern, as written (Unicode word boundaries).
    pattern: &'static str,
    /// The pattern with ASCII word boundaries.
    ascii: Regex,
    /// The pattern as written, compiled on first need.
    unicode: std::sync::OnceLock<Regex>,
}

impl WordBounded {
    /// Compiles the ASCII form of `pattern` (known to be valid; see the type's conditions).
    pub(crate) fn new(pattern: &'static str) -> WordBounded {
        WordBounded {
            pattern,
            ascii: without_prefilter(&pattern.replace(r"\b", r"(?-u:\b)")),
            unicode: std::sync::OnceLock::new(),
        }
    }

    /// Whether the pattern matches somewhere in `text`: exactly what
    /// `regex::Regex::new(pattern).is_match(text)` says.
    pub(crate) fn is_match(&self, text: &str) -> bool {
        if text.is_ascii() {
            return self.ascii.is_match(text);
        }
        if !folds_to_ascii_word(text) && !self.ascii.is_match(text) {
            return false;
        }
        (self.unicode.get_or_init(|| without_prefilter(self.pattern))).is_match(text)
    }
}

/// Whether `text` holds `ſ` (U+017F) or the Kelvin sign (U+212A), the two non-ASCII
/// characters that Unicode case folding matches for ASCII letters.
fn folds_to_ascii_word(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memmem::find(bytes, "ſ".as_bytes()).is_some()
        || memchr::memmem::find(bytes, "\u{212A}".as_bytes()).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Random texts of the patterns' words glued to every kind of neighbour (non-ASCII
    /// letters, `ſ`, the Kelvin sign, curly quotes, no-break spaces, digits, underscores):
    /// each word-bounded pattern says what the regex crate's Unicode pattern says.
    #[test]
    fn word_bounded_patterns_match_what_unicode_patterns_match() {
        const PIECES: [&str; 36] = [
            "tbd",
            "TODO",
            "xxx",
            "lorem",
            "ipsum",
            "to",
            "be",
            "confirmed",
            "coming",
            "soon",
            "placeholder",
            "fill",
            "this",
            "in",
            "<",
            ">",
            "[",
            "]",
            "{{",
            "}}",
            "multi",
            "AZ",
            "-",
            "zones",
            "regions",
            "several",
            "two",
            "availability",
            "é",
            "ſ",
            "\u{212A}",
            "’",
            "\u{A0}",
            " ",
            "_",
            "2",
        ];
        const SEPARATORS: [&str; 8] = [" ", " ", " ", "", "-", "’", "\u{A0}", "é"];
        let patterns = [
            crate::evaluate::recognize::text::PLACEHOLDER_SRC,
            crate::checks::diagram::collect::MULTI_AZ_SRC,
        ];
        let mut rng = crate::test_rng::Rng(0x2545_F491_4F6C_DD1D);
        let mut next = |below: usize| rng.below(below);
        for pattern in patterns {
            let reference = regex::Regex::new(pattern).unwrap();
            let bounded = WordBounded::new(pattern);
            let (mut matched, mut non_ascii_matched) = (0, 0);
            for _ in 0..100_000 {
                let mut text = String::new();
                for _ in 0..2 + next(6) {
                    text.push_str(SEPARATORS[next(8)]);
                    text.push_str(PIECES[next(36)]);
                }
                let expected = reference.is_match(&text);
                assert_eq!(bounded.is_match(&text), expected, "{pattern} on {text:?}");
                matched += usize::from(expected);
                non_ascii_matched += usize::from(expected && !text.is_ascii());
            }
            assert!(
                matched > 400 && non_ascii_matched > 200,
                "{matched} {non_ascii_matched}"
            );
        }
    }

    /// The cases the ASCII boundaries alone would get wrong: a non-ASCII letter glued to a
    /// word (no Unicode boundary), and `ſ` or the Kelvin sign standing for `s` or `k`.
    #[test]
    fn word_bounded_patterns_keep_unicode_boundaries() {
        let multi_az = WordBounded::new(crate::checks::diagram::collect::MULTI_AZ_SRC);
        assert!(multi_az.is_match("Deployed multi-AZ."));
        assert!(multi_az.is_match("Déployé en multi-AZ’s"));
        assert!(!multi_az.is_match("émulti-AZ"));
        assert!(!multi_az.is_match("multi-AZé"));
        assert!(multi_az.is_match("ſeveral regions"));
        assert!(!multi_az.is_match("éſeveral regions"));
        let placeholder = WordBounded::new(crate::evaluate::recognize::text::PLACEHOLDER_SRC);
        assert!(placeholder.is_match("Owner: TBD — see notes"));
        assert!(!placeholder.is_match("Owner: TBDé"));
        assert!(placeholder.is_match("«to be confirmed»"));
    }

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
