//! A document's blocks split into sentences (and cells), each with the phrases it states:
//! the word matcher runs once per block, the literal automaton once per sentence. What the
//! sentences state and where their parts occur are slices of the thread's [`Workspace`].

use std::cell::OnceCell;
use std::ops::Range;

use regex_automata::{Anchored, Input};

use super::memo::TextMemo;
use super::words::PartMatch;
use super::workspace::Workspace;
use super::{Lexicon, facts, text};
use crate::parse::blocks::{BlockKind, TextBlock};

/// A sentence (or cell) of a block, with the parts that matched in it.
pub(crate) struct Sentence<'a> {
    pub block: usize,
    pub range: Range<usize>,
    pub text: &'a str,
    /// The phrases that occur (every part of them does), as (atom, phrase index), ascending.
    pub(super) stated: &'a [(u32, u32)],
    /// Where the word matcher's parts occur, in the sentence's text.
    pub(super) found: &'a [PartMatch],
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

/// Where a sentence is: its block, its range there, and, for a section lead, the range of its
/// text in the workspace's leads (else its text is the block's at `range`).
struct Place {
    block: usize,
    range: Range<usize>,
    lead: Option<Range<usize>>,
}

/// A sentence read: where it is, and the ranges of [`Collected`]'s buffers that hold what it
/// states and where its parts occur.
struct Draft {
    place: Place,
    stated: Range<usize>,
    found: Range<usize>,
}

/// The sentences of a document that state some phrase, as they are read.
#[derive(Default)]
pub(super) struct Collected {
    /// The parts that occur in the sentence being read.
    matched: Vec<usize>,
    /// The sentences.
    drafts: Vec<Draft>,
    /// The phrases each states, sentence after sentence.
    stated: Vec<(u32, u32)>,
    /// Where the word matcher's parts occur in each, sentence after sentence.
    found: Vec<PartMatch>,
    /// The matched parts of the sentence being read, as a bitset (clear between sentences).
    seen: Vec<u64>,
}

impl Collected {
    /// Empties the buffers (keeping their memory).
    pub fn clear(&mut self) {
        self.matched.clear();
        self.drafts.clear();
        self.stated.clear();
        self.found.clear();
    }

    /// Gives back the memory of buffers grown beyond `capacity` entries.
    pub fn trim(&mut self, capacity: usize) {
        self.matched.shrink_to(capacity);
        self.drafts.shrink_to(capacity);
        self.stated.shrink_to(capacity);
        self.found.shrink_to(capacity);
    }
}

impl Lexicon {
    /// Appends to `matched` the regex-matched parts that occur in `text`: candidates from the
    /// literal automaton, confirmed by their regexes.
    fn regex_matches(&self, text: &str, matched: &mut Vec<usize>) {
        if self.parts_of_literal.is_empty() {
            return;
        }
        let start = matched.len();
        for m in self.literals.find_overlapping_iter(text) {
            for &p in &self.parts_of_literal[m.pattern().as_usize()] {
                if matched[start..].contains(&p) {
                    continue;
                }
                // A part starts where its literal does: an anchored search there is cheap.
                let input = Input::new(text).range(m.start()..).anchored(Anchored::Yes);
                if self.part(p).is_match(input) {
                    matched.push(p);
                }
            }
        }
    }

    /// Reads the sentence at `place`, with text `text` and word matches `found` (in its text's
    /// coordinates): kept if some phrase occurs in it.
    fn sentence(
        &self,
        place: Place,
        text: &str,
        found: impl Iterator<Item = PartMatch> + Clone,
        out: &mut Collected,
    ) {
        let matched = &mut out.matched;
        matched.clear();
        matched.extend(found.clone().map(|m| m.part));
        self.regex_matches(text, matched);
        matched.sort_unstable();
        matched.dedup();
        let stated = out.stated.len();
        self.phrases_stated(matched, &mut out.seen, &mut out.stated);
        if out.stated.len() > stated {
            let start = out.found.len();
            out.found.extend(found);
            out.drafts.push(Draft {
                place,
                stated: stated..out.stated.len(),
                found: start..out.found.len(),
            });
        }
    }

    /// Appends to `stated` the phrases every part of which is in `matched` (ascending), as
    /// (atom, phrase index), ascending. `seen` is a bitset of parts, all clear, and left so.
    fn phrases_stated(&self, matched: &[usize], seen: &mut Vec<u64>, stated: &mut Vec<(u32, u32)>) {
        let start = stated.len();
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
        stated[start..].sort_unstable();
    }

    /// The sentences of the blocks that state some phrase, in order, built in `workspace`
    /// (which must be empty).
    pub(super) fn sentences<'a>(
        &self,
        blocks: &'a [TextBlock],
        workspace: &'a mut Workspace,
    ) -> Vec<Sentence<'a>> {
        workspace.matches.find(&self.words, blocks);
        for (b, block) in blocks.iter().enumerate() {
            match block.kind {
                BlockKind::Paragraph | BlockKind::ListItem | BlockKind::DefinitionBody => {
                    for range in text::sentences(&block.text) {
                        self.block_sentence(b, &block.text, range, workspace);
                    }
                }
                _ => self.block_sentence(b, &block.text, 0..block.text.len(), workspace),
            }
            if let BlockKind::Heading(level) = block.kind {
                self.section_lead(blocks, b, level, workspace);
            }
        }
        let workspace: &'a Workspace = workspace;
        let collected = &workspace.collected;
        (collected.drafts.iter())
            .map(|draft| Sentence {
                block: draft.place.block,
                range: draft.place.range.clone(),
                text: match &draft.place.lead {
                    Some(lead) => &workspace.leads[lead.clone()],
                    None => &blocks[draft.place.block].text[draft.place.range.clone()],
                },
                stated: &collected.stated[draft.stated.clone()],
                found: &collected.found[draft.found.clone()],
                memo: TextMemo::default(),
                names: OnceCell::new(),
            })
            .collect()
    }

    /// Reads the sentence at `range` of block `b` (whose text is `text`).
    fn block_sentence(&self, b: usize, text: &str, range: Range<usize>, workspace: &mut Workspace) {
        let found = within(workspace.matches.of(b), range.clone());
        let sentence = &text[range.clone()];
        let place = Place {
            block: b,
            range,
            lead: None,
        };
        self.sentence(place, sentence, found, &mut workspace.collected);
    }

    /// Reads a heading together with the first sentence of the first block under it
    /// ("## Inputs we collect" + "Instance hours, storage and backups priced with the AWS
    /// Pricing Calculator."), so that a phrase's parts may be split between them. Located at
    /// the heading. No word sequence crosses the `": "` that joins the two, so the lead's
    /// matches are the heading's and the sentence's.
    fn section_lead(
        &self,
        blocks: &[TextBlock],
        heading: usize,
        level: u8,
        workspace: &mut Workspace,
    ) {
        let Some(first) = facts::section_blocks(blocks, heading, level).next() else {
            return;
        };
        let Some(lead) = text::sentences(&blocks[first].text).next() else {
            return;
        };
        let title = blocks[heading].text.as_str();
        let Workspace {
            matches,
            collected,
            leads,
        } = workspace;
        let start = leads.len();
        for piece in [title, ": ", &blocks[first].text[lead.clone()]] {
            leads.push_str(piece);
        }
        let shift = title.len() + 2;
        let found = (matches.of(heading).iter().cloned()).chain(
            within(matches.of(first), lead).map(move |m| PartMatch {
                part: m.part,
                range: m.range.start + shift..m.range.end + shift,
            }),
        );
        let place = Place {
            block: heading,
            range: 0..title.len(),
            lead: Some(start..leads.len()),
        };
        let drafts = collected.drafts.len();
        self.sentence(place, &leads[start..], found, collected);
        if collected.drafts.len() == drafts {
            leads.truncate(start);
        }
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
    let stated = sentence.stated;
    (stated.iter().enumerate())
        .filter(move |&(k, &(atom, _))| k == 0 || stated[k - 1].0 != atom)
        .map(|(_, &(atom, _))| atom as usize)
}
