//! A document's blocks split into sentences (and cells), each with the phrases it states:
//! the word matcher runs once per block, the literal automaton once per sentence.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use regex_automata::{Anchored, Input};

use super::memo::TextMemo;
use super::words::PartMatch;
use super::{Lexicon, facts, text};
use crate::parse::blocks::{BlockKind, TextBlock};

/// A sentence (or cell) of a block, with the parts that matched in it.
pub(crate) struct Sentence<'a> {
    pub block: usize,
    pub range: Range<usize>,
    pub text: Cow<'a, str>,
    /// The phrases that occur (every part of them does), as (atom, phrase index), ascending.
    pub(super) stated: Vec<(u32, u32)>,
    /// Where the word matcher's parts occur, in the sentence's text.
    pub(super) found: Vec<PartMatch>,
    /// What is computed once about the sentence's text.
    pub memo: TextMemo,
    /// Where every fact atom's name occurs, in block coordinates (computed once).
    pub names: OnceCell<Vec<Range<usize>>>,
}

impl Sentence<'_> {
    /// The indices of the phrases of `atom` that occur in the sentence, ascending.
    pub fn phrases_of(&self, atom: usize) -> impl Iterator<Item = usize> + '_ {
        let atom = atom as u32;
        let start = self.stated.partition_point(|&(a, _)| a < atom);
        (self.stated[start..].iter())
            .take_while(move |&&(a, _)| a == atom)
            .map(|&(_, phrase)| phrase as usize)
    }
}

impl Lexicon {
    /// The regex-matched parts that occur in `text`: candidates from the literal automaton,
    /// confirmed by their regexes.
    fn regex_matches(&self, text: &str) -> Vec<usize> {
        let mut matched: Vec<usize> = Vec::new();
        if self.parts_of_literal.is_empty() {
            return matched;
        }
        for m in self.literals.find_overlapping_iter(text) {
            for &p in &self.parts_of_literal[m.pattern().as_usize()] {
                if matched.contains(&p) {
                    continue;
                }
                // A part starts where its literal does: an anchored search there is cheap.
                let input = Input::new(text).range(m.start()..).anchored(Anchored::Yes);
                if self.part(p).is_match(input) {
                    matched.push(p);
                }
            }
        }
        matched
    }

    /// A sentence with the word matches `found` (in its text's coordinates), if any part
    /// occurs in it.
    fn sentence<'a>(
        &self,
        block: usize,
        range: Range<usize>,
        text: Cow<'a, str>,
        found: impl Iterator<Item = PartMatch> + Clone,
        scratch: &mut Scratch,
    ) -> Option<Sentence<'a>> {
        let matched = &mut scratch.matched;
        matched.clear();
        matched.extend(found.clone().map(|m| m.part));
        matched.extend(self.regex_matches(&text));
        matched.sort_unstable();
        matched.dedup();
        self.phrases_stated(matched, &mut scratch.seen, &mut scratch.stated);
        (!scratch.stated.is_empty()).then(|| Sentence {
            block,
            range,
            text,
            stated: scratch.stated.clone(),
            found: found.collect(),
            memo: TextMemo::default(),
            names: OnceCell::new(),
        })
    }

    /// Puts in `stated` the phrases every part of which is in `matched` (ascending), as
    /// (atom, phrase index), ascending. `seen` is a bitset of parts, all clear, and left so.
    fn phrases_stated(&self, matched: &[usize], seen: &mut Vec<u64>, stated: &mut Vec<(u32, u32)>) {
        stated.clear();
        seen.resize(self.triggers.len().div_ceil(64), 0);
        let bit = |part: usize| (part / 64, 1u64 << (part % 64));
        for &part in matched {
            let (word, mask) = bit(part);
            seen[word] |= mask;
        }
        for &part in matched {
            for trigger in &self.triggers[part] {
                let all_seen = (trigger.rest.iter()).all(|&p| {
                    let (word, mask) = bit(p);
                    seen[word] & mask != 0
                });
                if all_seen {
                    stated.push((trigger.atom, trigger.phrase));
                }
            }
        }
        for &part in matched {
            seen[bit(part).0] = 0;
        }
        stated.sort_unstable();
    }
    pub(super) fn sentences<'a>(&self, blocks: &'a [TextBlock]) -> Vec<Sentence<'a>> {
        let found: Vec<Vec<PartMatch>> = blocks.iter().map(|b| self.words.find(&b.text)).collect();
        let mut out = Vec::new();
        let mut scratch = Scratch::default();
        for (b, block) in blocks.iter().enumerate() {
            let ranges = match block.kind {
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::DefinitionBody => {
                    text::sentences(&block.text)
                }
                _ => std::iter::once(0..block.text.len()).collect(),
            };
            out.reserve(ranges.len());
            for range in ranges {
                let text = &block.text[range.clone()];
                let inside = within(&found[b], range.clone());
                out.extend(self.sentence(b, range, Cow::Borrowed(text), inside, &mut scratch));
            }
            if let BlockKind::Heading(level) = block.kind {
                out.extend(self.section_lead(blocks, &found, b, level, &mut scratch));
            }
        }
        out
    }

    /// A heading read together with the first sentence of the first block under it
    /// ("## Inputs we collect" + "Instance hours, storage and backups priced with the AWS
    /// Pricing Calculator."), so that a phrase's parts may be split between them. Located at
    /// the heading. `found` holds each block's word matches: no word sequence crosses the
    /// `": "` that joins the two, so the lead's matches are the heading's and the sentence's.
    pub(super) fn section_lead<'a>(
        &self,
        blocks: &'a [TextBlock],
        found: &[Vec<PartMatch>],
        heading: usize,
        level: u8,
        scratch: &mut Scratch,
    ) -> Option<Sentence<'a>> {
        let first = facts::section_blocks(blocks, heading, level).next()?;
        let lead = text::first_sentence(&blocks[first].text)?;
        let title = &blocks[heading].text;
        let combined = format!("{title}: {}", &blocks[first].text[lead.clone()]);
        let shift = title.len() + 2;
        let mut matches = found[heading].clone();
        matches.extend(within(&found[first], lead).map(|m| PartMatch {
            part: m.part,
            range: m.range.start + shift..m.range.end + shift,
        }));
        let range = 0..title.len();
        let found = matches.iter().cloned();
        self.sentence(heading, range, Cow::Owned(combined), found, scratch)
    }
}

/// The matches inside `range` of a block (`found` is ordered by start), moved to the range's
/// coordinates.
fn within(
    found: &[PartMatch],
    range: Range<usize>,
) -> impl Iterator<Item = PartMatch> + Clone + '_ {
    let first = found.partition_point(|m| m.range.start < range.start);
    (found[first..].iter())
        .take_while(move |m| m.range.start < range.end)
        .filter(move |m| m.range.end <= range.end)
        .map(move |m| PartMatch {
            part: m.part,
            range: m.range.start - range.start..m.range.end - range.start,
        })
}

/// Buffers reused from sentence to sentence while deciding what each states.
#[derive(Default)]
pub(super) struct Scratch {
    /// The parts that occur in the sentence.
    matched: Vec<usize>,
    /// The phrases they complete.
    stated: Vec<(u32, u32)>,
    /// The matched parts as a bitset (clear between sentences).
    seen: Vec<u64>,
}

/// (atom, sentence) for every atom each sentence states, ordered by atom, then sentence: a
/// counting sort, as there are few atoms and the sentences come in order.
pub(super) fn sentences_by_atom(sentences: &[Sentence<'_>], atoms: usize) -> Vec<(u32, u32)> {
    let mut starts = vec![0u32; atoms + 1];
    for sentence in sentences {
        atoms_stated(sentence).for_each(|atom| starts[atom + 1] += 1);
    }
    for a in 0..atoms {
        starts[a + 1] += starts[a];
    }
    let mut pairs = vec![(0u32, 0u32); starts[atoms] as usize];
    for (s, sentence) in sentences.iter().enumerate() {
        for atom in atoms_stated(sentence) {
            pairs[starts[atom] as usize] = (atom as u32, s as u32);
            starts[atom] += 1;
        }
    }
    pairs
}

/// The atoms a sentence states, each once, ascending.
fn atoms_stated<'s>(sentence: &'s Sentence<'_>) -> impl Iterator<Item = usize> + 's {
    let stated = &sentence.stated;
    (stated.iter().enumerate())
        .filter(move |&(k, &(atom, _))| k == 0 || stated[k - 1].0 != atom)
        .map(|(_, &(atom, _))| atom as usize)
}
