//! Tests of the word matcher.

use super::*;
use crate::evaluate::recognize::topic;
use crate::test_rng::Rng;

fn matcher(parts: &[&str]) -> WordMatcher {
    let mut m = WordMatcher::default();
    for (i, part) in parts.iter().enumerate() {
        m.add(i, &topic::part_words(part).unwrap());
    }
    m
}

fn found(parts: &[&str], text: &str) -> Vec<(usize, String)> {
    matcher(parts)
        .find(text)
        .into_iter()
        .map(|m| (m.part, text[m.range].to_string()))
        .collect()
}

#[test]
fn words_written_apart_joined_or_hyphenated() {
    for text in [
        "the cut over plan",
        "our cut-over",
        "Cutover runbook",
        "cut‑over",
        "cut_over",
    ] {
        assert_eq!(found(&["cut over"], text).len(), 1, "{text}");
    }
    assert!(found(&["cut over"], "cut, over").is_empty());
    assert!(found(&["cut over"], "cutting over").is_empty());
}

#[test]
fn plurals_spellings_and_prefixes() {
    assert_eq!(
        found(&["policy"], "KMS key policies"),
        [(0, "policies".into())]
    );
    assert_eq!(found(&["optimization"], "cost optimisation").len(), 1);
    assert_eq!(found(&["data center"], "on-premises data centres").len(), 1);
    assert_eq!(found(&["rotat*"], "Passwords are rotated").len(), 1);
    assert_eq!(found(&["analys*"], "logs are analyzed daily").len(), 1);
    assert_eq!(found(&["RTO"], "RTOs agreed").len(), 1);
    assert!(found(&["RTO"], "PROTOCOL").is_empty());
    assert!(found(&["backup"], "backupretention").is_empty());
}

#[test]
fn every_occurrence_with_its_range() {
    assert_eq!(
        found(
            &["rto", "recovery time objective"],
            "RTO: the recovery-time objective; RTO"
        ),
        [
            (0, "RTO".into()),
            (1, "recovery-time objective".into()),
            (0, "RTO".into())
        ]
    );
}

/// One way of writing a part: each word in one of its forms (a prefix followed by some
/// letters), words apart or joined, in random case, between filler words; sometimes
/// spoiled (a comma between words, a letter more or less).
fn write(words: &[Word], rng: &mut Rng) -> String {
    const SEPARATORS: &[&str] = &[" ", "-", "/", "_", "\u{2011}", "", "  ", " - ", ", "];
    let mut text = String::from(rng.pick(&["We ", "The ", "(", "", "x "]));
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            text.push_str(rng.pick(SEPARATORS));
        }
        let mut form = match word {
            Word::Forms(forms) => forms[rng.below(forms.len())].clone(),
            Word::Prefix(prefixes) => format!(
                "{}{}",
                prefixes[rng.below(prefixes.len())],
                rng.pick(&["", "ed", "ion", "s", "ing"])
            ),
        };
        match rng.below(12) {
            0 => form.push('x'),
            1 => {
                form.pop();
            }
            _ => {}
        }
        if rng.below(3) == 0 {
            form = form.to_uppercase();
        }
        text.push_str(&form);
    }
    text.push_str(rng.pick(&[" is set.", ".", "", "s", "2", " and more"]));
    text
}

/// The word matcher agrees with each part's regex, on every plain-word part of the
/// built-in packs written in many ways.
#[test]
fn agrees_with_the_part_regexes_of_the_builtin_packs() {
    use crate::packs::{Atom, Catalog};
    let catalog = Catalog::builtin();
    let mut parts: Vec<(String, Vec<Word>)> = Vec::new();
    for atom in &catalog.atoms.atoms {
        let phrases = match atom {
            Atom::Topic(phrases) | Atom::Mention(phrases) => phrases,
            Atom::Fact { names, .. } => names,
        };
        for phrase in phrases {
            let compiled = topic::compile(phrase).unwrap();
            for (source, words) in compiled.parts.into_iter().zip(compiled.words) {
                if let Some(words) = words {
                    parts.push((source, words));
                }
            }
        }
    }
    parts.sort_by(|a, b| a.0.cmp(&b.0));
    parts.dedup_by(|a, b| a.0 == b.0);
    assert!(parts.len() > 1000, "{} parts", parts.len());
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut disagreements = Vec::new();
    for (source, words) in &parts {
        let mut single = WordMatcher::default();
        single.add(0, words);
        let regex = regex::Regex::new(source).unwrap();
        for _ in 0..8 {
            let text = write(words, &mut rng);
            let by_words = !single.find(&text).is_empty();
            if by_words != regex.is_match(&text) {
                disagreements.push(format!("{source} on {text:?}: words say {by_words}"));
            }
        }
    }
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

/// The per-thread token cache never answers for another matcher, or for a matcher that
/// has changed since.
#[test]
fn token_cache_follows_the_matcher() {
    let text = "Backups are rotated; the backup plan";
    assert_eq!(found(&["backup"], text).len(), 2);
    assert!(found(&["rotat*"], text).iter().all(|(_, t)| t == "rotated"));
    let mut growing = matcher(&["plan"]);
    assert_eq!(growing.find(text).len(), 1);
    growing.add(1, &topic::part_words("backup*").unwrap());
    assert_eq!(growing.find(text).len(), 3);
    let long = "disasterrecoverybackupsnapshots";
    assert!(found(&["snapshot"], long).is_empty());
    assert_eq!(found(&["disaster*"], long).len(), 1);
}

#[test]
fn groupings_cover_every_join() {
    assert_eq!(groupings(1).len(), 1);
    assert_eq!(groupings(1)[0].len(), 1);
    assert_eq!(groupings(3).len(), 4);
    assert!(groupings(3).contains(&vec![0..2, 2..3]));
    assert_eq!(groupings(MAX_JOINED_WORDS + 1).len(), 1);
}

/// Matching text after text into one buffer, with reused working space, gives each text's
/// matches as a fresh search does, one after the other: nothing of one text leaks into the
/// next, and a part found at the same offset in two texts is kept in both.
#[test]
fn texts_found_into_one_buffer_are_each_found_whole() {
    let m = matcher(&["rto", "recovery time objective", "backup", "cut over"]);
    let texts = [
        "RTO",
        "RTO",
        "RTO: the recovery-time objective; RTO",
        "RTO and backups",
        "",
        "no match here at all, none",
        "backup cut over; RTO recovery time objective",
    ];
    let mut buffers = FindBuffers::default();
    let mut out = Vec::new();
    let mut want = Vec::new();
    for text in texts {
        m.find_into(text, &mut buffers, &mut out);
        want.extend(m.find(text));
    }
    assert_eq!(out, want);
    assert!(
        want.len() >= 8,
        "too few matches to compare: {}",
        want.len()
    );
}
