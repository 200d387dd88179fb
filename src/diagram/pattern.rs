//! Case-insensitive label patterns (services, engines, zones, features), compiled once.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Compiles a case-insensitive pattern known to be valid. ASCII classes and word boundaries
/// are tried first: labels are matched on English words, and Unicode tables make compiling
/// dozens of `\b…\b` patterns many times slower; a pattern that needs Unicode gets it.
pub(crate) fn compile(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .unicode(false)
        .build()
        .or_else(|_| RegexBuilder::new(pattern).case_insensitive(true).build())
        .expect("diagram label patterns are valid")
}

/// Compiles case-insensitive patterns known to be valid into one set (one automaton for all,
/// far cheaper to build than a regex each), ASCII first as [`compile`] does.
pub(crate) fn compile_set<'a>(patterns: impl IntoIterator<Item = &'a str> + Clone) -> RegexSet {
    RegexSetBuilder::new(patterns.clone())
        .case_insensitive(true)
        .unicode(false)
        .build()
        .or_else(|_| {
            RegexSetBuilder::new(patterns)
                .case_insensitive(true)
                .build()
        })
        .expect("diagram label patterns are valid")
}
