//! One pass over a text that tells which detectors could possibly report something in it.
//!
//! Each detector has *triggers*: patterns that every text it reports on must contain (a
//! necessary condition, not a sufficient one). All triggers are compiled into one byte-level
//! regex, so a text is read once for every detector, and most evidence — which holds no
//! secret-like text at all — is dismissed after that single pass (a plain search, which is
//! much faster than asking a [`RegexSet`] which patterns match). Only when something matched
//! does the set tell which detectors' triggers did, and only those detectors run.
//!
//! The triggers are ASCII and case-insensitive where their detector is. The detectors that
//! match case-insensitively with Unicode rules also accept `ſ` (U+017F, a form of `s`) and the
//! Kelvin sign (U+212A, a form of `k`); a text containing either runs every detector.
//! `tests.rs` checks that the prefilter never skips a detector that finds something.

use std::sync::LazyLock;

use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// A key character of an AWS secret access key (see `aws_secret_key.rs`).
const KEY_CHAR: &str = "[A-Za-z0-9/+]";

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

/// What a trigger means when it matches (whether it alone can make a detector run).
#[derive(Clone, Copy)]
enum Effect {
    /// These detectors must run.
    Run(u8),
    /// AWS context for the secret-key detector (it also needs a [`Effect::KeyCandidate`]).
    KeyContext,
    /// A 40-character key candidate for the secret-key detector (it also needs context).
    KeyCandidate,
}

/// The triggers: a pattern and what its match means.
fn triggers() -> Vec<(String, Effect)> {
    let access_key = r"(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}";
    let not_key = "[^A-Za-z0-9/+]";
    let run = format!(r"{KEY_CHAR}{{40}}(?:{not_key}|\z)");
    vec![
        // Unicode case folding reaches ASCII `s` and `k` from these two characters.
        (r"\xC5\xBF|\xE2\x84\xAA".into(), Effect::Run(ALL)),
        ("PRIVATE KEY".into(), Effect::Run(PRIVATE_KEY)),
        (access_key.into(), Effect::Run(ACCESS_KEY)),
        (access_key.into(), Effect::KeyContext),
        ("(?i)secret".into(), Effect::KeyContext),
        (
            format!(r"(?:\A|{not_key}|\\[ntr]){run}"),
            Effect::KeyCandidate,
        ),
        (r#"://[^\s/?#'"<>`\\]*@"#.into(), Effect::Run(CONNECTION)),
        ("(?i)jdbc:oracle:thin:".into(), Effect::Run(CONNECTION)),
        (
            "(?i)(?:password|pwd)[ \t]*=".into(),
            Effect::Run(CONNECTION),
        ),
        (
            r"gh[pousr]_|github_pat_|xox[baprs]-|eyJ|hooks\.slack\.com".into(),
            Effect::Run(KNOWN_TOKEN),
        ),
        (
            format!(r#"(?i){KEY_WORDS}["'*`\\]*[ \t]*[=:]"#),
            Effect::Run(ASSIGNED),
        ),
        (
            format!(r"(?i)--[A-Za-z0-9_.-]*{KEY_WORDS}[ \t]"),
            Effect::Run(ASSIGNED),
        ),
    ]
}

/// Every trigger but AWS context (which makes nothing run on its own), as one regex.
static ANY: LazyLock<Regex> = LazyLock::new(|| {
    let alone: Vec<String> = triggers()
        .into_iter()
        .filter(|(_, effect)| !matches!(effect, Effect::KeyContext))
        .map(|(pattern, _)| format!("(?:{pattern})"))
        .collect();
    RegexBuilder::new(&alone.join("|"))
        .unicode(false)
        .build()
        .expect("valid trigger patterns")
});

/// Every trigger as a set, and the effect of each; built only when a text first needs it.
static SET: LazyLock<(RegexSet, Vec<Effect>)> = LazyLock::new(|| {
    let (patterns, effects): (Vec<String>, Vec<Effect>) = triggers().into_iter().unzip();
    let set = RegexSetBuilder::new(patterns)
        .unicode(false)
        .build()
        .expect("valid trigger patterns");
    (set, effects)
});

/// The detectors that could report something in `text`: one search, and a second look only
/// when something matched.
pub(crate) fn possible(text: &str) -> Possible {
    if !ANY.is_match(text.as_bytes()) {
        return Possible(0);
    }
    let (set, effects) = &*SET;
    let (mut run, mut context, mut candidate) = (0u8, false, false);
    for index in set.matches(text.as_bytes()).iter() {
        match effects[index] {
            Effect::Run(detectors) => run |= detectors,
            Effect::KeyContext => context = true,
            Effect::KeyCandidate => candidate = true,
        }
    }
    if context && candidate {
        run |= SECRET_KEY;
    }
    Possible(run)
}

#[cfg(test)]
mod tests;
