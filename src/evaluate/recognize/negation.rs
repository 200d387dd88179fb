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

/// Words that deny what follows them.
const NEGATORS: &[&str] = &[
    "no", "not", "never", "without", "none", "nor", "neither", "lack", "lacks", "lacked",
    "lacking", "absence", "cannot",
];

/// Words a negator is not one with when followed by them ("not only", "no later than").
const PSEUDO_FOLLOWERS: &[&str] = &[
    "only",
    "just",
    "longer",
    "later",
    "earlier",
    "more",
    "less",
    "fewer",
    "matter",
    "limited",
    "doubt",
    "necessarily",
    "least",
    "exception",
];

/// Words that may stand between a negator and the phrase it denies: articles, auxiliaries,
/// and the qualifiers of a document or practice ("no formally documented", "do not have a").
const BETWEEN: &[&str] = &[
    "a",
    "an",
    "the",
    "any",
    "such",
    "this",
    "that",
    "these",
    "those",
    "our",
    "their",
    "its",
    "his",
    "her",
    "your",
    "my",
    "one",
    "single",
    "kind",
    "form",
    "sort",
    "type",
    "of",
    "yet",
    "currently",
    "still",
    "ever",
    "really",
    "formal",
    "formally",
    "documented",
    "written",
    "clear",
    "clearly",
    "detailed",
    "defined",
    "explicit",
    "explicitly",
    "proper",
    "properly",
    "specific",
    "dedicated",
    "separate",
    "agreed",
    "tested",
    "automated",
    "automatic",
    "automatically",
    "regular",
    "regularly",
    "actual",
    "existing",
    "current",
    "have",
    "has",
    "had",
    "having",
    "be",
    "been",
    "being",
    "is",
    "are",
    "was",
    "were",
    "need",
    "needed",
    "require",
    "required",
    "use",
    "used",
    "do",
    "does",
    "did",
    "document",
    "define",
    "write",
    "prepare",
    "plan",
    "create",
    "include",
    "provide",
    "perform",
    "implement",
    "enable",
    "configure",
    "want",
    "wanted",
    "ask",
    "asked",
    "request",
    "requested",
    "keep",
    "kept",
    "maintain",
    "there",
];

/// Words that may stand between a phrase and the negator of its predicate: the nouns a topic
/// is often the qualifier of, and auxiliaries ("fallback plan has not been written").
const BEFORE_PREDICATE: &[&str] = &[
    "plan",
    "plans",
    "planning",
    "runbook",
    "runbooks",
    "procedure",
    "procedures",
    "process",
    "processes",
    "document",
    "documents",
    "documentation",
    "policy",
    "policies",
    "strategy",
    "strategies",
    "step",
    "steps",
    "report",
    "reports",
    "matrix",
    "approach",
    "design",
    "option",
    "options",
    "mechanism",
    "mechanisms",
    "details",
    "section",
    "in",
    "place",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "been",
    "be",
    "will",
    "would",
    "does",
    "do",
    "did",
    "yet",
    "currently",
    "still",
    "also",
];

/// Words between a predicate's negator and its verb ("not yet been written").
const PREDICATE_ADVERBS: &[&str] = &[
    "yet",
    "been",
    "be",
    "being",
    "formally",
    "fully",
    "currently",
    "properly",
    "clearly",
    "explicitly",
    "ever",
    "even",
    "really",
];

/// Verbs that, denied, say the thing does not exist ("not written", "never implemented").
const EXISTENCE: &[&str] = &[
    "documented",
    "defined",
    "written",
    "prepared",
    "created",
    "drafted",
    "planned",
    "established",
    "provided",
    "included",
    "done",
    "captured",
    "produced",
    "developed",
    "designed",
    "recorded",
    "specified",
    "implemented",
    "configured",
    "enabled",
    "set",
    "in",
    "available",
    "considered",
    "required",
    "applicable",
    "performed",
    "conducted",
    "carried",
    "enforced",
    "deployed",
    "activated",
    "turned",
    "present",
    "possible",
    "feasible",
    "supported",
    "there",
    "part",
    "covered",
    "addressed",
    "exist",
    "existing",
    "put",
];

/// Words that, as the phrase's value or predicate, say the thing is absent ("plan: none").
const ABSENT: &[&str] = &[
    "none",
    "missing",
    "pending",
    "absent",
    "lacking",
    "nonexistent",
    "nil",
];

/// Words that end a clause: a negator's reach stops at them.
const CLAUSE_BREAKS: &[&str] = &[
    "but", "however", "although", "though", "except", "whereas", "while", "and", "which", "that",
    "because", "since", "so", "when", "if", "unless", "until", "once", "after", "before",
    "instead",
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
        match word.as_str() {
            "but" | "instead" | "rather" => return true,
            "only"
                if words
                    .peek()
                    .is_some_and(|next| MEANS.contains(&next.as_str())) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Words that, after "only", name the means by which a denied thing still happens.
const MEANS: &[&str] = &[
    "through", "via", "by", "from", "using", "with", "in", "over",
];

/// Whether `text` (a whole cell, or a block under a heading) is a short answer that denies
/// what its label or heading names: "Not in place", "None yet", "Not documented", "Missing".
/// A bare "No" is not one: "| Publicly accessible | No |" is a setting, not an absence.
pub fn is_denial(text: &str) -> bool {
    let mut words = words_of(text).skip_while(|(_, w)| w == "currently" || w == "still");
    let Some((_, first)) = words.next() else {
        return false;
    };
    if words_of(text).nth(5).is_some() {
        return false;
    }
    match first.as_str() {
        "not" => denies_existence(&mut words),
        "none" | "nothing" | "missing" | "pending" | "absent" | "nonexistent" | "nil" => {
            words.all(|(_, w)| PREDICATE_ADVERBS.contains(&&*w) || EXISTENCE.contains(&&*w))
        }
        _ => false,
    }
}

/// Whether `phrase` (pack syntax) carries its own polarity: it holds a negator, so it means
/// what it says in any sentence ("not publicly accessible", "no RTO", "console ~ never").
pub fn has_own_polarity(phrase: &str) -> bool {
    words_of(phrase).any(|(_, word)| is_negator(&word))
}

/// A negator among the few words before `start`, with only [`BETWEEN`] words after it.
fn denied_before(text: &str, start: usize) -> bool {
    let mut end = start;
    for (range, word) in words_before(text, start).take(4) {
        if has_break(&text[range.end..end], false) {
            return false;
        }
        if is_negator(&word) {
            return !is_pseudo(text, range.end) && !is_alternative(text, range.start);
        }
        if !BETWEEN.contains(&word.as_str()) || CLAUSE_BREAKS.contains(&word.as_str()) {
            return false;
        }
        end = range.start;
    }
    false
}

/// Whether a negator at `end` is part of a fixed phrase ("not only", "no later than").
fn is_pseudo(text: &str, end: usize) -> bool {
    (words_of(&text[end..]).next()).is_some_and(|(_, next)| PSEUDO_FOLLOWERS.contains(&&*next))
}

/// Whether a negator at `start` offers an alternative ("whether or not", "if not").
fn is_alternative(text: &str, start: usize) -> bool {
    (words_before(text, start).next()).is_some_and(|(_, word)| word == "or" || word == "if")
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
        if ABSENT.contains(&word.as_str()) {
            return true;
        }
        if is_negator(&word) {
            return denies_existence(&mut words) || (word == "no" && from == trimmed_end(text));
        }
        if !BEFORE_PREDICATE.contains(&word.as_str()) {
            return false;
        }
    }
    false
}

/// After a predicate's negator: whether the verb says the thing does not exist ("not yet
/// written"), or nothing but adverbs follow ("plan: not yet").
fn denies_existence(words: &mut impl Iterator<Item = (Range<usize>, String)>) -> bool {
    let mut adverbs = 0;
    for (_, word) in words.by_ref() {
        if EXISTENCE.contains(&word.as_str()) {
            return true;
        }
        if !PREDICATE_ADVERBS.contains(&word.as_str()) || adverbs == 3 {
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

/// Whether `word` (lowercase) denies: a negator, or a contraction in `n't`.
fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word) || word.ends_with("n't") || word.ends_with("n\u{2019}t")
}

/// The words of `text` (letters, digits and apostrophes), lowercase, with their ranges.
fn words_of(text: &str) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
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
        Some((start..end, text[start..end].to_lowercase()))
    })
}

/// The words of `text` before `end`, nearest first.
fn words_before(text: &str, end: usize) -> impl Iterator<Item = (Range<usize>, String)> + '_ {
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
        Some((start..word_end, text[start..word_end].to_lowercase()))
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
