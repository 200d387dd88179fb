//! End-to-end recognizer tests: Markdown in, atoms out.

use super::*;
use crate::parse::markdown;
use std::cell::OnceCell;

fn lexicon() -> Lexicon {
    Lexicon::compile(&[
        AtomSpec::Fact {
            names: vec![
                "RTO".into(),
                "recovery time objective".into(),
                "recovery time".into(),
            ],
            value: ValueKind::Duration,
        },
        AtomSpec::Fact {
            names: vec!["RPO".into(), "recovery point objective".into()],
            value: ValueKind::Duration,
        },
        AtomSpec::Topic(vec!["cut over".into(), "switchover".into()]),
        AtomSpec::Topic(vec![
            "rotat* ~ password*".into(),
            "rotat* ~ credential*".into(),
        ]),
        AtomSpec::Fact {
            names: vec!["tables".into(), "objects".into()],
            value: ValueKind::Count,
        },
        AtomSpec::Fact {
            names: vec![
                "initial size".into(),
                "database size".into(),
                "data volume".into(),
            ],
            value: ValueKind::Size,
        },
        AtomSpec::Fact {
            names: vec!["availability".into(), "uptime".into(), "SLA".into()],
            value: ValueKind::Availability,
        },
        AtomSpec::Fact {
            names: vec![
                "TPS".into(),
                "transactions per second".into(),
                "throughput".into(),
            ],
            value: ValueKind::Rate,
        },
        AtomSpec::Mention(vec!["shared account*".into()]),
        AtomSpec::Topic(vec!["not publicly accessible".into()]),
    ])
    .unwrap()
}

const RTO: usize = 0;
const RPO: usize = 1;
const CUTOVER: usize = 2;
const ROTATION: usize = 3;
const TABLES: usize = 4;
const SIZE: usize = 5;
const SLA: usize = 6;
const TPS: usize = 7;
const SHARED: usize = 8;
const PRIVATE: usize = 9;

fn atoms(markdown_text: &str) -> Vec<usize> {
    let doc = markdown::parse(markdown_text, 0);
    let mut atoms: Vec<usize> = lexicon()
        .extract(&doc.blocks)
        .into_iter()
        .map(|h| h.atom)
        .collect();
    atoms.sort();
    atoms.dedup();
    atoms
}

fn states(markdown_text: &str, atom: usize) -> bool {
    atoms(markdown_text).contains(&atom)
}

#[test]
fn facts_in_sentences_digits_and_words() {
    for text in [
        "Our RTO is one hour.",
        "The customer agreed a recovery time objective of 15 minutes.",
        "We target an RTO under thirty seconds for the ordering service.",
        "RTO: 4h",
        "A 2-hour RTO was accepted by the board.",
        "Recovery time is measured at under 90 seconds in the last drill.",
    ] {
        assert!(states(text, RTO), "{text}");
    }
}

#[test]
fn each_name_takes_its_own_value() {
    assert_eq!(
        atoms("The RTO is 1 hour and the RPO is 5 minutes."),
        [RTO, RPO]
    );
    assert_eq!(atoms("RTO/RPO: 4h/15min"), [RTO, RPO]);
    assert_eq!(atoms("RPO is 5 minutes; the RTO is TBD."), [RPO]);
    assert_eq!(
        atoms("The RTO is to be confirmed, the RPO is 5 minutes"),
        [RPO]
    );
    assert_eq!(
        atoms("RTO and RPO will be agreed later."),
        Vec::<usize>::new()
    );
}

#[test]
fn key_value_lines_and_definition_lists() {
    assert_eq!(
        atoms("**RTO:** 1 hour  \n**RPO:** five minutes\n"),
        [RTO, RPO]
    );
    assert!(states("RTO\n: one hour\n", RTO));
}

#[test]
fn tables_in_both_orientations() {
    assert_eq!(
        atoms("| Objective | RTO | RPO |\n|---|---|---|\n| Target | 1 hour | 5 min |\n"),
        [RTO, RPO]
    );
    assert_eq!(
        atoms("| Metric | Target |\n|---|---|\n| RTO | 30 minutes |\n| RPO | TBD |\n"),
        [RTO]
    );
    assert!(states(
        "| Item | Value |\n|---|---|\n| Tables | 1,850 |\n| Initial size | 2.4 TB |\n",
        TABLES
    ));
    assert!(states(
        "| Item | Value |\n|---|---|\n| Tables | 1,850 |\n| Initial size | 2.4 TB |\n",
        SIZE
    ));
    assert!(!states("| RTO | RPO |\n|---|---|\n|  |  |\n", RTO));
}

#[test]
fn headings_followed_by_values() {
    assert!(states("## RTO\n\nOne hour, agreed with the CIO.\n", RTO));
    assert!(!states("## RTO\n\nTBD\n", RTO));
    assert!(!states("## RTO\n\n## RPO\n\n5 minutes\n", RTO));
}

#[test]
fn topics_with_variants_and_content() {
    assert!(states(
        "The cut-over plan froze writes at 01:00 and moved DNS.",
        CUTOVER
    ));
    assert!(states(
        "Cutover was rehearsed twice before go-live.",
        CUTOVER
    ));
    assert!(states(
        "Database credentials are rotated automatically every 30 days by Secrets Manager.",
        ROTATION
    ));
    assert!(!states("Cutover plan: TBD", CUTOVER));
    assert!(!states("- [ ] Cutover", CUTOVER));
    assert!(!states("## Cutover plan\n\nTODO\n", CUTOVER));
    assert!(states(
        "## Cutover plan\n\nWe stopped the application at 01:00 and switched DNS.\n",
        CUTOVER
    ));
}

#[test]
fn code_blocks_comments_and_link_urls_do_not_count() {
    assert!(!states("```yaml\nRTO: 1 hour\n```\n", RTO));
    assert!(!states("<!-- RTO: 1 hour -->\n", RTO));
    assert!(!states(
        "See [the plan](https://example.com/cutover-plan-for-the-switchover) now.",
        CUTOVER
    ));
}

#[test]
fn counts_sizes_availability_and_rates() {
    assert!(states(
        "The schema holds about 1,850 tables and views.",
        TABLES
    ));
    assert!(states("It has roughly two thousand objects.", TABLES));
    assert!(!states("We migrated the tables in 2025.", TABLES));
    assert!(states("The initial size was 2.4 TB.", SIZE));
    assert!(states("Availability target: 99.95 %.", SLA));
    assert!(states("The SLA is four nines.", SLA));
    assert!(!states(
        "Availability was discussed with the customer.",
        SLA
    ));
    assert!(states("Peak load is 3,500 TPS.", TPS));
    assert!(states(
        "The application needs 1200 transactions per second at peak.",
        TPS
    ));
}

#[test]
fn placeholders_are_never_evidence() {
    for text in [
        "RTO: TBD",
        "RTO: N/A",
        "RTO: <fill in>",
        "RTO: [insert RTO]",
        "RTO: XXX",
        "RTO: ...",
        "RTO: to be confirmed",
        "RTO: {{ rto }}",
    ] {
        assert!(!states(text, RTO), "{text}");
    }
}

fn stating(stated: &'static [(u32, u32)]) -> Sentence<'static> {
    Sentence {
        block: 0,
        range: 0..0,
        text: "",
        stated,
        found: &[],
        memo: TextMemo::default(),
        names: OnceCell::new(),
    }
}

#[test]
fn sentences_are_grouped_by_atom_in_order() {
    let sentences = [
        stating(&[(2, 0), (2, 1), (5, 0)]),
        stating(&[(0, 3)]),
        stating(&[(2, 4), (5, 1), (5, 2)]),
    ];
    assert_eq!(
        sentences_by_atom(&sentences, 6),
        [(0, 1), (2, 0), (2, 2), (5, 0), (5, 2)]
    );
    assert!(sentences_by_atom(&[], 3).is_empty());
}

#[test]
fn section_leads_reuse_the_blocks_word_matches() {
    let lexicon = lexicon();
    let doc = markdown::parse(
        "## Recovery time objective\n\nRecovery time - four hours. Cut over later.\n\n\
         ## Cut\n\nover the weekend, rotating passwords.\n",
        0,
    );
    let mut workspace = Workspace::default();
    let sentences = lexicon.sentences(&doc.blocks, &mut workspace);
    let mut leads = 0;
    // A section lead's text is longer than its range, the heading's.
    for lead in sentences.iter().filter(|s| s.text.len() > s.range.len()) {
        // Matching the joined text anew finds exactly what the blocks' matches give.
        assert_eq!(lead.found, lexicon.words.find(lead.text), "{}", lead.text);
        assert!(!lead.found.is_empty());
        leads += 1;
    }
    assert_eq!(leads, 2);
}

/// A part written the same way in several phrases, or written differently with the same
/// regex, is one part; an empty part is an error that names its phrase.
#[test]
fn parts_are_shared_between_phrases() {
    let lexicon = Lexicon::compile(&[
        AtomSpec::Topic(vec!["backup ~ restore".into(), "backup plan".into()]),
        AtomSpec::Topic(vec![
            "Backup".into(),
            "restore ~ backup".into(),
            "backup-plan".into(),
        ]),
    ])
    .unwrap();
    assert_eq!(lexicon.sources.len(), 3, "{:?}", lexicon.sources);
    let mut restore_backup = lexicon.atoms[1].phrases[1].clone();
    restore_backup.reverse();
    assert_eq!(lexicon.atoms[0].phrases[0], restore_backup);
    assert_eq!(lexicon.atoms[0].phrases[1], lexicon.atoms[1].phrases[2]);
    let error = Lexicon::compile(&[AtomSpec::Topic(vec!["backup ~ ".into()])]).unwrap_err();
    assert_eq!(error.0, "phrase `backup ~ `: empty part");
}

/// Counting words up to the `n`-th says what counting them all does, whatever the spaces.
#[test]
fn has_words_is_counting_words() {
    let pieces = [
        "", " ", "\t", "\r\n", "\u{A0}", "\u{2003}", "\u{3000}", "\u{85}", "a", "RTO", "ſ",
        "\u{212A}", "é", "٣", "-", "4h",
    ];
    let mut rng = crate::test_rng::Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let text = rng.text(&pieces, 8);
        for n in 0..7 {
            let all = text.split_whitespace().count();
            assert_eq!(statement::has_words(&text, n), all >= n, "{text:?} {n}");
        }
    }
}

#[test]
fn denied_topics_are_not_stated() {
    for text in [
        "Cutover plan: none",
        "There is no cutover plan.",
        "We have no cut-over plan for this migration.",
        "A cutover plan was not prepared.",
        "The cutover plan has not been written yet.",
        "Cutover plan: not documented",
        "Cutover plan: pending",
        "We did not document the cutover.",
        "Without a cutover plan, the team improvised.",
        "Passwords are not rotated.",
        "We do not rotate credentials.",
    ] {
        assert!(!states(text, CUTOVER) && !states(text, ROTATION), "{text}");
    }
    for text in [
        "Cutover happened with no downtime.",
        "The cutover took no longer than 40 minutes.",
        "Credentials are rotated every 30 days, not manually.",
        "There is no manual step: the cutover is scripted end to end.",
        // One occurrence affirmed is enough.
        "We have no runbook for rollbacks, but the cutover plan is rehearsed.",
    ] {
        assert!(states(text, CUTOVER) || states(text, ROTATION), "{text}");
    }
}

#[test]
fn mentions_and_phrases_with_a_negator_are_stated_either_way() {
    for text in [
        "Shared accounts are forbidden for every engineer.",
        "There are no shared accounts in any customer account.",
    ] {
        assert!(states(text, SHARED), "{text}");
    }
    assert!(states(
        "The instances are not publicly accessible.",
        PRIVATE
    ));
    assert!(!states("Encryption is not publicly documented.", PRIVATE));
}
