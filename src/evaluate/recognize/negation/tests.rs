//! Denials read and not read.

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
        "", " ", "no", "not", "n't", "’", "'", "é", ":", "|", ",", "plan", "none", "\u{A0}", "٣",
        "ſ",
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
