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

/// Words that deny what follows them.
const NEGATORS: &[&str] = &[
    "absence", "cannot", "lack", "lacked", "lacking", "lacks", "neither", "never", "no", "none",
    "nor", "not", "without",
];

/// Words a negator is not one with when followed by them ("not only", "no later than").
const PSEUDO_FOLLOWERS: &[&str] = &[
    "doubt",
    "earlier",
    "exception",
    "fewer",
    "just",
    "later",
    "least",
    "less",
    "limited",
    "longer",
    "matter",
    "more",
    "necessarily",
    "only",
];

/// Words that may stand between a negator and the phrase it denies: articles, auxiliaries,
/// and the qualifiers of a document or practice ("no formally documented", "do not have a").
const BETWEEN: &[&str] = &[
    "a",
    "actual",
    "agreed",
    "an",
    "any",
    "are",
    "ask",
    "asked",
    "automated",
    "automatic",
    "automatically",
    "be",
    "been",
    "being",
    "clear",
    "clearly",
    "configure",
    "create",
    "current",
    "currently",
    "dedicated",
    "define",
    "defined",
    "detailed",
    "did",
    "do",
    "document",
    "documented",
    "does",
    "enable",
    "ever",
    "existing",
    "explicit",
    "explicitly",
    "form",
    "formal",
    "formally",
    "had",
    "has",
    "have",
    "having",
    "her",
    "his",
    "implement",
    "include",
    "is",
    "its",
    "keep",
    "kept",
    "kind",
    "maintain",
    "my",
    "need",
    "needed",
    "of",
    "one",
    "our",
    "perform",
    "plan",
    "prepare",
    "proper",
    "properly",
    "provide",
    "really",
    "regular",
    "regularly",
    "request",
    "requested",
    "require",
    "required",
    "separate",
    "single",
    "sort",
    "specific",
    "still",
    "such",
    "tested",
    "the",
    "their",
    "there",
    "these",
    "this",
    "those",
    "type",
    "use",
    "used",
    "want",
    "wanted",
    "was",
    "were",
    "write",
    "written",
    "yet",
    "your",
];

/// Words that may stand between a phrase and the negator of its predicate: the nouns a topic
/// is often the qualifier of, and auxiliaries ("fallback plan has not been written").
const BEFORE_PREDICATE: &[&str] = &[
    "also",
    "approach",
    "are",
    "be",
    "been",
    "currently",
    "design",
    "details",
    "did",
    "do",
    "document",
    "documentation",
    "documents",
    "does",
    "had",
    "has",
    "have",
    "in",
    "is",
    "matrix",
    "mechanism",
    "mechanisms",
    "option",
    "options",
    "place",
    "plan",
    "planning",
    "plans",
    "policies",
    "policy",
    "procedure",
    "procedures",
    "process",
    "processes",
    "report",
    "reports",
    "runbook",
    "runbooks",
    "section",
    "step",
    "steps",
    "still",
    "strategies",
    "strategy",
    "was",
    "were",
    "will",
    "would",
    "yet",
];

/// Words between a predicate's negator and its verb ("not yet been written").
const PREDICATE_ADVERBS: &[&str] = &[
    "be",
    "been",
    "being",
    "clearly",
    "currently",
    "even",
    "ever",
    "explicitly",
    "formally",
    "fully",
    "properly",
    "really",
    "yet",
];

/// Verbs that, denied, say the thing does not exist ("not written", "never implemented").
const EXISTENCE: &[&str] = &[
    "activated",
    "addressed",
    "applicable",
    "available",
    "captured",
    "carried",
    "conducted",
    "configured",
    "considered",
    "covered",
    "created",
    "defined",
    "deployed",
    "designed",
    "developed",
    "documented",
    "done",
    "drafted",
    "enabled",
    "enforced",
    "established",
    "exist",
    "existing",
    "feasible",
    "implemented",
    "in",
    "included",
    "part",
    "performed",
    "planned",
    "possible",
    "prepared",
    "present",
    "produced",
    "provided",
    "put",
    "recorded",
    "required",
    "set",
    "specified",
    "supported",
    "there",
    "turned",
    "written",
];

/// Words that, as the phrase's value or predicate, say the thing is absent ("plan: none").
const ABSENT: &[&str] = &[
    "absent",
    "lacking",
    "missing",
    "nil",
    "none",
    "nonexistent",
    "pending",
];

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

/// Words that offer the alternative to what was denied.
const CONTRASTS: &[&str] = &["but", "instead", "rather"];

/// Words that, after "only", name the means by which a denied thing still happens.
const MEANS: &[&str] = &[
    "by", "from", "in", "over", "through", "using", "via", "with",
];

/// Words that may start a short answer before its denial ("Currently not defined").
const ANSWER_LEADS: &[&str] = &["currently", "still"];

/// Words that start a short answer denying its label or heading ("None yet", "Missing").
const ANSWER_ABSENT: &[&str] = &[
    "absent",
    "missing",
    "nil",
    "none",
    "nonexistent",
    "nothing",
    "pending",
];

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
        Some((_, first)) if is_in(ANSWER_ABSENT, first) => {
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

/// Whether `word` is `lower` (lowercase ASCII), in any case.
fn is(word: &str, lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower)
}

/// Whether `word` is one of `list` (sorted, lowercase ASCII), in any case.
fn is_in(list: &[&str], word: &str) -> bool {
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|lower| list.binary_search(&lower).is_ok())
}

/// Whether `word` ends with `suffix` (lowercase ASCII), in any case.
fn ends_with_ignore_case(word: &str, suffix: &str) -> bool {
    let (word, suffix) = (word.as_bytes(), suffix.as_bytes());
    word.len() >= suffix.len() && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// The words of `text` (letters, digits and apostrophes), with their ranges.
fn words_of(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = rest.by_ref().find(|&(_, c)| c.is_alphanumeric())?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start..end, &text[start..end]))
    })
}

/// The words of `text` before `end`, nearest first.
fn words_before(text: &str, end: usize) -> impl Iterator<Item = (Range<usize>, &str)> + '_ {
    let mut end = end;
    std::iter::from_fn(move || {
        let head = &text[..end];
        let word_end = head.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        if word_end == 0 {
            return None;
        }
        let start = head[..word_end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(word_end, |(i, _)| i);
        end = start;
        Some((start..word_end, &text[start..word_end]))
    })
}

/// Letters, digits and the apostrophes of contractions.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '\u{2019}'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `sentence` denies the first occurrence of `words`.
    fn denied(sentence: &str, words: &str) -> bool {
        let start = sentence.find(words).expect("the words occur");
        denies(sentence, start..start + words.len())
    }

    #[test]
    fn a_negator_before_the_phrase_denies_it() {
        for (sentence, words) in [
            ("There is no cutover plan.", "cutover"),
            ("We have no documented fallback plan.", "fallback"),
            ("We did not document the cutover.", "cutover"),
            ("We don't have a rollback procedure.", "rollback"),
            ("We don’t rotate passwords.", "rotate"),
            ("Without a cutover plan, the team improvised.", "cutover"),
            ("Passwords are never rotated.", "rotated"),
            ("The instances lack encryption.", "encryption"),
            ("No switchover was planned.", "switchover"),
            ("There is a lack of any formal DR runbook.", "DR runbook"),
        ] {
            assert!(denied(sentence, words), "{sentence}");
        }
    }

    #[test]
    fn a_denied_predicate_after_the_phrase_denies_it() {
        for (sentence, words) in [
            ("A cutover plan was not prepared.", "cutover"),
            ("The cutover plan has not been written yet.", "cutover"),
            ("Cutover plan: none", "Cutover"),
            ("Fallback plan: not documented", "Fallback"),
            ("Fallback plan - not yet", "Fallback"),
            ("Password rotation is not enabled.", "Password rotation"),
            ("Fallback plan | missing", "Fallback"),
            ("Fallback plan in place: no.", "Fallback"),
            ("Multi-AZ was never implemented.", "Multi-AZ"),
        ] {
            assert!(denied(sentence, words), "{sentence}");
        }
    }

    #[test]
    fn negators_of_something_else_do_not_deny() {
        for (sentence, words) in [
            ("Cutover happened with no downtime.", "Cutover"),
            ("Cutover was completed without any data loss.", "Cutover"),
            ("The cutover took no longer than 40 minutes.", "cutover"),
            (
                "Credentials are rotated every 30 days, not manually.",
                "rotated",
            ),
            ("We saw no errors during the cutover.", "cutover"),
            ("No data was lost in the switchover.", "switchover"),
            ("The fallback plan was not needed in the end.", "fallback"),
            ("The fallback plan was not used.", "fallback"),
            ("Not only is the cutover rehearsed, it is timed.", "cutover"),
            (
                "There is no single point of failure, and the cutover is scripted.",
                "cutover",
            ),
            (
                "The runbook, not the wiki, describes the cutover.",
                "cutover",
            ),
            ("Passwords are rotated and never shared.", "rotated"),
            (
                "Fallback plan: no data is lost when we switch back.",
                "Fallback",
            ),
            ("No-downtime cutover.", "cutover"),
            (
                "Whether or not the cutover succeeds, we keep the source.",
                "cutover",
            ),
            (
                "Applications never connect to the instance directly, only through the proxy.",
                "connect",
            ),
            (
                "Passwords are never stored in code but in Secrets Manager.",
                "stored",
            ),
            (
                "The DR procedure was never needed in production.",
                "DR procedure",
            ),
            ("Failover does not require any manual step.", "Failover"),
            (
                "Password rotation is not manual: Secrets Manager rotates it.",
                "rotation",
            ),
        ] {
            assert!(!denied(sentence, words), "{sentence}");
        }
    }

    #[test]
    fn word_lists_are_sorted_lowercase_and_short() {
        for list in [
            NEGATORS,
            PSEUDO_FOLLOWERS,
            BETWEEN,
            BEFORE_PREDICATE,
            PREDICATE_ADVERBS,
            EXISTENCE,
            ABSENT,
            CONTRASTS,
            MEANS,
            ANSWER_LEADS,
            ANSWER_ABSENT,
        ] {
            assert!(list.is_sorted(), "{list:?}");
            for word in list {
                assert!(
                    word.len() <= 16 && *word == word.to_ascii_lowercase(),
                    "{word}"
                );
                assert!(
                    is_in(list, word) && is_in(list, &word.to_uppercase()),
                    "{word}"
                );
            }
        }
        assert!(!is_in(BETWEEN, "documentedness") && !is_in(BETWEEN, "a-very-long-word-indeed"));
    }

    #[test]
    fn a_text_that_denies_has_a_cue() {
        let pieces = [
            " ",
            "no",
            "not",
            "n't",
            "n’t",
            "never",
            "without",
            "lack",
            "absence",
            "none",
            "missing",
            "pending",
            "nil",
            "neither",
            "cannot",
            "Don't",
            "NO",
            "plan",
            "fallback",
            ":",
            ",",
            "is",
            "a",
            "the",
            "documented",
            "in",
            "place",
            "yet",
            "ON",
        ];
        let mut rng = crate::test_rng::Rng(0xC0FF_EE00_D15E_A5E5);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 8);
            let denies_any = (0..=text.len())
                .filter(|&at| text.is_char_boundary(at))
                .any(|at| denies(&text, at..at));
            assert!(!denies_any || has_cue(&text), "{text:?}");
            assert!(!is_denial(&text) || has_cue(&text), "{text:?}");
        }
    }

    #[test]
    fn short_answers_that_deny() {
        for answer in [
            "Not in place",
            "None yet.",
            "Not documented",
            "not applicable",
            "Missing",
            "Pending",
            "Currently not defined",
            "None planned",
            "Not yet",
        ] {
            assert!(is_denial(answer), "{answer}");
        }
        for answer in [
            "No",
            "Yes",
            "Not publicly accessible",
            "None of the instances is public.",
            "Not needed: the source stays read-only for 30 days and can take traffic back.",
            "",
            "Multi-AZ, not in place for dev",
        ] {
            assert!(!is_denial(answer), "{answer}");
        }
    }

    #[test]
    fn every_negator_passes_the_quick_test() {
        for negator in NEGATORS
            .iter()
            .chain(&["don't", "WON’T", "Cannot", "NEVER"])
        {
            assert!(may_hold_negator(negator), "{negator}");
        }
    }

    #[test]
    fn phrases_with_a_negator_carry_their_own_polarity() {
        assert!(has_own_polarity("not publicly accessible"));
        assert!(has_own_polarity("console ~ never"));
        assert!(has_own_polarity("no RTO"));
        assert!(!has_own_polarity("fallback"));
        assert!(!has_own_polarity("point of return"));
    }

    #[test]
    fn word_scanning_survives_any_text() {
        let pieces = [
            "", " ", "no", "not", "n't", "’", "'", "é", ":", "|", ",", "plan", "none", "\u{A0}",
            "٣", "ſ",
        ];
        let mut rng = crate::test_rng::Rng(0x51_7CC1_B727_220A);
        for _ in 0..20_000 {
            let text = rng.text(&pieces, 10);
            for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                let _ = denies(&text, at..at);
                let before: Vec<_> = words_before(&text, at).collect();
                let after: Vec<_> = words_of(&text[..at]).collect();
                assert_eq!(before.len(), after.len(), "{text:?} {at}");
            }
        }
    }
}
