//! Denial: whether a sentence says that what a phrase names is absent ("there is no fallback
//! plan", "passwords are not rotated", "Cutover plan: not documented"), so that it does not
//! count as evidence of it.
//!
//! The test is deliberately narrow, in the spirit of NegEx: a negator right before the phrase
//! (with at most a few function words or qualifiers between, such as "no documented" or "do
//! not have a"), or right after it, as the predicate of the phrase ("… plan was not written",
//! "… plan: none"). Punctuation and clause words ("but", "which", "and") end the reach of a
//! negator, so "cutover with no downtime" or "rotated every 30 days, not manually" stay
//! evidence. Phrases that carry their own polarity ("not publicly accessible", "no RTO") are
//! never denied, nor are the atoms whose absence is itself the evidence (packs write those as
//! `mention:`).

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

mod vocabulary;
mod words;

use vocabulary::*;
use words::{ends_with_ignore_case, is, is_in, words_before, words_of};

/// The letters every negator, absence word and contraction holds (`cannot` and `none` hold
/// `no`): a text without any of them denies nothing.
const CUES: &[&str] = &[
    "no",
    "n't",
    "n\u{2019}t",
    "never",
    "without",
    "lack",
    "absen",
    "missing",
    "pending",
    "nil",
    "neither",
];

static CUE_FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(CUES)
        .expect("the cues are plain strings")
});

/// Whether `text` may deny something (it holds one of [`CUES`]); a cheap test before
/// [`denies`] is asked of each phrase in it.
pub fn has_cue(text: &str) -> bool {
    CUE_FINDER.is_match(text)
}

/// Whether the words at `range` of `text` (a sentence) are denied there. A contrast later in
/// the sentence takes the denial back: "applications never connect to the instance directly,
/// only through the proxy" still says they connect.
pub fn denies(text: &str, range: Range<usize>) -> bool {
    (denied_before(text, range.start) || denied_after(text, range.end))
        && !is_contrasted(&text[range.end..])
}

/// Whether `rest` (what follows a denied phrase) offers the alternative: "but", "instead",
/// "rather", or "only" through a means ("only through", "only via").
fn is_contrasted(rest: &str) -> bool {
    let mut words = words_of(rest).map(|(_, word)| word).peekable();
    while let Some(word) = words.next() {
        if is_in(CONTRASTS, word)
            || (is(word, "only") && words.peek().is_some_and(|next| is_in(MEANS, next)))
        {
            return true;
        }
    }
    false
}

/// Whether `text` (a whole cell, or a block under a heading) is a short answer that denies
/// what its label or heading names: "Not in place", "None yet", "Not documented", "Missing".
/// A bare "No" is not one: "| Publicly accessible | No |" is a setting, not an absence.
pub fn is_denial(text: &str) -> bool {
    // Five short words at most; and every such answer starts with one of these letters.
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    let starts_right = text
        .bytes()
        .next()
        .is_some_and(|b| b"cmnpsaCMNPSA".contains(&b));
    if text.len() > 60 || !starts_right || words_of(text).nth(5).is_some() {
        return false;
    }
    let mut words = words_of(text).skip_while(|(_, w)| is_in(ANSWER_LEADS, w));
    match words.next() {
        Some((_, first)) if is(first, "not") => denies_existence(&mut words),
        Some((_, first)) if is_in(ABSENT, first) => {
            words.all(|(_, w)| is_in(PREDICATE_ADVERBS, w) || is_in(EXISTENCE, w))
        }
        _ => false,
    }
}

/// Whether `phrase` (pack syntax) carries its own polarity: it holds a negator, so it means
/// what it says in any sentence ("not publicly accessible", "no RTO", "console ~ never").
pub fn has_own_polarity(phrase: &str) -> bool {
    may_hold_negator(phrase) && words_of(phrase).any(|(_, word)| is_negator(word))
}

/// Whether `text` holds the letters of a negator (`no`, `ne`, `n'`, `n’`, `without`, `lack`,
/// `absen`): a quick test, as most phrases hold none.
fn may_hold_negator(text: &str) -> bool {
    let bytes = text.as_bytes();
    let after_n = |next: u8| matches!(next.to_ascii_lowercase(), b'o' | b'e' | b'\'' | 0xE2);
    bytes
        .windows(2)
        .any(|pair| pair[0].eq_ignore_ascii_case(&b'n') && after_n(pair[1]))
        || [&b"without"[..], b"lack", b"absen"]
            .iter()
            .any(|word| (bytes.windows(word.len())).any(|window| window.eq_ignore_ascii_case(word)))
}

/// A negator among the few words before `start`, with only [`BETWEEN`] words after it.
fn denied_before(text: &str, start: usize) -> bool {
    let mut end = start;
    for (range, word) in words_before(text, start).take(4) {
        if has_break(&text[range.end..end], false) {
            return false;
        }
        if is_negator(word) {
            return !is_pseudo(text, range.end) && !is_alternative(text, range.start);
        }
        if !is_in(BETWEEN, word) {
            return false;
        }
        end = range.start;
    }
    false
}

/// Whether a negator at `end` is part of a fixed phrase ("not only", "no later than").
fn is_pseudo(text: &str, end: usize) -> bool {
    (words_of(&text[end..]).next()).is_some_and(|(_, next)| is_in(PSEUDO_FOLLOWERS, next))
}

/// Whether a negator at `start` offers an alternative ("whether or not", "if not").
fn is_alternative(text: &str, start: usize) -> bool {
    (words_before(text, start).next()).is_some_and(|(_, word)| is_in(&["if", "or"], word))
}

/// A denied predicate among the few words after `end`: "… is not documented", "…: none",
/// a final "no".
fn denied_after(text: &str, end: usize) -> bool {
    let mut words = words_of(&text[end..]).map(|(r, w)| (r.start + end..r.end + end, w));
    let mut from = end;
    for _ in 0..5 {
        let Some((range, word)) = words.next() else {
            return false;
        };
        if has_break(&text[from..range.start], true) {
            return false;
        }
        from = range.end;
        if is_in(ABSENT, word) {
            return true;
        }
        if is_negator(word) {
            return denies_existence(&mut words) || (is(word, "no") && from == trimmed_end(text));
        }
        if !is_in(BEFORE_PREDICATE, word) {
            return false;
        }
    }
    false
}

/// After a predicate's negator: whether the verb says the thing does not exist ("not yet
/// written"), or nothing but adverbs follow ("plan: not yet").
fn denies_existence<'t>(words: &mut impl Iterator<Item = (Range<usize>, &'t str)>) -> bool {
    let mut adverbs = 0;
    for (_, word) in words.by_ref() {
        if is_in(EXISTENCE, word) {
            return true;
        }
        if !is_in(PREDICATE_ADVERBS, word) || adverbs == 3 {
            return false;
        }
        adverbs += 1;
    }
    adverbs > 0
}

/// Where `text` ends, less trailing punctuation and spaces.
fn trimmed_end(text: &str) -> usize {
    text.trim_end_matches(|c: char| !c.is_alphanumeric()).len()
}

/// Whether the gap between two words ends a clause: a comma, a semicolon, a sentence stop, a
/// bracket; in a predicate, label punctuation (`:`, `|`, dashes) does not.
fn has_break(gap: &str, in_predicate: bool) -> bool {
    gap.chars().any(|c| match c {
        ',' | ';' | '.' | '!' | '?' | '(' | ')' | '[' | ']' => true,
        ':' | '|' | '=' => !in_predicate,
        _ => false,
    })
}

/// Whether `word` denies: a negator, or a contraction in `n't`.
fn is_negator(word: &str) -> bool {
    is_in(NEGATORS, word) || ends_with_ignore_case(word, "n't") || word.ends_with("n\u{2019}t")
}

#[cfg(test)]
mod tests;
