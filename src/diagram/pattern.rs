//! Case-insensitive label patterns (services, engines, zones, features), compiled once.

use regex::{Regex, RegexBuilder};

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
