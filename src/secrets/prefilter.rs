//! One pass over a text that tells which detectors could possibly report something in it.
//!
//! Each detector has *triggers*: patterns that every text it reports on must contain (a
//! necessary condition, not a sufficient one). All triggers are compiled into one byte-level
//! regex, so a text is read once for every detector, and most evidence — which holds no
//! secret-like text at all — is dismissed after that single pass (a plain search, which is
//! much faster than asking a [`RegexSet`] which patterns match). Only when something matched
//! does the set tell which detectors' triggers did, and only those detectors run.
//!
//! The secret-key detector needs a run of exactly 40 key characters *and* AWS context. The
//! run is not a trigger (a counted repetition grows the lazy DFA's states, which every
//! thread builds again): [`key_run`] probes every 40th byte for it, and only a text that has
//! one is searched for the context.
//!
//! The triggers are ASCII and case-insensitive where their detector is. The detectors that
//! match case-insensitively with Unicode rules also accept `ſ` (U+017F, a form of `s`) and the
//! Kelvin sign (U+212A, a form of `k`); a text containing either runs every detector.
//! `tests.rs` checks that the prefilter never skips a detector that finds something.

use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use regex_automata::meta;

/// The secret-sounding key words of `token::find_assigned`.
const KEY_WORDS: &str = "(?:token|secret|passwd|password|pwd|key)";

/// Which detectors (by index into the scanner's detector list) may find something.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Possible(u8);

impl Possible {
    /// True when detector `index` must run.
    pub(crate) fn has(self, index: usize) -> bool {
        self.0 & (1 << index) != 0
    }

    /// True when no detector can find anything.
    pub(crate) fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Detector indices, in the scanner's priority order.
const PRIVATE_KEY: u8 = 1 << 0;
const ACCESS_KEY: u8 = 1 << 1;
const SECRET_KEY: u8 = 1 << 2;
const CONNECTION: u8 = 1 << 3;
const KNOWN_TOKEN: u8 = 1 << 4;
const ASSIGNED: u8 = 1 << 5;
const ALL: u8 = (1 << 6) - 1;

/// An AWS access key ID: the secret-key detector's AWS context, and a detector of its own.
const ACCESS_KEY_ID: &str = r"(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}";

/// The triggers that make detectors run on their own: a pattern and the detectors it runs.
/// The secret-key detector needs two things at once, a 40-character key candidate
/// ([`key_run`]) and AWS context ([`CONTEXT`]), so it has no trigger here.
fn triggers() -> Vec<(String, u8)> {
    vec![
        // Unicode case folding reaches ASCII `s` and `k` from these two characters.
        (r"\xC5\xBF|\xE2\x84\xAA".into(), ALL),
        ("PRIVATE KEY".into(), PRIVATE_KEY),
        (ACCESS_KEY_ID.into(), ACCESS_KEY),
        (r#"://[^\s/?#'"<>`\\]*@"#.into(), CONNECTION),
        ("(?i)jdbc:oracle:thin:".into(), CONNECTION),
        ("(?i)(?:password|pwd)[ \t]*=".into(), CONNECTION),
        (
            r"gh[pousr]_|github_pat_|xox[baprs]-|eyJ|hooks\.slack\.com".into(),
            KNOWN_TOKEN,
        ),
        (format!(r#"(?i){KEY_WORDS}["'*`\\]*[ \t]*[=:]"#), ASSIGNED),
        (format!(r"(?i)--[A-Za-z0-9_.-]*{KEY_WORDS}[ \t]"), ASSIGNED),
    ]
}

/// Every trigger, as one regex. Without a literal prefilter: the triggers' leading literals
/// (`key`, `token`, `--`, `://`) are common in evidence, and a literal searcher stopping at
/// each costs several times the plain DFA pass.
static ANY: LazyLock<meta::Regex> = LazyLock::new(|| {
    let alone: Vec<String> = (triggers().into_iter())
        .map(|(pattern, _)| format!("(?:{pattern})"))
        .collect();
    crate::lean_regex::bytes_without_prefilter(&alone.join("|"))
});

/// Every trigger as a set, and the detectors each runs; built only when a text first needs
/// it.
static SET: LazyLock<(RegexSet, Vec<u8>)> = LazyLock::new(|| {
    let (patterns, detectors): (Vec<String>, Vec<u8>) = triggers().into_iter().unzip();
    let set = RegexSetBuilder::new(patterns)
        .unicode(false)
        .build()
        .expect("valid trigger patterns");
    (set, detectors)
});

/// The AWS context the secret-key detector needs beside a key candidate; looked for only in
/// the rare texts that hold a candidate.
static CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(&format!("{ACCESS_KEY_ID}|(?i:secret)"))
        .unicode(false)
        .build()
        .expect("valid context pattern")
});

/// The detectors that could report something in `text`: one search for the triggers, a
/// second look from the first trigger on only when one matched, and a probe for a key
/// candidate.
pub(crate) fn possible(text: &str) -> Possible {
    let bytes = text.as_bytes();
    let mut run = 0u8;
    if let Some(first) = ANY.find(bytes) {
        // No trigger matches before the leftmost match of them all, and none looks behind
        // where it starts: the set reads the text from there.
        let (set, detectors) = &*SET;
        run = set
            .matches_at(bytes, first.start())
            .iter()
            .fold(0, |run, i| run | detectors[i]);
    }
    if run & SECRET_KEY == 0 && key_run::has_key_candidate(bytes) && CONTEXT.is_match(bytes) {
        run |= SECRET_KEY;
    }
    Possible(run)
}

mod key_run;

#[cfg(test)]
mod tests;
